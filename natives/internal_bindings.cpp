// The C++ helpers the built-in JS modules (lib/*.js) use, reached with
// require('internal:NAME') from those modules only.
//   internal:util   format(...args), inspect(value, depth)
//   internal:fs     the file-system calls under lib/fs.js (fs.cpp)
//   internal:tcp    TCP handles for lib/net.js (tcp_wrap.cpp)
#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "natives/modules.h"

namespace glass::natives {

namespace {

Value util_format(Vm& vm, Value, std::span<const Value> args, Value) {
  return string_value(vm.new_string(format_log_arguments(vm, args)));
}

Value util_inspect(Vm& vm, Value, std::span<const Value> args, Value) {
  Value depth = arg(args, 1);
  int d = depth.is_number() ? (std::isfinite(depth.as_number()) ? int(depth.as_number()) : 1000) : 2;
  return string_value(vm.new_string(inspect_value(vm, arg(args, 0), d)));
}

}  // namespace

Value fs_binding(Runtime& rt);        // fs.cpp
Value make_tcp_binding(Runtime& rt);  // tcp_wrap.cpp

Value internal_binding(Runtime& rt, const std::string& name) {
  Vm& vm = rt.vm();
  if (name == "fs") return fs_binding(rt);
  if (name == "tcp") return make_tcp_binding(rt);
  if (name != "util") vm.throw_error(ErrorType::Error, "No such internal binding: " + name);
  gc::Rooted<Object> binding(vm.heap(), vm.new_object());
  vm.define_native(binding, "format", util_format, 0);
  vm.define_native(binding, "inspect", util_inspect, 2);
  return object_value(binding);
}

}  // namespace glass::natives
