// `glass --dap`: the Debug Adapter Protocol for editors (README.md here).
//
//   glass --dap               one session on stdin/stdout (what an editor spawns)
//   glass --dap=PORT          sessions one after another on 127.0.0.1:PORT
//   glass --dap-port=PORT     the same (PORT 0: any free port; the port is printed to stderr)
#pragma once
#include <string>
#include <vector>

namespace glass::dap {

// `args` are the command line's arguments after the program name; returns
// the exit status. `glass` is the binary launched programs run with.
int run_dap(const std::vector<std::string>& args, const std::string& glass);

}  // namespace glass::dap
