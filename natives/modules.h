// CommonJS modules (Node's require): resolution, the module cache, the
// wrapper every .js file runs in, .json files, and the built-in modules
// written in JS (natives/lib/*.js, compiled into the binary).
#pragma once
#include <optional>
#include <string>

#include "natives/runtime.h"

namespace glass::natives {

// require('events') & co.: the exports of a built-in module, loaded on first use.
Value require_builtin(Runtime& rt, const std::string& name);
// Loads `path` (absolute) as the main module.
void run_main_module(Runtime& rt, const std::string& path);
// The exports of the CommonJS module in `path` (absolute), loading it on first use.
Value require_file(Runtime& rt, const std::string& path);
// The whole file at `path`, byte for byte; false if it cannot be read.
bool read_text_file(const std::string& path, std::string& out);
// 'path', 'events', ... (without "node:").
bool is_builtin_module(const std::string& name);
// A bare package name as require() finds it from `from_dir` (node_modules, "main", index.js).
std::optional<std::string> resolve_package(Vm& vm, const std::string& request, const std::string& from_dir);

// What lib/*.js reach with require('internal:NAME'): C++ helpers (internal_bindings.cpp).
Value internal_binding(Runtime& rt, const std::string& name);

// natives/lib/*.js, by module name (generated at build time: lib_sources.cpp).
const char* builtin_source(const std::string& name);

}  // namespace glass::natives
