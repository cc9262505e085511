// Async generators (§27.6) and the sync-to-async iterator adapter (§27.1.6).
//
// An async generator is a generator whose callers get promises. Each
// next/throw/return call queues a request [mode, value, promise]; the
// generator serves the queue in order. Running the frame ends in one of four
// ways, and each settles the request at the head of the queue:
//   yield v   -> resolve with { value: v, done: false }
//   return v  -> resolve with { value: v, done: true }; the generator completes
//   throw e   -> reject with e; the generator completes
//   await p   -> nothing yet: the promise's settlement continues the frame
// Requests that arrive after completion are answered at once.
#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "vm/generator.h"
#include "vm/rooted.h"

namespace glass {

using bytecode::ResumeMode;

namespace {

using State = GeneratorObject::State;

Object* queue_of(GeneratorObject* gen) { return as_object(gen->queue); }

// The head request's promise (the request stays queued).
Object* head_promise(GeneratorObject* gen) {
  return as_object(queue_of(gen)->get_element(2).value_or(Value::undefined()));
}

void pop_request(GeneratorObject* gen) {
  std::vector<Value>& items = queue_of(gen)->dense_elements();
  items.erase(items.begin(), items.begin() + 3);
  queue_of(gen)->set_array_length_raw(uint32_t(items.size()));
}

void settle_head(Vm& vm, GeneratorObject* generator, Value v, bool done, bool reject) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  gc::Rooted<Object> promise(vm.heap(), head_promise(gen));
  pop_request(gen);
  if (reject) {
    promise_settle(vm, promise, v, true);
    return;
  }
  RootedValue keep(vm.heap(), v);
  Object* result = create_iter_result(vm, keep, done);
  promise_settle(vm, promise, object_value(result), false);
}

// Runs the frame once and settles the head request by how it stopped.
void step(Vm& vm, GeneratorObject* generator, Value sent, ResumeMode mode) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  gen->awaiting = false;
  Value result;
  try {
    result = run_saved_frame(vm, gen, sent, mode);
  } catch (const Thrown&) {
    gen->state = State::Completed;
    gen->registers.clear();
    settle_head(vm, gen, vm.take_exception(), true, true);
    return;
  }
  if (gen->awaiting) return;  // an await: its settlement calls async_generator_resume
  if (gen->state == State::Executing) {  // it returned
    gen->state = State::Completed;
    gen->registers.clear();
    settle_head(vm, gen, result, true, false);
    return;
  }
  settle_head(vm, gen, result, false, false);  // it yielded
}

// Serves queued requests while the generator is free to take one.
void drain(Vm& vm, GeneratorObject* generator) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  while (queue_of(gen)->array_length() > 0 && gen->state != State::Executing && !gen->awaiting) {
    Object* q = queue_of(gen);
    auto mode = ResumeMode(q->get_element(0).value_or(Value::int32(0)).as_int32());
    RootedValue value(vm.heap(), q->get_element(1).value_or(Value::undefined()));
    if (gen->state == State::SuspendedStart && mode != ResumeMode::Next) {
      gen->state = State::Completed;
      gen->registers.clear();
    }
    if (gen->state == State::Completed) {
      // next: done; throw: reject with the value; return: done with the value.
      if (mode == ResumeMode::Throw) settle_head(vm, gen, value, true, true);
      else settle_head(vm, gen, mode == ResumeMode::Return ? value.get() : Value::undefined(), true, false);
      continue;
    }
    step(vm, gen, value, mode);
  }
}

}  // namespace

Value async_generator_enqueue(Vm& vm, Value generator, Value sent, ResumeMode mode) {
  RootedValue value(vm.heap(), sent);
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  if (!generator.is_object() || as_object(generator)->object_class() != ObjectClass::Generator ||
      !static_cast<GeneratorObject*>(as_object(generator))->is_async_generator) {
    Object* error = vm.make_error(ErrorType::TypeError, "not an async generator");
    promise_settle(vm, promise, object_value(error), true);
    return object_value(promise);
  }
  gc::Rooted<GeneratorObject> gen(vm.heap(), static_cast<GeneratorObject*>(as_object(generator)));
  Object* q = queue_of(gen);
  std::vector<Value>& items = q->dense_elements();
  items.push_back(Value::int32(int32_t(mode)));
  items.push_back(value);
  items.push_back(object_value(promise));
  q->set_array_length_raw(uint32_t(items.size()));
  drain(vm, gen);
  return object_value(promise);
}

void async_generator_resume(Vm& vm, GeneratorObject* generator, Value value, ResumeMode mode) {
  gc::Rooted<GeneratorObject> gen(vm.heap(), generator);
  step(vm, gen, value, mode);
  drain(vm, gen);
}

// ---- %AsyncFromSyncIteratorPrototype% ---------------------------------------------

namespace {

class AsyncFromSyncIterator final : public Object {
 public:
  Value iterator, next;
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, iterator);
    trace_value(tracer, next);
  }
  const char* cell_name() const override { return "AsyncFromSyncIterator"; }
  explicit AsyncFromSyncIterator(Shape* shape) : Object(shape, ObjectClass::Iterator) {}
};

// The value promise settled: finish the derived promise with { value, done }.
Value unwrap_fulfilled(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* record = as_object(vm.current_native()->native_data);  // [derived promise, done]
  gc::Rooted<Object> derived(vm.heap(), as_object(record->get_element(0).value_or(Value::undefined())));
  bool done = to_boolean(record->get_element(1).value_or(Value::boolean(false)));
  Object* result = create_iter_result(vm, arg(args, 0), done);
  promise_settle(vm, derived, object_value(result), false);
  return Value::undefined();
}
Value unwrap_rejected(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* record = as_object(vm.current_native()->native_data);
  promise_settle(vm, as_object(record->get_element(0).value_or(Value::undefined())), arg(args, 0), true);
  return Value::undefined();
}

// Calls the sync iterator's method `name` (next/return/throw) and turns its
// result into a promise for the iterator result.
Value adapt(Vm& vm, Value self, WellKnownAtom name, std::span<const Value> args) {
  gc::Rooted<Object> derived(vm.heap(), promise_create(vm));
  auto* it = static_cast<AsyncFromSyncIterator*>(as_object(self));
  RootedValue iterator(vm.heap(), it->iterator), next(vm.heap(), it->next);
  try {
    Value method = name == WellKnownAtom::next ? next.get() : get_method(vm, iterator, key_of(name, vm));
    if (method.is_undefined()) {
      if (name == WellKnownAtom::throw_) {
        promise_settle(vm, derived, arg(args, 0), true);
      } else {
        Object* result = create_iter_result(vm, arg(args, 0), true);
        promise_settle(vm, derived, object_value(result), false);
      }
      return object_value(derived);
    }
    Value result = vm.call(method, iterator, args.empty() ? std::span<const Value>() : args.subspan(0, 1));
    if (!result.is_object()) vm.throw_error(ErrorType::TypeError, "iterator result is not an object");
    gc::Rooted<Object> r(vm.heap(), as_object(result));
    bool done = to_boolean(get(vm, r, key_of(WellKnownAtom::done, vm)));
    RootedValue value(vm.heap(), get(vm, r, key_of(WellKnownAtom::value, vm)));
    gc::Rooted<Object> value_promise(vm.heap(), promise_resolve_value(vm, value));
    Value parts[2] = {object_value(derived), Value::boolean(done)};
    gc::Rooted<Object> record(vm.heap(), vm.new_array_from(parts));
    gc::Rooted<FunctionObject> on_fulfilled(vm.heap(), vm.new_native("", unwrap_fulfilled, 1));
    on_fulfilled->native_data = object_value(record);
    gc::Rooted<FunctionObject> on_rejected(vm.heap(), vm.new_native("", unwrap_rejected, 1));
    on_rejected->native_data = object_value(record);
    promise_then_internal(vm, value_promise, object_value(on_fulfilled), object_value(on_rejected));
  } catch (const Thrown&) {
    promise_settle(vm, derived, vm.take_exception(), true);
  }
  return object_value(derived);
}

Value from_sync_next(Vm& vm, Value self, std::span<const Value> args, Value) { return adapt(vm, self, WellKnownAtom::next, args); }
Value from_sync_return(Vm& vm, Value self, std::span<const Value> args, Value) { return adapt(vm, self, WellKnownAtom::return_, args); }
Value from_sync_throw(Vm& vm, Value self, std::span<const Value> args, Value) { return adapt(vm, self, WellKnownAtom::throw_, args); }

Value async_gen_next(Vm& vm, Value self, std::span<const Value> args, Value) { return async_generator_enqueue(vm, self, arg(args, 0), ResumeMode::Next); }
Value async_gen_throw(Vm& vm, Value self, std::span<const Value> args, Value) { return async_generator_enqueue(vm, self, arg(args, 0), ResumeMode::Throw); }
Value async_gen_return(Vm& vm, Value self, std::span<const Value> args, Value) { return async_generator_enqueue(vm, self, arg(args, 0), ResumeMode::Return); }
Value return_this(Vm&, Value self, std::span<const Value>, Value) { return self; }

}  // namespace

Value async_iterator_of(Vm& vm, Value iterable, Value* next_method) {
  RootedValue source(vm.heap(), iterable);
  Value method = get_method(vm, iterable, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::asyncIterator)));
  if (!method.is_undefined()) {
    Value it = vm.call(method, source, {});
    if (!it.is_object()) vm.throw_error(ErrorType::TypeError, "Result of the Symbol.asyncIterator method is not an object");
    RootedValue iterator(vm.heap(), it);
    *next_method = get(vm, as_object(it), key_of(WellKnownAtom::next, vm));
    return iterator;
  }
  IteratorRecord sync = get_iterator(vm, source);
  RootedValue iterator(vm.heap(), sync.iterator), next(vm.heap(), sync.next_method);
  gc::Rooted<Shape> shape(vm.heap(), vm.root_shape_for(vm.intrinsics()[IntrinsicObject::AsyncFromSyncIteratorPrototype]));
  auto* adapter = vm.heap().allocate<AsyncFromSyncIterator>(shape.get());
  adapter->iterator = iterator;
  adapter->next = next;
  RootedValue result(vm.heap(), object_value(adapter));
  *next_method = get(vm, adapter, key_of(WellKnownAtom::next, vm));
  return result;
}

void install_async_generator(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> async_iter(vm.heap(), in[IntrinsicObject::AsyncIteratorPrototype]);
  gc::Rooted<FunctionObject> self_fn(vm.heap(), vm.new_native("[Symbol.asyncIterator]", return_this, 0));
  vm.define_value(async_iter, vm.well_known_symbol(WellKnownSymbol::asyncIterator), object_value(self_fn));
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::AsyncGeneratorPrototype]);
  vm.define_native(proto, "next", async_gen_next, 1);
  vm.define_native(proto, "return", async_gen_return, 1);
  vm.define_native(proto, "throw", async_gen_throw, 1);
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("AsyncGenerator")), kConfigurable);
  gc::Rooted<Object> fn_proto(vm.heap(), in[IntrinsicObject::AsyncGeneratorFunctionPrototype]);
  fn_proto->set_prototype(in[IntrinsicObject::FunctionPrototype]);
  vm.define_value(fn_proto, vm.atom(WellKnownAtom::prototype), object_value(proto), kConfigurable);
  vm.define_value(proto, vm.atom(WellKnownAtom::constructor), object_value(fn_proto), kConfigurable);
  vm.define_value(fn_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag),
                  string_value(vm.intern("AsyncGeneratorFunction")), kConfigurable);
  gc::Rooted<Object> from_sync(vm.heap(), in[IntrinsicObject::AsyncFromSyncIteratorPrototype]);
  vm.define_native(from_sync, "next", from_sync_next, 1);
  vm.define_native(from_sync, "return", from_sync_return, 1);
  vm.define_native(from_sync, "throw", from_sync_throw, 1);
}

}  // namespace glass
