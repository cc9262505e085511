// ES modules through the engine's API, with an in-memory host: linking,
// live bindings, cycles, errors at link time, top-level await, namespaces,
// and dynamic import(). The runtime's loader (natives/esm.cpp) and the
// test262 host are tested by conformance/node and test262.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "vm/fiber.h"
#include "vm/module.h"
#include "vm/operations.h"

using namespace glass;

namespace {

// Modules by name; `log(x)` appends String(x) to the output.
class MemoryHost final : public ModuleHost {
 public:
  MemoryHost(Vm& vm, std::map<std::string, std::string> files) : files_(std::move(files)), map_(vm) {}
  ModuleRecord* load_imported_module(Vm& vm, ModuleRecord*, const std::string&, const std::string& specifier,
                                     const std::string&) override {
    ++loads;
    if (ModuleRecord* m = map_.find(specifier)) return m;
    auto it = files_.find(specifier);
    if (it == files_.end()) vm.throw_error(ErrorType::Error, "no module " + specifier);
    ModuleRecord* m = compile_module(vm, it->second, specifier);
    map_.add(specifier, m);
    return m;
  }
  int loads = 0;

 private:
  std::map<std::string, std::string> files_;
  ModuleMap map_;
};

std::string output;
Value log_native(Vm& vm, Value, std::span<const Value> args, Value) {
  if (!output.empty()) output += " ";
  output += to_utf8(vm, arg(args, 0));
  return Value::undefined();
}

// Loads "main" from `files`, links and evaluates it, runs the jobs; returns
// what it logged, then "| ok", "| pending" or "| throws <error>".
std::string run_modules(std::map<std::string, std::string> files, int* loads = nullptr, VmOptions options = {}) {
  output.clear();
  std::string result;
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm(options);
    MemoryHost host(vm, files);
    vm.module_host = &host;
    gc::Rooted<Object> global(vm.heap(), vm.global());
    vm.define_native(global, "log", log_native, 1);
    try {
      gc::Rooted<ModuleRecord> main(vm.heap(), host.load_imported_module(vm, nullptr, "", "main", ""));
      link_module(vm, main);
      gc::Rooted<Object> done(vm.heap(), evaluate_module(vm, main));
      vm.run_jobs();
      switch (promise_status(done)) {
        case PromiseStatus::Fulfilled: result = "ok"; break;
        case PromiseStatus::Pending: result = "pending"; break;
        case PromiseStatus::Rejected: result = "throws " + to_utf8(vm, promise_result(done)); break;
      }
    } catch (const Thrown&) {
      result = "throws " + to_utf8(vm, vm.take_exception());
    }
    if (loads) *loads = host.loads;
  });
  return output + " | " + result;
}

}  // namespace

TEST_CASE("modules: imports are live bindings to the exporter's variables") {
  CHECK(run_modules({{"main", "import { n, inc } from 'lib'; log(n); inc(); log(n);"},
                     {"lib", "export let n = 1; export function inc() { n++; }"}}) == "1 2 | ok");
}

TEST_CASE("modules: dependencies run first, each module once") {
  int loads = 0;
  CHECK(run_modules({{"main", "import 'a'; import 'b'; log('main');"},
                     {"a", "import 'c'; log('a');"},
                     {"b", "import 'c'; log('b');"},
                     {"c", "log('c');"}},
                    &loads) == "c a b main | ok");
  CHECK(loads == 5);  // main, then each of the 4 requests once; c's record is reused
}

TEST_CASE("modules: a cycle runs, and reading an uninitialized import is a ReferenceError") {
  CHECK(run_modules({{"main", "import { b } from 'b'; export const a = 'A'; log(b);"},
                     {"b", "import { a } from 'main'; export const b = 'B'; "
                           "try { a; } catch (e) { log(e.constructor.name); }"}}) == "ReferenceError B | ok");
}

TEST_CASE("modules: a missing or ambiguous export fails at link time, before anything runs") {
  CHECK(run_modules({{"main", "log('ran'); import { nope } from 'lib';"}, {"lib", "export const x = 1;"}}) ==
        " | throws SyntaxError: The requested module 'lib' does not provide an export named 'nope'");
  CHECK(run_modules({{"main", "import { x } from 'both';"},
                     {"both", "export * from 'p'; export * from 'q';"},
                     {"p", "export const x = 1;"},
                     {"q", "export const x = 2;"}}) ==
        " | throws SyntaxError: The requested module 'both' contains conflicting star exports for name 'x'");
  CHECK(run_modules({{"main", "import 'gone';"}}) == " | throws Error: no module gone");
}

TEST_CASE("modules: re-exports, export *, and default exports resolve to the original binding") {
  CHECK(run_modules({{"main", "import d, { y, z, ns } from 'mid'; log(d); log(y); log(z); log(ns.x);"},
                     {"mid", "export * from 'lib'; export { x as y } from 'lib'; export * as ns from 'lib';"
                             "export default function () { return 'dflt'; }"},
                     {"lib", "export const x = 'X', z = 'Z';"}}) == "function () { return 'dflt'; } X Z X | ok");
}

TEST_CASE("modules: namespace objects are sorted, sealed, and live") {
  CHECK(run_modules({{"main", "import * as ns from 'lib'; log(Object.keys(ns).join()); "
                              "log(Object.isExtensible(ns)); log(Object.getPrototypeOf(ns)); "
                              "log(ns[Symbol.toStringTag]); ns.bump(); log(ns.b); "
                              "log(Reflect.set(ns, 'b', 1)); log(Reflect.deleteProperty(ns, 'b'));"},
                     {"lib", "export let b = 1; export const a = 0; export function bump() { b++; }"}}) ==
        "a,b,bump false null Module 2 false false | ok");
}

TEST_CASE("modules: top-level await holds back the importers until it settles") {
  CHECK(run_modules({{"main", "import { v } from 'slow'; log('main ' + v);"},
                     {"slow", "log('slow start'); export const v = await Promise.resolve(7); log('slow end');"}}) ==
        "slow start slow end main 7 | ok");
  CHECK(run_modules({{"main", "import 'bad'; log('never');"}, {"bad", "await null; throw new TypeError('late');"}}) ==
        " | throws TypeError: late");
  CHECK(run_modules({{"main", "await new Promise(() => {});"}}) == " | pending");
}

TEST_CASE("modules: import() resolves to the namespace, or rejects with the load or evaluation error") {
  CHECK(run_modules({{"main", "const ns = await import('lib'); log(ns.x); "
                              "log((await import('lib')) === ns); "
                              "await import('gone').catch((e) => log(e.message)); "
                              "await import('throws').catch((e) => log(e.message));"},
                     {"lib", "export const x = 'X';"},
                     {"throws", "throw new Error('in body');"}}) == "X true no module gone in body | ok");
}

TEST_CASE("modules: everything survives a collection at every allocation") {
  VmOptions options;
  options.heap.stress = true;
  CHECK(run_modules({{"main", "import * as ns from 'lib'; import { x } from 'lib'; log(x + ns.y); "
                              "log((await import('lib')).x);"},
                     {"lib", "export const x = 'a', y = 'b';"}},
                    nullptr, options) == "ab a | ok");
}
