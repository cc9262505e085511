#include "objects/bigint.h"

#include <cmath>
#include <cstring>

#include "objects/bigint_math.h"

namespace glass {

BigInt* BigInt::from_int64(gc::Heap& heap, int64_t v) {
  if (v == 0) return heap.allocate<BigInt>(0u, false);
  uint64_t magnitude = v < 0 ? uint64_t(0) - uint64_t(v) : uint64_t(v);
  BigInt* b = heap.allocate_with_trailing<BigInt>(sizeof(uint64_t), 1u, v < 0);
  b->limb_data()[0] = magnitude;
  return b;
}

BigInt* BigInt::from_limbs(gc::Heap& heap, bool negative, std::span<const uint64_t> limbs) {
  while (!limbs.empty() && limbs.back() == 0) limbs = limbs.first(limbs.size() - 1);
  auto n = uint32_t(limbs.size());
  BigInt* b = heap.allocate_with_trailing<BigInt>(n * sizeof(uint64_t), n, negative);
  if (n) std::memcpy(b->limb_data(), limbs.data(), n * sizeof(uint64_t));
  return b;
}

BigInt* BigInt::from_literal(gc::Heap& heap, std::string_view digits) {
  return bigint::make(heap, bigint::parse_literal(digits));
}

std::optional<int64_t> BigInt::to_int64() const {
  if (length_ == 0) return 0;
  if (length_ > 1) return std::nullopt;
  uint64_t m = limb_data()[0];
  if (negative()) {
    if (m > uint64_t(INT64_MAX) + 1) return std::nullopt;
    return int64_t(uint64_t(0) - m);
  }
  if (m > uint64_t(INT64_MAX)) return std::nullopt;
  return int64_t(m);
}

uint64_t BigInt::bit_length() const {
  if (length_ == 0) return 0;
  return uint64_t(length_ - 1) * 64 + uint64_t(64 - __builtin_clzll(limb_data()[length_ - 1]));
}

double BigInt::to_double() const {
  if (auto small = to_int64()) return double(*small);
  return bigint::to_double(bigint::to_int(this));
}

std::string BigInt::to_string(int radix) const {
  if (auto small = to_int64(); small && radix == 10) return std::to_string(*small);
  return bigint::to_string(bigint::to_int(this), radix);
}

uint32_t BigInt::hash() const {
  uint64_t h = negative() ? 0x9E3779B97F4A7C15ull : 0;
  for (uint64_t limb : limbs()) {
    h ^= limb;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
  }
  return uint32_t(h ^ (h >> 32));
}

bool BigInt::equals(const BigInt* a, const BigInt* b) {
  return a->length_ == b->length_ && a->negative() == b->negative() &&
         std::memcmp(a->limb_data(), b->limb_data(), a->length_ * sizeof(uint64_t)) == 0;
}

// Magnitudes first (limb count, then limbs from the top), then the signs.
int BigInt::compare(const BigInt* a, const BigInt* b) {
  if (a->negative() != b->negative()) return a->negative() ? -1 : 1;
  int magnitude = 0;
  if (a->length_ != b->length_) {
    magnitude = a->length_ < b->length_ ? -1 : 1;
  } else {
    for (uint32_t i = a->length_; i-- > 0;) {
      uint64_t x = a->limb_data()[i], y = b->limb_data()[i];
      if (x != y) {
        magnitude = x < y ? -1 : 1;
        break;
      }
    }
  }
  return a->negative() ? -magnitude : magnitude;
}

// x against d: against floor(d) exactly, and when equal to it, x < d iff d
// had a fraction.
std::optional<int> BigInt::compare_to_double(double d) const {
  if (d != d) return std::nullopt;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  if (auto small = to_int64(); small && *small >= -(int64_t(1) << 53) && *small <= (int64_t(1) << 53)) {
    auto x = double(*small);  // exact
    return x < d ? -1 : x > d ? 1 : 0;
  }
  double floor = std::floor(d);
  bigint::Int f = *bigint::from_double(floor);
  bigint::Int x = bigint::to_int(this);
  if (x < f) return -1;
  if (x > f) return 1;
  return floor == d ? 0 : -1;
}

}  // namespace glass
