// SharedArrayBuffer (ECMA-262 §25.2): the constructor and its prototype,
// growable buffers. The memory is a SharedDataBlock (vm/array_buffer.h) that
// agents on other threads may hold too.
#include <algorithm>
#include <cmath>

#include "builtins/builtins.h"
#include "vm/array_buffer.h"

namespace glass {

namespace {

// RequireInternalSlot(O, [[ArrayBufferData]]) and IsSharedArrayBuffer(O) is true.
ArrayBufferObject* this_shared_buffer(Vm& vm, Value self, const char* method) {
  if (self.is_object())
    if (ArrayBufferObject* b = as_array_buffer(as_object(self)); b && b->is_shared()) return b;
  vm.throw_error(ErrorType::TypeError, std::string("Method SharedArrayBuffer.prototype.") + method +
                                           " called on incompatible receiver " + to_utf8(vm, typeof_value(vm, self)));
}

// §25.2.3.1 SharedArrayBuffer ( length [ , options ] )
Value shared_array_buffer_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor SharedArrayBuffer requires 'new'");
  // 2. Let byteLength be ? ToIndex(length).
  uint64_t byte_length = to_index(vm, arg(args, 0));
  // 3. Let requestedMaxByteLength be ? GetArrayBufferMaxByteLengthOption(options).
  std::optional<uint64_t> max = get_array_buffer_max_byte_length_option(vm, arg(args, 1));
  // 4. Return ? AllocateSharedArrayBuffer(NewTarget, byteLength, requestedMaxByteLength).
  return object_value(allocate_shared_array_buffer(vm, new_target, byte_length, max));
}

// §25.2.5.1 get SharedArrayBuffer.prototype.byteLength
Value shared_array_buffer_byte_length(Vm& vm, Value self, std::span<const Value>, Value) {
  // 4. Return ArrayBufferByteLength(O, seq-cst).
  return Value::number(double(this_shared_buffer(vm, self, "byteLength")->byte_length()));
}

// §25.2.5.4 get SharedArrayBuffer.prototype.growable
Value shared_array_buffer_growable(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::boolean(!this_shared_buffer(vm, self, "growable")->is_fixed_length());
}

// §25.2.5.5 get SharedArrayBuffer.prototype.maxByteLength
Value shared_array_buffer_max_byte_length(Vm& vm, Value self, std::span<const Value>, Value) {
  ArrayBufferObject* b = this_shared_buffer(vm, self, "maxByteLength");
  // 4-5. The max byte length when growable, else the byte length.
  return Value::number(double(b->is_fixed_length() ? b->byte_length() : b->max_byte_length()));
}

// §25.2.5.3 SharedArrayBuffer.prototype.grow ( newLength )
Value shared_array_buffer_grow(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]); shared.
  ArrayBufferObject* b = this_shared_buffer(vm, self, "grow");
  if (b->is_fixed_length())
    vm.throw_error(ErrorType::TypeError, "Method SharedArrayBuffer.prototype.grow called on a non-growable SharedArrayBuffer");
  gc::Rooted<ArrayBufferObject> buffer(vm.heap(), b);
  // 4. Let newByteLength be ? ToIndex(newLength).
  uint64_t new_byte_length = to_index(vm, arg(args, 0));
  // 6. If newByteLength > O.[[ArrayBufferMaxByteLength]], throw a RangeError exception.
  if (new_byte_length > buffer->max_byte_length())
    vm.throw_error(ErrorType::RangeError, "SharedArrayBuffer.prototype.grow: Invalid length parameter");
  // 7-12. Compare-and-exchange the length upward; shrinking is a RangeError.
  if (!buffer->shared_block()->grow(size_t(new_byte_length)))
    vm.throw_error(ErrorType::RangeError, "SharedArrayBuffer.prototype.grow: Invalid length parameter");
  return Value::undefined();
}

// §25.2.5.6 SharedArrayBuffer.prototype.slice ( start, end )
Value shared_array_buffer_slice(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. The receiver: a SharedArrayBuffer.
  gc::Rooted<ArrayBufferObject> o(vm.heap(), this_shared_buffer(vm, self, "slice"));
  // 4. Let len be ArrayBufferByteLength(O, seq-cst).
  double len = double(o->byte_length());
  // 5-8. first and final, from start and end relative to len.
  double first = relative_index(vm, arg(args, 0), len, 0);
  double final_ = relative_index(vm, arg(args, 1), len, len);
  // 9. Let newLen be max(final - first, 0).
  double new_len = std::max(final_ - first, 0.0);
  // 10. Let ctor be ? SpeciesConstructor(O, %SharedArrayBuffer%).
  RootedValue ctor(vm.heap(),
                   species_constructor(vm, o, object_value(vm.intrinsics()[IntrinsicObject::SharedArrayBuffer])));
  // 11. Let new be ? Construct(ctor, « 𝔽(newLen) »).
  Value length_arg = Value::number(new_len);
  Value made = vm.construct(ctor, std::span<const Value>(&length_arg, 1), ctor);
  // 12-13. new must be a SharedArrayBuffer.
  ArrayBufferObject* nb = made.is_object() ? as_array_buffer(as_object(made)) : nullptr;
  if (!nb || !nb->is_shared()) vm.throw_error(ErrorType::TypeError, "SharedArrayBuffer species constructor returned a non-SharedArrayBuffer");
  // 14. If new.[[ArrayBufferData]] is O.[[ArrayBufferData]], throw a TypeError exception.
  if (nb->shared_block() == o->shared_block())
    vm.throw_error(ErrorType::TypeError, "SharedArrayBuffer subclass returned this from species constructor");
  // 15. If ArrayBufferByteLength(new, seq-cst) < newLen, throw a TypeError exception.
  if (double(nb->byte_length()) < new_len)
    vm.throw_error(ErrorType::TypeError, "Species constructor returned a too small SharedArrayBuffer");
  // 16-18. Copy the bytes.
  if (new_len > 0) std::memmove(nb->data(), o->data() + size_t(first), size_t(new_len));
  // 19. Return new.
  return made;
}

}  // namespace

void install_shared_array_buffer(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::SharedArrayBufferPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(),
                                  make_constructor(vm, "SharedArrayBuffer", shared_array_buffer_ctor, 1, proto));
  define_species(vm, ctor);
  define_getter(vm, proto, "byteLength", shared_array_buffer_byte_length);
  vm.define_native(proto, "grow", shared_array_buffer_grow, 1);
  define_getter(vm, proto, "growable", shared_array_buffer_growable);
  define_getter(vm, proto, "maxByteLength", shared_array_buffer_max_byte_length);
  vm.define_native(proto, "slice", shared_array_buffer_slice, 2);
  define_tag(vm, proto, "SharedArrayBuffer");
  vm.intrinsics()[IntrinsicObject::SharedArrayBuffer] = ctor;
  define_global(vm, "SharedArrayBuffer", object_value(ctor));
}

}  // namespace glass
