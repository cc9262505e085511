// Parser unit tests: the tree's shape for representative constructs, and the
// early errors the parser itself raises (declaration-level ones are in
// early_errors_test.cpp). The large-scale check is test262 (conformance/).
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "parser/ast_printer.h"
#include "parser/parser.h"

namespace {

struct Parsed {
  bool ok = false;
  std::string tree;   // --print-ast output when ok
  std::string error;  // SyntaxError message when not
  glass::SourcePos pos;
};

Parsed parse(const std::string& text, bool module = false) {
  glass::Source source{"test.js", text};
  glass::Arena arena;
  glass::AtomTable atoms;
  Parsed result;
  try {
    auto* program = glass::parse_program(source, arena, atoms, glass::ParseOptions{module});
    std::ostringstream out;
    glass::print_ast(out, source, program);
    result.ok = true;
    result.tree = out.str();
  } catch (const glass::SyntaxError& e) {
    result.error = e.message;
    result.pos = e.pos;
  }
  return result;
}

bool parses(const std::string& text, bool module = false) { return parse(text, module).ok; }

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("operator precedence and associativity shape the tree") {
  auto r = parse("a + b * c ** d ** e;");
  REQUIRE(r.ok);
  // * binds tighter than +, ** is right-associative.
  CHECK(contains(r.tree, "right: BinaryExpression operator=\"*\""));
  CHECK(contains(r.tree, "right: BinaryExpression operator=\"**\" @1:9"));
  CHECK(contains(r.tree, "right: BinaryExpression operator=\"**\" @1:14"));
}

TEST_CASE("positions are line:column in UTF-16 units") {
  auto r = parse("let s = '\xF0\x9F\x98\x80'; x;\n  y;");
  REQUIRE(r.ok);
  CHECK(contains(r.tree, "Identifier name=x @1:15"));  // the emoji counts as two UTF-16 units
  CHECK(contains(r.tree, "Identifier name=y @2:3"));
}

TEST_CASE("automatic semicolon insertion") {
  CHECK(parses("a\nb"));
  CHECK(parses("return_ = 1\n++b"));
  auto r = parse("a\n++b");
  REQUIRE(r.ok);
  CHECK(contains(r.tree, "UpdateExpression operator=\"++\" prefix"));
  CHECK(parses("function f() { return\n1 }"));
  CHECK(parses("do x; while (0) y"));
  CHECK_FALSE(parses("a b"));
  CHECK_FALSE(parses("throw\nx"));
}

TEST_CASE("regular expression or division is decided by the grammar") {
  auto r = parse("a = b / c / d; e = /re/g.test(x);");
  REQUIRE(r.ok);
  CHECK(contains(r.tree, "RegExpLiteral pattern=\"re\" flags=g"));
  CHECK(parses("x = y\n/re/g"));  // division: no ASI before /
  CHECK_FALSE(parses("x = /(/;"));
  CHECK_FALSE(parses("x = /a/gg;"));
}

TEST_CASE("templates: cooked and raw, tagged templates allow bad escapes") {
  auto r = parse("t = `a${1}b\\n`;");
  REQUIRE(r.ok);
  CHECK(contains(r.tree, "TemplateElement cooked=\"b\\n\" hasCooked raw=\"b\\\\n\" tail"));
  CHECK(parses("tag`\\unicode`"));
  CHECK_FALSE(parses("`\\unicode`"));
}

TEST_CASE("arrow functions and the cover grammar") {
  CHECK(parses("(a, b) => a; a => a; () => {}; (a, ...b) => b; async (a) => await a;"));
  CHECK(parses("([a, {b}], {c = 1} = {}) => 0"));
  CHECK_FALSE(parses("(a, b) + 1 => 0"));
  CHECK_FALSE(parses("a + b => 0"));
  CHECK_FALSE(parses("(a.b) => 0"));
  CHECK_FALSE(parses("(...a, b) => 0"));
  CHECK_FALSE(parses("()"));
  CHECK_FALSE(parses("({a = 1});"));
  CHECK(parses("({a = 1} = {});"));
  CHECK_FALSE(parses("async (await) => 0"));
  CHECK_FALSE(parses("function* g() { (a = yield) => 0 }"));
}

TEST_CASE("destructuring assignment targets") {
  CHECK(parses("[a, b.c, ...d[0]] = e; ({a, b: c.d, ...e} = f);"));
  CHECK_FALSE(parses("[a + b] = c"));
  CHECK_FALSE(parses("({a}) = b"));
  CHECK_FALSE(parses("[...a, b] = c"));
  CHECK_FALSE(parses("({...{a}} = b)"));
  CHECK_FALSE(parses("a?.b = 1"));
}

TEST_CASE("classes: fields, private names, accessors, static blocks") {
  CHECK(parses("class A extends B { #x = 1; static #y; get #z() {} static { this.q = 1 } m() { return #x in this && this.#x } constructor() { super() } }"));
  CHECK_FALSE(parses("class A { constructor() {} constructor() {} }"));
  CHECK_FALSE(parses("class A { get constructor() {} }"));
  CHECK_FALSE(parses("class A { m() { super() } }"));
  CHECK_FALSE(parses("class A { static prototype() {} }"));
  CHECK_FALSE(parses("class A { #constructor }"));
  CHECK_FALSE(parses("class A { x = arguments }"));
}

TEST_CASE("generators, async functions, for-await") {
  CHECK(parses("function* g() { yield; yield 1; yield* g(); }"));
  CHECK(parses("async function f() { await 1; for await (const x of y) {} }"));
  CHECK(parses("async function* f() { yield await 1 }"));
  CHECK(parses("function f() { var yield, await; }"));
  CHECK_FALSE(parses("function* g() { var yield; }"));
  CHECK_FALSE(parses("async function f() { var await; }"));
  CHECK_FALSE(parses("function f() { for await (x of y); }"));
  CHECK_FALSE(parses("function* g(a = yield) {}"));
}

TEST_CASE("strict mode rules") {
  CHECK(parses("with (a) b; var eval; 010; '\\07'"));
  CHECK_FALSE(parses("'use strict'; with (a) b"));
  CHECK_FALSE(parses("'use strict'; var eval"));
  CHECK_FALSE(parses("'use strict'; 010"));
  CHECK_FALSE(parses("'\\07'; 'use strict'"));
  CHECK_FALSE(parses("'use strict'; delete x"));
  CHECK_FALSE(parses("'use strict'; var let"));
  CHECK_FALSE(parses("function eval() { 'use strict' }"));
  CHECK_FALSE(parses("function f(a = 1) { 'use strict' }"));
}

TEST_CASE("labels, break and continue") {
  CHECK(parses("a: b: while (1) { continue a; }"));
  CHECK(parses("a: { break a; }"));
  CHECK_FALSE(parses("a: { continue a; }"));
  CHECK_FALSE(parses("break;"));
  CHECK_FALSE(parses("while (1) { function f() { break; } }"));
  CHECK_FALSE(parses("a: a: ;"));
  CHECK_FALSE(parses("x: while (1) { break y; }"));
}

TEST_CASE("super and new.target need a context") {
  CHECK(parses("({ m() { return super.x } })"));
  CHECK(parses("function f() { return new.target }"));
  CHECK_FALSE(parses("new.target"));
  CHECK_FALSE(parses("function f() { super.x }"));
  CHECK_FALSE(parses("return 1"));
}

TEST_CASE("optional chaining, ?? and logical assignment") {
  CHECK(parses("a?.b?.[c]?.(d); a ?? b; (a || b) ?? c; a ||= b; a &&= b; a ?\?= b;"));
  CHECK_FALSE(parses("a || b ?? c"));
  CHECK_FALSE(parses("a ?? b && c"));
  CHECK_FALSE(parses("new a?.b()"));
  CHECK_FALSE(parses("a?.b`t`"));
  CHECK_FALSE(parses("-a ** b"));
}

TEST_CASE("modules: every import and export form") {
  CHECK(parses(R"(
    import d from "a"; import * as ns from "b"; import {x, y as z, "s t" as u} from "c";
    import d2, {w} from "d"; import "e"; import j from "./x.json" with { type: "json" };
    export var v = 1; export let l; export const c = 1; export function f() {} export class K {}
    export { v as vv, f as ff }; export * from "f"; export * as ns2 from "g"; export { q as "q q" } from "h";
    export default function () {}
    await 1; import.meta.url;
  )", true));
  CHECK_FALSE(parses("import x from 'a'"));            // not in a script
  CHECK_FALSE(parses("{ import x from 'a' }", true));  // only at top level
  CHECK_FALSE(parses("export { if }", true));
  CHECK_FALSE(parses("import {a as b, a as b} from 'x'", true));
  CHECK_FALSE(parses("import x from 'a' with { type: 'json', type: 'json' }", true));
}

TEST_CASE("errors carry a position") {
  auto r = parse("let x = 1;\nlet y = ;");
  REQUIRE_FALSE(r.ok);
  CHECK(r.pos.line == 2);
  CHECK(r.pos.column == 9);
  CHECK(r.error == "Unexpected token ';'");
}

TEST_CASE("deep nesting is an error, not a crash") {
  std::string deep(200000, '[');
  auto r = parse("x = " + deep);
  CHECK_FALSE(r.ok);
  std::string parens(200000, '(');
  CHECK_FALSE(parses(parens));
  std::string blocks(200000, '{');
  CHECK_FALSE(parses(blocks));
}
