// Strings, ropes, symbols and the heap atom table (engine/objects/).
// The allocation-heavy checks run twice: once normally and once with
// gc::HeapOptions{.stress = true} (a full, verifying collection before every
// allocation), so a String* held across an allocation without a Rooted fails.
#include <string>

#include <doctest/doctest.h>

#include "gc/handles.h"
#include "objects/atom_table.h"
#include "objects/string.h"
#include "objects/symbol.h"

using glass::HeapAtomTable;
using glass::String;
using glass::Symbol;
using glass::WellKnownAtom;
using glass::gc::Heap;
using glass::gc::HeapOptions;
using glass::gc::Rooted;

namespace {

String* latin1(Heap& heap, std::string_view s) { return String::from_latin1(heap, s); }

// Creation, narrowing, concat (flat vs rope), flatten, comparisons, substring.
void check_basics(Heap& heap) {
  // One-byte from each encoding; narrowing when every unit < 0x100.
  Rooted<String> a(heap, latin1(heap, "hello"));
  Rooted<String> b(heap, String::from_utf8(heap, "hello"));
  Rooted<String> c(heap, String::from_utf16(heap, u"hello"));
  CHECK(a->kind() == String::Kind::OneByte);
  CHECK(b->kind() == String::Kind::OneByte);
  CHECK(c->kind() == String::Kind::OneByte);
  CHECK(String::equals(a, b));
  CHECK(String::equals(a, c));
  CHECK(a->hash() == c->hash());
  CHECK(a->length() == 5);
  CHECK(a->char_at(1) == u'e');

  Rooted<String> e_acute(heap, String::from_utf8(heap, "caf\xC3\xA9"));  // é = U+00E9: still one byte
  CHECK(e_acute->kind() == String::Kind::OneByte);
  CHECK(e_acute->length() == 4);
  CHECK(e_acute->char_at(3) == 0xE9);
  CHECK(e_acute->to_utf8() == "caf\xC3\xA9");

  Rooted<String> euro(heap, String::from_utf8(heap, "\xE2\x82\xAC 1"));  // U+20AC: two-byte
  CHECK(euro->kind() == String::Kind::TwoByte);
  CHECK(euro->length() == 3);
  CHECK(euro->char_at(0) == 0x20AC);
  Rooted<String> emoji(heap, String::from_utf8(heap, "\xF0\x9F\x98\x80"));  // U+1F600: a surrogate pair
  CHECK(emoji->length() == 2);
  CHECK(emoji->char_at(0) == 0xD83D);
  CHECK(emoji->char_at(1) == 0xDE00);
  CHECK(emoji->to_utf8() == "\xF0\x9F\x98\x80");
  Rooted<String> bad(heap, String::from_utf8(heap, "a\xFF" "b"));  // ill-formed byte -> U+FFFD
  CHECK(bad->to_utf16() == u"a\uFFFDb");

  // Lone surrogates are kept in the string and printed as U+FFFD.
  const char16_t lone[] = {u'x', 0xD800, u'y', 0xDC00, 0};
  Rooted<String> surrogates(heap, String::from_utf16(heap, lone));
  CHECK(surrogates->length() == 4);
  CHECK(surrogates->char_at(1) == 0xD800);
  CHECK(surrogates->char_at(3) == 0xDC00);
  CHECK(surrogates->to_utf8() == "x\xEF\xBF\xBDy\xEF\xBF\xBD");

  // Small concatenation copies; large builds a rope that flattens equal.
  Rooted<String> small(heap, String::concat(heap, a, c));
  CHECK(small->kind() == String::Kind::OneByte);
  CHECK(small->to_utf8() == "hellohello");
  Rooted<String> twenty(heap, latin1(heap, "abcdefghijklmnopqrst"));
  Rooted<String> rope(heap, String::concat(heap, twenty, a));  // 25 > 24
  CHECK(rope->kind() == String::Kind::Rope);
  CHECK(rope->length() == 25);
  Rooted<String> flat_same(heap, latin1(heap, "abcdefghijklmnopqrsthello"));
  CHECK(String::equals(rope, flat_same));
  CHECK(String::compare(rope, flat_same) == 0);
  CHECK(rope->hash() == flat_same->hash());
  CHECK(rope->to_utf8() == "abcdefghijklmnopqrsthello");
  Rooted<String> flat(heap, rope->flatten(heap));
  CHECK(flat->kind() == String::Kind::OneByte);
  CHECK(rope->kind() == String::Kind::Indirect);
  CHECK(rope->flatten(heap) == flat.get());  // cached
  CHECK(rope->char_at(20) == u'h');         // an indirect string reads through
  CHECK(String::equals(rope, flat_same));

  // A rope mixing one- and two-byte pieces flattens to two-byte.
  Rooted<String> mixed(heap, String::concat(heap, rope, euro));  // 25 + 3: rope (rope joins as its flat)
  CHECK(mixed->is_rope());
  CHECK_FALSE(mixed->is_one_byte());
  Rooted<String> mixed_flat(heap, mixed->flatten(heap));
  CHECK(mixed_flat->kind() == String::Kind::TwoByte);
  CHECK(mixed_flat->char_at(25) == 0x20AC);
  CHECK(mixed->to_utf8() == "abcdefghijklmnopqrsthello\xE2\x82\xAC 1");

  // Empty operands.
  Rooted<String> empty(heap, latin1(heap, ""));
  CHECK(String::concat(heap, empty, a) == a.get());
  CHECK(String::concat(heap, a, empty) == a.get());

  // compare: code-unit order, prefixes first, across representations.
  Rooted<String> abc(heap, latin1(heap, "abc"));
  Rooted<String> abd(heap, latin1(heap, "abd"));
  Rooted<String> ab(heap, latin1(heap, "ab"));
  CHECK(String::compare(abc, abd) < 0);
  CHECK(String::compare(abd, abc) > 0);
  CHECK(String::compare(ab, abc) < 0);
  CHECK(String::compare(euro, abc) > 0);  // 0x20AC > 'a'
  Rooted<String> high(heap, String::from_utf16(heap, std::u16string(1, char16_t(0xFFFF))));
  CHECK(String::compare(emoji, high) < 0);  // UTF-16 order: 0xD83D < 0xFFFF (not code point order)
  Rooted<String> rope2(heap, String::concat(heap, twenty, abd));
  Rooted<String> rope3(heap, String::concat(heap, twenty, abc));
  CHECK(String::compare(rope3, rope2) < 0);
  CHECK_FALSE(String::equals(rope3, rope2));

  // substring: copies, narrows two-byte slices that fit in one byte.
  Rooted<String> sub(heap, String::substring(heap, rope2, 18, 23));
  CHECK(sub->to_utf8() == "stabd");
  CHECK(sub->is_flat());
  Rooted<String> euro_tail(heap, String::substring(heap, euro, 1, 3));
  CHECK(euro_tail->kind() == String::Kind::OneByte);
  CHECK(euro_tail->to_utf8() == " 1");
  CHECK(String::substring(heap, euro, 0, 3) == euro.get());
  CHECK(String::substring(heap, euro, 2, 2)->empty());
}

}  // namespace

TEST_CASE("string: creation, narrowing, ropes, comparisons, substring") {
  Heap heap;
  check_basics(heap);
}

TEST_CASE("string: the same under --gc-stress") {
  Heap heap(HeapOptions{.stress = true});
  check_basics(heap);
}

TEST_CASE("string: array indices") {
  Heap heap;
  uint32_t index = 123;
  for (auto [name, expected] : {std::pair<const char*, uint32_t>{"0", 0}, {"42", 42}, {"4294967294", 4294967294u}}) {
    const char* text = name;  // CAPTURE's lambda cannot capture a structured binding in clang 14
    CAPTURE(text);
    CHECK(latin1(heap, text)->is_array_index(&index));
    CHECK(index == expected);
  }
  for (const char* text : {"", "01", "-1", "4294967295", "1e3", "99999999999", " 1", "1.0", "+1"}) {
    CAPTURE(text);
    CHECK_FALSE(latin1(heap, text)->is_array_index(&index));
  }
  CHECK_FALSE(String::from_utf8(heap, "\xE2\x82\xAC")->is_array_index(&index));
}

TEST_CASE("string: a million-deep rope flattens without recursion, both ways") {
  Heap heap;
  constexpr uint32_t kCount = 1'000'000;
  Rooted<String> x(heap, latin1(heap, "x"));
  Rooted<String> y(heap, latin1(heap, "y"));
  Rooted<String> left(heap, latin1(heap, ""));
  Rooted<String> right(heap, latin1(heap, ""));
  for (uint32_t i = 0; i < kCount; ++i) {
    left = String::concat(heap, left, i == 0 ? y : x);    // ((y x) x) x ...
    right = String::concat(heap, i == 0 ? y : x, right);  // x (x (x y))
  }
  CHECK(left->is_rope());
  CHECK(right->is_rope());
  CHECK(left->length() == kCount);
  // Walks before flattening (explicit stacks) and after agree.
  const uint32_t left_hash = left->hash();
  CHECK(String::compare(left, right) > 0);  // "yxx..." > "xx...y"
  CHECK(String::compare(right, left) < 0);
  Rooted<String> lf(heap, left->flatten(heap));
  Rooted<String> rf(heap, right->flatten(heap));
  CHECK(lf->length() == kCount);
  CHECK(lf->char_at(0) == u'y');
  CHECK(lf->char_at(kCount - 1) == u'x');
  CHECK(rf->char_at(0) == u'x');
  CHECK(rf->char_at(kCount - 1) == u'y');
  // Same content as a flat string built directly: equal, same hash.
  std::string expected(kCount, 'x');
  expected[0] = 'y';
  Rooted<String> direct(heap, latin1(heap, expected));
  CHECK(String::equals(direct, left));
  CHECK(direct->hash() == left_hash);
  heap.collect();  // the flattened ropes dropped their children
  CHECK(String::equals(direct, lf));
}

TEST_CASE("string: lengths past kMaxLength fail cleanly") {
  Heap heap;
  // Doubling ropes reaches 2^29 units without copying a character.
  Rooted<String> s(heap, latin1(heap, "abcdefghijklmnopqrstuvwxyz012345"));  // 32 = 2^5
  for (int i = 0; i < 24; ++i) s = String::concat(heap, s, s);
  CHECK(s->length() == (1u << 29));
  Rooted<String> big(heap, String::concat(heap, s, s));  // 2^30 > kMaxLength
  CHECK(big.get() == nullptr);
  Rooted<String> tail(heap, latin1(heap, "!"));
  Rooted<String> longer(heap, String::concat(heap, s, tail));  // still fine (a rope; nothing copied)
  CHECK(longer->length() == (1u << 29) + 1);
  CHECK(String::concat(heap, longer, s) == nullptr);
}

TEST_CASE("atoms: interning, weakness, permanent well-known atoms") {
  Heap heap;
  HeapAtomTable atoms(heap);
  const size_t base = atoms.size();
  CHECK(base == size_t(WellKnownAtom::Count));
  CHECK(atoms.get(WellKnownAtom::length)->to_utf8() == "length");
  CHECK(atoms.get(WellKnownAtom::default_)->to_utf8() == "default");
  CHECK(atoms.get(WellKnownAtom::length)->is_atom());

  Rooted<String> foo(heap, atoms.intern_utf8(heap, "foo"));
  CHECK(foo->is_atom());
  CHECK(atoms.intern_utf8(heap, "foo") == foo.get());
  CHECK(atoms.intern(heap, latin1(heap, "foo")) == foo.get());
  CHECK(atoms.intern_utf8(heap, "length") == atoms.get(WellKnownAtom::length));
  // A rope interns as its flat content.
  Rooted<String> long1(heap, latin1(heap, "a_rather_long_property_"));
  Rooted<String> long2(heap, latin1(heap, "name_here"));
  Rooted<String> rope(heap, String::concat(heap, long1, long2));
  Rooted<String> rope_atom(heap, atoms.intern(heap, rope));
  CHECK(rope_atom->is_atom());
  CHECK(rope_atom->is_flat());
  CHECK(atoms.intern_utf8(heap, "a_rather_long_property_name_here") == rope_atom.get());
  CHECK(String::equals(rope_atom, rope));

  atoms.intern_utf8(heap, "temporary");  // nothing holds it
  CHECK(atoms.size() == base + 3);
  heap.collect();
  CHECK(atoms.size() == base + 2);  // "temporary" dropped; "foo" and the rope atom are rooted
  CHECK(atoms.intern_utf8(heap, "foo") == foo.get());
  foo = nullptr;
  rope_atom = nullptr;
  rope = nullptr;  // the flattened rope forwards to its atom, so it held it too
  heap.collect();
  CHECK(atoms.size() == base);
  // Well-known atoms survive every collection.
  for (int i = 0; i < 3; ++i) heap.collect();
  CHECK(atoms.get(WellKnownAtom::prototype)->to_utf8() == "prototype");
  CHECK(atoms.intern_utf8(heap, "constructor") == atoms.get(WellKnownAtom::constructor));
}

TEST_CASE("atoms and symbols under --gc-stress") {
  Heap heap(HeapOptions{.stress = true});
  HeapAtomTable atoms(heap);
  Rooted<String> k1(heap, atoms.intern_utf8(heap, "key"));
  Rooted<String> k2(heap, atoms.intern(heap, String::from_utf16(heap, u"key")));
  CHECK(k1.get() == k2.get());
  atoms.intern_utf8(heap, "gone");
  atoms.intern_utf8(heap, "x");  // the stress collection before this allocation drops "gone"
  CHECK(atoms.intern_utf8(heap, "length") == atoms.get(WellKnownAtom::length));

  Rooted<Symbol> sym(heap, Symbol::create(heap, String::from_utf8(heap, "Symbol.iterator"), Symbol::kWellKnown));
  Rooted<Symbol> anon(heap, Symbol::create(heap, nullptr));
  latin1(heap, "churn");
  CHECK(sym->is_well_known());
  CHECK_FALSE(sym->is_registered());
  CHECK(sym->description()->to_utf8() == "Symbol.iterator");  // kept alive by the symbol
  CHECK(anon->description() == nullptr);
  CHECK(glass::is_symbol(sym.get()));
  CHECK(glass::is_string(k1.get()));
  CHECK_FALSE(glass::is_string(sym.get()));
}
