// Fuzz target: the lexer and parser with their early errors, on any bytes
// (invalid UTF-8 included), as a script and as a module. A SyntaxError is
// the expected answer to most inputs; a crash, a hang or a sanitizer report
// is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "parser/early_errors.h"
#include "parser/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glass;
  for (bool module : {false, true}) {
    Source source{"fuzz.js", std::string(reinterpret_cast<const char*>(data), size)};
    Arena arena;
    AtomTable atoms;
    ParseOptions options;
    options.module = module;
    try {
      ast::Program* program = parse_program(source, arena, atoms, options);
      check_early_errors(program, atoms);
    } catch (const SyntaxError&) {
    }
  }
  return 0;
}
