// Starting a program under the debugger: `glass --inspect-brk=127.0.0.1:PORT
// [FLAGS] FILE [ARGS]` as a child process whose stdout and stderr are pipes,
// and learning where its CDP server listens from its first words
// ("Debugger listening on ws://HOST:PORT/..."). Shared by `glass inspect`
// (terminal.cpp) and the DAP adapter (tools/dap/).
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace glass::inspect {

struct InspectChild {
  pid_t pid = -1;
  int out_fd = -1, err_fd = -1;  // non-blocking pipes from its stdout and stderr
  std::string host;
  uint16_t port = 0;
  std::string early_stderr;  // what it wrote to stderr up to and including the listening lines
};

struct InspectLaunch {
  std::string glass;                // the binary
  uint16_t port = 0;                // 0: any free port
  std::vector<std::string> flags;   // glass options for the program (--gc-stress, --module, ...)
  std::string file;
  std::vector<std::string> args;
  std::string cwd;                  // "": ours
};

// Starts the child and waits (up to 10 s) until it listens. On failure the
// child is gone, `error` says why and child.early_stderr holds what it wrote.
bool start_inspect_child(const InspectLaunch& launch, InspectChild& child, std::string& error);

}  // namespace glass::inspect
