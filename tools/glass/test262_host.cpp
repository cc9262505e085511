#include "test262_host.h"

#include <algorithm>
#include <filesystem>
#include <thread>
#include <vector>

#include "builtins/atomics.h"
#include "builtins/builtins.h"
#include "test262_agents.h"
#include "natives/modules.h"
#include "vm/array_buffer.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass::cli {

namespace {

Value host_print(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.write_stdout(to_utf8(vm, arg(args, 0)) + "\n");
  return Value::undefined();
}

// Runs in the realm of the $262 it belongs to: a native runs in the realm
// it was made in, and evaluate_script uses the current realm.
Value host_eval_script(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string source = to_utf8(vm, arg(args, 0));
  return vm.evaluate_script(source, "evalScript");
}

Value host_gc(Vm& vm, Value, std::span<const Value>, Value) {
  vm.heap().collect();
  return Value::undefined();
}

// $262.IsHTMLDDA: an object with [[IsHTMLDDA]] (Annex B §B.3.6) that,
// called with no argument or "", returns null, as document.all does.
Value host_is_htmldda(Vm&, Value, std::span<const Value>, Value) { return Value::null(); }

// $262.detachArrayBuffer(buffer): DetachArrayBuffer(buffer) (§25.1.3.5), as hosts may.
Value host_detach_array_buffer(Vm& vm, Value, std::span<const Value> args, Value) {
  Value b = arg(args, 0);
  ArrayBufferObject* buffer = b.is_object() ? as_array_buffer(as_object(b)) : nullptr;
  if (!buffer) vm.throw_error(ErrorType::TypeError, "$262.detachArrayBuffer: not an ArrayBuffer");
  detach_array_buffer(vm, buffer);
  return Value::null();
}

// setTimeout(callback, delay): the timers this thread's Vm has pending, run
// by run_test262_loop. (The harness's atomicsHelper.js polyfills setTimeout
// with a busy loop of promise jobs when the host has none.)
struct Timer {
  AtomicsClock::time_point due;
  uint64_t order;  // equal due times run in the order they were set
  gc::Persistent<Object> callback;
};
thread_local std::vector<Timer> timers;
thread_local uint64_t timers_set = 0;

Value host_set_timeout(Vm& vm, Value, std::span<const Value> args, Value) {
  Value callback = arg(args, 0);
  if (!is_callable(callback)) vm.throw_error(ErrorType::TypeError, "setTimeout takes a function");
  double ms = to_number(vm, arg(args, 1));
  if (!(ms > 0)) ms = 0;
  auto due = AtomicsClock::now() + std::chrono::duration_cast<AtomicsClock::duration>(
                                       std::chrono::duration<double, std::milli>(std::min(ms, 1e12)));
  timers.push_back(Timer{due, ++timers_set, gc::Persistent<Object>(vm.heap(), as_object(callback), "setTimeout")});
  return Value::number(double(timers_set));
}

// $262.createRealm(): a new realm with its own print and $262; returns that $262.
Value host_create_realm(Vm& vm, Value, std::span<const Value>, Value) {
  Realm* realm = vm.create_realm();
  Vm::RealmScope in(vm, realm);  // the natives made now belong to the new realm
  return object_value(install_test262_globals(vm));
}

}  // namespace

// print, setTimeout and $262 on the current realm's global; returns that $262.
Object* install_test262_globals(Vm& vm) {
  gc::Rooted<Object> global(vm.heap(), vm.global());
  vm.define_native(global, "print", host_print, 1);
  vm.define_native(global, "setTimeout", host_set_timeout, 2);
  gc::Rooted<Object> d262(vm.heap(), vm.new_object());
  vm.define_value(d262, "global", object_value(global));
  vm.define_native(d262, "evalScript", host_eval_script, 1);
  vm.define_native(d262, "createRealm", host_create_realm, 0);
  vm.define_native(d262, "gc", host_gc, 0);
  vm.define_native(d262, "detachArrayBuffer", host_detach_array_buffer, 1);
  gc::Rooted<FunctionObject> htmldda(vm.heap(), vm.new_native("IsHTMLDDA", host_is_htmldda, 0));
  htmldda->mark_htmldda();
  vm.define_value(d262, "IsHTMLDDA", object_value(htmldda));
  define_global(vm, "$262", object_value(d262));
  return d262;
}

void install_test262_host(Vm& vm) {
  gc::Rooted<Object> d262(vm.heap(), install_test262_globals(vm));
  install_agent_controller(vm, d262);
}

void run_test262_loop(Vm& vm) {
  struct ClearTimers {  // an uncaught error ends the program: drop what is left
    ~ClearTimers() {
      if (std::uncaught_exceptions()) timers.clear();
    }
  } clear_on_error;
  for (;;) {
    vm.run_jobs();
    std::optional<AtomicsClock::time_point> next;
    if (has_pending_async_waits(vm)) next = settle_async_waits(vm);
    if (vm.has_jobs()) continue;
    // The earliest timer that is due runs, then its jobs.
    auto earliest = std::min_element(timers.begin(), timers.end(), [](const Timer& a, const Timer& b) {
      return a.due != b.due ? a.due < b.due : a.order < b.order;
    });
    if (earliest != timers.end()) {
      if (earliest->due <= AtomicsClock::now()) {
        RootedValue callback(vm.heap(), object_value(earliest->callback.get()));
        timers.erase(earliest);
        vm.call(callback, Value::undefined(), {});
        continue;
      }
      if (!next || earliest->due < *next) next = earliest->due;
    }
    if (!has_pending_async_waits(vm)) {
      if (earliest == timers.end()) return;
      std::this_thread::sleep_until(*next);
      continue;
    }
    // Async waits pending: sleep until one is notified, times out, or a timer is due.
    wait_for_async_waits(vm, next);
  }
}

ModuleRecord* FileModuleHost::load_imported_module(Vm& vm, ModuleRecord* referrer, const std::string& referrer_name,
                                                   const std::string& specifier, const std::string& type) {
  namespace fs = std::filesystem;
  fs::path from = referrer ? fs::path(referrer->name->to_utf8()) : fs::path(referrer_name);
  fs::path path = fs::path(specifier).is_absolute() ? fs::path(specifier) : from.parent_path() / specifier;
  return load_file(vm, path.lexically_normal().string(), type);
}

ModuleRecord* FileModuleHost::load_file(Vm& vm, const std::string& path, const std::string& type) {
  if (!type.empty() && type != "json") vm.throw_error(ErrorType::TypeError, "Unsupported module type \"" + type + "\"");
  std::string key = type.empty() ? path : path + "\n" + type;  // one record per (file, type)
  if (ModuleRecord* m = map_.find(key)) return m;
  std::string text;
  if (!natives::read_text_file(path, text)) vm.throw_error(ErrorType::Error, "Cannot find module '" + path + "'");
  ModuleRecord* m;
  if (type == "json") {
    // A JSON module: one export, `default`, the parsed value (made now: parsing has no side effects).
    RootedValue value(vm.heap(), parse_json_text(vm, text));
    m = create_synthetic_module(vm, path, {"default"});
    set_synthetic_export(vm, m, "default", value);
  } else {
    m = compile_module(vm, text, path);
  }
  map_.add(key, m);
  return m;
}

}  // namespace glass::cli
