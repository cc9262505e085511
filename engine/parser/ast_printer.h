// --print-ast: the syntax tree as an indented outline, one node per line.
#pragma once
#include <ostream>

#include "ast.h"
#include "source.h"

namespace glass {
void print_ast(std::ostream& out, const Source& source, ast::Program* program);
}  // namespace glass
