// The scripts a debugger knows: every piece of code the Vm compiled, with
// one stable id, one URL and the text the user wrote (a CommonJS file
// without the wrapper the loader put around it).
//
// URLs: an absolute path becomes a file:// URL (ES modules arrive as one
// already); the runtime's own JS (natives/lib) is named node:events etc.
// and is *internal*: hidden from stepping, as Node hides its own; eval code
// and `new Function` bodies have no URL.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/function.h"

namespace glass::debug {

using ScriptId = uint32_t;  // 0 is never a script

struct Script {
  ScriptId id = 0;
  std::string url;
  std::string name;        // as the Vm was given it (a path, "node:fs", "eval")
  std::string source;      // what the user wrote (UTF-8)
  const bytecode::CompiledFunction* top = nullptr;  // its code, every function nested in it
  // A CommonJS file's outer code — the script that only makes the module
  // function: never a place to stop (the file's first line is in that function).
  const bytecode::CompiledFunction* wrapper = nullptr;
  bool is_module = false;
  bool internal = false;   // the runtime's own code: not stepped into
  bool blackboxed = false; // the client asked not to step into it (CDP's setBlackboxPatterns)
  bool hidden() const { return internal || blackboxed; }
  uint32_t end_line = 0, end_column = 0;  // 0-based, UTF-16: where the source ends (CDP's endLine/endColumn)
  std::string hash;        // a content hash (CDP's scriptParsed carries one)
};

class ScriptRegistry {
 public:
  Script& add(std::string name, std::string source, const bytecode::CompiledFunction* top, bool is_module);
  const Script* find(ScriptId id) const;
  // The script that `code` (any function in it) belongs to, or null.
  const Script* find_code(const bytecode::CompiledFunction* code) const;
  const std::vector<std::unique_ptr<Script>>& all() const { return scripts_; }
  void set_blackboxed(ScriptId id, bool blackboxed) {
    if (id >= 1 && id <= scripts_.size()) scripts_[id - 1]->blackboxed = blackboxed;
  }

  // The URL for a name the Vm was given.
  static std::string url_for(const std::string& name);

 private:
  std::vector<std::unique_ptr<Script>> scripts_;
  // Every function of every script, to its script (a function is found by
  // the frames the debugger meets).
  std::vector<std::pair<const bytecode::CompiledFunction*, Script*>> by_code_;  // sorted by pointer
};

// Calls f(code) for `top` and every function nested in it.
template <class F>
void for_each_function(const bytecode::CompiledFunction* top, F&& f) {
  f(top);
  for (const auto& nested : top->functions) for_each_function(nested.get(), f);
}

}  // namespace glass::debug
