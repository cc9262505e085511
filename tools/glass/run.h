// Running a script: `glass FILE` and the test262 host (`glass --test262`).
#pragma once
#include <cstdint>
#include <cstdio>
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
  bool trace_loop = false; // --trace-loop
  std::string program;     // argv[0] (process.argv[0])
  InspectOptions inspect;
};

// Returns the process exit status.
int run_script(const RunOptions& options);

}  // namespace glass::cli
