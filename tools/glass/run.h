// Running a script: `glass FILE` and the test262 host (`glass --test262`).
#pragma once
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace glass::cli {

// --inspect, --inspect-brk, --inspect-wait: the debugger's server.
struct InspectOptions {
  bool enabled = false;
  bool break_on_start = false;     // --inspect-brk: wait for a client, pause on the first line
  bool wait_for_client = false;    // --inspect-wait: wait for a client, then run
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  uint16_t port = 9229;            // 0: any free port
  bool view = false;               // glass view: print the live page's URL
};

struct RunOptions {
  std::string file;
  std::vector<std::string> includes;  // --include: scripts run before FILE (test262 harness)
  std::vector<std::string> args;      // after FILE
  bool test262 = false;
  bool module = false;
  bool trace = false;     // --trace
  bool trace_gc = false;  // --trace-gc
  bool gc_stress = false; // --gc-stress
  uint32_t gc_stress_every = 1;  // --gc-stress=N
  bool verify_bytecode = false;  // --verify-bytecode (also on under --gc-stress and in debug builds)
  size_t max_heap_mb = 0;  // --max-heap-size=MB; 0: half of physical memory
  bool trace_loop = false; // --trace-loop
  std::string program;     // argv[0] (process.argv[0])
  // Node's ways to start besides FILE (main.cpp decides which applies).
  std::optional<std::string> eval;      // -e / -p CODE
  bool print = false;                   // -p: print the completion value
  bool stdin_script = false;            // `glass -`, or no FILE with stdin not a terminal
  bool dash = false;                    // `glass -` (process.argv[1] is then '-', as in node)
  bool interactive = false;             // the REPL (no FILE on a terminal, or -i)
  bool input_module = false;            // --input-type=module: CODE / stdin is an ES module
  std::vector<std::string> preload;     // -r MODULE, in order
  std::vector<std::string> exec_argv;   // process.execArgv: the options before FILE
  InspectOptions inspect;
};

// Returns the process exit status.
int run_script(const RunOptions& options);

}  // namespace glass::cli
