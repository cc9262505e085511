// --print-tokens: one token per line, "line:col  Kind  value".
#pragma once
#include <ostream>

#include "arena.h"
#include "atoms.h"
#include "source.h"

namespace glass {
// Tokenizes the whole source (throws SyntaxError). Uses the parser's own
// regex/division heuristic: `/` after a token that ends an expression is division.
void print_tokens(std::ostream& out, const Source& source, Arena& arena, AtomTable& atoms, bool module);
}  // namespace glass
