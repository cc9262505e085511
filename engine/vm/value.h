// Value: every JavaScript value in 64 bits ("NaN-boxing").
//
// A double has 2^52 NaN bit patterns but JavaScript needs only one NaN, so
// the other patterns can carry everything that is not a double. Doubles are
// stored as themselves (every NaN is first made the one canonical NaN);
// everything else sets the top 16 bits to a tag from 0xFFF9 up, a range no
// canonical double uses (x86's default NaN is 0xFFF8'0000'0000'0000, so the
// tags start one above it):
//
//   top 16 bits   meaning                         low 48 bits
//   -----------   -----------------------------   ---------------------------
//   < 0xFFF9      a double                        (the rest of the double)
//   0xFFF9        int32 (the fast path)           the integer in the low 32
//   0xFFFA        undefined / null / false /      which one (kUndefined ...)
//                 true / empty
//   0xFFFB        a cell: object                  pointer
//   0xFFFC        a cell: string                  pointer
//   0xFFFD        a cell: symbol                  pointer
//   0xFFFE        a cell: bigint                  pointer
//
// Numbers never allocate. The tag says what a cell *is* without loading it,
// so `typeof`, "is this an object?" and string fast paths are one compare.
// Pointers fit in 48 bits on every platform Glass runs on (x86-64, AArch64
// user space). `empty` is not a JS value: the VM uses it for array holes and
// for bindings in their temporal dead zone.
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace glass::gc {
class Cell;
}

namespace glass {

class Value {
 public:
  enum class Tag : uint16_t {
    Int32 = 0xFFF9,
    Special = 0xFFFA,
    Object = 0xFFFB,
    String = 0xFFFC,
    Symbol = 0xFFFD,
    BigInt = 0xFFFE,
  };

  constexpr Value() : bits_(kUndefinedBits) {}  // undefined

  static constexpr Value undefined() { return Value(kUndefinedBits); }
  static constexpr Value null() { return Value(kNullBits); }
  static constexpr Value empty() { return Value(kEmptyBits); }
  static constexpr Value boolean(bool b) { return Value(b ? kTrueBits : kFalseBits); }
  static constexpr Value int32(int32_t i) { return Value(tagged(Tag::Int32, uint32_t(i))); }
  // A double as it is (NaN canonicalized). Use number() to prefer int32.
  static Value from_double(double d) {
    if (d != d) return Value(kCanonicalNaN);
    return Value(std::bit_cast<uint64_t>(d));
  }
  // A number, stored as int32 when it is one exactly (never for -0).
  static Value number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
      int32_t i = int32_t(d);
      if (double(i) == d && !(i == 0 && std::signbit(d))) return int32(i);
    }
    return from_double(d);
  }
  static Value cell(Tag tag, gc::Cell* cell) {
    return Value(tagged(tag, uint64_t(reinterpret_cast<uintptr_t>(cell))));
  }

  // ---- what it is --------------------------------------------------------
  constexpr bool is_double() const { return (bits_ >> 48) < kFirstTag; }
  constexpr bool is_int32() const { return tag_bits() == uint16_t(Tag::Int32); }
  constexpr bool is_number() const { return is_double() || is_int32(); }
  constexpr bool is_undefined() const { return bits_ == kUndefinedBits; }
  constexpr bool is_null() const { return bits_ == kNullBits; }
  constexpr bool is_nullish() const { return is_undefined() || is_null(); }
  constexpr bool is_empty() const { return bits_ == kEmptyBits; }
  constexpr bool is_boolean() const { return bits_ == kTrueBits || bits_ == kFalseBits; }
  constexpr bool is_cell() const { return tag_bits() >= uint16_t(Tag::Object); }
  constexpr bool is_object() const { return tag_bits() == uint16_t(Tag::Object); }
  constexpr bool is_string() const { return tag_bits() == uint16_t(Tag::String); }
  constexpr bool is_symbol() const { return tag_bits() == uint16_t(Tag::Symbol); }
  constexpr bool is_bigint() const { return tag_bits() == uint16_t(Tag::BigInt); }

  // ---- reading it (the caller has checked the kind) ----------------------
  constexpr int32_t as_int32() const { return int32_t(uint32_t(bits_)); }
  double as_double() const { return std::bit_cast<double>(bits_); }
  double as_number() const { return is_int32() ? double(as_int32()) : as_double(); }
  constexpr bool as_boolean() const { return bits_ == kTrueBits; }
  gc::Cell* as_cell() const { return reinterpret_cast<gc::Cell*>(uintptr_t(bits_ & kPayloadMask)); }
  constexpr Tag tag() const { return Tag(tag_bits()); }

  constexpr uint64_t bits() const { return bits_; }
  static constexpr Value from_bits(uint64_t bits) { return Value(bits); }

  // Identity of the 64-bit patterns: SameValue for everything but numbers
  // (where 1 and 1.0 may be stored differently); the VM's equality
  // operators compare numbers by value.
  constexpr bool operator==(const Value& other) const { return bits_ == other.bits_; }

 private:
  explicit constexpr Value(uint64_t bits) : bits_(bits) {}
  constexpr uint16_t tag_bits() const { return uint16_t(bits_ >> 48); }
  static constexpr uint64_t tagged(Tag tag, uint64_t payload) {
    return (uint64_t(tag) << 48) | (payload & kPayloadMask);
  }

  static constexpr uint64_t kPayloadMask = (uint64_t(1) << 48) - 1;
  static constexpr uint16_t kFirstTag = uint16_t(Tag::Int32);
  static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;
  static constexpr uint64_t kSpecial = uint64_t(Tag::Special) << 48;
  static constexpr uint64_t kUndefinedBits = kSpecial | 0;
  static constexpr uint64_t kNullBits = kSpecial | 1;
  static constexpr uint64_t kFalseBits = kSpecial | 2;
  static constexpr uint64_t kTrueBits = kSpecial | 3;
  static constexpr uint64_t kEmptyBits = kSpecial | 4;

  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);

}  // namespace glass
