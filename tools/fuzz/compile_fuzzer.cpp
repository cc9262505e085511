// Fuzz target: everything from source text to verified bytecode — parse,
// early errors, scopes, the resolver and the compiler — and then the
// bytecode verifier (engine/bytecode/verifier.h) on the result. A program
// the parser accepts must compile to code the verifier accepts; a refusal
// is a compiler bug and aborts, which the fuzzer reports with the input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bytecode/verifier.h"
#include "compiler/compiler.h"
#include "compiler/resolver.h"
#include "parser/early_errors.h"
#include "parser/parser.h"
#include "parser/scope.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glass;
  for (bool module : {false, true}) {
    Source source{"fuzz.js", std::string(reinterpret_cast<const char*>(data), size)};
    Arena arena;
    AtomTable atoms;
    ParseOptions options;
    options.module = module;
    std::unique_ptr<bytecode::CompiledFunction> compiled;
    try {
      ast::Program* program = parse_program(source, arena, atoms, options);
      check_early_errors(program, atoms);
      ScopeTree tree = analyze_scopes(program, atoms);
      ResolverResult resolved = resolve_variables(program, tree);
      compiled = compile_program(program, resolved);
    } catch (const SyntaxError&) {
      continue;
    } catch (const CompileError&) {
      continue;  // a limit glass states (too many registers, cache slots)
    }
    if (auto error = bytecode::verify(*compiled)) {
      std::fprintf(stderr, "the bytecode verifier refused the compiler's output: %s\n", error->text().c_str());
      std::abort();
    }
  }
  return 0;
}
