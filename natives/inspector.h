// glass::natives::Inspector — the debugger joined to the runtime: the
// engine's debugger core (engine/debug/) for the runtime's Vm, one client
// connection at a time, and the event-loop integration.
//
// Rules a reader must know:
// - A protocol server (tools/inspector/) runs on a thread of its own and
//   hands each client message to deliver() from that thread. Messages wait
//   in a queue here and are handled on the JS thread by the session (the
//   protocol itself, also in tools/), at the first of:
//     * the next instruction, when JS is running (the debugger's interrupt);
//     * the next poll phase, when the loop is waiting (post_from_any_thread);
//     * at once, when the program is paused (the pause waits on the queue).
// - While paused, nothing else runs on the JS thread — no timer, no I/O
//   callback, no promise job. The pool's threads go on working; their
//   completions wait in the loop's queue until the program resumes. Timers
//   keep their due times: one that came due during the pause runs at once.
// - The client going away resumes a paused program and removes what it set
//   (breakpoints, stepping, pause on exceptions), as in Node.
#pragma once
#include <condition_variable>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>

#include "debug/debugger.h"

namespace glass::natives {

class Runtime;

// The protocol spoken with one client (tools/inspector/ implements CDP).
// Every call is on the JS thread.
class InspectorSession {
 public:
  virtual ~InspectorSession() = default;
  virtual void connected() = 0;                         // a new client: forget the last one's state
  virtual void handle(const std::string& message) = 0;  // a message from the client
  virtual void script_parsed(const debug::Script& script) = 0;
  virtual void breakpoint_resolved(debug::BreakpointId id, const debug::Location& where) = 0;
  virtual void paused(const debug::PauseInfo& pause) = 0;
  virtual void resumed() = 0;
  virtual void console_called(std::string_view type, std::span<const Value> args) = 0;
  virtual void exception_thrown(Value error) = 0;  // uncaught: the program ends
  virtual void context_destroyed() = 0;            // the program has ended
};

class Inspector final : public debug::DebuggerDelegate {
 public:
  explicit Inspector(Runtime& runtime);
  ~Inspector() override;
  Inspector(const Inspector&) = delete;
  Inspector& operator=(const Inspector&) = delete;

  debug::Debugger& debugger() { return *debugger_; }
  Runtime& runtime() { return runtime_; }
  void set_session(InspectorSession* session) { session_ = session; }
  bool client_attached() const { return attached_; }

  // ---- any thread (the server's) ----
  void deliver(std::string message);
  void client_connected();
  void client_disconnected();

  // ---- JS thread ----
  // --inspect-brk / --inspect-wait: serves the client until it says
  // Runtime.runIfWaitingForDebugger (at once if it already has: a client
  // may attach, and say it, while the runtime is still starting).
  void wait_for_debugger();
  void run_if_waiting() { run_requested_ = true; }
  bool waiting_for_debugger() const { return waiting_for_debugger_; }
  // Handles every message waiting now.
  void pump();
  // The runtime's events, forwarded to the client.
  void console_called(std::string_view type, std::span<const Value> args);
  void exception_thrown(Value error);
  // The program is over: with a client attached, tell it, print "Waiting
  // for the debugger to disconnect...", and serve it until it goes.
  void program_ending();

  // ---- where the loop's items came from (the live view's "created at") ----
  // Recorded only while a client is attached (nothing costs anything otherwise).
  enum class SiteKind : uint8_t { Timer, Immediate, Work, Tick };
  void note_created(SiteKind kind, uint64_t id);  // (Tick: id unused, the nextTick queue's order is kept)
  void note_tick_ran();  // the oldest nextTick ran
  std::optional<debug::Location> site_of(SiteKind kind, uint64_t id) const;
  std::optional<debug::Location> tick_site(size_t n) const;  // the n-th waiting nextTick
  // ---- loop-phase breakpoints and "run to the next callback" ----
  void set_phase_breakpoint(const std::string& phase, bool on);
  const std::set<std::string>& phase_breakpoints() const { return phase_breakpoints_; }

  // ---- debug::DebuggerDelegate ----
  void script_parsed(const debug::Script& script) override;
  void breakpoint_resolved(debug::BreakpointId id, const debug::Location& where) override;
  void paused(const debug::PauseInfo& pause) override;
  void interrupted() override { pump(); }

 private:
  struct Incoming {
    enum class Kind : uint8_t { Message, Connected, Disconnected } kind;
    std::string text;
  };
  void push(Incoming in);
  std::optional<Incoming> pop(bool wait);
  void handle(Incoming& in);

  Runtime& runtime_;
  std::unique_ptr<debug::Debugger> debugger_;
  InspectorSession* session_ = nullptr;
  bool attached_ = false;  // JS thread's view: a client is connected
  bool waiting_for_debugger_ = false;
  bool run_requested_ = false;  // Runtime.runIfWaitingForDebugger has come
  bool ended_ = false;
  std::map<std::pair<SiteKind, uint64_t>, debug::Location> sites_;
  std::deque<std::optional<debug::Location>> tick_sites_;
  std::set<std::string> phase_breakpoints_;

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::deque<Incoming> queue_;
};

}  // namespace glass::natives
