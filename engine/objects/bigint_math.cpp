#include "objects/bigint_math.h"

#include <cmath>
#include <vector>

#include "unicode/unicode.h"

namespace glass::bigint {

using boost::multiprecision::msb;

// ---- cells ------------------------------------------------------------------

Int to_int(const BigInt* b) {
  Int v;
  std::span<const uint64_t> limbs = b->limbs();
  if (limbs.size() == 1) v = limbs[0];
  else if (!limbs.empty()) import_bits(v, limbs.begin(), limbs.end(), 64, /*msv_first=*/false);
  return b->negative() ? Int(-v) : v;
}

BigInt* make(gc::Heap& heap, const Int& v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return BigInt::from_int64(heap, v.convert_to<int64_t>());
  std::vector<uint64_t> limbs;
  limbs.reserve(size_t(bit_length(v) / 64 + 1));
  export_bits(v, std::back_inserter(limbs), 64, /*msv_first=*/false);  // the magnitude
  return BigInt::from_limbs(heap, v.sign() < 0, limbs);
}

uint64_t bit_length(const Int& v) {
  if (v.is_zero()) return 0;
  return v.sign() < 0 ? msb(Int(-v)) + 1 : msb(v) + 1;
}

// ---- text ---------------------------------------------------------------------

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The most digits of `radix` whose value always fits in 64 bits, and radix^that.
static int chunk_digits(int radix, uint64_t* power) {
  int k = 0;
  uint64_t p = 1;
  while (p <= UINT64_MAX / uint64_t(radix)) {
    p *= uint64_t(radix);
    ++k;
  }
  *power = p;
  return k;
}

// Digits are taken a machine word at a time: value = value × radix^n + chunk.
Int parse_digits(std::string_view digits, int radix) {
  uint64_t unused;
  size_t k = size_t(chunk_digits(radix, &unused));
  Int v = 0;
  size_t n = digits.size() % k ? digits.size() % k : k;  // the first chunk takes the odd digits
  for (size_t i = 0; i < digits.size(); i += n, n = k) {
    uint64_t chunk = 0, power = 1;
    for (size_t j = 0; j < n; ++j) {
      chunk = chunk * uint64_t(radix) + uint64_t(digit_value(digits[i + j]));
      power *= uint64_t(radix);
    }
    v = v * power + chunk;
  }
  return v;
}

static int prefix_radix(std::string_view text) {
  if (text.size() < 2 || text[0] != '0') return 10;
  switch (text[1] | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
    default: return 10;
  }
}

Int parse_literal(std::string_view text) {
  int radix = prefix_radix(text);
  return radix == 10 ? parse_digits(text, 10) : parse_digits(text.substr(2), radix);
}

std::optional<Int> parse_string(std::u16string_view text) {
  auto space = [](char16_t c) { return unicode::is_whitespace(c) || unicode::is_line_terminator(c); };
  size_t b = 0, e = text.size();
  while (b < e && space(text[b])) ++b;
  while (e > b && space(text[e - 1])) --e;
  if (b == e) return Int(0);
  std::string ascii;
  for (size_t i = b; i < e; ++i) {
    if (text[i] > 0x7F) return std::nullopt;
    ascii.push_back(char(text[i]));
  }
  std::string_view s = ascii;
  int radix = prefix_radix(s);
  bool negative = false;
  if (radix != 10) {
    s.remove_prefix(2);  // no sign allowed with a prefix
  } else if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  for (char c : s)
    if (digit_value(c) >= radix) return std::nullopt;
  Int v = parse_digits(s, radix);
  return negative ? Int(-v) : v;
}

std::string to_string(const Int& v, int radix) {
  if (radix == 10) return v.str();
  if (v.is_zero()) return "0";
  uint64_t power;
  int k = chunk_digits(radix, &power);
  Int m = v.sign() < 0 ? Int(-v) : v;
  std::string reversed;
  Int q, r;
  Int divisor = power;
  while (!m.is_zero()) {
    divide_qr(m, divisor, q, r);
    uint64_t chunk = r.convert_to<uint64_t>();
    // Every chunk but the most significant one has exactly k digits.
    for (int i = 0; i < k && (chunk || !q.is_zero()); ++i) {
      reversed.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[chunk % uint64_t(radix)]);
      chunk /= uint64_t(radix);
    }
    m.swap(q);
  }
  if (v.sign() < 0) reversed.push_back('-');
  return std::string(reversed.rbegin(), reversed.rend());
}

// ---- numbers --------------------------------------------------------------------

std::optional<Int> from_double(double d) {
  if (!std::isfinite(d) || d != std::trunc(d)) return std::nullopt;
  if (std::fabs(d) < 9007199254740992.0) return Int(int64_t(d));
  int exp;
  double fraction = std::frexp(std::fabs(d), &exp);  // |d| = fraction × 2^exp, fraction in [0.5, 1)
  auto mantissa = uint64_t(std::ldexp(fraction, 53));   // exact: 53 bits
  Int v = Int(mantissa) << unsigned(exp - 53);         // exp > 53 here
  return d < 0 ? Int(-v) : v;
}

// The top 64 bits of the magnitude, with a sticky bit for everything below
// them, converted by the hardware (which rounds to nearest, ties to even),
// then scaled: one rounding, so the result is correctly rounded.
double to_double(const Int& v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return double(v.convert_to<int64_t>());
  Int m = v;  // the magnitude (negated in place: GCC misreads a negated temporary as uninitialized)
  if (m.sign() < 0) m.backend().negate();
  uint64_t bits = msb(m) + 1;
  if (bits > 1025) return v.sign() < 0 ? -INFINITY : INFINITY;
  unsigned drop = unsigned(bits - 64);
  uint64_t top = Int(m >> drop).convert_to<uint64_t>();
  if (lsb(m) < drop) top |= 1;  // some dropped bit is set
  double d = std::ldexp(double(top), int(drop));
  return v.sign() < 0 ? -d : d;
}

// ---- operations -------------------------------------------------------------------

Int shift(const Int& x, int64_t n) {
  if (n >= 0) return x << uint64_t(n);
  uint64_t right = uint64_t(-n);
  if (x.sign() >= 0) return x >> right;
  // floor(x / 2^k) for x < 0 is -(((-x) - 1) >> k) - 1.
  Int t = abs(x);
  t -= 1;
  t >>= right;
  return Int(-t) - 1;
}

Int as_int_n(const Int& x, uint64_t bits) {
  if (bits == 0) return 0;
  // Already in [-2^(bits-1), 2^(bits-1)): unchanged (this also covers every huge `bits`).
  uint64_t needed = x.sign() >= 0 ? bit_length(x) + 1 : bit_length(Int(-x - 1)) + 1;
  if (needed <= bits) return x;
  Int modulus = Int(1) << bits;  // bits < needed <= kMaxBits + 1 here
  Int r = x % modulus;
  if (r.sign() < 0) r += modulus;
  if (bit_length(r) == bits) r -= modulus;  // r >= 2^(bits-1)
  return r;
}

std::optional<Int> as_uint_n(const Int& x, uint64_t bits) {
  if (bits == 0) return Int(0);
  if (x.sign() >= 0 && bit_length(x) <= bits) return x;
  if (x.sign() < 0 && bits > BigInt::kMaxBits) return std::nullopt;  // 2^bits + x: too big
  Int modulus = Int(1) << bits;
  Int r = x % modulus;
  if (r.sign() < 0) r += modulus;
  return r;
}

}  // namespace glass::bigint
