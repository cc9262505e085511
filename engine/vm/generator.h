// Generators and async functions: a frame that can leave the call stack and
// come back (DESIGN.md "Call stack").
//
// Yield and Await copy the running frame — its registers, pc, scope chain —
// into the GeneratorObject and pop it, so the call stack holds no trace of a
// suspended function. Resuming (generator.next(), or a settled awaited
// promise) pushes the saved frame back on top of the stack and continues the
// interpreter where it stopped, with the sent value in the register the
// Yield/Await named. Nothing here recurses on the C++ stack per suspension.
#pragma once
#include <vector>

#include "vm/vm.h"

namespace glass {

class GeneratorObject final : public Object {
 public:
  enum class State : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };
  State state = State::SuspendedStart;
  bool is_async = false;
  bool is_async_generator = false;
  bool awaiting = false;  // async generators: suspended by Await (not Yield)
  Value queue;            // async generators: pending requests, an array of [mode, value, promise] triples
  Frame frame{};                 // the saved frame (regs pointer not meaningful while saved)
  std::vector<Value> registers;  // its registers
  uint16_t resume_register = 0;  // the Yield/Await's A: the sent value goes here, the mode after it
  // Async functions: the promise the call returned.
  Value promise;

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Generator"; }
  GeneratorObject(Shape* shape) : Object(shape, ObjectClass::Generator) {}
};

// CreateGenerator: the object for frame `f` (generator or async function).
Object* create_generator(Vm& vm, Frame& f);
// Saves frame `f` (the top frame) into its generator; `resume_register` is
// where the value sent on resumption goes.
void suspend_frame(Vm& vm, Frame& f, const bytecode::Instruction* pc, uint16_t resume_register);
// Await: arranges for the awaited value's settlement to resume the frame.
void await_value(Vm& vm, GeneratorObject* gen, Value v);
// AsyncReturn: settles the async function's promise; returns the promise.
Value async_settle(Vm& vm, GeneratorObject* gen, Value v, bool reject);
// generator.next/throw/return. Returns the iterator result.
Value resume_generator(Vm& vm, Value generator, Value sent, bytecode::ResumeMode mode);
// Runs the saved frame of `gen` with the sent value and mode, until it
// yields, awaits or returns (its value), or throws (Thrown).
Value run_saved_frame(Vm& vm, GeneratorObject* gen, Value sent, bytecode::ResumeMode mode);

// ---- async generators (async_generator.cpp) ----
// next/throw/return on an async generator: queues the request, returns its promise.
Value async_generator_enqueue(Vm& vm, Value generator, Value sent, bytecode::ResumeMode mode);
// An awaited value settled inside an async generator: continue it.
void async_generator_resume(Vm& vm, GeneratorObject* gen, Value value, bytecode::ResumeMode mode);
// for await over a sync iterable: an async iterator adapting it.
Value async_iterator_of(Vm& vm, Value iterable, Value* next_method);
void install_async_generator(Vm& vm);

void install_generator(Vm& vm);

}  // namespace glass
