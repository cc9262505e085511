// CommonJS modules (Node's require): resolution, the module cache, the
// wrapper every .js file runs in, .json files, and the built-in modules
// written in JS (natives/lib/*.js, compiled into the binary).
#pragma once
#include <string>

#include "natives/runtime.h"

namespace glass::natives {

// require('events') & co.: the exports of a built-in module, loaded on first use.
Value require_builtin(Runtime& rt, const std::string& name);
// Loads `path` (absolute) as the main module.
void run_main_module(Runtime& rt, const std::string& path);

// What lib/*.js reach with require('internal:NAME'): C++ helpers (internal_bindings.cpp).
Value internal_binding(Runtime& rt, const std::string& name);

// natives/lib/*.js, by module name (generated at build time: lib_sources.cpp).
const char* builtin_source(const std::string& name);

}  // namespace glass::natives
