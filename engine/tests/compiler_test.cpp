// The compiler: what it emits for the core constructs, checked on the
// CompiledFunction itself, and what it refuses.
#include <sstream>

#include <doctest/doctest.h>

#include "bytecode/disassembler.h"
#include "compile_source.h"

using namespace glass;
using bytecode::Opcode;
using testing::Compiled;

namespace {

int count(const bytecode::CompiledFunction& fn, Opcode op) {
  int n = 0;
  for (auto ins : fn.code) n += ins.op() == op;
  return n;
}

}  // namespace

TEST_CASE("compiler: parameters and locals are registers, used in place") {
  Compiled c("function add(a, b) { let s = a + b; return s; }");
  const auto& add = *c.top->functions.at(0);
  CHECK(add.name == "add");
  CHECK(add.param_count == 2);
  // s = r2 = r0 + r1, returned from r2: no moves, no scope.
  REQUIRE(add.code.size() >= 3);
  CHECK(add.code[1].op() == Opcode::Add);
  CHECK(add.code[1].a() == 2);
  CHECK(add.code[1].b() == 0);
  CHECK(add.code[1].c() == 1);
  CHECK(add.code[2].op() == Opcode::Return);
  CHECK(add.code[2].a() == 2);
  CHECK(count(add, Opcode::Move) == 0);
  CHECK(count(add, Opcode::PushScope) == 0);
}

TEST_CASE("compiler: captured variables live in a heap scope, read by depth and slot") {
  Compiled c("function counter() { let n = 0; return () => ++n; }");
  const auto& counter = *c.top->functions.at(0);
  CHECK(counter.code[0].op() == Opcode::PushScope);
  CHECK(count(counter, Opcode::SetScoped) == 1);
  CHECK(count(counter, Opcode::NewClosure) == 1);
  const auto& arrow = *counter.functions.at(0);
  CHECK(arrow.is_arrow);
  CHECK(count(arrow, Opcode::GetScoped) >= 1);
  CHECK(count(arrow, Opcode::SetScoped) == 1);
  CHECK(count(arrow, Opcode::CheckInitialized) >= 1);  // n may be read before `let n = 0` ran
}

TEST_CASE("compiler: method calls pass the object as this; jumps land inside the function") {
  Compiled c("var o = {n: 1}; if (o.n > 0) console.log(o.n); else o.n = 2; while (o.n) o.n--;");
  const auto& top = *c.top;
  CHECK(count(top, Opcode::Call) == 1);
  CHECK(count(top, Opcode::NewObject) == 1);
  CHECK(count(top, Opcode::DefineNamed) == 1);  // a literal key: the cached form
  for (uint32_t pc = 0; pc < top.code.size(); ++pc) {
    auto ins = top.code[pc];
    if (bytecode::info(ins.op()).b != bytecode::Operand::Jump) continue;
    int64_t target = int64_t(pc) + 1 + ins.sbx();
    CHECK(target >= 0);
    CHECK(target <= int64_t(top.code.size()));
  }
  std::ostringstream listing;
  bytecode::disassemble(listing, top);
  CHECK(listing.str().find("ic") != std::string::npos);
}

TEST_CASE("compiler: a with body is one more heap scope, and names in it look the object up first") {
  Compiled c("function f(o, p) { with (o) { return () => p; } }");
  const auto& f = *c.top->functions.at(0);
  CHECK(count(f, Opcode::PushWithScope) == 1);
  CHECK(count(*f.functions.at(0), Opcode::FindName) == 1);
}

TEST_CASE("compiler: const assignment is a run-time TypeError, not a silent store") {
  Compiled c("function f() { const k = 1; k = 2; }");
  CHECK(count(*c.top->functions.at(0), Opcode::ThrowConstAssign) == 1);
}

TEST_CASE("compiler: import() evaluates both arguments, then one ImportCall") {
  Compiled c("let x = 1;\nimport('./m.js', { with: { type: 'json' } });");
  CHECK(count(*c.top, Opcode::ImportCall) == 1);
}

TEST_CASE("compiler: a module's record lists its requests, imports and exports") {
  Compiled c(
      "import d, { a as b } from './x.js';\n"
      "import * as ns from './y.js';\n"
      "export let v = b;\n"
      "export { d as dd, ns };\n"
      "export { z } from './x.js';\n"
      "export * from './y.js';\n"
      "export * as all from './z.js';\n"
      "export default 1 + 1;\n",
      /*module=*/true);
  REQUIRE(c.top->module);
  const bytecode::ModuleInfo& m = *c.top->module;
  REQUIRE(m.requests.size() == 3);  // each specifier once, in source order
  CHECK(m.requests[0].specifier == "./x.js");
  CHECK(m.requests[1].specifier == "./y.js");
  CHECK(m.requests[2].specifier == "./z.js");
  REQUIRE(m.imports.size() == 3);
  CHECK(m.imports[0].name == "default");
  CHECK(m.imports[1].name == "a");
  CHECK(m.imports[1].local == "b");
  CHECK(m.imports[2].name == "*");
  // `export { d as dd }` re-exports an import: indirect, not local.
  bool dd_indirect = false, all_namespace = false, z_indirect = false;
  for (const auto& e : m.indirect_exports) {
    if (e.name == "dd") dd_indirect = e.request == 0 && e.import_name == "default";
    if (e.name == "all") all_namespace = e.request == 2 && e.import_name == "*";
    if (e.name == "z") z_indirect = e.request == 0 && e.import_name == "z";
  }
  CHECK(dd_indirect);
  CHECK(all_namespace);
  CHECK(z_indirect);
  std::vector<std::string> locals;
  for (const auto& e : m.local_exports) locals.push_back(e.name);
  CHECK(locals == std::vector<std::string>{"v", "default"});  // `ns` re-exports y's namespace
  CHECK(m.star_exports == std::vector<uint32_t>{1});
  CHECK_FALSE(m.has_top_level_await);
  // Imports are read through their links; the body enters the linker's environment.
  CHECK(count(*c.top, Opcode::EnterModuleScope) == 1);
  CHECK(count(*c.top, Opcode::GetImport) == 1);
}

TEST_CASE("compiler: a module with top-level await is an async body") {
  Compiled c("await 1;", /*module=*/true);
  CHECK(c.top->module->has_top_level_await);
  CHECK(c.top->is_async);
  Compiled nested("async function f() { await 1; }", /*module=*/true);
  CHECK_FALSE(nested.top->module->has_top_level_await);
}
