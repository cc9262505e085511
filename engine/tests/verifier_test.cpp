// The bytecode verifier: the compiler's output passes it, and each kind of
// broken code (made by corrupting real output, as a compiler bug would) is
// refused with a message naming the function, the instruction and what is
// wrong.
#include <doctest/doctest.h>

#include "bytecode/verifier.h"
#include "compile_source.h"

using namespace glass;
using bytecode::CompiledFunction;
using bytecode::Instruction;
using bytecode::Opcode;
using testing::Compiled;

namespace {

// The index of the first `op` in `fn` (a test's own code must have one).
uint32_t find(const CompiledFunction& fn, Opcode op) {
  for (uint32_t pc = 0; pc < fn.code.size(); ++pc)
    if (fn.code[pc].op() == op) return pc;
  FAIL("no " << bytecode::info(op).name);
  return 0;
}

// The problem the verifier reports for `top`, or "" when it accepts it.
std::string problem(const CompiledFunction& top) {
  auto error = bytecode::verify(top);
  return error ? error->text() : "";
}

const char* const kSoundPrograms[] = {
    "var a = 1; let b = 2; const c = a + b; function f(x, ...rest) { return x + rest.length; } f(1, 2, 3);",
    "function outer(a) { let x = 1; function inner() { return x + a; }"
    "  for (let i = 0; i < 2; i++) { setTimeout(() => i); }"
    "  try { throw 1 } catch (e) { x = e } finally { x++ }"
    "  with ({}) { x } return inner; }",
    "function* g() { try { yield 1; yield* [2, 3]; } finally { return 4; } }"
    "async function h() { for await (const v of [1]) { try { await v; } catch { } } }",
    "class A { #p = 1; static s = 2; get p() { return this.#p; } static { this.t = 3; } }"
    "class B extends A { constructor() { super(); let q = () => super.p; } }",
    "label: for (const k in {a: 1}) { switch (k) { case 'a': continue label; default: break label; } }",
    "function e(s) { var v = 1; eval(s); return () => v; } e('var w = 2');",
    "const {a, ...rest} = {a: 1, b: 2}; const [x = 1, [y] = [2]] = []; `t${a}` + /re/g.source;",
    "try { try { f() } finally { g() } } catch (e) { } finally { h() }",
    // `continue` pops the catch's heap scope and jumps while inside the inner try's range.
    "for (var i = 0; i < 2; ++i) { try { f() } catch (e) { try { g(() => e); continue; } catch (e2) { } } }",
};

}  // namespace

TEST_CASE("verifier: the compiler's output passes") {
  for (const char* text : kSoundPrograms) {
    Compiled c(text);
    CHECK_MESSAGE(problem(*c.top) == "", text);
  }
  Compiled module("import {x} from './m.js'; export let y = x; export default function () { return y; }"
                  "await 1;",
                  true);
  CHECK(problem(*module.top) == "");
}

TEST_CASE("verifier: operands outside their tables") {
  SUBCASE("a register outside the frame, named with the function and instruction") {
    Compiled c("function add(a, b) { return a + b; }");
    CompiledFunction& add = *c.top->functions[0];
    uint32_t pc = find(add, Opcode::Add);
    add.code[pc] = Instruction::abc(Opcode::Add, 300, 0, 1);
    std::string text = problem(*c.top);
    CHECK(text.find("function 'add' at 1:1") != std::string::npos);
    CHECK(text.find("`Add r300, r0, r1`") != std::string::npos);
    CHECK(text.find("register r300 outside the frame") != std::string::npos);
  }
  SUBCASE("a call whose arguments run past the frame") {
    Compiled c("function f(g) { return g(1, 2); }");
    CompiledFunction& f = *c.top->functions[0];
    uint32_t pc = find(f, Opcode::Call);
    Instruction call = f.code[pc];
    f.code[pc] = Instruction::abc(Opcode::Call, call.a(), call.b(), 40);
    CHECK(problem(*c.top).find("outside the frame") != std::string::npos);
  }
  SUBCASE("a constant, a cache slot, a nested function past their tables") {
    Compiled c("function f(o) { return o.x + 1.5 + (() => 1)(); }");
    CompiledFunction& f = *c.top->functions[0];
    Compiled c2("function f(o) { return o.x + 1.5 + (() => 1)(); }");
    CompiledFunction& f2 = *c2.top->functions[0];
    Compiled c3("function f(o) { return o.x + 1.5 + (() => 1)(); }");
    CompiledFunction& f3 = *c3.top->functions[0];
    uint32_t k = find(f, Opcode::LoadConst), ic = find(f2, Opcode::GetNamed), fn = find(f3, Opcode::NewClosure);
    f.code[k] = Instruction::abx(Opcode::LoadConst, f.code[k].a(), 9);
    Instruction get = f2.code[ic];
    f2.code[ic] = Instruction::abc(Opcode::GetNamed, get.a(), get.b(), 77);
    f3.code[fn] = Instruction::abx(Opcode::NewClosure, f3.code[fn].a(), 5);
    CHECK(problem(*c.top).find("constant k9 outside the pool of 1") != std::string::npos);
    CHECK(problem(*c2.top).find("cache slot ic77 outside") != std::string::npos);
    CHECK(problem(*c3.top).find("function f5 outside the 1 nested ones") != std::string::npos);
  }
  SUBCASE("a constant of the wrong kind") {
    Compiled c("function f() { let y = 1.5; return () => y; }");
    CompiledFunction& f = *c.top->functions[0];
    uint32_t push = find(f, Opcode::PushScope);
    uint32_t number = find(f, Opcode::LoadConst);
    f.code[push] = Instruction::abx(Opcode::PushScope, 0, f.code[number].bx());
    CHECK(problem(*c.top).find("is not of the kind PushScope reads") != std::string::npos);
  }
  SUBCASE("an opcode that does not exist") {
    Compiled c("1 + 2;");
    c.top->code[0] = Instruction::abc(Opcode::Count_, 0);
    CHECK(problem(*c.top).find("no such opcode") != std::string::npos);
  }
}

TEST_CASE("verifier: control flow") {
  SUBCASE("a jump outside the code") {
    Compiled c("function f(a) { if (a) a = 2; return a; }");
    CompiledFunction& f = *c.top->functions[0];
    uint32_t pc = find(f, Opcode::JumpIfFalse);
    f.code[pc].set_sbx(1000);
    CHECK(problem(*c.top).find("jumps outside the code") != std::string::npos);
    f.code[pc].set_sbx(-5);
    CHECK(problem(*c.top).find("jumps outside the code") != std::string::npos);
  }
  SUBCASE("a path that runs off the end") {
    // The implicit `return undefined` after `return a;` is unreachable: without its Return, no path runs on.
    Compiled unreachable("function f(a) { return a; }");
    unreachable.top->functions[0]->code.back() = Instruction::abc(Opcode::LoadUndefined, 0);
    CHECK(problem(*unreachable.top) == "");
    // After `if (a) return 1;` it is reached.
    Compiled c("function f(a) { if (a) return 1; }");
    c.top->functions[0]->code.back() = Instruction::abc(Opcode::LoadUndefined, 0);
    CHECK(problem(*c.top).find("execution runs past the last instruction") != std::string::npos);
  }
}

TEST_CASE("verifier: heap scopes") {
  const char* text = "function f(a) { if (a) { let y = 1; g(() => y); } return a; }";
  SUBCASE("a PopScope with nothing of the function's to pop") {
    Compiled c(text);
    CompiledFunction& f = *c.top->functions[0];
    f.code[find(f, Opcode::PushScope)] = Instruction::abc(Opcode::LoadUndefined, 1);
    std::string text_ = problem(*c.top);
    CHECK(text_.find("`PopScope`: pops a heap scope this function did not push") != std::string::npos);
  }
  SUBCASE("paths that meet with different scopes") {
    Compiled c(text);
    CompiledFunction& f = *c.top->functions[0];
    f.code[find(f, Opcode::PopScope)] = Instruction::abc(Opcode::LoadUndefined, 1);
    CHECK(problem(*c.top).find("paths meet here with different heap scopes: [] and [k0]") != std::string::npos);
  }
  SUBCASE("a slot the enclosing function's scope does not have") {
    Compiled c(text);
    CompiledFunction& arrow = *c.top->functions[0]->functions[0];
    uint32_t pc = find(arrow, Opcode::GetScoped);
    arrow.code[pc] = Instruction::abc(Opcode::GetScoped, arrow.code[pc].a(), 0, 7);
    std::string message = problem(*c.top);
    CHECK(message.find("function '' ") == std::string::npos);
    CHECK(message.find("slot 7 of a scope (k0) with 1 slots") != std::string::npos);
  }
  SUBCASE("a slot of the function's own scope") {
    Compiled c(text);
    CompiledFunction& f = *c.top->functions[0];
    uint32_t pc = find(f, Opcode::SetScoped);
    f.code[pc] = Instruction::abc(Opcode::SetScoped, f.code[pc].a(), 0, 3);
    CHECK(problem(*c.top).find("slot 3 of a scope (k0) with 1 slots") != std::string::npos);
  }
}

TEST_CASE("verifier: exception handlers") {
  const char* text = "function f(g) { try { try { g(); } catch (e) { g(e); } } finally { g(); } }";
  SUBCASE("the compiler's handlers nest, innermost first") {
    Compiled c(text);
    CHECK(c.top->functions[0]->handlers.size() >= 2);
    CHECK(problem(*c.top) == "");
  }
  SUBCASE("listed outermost first") {
    Compiled c(text);
    auto& handlers = c.top->functions[0]->handlers;
    std::swap(handlers.front(), handlers.back());
    CHECK(problem(*c.top).find("without nesting in it") != std::string::npos);
  }
  SUBCASE("a range past the code, a handler past the code") {
    Compiled c(text);
    CompiledFunction& f = *c.top->functions[0];
    f.handlers[0].end = uint32_t(f.code.size()) + 3;
    CHECK(problem(*c.top).find("range is not within the code") != std::string::npos);
    Compiled c2(text);
    CompiledFunction& f2 = *c2.top->functions[0];
    f2.handlers[0].handler = uint32_t(f2.code.size());
    CHECK(problem(*c2.top).find("continues past the code") != std::string::npos);
  }
  SUBCASE("restoring more scopes than are pushed") {
    Compiled c(text);
    c.top->functions[0]->handlers[0].scope_depth = 2;
    CHECK(problem(*c.top).find("restores 2 heap scopes, but only 0 are pushed here") != std::string::npos);
  }
}
