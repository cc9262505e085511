// DisposableStack and AsyncDisposableStack (ECMA-262 2026 §27.3, §27.4),
// the resource abstract operations they share (disposable_stack.h), and
// %Iterator.prototype%[Symbol.dispose] / %AsyncIteratorPrototype%[Symbol.asyncDispose].
//
// AsyncDisposableStack.prototype.disposeAsync runs DisposeResources, which
// awaits each async disposal, as a state machine (AsyncDisposal): each Await
// hands the cell to promise_then_await and continues in resume().
#include "builtins/disposable_stack.h"

#include "builtins/promise.h"

namespace glass {

namespace {

// ============================================================================
// The abstract operations
// ============================================================================

// The closure GetDisposeMethod makes of a sync [Symbol.dispose] for an async
// disposal: calls it, and returns a promise of undefined (rejected if it threw).
Value async_from_sync_dispose(Vm& vm, Value self, std::span<const Value>, Value) {
  RootedValue method(vm.heap(), vm.current_native()->native_data), o(vm.heap(), self);
  // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  // 3-4. Let result be Completion(Call(method, O)); IfAbruptRejectPromise(result, promiseCapability).
  try {
    vm.call(method, o, {});
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    promise_settle(vm, promise, e, true);
    return object_value(promise);
  }
  // 5-6. Resolve with undefined; return the promise.
  promise_settle(vm, promise, Value::undefined(), false);
  return object_value(promise);
}

// §9.x GetDisposeMethod ( V, hint )
Value get_dispose_method(Vm& vm, Value v, DisposeHint hint) {
  RootedValue value(vm.heap(), v);
  PropertyKey dispose_key = PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::dispose));
  if (hint == DisposeHint::AsyncDispose) {
    // 1.a. Let method be ? GetMethod(V, %Symbol.asyncDispose%).
    Value method = get_method(vm, value, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::asyncDispose)));
    if (!method.is_undefined()) return method;
    // 1.b. Otherwise [Symbol.dispose], wrapped to return a promise.
    method = get_method(vm, value, dispose_key);
    if (method.is_undefined()) return method;
    RootedValue sync(vm.heap(), method);
    FunctionObject* closure = vm.new_native("", async_from_sync_dispose, 0);
    closure->native_data = sync;
    return object_value(closure);
  }
  // 2. Let method be ? GetMethod(V, %Symbol.dispose%).
  return get_method(vm, value, dispose_key);
}

// §9.x CreateDisposableResource ( V, hint [ , method ] )
DisposableResource create_disposable_resource(Vm& vm, Value v, DisposeHint hint, Value method) {
  if (method.is_undefined()) {
    // 1.a. null or undefined: no method (only async disposal records one).
    if (v.is_nullish()) return DisposableResource{Value::undefined(), hint, Value::undefined()};
    // 1.b. Otherwise an object with a dispose method.
    if (!v.is_object()) vm.throw_error(ErrorType::TypeError, "A disposable resource must be an object");
    method = get_dispose_method(vm, v, hint);
    if (method.is_undefined()) vm.throw_error(ErrorType::TypeError, "The resource has no Symbol.dispose method");
  } else if (!is_callable(method)) {
    // 2. The given method must be callable.
    vm.throw_error(ErrorType::TypeError, "The dispose callback is not a function");
  }
  // 3. Return the DisposableResource Record { [[ResourceValue]]: V, [[Hint]]: hint, [[DisposeMethod]]: method }.
  return DisposableResource{v, hint, method};
}

}  // namespace

void add_disposable_resource(Vm& vm, DisposeCapability& capability, Value v, DisposeHint hint, Value method) {
  // 1.a. With no method, null or undefined under sync disposal adds nothing.
  if (method.is_undefined() && v.is_nullish() && hint == DisposeHint::SyncDispose) return;
  // 1.c / 2. Let resource be ? CreateDisposableResource(V, hint [ , method ]).
  DisposableResource resource = create_disposable_resource(vm, v, hint, method);
  // 3. Append resource to disposeCapability.[[DisposableResourceStack]].
  capability.stack.push_back(resource);
}

namespace {

// §9.x DisposeResources ( disposeCapability, completion ), sync resources
// only, the completion so far being a throw of `error` when `has_error`.
void dispose_resources_after(Vm& vm, DisposeCapability& capability, bool has_error, Value completion_error) {
  RootedValue error(vm.heap(), completion_error);
  // 3. For each resource, in reverse list order:
  for (size_t i = capability.stack.size(); i-- > 0;) {
    DisposableResource resource = capability.stack[i];
    if (resource.method.is_undefined()) continue;
    try {
      // c.i. Let result be Completion(Call(method, value)).
      vm.call(resource.method, resource.value, {});
    } catch (const Thrown&) {
      // c.iii. A throw: a SuppressedError when there was an error already.
      RootedValue e(vm.heap(), vm.take_exception());
      error = has_error ? object_value(make_suppressed_error(vm, e, error)) : e.get();
      has_error = true;
    }
  }
  // 6. Set disposeCapability.[[DisposableResourceStack]] to a new empty List.
  capability.stack.clear();
  // 7. Return ? completion.
  if (has_error) vm.throw_value(error);
}

}  // namespace

void dispose_resources(Vm& vm, DisposeCapability& capability, bool throwing) {
  RootedValue error(vm.heap(), throwing ? vm.take_exception() : Value::undefined());
  dispose_resources_after(vm, capability, throwing, error);
}

namespace {

// ============================================================================
// DisposableStack and AsyncDisposableStack objects
// ============================================================================

class DisposableStackObject final : public Object {
 public:
  bool async;            // an AsyncDisposableStack
  bool disposed = false; // [[DisposableState]] / [[AsyncDisposableState]]
  DisposeCapability capability;

  DisposableStackObject(Shape* shape, bool a) : Object(shape), async(a) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    capability.trace(tracer);
  }
  const char* cell_name() const override { return async ? "AsyncDisposableStack" : "DisposableStack"; }
};

// RequireInternalSlot(stack, [[DisposableState]]) (or [[AsyncDisposableState]]).
DisposableStackObject* this_stack(Vm& vm, Value self, bool async, const char* method) {
  auto* s = self.is_object() ? dynamic_cast<DisposableStackObject*>(as_object(self)) : nullptr;
  if (!s || s->async != async)
    vm.throw_error(ErrorType::TypeError, std::string(async ? "AsyncDisposableStack" : "DisposableStack") +
                                             ".prototype." + method + " called on incompatible receiver");
  return s;
}

// The same, and the stack must not be disposed yet (ReferenceError).
DisposableStackObject* this_pending_stack(Vm& vm, Value self, bool async, const char* method) {
  DisposableStackObject* s = this_stack(vm, self, async, method);
  if (s->disposed) vm.throw_error(ErrorType::ReferenceError, "The stack is already disposed");
  return s;
}

DisposeHint hint_of(bool async) { return async ? DisposeHint::AsyncDispose : DisposeHint::SyncDispose; }

// §27.3.1.1 DisposableStack ( ), §27.4.1.1 AsyncDisposableStack ( )
template <bool async>
Value stack_ctor(Vm& vm, Value, std::span<const Value>, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined())
    vm.throw_error(ErrorType::TypeError, std::string("Constructor ") + (async ? "AsyncDisposableStack" : "DisposableStack") + " requires 'new'");
  // 2-5. OrdinaryCreateFromConstructor, state pending, a new DisposeCapability.
  Object* proto = get_prototype_from_constructor(
      vm, new_target, async ? IntrinsicObject::AsyncDisposableStackPrototype : IntrinsicObject::DisposableStackPrototype);
  return object_value(vm.heap().allocate<DisposableStackObject>(vm.root_shape_for(proto), async));
}

// §27.3.3.1 / §27.4.3.1 get disposed
template <bool async>
Value stack_disposed(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::boolean(this_stack(vm, self, async, "disposed")->disposed);
}

// §27.3.3.6 / §27.4.3.6 use ( value )
template <bool async>
Value stack_use(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. A pending stack.
  gc::Rooted<DisposableStackObject> s(vm.heap(), this_pending_stack(vm, self, async, "use"));
  // 4. Perform ? AddDisposableResource(disposableStack.[[DisposeCapability]], value, hint).
  RootedValue value(vm.heap(), arg(args, 0));
  add_disposable_resource(vm, s->capability, value, hint_of(async));
  // 5. Return value.
  return value;
}

// The closure adopt() makes: Call(onDispose, undefined, « value »).
Value adopted_dispose(Vm& vm, Value, std::span<const Value>, Value) {
  Object* pair = as_object(vm.current_native()->native_data);  // [value, onDispose]
  RootedValue value(vm.heap(), pair->get_element(0).value_or(Value::undefined()));
  RootedValue on_dispose(vm.heap(), pair->get_element(1).value_or(Value::undefined()));
  Value v = value;
  return vm.call(on_dispose, Value::undefined(), std::span<const Value>(&v, 1));
}

// §27.3.3.2 / §27.4.3.2 adopt ( value, onDispose )
template <bool async>
Value stack_adopt(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. A pending stack.
  gc::Rooted<DisposableStackObject> s(vm.heap(), this_pending_stack(vm, self, async, "adopt"));
  // 4. If IsCallable(onDispose) is false, throw a TypeError exception.
  if (!is_callable(arg(args, 1))) vm.throw_error(ErrorType::TypeError, "The dispose callback is not a function");
  // 5-7. F calls onDispose(value); AddDisposableResource(capability, undefined, hint, F).
  Value pair[2] = {arg(args, 0), arg(args, 1)};
  gc::Rooted<Object> data(vm.heap(), vm.new_array_from(pair));
  gc::Rooted<FunctionObject> f(vm.heap(), vm.new_native("", adopted_dispose, 0));
  f->native_data = object_value(data);
  add_disposable_resource(vm, s->capability, Value::undefined(), hint_of(async), object_value(f));
  // 8. Return value.
  return arg(args, 0);
}

// §27.3.3.3 / §27.4.3.3 defer ( onDispose )
template <bool async>
Value stack_defer(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. A pending stack.
  gc::Rooted<DisposableStackObject> s(vm.heap(), this_pending_stack(vm, self, async, "defer"));
  // 4. If IsCallable(onDispose) is false, throw a TypeError exception.
  if (!is_callable(arg(args, 0))) vm.throw_error(ErrorType::TypeError, "The dispose callback is not a function");
  // 5. Perform ? AddDisposableResource(capability, undefined, hint, onDispose).
  add_disposable_resource(vm, s->capability, Value::undefined(), hint_of(async), arg(args, 0));
  // 6. Return undefined.
  return Value::undefined();
}

// §27.3.3.5 / §27.4.3.5 move ( )
template <bool async>
Value stack_move(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. A pending stack.
  gc::Rooted<DisposableStackObject> s(vm.heap(), this_pending_stack(vm, self, async, "move"));
  // 4-6. A new stack (of the intrinsic prototype) takes over the resources.
  Object* proto = vm.intrinsics()[async ? IntrinsicObject::AsyncDisposableStackPrototype : IntrinsicObject::DisposableStackPrototype];
  DisposableStackObject* moved = vm.heap().allocate<DisposableStackObject>(vm.root_shape_for(proto), async);
  moved->capability.stack.swap(s->capability.stack);
  // 7-8. This one is disposed, with an empty capability.
  s->disposed = true;
  // 9. Return newDisposableStack.
  return object_value(moved);
}

// §27.3.3.4 DisposableStack.prototype.dispose ( )
Value disposable_stack_dispose(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. RequireInternalSlot(disposableStack, [[DisposableState]]).
  gc::Rooted<DisposableStackObject> s(vm.heap(), this_stack(vm, self, false, "dispose"));
  // 3. If disposableStack.[[DisposableState]] is disposed, return undefined.
  if (s->disposed) return Value::undefined();
  // 4. Set disposableStack.[[DisposableState]] to disposed.
  s->disposed = true;
  // 5. Return ? DisposeResources(disposableStack.[[DisposeCapability]], NormalCompletion(undefined)).
  dispose_resources(vm, s->capability, false);
  return Value::undefined();
}

// ============================================================================
// DisposeResources with awaits (AsyncDisposableStack.prototype.disposeAsync)
// ============================================================================

class AsyncDisposal final : public Object {
 public:
  DisposeCapability capability;  // the stack's resources, taken over
  size_t next = 0;               // resources left to dispose: [0, next)
  bool needs_await = false, has_awaited = false, has_error = false;
  bool awaiting_undefined = false;  // the Await(undefined) before a sync resource
  Value promise, error;

  explicit AsyncDisposal(Shape* shape) : Object(shape), promise(Value::undefined()), error(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    capability.trace(tracer);
    trace_value(tracer, promise);
    trace_value(tracer, error);
  }
  const char* cell_name() const override { return "AsyncDisposal"; }
};

void disposal_resume(Vm& vm, Object* awaiter, Value value, bool rejected);

void disposal_await(Vm& vm, AsyncDisposal* d, Value v) {
  gc::Rooted<AsyncDisposal> keep(vm.heap(), d);
  gc::Rooted<Object> p(vm.heap(), promise_resolve_value(vm, v));
  promise_then_await(vm, p, keep, disposal_resume);
}

// A throw completion of a disposal joins the completion so far.
void disposal_error(Vm& vm, AsyncDisposal* d, Value e) {
  gc::Rooted<AsyncDisposal> keep(vm.heap(), d);
  RootedValue err(vm.heap(), e);
  keep->error = keep->has_error ? object_value(make_suppressed_error(vm, err, keep->error)) : err.get();
  keep->has_error = true;
}

// DisposeResources step 3 onwards, from resource `next - 1` down, until an Await or the end.
void disposal_continue(Vm& vm, AsyncDisposal* disposal) {
  gc::Rooted<AsyncDisposal> d(vm.heap(), disposal);
  while (d->next > 0) {
    DisposableResource resource = d->capability.stack[d->next - 1];
    // b. A sync resource after an async one that was not awaited: ! Await(undefined) first.
    if (resource.hint == DisposeHint::SyncDispose && d->needs_await && !d->has_awaited) {
      d->needs_await = false;
      d->awaiting_undefined = true;
      disposal_await(vm, d, Value::undefined());
      return;
    }
    --d->next;
    if (resource.method.is_undefined()) {
      // d. `await using x = null`: an await is owed.
      d->needs_await = true;
      continue;
    }
    // c.i. Let result be Completion(Call(method, value)).
    Value result;
    try {
      result = vm.call(resource.method, resource.value, {});
    } catch (const Thrown&) {
      disposal_error(vm, d, vm.take_exception());
      continue;
    }
    // c.ii. Async: Await(result).
    if (resource.hint == DisposeHint::AsyncDispose) {
      d->has_awaited = true;
      try {
        disposal_await(vm, d, result);
      } catch (const Thrown&) {
        disposal_error(vm, d, vm.take_exception());
        continue;
      }
      return;
    }
  }
  // 4. An await still owed.
  if (d->needs_await && !d->has_awaited) {
    d->needs_await = false;
    d->has_awaited = true;
    disposal_await(vm, d, Value::undefined());
    return;
  }
  // 6-7. Done: the stack is emptied; reject with the completion's error, or resolve.
  d->capability.stack.clear();
  promise_settle(vm, as_object(d->promise), d->has_error ? d->error : Value::undefined(), d->has_error);
}

void disposal_resume(Vm& vm, Object* awaiter, Value value, bool rejected) {
  gc::Rooted<AsyncDisposal> d(vm.heap(), static_cast<AsyncDisposal*>(awaiter));
  if (d->awaiting_undefined) {
    d->awaiting_undefined = false;  // (! Await(undefined) cannot reject)
  } else if (rejected) {
    disposal_error(vm, d, value);
  }
  try {
    disposal_continue(vm, d);
  } catch (const Thrown&) {
    // (Only an allocation failure could get here; the disposal's own errors are its completion.)
    RootedValue e(vm.heap(), vm.take_exception());
    promise_settle(vm, as_object(d->promise), e, true);
  }
}

// DisposeResources(capability, completion) with awaits, settling `promise`;
// the resources are taken from `capability`.
void start_async_disposal(Vm& vm, Object* p, DisposeCapability& capability, bool has_error, Value error) {
  gc::Rooted<Object> promise(vm.heap(), p);
  RootedValue err(vm.heap(), error);
  gc::Rooted<AsyncDisposal> d(vm.heap(), vm.heap().allocate<AsyncDisposal>(vm.intrinsics()[IntrinsicShape::NullProtoShape]));
  d->promise = object_value(promise);
  d->has_error = has_error;
  d->error = err;
  d->capability.stack.swap(capability.stack);
  d->next = d->capability.stack.size();
  disposal_continue(vm, d);
}

// §27.4.3.4 AsyncDisposableStack.prototype.disposeAsync ( )
Value async_disposable_stack_dispose_async(Vm& vm, Value self, std::span<const Value>, Value) {
  // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  // 3. Not an AsyncDisposableStack: reject with a TypeError.
  auto* s = self.is_object() ? dynamic_cast<DisposableStackObject*>(as_object(self)) : nullptr;
  if (!s || !s->async) {
    try {
      vm.throw_error(ErrorType::TypeError, "AsyncDisposableStack.prototype.disposeAsync called on incompatible receiver");
    } catch (const Thrown&) {
      RootedValue e(vm.heap(), vm.take_exception());
      promise_settle(vm, promise, e, true);
    }
    return object_value(promise);
  }
  gc::Rooted<DisposableStackObject> stack(vm.heap(), s);
  // 4. Already disposed: resolve with undefined.
  if (stack->disposed) {
    promise_settle(vm, promise, Value::undefined(), false);
    return object_value(promise);
  }
  // 5. Set asyncDisposableStack.[[AsyncDisposableState]] to disposed.
  stack->disposed = true;
  // 6-8. DisposeResources(capability, NormalCompletion(undefined)), settling the promise.
  start_async_disposal(vm, promise, stack->capability, false, Value::undefined());
  return object_value(promise);
}

// ============================================================================
// Dispose scopes: the capability of a block with `using` declarations
// ============================================================================

class DisposeScopeObject final : public Object {
 public:
  DisposeCapability capability;
  explicit DisposeScopeObject(Shape* shape) : Object(shape) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    capability.trace(tracer);
  }
  const char* cell_name() const override { return "DisposeScope"; }
};

DisposeScopeObject* as_dispose_scope(Value v) { return static_cast<DisposeScopeObject*>(as_object(v)); }

}  // namespace

Value new_dispose_scope(Vm& vm) {
  return object_value(vm.heap().allocate<DisposeScopeObject>(vm.intrinsics()[IntrinsicShape::NullProtoShape]));
}

// §14.3.1.2 (using) BindingEvaluation: Perform ? AddDisposableResource(env.[[DisposeCapability]], value, hint).
void dispose_scope_add(Vm& vm, Value scope, Value v, DisposeHint hint) {
  gc::Rooted<DisposeScopeObject> s(vm.heap(), as_dispose_scope(scope));
  add_disposable_resource(vm, s->capability, v, hint);
}

// DisposeResources(env.[[DisposeCapability]], completion) at the end of a block.
void dispose_scope(Vm& vm, Value scope, bool throwing, Value error) {
  gc::Rooted<DisposeScopeObject> s(vm.heap(), as_dispose_scope(scope));
  dispose_resources_after(vm, s->capability, throwing, error);
}

Value dispose_scope_async(Vm& vm, Value scope, bool throwing, Value error) {
  gc::Rooted<DisposeScopeObject> s(vm.heap(), as_dispose_scope(scope));
  RootedValue err(vm.heap(), error);
  bool any_async = false;
  for (const DisposableResource& r : s->capability.stack) any_async |= r.hint == DisposeHint::AsyncDispose;
  // No `await using` was evaluated: nothing is awaited (the sync disposal's error is thrown as it is).
  if (!any_async) {
    dispose_resources_after(vm, s->capability, throwing, err);
    return Value::undefined();
  }
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  start_async_disposal(vm, promise, s->capability, throwing, err);
  return object_value(promise);
}

namespace {

// ============================================================================
// Iterators as resources
// ============================================================================

// §27.1.4.x %Iterator.prototype% [ %Symbol.dispose% ] ( )
Value iterator_dispose(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. Let return be ? GetMethod(O, "return").
  RootedValue o(vm.heap(), self);
  Value method = get_method(vm, o, key_of(WellKnownAtom::return_, vm));
  // 3. If return is not undefined, perform ? Call(return, O, « »).
  if (!method.is_undefined()) vm.call(method, o, {});
  // 4. Return undefined.
  return Value::undefined();
}

// The reaction to resultWrapper: fulfilled resolves `promise` with undefined (unwrap), rejected rejects it.
void settle_async_dispose(Vm& vm, Object* promise, Value value, bool rejected) {
  promise_settle(vm, promise, rejected ? value : Value::undefined(), rejected);
}

// §27.1.3.x %AsyncIteratorPrototype% [ %Symbol.asyncDispose% ] ( )
Value async_iterator_async_dispose(Vm& vm, Value self, std::span<const Value>, Value) {
  RootedValue o(vm.heap(), self);
  // 2. Let promiseCapability be ! NewPromiseCapability(%Promise%).
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  try {
    // 3-4. Let return be Completion(GetMethod(O, "return")).
    Value method = get_method(vm, o, key_of(WellKnownAtom::return_, vm));
    // 5. Undefined: resolve with undefined.
    if (method.is_undefined()) {
      promise_settle(vm, promise, Value::undefined(), false);
      return object_value(promise);
    }
    // 6.a-d. Let result be Call(return, O, « »); resultWrapper = PromiseResolve(%Promise%, result).
    RootedValue result(vm.heap(), vm.call(method, o, {}));
    gc::Rooted<Object> wrapper(vm.heap(), promise_resolve_value(vm, result));
    // 6.e-g. PerformPromiseThen(resultWrapper, unwrap, undefined, promiseCapability).
    promise_then_await(vm, wrapper, promise, settle_async_dispose);
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    promise_settle(vm, promise, e, true);
  }
  return object_value(promise);
}

template <bool async>
void install_stack(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  IntrinsicObject proto_id = async ? IntrinsicObject::AsyncDisposableStackPrototype : IntrinsicObject::DisposableStackPrototype;
  const char* name = async ? "AsyncDisposableStack" : "DisposableStack";
  in[proto_id] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), in[proto_id]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, name, stack_ctor<async>, 0, proto));
  in[async ? IntrinsicObject::AsyncDisposableStack : IntrinsicObject::DisposableStack] = ctor;
  vm.define_native(proto, "adopt", stack_adopt<async>, 2);
  vm.define_native(proto, "defer", stack_defer<async>, 1);
  define_getter(vm, proto, "disposed", stack_disposed<async>);
  vm.define_native(proto, "move", stack_move<async>, 0);
  vm.define_native(proto, "use", stack_use<async>, 1);
  // dispose / disposeAsync, also the [Symbol.dispose] / [Symbol.asyncDispose] method.
  gc::Rooted<FunctionObject> dispose(
      vm.heap(), async ? vm.define_native(proto, "disposeAsync", async_disposable_stack_dispose_async, 0)
                       : vm.define_native(proto, "dispose", disposable_stack_dispose, 0));
  vm.define_value(proto, vm.well_known_symbol(async ? WellKnownSymbol::asyncDispose : WellKnownSymbol::dispose),
                  object_value(dispose));
  define_tag(vm, proto, name);
  define_global(vm, name, object_value(ctor));
}

}  // namespace

void install_disposable_stacks(Vm& vm) {
  install_stack<false>(vm);
  install_stack<true>(vm);
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> iterator_proto(vm.heap(), in[IntrinsicObject::IteratorPrototype]);
  gc::Rooted<FunctionObject> dispose(vm.heap(), vm.new_native("[Symbol.dispose]", iterator_dispose, 0));
  vm.define_value(iterator_proto, vm.well_known_symbol(WellKnownSymbol::dispose), object_value(dispose));
  gc::Rooted<Object> async_iterator_proto(vm.heap(), in[IntrinsicObject::AsyncIteratorPrototype]);
  gc::Rooted<FunctionObject> async_dispose(vm.heap(),
                                           vm.new_native("[Symbol.asyncDispose]", async_iterator_async_dispose, 0));
  vm.define_value(async_iterator_proto, vm.well_known_symbol(WellKnownSymbol::asyncDispose), object_value(async_dispose));
}

}  // namespace glass
