// Adapter: one DAP session, translated to and from the Chrome DevTools
// Protocol of a glass program (see README.md). One thread: poll() waits on
// the DAP input, the CDP connection and the launched program's output pipes.
// A request that needs CDP answers sends and waits for them; CDP events that
// arrive meanwhile are queued and handled, in order, once the request is
// answered, so no handler ever runs inside another.
#pragma once
#include <sys/types.h>

#include <deque>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "dap/dap_requests.h"
#include "dap/framing.h"
#include "inspect/cdp_client.h"
#include "inspect/inspect_child.h"

namespace glass::dap {

using json = nlohmann::json;

// An error response's message.
struct DapError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Adapter {
 public:
  // Reads DAP from in_fd and writes it to out_fd (the same socket, or stdin
  // and stdout). `glass` is the binary launched programs run with.
  Adapter(int in_fd, int out_fd, std::string glass);
  ~Adapter();
  Adapter(const Adapter&) = delete;
  Adapter& operator=(const Adapter&) = delete;

  // Serves requests until `disconnect` or the end of the input.
  void run();

#define GLASS_DAP_DECLARE(command, member, doc) json member(const json& args);
  GLASS_DAP_REQUESTS(GLASS_DAP_DECLARE)
#undef GLASS_DAP_DECLARE

 private:
  // ---- DAP out ------------------------------------------------------------------
  void write_message(const json& message);
  void send_event(const std::string& event, json body = json::object());
  void respond(const json& request, bool success, json body, const std::string& message);
  void respond_error(int64_t request_seq, const std::string& command, const std::string& message);
  void output(const std::string& category, const std::string& text);

  // ---- DAP in ---------------------------------------------------------------------
  void dispatch(const Frame& frame);
  // Waits up to timeout_ms for input, CDP messages or program output and
  // queues or forwards what arrived. False when nothing did.
  bool pump(int timeout_ms);

  // ---- CDP ------------------------------------------------------------------------
  // Sends a request and waits for its answer; an error answer or a closed
  // connection throws DapError.
  json cdp(const std::string& method, json params = json::object());
  void connect_cdp(const std::string& host, uint16_t port);
  void start_debugging();
  void handle_cdp_event(const json& message);
  void handle_paused(const json& params);
  void record_pause(const json& params);
  void stopped(std::string reason, const json& params, const json& hit_ids);
  json dap_ids_of(const json& cdp_breakpoint_ids) const;
  void wait_for_entry_pause();
  void resumed();
  void resume_silently();

  // ---- the program ------------------------------------------------------------------
  void read_program_output(int& fd, bool is_stderr, std::string& partial);
  void drain_program_output();
  void program_ended();
  void stop_program();
  void require_program() const;
  void require_paused() const;

  // ---- breakpoints (breakpoints.cpp) ----------------------------------------------------
  struct LineBreakpoint {
    int dap_id = 0;
    std::string cdp_id;
    std::string hit_condition;  // "" or checked by hit_condition_met
    int hits = 0;
    int line = 0;  // DAP's numbering
    std::string script_id;  // where it resolved ("" while it has not)
  };
  std::string stop_reason_for_hits(const json& hits, bool& resume);
  void resolve_function_breakpoints();
  bool evaluate_anywhere(const std::string& expression);
  std::string logpoint_condition(const std::string& log_message, const std::string& condition) const;

  // ---- values (inspection.cpp) -------------------------------------------------------------
  struct Ref {
    enum class Kind { Scope, Object, Registers } kind = Kind::Object;
    std::string object_id;
    std::string call_frame_id;
    int scope_number = 0;
    std::string evaluate_name;  // how to reach it in an expression ("" when none)
  };
  int add_ref(Ref ref);
  const Ref& ref(const json& args, const char* field) const;
  json variable_json(const std::string& name, const json& remote, const std::string& evaluate_name);
  json source_json(const std::string& script_id) const;
  const json& frame_for(const json& args, bool required) const;
  json evaluate_remote(const std::string& expression, const std::string& call_frame_id, bool silent);
  int line_out(int line0) const { return line0 + (lines_start_at1_ ? 1 : 0); }
  int line_in(int line) const { return line - (lines_start_at1_ ? 1 : 0); }
  int column_out(int column0) const { return column0 + (columns_start_at1_ ? 1 : 0); }

  // ---- the connection ------------------------------------------------------------------------
  int in_fd_, out_fd_;
  std::string glass_;
  FrameReader reader_;
  std::deque<Frame> incoming_;
  bool input_closed_ = false;
  bool done_ = false;
  int next_seq_ = 1;
  bool lines_start_at1_ = true, columns_start_at1_ = true;
  bool trace_;  // GLASS_DAP_TRACE set: the CDP traffic on stderr

  inspect::CdpClient client_;
  bool connected_ = false;
  std::map<int, json> cdp_responses_;
  std::deque<json> cdp_events_;

  // ---- the program ------------------------------------------------------------------------
  bool launched_ = false, attached_ = false;
  inspect::InspectChild child_;
  std::string out_partial_, err_partial_;
  bool stop_on_entry_ = false;
  bool entry_held_ = false;  // launched: paused on its first line until configurationDone
  bool ended_ = false;           // exited/terminated were sent

  // ---- pauses ------------------------------------------------------------------------------
  bool paused_ = false;
  json frames_ = json::array();
  json pause_params_;
  int frame_base_ = 1, next_frame_id_ = 1;  // frame ids of this pause: frame_base_ + index
  std::map<int, Ref> refs_;
  int next_ref_ = 1;
  std::string pending_reason_;  // "step" or "pause": why the next pause comes, if it was asked for

  // ---- breakpoints ---------------------------------------------------------------------------
  int next_breakpoint_id_ = 1;
  std::map<std::string, std::vector<LineBreakpoint>> line_breakpoints_;  // by source key
  struct FunctionBreakpoint {
    int dap_id;
    std::string name;
    bool verified = false;
  };
  std::vector<FunctionBreakpoint> function_breakpoints_;
  std::vector<std::string> stale_function_breakpoints_;  // removed, but undebug(name) has not worked yet
  struct InstructionBreakpoint {
    int dap_id;
    std::string cdp_id;
    std::string hit_condition;
    int hits = 0;
  };
  std::vector<InstructionBreakpoint> instruction_breakpoints_;

  // ---- scripts -------------------------------------------------------------------------------
  struct Script {
    std::string url;
  };
  std::map<std::string, Script> scripts_;             // by scriptId
  std::map<std::string, json> bytecode_;              // Glass.getBytecode results by functionId
};

}  // namespace glass::dap
