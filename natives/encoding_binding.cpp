// internal:encoding — the bytes <-> text conversions behind TextEncoder and
// TextDecoder (lib/internal/encoding.js), on ICU's converters:
//   hasConverter(icuName) -> bool
//   decode(view, icuName, fatal, flush) -> [text, pendingBytes], or null when
//     fatal and the bytes are ill-formed. Without flush the converter keeps
//     an incomplete character back: pendingBytes says how many of the last
//     input bytes it held, and the JS side feeds them in again next time
//     (each call uses a fresh converter, so no converter outlives a call).
//   encodeUtf8(string) -> ArrayBuffer (lone surrogates become U+FFFD)
//   encodeInto(string, view) -> [read, written]: whole characters only.
// The label -> encoding table (the Encoding Standard's names) is in JS.
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

#include <cstring>
#include <string>

#include "builtins/builtins.h"
#include "natives/runtime.h"
#include "natives/view_bytes.h"

namespace glass::natives {

namespace {

struct Converter {
  UConverter* cnv = nullptr;
  explicit Converter(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    cnv = ucnv_open(name.c_str(), &status);
    if (U_FAILURE(status)) cnv = nullptr;
  }
  ~Converter() {
    if (cnv) ucnv_close(cnv);
  }
};

Value encoding_has_converter(Vm& vm, Value, std::span<const Value> a, Value) {
  return Value::boolean(Converter(to_utf8(vm, arg(a, 0))).cnv != nullptr);
}

// decode(view, icuName, fatal, flush)
Value encoding_decode(Vm& vm, Value, std::span<const Value> a, Value) {
  Converter c(to_utf8(vm, arg(a, 1)));
  if (!c.cnv) vm.throw_error(ErrorType::RangeError, "encoding: no converter");
  bool fatal = to_boolean(arg(a, 2)), flush = to_boolean(arg(a, 3));
  UErrorCode status = U_ZERO_ERROR;
  if (fatal) ucnv_setToUCallBack(c.cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  auto [data, size] = view_bytes(vm, arg(a, 0), "encoding");
  std::u16string text(size + 16, u'\0');
  const char* source = reinterpret_cast<const char*>(data);
  const char* source_end = source + size;
  size_t written = 0;
  for (;;) {
    UChar* target = reinterpret_cast<UChar*>(text.data()) + written;
    UChar* target_start = target;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(c.cnv, &target, reinterpret_cast<UChar*>(text.data()) + text.size(), &source, source_end,
                   nullptr, flush, &status);
    written += size_t(target - target_start);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    text.resize(text.size() * 2);
  }
  if (U_FAILURE(status)) {
    if (fatal) return Value::null();
    vm.throw_error(ErrorType::Error, std::string("encoding: ") + u_errorName(status));
  }
  text.resize(written);
  int pending = 0;
  if (!flush) {
    UErrorCode s = U_ZERO_ERROR;
    pending = ucnv_toUCountPending(c.cnv, &s);
    if (U_FAILURE(s) || pending < 0) pending = 0;
  }
  gc::Rooted<String> out(vm.heap(), String::from_utf16(vm.heap(), text));
  if (!out) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  Value pair[2] = {string_value(out), Value::number(pending)};
  return object_value(vm.new_array_from(pair));
}

// Appends the UTF-8 of the code point at s[i] (a lone surrogate as U+FFFD); returns units read.
size_t utf8_of(std::u16string_view s, size_t i, char out[4], size_t* n) {
  uint32_t cp = s[i];
  size_t units = 1;
  if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
    cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
    units = 2;
  } else if (cp >= 0xD800 && cp <= 0xDFFF) {
    cp = 0xFFFD;
  }
  if (cp < 0x80) {
    out[0] = char(cp);
    *n = 1;
  } else if (cp < 0x800) {
    out[0] = char(0xC0 | (cp >> 6));
    out[1] = char(0x80 | (cp & 0x3F));
    *n = 2;
  } else if (cp < 0x10000) {
    out[0] = char(0xE0 | (cp >> 12));
    out[1] = char(0x80 | ((cp >> 6) & 0x3F));
    out[2] = char(0x80 | (cp & 0x3F));
    *n = 3;
  } else {
    out[0] = char(0xF0 | (cp >> 18));
    out[1] = char(0x80 | ((cp >> 12) & 0x3F));
    out[2] = char(0x80 | ((cp >> 6) & 0x3F));
    out[3] = char(0x80 | (cp & 0x3F));
    *n = 4;
  }
  return units;
}

Value encoding_encode_utf8(Vm& vm, Value, std::span<const Value> a, Value) {
  std::u16string units = to_string(vm, arg(a, 0))->to_utf16();
  std::string bytes;
  bytes.reserve(units.size());
  char buf[4];
  size_t n = 0;
  for (size_t i = 0; i < units.size();) {
    i += utf8_of(units, i, buf, &n);
    bytes.append(buf, n);
  }
  return array_buffer_of(vm, bytes);
}

// encodeInto(string, view) -> [read (UTF-16 units), written (bytes)]
Value encoding_encode_into(Vm& vm, Value, std::span<const Value> a, Value) {
  std::u16string units = to_string(vm, arg(a, 0))->to_utf16();
  auto [data, size] = view_bytes(vm, arg(a, 1), "encoding");
  uint8_t* dest = const_cast<uint8_t*>(data);
  size_t read = 0, written = 0;
  char buf[4];
  size_t n = 0;
  while (read < units.size()) {
    size_t used = utf8_of(units, read, buf, &n);
    if (written + n > size) break;
    std::memcpy(dest + written, buf, n);
    written += n;
    read += used;
  }
  Value pair[2] = {Value::number(double(read)), Value::number(double(written))};
  return object_value(vm.new_array_from(pair));
}

}  // namespace

Value encoding_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "hasConverter", encoding_has_converter, 1);
  vm.define_native(b, "decode", encoding_decode, 4);
  vm.define_native(b, "encodeUtf8", encoding_encode_utf8, 1);
  vm.define_native(b, "encodeInto", encoding_encode_into, 2);
  return object_value(b);
}

}  // namespace glass::natives
