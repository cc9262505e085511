// ArrayBuffer / SharedArrayBuffer storage and the abstract operations of
// §25.1.3 and §25.2.2 that the rest of the engine shares.
#include "vm/array_buffer.h"

#include <cstdlib>

#include "objects/bigint.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass {

// ============================================================================
// Shared Data Blocks
// ============================================================================

std::shared_ptr<SharedDataBlock> SharedDataBlock::create(size_t byte_length, size_t max_byte_length, bool growable) {
  // calloc: zeroed, and for big blocks the pages come from the OS only when touched.
  auto* data = static_cast<uint8_t*>(std::calloc(max_byte_length ? max_byte_length : 1, 1));
  if (!data) return nullptr;
  return std::shared_ptr<SharedDataBlock>(new SharedDataBlock(data, byte_length, max_byte_length, growable));
}

SharedDataBlock::~SharedDataBlock() { std::free(data_); }

bool SharedDataBlock::grow(size_t new_length) {
  size_t current = byte_length_.load(std::memory_order_seq_cst);
  while (new_length >= current) {
    if (new_length == current) return true;
    if (byte_length_.compare_exchange_weak(current, new_length, std::memory_order_seq_cst)) return true;
  }
  return false;
}

// ============================================================================
// ArrayBufferObject storage
// ============================================================================

ArrayBufferObject::~ArrayBufferObject() {
  if (shared_) {
    heap_->note_external_free(shared_->max_byte_length());
    return;
  }
  if (data_) {
    heap_->note_external_free(external_);
    std::free(data_);
  }
}

bool ArrayBufferObject::allocate(size_t byte_length, size_t max_byte_length, bool resizable) {
  auto* data = static_cast<uint8_t*>(std::calloc(byte_length ? byte_length : 1, 1));
  if (!data) return false;
  adopt(data, byte_length, max_byte_length, resizable);
  return true;
}

void ArrayBufferObject::adopt(uint8_t* bytes, size_t byte_length, size_t max_byte_length, bool resizable) {
  data_ = bytes;
  byte_length_ = byte_length;
  max_byte_length_ = resizable ? max_byte_length : byte_length;
  resizable_ = resizable;
  external_ = byte_length;  // what is malloc'd (a resizable buffer grows by realloc)
  heap_->note_external_allocation(external_);
}

void ArrayBufferObject::attach_shared(std::shared_ptr<SharedDataBlock> block) {
  shared_ = std::move(block);
  data_ = shared_->data();
  max_byte_length_ = shared_->max_byte_length();
  resizable_ = shared_->growable();
  heap_->note_external_allocation(shared_->max_byte_length());
}

void ArrayBufferObject::detach() {
  std::free(release());
}

uint8_t* ArrayBufferObject::release() {
  uint8_t* data = data_;
  if (data) heap_->note_external_free(external_);
  data_ = nullptr;
  byte_length_ = 0;
  external_ = 0;
  detached_ = true;
  return data;
}

bool ArrayBufferObject::resize(size_t new_byte_length) {
  auto* data = static_cast<uint8_t*>(std::realloc(data_, new_byte_length ? new_byte_length : 1));
  if (!data) return false;
  if (new_byte_length > byte_length_) std::memset(data + byte_length_, 0, new_byte_length - byte_length_);
  heap_->note_external_free(external_);
  heap_->note_external_allocation(new_byte_length);
  external_ = new_byte_length;
  data_ = data;
  byte_length_ = new_byte_length;
  return true;
}

// ============================================================================
// Abstract operations
// ============================================================================

namespace {

[[noreturn]] void throw_allocation_failed(Vm& vm) {
  vm.throw_error(ErrorType::RangeError, "Array buffer allocation failed");
}

// Steps shared by AllocateArrayBuffer and AllocateSharedArrayBuffer:
// 1. If maxByteLength is present and byteLength > maxByteLength, throw a RangeError.
// 2-3. Let obj be ? OrdinaryCreateFromConstructor(constructor, fallback, slots).
ArrayBufferObject* create_buffer_object(Vm& vm, Value constructor, uint64_t byte_length,
                                        std::optional<uint64_t> max_byte_length, IntrinsicObject fallback,
                                        ObjectClass cls) {
  if (max_byte_length && byte_length > *max_byte_length)
    vm.throw_error(ErrorType::RangeError, "Invalid array buffer length: byteLength exceeds maxByteLength");
  gc::Rooted<Object> proto(vm.heap(), get_prototype_from_constructor(vm, constructor, fallback));
  return vm.heap().allocate<ArrayBufferObject>(vm.root_shape_for(proto), cls, &vm.heap());
}

}  // namespace

// §25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] )
ArrayBufferObject* allocate_array_buffer(Vm& vm, Value constructor, uint64_t byte_length,
                                         std::optional<uint64_t> max_byte_length) {
  // 1-4. The object first: its prototype lookup may throw before any memory is asked for.
  ArrayBufferObject* obj = create_buffer_object(vm, constructor, byte_length, max_byte_length,
                                                IntrinsicObject::ArrayBufferPrototype, ObjectClass::ArrayBuffer);
  // 5. Let block be ? CreateByteDataBlock(byteLength). (A RangeError when it cannot be had.)
  uint64_t max = max_byte_length.value_or(byte_length);
  if (byte_length > kMaxByteLength || max > kMaxByteLength) throw_allocation_failed(vm);
  // (Under --max-heap-size: a RangeError the program can catch, not the end of it.)
  gc::Rooted<ArrayBufferObject> rooted(vm.heap(), obj);
  if (!vm.heap().make_room(size_t(byte_length))) throw_allocation_failed(vm);
  if (!obj->allocate(size_t(byte_length), size_t(max), max_byte_length.has_value())) throw_allocation_failed(vm);
  return obj;
}

// §25.2.2.1 AllocateSharedArrayBuffer ( constructor, byteLength [ , maxByteLength ] )
ArrayBufferObject* allocate_shared_array_buffer(Vm& vm, Value constructor, uint64_t byte_length,
                                                std::optional<uint64_t> max_byte_length) {
  ArrayBufferObject* obj =
      create_buffer_object(vm, constructor, byte_length, max_byte_length, IntrinsicObject::SharedArrayBufferPrototype,
                           ObjectClass::SharedArrayBuffer);
  gc::Rooted<ArrayBufferObject> keep(vm.heap(), obj);
  uint64_t max = max_byte_length.value_or(byte_length);
  if (byte_length > kMaxByteLength || max > kMaxByteLength) throw_allocation_failed(vm);
  if (!vm.heap().make_room(size_t(max))) throw_allocation_failed(vm);
  // A growable block is allocated at its maximum length now, so it never moves.
  std::shared_ptr<SharedDataBlock> block =
      SharedDataBlock::create(size_t(byte_length), size_t(max), max_byte_length.has_value());
  if (!block) throw_allocation_failed(vm);
  keep->attach_shared(std::move(block));
  return keep;
}

ArrayBufferObject* shared_array_buffer_for_block(Vm& vm, std::shared_ptr<SharedDataBlock> block) {
  Object* proto = vm.intrinsics()[IntrinsicObject::SharedArrayBufferPrototype];
  ArrayBufferObject* obj =
      vm.heap().allocate<ArrayBufferObject>(vm.root_shape_for(proto), ObjectClass::SharedArrayBuffer, &vm.heap());
  obj->attach_shared(std::move(block));
  return obj;
}

// §25.1.3.5 DetachArrayBuffer ( arrayBuffer [ , key ] )
void detach_array_buffer(Vm& vm, ArrayBufferObject* buffer, Value key) {
  // 1. Assert: IsSharedArrayBuffer(arrayBuffer) is false.
  if (buffer->is_shared()) vm.throw_error(ErrorType::TypeError, "Cannot detach a SharedArrayBuffer");
  // 2-3. If SameValue(arrayBuffer.[[ArrayBufferDetachKey]], key) is false, throw a TypeError.
  if (!same_value(buffer->detach_key, key)) vm.throw_error(ErrorType::TypeError, "ArrayBuffer detach key mismatch");
  // 4-5. Set [[ArrayBufferData]] to null and [[ArrayBufferByteLength]] to 0.
  buffer->detach();
}

// §25.1.3.x RawBytesToNumeric ( type, rawBytes, isLittleEndian ), native byte order.
Value load_element(Vm& vm, const uint8_t* p, ElementType type) {
  if (type == ElementType::BigInt64) {
    int64_t v;
    std::memcpy(&v, p, sizeof v);
    return bigint_value(BigInt::from_int64(vm.heap(), v));
  }
  if (type == ElementType::BigUint64) {
    uint64_t v;
    std::memcpy(&v, p, sizeof v);
    return bigint_value(BigInt::from_limbs(vm.heap(), false, std::span<const uint64_t>(&v, 1)));
  }
  return Value::number(load_number(p, type));
}

// §25.1.3.x NumericToRawBytes ( type, value, isLittleEndian ), native byte order.
void store_element(uint8_t* p, ElementType type, Value numeric) {
  if (is_bigint_element_type(type)) {
    // ToBigInt64 / ToBigUint64 (§7.1.15, §7.1.16): the value modulo 2^64.
    BigInt* b = as_bigint(numeric);
    uint64_t low = b->is_zero() ? 0 : b->limbs()[0];
    if (b->negative()) low = 0 - low;
    std::memcpy(p, &low, sizeof low);
    return;
  }
  store_number(p, type, numeric.as_number());
}

Value to_element_numeric(Vm& vm, ElementType type, Value v) {
  if (is_bigint_element_type(type)) return to_bigint(vm, v);
  if (v.is_number()) return v;
  return Value::number(to_number(vm, v));
}

namespace {

// The host's byte order is little-endian on every platform Glass builds for
// (x86-64, AArch64); a big-endian access reverses the bytes.
void reverse_bytes(uint8_t* p, size_t n) {
  for (size_t i = 0; i < n / 2; ++i) std::swap(p[i], p[n - 1 - i]);
}

}  // namespace

// §25.1.3.15 GetValueFromBuffer ( arrayBuffer, byteIndex, type, isTypedArray, order [ , isLittleEndian ] )
Value get_value_from_buffer(Vm& vm, ArrayBufferObject* buffer, size_t byte_index, ElementType type,
                            bool little_endian) {
  // 1-5. Read the element size's bytes at byteIndex (the caller checked the bounds).
  uint8_t raw[8];
  size_t n = element_size(type);
  std::memcpy(raw, buffer->data() + byte_index, n);
  // 6. If isLittleEndian is not present, use the agent's [[LittleEndian]].
  if (!little_endian) reverse_bytes(raw, n);
  // 7. Return RawBytesToNumeric(type, rawValue, isLittleEndian).
  return load_element(vm, raw, type);
}

// §25.1.3.17 SetValueInBuffer ( arrayBuffer, byteIndex, type, value, isTypedArray, order [ , isLittleEndian ] )
void set_value_in_buffer(ArrayBufferObject* buffer, size_t byte_index, ElementType type, Value numeric,
                         bool little_endian) {
  uint8_t raw[8];
  size_t n = element_size(type);
  store_element(raw, type, numeric);
  if (!little_endian) reverse_bytes(raw, n);
  std::memcpy(buffer->data() + byte_index, raw, n);
}

}  // namespace glass
