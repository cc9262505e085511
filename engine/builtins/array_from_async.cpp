// Array.fromAsync (ECMA-262 2026 §23.1.2.2): Array.from for async iterables,
// awaiting each value.
//
// The spec's algorithm is an abstract closure run as an async function
// (AsyncFunctionStart); here it is a state machine: a FromAsync cell holds
// the closure's variables and the step to continue with, and every Await
// hands the cell to promise_then_await, whose job calls resume() with the
// settled value. Any abrupt completion rejects the returned promise; where
// the spec says IfAbruptCloseAsyncIterator, the iterator's `return` is
// called (and its result awaited) first.
#include <array>

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "vm/generator.h"

namespace glass {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0;

class FromAsync final : public Object {
 public:
  // Where the closure continues when the awaited value settles.
  enum class Step : uint8_t {
    NextResult,       // 3.h.iii.4: nextResult = ? Await(nextResult)
    MappedValue,      // 3.h.iii.9: mappedValue = Await(mappedValue), closing the iterator if abrupt
    CloseThenReject,  // AsyncIteratorClose: the return() result awaited, then `error` rejects
    ArrayLikeValue,   // 3.i.vi: kValue = ? Await(kValue)
    ArrayLikeMapped,  // 3.i.vi: mappedValue = ? Await(mappedValue)
  };
  Step step = Step::NextResult;
  bool mapping = false;
  Value promise, constructor, mapper, this_arg, array, iterator, next_method, array_like, error;
  double k = 0, len = 0;

  explicit FromAsync(Shape* shape) : Object(shape) {
    for (Value* v : fields()) *v = Value::undefined();
  }
  std::array<Value*, 9> fields() {
    return {&promise, &constructor, &mapper, &this_arg, &array, &iterator, &next_method, &array_like, &error};
  }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    for (Value* v : fields()) trace_value(tracer, *v);
  }
  const char* cell_name() const override { return "ArrayFromAsync"; }
};

void resume(Vm& vm, Object* awaiter, Value value, bool rejected);

// Await(v): continue at `step` when v settles. PromiseResolve may throw.
void await_then(Vm& vm, FromAsync* state, FromAsync::Step step, Value v) {
  gc::Rooted<FromAsync> s(vm.heap(), state);
  s->step = step;
  gc::Rooted<Object> p(vm.heap(), promise_resolve_value(vm, v));
  promise_then_await(vm, p, s, resume);
}

void reject_with_pending(Vm& vm, FromAsync* state) {
  gc::Rooted<FromAsync> s(vm.heap(), state);
  RootedValue e(vm.heap(), vm.take_exception());
  promise_settle(vm, as_object(s->promise), e, true);
}

// AsyncIteratorClose ( iteratorRecord, completion ) for the throw completion
// pending in the Vm: `return` is called and its result awaited, whatever
// they do, and then the error rejects.
void close_iterator_then_reject(Vm& vm, FromAsync* state) {
  gc::Rooted<FromAsync> s(vm.heap(), state);
  s->error = vm.take_exception();
  try {
    Value method = get_method(vm, s->iterator, key_of(WellKnownAtom::return_, vm));
    if (!method.is_undefined()) {
      RootedValue result(vm.heap(), vm.call(method, s->iterator, {}));
      await_then(vm, s, FromAsync::Step::CloseThenReject, result);
      return;
    }
  } catch (const Thrown&) {
    vm.take_exception();  // the original error wins
  }
  promise_settle(vm, as_object(s->promise), s->error, true);
}

// 3.h.iii: the next turn over an async iterator.
void iterator_turn(Vm& vm, FromAsync* state) {
  gc::Rooted<FromAsync> s(vm.heap(), state);
  // 1. If k ≥ 2^53 - 1, close the iterator with a TypeError.
  if (s->k >= kMaxSafeInteger) {
    try {
      vm.throw_error(ErrorType::TypeError, "Array.fromAsync: too many values");
    } catch (const Thrown&) {
      close_iterator_then_reject(vm, s);
      return;
    }
  }
  // 3-4. Let nextResult be ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]); ? Await it.
  RootedValue next_result(vm.heap(), vm.call(s->next_method, s->iterator, {}));
  await_then(vm, s, FromAsync::Step::NextResult, next_result);
}

// 3.i.vi: the next index of an array-like, or the end.
void array_like_turn(Vm& vm, FromAsync* state) {
  gc::Rooted<FromAsync> s(vm.heap(), state);
  if (s->k < s->len) {
    // Let kValue be ? Get(arrayLike, Pk); ? Await(kValue).
    RootedValue key(vm.heap(), Value::number(s->k));
    RootedValue k_value(vm.heap(), get(vm, as_object(s->array_like), to_property_key(vm, key)));
    await_then(vm, s, FromAsync::Step::ArrayLikeValue, k_value);
    return;
  }
  // vii-viii. Perform ? Set(A, "length", 𝔽(len), true); return A.
  put_value(vm, s->array, key_of(WellKnownAtom::length, vm), Value::number(s->len), true);
  promise_settle(vm, as_object(s->promise), s->array, false);
}

// CreateDataPropertyOrThrow(A, Pk, v), then k + 1.
void define_next(Vm& vm, FromAsync* s, Value v) {
  RootedValue value(vm.heap(), v), key(vm.heap(), Value::number(s->k));
  create_data_property_or_throw(vm, as_object(s->array), to_property_key(vm, key), value);
  s->k += 1;
}

// The awaited value settled: continue the closure where it waited.
void resume(Vm& vm, Object* awaiter, Value value, bool rejected) {
  gc::Rooted<FromAsync> s(vm.heap(), static_cast<FromAsync*>(awaiter));
  RootedValue v(vm.heap(), value);
  using Step = FromAsync::Step;
  // AsyncIteratorClose step 5: after return()'s result, the original error.
  if (s->step == Step::CloseThenReject) {
    promise_settle(vm, as_object(s->promise), s->error, true);
    return;
  }
  // A rejected Await is a throw completion at that step: a mapped value's
  // closes the iterator first (9.c IfAbruptCloseAsyncIterator).
  if (rejected) {
    if (s->step == Step::MappedValue) {
      try {
        vm.throw_value(v);
      } catch (const Thrown&) {
        close_iterator_then_reject(vm, s);
      }
    } else {
      promise_settle(vm, as_object(s->promise), v, true);
    }
    return;
  }
  try {
    switch (s->step) {
      case Step::NextResult: {
        // 5-7. nextResult must be an object; done: Set(A, "length", k, true) and return A.
        if (!v.get().is_object()) vm.throw_error(ErrorType::TypeError, "Iterator result is not an object");
        gc::Rooted<Object> result(vm.heap(), as_object(v));
        if (to_boolean(get(vm, result, key_of(WellKnownAtom::done, vm)))) {
          put_value(vm, s->array, key_of(WellKnownAtom::length, vm), Value::number(s->k), true);
          promise_settle(vm, as_object(s->promise), s->array, false);
          return;
        }
        // 8. Let nextValue be ? IteratorValue(nextResult).
        RootedValue next_value(vm.heap(), get(vm, result, key_of(WellKnownAtom::value, vm)));
        try {
          if (s->mapping) {
            // 9. mappedValue = Await(Call(mapper, thisArg, « nextValue, 𝔽(k) »)), closing the iterator if abrupt.
            Value argv[2] = {next_value, Value::number(s->k)};
            RootedValue mapped(vm.heap(), vm.call(s->mapper, s->this_arg, argv));
            await_then(vm, s, Step::MappedValue, mapped);
            return;
          }
          // 10-11. CreateDataPropertyOrThrow(A, Pk, nextValue), closing the iterator if it throws.
          define_next(vm, s, next_value);
        } catch (const Thrown&) {
          close_iterator_then_reject(vm, s);
          return;
        }
        // 12. The next turn.
        iterator_turn(vm, s);
        return;
      }
      case Step::MappedValue:
        try {
          define_next(vm, s, v);
        } catch (const Thrown&) {
          close_iterator_then_reject(vm, s);
          return;
        }
        iterator_turn(vm, s);
        return;
      case Step::ArrayLikeValue:
        if (s->mapping) {
          // mappedValue = ? Await(? Call(mapper, thisArg, « kValue, 𝔽(k) »)).
          Value argv[2] = {v, Value::number(s->k)};
          RootedValue mapped(vm.heap(), vm.call(s->mapper, s->this_arg, argv));
          await_then(vm, s, Step::ArrayLikeMapped, mapped);
          return;
        }
        define_next(vm, s, v);
        array_like_turn(vm, s);
        return;
      case Step::ArrayLikeMapped:
        define_next(vm, s, v);
        array_like_turn(vm, s);
        return;
      case Step::CloseThenReject: return;
    }
  } catch (const Thrown&) {
    reject_with_pending(vm, s);
  }
}

// §23.1.2.2 Array.fromAsync ( asyncItems [ , mapper [ , thisArg ] ] )
Value array_from_async(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Let C be the this value; promiseCapability is ! NewPromiseCapability(%Promise%).
  gc::Rooted<Object> promise(vm.heap(), promise_create(vm));
  gc::Rooted<FromAsync> s(vm.heap(), vm.heap().allocate<FromAsync>(vm.intrinsics()[IntrinsicShape::NullProtoShape]));
  s->promise = object_value(promise);
  s->constructor = self;
  s->mapper = arg(args, 1);
  s->this_arg = arg(args, 2);
  RootedValue items(vm.heap(), arg(args, 0));
  // 3-4. The closure, started as an async function: its errors reject the promise.
  try {
    // a-b. mapping when mapper is not undefined, which must then be callable.
    s->mapping = !s->mapper.is_undefined();
    if (s->mapping && !is_callable(s->mapper)) vm.throw_error(ErrorType::TypeError, "Array.fromAsync: the mapper is not a function");
    // c-d. Let usingAsyncIterator be ? GetMethod(asyncItems, %Symbol.asyncIterator%), else usingSyncIterator.
    RootedValue using_async(vm.heap(), get_method(vm, items, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::asyncIterator))));
    RootedValue using_sync(vm.heap());
    if (using_async.get().is_undefined())
      using_sync = get_method(vm, items, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator)));
    bool iterable = !using_async.get().is_undefined() || !using_sync.get().is_undefined();
    if (iterable) {
      // f-g. The iterator: async, or a sync one adapted by CreateAsyncFromSyncIterator.
      Value method = using_async.get().is_undefined() ? using_sync.get() : using_async.get();
      Value iterator = vm.call(method, items, {});
      if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "Result of the Symbol.asyncIterator method is not an object");
      RootedValue it(vm.heap(), iterator);
      if (using_async.get().is_undefined()) {
        IteratorRecord sync = get_iterator_direct(vm, as_object(it));
        RootedValue next(vm.heap(), sync.next_method);
        Value next_method;
        s->iterator = async_from_sync_iterator(vm, IteratorRecord{it, next}, &next_method);
        s->next_method = next_method;
      } else {
        s->iterator = it;
        s->next_method = get(vm, as_object(it), key_of(WellKnownAtom::next, vm));
      }
      // h.i. A = ? Construct(C) if C is a constructor, else ! ArrayCreate(0).
      s->array = is_constructor(self) ? vm.construct(self, {}, self) : object_value(vm.new_array(0));
      iterator_turn(vm, s);
    } else {
      // i.ii-iv. An array-like: len = ? LengthOfArrayLike(arrayLike); A = ? Construct(C, « len ») or ArrayCreate(len).
      gc::Rooted<Object> array_like(vm.heap(), to_object(vm, items));
      s->array_like = object_value(array_like);
      s->len = double(length_of_array_like(vm, array_like));
      if (is_constructor(self)) {
        Value n = Value::number(s->len);
        s->array = vm.construct(self, std::span<const Value>(&n, 1), self);
      } else {
        if (s->len > 4294967295.0) vm.throw_error(ErrorType::RangeError, "Invalid array length");
        gc::Rooted<Object> a(vm.heap(), vm.new_array(0));
        a->set_array_length(uint32_t(s->len));
        s->array = object_value(a);
      }
      array_like_turn(vm, s);
    }
  } catch (const Thrown&) {
    reject_with_pending(vm, s);
  }
  // 5. Return promiseCapability.[[Promise]].
  return object_value(promise);
}

}  // namespace

void install_array_from_async(Vm& vm) {
  gc::Rooted<Object> array_ctor(vm.heap(), vm.intrinsics()[IntrinsicObject::Array]);
  vm.define_native(array_ctor, "fromAsync", array_from_async, 1);
}

}  // namespace glass
