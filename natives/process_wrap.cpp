// internal:process_wrap — child processes for lib/child_process.js, over
// eventloop/child_process.h:
//   spawn(owner, options) -> { pid, stdio: [pipe id | null, ...] } or an error
//     { errno, code, description }; later owner._onexit(exitCode, signalName)
//     (a loop callback). The pipes are internal:pipe ids.
//   kill(pid, signal) -> 0 or the error code ('ESRCH')
//   spawnSync(options) -> { pid, status, signal, output: [null, out, err], error }
// options: { file, args, env (["K=V"] or undefined), cwd, detached, uid, gid,
//   stdio: [{ type: 'pipe' | 'inherit' | 'ignore' | 'fd', fd }] } (+ for
//   spawnSync: input, timeout, killSignal, maxBuffer, encoding).
#include <signal.h>

#include <unordered_map>

#include "builtins/builtins.h"
#include "eventloop/child_process.h"
#include "natives/encodings.h"
#include "natives/modules.h"
#include "natives/net_errors.h"

namespace glass::natives {

uint64_t adopt_pipe(Runtime& rt, std::shared_ptr<eventloop::Pipe> pipe, Object* owner);  // pipe_wrap.cpp

namespace {

struct Children {
  std::unordered_map<uint64_t, std::shared_ptr<eventloop::ChildProcess>> by_id;
  std::unordered_map<uint64_t, gc::Persistent<Object>> owners;
  uint64_t next_id = 1;
};
Children& children() {
  static Children c;  // one runtime per process
  return c;
}

std::string string_field(Vm& vm, Object* o, const char* name) {
  Value v = get(vm, o, key_of(vm, name));
  return v.is_undefined() || v.is_null() ? std::string() : to_utf8(vm, v);
}

std::vector<std::string> string_list(Vm& vm, Value list) {
  std::vector<std::string> out;
  if (!list.is_object()) return out;
  gc::Rooted<Object> o(vm.heap(), as_object(list));
  uint64_t n = length_of_array_like(vm, o);
  for (uint64_t i = 0; i < n; ++i) out.push_back(to_utf8(vm, get(vm, o, PropertyKey::of_index(uint32_t(i)))));
  return out;
}

eventloop::SpawnOptions spawn_options(Vm& vm, Object* options_object) {
  gc::Rooted<Object> o(vm.heap(), options_object);
  eventloop::SpawnOptions s;
  s.file = string_field(vm, o, "file");
  s.args = string_list(vm, get(vm, o, key_of(vm, "args")));
  Value env = get(vm, o, key_of(vm, "env"));
  if (env.is_object()) s.env = string_list(vm, env);
  s.cwd = string_field(vm, o, "cwd");
  s.detached = to_boolean(get(vm, o, key_of(vm, "detached")));
  Value uid = get(vm, o, key_of(vm, "uid")), gid = get(vm, o, key_of(vm, "gid"));
  if (uid.is_number()) s.uid = uid_t(uid.as_number());
  if (gid.is_number()) s.gid = gid_t(gid.as_number());
  Value stdio = get(vm, o, key_of(vm, "stdio"));
  if (stdio.is_object()) {
    gc::Rooted<Object> list(vm.heap(), as_object(stdio));
    uint64_t n = length_of_array_like(vm, list);
    for (uint64_t i = 0; i < n; ++i) {
      RootedValue item(vm.heap(), get(vm, list, PropertyKey::of_index(uint32_t(i))));
      eventloop::StdioSpec spec;
      std::string type = item.get().is_object() ? string_field(vm, as_object(item), "type") : "ignore";
      if (type == "pipe" || type == "overlapped") spec.kind = eventloop::StdioSpec::Kind::Pipe;
      else if (type == "inherit") spec.kind = eventloop::StdioSpec::Kind::Inherit;
      else if (type == "fd") spec.kind = eventloop::StdioSpec::Kind::Fd;
      else spec.kind = eventloop::StdioSpec::Kind::Ignore;
      if (item.get().is_object()) {
        Value fd = get(vm, as_object(item), key_of(vm, "fd"));
        if (fd.is_number()) spec.fd = int(fd.as_number());
      }
      s.stdio.push_back(spec);
    }
  }
  while (s.stdio.size() < 3) s.stdio.push_back({eventloop::StdioSpec::Kind::Ignore, -1});
  return s;
}

const char* signal_name(int sig) {
  switch (sig) {
#define GLASS_SIG(name) \
  case name: return #name;
    GLASS_SIG(SIGHUP) GLASS_SIG(SIGINT) GLASS_SIG(SIGQUIT) GLASS_SIG(SIGILL) GLASS_SIG(SIGTRAP) GLASS_SIG(SIGABRT)
    GLASS_SIG(SIGBUS) GLASS_SIG(SIGFPE) GLASS_SIG(SIGKILL) GLASS_SIG(SIGUSR1) GLASS_SIG(SIGSEGV) GLASS_SIG(SIGUSR2)
    GLASS_SIG(SIGPIPE) GLASS_SIG(SIGALRM) GLASS_SIG(SIGTERM) GLASS_SIG(SIGCHLD) GLASS_SIG(SIGCONT) GLASS_SIG(SIGSTOP)
    GLASS_SIG(SIGTSTP) GLASS_SIG(SIGTTIN) GLASS_SIG(SIGTTOU) GLASS_SIG(SIGURG) GLASS_SIG(SIGXCPU) GLASS_SIG(SIGXFSZ)
    GLASS_SIG(SIGVTALRM) GLASS_SIG(SIGPROF) GLASS_SIG(SIGWINCH) GLASS_SIG(SIGIO) GLASS_SIG(SIGPWR) GLASS_SIG(SIGSYS)
#undef GLASS_SIG
    default: return nullptr;
  }
}

Value signal_value(Vm& vm, int sig) {
  const char* name = sig ? signal_name(sig) : nullptr;
  return name ? string_value(vm.intern(name)) : Value::null();
}

Value spawn(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  gc::Rooted<Object> owner(vm.heap(), as_object(arg(args, 0)));
  eventloop::SpawnOptions options = spawn_options(vm, as_object(arg(args, 1)));
  std::error_code ec;
  auto child = eventloop::ChildProcess::spawn(rt.loop(), options, ec);
  if (!child) return object_value(system_error_info(vm, ec));
  uint64_t id = children().next_id++;
  children().by_id[id] = child;
  children().owners.emplace(id, gc::Persistent<Object>(vm.heap(), owner, "ChildProcess"));
  Runtime* rtp = &rt;
  child->on_exit([rtp, id](int code, int sig) {
    Vm& vm = rtp->vm();
    auto it = children().owners.find(id);
    if (it == children().owners.end()) return;
    gc::Rooted<Object> o(vm.heap(), it->second.get());
    children().owners.erase(it);
    children().by_id.erase(id);
    RootedValue fn(vm.heap(), get(vm, o, key_of(vm, "_onexit")));
    Value a[2] = {sig ? Value::null() : Value::number(code), signal_value(vm, sig)};
    if (is_callable(fn)) rtp->call_callback(fn, object_value(o), a);
  });
  gc::Rooted<Object> result(vm.heap(), vm.new_object());
  vm.define_value(result, "pid", Value::number(double(child->pid())), kDefaultProperty);
  vm.define_value(result, "id", Value::number(double(id)), kDefaultProperty);
  ValueVector ids(vm.heap());
  for (size_t i = 0; i < options.stdio.size(); ++i) {
    auto pipe = child->pipe(i);
    ids.values.push_back(pipe ? Value::number(double(adopt_pipe(rt, pipe, nullptr))) : Value::null());
  }
  gc::Rooted<Object> stdio(vm.heap(), vm.new_array_from(ids.values));
  vm.define_value(result, "stdio", object_value(stdio), kDefaultProperty);
  return object_value(result);
}

// kill(id, signal): 0, or the error's code.
Value kill_child(Vm& vm, Value, std::span<const Value> args, Value) {
  uint64_t id = uint64_t(to_number(vm, arg(args, 0)));
  int sig = int(to_number(vm, arg(args, 1)));
  auto it = children().by_id.find(id);
  if (it == children().by_id.end()) return string_value(vm.intern("ESRCH"));
  int error = it->second->kill(sig);
  if (!error) return Value::number(0);
  return string_value(vm.new_string(describe_system_error(std::error_code(error, std::generic_category())).code));
}

Value ref_child(Vm& vm, Value, std::span<const Value> args, Value) {
  auto it = children().by_id.find(uint64_t(to_number(vm, arg(args, 0))));
  if (it != children().by_id.end()) {
    if (to_boolean(arg(args, 1))) it->second->ref();
    else it->second->unref();
  }
  return Value::undefined();
}

Value output_value(Vm& vm, const std::string& bytes, const std::string& encoding) {
  if (encoding == "buffer" || encoding.empty()) {
    // The bytes as a byte string (one code unit per byte): child_process.js makes a Buffer of it.
    String* s = String::from_latin1(vm.heap(), bytes);
    return s ? string_value(s) : Value::null();
  }
  Encoding e = parse_encoding(encoding).value_or(Encoding::Utf8);
  StreamDecoder decoder;
  decoder.set_encoding(e);
  gc::Rooted<String> text(vm.heap(), decoder.decode(vm.heap(), bytes));
  String* rest = decoder.flush(vm.heap());
  if (!rest) return text ? string_value(text) : Value::null();
  return add_values(vm, string_value(text), string_value(rest));
}

Value spawn_sync(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), as_object(arg(args, 0)));
  eventloop::SyncOptions options;
  options.spawn = spawn_options(vm, o);
  Value input = get(vm, o, key_of(vm, "input"));
  if (input.is_string()) {
    // A Buffer's bytes come as a byte string (inputLatin1), text as itself.
    bool latin1 = to_boolean(get(vm, o, key_of(vm, "inputLatin1")));
    options.input = latin1 ? encode_string(as_string(input), Encoding::Latin1) : as_string(input)->to_utf8();
  }
  Value timeout = get(vm, o, key_of(vm, "timeout"));
  if (timeout.is_number() && timeout.as_number() > 0)
    options.timeout = std::chrono::milliseconds(int64_t(timeout.as_number()));
  Value kill_signal = get(vm, o, key_of(vm, "killSignal"));
  if (kill_signal.is_number()) options.kill_signal = int(kill_signal.as_number());
  Value max_buffer = get(vm, o, key_of(vm, "maxBuffer"));
  if (max_buffer.is_number() && max_buffer.as_number() >= 0)
    options.max_buffer = max_buffer.as_number() > 1e15 ? size_t(1) << 50 : size_t(max_buffer.as_number());
  std::string encoding = string_field(vm, o, "encoding");
  eventloop::SyncResult r = eventloop::run_sync(options);
  gc::Rooted<Object> result(vm.heap(), vm.new_object());
  vm.define_value(result, "pid", Value::number(double(r.pid)), kDefaultProperty);
  if (r.error && !r.timed_out && !r.max_buffer_exceeded && r.pid == 0) {
    gc::Rooted<Object> err(vm.heap(), system_error_info(vm, r.error));
    vm.define_value(result, "error", object_value(err), kDefaultProperty);
    return object_value(result);
  }
  if (r.error) {
    gc::Rooted<Object> err(vm.heap(), system_error_info(vm, r.error));
    vm.define_value(result, "error", object_value(err), kDefaultProperty);
  }
  ValueVector outputs(vm.heap());
  outputs.values.push_back(Value::null());
  for (size_t i = 1; i < 3; ++i) {
    bool piped = i < options.spawn.stdio.size() && options.spawn.stdio[i].kind == eventloop::StdioSpec::Kind::Pipe;
    outputs.values.push_back(piped ? output_value(vm, r.output[i], encoding) : Value::null());
  }
  gc::Rooted<Object> output(vm.heap(), vm.new_array_from(outputs.values));
  vm.define_value(result, "output", object_value(output), kDefaultProperty);
  vm.define_value(result, "status", r.signal ? Value::null() : Value::number(r.exit_code), kDefaultProperty);
  vm.define_value(result, "signal", signal_value(vm, r.signal), kDefaultProperty);
  return object_value(result);
}

}  // namespace

Value process_wrap_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "spawn", spawn, 2);
  vm.define_native(b, "kill", kill_child, 2);
  vm.define_native(b, "ref", ref_child, 2);
  vm.define_native(b, "spawnSync", spawn_sync, 1);
  return object_value(b);
}

}  // namespace glass::natives
