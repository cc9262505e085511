// The debugger core's control: breakpoints, stepping and pausing (see
// README.md in this folder for the whole story). Frames and scopes are in
// frames.cpp, evaluation in evaluate.cpp.
#include "debug/debugger.h"

#include <re2/re2.h>

#include "vm/generator.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass::debug {

Debugger::Debugger(Vm& vm, DebuggerDelegate& delegate) : vm_(vm), delegate_(delegate), handles_(vm.heap()) {
  vm_.heap().add_root_section(*this);
  vm_.set_debug_hooks(this);
  // Numbers handed out for cells name nothing once a collection may free them.
  vm_.heap().set_collection_observer([this](bool starting, const gc::CycleStats&) {
    if (starting && !in_collection_) forget_cell_numbers();
  });
}

Debugger::~Debugger() {
  if (vm_.debug_hooks() == this) vm_.set_debug_hooks(nullptr);
  vm_.heap().set_collection_observer(nullptr);
  vm_.heap().set_collection_deferrer(nullptr);
  for (auto& [id, bp] : breakpoints_)
    for (auto& [code, pc] : bp.sites) --code->breakpoint_count;
  vm_.heap().remove_root_section(*this);
}

void Debugger::trace_roots(gc::Tracer& tracer) {
  tracer.section("debugger step target");
  if (step_) trace_value(tracer, step_->awaiting);
  tracer.section("debugger pause");
  trace_value(tracer, pause_.exception);
}

// ============================================================================
// Breakpoints
// ============================================================================
//
// A breakpoint is a spec (where the client wants it) and the sites it
// resolved to: (function, pc) pairs at break locations — the first
// instruction of a statement (CompiledFunction::statements). Resolving
// picks the first break location at or after the requested line and column
// in the script, whichever function it is in: a breakpoint on a blank line
// or on a function's header lands on the next statement that runs, as in V8.
// Specs by URL stay, and resolve again in every script that loads later.

bool Debugger::matches(const BreakpointSpec& spec, const Script& script) const {
  if (spec.script) return spec.script == script.id;
  if (!spec.url.empty()) return spec.url == script.url;
  if (!spec.url_regex.empty()) {
    // URL patterns are simple (node inspect sends `^(.*[\/\\])?app\.js$`): RE2 reads them;
    // one it cannot read matches nothing.
    RE2 pattern(spec.url_regex, RE2::Quiet);
    return pattern.ok() && RE2::PartialMatch(script.url, pattern);
  }
  return false;
}

void Debugger::add_site(BreakpointId, Breakpoint& bp, const bytecode::CompiledFunction* code, uint32_t pc,
                        const Script& script) {
  for (const auto& [c, p] : bp.sites)
    if (c == code && p == pc) return;
  bp.sites.emplace_back(code, pc);
  ++code->breakpoint_count;
  const bytecode::PositionEntry* at = code->statement_at(pc);
  bp.locations.push_back(Location{script.id, at->line, at->column});
}

void Debugger::resolve_in(BreakpointId id, Breakpoint& bp, const Script& script, std::vector<Location>* resolved) {
  if (bp.spec.instruction || !matches(bp.spec, script)) return;
  // The first break location at or after (line, column), over every function of the script.
  const bytecode::CompiledFunction* best_code = nullptr;
  const bytecode::PositionEntry* best = nullptr;
  auto before = [](const bytecode::PositionEntry& a, const bytecode::PositionEntry& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  };
  for_each_function(script.top, [&](const bytecode::CompiledFunction* code) {
    if (code == script.wrapper) return;
    for (const bytecode::PositionEntry& s : code->statements) {
      if (s.line > script.end_line + 1) continue;  // the loader's wrapper
      if (s.line < bp.spec.line || (s.line == bp.spec.line && s.column < bp.spec.column)) continue;
      if (!best || before(s, *best)) {
        best = &s;
        best_code = code;
      }
    }
  });
  if (!best) return;
  size_t before_count = bp.locations.size();
  add_site(id, bp, best_code, best->pc, script);
  if (resolved && bp.locations.size() > before_count) resolved->push_back(bp.locations.back());
}

BreakpointId Debugger::set_breakpoint(const BreakpointSpec& spec, std::vector<Location>* resolved) {
  BreakpointId id = next_breakpoint_++;
  Breakpoint& bp = breakpoints_[id];
  bp.spec = spec;
  for (const auto& script : scripts_.all()) resolve_in(id, bp, *script, resolved);
  return id;
}

bool Debugger::remove_breakpoint(BreakpointId id) {
  auto it = breakpoints_.find(id);
  if (it == breakpoints_.end()) return false;
  for (auto& [code, pc] : it->second.sites) --code->breakpoint_count;
  breakpoints_.erase(it);
  return true;
}

void Debugger::remove_all_breakpoints() {
  while (!breakpoints_.empty()) remove_breakpoint(breakpoints_.begin()->first);
  function_breakpoints_.clear();
}

const BreakpointSpec& Debugger::breakpoint_spec(BreakpointId id) const {
  static const BreakpointSpec none;
  auto it = breakpoints_.find(id);
  return it == breakpoints_.end() ? none : it->second.spec;
}

bool Debugger::set_function_breakpoint(Value function, bool set) {
  FunctionObject* f = as_function(function);
  if (!f || f->kind != FunctionKind::Bytecode) return false;
  const bytecode::CompiledFunction* code = f->tmpl->code;
  const Script* script = scripts_.find_code(code);
  if (!script || code->statements.empty()) return false;
  auto it = function_breakpoints_.find(code);
  if (!set) {
    if (it != function_breakpoints_.end()) {
      remove_breakpoint(it->second);
      function_breakpoints_.erase(it);
    }
    return true;
  }
  if (it != function_breakpoints_.end()) return true;
  BreakpointId id = next_breakpoint_++;
  Breakpoint& bp = breakpoints_[id];
  bp.spec.script = script->id;
  bp.spec.line = code->statements.front().line;
  bp.spec.column = code->statements.front().column;
  add_site(id, bp, code, code->statements.front().pc, *script);
  function_breakpoints_[code] = id;
  return true;
}

std::vector<Location> Debugger::possible_breakpoints(ScriptId id, Location from, Location to) const {
  std::vector<Location> out;
  const Script* script = scripts_.find(id);
  if (!script) return out;
  auto at_or_after = [](uint32_t line, uint32_t column, const Location& l) {
    return line > l.line || (line == l.line && column >= l.column);
  };
  for_each_function(script->top, [&](const bytecode::CompiledFunction* code) {
    if (code == script->wrapper) return;
    for (const bytecode::PositionEntry& s : code->statements) {
      if (s.line > script->end_line + 1) continue;  // the loader's wrapper
      if (!at_or_after(s.line, s.column, from)) continue;
      if (to.line && at_or_after(s.line, s.column, to)) continue;
      out.push_back(Location{id, s.line, s.column});
    }
  });
  std::sort(out.begin(), out.end(), [](const Location& a, const Location& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Which breakpoints are at (frame's code, pc), and whether one of them
// should pause: its condition, if any, is evaluated in the frame.
bool Debugger::breakpoint_hit(Frame& frame, uint32_t pc, std::vector<BreakpointId>& hit) {
  const bytecode::CompiledFunction* code = frame.tmpl->code;
  for (auto& [id, bp] : breakpoints_) {
    bool here = false;
    for (const auto& [c, p] : bp.sites) here = here || (c == code && p == pc);
    if (!here) continue;
    if (!bp.spec.condition.empty()) {
      CallFrame cf;
      cf.frame_index = size_t(&frame - vm_.frames().data());
      cf.this_value = frame.this_value;
      Completion c = evaluate_on_frame(cf, bp.spec.condition);
      if (c.threw || !to_boolean(c.value)) continue;  // a condition that throws does not pause (as in V8)
    }
    hit.push_back(id);
  }
  return !hit.empty();
}

// ============================================================================
// Running, stepping, pausing
// ============================================================================

void Debugger::update_armed() {
  bool armed = step_.has_value() || pause_next_.has_value() || resumed_frame_ != nullptr || continue_to_.has_value() ||
               pause_for_.has_value();
  armed_.store(armed || pause_requested_.load() || interrupt_requested_.load(), std::memory_order_relaxed);
  // Another thread may have asked for something between the loads and the
  // store: look again, so that a request is never lost.
  if (pause_requested_.load() || interrupt_requested_.load()) armed_.store(true);
}

void Debugger::request_pause() {
  pause_requested_.store(true);
  armed_.store(true);
}

void Debugger::request_interrupt() {
  interrupt_requested_.store(true);
  armed_.store(true);
}

void Debugger::pause_next(PauseReason reason) {
  pause_next_ = reason;
  update_armed();
}

void Debugger::resume() {
  step_.reset();
  paused_ = false;
  forget_cell_numbers();
}

void Debugger::pause_for(std::string detail, std::string phase) {
  PauseInfo info;
  info.reason = PauseReason::Instrumentation;
  info.detail = std::move(detail);
  info.phase = std::move(phase);
  pause_for_ = std::move(info);
  update_armed();
}

bool Debugger::continue_to(const Location& where) {
  const Script* script = scripts_.find(where.script);
  if (!script) return false;
  Breakpoint probe;  // resolved like a breakpoint, but never added
  probe.spec.script = where.script;
  probe.spec.line = where.line;
  probe.spec.column = where.column;
  resolve_in(0, probe, *script, nullptr);
  for (auto& [code, pc] : probe.sites) --code->breakpoint_count;  // (resolve_in counted it)
  if (probe.sites.empty()) return false;
  continue_to_ = probe.sites.front();
  step_.reset();
  paused_ = false;
  return true;
}

void Debugger::step(StepKind kind) {
  Step s;
  s.kind = kind;
  s.depth = vm_.frames().empty() ? 0 : vm_.frames().size() - 1;
  step_ = s;
  paused_ = false;
}

Location Debugger::location_of(const Frame& frame, uint32_t pc) const {
  const bytecode::CompiledFunction* code = frame.tmpl->code;
  const Script* script = scripts_.find_code(code);
  const bytecode::PositionEntry* at = code->statement_at(pc);
  if (!at && pc < code->code.size() && code->code[pc].op() == bytecode::Opcode::Throw) {
    // A throw is shown at its statement (`throw new Error()`), not at the error's construction.
    for (const bytecode::PositionEntry& s : code->statements)
      if (s.pc <= pc) at = &s;
  }
  if (!at) at = code->position_of(pc);
  return Location{script ? script->id : 0, at ? at->line : code->start.line, at ? at->column : code->start.column};
}

void Debugger::enter_pause(PauseInfo info) {
  const Frame* top = vm_.frames().empty() ? nullptr : &vm_.frames().back();
  pause_ = std::move(info);
  paused_ = true;
  step_.reset();
  continue_to_.reset();
  pause_next_.reset();
  pause_for_.reset();
  gc_pause_pending_ = false;
  update_armed();
  delegate_.paused(pause_);  // serves the client until it resumes or steps
  paused_ = false;
  pause_.exception = Value::undefined();
  pause_.hit_breakpoints.clear();
  handles_.release_group("backtrace");
  // The instruction we stopped before runs next; it must not stop us again.
  if (top) {
    resumed_frame_ = top;
    resumed_at_ = top->pc - 1;
  }
  update_armed();
}

// The stepping rule (README.md "Stepping"), at a break location of the
// frame at `index`.
bool Debugger::step_stops_at(const Frame& frame, size_t index, uint32_t) {
  switch (step_->kind) {
    case StepKind::Into:
    case StepKind::Instruction: return true;
    case StepKind::NextCallback: return step_->stack_emptied;
    case StepKind::Over:
      if (step_->awaiting.is_object()) return frame.generator == as_object(step_->awaiting);
      return index <= step_->depth;
    case StepKind::Out: return index < step_->depth;
  }
  return false;
}

void Debugger::before_instruction(Vm& vm, Frame& frame, const bytecode::Instruction* at) {
  if (interrupt_requested_.exchange(false)) delegate_.interrupted();
  if (pause_requested_.exchange(false) && !pause_next_) pause_next_ = PauseReason::Request;
  if (quiet_ || paused_) {
    update_armed();
    return;
  }
  if (resumed_frame_) {
    bool same = &frame == resumed_frame_ && at == resumed_at_;
    resumed_frame_ = nullptr;
    resumed_at_ = nullptr;
    if (same) {
      update_armed();
      return;
    }
  }
  const bytecode::CompiledFunction* code = frame.tmpl->code;
  const uint32_t pc = uint32_t(at - code->code.data());
  const size_t index = size_t(&frame - vm.frames().data());
  const Script* script = scripts_.find_code(code);
  const bool user_code = !script || (!script->hidden() && code != script->wrapper);
  const bytecode::PositionEntry* at_statement = code->statement_at(pc);
  // A place past the end of the user's text is the loader's (a CommonJS
  // wrapper's closing brace): not a statement of theirs.
  const bool statement = at_statement && (!script || at_statement->line <= script->end_line + 1);
  PauseInfo info;
  if (!skip_all_pauses_) {
    if (continue_to_ && continue_to_->first == code && continue_to_->second == pc) {
      continue_to_.reset();
      info.reason = PauseReason::Step;
      return enter_pause(std::move(info));
    }
    // (A statement's breakpoints sit at its first instruction; an instruction breakpoint anywhere.)
    if (breakpoints_active_ && code->breakpoint_count && breakpoint_hit(frame, pc, info.hit_breakpoints)) {
      info.reason = PauseReason::Breakpoint;
      return enter_pause(std::move(info));
    }
    if (user_code && step_ && step_->return_to == &frame) {
      info.reason = PauseReason::Step;
      return enter_pause(std::move(info));
    }
    if (user_code && step_ && (step_->kind == StepKind::Instruction || (statement && step_stops_at(frame, index, pc)))) {
      info.reason = PauseReason::Step;
      if (step_->kind == StepKind::Instruction) info.detail = "instruction";
      if (step_->kind == StepKind::NextCallback) info.detail = "callback";
      return enter_pause(std::move(info));
    }
    if (user_code && pause_for_) return enter_pause(*pause_for_);
    if (user_code && statement && pause_next_) {
      info.reason = *pause_next_;
      return enter_pause(std::move(info));
    }
  }
  update_armed();
}

void Debugger::debugger_statement(Vm&, Frame&) {
  if (quiet_ || paused_ || skip_all_pauses_ || !breakpoints_active_) return;
  PauseInfo info;
  info.reason = PauseReason::DebuggerStatement;
  enter_pause(std::move(info));
}

// A frame leaving while armed. Stepping follows it: a return into a JS
// caller stops at the caller's next instruction (where the call returns,
// as V8 shows it); an await while stepping over waits for this function to
// resume; the last frame returning to the event loop ends the step.
void Debugger::leaving_frame(Vm& vm, const Frame& frame, Leave how) {
  if (!step_ || quiet_) return;
  const size_t index = size_t(&frame - vm.frames().data());
  if (step_->kind == StepKind::NextCallback) {
    if (index == 0) step_->stack_emptied = true;  // the callback is over: the next one stops
    return;
  }
  const bool ours = step_->kind == StepKind::Into || step_->kind == StepKind::Instruction || index <= step_->depth;
  if (!ours) return;
  if (how == Leave::Await && step_->kind == StepKind::Over && frame.generator) {
    step_->awaiting = object_value(frame.generator);
    return;
  }
  if (step_->awaiting.is_object()) return;
  const bool to_js_caller = !(frame.flags & Frame::kEntry) && index > 0;
  if (how == Leave::Return && to_js_caller && step_->kind != StepKind::Instruction) {
    step_->return_to = &vm.frames()[index - 1];
    return;
  }
  if (index == 0 && how == Leave::Return && step_->kind != StepKind::Into && step_->kind != StepKind::Instruction)
    step_.reset();  // back to the event loop: the step is over, the program runs on
  update_armed();
}

// Would a handler catch an exception thrown now? The frames are walked from
// the top without unwinding anything. A `finally` or an iterator being
// closed rethrows, so the search goes on past it; an async function's
// implicit handler rejects its promise, so there the search follows the
// await chain to the function awaiting that promise.
bool Debugger::would_be_caught() const {
  // What the handlers covering `at` in `code` do: caught, or an async
  // function's boundary (then the promise's awaiter decides), or neither.
  enum class Verdict { Caught, AsyncBoundary, Neither };
  auto verdict = [](const bytecode::CompiledFunction* code, uint32_t at) {
    for (const bytecode::Handler& h : code->handlers) {  // innermost first
      if (at < h.start || at >= h.end) continue;
      if (h.kind == bytecode::Handler::Kind::Catch) return Verdict::Caught;
      if (h.kind == bytecode::Handler::Kind::AsyncFunction) return Verdict::AsyncBoundary;
    }
    return Verdict::Neither;
  };
  const FrameStack& frames = vm_.frames();
  for (size_t i = frames.size(); i-- > 0;) {
    const Frame& f = frames[i];
    Verdict v = verdict(f.tmpl->code, uint32_t(f.pc - f.tmpl->code->code.data()) - 1);
    if (v == Verdict::Caught) return true;
    if (v == Verdict::AsyncBoundary) {
      CallFrame cf;
      cf.frame_index = i;
      for (const CallFrame& parent : async_parents(cf)) {
        const Frame& saved = static_cast<GeneratorObject*>(parent.generator)->frame;
        Verdict pv = verdict(saved.tmpl->code, uint32_t(saved.pc - saved.tmpl->code->code.data()) - 1);
        if (pv == Verdict::Caught) return true;
        if (pv != Verdict::AsyncBoundary) break;
      }
      return false;  // a rejection nobody awaits in a try: uncaught (V8 predicts the same)
    }
  }
  return false;
}

void Debugger::exception_thrown(Vm& vm, Value exception) {
  if (quiet_ || paused_ || skip_all_pauses_ || pause_on_exceptions_ == PauseOnExceptions::None) return;
  if (vm.frames().empty()) return;
  bool caught = would_be_caught();
  if (caught && pause_on_exceptions_ == PauseOnExceptions::Uncaught) return;
  const Script* script = scripts_.find_code(vm.frames().back().tmpl->code);
  if (script && script->internal && caught) return;
  RootedValue keep(vm.heap(), exception);
  PauseInfo info;
  info.reason = PauseReason::Exception;
  info.exception = exception;
  info.uncaught = !caught;
  enter_pause(std::move(info));
}

void Debugger::code_loaded(Vm&, FunctionTemplate* top, const std::string& name, const std::string& text,
                           const ParseOptions& options) {
  if (quiet_) return;
  // The user's own text: a CommonJS file without the wrapper around it.
  std::string source = text;
  size_t prefix = options.first_line_column_offset, suffix = options.wrapper_suffix;
  if (prefix + suffix <= source.size()) source = source.substr(prefix, source.size() - prefix - suffix);
  Script& script = scripts_.add(name, std::move(source), top->code, options.module);
  if (prefix > 0) script.wrapper = top->code;
  delegate_.script_parsed(script);
  for (auto& [id, bp] : breakpoints_) {
    std::vector<Location> resolved;
    resolve_in(id, bp, script, &resolved);
    for (const Location& where : resolved) delegate_.breakpoint_resolved(id, where);
  }
}

}  // namespace glass::debug
