// The `process` global: argv, env, exit/exitCode, cwd, platform, pid,
// hrtime, memoryUsage, nextTick, kill, and its events ('exit', signals). process is an
// EventEmitter (lib/events.js), made one when a script first listens.
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

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

// process.stdout.write / process.stderr.write: strings (or anything, as String()) to the stream.
Value stream_write(Vm& vm, Value self, std::span<const Value> args, Value) {
  bool to_stderr = get(vm, as_object(self), key_of(vm, "fd")).is_number() &&
                   get(vm, as_object(self), key_of(vm, "fd")).as_number() == 2;
  std::string text = to_utf8(vm, arg(args, 0));
  if (to_stderr) vm.write_stderr(text);
  else vm.write_stdout(text);
  Value callback = args.size() > 1 ? args.back() : Value::undefined();
  if (is_callable(callback)) Runtime::of(vm).queue_next_tick(callback, {});
  return Value::boolean(true);
}

// ---- signals ---------------------------------------------------------------------
// process.on('SIGINT', fn) & co.: the first listener for a signal makes the
// loop watch it (eventloop's asio::signal_set, which never keeps the loop
// alive); each delivery emits the event, as Node does. Once watched, a
// signal stays caught (Node restores the default action when the last
// listener goes; Glass does not yet).

constexpr std::pair<const char*, int> kSignals[] = {
    {"SIGINT", SIGINT}, {"SIGTERM", SIGTERM}, {"SIGHUP", SIGHUP}, {"SIGUSR1", SIGUSR1},
    {"SIGUSR2", SIGUSR2}, {"SIGQUIT", SIGQUIT}, {"SIGWINCH", SIGWINCH}, {"SIGKILL", SIGKILL},
};

int signal_number(const std::string& name) {
  for (auto [n, number] : kSignals)
    if (name == n) return number;
  return 0;
}

// The 'newListener' listener process gets when it becomes an EventEmitter.
Value process_new_listener(Vm& vm, Value, std::span<const Value> args, Value) {
  static std::set<int> watched;  // one runtime per process
  Value event = arg(args, 0);
  if (!event.is_string()) return Value::undefined();
  std::string name = as_string(event)->to_utf8();
  int signo = signal_number(name);
  if (!signo || signo == SIGKILL || !watched.insert(signo).second) return Value::undefined();
  Runtime& rt = Runtime::of(vm);
  rt.loop().on_signal(signo, [&rt, name] {
    Vm& vm = rt.vm();
    gc::Rooted<Object> process(vm.heap(), rt.process());
    RootedValue emit(vm.heap(), get(vm, process, key_of(vm, "emit")));
    gc::Rooted<String> n(vm.heap(), vm.new_string(name));
    Value a[2] = {string_value(n), string_value(n)};
    rt.call_callback(emit, object_value(process), a);
  });
  return Value::undefined();
}

// process.kill(pid[, signal]): signal 'SIGTERM' by default, by name or number.
Value process_kill(Vm& vm, Value, std::span<const Value> args, Value) {
  Value pid = arg(args, 0), sig = arg(args, 1);
  if (!pid.is_number())
    vm.throw_error(ErrorType::TypeError, "The \"pid\" argument must be of type number. Received " +
                                             to_utf8(vm, typeof_value(vm, pid)));
  int signo = SIGTERM;
  if (sig.is_number()) signo = int(sig.as_number());
  else if (sig.is_string()) signo = signal_number(as_string(sig)->to_utf8());
  if (sig.is_string() && !signo)
    vm.throw_error(ErrorType::TypeError, "Unknown signal: " + as_string(sig)->to_utf8());
  if (::kill(pid_t(pid.as_number()), signo) != 0) {
    int e = errno;
    vm.throw_error(ErrorType::Error, std::string("kill ") + (e == ESRCH ? "ESRCH" : e == EPERM ? "EPERM" : "EINVAL"));
  }
  return Value::boolean(true);
}

// Until a script listens, process's on/once/emit... are these stubs: the
// first call makes process an EventEmitter (loading lib/events.js) and
// forwards. A program that never listens never loads it.
Value process_events_stub(Vm& vm, Value self, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  std::string name = to_utf8(vm, get(vm, vm.current_native(), key_of(vm, "name")));
  gc::Rooted<Object> events(vm.heap(), as_object(require_builtin(rt, "events")));
  gc::Rooted<Object> proto(vm.heap(), as_object(get(vm, events, key_of(vm, "prototype"))));
  set_prototype_of(vm, rt.process(), object_value(proto));
  {  // signal events (above) are watched from the first listener on
    gc::Rooted<Object> process(vm.heap(), rt.process());
    RootedValue on(vm.heap(), get(vm, proto, key_of(vm, "on")));
    gc::Rooted<String> event(vm.heap(), vm.new_string("newListener"));
    gc::Rooted<FunctionObject> listener(vm.heap(), vm.new_native("", process_new_listener, 1));
    Value a[2] = {string_value(event), object_value(listener)};
    vm.call(on, object_value(process), a);
  }
  RootedValue method(vm.heap(), get(vm, proto, key_of(vm, name)));
  return vm.call(method, self, args);
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
  gc::Rooted<Object> stubs(vm.heap(), vm.new_object());
  for (const char* m : {"on", "once", "off", "emit", "addListener", "removeListener", "removeAllListeners",
                        "prependListener", "listeners", "listenerCount"})
    vm.define_native(stubs, m, process_events_stub, 2);
  gc::Rooted<Object> process(vm.heap(), vm.new_object_with_proto(stubs));
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
  define_string(vm, process, "version", "v20.0.0");
  define_string(vm, process, "execPath", rt.options().argv.empty() ? "glass" : rt.options().argv[0]);
  for (int fd : {1, 2}) {
    gc::Rooted<Object> stream(vm.heap(), vm.new_object());
    vm.define_value(stream, "fd", Value::number(fd), kDefaultProperty);
    vm.define_value(stream, "isTTY", Value::boolean(false), kDefaultProperty);
    vm.define_native(stream, "write", stream_write, 1);
    vm.define_value(process, fd == 1 ? "stdout" : "stderr", object_value(stream), kDefaultProperty);
  }
  vm.define_native(process, "exit", process_exit, 1);
  vm.define_native(process, "kill", process_kill, 2);
  vm.define_native(process, "cwd", process_cwd, 0);
  vm.define_native(process, "nextTick", process_next_tick, 1);
  vm.define_native(process, "memoryUsage", process_memory_usage, 0);
  gc::Rooted<FunctionObject> hrtime(vm.heap(), vm.define_native(process, "hrtime", process_hrtime, 1));
  vm.define_native(hrtime, "bigint", process_hrtime_bigint, 0);
  vm.define_value(vm.global(), "process", object_value(process));
}

}  // namespace glass::natives
