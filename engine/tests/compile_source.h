// Test helper: compiles JavaScript text to a CompiledFunction (parse, early
// errors skipped, scopes, resolver, compiler) without a VM.
#pragma once
#include <memory>
#include <string>

#include "bytecode/function.h"
#include "compiler/compiler.h"
#include "parser/parser.h"

namespace glass::testing {

struct Compiled {
  Source source;
  Arena arena;
  AtomTable atoms;
  std::unique_ptr<bytecode::CompiledFunction> top;
  explicit Compiled(const std::string& text, bool module = false) : source{"test.js", text} {
    ParseOptions options;
    options.module = module;
    ast::Program* program = parse_program(source, arena, atoms, options);
    ScopeTree scopes = analyze_scopes(program, atoms);
    ResolverResult resolved = resolve_variables(program, scopes);
    top = compile_program(program, resolved);
  }
};

}  // namespace glass::testing
