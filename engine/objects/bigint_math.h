// BigInt arithmetic on boost::multiprecision::cpp_int, and the conversions
// between cpp_int, BigInt cells, text and doubles. Nothing here throws a JS
// error: the VM (vm/bigint_ops.cpp) checks sizes, zero divisors and signs
// first and turns them into RangeErrors.
//
// cpp_int's own semantics match JavaScript's where it matters: `/` and `%`
// truncate toward zero (the remainder takes the dividend's sign) and
// `& | ^` treat negative values as infinite two's complement. Shifts are
// done here (shift()) so that a right shift of a negative value floors,
// whatever the Boost version does.
#pragma once
#include <boost/multiprecision/cpp_int.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "objects/bigint.h"

namespace glass::bigint {

using Int = boost::multiprecision::cpp_int;

// --- cells ---
Int to_int(const BigInt* b);
BigInt* make(gc::Heap& heap, const Int& v);  // may collect
uint64_t bit_length(const Int& v);           // of |v|; 0 for zero

// --- text ---
// `digits`: one or more digits valid in `radix` (2..36), nothing else.
Int parse_digits(std::string_view digits, int radix);
// The digits of a BigInt literal as the compiler keeps them: "0x1F", "0o17",
// "0b101" or decimal ("123"), no separators, no "n".
Int parse_literal(std::string_view text);
// StringToBigInt (§7.1.14): whitespace around, then "", a decimal integer
// with an optional sign, or 0x/0o/0b digits without one. nullopt when the
// text is none of these.
std::optional<Int> parse_string(std::u16string_view text);
std::string to_string(const Int& v, int radix);

// --- numbers ---
// The exact integer value of d; nullopt unless d is finite and integral.
std::optional<Int> from_double(double d);
double to_double(const Int& v);  // nearest, ties to even; ±Infinity past the range

// --- operations with JavaScript's meaning ---
// x × 2^n for n >= 0, floor(x / 2^-n) for n < 0 (so -5n >> 1n is -3n).
Int shift(const Int& x, int64_t n);
// BigInt.asIntN / asUintN: x modulo 2^bits, as a signed / unsigned value.
// as_uint_n is nullopt when the result would exceed BigInt::kMaxBits
// (a negative x with a huge `bits`); as_int_n always fits.
Int as_int_n(const Int& x, uint64_t bits);
std::optional<Int> as_uint_n(const Int& x, uint64_t bits);

}  // namespace glass::bigint
