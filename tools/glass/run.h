// Running a script: `glass FILE` and the test262 host (`glass --test262`).
#pragma once
#include <cstdio>
#include <string>
#include <vector>

namespace glass::cli {

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
};

// Returns the process exit status.
int run_script(const RunOptions& options);

}  // namespace glass::cli
