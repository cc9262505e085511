// Early errors that depend on declarations rather than on the shape of one
// production: checked in one pass over a finished tree, so the parser does
// not need to know, while reading `(a, a) => 1`, that it is looking at
// parameters. See early_errors.cpp for the list.
#pragma once
#include "ast.h"
#include "atoms.h"
#include "source.h"

namespace glass {

// Throws glass::SyntaxError for the first violation found.
void check_early_errors(ast::Program* program, AtomTable& atoms);

}  // namespace glass
