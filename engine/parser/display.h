// How the front end's printers (--print-tokens, --print-ast) show values.
#pragma once
#include <string>
#include <string_view>

namespace glass {

// Number::toString(10) (ECMA-262 §6.1.6.1.20): shortest round-trip digits.
std::string number_to_js_string(double v);

// A JS string (UTF-16, possibly with lone surrogates) as a double-quoted
// literal: JSON escapes, plus \uXXXX for invisible characters and lone surrogates.
std::string quote_js_string(std::u16string_view s);

}  // namespace glass
