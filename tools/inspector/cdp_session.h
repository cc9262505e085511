// CdpSession: the Chrome DevTools Protocol on top of the debugger core — the
// protocol `node inspect`, Chrome DevTools and chrome-remote-interface
// speak. It turns JSON-RPC messages into calls on debug::Debugger (and the
// Inspector that joins it to the runtime), and the core's events into CDP
// events. Every method it serves is a row of cdp_methods.h.
//
// Everything here runs on the JS thread (natives/inspector.h says when);
// `send` hands a finished message to the server's thread.
//
// Names the client holds:
//   objectId     "h<N>": a debug::HandleTable handle (a value kept alive
//                until released; the group "backtrace" goes at resume)
//                "scope:<pause>:<frame>:<n>": scope n of a paused frame
//   callFrameId  "<pause>:<frame>": frame of the pause numbered <pause>
//   breakpointId "<N>:<line>:<column>:<url>" (V8's shape; N is the core's id)
//   scriptId     the core's ScriptId in decimal
#pragma once
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <stdexcept>
#include <string>
#include <vector>

#include "natives/inspector.h"

namespace glass::inspector {

using json = nlohmann::json;

// A request that cannot be served: answered with a JSON-RPC error.
struct CdpError : std::runtime_error {
  int code;
  CdpError(int c, const std::string& message) : std::runtime_error(message), code(c) {}
};
inline constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
                     kServerError = -32000;

class CdpSession final : public natives::InspectorSession {
 public:
  using Send = std::function<void(std::string)>;
  CdpSession(natives::Inspector& inspector, Send send);

  // The description `/json/protocol` serves: every domain, method and event we have.
  static json protocol_description();

  // ---- natives::InspectorSession ----
  void connected() override;
  void handle(const std::string& message) override;
  void script_parsed(const debug::Script& script) override;
  void breakpoint_resolved(debug::BreakpointId id, const debug::Location& where) override;
  void paused(const debug::PauseInfo& pause) override;
  void resumed() override;
  void console_called(std::string_view type, std::span<const Value> args) override;
  void exception_thrown(Value error) override;
  void context_destroyed() override;

 private:
  friend struct MethodTable;
  // ---- the handlers (one per row of cdp_methods.h) ----
  json acknowledge(const json&) { return json::object(); }
  json runtime_enable(const json&);
  json runtime_disable(const json&);
  json runtime_run_if_waiting(const json&);
  json runtime_evaluate(const json&);
  json runtime_call_function_on(const json&);
  json runtime_get_properties(const json&);
  json runtime_release_object(const json&);
  json runtime_release_object_group(const json&);
  json runtime_get_isolate_id(const json&);
  json runtime_get_heap_usage(const json&);
  json runtime_global_lexical_scope_names(const json&);
  json runtime_compile_script(const json&);
  json runtime_discard_console_entries(const json&) { return json::object(); }
  json debugger_enable(const json&);
  json debugger_disable(const json&);
  json debugger_get_script_source(const json&);
  json debugger_set_breakpoint_by_url(const json&);
  json debugger_set_breakpoint(const json&);
  json debugger_remove_breakpoint(const json&);
  json debugger_get_possible_breakpoints(const json&);
  json debugger_set_breakpoints_active(const json&);
  json debugger_set_skip_all_pauses(const json&);
  json debugger_continue_to_location(const json&);
  json debugger_pause(const json&);
  json debugger_resume(const json&);
  json debugger_step_over(const json&);
  json debugger_step_into(const json&);
  json debugger_step_out(const json&);
  json debugger_evaluate_on_call_frame(const json&);
  json debugger_set_pause_on_exceptions(const json&);
  json debugger_set_variable_value(const json&);
  json debugger_set_async_call_stack_depth(const json&);
  json debugger_set_blackbox_patterns(const json&);
  json heap_profiler_collect_garbage(const json&);
  // The Glass domain (cdp_glass.cpp)
  json glass_get_bytecode(const json&);
  json glass_get_registers(const json&);
  json glass_step_instruction(const json&);
  json glass_set_instruction_breakpoint(const json&);
  json glass_get_queues(const json&);
  json glass_get_thread_pool(const json&);
  json glass_set_loop_phase_breakpoint(const json&);
  json glass_run_to_next_callback(const json&);
  json glass_get_heap_graph(const json&);
  json glass_get_retaining_path(const json&);
  json glass_get_gc_history(const json&);
  json glass_set_break_on_gc(const json&);
  json glass_step_collection(const json&);
  json site_json(const std::optional<debug::Location>& at) const;
  std::string callable_name(Value fn);

  // ---- helpers (cdp_session.cpp) ----
  void send_event(const char* method, json params);
  void send_result(const json& id, json result);
  void send_error(const json& id, int code, const std::string& message);
  const debug::Script& script_param(const json& params, const char* field) const;
  json location_json(const debug::Location& at) const;
  debug::Location location_param(const json& location) const;  // 0-based on the wire
  std::string breakpoint_id(debug::BreakpointId id, const debug::BreakpointSpec& spec) const;
  const debug::CallFrame& frame_param(const json& params);
  json call_frames_json(const std::vector<debug::CallFrame>& frames, bool paused_frames);
  json evaluation_result(const debug::Completion& c, const json& params);
  // `debug(fn)` / `undebug(fn)` of the command-line API (node inspect's sb('fn()')).
  bool command_line_api(const std::string& expression, const debug::CallFrame* frame, json& result);

  // ---- values (cdp_values.cpp) ----
  json remote_object(Value v, const std::string& group, bool by_value = false, bool preview = false);
  json object_preview(Value v);
  json exception_details(Value exception, const std::string& text);
  Value argument_value(const json& call_argument);  // a CallArgument: value, unserializableValue or objectId
  Value object_param(const json& params);           // params.objectId as a live value
  json properties_of(Value v, bool own_only, bool accessors_only, bool preview, json& internal, json& private_properties);
  json scope_properties(const std::string& object_id);

  natives::Inspector& inspector_;
  debug::Debugger& debugger_;
  Vm& vm_;
  Send send_;
  bool runtime_enabled_ = false;
  bool debugger_enabled_ = false;
  int async_depth_ = 0;
  std::vector<std::unique_ptr<RE2>> blackbox_;  // setBlackboxPatterns
  // The current pause: its number (frame and scope ids carry it, so a stale
  // id from an earlier pause is refused) and its frames.
  uint64_t pause_serial_ = 0;
  std::vector<debug::CallFrame> frames_;
  json frames_json_;  // the last pause's callFrames (a collection's phase pauses repeat them)
  int exception_ids_ = 0;
};

}  // namespace glass::inspector
