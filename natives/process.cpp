// The `process` global as C++ makes it: argv, env (as read at start),
// platform, pid, ppid, execPath, exit, cwd, nextTick, hrtime (+bigint) and
// memoryUsage. lib/internal/process/setup.js makes the rest in JS (it is an
// EventEmitter; stdio, env coercion, warnings, exitCode checks, ...).
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "builtins/builtins.h"
#include "natives/modules.h"
#include "natives/runtime.h"
#include "objects/bigint.h"

extern char** environ;

namespace glass::natives {

namespace {

Value process_exit(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  Value code = arg(args, 0);
  int status = code.is_undefined() ? rt.exit_code() : int(to_number(vm, code));
  rt.exit(status);
}

Value process_cwd(Vm& vm, Value, std::span<const Value>, Value) {
  std::error_code ec;
  return string_value(vm.new_string(std::filesystem::current_path(ec).string()));
}

Value process_next_tick(Vm& vm, Value, std::span<const Value> args, Value) {
  Value fn = arg(args, 0);
  if (!is_callable(fn))
    vm.throw_error(ErrorType::TypeError, "The \"callback\" argument must be of type function. Received " +
                                             to_utf8(vm, typeof_value(vm, fn)));
  Runtime::of(vm).queue_next_tick(fn, args.size() > 1 ? args.subspan(1) : std::span<const Value>());
  return Value::undefined();
}

uint64_t now_ns() {
  return uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now().time_since_epoch())
                      .count());
}

// process.hrtime([previous]): [seconds, nanoseconds], relative to `previous` when given.
Value process_hrtime(Vm& vm, Value, std::span<const Value> args, Value) {
  uint64_t t = now_ns();
  Value prev = arg(args, 0);
  if (prev.is_object()) {
    gc::Rooted<Object> p(vm.heap(), as_object(prev));
    double s = to_number(vm, get(vm, p, PropertyKey::of_index(0)));
    double ns = to_number(vm, get(vm, p, PropertyKey::of_index(1)));
    t -= uint64_t(s * 1e9 + ns);
  }
  Value parts[2] = {Value::number(double(t / 1000000000)), Value::number(double(t % 1000000000))};
  return object_value(vm.new_array_from(parts));
}

Value process_hrtime_bigint(Vm& vm, Value, std::span<const Value>, Value) {
  return Value::cell(Value::Tag::BigInt, BigInt::from_int64(vm.heap(), int64_t(now_ns())));
}

Value process_memory_usage(Vm& vm, Value, std::span<const Value>, Value) {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  double heap_used = double(vm.heap().stats().live_bytes);
  vm.define_value(o, "rss", Value::number(double(usage.ru_maxrss) * 1024), kDefaultProperty);
  vm.define_value(o, "heapTotal", Value::number(heap_used), kDefaultProperty);
  vm.define_value(o, "heapUsed", Value::number(heap_used), kDefaultProperty);
  vm.define_value(o, "external", Value::number(0), kDefaultProperty);
  vm.define_value(o, "arrayBuffers", Value::number(0), kDefaultProperty);
  return object_value(o);
}

// A string property whose value stays rooted while the property is added.
void define_string(Vm& vm, Object* target, const char* name, const std::string& value) {
  gc::Rooted<Object> t(vm.heap(), target);
  gc::Rooted<String> v(vm.heap(), vm.new_string(value));
  vm.define_value(t, name, string_value(v), kDefaultProperty);
}

}  // namespace

void install_process(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> process(vm.heap(), vm.new_object());
  rt.set_process(process);
  {
    ValueVector argv(vm.heap());
    for (const std::string& a : rt.options().argv) argv.values.push_back(string_value(vm.new_string(a)));
    gc::Rooted<Object> list(vm.heap(), vm.new_array_from(argv.values));
    vm.define_value(process, "argv", object_value(list), kDefaultProperty);
  }
  {
    gc::Rooted<Object> env(vm.heap(), vm.new_object());
    for (char** e = environ; *e; ++e) {
      std::string entry(*e);
      size_t eq = entry.find('=');
      if (eq == std::string::npos) continue;
      gc::Rooted<String> value(vm.heap(), vm.new_string(entry.substr(eq + 1)));
      vm.define_value(env, entry.substr(0, eq), string_value(value), kDefaultProperty);
    }
    vm.define_value(process, "env", object_value(env), kDefaultProperty);
  }
  vm.define_value(process, "exitCode", Value::undefined(), kDefaultProperty);
  define_string(vm, process, "platform", "linux");
  vm.define_value(process, "pid", Value::number(double(getpid())), kDefaultProperty);
  vm.define_value(process, "ppid", Value::number(double(getppid())), kDefaultProperty);
  define_string(vm, process, "execPath", rt.options().exec_path);
  vm.define_native(process, "exit", process_exit, 1);
  vm.define_native(process, "cwd", process_cwd, 0);
  vm.define_native(process, "nextTick", process_next_tick, 1);
  vm.define_native(process, "memoryUsage", process_memory_usage, 0);
  gc::Rooted<FunctionObject> hrtime(vm.heap(), vm.define_native(process, "hrtime", process_hrtime, 1));
  vm.define_native(hrtime, "bigint", process_hrtime_bigint, 0);
  vm.define_value(vm.global(), "process", object_value(process));
}

}  // namespace glass::natives
