// The parser: a handwritten recursive-descent parser from Lexer tokens to the
// ast:: tree, for scripts and modules of ES2025, with the early errors the
// standard requires (see early_errors.h for those checked after parsing).
#pragma once
#include "arena.h"
#include "ast.h"
#include "atoms.h"
#include "source.h"

namespace glass {

struct ParseOptions {
  bool module = false;  // parse as a Module (strict, import/export, top-level await)
  // Direct eval code (§19.2.1.1 PerformEval step 5): it inherits its
  // caller's strictness and what the enclosing function allows.
  bool eval_strict = false;
  bool eval_new_target = false;
  bool eval_super_property = false;
  bool eval_super_call = false;
  bool eval_arguments_banned = false;
  // Columns on line 1 count from this many code units in: the text starts
  // with a wrapper the user did not write (Node's CommonJS function header).
  uint32_t first_line_column_offset = 0;
  // Bytes that wrapper adds after the user's text ("\n})"): with
  // first_line_column_offset, what a debugger strips to show the file itself.
  uint32_t wrapper_suffix = 0;
};

// How many parameters a function may declare and how many arguments a call
// may list in source — V8's limits, with its messages (a SyntaxError), so
// that code Node refuses is refused the same way. Register operands are
// 16 bits; these keep a parameter's register index within them.
inline constexpr size_t kMaxParameters = 65534;
inline constexpr size_t kMaxArguments = 65535;

// Parses the whole source. Throws glass::SyntaxError on the first error.
// The tree lives in `arena`; names are interned in `atoms`.
ast::Program* parse_program(const Source& source, Arena& arena, AtomTable& atoms,
                            const ParseOptions& options);

}  // namespace glass
