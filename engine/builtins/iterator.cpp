// Iterator (ECMA-262 §27.1): the %Iterator% constructor, Iterator.from and
// Iterator.concat, %WrapForValidIteratorPrototype%, and the parts of
// %Iterator.prototype% that are not helpers: [Symbol.iterator] (every
// built-in iterator is iterable), and the `constructor` and
// [Symbol.toStringTag] accessors. The helper methods (map, filter, ...) are
// in iterator_helpers.cpp.
#include "builtins/iterator_helpers.h"

namespace glass {

namespace {

// %WrapForValidIteratorPrototype% objects: Iterator.from's wrapper around an
// iterator that does not inherit from %Iterator.prototype%.
class WrappedIterator final : public Object {
 public:
  Value iterator, next_method;  // [[Iterated]]
  WrappedIterator(Shape* shape, Value it, Value next)
      : Object(shape, ObjectClass::Iterator), iterator(it), next_method(next) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, iterator);
    trace_value(tracer, next_method);
  }
  const char* cell_name() const override { return "WrappedIterator"; }
};

WrappedIterator* this_wrapped_iterator(Vm& vm, Value self) {
  WrappedIterator* w = self.is_object() ? dynamic_cast<WrappedIterator*>(as_object(self)) : nullptr;
  if (!w) vm.throw_error(ErrorType::TypeError, "not an iterator made by Iterator.from");
  return w;
}

// §27.1.2.1 %Iterator.prototype% [ %Symbol.iterator% ] ( )
Value iterator_self(Vm&, Value self, std::span<const Value>, Value) { return self; }

// §27.1.3.1 Iterator ( )
Value iterator_ctor(Vm& vm, Value, std::span<const Value>, Value new_target) {
  // 1. If NewTarget is either undefined or the active function object, throw a TypeError exception.
  if (new_target.is_undefined() || new_target == object_value(vm.current_native()))
    vm.throw_error(ErrorType::TypeError, "Abstract class Iterator not directly constructable");
  // 2. Return ? OrdinaryCreateFromConstructor(NewTarget, "%Iterator.prototype%").
  return object_value(ordinary_create_from_constructor(vm, new_target, IntrinsicObject::IteratorPrototype));
}

// §27.1.3.2.2 Iterator.from ( O )
Value iterator_from(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let iteratorRecord be ? GetIteratorFlattenable(O, iterate-string-primitives).
  IteratorRecord record = get_iterator_flattenable(vm, arg(args, 0), true);
  RootedValue iterator(vm.heap(), record.iterator), next(vm.heap(), record.next_method);
  // 2-3. If OrdinaryHasInstance(%Iterator%, iteratorRecord.[[Iterator]]), return it as it is.
  Value iterator_ctor_value = object_value(vm.intrinsics()[IntrinsicObject::Iterator]);
  if (ordinary_has_instance(vm, iterator_ctor_value, iterator)) return iterator;
  // 4-6. Otherwise a wrapper whose [[Iterated]] is the record.
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::WrapForValidIteratorPrototype]);
  return object_value(vm.heap().allocate<WrappedIterator>(shape, iterator.get(), next.get()));
}

// §27.1.3.2.1.1 %WrapForValidIteratorPrototype%.next ( )
Value wrapped_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. Return ? Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]]).
  WrappedIterator* w = this_wrapped_iterator(vm, self);
  return vm.call(w->next_method, w->iterator, {});
}

// §27.1.3.2.1.2 %WrapForValidIteratorPrototype%.return ( )
Value wrapped_iterator_return(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-4. Let returnMethod be ? GetMethod(iterator, "return").
  RootedValue iterator(vm.heap(), this_wrapped_iterator(vm, self)->iterator);
  Value method = get_method(vm, iterator, key_of(WellKnownAtom::return_, vm));
  // 5. If returnMethod is undefined, return CreateIteratorResultObject(undefined, true).
  if (method.is_undefined()) return object_value(create_iter_result(vm, Value::undefined(), true));
  // 6. Return ? Call(returnMethod, iterator).
  return vm.call(method, iterator, {});
}

// §27.1.3.2.x Iterator.concat ( ...items )
Value iterator_concat(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1-2. Each item must be an object with a [Symbol.iterator] method: recorded now, opened in turn.
  ValueVector iterables(vm.heap());
  for (Value item : args) {
    if (!item.is_object()) vm.throw_error(ErrorType::TypeError, "Iterator.concat takes iterable objects");
    Value method = get_method(vm, item, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator)));
    if (method.is_undefined()) vm.throw_error(ErrorType::TypeError, "Iterator.concat takes iterable objects");
    iterables.values.push_back(method);
    iterables.values.push_back(item);
  }
  // 3-6. A helper whose closure opens each iterable in turn and yields its values.
  IteratorHelper* gen = create_iterator_helper(vm, IteratorHelper::Kind::Concat, Value::undefined(), Value::undefined());
  gen->iterables = std::move(iterables.values);
  return object_value(gen);
}

// SetterThatIgnoresPrototypeProperties ( thisValue, home, p, v )
void setter_that_ignores_prototype_properties(Vm& vm, Value this_value, Object* home, PropertyKey p, Value v) {
  // 1. If thisValue is not an Object, throw a TypeError exception.
  if (!this_value.is_object()) vm.throw_error(ErrorType::TypeError, "Cannot set a property of a non-object");
  // 2. If SameValue(thisValue, home) is true, throw a TypeError exception.
  if (as_object(this_value) == home) vm.throw_error(ErrorType::TypeError, "Cannot assign to a read only property of Iterator.prototype");
  // 3-5. Create the property if it is not own, else Set it.
  RootedValue target(vm.heap(), this_value), value(vm.heap(), v);
  if (!get_own_property(vm, as_object(target), p)) create_data_property_or_throw(vm, as_object(target), p, value);
  else put_value(vm, target, p, value, true);
}

// §27.1.4.1.1 get %Iterator.prototype%.constructor
Value iterator_prototype_constructor_get(Vm& vm, Value, std::span<const Value>, Value) {
  return object_value(vm.intrinsics()[IntrinsicObject::Iterator]);
}
// §27.1.4.1.2 set %Iterator.prototype%.constructor
Value iterator_prototype_constructor_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  setter_that_ignores_prototype_properties(vm, self, vm.intrinsics()[IntrinsicObject::IteratorPrototype],
                                           key_of(WellKnownAtom::constructor, vm), arg(args, 0));
  return Value::undefined();
}

// §27.1.4.14.1 get %Iterator.prototype% [ %Symbol.toStringTag% ]
Value iterator_prototype_tag_get(Vm& vm, Value, std::span<const Value>, Value) {
  return string_value(vm.intern("Iterator"));
}
// §27.1.4.14.2 set %Iterator.prototype% [ %Symbol.toStringTag% ]
Value iterator_prototype_tag_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  setter_that_ignores_prototype_properties(vm, self, vm.intrinsics()[IntrinsicObject::IteratorPrototype],
                                           PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::toStringTag)),
                                           arg(args, 0));
  return Value::undefined();
}

// An accessor property whose getter and setter are natives.
void define_accessor_pair(Vm& vm, Object* target, gc::Cell* key, const char* name, NativeFn getter, NativeFn setter) {
  gc::Rooted<Object> t(vm.heap(), target);
  gc::Rooted<gc::Cell> k(vm.heap(), key);
  gc::Rooted<FunctionObject> g(vm.heap(), vm.new_native(std::string("get ") + name, getter, 0));
  gc::Rooted<FunctionObject> s(vm.heap(), vm.new_native(std::string("set ") + name, setter, 1));
  vm.define_accessor(t, k, object_value(g), object_value(s));
}

}  // namespace

IteratorRecord get_iterator_flattenable(Vm& vm, Value obj, bool iterate_strings) {
  // 1. A primitive: only a String, and only when strings are iterated.
  if (!obj.is_object() && !(iterate_strings && obj.is_string()))
    vm.throw_error(ErrorType::TypeError, to_utf8(vm, typeof_value(vm, obj)) + " is not an iterator or iterable");
  RootedValue o(vm.heap(), obj);
  // 2. Let method be ? GetMethod(obj, %Symbol.iterator%).
  Value method = get_method(vm, o, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator)));
  // 3. No method: obj is the iterator; else ? Call(method, obj).
  Value iterator = method.is_undefined() ? o.get() : vm.call(method, o, {});
  // 4. If iterator is not an Object, throw a TypeError exception.
  if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "the iterator is not an object");
  // 5. Return ? GetIteratorDirect(iterator).
  return get_iterator_direct(vm, as_object(iterator));
}

void install_iterator(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::IteratorPrototype]);
  gc::Rooted<FunctionObject> self_fn(vm.heap(), vm.new_native("[Symbol.iterator]", iterator_self, 0));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(self_fn));
  // %Iterator% (§27.1.3): its prototype property is not writable; constructor is an accessor.
  gc::Rooted<FunctionObject> ctor(vm.heap(), vm.new_native("Iterator", iterator_ctor, 0, /*constructor=*/true));
  vm.define_value(ctor, vm.atom(WellKnownAtom::prototype), object_value(proto), 0);
  in[IntrinsicObject::Iterator] = ctor;
  vm.define_native(ctor, "from", iterator_from, 1);
  vm.define_native(ctor, "concat", iterator_concat, 0);
  define_accessor_pair(vm, proto, vm.atom(WellKnownAtom::constructor), "constructor", iterator_prototype_constructor_get,
                       iterator_prototype_constructor_set);
  define_accessor_pair(vm, proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), "[Symbol.toStringTag]",
                       iterator_prototype_tag_get, iterator_prototype_tag_set);
  define_global(vm, "Iterator", object_value(ctor));
  // %WrapForValidIteratorPrototype% (§27.1.3.2.1)
  in[IntrinsicObject::WrapForValidIteratorPrototype] = vm.new_object_with_proto(proto);
  gc::Rooted<Object> wrap(vm.heap(), in[IntrinsicObject::WrapForValidIteratorPrototype]);
  vm.define_native(wrap, "next", wrapped_iterator_next, 0);
  vm.define_native(wrap, "return", wrapped_iterator_return, 0);
  install_iterator_helpers(vm, proto);
}

}  // namespace glass
