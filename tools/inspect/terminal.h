// `glass inspect`: the terminal debugger. A client of glass's own Chrome
// DevTools Protocol server — the same protocol `node inspect` speaks, with
// the same commands and the same look, plus `scope`, `frame N`/`up`/`down`.
//
//   glass inspect [--port=N] FILE [ARGS...]   runs `glass --inspect-brk FILE` and debugs it
//   glass inspect [HOST:]PORT                 attaches to a running `glass --inspect`
//
// After a command that lets the program run (c, n, s, o) the prompt comes
// back when it pauses again or ends; meanwhile `pause` (or Ctrl+C) stops it.
// The program's output is shown as it arrives, each line after "< ".
#pragma once
#include <string>
#include <vector>

namespace glass::inspect {

// Returns the exit status. `glass_path` is the glass binary to launch FILE with.
int run_inspect(const std::vector<std::string>& args, const std::string& glass_path);

}  // namespace glass::inspect
