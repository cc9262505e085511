// IEEE 754 binary16 ("half precision") to and from double, for Float16Array,
// DataView's getFloat16/setFloat16 and Math.f16round. Written out rather
// than left to the compiler's _Float16, which not every target has; the
// conversion from double rounds once, to nearest, ties to even, as
// §6.1.6.1 requires (going through float first would round twice).
#pragma once
#include <bit>
#include <cmath>
#include <cstdint>

namespace glass {

inline uint16_t float16_from_double(double d) {
  uint16_t sign = (std::bit_cast<uint64_t>(d) >> 48) & 0x8000;
  if (d != d) return 0x7E00;  // the canonical quiet NaN
  double a = std::fabs(d);
  // 65504 is the largest finite half; from the midpoint to the next power of two up, it rounds to Infinity.
  if (a >= 65520.0) return sign | 0x7C00;
  if (a < 0x1p-14) {
    // Subnormal (or zero): a multiple of 2^-24. Rounding may give 0x400, the smallest normal: still correct.
    return uint16_t(sign | uint16_t(std::nearbyint(a * 0x1p24)));
  }
  int e;
  std::frexp(a, &e);  // a = f * 2^e with f in [0.5, 1)
  e -= 1;             // a = m * 2^e with m in [1, 2)
  double fraction = std::nearbyint((std::ldexp(a, -e) - 1.0) * 1024.0);  // exact before rounding
  if (fraction == 1024.0) {
    fraction = 0;
    ++e;
  }
  return uint16_t(sign | uint16_t((e + 15) << 10) | uint16_t(fraction));
}

inline double float16_to_double(uint16_t h) {
  double sign = (h & 0x8000) ? -1.0 : 1.0;
  int exponent = (h >> 10) & 0x1F;
  int fraction = h & 0x3FF;
  if (exponent == 0) return sign * std::ldexp(double(fraction), -24);
  if (exponent == 31) return fraction ? NAN : sign * INFINITY;
  return sign * std::ldexp(double(fraction | 0x400), exponent - 25);
}

}  // namespace glass
