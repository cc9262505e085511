// HeapAtomTable: interned strings for property keys. Interning makes two
// atoms equal iff their pointers are equal, so a property lookup compares
// pointers, and String::is_atom() (a bit in user_flags) says in O(1) that a
// key needs no interning.
//
// Named HeapAtomTable (namespace glass) because the parser already has an
// AtomTable (engine/parser/atoms.h: UTF-8 names in an arena, no GC). The
// compiler turns parser atoms into heap atoms with intern_utf8().
//
// WEAK. A program that builds keys (obj["k" + i]) interns a string per key;
// a strong table would keep every one of them forever. So the table does not
// trace its entries: it registers an after-mark hook (gc/weak.h, mechanism 3)
// that, once marking is final and before anything is freed, drops every
// entry whose cell was not marked. An atom lives exactly as long as something
// else (an object's shape, a constant pool, a Rooted) holds it. The hook is
// the right tool rather than Weak<T> slots (those live in cells) or
// ephemerons (there is no value to keep alive): the table is C++ memory.
//
// Permanent atoms — the GLASS_WELL_KNOWN_ATOMS below, and any the VM adds
// with make_permanent() — are also held by the table's RootSection
// ("atom table"), so they survive every collection.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "gc/handles.h"
#include "objects/string.h"

namespace glass {

// X(identifier, "text"): property names the engine uses by pointer.
// Identifiers are suffixed where the text is a C++ keyword.
#define GLASS_WELL_KNOWN_ATOMS(X)          \
  X(empty, "")                             \
  X(length, "length")                      \
  X(prototype, "prototype")                \
  X(constructor, "constructor")            \
  X(name, "name")                          \
  X(message, "message")                    \
  X(stack, "stack")                        \
  X(cause, "cause")                        \
  X(value, "value")                        \
  X(done, "done")                          \
  X(next, "next")                          \
  X(get, "get")                            \
  X(set, "set")                            \
  X(writable, "writable")                  \
  X(enumerable, "enumerable")              \
  X(configurable, "configurable")          \
  X(toString, "toString")                  \
  X(valueOf, "valueOf")                    \
  X(toJSON, "toJSON")                      \
  X(then, "then")                          \
  X(callee, "callee")                      \
  X(caller, "caller")                      \
  X(arguments, "arguments")                \
  X(index, "index")                        \
  X(input, "input")                        \
  X(groups, "groups")                      \
  X(lastIndex, "lastIndex")                \
  X(raw, "raw")                            \
  X(default_, "default")                   \
  X(undefined, "undefined")                \
  X(null_, "null")                         \
  X(true_, "true")                         \
  X(false_, "false")                       \
  X(object, "object")                      \
  X(function, "function")                  \
  X(number, "number")                      \
  X(string, "string")                      \
  X(symbol, "symbol")                      \
  X(boolean, "boolean")                    \
  X(bigint, "bigint")                      \
  X(anonymous, "anonymous")                \
  X(__proto__, "__proto__")                \
  X(return_, "return")                     \
  X(throw_, "throw")                       \
  X(errors, "errors")                      \
  X(status, "status")                      \
  X(reason, "reason")                      \
  X(join, "join")

enum class WellKnownAtom : uint16_t {
#define GLASS_X(id, text) id,
  GLASS_WELL_KNOWN_ATOMS(GLASS_X)
#undef GLASS_X
      Count
};

class HeapAtomTable final : public gc::RootSection {
 public:
  // Registers the root section and the after-mark hook, and interns the
  // well-known atoms (allocates).
  explicit HeapAtomTable(gc::Heap& heap);
  ~HeapAtomTable() override;
  HeapAtomTable(const HeapAtomTable&) = delete;
  HeapAtomTable& operator=(const HeapAtomTable&) = delete;

  // The atom with s's content: an existing one, or s itself (flattened if a
  // rope) now marked as an atom. May collect; s is rooted inside. nullptr
  // only if s is nullptr.
  String* intern(gc::Heap& heap, String* s);
  // The same from UTF-8 text. An ASCII name that is already an atom is found
  // without allocating (the VM interns names constantly).
  String* intern_utf8(gc::Heap& heap, std::string_view utf8);
  // Keep this atom alive for as long as the table lives.
  void make_permanent(String* atom);

  String* get(WellKnownAtom which) const { return well_known_[size_t(which)]; }
  size_t size() const { return atoms_.size(); }

  const char* root_name() const override { return "atom table"; }
  void trace_roots(gc::Tracer& tracer) override;

 private:
  // Each entry carries its hash, so rehashing or erasing never reads a
  // cell: the sweep hook erases dying atoms without touching them.
  // Transparent, so a lookup probes with a String* (any representation).
  struct Entry {
    String* atom;
    uint32_t hash;
  };
  // A probe by ASCII text, so interning a name that is already an atom allocates nothing.
  struct AsciiProbe {
    std::string_view text;
    uint32_t hash;
  };
  static bool equals_ascii(const String* s, std::string_view text) {
    if (s->length() != text.size() || !s->is_flat() || !s->is_one_byte()) return false;
    auto bytes = s->flat()->one_byte_view();
    return std::equal(bytes.begin(), bytes.end(), text.begin(), text.end(),
                      [](uint8_t a, char b) { return a == uint8_t(b); });
  }
  struct Hash {
    using is_transparent = void;
    size_t operator()(const Entry& e) const { return e.hash; }
    size_t operator()(const String* s) const { return s->hash(); }
    size_t operator()(const AsciiProbe& p) const { return p.hash; }
  };
  struct Equal {
    using is_transparent = void;
    bool operator()(const Entry& a, const Entry& b) const { return a.atom == b.atom; }  // atoms are unique
    bool operator()(const String* s, const Entry& e) const { return String::equals(s, e.atom); }
    bool operator()(const Entry& e, const String* s) const { return String::equals(s, e.atom); }
    bool operator()(const AsciiProbe& p, const Entry& e) const { return equals_ascii(e.atom, p.text); }
    bool operator()(const Entry& e, const AsciiProbe& p) const { return equals_ascii(e.atom, p.text); }
  };
  void sweep(const gc::Heap& heap);

  gc::Heap& heap_;
  size_t hook_id_ = 0;
  std::unordered_set<Entry, Hash, Equal> atoms_;  // not traced: weak
  std::vector<String*> permanent_;                  // traced: the well-known atoms and make_permanent()
  String* well_known_[size_t(WellKnownAtom::Count)] = {};
};

}  // namespace glass
