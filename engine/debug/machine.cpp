// The machine under the language, for a debugger that shows it: functions
// named by number, a frame's instruction and registers, instruction
// breakpoints, cells numbered for a heap view, and a collection the
// debugger drives phase by phase (README.md, "The machine").
#include "debug/debugger.h"
#include "vm/generator.h"

namespace glass::debug {

// ---- functions by number --------------------------------------------------------

std::optional<FunctionRef> Debugger::function_ref(const bytecode::CompiledFunction* code) const {
  const Script* script = scripts_.find_code(code);
  if (!script) return std::nullopt;
  uint32_t n = 0;
  std::optional<FunctionRef> found;
  for_each_function(script->top, [&](const bytecode::CompiledFunction* c) {
    if (c == code) found = FunctionRef{script->id, n};
    ++n;
  });
  return found;
}

const bytecode::CompiledFunction* Debugger::function_at(FunctionRef ref) const {
  const Script* script = scripts_.find(ref.script);
  if (!script) return nullptr;
  uint32_t n = 0;
  const bytecode::CompiledFunction* found = nullptr;
  for_each_function(script->top, [&](const bytecode::CompiledFunction* c) {
    if (n++ == ref.index) found = c;
  });
  return found;
}

// ---- a frame's code, instruction and registers --------------------------------------

namespace {

// The saved frame of a JS frame or a suspended function, with its registers.
struct FrameView {
  const Frame* frame = nullptr;
  const Value* regs = nullptr;
};

FrameView view_of(const Vm& vm, const CallFrame& cf) {
  if (cf.kind == CallFrame::Kind::Js && cf.frame_index < vm.frames().size()) {
    const Frame& f = vm.frames()[cf.frame_index];
    return {&f, f.regs};
  }
  if (cf.kind == CallFrame::Kind::Suspended && cf.generator) {
    auto* g = static_cast<GeneratorObject*>(cf.generator);
    return {&g->frame, g->registers.data()};
  }
  return {};
}

}  // namespace

const bytecode::CompiledFunction* Debugger::code_of(const CallFrame& frame) const {
  FrameView v = view_of(vm_, frame);
  return v.frame ? v.frame->tmpl->code : nullptr;
}

// A frame's pc is its next instruction; the one it is at (the top frame
// stopped before it, a caller is inside its call) is the one before.
uint32_t Debugger::pc_of(const CallFrame& frame) const {
  FrameView v = view_of(vm_, frame);
  if (!v.frame) return 0;
  uint32_t next = uint32_t(v.frame->pc - v.frame->tmpl->code->code.data());
  return next > 0 ? next - 1 : 0;
}

std::vector<RegisterValue> Debugger::registers(const CallFrame& frame) const {
  std::vector<RegisterValue> out;
  FrameView v = view_of(vm_, frame);
  if (!v.frame || !v.regs) return out;
  const bytecode::CompiledFunction* code = v.frame->tmpl->code;
  const uint32_t pc = pc_of(frame);
  for (uint32_t r = 0; r < code->register_count; ++r) {
    RegisterValue reg;
    reg.index = r;
    reg.value = v.regs[r];
    for (const bytecode::LocalVariable& local : code->locals)
      if (local.reg == r && pc >= local.start_pc && pc < local.end_pc) {
        reg.name = local.name;
        reg.kind = local.kind;
      }
    reg.uninitialized = reg.value.is_empty();
    out.push_back(std::move(reg));
  }
  return out;
}

// ---- instruction breakpoints --------------------------------------------------------

BreakpointId Debugger::set_instruction_breakpoint(const bytecode::CompiledFunction* code, uint32_t pc,
                                                  const std::string& condition, Location* at) {
  const Script* script = scripts_.find_code(code);
  if (!script || pc >= code->code.size()) return 0;
  BreakpointId id = next_breakpoint_++;
  Breakpoint& bp = breakpoints_[id];
  bp.spec.script = script->id;
  bp.spec.condition = condition;
  bp.spec.instruction = true;
  bp.sites.emplace_back(code, pc);
  ++code->breakpoint_count;
  const bytecode::PositionEntry* p = code->position_of(pc);
  Location where{script->id, p ? p->line : code->start.line, p ? p->column : code->start.column};
  bp.spec.line = where.line;
  bp.spec.column = where.column;
  bp.locations.push_back(where);
  if (at) *at = where;
  return id;
}

// ---- where things were made -----------------------------------------------------------

std::optional<Location> Debugger::current_location() const {
  const FrameStack& frames = vm_.frames();
  for (size_t i = frames.size(); i-- > 0;) {
    const Frame& f = frames[i];
    const Script* script = scripts_.find_code(f.tmpl->code);
    if (script && script->internal) continue;  // the runtime's own JS (setTimeout's wrapper): its caller made it
    uint32_t pc = uint32_t(f.pc - f.tmpl->code->code.data());
    const bytecode::PositionEntry* p = f.tmpl->code->position_of(pc > 0 ? pc - 1 : 0);
    if (!p || !script) continue;
    return Location{script->id, p->line, p->column};
  }
  return std::nullopt;
}

void Debugger::job_queued(Vm& vm) {
  if (!record_sites_) return;
  // Jobs that ran are forgotten; each waiting one keeps its place.
  while (!job_sites_.empty() && job_sites_.front().first < vm.jobs_started()) job_sites_.pop_front();
  if (auto at = current_location()) job_sites_.emplace_back(vm.jobs_queued() - 1, *at);
}

std::optional<Location> Debugger::job_site(uint64_t n) const {
  for (const auto& [number, at] : job_sites_)
    if (number == n) return at;
  return std::nullopt;
}

// ---- numbered cells ---------------------------------------------------------------

uint32_t Debugger::cell_number(const gc::Cell* cell) {
  auto [it, added] = cell_numbers_.emplace(cell, uint32_t(numbered_cells_.size() + 1));
  if (added) numbered_cells_.push_back(cell);
  return it->second;
}

const gc::Cell* Debugger::numbered_cell(uint32_t number) const {
  return number >= 1 && number <= numbered_cells_.size() ? numbered_cells_[number - 1] : nullptr;
}

// ---- the collector, stopped between phases -----------------------------------------
//
// "Break on GC" does not stop a real collection at some arbitrary point: when
// the heap wants to collect, the debugger takes the collection over (the heap
// skips it) and pauses the program at its next instruction. From there the
// client may step through a collection the debugger itself runs
// (Heap::collect_in_steps), stopping after each phase with the marked set in
// place. Nothing may allocate while stopped there: the front end serves
// only reading requests until the collection is over.

void Debugger::set_break_on_gc(bool on) {
  break_on_gc_ = on;
  gc::Heap& heap = vm_.heap();
  if (!on) {
    heap.set_collection_deferrer(nullptr);
    return;
  }
  heap.set_collection_deferrer([this](gc::CollectReason reason) {
    if (reason != gc::CollectReason::Threshold && reason != gc::CollectReason::Stress) return false;
    if (quiet_ || paused_ || in_collection_) return false;
    if (!gc_pause_pending_) {
      gc_pause_pending_ = true;
      pause_for("gc", "before");
    }
    return true;  // until the pause, the debugger holds the collection back
  });
}

void Debugger::step_collection() {
  if (in_collection_) return;
  in_collection_ = true;
  gc_pause_pending_ = false;
  forget_cell_numbers();
  bool resumed = false;
  const PauseInfo outer = pause_;
  auto phase_name = [](gc::Heap::CollectionPhase phase) {
    switch (phase) {
      case gc::Heap::CollectionPhase::RootsMarked: return "roots";
      case gc::Heap::CollectionPhase::Marked: return "mark";
      case gc::Heap::CollectionPhase::WeakProcessed: return "weak";
      case gc::Heap::CollectionPhase::Swept: return "sweep";
    }
    return "?";
  };
  vm_.heap().collect_in_steps([&](gc::Heap::CollectionPhase phase) {
    if (resumed) return;  // the client resumed: the collection runs to its end
    PauseInfo info;
    info.reason = PauseReason::Instrumentation;
    info.detail = "gc";
    info.phase = phase_name(phase);
    info.marked = phase == gc::Heap::CollectionPhase::Swept ? 0 : vm_.heap().marked_so_far();
    pause_ = info;
    paused_ = true;
    collection_step_requested_ = false;
    delegate_.paused(pause_);  // serves reading requests until continue_collection() or resume()
    if (!collection_step_requested_) resumed = true;
    forget_cell_numbers();
  });
  in_collection_ = false;
  forget_cell_numbers();
  pause_ = outer;
  pause_.detail = "gc";
  pause_.phase = "done";
  paused_ = !resumed;
  if (resumed) step_.reset();
}

}  // namespace glass::debug
