// The adapter's plumbing: the poll loop, DAP framing in and out, the
// dispatcher generated from dap_requests.h, waiting for CDP answers, and
// CDP events turned into DAP events. See adapter.h.
#include "dap/adapter.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "inspect/format.h"

namespace glass::dap {

Adapter::Adapter(int in_fd, int out_fd, std::string glass)
    : in_fd_(in_fd), out_fd_(out_fd), glass_(std::move(glass)), trace_(std::getenv("GLASS_DAP_TRACE") != nullptr) {}

Adapter::~Adapter() { stop_program(); }

// ============================================================================
// DAP out
// ============================================================================

void Adapter::write_message(const json& message) {
  std::string text = frame(message);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(out_fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {  // the client is gone
      input_closed_ = true;
      return;
    }
    done += size_t(n);
  }
}

void Adapter::send_event(const std::string& event, json body) {
  write_message({{"seq", next_seq_++}, {"type", "event"}, {"event", event}, {"body", std::move(body)}});
}

void Adapter::respond(const json& request, bool success, json body, const std::string& message) {
  json response = {{"seq", next_seq_++},
                   {"type", "response"},
                   {"request_seq", request.value("seq", 0)},
                   {"command", request.value("command", "")},
                   {"success", success}};
  if (!success) {
    response["message"] = message;
    response["body"] = {{"error", {{"id", 1}, {"format", message}, {"showUser", false}}}};
  } else {
    response["body"] = std::move(body);
  }
  write_message(response);
}

void Adapter::respond_error(int64_t request_seq, const std::string& command, const std::string& message) {
  respond(json{{"seq", request_seq}, {"command", command}}, false, nullptr, message);
}

void Adapter::output(const std::string& category, const std::string& text) {
  if (!text.empty()) send_event("output", {{"category", category}, {"output", text}});
}

// ============================================================================
// DAP in
// ============================================================================

namespace {

struct RequestTable {
  using Handler = json (Adapter::*)(const json&);
  struct Row {
    const char* command;
    Handler handler;
  };
  static const Row* find(const std::string& command) {
    static const Row rows[] = {
#define GLASS_DAP_ROW(name, member, doc) {#name, &Adapter::member},
        GLASS_DAP_REQUESTS(GLASS_DAP_ROW)
#undef GLASS_DAP_ROW
    };
    for (const Row& row : rows)
      if (command == row.command) return &row;
    return nullptr;
  }
};

}  // namespace

void Adapter::dispatch(const Frame& frame) {
  if (!frame.message) return respond_error(0, "", frame.error);
  const json& request = *frame.message;
  if (!request.is_object()) return respond_error(0, "", "a message must be a JSON object");
  int64_t seq = request.contains("seq") && request["seq"].is_number_integer() ? request["seq"].get<int64_t>() : 0;
  std::string command =
      request.contains("command") && request["command"].is_string() ? request["command"].get<std::string>() : "";
  if (request.value("type", json()) != "request")
    return respond_error(seq, command, "only requests are served (\"type\": \"request\")");
  if (!request.contains("seq") || !request["seq"].is_number_integer())
    return respond_error(0, command, "a request needs an integer \"seq\"");
  if (command.empty()) return respond_error(seq, "", "a request needs a \"command\" string");
  const RequestTable::Row* row = RequestTable::find(command);
  if (!row) return respond_error(seq, command, "unknown request '" + command + "'");
  json args = request.contains("arguments") ? request["arguments"] : json::object();
  if (!args.is_object()) return respond_error(seq, command, command + ": \"arguments\" must be an object");
  json body;
  try {
    body = (this->*(row->handler))(args);
  } catch (const DapError& e) {
    return respond_error(seq, command, e.what());
  } catch (const json::exception& e) {  // an argument of the wrong type
    return respond_error(seq, command, command + ": bad arguments: " + e.what());
  }
  respond(request, true, std::move(body), "");
}

bool Adapter::pump(int timeout_ms) {
  pollfd fds[4];
  int n = 0;
  int in_at = -1, cdp_at = -1, out_at = -1, err_at = -1;
  if (!input_closed_) fds[in_at = n++] = {in_fd_, POLLIN, 0};
  if (connected_) fds[cdp_at = n++] = {client_.wake_fd(), POLLIN, 0};
  if (child_.out_fd >= 0) fds[out_at = n++] = {child_.out_fd, POLLIN, 0};
  if (child_.err_fd >= 0) fds[err_at = n++] = {child_.err_fd, POLLIN, 0};
  if (n == 0) {
    done_ = true;
    return false;
  }
  int ready = ::poll(fds, nfds_t(n), timeout_ms);
  if (ready <= 0) return false;
  if (in_at >= 0 && fds[in_at].revents) {
    char buffer[65536];
    ssize_t got = ::read(in_fd_, buffer, sizeof buffer);
    if (got > 0) {
      reader_.feed(buffer, size_t(got));
      while (std::optional<Frame> frame = reader_.next()) incoming_.push_back(std::move(*frame));
    } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
      input_closed_ = true;
    }
  }
  if (cdp_at >= 0 && fds[cdp_at].revents) {
    while (std::optional<json> message = client_.next()) {
      if (trace_) std::fprintf(stderr, "cdp < %s\n", message->dump().substr(0, 2000).c_str());
      if (message->contains("closed")) {
        connected_ = false;
        cdp_events_.push_back(*message);
      } else if (message->contains("id")) {
        int id = (*message)["id"].is_number_integer() ? (*message)["id"].get<int>() : 0;
        cdp_responses_[id] = std::move(*message);
      } else {
        cdp_events_.push_back(std::move(*message));
      }
    }
  }
  if (out_at >= 0 && fds[out_at].revents) read_program_output(child_.out_fd, false, out_partial_);
  if (err_at >= 0 && fds[err_at].revents) read_program_output(child_.err_fd, true, err_partial_);
  return true;
}

void Adapter::run() {
  while (!done_) {
    // CDP events first: they happened before the requests still waiting.
    if (!cdp_events_.empty()) {
      json event = std::move(cdp_events_.front());
      cdp_events_.pop_front();
      try {
        handle_cdp_event(event);
      } catch (const DapError& e) {
        output("console", std::string("glass --dap: ") + e.what() + "\n");
      } catch (const json::exception& e) {
        output("console", std::string("glass --dap: unexpected CDP message: ") + e.what() + "\n");
      }
    } else if (!incoming_.empty()) {
      Frame frame = std::move(incoming_.front());
      incoming_.pop_front();
      dispatch(frame);
    } else if (input_closed_) {
      break;
    } else {
      pump(-1);
    }
  }
  stop_program();
}

// ============================================================================
// CDP
// ============================================================================

json Adapter::cdp(const std::string& method, json params) {
  if (!connected_) throw DapError("not connected to a program");
  if (trace_) std::fprintf(stderr, "cdp > %s %s\n", method.c_str(), params.dump().substr(0, 2000).c_str());
  int id = client_.send(method, std::move(params));
  while (!cdp_responses_.contains(id)) {
    if (!connected_) throw DapError("the program's debugger connection closed");
    pump(1000);
  }
  json response = std::move(cdp_responses_[id]);
  cdp_responses_.erase(id);
  if (response.contains("error")) throw DapError(method + ": " + response["error"].value("message", "error"));
  return response.value("result", json::object());
}

void Adapter::connect_cdp(const std::string& host, uint16_t port) {
  std::string error;
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (client_.connect(host, port, error)) {
      connected_ = true;
      return;
    }
    ::usleep(200 * 1000);
  }
  throw DapError("cannot connect to " + host + ":" + std::to_string(port) + ": " + error);
}

// What js-debug asks for on connecting: the domains' events, and scripts.
void Adapter::start_debugging() {
  cdp("Runtime.enable");
  cdp("Debugger.enable");
  cdp("Debugger.setAsyncCallStackDepth", {{"maxDepth", 32}});
}

void Adapter::handle_cdp_event(const json& message) {
  if (message.contains("closed")) {
    if (!ended_) program_ended();
    return;
  }
  std::string method = message.value("method", "");
  const json params = message.value("params", json::object());
  if (method == "Debugger.scriptParsed") {
    std::string id = params.value("scriptId", "");
    scripts_[id] = Script{params.value("url", "")};
    send_event("loadedSource", {{"reason", "new"}, {"source", source_json(id)}});
  } else if (method == "Debugger.paused") {
    handle_paused(params);
  } else if (method == "Debugger.resumed") {
    resumed();
  } else if (method == "Debugger.breakpointResolved") {
    std::string cdp_id = params.value("breakpointId", "");
    for (auto& [key, list] : line_breakpoints_)
      for (LineBreakpoint& bp : list)
        if (bp.cdp_id == cdp_id) {
          bp.line = line_out(params.value("location", json::object()).value("lineNumber", 0));
          bp.script_id = params.value("location", json::object()).value("scriptId", "");
          send_event("breakpoint",
                     {{"reason", "changed"}, {"breakpoint", {{"id", bp.dap_id}, {"verified", true}, {"line", bp.line}}}});
        }
  } else if (method == "Runtime.executionContextDestroyed") {
    program_ended();
  } else if (method == "Runtime.consoleAPICalled" && !launched_) {
    // Attached: the program's output is not ours to read, so show what it logs.
    std::string text;
    for (const json& a : params.value("args", json::array()))
      text += (text.empty() ? "" : " ") +
              (a.value("type", "") == "string" ? a.value("value", "") : inspect::format_value(a));
    std::string type = params.value("type", "log");
    output(type == "error" || type == "warning" || type == "trace" ? "stderr" : "stdout", text + "\n");
  } else if (method == "Runtime.exceptionThrown" && !launched_) {
    const json& details = params.value("exceptionDetails", json::object());
    std::string text = details.contains("exception") ? inspect::format_value(details["exception"])
                                                     : details.value("text", "Uncaught exception");
    output("stderr", "Uncaught " + text + "\n");
  }
}

void Adapter::resumed() {
  paused_ = false;
  frames_ = json::array();
  refs_.clear();
}

// A pause the user did not ask to see (a breakpoint whose hit condition is
// not met, the launched program's first line): go on.
void Adapter::resume_silently() {
  resumed();
  client_.send("Debugger.resume");
}

}  // namespace glass::dap
