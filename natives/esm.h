// ES modules in the runtime (Node's ESM loader, the parts scripts use): the
// engine's ModuleHost for `import`, import() and import.meta. See esm.cpp.
#pragma once
#include <string>

#include "natives/runtime.h"

namespace glass::natives {

// Whether `path` runs as an ES module: .mjs, or .js under a package.json
// with "type": "module" (as Node decides).
// (Reads package.json with JSON.parse: a broken one throws.)
bool is_esm_file(Vm& vm, const std::string& path);
// Makes import and import() work (CommonJS code can import() too).
void install_esm(Runtime& rt);
// Loads, links and evaluates `path` as the main module.
void run_main_esm(Runtime& rt, const std::string& path);
// The same for `source`, a module named `url` (-e / stdin with --input-type=module).
void run_esm_source(Runtime& rt, const std::string& source, const std::string& url);
// require() of an ES module (Node 22): its namespace, the graph evaluated
// synchronously; ERR_REQUIRE_ASYNC_MODULE if it has a top-level await.
Value require_esm(Runtime& rt, const std::string& path);
// After the loop: an evaluation still pending is Node's "unsettled
// top-level await" (a warning, exit status 13); returns whether it was.
bool main_esm_unsettled(Runtime& rt);

}  // namespace glass::natives
