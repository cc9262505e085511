// DataView (ECMA-262 §25.3): a view that reads and writes any element type
// at any byte offset of a buffer, in either byte order. The byte conversions
// are vm/array_buffer.h's GetValueFromBuffer / SetValueInBuffer.
#include "builtins/data_view.h"

namespace glass {

namespace {

// §25.3.1.1 DataView With Buffer Witness Records: the buffer's byte length
// read once (nullopt: detached).
struct DataViewWithBufferWitness {
  DataViewObject* object;
  std::optional<size_t> cached_buffer_byte_length;
};

// §25.3.1.2 MakeDataViewWithBufferWitnessRecord ( obj, order )
DataViewWithBufferWitness make_data_view_with_buffer_witness(DataViewObject* o) {
  if (o->buffer->is_detached()) return {o, std::nullopt};
  return {o, o->buffer->byte_length()};
}

// §25.3.1.3 GetViewByteLength ( viewRecord )
size_t get_view_byte_length(const DataViewWithBufferWitness& record) {
  const DataViewObject* o = record.object;
  if (!o->length_tracking) return o->byte_length;
  return *record.cached_buffer_byte_length - o->byte_offset;
}

// §25.3.1.4 IsViewOutOfBounds ( viewRecord )
bool is_view_out_of_bounds(const DataViewWithBufferWitness& record) {
  // 1-3. A detached buffer: out of bounds.
  if (!record.cached_buffer_byte_length) return true;
  size_t buffer_byte_length = *record.cached_buffer_byte_length;
  const DataViewObject* o = record.object;
  // 4-7. The view's start and end against the buffer's length.
  if (o->byte_offset > buffer_byte_length) return true;
  return !o->length_tracking && o->byte_length > buffer_byte_length - o->byte_offset;
}

// RequireInternalSlot(view, [[DataView]]).
DataViewObject* this_data_view(Vm& vm, Value self, const char* method) {
  if (self.is_object() && as_object(self)->object_class() == ObjectClass::DataView)
    return static_cast<DataViewObject*>(as_object(self));
  vm.throw_error(ErrorType::TypeError, std::string("Method DataView.prototype.") + method +
                                           " called on incompatible receiver " + to_utf8(vm, typeof_value(vm, self)));
}

// §25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] )
Value data_view_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor DataView requires 'new'");
  // 2. Perform ? RequireInternalSlot(buffer, [[ArrayBufferData]]).
  Value b = arg(args, 0);
  ArrayBufferObject* ab = b.is_object() ? as_array_buffer(as_object(b)) : nullptr;
  if (!ab) vm.throw_error(ErrorType::TypeError, "First argument to DataView constructor must be an ArrayBuffer");
  gc::Rooted<ArrayBufferObject> buffer(vm.heap(), ab);
  // 3. Let offset be ? ToIndex(byteOffset).
  uint64_t offset = to_index(vm, arg(args, 1));
  // 4. If IsDetachedBuffer(buffer) is true, throw a TypeError exception.
  if (buffer->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot construct a DataView on a detached ArrayBuffer");
  // 5. Let bufferByteLength be ArrayBufferByteLength(buffer, seq-cst).
  uint64_t buffer_byte_length = buffer->byte_length();
  // 6. If offset > bufferByteLength, throw a RangeError exception.
  if (offset > buffer_byte_length) vm.throw_error(ErrorType::RangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
  // 7-9. viewByteLength: auto for a resizable buffer with no byteLength, else checked against the buffer.
  std::optional<uint64_t> view_byte_length;
  Value length_arg = arg(args, 2);
  if (length_arg.is_undefined()) {
    if (buffer->is_fixed_length()) view_byte_length = buffer_byte_length - offset;
  } else {
    view_byte_length = to_index(vm, length_arg);
    if (offset + *view_byte_length > buffer_byte_length)
      vm.throw_error(ErrorType::RangeError, "Invalid DataView length " + std::to_string(*view_byte_length));
  }
  // 10. Let O be ? OrdinaryCreateFromConstructor(NewTarget, "%DataView.prototype%", ...).
  gc::Rooted<Object> proto(vm.heap(), get_prototype_from_constructor(vm, new_target, IntrinsicObject::DataViewPrototype));
  // 11. If IsDetachedBuffer(buffer) is true, throw a TypeError exception. (The prototype lookup may have run JS.)
  if (buffer->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot construct a DataView on a detached ArrayBuffer");
  // 12-14. Check the bounds again against the current length.
  buffer_byte_length = buffer->byte_length();
  if (offset > buffer_byte_length) vm.throw_error(ErrorType::RangeError, "Start offset " + std::to_string(offset) + " is outside the bounds of the buffer");
  if (!length_arg.is_undefined() && offset + *view_byte_length > buffer_byte_length)
    vm.throw_error(ErrorType::RangeError, "Invalid DataView length " + std::to_string(*view_byte_length));
  // 15-18. Set the view's internal slots.
  DataViewObject* o = vm.heap().allocate<DataViewObject>(vm.root_shape_for(proto));
  o->buffer = buffer;
  o->byte_offset = size_t(offset);
  o->length_tracking = !view_byte_length;
  o->byte_length = size_t(view_byte_length.value_or(0));
  return object_value(o);
}

// §25.3.4.1 get DataView.prototype.buffer
Value data_view_buffer(Vm& vm, Value self, std::span<const Value>, Value) {
  return object_value(this_data_view(vm, self, "buffer")->buffer);
}

// §25.3.4.2 get DataView.prototype.byteLength
Value data_view_byte_length(Vm& vm, Value self, std::span<const Value>, Value) {
  DataViewWithBufferWitness record = make_data_view_with_buffer_witness(this_data_view(vm, self, "byteLength"));
  // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
  if (is_view_out_of_bounds(record)) vm.throw_error(ErrorType::TypeError, "DataView is out of bounds");
  // 6-7. Return 𝔽(GetViewByteLength(viewRecord)).
  return Value::number(double(get_view_byte_length(record)));
}

// §25.3.4.3 get DataView.prototype.byteOffset
Value data_view_byte_offset(Vm& vm, Value self, std::span<const Value>, Value) {
  DataViewObject* o = this_data_view(vm, self, "byteOffset");
  // 5. If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
  if (is_view_out_of_bounds(make_data_view_with_buffer_witness(o)))
    vm.throw_error(ErrorType::TypeError, "DataView is out of bounds");
  // 6. Return 𝔽(O.[[ByteOffset]]).
  return Value::number(double(o->byte_offset));
}

// The checks GetViewValue and SetViewValue share (their steps 4-10): the
// byte index in the buffer of an element of `type` at getIndex.
size_t view_byte_index(Vm& vm, DataViewObject* view, uint64_t get_index, ElementType type) {
  // Let viewOffset be view.[[ByteOffset]]; viewRecord (unordered).
  DataViewWithBufferWitness record = make_data_view_with_buffer_witness(view);
  // If IsViewOutOfBounds(viewRecord) is true, throw a TypeError exception.
  if (is_view_out_of_bounds(record)) vm.throw_error(ErrorType::TypeError, "DataView is out of bounds");
  // If getIndex + elementSize > viewSize, throw a RangeError exception.
  size_t view_size = get_view_byte_length(record);
  if (get_index + element_size(type) > view_size)
    vm.throw_error(ErrorType::RangeError, "Offset is outside the bounds of the DataView");
  // Let bufferIndex be getIndex + viewOffset.
  return size_t(get_index) + view->byte_offset;
}

// §25.3.1.5 GetViewValue ( view, requestIndex, isLittleEndian, type )
template <ElementType type>
Value data_view_get(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
  gc::Rooted<DataViewObject> view(vm.heap(), this_data_view(vm, self, "get"));
  // 2. Let getIndex be ? ToIndex(requestIndex).
  uint64_t get_index = to_index(vm, arg(args, 0));
  // 3. Set isLittleEndian to ToBoolean(isLittleEndian).
  bool little_endian = to_boolean(arg(args, 1));
  // 4-10. Bounds.
  size_t byte_index = view_byte_index(vm, view, get_index, type);
  // 11. Return GetValueFromBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, false, unordered, isLittleEndian).
  return get_value_from_buffer(vm, view->buffer, byte_index, type, little_endian);
}

// §25.3.1.6 SetViewValue ( view, requestIndex, isLittleEndian, type, value )
template <ElementType type>
Value data_view_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Perform ? RequireInternalSlot(view, [[DataView]]).
  gc::Rooted<DataViewObject> view(vm.heap(), this_data_view(vm, self, "set"));
  // 2. Let getIndex be ? ToIndex(requestIndex).
  uint64_t get_index = to_index(vm, arg(args, 0));
  // 3. ToBigInt or ToNumber of value.
  RootedValue numeric(vm.heap(), to_element_numeric(vm, type, arg(args, 1)));
  // 4. Set isLittleEndian to ToBoolean(isLittleEndian).
  bool little_endian = to_boolean(arg(args, 2));
  // 5-11. Bounds.
  size_t byte_index = view_byte_index(vm, view, get_index, type);
  // 12. Perform SetValueInBuffer(view.[[ViewedArrayBuffer]], bufferIndex, type, numberValue, false, unordered, isLittleEndian).
  set_value_in_buffer(view->buffer, byte_index, type, numeric, little_endian);
  return Value::undefined();
}

}  // namespace

void install_data_view(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::DataViewPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "DataView", data_view_ctor, 1, proto));
  define_getter(vm, proto, "buffer", data_view_buffer);
  define_getter(vm, proto, "byteLength", data_view_byte_length);
  define_getter(vm, proto, "byteOffset", data_view_byte_offset);
  // §25.3.4.5 - §25.3.4.26: get<Type> and set<Type> for every element type but Uint8Clamped.
#define GLASS_X(Name, Type, CType, Size)                                                               \
  if (ElementType::Type != ElementType::Uint8Clamped) {                                                \
    vm.define_native(proto, "get" #Type, data_view_get<ElementType::Type>, 1);                         \
    vm.define_native(proto, "set" #Type, data_view_set<ElementType::Type>, 2);                         \
  }
  GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
  define_tag(vm, proto, "DataView");
  define_global(vm, "DataView", object_value(ctor));
}

}  // namespace glass
