#include "run.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "builtins/promise.h"
#include "natives/runtime.h"
#include "vm/fiber.h"
#include "vm/operations.h"
#include "vm/vm.h"

namespace glass::cli {

namespace {

bool read_whole_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}


Value host_print(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.write_stdout(to_utf8(vm, arg(args, 0)) + "\n");
  return Value::undefined();
}

Value host_eval_script(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string source = to_utf8(vm, arg(args, 0));
  return vm.evaluate_script(source, "evalScript");
}

Value host_gc(Vm& vm, Value, std::span<const Value>, Value) {
  vm.heap().collect();
  return Value::undefined();
}

void install_test262_host(Vm& vm) {
  gc::Rooted<Object> global(vm.heap(), vm.global());
  vm.define_native(global, "print", host_print, 1);
  gc::Rooted<Object> d262(vm.heap(), vm.new_object());
  vm.define_value(d262, "global", object_value(global));
  vm.define_native(d262, "evalScript", host_eval_script, 1);
  vm.define_native(d262, "gc", host_gc, 0);
  define_global(vm, "$262", object_value(d262));
}

// `glass FILE`: FILE runs as the main CommonJS module of a Node-style
// runtime (natives/), then the event loop runs until nothing is left.
int run_program(Vm& vm, const RunOptions& options) {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::absolute(options.file, ec);
  std::string file = ec ? options.file : path.lexically_normal().string();
  if (!std::filesystem::is_regular_file(file, ec)) {
    std::cerr << "glass: cannot read '" << options.file << "'\n";
    return 1;
  }
  natives::RuntimeOptions runtime_options;
  runtime_options.argv = {options.program.empty() ? "glass" : options.program, file};
  for (const std::string& a : options.args) runtime_options.argv.push_back(a);
  if (options.trace_loop) runtime_options.trace_loop = stderr;
  natives::Runtime runtime(vm, runtime_options);
  natives::install_timers(runtime);
  natives::install_process(runtime);
  natives::install_modules(runtime);
  int status = runtime.run_main(file);
  std::fflush(stdout);
  std::fflush(stderr);
#if !defined(__SANITIZE_ADDRESS__)
  std::_Exit(status);  // as below: no heap teardown at exit
#endif
  return status;
}

int run(const RunOptions& options) {
  VmOptions vm_options;
  vm_options.heap.stress = options.gc_stress;
  if (options.trace_gc) vm_options.heap.trace = stderr;
  if (options.trace) vm_options.trace = stderr;
  Vm vm(vm_options);
  if (options.test262) install_test262_host(vm);
  if (options.module) {
    std::cerr << "glass: running ES modules arrives with the runtime (issue 4); try --check\n";
    return 2;
  }
  if (!options.test262) return run_program(vm, options);
  std::vector<std::string> files = options.includes;
  files.push_back(options.file);
  int status = 0;
  try {
    for (const std::string& file : files) {
      std::string text;
      if (!read_whole_file(file, text)) {
        std::cerr << "glass: cannot read '" << file << "'\n";
        return 1;
      }
      // Stacks name files by absolute path, as Node's do.
      std::error_code ec;
      std::filesystem::path path = std::filesystem::absolute(file, ec);
      vm.evaluate_script(text, ec ? file : path.lexically_normal().string());
      vm.run_jobs();
    }
    // A rejection nobody handled by the time the queue drained ends the
    // program as in Node 20 (not in the test262 host: CLI-CONTRACT.md).
    if (!options.test262 && !vm.unhandled_rejections().empty()) {
      Value reason = promise_result(vm.unhandled_rejections().front().get());
      vm.throw_value(reason);
    }
  } catch (const Thrown&) {
    Value e = vm.take_exception();
    std::fflush(stdout);
    std::string message = describe_uncaught(vm, e);
    vm.write_stderr(message);
    status = 1;
  }
  std::fflush(stdout);
  std::fflush(stderr);
#if !defined(__SANITIZE_ADDRESS__)
  // The program is over and its output flushed: leave now rather than tear
  // the heap down cell by cell and unmap the stacks (about a millisecond of
  // an empty script's run). Sanitizer builds exit normally, so their
  // teardown and leak checks still run.
  std::_Exit(status);
#endif
  return status;
}

}  // namespace

int run_script(const RunOptions& options) {
  int status = 0;
  run_on_fiber(kDefaultFiberStack, [&] { status = run(options); });
  return status;
}

}  // namespace glass::cli
