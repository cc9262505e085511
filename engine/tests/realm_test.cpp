// Several realms in one Vm: each has its own global object and intrinsics;
// a function runs in the realm it was made in, whoever calls it.
#include <doctest/doctest.h>

#include <string>

#include "builtins/builtins.h"
#include "vm/fiber.h"
#include "vm/vm.h"

using namespace glass;

namespace {

// Makes a second realm B, runs `in_b` there as a global script, exposes B's
// global to the initial realm A as `other`, then runs `in_a` in A and
// returns String(its completion value), or "throws <String(exception)>".
// `then_a`, if given, runs in A after the promise jobs and gives the result.
std::string two_realms(const std::string& in_b, const std::string& in_a, VmOptions options = {},
                       const std::string& then_a = "") {
  std::string out;
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm(options);
    try {
      Realm* b = vm.create_realm();
      CHECK(vm.realm() == vm.initial_realm());
      vm.evaluate_script_in(b, in_b, "b.js");
      CHECK(vm.realm() == vm.initial_realm());
      define_global(vm, "other", object_value(b->global));
      Value v = vm.evaluate_script(in_a, "a.js");
      vm.run_jobs();
      CHECK(vm.realm() == vm.initial_realm());
      if (!then_a.empty()) v = vm.evaluate_script(then_a, "a2.js");
      out = to_utf8(vm, v);
    } catch (const Thrown&) {
      out = "throws " + to_utf8(vm, vm.take_exception());
    }
  });
  return out;
}

VmOptions stress() {
  VmOptions o;
  o.heap.stress = true;
  return o;
}

const char* kInB =
    "var makeObject = function () { return {}; };"
    "var makeArray = function () { return [1, 2]; };"
    "var self = function () { return this; };"
    "var thrower = function () { null.x; };"
    "var gen = function* () { yield []; yield {}; };"
    "var later = function () { return Promise.resolve().then(function () { return []; }); };";

// Each line is one check that must come out true.
const char* kInA =
    "var results = [];"
    "function check(name, ok) { if (!ok) results.push(name); }"
    "check('distinct globals', other !== this && other.Array !== Array && other.Object !== Object);"
    "check('distinct prototypes', other.Array.prototype !== Array.prototype);"
    "check('shared symbols', other.Symbol.iterator === Symbol.iterator);"
    "var a = other.makeArray();"
    "check('array from B', a instanceof other.Array && !(a instanceof Array) && Array.isArray(a));"
    "check('object from B', Object.getPrototypeOf(other.makeObject()) === other.Object.prototype);"
    "check('A allocates in A after a call to B', Object.getPrototypeOf({}) === Object.prototype && [] instanceof Array);"
    "check('B native makes B objects', other.Array.of(1) instanceof other.Array && !(other.Array.of(1) instanceof Array));"
    "check('sloppy this is the callee realm global', other.self() === other && other.self.call(undefined) === other);"
    "var e; try { other.thrower(); } catch (x) { e = x; }"
    "check('B errors are B TypeErrors', e instanceof other.TypeError && !(e instanceof TypeError));"
    "check('A after B threw', [] instanceof Array && Object.getPrototypeOf(new Error('x')) === Error.prototype);"
    "try { other.JSON.parse('{'); } catch (x) { e = x; }"
    "check('B native errors', e instanceof other.SyntaxError);"
    "var it = other.gen();"
    "check('generator of B', it.next().value instanceof other.Array && [] instanceof Array);"
    "check('generator resumed', Object.getPrototypeOf(it.next().value) === other.Object.prototype && [] instanceof Array);"
    "var C = new other.Function(); C.prototype = null;"
    "check('GetPrototypeFromConstructor', Object.getPrototypeOf(Reflect.construct(function () {}, [], C)) === other.Object.prototype);"
    "check('Array with B newTarget', Object.getPrototypeOf(Reflect.construct(Array, [], C)) === other.Array.prototype);"
    "var bound = C.bind(null);"
    "check('bound newTarget', Object.getPrototypeOf(Reflect.construct(Object, [], bound)) === other.Object.prototype);"
    "check('indirect eval of B', (0, other.eval)('[]') instanceof other.Array);"
    "check('direct-looking eval of B', other.eval('this') === other);"
    "check('B global vars', other.makeObject !== undefined && typeof makeObject === 'undefined');"
    "var fromJob = null; other.later().then(function (v) { fromJob = v; });";
const char* kThenA =
    "check('B promise job', fromJob instanceof other.Array && Object.getPrototypeOf({}) === Object.prototype);"
    "results.join(', ') || 'ok'";

}  // namespace

TEST_CASE("realm: two realms have their own globals and intrinsics; functions run in their own realm") {
  CHECK(two_realms(kInB, kInA, {}, kThenA) == "ok");
}

TEST_CASE("realm: everything survives a collection at every allocation") {
  CHECK(two_realms(kInB, kInA, stress(), kThenA) == "ok");
}

TEST_CASE("realm: top-level let/const of one realm are not seen by another") {
  CHECK(two_realms("let hidden = 1; var shown = 2;", "typeof hidden + ' ' + other.shown") == "undefined 2");
}
