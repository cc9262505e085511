#include "vm/generator.h"

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "vm/rooted.h"

namespace glass {

using bytecode::ResumeMode;

void GeneratorObject::trace(gc::Tracer& tracer) {
  Object::trace(tracer);
  tracer.visit(frame.callee);
  tracer.visit(frame.tmpl);
  tracer.visit(frame.scope);
  trace_value(tracer, frame.this_value);
  trace_value(tracer, frame.new_target);
  trace_value(tracer, frame.private_env);
  for (Value v : registers) trace_value(tracer, v);
  trace_value(tracer, promise);
  trace_value(tracer, queue);
}

Object* create_generator(Vm& vm, Frame& f) {
  size_t index = size_t(&f - vm.frames().data());
  const bytecode::CompiledFunction* code = f.tmpl->code;
  bool async_generator = code->is_async && code->is_generator;
  Object* proto = vm.intrinsics()[async_generator ? IntrinsicObject::AsyncGeneratorPrototype : IntrinsicObject::GeneratorPrototype];
  if (code->is_generator) {
    Value p = get(vm, f.callee, key_of(WellKnownAtom::prototype, vm));
    if (p.is_object()) proto = as_object(p);
  } else {
    proto = vm.intrinsics()[IntrinsicObject::ObjectPrototype];
  }
  gc::Rooted<Shape> shape(vm.heap(), vm.root_shape_for(proto));
  gc::Rooted<GeneratorObject> gen(vm.heap(), vm.heap().allocate<GeneratorObject>(shape.get()));
  gen->is_async = code->is_async;
  gen->is_async_generator = async_generator;
  if (async_generator) gen->queue = object_value(vm.new_array(0));
  if (gen->is_async && !async_generator) {
    gen->promise = object_value(promise_create(vm));
    gen->state = GeneratorObject::State::Executing;
  }
  Frame& frame = const_cast<Frame&>(vm.frames()[index]);
  frame.generator = gen;
  return gen;
}

void suspend_frame(Vm& vm, Frame& f, const bytecode::Instruction* pc, uint16_t resume_register) {
  auto* gen = static_cast<GeneratorObject*>(f.generator);
  gen->registers.assign(f.regs, f.regs + f.tmpl->code->register_count);
  gen->frame = f;
  gen->frame.pc = pc;
  gen->frame.regs = nullptr;
  gen->resume_register = resume_register;
  bool async_function = gen->is_async && !gen->is_async_generator;
  gen->state = gen->state == GeneratorObject::State::Executing || async_function ? GeneratorObject::State::SuspendedYield
                                                                                : GeneratorObject::State::SuspendedStart;
  (void)vm;
}

// Runs the saved frame of `gen` with r[resume] = sent, r[resume+1] = mode.
Value run_saved_frame(Vm& vm, GeneratorObject* generator, Value sent, ResumeMode mode) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  RootedValue value(vm.heap(), sent);
  Vm::Scratch guard(vm, 0);  // restores the stack top afterwards
  Vm::RealmScope restore(vm);  // the resumed frame runs in its function's realm (set by run's RELOAD)
  size_t entry = vm.frames().size();
  if (!vm.push_saved_frame(gen->frame, gen->registers)) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  gen->registers.clear();
  Frame& f = const_cast<Frame&>(vm.frames().back());
  f.generator = gen;
  f.regs[gen->resume_register] = value;
  f.regs[gen->resume_register + 1] = Value::int32(int32_t(mode));
  gen->state = GeneratorObject::State::Executing;
  try {
    return vm.run(entry);
  } catch (const Thrown&) {
    gen->state = GeneratorObject::State::Completed;
    throw;
  }
}

Value resume_generator(Vm& vm, Value generator, Value sent, ResumeMode mode) {
  if (!generator.is_object() || as_object(generator)->object_class() != ObjectClass::Generator ||
      static_cast<GeneratorObject*>(as_object(generator))->is_async)
    vm.throw_error(ErrorType::TypeError, "next method called on incompatible receiver " + to_utf8(vm, generator));
  gc::Rooted<GeneratorObject> gen(vm.heap(), static_cast<GeneratorObject*>(as_object(generator)));
  using State = GeneratorObject::State;
  if (gen->state == State::Executing) vm.throw_error(ErrorType::TypeError, "Generator is already running");
  if (gen->state == State::SuspendedStart && mode != ResumeMode::Next) gen->state = State::Completed;
  if (gen->state == State::Completed) {
    if (mode == ResumeMode::Throw) vm.throw_value(sent);
    return object_value(create_iter_result(vm, mode == ResumeMode::Return ? sent : Value::undefined(), true));
  }
  Value result = run_saved_frame(vm, gen, sent, mode);
  bool done = gen->state == State::Executing;  // it returned instead of yielding
  if (done) {
    gen->state = State::Completed;
    gen->registers.clear();
  }
  return object_value(create_iter_result(vm, result, done));
}

// ---- async functions ----------------------------------------------------------
// An awaited promise's settlement resumes the suspended function's saved
// frame from a promise job (promise_then_await: no handler functions).

static void resume_awaiter(Vm& vm, Object* awaiter, Value value, bool rejected) {
  auto* gen = static_cast<GeneratorObject*>(awaiter);
  ResumeMode mode = rejected ? ResumeMode::Throw : ResumeMode::Next;
  if (gen->is_async_generator) async_generator_resume(vm, gen, value, mode);
  else run_saved_frame(vm, gen, value, mode);
}

void await_value(Vm& vm, GeneratorObject* generator, Value v) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  gen->awaiting = true;
  gc::Rooted<Object> promise(vm.heap(), promise_resolve_value(vm, v));
  promise_then_await(vm, promise, gen, resume_awaiter);
}

Value async_settle(Vm& vm, GeneratorObject* gen, Value v, bool reject) {
  gc::Rooted<GeneratorObject> g(vm.heap(), gen);
  promise_settle(vm, as_object(g->promise), v, reject);
  g->state = GeneratorObject::State::Completed;
  g->registers.clear();
  return g->promise;
}

// ---- %GeneratorPrototype% ------------------------------------------------------

static Value generator_next(Vm& vm, Value self, std::span<const Value> args, Value) {
  return resume_generator(vm, self, arg(args, 0), ResumeMode::Next);
}
static Value generator_throw(Vm& vm, Value self, std::span<const Value> args, Value) {
  return resume_generator(vm, self, arg(args, 0), ResumeMode::Throw);
}
static Value generator_return(Vm& vm, Value self, std::span<const Value> args, Value) {
  return resume_generator(vm, self, arg(args, 0), ResumeMode::Return);
}

void install_generator(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::GeneratorPrototype]);
  vm.define_native(proto, "next", generator_next, 1);
  vm.define_native(proto, "return", generator_return, 1);
  vm.define_native(proto, "throw", generator_throw, 1);
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("Generator")), kConfigurable);
  gc::Rooted<Object> fn_proto(vm.heap(), vm.intrinsics()[IntrinsicObject::GeneratorFunctionPrototype]);
  fn_proto->set_prototype(vm.intrinsics()[IntrinsicObject::FunctionPrototype]);
  vm.define_value(fn_proto, vm.atom(WellKnownAtom::prototype), object_value(proto), kConfigurable);
  vm.define_value(proto, vm.atom(WellKnownAtom::constructor), object_value(fn_proto), kConfigurable);
  vm.define_value(fn_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("GeneratorFunction")),
                  kConfigurable);
  gc::Rooted<Object> async_proto(vm.heap(), vm.intrinsics()[IntrinsicObject::AsyncFunctionPrototype]);
  async_proto->set_prototype(vm.intrinsics()[IntrinsicObject::FunctionPrototype]);
  vm.define_value(async_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("AsyncFunction")),
                  kConfigurable);
}

}  // namespace glass
