// The bytecode compiler: a checked syntax tree in, a CompiledFunction per
// function out (bytecode/function.h), using the resolver's answer for every
// name (resolver.h).
//
// Register discipline: a function's frame holds its parameters and locals in
// r0 .. r(locals-1) (the resolver numbers them) and temporaries above, used
// like a stack: an expression is compiled into a requested register, or into
// the next free temporary, and temporaries are released when the statement
// or enclosing expression is done. `register_count` is the high-water mark.
//
// Status: the compiler covers the core of the language (see the list in
// compiler.cpp); anything else is reported as "not supported yet" with its
// position, never compiled wrongly.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>

#include "bytecode/function.h"
#include "compiler/resolver.h"
#include "parser/ast.h"

namespace glass {

// A construct the compiler does not handle yet.
struct CompileError {
  std::string message;
  SourcePos pos;
};

// Compiles a whole program. Throws CompileError.
std::unique_ptr<bytecode::CompiledFunction> compile_program(const ast::Program* program,
                                                            const ResolverResult& resolved);

}  // namespace glass
