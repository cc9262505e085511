// Promise (ES2024 §27.2): the constructor, then/catch/finally, the
// combinators, and the jobs that run reactions.
//
// Cells:
//   PromiseObject    [[PromiseState]], [[PromiseResult]], the pending
//                    reactions, [[PromiseIsHandled]]
//   PromiseReaction  one then(): both handlers and where the result goes —
//                    a promise this file resolves directly (the common
//                    case: the derived promise of %Promise%.prototype.then),
//                    or a capability's resolve/reject functions
//   Record           a few Values and a flag/counter: resolving functions'
//                    shared state, capability executors, Promise.all's
//                    bookkeeping, finally's closures, thenable jobs
//
// Jobs: Vm::enqueue_job(function, argument) calls function(argument). Two
// shared natives serve every job — the reaction job and the thenable job —
// and the argument is the PromiseReaction / Record cell (an engine-internal
// cell carried in a Value, as accessor pairs are). So a then() costs one
// reaction cell and its derived promise; no function per job.
//
// Natives that need their own data (resolve functions, Promise.all element
// functions, ...) read it from their FunctionObject's native_data; the
// callee is found just below `this` in the register file (see callee_data).
#include "builtins/builtins.h"
#include "builtins/promise.h"

namespace glass {

namespace {

// ============================================================================
// Cells
// ============================================================================

enum class PromiseState : uint8_t { Pending, Fulfilled, Rejected };

class Record final : public gc::Cell {
 public:
  Value v[5];
  int64_t n = 0;
  bool flag = false;
  Record() : gc::Cell(uint8_t(CellTag::Internal)) {}
  void trace(gc::Tracer& tracer) override {
    for (Value x : v) trace_value(tracer, x);
  }
  const char* cell_name() const override { return "PromiseRecord"; }
};

class PromiseReaction final : public gc::Cell {
 public:
  Value promise;                    // the derived promise (resolved here when resolve is undefined), or undefined
  Value resolve, reject;            // a capability's functions, or undefined
  Value on_fulfilled, on_rejected;  // callables, or undefined
  Value argument;                   // set when triggered
  PromiseReaction* next = nullptr;  // the promise's next pending reaction
  bool rejected = false;
  // An await's reaction: resume `awaiter` (a suspended async function)
  // directly, with no handler functions made (promise_then_await).
  Object* awaiter = nullptr;
  AwaitResume resume = nullptr;
  PromiseReaction() : gc::Cell(uint8_t(CellTag::Internal)) {}
  void trace(gc::Tracer& tracer) override {
    tracer.visit(next);
    tracer.visit(awaiter);
    trace_value(tracer, promise);
    trace_value(tracer, resolve);
    trace_value(tracer, reject);
    trace_value(tracer, on_fulfilled);
    trace_value(tracer, on_rejected);
    trace_value(tracer, argument);
  }
  const char* cell_name() const override { return "PromiseReaction"; }
};

class PromiseObject final : public Object {
 public:
  PromiseState state = PromiseState::Pending;
  bool handled = false;
  bool already_resolved = false;  // for promises this file resolves itself (no resolving functions)
  Value result;
  // Pending reactions, in order: a list through PromiseReaction::next.
  PromiseReaction* first_reaction = nullptr;
  PromiseReaction* last_reaction = nullptr;
  explicit PromiseObject(Shape* shape) : Object(shape, ObjectClass::Promise) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, result);
    tracer.visit(first_reaction);  // the rest hang off it
  }
  const char* cell_name() const override { return "Promise"; }
};

inline Value internal_value(gc::Cell* c) { return Value::cell(Value::Tag::Object, c); }
template <class T>
T* internal_cell(Value v) {
  return static_cast<T*>(v.as_cell());
}

PromiseObject* as_promise(Value v) {
  if (v.is_object() && as_object(v)->object_class() == ObjectClass::Promise) return static_cast<PromiseObject*>(as_object(v));
  return nullptr;
}

// The native's own FunctionObject (Vm::current_native), checked against
// the expected native.
Record* callee_data(Vm& vm, std::span<const Value> args, NativeFn self) {
  FunctionObject* f = vm.current_native(); (void)args;
  if (!f || f->native != self || !f->native_data.is_cell())
    vm.throw_error(ErrorType::TypeError, "internal error: native callee not found");
  return internal_cell<Record>(f->native_data);
}

// Realm data kept in the Promise constructor's native_data: v[0] the
// reaction job, v[1] the thenable job, v[2] %Promise.prototype.then%.
Record* realm_data(Vm& vm) {
  auto* ctor = static_cast<FunctionObject*>(vm.intrinsics()[IntrinsicObject::Promise]);
  return internal_cell<Record>(ctor->native_data);
}

std::string describe(Vm& vm, Value v) {
  if (v.is_object()) return is_callable(v) ? "function" : as_promise(v) ? "#<Promise>" : "#<Object>";
  if (v.is_symbol()) return "Symbol()";
  return to_utf8(vm, v);
}

// ============================================================================
// Settling
// ============================================================================

void untrack_rejection(Vm& vm, PromiseObject* p) {
  auto& list = vm.unhandled_rejections();
  for (size_t i = list.size(); i-- > 0;)
    if (list[i].get() == p) {
      list.erase(list.begin() + ptrdiff_t(i));
      return;
    }
}

void trigger_reactions(Vm& vm, PromiseObject* p) {
  if (!p->first_reaction) return;
  Value job = realm_data(vm)->v[0];
  PromiseReaction* next = nullptr;
  for (PromiseReaction* r = p->first_reaction; r; r = next) {
    next = r->next;
    r->next = nullptr;
    r->argument = p->result;
    r->rejected = p->state == PromiseState::Rejected;
    vm.enqueue_job(job, internal_value(r));  // no allocation: the queue roots r from now on
  }
  p->first_reaction = p->last_reaction = nullptr;
}

void fulfill_promise(Vm& vm, PromiseObject* p, Value value) {
  p->result = value;
  p->state = PromiseState::Fulfilled;
  trigger_reactions(vm, p);
}

void reject_promise(Vm& vm, PromiseObject* p, Value reason) {
  p->result = reason;
  p->state = PromiseState::Rejected;
  if (!p->handled) vm.unhandled_rejections().emplace_back(vm.heap(), p, "unhandled rejection");
  trigger_reactions(vm, p);
}

// The promise resolve function's steps after the alreadyResolved check.
void resolve_promise(Vm& vm, PromiseObject* p_in, Value resolution_in) {
  gc::Rooted<PromiseObject> p(vm.heap(), p_in);
  RootedValue resolution(vm.heap(), resolution_in);
  if (resolution.get().is_object() && as_object(resolution) == p.get()) {
    Object* e = vm.make_error(ErrorType::TypeError, "Chaining cycle detected for promise #<Promise>");
    reject_promise(vm, p, object_value(e));
    return;
  }
  if (!resolution.get().is_object()) {
    fulfill_promise(vm, p, resolution);
    return;
  }
  RootedValue then(vm.heap());
  try {
    then = get(vm, as_object(resolution), key_of(WellKnownAtom::then, vm));
  } catch (const Thrown&) {
    reject_promise(vm, p, vm.take_exception());
    return;
  }
  if (!is_callable(then)) {
    fulfill_promise(vm, p, resolution);
    return;
  }
  Record* job = vm.heap().allocate<Record>();
  job->v[0] = object_value(p);
  job->v[1] = resolution;
  job->v[2] = then;
  vm.enqueue_job(realm_data(vm)->v[1], internal_value(job));
}

// ---- resolving functions ------------------------------------------------------

Value resolve_function(Vm& vm, Value, std::span<const Value> args, Value);
Value reject_function(Vm& vm, Value, std::span<const Value> args, Value);

// CreateResolvingFunctions(promise): out[0] resolve, out[1] reject.
void create_resolving_functions(Vm& vm, PromiseObject* p_in, RootedValue& resolve, RootedValue& reject) {
  gc::Rooted<PromiseObject> p(vm.heap(), p_in);
  gc::Rooted<Record> state(vm.heap(), vm.heap().allocate<Record>());
  state->v[0] = object_value(p);
  FunctionObject* r = vm.new_native("", resolve_function, 1);
  r->native_data = internal_value(state);
  resolve = object_value(r);
  FunctionObject* j = vm.new_native("", reject_function, 1);
  j->native_data = internal_value(state);
  reject = object_value(j);
}

Value resolve_function(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* state = callee_data(vm, args, resolve_function);
  if (state->flag) return Value::undefined();
  state->flag = true;
  resolve_promise(vm, static_cast<PromiseObject*>(as_object(state->v[0])), arg(args, 0));
  return Value::undefined();
}

Value reject_function(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* state = callee_data(vm, args, reject_function);
  if (state->flag) return Value::undefined();
  state->flag = true;
  reject_promise(vm, static_cast<PromiseObject*>(as_object(state->v[0])), arg(args, 0));
  return Value::undefined();
}

// ============================================================================
// Capabilities
// ============================================================================

struct Capability {
  RootedValue promise, resolve, reject;
  explicit Capability(Vm& vm) : promise(vm.heap()), resolve(vm.heap()), reject(vm.heap()) {}
  // No functions: this file resolves `promise` (an intrinsic promise) itself.
  bool internal() const { return resolve.get().is_undefined(); }
};

PromiseObject* new_promise(Vm& vm, Object* proto) {
  Shape* shape = vm.root_shape_for(proto);
  return vm.heap().allocate<PromiseObject>(shape);
}

Value capability_executor(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* rec = callee_data(vm, args, capability_executor);
  if (!rec->v[0].is_undefined() || !rec->v[1].is_undefined())
    vm.throw_error(ErrorType::TypeError, "Promise executor has already been invoked with non-undefined arguments");
  rec->v[0] = arg(args, 0);
  rec->v[1] = arg(args, 1);
  return Value::undefined();
}

bool is_intrinsic_promise_ctor(Vm& vm, Value c) {
  return c.is_object() && as_object(c) == vm.intrinsics()[IntrinsicObject::Promise];
}

// NewPromiseCapability(C). With C = %Promise% and no need for visible
// functions, the promise is resolved by this file directly.
void new_capability(Vm& vm, Value c_in, Capability& cap, bool need_functions) {
  RootedValue c(vm.heap(), c_in);
  if (is_intrinsic_promise_ctor(vm, c)) {
    PromiseObject* p = new_promise(vm, vm.intrinsics()[IntrinsicObject::PromisePrototype]);
    cap.promise = object_value(p);
    if (need_functions) create_resolving_functions(vm, p, cap.resolve, cap.reject);
    return;
  }
  if (!is_constructor(c)) vm.throw_error(ErrorType::TypeError, describe(vm, c) + " is not a constructor");
  gc::Rooted<Record> rec(vm.heap(), vm.heap().allocate<Record>());
  FunctionObject* executor = vm.new_native("", capability_executor, 2);
  executor->native_data = internal_value(rec);
  Value a[1] = {object_value(executor)};
  Value promise = vm.construct(c, a, c);
  if (!is_callable(rec->v[0]) || !is_callable(rec->v[1]))
    vm.throw_error(ErrorType::TypeError, "Promise resolve or reject function is not callable");
  cap.promise = promise;
  cap.resolve = rec->v[0];
  cap.reject = rec->v[1];
}

void capability_settle(Vm& vm, Capability& cap, Value v, bool reject) {
  if (cap.internal()) {
    PromiseObject* p = as_promise(cap.promise);
    if (p->already_resolved) return;
    p->already_resolved = true;
    if (reject) reject_promise(vm, p, v);
    else resolve_promise(vm, p, v);
    return;
  }
  vm.call(reject ? cap.reject : cap.resolve, Value::undefined(), std::span<const Value>(&v, 1));
}

// Runs body; a throw rejects the capability instead (IfAbruptRejectPromise).
template <class F>
Value or_reject(Vm& vm, Capability& cap, F&& body) {
  try {
    body();
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    capability_settle(vm, cap, e, true);
  }
  return cap.promise;
}

// ============================================================================
// then
// ============================================================================

// PerformPromiseThen(promise, onFulfilled, onRejected, capability).
void add_reaction(Vm& vm, PromiseObject* p, PromiseReaction* reaction);

void perform_then(Vm& vm, PromiseObject* p_in, Value on_fulfilled, Value on_rejected, Value result_promise,
                  Value result_resolve, Value result_reject) {
  gc::Rooted<PromiseObject> p(vm.heap(), p_in);
  RootedValue f(vm.heap(), on_fulfilled), r(vm.heap(), on_rejected), rp(vm.heap(), result_promise),
      rr(vm.heap(), result_resolve), rj(vm.heap(), result_reject);
  PromiseReaction* reaction = vm.heap().allocate<PromiseReaction>();
  reaction->on_fulfilled = is_callable(f) ? f.get() : Value::undefined();
  reaction->on_rejected = is_callable(r) ? r.get() : Value::undefined();
  reaction->promise = rp;
  reaction->resolve = rr;
  reaction->reject = rj;
  add_reaction(vm, p, reaction);
}

// Queues `reaction` on p, or as a job at once when p is settled.
void add_reaction(Vm& vm, PromiseObject* p, PromiseReaction* reaction) {
  switch (p->state) {
    case PromiseState::Pending:
      if (p->last_reaction) p->last_reaction->next = reaction;
      else p->first_reaction = reaction;
      p->last_reaction = reaction;
      break;
    case PromiseState::Fulfilled:
    case PromiseState::Rejected:
      reaction->argument = p->result;
      reaction->rejected = p->state == PromiseState::Rejected;
      if (reaction->rejected && !p->handled) untrack_rejection(vm, p);
      vm.enqueue_job(realm_data(vm)->v[0], internal_value(reaction));
      break;
  }
  p->handled = true;
}

// True when p.constructor is certainly %Promise%: p has no own properties
// (so no own `constructor`) and inherits from %Promise.prototype%, whose
// `constructor` is still %Promise%. Every await and Promise.resolve asks, so
// the realm record remembers the prototype's shape and the property's slot
// (v[4], n): while the shape is the same, one load answers.
bool has_default_constructor(Vm& vm, PromiseObject* p) {
  Object* proto = vm.intrinsics()[IntrinsicObject::PromisePrototype];
  if (p->prototype() != proto) return false;
  String* constructor = vm.atom(WellKnownAtom::constructor);
  if ((p->in_dictionary_mode() || p->shape()->property_count() != 0) && p->get_own(constructor)) return false;
  Value ctor = object_value(vm.intrinsics()[IntrinsicObject::Promise]);
  Record* realm = realm_data(vm);
  if (!proto->in_dictionary_mode()) {
    if (realm->v[4].is_cell() && realm->v[4].as_cell() == proto->shape()) return proto->slot(uint32_t(realm->n)) == ctor;
    auto info = proto->shape()->find(constructor);
    if (!info || (info->flags & kAccessor)) return false;
    realm->v[4] = Value::cell(Value::Tag::Object, proto->shape());
    realm->n = int64_t(info->slot);
    return proto->slot(info->slot) == ctor;
  }
  auto c = proto->get_own(constructor);
  return c && !(c->flags & kAccessor) && c->value == ctor;
}

// True when SpeciesConstructor(p, %Promise%) is certainly %Promise%: p
// inherits `constructor` from an untouched %Promise.prototype%, and
// %Promise%[@@species] is still the original getter (saves two lookups and
// a getter call per then()).
bool default_species(Vm& vm, PromiseObject* p) {
  if (!has_default_constructor(vm, p)) return false;
  Object* ctor = vm.intrinsics()[IntrinsicObject::Promise];
  auto s = ctor->get_own(vm.well_known_symbol(WellKnownSymbol::species));
  if (!s || !(s->flags & kAccessor)) return false;
  return static_cast<AccessorPair*>(s->value.as_cell())->getter == realm_data(vm)->v[3];
}

Value species_constructor(Vm& vm, Object* o, Value default_ctor) {
  RootedValue d(vm.heap(), default_ctor);
  Value c = get(vm, o, key_of(WellKnownAtom::constructor, vm));
  if (c.is_undefined()) return d;
  if (!c.is_object()) vm.throw_error(ErrorType::TypeError, "The .constructor property is not an object");
  Value s = get(vm, as_object(c), PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::species)));
  if (s.is_nullish()) return d;
  if (is_constructor(s)) return s;
  vm.throw_error(ErrorType::TypeError, "object.constructor[Symbol.species] is not a constructor");
}

Value promise_then(Vm& vm, Value self, std::span<const Value> args, Value) {
  PromiseObject* p = as_promise(self);
  if (!p) vm.throw_error(ErrorType::TypeError, "Method Promise.prototype.then called on incompatible receiver " + describe(vm, self));
  gc::Rooted<PromiseObject> promise(vm.heap(), p);
  Value c = object_value(vm.intrinsics()[IntrinsicObject::Promise]);
  if (!default_species(vm, p)) c = species_constructor(vm, promise, c);
  Capability cap(vm);
  new_capability(vm, c, cap, false);
  perform_then(vm, promise, arg(args, 0), arg(args, 1), cap.promise, cap.resolve, cap.reject);
  return cap.promise;
}

Value promise_catch(Vm& vm, Value self, std::span<const Value> args, Value) {
  Value a[2] = {Value::undefined(), arg(args, 0)};
  return call_method(vm, self, key_of(WellKnownAtom::then, vm), a);
}

// PromiseResolve(C, x).
Value promise_resolve_with(Vm& vm, Value c_in, Value x_in) {
  RootedValue c(vm.heap(), c_in), x(vm.heap(), x_in);
  if (PromiseObject* p = as_promise(x); p && is_intrinsic_promise_ctor(vm, c) && has_default_constructor(vm, p)) return x;
  if (as_promise(x)) {
    Value xc = get(vm, as_object(x), key_of(WellKnownAtom::constructor, vm));
    if (same_value(xc, c)) return x;
  }
  Capability cap(vm);
  new_capability(vm, c, cap, false);
  capability_settle(vm, cap, x, false);
  return cap.promise;
}

// ---- finally ------------------------------------------------------------------------

Value value_thunk(Vm& vm, Value, std::span<const Value> args, Value) {
  return callee_data(vm, args, value_thunk)->v[0];
}
Value thrower(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.throw_value(callee_data(vm, args, thrower)->v[0]);
}

Value finally_step(Vm& vm, std::span<const Value> args, NativeFn self, bool rejected) {
  Record* rec = callee_data(vm, args, self);
  RootedValue on_finally(vm.heap(), rec->v[0]), c(vm.heap(), rec->v[1]);
  RootedValue value(vm.heap(), arg(args, 0));
  RootedValue result(vm.heap(), vm.call(on_finally, Value::undefined(), {}));
  RootedValue promise(vm.heap(), promise_resolve_with(vm, c, result));
  gc::Rooted<Record> data(vm.heap(), vm.heap().allocate<Record>());
  data->v[0] = value;
  FunctionObject* f = vm.new_native("", rejected ? thrower : value_thunk, 0);
  f->native_data = internal_value(data);
  RootedValue thunk(vm.heap(), object_value(f));
  Value a[1] = {thunk};
  return call_method(vm, promise, key_of(WellKnownAtom::then, vm), a);
}

Value then_finally(Vm& vm, Value, std::span<const Value> args, Value) { return finally_step(vm, args, then_finally, false); }
Value catch_finally(Vm& vm, Value, std::span<const Value> args, Value) { return finally_step(vm, args, catch_finally, true); }

Value promise_finally(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (!self.is_object())
    vm.throw_error(ErrorType::TypeError, "Method Promise.prototype.finally called on incompatible receiver " + describe(vm, self));
  RootedValue on_finally(vm.heap(), arg(args, 0));
  RootedValue c(vm.heap(), species_constructor(vm, as_object(self), object_value(vm.intrinsics()[IntrinsicObject::Promise])));
  RootedValue then_f(vm.heap(), on_finally), catch_f(vm.heap(), on_finally);
  if (is_callable(on_finally)) {
    gc::Rooted<Record> data(vm.heap(), vm.heap().allocate<Record>());
    data->v[0] = on_finally;
    data->v[1] = c;
    FunctionObject* t = vm.new_native("", then_finally, 1);
    t->native_data = internal_value(data);
    then_f = object_value(t);
    FunctionObject* k = vm.new_native("", catch_finally, 1);
    k->native_data = internal_value(data);
    catch_f = object_value(k);
  }
  Value a[2] = {then_f, catch_f};
  return call_method(vm, self, key_of(WellKnownAtom::then, vm), a);
}

// ============================================================================
// Jobs
// ============================================================================

// NewPromiseReactionJob: the argument is the PromiseReaction.
Value reaction_job(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<PromiseReaction> r(vm.heap(), internal_cell<PromiseReaction>(arg(args, 0)));
  if (r->awaiter) {
    r->resume(vm, r->awaiter, r->argument, r->rejected);
    return Value::undefined();
  }
  Value handler = r->rejected ? r->on_rejected : r->on_fulfilled;
  RootedValue result(vm.heap(), r->argument);
  bool threw = r->rejected;
  if (!handler.is_undefined()) {
    threw = false;
    try {
      Value a = r->argument;
      result = vm.call(handler, Value::undefined(), std::span<const Value>(&a, 1));
    } catch (const Thrown&) {
      result = vm.take_exception();
      threw = true;
    }
  }
  if (r->resolve.is_undefined()) {
    if (PromiseObject* p = as_promise(r->promise)) {
      if (threw) reject_promise(vm, p, result);
      else resolve_promise(vm, p, result);
    }
    return Value::undefined();
  }
  Value a = result;
  return vm.call(threw ? r->reject : r->resolve, Value::undefined(), std::span<const Value>(&a, 1));
}

// NewPromiseResolveThenableJob: the argument is Record{promise, thenable, then}.
Value thenable_job(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Record> job(vm.heap(), internal_cell<Record>(arg(args, 0)));
  gc::Rooted<PromiseObject> p(vm.heap(), static_cast<PromiseObject*>(as_object(job->v[0])));
  // A native promise with the original then: what then() would do, without
  // making the resolving functions (nothing can observe them).
  if (PromiseObject* thenable = as_promise(job->v[1]); thenable && job->v[2] == realm_data(vm)->v[2]) {
    gc::Rooted<PromiseObject> t(vm.heap(), thenable);
    try {
      Value c = object_value(vm.intrinsics()[IntrinsicObject::Promise]);
      if (!default_species(vm, t)) c = species_constructor(vm, t, c);
      if (is_intrinsic_promise_ctor(vm, c)) {
        perform_then(vm, t, Value::undefined(), Value::undefined(), object_value(p), Value::undefined(), Value::undefined());
        return Value::undefined();
      }
    } catch (const Thrown&) {
      reject_promise(vm, p, vm.take_exception());
      return Value::undefined();
    }
  }
  RootedValue resolve(vm.heap()), reject(vm.heap());
  create_resolving_functions(vm, p, resolve, reject);
  try {
    Value a[2] = {resolve, reject};
    vm.call(job->v[2], job->v[1], a);
  } catch (const Thrown&) {
    Value e = vm.take_exception();
    vm.call(reject, Value::undefined(), std::span<const Value>(&e, 1));
  }
  return Value::undefined();
}

// ============================================================================
// The constructor and the statics
// ============================================================================

Value promise_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Promise constructor cannot be invoked without 'new'");
  RootedValue executor(vm.heap(), arg(args, 0));
  if (!is_callable(executor)) vm.throw_error(ErrorType::TypeError, "Promise resolver " + describe(vm, executor) + " is not a function");
  Object* proto = vm.intrinsics()[IntrinsicObject::PromisePrototype];
  if (new_target.is_object() && !is_intrinsic_promise_ctor(vm, new_target))
    proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::PromisePrototype);
  gc::Rooted<PromiseObject> p(vm.heap(), new_promise(vm, proto));
  RootedValue resolve(vm.heap()), reject(vm.heap());
  create_resolving_functions(vm, p, resolve, reject);
  try {
    Value a[2] = {resolve, reject};
    vm.call(executor, Value::undefined(), a);
  } catch (const Thrown&) {
    Value e = vm.take_exception();
    vm.call(reject, Value::undefined(), std::span<const Value>(&e, 1));
  }
  return object_value(p);
}

Value require_ctor_this(Vm& vm, Value self, const char* method) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, std::string(method) + " called on non-object");
  return self;
}

Value promise_static_resolve(Vm& vm, Value self, std::span<const Value> args, Value) {
  require_ctor_this(vm, self, "PromiseResolve");
  return promise_resolve_with(vm, self, arg(args, 0));
}

Value promise_static_reject(Vm& vm, Value self, std::span<const Value> args, Value) {
  RootedValue reason(vm.heap(), arg(args, 0));
  Capability cap(vm);
  new_capability(vm, self, cap, false);
  capability_settle(vm, cap, reason, true);
  return cap.promise;
}

Value promise_with_resolvers(Vm& vm, Value self, std::span<const Value>, Value) {
  Capability cap(vm);
  new_capability(vm, self, cap, true);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, o, key_of(vm, "promise"), cap.promise);
  create_data_property_or_throw(vm, o, key_of(vm, "resolve"), cap.resolve);
  create_data_property_or_throw(vm, o, key_of(vm, "reject"), cap.reject);
  return object_value(o);
}

Value get_species(Vm&, Value self, std::span<const Value>, Value) { return self; }

// ---- combinators ---------------------------------------------------------------

enum class Combinator { All, AllSettled, Any, Race };

// Shared state (Record): v[0] the values (or errors) array, v[1] the
// capability's resolve, v[2] its reject, n the remaining count.
// Element state (Record): v[0] the shared state, n the index, flag alreadyCalled.

Value finish_list(Vm& vm, Record* shared_in, bool any) {
  gc::Rooted<Record> shared(vm.heap(), shared_in);
  Object* list = as_object(shared->v[0]);
  gc::Rooted<Object> array(vm.heap(), vm.new_array_from(list->dense_elements()));
  if (!any) {
    Value a = object_value(array);
    return vm.call(shared->v[1], Value::undefined(), std::span<const Value>(&a, 1));
  }
  gc::Rooted<Object> error(vm.heap(), vm.make_error(ErrorType::AggregateError, "All promises were rejected"));
  vm.define_value(error, vm.atom(WellKnownAtom::errors), object_value(array));
  Value a = object_value(error);
  return vm.call(shared->v[2], Value::undefined(), std::span<const Value>(&a, 1));
}

Value element_settled(Vm& vm, Record* elem, Value x, bool any) {
  if (elem->flag) return Value::undefined();
  elem->flag = true;
  Record* shared = internal_cell<Record>(elem->v[0]);
  as_object(shared->v[0])->dense_elements()[size_t(elem->n)] = x;
  if (--shared->n == 0) return finish_list(vm, shared, any);
  return Value::undefined();
}

Value all_resolve_element(Vm& vm, Value, std::span<const Value> args, Value) {
  return element_settled(vm, callee_data(vm, args, all_resolve_element), arg(args, 0), false);
}
Value any_reject_element(Vm& vm, Value, std::span<const Value> args, Value) {
  return element_settled(vm, callee_data(vm, args, any_reject_element), arg(args, 0), true);
}
Value settled_element(Vm& vm, std::span<const Value> args, NativeFn self, bool rejected) {
  gc::Rooted<Record> elem(vm.heap(), callee_data(vm, args, self));
  if (elem->flag) return Value::undefined();
  RootedValue x(vm.heap(), arg(args, 0));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, o, key_of(WellKnownAtom::status, vm),
                                string_value(vm.intern(rejected ? "rejected" : "fulfilled")));
  create_data_property_or_throw(vm, o, rejected ? key_of(WellKnownAtom::reason, vm) : key_of(WellKnownAtom::value, vm), x);
  return element_settled(vm, elem, object_value(o), false);
}
Value settled_fulfilled_element(Vm& vm, Value, std::span<const Value> args, Value) {
  return settled_element(vm, args, settled_fulfilled_element, false);
}
Value settled_rejected_element(Vm& vm, Value, std::span<const Value> args, Value) {
  return settled_element(vm, args, settled_rejected_element, true);
}

Value combinator(Vm& vm, Value self, std::span<const Value> args, Combinator kind) {
  RootedValue c(vm.heap(), self);
  RootedValue iterable(vm.heap(), arg(args, 0));
  Capability cap(vm);
  new_capability(vm, c, cap, true);
  RootedValue promise_resolve(vm.heap()), iter(vm.heap()), next(vm.heap());
  bool got_iterator = false;
  try {
    promise_resolve = get(vm, as_object(c), key_of(vm, "resolve"));
    if (!is_callable(promise_resolve)) vm.throw_error(ErrorType::TypeError, "resolve is not a function");
    IteratorRecord it = get_iterator(vm, iterable);
    iter = it.iterator;
    next = it.next_method;
    got_iterator = true;
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    capability_settle(vm, cap, e, true);
    return cap.promise;
  }
  (void)got_iterator;
  gc::Rooted<Record> shared(vm.heap(), vm.heap().allocate<Record>());
  shared->v[0] = object_value(vm.new_array(0));
  shared->v[1] = cap.resolve;
  shared->v[2] = cap.reject;
  shared->n = 1;
  for (int64_t index = 0;; ++index) {
    std::optional<Value> item;
    try {
      IteratorRecord rec{iter, next};
      item = iterator_step(vm, rec);
    } catch (const Thrown&) {
      RootedValue e(vm.heap(), vm.take_exception());
      capability_settle(vm, cap, e, true);
      return cap.promise;
    }
    if (!item) {
      if (kind != Combinator::Race && --shared->n == 0) {
        try {
          finish_list(vm, shared, kind == Combinator::Any);
        } catch (const Thrown&) {
          RootedValue e(vm.heap(), vm.take_exception());
          capability_settle(vm, cap, e, true);
        }
      }
      return cap.promise;
    }
    RootedValue value(vm.heap(), *item);
    try {
      if (kind != Combinator::Race) {
        Object* list = as_object(shared->v[0]);
        list->dense_elements().push_back(Value::undefined());
        list->set_array_length_raw(uint32_t(list->dense_elements().size()));
      }
      Value a[1] = {value};
      RootedValue next_promise(vm.heap(), vm.call(promise_resolve, c, a));
      RootedValue on_fulfilled(vm.heap(), cap.resolve), on_rejected(vm.heap(), cap.reject);
      if (kind != Combinator::Race) {
        gc::Rooted<Record> elem(vm.heap(), vm.heap().allocate<Record>());
        elem->v[0] = internal_value(shared);
        elem->n = index;
        switch (kind) {
          case Combinator::All: {
            FunctionObject* f = vm.new_native("", all_resolve_element, 1);
            f->native_data = internal_value(elem);
            on_fulfilled = object_value(f);
            break;
          }
          case Combinator::AllSettled: {
            FunctionObject* f = vm.new_native("", settled_fulfilled_element, 1);
            f->native_data = internal_value(elem);
            on_fulfilled = object_value(f);
            FunctionObject* r = vm.new_native("", settled_rejected_element, 1);
            r->native_data = internal_value(elem);
            on_rejected = object_value(r);
            break;
          }
          case Combinator::Any: {
            FunctionObject* r = vm.new_native("", any_reject_element, 1);
            r->native_data = internal_value(elem);
            on_rejected = object_value(r);
            break;
          }
          case Combinator::Race: break;
        }
        shared->n++;
      }
      Value b[2] = {on_fulfilled, on_rejected};
      call_method(vm, next_promise, key_of(WellKnownAtom::then, vm), b);
    } catch (const Thrown&) {
      RootedValue e(vm.heap(), vm.take_exception());
      try {
        iterator_close(vm, iter);
      } catch (const Thrown&) {
        vm.take_exception();
      }
      capability_settle(vm, cap, e, true);
      return cap.promise;
    }
  }
}

Value promise_all(Vm& vm, Value self, std::span<const Value> args, Value) { return combinator(vm, self, args, Combinator::All); }
Value promise_all_settled(Vm& vm, Value self, std::span<const Value> args, Value) {
  return combinator(vm, self, args, Combinator::AllSettled);
}
Value promise_any(Vm& vm, Value self, std::span<const Value> args, Value) { return combinator(vm, self, args, Combinator::Any); }
Value promise_race(Vm& vm, Value self, std::span<const Value> args, Value) { return combinator(vm, self, args, Combinator::Race); }

}  // namespace

// ---- for the rest of the engine (builtins/promise.h) -----------------------------

// A new pending %Promise%.
Object* promise_create(Vm& vm) { return new_promise(vm, vm.intrinsics()[IntrinsicObject::PromisePrototype]); }
// PromiseResolve(%Promise%, v): v itself if it is a %Promise% whose constructor is %Promise%.
Object* promise_resolve_value(Vm& vm, Value v) {
  // The common case first: a %Promise% whose `constructor` is %Promise% is its own PromiseResolve.
  if (PromiseObject* p = as_promise(v); p && has_default_constructor(vm, p)) return p;
  return as_object(promise_resolve_with(vm, object_value(vm.intrinsics()[IntrinsicObject::Promise]), v));
}

void promise_then_await(Vm& vm, Object* promise, Object* awaiter, AwaitResume resume) {
  gc::Rooted<PromiseObject> p(vm.heap(), as_promise(object_value(promise)));
  gc::Rooted<Object> a(vm.heap(), awaiter);
  PromiseReaction* reaction = vm.heap().allocate<PromiseReaction>();
  reaction->awaiter = a;
  reaction->resume = resume;
  add_reaction(vm, p, reaction);
  p->handled = true;
}
void promise_awaiters(Object* promise, std::vector<Object*>& out) {
  PromiseObject* p = as_promise(object_value(promise));
  if (!p || p->state != PromiseState::Pending) return;
  for (PromiseReaction* r = p->first_reaction; r; r = r->next)
    if (r->awaiter) out.push_back(r->awaiter);
}
// Resolves (with thenable adoption) or rejects a promise made by promise_create; later calls do nothing.
void promise_settle(Vm& vm, Object* promise, Value v, bool reject) {
  PromiseObject* p = as_promise(object_value(promise));
  if (!p || p->already_resolved) return;
  p->already_resolved = true;
  if (reject) reject_promise(vm, p, v);
  else resolve_promise(vm, p, v);
}
// PerformPromiseThen(promise, on_fulfilled, on_rejected) with no result capability (await).
void promise_then_internal(Vm& vm, Object* promise, Value on_fulfilled, Value on_rejected) {
  PromiseObject* p = as_promise(object_value(promise));
  if (!p) return;
  perform_then(vm, p, on_fulfilled, on_rejected, Value::undefined(), Value::undefined(), Value::undefined());
}

Value promise_result(Object* promise) {
  PromiseObject* p = as_promise(object_value(promise));
  return p ? p->result : Value::undefined();
}

PromiseStatus promise_status(Object* promise) {
  PromiseObject* p = as_promise(object_value(promise));
  if (!p || p->state == PromiseState::Pending) return PromiseStatus::Pending;
  return p->state == PromiseState::Fulfilled ? PromiseStatus::Fulfilled : PromiseStatus::Rejected;
}

void promise_mark_handled(Vm& vm, Object* promise) {
  PromiseObject* p = as_promise(object_value(promise));
  if (!p || p->handled) return;
  p->handled = true;
  untrack_rejection(vm, p);
}

void install_promise(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::PromisePrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Promise", promise_ctor, 1, proto));
  in[IntrinsicObject::Promise] = ctor;
  gc::Rooted<Record> realm(vm.heap(), vm.heap().allocate<Record>());
  ctor->native_data = internal_value(realm);
  realm->v[0] = object_value(vm.new_native("PromiseReactionJob", reaction_job, 1));
  realm->v[1] = object_value(vm.new_native("PromiseResolveThenableJob", thenable_job, 1));

  vm.define_native(ctor, "all", promise_all, 1);
  vm.define_native(ctor, "allSettled", promise_all_settled, 1);
  vm.define_native(ctor, "any", promise_any, 1);
  vm.define_native(ctor, "race", promise_race, 1);
  vm.define_native(ctor, "reject", promise_static_reject, 1);
  vm.define_native(ctor, "resolve", promise_static_resolve, 1);
  vm.define_native(ctor, "withResolvers", promise_with_resolvers, 0);
  {
    gc::Rooted<FunctionObject> g(vm.heap(), vm.new_native("get [Symbol.species]", get_species, 0));
    vm.define_accessor(ctor, vm.well_known_symbol(WellKnownSymbol::species), object_value(g), Value::undefined());
    realm->v[3] = object_value(g);
  }
  FunctionObject* then = vm.define_native(proto, "then", promise_then, 2);
  realm->v[2] = object_value(then);
  vm.define_native(proto, "catch", promise_catch, 1);
  vm.define_native(proto, "finally", promise_finally, 1);
  gc::Rooted<String> tag(vm.heap(), vm.intern("Promise"));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(tag), kConfigurable);
  define_global(vm, "Promise", object_value(ctor));
}

}  // namespace glass
