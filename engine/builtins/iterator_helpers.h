// Iterator helper objects (ECMA-262 §27.1.2.1 %IteratorHelperPrototype%):
// what Iterator.prototype.map, filter, take, drop, flatMap and
// Iterator.concat return.
//
// The spec writes each as an abstract closure run like a generator
// (CreateIteratorFromClosure); here each is a small state machine: the
// generator's state, the underlying iterator, and the few variables its
// closure keeps across yields. next() runs one step; return() closes what is
// open, as an abrupt completion at the closure's Yield would.
#pragma once
#include <vector>

#include "builtins/builtins.h"

namespace glass {

class IteratorHelper final : public Object {
 public:
  enum class Kind : uint8_t { Map, Filter, Take, Drop, FlatMap, Concat };
  // [[GeneratorState]]
  enum class State : uint8_t { SuspendedStart, SuspendedYield, Executing, Completed };

  Kind kind;
  State state = State::SuspendedStart;
  bool inner_alive = false;     // FlatMap / Concat: an inner iterator is open
  Value iterator, next_method;  // [[UnderlyingIterator]]
  Value fn;                     // the mapper or predicate
  Value inner, inner_next;      // FlatMap / Concat: the inner iterator
  double counter = 0;           // the index passed to fn
  double remaining = 0;         // Take / Drop: the limit left
  std::vector<Value> iterables; // Concat: (method, iterable) pairs, in order
  size_t next_iterable = 0;

  IteratorHelper(Shape* shape, Kind k)
      : Object(shape, ObjectClass::Iterator), kind(k), iterator(Value::undefined()), next_method(Value::undefined()),
        fn(Value::undefined()), inner(Value::undefined()), inner_next(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    for (Value v : {iterator, next_method, fn, inner, inner_next}) trace_value(tracer, v);
    for (Value v : iterables) trace_value(tracer, v);
  }
  const char* cell_name() const override { return "IteratorHelper"; }
};

// A new helper of %IteratorHelperPrototype% over `underlying` (whose next is `next_method`).
IteratorHelper* create_iterator_helper(Vm& vm, IteratorHelper::Kind kind, Value underlying, Value next_method);

// §27.1.3.2.1.1 GetIteratorFlattenable ( obj, primitiveHandling ): strings are
// iterated when `iterate_strings`, other primitives are a TypeError.
IteratorRecord get_iterator_flattenable(Vm& vm, Value obj, bool iterate_strings);

void install_iterator_helpers(Vm& vm, Object* iterator_prototype);  // iterator_helpers.cpp

}  // namespace glass
