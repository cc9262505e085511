// Pauses and what can be looked at while paused: the stopped event, stack
// frames, scopes, variables (paged), evaluate, setVariable, exception info,
// and sources.
//
// Ids: a frame id is valid for the pause that made it (frame_base_ + index);
// a variablesReference until the program resumes. Both keep counting up, so
// an old id is refused rather than taken for a new one.
#include <cctype>
#include <filesystem>
#include <re2/re2.h>

#include "dap/adapter.h"
#include "dap/instruction_ref.h"
#include "inspect/format.h"

namespace glass::dap {

namespace {

bool is_native(const json& frame) { return frame["location"].value("scriptId", "0") == "0"; }

// One line of a value for a variables view.
std::string value_text(const json& remote) {
  std::string text = inspect::format_value(remote);
  if (remote.value("subtype", "") == "error") text = text.substr(0, text.find('\n'));
  return text;
}

std::string type_of(const json& remote) {
  std::string type = remote.value("type", "undefined");
  if (type == "object" && remote.contains("className") && remote.value("subtype", "") != "null")
    return remote["className"].get<std::string>();
  return type;
}

bool is_index(const std::string& name) {
  return !name.empty() && name.size() < 11 && name.find_first_not_of("0123456789") == std::string::npos &&
         (name == "0" || name[0] != '0');
}

std::string member_expression(const std::string& object, const std::string& name) {
  if (object.empty()) return "";
  static const RE2 identifier(R"([A-Za-z_$][A-Za-z0-9_$]*)");
  if (is_index(name)) return object + "[" + name + "]";
  if (RE2::FullMatch(name, identifier)) return object + "." + name;
  return object + "[" + json(name).dump() + "]";
}

// A RemoteObject as a Runtime.CallArgument.
json call_argument(const json& remote) {
  if (remote.contains("objectId")) return {{"objectId", remote["objectId"]}};
  if (remote.contains("unserializableValue")) return {{"unserializableValue", remote["unserializableValue"]}};
  if (remote.contains("value")) return {{"value", remote["value"]}};
  return json::object();  // undefined
}

}  // namespace

// ============================================================================
// Pauses
// ============================================================================

// The pause's frames become the ones requests look at; their ids are new.
void Adapter::record_pause(const json& params) {
  drain_program_output();
  paused_ = true;
  refs_.clear();
  frames_ = params.value("callFrames", json::array());
  pause_params_ = params;
  frame_base_ = next_frame_id_;
  next_frame_id_ += int(frames_.size()) + 1;
}

void Adapter::handle_paused(const json& params) {
  record_pause(params);
  bool resume = false;
  std::string reason = stop_reason_for_hits(params.value("hitBreakpoints", json::array()), resume);
  if (!function_breakpoints_.empty() || !stale_function_breakpoints_.empty()) resolve_function_breakpoints();
  if (resume) return resume_silently();
  stopped(reason, params, dap_ids_of(params.value("hitBreakpoints", json::array())));
}

json Adapter::dap_ids_of(const json& cdp_ids) const {
  json ids = json::array();
  for (const json& hit : cdp_ids) {
    for (const auto& [key, list] : line_breakpoints_)
      for (const LineBreakpoint& bp : list)
        if (hit == bp.cdp_id) ids.push_back(bp.dap_id);
    for (const InstructionBreakpoint& bp : instruction_breakpoints_)
      if (hit == bp.cdp_id) ids.push_back(bp.dap_id);
  }
  return ids;
}

// The `stopped` event: `reason` from the breakpoints hit, else from the pause.
void Adapter::stopped(std::string reason, const json& params, const json& hit_ids) {
  std::string cdp_reason = params.value("reason", "other");
  const json& data = params.value("data", json::object());
  json body = {{"threadId", 1}, {"allThreadsStopped", true}};
  if (cdp_reason == "exception" || cdp_reason == "promiseRejection") {
    reason = "exception";
    body["description"] = data.value("uncaught", false) ? "Paused on uncaught exception" : "Paused on exception";
    body["text"] = value_text(data);
  } else if (reason.empty() && data.is_object() && data.value("glass", "") == "instruction") {
    reason = "step";
  } else if (reason.empty() && cdp_reason == "Break on start") {
    reason = "entry";
  } else if (reason.empty()) {
    reason = pending_reason_.empty() ? "pause" : pending_reason_;
  }
  if (!hit_ids.empty()) body["hitBreakpointIds"] = hit_ids;
  body["reason"] = reason;
  pending_reason_.clear();
  send_event("stopped", std::move(body));
}

const json& Adapter::frame_for(const json& args, bool required) const {
  static const json none;
  if (!args.contains("frameId") || args["frameId"].is_null()) {
    if (required) throw DapError("\"frameId\" is required");
    return none;
  }
  if (!args["frameId"].is_number_integer()) throw DapError("\"frameId\" must be an integer");
  int64_t id = args["frameId"].get<int64_t>();
  if (!paused_ || id < frame_base_ || id >= frame_base_ + int64_t(frames_.size()))
    throw DapError("no frame " + std::to_string(id) + " (frames are valid while the pause that listed them lasts)");
  return frames_[size_t(id - frame_base_)];
}

json Adapter::source_json(const std::string& script_id) const {
  auto it = scripts_.find(script_id);
  std::string url = it == scripts_.end() ? "" : it->second.url;
  if (url.starts_with("file://")) {
    std::string path = inspect::file_path(url);
    return {{"name", std::filesystem::path(path).filename().string()}, {"path", path}};
  }
  json source = {{"name", url.empty() ? "<eval " + script_id + ">" : url},
                 {"sourceReference", std::atoi(script_id.c_str())}};
  if (url.starts_with("node:")) source["presentationHint"] = "deemphasize";
  return source;
}

// ============================================================================
// Frames and scopes
// ============================================================================

json Adapter::on_stack_trace(const json& args) {
  require_paused();
  size_t start = args.contains("startFrame") && args["startFrame"].is_number_unsigned() ? args["startFrame"].get<size_t>() : 0;
  size_t levels = args.contains("levels") && args["levels"].is_number_unsigned() ? args["levels"].get<size_t>() : 0;
  json out = json::array();
  for (size_t i = start; i < frames_.size() && (levels == 0 || out.size() < levels); ++i) {
    const json& f = frames_[i];
    std::string name = f.value("functionName", "");
    json frame = {{"id", frame_base_ + int(i)}, {"name", name.empty() ? "(anonymous)" : name}};
    if (is_native(f)) {
      frame["line"] = 0;
      frame["column"] = 0;
      frame["presentationHint"] = "label";
    } else {
      frame["source"] = source_json(f["location"].value("scriptId", ""));
      frame["line"] = line_out(f["location"].value("lineNumber", 0));
      frame["column"] = column_out(f["location"].value("columnNumber", 0));
    }
    if (f.contains("glassFunctionId") && f.contains("glassPc"))
      if (std::optional<InstructionRef> at = instruction_at(f["glassFunctionId"].get<std::string>(), f["glassPc"].get<int64_t>()))
        frame["instructionPointerReference"] = encode_instruction(*at);
    out.push_back(std::move(frame));
  }
  return {{"stackFrames", out}, {"totalFrames", frames_.size()}};
}

int Adapter::add_ref(Ref ref) {
  int id = next_ref_++;
  refs_[id] = std::move(ref);
  return id;
}

const Adapter::Ref& Adapter::ref(const json& args, const char* field) const {
  if (!args.contains(field) || !args[field].is_number_integer()) throw DapError(std::string("\"") + field + "\" (an integer) is required");
  auto it = refs_.find(args[field].get<int>());
  if (it == refs_.end())
    throw DapError("no variablesReference " + std::to_string(args[field].get<int64_t>()) +
                   " (references are valid until the program resumes)");
  return it->second;
}

json Adapter::on_scopes(const json& args) {
  require_paused();
  const json& frame = frame_for(args, true);
  json out = json::array();
  int number = 0;
  for (const json& scope : frame.value("scopeChain", json::array())) {
    std::string type = scope.value("type", "local");
    std::string title = std::string(1, char(std::toupper(static_cast<unsigned char>(type[0])))) + type.substr(1);
    if (scope.contains("name")) title += " (" + scope["name"].get<std::string>() + ")";
    Ref r{Ref::Kind::Scope, scope["object"].value("objectId", ""), frame.value("callFrameId", ""), number++, ""};
    json entry = {{"name", title}, {"variablesReference", add_ref(r)}, {"expensive", type == "global"}};
    if (type == "local") entry["presentationHint"] = "locals";
    out.push_back(std::move(entry));
  }
  if (frame.contains("glassFunctionId")) {  // the frame's registers, from Glass.getRegisters
    Ref r{Ref::Kind::Registers, "", frame.value("callFrameId", ""), 0, ""};
    out.push_back({{"name", "Registers"}, {"presentationHint", "registers"}, {"variablesReference", add_ref(r)}, {"expensive", false}});
  }
  return {{"scopes", out}};
}

// ============================================================================
// Variables
// ============================================================================

json Adapter::variable_json(const std::string& name, const json& remote, const std::string& evaluate_name) {
  json v = {{"name", name}, {"value", value_text(remote)}, {"type", type_of(remote)}, {"variablesReference", 0}};
  if (!evaluate_name.empty()) v["evaluateName"] = evaluate_name;
  if (remote.contains("objectId") && remote.value("subtype", "") != "null") {
    v["variablesReference"] = add_ref(Ref{Ref::Kind::Object, remote["objectId"], "", 0, evaluate_name});
    std::string subtype = remote.value("subtype", "");
    static const RE2 length(R"(\((\d+)\))");
    int count = 0;
    if ((subtype == "array" || subtype == "typedarray") && RE2::PartialMatch(remote.value("description", ""), length, &count))
      v["indexedVariables"] = count;
  }
  return v;
}

json Adapter::on_variables(const json& args) {
  require_program();
  const Ref r = ref(args, "variablesReference");
  std::string filter = args.contains("filter") && args["filter"].is_string() ? args["filter"].get<std::string>() : "";
  if (!filter.empty() && filter != "indexed" && filter != "named") throw DapError("variables: \"filter\" is indexed or named");
  size_t start = args.contains("start") && args["start"].is_number_unsigned() ? args["start"].get<size_t>() : 0;
  size_t count = args.contains("count") && args["count"].is_number_unsigned() ? args["count"].get<size_t>() : 0;
  // Every candidate first (name and value), then the page of them.
  std::vector<std::pair<std::string, json>> all;
  if (r.kind == Ref::Kind::Registers) {
    json result = cdp("Glass.getRegisters", {{"callFrameId", r.call_frame_id}});
    for (const json& reg : result.value("registers", json::array())) {
      std::string name = "r" + std::to_string(reg.value("index", 0));
      if (reg.contains("name")) name += " (" + reg["name"].get<std::string>() + ")";
      json value = reg.value("value", json{{"type", "undefined"}});
      if (reg.value("uninitialized", false)) value = {{"type", "undefined"}, {"description", "<uninitialized>"}};
      all.emplace_back(name, value);
    }
  } else {
    json result = cdp("Runtime.getProperties", {{"objectId", r.object_id}, {"ownProperties", true}, {"generatePreview", true}});
    for (const json& p : result.value("result", json::array())) {
      json value = p.contains("value") ? p["value"]
                                       : json{{"type", "undefined"}, {"description", "[Getter/Setter]"}};
      all.emplace_back(p.value("name", ""), value);
    }
    if (r.kind == Ref::Kind::Object)
      for (const json& p : result.value("internalProperties", json::array()))
        if (p.contains("value") && p["value"].contains("type")) all.emplace_back(p.value("name", ""), p["value"]);
  }
  std::vector<std::pair<std::string, json>> chosen;
  for (auto& entry : all) {
    bool index = is_index(entry.first);
    if (filter.empty() || (filter == "indexed") == index) chosen.push_back(std::move(entry));
  }
  json out = json::array();
  for (size_t i = start; i < chosen.size() && (count == 0 || out.size() < count); ++i) {
    const auto& [name, value] = chosen[i];
    std::string evaluate_name = r.kind == Ref::Kind::Scope ? name
                                : r.kind == Ref::Kind::Object && !name.starts_with("[[") ? member_expression(r.evaluate_name, name)
                                                                                           : "";
    out.push_back(variable_json(name, value, evaluate_name));
  }
  return {{"variables", out}};
}

// Evaluates in a paused frame (call_frame_id) or globally; the CDP result.
json Adapter::evaluate_remote(const std::string& expression, const std::string& call_frame_id, bool silent) {
  json params = {{"expression", expression}, {"objectGroup", "dap"}, {"generatePreview", true},
                 {"includeCommandLineAPI", true}, {"silent", silent}};
  if (!call_frame_id.empty()) {
    params["callFrameId"] = call_frame_id;
    return cdp("Debugger.evaluateOnCallFrame", params);
  }
  return cdp("Runtime.evaluate", params);
}

json Adapter::on_evaluate(const json& args) {
  require_program();
  if (!args.contains("expression") || !args["expression"].is_string()) throw DapError("evaluate: \"expression\" is required");
  const json& frame = frame_for(args, false);
  std::string context = args.contains("context") && args["context"].is_string() ? args["context"].get<std::string>() : "repl";
  json r = evaluate_remote(args["expression"], frame.is_object() ? frame.value("callFrameId", "") : "", context != "repl");
  const json& result = r.value("result", json{{"type", "undefined"}});
  if (r.contains("exceptionDetails")) {
    std::string text = inspect::format_value(result);
    throw DapError("Uncaught " + text.substr(0, text.find('\n')));
  }
  json v = variable_json("", result, frame.is_object() ? args["expression"].get<std::string>() : "");
  json body = {{"result", context == "repl" ? json(inspect::format_value(result)) : v["value"]},
               {"type", v["type"]},
               {"variablesReference", v["variablesReference"]}};
  if (v.contains("indexedVariables")) body["indexedVariables"] = v["indexedVariables"];
  return body;
}

json Adapter::on_set_variable(const json& args) {
  require_paused();
  const Ref r = ref(args, "variablesReference");
  if (!args.contains("name") || !args["name"].is_string()) throw DapError("setVariable: \"name\" is required");
  if (!args.contains("value") || !args["value"].is_string()) throw DapError("setVariable: \"value\" (an expression) is required");
  std::string name = args["name"], expression = args["value"];
  if (r.kind == Ref::Kind::Registers) throw DapError("setVariable: registers are read-only; set the variable in its scope");
  // The new value, computed where the variable is seen.
  std::string frame_id = r.call_frame_id.empty() && !frames_.empty() ? frames_[0].value("callFrameId", "") : r.call_frame_id;
  json computed = evaluate_remote(expression, frame_id, true);
  if (computed.contains("exceptionDetails")) {
    std::string text = inspect::format_value(computed["result"]);
    throw DapError("Uncaught " + text.substr(0, text.find('\n')));
  }
  json value = computed["result"];
  if (r.kind == Ref::Kind::Scope) {
    cdp("Debugger.setVariableValue", {{"scopeNumber", r.scope_number},
                                      {"variableName", name},
                                      {"newValue", call_argument(value)},
                                      {"callFrameId", r.call_frame_id}});
  } else {
    json set = cdp("Runtime.callFunctionOn",
                   {{"objectId", r.object_id},
                    {"functionDeclaration", "function (name, value) { this[name] = value; return this[name]; }"},
                    {"arguments", json::array({{{"value", name}}, call_argument(value)})},
                    {"generatePreview", true}});
    if (set.contains("exceptionDetails")) throw DapError("setVariable: " + value_text(set["result"]));
    value = set["result"];
  }
  json v = variable_json(name, value, "");
  return {{"value", v["value"]}, {"type", v["type"]}, {"variablesReference", v["variablesReference"]}};
}

json Adapter::on_exception_info(const json&) {
  require_paused();
  std::string reason = pause_params_.value("reason", "");
  if (reason != "exception" && reason != "promiseRejection") throw DapError("exceptionInfo: the program did not stop on an exception");
  const json& data = pause_params_.value("data", json::object());
  std::string description = inspect::format_value(data);
  return {{"exceptionId", data.value("className", type_of(data))},
          {"description", description.substr(0, description.find('\n'))},
          {"breakMode", data.value("uncaught", false) ? "unhandled" : "always"},
          {"details", {{"message", description}, {"typeName", data.value("className", "")}, {"stackTrace", description}}}};
}

// ============================================================================
// Sources
// ============================================================================

json Adapter::on_loaded_sources(const json&) {
  require_program();
  json out = json::array();
  for (const auto& [id, script] : scripts_) out.push_back(source_json(id));
  return {{"sources", out}};
}

json Adapter::on_source(const json& args) {
  require_program();
  int64_t reference = 0;
  if (args.contains("source") && args["source"].is_object() && args["source"].contains("sourceReference") &&
      args["source"]["sourceReference"].is_number_integer())
    reference = args["source"]["sourceReference"].get<int64_t>();
  if (reference == 0 && args.contains("sourceReference") && args["sourceReference"].is_number_integer())
    reference = args["sourceReference"].get<int64_t>();
  std::string script_id = std::to_string(reference);
  if (reference == 0 && args.contains("source") && args["source"].is_object() && args["source"].contains("path"))
    for (const auto& [id, script] : scripts_)
      if (inspect::file_path(script.url) == args["source"].value("path", "")) script_id = id;
  if (!scripts_.contains(script_id)) throw DapError("source: no such source");
  json r = cdp("Debugger.getScriptSource", {{"scriptId", script_id}});
  return {{"content", r.value("scriptSource", "")}, {"mimeType", "text/javascript"}};
}

}  // namespace glass::dap
