// %TypedArray%.prototype (ECMA-262 §23.2.3): the methods every typed array
// inherits. Reads and writes go through the element operations of
// vm/typed_array.h, so a callback that detaches or shrinks the buffer
// midway makes later reads undefined and later writes no-ops, as the spec's
// `! Get` / `! Set` do; where no JS can run between reads, the methods work
// on the bytes directly.
#include <algorithm>
#include <cmath>

#include "builtins/merge_sort.h"
#include "builtins/string_builder.h"
#include "builtins/typed_array.h"
#include "objects/bigint.h"

namespace glass {

namespace {

Value callback_arg(Vm& vm, Value v, const char* method) {
  if (!is_callable(v)) vm.throw_error(ErrorType::TypeError, to_utf8(vm, typeof_value(vm, v)) + " is not a function (in " + method + ")");
  return v;
}

// Calls callback(kValue, k, O) for a typed array's element k.
Value call_with_element(Vm& vm, Value callback, Value this_arg, TypedArrayObject* o, size_t k) {
  gc::Rooted<TypedArrayObject> keep(vm.heap(), o);
  Value argv[3] = {typed_array_get_index(vm, o, k), Value::number(double(k)), object_value(o)};
  RootedValue element(vm.heap(), argv[0]);
  return vm.call(callback, this_arg, argv);
}

// ============================================================================
// Accessors
// ============================================================================

TypedArrayObject* require_typed_array(Vm& vm, Value self, const char* method) {
  TypedArrayObject* ta = self.is_object() ? as_typed_array(as_object(self)) : nullptr;
  if (!ta) vm.throw_error(ErrorType::TypeError, std::string("this is not a typed array (in ") + method + ")");
  return ta;
}

// §23.2.3.2 get %TypedArray%.prototype.buffer
Value typed_array_buffer(Vm& vm, Value self, std::span<const Value>, Value) {
  return object_value(require_typed_array(vm, self, "buffer")->buffer);
}

// §23.2.3.3 get %TypedArray%.prototype.byteLength
Value typed_array_byte_length_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  TypedArrayObject* o = require_typed_array(vm, self, "byteLength");
  return Value::number(double(typed_array_byte_length(make_typed_array_with_buffer_witness(o))));
}

// §23.2.3.4 get %TypedArray%.prototype.byteOffset
Value typed_array_byte_offset(Vm& vm, Value self, std::span<const Value>, Value) {
  TypedArrayObject* o = require_typed_array(vm, self, "byteOffset");
  // 5. If IsTypedArrayOutOfBounds(taRecord) is true, return +0𝔽.
  if (is_typed_array_out_of_bounds(make_typed_array_with_buffer_witness(o))) return Value::int32(0);
  return Value::number(double(o->byte_offset));
}

// §23.2.3.21 get %TypedArray%.prototype.length
Value typed_array_length_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  TypedArrayObject* o = require_typed_array(vm, self, "length");
  return Value::number(double(typed_array_length_or_zero(o)));
}

// §23.2.3.38 get %TypedArray%.prototype [ %Symbol.toStringTag% ]
Value typed_array_to_string_tag(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. Not a typed array: undefined.
  if (!self.is_object() || !is_typed_array(as_object(self))) return Value::undefined();
  // 4-5. Return O.[[TypedArrayName]].
  return string_value(vm.intern(typed_array_name(static_cast<TypedArrayObject*>(as_object(self))->type)));
}

// ============================================================================
// Methods, in the spec's order
// ============================================================================

// §23.2.3.1 %TypedArray%.prototype.at ( index )
Value typed_array_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len = TypedArrayLength(taRecord).
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.at");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  double len = double(typed_array_length(record));
  // 4-6. k from the relative index.
  double relative = to_integer_or_infinity(vm, arg(args, 0));
  double k = relative >= 0 ? relative : len + relative;
  // 7. If k < 0 or k ≥ len, return undefined.
  if (k < 0 || k >= len) return Value::undefined();
  // 8. Return ! Get(O, ! ToString(𝔽(k))).
  return typed_array_get_element(vm, o, k);
}

// §23.2.3.6 %TypedArray%.prototype.copyWithin ( target, start [ , end ] )
Value typed_array_copy_within(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.copyWithin");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  double len = double(typed_array_length(record));
  // 4-11. targetIndex, startIndex, endIndex.
  double target_index = relative_index(vm, arg(args, 0), len, 0);
  double start_index = relative_index(vm, arg(args, 1), len, 0);
  double end_index = relative_index(vm, arg(args, 2), len, len);
  // 12. Let count be min(endIndex - startIndex, len - targetIndex).
  double count = std::min(end_index - start_index, len - target_index);
  // 13. If count > 0, then
  if (count > 0) {
    // c-e. The conversions may have shrunk or detached the buffer: read the length again.
    record = make_typed_array_with_buffer_witness(o);
    if (is_typed_array_out_of_bounds(record))
      vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.copyWithin on a detached or out of bounds TypedArray");
    double current_len = double(typed_array_length(record));
    // f-n. Copy the elements that are still inside the (possibly shorter)
    // array, as if by memmove. (test262, following the engines, clamps the
    // count to the new length in both directions; the spec's byte loop
    // would skip a backward copy that starts past the end.)
    count = std::min({count, current_len - start_index, current_len - target_index});
    if (count > 0) {
      uint8_t* data = o->buffer->data() + o->byte_offset;
      std::memmove(data + (size_t(target_index) << o->shift), data + (size_t(start_index) << o->shift),
                   size_t(count) << o->shift);
    }
  }
  // 14. Return O.
  return object_value(o);
}

// §23.2.3.7 %TypedArray%.prototype.entries ( ), §23.2.3.19 keys ( ), §23.2.3.35 values ( )
template <ArrayIterationKind kind>
Value typed_array_iterator(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. Perform ? ValidateTypedArray(O, seq-cst).
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype iteration");
  // 3. Return CreateArrayIterator(O, kind).
  return object_value(create_array_iterator(vm, record.object, kind));
}

// §23.2.3.8 every, §23.2.3.28 some, §23.2.3.15 forEach: one walk with a stop condition.
enum class Walk { Every, Some, ForEach };
template <Walk walk>
Value typed_array_walk(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = walk == Walk::Every ? "%TypedArray%.prototype.every"
                     : walk == Walk::Some ? "%TypedArray%.prototype.some"
                                          : "%TypedArray%.prototype.forEach";
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, name);
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
  RootedValue callback(vm.heap(), callback_arg(vm, arg(args, 0), name)), this_arg(vm.heap(), arg(args, 1));
  // 5-6. For each k: Call(callbackfn, thisArg, « kValue, 𝔽(k), O »).
  for (size_t k = 0; k < len; ++k) {
    bool result = to_boolean(call_with_element(vm, callback, this_arg, o, k));
    if (walk == Walk::Every && !result) return Value::boolean(false);
    if (walk == Walk::Some && result) return Value::boolean(true);
  }
  if (walk == Walk::ForEach) return Value::undefined();
  return Value::boolean(walk == Walk::Every);
}

// §23.2.3.9 %TypedArray%.prototype.fill ( value [ , start [ , end ] ] )
Value typed_array_fill(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.fill");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  double len = double(typed_array_length(record));
  // 4-5. value = ? ToBigInt(value) or ? ToNumber(value).
  RootedValue value(vm.heap(), to_element_numeric(vm, o->type, arg(args, 0)));
  // 6-11. startIndex and endIndex.
  double start_index = relative_index(vm, arg(args, 1), len, 0);
  double end_index = relative_index(vm, arg(args, 2), len, len);
  // 12-15. The conversions may have shrunk or detached the buffer.
  record = make_typed_array_with_buffer_witness(o);
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.fill on a detached or out of bounds TypedArray");
  end_index = std::min(end_index, double(typed_array_length(record)));
  // 16-17. Set each element (one conversion done: store the bytes).
  if (start_index < end_index) {
    uint8_t element[8];
    store_element(element, o->type, value);
    uint8_t* data = o->buffer->data() + o->byte_offset;
    for (size_t k = size_t(start_index); k < size_t(end_index); ++k)
      std::memcpy(data + (k << o->shift), element, o->element_bytes());
  }
  // 18. Return O.
  return object_value(o);
}

// §23.2.3.10 %TypedArray%.prototype.filter ( callbackfn [ , thisArg ] )
Value typed_array_filter(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = "%TypedArray%.prototype.filter";
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, name);
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
  RootedValue callback(vm.heap(), callback_arg(vm, arg(args, 0), name)), this_arg(vm.heap(), arg(args, 1));
  // 5-8. kept: the values the callback selects.
  ValueVector kept(vm.heap());
  for (size_t k = 0; k < len; ++k) {
    RootedValue value(vm.heap(), typed_array_get_index(vm, o, k));
    Value argv[3] = {value, Value::number(double(k)), object_value(o)};
    if (to_boolean(vm.call(callback, this_arg, argv))) kept.values.push_back(value);
  }
  // 9. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(captured) »).
  Value captured = Value::number(double(kept.values.size()));
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_species_create(vm, o, std::span<const Value>(&captured, 1)));
  // 10-11. ! Set(A, ! ToString(𝔽(n)), e, true) for each kept e.
  for (size_t n = 0; n < kept.values.size(); ++n) typed_array_set_element(vm, a, double(n), kept.values[n]);
  // 12. Return A.
  return object_value(a);
}

// §23.2.3.11 find, §23.2.3.12 findIndex, §23.2.3.13 findLast, §23.2.3.14 findLastIndex:
// §23.1.3.12.1 FindViaPredicate ( O, len, direction, predicate, thisArg ).
template <bool ascending, bool want_index>
Value typed_array_find(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = "%TypedArray%.prototype.find";
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, name);
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // FindViaPredicate 1. If IsCallable(predicate) is false, throw a TypeError exception.
  RootedValue predicate(vm.heap(), callback_arg(vm, arg(args, 0), name)), this_arg(vm.heap(), arg(args, 1));
  // 2-5. Visit the indices in the direction; the first that passes is the result.
  for (size_t i = 0; i < len; ++i) {
    size_t k = ascending ? i : len - 1 - i;
    RootedValue value(vm.heap(), typed_array_get_index(vm, o, k));
    Value argv[3] = {value, Value::number(double(k)), object_value(o)};
    if (to_boolean(vm.call(predicate, this_arg, argv))) return want_index ? Value::number(double(k)) : value.get();
  }
  // 6. Return the Record { [[Index]]: -1𝔽, [[Value]]: undefined }.
  return want_index ? Value::int32(-1) : Value::undefined();
}

// The start index of includes / indexOf (§23.2.3.16 steps 5-10): nullopt when nothing is searched.
std::optional<size_t> search_start(Vm& vm, Value from_index, size_t len) {
  double n = to_integer_or_infinity(vm, from_index);
  if (n == INFINITY) return std::nullopt;
  if (n == -INFINITY) n = 0;
  double k = n >= 0 ? n : std::max(double(len) + n, 0.0);
  if (k >= double(len)) return std::nullopt;
  return size_t(k);
}

// §23.2.3.16 %TypedArray%.prototype.includes ( searchElement [ , fromIndex ] )
Value typed_array_includes(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.includes");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If len = 0, return false.
  if (len == 0) return Value::boolean(false);
  // 5-10. The start index.
  std::optional<size_t> start = search_start(vm, arg(args, 1), len);
  if (!start) return Value::boolean(false);
  // 11. For each k < len: SameValueZero(searchElement, ! Get(O, k)).
  RootedValue search(vm.heap(), arg(args, 0));
  for (size_t k = *start; k < len; ++k)
    if (same_value_zero(search, typed_array_get_index(vm, o, k))) return Value::boolean(true);
  // 12. Return false.
  return Value::boolean(false);
}

// §23.2.3.17 %TypedArray%.prototype.indexOf ( searchElement [ , fromIndex ] )
Value typed_array_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.indexOf");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If len = 0, return -1𝔽.
  if (len == 0) return Value::int32(-1);
  // 5-10. The start index.
  std::optional<size_t> start = search_start(vm, arg(args, 1), len);
  if (!start) return Value::int32(-1);
  // 11. For each k < len with HasProperty(O, k): IsStrictlyEqual(searchElement, ! Get(O, k)).
  RootedValue search(vm.heap(), arg(args, 0));
  for (size_t k = *start; k < len; ++k) {
    if (!is_valid_integer_index(o, double(k))) continue;
    if (strict_equals(search, typed_array_get_index(vm, o, k))) return Value::number(double(k));
  }
  // 12. Return -1𝔽.
  return Value::int32(-1);
}

// §23.2.3.18 %TypedArray%.prototype.join ( separator )
Value typed_array_join(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.join");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4-5. sep: "," when separator is undefined, else ? ToString(separator).
  gc::Rooted<String> sep(vm.heap(), arg(args, 0).is_undefined() ? vm.intern(",") : to_string(vm, arg(args, 0)));
  // 6-8. The elements' strings joined by sep; an element no longer there is "".
  StringBuilder out(vm);
  for (size_t k = 0; k < len; ++k) {
    if (k > 0) out.append(sep);
    Value element = typed_array_get_index(vm, o, k);
    if (element.is_number()) {
      out.append_number(element.as_number());
    } else if (!element.is_undefined()) {
      RootedValue keep(vm.heap(), element);
      out.append(to_string(vm, keep));
    }
  }
  // 9. Return R.
  return string_value(out.finish());
}

// §23.2.3.20 %TypedArray%.prototype.lastIndexOf ( searchElement [ , fromIndex ] )
Value typed_array_last_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.lastIndexOf");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If len = 0, return -1𝔽.
  if (len == 0) return Value::int32(-1);
  // 5-8. n: ? ToIntegerOrInfinity(fromIndex) if present, else len - 1; k from it.
  double n = args.size() > 1 ? to_integer_or_infinity(vm, args[1]) : double(len) - 1;
  if (n == -INFINITY) return Value::int32(-1);
  double k = n >= 0 ? std::min(n, double(len) - 1) : double(len) + n;
  // 9. While k ≥ 0: if HasProperty(O, k) and IsStrictlyEqual(searchElement, ! Get(O, k)), return k.
  RootedValue search(vm.heap(), arg(args, 0));
  for (; k >= 0; --k) {
    if (!is_valid_integer_index(o, k)) continue;
    if (strict_equals(search, typed_array_get_element(vm, o, k))) return Value::number(k);
  }
  // 10. Return -1𝔽.
  return Value::int32(-1);
}

// §23.2.3.22 %TypedArray%.prototype.map ( callbackfn [ , thisArg ] )
Value typed_array_map(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = "%TypedArray%.prototype.map";
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, name);
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
  RootedValue callback(vm.heap(), callback_arg(vm, arg(args, 0), name)), this_arg(vm.heap(), arg(args, 1));
  // 5. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(len) »).
  Value n = Value::number(double(len));
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_species_create(vm, o, std::span<const Value>(&n, 1)));
  // 6-7. For each k: ? Set(A, Pk, ? Call(callbackfn, thisArg, « kValue, 𝔽(k), O »), true).
  for (size_t k = 0; k < len; ++k) {
    RootedValue mapped(vm.heap(), call_with_element(vm, callback, this_arg, o, k));
    typed_array_set_element(vm, a, double(k), mapped);
  }
  // 8. Return A.
  return object_value(a);
}

// §23.2.3.23 reduce, §23.2.3.24 reduceRight
template <bool ascending>
Value typed_array_reduce(Vm& vm, Value self, std::span<const Value> args, Value) {
  const char* name = ascending ? "%TypedArray%.prototype.reduce" : "%TypedArray%.prototype.reduceRight";
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, name);
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 4. If IsCallable(callbackfn) is false, throw a TypeError exception.
  RootedValue callback(vm.heap(), callback_arg(vm, arg(args, 0), name));
  // 5. If len = 0 and initialValue is not present, throw a TypeError exception.
  if (len == 0 && args.size() < 2) vm.throw_error(ErrorType::TypeError, "Reduce of empty array with no initial value");
  // 6-8. The accumulator: initialValue, or the first element visited.
  size_t i = 0;
  RootedValue accumulator(vm.heap());
  if (args.size() >= 2) {
    accumulator = args[1];
  } else {
    accumulator = typed_array_get_index(vm, o, ascending ? 0 : len - 1);
    i = 1;
  }
  // 9. For each remaining k: accumulator = ? Call(callbackfn, undefined, « accumulator, kValue, 𝔽(k), O »).
  for (; i < len; ++i) {
    size_t k = ascending ? i : len - 1 - i;
    RootedValue value(vm.heap(), typed_array_get_index(vm, o, k));
    Value argv[4] = {accumulator, value, Value::number(double(k)), object_value(o)};
    accumulator = vm.call(callback, Value::undefined(), argv);
  }
  // 10. Return accumulator.
  return accumulator;
}

// §23.2.3.25 %TypedArray%.prototype.reverse ( )
Value typed_array_reverse(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.reverse");
  TypedArrayObject* o = record.object;
  size_t len = typed_array_length(record);
  // 4-6. Swap lower and upper elements (no JS runs: the bytes themselves).
  uint8_t* data = o->buffer->data() + o->byte_offset;
  size_t size = o->element_bytes();
  uint8_t tmp[8];
  for (size_t lower = 0; lower < len / 2; ++lower) {
    size_t upper = len - lower - 1;
    std::memcpy(tmp, data + lower * size, size);
    std::memcpy(data + lower * size, data + upper * size, size);
    std::memcpy(data + upper * size, tmp, size);
  }
  // 7. Return O.
  return object_value(o);
}

// §23.2.3.26.1 SetTypedArrayFromTypedArray ( target, targetOffset, source )
void set_typed_array_from_typed_array(Vm& vm, TypedArrayObject* target, double target_offset, TypedArrayObject* source) {
  // 2-4. Let targetRecord be ...(target, seq-cst); out of bounds: TypeError. targetLength.
  TypedArrayWithBufferWitness target_record = make_typed_array_with_buffer_witness(target);
  if (is_typed_array_out_of_bounds(target_record))
    vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.set on a detached or out of bounds TypedArray");
  size_t target_length = typed_array_length(target_record);
  // 6-8. Let srcRecord be ...(source, seq-cst); out of bounds: TypeError. srcLength.
  TypedArrayWithBufferWitness src_record = make_typed_array_with_buffer_witness(source);
  if (is_typed_array_out_of_bounds(src_record))
    vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.set from a detached or out of bounds TypedArray");
  size_t src_length = typed_array_length(src_record);
  // 13-14. If targetOffset = +∞ or srcLength + targetOffset > targetLength, throw a RangeError exception.
  if (target_offset == INFINITY || double(src_length) + target_offset > double(target_length))
    vm.throw_error(ErrorType::RangeError, "offset is out of bounds");
  // 15. If target.[[ContentType]] is not source.[[ContentType]], throw a TypeError exception.
  if (is_bigint_element_type(target->type) != is_bigint_element_type(source->type))
    vm.throw_error(ErrorType::TypeError, "Cannot mix BigInt and other types, use explicit conversions");
  // 16-18. The source bytes; copied first when both views share their memory (CloneArrayBuffer).
  const uint8_t* src = source->buffer->data() + source->byte_offset;
  size_t src_bytes = src_length << source->shift;
  std::vector<uint8_t> copy;
  bool same_memory = source->buffer->data() == target->buffer->data();
  // 19-20. targetByteIndex = targetOffset × targetElementSize + targetByteOffset.
  uint8_t* to = target->buffer->data() + target->byte_offset + (size_t(target_offset) << target->shift);
  // 21. The same type: the bytes as they are (memmove handles the overlap).
  if (source->type == target->type) {
    if (src_bytes) std::memmove(to, src, src_bytes);
    return;
  }
  if (same_memory) {
    copy.assign(src, src + src_bytes);
    src = copy.data();
  }
  // 22. Otherwise each element read as one type and written as the other.
  for (size_t k = 0; k < src_length; ++k) {
    const uint8_t* from = src + (k << source->shift);
    uint8_t* dest = to + (k << target->shift);
    if (is_bigint_element_type(target->type)) {
      // BigInt64 <-> BigUint64: the same 64 bits.
      std::memcpy(dest, from, 8);
    } else {
      store_number(dest, target->type, load_number(from, source->type));
    }
  }
}

// §23.2.3.26.2 SetTypedArrayFromArrayLike ( target, targetOffset, source )
void set_typed_array_from_array_like(Vm& vm, TypedArrayObject* t, double target_offset, Value source) {
  gc::Rooted<TypedArrayObject> target(vm.heap(), t);
  // 1-3. Let targetRecord be ...(target, seq-cst); out of bounds: TypeError. targetLength.
  TypedArrayWithBufferWitness target_record = make_typed_array_with_buffer_witness(target);
  if (is_typed_array_out_of_bounds(target_record))
    vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.set on a detached or out of bounds TypedArray");
  size_t target_length = typed_array_length(target_record);
  // 4. Let src be ? ToObject(source).
  gc::Rooted<Object> src(vm.heap(), to_object(vm, source));
  // 5. Let srcLength be ? LengthOfArrayLike(src).
  uint64_t src_length = length_of_array_like(vm, src);
  // 6-7. If targetOffset = +∞ or srcLength + targetOffset > targetLength, throw a RangeError exception.
  if (target_offset == INFINITY || double(src_length) + target_offset > double(target_length))
    vm.throw_error(ErrorType::RangeError, "offset is out of bounds");
  // 8-9. For each k: ? TypedArraySetElement(target, targetOffset + k, ? Get(src, Pk)).
  for (uint64_t k = 0; k < src_length; ++k) {
    RootedValue value(vm.heap(), get(vm, src, PropertyKey::of_index(uint32_t(k))));
    typed_array_set_element(vm, target, target_offset + double(k), value);
  }
}

// §23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] )
Value typed_array_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Perform ? RequireInternalSlot(target, [[TypedArrayName]]).
  gc::Rooted<TypedArrayObject> target(vm.heap(), require_typed_array(vm, self, "%TypedArray%.prototype.set"));
  RootedValue source(vm.heap(), arg(args, 0));
  // 4-5. Let targetOffset be ? ToIntegerOrInfinity(offset); negative: RangeError.
  double target_offset = to_integer_or_infinity(vm, arg(args, 1));
  if (target_offset < 0) vm.throw_error(ErrorType::RangeError, "offset is out of bounds");
  // 6-7. From a typed array, or from an array-like.
  TypedArrayObject* source_array = source.get().is_object() ? as_typed_array(as_object(source)) : nullptr;
  if (source_array) set_typed_array_from_typed_array(vm, target, target_offset, source_array);
  else set_typed_array_from_array_like(vm, target, target_offset, source);
  // 8. Return undefined.
  return Value::undefined();
}

// §23.2.3.27 %TypedArray%.prototype.slice ( start, end )
Value typed_array_slice(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); srcArrayLength.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.slice");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  double src_length = double(typed_array_length(record));
  // 4-9. startIndex and endIndex.
  double start_index = relative_index(vm, arg(args, 0), src_length, 0);
  double end_index = relative_index(vm, arg(args, 1), src_length, src_length);
  // 10. Let countBytes be max(endIndex - startIndex, 0) (a count of elements).
  double count = std::max(end_index - start_index, 0.0);
  // 11. Let A be ? TypedArraySpeciesCreate(O, « 𝔽(countBytes) »).
  Value n = Value::number(count);
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_species_create(vm, o, std::span<const Value>(&n, 1)));
  // 12. If countBytes > 0, then
  if (count > 0) {
    // a-d. The species constructor may have shrunk or detached O's buffer.
    record = make_typed_array_with_buffer_witness(o);
    if (is_typed_array_out_of_bounds(record))
      vm.throw_error(ErrorType::TypeError, "Cannot perform %TypedArray%.prototype.slice on a detached or out of bounds TypedArray");
    end_index = std::min(end_index, double(typed_array_length(record)));
    count = std::max(end_index - start_index, 0.0);
    if (o->type == a->type) {
      // g. The same type: the bytes as they are, one by one from the start
      // (A may be a view of the same buffer: a forward byte copy is what the spec says).
      size_t bytes = size_t(count) << o->shift;
      const uint8_t* from = o->buffer->data() + o->byte_offset + (size_t(start_index) << o->shift);
      uint8_t* to = a->buffer->data() + a->byte_offset;
      for (size_t i = 0; i < bytes; ++i) to[i] = from[i];
    } else {
      // h. Otherwise element by element.
      for (size_t k = size_t(start_index), i = 0; k < size_t(end_index); ++k, ++i) {
        RootedValue value(vm.heap(), typed_array_get_index(vm, o, k));
        typed_array_set_element(vm, a, double(i), value);
      }
    }
  }
  // 13. Return A.
  return object_value(a);
}

// §23.2.4.7 CompareTypedArrayElements ( x, y, comparator ) without a comparator:
// numeric order, -0 before +0, NaN last.
int compare_typed_array_elements(Value x, Value y) {
  if (x.is_bigint()) return BigInt::compare(as_bigint(x), as_bigint(y));
  double a = x.as_number(), b = y.as_number();
  if (a != a) return b != b ? 0 : 1;
  if (b != b) return -1;
  if (a < b) return -1;
  if (a > b) return 1;
  if (a == 0 && b == 0) return int(!std::signbit(a)) - int(!std::signbit(b));
  return 0;
}

// SortIndexedProperties ( obj, len, SortCompare, read-through-holes ) over
// a typed array's elements, sorted by CompareTypedArrayElements.
void sort_typed_array_elements(Vm& vm, TypedArrayObject* obj, size_t len, Value comparator, ValueVector& items) {
  gc::Rooted<TypedArrayObject> o(vm.heap(), obj);
  for (size_t k = 0; k < len; ++k) items.values.push_back(typed_array_get_index(vm, o, k));
  std::vector<uint32_t> order(len);
  for (size_t i = 0; i < len; ++i) order[i] = uint32_t(i);
  if (comparator.is_undefined()) {
    merge_sort(order, [&](uint32_t a, uint32_t b) { return compare_typed_array_elements(items.values[a], items.values[b]); });
  } else {
    RootedValue fn(vm.heap(), comparator);
    merge_sort(order, [&](uint32_t a, uint32_t b) -> double {
      // §23.2.4.7 step 2: v = ? ToNumber(? Call(comparator, undefined, « x, y »)); NaN is +0.
      Value argv[2] = {items.values[a], items.values[b]};
      double v = to_number(vm, vm.call(fn, Value::undefined(), argv));
      return v != v ? 0 : v;
    });
  }
  std::vector<Value> sorted(len);
  for (size_t i = 0; i < len; ++i) sorted[i] = items.values[order[i]];
  items.values.swap(sorted);
}

Value check_comparator(Vm& vm, Value c) {
  if (!c.is_undefined() && !is_callable(c))
    vm.throw_error(ErrorType::TypeError, "The comparison function must be either a function or undefined");
  return c;
}

// §23.2.3.29 %TypedArray%.prototype.sort ( comparator )
Value typed_array_sort(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
  RootedValue comparator(vm.heap(), check_comparator(vm, arg(args, 0)));
  // 2-4. Let taRecord be ? ValidateTypedArray(obj, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.sort");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 5-6. Let sortedList be ? SortIndexedProperties(obj, len, SortCompare, read-through-holes).
  ValueVector sorted(vm.heap());
  sort_typed_array_elements(vm, o, len, comparator, sorted);
  // 7-8. ! Set(obj, ! ToString(𝔽(j)), sortedList[j], true) for each j.
  for (size_t j = 0; j < len; ++j) typed_array_set_element(vm, o, double(j), sorted.values[j]);
  // 9. Return obj.
  return object_value(o);
}

// §23.2.3.30 %TypedArray%.prototype.subarray ( start, end )
Value typed_array_subarray(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Perform ? RequireInternalSlot(O, [[TypedArrayName]]); buffer.
  gc::Rooted<TypedArrayObject> o(vm.heap(), require_typed_array(vm, self, "%TypedArray%.prototype.subarray"));
  // 4-6. srcLength: 0 when out of bounds.
  double src_length = double(typed_array_length_or_zero(o));
  // 7-9. startIndex.
  double start_index = relative_index(vm, arg(args, 0), src_length, 0);
  // 10-12. beginByteOffset = srcByteOffset + startIndex × elementSize.
  double begin_byte_offset = double(o->byte_offset) + start_index * double(o->element_bytes());
  // 13-14. The arguments: «buffer, beginByteOffset» for a length-tracking view with no end, else with newLength.
  Value argv[3] = {object_value(o->buffer), Value::number(begin_byte_offset), Value::undefined()};
  size_t argc = 2;
  if (!o->length_tracking || !arg(args, 1).is_undefined()) {
    double end_index = relative_index(vm, arg(args, 1), src_length, src_length);
    argv[2] = Value::number(std::max(end_index - start_index, 0.0));
    argc = 3;
  }
  // 15. Return ? TypedArraySpeciesCreate(O, argumentsList).
  return object_value(typed_array_species_create(vm, o, std::span<const Value>(argv, argc)));
}

// §23.2.3.31 %TypedArray%.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ), as ECMA-402 §19.6.1 has it
Value typed_array_to_locale_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Perform ? ValidateTypedArray(array, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.toLocaleString");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // (§23.1.3.32 steps 3-7) Each element's ? Invoke(nextElement, "toLocaleString"), joined by ",".
  StringBuilder out(vm);
  gc::Rooted<String> method_name(vm.heap(), vm.intern("toLocaleString"));
  for (size_t k = 0; k < len; ++k) {
    if (k > 0) out.append(u',');
    RootedValue element(vm.heap(), typed_array_get_index(vm, o, k));
    if (element.get().is_nullish()) continue;
    Value pass[2] = {arg(args, 0), arg(args, 1)};  // « locales, options »
    RootedValue s(vm.heap(), call_method(vm, element, PropertyKey::of_cell(method_name), pass));
    out.append(to_string(vm, s));
  }
  return string_value(out.finish());
}

// §23.2.3.32 %TypedArray%.prototype.toReversed ( )
Value typed_array_to_reversed(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); length.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.toReversed");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t length = typed_array_length(record);
  // 4. Let A be ? TypedArrayCreateSameType(O, length).
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_create_same_type(vm, o, length));
  // 5-6. A[k] = O[length - k - 1] (same type, nothing runs: the bytes).
  size_t size = o->element_bytes();
  const uint8_t* from = o->buffer->data() + o->byte_offset;
  uint8_t* to = a->buffer->data() + a->byte_offset;
  for (size_t k = 0; k < length; ++k) std::memcpy(to + k * size, from + (length - k - 1) * size, size);
  // 7. Return A.
  return object_value(a);
}

// §23.2.3.33 %TypedArray%.prototype.toSorted ( comparator )
Value typed_array_to_sorted(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. If comparator is not undefined and IsCallable(comparator) is false, throw a TypeError exception.
  RootedValue comparator(vm.heap(), check_comparator(vm, arg(args, 0)));
  // 2-4. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.toSorted");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  size_t len = typed_array_length(record);
  // 5. Let A be ? TypedArrayCreateSameType(O, len).
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_create_same_type(vm, o, len));
  // 6-7. Let sortedList be ? SortIndexedProperties(O, len, SortCompare, read-through-holes).
  ValueVector sorted(vm.heap());
  sort_typed_array_elements(vm, o, len, comparator, sorted);
  // 8-9. ! Set(A, ! ToString(𝔽(j)), sortedList[j], true) for each j.
  for (size_t j = 0; j < len; ++j) typed_array_set_element(vm, a, double(j), sorted.values[j]);
  // 10. Return A.
  return object_value(a);
}

// §23.2.3.36 %TypedArray%.prototype.with ( index, value )
Value typed_array_with(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let taRecord be ? ValidateTypedArray(O, seq-cst); len.
  TypedArrayWithBufferWitness record = validate_typed_array(vm, self, "%TypedArray%.prototype.with");
  gc::Rooted<TypedArrayObject> o(vm.heap(), record.object);
  double len = double(typed_array_length(record));
  // 4-5. actualIndex from the relative index.
  double relative = to_integer_or_infinity(vm, arg(args, 0));
  double actual_index = relative >= 0 ? relative : len + relative;
  // 6-7. numericValue = ? ToBigInt(value) or ? ToNumber(value).
  RootedValue numeric(vm.heap(), to_element_numeric(vm, o->type, arg(args, 1)));
  // 8. If IsValidIntegerIndex(O, 𝔽(actualIndex)) is false, throw a RangeError exception.
  if (!is_valid_integer_index(o, actual_index)) vm.throw_error(ErrorType::RangeError, "Invalid typed array index");
  // 9. Let A be ? TypedArrayCreateSameType(O, len).
  gc::Rooted<TypedArrayObject> a(vm.heap(), typed_array_create_same_type(vm, o, size_t(len)));
  // 10-11. A[k] = numericValue at actualIndex, else ! Get(O, k).
  for (size_t k = 0; k < size_t(len); ++k) {
    RootedValue from(vm.heap(), double(k) == actual_index ? numeric.get() : typed_array_get_index(vm, o, k));
    typed_array_set_element(vm, a, double(k), from);
  }
  // 12. Return A.
  return object_value(a);
}

}  // namespace

void install_typed_array_prototype(Vm& vm, Object* prototype) {
  gc::Rooted<Object> proto(vm.heap(), prototype);
  define_getter(vm, proto, "buffer", typed_array_buffer);
  define_getter(vm, proto, "byteLength", typed_array_byte_length_getter);
  define_getter(vm, proto, "byteOffset", typed_array_byte_offset);
  define_getter(vm, proto, "length", typed_array_length_getter);
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } methods[] = {
      {"at", typed_array_at, 1},
      {"copyWithin", typed_array_copy_within, 2},
      {"entries", typed_array_iterator<ArrayIterationKind::Entries>, 0},
      {"every", typed_array_walk<Walk::Every>, 1},
      {"fill", typed_array_fill, 1},
      {"filter", typed_array_filter, 1},
      {"find", typed_array_find<true, false>, 1},
      {"findIndex", typed_array_find<true, true>, 1},
      {"findLast", typed_array_find<false, false>, 1},
      {"findLastIndex", typed_array_find<false, true>, 1},
      {"forEach", typed_array_walk<Walk::ForEach>, 1},
      {"includes", typed_array_includes, 1},
      {"indexOf", typed_array_index_of, 1},
      {"join", typed_array_join, 1},
      {"keys", typed_array_iterator<ArrayIterationKind::Keys>, 0},
      {"lastIndexOf", typed_array_last_index_of, 1},
      {"map", typed_array_map, 1},
      {"reduce", typed_array_reduce<true>, 1},
      {"reduceRight", typed_array_reduce<false>, 1},
      {"reverse", typed_array_reverse, 0},
      {"set", typed_array_set, 1},
      {"slice", typed_array_slice, 2},
      {"some", typed_array_walk<Walk::Some>, 1},
      {"sort", typed_array_sort, 1},
      {"subarray", typed_array_subarray, 2},
      {"toLocaleString", typed_array_to_locale_string, 0},
      {"toReversed", typed_array_to_reversed, 0},
      {"toSorted", typed_array_to_sorted, 1},
      {"with", typed_array_with, 2},
  };
  for (auto& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  // §23.2.3.35 values, and §23.2.3.37 %TypedArray%.prototype [ %Symbol.iterator% ]: the same function.
  gc::Rooted<FunctionObject> values(
      vm.heap(), vm.define_native(proto, "values", typed_array_iterator<ArrayIterationKind::Values>, 0));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(values));
  // §23.2.3.34 %TypedArray%.prototype.toString: the same function as Array.prototype.toString.
  Value to_string_fn = get(vm, vm.intrinsics()[IntrinsicObject::ArrayPrototype], key_of(vm, "toString"));
  vm.define_value(proto, "toString", to_string_fn);
  // §23.2.3.38 get %TypedArray%.prototype [ %Symbol.toStringTag% ]
  gc::Rooted<FunctionObject> tag(vm.heap(), vm.new_native("get [Symbol.toStringTag]", typed_array_to_string_tag, 0));
  vm.define_accessor(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), object_value(tag), Value::undefined());
}

}  // namespace glass
