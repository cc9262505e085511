// The variable resolver (compiler/resolver.h): where each name lives —
// register, heap scope slot, global, import or dynamic — and what each scope
// and function needs at run time. Snippets are parsed for real; assertions
// name references by their text and occurrence.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>

#include "compiler/resolver.h"
#include "parser/parser.h"

namespace {

using glass::BindingLocation;
using glass::FunctionInfo;
using glass::Resolution;

struct Resolved {
  glass::Source source;
  glass::Arena arena;
  glass::AtomTable atoms;
  glass::ast::Program* program = nullptr;
  glass::ScopeTree tree;
  glass::ResolverResult result;

  // The `occurrence`-th resolved node (0-based, source order) named `name`.
  const Resolution& ref(std::string_view name, int occurrence = 0) {
    std::vector<const glass::ast::Node*> refs = result.references;
    std::stable_sort(refs.begin(), refs.end(),
                     [](auto* a, auto* b) { return a->start.offset < b->start.offset; });
    for (const glass::ast::Node* n : refs) {
      std::string_view text = n->kind == glass::ast::NodeKind::Identifier
                                  ? static_cast<const glass::ast::Identifier*>(n)->name->text
                              : n->kind == glass::ast::NodeKind::ThisExpression ? "this"
                                                                                 : "new.target";
      if (text == name && occurrence-- == 0) return *result.resolution_of(n);
    }
    FAIL("no reference named " << name);
    static Resolution none;
    return none;
  }

  // The FunctionInfo of the `index`-th function (source order) in the program.
  const FunctionInfo& function(size_t index) { return result.functions.at(index); }

  std::string printed() {
    std::ostringstream out;
    glass::print_scopes(out, program, result);
    return out.str();
  }
};

std::unique_ptr<Resolved> resolve(const char* text, bool module = false) {
  auto r = std::make_unique<Resolved>();
  r->source = glass::Source{"test.js", text};
  r->program = glass::parse_program(r->source, r->arena, r->atoms, glass::ParseOptions{module});
  r->tree = glass::analyze_scopes(r->program, r->atoms);
  r->result = glass::resolve_variables(r->program, r->tree);
  return r;
}

TEST_CASE("uncaptured locals live in registers, parameters first") {
  auto r = resolve("function f(a, b) { var x = a; let y = b; return x + y; }");
  const FunctionInfo& f = r->function(1);
  CHECK(f.param_count == 2);
  CHECK(f.locals_count == 4);
  CHECK_FALSE(f.has_heap_scope);
  CHECK(r->ref("a", 1).kind == Resolution::Local);
  CHECK(r->ref("a", 1).index == 0);
  CHECK(r->ref("b", 1).index == 1);
  CHECK(r->ref("x", 1).kind == Resolution::Local);
  CHECK(r->ref("x", 1).index == 2);
  CHECK(r->ref("y", 1).index == 3);
  CHECK_FALSE(r->ref("y", 1).needs_tdz_check);  // after its declaration, same function
  CHECK(r->ref("x", 0).is_declaration);
}

TEST_CASE("script top-level names are globals; let/const are global lexical") {
  auto r = resolve("var v; let l = 1; function g() { return v + l + undeclared; }");
  CHECK(r->ref("v", 1).kind == Resolution::Global);
  CHECK_FALSE(r->ref("v", 1).global_lexical);
  CHECK(r->ref("l", 1).kind == Resolution::Global);
  CHECK(r->ref("l", 1).global_lexical);
  CHECK(r->ref("l", 1).needs_tdz_check);  // a function may run before `let l`
  CHECK(r->ref("undeclared").kind == Resolution::Global);
  CHECK(r->ref("undeclared").binding == nullptr);
  CHECK_FALSE(r->result.info(r->tree.root())->needs_heap_scope);
}

TEST_CASE("captured variables move to heap slots; depth counts heap scopes only") {
  auto r = resolve(
      "function outer() {\n"
      "  let a = 1, unused = 2;\n"
      "  function middle() {\n"
      "    let b = 2;\n"
      "    return function inner() { return a + b; };\n"
      "  }\n"
      "}");
  const FunctionInfo& outer = r->function(1);
  CHECK(outer.has_heap_scope);
  CHECK(r->result.info(outer.scope)->slot_count == 1);  // `a` only; `middle` and `unused` stay in registers
  CHECK(r->ref("unused").kind == Resolution::Local);
  const Resolution& b = r->ref("b", 1);
  CHECK(b.kind == Resolution::Scoped);
  CHECK(b.depth == 0);
  const Resolution& a = r->ref("a", 1);
  CHECK(a.kind == Resolution::Scoped);
  CHECK(a.depth == 1);  // inner (no heap) -> middle's scope -> outer's scope
  CHECK(a.index == 0);
  auto* middle_binding = r->tree.scopes[1]->find(r->atoms.intern("middle"));
  CHECK(r->result.location_of(middle_binding)->kind == BindingLocation::Register);
}

TEST_CASE("a scope without captured bindings adds no depth") {
  auto r = resolve("function f() { let a; { let b; { let c; return () => a + c; } } }");
  CHECK(r->ref("c", 1).kind == Resolution::Scoped);
  CHECK(r->ref("c", 1).depth == 0);
  CHECK(r->ref("a", 1).depth == 1);  // skips the block of `b`, which has no heap object
  CHECK(r->ref("b").kind == Resolution::Local);
}

TEST_CASE("shadowing picks the innermost binding") {
  auto r = resolve("function f(x) { { let x = 2; x; } x; }");
  CHECK(r->ref("x", 2).kind == Resolution::Local);
  CHECK(r->ref("x", 2).index == 1);  // the block's x
  CHECK(r->ref("x", 3).index == 0);  // the parameter
}

TEST_CASE("captured let in a for head is copied per iteration") {
  auto r = resolve("function f() { for (let i = 0; i < 3; i++) { g(() => i); } for (let j = 0; j < 3; j++) j; }");
  const glass::Scope* first_for = nullptr;
  const glass::Scope* second_for = nullptr;
  for (auto& s : r->tree.scopes)
    if (s->kind == glass::ScopeKind::For) (first_for ? second_for : first_for) = s.get();
  REQUIRE(second_for);
  CHECK(r->result.info(first_for)->needs_heap_scope);
  CHECK(r->result.info(first_for)->per_iteration_copy);
  CHECK_FALSE(r->result.info(second_for)->needs_heap_scope);
  CHECK_FALSE(r->result.info(second_for)->per_iteration_copy);
  CHECK(r->ref("i", 3).kind == Resolution::Scoped);
  CHECK(r->ref("i", 3).depth == 0);
  CHECK(r->ref("j", 1).kind == Resolution::Local);
}

TEST_CASE("catch parameters") {
  auto r = resolve("function f() { try {} catch (e) { e; } try {} catch ({ m }) { () => m; } }");
  CHECK(r->ref("e", 1).kind == Resolution::Local);
  CHECK(r->ref("e", 1).binding->kind == glass::BindingKind::CatchParameter);
  CHECK(r->ref("m", 1).kind == Resolution::Scoped);
}

TEST_CASE("default parameter expressions see earlier parameters, not body declarations") {
  auto r = resolve("var x = 0; function f(a, b = a, c = x) { var x = 1; }");
  CHECK(r->ref("a", 1).kind == Resolution::Local);
  CHECK(r->ref("a", 1).index == 0);
  CHECK(r->ref("x", 1).kind == Resolution::Global);  // §10.2.11: the body's var is not visible
  CHECK(r->ref("b").index == 1);                     // `b = a` keeps its argument register
}

TEST_CASE("a named function expression sees its own name") {
  auto r = resolve("var f = function fact(n) { return n ? fact(n - 1) : 1; };");
  const Resolution& self = r->ref("fact", 1);
  CHECK(self.kind == Resolution::Local);
  CHECK(self.binding->kind == glass::BindingKind::SelfName);
  auto r2 = resolve("var f = function fact() { return () => fact; };");
  CHECK(r2->ref("fact", 1).kind == Resolution::Scoped);
}

TEST_CASE("a class body sees the class's inner name") {
  auto r = resolve("function f() { class C { static m() { return C; } [C] = 1; } return C; }");
  const Resolution& in_method = r->ref("C", 1);
  CHECK(in_method.kind == Resolution::Scoped);
  CHECK(in_method.binding->kind == glass::BindingKind::SelfName);
  CHECK_FALSE(in_method.needs_tdz_check);
  const Resolution& in_key = r->ref("C", 2);  // computed key: runs before C is initialized
  CHECK(in_key.binding == in_method.binding);
  CHECK(in_key.needs_tdz_check);
  const Resolution& outside = r->ref("C", 3);
  CHECK(outside.kind == Resolution::Local);
  CHECK(outside.binding->kind == glass::BindingKind::Class);
}

TEST_CASE("with makes references through it dynamic") {
  auto r = resolve("function f(o, p) { var q; with (o) { p; let inner = 1; inner; } q; }");
  CHECK(r->ref("o", 1).kind == Resolution::Local);  // the with object itself
  CHECK(r->ref("p", 1).kind == Resolution::Scoped);  // the static place, after the with object
  CHECK(r->ref("p", 1).depth == 1);                  // the with object's scope is one link
  CHECK(r->ref("p", 1).dynamic_depth == 1);
  CHECK(r->ref("p", 1).dynamic_reason == Resolution::With);
  CHECK(r->ref("p", 1).binding != nullptr);  // the fallback binding
  CHECK(r->result.location_of(r->ref("p", 1).binding)->captured);  // reachable by name
  CHECK(r->ref("inner", 1).kind == Resolution::Local);  // declared inside the with body
  CHECK(r->ref("q", 1).kind == Resolution::Local);
}

TEST_CASE("sloppy direct eval makes outer names dynamic and captures everything") {
  auto r = resolve("function f(a) { let b; function g() { return a + c; } eval('1'); return c; }");
  const FunctionInfo& f = r->function(1);
  CHECK(f.has_direct_eval);
  CHECK(f.needs_arguments_object);
  CHECK(f.has_heap_scope);
  CHECK(r->result.info(f.scope)->sloppy_eval);
  CHECK(r->ref("c", 0).kind == Resolution::Global);  // eval may declare `var c` first
  CHECK(r->ref("c", 0).dynamic_reason == Resolution::Eval);
  CHECK(r->ref("c", 0).dynamic_depth == Resolution::kWholeChain);
  CHECK(r->ref("c", 1).is_dynamic());
  CHECK(r->ref("a", 1).kind == Resolution::Scoped);  // found before the eval scope
  CHECK(r->ref("b").kind == Resolution::Scoped);     // eval can read it: captured

  auto strict = resolve("'use strict'; function f(a) { eval('1'); return a + c; }");
  CHECK(strict->ref("c").kind == Resolution::Global);  // strict eval has its own var scope
  CHECK(strict->ref("a", 1).kind == Resolution::Scoped);
  auto indirect = resolve("function f(a) { (0, eval)('1'); eval?.('1'); return a + c; }");
  CHECK_FALSE(indirect->function(1).has_direct_eval);
  CHECK(indirect->ref("c").kind == Resolution::Global);
  CHECK(indirect->ref("a", 1).kind == Resolution::Local);
}

TEST_CASE("arguments") {
  auto r = resolve("function f() { return arguments.length; } function g(arguments) { arguments; }"
                   " function h() { return () => arguments; } function k() {}");
  CHECK(r->function(1).uses_arguments);
  CHECK(r->function(1).needs_arguments_object);
  CHECK(r->ref("arguments", 0).kind == Resolution::Local);
  CHECK_FALSE(r->function(2).needs_arguments_object);  // a parameter shadows it
  CHECK(r->ref("arguments", 2).binding->kind == glass::BindingKind::Parameter);
  CHECK(r->function(3).uses_arguments);  // through the arrow
  CHECK_FALSE(r->function(4).uses_arguments);  // the arrow itself has none
  CHECK(r->ref("arguments", 3).kind == Resolution::Scoped);
  CHECK_FALSE(r->function(5).needs_arguments_object);
}

TEST_CASE("arrows capture this and new.target of the enclosing function") {
  auto r = resolve("function f() { this; return () => () => this.x + new.target; } function g() { return this; }");
  const FunctionInfo& f = r->function(1);
  CHECK(f.arrow_captures_this);
  REQUIRE(f.this_binding);
  CHECK(r->result.location_of(f.this_binding)->kind == BindingLocation::Slot);
  CHECK(r->result.resolution_of(nullptr) == nullptr);
  CHECK(r->ref("this", 0).kind == Resolution::Scoped);  // the arrow's `this`, first in source order
  CHECK(r->ref("this", 0).depth == 0);
  CHECK(r->ref("new.target").kind == Resolution::Scoped);
  CHECK_FALSE(r->function(4).arrow_captures_this);
}

TEST_CASE("module imports resolve as imports; exported bindings live in the module scope") {
  auto r = resolve("import d, { a as b } from 'm'; let priv = 1; export let pub = 2; d; b; priv; pub;", true);
  CHECK(r->ref("d", 1).kind == Resolution::Import);
  CHECK(r->ref("b", 1).kind == Resolution::Import);
  CHECK(r->ref("b", 1).index == 1);
  CHECK(r->ref("priv", 1).kind == Resolution::Local);
  CHECK(r->ref("pub", 1).kind == Resolution::Scoped);  // importers read it live
  CHECK(r->result.info(r->tree.root())->needs_heap_scope);
}

TEST_CASE("Annex B: a sloppy block function also assigns a var in the function") {
  auto r = resolve("function f() { { function h() {} } return h; }");
  const glass::Scope* fs = r->function(1).scope;
  const glass::Binding* var_h = fs->find(r->atoms.intern("h"));
  REQUIRE(var_h);
  CHECK(var_h->kind == glass::BindingKind::Var);
  CHECK(r->ref("h", 1).binding == var_h);
  REQUIRE(r->result.annex_b.size() == 1);
  const glass::AnnexBCopy& copy = r->result.annex_b.begin()->second;
  CHECK(copy.var == var_h);
  CHECK(copy.lexical->kind == glass::BindingKind::LexicalFunction);

  // Not when a `var h` would be an early error (a let in an enclosing
  // scope), nor over a parameter, nor in strict code.
  CHECK(resolve("function f() { let h; { function h() {} } }")->result.annex_b.empty());
  CHECK(resolve("function f(h) { { function h() {} } }")->result.annex_b.empty());
  CHECK(resolve("'use strict'; function f() { { function h() {} } }")->result.annex_b.empty());
  CHECK(resolve("function f() { { let h; { function h() {} } } }")->result.annex_b.empty());
  // An existing var keeps its binding and gets the copy.
  auto existing = resolve("function f() { var h = 1; if (1) function h() {} }");
  CHECK(existing->result.annex_b.size() == 1);
}

TEST_CASE("TDZ checks: before the declaration, in switch cases, in for-of heads") {
  auto r = resolve("function f() { x; let x = 1; x; switch (1) { case 0: let s; case 1: s; } for (let y of y) ; }");
  CHECK(r->ref("x", 0).needs_tdz_check);
  CHECK_FALSE(r->ref("x", 2).needs_tdz_check);
  CHECK(r->ref("s", 1).needs_tdz_check);
  CHECK(r->ref("y", 1).needs_tdz_check);
}

TEST_CASE("print_scopes outline") {
  auto r = resolve(
      "let t = 1;\n"
      "function f(a) {\n"
      "  let x = a;\n"
      "  with (a) x;\n"
      "  return () => x + t;\n"
      "}\n");
  CHECK(r->printed() ==
        "scopes:\n"
        "script 1:1 params=0 locals=0\n"
        "  let t: global lexical\n"
        "  function f: global\n"
        "  function 2:1 f heap(1) params=1 locals=1\n"
        "    param a: r0\n"
        "    let x: slot 0 (captured)\n"
        "    arrow 5:10 params=0 locals=0\n"
        "references:\n"
        "1:5 t -> global lexical (declaration)\n"
        "2:10 f -> global (declaration)\n"
        "2:12 a -> r0 (declaration)\n"
        "3:7 x -> scope[0].slot 0 (declaration)\n"
        "3:11 a -> r0\n"
        "4:9 a -> r0\n"
        "4:12 x -> scope[1].slot 0, after a by-name lookup (with) in 1 scope(s)\n"
        "5:16 x -> scope[0].slot 0 (tdz)\n"
        "5:20 t -> global lexical (tdz)\n");
}

}  // namespace
