// The debugger joined to the runtime: see inspector.h for the rules.
#include "natives/inspector.h"

#include <cstdio>

#include "natives/runtime.h"
#include "vm/rooted.h"

namespace glass::natives {

Inspector::Inspector(Runtime& runtime)
    : runtime_(runtime), debugger_(std::make_unique<debug::Debugger>(runtime.vm(), *this)) {
  runtime_.vm().console_observer = [this](std::string_view method, std::span<const Value> args) {
    console_called(method, args);
  };
}

Inspector::~Inspector() { runtime_.vm().console_observer = nullptr; }

// ---- the queue between the server's thread and the JS thread ----------------

void Inspector::push(Incoming in) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(in));
  }
  arrived_.notify_one();
  debugger_->request_interrupt();  // JS running: handled before its next instruction
  runtime_.loop().post_from_any_thread([this] { pump(); }, "inspector message");  // the loop idle: wakes it
}

std::optional<Inspector::Incoming> Inspector::pop(bool wait) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (wait) arrived_.wait(lock, [&] { return !queue_.empty(); });
  if (queue_.empty()) return std::nullopt;
  Incoming in = std::move(queue_.front());
  queue_.pop_front();
  return in;
}

void Inspector::deliver(std::string message) { push(Incoming{Incoming::Kind::Message, std::move(message)}); }
void Inspector::client_connected() { push(Incoming{Incoming::Kind::Connected, {}}); }
void Inspector::client_disconnected() { push(Incoming{Incoming::Kind::Disconnected, {}}); }

void Inspector::handle(Incoming& in) {
  switch (in.kind) {
    case Incoming::Kind::Connected:
      attached_ = true;
      std::fputs("Debugger attached.\n", stderr);
      std::fflush(stderr);
      if (session_) session_->connected();
      return;
    case Incoming::Kind::Disconnected: {
      attached_ = false;
      // What the client set goes with it; a paused program goes on.
      debug::Debugger& d = *debugger_;
      d.set_pause_on_exceptions(debug::PauseOnExceptions::None);
      d.set_skip_all_pauses(false);
      d.set_breakpoints_active(true);
      d.remove_all_breakpoints();
      if (d.paused()) d.resume();
      waiting_for_debugger_ = false;
      return;
    }
    case Incoming::Kind::Message:
      if (session_ && attached_) session_->handle(in.text);
      // What the program printed meanwhile leaves before the answer does.
      std::fflush(stdout);
      std::fflush(stderr);
      return;
  }
}

void Inspector::pump() {
  while (auto in = pop(false)) handle(*in);
}

void Inspector::wait_for_debugger() {
  waiting_for_debugger_ = true;
  while (waiting_for_debugger_) {
    auto in = pop(true);
    handle(*in);
  }
}

// ---- the debugger core's events ------------------------------------------------

void Inspector::script_parsed(const debug::Script& script) {
  if (session_ && attached_) session_->script_parsed(script);
}

void Inspector::breakpoint_resolved(debug::BreakpointId id, const debug::Location& where) {
  if (session_ && attached_) session_->breakpoint_resolved(id, where);
}

// Stopped: the client is told, and served until it resumes or steps. This
// is the only place the JS thread waits for the client while a program is
// running; the loop, its timers and its callbacks wait with it.
void Inspector::paused(const debug::PauseInfo& pause) {
  if (!session_ || !attached_) {
    debugger_->resume();
    return;
  }
  // The program's output so far leaves before the news that it stopped.
  std::fflush(stdout);
  std::fflush(stderr);
  session_->paused(pause);
  while (debugger_->paused()) {
    auto in = pop(true);
    handle(*in);
  }
  if (attached_) session_->resumed();
}

// ---- the runtime's events ------------------------------------------------------

void Inspector::console_called(std::string_view type, std::span<const Value> args) {
  if (session_ && attached_) session_->console_called(type, args);
}

void Inspector::exception_thrown(Value error) {
  if (session_ && attached_) session_->exception_thrown(error);
}

void Inspector::program_ending() {
  if (ended_) return;
  ended_ = true;
  pump();
  if (!attached_) return;
  // The line first, then the event: a client reading both sees them in this order.
  std::fflush(stdout);
  std::fputs("Waiting for the debugger to disconnect...\n", stderr);
  std::fflush(stderr);
  if (session_) session_->context_destroyed();
  while (attached_) {
    auto in = pop(true);
    handle(*in);
  }
}

}  // namespace glass::natives
