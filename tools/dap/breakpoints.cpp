// Breakpoints: lines (with condition, hit condition, log message), functions,
// exceptions and instructions, and what a pause's hitBreakpoints mean.
//
// A logpoint is a CDP breakpoint whose condition logs and answers false (as
// VS Code's js-debug does), so the program never stops there and the message
// arrives as the program's own console output. A hit condition is counted
// here: the engine pauses when the condition holds, and the adapter resumes
// silently until the count is met.
#include <filesystem>
#include <re2/re2.h>

#include "dap/adapter.h"
#include "dap/instruction_ref.h"
#include "debug/scripts.h"
#include "inspect/format.h"

namespace glass::dap {

namespace {

// "N" (from the Nth hit on), ">= N", "> N", "== N", "=== N", "< N", "<= N",
// "% N" (every Nth hit). Returns false for anything else.
bool hit_condition_valid(const std::string& condition) {
  static const RE2 shape(R"(\s*(>=|<=|===|==|>|<|%)?\s*\d{1,9}\s*)");
  return condition.empty() || RE2::FullMatch(condition, shape);
}

bool hit_condition_met(const std::string& condition, int hits) {
  if (condition.empty()) return true;
  static const RE2 shape(R"(\s*(>=|<=|===|==|>|<|%)?\s*(\d{1,9})\s*)");
  std::string op;
  int n = 0;
  if (!RE2::FullMatch(condition, shape, &op, &n)) return true;
  if (op == "" || op == ">=") return hits >= n;
  if (op == ">") return hits > n;
  if (op == "==" || op == "===") return hits == n;
  if (op == "<") return hits < n;
  if (op == "<=") return hits <= n;
  return n > 0 && hits % n == 0;  // %
}

const json& array_arg(const json& args, const char* command, const char* field) {
  auto it = args.find(field);
  if (it == args.end() || !it->is_array())
    throw DapError(std::string(command) + ": \"" + field + "\" (an array) is required");
  return *it;
}

std::string optional_string(const json& object, const char* field) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return "";
  if (!it->is_string()) throw DapError(std::string("\"") + field + "\" must be a string");
  return it->get<std::string>();
}

}  // namespace

// `text {expr} more` as a JS template literal logged by console.log.
std::string Adapter::logpoint_condition(const std::string& log_message, const std::string& condition) const {
  std::string literal = "`";
  int depth = 0;
  for (char c : log_message) {
    if (depth == 0 && c == '{') {
      literal += "${";
      depth = 1;
    } else if (depth > 0) {
      if (c == '{') ++depth;
      if (c == '}' && --depth == 0) {
        literal += '}';
        continue;
      }
      literal += c;
    } else {
      if (c == '`' || c == '\\' || c == '$') literal += '\\';
      literal += c;
    }
  }
  if (depth > 0) literal += '}';
  literal += '`';
  std::string log = "(console.log(" + literal + "), false)";
  return condition.empty() ? log : "(" + condition + ") && " + log;
}

json Adapter::on_set_breakpoints(const json& args) {
  require_program();
  if (!args.contains("source") || !args["source"].is_object()) throw DapError("setBreakpoints: \"source\" is required");
  const json& source = args["source"];
  std::string path = optional_string(source, "path");
  std::string script_id;
  if (path.empty()) {
    if (!source.contains("sourceReference") || !source["sourceReference"].is_number_integer())
      throw DapError("setBreakpoints: the source needs a \"path\" or a \"sourceReference\"");
    script_id = std::to_string(source["sourceReference"].get<int64_t>());
    if (!scripts_.contains(script_id)) throw DapError("setBreakpoints: no source " + script_id);
  }
  std::string key = path.empty() ? "ref:" + script_id : path;
  json requested = args.contains("breakpoints") ? array_arg(args, "setBreakpoints", "breakpoints") : json::array();
  // 1. The file's breakpoints are replaced as a whole.
  for (const LineBreakpoint& bp : line_breakpoints_[key]) {
    try {
      cdp("Debugger.removeBreakpoint", {{"breakpointId", bp.cdp_id}});
    } catch (const DapError&) {
    }
  }
  line_breakpoints_[key].clear();
  // 2. Each one: by URL (now, and in a script that loads later) or in a loaded script.
  std::string url;
  if (!path.empty()) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    url = debug::ScriptRegistry::url_for(ec ? path : absolute.lexically_normal().string());
    if (url.empty()) url = path;
  }
  json out = json::array();
  for (const json& b : requested) {
    if (!b.is_object() || !b.contains("line") || !b["line"].is_number_integer())
      throw DapError("setBreakpoints: each breakpoint needs an integer \"line\"");
    LineBreakpoint bp;
    bp.dap_id = next_breakpoint_id_++;
    bp.line = b["line"].get<int>();
    bp.hit_condition = optional_string(b, "hitCondition");
    std::string condition = optional_string(b, "condition");
    std::string log_message = optional_string(b, "logMessage");
    json entry = {{"id", bp.dap_id}, {"verified", false}, {"line", bp.line}};
    if (!path.empty()) entry["source"] = {{"name", std::filesystem::path(path).filename().string()}, {"path", path}};
    if (line_in(bp.line) < 0) {
      entry["message"] = "no line " + std::to_string(bp.line);
      out.push_back(entry);
      continue;
    }
    if (!hit_condition_valid(bp.hit_condition)) {
      entry["message"] = "invalid hit condition '" + bp.hit_condition + "' (use N, >= N, == N, > N, < N, <= N or % N)";
      out.push_back(entry);
      continue;
    }
    if (!log_message.empty()) condition = logpoint_condition(log_message, condition);
    json params = {{"lineNumber", line_in(bp.line)}, {"condition", condition}};
    if (b.contains("column") && b["column"].is_number_integer())
      params["columnNumber"] = b["column"].get<int>() - (columns_start_at1_ ? 1 : 0);
    try {
      json location;
      if (!url.empty()) {
        params["url"] = url;
        json result = cdp("Debugger.setBreakpointByUrl", params);
        bp.cdp_id = result.value("breakpointId", "");
        if (!result.value("locations", json::array()).empty()) location = result["locations"][0];
      } else {
        json result = cdp("Debugger.setBreakpoint",
                          {{"location", {{"scriptId", script_id}, {"lineNumber", params["lineNumber"]}}},
                           {"condition", condition}});
        bp.cdp_id = result.value("breakpointId", "");
        location = result.value("actualLocation", json());
      }
      if (location.is_object()) {
        bp.line = line_out(location.value("lineNumber", 0));
        bp.script_id = location.value("scriptId", "");
        entry["verified"] = true;
        entry["line"] = bp.line;
        entry["column"] = column_out(location.value("columnNumber", 0));
      } else {
        entry["message"] = "not (yet) in a loaded script";
      }
      line_breakpoints_[key].push_back(bp);
    } catch (const DapError& e) {
      entry["message"] = e.what();
    }
    out.push_back(entry);
  }
  return {{"breakpoints", out}};
}

json Adapter::on_set_function_breakpoints(const json& args) {
  require_program();
  const json& requested = array_arg(args, "setFunctionBreakpoints", "breakpoints");
  for (const FunctionBreakpoint& bp : function_breakpoints_)
    if (bp.verified) stale_function_breakpoints_.push_back(bp.name);
  function_breakpoints_.clear();
  for (const json& b : requested) {
    if (!b.is_object() || !b.contains("name") || !b["name"].is_string() || b["name"].get<std::string>().empty())
      throw DapError("setFunctionBreakpoints: each breakpoint needs a \"name\"");
    function_breakpoints_.push_back({next_breakpoint_id_++, b["name"].get<std::string>(), false});
  }
  resolve_function_breakpoints();
  json out = json::array();
  for (const FunctionBreakpoint& bp : function_breakpoints_) {
    json entry = {{"id", bp.dap_id}, {"verified", bp.verified}};
    if (!bp.verified) entry["message"] = "no function '" + bp.name + "' here yet: tried again at each pause";
    out.push_back(entry);
  }
  return {{"breakpoints", out}};
}

// Evaluates a command-line API call where its name can be seen: in each
// paused frame from the top, then globally. True if one did not throw.
bool Adapter::evaluate_anywhere(const std::string& expression) {
  std::vector<std::string> places;
  if (paused_)
    for (const json& f : frames_)
      if (f["location"].value("scriptId", "0") != "0") places.push_back(f.value("callFrameId", ""));
  places.push_back("");
  for (const std::string& frame_id : places) {
    try {
      if (!evaluate_remote(expression, frame_id, true).contains("exceptionDetails")) return true;
    } catch (const DapError&) {
    }
  }
  return false;
}

// `debug(name)` for the function breakpoints not set yet, `undebug(name)`
// for the removed ones not yet undone (a function's name may be visible only
// from some frames, so both are tried again at each pause).
void Adapter::resolve_function_breakpoints() {
  std::vector<std::string> stale;
  for (const std::string& name : stale_function_breakpoints_)
    if (!evaluate_anywhere("undebug(" + name + ")")) stale.push_back(name);
  stale_function_breakpoints_ = std::move(stale);
  for (FunctionBreakpoint& bp : function_breakpoints_)
    if (!bp.verified) bp.verified = evaluate_anywhere("debug(" + bp.name + ")");
}

json Adapter::on_set_exception_breakpoints(const json& args) {
  require_program();
  bool all = false, uncaught = false;
  for (const json& f : array_arg(args, "setExceptionBreakpoints", "filters")) {
    if (!f.is_string()) throw DapError("setExceptionBreakpoints: filters are strings");
    std::string name = f.get<std::string>();
    if (name == "all") all = true;
    else if (name == "uncaught") uncaught = true;
    else throw DapError("setExceptionBreakpoints: unknown filter '" + name + "' (all, uncaught)");
  }
  cdp("Debugger.setPauseOnExceptions", {{"state", all ? "all" : uncaught ? "uncaught" : "none"}});
  return json::object();
}

json Adapter::on_set_instruction_breakpoints(const json& args) {
  require_program();
  const json& requested = array_arg(args, "setInstructionBreakpoints", "breakpoints");
  for (const InstructionBreakpoint& bp : instruction_breakpoints_) {
    try {
      cdp("Debugger.removeBreakpoint", {{"breakpointId", bp.cdp_id}});
    } catch (const DapError&) {
    }
  }
  instruction_breakpoints_.clear();
  json out = json::array();
  for (const json& b : requested) {
    if (!b.is_object() || !b.contains("instructionReference") || !b["instructionReference"].is_string())
      throw DapError("setInstructionBreakpoints: each breakpoint needs an \"instructionReference\"");
    int64_t offset = b.contains("offset") && b["offset"].is_number_integer() ? b["offset"].get<int64_t>() : 0;
    InstructionBreakpoint bp{next_breakpoint_id_++, "", optional_string(b, "hitCondition"), 0};
    json entry = {{"id", bp.dap_id}, {"verified", false}};
    std::optional<InstructionRef> at = decode_instruction(b["instructionReference"].get<std::string>(), offset);
    if (!at || at->pc < 0) {
      entry["message"] = "not an instruction reference of glass";
    } else if (!hit_condition_valid(bp.hit_condition)) {
      entry["message"] = "invalid hit condition '" + bp.hit_condition + "'";
    } else {
      try {
        json params = {{"functionId", at->function_id()}, {"pc", at->pc}};
        std::string condition = optional_string(b, "condition");
        if (!condition.empty()) params["condition"] = condition;
        json result = cdp("Glass.setInstructionBreakpoint", params);
        bp.cdp_id = result.value("breakpointId", "");
        instruction_breakpoints_.push_back(bp);
        entry["verified"] = true;
        entry["instructionReference"] = encode_instruction(*at);
        if (result.contains("actualLocation")) {
          entry["line"] = line_out(result["actualLocation"].value("lineNumber", 0));
          entry["source"] = source_json(result["actualLocation"].value("scriptId", ""));
        }
      } catch (const DapError& e) {
        entry["message"] = e.what();
      }
    }
    out.push_back(entry);
  }
  return {{"breakpoints", out}};
}

// What a pause's hitBreakpoints mean: the DAP reason ("" when none of them
// is ours), and whether to go on because no hit condition is met yet.
std::string Adapter::stop_reason_for_hits(const json& hits, bool& resume) {
  resume = false;
  if (!hits.is_array() || hits.empty()) return "";
  std::string reason;
  bool met = false, counted = false;
  for (const json& hit : hits) {
    std::string id = hit.is_string() ? hit.get<std::string>() : "";
    bool known = false;
    for (auto& [key, list] : line_breakpoints_)
      for (LineBreakpoint& bp : list)
        if (bp.cdp_id == id) {
          known = counted = true;
          met = hit_condition_met(bp.hit_condition, ++bp.hits) || met;
          if (reason.empty()) reason = "breakpoint";
        }
    for (InstructionBreakpoint& bp : instruction_breakpoints_)
      if (bp.cdp_id == id) {
        known = counted = true;
        met = hit_condition_met(bp.hit_condition, ++bp.hits) || met;
        if (reason.empty() || reason == "breakpoint") reason = "instruction breakpoint";
      }
    if (!known && !function_breakpoints_.empty()) {  // debug(fn)'s own breakpoint
      reason = "function breakpoint";
      met = true;
    } else if (!known) {  // a removed function breakpoint not undone yet (the pause undoes it)
      counted = true;
    }
  }
  resume = counted && !met;
  return reason;
}

}  // namespace glass::dap
