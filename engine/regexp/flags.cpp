// RegExp flags: parsing "dgimsuvy" (ECMA-262 2025, RegExpInitialize 22.2.3.3,
// and the early errors of RegularExpressionLiteral) and the canonical string.
#include "regexp/pattern.h"

namespace glass::regexp {

namespace {

template <typename CharT>
std::optional<Flags> parse_flags_impl(std::basic_string_view<CharT> text, std::string* error_message) {
  Flags f;
  auto fail = [&]() -> std::optional<Flags> {
    if (error_message != nullptr) *error_message = "Invalid flags";
    return std::nullopt;
  };
  for (CharT c : text) {
    bool* slot = nullptr;
    switch (c) {
      case 'd': slot = &f.hasIndices; break;
      case 'g': slot = &f.global; break;
      case 'i': slot = &f.ignoreCase; break;
      case 'm': slot = &f.multiline; break;
      case 's': slot = &f.dotAll; break;
      case 'u': slot = &f.unicode; break;
      case 'v': slot = &f.unicodeSets; break;
      case 'y': slot = &f.sticky; break;
      default: return fail();
    }
    if (*slot) return fail();
    *slot = true;
  }
  if (f.unicode && f.unicodeSets) return fail();
  return f;
}

}  // namespace

std::optional<Flags> parse_flags(std::string_view flags, std::string* error_message) {
  return parse_flags_impl(flags, error_message);
}

std::optional<Flags> parse_flags(std::u16string_view flags, std::string* error_message) {
  return parse_flags_impl(flags, error_message);
}

std::string flags_to_string(const Flags& f) {
  std::string s;
  if (f.hasIndices) s += 'd';
  if (f.global) s += 'g';
  if (f.ignoreCase) s += 'i';
  if (f.multiline) s += 'm';
  if (f.dotAll) s += 's';
  if (f.unicode) s += 'u';
  if (f.unicodeSets) s += 'v';
  if (f.sticky) s += 'y';
  return s;
}

}  // namespace glass::regexp
