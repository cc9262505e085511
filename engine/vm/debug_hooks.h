// DebugHooks: what the VM tells a debugger. The VM knows only this
// interface; engine/debug/ implements it (Debugger), and a front end above
// drives that. With no hooks installed the VM runs its plain dispatch loop
// and calls none of this (DESIGN.md "Teaching and debugging": a debugger
// costs nothing until one is attached).
//
// With hooks installed, Vm::run uses the interpreter's Debug dispatch mode,
// which asks wants_instruction() before every instruction — one load and a
// test — and calls before_instruction() when it says yes: stepping, a
// breakpoint in this function, or a pause or message from another thread.
#pragma once
#include <atomic>
#include <string>

#include "bytecode/function.h"
#include "parser/parser.h"
#include "vm/value.h"

namespace glass {

class Vm;
struct Frame;
class FunctionTemplate;

class DebugHooks {
 public:
  virtual ~DebugHooks() = default;

  // Before each instruction of `code` (Debug mode only): is there anything to check?
  bool wants_instruction(const bytecode::CompiledFunction* code) const {
    return armed_.load(std::memory_order_relaxed) || code->breakpoint_count != 0;
  }
  // The top frame is about to run the instruction at `at`. May pause —
  // serving a client, running evaluations on top of this frame — and return.
  virtual void before_instruction(Vm& vm, Frame& frame, const bytecode::Instruction* at) = 0;

  // A `debugger;` statement ran in the top frame.
  virtual void debugger_statement(Vm& vm, Frame& frame) = 0;

  // How the top frame is leaving the stack, when armed (stepping follows it).
  enum class Leave : uint8_t { Return, Yield, Await };
  virtual void leaving_frame(Vm& vm, const Frame& frame, Leave how) = 0;

  // `exception` is about to propagate from where it was thrown (a throw
  // statement, or an error a native raised); nothing is unwound yet, so the
  // debugger can look for a handler and pause with the thrower's frames.
  virtual void exception_thrown(Vm& vm, Value exception) = 0;

  // A promise job was queued (Vm::enqueue_job): a debugger may note where.
  virtual void job_queued(Vm& vm) {}

  // New code was compiled: a script, a module, a CommonJS file (wrapped as
  // `options` says), eval code or a `new Function` body. `top` is rooted by
  // the caller.
  virtual void code_loaded(Vm& vm, FunctionTemplate* top, const std::string& name, const std::string& text,
                           const ParseOptions& options) = 0;

 protected:
  // True while the debugger must see every instruction: stepping, a pause
  // requested, or a client message waiting. Set from any thread.
  std::atomic<bool> armed_{false};
};

}  // namespace glass
