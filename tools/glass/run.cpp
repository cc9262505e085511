#include "run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <filesystem>
#include <iostream>

#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "builtins/promise.h"
#include "inspector/cdp_session.h"
#include "gc/sanitizers.h"
#include "inspector/server.h"
#include "natives/inspector.h"
#include "natives/modules.h"
#include "natives/runtime.h"
#include "repl.h"
#include "test262_agents.h"
#include "test262_host.h"
#include "vm/fiber.h"
#include "vm/operations.h"
#include "vm/out_of_memory.h"
#include "vm/vm.h"

namespace glass::cli {

namespace {

// All of stdin, for `glass -` and a piped script.
std::string read_stdin() {
  std::string text;
  char chunk[65536];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) text.append(chunk, n);
  return text;
}

std::string executable_path(const std::string& fallback) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? fallback : exe.string();
}

// `glass FILE` (or -e, -p, stdin, the REPL): a Node-style runtime
// (natives/) runs the program, then the event loop until nothing is left.
int run_program(Vm& vm, const RunOptions& options) {
  natives::RuntimeOptions runtime_options;
  runtime_options.argv0 = options.program.empty() ? "glass" : options.program;
  runtime_options.exec_path = executable_path(runtime_options.argv0);
  runtime_options.exec_argv = options.exec_argv;
  runtime_options.preload = options.preload;
  runtime_options.input_module = options.input_module;
  runtime_options.argv = {runtime_options.exec_path};
  std::string file;
  if (!options.file.empty()) {
    std::error_code ec;
    std::filesystem::path path = std::filesystem::absolute(options.file, ec);
    file = ec ? options.file : path.lexically_normal().string();
    if (!std::filesystem::is_regular_file(file, ec)) {
      std::cerr << "glass: cannot read '" << options.file << "'\n";
      return 1;
    }
    runtime_options.argv.push_back(file);
  }
  if (options.dash) runtime_options.argv.push_back("-");
  for (const std::string& a : options.args) runtime_options.argv.push_back(a);
  if (options.trace_loop) runtime_options.trace_loop = stderr;
  runtime_options.module = options.module;
  natives::Runtime runtime(vm, runtime_options);
  // The debugger comes first, so that it sees every script compiled, the
  // runtime's own included.
  std::unique_ptr<natives::Inspector> inspector;
  std::unique_ptr<inspector::InspectorServer> server;
  std::unique_ptr<inspector::CdpSession> session;
  if (options.inspect.enabled) {
    inspector = std::make_unique<natives::Inspector>(runtime);
    runtime.inspector = inspector.get();
    inspector::InspectorServer::Options server_options;
    server_options.host = options.inspect.host;
    server_options.port = options.inspect.port;
    server_options.title = std::filesystem::path(file).filename().string();
    server_options.url = debug::ScriptRegistry::url_for(file);
    server_options.protocol_json = inspector::CdpSession::protocol_description().dump(2);
    natives::Inspector* in = inspector.get();
    server = std::make_unique<inspector::InspectorServer>(
        server_options, inspector::InspectorServer::Hooks{[in] { in->client_connected(); },
                                                          [in](std::string m) { in->deliver(std::move(m)); },
                                                          [in] { in->client_disconnected(); }});
    inspector::InspectorServer* srv = server.get();
    session = std::make_unique<inspector::CdpSession>(*inspector, [srv](std::string m) { srv->send(std::move(m)); });
    inspector->set_session(session.get());
    std::string error;
    if (!server->start(error)) {
      std::cerr << "Starting inspector on " << options.inspect.host << ":" << options.inspect.port << " failed: " << error
                << "\n";
      return 1;
    }
    std::cerr << "Debugger listening on " << server->websocket_url() << "\n"
              << "For help, see: https://nodejs.org/en/docs/inspector\n";
    if (options.inspect.view) {
      // ws://HOST:PORT/<uuid> -> http://HOST:PORT/view/
      std::string ws = server->websocket_url();
      std::string authority = ws.substr(5, ws.find('/', 5) - 5);
      std::cerr << "Glass view: http://" << authority << "/view/  (open it in a browser; the program waits for it)\n";
    }
  }
  natives::install_timers(runtime);
  natives::install_process(runtime);
  natives::bootstrap(runtime);
  if (inspector && (options.inspect.break_on_start || options.inspect.wait_for_client)) {
    inspector->wait_for_debugger();
    if (options.inspect.break_on_start) inspector->debugger().break_on_start();
  }
  int status;
  if (options.eval) status = runtime.run_eval(*options.eval, "[eval]", options.print);
  else if (!file.empty()) status = runtime.run_main(file);
  else if (options.interactive) status = run_repl(runtime);
  else status = runtime.run_eval(read_stdin(), "[stdin]", options.print);
  std::fflush(stdout);
  std::fflush(stderr);
#ifndef GLASS_ASAN
  std::_Exit(status);  // as below: no heap teardown at exit
#endif
  return status;
}

// Half of physical memory (at least 512 MB), as a runtime that shares the
// machine should; --max-heap-size says otherwise.
size_t default_max_heap_bytes() {
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  size_t half = pages > 0 && page > 0 ? size_t(pages) * size_t(page) / 2 : 0;
  return std::max(half, size_t(512) << 20);
}

int run(const RunOptions& options) {
  VmOptions vm_options;
  vm_options.heap.stress = options.gc_stress;
  vm_options.heap.stress_every = options.gc_stress_every;
  if (options.gc_stress || options.verify_bytecode) vm_options.verify_bytecode = true;
  vm_options.heap.max_bytes = options.max_heap_mb ? options.max_heap_mb << 20 : default_max_heap_bytes();
  if (options.trace_gc) vm_options.heap.trace = stderr;
  if (options.trace) vm_options.trace = stderr;
  Vm vm(vm_options);
  if (!options.test262) return run_program(vm, options);
  install_test262_host(vm);
  FileModuleHost modules(vm);
  vm.module_host = &modules;
  std::vector<std::string> files = options.includes;
  files.push_back(options.file);
  int status = 0;
  try {
    for (size_t i = 0; i < files.size(); ++i) {
      // Stacks name files by absolute path, as Node's do.
      std::error_code ec;
      std::filesystem::path path = std::filesystem::absolute(files[i], ec);
      std::string name = ec ? files[i] : path.lexically_normal().string();
      if (options.module && i + 1 == files.size()) {
        // The test as a Module: load, link and evaluate its graph; a
        // rejected evaluation is its uncaught error.
        gc::Rooted<ModuleRecord> m(vm.heap(), modules.load_file(vm, name, ""));
        gc::Rooted<Object> evaluation(vm.heap(), evaluate_module(vm, m));
        run_test262_loop(vm);
        if (promise_status(evaluation) == PromiseStatus::Rejected) vm.throw_value(promise_result(evaluation));
        continue;
      }
      std::string text;
      if (!natives::read_text_file(files[i], text)) {
        std::cerr << "glass: cannot read '" << files[i] << "'\n";
        return 1;
      }
      vm.evaluate_script(text, name);
      run_test262_loop(vm);
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
  // Agents still waiting for a broadcast are told to end. One stuck in
  // Atomics.wait cannot be: then leave without tearing anything down.
  if (!finish_agents(std::chrono::milliseconds(2000))) std::_Exit(status);
#ifndef GLASS_ASAN
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
  run_on_fiber(kDefaultFiberStack, [&] {
    // Failed allocations end in the out-of-memory handler (main installs it);
    // these are what a library throws without asking it (a size past a
    // container's maximum): the same report, never std::terminate.
    try {
      status = run(options);
    } catch (const std::bad_alloc&) {
      fatal_out_of_memory("Allocation failed");
    } catch (const std::length_error&) {
      fatal_out_of_memory("Invalid allocation size");
    }
  });
  return status;
}

}  // namespace glass::cli
