// `glass inspect`: see terminal.h. One thread: poll() waits on the user's
// input, the program's output pipes and the protocol connection, and every
// command runs to the end before the next line is read.
#include "inspect/terminal.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <re2/re2.h>
#include <sstream>

#include "inspect/cdp_client.h"
#include "inspect/commands.h"
#include "inspect/format.h"
#include "inspect/inspect_child.h"
#include "inspect/machine_views.h"

namespace glass::inspect {

namespace {

constexpr const char* kHelp = R"(c, cont              resume
n, next              the next statement in this function (or where it returns to)
s, step              the next statement, stepping into calls
o, out               the next statement of the caller
pause                stop the running program
sb(), setBreakpoint(...)
                     sb()  sb(line)  sb(line, 'cond')  sb('file.js', line [, 'cond'])  sb('fn')
cb, clearBreakpoint  cb('file.js', line)
breakpoints          list breakpoints
breakOnException     pause whenever an exception is thrown
breakOnUncaught      pause when an exception will not be caught
breakOnNone          never pause on exceptions
bt, backtrace        the call stack (native frames and awaiting async functions included)
frame N, up, down    select a frame of the stack (exec, scope and list use it)
scope                every variable of every scope of the selected frame
list(n)              the source around the current line, n lines each side
exec EXPR, p EXPR    evaluate EXPR in the selected frame (assignments take effect)
repl                 evaluate each line in the selected frame until Ctrl+C
watch('expr'), unwatch('expr' or index), watchers
                     expressions shown at every pause
scripts              the scripts loaded
The machine (the Glass domain):
si                   step one bytecode instruction
regs                 the selected frame's registers (named from the locals table)
bytecode             the selected frame's function, current instruction marked '>'
queues               the event loop's phase and queues, with the line that made each item
pool                 the thread pool's threads and work items
heap [EXPR | @ID]    the heap around the selected frame, a value, or a cell
gc                   the last collections;  gc break: pause when the heap next wants to
                     collect;  gc step: step through a collection (roots, mark, weak, sweep)
loop                 the phase breakpoints;  loop PHASE: toggle one (timers, pending, poll,
                     check, close);  loop next: run to the next callback the loop calls
restart, run, r      start the program again (breakpoints are kept)
kill                 stop the program
help                 this list
.exit                leave the debugger)";

volatile sig_atomic_t interrupted = 0;
int signal_pipe[2] = {-1, -1};

void on_sigint(int) {
  interrupted = 1;
  char c = 1;
  [[maybe_unused]] ssize_t n = ::write(signal_pipe[1], &c, 1);
}

std::string escape_regex(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::strchr("/\\.?*()^${}|[]+", c)) out += '\\';
    out += c;
  }
  return out;
}

struct ScriptInfo {
  std::string url;
  std::optional<std::string> source;
};

struct Breakpoint {
  std::string id;
  std::string script_id;  // "" while it has not resolved
  int line = 0;           // 1-based
  std::string url;        // what it was set for (restart sets it again)
  std::string condition;
};

class Terminal {
 public:
  explicit Terminal(std::string glass) : glass_(std::move(glass)) {}
  int run(const std::vector<std::string>& args);

 private:
  // ---- the program --------------------------------------------------------
  bool launch();
  bool attach(const std::string& host, uint16_t port);
  bool start_session(bool expect_break_on_start);
  void stop_program();
  void finish_program();
  bool running() const { return client_.connected(); }

  // ---- input and output -------------------------------------------------------
  void print(const std::string& text) {
    std::cout << text << "\n";
    std::cout.flush();
  }
  void prompt() {
    std::cout << (repl_ ? "> " : "debug> ");
    std::cout.flush();
  }
  // Waits up to timeout_ms (-1: forever) and handles what arrived. With
  // `line`, the user's input counts too: true when a line was read (or the
  // input ended: then *line is "\x04").
  bool pump(int timeout_ms, std::string* line);
  void drain_program_output();
  void program_output(int& fd, std::string& partial, std::string* held = nullptr);
  void handle_message(const json& message);
  void handle_event(const std::string& method, const json& params);
  // Sends a request and waits for its answer; an error reply becomes a
  // CommandError (printed by the caller).
  json request(const std::string& method, json params = json::object());

  // ---- commands ----------------------------------------------------------------
  void command(const std::string& line);
  void resume_with(const char* method);
  void wait_until_stopped();
  void set_breakpoint(const Command& c);
  void clear_breakpoint(const Command& c);
  void list_breakpoints();
  void backtrace();
  void select_frame(long index);
  void show_scopes();
  bool machine_command(const Command& c);
  std::set<std::string> loop_breakpoints_;
  void exec(const std::string& expression);
  std::string evaluate(const std::string& expression, bool* threw = nullptr);
  void list(int delta);
  std::string watchers_text(bool verbose);
  void show_pause(const json& params);
  const std::string& script_source(const std::string& script_id);
  std::vector<int> breakpoint_lines(const std::string& script_id) const;
  std::string script_name(const std::string& script_id) const;
  const json* selected_frame() const;

  std::string glass_;
  std::string file_;
  std::vector<std::string> file_args_;
  std::vector<std::string> child_flags_;  // glass options for the program (--gc-stress, --module, ...)
  uint16_t port_ = 0;  // for launched programs: 0 = any free port
  bool launched_ = false;
  pid_t child_ = -1;
  int child_out_ = -1, child_err_ = -1;
  std::string out_partial_, err_partial_;
  CdpClient client_;
  std::string input_;                 // the user's input not yet read as lines
  std::deque<std::string> deferred_;  // lines typed while the program ran: run at the next prompt
  bool input_closed_ = false;

  std::map<std::string, ScriptInfo> scripts_;
  std::vector<Breakpoint> breakpoints_;
  std::vector<std::string> watchers_;
  json frames_ = json::array();
  json async_frames_ = json::array();
  bool paused_ = false;
  bool ended_ = false;
  size_t selected_ = 0;
  std::string pause_on_exceptions_ = "none";
  bool repl_ = false;
  bool quit_ = false;
  std::map<int, json> responses_;
};

struct CommandError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ============================================================================
// The program
// ============================================================================

bool Terminal::launch() {
  InspectChild child;
  std::string error;
  bool started = start_inspect_child({glass_, port_, child_flags_, file_, file_args_, ""}, child, error);
  err_partial_ += child.early_stderr;
  if (!started) {
    if (!err_partial_.empty()) print("< " + err_partial_);
    err_partial_.clear();
    if (child.pid < 0 && error.starts_with("cannot start")) print("glass inspect: " + error);
    return false;
  }
  child_ = child.pid;
  child_out_ = child.out_fd;
  child_err_ = child.err_fd;
  // Show its first lines as node inspect does, then connect.
  size_t end;
  while ((end = err_partial_.find('\n')) != std::string::npos) {
    print("< " + err_partial_.substr(0, end));
    err_partial_.erase(0, end + 1);
  }
  launched_ = true;
  return attach(child.host, child.port);
}

bool Terminal::attach(const std::string& host, uint16_t port) {
  std::cout << "connecting to " << host << ":" << port << " ..";
  std::cout.flush();
  std::string error;
  for (int attempt = 0; attempt < 5; ++attempt) {
    std::cout << ".";
    std::cout.flush();
    if (client_.connect(host, port, error)) {
      std::cout << " ok\n";
      std::cout.flush();
      return true;
    }
    ::usleep(500 * 1000);
  }
  std::cout << " failed to connect (" << error << ")\n";
  return false;
}

// What node inspect asks for on connecting, then the program starts.
bool Terminal::start_session(bool expect_break_on_start) {
  ended_ = paused_ = false;
  scripts_.clear();
  frames_ = json::array();
  try {
    request("Runtime.enable");
    request("Profiler.enable");
    request("Profiler.setSamplingInterval", {{"interval", 100}});
    request("Debugger.enable");
    request("Debugger.setAsyncCallStackDepth", {{"maxDepth", 32}});
    request("Debugger.setBlackboxPatterns", {{"patterns", json::array()}});
    request("Debugger.setPauseOnExceptions", {{"state", pause_on_exceptions_}});
    // Breakpoints set before a restart are set again, by url.
    size_t restored = 0;
    for (Breakpoint& bp : breakpoints_) {
      if (bp.url.empty()) continue;
      json r = request("Debugger.setBreakpointByUrl", {{"urlRegex", "^(.*[\\/\\\\])?" + escape_regex(bp.url) + "$"},
                                                       {"lineNumber", bp.line - 1},
                                                       {"condition", bp.condition}});
      bp.id = r.value("breakpointId", "");
      bp.script_id.clear();
      ++restored;
    }
    if (restored) print(std::to_string(restored) + " breakpoints restored.");
    request("Runtime.runIfWaitingForDebugger");
  } catch (const CommandError& e) {
    print(std::string("glass inspect: ") + e.what());
    return false;
  }
  if (expect_break_on_start) wait_until_stopped();
  return true;
}

// After the program ended and we disconnected: its last output, then its exit.
void Terminal::finish_program() {
  for (int waited = 0; waited < 100 && (child_out_ >= 0 || child_err_ >= 0); ++waited) {
    std::vector<pollfd> fds;
    if (child_out_ >= 0) fds.push_back({child_out_, POLLIN, 0});
    if (child_err_ >= 0) fds.push_back({child_err_, POLLIN, 0});
    ::poll(fds.data(), fds.size(), 20);
    drain_program_output();
  }
  if (child_ > 0) {
    int status = 0;
    if (::waitpid(child_, &status, 0) == child_) child_ = -1;
  }
}

void Terminal::stop_program() {
  client_.close();
  if (child_ > 0) {
    ::kill(child_, SIGKILL);
    int status;
    ::waitpid(child_, &status, 0);
    child_ = -1;
  }
  for (int* fd : {&child_out_, &child_err_})
    if (*fd >= 0) {
      ::close(*fd);
      *fd = -1;
    }
  out_partial_.clear();
  err_partial_.clear();
  paused_ = false;
  frames_ = json::array();
}

// ============================================================================
// Input and output
// ============================================================================

// Reads what `fd` has; whole lines are printed "< line", or, with `held`,
// appended to it (each with its newline) for the caller to print.
void Terminal::program_output(int& fd, std::string& partial, std::string* held) {
  auto show = [&](const std::string& line) {
    if (held) *held += "< " + line + "\n";
    else print("< " + line);
  };
  if (fd < 0) return;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      partial.append(buffer, size_t(n));
      continue;
    }
    if (n == 0) {  // the program closed it: what is left is a last line
      if (!partial.empty()) show(partial);
      partial.clear();
      ::close(fd);
      fd = -1;
    }
    break;
  }
  size_t end;
  while ((end = partial.find('\n')) != std::string::npos) {
    show(partial.substr(0, end));
    partial.erase(0, end + 1);
  }
}

// The program writes its output before it sends an event (natives/inspector
// flushes first), so reading the pipes dry before showing an event keeps
// the two in the order they happened. Between the two pipes, the runtime's
// own lines on stderr ("Waiting for the debugger to disconnect...") follow a
// flush of stdout: stderr is read first and shown last, so that stdout
// written before it, which is in its pipe by then, is shown before it.
void Terminal::drain_program_output() {
  std::string err_lines;
  program_output(child_err_, err_partial_, &err_lines);
  program_output(child_out_, out_partial_);
  if (!err_lines.empty()) print(err_lines.substr(0, err_lines.size() - 1));
}

bool Terminal::pump(int timeout_ms, std::string* line) {
  if (line) {
    size_t end = input_.find('\n');
    if (end != std::string::npos) {
      *line = input_.substr(0, end);
      input_.erase(0, end + 1);
      return true;
    }
  }
  std::vector<pollfd> fds;
  fds.push_back({client_.wake_fd(), POLLIN, 0});
  fds.push_back({signal_pipe[0], POLLIN, 0});
  if (child_out_ >= 0) fds.push_back({child_out_, POLLIN, 0});
  if (child_err_ >= 0) fds.push_back({child_err_, POLLIN, 0});
  if (line && !input_closed_) fds.push_back({0, POLLIN, 0});
  int ready = ::poll(fds.data(), fds.size(), timeout_ms);
  if (ready < 0) return false;
  char drained[64];
  while (::read(signal_pipe[0], drained, sizeof drained) > 0) {
  }
  while (auto message = client_.next()) handle_message(*message);
  drain_program_output();
  if (interrupted) {
    interrupted = 0;
    if (line) {
      *line = "\x03";
      return true;
    }
  }
  if (line && !input_closed_ && (fds.back().revents & (POLLIN | POLLHUP))) {
    char buffer[4096];
    ssize_t n = ::read(0, buffer, sizeof buffer);
    if (n <= 0) {
      input_closed_ = true;
      if (!input_.empty()) {  // a last line without its newline
        *line = input_;
        input_.clear();
        return true;
      }
      *line = "\x04";  // end of input
      return true;
    }
    input_.append(buffer, size_t(n));
    size_t end = input_.find('\n');
    if (end != std::string::npos) {
      *line = input_.substr(0, end);
      input_.erase(0, end + 1);
      return true;
    }
  }
  return false;
}

void Terminal::handle_message(const json& message) {
  if (message.contains("closed")) {
    if (!ended_ && !quit_) drain_program_output();
    ended_ = true;
    paused_ = false;
    return;
  }
  if (message.contains("id")) {
    responses_[message["id"].get<int>()] = message;
    return;
  }
  if (message.contains("method")) handle_event(message["method"], message.value("params", json::object()));
}

json Terminal::request(const std::string& method, json params) {
  if (!running()) throw CommandError("The program is not running: `restart`, or `.exit`");
  int id = client_.send(method, std::move(params));
  while (!responses_.count(id)) {
    if (!running()) throw CommandError("The program is not running: `restart`, or `.exit`");
    pump(200, nullptr);
  }
  json response = std::move(responses_[id]);
  responses_.erase(id);
  if (response.contains("error")) throw CommandError(response["error"].value("message", "error"));
  return response.value("result", json::object());
}

void Terminal::handle_event(const std::string& method, const json& params) {
  if (method == "Debugger.scriptParsed") {
    std::string url = params.value("url", "");
    if (!url.empty()) scripts_[params["scriptId"]] = ScriptInfo{url, std::nullopt};
  } else if (method == "Debugger.paused") {
    drain_program_output();
    show_pause(params);
  } else if (method == "Debugger.resumed") {
    paused_ = false;
    frames_ = json::array();
  } else if (method == "Debugger.breakpointResolved") {
    for (Breakpoint& bp : breakpoints_)
      if (bp.id == params.value("breakpointId", "")) {
        bp.script_id = params["location"]["scriptId"];
        bp.line = params["location"]["lineNumber"].get<int>() + 1;
      }
  } else if (method == "Runtime.executionContextDestroyed") {
    drain_program_output();
    ended_ = true;
    paused_ = false;
    // The program waits for us to go ("Waiting for the debugger to disconnect..."): go,
    // and let it finish.
    client_.close();
    finish_program();
  } else if (method == "Runtime.consoleAPICalled" && !launched_) {
    // Attached to a program whose output is not ours to read: show what it logs.
    std::string text;
    for (const json& a : params.value("args", json::array()))
      text += (text.empty() ? "" : " ") + (a.value("type", "") == "string" ? a.value("value", "") : format_value(a));
    print("< " + text);
  }
}

// ============================================================================
// Pauses
// ============================================================================

const json* Terminal::selected_frame() const {
  if (!paused_ || selected_ >= frames_.size()) return nullptr;
  return &frames_[selected_];
}

std::string Terminal::script_name(const std::string& script_id) const {
  auto it = scripts_.find(script_id);
  return it == scripts_.end() ? "<unknown>" : relative_path(it->second.url);
}

const std::string& Terminal::script_source(const std::string& script_id) {
  static const std::string none;
  auto it = scripts_.find(script_id);
  if (it == scripts_.end()) return none;
  if (!it->second.source) {
    try {
      it->second.source = request("Debugger.getScriptSource", {{"scriptId", script_id}}).value("scriptSource", "");
    } catch (const CommandError&) {
      it->second.source = "";
    }
  }
  return *it->second.source;
}

std::vector<int> Terminal::breakpoint_lines(const std::string& script_id) const {
  std::vector<int> lines;
  for (const Breakpoint& bp : breakpoints_)
    if (bp.script_id == script_id) lines.push_back(bp.line);
  return lines;
}

void Terminal::show_pause(const json& params) {
  paused_ = true;
  frames_ = params.value("callFrames", json::array());
  async_frames_ = params.contains("asyncStackTrace") ? params["asyncStackTrace"].value("callFrames", json::array())
                                                     : json::array();
  selected_ = 0;
  std::string reason = params.value("reason", "other");
  if (reason == "other") reason = "break";
  if (params.contains("data") && params["data"].contains("glass")) {  // a Glass domain pause
    const json& d = params["data"];
    std::string what = d.value("glass", "");
    if (what == "gc") {
      std::string phase = d.value("phase", "");
      reason = phase == "before" ? "break before a collection" : phase == "done" ? "collection over, break"
                                                                                 : "collection: after " + phase;
      if (d.contains("marked")) reason += " (" + std::to_string(d["marked"].get<long>()) + " cells marked)";
    } else if (what == "loopPhase") {
      reason = "break in loop phase " + d.value("phase", "");
    } else if (what == "callback") {
      reason = "break in the next callback";
    }
  }
  const json* frame = selected_frame();
  if (!frame) return;
  std::string script_id = (*frame)["location"]["scriptId"];
  int line = (*frame)["location"]["lineNumber"].get<int>() + 1;
  std::string out = reason + " in " + script_name(script_id) + ":" + std::to_string(line);
  if (params.contains("data") && (reason == "exception" || reason == "promiseRejection")) {
    std::string thrown = format_value(params["data"]);
    out += "\nUncaught " + thrown.substr(0, thrown.find('\n'));
  }
  std::string watched = watchers_text(true);
  if (!watched.empty()) out += "\n" + watched;
  out += "\n" + source_snippet(script_source(script_id), line, 2, breakpoint_lines(script_id));
  print(out);
}

// ============================================================================
// Commands
// ============================================================================

void Terminal::command(const std::string& raw) {
  if (repl_) {
    if (raw == "\x03" || raw == ".exit") {
      repl_ = false;
      return;
    }
    if (!raw.empty()) exec(raw);
    return;
  }
  Command c = parse_command(raw);
  if (!c.error.empty()) return print("glass inspect: " + c.error);
  const std::string& n = c.name;
  auto number = [&](size_t i, double fallback) { return i < c.args.size() && !c.args[i].is_string ? c.args[i].number : fallback; };
  if (n.empty()) return;
  if (n == "help") return print(kHelp);
  if (n == ".exit" || n == "exit" || n == "quit") {
    quit_ = true;
    return;
  }
  if (n == "c" || n == "cont") return resume_with("Debugger.resume");
  if (n == "n" || n == "next") return resume_with("Debugger.stepOver");
  if (n == "s" || n == "step") return resume_with("Debugger.stepInto");
  if (n == "o" || n == "out") return resume_with("Debugger.stepOut");
  if (n == "pause") {
    request("Debugger.pause");
    return wait_until_stopped();
  }
  if (n == "sb" || n == "setBreakpoint") return set_breakpoint(c);
  if (n == "cb" || n == "clearBreakpoint") return clear_breakpoint(c);
  if (n == "breakpoints") return list_breakpoints();
  if (n == "bt" || n == "backtrace") return backtrace();
  if (n == "frame" || n == "f") return select_frame(long(number(0, -1)));
  if (n == "up") return select_frame(long(selected_) + 1);
  if (n == "down") return select_frame(long(selected_) - 1);
  if (n == "scope") return show_scopes();
  if (n == "list") return list(int(number(0, 5)));
  if (n == "exec") return exec(c.expression);
  if (n == "repl") {
    print("Press Ctrl+C to leave debug repl");
    repl_ = true;
    return;
  }
  if (n == "watch") {
    if (c.args.empty() || !c.args[0].is_string) return print("watch needs an expression: watch('x.y')");
    watchers_.push_back(c.args[0].text);
    return;
  }
  if (n == "unwatch") {
    if (c.args.empty()) return print("unwatch needs an expression or an index");
    for (size_t i = 0; i < watchers_.size(); ++i)
      if (watchers_[i] == c.args[0].text) {
        watchers_.erase(watchers_.begin() + long(i));
        return;
      }
    if (!c.args[0].is_string && c.args[0].number >= 0 && c.args[0].number < double(watchers_.size()))
      watchers_.erase(watchers_.begin() + long(c.args[0].number));
    return;
  }
  if (n == "watchers") {
    std::string text = watchers_text(false);
    if (!text.empty()) print(text);
    return;
  }
  if (n == "breakOnException" || n == "breakOnUncaught" || n == "breakOnNone") {
    std::string state = n == "breakOnException" ? "all" : n == "breakOnUncaught" ? "uncaught" : "none";
    request("Debugger.setPauseOnExceptions", {{"state", state}});
    pause_on_exceptions_ = state;
    return;
  }
  if (machine_command(c)) return;
  if (n == "scripts") {
    for (const auto& [id, script] : scripts_) {
      if (script.url.starts_with("node:")) continue;
      bool current = selected_frame() && (*selected_frame())["location"]["scriptId"] == id;
      print(std::string(current ? "* " : "  ") + id + ": " + relative_path(script.url));
    }
    return;
  }
  if (n == "restart" || n == "run" || n == "r") {
    if (!launched_ && file_.empty()) return print("glass inspect: attached to a program it did not start: cannot restart it");
    stop_program();
    if (launch()) start_session(true);
    return;
  }
  if (n == "kill") {
    stop_program();
    ended_ = true;
    return;
  }
  print("Unknown command: '" + raw + "' (help lists them)");
}

void Terminal::resume_with(const char* method) {
  if (!paused_) throw CommandError("Requires execution to be paused");
  paused_ = false;  // (before the request: the next pause may arrive with its answer)
  request(method);
  wait_until_stopped();
}

// Until the program pauses again or ends; the user may pause it meanwhile.
void Terminal::wait_until_stopped() {
  std::string line;
  while (running() && !paused_ && !quit_) {
    if (!pump(-1, &line)) continue;
    if (line == "\x04") {
      deferred_.push_back(line);  // the input ended: leave once what came before it ran
    } else if (line == "\x03" || line == "pause") {
      client_.send("Debugger.pause");
    } else {
      deferred_.push_back(line);  // typed ahead: it runs once the program stops
    }
  }
}

void Terminal::set_breakpoint(const Command& c) {
  std::string condition;
  json result;
  Breakpoint bp;
  // sb('fn') / sb('fn()'): whenever the function is called.
  if (c.args.size() == 1 && c.args[0].is_string) {
    std::string fn = c.args[0].text;
    if (fn.ends_with("()")) fn.resize(fn.size() - 2);
    bool is_script = false;
    for (const auto& [id, script] : scripts_) is_script = is_script || script.url.ends_with("/" + fn);
    if (!is_script) {
      json params = {{"expression", "debug(" + fn + ")"}, {"includeCommandLineAPI", true}};
      json r;
      if (const json* frame = selected_frame()) {
        params["callFrameId"] = (*frame)["callFrameId"];
        r = request("Debugger.evaluateOnCallFrame", params);
      } else {
        r = request("Runtime.evaluate", params);
      }
      if (r.contains("exceptionDetails")) {
        std::string error = format_value(r["result"]);
        return print(error.substr(0, error.find('\n')));
      }
      return;
    }
  }
  if (c.args.empty() || !c.args[0].is_string) {
    // sb(), sb(line [, cond]): in the current script.
    const json* frame = selected_frame();
    std::string script_id;
    if (frame) {
      script_id = (*frame)["location"]["scriptId"];
    } else {
      for (const auto& [id, script] : scripts_)
        if (!file_.empty() && script.url.ends_with("/" + std::filesystem::path(file_).filename().string())) script_id = id;
    }
    if (script_id.empty()) throw CommandError("Requires execution to be paused");
    int line = c.args.empty() ? (*frame)["location"]["lineNumber"].get<int>() + 1 : int(c.args[0].number);
    if (line <= 0) return print("Line should be a positive value");
    if (c.args.size() > 1) condition = c.args[1].text;
    result = request("Debugger.setBreakpoint",
                     {{"location", {{"scriptId", script_id}, {"lineNumber", line - 1}}}, {"condition", condition}});
    bp.url = std::filesystem::path(relative_path(scripts_[script_id].url)).filename().string();
  } else {
    // sb('file.js', line [, cond])
    std::string name = c.args[0].text;
    if (c.args.size() < 2 || c.args[1].is_string) return print("sb('file.js', line): the line is missing");
    int line = int(c.args[1].number);
    if (line <= 0) return print("Line should be a positive value");
    if (c.args.size() > 2) condition = c.args[2].text;
    std::string script_id;
    bool ambiguous = false;
    for (const auto& [id, script] : scripts_) {
      if (script.url.starts_with("node:")) continue;
      if (script.url.ends_with("/" + name) || script.url == name || relative_path(script.url) == name) {
        ambiguous = ambiguous || !script_id.empty();
        script_id = id;
      }
    }
    if (ambiguous) return print("Script name is ambiguous");
    bp.url = name;
    if (!script_id.empty()) {
      result = request("Debugger.setBreakpoint",
                       {{"location", {{"scriptId", script_id}, {"lineNumber", line - 1}}}, {"condition", condition}});
    } else {
      result = request("Debugger.setBreakpointByUrl", {{"urlRegex", "^(.*[\\/\\\\])?" + escape_regex(name) + "$"},
                                                      {"lineNumber", line - 1},
                                                      {"condition", condition}});
      bp.line = line;
      if (!result["locations"].empty()) result["actualLocation"] = result["locations"][0];
    }
  }
  bp.id = result.value("breakpointId", "");
  bp.condition = condition;
  if (result.contains("actualLocation")) {
    const json& at = result["actualLocation"];
    bp.script_id = at["scriptId"];
    bp.line = at["lineNumber"].get<int>() + 1;
    breakpoints_.push_back(bp);
    print(source_snippet(script_source(bp.script_id), bp.line, 5, breakpoint_lines(bp.script_id)));
  } else {
    breakpoints_.push_back(bp);
    print("Warning: script '" + bp.url + "' was not loaded yet.");
  }
}

void Terminal::clear_breakpoint(const Command& c) {
  if (c.args.size() < 2 || !c.args[0].is_string) return print("cb('file.js', line)");
  std::string name = c.args[0].text;
  int line = int(c.args[1].number);
  for (size_t i = 0; i < breakpoints_.size(); ++i) {
    const Breakpoint& bp = breakpoints_[i];
    std::string url = bp.script_id.empty() ? bp.url : scripts_[bp.script_id].url;
    if (url.find(name) == std::string::npos || bp.line != line) continue;
    request("Debugger.removeBreakpoint", {{"breakpointId", bp.id}});
    breakpoints_.erase(breakpoints_.begin() + long(i));
    return;
  }
  print("Could not find breakpoint at " + name + ":" + std::to_string(line));
}

void Terminal::list_breakpoints() {
  if (breakpoints_.empty()) return print("No breakpoints yet");
  for (size_t i = 0; i < breakpoints_.size(); ++i) {
    const Breakpoint& bp = breakpoints_[i];
    std::string where = bp.script_id.empty() ? bp.url : script_name(bp.script_id);
    print("#" + std::to_string(i) + " " + where + ":" + std::to_string(bp.line) +
          (bp.condition.empty() ? "" : "  if " + bp.condition));
  }
}

void Terminal::backtrace() {
  if (!paused_) throw CommandError("Requires execution to be paused");
  auto line_of = [&](size_t index, const std::string& name, const std::string& script_id, int line, int column) {
    std::string where = script_id == "0" ? "<native>" : script_name(script_id) + ":" + std::to_string(line) + ":" + std::to_string(column);
    print("#" + std::to_string(index) + " " + (name.empty() ? "(anonymous)" : name) +
          " " + where);
  };
  for (size_t i = 0; i < frames_.size(); ++i) {
    const json& f = frames_[i];
    line_of(i, f.value("functionName", ""), f["location"]["scriptId"], f["location"]["lineNumber"].get<int>() + 1,
            f["location"]["columnNumber"].get<int>());
  }
  if (!async_frames_.empty()) {
    print("    -- await --");
    for (size_t i = 0; i < async_frames_.size(); ++i) {
      const json& f = async_frames_[i];
      line_of(frames_.size() + i, f.value("functionName", ""), f["scriptId"], f["lineNumber"].get<int>() + 1,
              f["columnNumber"].get<int>());
    }
  }
}

void Terminal::select_frame(long index) {
  if (!paused_) throw CommandError("Requires execution to be paused");
  if (index < 0 || size_t(index) >= frames_.size())
    return print("No frame " + std::to_string(index) + " (bt lists 0.." + std::to_string(frames_.size() - 1) + ")");
  selected_ = size_t(index);
  const json& f = frames_[selected_];
  std::string script_id = f["location"]["scriptId"];
  int line = f["location"]["lineNumber"].get<int>() + 1;
  std::string name = f.value("functionName", "");
  if (script_id == "0") return print("#" + std::to_string(index) + " " + name + " <native>");
  print("#" + std::to_string(index) + " " + (name.empty() ? "(anonymous)" : name) + " " + script_name(script_id) + ":" +
        std::to_string(line));
  print(source_snippet(script_source(script_id), line, 2, breakpoint_lines(script_id)));
}

// The Glass domain's commands: si, regs, bytecode, queues, pool, heap, gc, loop.
bool Terminal::machine_command(const Command& c) {
  const std::string& n = c.name;
  auto frame_id = [&]() -> json {
    const json* frame = selected_frame();
    if (!frame) throw CommandError("Requires execution to be paused");
    if (!frame->contains("glassFunctionId")) throw CommandError("A native frame has no bytecode (up/down selects another)");
    return (*frame)["callFrameId"];
  };
  // What follows the command (parse_command keeps it whole): `gc break`, `loop check`, `heap obj.x`.
  const std::string& rest = c.expression;
  if (n == "si") {
    resume_with("Glass.stepInstruction");
    return true;
  }
  if (n == "regs") {
    print(format_registers(request("Glass.getRegisters", {{"callFrameId", frame_id()}})));
    return true;
  }
  if (n == "bytecode") {
    print(format_bytecode(request("Glass.getBytecode", {{"callFrameId", frame_id()}})));
    return true;
  }
  if (n == "queues") {
    print(format_queues(request("Glass.getQueues")));
    return true;
  }
  if (n == "pool") {
    print(format_pool(request("Glass.getThreadPool")));
    return true;
  }
  if (n == "heap") {
    json params = {{"depth", 2}, {"limit", 40}};
    if (rest.empty()) {
      params["callFrameId"] = frame_id();
    } else if (rest[0] == '@') {
      params["nodeId"] = std::atoi(rest.c_str() + 1);
    } else {
      json where = {{"expression", rest}, {"objectGroup", "glass-inspect"}};
      json r;
      if (const json* frame = selected_frame()) {
        where["callFrameId"] = (*frame)["callFrameId"];
        r = request("Debugger.evaluateOnCallFrame", where);
      } else {
        r = request("Runtime.evaluate", where);
      }
      if (r.contains("exceptionDetails")) return print("Uncaught " + format_value(r["result"])), true;
      if (!r["result"].contains("objectId")) return print(rest + " is " + format_value(r["result"]) + ": not in the heap"), true;
      params["objectId"] = r["result"]["objectId"];
    }
    print(format_heap(request("Glass.getHeapGraph", params)));
    return true;
  }
  if (n == "gc") {
    if (rest == "break") {
      request("Glass.setBreakOnGc", {{"enabled", true}});
      print("The program will pause when the heap next wants to collect (gc nobreak: no more).");
    } else if (rest == "nobreak") {
      request("Glass.setBreakOnGc", {{"enabled", false}});
    } else if (rest == "step") {
      resume_with("Glass.stepCollection");
    } else {
      print(format_gc(request("Glass.getGcHistory")));
    }
    return true;
  }
  if (n == "loop") {
    if (rest == "next") {
      resume_with("Glass.runToNextCallback");
      return true;
    }
    if (!rest.empty()) {
      bool on = !loop_breakpoints_.count(rest);
      request("Glass.setLoopPhaseBreakpoint", {{"phase", rest}, {"enabled", on}});
      if (on) loop_breakpoints_.insert(rest);
      else loop_breakpoints_.erase(rest);
    }
    std::string list;
    for (const std::string& phase : loop_breakpoints_) list += " " + phase;
    print("loop phase breakpoints:" + (list.empty() ? std::string(" none") : list));
    return true;
  }
  return false;
}

void Terminal::show_scopes() {
  const json* frame = selected_frame();
  if (!frame) throw CommandError("Requires execution to be paused");
  for (const json& scope : (*frame)["scopeChain"]) {
    std::string type = scope["type"];
    std::string title = std::string(1, char(std::toupper(static_cast<unsigned char>(type[0])))) + type.substr(1);
    if (scope.contains("name")) title += " (" + scope["name"].get<std::string>() + ")";
    if (type == "global") {
      print(title + " (the global object: globalThis)");
      continue;
    }
    json props = request("Runtime.getProperties", {{"objectId", scope["object"]["objectId"]}, {"generatePreview", true}});
    std::string out = title;
    for (const json& p : props["result"]) {
      std::string value = p.contains("value") ? format_value(p["value"]) : "[Getter/Setter]";
      // One line per variable: a long preview's line breaks become spaces.
      RE2::GlobalReplace(&value, R"(\n\s*)", " ");
      out += "\n  " + p.value("name", "") + " = " + value;
    }
    if (props["result"].empty()) out += "\n  (nothing)";
    print(out);
  }
}

std::string Terminal::evaluate(const std::string& expression, bool* threw) {
  json params = {{"expression", expression}, {"objectGroup", "glass-inspect"}, {"generatePreview", true}};
  json r;
  if (const json* frame = selected_frame()) {
    params["callFrameId"] = (*frame)["callFrameId"];
    r = request("Debugger.evaluateOnCallFrame", params);
  } else {
    r = request("Runtime.evaluate", params);
  }
  bool failed = r.contains("exceptionDetails");
  if (threw) *threw = failed;
  std::string text = format_value(r["result"]);
  if (failed) text = "Uncaught " + text.substr(0, text.find('\n'));
  return text;
}

void Terminal::exec(const std::string& expression) {
  if (expression.empty()) return print("exec needs an expression");
  std::string text = evaluate(expression);
  drain_program_output();
  print(text);
}

std::string Terminal::watchers_text(bool verbose) {
  if (watchers_.empty() || !paused_) return "";
  std::string out = verbose ? "Watchers:\n" : "";
  size_t width = std::max<size_t>(2, std::to_string(watchers_.size() - 1).size());
  for (size_t i = 0; i < watchers_.size(); ++i) {
    bool threw = false;
    std::string value;
    try {
      value = evaluate(watchers_[i], &threw);
    } catch (const CommandError& e) {
      value = std::string("<") + e.what() + ">";
    }
    if (threw) value = "<" + value.substr(std::string("Uncaught ").size()) + ">";
    std::string index = std::to_string(i);
    out += " " + std::string(width - index.size(), ' ') + index + ": " + watchers_[i] + " = " + value + "\n";
  }
  return out;
}

void Terminal::list(int delta) {
  const json* frame = selected_frame();
  if (!frame) throw CommandError("Requires execution to be paused");
  std::string script_id = (*frame)["location"]["scriptId"];
  print(source_snippet(script_source(script_id), (*frame)["location"]["lineNumber"].get<int>() + 1, delta,
                       breakpoint_lines(script_id)));
}

// ============================================================================
// The session
// ============================================================================

int Terminal::run(const std::vector<std::string>& args) {
  size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.starts_with("--port=")) port_ = uint16_t(std::stoi(a.substr(7)));
    else if (a == "--gc-stress" || a == "--module" || a == "--trace-gc" || a == "--trace-loop") child_flags_.push_back(a);
    else if (a == "-h" || a == "--help") {
      print("usage: glass inspect [--port=N] [--gc-stress|--module|--trace-gc|--trace-loop] FILE [ARGS...]\n"
            "       glass inspect [HOST:]PORT");
      return 0;
    } else break;
  }
  if (i >= args.size()) {
    std::cerr << "usage: glass inspect [--port=N] FILE [ARGS...] | glass inspect [HOST:]PORT\n";
    return 2;
  }
  static const RE2 host_port(R"((?:([^:]+):)?(\d+))");
  std::string host, port;
  bool started;
  if (RE2::FullMatch(args[i], host_port, &host, &port) && !std::filesystem::exists(args[i])) {
    started = attach(host.empty() ? "127.0.0.1" : host, uint16_t(std::stoi(port))) && start_session(false);
  } else {
    file_ = args[i];
    file_args_.assign(args.begin() + long(i) + 1, args.end());
    started = launch() && start_session(true);
  }
  if (!started) {
    stop_program();
    return 1;
  }
  std::string line;
  while (!quit_) {
    prompt();
    if (!deferred_.empty()) {
      line = deferred_.front();
      deferred_.pop_front();
    } else if (input_closed_) {
      line = "\x04";
    } else {
      while (!pump(-1, &line)) {
      }
    }
    if (line != "\x04" && line != "\x03" && !isatty(0)) {  // echo piped commands, so a transcript reads like a session
      std::cout << line << "\n";
      std::cout.flush();
    }
    if (line == "\x04") {  // end of input: leave, as node inspect does
      std::cout << "\n";
      break;
    }
    if (line == "\x03" && !repl_) {
      print("(To exit, press Ctrl+C again or Ctrl+D or type .exit)");
      continue;
    }
    try {
      command(line);
    } catch (const CommandError& e) {
      print(std::string("Uncaught Error: ") + e.what());
    }
  }
  stop_program();
  return 0;
}

}  // namespace

int run_inspect(const std::vector<std::string>& args, const std::string& glass_path) {
  if (::pipe(signal_pipe) == 0) {
    ::fcntl(signal_pipe[0], F_SETFL, O_NONBLOCK);
    ::fcntl(signal_pipe[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(signal_pipe[1], F_SETFD, FD_CLOEXEC);
  }
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  Terminal terminal(glass_path);
  return terminal.run(args);
}

}  // namespace glass::inspect
