// The Set methods that take another set-like object (ECMA-262 §24.2.4):
// union, intersection, difference, symmetricDifference, isSubsetOf,
// isSupersetOf, isDisjointFrom. The other object is read only through its
// `size`, `has` and `keys` (GetSetRecord), so any set-like works; which of
// `has` and `keys` is used depends on which set is smaller, as the spec says.
#include "builtins/collections.h"

namespace glass {

namespace {

// §24.2.1.2 Set Records: the other object with its size, has and keys, read once.
struct SetRecord {
  Value set_object;
  double size;
  Value has, keys;
};

// RequireInternalSlot(O, [[SetData]]).
Object* this_set(Vm& vm, Value self, const char* method) {
  if (!is_set_object(self))
    vm.throw_error(ErrorType::TypeError, std::string("Method Set.prototype.") + method + " called on incompatible receiver");
  return as_object(self);
}

// §24.2.1.3 GetSetRecord ( obj ). The record's values are rooted by `keep`.
SetRecord get_set_record(Vm& vm, Value obj, ValueVector& keep) {
  // 1. If obj is not an Object, throw a TypeError exception.
  if (!obj.is_object()) vm.throw_error(ErrorType::TypeError, "The argument of a Set method must be set-like");
  keep.values.push_back(obj);
  // 2-4. Let numSize be ? ToNumber(? Get(obj, "size")); NaN (also undefined) is a TypeError.
  Value raw_size = get(vm, as_object(obj), key_of(vm, "size"));
  double num_size = to_number(vm, raw_size);
  if (num_size != num_size) vm.throw_error(ErrorType::TypeError, "The size of a set-like must be a number");
  // 5-6. Let intSize be ! ToIntegerOrInfinity(numSize); negative: RangeError.
  double int_size = to_integer_or_infinity(vm, Value::number(num_size));
  if (int_size < 0) vm.throw_error(ErrorType::RangeError, "The size of a set-like must not be negative");
  // 7-8. Let has be ? Get(obj, "has"); it must be callable.
  Value has = get(vm, as_object(obj), key_of(vm, "has"));
  if (!is_callable(has)) vm.throw_error(ErrorType::TypeError, "The has of a set-like must be a function");
  keep.values.push_back(has);
  // 9-10. Let keys be ? Get(obj, "keys"); it must be callable.
  Value keys = get(vm, as_object(obj), key_of(vm, "keys"));
  if (!is_callable(keys)) vm.throw_error(ErrorType::TypeError, "The keys of a set-like must be a function");
  keep.values.push_back(keys);
  // 11. Return the Set Record.
  return SetRecord{obj, int_size, has, keys};
}

// ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)).
bool other_has(Vm& vm, const SetRecord& other, Value e) {
  return to_boolean(vm.call(other.has, other.set_object, std::span<const Value>(&e, 1)));
}

// ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]); rooted by `keep`.
IteratorRecord other_keys(Vm& vm, const SetRecord& other, ValueVector& keep) {
  Value iterator = vm.call(other.keys, other.set_object, {});
  if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "The keys of a set-like must return an object");
  keep.values.push_back(iterator);
  IteratorRecord record = get_iterator_direct(vm, as_object(iterator));
  keep.values.push_back(record.next_method);
  return record;
}

// §24.2.4.16 Set.prototype.union ( other )
Value set_union(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec.
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "union"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  // 4. Let keysIter be ? GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]).
  IteratorRecord keys = other_keys(vm, other, keep);
  // 5. Let resultSetData be a copy of O.[[SetData]].
  gc::Rooted<Object> result(vm.heap(), set_create(vm, o));
  // 6-7. Append every key of other not already there.
  while (std::optional<Value> next = iterator_step(vm, keys)) set_add(vm, result, *next);
  // 8. Return result.
  return object_value(result);
}

// §24.2.4.9 Set.prototype.intersection ( other )
Value set_intersection(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec; 4. resultSetData is empty.
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "intersection"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  gc::Rooted<Object> result(vm.heap(), set_create(vm));
  if (set_size(o) <= other.size) {
    // 5. This set is no larger: each element that other.has() is kept.
    SetCursor cursor(o);
    while (std::optional<Value> e = cursor.next()) {
      RootedValue element(vm.heap(), *e);
      if (other_has(vm, other, element)) set_add(vm, result, element);
    }
  } else {
    // 6. Otherwise each key of other that this set has.
    IteratorRecord keys = other_keys(vm, other, keep);
    while (std::optional<Value> next = iterator_step(vm, keys))
      if (set_has(o, *next)) set_add(vm, result, *next);
  }
  // 7-8. Return result.
  return object_value(result);
}

// §24.2.4.5 Set.prototype.difference ( other )
Value set_difference(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec; 4. resultSetData is a copy of O.[[SetData]].
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "difference"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  gc::Rooted<Object> result(vm.heap(), set_create(vm, o));
  if (set_size(o) <= other.size) {
    // 5. This set is no larger: drop each element that other.has().
    SetCursor cursor(result);
    while (std::optional<Value> e = cursor.next()) {
      RootedValue element(vm.heap(), *e);
      if (other_has(vm, other, element)) set_remove(result, element);
    }
  } else {
    // 6. Otherwise drop each key of other.
    IteratorRecord keys = other_keys(vm, other, keep);
    while (std::optional<Value> next = iterator_step(vm, keys)) set_remove(result, *next);
  }
  // 7-8. Return result.
  return object_value(result);
}

// §24.2.4.15 Set.prototype.symmetricDifference ( other )
Value set_symmetric_difference(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-4. O, otherRec and keysIter; 5. resultSetData is a copy of O.[[SetData]].
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "symmetricDifference"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  IteratorRecord keys = other_keys(vm, other, keep);
  gc::Rooted<Object> result(vm.heap(), set_create(vm, o));
  // 6. A key in this set leaves the result; a key not in it joins.
  while (std::optional<Value> next = iterator_step(vm, keys)) {
    if (set_has(o, *next)) set_remove(result, *next);
    else set_add(vm, result, *next);
  }
  // 7-8. Return result.
  return object_value(result);
}

// §24.2.4.11 Set.prototype.isSubsetOf ( other )
Value set_is_subset_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec.
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "isSubsetOf"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  // 4. If SetDataSize(O.[[SetData]]) > otherRec.[[Size]], return false.
  if (set_size(o) > other.size) return Value::boolean(false);
  // 5. Every element must be one other.has().
  SetCursor cursor(o);
  while (std::optional<Value> e = cursor.next())
    if (!other_has(vm, other, *e)) return Value::boolean(false);
  // 6. Return true.
  return Value::boolean(true);
}

// §24.2.4.12 Set.prototype.isSupersetOf ( other )
Value set_is_superset_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec.
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "isSupersetOf"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  // 4. If SetDataSize(O.[[SetData]]) < otherRec.[[Size]], return false.
  if (set_size(o) < other.size) return Value::boolean(false);
  // 5. Every key of other must be in this set; the first that is not closes the iterator.
  IteratorRecord keys = other_keys(vm, other, keep);
  while (std::optional<Value> next = iterator_step(vm, keys)) {
    if (!set_has(o, *next)) {
      iterator_close(vm, keys.iterator);
      return Value::boolean(false);
    }
  }
  // 6. Return true.
  return Value::boolean(true);
}

// §24.2.4.10 Set.prototype.isDisjointFrom ( other )
Value set_is_disjoint_from(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. O and otherRec.
  gc::Rooted<Object> o(vm.heap(), this_set(vm, self, "isDisjointFrom"));
  ValueVector keep(vm.heap());
  SetRecord other = get_set_record(vm, arg(args, 0), keep);
  if (set_size(o) <= other.size) {
    // 4. This set is no larger: no element may be one other.has().
    SetCursor cursor(o);
    while (std::optional<Value> e = cursor.next())
      if (other_has(vm, other, *e)) return Value::boolean(false);
  } else {
    // 5. Otherwise no key of other may be in this set; the first that is closes the iterator.
    IteratorRecord keys = other_keys(vm, other, keep);
    while (std::optional<Value> next = iterator_step(vm, keys)) {
      if (set_has(o, *next)) {
        iterator_close(vm, keys.iterator);
        return Value::boolean(false);
      }
    }
  }
  // 6. Return true.
  return Value::boolean(true);
}

}  // namespace

void install_set_methods(Vm& vm, Object* set_prototype) {
  gc::Rooted<Object> proto(vm.heap(), set_prototype);
  vm.define_native(proto, "difference", set_difference, 1);
  vm.define_native(proto, "intersection", set_intersection, 1);
  vm.define_native(proto, "isDisjointFrom", set_is_disjoint_from, 1);
  vm.define_native(proto, "isSubsetOf", set_is_subset_of, 1);
  vm.define_native(proto, "isSupersetOf", set_is_superset_of, 1);
  vm.define_native(proto, "symmetricDifference", set_symmetric_difference, 1);
  vm.define_native(proto, "union", set_union, 1);
}

}  // namespace glass
