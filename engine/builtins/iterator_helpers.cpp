// The iterator helpers (ECMA-262 §27.1.4): Iterator.prototype.map, filter,
// take, drop and flatMap, which return lazy helper objects (iterator_helpers.h),
// and reduce, toArray, forEach, some, every and find, which consume the
// iterator at once; and %IteratorHelperPrototype% (§27.1.2.1).
//
// Every method reads `next` once (GetIteratorDirect) and closes the
// underlying iterator when a callback throws (IfAbruptCloseIterator), but
// not when the iterator itself throws or is exhausted.
#include <cmath>

#include "builtins/iterator_helpers.h"

namespace glass {

IteratorHelper* create_iterator_helper(Vm& vm, IteratorHelper::Kind kind, Value underlying, Value next_method) {
  RootedValue it(vm.heap(), underlying), next(vm.heap(), next_method);
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::IteratorHelperPrototype]);
  IteratorHelper* h = vm.heap().allocate<IteratorHelper>(shape, kind);
  h->iterator = it;
  h->next_method = next;
  return h;
}

namespace {

using Kind = IteratorHelper::Kind;
using State = IteratorHelper::State;

// Steps 1-3 of every helper method: O must be an object. Returns the record
// { [[Iterator]]: O, [[NextMethod]]: undefined } used to close O if an
// argument is bad.
Value this_iterator(Vm& vm, Value self, const char* method) {
  if (!self.is_object())
    vm.throw_error(ErrorType::TypeError, std::string("Iterator.prototype.") + method + " called on a non-object");
  return self;
}

// An argument that must be callable: otherwise O is closed and a TypeError thrown.
void require_callable(Vm& vm, Value o, Value fn, const char* method) {
  if (is_callable(fn)) return;
  try {
    vm.throw_error(ErrorType::TypeError, std::string("Iterator.prototype.") + method + ": the argument is not a function");
  } catch (const Thrown&) {
    iterator_close_and_rethrow(vm, o);
  }
}

// Calls fn(args...) and, if it throws, closes `iterator` (IfAbruptCloseIterator).
Value call_or_close(Vm& vm, Value fn, std::span<const Value> args, Value iterator) {
  try {
    return vm.call(fn, Value::undefined(), args);
  } catch (const Thrown&) {
    iterator_close_and_rethrow(vm, iterator);
  }
}

// ============================================================================
// %IteratorHelperPrototype% (§27.1.2.1)
// ============================================================================

IteratorHelper* this_helper(Vm& vm, Value self) {
  IteratorHelper* h = self.is_object() ? dynamic_cast<IteratorHelper*>(as_object(self)) : nullptr;
  if (!h) vm.throw_error(ErrorType::TypeError, "not an Iterator Helper object");
  return h;
}

// The closure of each helper, from where its last Yield left it to the next
// one: the value to yield, or nullopt when the closure returns.
std::optional<Value> helper_step(Vm& vm, IteratorHelper* helper) {
  gc::Rooted<IteratorHelper> h(vm.heap(), helper);
  IteratorRecord outer{h->iterator, h->next_method};
  switch (h->kind) {
    case Kind::Map: {
      // §27.1.4.8 map step 6: value = ? IteratorStepValue; mapped = Call(mapper, undefined, « value, counter »).
      std::optional<Value> value = iterator_step(vm, outer);
      if (!value) return std::nullopt;
      Value argv[2] = {*value, Value::number(h->counter++)};
      return call_or_close(vm, h->fn, argv, h->iterator);
    }
    case Kind::Filter:
      // §27.1.4.5 filter step 6: yield the values the predicate selects.
      for (;;) {
        std::optional<Value> value = iterator_step(vm, outer);
        if (!value) return std::nullopt;
        RootedValue v(vm.heap(), *value);
        Value argv[2] = {v, Value::number(h->counter++)};
        if (to_boolean(call_or_close(vm, h->fn, argv, h->iterator))) return v.get();
      }
    case Kind::Take:
      // §27.1.4.12 take step 8: remaining 0 closes the underlying iterator.
      if (h->remaining == 0) {
        iterator_close(vm, h->iterator);
        return std::nullopt;
      }
      if (h->remaining != INFINITY) h->remaining -= 1;
      return iterator_step(vm, outer);
    case Kind::Drop:
      // §27.1.4.3 drop step 8: skip `remaining` values first.
      while (h->remaining > 0) {
        if (h->remaining != INFINITY) h->remaining -= 1;
        if (!iterator_step_no_value(vm, outer)) return std::nullopt;
      }
      return iterator_step(vm, outer);
    case Kind::FlatMap:
      // §27.1.4.7 flatMap step 6: each mapped value's own values, in turn.
      for (;;) {
        if (h->inner_alive) {
          IteratorRecord inner{h->inner, h->inner_next};
          std::optional<Value> value;
          try {
            value = iterator_step(vm, inner);
          } catch (const Thrown&) {
            iterator_close_and_rethrow(vm, h->iterator);
          }
          if (value) return value;
          h->inner_alive = false;
        }
        std::optional<Value> value = iterator_step(vm, outer);
        if (!value) return std::nullopt;
        Value argv[2] = {*value, Value::number(h->counter++)};
        RootedValue mapped(vm.heap(), call_or_close(vm, h->fn, argv, h->iterator));
        try {
          IteratorRecord inner = get_iterator_flattenable(vm, mapped, false);
          h->inner = inner.iterator;
          h->inner_next = inner.next_method;
        } catch (const Thrown&) {
          iterator_close_and_rethrow(vm, h->iterator);
        }
        h->inner_alive = true;
      }
    case Kind::Concat:
      // Iterator.concat step 3: open each iterable in turn and yield its values.
      for (;;) {
        if (h->inner_alive) {
          IteratorRecord inner{h->inner, h->inner_next};
          if (std::optional<Value> value = iterator_step(vm, inner)) return value;
          h->inner_alive = false;
        }
        if (h->next_iterable == h->iterables.size()) return std::nullopt;
        RootedValue method(vm.heap(), h->iterables[h->next_iterable]);
        RootedValue iterable(vm.heap(), h->iterables[h->next_iterable + 1]);
        h->next_iterable += 2;
        Value iter = vm.call(method, iterable, {});
        if (!iter.is_object()) vm.throw_error(ErrorType::TypeError, "the iterator is not an object");
        IteratorRecord inner = get_iterator_direct(vm, as_object(iter));
        h->inner = inner.iterator;
        h->inner_next = inner.next_method;
        h->inner_alive = true;
      }
  }
  return std::nullopt;
}

// §27.1.2.1.1 %IteratorHelperPrototype%.next ( ): GeneratorResume(this value, undefined, "Iterator Helper").
Value iterator_helper_next(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<IteratorHelper> h(vm.heap(), this_helper(vm, self));
  // GeneratorValidate: a running helper cannot be resumed.
  if (h->state == State::Executing) vm.throw_error(ErrorType::TypeError, "Generator is already running");
  if (h->state == State::Completed) return object_value(create_iter_result(vm, Value::undefined(), true));
  h->state = State::Executing;
  std::optional<Value> value;
  try {
    value = helper_step(vm, h);
  } catch (const Thrown&) {
    h->state = State::Completed;  // an abrupt completion ends the closure
    throw;
  }
  if (!value) {
    h->state = State::Completed;
    return object_value(create_iter_result(vm, Value::undefined(), true));
  }
  h->state = State::SuspendedYield;
  return object_value(create_iter_result(vm, *value, false));
}

// §27.1.2.1.2 %IteratorHelperPrototype%.return ( )
Value iterator_helper_return(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. Perform ? RequireInternalSlot(O, [[UnderlyingIterator]]).
  gc::Rooted<IteratorHelper> h(vm.heap(), this_helper(vm, self));
  if (h->state == State::Executing) vm.throw_error(ErrorType::TypeError, "Generator is already running");
  if (h->state == State::Completed) return object_value(create_iter_result(vm, Value::undefined(), true));
  bool started = h->state == State::SuspendedYield;
  // 4. Not started: completed, and ? IteratorClose(O.[[UnderlyingIterator]], NormalCompletion(unused)).
  // 5-6. Otherwise the return completion reaches the closure's Yield, which closes what is open.
  h->state = started ? State::Executing : State::Completed;
  try {
    if (h->kind == Kind::Concat || h->kind == Kind::FlatMap) {
      if (started && h->inner_alive) {
        h->inner_alive = false;
        if (h->kind == Kind::Concat) {
          iterator_close(vm, h->inner);
        } else {
          try {
            iterator_close(vm, h->inner);
          } catch (const Thrown&) {
            iterator_close_and_rethrow(vm, h->iterator);
          }
        }
      }
      if (h->kind == Kind::FlatMap) iterator_close(vm, h->iterator);
    } else {
      iterator_close(vm, h->iterator);
    }
  } catch (const Thrown&) {
    h->state = State::Completed;
    throw;
  }
  h->state = State::Completed;
  return object_value(create_iter_result(vm, Value::undefined(), true));
}

// ============================================================================
// The lazy methods
// ============================================================================

// map, filter and flatMap: O, a callable argument, and a helper over O.
template <Kind kind>
Value iterator_callback_helper(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = kind == Kind::Map ? "map" : kind == Kind::Filter ? "filter" : "flatMap";
  // 1-2. If O is not an Object, throw a TypeError exception.
  RootedValue o(vm.heap(), this_iterator(vm, self, name));
  // 3-4. If IsCallable(fn) is false, close O and throw a TypeError exception.
  RootedValue fn(vm.heap(), arg(args, 0));
  require_callable(vm, o, fn, name);
  // 5. Set iterated to ? GetIteratorDirect(O).
  IteratorRecord iterated = get_iterator_direct(vm, as_object(o));
  RootedValue next(vm.heap(), iterated.next_method);
  // 6-9. The helper, with the closure's state.
  IteratorHelper* helper = create_iterator_helper(vm, kind, o, next);
  helper->fn = fn;
  return object_value(helper);
}

// take and drop: O, and a limit that is a non-negative integer or +∞.
template <Kind kind>
Value iterator_limit_helper(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = kind == Kind::Take ? "take" : "drop";
  // 1-2. If O is not an Object, throw a TypeError exception.
  RootedValue o(vm.heap(), this_iterator(vm, self, name));
  double limit;
  try {
    // 3-4. Let numLimit be Completion(ToNumber(limit)); IfAbruptCloseIterator(numLimit, iterated).
    double num_limit = to_number(vm, arg(args, 0));
    // 6. If numLimit is NaN, throw a RangeError exception (closing O).
    if (num_limit != num_limit) vm.throw_error(ErrorType::RangeError, std::string(name) + " must be positive");
    // 7. If numLimit is finite and > 2^53 - 1, throw a RangeError exception (closing O).
    if (num_limit != INFINITY && num_limit > 9007199254740991.0)
      vm.throw_error(ErrorType::RangeError, std::string(name) + " is too large");
    // 8-9. Let integerLimit be ! ToIntegerOrInfinity(numLimit); negative: RangeError (closing O).
    limit = to_integer_or_infinity(vm, Value::number(num_limit));
    if (limit < 0) vm.throw_error(ErrorType::RangeError, std::string(name) + " must be positive");
  } catch (const Thrown&) {
    iterator_close_and_rethrow(vm, o);
  }
  // 8. Set iterated to ? GetIteratorDirect(O).
  IteratorRecord iterated = get_iterator_direct(vm, as_object(o));
  RootedValue next(vm.heap(), iterated.next_method);
  // 9-12. The helper, with its remaining count.
  IteratorHelper* helper = create_iterator_helper(vm, kind, o, next);
  helper->remaining = limit;
  return object_value(helper);
}

// ============================================================================
// The eager methods
// ============================================================================

// §27.1.4.10 Iterator.prototype.reduce ( reducer [ , initialValue ] )
Value iterator_reduce(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-4. O an Object; reducer callable (else O is closed).
  RootedValue o(vm.heap(), this_iterator(vm, self, "reduce"));
  RootedValue reducer(vm.heap(), arg(args, 0));
  require_callable(vm, o, reducer, "reduce");
  // 5. Set iterated to ? GetIteratorDirect(O).
  IteratorRecord iterated = get_iterator_direct(vm, as_object(o));
  RootedValue next(vm.heap(), iterated.next_method);
  // 6-7. The accumulator: initialValue, or the first value (TypeError if there is none).
  RootedValue accumulator(vm.heap());
  double counter = 0;
  if (args.size() < 2) {
    std::optional<Value> first = iterator_step(vm, iterated);
    if (!first) vm.throw_error(ErrorType::TypeError, "Reduce of empty iterator with no initial value");
    accumulator = *first;
    counter = 1;
  } else {
    accumulator = args[1];
  }
  // 8. Repeat: accumulator = ? Call(reducer, undefined, « accumulator, value, counter »), closing O if it throws.
  for (;; ++counter) {
    std::optional<Value> value = iterator_step(vm, iterated);
    if (!value) return accumulator;
    Value argv[3] = {accumulator, *value, Value::number(counter)};
    accumulator = call_or_close(vm, reducer, argv, o);
  }
}

// §27.1.4.13 Iterator.prototype.toArray ( )
Value iterator_to_array(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. O an Object; iterated = ? GetIteratorDirect(O).
  RootedValue o(vm.heap(), this_iterator(vm, self, "toArray"));
  IteratorRecord iterated = get_iterator_direct(vm, as_object(o));
  RootedValue next(vm.heap(), iterated.next_method);
  // 4-5. Every value, into a new Array.
  ValueVector items(vm.heap());
  while (std::optional<Value> value = iterator_step(vm, iterated)) items.values.push_back(*value);
  return object_value(vm.new_array_from(items.values));
}

// §27.1.4.6 forEach, §27.1.4.11 some, §27.1.4.2 every, §27.1.4.4 find: a
// walk calling the function with (value, counter) until it says stop.
enum class Walk { ForEach, Some, Every, Find };
template <Walk walk>
Value iterator_walk(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = walk == Walk::ForEach ? "forEach" : walk == Walk::Some ? "some" : walk == Walk::Every ? "every" : "find";
  // 1-4. O an Object; the function callable (else O is closed).
  RootedValue o(vm.heap(), this_iterator(vm, self, name));
  RootedValue fn(vm.heap(), arg(args, 0));
  require_callable(vm, o, fn, name);
  // 5. Set iterated to ? GetIteratorDirect(O).
  IteratorRecord iterated = get_iterator_direct(vm, as_object(o));
  RootedValue next(vm.heap(), iterated.next_method);
  // 6-7. Each value; stopping closes O with a normal completion.
  for (double counter = 0;; ++counter) {
    std::optional<Value> value = iterator_step(vm, iterated);
    if (!value) break;
    RootedValue v(vm.heap(), *value);
    Value argv[2] = {v, Value::number(counter)};
    bool result = to_boolean(call_or_close(vm, fn, argv, o));
    if (walk == Walk::ForEach) continue;
    if (walk == Walk::Some && result) return iterator_close(vm, o), Value::boolean(true);
    if (walk == Walk::Every && !result) return iterator_close(vm, o), Value::boolean(false);
    if (walk == Walk::Find && result) return iterator_close(vm, o), v.get();
  }
  if (walk == Walk::Some) return Value::boolean(false);
  if (walk == Walk::Every) return Value::boolean(true);
  return Value::undefined();
}

}  // namespace

void install_iterator_helpers(Vm& vm, Object* iterator_prototype) {
  gc::Rooted<Object> proto(vm.heap(), iterator_prototype);
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } methods[] = {
      {"drop", iterator_limit_helper<Kind::Drop>, 1},
      {"every", iterator_walk<Walk::Every>, 1},
      {"filter", iterator_callback_helper<Kind::Filter>, 1},
      {"find", iterator_walk<Walk::Find>, 1},
      {"flatMap", iterator_callback_helper<Kind::FlatMap>, 1},
      {"forEach", iterator_walk<Walk::ForEach>, 1},
      {"map", iterator_callback_helper<Kind::Map>, 1},
      {"reduce", iterator_reduce, 1},
      {"some", iterator_walk<Walk::Some>, 1},
      {"take", iterator_limit_helper<Kind::Take>, 1},
      {"toArray", iterator_to_array, 0},
  };
  for (auto& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  // %IteratorHelperPrototype% (§27.1.2.1)
  Intrinsics& in = vm.intrinsics();
  in[IntrinsicObject::IteratorHelperPrototype] = vm.new_object_with_proto(proto);
  gc::Rooted<Object> helper(vm.heap(), in[IntrinsicObject::IteratorHelperPrototype]);
  vm.define_native(helper, "next", iterator_helper_next, 0);
  vm.define_native(helper, "return", iterator_helper_return, 0);
  define_tag(vm, helper, "Iterator Helper");
}

}  // namespace glass
