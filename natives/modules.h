// Modules, the C++ side. The CommonJS loader itself (Module, require,
// resolution with package.json "exports"/"imports", require.cache, ...) is
// JavaScript, as in Node: lib/internal/modules/cjs/loader.js. Here:
//   - the built-in modules (natives/lib/**/*.js, compiled into the binary)
//     and the restricted require they get;
//   - internal:modules, what the JS loader cannot do itself: compile a
//     module's wrapper function, probe and read files, load an ES module
//     graph synchronously for require();
//   - the hooks lib/internal/bootstrap.js hands back, through which C++
//     starts the main module and asks the JS loader for CommonJS exports.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "natives/runtime.h"

namespace glass::natives {

// Runs lib/internal/bootstrap.js: process, globals, and the hooks below.
void bootstrap(Runtime& rt);
// The hook `name` from bootstrap's exports (a function), called with `args`.
Value call_hook(Runtime& rt, const char* name, std::span<const Value> args);

// require('events') & co.: the exports of a built-in module, loaded on first use.
Value require_builtin(Runtime& rt, const std::string& name);
// Loads `path` (absolute) as the main CommonJS module (Module.runMain).
void run_main_module(Runtime& rt, const std::string& path);
// The exports of the CommonJS module in `path` (absolute), loading it on first use.
Value require_file(Runtime& rt, const std::string& path);
// The whole file at `path`, byte for byte; false if it cannot be read.
bool read_text_file(const std::string& path, std::string& out);
// 'path', 'events', 'fs/promises', ... (without "node:"; never internal/...).
bool is_builtin_module(const std::string& name);
// file:///a%20b -> /a b
std::string file_url_to_path(const std::string& url);
std::string path_to_file_url(const std::string& path);

// Sources that are not files (-e, stdin, REPL inputs), by the name their
// stack frames show, so an uncaught error can print the line.
void remember_source(const std::string& name, const std::string& text);
const std::string* remembered_source(const std::string& name);

// What lib/*.js reach with require('internal:NAME'): C++ helpers (internal_bindings.cpp).
Value internal_binding(Runtime& rt, const std::string& name);

// natives/lib/**/*.js, by module name (generated at build time: lib_sources.cpp).
const char* builtin_source(const std::string& name);
std::vector<std::string> builtin_names();

}  // namespace glass::natives
