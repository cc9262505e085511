// The REPL (`glass` on a terminal, `glass -i`): see repl.cpp.
#pragma once
#include "natives/runtime.h"

namespace glass::cli {

// Runs the REPL on the runtime until .exit, Ctrl-D or process.exit; returns the exit status.
int run_repl(natives::Runtime& runtime);

}  // namespace glass::cli
