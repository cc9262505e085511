// BigInt: the cell (objects/bigint.h), its arithmetic (objects/bigint_math.h)
// and, through the VM, the operators' errors with V8's messages (the JS
// corpus prints error names only). Expected values were checked with Node.
#include <cmath>
#include <string>

#include <doctest/doctest.h>

#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "objects/bigint.h"
#include "objects/bigint_math.h"
#include "vm/fiber.h"
#include "vm/vm.h"

using glass::BigInt;
using glass::gc::Heap;
using glass::gc::HeapOptions;
using glass::gc::Rooted;
namespace bigint = glass::bigint;
using Int = bigint::Int;

namespace {

BigInt* make(Heap& heap, const char* decimal) { return bigint::make(heap, Int(decimal)); }
std::string text(const Int& v, int radix = 10) { return bigint::to_string(v, radix); }
std::string parsed(std::u16string_view s) {
  auto v = bigint::parse_string(s);
  return v ? text(*v) : "none";
}

// Creation, reading and comparison of cells; run normally and under stress.
void check_cells(Heap& heap) {
  Rooted<BigInt> zero(heap, BigInt::from_int64(heap, 0));
  CHECK(zero->is_zero());
  CHECK(zero->length() == 0);
  CHECK_FALSE(zero->negative());
  CHECK(zero->to_string() == "0");

  Rooted<BigInt> min(heap, BigInt::from_int64(heap, INT64_MIN));
  CHECK(min->negative());
  CHECK(min->to_int64() == INT64_MIN);
  CHECK(min->to_string() == "-9223372036854775808");
  CHECK(min->bit_length() == 64);

  // Leading zero limbs are dropped, and -0 is 0.
  uint64_t limbs[3] = {5, 0, 0};
  Rooted<BigInt> five(heap, BigInt::from_limbs(heap, false, limbs));
  CHECK(five->length() == 1);
  Rooted<BigInt> negative_zero(heap, BigInt::from_limbs(heap, true, std::span<const uint64_t>()));
  CHECK_FALSE(negative_zero->negative());
  CHECK(BigInt::equals(negative_zero, zero));

  Rooted<BigInt> big(heap, make(heap, "-123456789012345678901234567890"));
  Rooted<BigInt> big2(heap, BigInt::from_literal(heap, "0x18EE90FF6C373E0EE4E3F0AD2"));
  Rooted<BigInt> positive(heap, make(heap, "123456789012345678901234567890"));
  CHECK(big->length() == 2);
  CHECK_FALSE(big->to_int64());
  CHECK(big->to_string() == "-123456789012345678901234567890");
  CHECK(big2->to_string(16) == "18ee90ff6c373e0ee4e3f0ad2");
  CHECK(BigInt::equals(big2, positive));
  CHECK(big2->hash() == positive->hash());
  CHECK(big->hash() != positive->hash());
  CHECK(BigInt::compare(big, positive) < 0);
  CHECK(BigInt::compare(positive, big) > 0);
  CHECK(BigInt::compare(big, min) < 0);
  CHECK(BigInt::compare(five, positive) < 0);
  CHECK(BigInt::compare(big2, positive) == 0);
  CHECK(big->to_string(36) == "-byw97um9s91dlz68tsi");
  CHECK(BigInt::from_literal(heap, "0b101")->to_string() == "5");
  CHECK(BigInt::from_literal(heap, "0o777")->to_string() == "511");
}

}  // namespace

TEST_CASE("bigint: cells hold sign and magnitude, compare and hash by value") {
  Heap heap;
  check_cells(heap);
}

TEST_CASE("bigint: cells survive a collection at every allocation") {
  Heap heap(HeapOptions{.stress = true});
  check_cells(heap);
}

TEST_CASE("bigint: to Number rounds to nearest, ties to even") {
  Heap heap;
  auto num = [&](const Int& v) { return bigint::make(heap, v)->to_double(); };
  Int two53 = Int(1) << 53;
  CHECK(num(two53 + 1) == 9007199254740992.0);  // tie: to even
  CHECK(num(two53 + 3) == 9007199254740996.0);  // tie: to even (up)
  CHECK(num(-(two53 + 3)) == -9007199254740996.0);
  CHECK(num((Int(1) << 64) + 1) == 18446744073709551616.0);
  Int above_tie = (Int(1) << 80) + (Int(1) << 27) + 1;  // just above half an ulp of 2^80
  CHECK(num(above_tie) == std::ldexp(1.0, 80) + std::ldexp(1.0, 28));
  Int max = (Int(1) << 1024) - (Int(1) << 971);  // DBL_MAX
  CHECK(num(max) == 1.7976931348623157e308);
  CHECK(num(max + (Int(1) << 969)) == 1.7976931348623157e308);  // below the halfway point
  CHECK(std::isinf(num(max + (Int(1) << 970))));                 // the halfway point rounds to even: Infinity
  CHECK(num(-(Int(1) << 2000)) == -INFINITY);
}

TEST_CASE("bigint: exact comparison with Numbers") {
  Heap heap;
  Rooted<BigInt> big(heap, bigint::make(heap, (Int(1) << 53) + 1));
  CHECK(big->compare_to_double(9007199254740992.0) == 1);  // the double is 2^53 exactly
  CHECK(big->compare_to_double(9007199254740994.0) == -1);
  CHECK(big->compare_to_double(INFINITY) == -1);
  CHECK(big->compare_to_double(-INFINITY) == 1);
  CHECK_FALSE(big->compare_to_double(NAN).has_value());
  Rooted<BigInt> two(heap, BigInt::from_int64(heap, 2));
  CHECK(two->compare_to_double(2.5) == -1);
  CHECK(two->compare_to_double(1.5) == 1);
  CHECK(two->compare_to_double(2.0) == 0);
  Rooted<BigInt> minus_two(heap, BigInt::from_int64(heap, -2));
  CHECK(minus_two->compare_to_double(-2.5) == 1);
  CHECK(minus_two->compare_to_double(-1.5) == -1);
  CHECK(BigInt::from_int64(heap, 0)->compare_to_double(-0.0) == 0);
  Rooted<BigInt> huge(heap, bigint::make(heap, Int(1) << 1100));
  CHECK(huge->compare_to_double(1.7976931348623157e308) == 1);
}

TEST_CASE("bigint: StringToBigInt") {
  CHECK(parsed(u"") == "0");
  CHECK(parsed(u"  \n\t ") == "0");
  CHECK(parsed(u" 12 ") == "12");
  CHECK(parsed(u"-12") == "-12");
  CHECK(parsed(u"+12") == "12");
  CHECK(parsed(u"0x1f") == "31");
  CHECK(parsed(u"0X1F") == "31");
  CHECK(parsed(u"0o17") == "15");
  CHECK(parsed(u"0b101") == "5");
  CHECK(parsed(u"\u00a012\u2028") == "12");  // Unicode space and line terminators
  CHECK(parsed(u"-0x1f") == "none");           // no sign with a prefix
  CHECK(parsed(u"0x") == "none");
  CHECK(parsed(u"1.5") == "none");
  CHECK(parsed(u"1e3") == "none");
  CHECK(parsed(u"1_000") == "none");
  CHECK(parsed(u"Infinity") == "none");
  CHECK(parsed(u"12n") == "none");
  CHECK(parsed(u"-") == "none");
  CHECK(parsed(u"0b102") == "none");
  CHECK(parsed(u"123456789012345678901234567890123456789") == "123456789012345678901234567890123456789");
}

TEST_CASE("bigint: text in every radix") {
  Int v("-1234567890123456789012345678901234567890");
  for (int radix = 2; radix <= 36; ++radix) {
    std::string s = text(v, radix);
    CAPTURE(radix);
    CHECK(s[0] == '-');
    CHECK(bigint::parse_digits(std::string_view(s).substr(1), radix) == -v);
  }
  CHECK(text(Int(255), 16) == "ff");
  CHECK(text(Int(0), 2) == "0");
  CHECK(text(Int(1) << 64, 16) == "10000000000000000");  // inner chunks keep their zeros
  CHECK(text((Int(1) << 64) + 1, 10) == "18446744073709551617");
}

TEST_CASE("bigint: shifts floor, bitwise operators are two's complement, / and % truncate") {
  CHECK(text(bigint::shift(Int(-5), -1)) == "-3");
  CHECK(text(bigint::shift(Int(-4), -1)) == "-2");
  CHECK(text(bigint::shift(Int(5), -1)) == "2");
  CHECK(text(bigint::shift(Int(-5), 2)) == "-20");
  CHECK(text(bigint::shift(Int("-12345678901234567890"), -3)) == "-1543209862654320987");
  CHECK(text(Int(-5) & Int(3)) == "3");
  CHECK(text(Int(-5) | Int(3)) == "-5");
  CHECK(text(Int(-5) ^ Int(3)) == "-8");
  CHECK(text(Int("-12345678901234567890") & Int(0xFFFF)) == "62766");
  CHECK(text(Int("-12345678901234567890") | Int(-256)) == "-210");
  CHECK(text(Int(-7) / Int(2)) == "-3");
  CHECK(text(Int(-7) % Int(2)) == "-1");
  CHECK(text(Int(7) % Int(-2)) == "1");
}

TEST_CASE("bigint: asIntN and asUintN") {
  CHECK(text(bigint::as_int_n(Int(255), 8)) == "-1");
  CHECK(text(bigint::as_int_n(Int(127), 8)) == "127");
  CHECK(text(bigint::as_int_n(Int(128), 8)) == "-128");
  CHECK(text(bigint::as_int_n(Int(-129), 8)) == "127");
  CHECK(text(bigint::as_int_n(Int(1) << 63, 64)) == "-9223372036854775808");
  CHECK(text(bigint::as_int_n(Int(5), 0)) == "0");
  CHECK(text(bigint::as_int_n(Int(1), 1)) == "-1");
  CHECK(text(bigint::as_int_n(Int(-1), uint64_t(1) << 40)) == "-1");  // fits: no 2^bits is made
  CHECK(text(*bigint::as_uint_n(Int(-1), 8)) == "255");
  CHECK(text(*bigint::as_uint_n(Int(256), 8)) == "0");
  CHECK(text(*bigint::as_uint_n(Int(5), 0)) == "0");
  CHECK(text(*bigint::as_uint_n(Int(1), uint64_t(1) << 40)) == "1");
  CHECK_FALSE(bigint::as_uint_n(Int(-1), uint64_t(1) << 40));  // 2^(2^40) - 1: too big
}

TEST_CASE("bigint: from Number only when integral") {
  CHECK(text(*bigint::from_double(-0.0)) == "0");
  CHECK(text(*bigint::from_double(1e21)) == "1000000000000000000000");
  CHECK(text(*bigint::from_double(-std::ldexp(1.0, 70))) == "-1180591620717411303424");
  CHECK(text(*bigint::from_double(1.7976931348623157e308)).size() == 309);
  CHECK_FALSE(bigint::from_double(1.5));
  CHECK_FALSE(bigint::from_double(NAN));
  CHECK_FALSE(bigint::from_double(INFINITY));
}

// ---- through the VM: the operators' errors, with V8's messages -------------------

namespace {

// String(completion value) of `source`, or String(exception); with
// `inspect`, the completion value as console.log shows it.
std::string eval(const std::string& source, bool inspect = false) {
  std::string out;
  glass::run_on_fiber(glass::kDefaultFiberStack, [&] {
    glass::Vm vm;
    try {
      glass::Value v = vm.evaluate_script(source, "test.js");
      out = inspect ? glass::inspect_value(vm, v) : glass::to_utf8(vm, v);
    } catch (const glass::Thrown&) {
      out = glass::to_utf8(vm, vm.take_exception());
    }
  });
  return out;
}

}  // namespace

TEST_CASE("bigint: operator errors say what V8 says") {
  CHECK(eval("+1n") == "TypeError: Cannot convert a BigInt value to a number");
  CHECK(eval("let o = { valueOf() { return 1n; } }; +o") == "TypeError: Cannot convert a BigInt value to a number");
  CHECK(eval("1n + 1") == "TypeError: Cannot mix BigInt and other types, use explicit conversions");
  CHECK(eval("1 * 1n") == "TypeError: Cannot mix BigInt and other types, use explicit conversions");
  CHECK(eval("1n / 0n") == "RangeError: Division by zero");
  CHECK(eval("1n % 0n") == "RangeError: Division by zero");
  CHECK(eval("2n ** -1n") == "RangeError: Exponent must be non-negative");
  CHECK(eval("1n >>> 0n") == "TypeError: BigInts have no unsigned right shift, use >> instead");
  CHECK(eval("2n ** 100000000000n") == "RangeError: Maximum BigInt size exceeded");
  CHECK(eval("1n << 100000000000n") == "RangeError: Maximum BigInt size exceeded");
  CHECK(eval("Math.abs(1n)") == "TypeError: Cannot convert a BigInt value to a number");
  CHECK(eval("JSON.stringify(1n)") == "TypeError: Do not know how to serialize a BigInt");
}

TEST_CASE("bigint: conversion errors say what V8 says") {
  CHECK(eval("BigInt(1.5)") == "RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer");
  CHECK(eval("BigInt(NaN)") == "RangeError: The number NaN cannot be converted to a BigInt because it is not an integer");
  CHECK(eval("BigInt('1.5')") == "SyntaxError: Cannot convert 1.5 to a BigInt");
  CHECK(eval("BigInt({})") == "SyntaxError: Cannot convert [object Object] to a BigInt");
  CHECK(eval("BigInt(undefined)") == "TypeError: Cannot convert undefined to a BigInt");
  CHECK(eval("BigInt(Symbol('x'))") == "TypeError: Cannot convert Symbol(x) to a BigInt");
  CHECK(eval("new BigInt(1)") == "TypeError: BigInt is not a constructor");
  CHECK(eval("BigInt.asUintN(8, 5)") == "TypeError: Cannot convert 5 to a BigInt");
  CHECK(eval("BigInt.asIntN(-1, 1n)") == "RangeError: Invalid value: not (convertible to) a safe integer");
  CHECK(eval("BigInt.asUintN(2 ** 40, -1n)") == "RangeError: Maximum BigInt size exceeded");
  CHECK(eval("(1n).toString(37)") == "RangeError: toString() radix argument must be between 2 and 36");
  CHECK(eval("BigInt.prototype.valueOf.call(1)") == "TypeError: BigInt.prototype.valueOf requires that 'this' be a BigInt");
}

TEST_CASE("bigint: values") {
  CHECK(eval("String(2n ** 64n)") == "18446744073709551616");
  CHECK(eval("let x = 9223372036854775807n; x++; x") == "9223372036854775808");
  CHECK(eval("let y = -9223372036854775808n; y--; -y") == "9223372036854775809");
  CHECK(eval("(12345678901234567890n).toLocaleString()") == "12,345,678,901,234,567,890");
  CHECK(eval("(-255n).toString(16)") == "-ff");
}

TEST_CASE("bigint: console.log shows 1n and [BigInt: 1n] as Node does") {
  CHECK(eval("[1n, -5n, { a: 2n ** 70n }, Object(3n)]", true) == "[ 1n, -5n, { a: 1180591620717411303424n }, [BigInt: 3n] ]");
  CHECK(eval("let o = Object(-4n); o.x = 1; o", true) == "[BigInt: -4n] { x: 1 }");
  CHECK(eval("[Object(1), Object('ab'), Object(true)]", true) == "[ [Number: 1], [String: 'ab'], [Boolean: true] ]");
}
