// internal:url — the one part of the URL Standard that needs Unicode data:
// "domain to ASCII" and "domain to Unicode" (URL §3.3), i.e. UTS #46
// processing, done by ICU's uidna_* with the options the standard names:
// CheckBidi and CheckJoiners on, Transitional_Processing off, and
// CheckHyphens / UseSTD3ASCIIRules / VerifyDnsLength only when beStrict.
// lib/internal/url.js does everything else (the parser is JavaScript).
#include <unicode/uidna.h>

#include "builtins/builtins.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

const UIDNA* uts46(bool strict) {
  static UIDNA* lenient = nullptr;
  static UIDNA* strict_one = nullptr;
  UIDNA*& slot = strict ? strict_one : lenient;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    uint32_t options = UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
                       UIDNA_NONTRANSITIONAL_TO_UNICODE;
    if (strict) options |= UIDNA_USE_STD3_RULES;
    slot = uidna_openUTS46(options, &status);
    if (U_FAILURE(status)) slot = nullptr;
  }
  return slot;
}

// The errors that count: without beStrict, hyphen placement and DNS
// lengths are not checked (CheckHyphens and VerifyDnsLength false).
uint32_t relevant_errors(uint32_t errors, bool strict) {
  if (!strict) {
    errors &= ~uint32_t(UIDNA_ERROR_EMPTY_LABEL | UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |
                        UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN | UIDNA_ERROR_HYPHEN_3_4);
  }
  return errors;
}

// domainToASCII(domain, beStrict): the ASCII form, or null on failure.
Value domain_to_ascii(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string domain = to_utf8(vm, arg(args, 0));
  bool strict = to_boolean(arg(args, 1));
  const UIDNA* idna = uts46(strict);
  if (!idna) return Value::null();
  std::string out(domain.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uidna_nameToASCII_UTF8(idna, domain.data(), int32_t(domain.size()), out.data(), int32_t(out.size()),
                                     &info, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(size_t(n));
    status = U_ZERO_ERROR;
    info = UIDNA_INFO_INITIALIZER;
    n = uidna_nameToASCII_UTF8(idna, domain.data(), int32_t(domain.size()), out.data(), int32_t(out.size()), &info,
                               &status);
  }
  if (U_FAILURE(status) || relevant_errors(info.errors, strict) != 0) return Value::null();
  out.resize(size_t(n));
  return string_value(vm.new_string(out));
}

// domainToUnicode(domain): the Unicode form (errors leave labels as they are).
Value domain_to_unicode(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string domain = to_utf8(vm, arg(args, 0));
  const UIDNA* idna = uts46(false);
  if (!idna) return arg(args, 0);
  std::string out(domain.size() * 4 + 64, '\0');
  UIDNAInfo info = UIDNA_INFO_INITIALIZER;
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = uidna_nameToUnicodeUTF8(idna, domain.data(), int32_t(domain.size()), out.data(), int32_t(out.size()),
                                      &info, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(size_t(n));
    status = U_ZERO_ERROR;
    info = UIDNA_INFO_INITIALIZER;
    n = uidna_nameToUnicodeUTF8(idna, domain.data(), int32_t(domain.size()), out.data(), int32_t(out.size()), &info,
                                &status);
  }
  if (U_FAILURE(status)) return arg(args, 0);
  out.resize(size_t(n));
  return string_value(vm.new_string(out));
}

}  // namespace

Value url_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "domainToASCII", domain_to_ascii, 2);
  vm.define_native(b, "domainToUnicode", domain_to_unicode, 1);
  return object_value(b);
}

}  // namespace glass::natives
