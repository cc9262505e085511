// The CDP session: dispatch, events, and the Debugger and Runtime domains'
// handlers (values are in cdp_values.cpp). See cdp_session.h.
#include "inspector/cdp_session.h"

#include <unistd.h>

#include "inspector/cdp_methods.h"
#include "inspector/cdp_params.h"
#include "natives/runtime.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass::inspector {

namespace {

const char* reason_name(debug::PauseReason reason, bool uncaught_rejection) {
  switch (reason) {
    case debug::PauseReason::Start: return "Break on start";
    case debug::PauseReason::Exception: return uncaught_rejection ? "promiseRejection" : "exception";
    case debug::PauseReason::Request: return "other";
    case debug::PauseReason::Instrumentation: return "instrumentation";
    default: return "other";
  }
}

}  // namespace

// ============================================================================
// Dispatch
// ============================================================================

struct MethodTable {
  using Handler = json (CdpSession::*)(const json&);
  struct Row {
    const char* method;
    Handler handler;
  };
  static const std::vector<Row>& rows() {
    static const std::vector<Row> table = {
#define GLASS_ROW(domain, name, handler, doc) {#domain "." #name, &CdpSession::handler},
        GLASS_CDP_METHODS(GLASS_ROW)
#undef GLASS_ROW
    };
    return table;
  }
};

json CdpSession::protocol_description() {
  json domains = json::array();
  auto domain_of = [&](const std::string& name) -> json& {
    for (json& d : domains)
      if (d["domain"] == name) return d;
    domains.push_back({{"domain", name}, {"commands", json::array()}, {"events", json::array()}});
    return domains.back();
  };
#define GLASS_ROW(domain, name, handler, doc) domain_of(#domain)["commands"].push_back({{"name", #name}, {"description", doc}});
  GLASS_CDP_METHODS(GLASS_ROW)
#undef GLASS_ROW
#define GLASS_EVENT(domain, name, doc) domain_of(#domain)["events"].push_back({{"name", #name}, {"description", doc}});
  GLASS_CDP_EVENTS(GLASS_EVENT)
#undef GLASS_EVENT
  return {{"version", {{"major", "1"}, {"minor", "3"}}}, {"domains", domains}};
}

CdpSession::CdpSession(natives::Inspector& inspector, Send send)
    : inspector_(inspector), debugger_(inspector.debugger()), vm_(inspector.debugger().vm()), send_(std::move(send)) {}

void CdpSession::connected() {
  runtime_enabled_ = debugger_enabled_ = false;
  async_depth_ = 0;
  blackbox_.clear();
  exception_ids_ = 0;
}

void CdpSession::send_event(const char* method, json params) {
  send_(json{{"method", method}, {"params", std::move(params)}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

void CdpSession::send_result(const json& id, json result) {
  send_(json{{"id", id}, {"result", std::move(result)}}.dump(-1, ' ', false, json::error_handler_t::replace));
}

void CdpSession::send_error(const json& id, int code, const std::string& message) {
  send_(json{{"id", id}, {"error", {{"code", code}, {"message", message}}}}.dump(-1, ' ', false,
                                                                                   json::error_handler_t::replace));
}

// One message: parsed, checked to be a request, and handed to its method's
// handler. Whatever goes wrong is an error reply; nothing reaches the program.
void CdpSession::handle(const std::string& message) {
  json request = json::parse(message, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return send_error(nullptr, kParseError, "Message must be a valid JSON");
  if (!request.is_object() || !request.contains("id") || !request["id"].is_number_integer())
    return send_error(request.is_object() && request.contains("id") ? request["id"] : json(nullptr), kInvalidRequest,
                      "Message must have integer 'id' property");
  const json id = request["id"];
  if (!request.contains("method") || !request["method"].is_string())
    return send_error(id, kInvalidRequest, "Message must have string 'method' property");
  const std::string method = request["method"];
  json params = request.contains("params") ? request["params"] : json::object();
  if (params.is_null()) params = json::object();
  if (!params.is_object()) return send_error(id, kInvalidParams, "Invalid parameters: 'params' must be an object");
  // Between a collection's phases nothing may allocate in the heap: only
  // reading the machine, stepping the collection and resuming are served.
  static const char* const kDuringCollection[] = {"Glass.stepCollection", "Glass.getHeapGraph", "Glass.getGcHistory",
                                                  "Glass.getQueues",      "Glass.getThreadPool", "Glass.getBytecode",
                                                  "Debugger.resume"};
  if (debugger_.collecting() &&
      std::find(std::begin(kDuringCollection), std::end(kDuringCollection), method) == std::end(kDuringCollection))
    return send_error(id, kServerError, "'" + method + "' is not available while a collection is stopped between phases");
  for (const MethodTable::Row& row : MethodTable::rows()) {
    if (method != row.method) continue;
    json result;
    try {
      result = (this->*row.handler)(params);
    } catch (const CdpError& e) {
      return send_error(id, e.code, e.what());
    } catch (const json::exception& e) {
      return send_error(id, kInvalidParams, std::string("Invalid parameters: ") + e.what());
    } catch (const Thrown&) {  // JS thrown outside an evaluation (should not happen): an error, not a crash
      vm_.take_exception();
      return send_error(id, kServerError, "Internal error: an exception escaped " + method);
    }
    return send_result(id, std::move(result));
  }
  send_error(id, kMethodNotFound, "'" + method + "' wasn't found");
}

// ============================================================================
// Places: scripts, locations, breakpoint ids
// ============================================================================

const debug::Script& CdpSession::script_param(const json& params, const char* field) const {
  std::string text = string_param(params, field);
  char* end = nullptr;
  unsigned long id = std::strtoul(text.c_str(), &end, 10);
  const debug::Script* script = end && *end == '\0' ? debugger_.scripts().find(debug::ScriptId(id)) : nullptr;
  if (!script) throw CdpError(kServerError, "No script for id: " + text);
  return *script;
}

json CdpSession::location_json(const debug::Location& at) const {
  return {{"scriptId", std::to_string(at.script)},
          {"lineNumber", at.line > 0 ? at.line - 1 : 0},
          {"columnNumber", at.column > 0 ? at.column - 1 : 0}};
}

debug::Location CdpSession::location_param(const json& location) const {
  if (!location.is_object()) throw CdpError(kInvalidParams, "Invalid parameters: a location must be an object");
  const debug::Script& script = script_param(location, "scriptId");
  int64_t line = int_param(location, "lineNumber");
  int64_t column = int_param(location, "columnNumber", 0);
  if (line < 0 || column < 0) throw CdpError(kInvalidParams, "Invalid parameters: negative line or column");
  return debug::Location{script.id, uint32_t(line + 1), uint32_t(column + 1)};
}

std::string CdpSession::breakpoint_id(debug::BreakpointId id, const debug::BreakpointSpec& spec) const {
  std::string where = !spec.url.empty() ? spec.url : !spec.url_regex.empty() ? spec.url_regex : std::to_string(spec.script);
  return std::to_string(id) + ":" + std::to_string(spec.line - 1) + ":" + std::to_string(spec.column ? spec.column - 1 : 0) +
         ":" + where;
}

// ============================================================================
// Events from the core and the runtime
// ============================================================================

void CdpSession::script_parsed(const debug::Script& script) {
  for (const auto& pattern : blackbox_)
    if (RE2::PartialMatch(script.url, *pattern)) debugger_.scripts().set_blackboxed(script.id, true);
  if (!debugger_enabled_) return;
  send_event("Debugger.scriptParsed",
             {{"scriptId", std::to_string(script.id)},
              {"url", script.url},
              {"startLine", 0},
              {"startColumn", 0},
              {"endLine", script.end_line},
              {"endColumn", script.end_column},
              {"executionContextId", 1},
              {"hash", script.hash},
              {"executionContextAuxData", {{"isDefault", true}}},
              {"isLiveEdit", false},
              {"sourceMapURL", ""},
              {"hasSourceURL", false},
              {"isModule", script.is_module},
              {"length", script.source.size()},
              {"scriptLanguage", "JavaScript"},
              {"embedderName", script.url}});
}

void CdpSession::breakpoint_resolved(debug::BreakpointId id, const debug::Location& where) {
  if (!debugger_enabled_) return;
  // The id the client holds carries the spec; find it by its number.
  send_event("Debugger.breakpointResolved", {{"breakpointId", breakpoint_id(id, debugger_.breakpoint_spec(id))},
                                             {"location", location_json(where)}});
}

json CdpSession::call_frames_json(const std::vector<debug::CallFrame>& frames, bool paused_frames) {
  json out = json::array();
  for (size_t i = 0; i < frames.size(); ++i) {
    const debug::CallFrame& f = frames[i];
    const debug::Script* script = debugger_.scripts().find(f.location.script);
    json frame = {{"functionName", f.function_name},
                  {"location", location_json(f.location)},
                  {"url", script ? script->url : ""},
                  {"scopeChain", json::array()},
                  {"this", remote_object(f.this_value, "backtrace")},
                  {"canBeRestarted", false}};
    if (f.kind == debug::CallFrame::Kind::Native) {
      frame["location"] = {{"scriptId", "0"}, {"lineNumber", 0}, {"columnNumber", 0}};
      frame["url"] = "";
    } else if (const bytecode::CompiledFunction* code = debugger_.code_of(f)) {
      // Where the frame is in its bytecode (the Glass domain's names; other clients ignore them).
      if (auto ref = debugger_.function_ref(code)) frame["glassFunctionId"] = std::to_string(ref->script) + ":" + std::to_string(ref->index);
      frame["glassPc"] = debugger_.pc_of(f);
    }
    if (paused_frames) {
      std::string frame_id = std::to_string(pause_serial_) + ":" + std::to_string(i);
      frame["callFrameId"] = frame_id;
      std::vector<debug::Scope> scopes = debugger_.scopes(f);
      for (size_t n = 0; n < scopes.size(); ++n) {
        json scope = {{"type", debug::scope_type_name(scopes[n].type)},
                      {"object",
                       {{"type", "object"},
                        {"className", "Object"},
                        {"description", "Object"},
                        {"objectId", "scope:" + frame_id + ":" + std::to_string(n)}}}};
        if (!scopes[n].name.empty()) scope["name"] = scopes[n].name;
        frame["scopeChain"].push_back(std::move(scope));
      }
    }
    out.push_back(std::move(frame));
  }
  return out;
}

void CdpSession::paused(const debug::PauseInfo& pause) {
  // Stopped between a collection's phases: the same stack as the pause the
  // collection began in (describing values afresh could allocate).
  const bool collection_phase = debugger_.collecting();
  if (!collection_phase) {
    ++pause_serial_;
    frames_ = debugger_.call_frames();
    frames_json_ = call_frames_json(frames_, true);
  }
  json params = {{"callFrames", frames_json_},
                 {"reason", reason_name(pause.reason, false)},
                 {"hitBreakpoints", json::array()}};
  if (!pause.detail.empty()) {
    params["data"] = {{"glass", pause.detail}};
    if (!pause.phase.empty()) params["data"]["phase"] = pause.phase;
    if (pause.detail == "gc" && pause.phase != "before" && pause.phase != "done") params["data"]["marked"] = pause.marked;
  }
  for (debug::BreakpointId id : pause.hit_breakpoints)
    params["hitBreakpoints"].push_back(breakpoint_id(id, debugger_.breakpoint_spec(id)));
  if (pause.reason == debug::PauseReason::Exception) {
    params["data"] = remote_object(pause.exception, "backtrace");
    params["data"]["uncaught"] = pause.uncaught;
  }
  if (async_depth_ > 0 && !frames_.empty() && !collection_phase) {
    // The await chain: the async functions waiting on the one running.
    for (const debug::CallFrame& f : frames_) {
      if (f.kind != debug::CallFrame::Kind::Js) continue;
      std::vector<debug::CallFrame> parents = debugger_.async_parents(f);
      if (parents.empty()) break;
      if (int(parents.size()) > async_depth_) parents.resize(size_t(async_depth_));
      params["asyncStackTrace"] = {{"description", "await"}, {"callFrames", call_frames_json(parents, false)}};
      for (json& frame : params["asyncStackTrace"]["callFrames"]) {
        // A StackTrace's frames are Runtime.CallFrame: flat positions.
        json loc = frame["location"];
        frame = {{"functionName", frame["functionName"]},
                 {"scriptId", loc["scriptId"]},
                 {"url", frame["url"]},
                 {"lineNumber", loc["lineNumber"]},
                 {"columnNumber", loc["columnNumber"]}};
      }
      break;
    }
  }
  send_event("Debugger.paused", std::move(params));
}

void CdpSession::resumed() {
  frames_.clear();
  if (debugger_enabled_) send_event("Debugger.resumed", json::object());
}

void CdpSession::console_called(std::string_view type, std::span<const Value> args) {
  if (!runtime_enabled_) return;
  std::string kind(type);
  if (kind == "warn") kind = "warning";
  json values = json::array();
  for (Value v : args) values.push_back(remote_object(v, "console", false, true));
  // The stack from the caller of console.log (the console method itself is not in it).
  std::vector<debug::CallFrame> frames = debugger_.call_frames();
  while (!frames.empty() && frames.front().kind == debug::CallFrame::Kind::Native) frames.erase(frames.begin());
  json stack = {{"callFrames", call_frames_json(frames, false)}};
  for (json& frame : stack["callFrames"]) {
    json loc = frame["location"];
    frame = {{"functionName", frame["functionName"]},
             {"scriptId", loc["scriptId"]},
             {"url", frame["url"]},
             {"lineNumber", loc["lineNumber"]},
             {"columnNumber", loc["columnNumber"]}};
  }
  send_event("Runtime.consoleAPICalled", {{"type", kind},
                                          {"args", std::move(values)},
                                          {"executionContextId", 1},
                                          {"timestamp", double(std::time(nullptr)) * 1000.0},
                                          {"stackTrace", std::move(stack)}});
}

void CdpSession::exception_thrown(Value error) {
  if (!runtime_enabled_) return;
  RootedValue e(vm_.heap(), error);
  send_event("Runtime.exceptionThrown", {{"timestamp", double(std::time(nullptr)) * 1000.0},
                                         {"exceptionDetails", exception_details(e, "Uncaught")}});
}

void CdpSession::context_destroyed() {
  if (runtime_enabled_) send_event("Runtime.executionContextDestroyed", {{"executionContextId", 1}, {"executionContextUniqueId", "1"}});
}

// ============================================================================
// Runtime
// ============================================================================

json CdpSession::runtime_enable(const json&) {
  if (!runtime_enabled_) {
    runtime_enabled_ = true;
    send_event("Runtime.executionContextCreated",
               {{"context",
                 {{"id", 1},
                  {"origin", ""},
                  {"name", "glass[" + std::to_string(::getpid()) + "]"},
                  {"uniqueId", "1"},
                  {"auxData", {{"isDefault", true}}}}}});
  }
  return json::object();
}

json CdpSession::runtime_disable(const json&) {
  runtime_enabled_ = false;
  return json::object();
}

json CdpSession::runtime_run_if_waiting(const json&) {
  inspector_.run_if_waiting();
  return json::object();
}

json CdpSession::runtime_get_isolate_id(const json&) { return {{"id", "glass-" + std::to_string(::getpid())}}; }

json CdpSession::runtime_get_heap_usage(const json&) {
  const gc::HeapStats& stats = vm_.heap().stats();
  return {{"usedSize", stats.live_bytes}, {"totalSize", stats.live_bytes + stats.bytes_since_collect}};
}

json CdpSession::runtime_global_lexical_scope_names(const json&) {
  json names = json::array();
  Object* lexicals = vm_.global_lexicals();
  if (lexicals)
    for (PropertyKey key : own_property_keys(vm_, lexicals))
      if (!key.is_index() && is_string(key.cell)) names.push_back(static_cast<String*>(key.cell)->to_utf8());
  return {{"names", names}};
}

json CdpSession::runtime_compile_script(const json& params) {
  std::string expression = string_param(params, "expression");
  debug::Completion c = debugger_.evaluate_global("(function(){\n" + expression + "\n})");  // parses, runs nothing
  if (c.threw) return {{"exceptionDetails", exception_details(c.value, "Uncaught")}};
  return json::object();
}

json CdpSession::evaluation_result(const debug::Completion& c, const json& params) {
  RootedValue v(vm_.heap(), c.value);
  std::string group = params.value("objectGroup", std::string("console"));
  bool by_value = bool_param(params, "returnByValue");
  bool preview = bool_param(params, "generatePreview");
  json out = {{"result", remote_object(v, group, by_value && !c.threw, preview)}};
  if (c.threw) out["exceptionDetails"] = exception_details(v, "Uncaught");
  return out;
}

json CdpSession::runtime_evaluate(const json& params) {
  std::string expression = string_param(params, "expression");
  json result;
  if (bool_param(params, "includeCommandLineAPI") && command_line_api(expression, nullptr, result)) return result;
  return evaluation_result(debugger_.evaluate_global(expression), params);
}

json CdpSession::runtime_call_function_on(const json& params) {
  std::string declaration = string_param(params, "functionDeclaration");
  RootedValue self(vm_.heap(), params.contains("objectId") ? object_param(params) : Value::undefined());
  debug::Completion fn = debugger_.evaluate_global("(" + declaration + "\n)");
  if (fn.threw) return evaluation_result(fn, params);
  RootedValue function(vm_.heap(), fn.value);
  if (!is_callable(function)) throw CdpError(kServerError, "Given expression does not evaluate to a function");
  ValueVector args(vm_.heap());
  if (params.contains("arguments")) {
    if (!params["arguments"].is_array()) throw CdpError(kInvalidParams, "Invalid parameters: 'arguments' must be an array");
    for (const json& a : params["arguments"]) args.values.push_back(argument_value(a));
  }
  return evaluation_result(debugger_.call_function(function, self, args.values), params);
}

json CdpSession::runtime_get_properties(const json& params) {
  std::string id = string_param(params, "objectId");
  if (id.starts_with("scope:")) return {{"result", scope_properties(id)}};
  RootedValue v(vm_.heap(), object_param(params));
  json internal = json::array(), private_properties = json::array();
  json result = properties_of(v, bool_param(params, "ownProperties"), bool_param(params, "accessorPropertiesOnly"),
                              bool_param(params, "generatePreview"), internal, private_properties);
  json out = {{"result", std::move(result)}};
  if (!internal.empty()) out["internalProperties"] = std::move(internal);
  if (!private_properties.empty()) out["privateProperties"] = std::move(private_properties);
  return out;
}

json CdpSession::runtime_release_object(const json& params) {
  std::string id = string_param(params, "objectId");
  if (id.starts_with("h")) debugger_.handles().release(std::strtoull(id.c_str() + 1, nullptr, 10));
  return json::object();
}

json CdpSession::runtime_release_object_group(const json& params) {
  debugger_.handles().release_group(string_param(params, "objectGroup"));
  return json::object();
}

json CdpSession::heap_profiler_collect_garbage(const json&) {
  vm_.heap().collect();
  return json::object();
}

// ============================================================================
// Debugger
// ============================================================================

json CdpSession::debugger_enable(const json&) {
  bool first = !debugger_enabled_;
  debugger_enabled_ = true;
  if (first)
    for (const auto& script : debugger_.scripts().all()) script_parsed(*script);
  return {{"debuggerId", "glass-" + std::to_string(::getpid())}};
}

json CdpSession::debugger_disable(const json&) {
  debugger_enabled_ = false;
  debugger_.remove_all_breakpoints();
  debugger_.set_pause_on_exceptions(debug::PauseOnExceptions::None);
  if (debugger_.paused()) debugger_.resume();
  return json::object();
}

json CdpSession::debugger_get_script_source(const json& params) {
  return {{"scriptSource", script_param(params, "scriptId").source}};
}

json CdpSession::debugger_set_breakpoint_by_url(const json& params) {
  debug::BreakpointSpec spec;
  spec.url = string_param(params, "url", false);
  spec.url_regex = string_param(params, "urlRegex", false);
  if (spec.url.empty() && spec.url_regex.empty()) throw CdpError(kInvalidParams, "Either url or urlRegex must be specified.");
  if (!spec.url_regex.empty() && !RE2(spec.url_regex, RE2::Quiet).ok())
    throw CdpError(kServerError, "Incorrect urlRegex: " + spec.url_regex);
  int64_t line = int_param(params, "lineNumber");
  int64_t column = int_param(params, "columnNumber", 0);
  if (line < 0 || column < 0) throw CdpError(kInvalidParams, "Invalid parameters: negative line or column");
  spec.line = uint32_t(line + 1);
  spec.column = uint32_t(column + 1);
  spec.condition = string_param(params, "condition", false);
  std::vector<debug::Location> resolved;
  debug::BreakpointId id = debugger_.set_breakpoint(spec, &resolved);
  json locations = json::array();
  for (const debug::Location& at : resolved) locations.push_back(location_json(at));
  return {{"breakpointId", breakpoint_id(id, spec)}, {"locations", locations}};
}

json CdpSession::debugger_set_breakpoint(const json& params) {
  if (!params.contains("location")) throw CdpError(kInvalidParams, "Invalid parameters: missing 'location'");
  debug::Location at = location_param(params["location"]);
  debug::BreakpointSpec spec;
  spec.script = at.script;
  spec.line = at.line;
  spec.column = at.column;
  spec.condition = string_param(params, "condition", false);
  std::vector<debug::Location> resolved;
  debug::BreakpointId id = debugger_.set_breakpoint(spec, &resolved);
  if (resolved.empty()) {
    debugger_.remove_breakpoint(id);
    throw CdpError(kServerError, "Could not resolve breakpoint");
  }
  return {{"breakpointId", breakpoint_id(id, spec)}, {"actualLocation", location_json(resolved.front())}};
}

json CdpSession::debugger_remove_breakpoint(const json& params) {
  std::string id = string_param(params, "breakpointId");
  debugger_.remove_breakpoint(debug::BreakpointId(std::strtoul(id.c_str(), nullptr, 10)));
  return json::object();
}

json CdpSession::debugger_get_possible_breakpoints(const json& params) {
  if (!params.contains("start")) throw CdpError(kInvalidParams, "Invalid parameters: missing 'start'");
  debug::Location from = location_param(params["start"]);
  debug::Location to{from.script, 0, 0};
  if (params.contains("end")) to = location_param(params["end"]);
  json locations = json::array();
  for (const debug::Location& at : debugger_.possible_breakpoints(from.script, from, to)) {
    json loc = location_json(at);
    loc["type"] = "call";
    locations.push_back(std::move(loc));
  }
  return {{"locations", locations}};
}

json CdpSession::debugger_set_breakpoints_active(const json& params) {
  if (!params.contains("active") || !params["active"].is_boolean())
    throw CdpError(kInvalidParams, "Invalid parameters: 'active' must be a boolean");
  debugger_.set_breakpoints_active(params["active"].get<bool>());
  return json::object();
}

json CdpSession::debugger_set_skip_all_pauses(const json& params) {
  if (!params.contains("skip") || !params["skip"].is_boolean())
    throw CdpError(kInvalidParams, "Invalid parameters: 'skip' must be a boolean");
  debugger_.set_skip_all_pauses(params["skip"].get<bool>());
  return json::object();
}

json CdpSession::debugger_continue_to_location(const json& params) {
  if (!debugger_.paused()) throw CdpError(kServerError, "Can only perform operation while paused.");
  if (!params.contains("location")) throw CdpError(kInvalidParams, "Invalid parameters: missing 'location'");
  debug::Location at = location_param(params["location"]);
  if (!debugger_.continue_to(at)) throw CdpError(kServerError, "Cannot continue to specified location");
  return json::object();
}

json CdpSession::debugger_pause(const json&) {
  if (!debugger_.paused()) debugger_.request_pause();
  return json::object();
}

namespace {
void require_paused(const debug::Debugger& d) {
  if (!d.paused()) throw CdpError(kServerError, "Can only perform operation while paused.");
}
}  // namespace

json CdpSession::debugger_resume(const json&) {
  require_paused(debugger_);
  debugger_.resume();
  return json::object();
}

json CdpSession::debugger_step_over(const json&) {
  require_paused(debugger_);
  debugger_.step(debug::StepKind::Over);
  return json::object();
}

json CdpSession::debugger_step_into(const json&) {
  require_paused(debugger_);
  debugger_.step(debug::StepKind::Into);
  return json::object();
}

json CdpSession::debugger_step_out(const json&) {
  require_paused(debugger_);
  debugger_.step(debug::StepKind::Out);
  return json::object();
}

const debug::CallFrame& CdpSession::frame_param(const json& params) {
  std::string id = string_param(params, "callFrameId");
  std::string prefix = std::to_string(pause_serial_) + ":";
  if (!debugger_.paused() || !id.starts_with(prefix)) throw CdpError(kServerError, "Invalid call frame id");
  char* end = nullptr;
  unsigned long index = std::strtoul(id.c_str() + prefix.size(), &end, 10);
  if (!end || *end != '\0' || index >= frames_.size()) throw CdpError(kServerError, "Invalid call frame id");
  return frames_[index];
}

json CdpSession::debugger_evaluate_on_call_frame(const json& params) {
  const debug::CallFrame& frame = frame_param(params);
  std::string expression = string_param(params, "expression");
  json result;
  if (bool_param(params, "includeCommandLineAPI") && command_line_api(expression, &frame, result)) return result;
  return evaluation_result(debugger_.evaluate_on_frame(frame, expression), params);
}

json CdpSession::debugger_set_pause_on_exceptions(const json& params) {
  std::string state = string_param(params, "state");
  if (state == "none") debugger_.set_pause_on_exceptions(debug::PauseOnExceptions::None);
  else if (state == "uncaught") debugger_.set_pause_on_exceptions(debug::PauseOnExceptions::Uncaught);
  else if (state == "all" || state == "caught") debugger_.set_pause_on_exceptions(debug::PauseOnExceptions::All);
  else throw CdpError(kInvalidParams, "Unknown pause on exceptions mode: " + state);
  return json::object();
}

json CdpSession::debugger_set_variable_value(const json& params) {
  const debug::CallFrame& frame = frame_param(params);
  int64_t scope = int_param(params, "scopeNumber");
  std::string name = string_param(params, "variableName");
  if (!params.contains("newValue")) throw CdpError(kInvalidParams, "Invalid parameters: missing 'newValue'");
  RootedValue value(vm_.heap(), argument_value(params["newValue"]));
  if (scope < 0 || !debugger_.set_variable(frame, size_t(scope), name, value))
    throw CdpError(kServerError, "Could not set variable '" + name + "' in scope " + std::to_string(scope));
  return json::object();
}

json CdpSession::debugger_set_async_call_stack_depth(const json& params) {
  int64_t depth = int_param(params, "maxDepth");
  if (depth < 0) throw CdpError(kInvalidParams, "Invalid parameters: negative maxDepth");
  async_depth_ = int(std::min<int64_t>(depth, 1000));
  return json::object();
}

json CdpSession::debugger_set_blackbox_patterns(const json& params) {
  if (!params.contains("patterns") || !params["patterns"].is_array())
    throw CdpError(kInvalidParams, "Invalid parameters: 'patterns' must be an array");
  std::vector<std::unique_ptr<RE2>> patterns;
  for (const json& p : params["patterns"]) {
    if (!p.is_string()) throw CdpError(kInvalidParams, "Invalid parameters: each pattern must be a string");
    auto pattern = std::make_unique<RE2>(p.get<std::string>(), RE2::Quiet);
    if (!pattern->ok()) throw CdpError(kServerError, "Pattern parser error: " + p.get<std::string>());
    patterns.push_back(std::move(pattern));
  }
  blackbox_ = std::move(patterns);
  for (const auto& script : debugger_.scripts().all()) {
    bool hidden = false;
    for (const auto& pattern : blackbox_) hidden = hidden || RE2::PartialMatch(script->url, *pattern);
    debugger_.scripts().set_blackboxed(script->id, hidden);
  }
  return json::object();
}

// `debug(f)` pauses whenever f is called (a breakpoint at its first
// statement), `undebug(f)` stops that: the command-line API's part that
// `node inspect`'s sb('f()') uses.
bool CdpSession::command_line_api(const std::string& expression, const debug::CallFrame* frame, json& result) {
  bool set = expression.starts_with("debug(");
  bool unset = expression.starts_with("undebug(");
  if ((!set && !unset) || !expression.ends_with(")")) return false;
  size_t open = expression.find('(');
  std::string argument = expression.substr(open + 1, expression.size() - open - 2);
  debug::Completion c = frame ? debugger_.evaluate_on_frame(*frame, argument) : debugger_.evaluate_global(argument);
  RootedValue fn(vm_.heap(), c.value);
  if (c.threw) {
    result = evaluation_result(c, json::object());
    return true;
  }
  if (!debugger_.set_function_breakpoint(fn, set)) {
    RootedValue error(vm_.heap(), object_value(vm_.make_error(ErrorType::TypeError, "argument must be a function")));
    result = evaluation_result(debug::Completion{error, true}, json::object());
    return true;
  }
  result = {{"result", {{"type", "undefined"}}}};
  return true;
}

}  // namespace glass::inspector
