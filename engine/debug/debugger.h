// The debugger core: breakpoints, stepping, pausing, call frames, scopes
// with names, object handles and evaluation in a paused frame — for one Vm,
// with no I/O and no protocol (README.md in this folder explains how it
// works, for a reader learning how debuggers are built).
//
// A front end (the Chrome DevTools Protocol server, the terminal debugger)
// drives it through this class and is told what happens through a
// DebuggerDelegate. Everything here runs on the JS thread, except the few
// members marked "any thread" (request_pause, request_interrupt).
//
//   Debugger debugger(vm, delegate);   // installs itself as the Vm's DebugHooks
//   debugger.set_breakpoint({.url = "file:///app.js", .line = 3});
//   ... the program runs; at line 3 delegate.paused(pause) is called, and
//   ... until it returns the program stays stopped. Inside it the front end
//   ... reads debugger.call_frames(), scopes(), evaluate_on_frame(), and
//   ... finally calls resume() or step(StepKind::Over), then returns.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "debug/handles.h"
#include "gc/handles.h"
#include "debug/scripts.h"
#include "vm/debug_hooks.h"
#include "vm/vm.h"

namespace glass::debug {

// A place in a script: 1-based line, 1-based column in UTF-16 code units
// (the engine's convention; CDP's 0-based numbers are the front end's job).
struct Location {
  ScriptId script = 0;
  uint32_t line = 0, column = 0;
  bool operator==(const Location&) const = default;
};

using BreakpointId = uint32_t;

// What the client asked for. Exactly one of url, url_regex or script
// identifies where; a breakpoint set by url or url_regex also resolves in
// scripts that load later.
struct BreakpointSpec {
  std::string url;
  std::string url_regex;
  ScriptId script = 0;
  uint32_t line = 1, column = 0;  // column 0: the first break location on the line
  std::string condition;          // JS evaluated in the paused frame; pause only when truthy
  bool instruction = false;       // set_instruction_breakpoint: at one instruction, not a statement
};

enum class PauseOnExceptions : uint8_t { None, Uncaught, All };

enum class StepKind : uint8_t {
  Into,         // the next statement, wherever it runs
  Over,         // the next statement in this frame or a caller (across an await: in this function when it resumes)
  Out,          // the next statement in a caller
  Instruction,  // the next instruction, wherever it runs
  NextCallback, // the first instruction of the next callback the runtime calls (after the stack empties)
};

// Why the program paused; the front end names them (CDP: "Break on start",
// "other", "exception", "promiseRejection", "debugCommand").
// Instrumentation: a pause the runtime asked for (a loop-phase breakpoint,
// the collector wanting to run); `detail` says which.
enum class PauseReason : uint8_t { Start, Breakpoint, Step, Exception, DebuggerStatement, Request, Instrumentation };

struct PauseInfo {
  PauseReason reason = PauseReason::Request;
  std::vector<BreakpointId> hit_breakpoints;
  Value exception;            // PauseReason::Exception: the value thrown
  bool uncaught = false;      // ... and whether any handler on the stack would catch it
  // What kind of step or instrumentation stopped here ("instruction",
  // "callback", "gc", "loopPhase"; "" otherwise), and its phase (a loop
  // phase, or a collection's: "before", "roots", "mark", "weak", "sweep").
  std::string detail, phase;
  size_t marked = 0;          // detail "gc": cells marked so far
};

// A function as a client names it: the n-th function of a script, counting
// the top-level code as 0 and nested functions in pre-order.
struct FunctionRef {
  ScriptId script = 0;
  uint32_t index = 0;
};

// A register of a frame, named where the locals table has a variable in it.
struct RegisterValue {
  uint32_t index = 0;
  std::string name;  // "" for a temporary
  bytecode::VariableKind kind = bytecode::VariableKind::Var;
  Value value;
  bool uninitialized = false;  // a binding in its temporal dead zone
};

// One entry of the call stack as a debugger shows it: a bytecode frame; a
// native function that called back into JS (Array.prototype.forEach) or is
// running now; or an async function suspended at an await (in an async
// stack: async_parents).
struct CallFrame {
  enum class Kind : uint8_t { Js, Native, Suspended } kind = Kind::Js;
  std::string function_name;           // "" for top-level code
  Location location;                   // Js, Suspended: where the frame is
  size_t frame_index = 0;              // Js: index in vm.frames()
  const NativeCall* native = nullptr;  // Native
  Object* generator = nullptr;         // Suspended: the GeneratorObject holding the saved frame
  Value this_value;
};

// A scope of a frame, innermost first, as CDP's scopeChain lists them.
enum class ScopeType : uint8_t { Local, Block, Catch, Closure, With, Module, Script, Global, Eval };
const char* scope_type_name(ScopeType type);

// A function's name as a debugger shows it: its code's, else the `name`
// property it was given ("" if none). Reads data only (frames.cpp).
std::string function_name(Vm& vm, const FunctionObject* f);

struct Variable {
  std::string name;
  bytecode::VariableKind kind = bytecode::VariableKind::Var;
  Value value;        // <empty> while in its temporal dead zone
  Value* slot = nullptr;  // where it lives (a register or a heap-scope slot): set_variable writes here
};

struct Scope {
  ScopeType type = ScopeType::Local;
  std::string name;                // Closure: the function whose scope it is
  std::vector<Variable> variables;
  Value object;                    // Global, With: the object whose properties are the names
};

// The result of an evaluation: a value, or the exception it threw (never
// thrown into the program).
struct Completion {
  Value value;
  bool threw = false;
};

class DebuggerDelegate {
 public:
  virtual ~DebuggerDelegate() = default;
  virtual void script_parsed(const Script& script) = 0;
  // A breakpoint set by url resolved in a script that just loaded.
  virtual void breakpoint_resolved(BreakpointId id, const Location& where) = 0;
  // The program is paused: serve the client — reading frames, evaluating —
  // until it resumes or steps (Debugger::resume / step), then return.
  virtual void paused(const PauseInfo& pause) = 0;
  // request_interrupt() was called: serve what the client sent, now.
  virtual void interrupted() = 0;
};

class Debugger final : public DebugHooks, public gc::RootSection {
 public:
  Debugger(Vm& vm, DebuggerDelegate& delegate);
  ~Debugger() override;
  Debugger(const Debugger&) = delete;
  Debugger& operator=(const Debugger&) = delete;

  Vm& vm() { return vm_; }
  ScriptRegistry& scripts() { return scripts_; }
  HandleTable& handles() { return handles_; }

  // ---- breakpoints -----------------------------------------------------------
  // Returns the id and where it resolved so far (maybe nowhere yet).
  BreakpointId set_breakpoint(const BreakpointSpec& spec, std::vector<Location>* resolved);
  bool remove_breakpoint(BreakpointId id);
  void remove_all_breakpoints();
  // The spec a breakpoint was set with (an empty one for an unknown id).
  const BreakpointSpec& breakpoint_spec(BreakpointId id) const;
  // Pause whenever `function` (a bytecode function) is called: a breakpoint
  // at its first statement (set), or no more (!set). False for anything else.
  bool set_function_breakpoint(Value function, bool set);
  void set_breakpoints_active(bool active) { breakpoints_active_ = active; }
  void set_skip_all_pauses(bool skip) { skip_all_pauses_ = skip; }
  void set_pause_on_exceptions(PauseOnExceptions mode) { pause_on_exceptions_ = mode; }
  PauseOnExceptions pause_on_exceptions() const { return pause_on_exceptions_; }
  // Pause before instruction `pc` of `code`, whether or not a statement
  // starts there. `at` gets its source position.
  BreakpointId set_instruction_breakpoint(const bytecode::CompiledFunction* code, uint32_t pc,
                                          const std::string& condition, Location* at);
  // Break locations of `script` in [from, to) (to.line 0: to the end).
  std::vector<Location> possible_breakpoints(ScriptId script, Location from, Location to) const;
  // Pause at the first statement that runs (--inspect-brk's "Break on start").
  void break_on_start() { pause_next(PauseReason::Start); }

  // ---- running and stopping -------------------------------------------------------
  // Any thread: pause at the next statement that runs.
  void request_pause();
  // Pause at the next instruction of user code that runs, with reason
  // Instrumentation (a loop-phase breakpoint, a collection left to the debugger).
  void pause_for(std::string detail, std::string phase);
  // Any thread: the delegate's interrupted() runs at the next instruction
  // (or sooner: a front end also wakes an idle event loop itself).
  void request_interrupt();
  bool paused() const { return paused_; }
  // While paused: how to go on. The delegate returns from paused() after.
  void resume();
  void step(StepKind kind);
  // Resume, and stop at the first break location at or after `where` (a
  // one-time stop that breakpoints being off does not silence). False when
  // nothing there can stop.
  bool continue_to(const Location& where);

  // ---- while paused ------------------------------------------------------------------
  const PauseInfo& pause_info() const { return pause_; }
  std::vector<CallFrame> call_frames() const;
  // The scope chain of a JS or suspended frame, innermost first.
  std::vector<Scope> scopes(const CallFrame& frame) const;
  // Assigns a variable of scope `scope_index` of `frame` (as scopes() lists them).
  bool set_variable(const CallFrame& frame, size_t scope_index, const std::string& name, Value value);
  // The async functions awaiting the one running in `frame` (outermost last):
  // the await chain CDP shows as asyncStackTrace.
  std::vector<CallFrame> async_parents(const CallFrame& frame) const;

  // ---- the machine under the language (machine.cpp) ------------------------------------
  std::optional<FunctionRef> function_ref(const bytecode::CompiledFunction* code) const;
  const bytecode::CompiledFunction* function_at(FunctionRef ref) const;
  // A JS or suspended frame's code and the instruction it is at (0 for others).
  const bytecode::CompiledFunction* code_of(const CallFrame& frame) const;
  uint32_t pc_of(const CallFrame& frame) const;
  // Every register of a JS or suspended frame.
  std::vector<RegisterValue> registers(const CallFrame& frame) const;
  // Cells a client names by number while it looks at the heap (a heap
  // view's nodes). Not roots: the table empties when a collection starts,
  // and at every resume, so a number never names a freed cell.
  uint32_t cell_number(const gc::Cell* cell);
  const gc::Cell* numbered_cell(uint32_t number) const;
  void forget_cell_numbers() { cell_numbers_.clear(); numbered_cells_.clear(); }

  // ---- where things were made (machine.cpp; recorded only while on) ---------------------
  void set_record_sites(bool on) { record_sites_ = on; }
  bool record_sites() const { return record_sites_; }
  // Where the program is now: the innermost JS frame's position (none: no JS running).
  std::optional<Location> current_location() const;
  // Where promise job number n (Vm::jobs_started() <= n < Vm::jobs_queued()) was queued.
  std::optional<Location> job_site(uint64_t n) const;

  // ---- the collector, stopped between phases (machine.cpp) --------------------------------
  // Break on the next collection the heap wants: it is left to the debugger,
  // and the program pauses (Instrumentation, "gc", "before") at the next instruction.
  void set_break_on_gc(bool on);
  bool break_on_gc() const { return break_on_gc_; }
  // While paused: run a collection the debugger drives up to its next phase,
  // then pause again there (the delegate's paused() is called, nested, with
  // detail "gc" and the phase). Returns when the collection is over or the
  // client resumed. Only reading is safe in those nested pauses.
  void step_collection();
  // Inside a nested pause of step_collection: go on to the next phase.
  void continue_collection() { collection_step_requested_ = true; paused_ = false; }
  // A front end serving a request while paused asks for step_collection()
  // to run once the request is answered (take_collection_request() tells).
  void request_collection() { collection_requested_ = true; }
  bool take_collection_request() { return std::exchange(collection_requested_, false); }
  bool collecting() const { return in_collection_; }

  // ---- evaluation (paused or not) --------------------------------------------------------
  // `source` in frame `frame` (its variables readable and assignable, its
  // this, arguments, new.target and super), breakpoints suppressed.
  Completion evaluate_on_frame(const CallFrame& frame, const std::string& source);
  // `source` as a global script (REPL-like).
  Completion evaluate_global(const std::string& source);
  // Calls `function` with `this_value` and `args`, breakpoints suppressed.
  Completion call_function(Value function, Value this_value, std::span<const Value> args);

  // While one lives, the debugger neither pauses nor reports scripts: for a
  // front end running built-in code (a Map's size) to describe a value.
  class Quiet {
   public:
    explicit Quiet(Debugger& d) : d_(d) { ++d_.quiet_; }
    ~Quiet() { --d_.quiet_; }
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;

   private:
    Debugger& d_;
  };

  // ---- DebugHooks ------------------------------------------------------------------------
  void before_instruction(Vm& vm, Frame& frame, const bytecode::Instruction* at) override;
  void debugger_statement(Vm& vm, Frame& frame) override;
  void leaving_frame(Vm& vm, const Frame& frame, Leave how) override;
  void exception_thrown(Vm& vm, Value exception) override;
  void job_queued(Vm& vm) override;
  void code_loaded(Vm& vm, FunctionTemplate* top, const std::string& name, const std::string& text,
                   const ParseOptions& options) override;

  // ---- gc::RootSection: values the debugger holds (step targets, the pause's exception) ----
  const char* root_name() const override { return "debugger"; }
  void trace_roots(gc::Tracer& tracer) override;

 private:
  struct Breakpoint {
    BreakpointSpec spec;
    std::vector<std::pair<const bytecode::CompiledFunction*, uint32_t>> sites;  // (code, pc)
    std::vector<Location> locations;
  };
  // The step in progress, if any.
  struct Step {
    StepKind kind = StepKind::Into;
    size_t depth = 0;                 // Over/Out: stop in frames at index <= depth
    Value awaiting;                   // Over across an await: stop where this generator resumes
    const Frame* return_to = nullptr; // a frame returned into this (JS) caller: stop at its next instruction
    bool stack_emptied = false;       // NextCallback: the callback running when it began has returned
  };

  bool matches(const BreakpointSpec& spec, const Script& script) const;
  void resolve_in(BreakpointId id, Breakpoint& bp, const Script& script, std::vector<Location>* resolved);
  void add_site(BreakpointId id, Breakpoint& bp, const bytecode::CompiledFunction* code, uint32_t pc, const Script& script);
  bool breakpoint_hit(Frame& frame, uint32_t pc, std::vector<BreakpointId>& hit);
  bool step_stops_at(const Frame& frame, size_t index, uint32_t pc);
  void pause_next(PauseReason reason);
  void enter_pause(PauseInfo info);
  void update_armed();
  bool would_be_caught() const;  // is there a handler for an exception thrown now?
  Location location_of(const Frame& frame, uint32_t pc) const;
  // Runs `body` with breakpoints, stepping and pause-on-exceptions off.
  template <class Body>
  Completion quietly(Body body);

  Vm& vm_;
  DebuggerDelegate& delegate_;
  ScriptRegistry scripts_;
  HandleTable handles_;

  std::map<BreakpointId, Breakpoint> breakpoints_;
  std::map<const bytecode::CompiledFunction*, BreakpointId> function_breakpoints_;
  BreakpointId next_breakpoint_ = 1;
  bool breakpoints_active_ = true;
  bool skip_all_pauses_ = false;
  PauseOnExceptions pause_on_exceptions_ = PauseOnExceptions::None;

  std::optional<Step> step_;
  std::optional<std::pair<const bytecode::CompiledFunction*, uint32_t>> continue_to_;  // continue_to's place
  std::optional<PauseReason> pause_next_;    // pause at the next statement (break on start, a pause request)
  std::atomic<bool> pause_requested_{false};    // any thread
  std::atomic<bool> interrupt_requested_{false};  // any thread
  // Where the last pause was: the first instruction after resuming is that
  // same one, which must run instead of pausing again.
  const Frame* resumed_frame_ = nullptr;
  const bytecode::Instruction* resumed_at_ = nullptr;

  bool paused_ = false;
  PauseInfo pause_;
  // The exception the last exception pause was for: the runtime's own code
  // rethrowing it (a `finally` in the module loader) is not a new throw, as
  // V8 does not report a rethrow.
  Value last_exception_ = Value::undefined();
  int quiet_ = 0;  // evaluations in progress: no pauses, no scripts reported
  std::unordered_map<std::string, gc::Persistent<FunctionTemplate>> evaluation_cache_;  // evaluate.cpp

  // machine.cpp
  std::unordered_map<const gc::Cell*, uint32_t> cell_numbers_;
  std::vector<const gc::Cell*> numbered_cells_;
  bool break_on_gc_ = false;
  bool gc_pause_pending_ = false;  // the heap wanted to collect; the pause is on its way
  bool in_collection_ = false;
  bool collection_step_requested_ = false;
  bool collection_requested_ = false;
  std::optional<PauseInfo> pause_for_;  // pause_for(): at the next instruction
  bool record_sites_ = false;
  std::deque<std::pair<uint64_t, Location>> job_sites_;  // (job number, where it was queued)
};

}  // namespace glass::debug
