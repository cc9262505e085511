#include "debug/scripts.h"

#include <algorithm>
#include <cstdio>

namespace glass::debug {

std::string ScriptRegistry::url_for(const std::string& name) {
  if (name.starts_with("file://") || name.starts_with("node:")) return name;
  if (!name.starts_with("/")) return "";  // eval code, new Function bodies: no URL (as in V8)
  // An absolute path as a file URL (RFC 8089), percent-encoding what a path
  // may hold but a URL may not.
  std::string url = "file://";
  for (unsigned char c : name) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 std::string_view("/-._~!$&'()*+,;=:@").find(char(c)) != std::string_view::npos;
    if (plain) {
      url += char(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      url += hex;
    }
  }
  return url;
}

namespace {

// Where the text ends, 0-based, in UTF-16 code units (a 4-byte UTF-8
// sequence is two code units; continuation bytes count for nothing).
void end_of(const std::string& text, uint32_t& line, uint32_t& column) {
  line = column = 0;
  for (unsigned char c : text) {
    if (c == '\n') {
      ++line;
      column = 0;
    } else if ((c & 0xC0) != 0x80) {
      column += c >= 0xF0 ? 2 : 1;
    }
  }
}

std::string content_hash(const std::string& text) {  // FNV-1a, 64 bits
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

Script& ScriptRegistry::add(std::string name, std::string source, const bytecode::CompiledFunction* top, bool is_module) {
  auto script = std::make_unique<Script>();
  script->id = ScriptId(scripts_.size() + 1);
  script->url = url_for(name);
  script->internal = script->url.starts_with("node:");
  script->name = std::move(name);
  script->source = std::move(source);
  script->top = top;
  script->is_module = is_module;
  end_of(script->source, script->end_line, script->end_column);
  script->hash = content_hash(script->source);
  Script* s = script.get();
  scripts_.push_back(std::move(script));
  for_each_function(top, [&](const bytecode::CompiledFunction* code) { by_code_.emplace_back(code, s); });
  std::sort(by_code_.begin(), by_code_.end());
  return *s;
}

const Script* ScriptRegistry::find(ScriptId id) const {
  return id >= 1 && id <= scripts_.size() ? scripts_[id - 1].get() : nullptr;
}

const Script* ScriptRegistry::find_code(const bytecode::CompiledFunction* code) const {
  auto it = std::lower_bound(by_code_.begin(), by_code_.end(), code,
                             [](const auto& entry, const bytecode::CompiledFunction* c) { return entry.first < c; });
  return it != by_code_.end() && it->first == code ? it->second : nullptr;
}

}  // namespace glass::debug
