// The session's requests: initialize, launch, attach, configurationDone,
// disconnect, terminate; running (continue, next, stepIn, stepOut, pause);
// and the launched program's life (its output, its end).
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

#include "dap/adapter.h"

namespace glass::dap {

namespace {

std::string string_arg(const json& args, const char* command, const char* field, bool required) {
  auto it = args.find(field);
  if (it == args.end() || it->is_null()) {
    if (required) throw DapError(std::string(command) + ": \"" + field + "\" is required");
    return "";
  }
  if (!it->is_string()) throw DapError(std::string(command) + ": \"" + field + "\" must be a string");
  return it->get<std::string>();
}

std::vector<std::string> strings_arg(const json& args, const char* command, const char* field) {
  std::vector<std::string> out;
  auto it = args.find(field);
  if (it == args.end() || it->is_null()) return out;
  if (!it->is_array()) throw DapError(std::string(command) + ": \"" + field + "\" must be an array of strings");
  for (const json& v : *it) {
    if (!v.is_string()) throw DapError(std::string(command) + ": \"" + field + "\" must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

// The debugger's own words on the program's stderr, which a DAP client has no use for.
bool is_inspector_chatter(const std::string& line) {
  return line.starts_with("Debugger listening on ") || line.starts_with("For help, see") ||
         line == "Debugger attached." || line == "Waiting for the debugger to disconnect...";
}

}  // namespace

// ============================================================================
// The session
// ============================================================================

json Adapter::on_initialize(const json& args) {
  lines_start_at1_ = args.value("linesStartAt1", true);
  columns_start_at1_ = args.value("columnsStartAt1", true);
  return {
      {"supportsConfigurationDoneRequest", true},
      {"supportsFunctionBreakpoints", true},
      {"supportsConditionalBreakpoints", true},
      {"supportsHitConditionalBreakpoints", true},
      {"supportsLogPoints", true},
      {"supportsEvaluateForHovers", true},
      {"supportsSetVariable", true},
      {"supportsLoadedSourcesRequest", true},
      {"supportsTerminateRequest", true},
      {"supportsDisassembleRequest", true},
      {"supportsSteppingGranularity", true},
      {"supportsInstructionBreakpoints", true},
      {"supportsExceptionInfoRequest", true},
      {"supportsDelayedStackTraceLoading", true},
      {"exceptionBreakpointFilters",
       json::array({{{"filter", "all"}, {"label", "Caught Exceptions"}, {"default", false},
                     {"description", "Pause on every exception thrown, caught or not"}},
                    {{"filter", "uncaught"}, {"label", "Uncaught Exceptions"}, {"default", false},
                     {"description", "Pause on exceptions nothing will catch"}}})},
  };
}

json Adapter::on_launch(const json& args) {
  if (launched_ || attached_) throw DapError("launch: already debugging a program");
  inspect::InspectLaunch launch;
  launch.glass = string_arg(args, "launch", "runtimeExecutable", false);
  if (launch.glass.empty()) launch.glass = glass_;
  launch.file = string_arg(args, "launch", "program", true);
  launch.cwd = string_arg(args, "launch", "cwd", false);
  launch.args = strings_arg(args, "launch", "args");
  launch.flags = strings_arg(args, "launch", "runtimeArgs");
  if (args.contains("stopOnEntry") && !args["stopOnEntry"].is_boolean())
    throw DapError("launch: \"stopOnEntry\" must be a boolean");
  stop_on_entry_ = args.value("stopOnEntry", false);
  std::string error;
  if (!inspect::start_inspect_child(launch, child_, error)) {
    std::string said = child_.early_stderr;
    while (!said.empty() && said.back() == '\n') said.pop_back();
    throw DapError("launch: " + error + (said.empty() ? "" : ": " + said));
  }
  launched_ = true;
  // What it said before listening is the debugger's chatter; keep the rest.
  for (size_t end; (end = child_.early_stderr.find('\n')) != std::string::npos;) {
    std::string line = child_.early_stderr.substr(0, end);
    child_.early_stderr.erase(0, end + 1);
    if (!is_inspector_chatter(line)) output("stderr", line + "\n");
  }
  err_partial_ = child_.early_stderr;
  connect_cdp(child_.host, child_.port);
  start_debugging();
  // Let it reach its first line now: its script is then loaded, so the
  // breakpoints the client sets next resolve (and are verified) at once.
  cdp("Runtime.runIfWaitingForDebugger");
  wait_for_entry_pause();
  send_event("process", {{"name", launch.file}, {"systemProcessId", child_.pid}, {"startMethod", "launch"}});
  send_event("initialized");
  return json::object();
}

json Adapter::on_attach(const json& args) {
  if (launched_ || attached_) throw DapError("attach: already debugging a program");
  std::string host = string_arg(args, "attach", "host", false);
  if (host.empty()) host = "127.0.0.1";
  if (!args.contains("port") || !args["port"].is_number_integer()) throw DapError("attach: \"port\" (an integer) is required");
  int64_t port = args["port"].get<int64_t>();
  if (port <= 0 || port > 65535) throw DapError("attach: \"port\" must be 1-65535");
  connect_cdp(host, uint16_t(port));
  attached_ = true;
  start_debugging();
  send_event("initialized");
  return json::object();
}

json Adapter::on_configuration_done(const json&) {
  if (ended_) return json::object();  // (it ended before: a SyntaxError, say)
  require_program();
  if (!entry_held_) {
    cdp("Runtime.runIfWaitingForDebugger");  // (an attached program that already runs ignores it)
    return json::object();
  }
  // Launched, held on its first line: show that pause, or go on.
  entry_held_ = false;
  resolve_function_breakpoints();
  json hits = json::array();
  if (!frames_.empty()) {
    const json& at = frames_[0].value("location", json::object());
    for (const auto& [key, list] : line_breakpoints_)
      for (const LineBreakpoint& bp : list)
        if (bp.script_id == at.value("scriptId", "") && bp.line == line_out(at.value("lineNumber", -1)))
          hits.push_back(bp.dap_id);
  }
  if (stop_on_entry_) stopped("entry", pause_params_, hits);
  else if (!hits.empty()) stopped("breakpoint", pause_params_, hits);
  else resume_silently();
  return json::object();
}

// Until the launched program pauses on its first line (it may end instead:
// a SyntaxError). Events before that pause are handled; the pause is held.
void Adapter::wait_for_entry_pause() {
  for (int waited = 0; waited < 600; ++waited) {  // 10 minutes: --gc-stress starts slowly
    for (size_t i = 0; i < cdp_events_.size(); ++i) {
      const json& event = cdp_events_[i];
      if (event.value("method", "") == "Runtime.executionContextDestroyed" || event.contains("closed")) return;
      if (event.value("method", "") != "Debugger.paused") continue;
      json paused = event;
      std::deque<json> before(cdp_events_.begin(), cdp_events_.begin() + long(i));
      cdp_events_.erase(cdp_events_.begin(), cdp_events_.begin() + long(i) + 1);
      for (const json& e : before) handle_cdp_event(e);
      record_pause(paused.value("params", json::object()));
      entry_held_ = true;
      return;
    }
    if (!connected_) return;
    pump(1000);
  }
  throw DapError("launch: the program did not reach its first line");
}

json Adapter::on_disconnect(const json& args) {
  bool terminate = args.contains("terminateDebuggee") && args["terminateDebuggee"].is_boolean()
                       ? args["terminateDebuggee"].get<bool>()
                       : launched_;
  if (connected_ && !terminate) {
    // Leave the program running without us: breakpoints gone, resumed.
    try {
      cdp("Debugger.disable");
    } catch (const DapError&) {
    }
  }
  client_.close();
  connected_ = false;
  if (terminate) stop_program();
  done_ = true;
  return json::object();
}

json Adapter::on_terminate(const json&) {
  require_program();
  if (!launched_) throw DapError("terminate: glass --dap attached to this program and does not end it (use disconnect)");
  if (child_.pid > 0) ::kill(child_.pid, SIGTERM);
  return json::object();  // exited and terminated follow when it has ended
}

void Adapter::require_program() const {
  if (!launched_ && !attached_) throw DapError("no program: launch or attach first");
  if (ended_) throw DapError("the program has ended");
}

void Adapter::require_paused() const {
  require_program();
  if (!paused_) throw DapError("the program is running (pause it first)");
}

// ============================================================================
// Running
// ============================================================================

json Adapter::on_continue(const json&) {
  require_paused();
  cdp("Debugger.resume");
  pending_reason_.clear();
  resumed();
  return {{"allThreadsContinued", true}};
}

namespace {

bool instruction_granularity(const json& args) {
  auto it = args.find("granularity");
  if (it == args.end() || it->is_null()) return false;
  if (!it->is_string()) throw DapError("\"granularity\" must be a string");
  std::string g = it->get<std::string>();
  if (g != "statement" && g != "line" && g != "instruction")
    throw DapError("\"granularity\" must be statement, line or instruction");
  return g == "instruction";
}

}  // namespace

json Adapter::on_next(const json& args) {
  require_paused();
  bool instruction = instruction_granularity(args);
  cdp(instruction ? "Glass.stepInstruction" : "Debugger.stepOver");
  pending_reason_ = "step";
  resumed();
  return json::object();
}

json Adapter::on_step_in(const json& args) {
  require_paused();
  bool instruction = instruction_granularity(args);
  cdp(instruction ? "Glass.stepInstruction" : "Debugger.stepInto");
  pending_reason_ = "step";
  resumed();
  return json::object();
}

json Adapter::on_step_out(const json& args) {
  require_paused();
  instruction_granularity(args);  // checked; out of a function is the same at any granularity
  cdp("Debugger.stepOut");
  pending_reason_ = "step";
  resumed();
  return json::object();
}

json Adapter::on_pause(const json&) {
  require_program();
  if (paused_) return json::object();
  pending_reason_ = "pause";
  cdp("Debugger.pause");
  return json::object();
}

json Adapter::on_threads(const json&) { return {{"threads", json::array({{{"id", 1}, {"name", "main"}}})}}; }

// ============================================================================
// The program
// ============================================================================

// stdout goes on as it comes; stderr by lines, without the debugger's chatter.
void Adapter::read_program_output(int& fd, bool is_stderr, std::string& partial) {
  char buffer[65536];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
  if (n <= 0) {
    ::close(fd);
    fd = -1;
    if (is_stderr && !partial.empty() && !is_inspector_chatter(partial)) output("stderr", partial);
    partial.clear();
    return;
  }
  if (!is_stderr) return output("stdout", std::string(buffer, size_t(n)));
  partial.append(buffer, size_t(n));
  std::string text;
  for (size_t end; (end = partial.find('\n')) != std::string::npos;) {
    std::string line = partial.substr(0, end);
    partial.erase(0, end + 1);
    if (!is_inspector_chatter(line)) text += line + "\n";
  }
  output("stderr", text);
}

// Whatever the program wrote so far: its output reaches the client before
// the event that follows it.
void Adapter::drain_program_output() {
  for (int round = 0; round < 64; ++round) {
    pollfd fds[2];
    int n = 0;
    int out_at = -1, err_at = -1;
    if (child_.out_fd >= 0) fds[out_at = n++] = {child_.out_fd, POLLIN, 0};
    if (child_.err_fd >= 0) fds[err_at = n++] = {child_.err_fd, POLLIN, 0};
    if (n == 0 || ::poll(fds, nfds_t(n), 0) <= 0) return;
    if (out_at >= 0 && fds[out_at].revents) read_program_output(child_.out_fd, false, out_partial_);
    if (err_at >= 0 && fds[err_at].revents) read_program_output(child_.err_fd, true, err_partial_);
  }
}

// The program ended (its context was destroyed, or the connection closed):
// it waits for us to go, so go, collect its exit status and output, and say so.
void Adapter::program_ended() {
  if (ended_) return;
  drain_program_output();
  client_.close();
  connected_ = false;
  ended_ = true;
  resumed();
  if (!launched_) {
    send_event("terminated");
    return;
  }
  int status = 0;
  bool exited = false;
  for (int waited = 0; waited < 500 && !exited; ++waited) {  // up to 5 s, reading what it writes meanwhile
    exited = ::waitpid(child_.pid, &status, WNOHANG) == child_.pid;
    if (!exited) {
      pollfd fds[2] = {{child_.out_fd, POLLIN, 0}, {child_.err_fd, POLLIN, 0}};
      ::poll(fds, 2, 10);
      drain_program_output();
    }
  }
  if (!exited) {
    ::kill(child_.pid, SIGKILL);
    ::waitpid(child_.pid, &status, 0);
  }
  child_.pid = -1;
  for (int round = 0; round < 100 && (child_.out_fd >= 0 || child_.err_fd >= 0); ++round) {  // to the end of its pipes
    pollfd fds[2] = {{child_.out_fd, POLLIN, 0}, {child_.err_fd, POLLIN, 0}};
    ::poll(fds, 2, 10);
    if (child_.out_fd >= 0) read_program_output(child_.out_fd, false, out_partial_);
    if (child_.err_fd >= 0) read_program_output(child_.err_fd, true, err_partial_);
  }
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  send_event("exited", {{"exitCode", code}});
  send_event("terminated");
}

void Adapter::stop_program() {
  client_.close();
  connected_ = false;
  if (child_.pid > 0) {
    ::kill(child_.pid, SIGKILL);
    ::waitpid(child_.pid, nullptr, 0);
    child_.pid = -1;
  }
  for (int* fd : {&child_.out_fd, &child_.err_fd})
    if (*fd >= 0) {
      ::close(*fd);
      *fd = -1;
    }
}

}  // namespace glass::dap
