// BigInt: an immutable arbitrary-precision integer, a cell in the GC heap.
//
// Stored as sign and magnitude: the sign is a flag, the magnitude is
// `length()` 64-bit limbs, least significant first, right after the cell
// (heap.allocate_with_trailing), with no leading zero limb — so zero has no
// limbs, equal values have equal bytes, and the heap counts a big number's
// memory like any other cell's (no C++ member to free at sweep).
//
// Arithmetic is not here: bigint_math.h turns a cell into a
// boost::multiprecision::cpp_int and back. This header stays free of Boost
// so that what only reads a BigInt (equality, Map hashing, printing) does
// not compile it.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "gc/handles.h"
#include "objects/cell_tags.h"

namespace glass {

class BigInt final : public gc::Cell {
 public:
  // The largest magnitude, in bits, the engine makes (V8's limit too): an
  // operation whose result would be bigger throws RangeError "Maximum BigInt
  // size exceeded" instead of exhausting memory.
  static constexpr uint64_t kMaxBits = uint64_t(1) << 30;

  // --- creation (may collect) ---
  static BigInt* from_int64(gc::Heap& heap, int64_t v);
  // `limbs` least significant first; leading zero limbs are dropped. The
  // span must not point into a heap cell (it may be collected).
  static BigInt* from_limbs(gc::Heap& heap, bool negative, std::span<const uint64_t> limbs);
  // A literal's digits as the compiler keeps them: "0x1F", "0o17", "0b101"
  // or decimal, no separators, no "n".
  static BigInt* from_literal(gc::Heap& heap, std::string_view digits);

  // --- reading (never allocate) ---
  uint32_t length() const { return length_; }  // limbs
  std::span<const uint64_t> limbs() const { return {limb_data(), length_}; }
  bool is_zero() const { return length_ == 0; }
  bool negative() const { return user_flags() & kNegative; }
  std::optional<int64_t> to_int64() const;  // when the value fits
  uint64_t bit_length() const;              // of the magnitude; 0 for zero
  // The Number nearest to the value (ties to even), ±Infinity past the range.
  double to_double() const;
  // Digits in `radix` (2..36, lowercase), with '-' when negative; no "n".
  std::string to_string(int radix = 10) const;
  uint32_t hash() const;

  static bool equals(const BigInt* a, const BigInt* b);
  static int compare(const BigInt* a, const BigInt* b);  // <0, 0, >0
  // The exact comparison with a Number: <0, 0, >0; nullopt when d is NaN.
  std::optional<int> compare_to_double(double d) const;

  const char* cell_name() const override { return "BigInt"; }

 private:
  friend class gc::Heap;
  static constexpr uint8_t kNegative = 1 << 0;
  BigInt(uint32_t length, bool negative) : Cell(uint8_t(CellTag::BigInt)), length_(length) {
    if (negative && length) set_user_flags(kNegative);
  }
  uint64_t* limb_data() { return reinterpret_cast<uint64_t*>(this + 1); }
  const uint64_t* limb_data() const { return reinterpret_cast<const uint64_t*>(this + 1); }

  uint32_t length_;
  // The limbs follow the cell (trailing bytes).
};

inline bool is_bigint(const gc::Cell* cell) { return has_tag(cell, CellTag::BigInt); }

}  // namespace glass
