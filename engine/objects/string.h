// String: an immutable JavaScript string, a cell in the GC heap.
//
// JS strings are sequences of UTF-16 code units (lone surrogates allowed),
// so every length and index here counts code units. Representations (kept
// in the low bits of Cell::user_flags(); engine/objects/README.md has the
// whole story):
//
//  - OneByte: flat, every unit < 0x100, stored as uint8_t right after the
//    cell (heap.allocate_with_trailing). The common case: ASCII source text.
//  - TwoByte: flat, char16_t after the cell. Canonical: a string is two-byte
//    only if some unit is > 0xFF, so "same content" never depends on how a
//    string was made.
//  - Rope: concat() of two strings whose total length exceeds
//    kMaxFlatConcatLength. Holds (left, right) and copies nothing, so `s += x`
//    in a loop is linear instead of quadratic.
//  - Indirect: a rope that has been flattened. flatten() copies the
//    characters once into a new flat string and turns the rope cell itself
//    into a forwarder to it (left = the flat string, right = null), dropping
//    its children so they can be collected. Everyone holding the rope now
//    reaches the flat string in one step, and flattening twice is free.
//
// Reading without allocating: equals, compare, hash and to_utf8 walk ropes
// with an explicit stack (never C++ recursion), so they take no Heap. Only
// char_at() and the view accessors need flat data: call flatten(heap) first.
#pragma once
#include <cassert>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "gc/handles.h"
#include "objects/cell_tags.h"

namespace glass {

class String : public gc::Cell {
 public:
  // Longest string we make, in code units. The spec allows 2^53-1; engines
  // cap far lower (V8: 2^29-24 on 64-bit). 2^30-25 keeps every length and
  // byte size of a two-byte string in 32 bits. Creation past this returns
  // nullptr, and the VM throws RangeError "Invalid string length".
  static constexpr uint32_t kMaxLength = (1u << 30) - 25;
  // concat() copies when the result is at most this long, and builds a rope
  // above it: a copy of <= 24 units is cheaper than a 40-byte rope cell plus
  // a later flatten, and short strings are what property keys look like.
  static constexpr uint32_t kMaxFlatConcatLength = 24;

  enum class Kind : uint8_t { OneByte = 0, TwoByte = 1, Rope = 2, Indirect = 3 };

  // --- creation (all may collect; a result of nullptr means "too long") ---
  // The input views must not point into heap strings (they may be collected).
  static String* from_latin1(gc::Heap& heap, std::string_view latin1);
  // UTF-8 -> UTF-16. Ill-formed sequences become U+FFFD (WHATWG decoding),
  // so any byte string converts. One-byte storage when every unit fits.
  static String* from_utf8(gc::Heap& heap, std::string_view utf8);
  static String* from_utf16(gc::Heap& heap, std::u16string_view utf16);
  // a + b. Either may be a rope. Returns the other operand when one is empty.
  static String* concat(gc::Heap& heap, String* a, String* b);
  // Units [start, end) of s; requires start <= end <= s->length(). Copies
  // (no slices yet), narrowing to one-byte when it can; s itself if whole.
  static String* substring(gc::Heap& heap, String* s, uint32_t start, uint32_t end);

  // --- representation ---
  uint32_t length() const { return length_; }
  bool empty() const { return length_ == 0; }
  Kind kind() const { return Kind(user_flags() & kKindMask); }
  bool is_rope() const { return kind() == Kind::Rope; }
  // Flat data is reachable without allocating (flat, or a flattened rope).
  bool is_flat() const { return kind() != Kind::Rope; }
  bool is_one_byte() const { return !(user_flags() & kWideFlag); }  // every unit < 0x100

  // The flat string with this content: this, a flattened rope's target, or a
  // new flat string (a rope's first flatten; iterative, any depth). Cached.
  // Returns the flat string; the rope itself stays valid (now Indirect).
  String* flatten(gc::Heap& heap);
  // Flat data without allocating; requires is_flat().
  const String* flat() const;

  // Requires is_flat() (call flatten(heap) first); i < length().
  char16_t char_at(uint32_t i) const;
  std::span<const uint8_t> one_byte_view() const;  // requires is_flat() && is_one_byte()
  std::u16string_view two_byte_view() const;       // requires is_flat() && !is_one_byte()

  // --- content (any representation, never allocate in the heap) ---
  static bool equals(const String* a, const String* b);
  // Code-unit order, as JS `<` on strings: <0, 0, >0.
  static int compare(const String* a, const String* b);
  // Computed once over the UTF-16 units, then cached in the cell: equal
  // content hashes equal whatever the representation.
  uint32_t hash() const;
  // The same hash for Latin-1 text not yet in a String (atom-table probes).
  static uint32_t hash_latin1(std::string_view text);
  // For printing; lone surrogates become U+FFFD.
  std::string to_utf8() const;
  std::u16string to_utf16() const;
  // A canonical array index "0".."4294967294" (no sign, no leading zero,
  // no exponent); sets *out. Ropes are never indices (they are > 24 units).
  bool is_array_index(uint32_t* out) const;

  // Interned in a HeapAtomTable (atom_table.h): two atoms are the same
  // content iff they are the same pointer.
  bool is_atom() const { return user_flags() & kAtomFlag; }

  const char* cell_name() const override { return "String"; }

 protected:
  friend class gc::Heap;
  friend class HeapAtomTable;
  static constexpr uint8_t kKindMask = 0x3;
  static constexpr uint8_t kAtomFlag = 1 << 2;
  static constexpr uint8_t kHashedFlag = 1 << 3;  // hash_ is valid
  static constexpr uint8_t kWideFlag = 1 << 4;    // some unit > 0xFF (two-byte, or a rope holding one)

  String(uint32_t length, Kind kind, bool wide);
  void set_kind(Kind kind) { set_user_flags(uint8_t((user_flags() & ~kKindMask) | uint8_t(kind))); }
  void set_flag(uint8_t flag) const { const_cast<String*>(this)->set_user_flags(user_flags() | flag); }

  // A flat string with uninitialized characters (callers fill them before
  // anything else can allocate). nullptr if length > kMaxLength.
  static String* allocate_flat(gc::Heap& heap, uint32_t length, bool two_byte);
  uint8_t* one_byte_data() { return reinterpret_cast<uint8_t*>(this + 1); }
  char16_t* two_byte_data() { return reinterpret_cast<char16_t*>(this + 1); }
  const uint8_t* one_byte_data() const { return reinterpret_cast<const uint8_t*>(this + 1); }
  const char16_t* two_byte_data() const { return reinterpret_cast<const char16_t*>(this + 1); }

  uint32_t length_;
  mutable uint32_t hash_ = 0;
  // Flat strings: the characters follow the cell (trailing bytes).
};

// The rope cell (also an Indirect string once flattened). A String in every
// respect; a subclass only because it has fields to trace.
class RopeString final : public String {
 public:
  String* left() const { return left_; }    // Indirect: the flat string
  String* right() const { return right_; }  // Indirect: null
  void trace(gc::Tracer& tracer) override {
    tracer.visit(left_);
    tracer.visit(right_);
  }
  const char* cell_name() const override { return "Rope"; }

 private:
  friend class gc::Heap;
  friend class String;
  RopeString(String* left, String* right, uint32_t length, bool wide)
      : String(length, Kind::Rope, wide), left_(left), right_(right) {}
  String* left_;
  String* right_;
};

// The flat-data accessors are inline: string built-ins and comparisons call
// them per character.
inline const String* String::flat() const {
  assert(is_flat() && "flatten(heap) first");
  if (kind() == Kind::Indirect) return static_cast<const RopeString*>(this)->left_;
  return this;
}

inline char16_t String::char_at(uint32_t i) const {
  const String* f = flat();
  assert(i < length_);
  return f->is_one_byte() ? f->one_byte_data()[i] : f->two_byte_data()[i];
}

inline std::span<const uint8_t> String::one_byte_view() const {
  const String* f = flat();
  assert(f->is_one_byte());
  return {f->one_byte_data(), length_};
}

inline std::u16string_view String::two_byte_view() const {
  const String* f = flat();
  assert(!f->is_one_byte());
  return {f->two_byte_data(), length_};
}

inline bool is_string(const gc::Cell* cell) { return has_tag(cell, CellTag::String); }

}  // namespace glass
