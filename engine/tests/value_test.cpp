// The NaN-boxed Value: every kind round-trips, and no double is mistaken for
// anything else.
#include <cmath>
#include <initializer_list>
#include <limits>

#include <doctest/doctest.h>

#include "vm/value.h"

using glass::Value;

TEST_CASE("value: doubles round-trip, NaN is canonical, -0 stays a double") {
  for (double d : {0.5, -1.25, 1e300, -1e-300, std::numeric_limits<double>::infinity(),
                   -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::denorm_min()}) {
    Value v = Value::from_double(d);
    CHECK(v.is_double());
    CHECK(v.is_number());
    CHECK_FALSE(v.is_cell());
    CHECK(v.as_number() == d);
  }
  // x86's default NaN (sign bit set) and a NaN with payload both become the canonical one.
  double negative_nan = std::bit_cast<double>(0xFFF8'0000'0000'0000ull);
  double payload_nan = std::bit_cast<double>(0xFFFF'0000'0000'1234ull);
  CHECK(Value::from_double(negative_nan).is_double());
  CHECK(Value::from_double(payload_nan).is_double());
  CHECK(Value::from_double(payload_nan) == Value::from_double(std::nan("")));
  CHECK(std::isnan(Value::from_double(payload_nan).as_number()));
  Value minus_zero = Value::number(-0.0);
  CHECK(minus_zero.is_double());
  CHECK(std::signbit(minus_zero.as_number()));
}

TEST_CASE("value: number() prefers int32 exactly when the double is an int32") {
  CHECK(Value::number(42).is_int32());
  CHECK(Value::number(42).as_int32() == 42);
  CHECK(Value::number(-2147483648.0).is_int32());
  CHECK(Value::number(2147483647.0).is_int32());
  CHECK(Value::number(2147483648.0).is_double());
  CHECK(Value::number(1.5).is_double());
  CHECK(Value::int32(-7).as_number() == -7.0);
  CHECK(Value::int32(-7).is_number());
}

TEST_CASE("value: the special values are distinct and not numbers") {
  Value all[] = {Value::undefined(), Value::null(), Value::boolean(false), Value::boolean(true), Value::empty()};
  for (size_t i = 0; i < 5; ++i) {
    CHECK_FALSE(all[i].is_number());
    CHECK_FALSE(all[i].is_cell());
    for (size_t j = 0; j < 5; ++j) CHECK((all[i] == all[j]) == (i == j));
  }
  CHECK(Value().is_undefined());
  CHECK(Value::null().is_nullish());
  CHECK(Value::undefined().is_nullish());
  CHECK_FALSE(Value::boolean(false).is_nullish());
  CHECK(Value::boolean(true).as_boolean());
  CHECK_FALSE(Value::boolean(false).as_boolean());
  CHECK(Value::empty().is_empty());
}

TEST_CASE("value: cell pointers keep their kind and address") {
  alignas(16) static char storage[64];
  auto* cell = reinterpret_cast<glass::gc::Cell*>(storage);
  for (Value::Tag tag : {Value::Tag::Object, Value::Tag::String, Value::Tag::Symbol, Value::Tag::BigInt}) {
    Value v = Value::cell(tag, cell);
    CHECK(v.is_cell());
    CHECK_FALSE(v.is_number());
    CHECK(v.tag() == tag);
    CHECK(v.as_cell() == cell);
  }
  CHECK(Value::cell(Value::Tag::Object, cell).is_object());
  CHECK(Value::cell(Value::Tag::String, cell).is_string());
  CHECK_FALSE(Value::cell(Value::Tag::String, cell).is_object());
}
