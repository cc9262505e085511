// String: creation, ropes and flattening, content comparisons. See string.h.
#include "objects/string.h"

#include <boost/container/small_vector.hpp>

#include "unicode/unicode.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <vector>

namespace glass {

namespace {

// The flat pieces of a string, left to right, without recursion: a rope of
// any depth (a million `s += "x"`) is walked with an explicit stack in C++
// memory. Nothing here allocates in the heap, so the cells stay put.
class Pieces {
 public:
  explicit Pieces(const String* s) { stack_.push_back(s); }
  // The next flat piece (non-empty, or the empty string itself), or null.
  const String* next() {
    while (!stack_.empty()) {
      const String* s = stack_.back();
      stack_.pop_back();
      if (s->is_rope()) {
        auto* rope = static_cast<const RopeString*>(s);
        stack_.push_back(rope->right());
        stack_.push_back(rope->left());
        continue;
      }
      return s->flat();
    }
    return nullptr;
  }

 private:
  // Inline room for 32 pending pieces: walking a short rope (or a flat
  // string) must not call malloc.
  boost::container::small_vector<const String*, 32> stack_;
};

// One code unit at a time over Pieces (for comparing two ropes in lockstep).
class Units {
 public:
  explicit Units(const String* s) : pieces_(s) {}
  bool next(char16_t& unit) {
    while (index_ >= (piece_ ? piece_->length() : 0)) {
      piece_ = pieces_.next();
      index_ = 0;
      if (!piece_) return false;
    }
    unit = piece_->char_at(index_++);
    return true;
  }

 private:
  Pieces pieces_;
  const String* piece_ = nullptr;
  uint32_t index_ = 0;
};

bool any_wide(std::u16string_view units) {
  return std::any_of(units.begin(), units.end(), [](char16_t u) { return u > 0xFF; });
}

}  // namespace

String::String(uint32_t length, Kind kind, bool wide) : Cell(uint8_t(CellTag::String)), length_(length) {
  set_user_flags(uint8_t(uint8_t(kind) | (wide ? kWideFlag : 0)));
}

String* String::allocate_flat(gc::Heap& heap, uint32_t length, bool two_byte) {
  if (length > kMaxLength) return nullptr;
  const size_t bytes = size_t(length) * (two_byte ? 2 : 1);
  return heap.allocate_with_trailing<String>(bytes, length, two_byte ? Kind::TwoByte : Kind::OneByte, two_byte);
}

String* String::from_latin1(gc::Heap& heap, std::string_view latin1) {
  if (latin1.size() > kMaxLength) return nullptr;
  String* s = allocate_flat(heap, uint32_t(latin1.size()), false);
  if (s && !latin1.empty()) std::memcpy(s->one_byte_data(), latin1.data(), latin1.size());
  return s;
}

String* String::from_utf16(gc::Heap& heap, std::u16string_view utf16) {
  if (utf16.size() > kMaxLength) return nullptr;
  const bool wide = any_wide(utf16);
  String* s = allocate_flat(heap, uint32_t(utf16.size()), wide);
  if (!s) return nullptr;
  if (wide) {
    std::copy(utf16.begin(), utf16.end(), s->two_byte_data());
  } else {
    std::transform(utf16.begin(), utf16.end(), s->one_byte_data(), [](char16_t u) { return uint8_t(u); });
  }
  return s;
}

namespace {

// Decodes one UTF-8 sequence at text[i]; returns the code point (U+FFFD for
// an ill-formed sequence, consuming its maximal valid prefix, as WHATWG and
// TextDecoder do) and advances i.
char32_t decode_utf8(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return uint8_t(text[k]); };
  const uint8_t b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t need;
  char32_t cp;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2, cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no UTF-8-encoded surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3, cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    ++i;
    return 0xFFFD;
  }
  ++i;
  for (size_t k = 0; k < need; ++k) {
    if (i >= text.size()) return 0xFFFD;
    const uint8_t b = byte(i);
    if (b < (k == 0 ? lo : 0x80) || b > (k == 0 ? hi : 0xBF)) return 0xFFFD;  // not consumed
    cp = (cp << 6) | (b & 0x3F);
    ++i;
  }
  return cp;
}

}  // namespace

String* String::from_utf8(gc::Heap& heap, std::string_view utf8) {
  // ASCII (most text the engine makes: messages, stacks, numbers) is Latin-1 as it is.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return uint8_t(c) < 0x80; })) return from_latin1(heap, utf8);
  // Pass 1: how many units, and do we need two bytes? Pass 2: fill.
  size_t units = 0;
  bool wide = false;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode_utf8(utf8, i);
    units += cp > 0xFFFF ? 2 : 1;
    wide |= cp > 0xFF;
  }
  if (units > kMaxLength) return nullptr;
  String* s = allocate_flat(heap, uint32_t(units), wide);
  if (!s) return nullptr;
  size_t out = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode_utf8(utf8, i);
    if (!wide) {
      s->one_byte_data()[out++] = uint8_t(cp);
    } else if (cp > 0xFFFF) {
      s->two_byte_data()[out++] = char16_t(0xD800 + ((cp - 0x10000) >> 10));
      s->two_byte_data()[out++] = char16_t(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      s->two_byte_data()[out++] = char16_t(cp);
    }
  }
  return s;
}

// Copies the units of `from` (any representation) into flat `to` at `at`.
// Canonical storage means a one-byte destination has only one-byte pieces.
static void copy_flat_units(const String* p, String* to, uint32_t at);

static void copy_units(const String* from, String* to, uint32_t at) {
  if (from->is_flat()) return copy_flat_units(from->flat(), to, at);  // (no rope walk to set up)
  Pieces pieces(from);
  while (const String* p = pieces.next()) copy_flat_units(p, to, at), at += p->length();
}

// `p` is flat (not Indirect).
static void copy_flat_units(const String* p, String* to, uint32_t at) {
  if (to->is_one_byte()) {
    auto v = p->one_byte_view();
    if (!v.empty()) std::memcpy(reinterpret_cast<uint8_t*>(to + 1) + at, v.data(), v.size());
  } else {
    char16_t* dst = reinterpret_cast<char16_t*>(to + 1) + at;
    if (p->is_one_byte()) {
      auto v = p->one_byte_view();
      std::copy(v.begin(), v.end(), dst);
    } else {
      auto v = p->two_byte_view();
      std::copy(v.begin(), v.end(), dst);
    }
  }
}

String* String::concat(gc::Heap& heap, String* a, String* b) {
  if (a->empty()) return b;
  if (b->empty()) return a;
  const uint64_t total = uint64_t(a->length()) + b->length();
  if (total > kMaxLength) return nullptr;
  const bool wide = !a->is_one_byte() || !b->is_one_byte();
  // A flattened rope joins as its flat string: shorter chains to walk.
  if (a->kind() == Kind::Indirect) a = const_cast<String*>(a->flat());
  if (b->kind() == Kind::Indirect) b = const_cast<String*>(b->flat());
  gc::Rooted<String> left(heap, a), right(heap, b);
  if (total <= kMaxFlatConcatLength) {
    String* s = allocate_flat(heap, uint32_t(total), wide);
    copy_units(left, s, 0);
    copy_units(right, s, left->length());
    return s;
  }
  return heap.allocate<RopeString>(left.get(), right.get(), uint32_t(total), wide);
}

String* String::flatten(gc::Heap& heap) {
  if (kind() != Kind::Rope) return const_cast<String*>(flat());
  gc::Rooted<RopeString> rope(heap, static_cast<RopeString*>(this));
  String* s = allocate_flat(heap, length_, !is_one_byte());  // length was checked when the rope was made
  copy_units(rope, s, 0);
  // Become a forwarder: children are dropped (they may now be collected),
  // the cached hash and flags stay valid because the content is the same.
  rope->left_ = s;
  rope->right_ = nullptr;
  rope->set_kind(Kind::Indirect);
  return s;
}

String* String::substring(gc::Heap& heap, String* s, uint32_t start, uint32_t end) {
  assert(start <= end && end <= s->length());
  if (start == 0 && end == s->length()) return s;
  gc::Rooted<String> flat(heap, s->flatten(heap));
  const uint32_t n = end - start;
  if (flat->is_one_byte()) {
    String* out = allocate_flat(heap, n, false);
    if (n) std::memcpy(out->one_byte_data(), flat->one_byte_data() + start, n);
    return out;
  }
  // from_utf16 narrows if the slice has no unit > 0xFF. The view points into
  // `flat`, which is rooted (and cells never move), so allocating is safe.
  return from_utf16(heap, flat->two_byte_view().substr(start, n));
}

bool String::equals(const String* a, const String* b) {
  if (a == b) return true;
  if (a->length_ != b->length_) return false;
  if (a->is_atom() && b->is_atom()) return false;  // interned: pointer identity
  if ((a->user_flags() & b->user_flags() & kHashedFlag) && a->hash_ != b->hash_) return false;
  if (a->is_one_byte() != b->is_one_byte()) return false;  // canonical storage
  return compare(a, b) == 0;
}

int String::compare(const String* a, const String* b) {
  if (a == b) return 0;
  if (a->is_flat() && b->is_flat()) {
    const String* fa = a->flat();
    const String* fb = b->flat();
    const uint32_t n = std::min(a->length_, b->length_);
    if (fa->is_one_byte() && fb->is_one_byte()) {
      // memcmp compares unsigned bytes: the same order as the code units.
      if (int c = n ? std::memcmp(fa->one_byte_data(), fb->one_byte_data(), n) : 0) return c < 0 ? -1 : 1;
    } else {
      for (uint32_t i = 0; i < n; ++i) {
        const char16_t x = fa->char_at(i), y = fb->char_at(i);
        if (x != y) return x < y ? -1 : 1;
      }
    }
    return a->length_ < b->length_ ? -1 : a->length_ > b->length_ ? 1 : 0;
  }
  Units ua(a), ub(b);
  for (;;) {
    char16_t x, y;
    const bool has_x = ua.next(x), has_y = ub.next(y);
    if (!has_x || !has_y) return has_x ? 1 : has_y ? -1 : 0;
    if (x != y) return x < y ? -1 : 1;
  }
}

namespace {
// FNV-1a over whole UTF-16 units (one multiply per unit, so one- and
// two-byte data agree), then a final avalanche so short keys spread over a
// power-of-two table.
constexpr uint32_t kHashSeed = 2166136261u;
template <class Unit>
uint32_t hash_units(uint32_t h, const Unit* units, size_t n) {
  for (size_t i = 0; i < n; ++i) h = (h ^ uint32_t(units[i])) * 16777619u;
  return h;
}
uint32_t finish_hash(uint32_t h) {
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  return h;
}
}  // namespace

uint32_t String::hash() const {
  if (user_flags() & kHashedFlag) return hash_;
  uint32_t h = kHashSeed;
  if (is_flat()) {
    const String* f = flat();
    h = f->is_one_byte() ? hash_units(h, f->one_byte_data(), length_) : hash_units(h, f->two_byte_data(), length_);
  } else {
    Pieces pieces(this);
    while (const String* p = pieces.next())
      h = p->is_one_byte() ? hash_units(h, p->one_byte_data(), p->length()) : hash_units(h, p->two_byte_data(), p->length());
  }
  h = finish_hash(h);
  hash_ = h;
  set_flag(kHashedFlag);
  return h;
}

uint32_t String::hash_latin1(std::string_view text) {
  return finish_hash(hash_units(kHashSeed, reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

std::u16string String::to_utf16() const {
  std::u16string out;
  out.reserve(length_);
  Pieces pieces(this);
  while (const String* p = pieces.next()) {
    if (p->is_one_byte()) {
      auto v = p->one_byte_view();
      out.append(v.begin(), v.end());
    } else {
      out.append(p->two_byte_view());
    }
  }
  return out;
}

std::string String::to_utf8() const {
  if (is_flat() && is_one_byte()) {  // ASCII is its own UTF-8
    auto bytes = flat()->one_byte_view();
    if (std::all_of(bytes.begin(), bytes.end(), [](uint8_t b) { return b < 0x80; }))
      return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  }
  return unicode::utf16_to_utf8(to_utf16());  // lone surrogates become U+FFFD
}

bool String::is_array_index(uint32_t* out) const {
  // "4294967294" is 10 digits; ropes are longer than that.
  if (length_ == 0 || length_ > 10 || is_rope()) return false;
  const String* f = flat();
  if (f->char_at(0) == '0' && length_ > 1) return false;
  uint64_t value = 0;
  for (uint32_t i = 0; i < length_; ++i) {
    const char16_t c = f->char_at(i);
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  if (value > 4294967294u) return false;  // 2^32-1 is not an index (spec: ToUint32 < 2^32-1)
  if (out) *out = uint32_t(value);
  return true;
}

}  // namespace glass
