// ArrayBuffer (ECMA-262 §25.1): the constructor, ArrayBuffer.isView and
// ArrayBuffer.prototype, resizable buffers and transfer. The storage and the
// abstract operations the rest of the engine shares are in vm/array_buffer.h.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "builtins/builtins.h"
#include "vm/array_buffer.h"

namespace glass {

namespace {

// RequireInternalSlot(O, [[ArrayBufferData]]) and IsSharedArrayBuffer(O) is false.
ArrayBufferObject* this_array_buffer(Vm& vm, Value self, const char* method) {
  if (self.is_object())
    if (ArrayBufferObject* b = as_array_buffer(as_object(self)); b && !b->is_shared()) return b;
  vm.throw_error(ErrorType::TypeError, std::string("Method ArrayBuffer.prototype.") + method +
                                           " called on incompatible receiver " + to_utf8(vm, typeof_value(vm, self)));
}

}  // namespace

// §25.1.3.7 GetArrayBufferMaxByteLengthOption ( options ): shared with SharedArrayBuffer.
std::optional<uint64_t> get_array_buffer_max_byte_length_option(Vm& vm, Value options) {
  // 1. If options is not an Object, return empty.
  if (!options.is_object()) return std::nullopt;
  // 2. Let maxByteLength be ? Get(options, "maxByteLength").
  Value max = get(vm, as_object(options), key_of(vm, "maxByteLength"));
  // 3. If maxByteLength is undefined, return empty.
  if (max.is_undefined()) return std::nullopt;
  // 4. Return ? ToIndex(maxByteLength).
  return to_index(vm, max);
}

namespace {

// §25.1.4.1 ArrayBuffer ( length [ , options ] )
Value array_buffer_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor ArrayBuffer requires 'new'");
  // 2. Let byteLength be ? ToIndex(length).
  uint64_t byte_length = to_index(vm, arg(args, 0));
  // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
  std::optional<uint64_t> max = get_array_buffer_max_byte_length_option(vm, arg(args, 1));
  // 4. Return ? AllocateArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
  return object_value(allocate_array_buffer(vm, new_target, byte_length, max));
}

// §25.1.5.1 ArrayBuffer.isView ( arg )
Value array_buffer_is_view(Vm&, Value, std::span<const Value> args, Value) {
  // 1-3. True when arg has a [[ViewedArrayBuffer]] internal slot.
  Value v = arg(args, 0);
  if (!v.is_object()) return Value::boolean(false);
  ObjectClass cls = as_object(v)->object_class();
  return Value::boolean(cls == ObjectClass::TypedArray || cls == ObjectClass::DataView);
}

// §25.1.6.1 get ArrayBuffer.prototype.byteLength
Value array_buffer_byte_length(Vm& vm, Value self, std::span<const Value>, Value) {
  ArrayBufferObject* b = this_array_buffer(vm, self, "byteLength");
  // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
  return Value::number(double(b->byte_length()));
}

// §25.1.6.3 get ArrayBuffer.prototype.detached
Value array_buffer_detached(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::boolean(this_array_buffer(vm, self, "detached")->is_detached());
}

// §25.1.6.4 get ArrayBuffer.prototype.maxByteLength
Value array_buffer_max_byte_length(Vm& vm, Value self, std::span<const Value>, Value) {
  ArrayBufferObject* b = this_array_buffer(vm, self, "maxByteLength");
  // 4. If IsDetachedBuffer(O) is true, return +0𝔽.
  if (b->is_detached()) return Value::int32(0);
  // 5-6. The max byte length when resizable, else the byte length.
  return Value::number(double(b->is_fixed_length() ? b->byte_length() : b->max_byte_length()));
}

// §25.1.6.5 get ArrayBuffer.prototype.resizable
Value array_buffer_resizable(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::boolean(!this_array_buffer(vm, self, "resizable")->is_fixed_length());
}

// §25.1.6.6 ArrayBuffer.prototype.resize ( newLength )
Value array_buffer_resize(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); not shared.
  ArrayBufferObject* b = this_array_buffer(vm, self, "resize");
  if (b->is_fixed_length())
    vm.throw_error(ErrorType::TypeError, "Method ArrayBuffer.prototype.resize called on a non-resizable ArrayBuffer");
  gc::Rooted<ArrayBufferObject> buffer(vm.heap(), b);
  // 4. Let newByteLength be ? ToIndex(newLength).
  uint64_t new_byte_length = to_index(vm, arg(args, 0));
  // 5. If IsDetachedBuffer(O) is true, throw a TypeError exception.
  if (buffer->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot resize a detached ArrayBuffer");
  // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
  if (new_byte_length > buffer->max_byte_length())
    vm.throw_error(ErrorType::RangeError, "ArrayBuffer.prototype.resize: Invalid length parameter");
  // 7-13. Resize the data block in place (new bytes are zero).
  if (!buffer->resize(size_t(new_byte_length))) vm.throw_error(ErrorType::RangeError, "Array buffer allocation failed");
  return Value::undefined();
}

// §25.1.6.7 ArrayBuffer.prototype.slice ( start, end )
Value array_buffer_slice(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-4. The receiver: an ArrayBuffer, not shared, not detached.
  gc::Rooted<ArrayBufferObject> o(vm.heap(), this_array_buffer(vm, self, "slice"));
  if (o->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer");
  // 5. Let len be O.[[ArrayBufferByteLength]].
  double len = double(o->byte_length());
  // 6-9. first and final, from start and end relative to len.
  double first = relative_index(vm, arg(args, 0), len, 0);
  double final_ = relative_index(vm, arg(args, 1), len, len);
  // 10. Let newLen be max(final - first, 0).
  double new_len = std::max(final_ - first, 0.0);
  // 11. Let ctor be ? SpeciesConstructor(O, %ArrayBuffer%).
  RootedValue ctor(vm.heap(), species_constructor(vm, o, object_value(vm.intrinsics()[IntrinsicObject::ArrayBuffer])));
  // 12. Let new be ? Construct(ctor, « 𝔽(newLen) »).
  Value length_arg = Value::number(new_len);
  Value made = vm.construct(ctor, std::span<const Value>(&length_arg, 1), ctor);
  // 13-15. new must be an ArrayBuffer, not shared, not detached.
  ArrayBufferObject* nb = made.is_object() ? as_array_buffer(as_object(made)) : nullptr;
  if (!nb || nb->is_shared())
    vm.throw_error(ErrorType::TypeError, "ArrayBuffer subclass returned this from species constructor");
  if (nb->is_detached()) vm.throw_error(ErrorType::TypeError, "ArrayBuffer species constructor returned a detached buffer");
  // 16. If SameValue(new, O) is true, throw a TypeError exception.
  if (nb == o.get()) vm.throw_error(ErrorType::TypeError, "ArrayBuffer subclass returned this from species constructor");
  // 17. If new.[[ArrayBufferByteLength]] < newLen, throw a TypeError exception.
  if (double(nb->byte_length()) < new_len)
    vm.throw_error(ErrorType::TypeError, "Species constructor returned a too small ArrayBuffer");
  // 18-19. The constructor may have detached O.
  if (o->is_detached()) vm.throw_error(ErrorType::TypeError, "Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer");
  // 20-22. Copy what is still there: O may have shrunk.
  double current_len = double(o->byte_length());
  if (first < current_len) {
    size_t count = size_t(std::min(new_len, current_len - first));
    std::memmove(nb->data(), o->data() + size_t(first), count);
  }
  // 23. Return new.
  return made;
}

// §25.1.3.3 ArrayBufferCopyAndDetach ( arrayBuffer, newLength, preserveResizability )
Value array_buffer_copy_and_detach(Vm& vm, Value self, Value new_length, bool preserve_resizability,
                                   const char* method) {
  // 1-2. RequireInternalSlot(arrayBuffer, [[ArrayBufferData]]); not shared.
  gc::Rooted<ArrayBufferObject> buffer(vm.heap(), this_array_buffer(vm, self, method));
  // 3. newByteLength: the current byte length, or ? ToIndex(newLength).
  uint64_t new_byte_length = new_length.is_undefined() ? buffer->byte_length() : to_index(vm, new_length);
  // 4. If IsDetachedBuffer(arrayBuffer) is true, throw a TypeError exception.
  if (buffer->is_detached()) vm.throw_error(ErrorType::TypeError, std::string("Cannot perform ArrayBuffer.prototype.") + method + " on a detached ArrayBuffer");
  // 5. newMaxByteLength: kept when preserving the resizability of a resizable buffer.
  std::optional<uint64_t> new_max;
  if (preserve_resizability && !buffer->is_fixed_length()) new_max = buffer->max_byte_length();
  // 6. If arrayBuffer.[[ArrayBufferDetachKey]] is not undefined, throw a TypeError exception.
  if (!buffer->detach_key.is_undefined()) vm.throw_error(ErrorType::TypeError, "Cannot transfer this ArrayBuffer");
  // 7. Let newBuffer be ? AllocateArrayBuffer(%ArrayBuffer%, newByteLength, newMaxByteLength).
  Value ctor = object_value(vm.intrinsics()[IntrinsicObject::ArrayBuffer]);
  gc::Rooted<ArrayBufferObject> result(vm.heap(), allocate_array_buffer(vm, ctor, new_byte_length, new_max));
  // 8-10. Copy min(newByteLength, arrayBuffer.[[ArrayBufferByteLength]]) bytes.
  size_t copy_length = size_t(std::min<uint64_t>(new_byte_length, buffer->byte_length()));
  if (copy_length) std::memcpy(result->data(), buffer->data(), copy_length);
  // 11. Perform ! DetachArrayBuffer(arrayBuffer).
  buffer->detach();
  // 12. Return newBuffer.
  return object_value(result);
}

// §25.1.6.8 ArrayBuffer.prototype.transfer ( [ newLength ] )
Value array_buffer_transfer(Vm& vm, Value self, std::span<const Value> args, Value) {
  return array_buffer_copy_and_detach(vm, self, arg(args, 0), true, "transfer");
}

// §25.1.6.9 ArrayBuffer.prototype.transferToFixedLength ( [ newLength ] )
Value array_buffer_transfer_to_fixed_length(Vm& vm, Value self, std::span<const Value> args, Value) {
  return array_buffer_copy_and_detach(vm, self, arg(args, 0), false, "transferToFixedLength");
}

}  // namespace

void install_array_buffer(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::ArrayBufferPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "ArrayBuffer", array_buffer_ctor, 1, proto));
  vm.define_native(ctor, "isView", array_buffer_is_view, 1);
  define_species(vm, ctor);
  define_getter(vm, proto, "byteLength", array_buffer_byte_length);
  define_getter(vm, proto, "detached", array_buffer_detached);
  define_getter(vm, proto, "maxByteLength", array_buffer_max_byte_length);
  define_getter(vm, proto, "resizable", array_buffer_resizable);
  vm.define_native(proto, "resize", array_buffer_resize, 1);
  vm.define_native(proto, "slice", array_buffer_slice, 2);
  vm.define_native(proto, "transfer", array_buffer_transfer, 0);
  vm.define_native(proto, "transferToFixedLength", array_buffer_transfer_to_fixed_length, 0);
  define_tag(vm, proto, "ArrayBuffer");
  vm.intrinsics()[IntrinsicObject::ArrayBuffer] = ctor;
  define_global(vm, "ArrayBuffer", object_value(ctor));
}

}  // namespace glass
