// The declaration-level early errors (parser/early_errors.cpp), through the
// parser's public entry point. Each table row is a snippet and the message
// Node (V8) prints for it, or nullptr when the snippet is valid; the tables
// were checked against `node --check` (tools: see the comment on kDeviations
// for the few places Glass words or decides differently on purpose).
#include <doctest/doctest.h>

#include <string>

#include "parser/parser.h"
#include "parser/scope.h"

namespace {

using glass::Arena;
using glass::AtomTable;
using glass::ParseOptions;
using glass::Source;
using glass::SyntaxError;

struct Outcome {
  bool ok = true;
  std::string message;
  glass::SourcePos pos;
};

Outcome parse(const char* text, bool module) {
  Source source{"test.js", text};
  Arena arena;
  AtomTable atoms;
  try {
    glass::parse_program(source, arena, atoms, ParseOptions{module});
    return {};
  } catch (const SyntaxError& e) {
    return {false, e.message, e.pos};
  }
}

struct Case {
  const char* source;
  const char* error;  // nullptr: no error
};

constexpr const char* kRedeclared_x = "Identifier 'x' has already been declared";
constexpr const char* kRedeclared_f = "Identifier 'f' has already been declared";
constexpr const char* kRedeclared_e = "Identifier 'e' has already been declared";
constexpr const char* kRedeclared_a = "Identifier 'a' has already been declared";
constexpr const char* kDuplicateParam = "Duplicate parameter name not allowed in this context";
// The parser reports these itself, in its own words; the rows only check
// that some error is raised (V8's wording is in the comment beside each).
constexpr const char* kAnyError = "<any error>";
constexpr const char* kArguments =
    "'arguments' is not allowed in class field initializer or static initialization block";

void check_cases(const Case* cases, size_t count, bool module) {
  for (size_t i = 0; i < count; i++) {
    const Case& c = cases[i];
    CAPTURE(c.source);
    Outcome r = parse(c.source, module);
    if (c.error == kAnyError) {
      CHECK_FALSE(r.ok);
    } else if (c.error) {
      CHECK_FALSE(r.ok);
      CHECK(r.message == std::string(c.error));
    } else {
      CHECK(r.ok);
      if (!r.ok) MESSAGE(r.message);
    }
  }
}

// --- Lexical vs var declarations (14.2.1, 14.12.1, 15.2.1, 16.1.1) -----------

const Case kDeclarations[] = {
    {R"(var x; let x;)", kRedeclared_x},
    {R"(let x; var x;)", kRedeclared_x},
    {R"(let x; let x;)", kRedeclared_x},
    {R"(const x = 1; let x;)", kRedeclared_x},
    {R"(let a, a;)", kRedeclared_a},
    {R"(let [a, a] = [];)", kRedeclared_a},
    {R"(const {a, b: {a}} = {};)", kRedeclared_a},
    {R"({ let x; { var x; } })", kRedeclared_x},
    {R"({ var x; } let x;)", kRedeclared_x},
    {R"(function g() { let x; var y; { let y; var x; } })", kRedeclared_x},
    {R"(label: { let x; var x })", kRedeclared_x},
    {R"(with (o) { let x; var x })", kRedeclared_x},
    {R"(let x; { var y; } var x)", kRedeclared_x},
    {R"(class C {} class C {})", "Identifier 'C' has already been declared"},
    {R"(var C; class C {})", "Identifier 'C' has already been declared"},
    {R"(let f; function f() {})", kRedeclared_f},
    {R"(function f() {} let f;)", kRedeclared_f},
    // Valid: var and top-level functions may repeat; inner blocks shadow.
    {R"(var x; var x; function x() {} { let x; })", nullptr},
    {R"(function f() {} function f() {} var f;)", nullptr},
    {R"(function g() { let f; { function f() {} } })", nullptr},
    {R"(let x; { let x; { let x; } })", nullptr},
    {R"(var x; { var x; { var x; } })", nullptr},
    {R"(function f(x) { { let x; } })", nullptr},
    {R"(for (var x;;) { let x; })", nullptr},
    {R"(let x; function g() { var x; })", nullptr},
    {R"(var f = function f() { let f; };)", nullptr},
    {R"(let C = class C { m() { let C; } };)", nullptr},
    // `let` as a lexically bound name (14.3.1.1, 14.7.5.1).
    {R"(let let = 1;)", "let is disallowed as a lexically bound name"},
    {R"(const let = 1;)", "let is disallowed as a lexically bound name"},
    {R"(let [let] = [];)", "let is disallowed as a lexically bound name"},
    {R"(for (let let;;);)", "let is disallowed as a lexically bound name"},
    {R"(for (const let of []);)", "let is disallowed as a lexically bound name"},
    {R"(var let = 1;)", nullptr},
};

TEST_CASE("early errors: lexical and var declarations") {
  check_cases(kDeclarations, std::size(kDeclarations), false);
}

// --- Blocks, switch and Annex B.3.2.4 ---------------------------------------

const Case kBlocks[] = {
    {R"({ function f() {} function f() {} })", nullptr},
    {R"(switch (1) { case 1: function f() {} default: function f() {} })", nullptr},
    {R"("use strict"; { function f() {} function f() {} })", kRedeclared_f},
    {R"({ function f() {} async function f() {} })", kRedeclared_f},
    {R"({ function* f() {} function f() {} })", kRedeclared_f},
    {R"({ async function* f() {} async function* f() {} })", kRedeclared_f},
    {R"({ function f() {} let f; })", kRedeclared_f},
    {R"({ function f() {} var f; })", kRedeclared_f},
    {R"({ var f; function f() {} })", kRedeclared_f},
    {R"({ function f() {} class f {} })", kRedeclared_f},
    {R"(function g() { "use strict"; { function f() {} function f() {} } })", kRedeclared_f},
    {R"(switch (1) { case 1: let f; default: var f; })", kRedeclared_f},
    {R"(switch (1) { case 1: let f; case 2: let f; })", kRedeclared_f},
    {R"(switch (1) { case 1: let f; } var f;)", nullptr},
    {R"({ l: function f() {} let f; })", kRedeclared_f},
    {R"(l: function f() {} var f;)", nullptr},
    // B.3.3: `if (x) function f() {}` is as if in its own block.
    {R"({ let f; if (1) function f() {} })", nullptr},
    {R"({ let f; if (1) ; else function f() {} })", nullptr},
};

TEST_CASE("early errors: blocks, switch and Annex B function redeclaration") {
  check_cases(kBlocks, std::size(kBlocks), false);
}

// --- for heads (14.7.4.1, 14.7.5.1) -----------------------------------------

const Case kFor[] = {
    {R"(for (let x;;) { var x; })", kRedeclared_x},
    {R"(for (let x of []) { var x; })", kRedeclared_x},
    {R"(for (const x in {}) { { var x; } })", kRedeclared_x},
    {R"(for (let x of []) var x;)", kRedeclared_x},
    {R"(for (let [x, x] of []);)", kRedeclared_x},
    {R"(for (let x, x;;);)", kRedeclared_x},
    {R"(for (const x in {}) { let x; })", nullptr},
    {R"(for (let x;;) { function g() { var x; } })", nullptr},
    {R"(for (let x;;); var x;)", nullptr},
    {R"(for (var x of []) { var x; })", nullptr},
    {R"(let x; for (let x;;);)", nullptr},
};

TEST_CASE("early errors: for-statement heads") { check_cases(kFor, std::size(kFor), false); }

// --- catch (14.15.1, B.3.4) -------------------------------------------------

const Case kCatch[] = {
    {R"(try {} catch (e) { let e; })", kRedeclared_e},
    {R"(try {} catch (e) { function e() {} })", kRedeclared_e},
    {R"(try {} catch (e) { class e {} })", kRedeclared_e},
    {R"(try {} catch ([e, e]) {})", kRedeclared_e},
    {R"(try {} catch ({a: e, b: e}) {})", kRedeclared_e},
    {R"(try {} catch ([e]) { var e; })", kRedeclared_e},
    {R"(try {} catch ({e}) { { var e; } })", kRedeclared_e},
    {R"(try {} catch ([e]) { for (var e in {}); })", kRedeclared_e},
    // B.3.4: a plain identifier parameter may be redeclared by var (also in
    // for-in and, since ES2020, for-of heads).
    {R"(try {} catch (e) { var e; })", nullptr},
    {R"(try {} catch (e) { { var e; } })", nullptr},
    {R"(try {} catch (e) { for (var e in {}); })", nullptr},
    {R"(try {} catch (e) { for (var e of []); })", nullptr},
    {R"(try {} catch (e) { for (var e;;); })", nullptr},
    {R"("use strict"; try {} catch (e) { var e; })", nullptr},
    {R"(try {} catch (e) { { let e; } })", nullptr},
    {R"(try {} catch { let e; var f; })", nullptr},
    {R"(let e; try {} catch (e) {})", nullptr},
};

TEST_CASE("early errors: catch parameters") { check_cases(kCatch, std::size(kCatch), false); }

// --- Parameters (15.1.1, 15.2.1, 15.3.1, 15.4.1) ----------------------------

const Case kParams[] = {
    {R"(function f(a, a) {})", nullptr},
    {R"(function* f(a, a) {})", nullptr},
    {R"(async function f(a, a) {})", nullptr},
    {R"((function (a, a) {}))", nullptr},
    {R"("use strict"; function f(a, a) {})", kDuplicateParam},
    {R"(function f(a, a) { "use strict"; })", kDuplicateParam},
    {R"((a, a) => 1)", kDuplicateParam},
    {R"((a, [a]) => 1)", kDuplicateParam},
    {R"(async (a, a) => 1)", kDuplicateParam},
    {R"((a, ...a) => 1)", kDuplicateParam},
    {R"(({m(a, a) {}}))", kDuplicateParam},
    {R"(({*m(a, a) {}}))", kDuplicateParam},
    {R"(({async m(a, a) {}}))", kDuplicateParam},
    {R"(({set m([a, a]) {}}))", kDuplicateParam},
    {R"(class C { m(a, a) {} })", kDuplicateParam},
    {R"(class C { constructor(a, a) {} })", kDuplicateParam},
    {R"(function f(a, [b], a) {})", kDuplicateParam},
    {R"(function f(a, b = 1, a) {})", kDuplicateParam},
    {R"(function f(a, ...a) {})", kDuplicateParam},
    {R"(function f([a, a]) {})", kDuplicateParam},
    {R"(function f({a, b: a}) {})", kDuplicateParam},
    {R"(function f(a) { let a; })", kRedeclared_a},
    {R"(function f(a) { const a = 1; })", kRedeclared_a},
    {R"(function f(a) { class a {} })", kRedeclared_a},
    {R"(function f(...a) { let a; })", kRedeclared_a},
    {R"(function f({a}) { let a; })", kRedeclared_a},
    {R"((a) => { let a; })", kRedeclared_a},
    {R"(({ f(a) { let a; } }))", kRedeclared_a},
    {R"(function f(a) { var a; function a() {} })", nullptr},
    {R"(function f(a) { { let a; } })", nullptr},
    {R"(function f(a = function (a, a) {}) {})", nullptr},
    // A function expression's own name is shadowed, not redeclared.
    {R"("use strict"; (function f(f) {});)", nullptr},
    {R"((function f(a, f) { var f; });)", nullptr},
    {R"((function f(a, f) { let f; });)", "Identifier 'f' has already been declared"},
    {R"(x = function f() { class f {} };)", nullptr},
    {R"(x = function* g() { let g; };)", nullptr},
    // 15.2.1: "use strict" with non-simple parameters.
    {R"(function f(a = 1) { "use strict"; })",
     "Illegal 'use strict' directive in function with non-simple parameter list"},
    {R"(function f(a = 1) { "a"; "use strict"; })",
     "Illegal 'use strict' directive in function with non-simple parameter list"},
    {R"(({a}) => { "use strict"; })",
     "Illegal 'use strict' directive in function with non-simple parameter list"},
    {R"(function f(a = 1) { ("use strict"); })", nullptr},
    {R"(function f(a) { "use strict"; })", nullptr},
};

TEST_CASE("early errors: parameters") { check_cases(kParams, std::size(kParams), false); }

// --- Classes (15.7.1) -------------------------------------------------------

const Case kClasses[] = {
    {R"(class C { #x; #x; })", "Identifier '#x' has already been declared"},
    {R"(class C { #x; static #x; })", "Identifier '#x' has already been declared"},
    {R"(class C { #x() {} get #x() {} })", "Identifier '#x' has already been declared"},
    {R"(class C { get #x() {} get #x() {} })", "Identifier '#x' has already been declared"},
    {R"(class C { static get #x() {} set #x(v) {} })", "Identifier '#x' has already been declared"},
    {R"(class C { get #x() {} set #x(v) {} #x; })", "Identifier '#x' has already been declared"},
    {R"(class C { get #x() {} set #x(v) {} })", nullptr},
    {R"(class C { static set #x(v) {} static get #x() {} })", nullptr},
    {R"(class C { #x; m() { class D { #x; } } })", nullptr},
    {R"(class C { m() { this.#y; } })", "Private field '#y' must be declared in an enclosing class"},
    {R"(this.#y;)", "Private field '#y' must be declared in an enclosing class"},
    {R"(class C { m() { #y in this; } })", "Private field '#y' must be declared in an enclosing class"},
    {R"(class C { m() { this?.a.#y; } })", "Private field '#y' must be declared in an enclosing class"},
    {R"(class C extends (o.#x) { #x; })", "Private field '#x' must be declared in an enclosing class"},
    {R"(class C { #x; } class D { m() { this.#x; } })",
     "Private field '#x' must be declared in an enclosing class"},
    {R"(class C { #y; m() { this?.#y; this.#y; #y in this; } })", nullptr},
    {R"(class C { m() { this.#y; } #y; })", nullptr},
    {R"(class C { #x; m() { class D extends (o.#x) {} } })", nullptr},
    {R"(class C { #x; [o.#x] = 1; })", nullptr},
    {R"(class C { #x; m() { class D { n() { this.#x; } } } })", nullptr},
    {R"(class C { #x; m() { return () => function () { this.#x; }; } })", nullptr},
    {R"(class C { #constructor; })", kAnyError},      // V8: Classes may not have a field named 'constructor'
    {R"(class C { #constructor() {} })", kAnyError},  // V8: Class constructor may not be a private method
    {R"(class C { constructor() {} constructor() {} })", "A class may only have one constructor"},
    {R"(class C { constructor() {} "constructor"() {} })", "A class may only have one constructor"},
    {R"(class C { static constructor() {} static constructor() {} constructor() {} })", nullptr},
    {R"(class C { ["constructor"]() {} constructor() {} })", nullptr},
    {R"(class C { get constructor() {} })", "Class constructor may not be an accessor"},
    {R"(class C { *constructor() {} })", "Class constructor may not be a generator"},
    {R"(class C { async constructor() {} })", "Class constructor may not be an async method"},
    {R"(class C { constructor; })", "Classes may not have a field named 'constructor'"},
    {R"(class C { "constructor" = 1; })", "Classes may not have a field named 'constructor'"},
    {R"(class C { static constructor; })", "Classes may not have a field named 'constructor'"},
    {R"(class C { static prototype; })", "Classes may not have a static property named 'prototype'"},
    {R"(class C { static "prototype" = 1; })", "Classes may not have a static property named 'prototype'"},
    {R"(class C { static prototype() {} })", "Classes may not have a static property named 'prototype'"},
    {R"(class C { static get prototype() {} })", "Classes may not have a static property named 'prototype'"},
    {R"(class C { prototype; prototype() {} static ["prototype"] = 1; ["constructor"] = 1; })", nullptr},
    // ContainsArguments in initializers and static blocks.
    {R"(class C { x = arguments; })", kArguments},
    {R"(class C { static x = arguments; })", kArguments},
    {R"(class C { static { arguments; } })", kArguments},
    {R"(class C { x = () => arguments; })", kArguments},
    {R"(class C { x = (a = arguments) => 1; })", kArguments},
    {R"(class C { x = typeof arguments; })", kArguments},
    {R"(class C { x = {arguments}; })", kArguments},
    {R"(class C { x = () => { arguments = 1; }; })", kArguments},
    {R"(class C { x = class { [arguments] = 1; }; })", kArguments},
    {R"(class C { x = {[arguments]() {}}; })", kArguments},
    {R"(class C { x = function () { arguments; }; })", nullptr},
    {R"(class C { x = {m() { arguments; }}; })", nullptr},
    {R"(class C { x = a.arguments; })", nullptr},
    {R"(class C { x = () => { ({arguments: 1}); }; })", nullptr},
    {R"(class C { m() { arguments; } })", nullptr},
    {R"(function f() { class C { [arguments] = 1; } })", nullptr},
    // A static block is a var scope of its own.
    {R"(class C { static { var x; let x; } })", kRedeclared_x},
    {R"(class C { static { let f; { var f; } } })", kRedeclared_f},
    {R"(class C { static { function f() {} var f; } })", nullptr},
    {R"(var x; class C { static { let x; } })", nullptr},
    {R"(let x; class C { static { var x; } })", nullptr},
};

TEST_CASE("early errors: classes") { check_cases(kClasses, std::size(kClasses), false); }

// --- Modules (16.2.1.1, 16.2.2.1, 16.2.3.1) ---------------------------------

const Case kModules[] = {
    {R"(function f() {} function f() {})", kRedeclared_f},
    {R"(function f() {} var f;)", kRedeclared_f},
    {R"(var x; import x from "m";)", kRedeclared_x},
    {R"(import x from "m"; let x;)", kRedeclared_x},
    {R"(import x from "m"; function x() {})", kRedeclared_x},
    {R"(import {a as x, b as x} from "m";)", kRedeclared_x},
    {R"(import x, * as x from "m";)", kRedeclared_x},
    {R"(import x from "m"; { var x; })", kRedeclared_x},
    {R"(import x from "m"; { let x; })", nullptr},
    {R"({ function f() {} function f() {} })", kRedeclared_f},
    {R"(export default function f() {} let f;)", kRedeclared_f},
    {R"(export default class C {} let C;)", "Identifier 'C' has already been declared"},
    {R"(export {a, a as b}; var a;)", nullptr},
    {R"(export {a as x, b as x}; var a, b;)", "Duplicate export of 'x'"},
    {R"(export * as x from "m"; export var x;)", "Duplicate export of 'x'"},
    {R"(export default function () {} export {x as default}; var x;)", "Duplicate export of 'default'"},
    {R"(export {x as default}; export default 1; var x;)", "Duplicate export of 'default'"},
    {R"(export var [a, b] = []; export {a};)", "Duplicate export of 'a'"},
    {R"(export function a() {} export class b {} export {a as b};)", "Duplicate export of 'b'"},
    {R"(export {a as "x", b as "x"}; var a, b;)", "Duplicate export of 'x'"},
    {R"(export {a as "x", b as x}; var a, b;)", "Duplicate export of 'x'"},
    {R"(export {x};)", "Export 'x' is not defined in module"},
    {R"({ let x; } export {x};)", "Export 'x' is not defined in module"},
    {R"(function g() { var x; } export {x};)", "Export 'x' is not defined in module"},
    {R"({ var x; } export {x};)", nullptr},
    {R"(export {x}; import x from "m";)", nullptr},
    {R"(export {f, C, v, l, c}; function f() {} class C {} var v; let l; const c = 1;)", nullptr},
    {R"(export {x} from "m"; export {y as z} from "m"; export * from "m"; export * from "n";)", nullptr},
    // V8: String literal module export names must be followed by a 'from' clause
    {R"(export {"a"};)", kAnyError},
    {R"(export {"a" as b};)", kAnyError},
    {R"(export {"a" as b} from "m";)", nullptr},
    {R"(var a; export {a as "\uD800"};)", "Invalid module export name: contains unpaired surrogate"},
    {R"(import {"\uD800" as a} from "m";)", "Invalid module export name: contains unpaired surrogate"},
    {R"(export * as "\uDC00" from "m";)", "Invalid module export name: contains unpaired surrogate"},
    {R"(export {"\uD800" as a} from "m";)", "Invalid module export name: contains unpaired surrogate"},
    {R"(var a; export {a as "\uD83D\uDE00"};)", nullptr},
    {R"(import {"\uD83D\uDE00" as a} from "m";)", nullptr},
    // V8: Import assertion has duplicate key 'type'
    {R"(import a from "m" with {type: "json", type: "json"};)", kAnyError},
    {R"(import a from "m" with {type: "json", "type": "json"};)", kAnyError},
    {R"(export * from "m" with {a: "x", a: "y"};)", kAnyError},
    {R"(export {x} from "m" with {a: "x", b: "y"};)", nullptr},
};

TEST_CASE("early errors: modules") { check_cases(kModules, std::size(kModules), true); }

// Glass deliberately differs from V8 here (V8's text is in the comment).
TEST_CASE("early errors: deliberate differences from V8") {
  // V8: "Identifier '.default' has already been declared".
  Outcome r = parse("export default 1; export default 2;", true);
  CHECK_FALSE(r.ok);
  CHECK(r.message == "Duplicate export of 'default'");
}

// --- Positions ----------------------------------------------------------------

TEST_CASE("early errors: the error points at the offending name") {
  Outcome r = parse("let x;\nfunction g() {}\n  var x;", false);
  REQUIRE_FALSE(r.ok);
  CHECK(r.pos.line == 3);
  CHECK(r.pos.column == 7);

  r = parse("(a, b,\n a) => 1", false);
  REQUIRE_FALSE(r.ok);
  CHECK(r.message == kDuplicateParam);
  CHECK(r.pos.line == 2);
  CHECK(r.pos.column == 2);

  r = parse("class C { m() { return this.#nope; } }", false);
  REQUIRE_FALSE(r.ok);
  CHECK(r.pos.column == 29);

  r = parse("export { a as b, c as b }; var a, c;", true);
  REQUIRE_FALSE(r.ok);
  CHECK(r.pos.column == 23);
}

// --- A larger valid program ---------------------------------------------------

TEST_CASE("early errors: a realistic program has none") {
  const char* script = R"(
    "use strict";
    var counter = 0;
    function make(name, { size = 1, ...rest } = {}, ...more) {
      var name2 = name;
      let inner = () => { let name = 1; return name + arguments.length; };
      for (let i = 0, j = 1; i < size; i++) { let j = i; var k = j; }
      for (const key in rest) { const value = rest[key]; }
      for (const [a, b] of more) { var total = a + b; }
      try { throw 1; } catch ({ message }) { let m = message; } finally { var done = true; }
      switch (size) { case 1: { let x = 1; } break; case 2: let y = 2; break; default: var z = 3; }
      label: for (;;) { break label; }
      class Point {
        static #count = 0;
        #x; #y;
        static { var local = Point.#count; let other = local; }
        constructor(x, y) { this.#x = x; this.#y = y; Point.#count++; }
        get #sum() { return this.#x + this.#y; }
        set #sum(v) {}
        static create(...args) { return new Point(...args); }
        equals(other) { return #x in other && other.#x === this.#x && this?.#sum === other.#sum; }
        field = () => this.#x;
        ['constructor' + 1] = 1;
        static prototype2 = 1;
      }
      return { name2, inner, done, total, Point, k, z };
    }
    const { a: [first, second] = [], ...others } = make("x");
  )";
  Outcome r = parse(script, false);
  CHECK(r.ok);
  if (!r.ok) MESSAGE(r.message);

  const char* module = R"(
    import def, { a, b as c, "str" as d } from "m";
    import * as ns from "n";
    export { a, c as "other", def as default };
    export * as all from "m";
    export let e = 1, { f, g: [h] } = {};
    export function fn() { var a; let c; }
    export class K { #p; m() { return this.#p; } }
    { var hoisted; }
    export { hoisted, ns, d };
  )";
  r = parse(module, true);
  CHECK(r.ok);
  if (!r.ok) MESSAGE(r.message);
}

// --- The scope tree -------------------------------------------------------------

TEST_CASE("analyze_scopes builds the scope tree") {
  Source source{"test.js", "var a; let b; function f(p) { let c; { var d; } } class K { #q; }"};
  Arena arena;
  AtomTable atoms;
  glass::ast::Program* program = glass::parse_program(source, arena, atoms, ParseOptions{false});
  glass::ScopeTree tree = glass::analyze_scopes(program, atoms);
  glass::Scope* top = tree.root();
  CHECK(top->kind == glass::ScopeKind::Script);
  REQUIRE(top->bindings.size() == 4);
  CHECK(top->find(atoms.intern("a"))->kind == glass::BindingKind::Var);
  CHECK(top->find(atoms.intern("b"))->kind == glass::BindingKind::Let);
  CHECK(top->find(atoms.intern("f"))->kind == glass::BindingKind::VarFunction);
  CHECK(top->find(atoms.intern("K"))->kind == glass::BindingKind::Class);

  REQUIRE(top->children.size() == 2);
  glass::Scope* fn = top->children[0];
  CHECK(fn->kind == glass::ScopeKind::Function);
  CHECK(fn->find(atoms.intern("p"))->kind == glass::BindingKind::Parameter);
  CHECK(fn->find(atoms.intern("c"))->kind == glass::BindingKind::Let);
  CHECK(fn->find(atoms.intern("d"))->kind == glass::BindingKind::Var);
  REQUIRE(fn->children.size() == 1);
  CHECK(fn->children[0]->kind == glass::ScopeKind::Block);
  CHECK(fn->children[0]->bindings.empty());
  CHECK(fn->children[0]->hoisted_vars.count(atoms.intern("d")) == 1);

  glass::Scope* cls = top->children[1];
  CHECK(cls->kind == glass::ScopeKind::Class);
  REQUIRE(cls->private_names.size() == 1);
  CHECK(cls->private_names[0].name == atoms.intern("q"));
  CHECK(cls->private_names[0].kind == glass::PrivateKind::Field);
}

}  // namespace
