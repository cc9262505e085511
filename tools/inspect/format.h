// How `glass inspect` prints what the protocol hands it: values
// (Runtime.RemoteObject and its preview) the way `node inspect` prints them,
// source snippets with the current line marked, and paths relative to the
// working directory.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace glass::inspect {

using json = nlohmann::json;

// util.inspect's quoting of a string: 'single' unless the text holds single
// quotes, then "double", then `backticks`; control characters escaped.
std::string quote_string(const std::string& text);
// A RemoteObject as node inspect shows it: 42, 'text', [Function: f],
// { a: 1, b: 'x' } (from its preview), Map(1) { 'k' => 1 }, an error's stack.
std::string format_value(const json& remote_object);
// The path a file:// URL names (%XX decoded); anything else as it is.
std::string file_path(const std::string& url);
// A file:// URL (or a path) relative to the working directory, as node inspect shows scripts.
std::string relative_path(const std::string& url);
// Lines [line - delta, line + delta] of `source` (line 1-based): the current
// one marked '>', lines with a breakpoint '*', numbers right-aligned.
std::string source_snippet(const std::string& source, int line, int delta, const std::vector<int>& breakpoint_lines);

}  // namespace glass::inspect
