// Interned names. Every identifier the lexer reads becomes an Atom: one
// canonical object per distinct name, so comparing two names is comparing
// two pointers. Names are stored as UTF-8 (an identifier can never hold a
// lone surrogate, so nothing is lost).
//
// The names the grammar treats specially without reserving them ("let",
// "async", "of", ...) are pre-interned once in the table below, so the parser
// can write `tok.atom == atoms.async_` instead of comparing strings.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "arena.h"

namespace glass {

struct AtomData {
  std::string_view text;
};
using Atom = const AtomData*;

// Contextual keywords and other names with grammar meaning: X(member, "text").
#define GLASS_KNOWN_ATOMS(X)                 \
  X(let_, "let")                             \
  X(static_, "static")                       \
  X(yield_, "yield")                         \
  X(await_, "await")                         \
  X(async_, "async")                         \
  X(of_, "of")                               \
  X(using_, "using")                         \
  X(get_, "get")                             \
  X(set_, "set")                             \
  X(from_, "from")                           \
  X(as_, "as")                               \
  X(target_, "target")                       \
  X(meta_, "meta")                           \
  X(constructor_, "constructor")             \
  X(prototype_, "prototype")                 \
  X(eval_, "eval")                           \
  X(arguments_, "arguments")                 \
  X(implements_, "implements")               \
  X(interface_, "interface")                 \
  X(package_, "package")                     \
  X(private_, "private")                     \
  X(protected_, "protected")                 \
  X(public_, "public")                       \
  X(proto_, "__proto__")                     \
  X(default_, "default")                     \
  X(use_strict_, "use strict")               \
  X(enum_, "enum")                           \
  X(type_, "type")                           \
  X(json_, "json")

class AtomTable {
 public:
  AtomTable();
  Atom intern(std::string_view text);

#define GLASS_DECLARE_ATOM(member, text) Atom member;
  GLASS_KNOWN_ATOMS(GLASS_DECLARE_ATOM)
#undef GLASS_DECLARE_ATOM

 private:
  // Open addressing with linear probing over a power-of-two table; each slot
  // keeps the name's hash so most mismatches cost one integer compare. (This
  // lookup runs once per identifier the lexer reads, so it is hot.)
  struct Slot {
    uint64_t hash = 0;
    AtomData* atom = nullptr;
  };
  void grow();
  Arena arena_;
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

}  // namespace glass
