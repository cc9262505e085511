// The VM through its C++ API: evaluating scripts, the explicit call stack,
// exceptions crossing native boundaries, suspension, and the heap under
// stress. Whole-language behaviour is tested by conformance/js.
#include <doctest/doctest.h>

#include <string>

#include "builtins/builtins.h"
#include "vm/fiber.h"
#include "vm/vm.h"

using namespace glass;

namespace {

// Runs each script in turn in one VM on a fiber (as glass does), draining
// the job queue after each, and returns String(last completion value), or
// "throws <String(exception)>".
std::string eval_all(std::initializer_list<std::string> sources, VmOptions options = {}) {
  std::string out;
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm(options);
    try {
      Value v;
      for (const std::string& source : sources) {
        v = vm.evaluate_script(source, "test.js");
        vm.run_jobs();
      }
      out = to_utf8(vm, v);
    } catch (const Thrown&) {
      out = "throws " + to_utf8(vm, vm.take_exception());
    }
  });
  return out;
}
std::string eval(const std::string& source, VmOptions options = {}) { return eval_all({source}, options); }

}  // namespace

TEST_CASE("vm: a script's completion value is its last expression statement") {
  CHECK(eval("1 + 2") == "3");
  CHECK(eval("var s = 'a'; s += 'b'; s") == "ab");
  CHECK(eval("function f(a, b) { return a * b; } f(6, 7)") == "42");
}

TEST_CASE("vm: a catastrophic RegExp says it ran out of its backtracking budget, not that the stack overflowed") {
  // The backreference keeps it off RE2 (whose superset, with \1 read as any
  // text, matches): the backtracker runs until its budget ends.
  CHECK(eval("try { /(a+)+\\1$/.test('a'.repeat(40) + 'b'); 'matched?' } "
             "catch (e) { e instanceof RangeError && e.message }") ==
        "Regular expression too complex: the match ran out of its backtracking budget");
  // What RE2 can express answers at once, captures or not.
  CHECK(eval("/(a+)+$/.test('a'.repeat(40) + 'b') + ' ' + /(?:(a)|b)+$/.exec('a'.repeat(40) + 'b')[1]") ==
        "false undefined");
}

TEST_CASE("vm: a million-deep recursion is a catchable RangeError, not a crash") {
  CHECK(eval("function r(n) { return r(n + 1) + 1; }"
             "try { r(0); 'no error' } catch (e) { e instanceof RangeError && e.message }") ==
        "Maximum call stack size exceeded");
  // The stack is usable again afterwards.
  CHECK(eval("function r(n) { return n == 0 ? 0 : 1 + r(n - 1); }"
             "try { r(1e6) } catch (e) {} r(1000)") == "1000");
}

TEST_CASE("vm: natives calling back into JS are bounded too") {
  // Each level goes JS -> Array.prototype.map (native) -> JS.
  CHECK(eval("function f(n) { return [n].map(f); } try { f(0); 'no' } catch (e) { e.constructor.name }") ==
        "RangeError");
}

TEST_CASE("vm: exceptions unwind through natives to the right handler") {
  CHECK(eval("var log = []; try { [1, 2].forEach(function (x) { log.push(x); if (x == 2) throw 'stop'; }); }"
             "catch (e) { log.push(e); } log.join()") == "1,2,stop");
  CHECK(eval("function f() { try { throw 1; } finally { return 'finally wins'; } } f()") == "finally wins");
  // A handler restores the heap scopes pushed inside its try block.
  CHECK(eval("var fs = []; try { for (let i = 0; i < 3; i++) { fs.push(() => i); if (i == 1) throw 0; } } catch (e) {}"
             "let after = 5; fs.map(f => f()).join() + ':' + after") == "0,1:5");
}

TEST_CASE("vm: uncaught errors carry a stack naming function and position") {
  std::string r = eval("function inner() { null.x; } function outer() { inner(); } "
                       "try { outer(); } catch (e) { e.stack }");
  CHECK(r.find("TypeError: Cannot read properties of null (reading 'x')") == 0);
  CHECK(r.find("at inner (test.js:1:") != std::string::npos);
  CHECK(r.find("at outer (test.js:1:") != std::string::npos);
}

TEST_CASE("vm: a generator's frame leaves the stack while suspended") {
  CHECK(eval("function* g() { var x = yield 1; yield x * 2; } var it = g(); it.next(); it.next(21).value") == "42");
  CHECK(eval("function* g() { try { yield 1; } finally { log = 'closed'; } } var log = 'open';"
             "var it = g(); it.next(); it.return(5).value + log") == "5closed");
}

TEST_CASE("vm: async functions resume from the job queue in order") {
  CHECK(eval_all({"var log = []; async function a() { log.push(1); await null; log.push(3); }"
                  "a(); log.push(2); Promise.resolve().then(() => log.push(4));",
                  "log.join()"}) == "1,2,3,4");
  CHECK(eval_all({"var log = []; async function* g() { yield 'x'; await 0; yield 'y'; }"
                  "(async () => { for await (const v of g()) log.push(v); log.push('end'); })(); log.push('sync');",
                  "log.join()"}) == "sync,x,y,end");
}

TEST_CASE("vm: the whole engine runs with a collection at every allocation") {
  VmOptions stress;
  stress.heap.stress = true;
  CHECK(eval("class P { #x; constructor(x) { this.#x = x; } get x() { return this.#x; } }"
             "var m = new Map(); for (var i = 0; i < 20; i++) m.set('k' + i, new P(i));"
             "var s = 0; for (const [k, v] of m) s += v.x; JSON.stringify({ s, keys: [...m.keys()].length })",
             stress) == "{\"s\":190,\"keys\":20}");
}

TEST_CASE("vm: a job queue that never empties does not keep the jobs it ran alive") {
  // Each await queues the next job before the queue drains; what has run must
  // be dropped (run_jobs compacts the queue), or it all stays reachable.
  static size_t live_during = 0;
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm;
    gc::Rooted<Object> global(vm.heap(), vm.global());
    vm.define_native(global, "measure", [](Vm& vm, Value, std::span<const Value>, Value) {
      vm.heap().collect();
      live_during = vm.heap().stats().live_bytes;
      return Value::undefined();
    }, 0);
    vm.evaluate_script("(async () => { for (let i = 0; i < 200000; i++) await i; measure(); })()", "test.js");
    vm.run_jobs();
  });
  REQUIRE(live_during > 0);
  CHECK(live_during < size_t(4) << 20);  // the realm alone is well under this; 200,000 reactions are not
}

TEST_CASE("vm: B.3.3 a function declared as an if statement's body in global code") {
  // The function gets a block of its own: it was once used without that
  // block being entered, reading a scope slot that was not there (SIGSEGV).
  CHECK(eval("var a; if (true) function f() { a = f; f = 123; } f(); typeof a + ' ' + typeof f") ==
        "function function");
  CHECK(eval("if (false) ; else function g() { return 7; } g()") == "7");
  CHECK(eval("var h = 1; if (false) function h() {} h") == "1");
}

TEST_CASE("vm: WeakMap chains are marked with linear work and survive forced collections") {
  // Each value is the next key; one chain in insertion order, one reversed,
  // one spread over 7 maps, and maps nested as values. The pending-ephemeron
  // table looks at each entry at most twice (listed, then released by its
  // key); a fixpoint over all entries would look at n²/2 of them.
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm;
    const char* build =
        "var N = 20000, wm = new WeakMap(), head = {}, k = head;"
        "for (let i = 0; i < N; i++) { const n = {}; wm.set(k, n); k = n; }"
        "var keys = []; for (let i = 0; i < N; i++) keys.push({});"
        "var rhead = keys[0]; for (let i = N - 1; i > 0; i--) wm.set(keys[i - 1], keys[i]); keys = null;"
        "var maps = []; for (let i = 0; i < 7; i++) maps.push(new WeakMap());"
        "var start = {}; k = start; for (let i = 0; i < N; i++) { const n = {}; maps[i % 7].set(k, n); k = n; }"
        "var key = {}, outer = new WeakMap(), m = outer;"
        "for (let i = 0; i < 100; i++) { const inner = new WeakMap(); m.set(key, inner); m = inner; }"
        "k = m = null;";
    vm.evaluate_script(build, "build.js");
    vm.heap().collect();
    const gc::CycleStats& cycle = vm.heap().stats().last;
    const size_t entries = 20000 + 19999 + 20000 + 100;
    CHECK(cycle.ephemeron_entries_visited >= entries);
    CHECK(cycle.ephemeron_entries_visited <= 2 * entries + 1000);  // (+ the realm's own weak tables)
    vm.heap().collect();
    Value v = vm.evaluate_script(
        "function walk(map, from) { let n = 0; for (let v = map.get(from); v !== undefined; v = map.get(v)) n++; return n; }"
        "let across = 0; for (let v = start; (v = maps[across % 7].get(v)) !== undefined;) across++;"
        "let depth = 0; for (let c = outer; c instanceof WeakMap; c = c.get(key)) depth++;"
        "`${walk(wm, head)} ${walk(wm, rhead)} ${across} ${depth}`",
        "check.js");
    CHECK(to_utf8(vm, v) == "20000 19999 20000 101");  // outer and its 100 nested maps
  });
}

TEST_CASE("vm: JSON nests a million deep in parse, reviver and stringify, in bounded native stack") {
  // The fiber's stack is the default one; a recursive walk would overflow it.
  CHECK(eval("var s = '['.repeat(1e6) + ']'.repeat(1e6); JSON.stringify(JSON.parse(s)) === s") == "true");
  CHECK(eval("var n = 0; JSON.parse('{\"a\":'.repeat(1e6) + '0' + '}'.repeat(1e6), (k, v) => (n++, v)); n") ==
        "1000001");
  CHECK(eval("var c = {}, o = c; for (let i = 0; i < 1e6; i++) o = o.x = {}; o.x = c;"
             "try { JSON.stringify(c) } catch (e) { e.constructor.name + ': ' + e.message }") ==
        "TypeError: Converting circular structure to JSON");
}
