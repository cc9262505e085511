// Bytes between bindings and JS without byte strings: the bytes a typed
// array views, and a new ArrayBuffer holding a copy of some bytes (the JS
// side wraps it: Buffer.from(arrayBuffer) shares it). Shared by the zlib
// and encoding bindings.
#pragma once
#include <cstring>
#include <string_view>
#include <utility>

#include "builtins/builtins.h"
#include "vm/typed_array.h"

namespace glass::natives {

// The bytes of a typed array argument (size 0 when detached or empty); a
// TypeError naming `what` for anything else. The pointer stays valid until
// something allocates (or runs JS) on this thread.
inline std::pair<const uint8_t*, size_t> view_bytes(Vm& vm, Value v, const char* what) {
  TypedArrayObject* ta = v.is_object() ? as_typed_array(as_object(v)) : nullptr;
  if (!ta) vm.throw_error(ErrorType::TypeError, std::string(what) + ": the input must be a typed array");
  size_t size = typed_array_length_or_zero(ta) * ta->element_bytes();
  if (size == 0 || !ta->buffer->data()) return {nullptr, 0};
  return {ta->buffer->data() + ta->byte_offset, size};
}

// A new ArrayBuffer with a copy of `bytes` (a RangeError when it cannot be had).
inline Value array_buffer_of(Vm& vm, std::string_view bytes) {
  Value ctor = object_value(vm.intrinsics()[IntrinsicObject::ArrayBuffer]);
  ArrayBufferObject* ab = allocate_array_buffer(vm, ctor, bytes.size());
  if (!bytes.empty()) std::memcpy(ab->data(), bytes.data(), bytes.size());
  return object_value(ab);
}

}  // namespace glass::natives
