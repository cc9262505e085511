// ArrayBuffer and SharedArrayBuffer objects (ECMA-262 §25.1, §25.2): the
// byte storage under every typed array and DataView, and the abstract
// operations that read and write elements in it.
//
// Storage:
//   - an ArrayBuffer owns a malloc'd block (calloc: the spec's bytes start
//     at 0). A resizable one reallocates on resize(), so its data pointer
//     may move: views always reach the bytes through the buffer, never keep
//     a pointer. Detaching frees the block and sets data() to null.
//   - a SharedArrayBuffer holds a SharedDataBlock by shared_ptr. The block
//     is what agents (threads, each with its own Vm and heap) share: each
//     agent wraps it in a SharedArrayBuffer object of its own heap; no JS
//     object ever crosses threads. The block is allocated at its maximum
//     length once, so it never moves while another thread reads it, and a
//     growable one only raises its length (atomically).
// The heap is told about the block's bytes (gc::Heap::note_external_*) so
// that a loop making big buffers collects the dead ones in time.
//
// Element reads and writes (§25.1.3.15 GetValueFromBuffer, §25.1.3.17
// SetValueInBuffer) go through load_element/store_element: one switch over
// the element types of element_type.h, memcpy for the access (views may be
// unaligned: DataView), byte order native unless a DataView asks.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "objects/object.h"
#include "util/float16.h"
#include "vm/element_type.h"
#include "vm/intrinsics.h"

namespace glass {

class Vm;

// The most bytes one buffer may hold (a larger request is a RangeError).
// Every index of a typed array then fits a uint32 array-index key.
constexpr uint64_t kMaxByteLength = 0xFFFFFFFFull;

struct Waiter;

// Where notify leaves the asynchronous waiters (Atomics.waitAsync) of one
// agent; the agent's thread settles them (builtins/atomics.h).
struct AsyncWaiterInbox {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<Waiter*> notified;
};

// A Waiter Record (§25.4.3.x): an agent waiting on one location of a shared
// block, in the block's list while it waits. A synchronous one (Atomics.wait)
// is a thread asleep on `sleeping`; an asynchronous one is handed to its
// agent's inbox when notified.
struct Waiter {
  size_t byte_index;
  bool notified = false;
  std::condition_variable* sleeping = nullptr;
  std::shared_ptr<AsyncWaiterInbox> inbox;
};

// A Shared Data Block (§6.2.9.1): memory several agents may hold at once.
class SharedDataBlock {
 public:
  // Null when the memory cannot be had.
  static std::shared_ptr<SharedDataBlock> create(size_t byte_length, size_t max_byte_length, bool growable);
  ~SharedDataBlock();
  SharedDataBlock(const SharedDataBlock&) = delete;
  SharedDataBlock& operator=(const SharedDataBlock&) = delete;

  uint8_t* data() const { return data_; }
  size_t byte_length() const { return byte_length_.load(std::memory_order_seq_cst); }
  size_t max_byte_length() const { return max_byte_length_; }
  bool growable() const { return growable_; }
  // SharedArrayBuffer.prototype.grow's update of [[ArrayBufferByteLength]]:
  // false if another agent made the block longer than `new_length` first.
  bool grow(size_t new_length);

  // The WaiterList of every location in this block (§25.4.3.x): Atomics.wait
  // and notify take `waiters_mutex` as the spec's critical section.
  std::mutex waiters_mutex;
  std::list<Waiter*> waiters;

 private:
  SharedDataBlock(uint8_t* data, size_t byte_length, size_t max_byte_length, bool growable)
      : data_(data), byte_length_(byte_length), max_byte_length_(max_byte_length), growable_(growable) {}
  uint8_t* data_;
  std::atomic<size_t> byte_length_;
  size_t max_byte_length_;
  bool growable_;
};

class ArrayBufferObject final : public Object {
 public:
  ArrayBufferObject(Shape* shape, ObjectClass cls, gc::Heap* heap)
      : Object(shape, cls), detach_key(Value::undefined()), heap_(heap) {}
  ~ArrayBufferObject() override;

  bool is_shared() const { return object_class() == ObjectClass::SharedArrayBuffer; }
  // §25.1.3.4 IsDetachedBuffer.
  bool is_detached() const { return detached_; }
  // The bytes; null when detached (and possibly for a zero-length buffer).
  uint8_t* data() const { return data_; }
  // [[ArrayBufferByteLength]] (0 once detached); for a growable shared
  // buffer, the block's current length (a seq-cst read).
  size_t byte_length() const { return shared_ ? shared_->byte_length() : byte_length_; }
  // [[ArrayBufferMaxByteLength]]: the byte length, unless resizable/growable.
  size_t max_byte_length() const { return max_byte_length_; }
  // §25.1.3.x IsFixedLengthArrayBuffer: neither resizable nor growable.
  bool is_fixed_length() const { return !resizable_; }
  const std::shared_ptr<SharedDataBlock>& shared_block() const { return shared_; }

  // [[ArrayBufferDetachKey]]
  Value detach_key;

  // ---- storage (the abstract operations below call these) ----
  // Zeroed bytes; `resizable` keeps max_byte_length apart. False when the
  // memory cannot be had (the caller throws the RangeError).
  bool allocate(size_t byte_length, size_t max_byte_length, bool resizable);
  // Takes over `bytes` (malloc'd, byte_length long): ArrayBufferCopyAndDetach.
  void adopt(uint8_t* bytes, size_t byte_length, size_t max_byte_length, bool resizable);
  // A SharedArrayBuffer over a block (new, or another agent's).
  void attach_shared(std::shared_ptr<SharedDataBlock> block);
  // Detaches: the block is freed (or handed to the caller with release()).
  void detach();
  // The block, for a transfer: the buffer is detached and no longer owns it.
  uint8_t* release();
  // ArrayBuffer.prototype.resize: new bytes are zero. False when the memory cannot be had.
  bool resize(size_t new_byte_length);

  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, detach_key);
  }
  const char* cell_name() const override { return is_shared() ? "SharedArrayBuffer" : "ArrayBuffer"; }

 private:
  uint8_t* data_ = nullptr;
  size_t byte_length_ = 0;
  size_t max_byte_length_ = 0;
  bool resizable_ = false;
  bool detached_ = false;
  size_t external_ = 0;  // the bytes this buffer has told the heap about (not shared)
  std::shared_ptr<SharedDataBlock> shared_;
  gc::Heap* heap_;  // told when the block's memory comes and goes
};

inline ArrayBufferObject* as_array_buffer(Object* o) {
  return o->object_class() == ObjectClass::ArrayBuffer || o->object_class() == ObjectClass::SharedArrayBuffer
             ? static_cast<ArrayBufferObject*>(o)
             : nullptr;
}

// ---- abstract operations -------------------------------------------------------

// §25.1.3.1 AllocateArrayBuffer ( constructor, byteLength [ , maxByteLength ] ):
// a new ArrayBuffer whose prototype comes from `constructor` (new.target),
// resizable when max_byte_length is given. RangeError past the limits.
ArrayBufferObject* allocate_array_buffer(Vm& vm, Value constructor, uint64_t byte_length,
                                         std::optional<uint64_t> max_byte_length = std::nullopt);
// §25.2.2.1 AllocateSharedArrayBuffer ( constructor, byteLength [ , maxByteLength ] )
ArrayBufferObject* allocate_shared_array_buffer(Vm& vm, Value constructor, uint64_t byte_length,
                                                std::optional<uint64_t> max_byte_length = std::nullopt);
// A SharedArrayBuffer of the current realm over an existing block (an agent's broadcast).
ArrayBufferObject* shared_array_buffer_for_block(Vm& vm, std::shared_ptr<SharedDataBlock> block);
// §25.1.3.5 DetachArrayBuffer ( arrayBuffer [ , key ] ): TypeError when the key does not match.
void detach_array_buffer(Vm& vm, ArrayBufferObject* buffer, Value key = Value::undefined());

// §25.1.3.x RawBytesToNumeric for a non-BigInt type: the element at `p` as a Number.
inline double load_number(const uint8_t* p, ElementType type) {
  switch (type) {
#define GLASS_LOAD(T, CType)         \
  case ElementType::T: {             \
    CType v;                         \
    std::memcpy(&v, p, sizeof v);    \
    return double(v);                \
  }
    GLASS_LOAD(Int8, int8_t)
    GLASS_LOAD(Uint8, uint8_t)
    GLASS_LOAD(Uint8Clamped, uint8_t)
    GLASS_LOAD(Int16, int16_t)
    GLASS_LOAD(Uint16, uint16_t)
    GLASS_LOAD(Int32, int32_t)
    GLASS_LOAD(Uint32, uint32_t)
    GLASS_LOAD(Float32, float)
    GLASS_LOAD(Float64, double)
#undef GLASS_LOAD
    case ElementType::Float16: {
      uint16_t bits;
      std::memcpy(&bits, p, sizeof bits);
      return float16_to_double(bits);
    }
    default: return 0;  // BigInt types: load_element
  }
}

// The conversion operations of Table 71 for Numbers (§7.1.6-§7.1.11:
// ToInt8 ... ToUint32 are modular; ToUint8Clamp rounds half to even).
inline uint32_t number_to_uint32_bits(double d) {
  if (d >= 0 && d < 4294967296.0) return uint32_t(int64_t(d));  // (truncates toward zero)
  if (d > -2147483649.0 && d < 0) return uint32_t(int32_t(d));
  if (!std::isfinite(d)) return 0;
  double m = std::fmod(std::trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  return uint32_t(m);
}
inline uint8_t to_uint8_clamp(double d) {
  if (!(d > 0)) return 0;  // NaN too
  if (d >= 255) return 255;
  return uint8_t(std::nearbyint(d));  // ties to even (the default rounding mode)
}

// §25.1.3.x NumericToRawBytes for a non-BigInt type: `number` stored at `p`.
inline void store_number(uint8_t* p, ElementType type, double number) {
  switch (type) {
    case ElementType::Int8:
    case ElementType::Uint8: *p = uint8_t(number_to_uint32_bits(number)); return;
    case ElementType::Uint8Clamped: *p = to_uint8_clamp(number); return;
    case ElementType::Int16:
    case ElementType::Uint16: {
      uint16_t v = uint16_t(number_to_uint32_bits(number));
      std::memcpy(p, &v, sizeof v);
      return;
    }
    case ElementType::Int32:
    case ElementType::Uint32: {
      uint32_t v = number_to_uint32_bits(number);
      std::memcpy(p, &v, sizeof v);
      return;
    }
    case ElementType::Float16: {
      uint16_t v = float16_from_double(number);
      std::memcpy(p, &v, sizeof v);
      return;
    }
    case ElementType::Float32: {
      float v = float(number);
      std::memcpy(p, &v, sizeof v);
      return;
    }
    case ElementType::Float64: std::memcpy(p, &number, sizeof number); return;
    default: return;  // BigInt types: store_element
  }
}

// RawBytesToNumeric: the element at `p` (native byte order) as a Number or a
// BigInt (which allocates).
Value load_element(Vm& vm, const uint8_t* p, ElementType type);
// NumericToRawBytes: `numeric` (already a Number, or a BigInt for the BigInt
// types, as ToNumber/ToBigInt made it) stored at `p` in native byte order.
void store_element(uint8_t* p, ElementType type, Value numeric);
// The value converted for an element of `type` (§7.1.4 ToNumber or §7.1.13
// ToBigInt): may run JS (valueOf) and throw.
Value to_element_numeric(Vm& vm, ElementType type, Value v);

// §25.1.3.15 GetValueFromBuffer / §25.1.3.17 SetValueInBuffer for DataView
// (any alignment, either byte order). `numeric` has been converted.
Value get_value_from_buffer(Vm& vm, ArrayBufferObject* buffer, size_t byte_index, ElementType type,
                            bool little_endian);
void set_value_in_buffer(ArrayBufferObject* buffer, size_t byte_index, ElementType type, Value numeric,
                         bool little_endian);

}  // namespace glass
