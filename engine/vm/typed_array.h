// TypedArray objects: the integer-indexed exotic objects of ECMA-262
// §10.4.5, and the abstract operations on their length and elements
// (§10.4.5.9 - §10.4.5.18) that the VM and the built-ins share.
//
// A typed array is a view: an element type (element_type.h), its buffer
// ([[ViewedArrayBuffer]], an ArrayBufferObject), a byte offset and either a
// fixed length or "length-tracking" (it follows a resizable buffer's
// length). Its numeric keys are never stored: every access converts between
// the buffer's bytes and Values. Any string key that is a canonical numeric
// string ("1", "-0", "1.5", "Infinity") is such a key; an invalid one (out of
// bounds, not an integer) reads as absent and ignores writes, without ever
// looking at the prototype chain. Other keys are ordinary properties.
//
// operations.cpp dispatches [[GetOwnProperty]], [[HasProperty]],
// [[DefineOwnProperty]], [[Get]], [[Set]], [[Delete]], [[OwnPropertyKeys]]
// and [[PreventExtensions]] here for numeric keys; the interpreter's
// GetIndexed/SetIndexed read and write elements in place through
// typed_array_fast_get/set when the array's length cannot have changed.
#pragma once
#include <bit>
#include <optional>
#include <vector>

#include "vm/array_buffer.h"
#include "vm/operations.h"

namespace glass {

class TypedArrayObject final : public Object {
 public:
  TypedArrayObject(Shape* shape, ElementType t)
      : Object(shape, ObjectClass::TypedArray), type(t), shift(uint8_t(std::countr_zero(unsigned(element_size(t))))) {}

  ElementType type;                     // [[TypedArrayName]] / [[ContentType]]
  uint8_t shift;                        // log2 of the element size
  bool length_tracking = false;         // [[ArrayLength]] is auto
  ArrayBufferObject* buffer = nullptr;  // [[ViewedArrayBuffer]]
  size_t byte_offset = 0;               // [[ByteOffset]]
  size_t array_length = 0;              // [[ArrayLength]] when not length-tracking
  // The interpreter's bound: array_length when neither the view nor its
  // buffer can change length (a fixed-length view of a fixed-length or
  // growable shared buffer), else 0 (every access takes the slow path).
  // Detaching is caught by buffer->data() being null.
  uint32_t fast_length = 0;

  size_t element_bytes() const { return size_t(1) << shift; }
  // Sets the view's fields and fast_length (the constructor's last steps).
  void attach(ArrayBufferObject* b, size_t offset, std::optional<size_t> length);

  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    if (buffer) tracer.visit(buffer);
  }
  const char* cell_name() const override { return typed_array_name(type); }
};

inline bool is_typed_array(const Object* o) { return o->object_class() == ObjectClass::TypedArray; }
inline TypedArrayObject* as_typed_array(Object* o) {
  return is_typed_array(o) ? static_cast<TypedArrayObject*>(o) : nullptr;
}

// ---- the interpreter's element fast path ------------------------------------
// ta[i] for an in-bounds index of a Number-typed array whose length cannot
// have changed; false sends the access to the slow path (get/set below).

inline bool typed_array_fast_get(Object* o, uint32_t i, Value& out) {
  auto* ta = static_cast<TypedArrayObject*>(o);
  if (i >= ta->fast_length) return false;
  uint8_t* base = ta->buffer->data();
  if (!base) return false;  // detached
  const uint8_t* p = base + ta->byte_offset + (size_t(i) << ta->shift);
  switch (ta->type) {
    case ElementType::Int8: out = Value::int32(*reinterpret_cast<const int8_t*>(p)); return true;
    case ElementType::Uint8:
    case ElementType::Uint8Clamped: out = Value::int32(*p); return true;
    case ElementType::Float64: {
      double d;
      std::memcpy(&d, p, sizeof d);
      out = Value::number(d);
      return true;
    }
    case ElementType::BigInt64:
    case ElementType::BigUint64: return false;  // allocates
    default: out = Value::number(load_number(p, ta->type)); return true;
  }
}

inline bool typed_array_fast_set(Object* o, uint32_t i, Value v) {
  auto* ta = static_cast<TypedArrayObject*>(o);
  if (i >= ta->fast_length || !v.is_number()) return false;
  uint8_t* base = ta->buffer->data();
  if (!base) return false;
  uint8_t* p = base + ta->byte_offset + (size_t(i) << ta->shift);
  switch (ta->type) {
    case ElementType::Int8:
    case ElementType::Uint8:
      if (!v.is_int32()) break;
      *p = uint8_t(v.as_int32());
      return true;
    case ElementType::Float64: {
      double d = v.as_number();
      std::memcpy(p, &d, sizeof d);
      return true;
    }
    case ElementType::BigInt64:
    case ElementType::BigUint64: return false;  // a Number is a TypeError there
    default: break;
  }
  store_number(p, ta->type, v.as_number());
  return true;
}

// ---- abstract operations (§10.4.5.9 - §10.4.5.18) ---------------------------

// §10.4.5.9 TypedArray With Buffer Witness Records: the buffer's byte length
// read once (detached: nullopt), so one algorithm sees one length.
struct TypedArrayWithBufferWitness {
  TypedArrayObject* object;
  std::optional<size_t> cached_buffer_byte_length;
};
// §10.4.5.10 MakeTypedArrayWithBufferWitnessRecord
TypedArrayWithBufferWitness make_typed_array_with_buffer_witness(TypedArrayObject* o);
// §10.4.5.12 TypedArrayByteLength
size_t typed_array_byte_length(const TypedArrayWithBufferWitness& record);
// §10.4.5.13 TypedArrayLength (the record must not be out of bounds)
size_t typed_array_length(const TypedArrayWithBufferWitness& record);
// §10.4.5.14 IsTypedArrayOutOfBounds (detached counts as out of bounds)
bool is_typed_array_out_of_bounds(const TypedArrayWithBufferWitness& record);
// §10.4.5.15 IsTypedArrayFixedLength
bool is_typed_array_fixed_length(const TypedArrayObject* o);
// The current length, 0 when out of bounds or detached (what `length` returns).
size_t typed_array_length_or_zero(TypedArrayObject* o);
// §10.4.5.16 IsValidIntegerIndex
bool is_valid_integer_index(TypedArrayObject* o, double index);
// §10.4.5.17 TypedArrayGetElement: undefined for an invalid index.
Value typed_array_get_element(Vm& vm, TypedArrayObject* o, double index);
// §10.4.5.18 TypedArraySetElement: converts `v` first (may run JS), then
// stores it if the index is still valid.
void typed_array_set_element(Vm& vm, TypedArrayObject* o, double index, Value v);

// §7.1.21 CanonicalNumericIndexString for a property key: the number it
// names when the key is an array index or a canonical numeric string, else
// nullopt (the key is an ordinary property name).
std::optional<double> canonical_numeric_index(PropertyKey key);

// ---- the internal methods (§10.4.5.1 - §10.4.5.8), for numeric keys --------
// operations.cpp calls these when typed_array_numeric_key says so.
inline bool typed_array_numeric_key(Object* o, PropertyKey key, double& index) {
  if (!is_typed_array(o)) return false;
  if (key.is_index()) {
    index = double(key.index);
    return true;
  }
  std::optional<double> n = canonical_numeric_index(key);
  if (!n) return false;
  index = *n;
  return true;
}
std::optional<OwnProperty> typed_array_get_own_property(Vm& vm, TypedArrayObject* o, double index);
bool typed_array_define_own_property(Vm& vm, TypedArrayObject* o, double index, const PropertyDescriptor& desc);
// §10.4.5.8 [[OwnPropertyKeys]]: the valid indices, then the ordinary keys.
std::vector<PropertyKey> typed_array_own_property_keys(Vm& vm, TypedArrayObject* o);
// [[PreventExtensions]] (§10.4.5.x): false while the length may still change.
bool typed_array_prevent_extensions(TypedArrayObject* o);

}  // namespace glass
