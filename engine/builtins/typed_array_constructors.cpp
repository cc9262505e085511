// The typed-array constructors (ECMA-262 §23.2.1, §23.2.2, §23.2.5, §23.2.6):
// the abstract %TypedArray% with from/of/@@species, the twelve concrete
// constructors (Int8Array ... Float64Array, one template instance each), and
// the abstract operations that create typed arrays (builtins/typed_array.h).
#include <cmath>

#include "builtins/typed_array.h"

namespace glass {

void install_typed_array_prototype(Vm& vm, Object* proto);  // typed_array_prototype.cpp
void install_uint8array_base64(Vm& vm, Object* ctor, Object* proto);  // uint8array_base64.cpp

// ============================================================================
// Abstract operations (§23.2.4, §23.2.5.1)
// ============================================================================

// §23.2.4.4 ValidateTypedArray ( O, order )
TypedArrayWithBufferWitness validate_typed_array(Vm& vm, Value o, const char* method) {
  // 1. Perform ? RequireInternalSlot(O, [[TypedArrayName]]).
  TypedArrayObject* ta = o.is_object() ? as_typed_array(as_object(o)) : nullptr;
  if (!ta) vm.throw_error(ErrorType::TypeError, std::string("this is not a typed array (in ") + method + ")");
  // 3. Let taRecord be MakeTypedArrayWithBufferWitnessRecord(O, order).
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(ta);
  // 4. If IsTypedArrayOutOfBounds(taRecord) is true, throw a TypeError exception.
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError,
                   std::string("Cannot perform ") + method + " on a detached or out of bounds TypedArray");
  // 5. Return taRecord.
  return record;
}

// §23.2.5.1.7 AllocateTypedArrayBuffer ( O, length )
void allocate_typed_array_buffer(Vm& vm, TypedArrayObject* o, uint64_t length) {
  gc::Rooted<TypedArrayObject> obj(vm.heap(), o);
  // 3. Let byteLength be elementSize × length (a RangeError past what a buffer may hold).
  if (length > (kMaxByteLength >> obj->shift)) vm.throw_error(ErrorType::RangeError, "Invalid typed array length: " + std::to_string(length));
  // 4. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength).
  Value ctor = object_value(vm.intrinsics()[IntrinsicObject::ArrayBuffer]);
  ArrayBufferObject* data = allocate_array_buffer(vm, ctor, length << obj->shift);
  // 5-8. Set [[ViewedArrayBuffer]], [[ByteLength]], [[ByteOffset]] (0) and [[ArrayLength]].
  obj->attach(data, 0, size_t(length));
}

// §23.2.5.1.1 AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] )
TypedArrayObject* allocate_typed_array(Vm& vm, ElementType type, Value new_target, std::optional<uint64_t> length) {
  // 1. Let proto be ? GetPrototypeFromConstructor(newTarget, defaultProto).
  gc::Rooted<Object> proto(vm.heap(),
                           get_prototype_from_constructor(vm, new_target, typed_array_intrinsic(type, true)));
  // 2-7. Let obj be TypedArrayCreate(proto), with [[TypedArrayName]] and [[ContentType]] set.
  gc::Rooted<TypedArrayObject> obj(vm.heap(), vm.heap().allocate<TypedArrayObject>(vm.root_shape_for(proto), type));
  // 8. If length is present, perform ? AllocateTypedArrayBuffer(obj, length).
  if (length) allocate_typed_array_buffer(vm, obj, *length);
  // 9. Return obj.
  return obj;
}

// §23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )
TypedArrayObject* typed_array_create_from_constructor(Vm& vm, Value constructor, std::span<const Value> args) {
  // 1. Let newTypedArray be ? Construct(constructor, argumentList).
  Value made = vm.construct(constructor, args, constructor);
  // 2. Let taRecord be ? ValidateTypedArray(newTypedArray, seq-cst).
  TypedArrayWithBufferWitness record = validate_typed_array(vm, made, "TypedArray creation");
  // 3. If the number of elements in argumentList is 1 and argumentList[0] is a Number, then
  if (args.size() == 1 && args[0].is_number()) {
    // b-c. If TypedArrayLength(taRecord) < ℝ(argumentList[0]), throw a TypeError exception.
    if (double(typed_array_length(record)) < args[0].as_number())
      vm.throw_error(ErrorType::TypeError, "Derived TypedArray constructor created an array which was too small");
  }
  // 4. Return newTypedArray.
  return record.object;
}

// §23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList )
TypedArrayObject* typed_array_species_create(Vm& vm, TypedArrayObject* exemplar, std::span<const Value> args) {
  // 1. Let defaultConstructor be the intrinsic object associated with exemplar.[[TypedArrayName]].
  ElementType type = exemplar->type;
  Value default_ctor = object_value(vm.intrinsics()[typed_array_intrinsic(type)]);
  // 2. Let constructor be ? SpeciesConstructor(exemplar, defaultConstructor).
  RootedValue ctor(vm.heap(), species_constructor(vm, exemplar, default_ctor));
  // 3. Let result be ? TypedArrayCreateFromConstructor(constructor, argumentList).
  TypedArrayObject* result = typed_array_create_from_constructor(vm, ctor, args);
  // 4. If result.[[ContentType]] is not exemplar.[[ContentType]], throw a TypeError exception.
  if (is_bigint_element_type(result->type) != is_bigint_element_type(type))
    vm.throw_error(ErrorType::TypeError, "TypedArray species constructor returned an array of the other content type");
  // 5. Return result.
  return result;
}

// §23.2.4.3 TypedArrayCreateSameType ( exemplar, length )
TypedArrayObject* typed_array_create_same_type(Vm& vm, TypedArrayObject* exemplar, uint64_t length) {
  // 1. Let constructor be the intrinsic object associated with exemplar.[[TypedArrayName]].
  Value ctor = object_value(vm.intrinsics()[typed_array_intrinsic(exemplar->type)]);
  // 2. Return ? TypedArrayCreateFromConstructor(constructor, « 𝔽(length) »).
  Value n = Value::number(double(length));
  return typed_array_create_from_constructor(vm, ctor, std::span<const Value>(&n, 1));
}

namespace {

// ============================================================================
// Initializing a new typed array (§23.2.5.1.2 - §23.2.5.1.6)
// ============================================================================

// §23.2.5.1.2 InitializeTypedArrayFromTypedArray ( O, srcArray )
void initialize_from_typed_array(Vm& vm, TypedArrayObject* o, TypedArrayObject* src_array) {
  gc::Rooted<TypedArrayObject> obj(vm.heap(), o), src(vm.heap(), src_array);
  // 7-8. Let srcRecord be MakeTypedArrayWithBufferWitnessRecord(srcArray, seq-cst); out of bounds: TypeError.
  TypedArrayWithBufferWitness src_record = make_typed_array_with_buffer_witness(src);
  if (is_typed_array_out_of_bounds(src_record))
    vm.throw_error(ErrorType::TypeError, "Cannot construct a TypedArray from a detached or out of bounds TypedArray");
  // 9-10. Let elementLength be TypedArrayLength(srcRecord); byteLength = elementSize × elementLength.
  size_t element_length = typed_array_length(src_record);
  // 11-12. Let data be ? AllocateArrayBuffer(%ArrayBuffer%, byteLength) (CloneArrayBuffer for the same type).
  allocate_typed_array_buffer(vm, obj, element_length);
  // 12.b. If srcArray.[[ContentType]] is not O.[[ContentType]], throw a TypeError exception.
  if (is_bigint_element_type(src->type) != is_bigint_element_type(obj->type))
    vm.throw_error(ErrorType::TypeError, "Cannot mix BigInt and other types, use explicit conversions");
  const uint8_t* from = src->buffer->data() + src->byte_offset;
  uint8_t* to = obj->buffer->data();
  if (src->type == obj->type) {
    // 11. The same type: the bytes as they are.
    if (element_length) std::memcpy(to, from, element_length << obj->shift);
    return;
  }
  // 12.c-g. Each element read as its type and written as the other.
  for (size_t k = 0; k < element_length; ++k) {
    if (is_bigint_element_type(obj->type)) {
      RootedValue v(vm.heap(), load_element(vm, src->buffer->data() + src->byte_offset + (k << src->shift), src->type));
      store_element(obj->buffer->data() + (k << obj->shift), obj->type, v);
    } else {
      store_number(to + (k << obj->shift), obj->type, load_number(from + (k << src->shift), src->type));
    }
  }
}

// §23.2.5.1.3 InitializeTypedArrayFromArrayBuffer ( O, buffer, byteOffset, length )
void initialize_from_array_buffer(Vm& vm, TypedArrayObject* o, ArrayBufferObject* buffer_object, Value byte_offset,
                                  Value length) {
  gc::Rooted<TypedArrayObject> obj(vm.heap(), o);
  gc::Rooted<ArrayBufferObject> buffer(vm.heap(), buffer_object);
  // 1. Let elementSize be TypedArrayElementSize(O).
  size_t element_bytes = obj->element_bytes();
  // 2. Let offset be ? ToIndex(byteOffset).
  uint64_t offset = to_index(vm, byte_offset);
  // 3. If offset modulo elementSize ≠ 0, throw a RangeError exception.
  if (offset % element_bytes)
    vm.throw_error(ErrorType::RangeError,
                   std::string("start offset of ") + typed_array_name(obj->type) + " should be a multiple of " +
                       std::to_string(element_bytes));
  // 4. Let bufferIsFixedLength be IsFixedLengthArrayBuffer(buffer).
  bool buffer_is_fixed_length = buffer->is_fixed_length();
  // 5. If length is not undefined, let newLength be ? ToIndex(length).
  uint64_t new_length = length.is_undefined() ? 0 : to_index(vm, length);
  // 6. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
  if (buffer->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot construct a TypedArray on a detached ArrayBuffer");
  // 7. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
  uint64_t buffer_byte_length = buffer->byte_length();
  // 8. A length-tracking view of a resizable buffer.
  if (length.is_undefined() && !buffer_is_fixed_length) {
    if (offset > buffer_byte_length)
      vm.throw_error(ErrorType::RangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
    obj->attach(buffer, size_t(offset), std::nullopt);
    return;
  }
  // 9. Otherwise a fixed length.
  uint64_t new_byte_length;
  if (length.is_undefined()) {
    // a. The rest of the buffer, which must be a whole number of elements.
    if (buffer_byte_length % element_bytes)
      vm.throw_error(ErrorType::RangeError,
                     std::string("byte length of ") + typed_array_name(obj->type) + " should be a multiple of " +
                         std::to_string(element_bytes));
    if (offset > buffer_byte_length)
      vm.throw_error(ErrorType::RangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
    new_byte_length = buffer_byte_length - offset;
  } else {
    // b. newLength elements, which must fit.
    if (new_length > (kMaxByteLength >> obj->shift) || offset + (new_length << obj->shift) > buffer_byte_length)
      vm.throw_error(ErrorType::RangeError, "Invalid typed array length: " + std::to_string(new_length));
    new_byte_length = new_length << obj->shift;
  }
  // 9.c-11. Set [[ByteLength]], [[ArrayLength]], [[ViewedArrayBuffer]] and [[ByteOffset]].
  obj->attach(buffer, size_t(offset), size_t(new_byte_length >> obj->shift));
}

// §23.2.5.1.4 InitializeTypedArrayFromList ( O, values )
void initialize_from_list(Vm& vm, TypedArrayObject* o, ValueVector& values) {
  gc::Rooted<TypedArrayObject> obj(vm.heap(), o);
  // 1-2. Let len be the number of elements in values; AllocateTypedArrayBuffer(O, len).
  size_t len = values.values.size();
  allocate_typed_array_buffer(vm, obj, len);
  // 3-4. Set each element (converting may run JS).
  for (size_t k = 0; k < len; ++k) typed_array_set_element(vm, obj, double(k), values.values[k]);
}

// §23.2.5.1.5 InitializeTypedArrayFromArrayLike ( O, arrayLike )
void initialize_from_array_like(Vm& vm, TypedArrayObject* o, Object* array_like) {
  gc::Rooted<TypedArrayObject> obj(vm.heap(), o);
  gc::Rooted<Object> source(vm.heap(), array_like);
  // 1. Let len be ? LengthOfArrayLike(arrayLike).
  uint64_t len = length_of_array_like(vm, source);
  // 2. Perform ? AllocateTypedArrayBuffer(O, len).
  allocate_typed_array_buffer(vm, obj, len);
  // 3-4. For each k: Set(O, Pk, ? Get(arrayLike, Pk), true).
  for (uint64_t k = 0; k < len; ++k) {
    Value v = get(vm, source, PropertyKey::of_index(uint32_t(k)));
    typed_array_set_element(vm, obj, double(k), v);
  }
}

// IteratorToList ( GetIteratorFromMethod ( obj, method ) ), into `out`. An
// unmodified array iterator over an array is read without iterator objects.
void iterable_to_list(Vm& vm, Value iterable, Value method, ValueVector& out) {
  RootedValue items(vm.heap(), iterable);
  if (iterates_like_array_values(vm, method) && as_object(items)->object_class() == ObjectClass::Array) {
    gc::Rooted<Object> array(vm.heap(), as_object(items));
    for (uint64_t k = 0; k < length_of_array_like(vm, array); ++k)
      out.values.push_back(get(vm, array, PropertyKey::of_index(uint32_t(k))));
    return;
  }
  Value iterator = vm.call(method, items, {});
  if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "Result of the Symbol.iterator method is not an object");
  RootedValue iter(vm.heap(), iterator);
  IteratorRecord record{iter, get(vm, as_object(iter), key_of(WellKnownAtom::next, vm))};
  RootedValue next(vm.heap(), record.next_method);
  while (std::optional<Value> v = iterator_step(vm, record)) out.values.push_back(*v);
}

// ============================================================================
// The constructors
// ============================================================================

// §23.2.1.1 %TypedArray% ( ): abstract, never constructs.
Value typed_array_abstract_ctor(Vm& vm, Value, std::span<const Value>, Value) {
  vm.throw_error(ErrorType::TypeError, "Abstract class TypedArray not directly constructable");
}

// §23.2.5.1 TypedArray ( ...args ), for each element type.
template <ElementType type>
Value typed_array_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined())
    vm.throw_error(ErrorType::TypeError, std::string("Constructor ") + typed_array_name(type) + " requires 'new'");
  // 4. No arguments: AllocateTypedArray(constructorName, NewTarget, proto, 0).
  if (args.empty()) return object_value(allocate_typed_array(vm, type, new_target, 0));
  // 5. Let firstArgument be args[0].
  Value first = args[0];
  // 5.b. Not an object: a length, ? ToIndex(firstArgument).
  if (!first.is_object()) {
    uint64_t element_length = to_index(vm, first);
    return object_value(allocate_typed_array(vm, type, new_target, element_length));
  }
  // 5.a.i. Let O be ? AllocateTypedArray(constructorName, NewTarget, proto).
  RootedValue first_argument(vm.heap(), first);
  gc::Rooted<TypedArrayObject> o(vm.heap(), allocate_typed_array(vm, type, new_target));
  Object* source = as_object(first_argument);
  if (TypedArrayObject* src = as_typed_array(source)) {
    // ii. From a typed array.
    initialize_from_typed_array(vm, o, src);
  } else if (ArrayBufferObject* buffer = as_array_buffer(source)) {
    // iii. A view on a buffer.
    initialize_from_array_buffer(vm, o, buffer, arg(args, 1), arg(args, 2));
  } else {
    // iv. An iterable, else an array-like.
    RootedValue using_iterator(
        vm.heap(), get_method(vm, first_argument, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator))));
    if (!using_iterator.get().is_undefined()) {
      ValueVector values(vm.heap());
      iterable_to_list(vm, first_argument, using_iterator, values);
      initialize_from_list(vm, o, values);
    } else {
      initialize_from_array_like(vm, o, as_object(first_argument));
    }
  }
  // 5.a.v. Return O.
  return object_value(o);
}

// §23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] )
Value typed_array_from(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Let C be the this value; it must be a constructor.
  RootedValue c(vm.heap(), self);
  if (!is_constructor(c)) vm.throw_error(ErrorType::TypeError, "TypedArray.from: this is not a constructor");
  // 3-4. mapping, when mapper is not undefined (and then callable).
  RootedValue mapper(vm.heap(), arg(args, 1)), this_arg(vm.heap(), arg(args, 2)), source(vm.heap(), arg(args, 0));
  bool mapping = !mapper.get().is_undefined();
  if (mapping && !is_callable(mapper)) vm.throw_error(ErrorType::TypeError, "TypedArray.from: the mapper is not a function");
  auto map_value = [&](Value v, size_t k) -> Value {
    if (!mapping) return v;
    Value argv[2] = {v, Value::number(double(k))};
    return vm.call(mapper, this_arg, argv);
  };
  // 5. Let usingIterator be ? GetMethod(source, %Symbol.iterator%).
  RootedValue using_iterator(vm.heap(),
                             get_method(vm, source, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator))));
  if (!using_iterator.get().is_undefined()) {
    // 6.a. Let values be ? IteratorToList(? GetIteratorFromMethod(source, usingIterator)).
    ValueVector values(vm.heap());
    iterable_to_list(vm, source, using_iterator, values);
    // 6.b-c. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
    size_t len = values.values.size();
    Value n = Value::number(double(len));
    gc::Rooted<TypedArrayObject> target(vm.heap(),
                                        typed_array_create_from_constructor(vm, c, std::span<const Value>(&n, 1)));
    // 6.e. For each k: ? Set(targetObj, Pk, mappedValue, true).
    for (size_t k = 0; k < len; ++k) {
      RootedValue mapped(vm.heap(), map_value(values.values[k], k));
      typed_array_set_element(vm, target, double(k), mapped);
    }
    return object_value(target);
  }
  // 8-9. An array-like: Let len be ? LengthOfArrayLike(arrayLike).
  gc::Rooted<Object> array_like(vm.heap(), to_object(vm, source));
  uint64_t len = length_of_array_like(vm, array_like);
  // 10. Let targetObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
  Value n = Value::number(double(len));
  gc::Rooted<TypedArrayObject> target(vm.heap(),
                                      typed_array_create_from_constructor(vm, c, std::span<const Value>(&n, 1)));
  // 11-12. For each k: kValue = ? Get(arrayLike, Pk); ? Set(targetObj, Pk, mappedValue, true).
  for (uint64_t k = 0; k < len; ++k) {
    RootedValue v(vm.heap(), get(vm, array_like, PropertyKey::of_index(uint32_t(k))));
    RootedValue mapped(vm.heap(), map_value(v, size_t(k)));
    typed_array_set_element(vm, target, double(k), mapped);
  }
  return object_value(target);
}

// §23.2.2.2 %TypedArray%.of ( ...items )
Value typed_array_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let C be the this value; it must be a constructor.
  if (!is_constructor(self)) vm.throw_error(ErrorType::TypeError, "TypedArray.of: this is not a constructor");
  // 4. Let newObj be ? TypedArrayCreateFromConstructor(C, « 𝔽(len) »).
  Value n = Value::number(double(args.size()));
  gc::Rooted<TypedArrayObject> target(vm.heap(), typed_array_create_from_constructor(vm, self, std::span<const Value>(&n, 1)));
  // 5-6. For each k: ? Set(newObj, Pk, items[k], true).
  for (size_t k = 0; k < args.size(); ++k) typed_array_set_element(vm, target, double(k), args[k]);
  return object_value(target);
}

}  // namespace

void install_typed_arrays(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  // %TypedArray% and %TypedArray.prototype% (§23.2.1 - §23.2.3).
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::TypedArrayPrototype]);
  gc::Rooted<FunctionObject> abstract(vm.heap(),
                                      make_constructor(vm, "TypedArray", typed_array_abstract_ctor, 0, proto));
  in[IntrinsicObject::TypedArray] = abstract;
  vm.define_native(abstract, "from", typed_array_from, 1);
  vm.define_native(abstract, "of", typed_array_of, 0);
  define_species(vm, abstract);
  install_typed_array_prototype(vm, proto);

  // The concrete constructors (§23.2.6, §23.2.7): each inherits from %TypedArray%.
  static constexpr NativeFn kConstructors[] = {
#define GLASS_X(Name, Type, CType, Size) typed_array_ctor<ElementType::Type>,
      GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
  };
  for (size_t i = 0; i < kElementTypeCount; ++i) {
    auto type = ElementType(i);
    in[typed_array_intrinsic(type, true)] = vm.new_object_with_proto(proto);
    gc::Rooted<Object> type_proto(vm.heap(), in[typed_array_intrinsic(type, true)]);
    gc::Rooted<FunctionObject> ctor(vm.heap(),
                                    make_constructor(vm, typed_array_name(type), kConstructors[i], 3, type_proto));
    in[typed_array_intrinsic(type)] = ctor;
    ctor->set_prototype(abstract);
    // §23.2.6.1 / §23.2.7.1 TypedArray.BYTES_PER_ELEMENT, TypedArray.prototype.BYTES_PER_ELEMENT
    vm.define_value(ctor, "BYTES_PER_ELEMENT", Value::int32(element_size(type)), 0);
    vm.define_value(type_proto, "BYTES_PER_ELEMENT", Value::int32(element_size(type)), 0);
    if (type == ElementType::Uint8) install_uint8array_base64(vm, ctor, type_proto);
    define_global(vm, typed_array_name(type), object_value(ctor));
  }
}

}  // namespace glass
