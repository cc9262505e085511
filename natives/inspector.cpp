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

Inspector::~Inspector() {
  runtime_.vm().console_observer = nullptr;
  runtime_.loop().set_before_callback(nullptr);
  runtime_.loop().record_work(false);
}

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
      // The live view's records: kept only while someone looks.
      debugger_->set_record_sites(true);
      runtime_.loop().record_work(true);
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
      d.set_record_sites(false);
      d.set_break_on_gc(false);
      runtime_.loop().record_work(false);
      phase_breakpoints_.clear();
      runtime_.loop().set_before_callback(nullptr);
      if (d.paused()) d.resume();
      if (waiting_for_debugger_) run_requested_ = true;  // the client left: the program goes on
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
  while (!run_requested_) {
    auto in = pop(true);
    handle(*in);
  }
  waiting_for_debugger_ = false;
  runtime_.loop().refresh_time();
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
    // A collection the client asked to step through runs now that its
    // request is answered; it pauses (nested) after each phase.
    if (debugger_->take_collection_request()) {
      debugger_->step_collection();
      // Over: still paused (unless the client resumed), with fresh frames.
      if (debugger_->paused()) session_->paused(debugger_->pause_info());
    }
  }
  // Timers made from here on count from now, not from before the pause
  // (those made before it keep their due times).
  runtime_.loop().refresh_time();
  // (Between a collection's phases the program is not resuming: the next phase pauses it again.)
  if (attached_ && !debugger_->collecting()) session_->resumed();
}

// ---- where the loop's items came from ---------------------------------------------

void Inspector::note_created(SiteKind kind, uint64_t id) {
  if (!attached_) return;
  if (kind == SiteKind::Tick) return tick_sites_.push_back(debugger_->current_location());  // a queue, not by id
  if (sites_.size() > 100000) sites_.erase(sites_.begin());  // a long session: the oldest go
  if (auto at = debugger_->current_location()) sites_[{kind, id}] = *at;
}

void Inspector::note_tick_ran() {
  if (!tick_sites_.empty()) tick_sites_.pop_front();
}

std::optional<debug::Location> Inspector::site_of(SiteKind kind, uint64_t id) const {
  auto it = sites_.find({kind, id});
  if (it == sites_.end()) return std::nullopt;
  return it->second;
}

std::optional<debug::Location> Inspector::tick_site(size_t n) const {
  return n < tick_sites_.size() ? tick_sites_[n] : std::nullopt;
}

// A loop-phase breakpoint: before the loop runs a callback in that phase,
// the program is set to pause at the callback's first instruction.
void Inspector::set_phase_breakpoint(const std::string& phase, bool on) {
  if (on) phase_breakpoints_.insert(phase);
  else phase_breakpoints_.erase(phase);
  if (phase_breakpoints_.empty()) {
    runtime_.loop().set_before_callback(nullptr);
    return;
  }
  runtime_.loop().set_before_callback([this](const char*, const std::string&) {
    std::string phase = runtime_.loop().phase();
    if (phase_breakpoints_.count(phase)) debugger_->pause_for("loopPhase", phase);
  });
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
