// Integer-indexed exotic objects (§10.4.5): the abstract operations on a
// typed array's length and elements, and its internal methods for numeric
// keys. See typed_array.h.
#include "vm/typed_array.h"

#include <cmath>

#include "parser/display.h"
#include "vm/rooted.h"

namespace glass {

void TypedArrayObject::attach(ArrayBufferObject* b, size_t offset, std::optional<size_t> length) {
  buffer = b;
  byte_offset = offset;
  length_tracking = !length.has_value();
  array_length = length.value_or(0);
  // Only a shrinking or detaching buffer moves a fixed-length view's bounds:
  // a fixed-length buffer can only be detached (data() becomes null) and a
  // shared one only grows.
  bool stable = !length_tracking && (b->is_fixed_length() || b->is_shared());
  fast_length = stable && array_length <= UINT32_MAX ? uint32_t(array_length) : 0;
}

// ============================================================================
// §10.4.5.9 - §10.4.5.18
// ============================================================================

// §10.4.5.10 MakeTypedArrayWithBufferWitnessRecord ( obj, order )
TypedArrayWithBufferWitness make_typed_array_with_buffer_witness(TypedArrayObject* o) {
  // 1-3. If IsDetachedBuffer(buffer), byteLength is detached; else ArrayBufferByteLength(buffer, order).
  if (o->buffer->is_detached()) return {o, std::nullopt};
  return {o, o->buffer->byte_length()};
}

// §10.4.5.14 IsTypedArrayOutOfBounds ( taRecord )
bool is_typed_array_out_of_bounds(const TypedArrayWithBufferWitness& record) {
  // 1-3. A detached buffer: out of bounds.
  if (!record.cached_buffer_byte_length) return true;
  size_t buffer_byte_length = *record.cached_buffer_byte_length;
  const TypedArrayObject* o = record.object;
  // 4-7. The view's start and end against the buffer's length.
  size_t start = o->byte_offset;
  if (start > buffer_byte_length) return true;
  if (o->length_tracking) return false;
  return o->array_length > (buffer_byte_length - start) >> o->shift;
}

// §10.4.5.13 TypedArrayLength ( taRecord )
size_t typed_array_length(const TypedArrayWithBufferWitness& record) {
  const TypedArrayObject* o = record.object;
  // 2. If O.[[ArrayLength]] is not auto, return O.[[ArrayLength]].
  if (!o->length_tracking) return o->array_length;
  // 3-7. floor((byteLength - byteOffset) / elementSize).
  return (*record.cached_buffer_byte_length - o->byte_offset) >> o->shift;
}

// §10.4.5.12 TypedArrayByteLength ( taRecord )
size_t typed_array_byte_length(const TypedArrayWithBufferWitness& record) {
  if (is_typed_array_out_of_bounds(record)) return 0;
  return typed_array_length(record) << record.object->shift;
}

// §10.4.5.15 IsTypedArrayFixedLength ( O )
bool is_typed_array_fixed_length(const TypedArrayObject* o) {
  // 1. If O.[[ArrayLength]] is auto, return false.
  if (o->length_tracking) return false;
  // 2-3. A resizable (not shared) buffer can shrink under the view.
  return o->buffer->is_fixed_length() || o->buffer->is_shared();
}

size_t typed_array_length_or_zero(TypedArrayObject* o) {
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(o);
  return is_typed_array_out_of_bounds(record) ? 0 : typed_array_length(record);
}

// §10.4.5.16 IsValidIntegerIndex ( O, index )
bool is_valid_integer_index(TypedArrayObject* o, double index) {
  // 1. If IsDetachedBuffer(O.[[ViewedArrayBuffer]]) is true, return false.
  if (o->buffer->is_detached()) return false;
  // 2-3. If index is not an integral Number, or is -0, return false.
  if (index != std::trunc(index) || std::isinf(index)) return false;
  if (index == 0 && std::signbit(index)) return false;
  // 4-5. If IsTypedArrayOutOfBounds(taRecord) is true, return false.
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(o);
  if (is_typed_array_out_of_bounds(record)) return false;
  // 6-7. If index < 0 or index >= TypedArrayLength(taRecord), return false.
  return index >= 0 && index < double(typed_array_length(record));
}

// §10.4.5.17 TypedArrayGetElement ( O, index )
Value typed_array_get_element(Vm& vm, TypedArrayObject* o, double index) {
  // 1. If IsValidIntegerIndex(O, index) is false, return undefined.
  if (!is_valid_integer_index(o, index)) return Value::undefined();
  // 2-5. byteIndexInBuffer = index × elementSize + offset.
  size_t byte_index = o->byte_offset + (size_t(index) << o->shift);
  // 6. Return GetValueFromBuffer(O.[[ViewedArrayBuffer]], byteIndexInBuffer, elementType, true, unordered).
  return load_element(vm, o->buffer->data() + byte_index, o->type);
}

// §10.4.5.18 TypedArraySetElement ( O, index, value )
void typed_array_set_element(Vm& vm, TypedArrayObject* o, double index, Value v) {
  gc::Rooted<TypedArrayObject> keep(vm.heap(), o);
  // 1-2. ToBigInt or ToNumber first: it may run JS that detaches or shrinks the buffer.
  RootedValue numeric(vm.heap(), to_element_numeric(vm, o->type, v));
  // 3. If IsValidIntegerIndex(O, index) is true, then SetValueInBuffer(...).
  if (!is_valid_integer_index(keep, index)) return;
  size_t byte_index = keep->byte_offset + (size_t(index) << keep->shift);
  store_element(keep->buffer->data() + byte_index, keep->type, numeric);
}

// §7.1.21 CanonicalNumericIndexString ( argument )
std::optional<double> canonical_numeric_index(PropertyKey key) {
  if (key.is_index()) return double(key.index);
  if (!is_string(key.cell)) return std::nullopt;  // a symbol
  const auto* s = static_cast<const String*>(key.cell);
  if (s->empty()) return std::nullopt;
  // Every canonical numeric string starts with a digit, '-', 'I' (Infinity) or 'N' (NaN).
  char16_t first = s->is_flat() ? s->char_at(0) : u'0';  // (atoms are flat)
  if (!((first >= '0' && first <= '9') || first == '-' || first == 'I' || first == 'N')) return std::nullopt;
  std::string text = s->to_utf8();
  // 1. If argument is "-0", return -0.
  if (text == "-0") return -0.0;
  // 2-3. Let n be ! ToNumber(argument); if ! ToString(n) is argument, return n.
  double n = string_to_number(s);
  if (number_to_js_string(n) == text) return n;
  // 4. Return undefined.
  return std::nullopt;
}

// ============================================================================
// The internal methods for numeric keys (§10.4.5.1 - §10.4.5.8)
// ============================================================================

// §10.4.5.1 [[GetOwnProperty]] ( P ), P numeric
std::optional<OwnProperty> typed_array_get_own_property(Vm& vm, TypedArrayObject* o, double index) {
  // i. Let value be TypedArrayGetElement(O, numericIndex); ii. If undefined, return undefined.
  if (!is_valid_integer_index(o, index)) return std::nullopt;
  // iii. Return { [[Value]]: value, [[Writable]]: true, [[Enumerable]]: true, [[Configurable]]: true }.
  return OwnProperty{typed_array_get_element(vm, o, index), kDefaultProperty};
}

// §10.4.5.3 [[DefineOwnProperty]] ( P, Desc ), P numeric
bool typed_array_define_own_property(Vm& vm, TypedArrayObject* o, double index, const PropertyDescriptor& desc) {
  // i. If IsValidIntegerIndex(O, numericIndex) is false, return false.
  if (!is_valid_integer_index(o, index)) return false;
  // ii-v. Elements are writable, enumerable, configurable data properties.
  if (desc.configurable && !*desc.configurable) return false;
  if (desc.enumerable && !*desc.enumerable) return false;
  if (desc.is_accessor()) return false;
  if (desc.writable && !*desc.writable) return false;
  // vi. If Desc has a [[Value]] field, perform ? TypedArraySetElement(O, numericIndex, Desc.[[Value]]).
  if (desc.value) typed_array_set_element(vm, o, index, *desc.value);
  return true;
}

// §10.4.5.8 [[OwnPropertyKeys]] ( )
std::vector<PropertyKey> typed_array_own_property_keys(Vm& vm, TypedArrayObject* o) {
  std::vector<PropertyKey> keys;
  // 1-3. If IsTypedArrayOutOfBounds(taRecord) is false, the indices 0 .. length-1.
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(o);
  if (!is_typed_array_out_of_bounds(record)) {
    size_t length = typed_array_length(record);
    keys.reserve(length);
    for (size_t i = 0; i < length; ++i) keys.push_back(PropertyKey::of_index(uint32_t(i)));
  }
  // 4-5. Then the String keys in creation order, then the Symbol keys.
  std::vector<gc::Cell*> named = o->own_named_keys();
  for (gc::Cell* k : named)
    if (is_string(k)) keys.push_back(PropertyKey::of_cell(k));
  for (gc::Cell* k : named)
    if (!is_string(k) && !static_cast<Symbol*>(k)->is_private()) keys.push_back(PropertyKey::of_cell(k));
  (void)vm;
  return keys;
}

// [[PreventExtensions]] ( ) of a TypedArray
bool typed_array_prevent_extensions(TypedArrayObject* o) {
  // 1. If IsTypedArrayFixedLength(O) is false, return false (its keys may still change).
  if (!is_typed_array_fixed_length(o)) return false;
  // 2. Return OrdinaryPreventExtensions(O).
  o->prevent_extensions();
  return true;
}

}  // namespace glass
