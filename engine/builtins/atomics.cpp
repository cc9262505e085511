// The Atomics object (ECMA-262 §25.4): atomic reads and read-modify-writes
// of integer typed arrays, and wait/notify on shared memory.
//
// Memory: every access goes through std::atomic_ref on the element (typed
// arrays are aligned to their element size), seq-cst, so agents on other
// threads see a consistent order. Waiting: each SharedDataBlock has one
// mutex (the spec's critical section) and one list of Waiter records; a
// thread in Atomics.wait sleeps on a condition variable of its own, and
// notify wakes the first `count` waiters on the location, in order.
// Atomics.waitAsync leaves a Waiter in the list whose promise this agent
// resolves later: see atomics.h for how a host drives that.
#include "builtins/atomics.h"

#include <atomic>
#include <cmath>
#include <list>
#include <thread>

#include "builtins/promise.h"
#include "builtins/typed_array.h"

namespace glass {

namespace {

// ============================================================================
// Validation (§25.4.3.1 - §25.4.3.4)
// ============================================================================

// §25.4.3.1 ValidateIntegerTypedArray ( typedArray, waitable )
TypedArrayWithBufferWitness validate_integer_typed_array(Vm& vm, Value typed_array, bool waitable) {
  // 1. Let taRecord be ? ValidateTypedArray(typedArray, unordered).
  TypedArrayWithBufferWitness record = validate_typed_array(vm, typed_array, "Atomics operation");
  ElementType type = record.object->type;
  if (waitable) {
    // 3. Only Int32Array and BigInt64Array can be waited on.
    if (type != ElementType::Int32 && type != ElementType::BigInt64)
      vm.throw_error(ErrorType::TypeError, "Atomics.wait and notify take an Int32Array or a BigInt64Array");
  } else if (!is_unclamped_integer_element_type(type) && !is_bigint_element_type(type)) {
    // 4. Otherwise any integer type but Uint8Clamped.
    vm.throw_error(ErrorType::TypeError, "Atomics operations take an integer typed array");
  }
  // 5. Return taRecord.
  return record;
}

// §25.4.3.2 ValidateAtomicAccess ( taRecord, requestIndex ): the element's byte index in the buffer.
size_t validate_atomic_access(Vm& vm, const TypedArrayWithBufferWitness& record, Value request_index) {
  // 1. Let length be TypedArrayLength(taRecord).
  size_t length = typed_array_length(record);
  // 2. Let accessIndex be ? ToIndex(requestIndex).
  uint64_t access_index = to_index(vm, request_index);
  // 4. If accessIndex ≥ length, throw a RangeError exception.
  if (access_index >= length) vm.throw_error(ErrorType::RangeError, "Invalid atomic access index");
  // 5-7. Return (accessIndex × elementSize) + offset.
  return (size_t(access_index) << record.object->shift) + record.object->byte_offset;
}

// §25.4.3.3 ValidateAtomicAccessOnIntegerTypedArray ( typedArray, requestIndex )
size_t validate_atomic_access_on_integer_typed_array(Vm& vm, Value typed_array, Value request_index) {
  TypedArrayWithBufferWitness record = validate_integer_typed_array(vm, typed_array, false);
  return validate_atomic_access(vm, record, request_index);
}

// §25.4.3.4 RevalidateAtomicAccess ( typedArray, byteIndexInBuffer ): the
// conversions of the value arguments may have detached or shrunk the buffer.
void revalidate_atomic_access(Vm& vm, TypedArrayObject* ta, size_t byte_index) {
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(ta);
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError, "Atomics operation on a detached or out of bounds TypedArray");
  if (byte_index >= *record.cached_buffer_byte_length) vm.throw_error(ErrorType::RangeError, "Invalid atomic access index");
}

// The typed array argument once validated (rooted by the caller's args).
TypedArrayObject* typed_array_arg(Value v) { return static_cast<TypedArrayObject*>(as_object(v)); }

// The value argument converted for the array's element type: ? ToBigInt(v),
// or 𝔽(? ToIntegerOrInfinity(v)).
Value atomic_operand(Vm& vm, TypedArrayObject* ta, Value v) {
  if (is_bigint_element_type(ta->type)) return to_bigint(vm, v);
  return Value::number(to_integer_or_infinity(vm, v));
}

// ============================================================================
// Atomic access to the bytes
// ============================================================================

enum class Op : uint8_t { Load, Store, Add, And, Exchange, Or, Sub, Xor, CompareExchange };

// The element's bits as an unsigned integer of its size, atomically: `op`
// with `operand` (and `replacement` for CompareExchange). Returns the bits
// the element held before.
template <class U>
uint64_t atomic_bits(uint8_t* p, Op op, U operand, U replacement) {
  std::atomic_ref<U> cell(*reinterpret_cast<U*>(p));
  switch (op) {
    case Op::Load: return cell.load();
    case Op::Store: cell.store(operand); return operand;
    case Op::Add: return cell.fetch_add(operand);
    case Op::And: return cell.fetch_and(operand);
    case Op::Exchange: return cell.exchange(operand);
    case Op::Or: return cell.fetch_or(operand);
    case Op::Sub: return cell.fetch_sub(operand);
    case Op::Xor: return cell.fetch_xor(operand);
    case Op::CompareExchange: {
      U expected = operand;
      cell.compare_exchange_strong(expected, replacement);
      return expected;  // the value read, whether or not it was replaced
    }
  }
  return 0;
}

uint64_t atomic_access(uint8_t* p, size_t size, Op op, uint64_t operand, uint64_t replacement = 0) {
  switch (size) {
    case 1: return atomic_bits<uint8_t>(p, op, uint8_t(operand), uint8_t(replacement));
    case 2: return atomic_bits<uint16_t>(p, op, uint16_t(operand), uint16_t(replacement));
    case 4: return atomic_bits<uint32_t>(p, op, uint32_t(operand), uint32_t(replacement));
    default: return atomic_bits<uint64_t>(p, op, operand, replacement);
  }
}

// NumericToRawBytes as an integer of the element's size.
uint64_t raw_bits(ElementType type, Value numeric) {
  uint8_t raw[8] = {};
  store_element(raw, type, numeric);
  uint64_t bits = 0;
  std::memcpy(&bits, raw, element_size(type));  // (little-endian host)
  return bits;
}

// RawBytesToNumeric of an element's bits.
Value numeric_of_bits(Vm& vm, ElementType type, uint64_t bits) {
  uint8_t raw[8];
  std::memcpy(raw, &bits, sizeof raw);
  return load_element(vm, raw, type);
}

// §25.4.3.17 AtomicReadModifyWrite ( typedArray, index, value, op )
Value atomic_read_modify_write(Vm& vm, std::span<const Value> args, Op op) {
  // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
  size_t byte_index = validate_atomic_access_on_integer_typed_array(vm, arg(args, 0), arg(args, 1));
  TypedArrayObject* ta = typed_array_arg(arg(args, 0));
  // 2-3. Convert the value.
  RootedValue v(vm.heap(), atomic_operand(vm, ta, arg(args, 2)));
  // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
  revalidate_atomic_access(vm, ta, byte_index);
  // 5-7. Return GetModifySetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, op).
  uint64_t old = atomic_access(ta->buffer->data() + byte_index, element_size(ta->type), op, raw_bits(ta->type, v));
  return numeric_of_bits(vm, ta->type, old);
}

// ============================================================================
// The functions
// ============================================================================

// §25.4.4 Atomics.add, §25.4.5 and, §25.4.9 exchange, §25.4.13 or, §25.4.15 sub, §25.4.17 xor
template <Op op>
Value atomics_rmw(Vm& vm, Value, std::span<const Value> args, Value) {
  return atomic_read_modify_write(vm, args, op);
}

// §25.4.6 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue )
Value atomics_compare_exchange(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
  size_t byte_index = validate_atomic_access_on_integer_typed_array(vm, arg(args, 0), arg(args, 1));
  TypedArrayObject* ta = typed_array_arg(arg(args, 0));
  // 2-5. Convert the expected and the replacement value.
  RootedValue expected(vm.heap(), atomic_operand(vm, ta, arg(args, 2)));
  RootedValue replacement(vm.heap(), atomic_operand(vm, ta, arg(args, 3)));
  // 6. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
  revalidate_atomic_access(vm, ta, byte_index);
  // 7-15. Compare the raw bytes and exchange them when equal; return what was read.
  uint64_t old = atomic_access(ta->buffer->data() + byte_index, element_size(ta->type), Op::CompareExchange,
                               raw_bits(ta->type, expected), raw_bits(ta->type, replacement));
  return numeric_of_bits(vm, ta->type, old);
}

// §25.4.7 Atomics.isLockFree ( size ): every size up to 8 is lock-free on the targets Glass builds for.
Value atomics_is_lock_free(Vm& vm, Value, std::span<const Value> args, Value) {
  double n = to_integer_or_infinity(vm, arg(args, 0));
  return Value::boolean(n == 1 || n == 2 || n == 4 || n == 8);
}

// §25.4.8 Atomics.load ( typedArray, index )
Value atomics_load(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
  size_t byte_index = validate_atomic_access_on_integer_typed_array(vm, arg(args, 0), arg(args, 1));
  TypedArrayObject* ta = typed_array_arg(arg(args, 0));
  // 2. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
  revalidate_atomic_access(vm, ta, byte_index);
  // 3-5. Return GetValueFromBuffer(buffer, byteIndexInBuffer, elementType, true, seq-cst).
  uint64_t bits = atomic_access(ta->buffer->data() + byte_index, element_size(ta->type), Op::Load, 0);
  return numeric_of_bits(vm, ta->type, bits);
}

// §25.4.14 Atomics.store ( typedArray, index, value )
Value atomics_store(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let byteIndexInBuffer be ? ValidateAtomicAccessOnIntegerTypedArray(typedArray, index).
  size_t byte_index = validate_atomic_access_on_integer_typed_array(vm, arg(args, 0), arg(args, 1));
  TypedArrayObject* ta = typed_array_arg(arg(args, 0));
  // 2-3. Let v be ? ToBigInt(value), or 𝔽(? ToIntegerOrInfinity(value)).
  RootedValue v(vm.heap(), atomic_operand(vm, ta, arg(args, 2)));
  // 4. Perform ? RevalidateAtomicAccess(typedArray, byteIndexInBuffer).
  revalidate_atomic_access(vm, ta, byte_index);
  // 5-7. Perform SetValueInBuffer(buffer, byteIndexInBuffer, elementType, v, true, seq-cst); return v.
  atomic_access(ta->buffer->data() + byte_index, element_size(ta->type), Op::Store, raw_bits(ta->type, v));
  return v;
}

// §25.4.11 Atomics.pause ( [ N ] ): a hint that this agent is spinning.
Value atomics_pause(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. If N is neither undefined nor an integral Number, throw a TypeError exception.
  Value n = arg(args, 0);
  if (!n.is_undefined() && !(n.is_number() && std::isfinite(n.as_number()) && n.as_number() == std::trunc(n.as_number())))
    vm.throw_error(ErrorType::TypeError, "Atomics.pause takes an integral Number");
  // 2. Signal the CPU that this is a spin-wait loop.
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
  return Value::undefined();
}

// ============================================================================
// Waiting (§25.4.3.14 DoWait, §25.4.16 Atomics.notify)
// ============================================================================

// An asynchronous wait this agent has pending: its Waiter in a block's
// list, the block (kept alive), and the promise to settle.
struct AsyncWait {
  std::unique_ptr<Waiter> waiter;
  std::shared_ptr<SharedDataBlock> block;
  Value promise;
  std::optional<AtomicsClock::time_point> deadline;
};

// This agent's pending asynchronous waits, held by the initial realm (the
// intrinsic AgentAsyncWaits) so the GC sees their promises. When the Vm dies
// it takes its waiters out of the blocks' lists: another agent may still
// hold a block and notify it.
class AsyncWaitList final : public Object {
 public:
  std::list<AsyncWait> waits;
  std::shared_ptr<AsyncWaiterInbox> inbox = std::make_shared<AsyncWaiterInbox>();

  explicit AsyncWaitList(Shape* shape) : Object(shape) {}
  ~AsyncWaitList() override {
    for (AsyncWait& w : waits) {
      std::lock_guard lock(w.block->waiters_mutex);
      w.block->waiters.remove(w.waiter.get());
    }
  }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    for (AsyncWait& w : waits) trace_value(tracer, w.promise);
  }
  const char* cell_name() const override { return "AsyncWaitList"; }
};

AsyncWaitList* async_wait_list(Vm& vm, bool create) {
  Object*& slot = vm.initial_realm()->intrinsics[IntrinsicObject::AgentAsyncWaits];
  if (!slot && create) slot = vm.heap().allocate<AsyncWaitList>(vm.intrinsics()[IntrinsicShape::NullProtoShape]);
  return static_cast<AsyncWaitList*>(slot);
}

// Resolves a waitAsync promise: the job EnqueueResolveInAgentJob queues.
Value resolve_wait_job(Vm& vm, Value, std::span<const Value> args, Value) {
  promise_settle(vm, as_object(vm.current_native()->native_data), arg(args, 0), false);
  return Value::undefined();
}

// EnqueueResolveInAgentJob ( agentSignifier, promiseCapability, resolution ): on this agent.
void enqueue_resolve_in_agent_job(Vm& vm, Value promise, const char* resolution) {
  RootedValue p(vm.heap(), promise);
  gc::Rooted<FunctionObject> job(vm.heap(), vm.new_native("", resolve_wait_job, 1));
  job->native_data = p;
  RootedValue result(vm.heap(), string_value(vm.intern(resolution)));
  vm.enqueue_job(object_value(job), result);
}

// The milliseconds of a timeout argument as a deadline (none: +∞).
std::optional<AtomicsClock::time_point> deadline_after(double t) {
  if (!(t < 1e15)) return std::nullopt;  // +∞, or centuries: never
  return AtomicsClock::now() + std::chrono::duration_cast<AtomicsClock::duration>(std::chrono::duration<double, std::milli>(t));
}

enum class WaitMode { Sync, Async };

// §25.4.3.14 DoWait ( mode, typedArray, index, value, timeout )
Value do_wait(Vm& vm, WaitMode mode, std::span<const Value> args) {
  // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
  TypedArrayWithBufferWitness record = validate_integer_typed_array(vm, arg(args, 0), true);
  gc::Rooted<TypedArrayObject> ta(vm.heap(), record.object);
  // 2-3. If IsSharedArrayBuffer(buffer) is false, throw a TypeError exception.
  if (!ta->buffer->is_shared()) vm.throw_error(ErrorType::TypeError, "Atomics.wait needs a shared typed array");
  // 4. Let i be ? ValidateAtomicAccess(taRecord, index).
  size_t byte_index = validate_atomic_access(vm, record, arg(args, 1));
  // 5-7. Let v be ? ToBigInt64(value) or ? ToInt32(value).
  RootedValue v(vm.heap());
  if (ta->type == ElementType::BigInt64) v = to_bigint(vm, arg(args, 2));
  else v = Value::int32(to_int32(vm, arg(args, 2)));
  // 8-9. Let q be ? ToNumber(timeout); t: NaN and +∞ wait forever, negative is 0.
  double q = arg(args, 3).is_undefined() ? NAN : to_number(vm, arg(args, 3));
  double t = q != q ? INFINITY : std::max(q, 0.0);
  // 10. AgentCanSuspend() is true for every agent of Glass (the main thread may block, as in Node).
  // 11-14. The block, and its waiter list (WL).
  std::shared_ptr<SharedDataBlock> block = ta->buffer->shared_block();
  uint64_t expected = raw_bits(ta->type, v);
  size_t size = element_size(ta->type);
  // 16. Async: a promise capability and the result object.
  gc::Rooted<Object> result(vm.heap());
  gc::Rooted<Object> promise(vm.heap());
  AsyncWaitList* list = nullptr;
  if (mode == WaitMode::Async) {
    result = vm.new_object();
    promise = promise_create(vm);
    list = async_wait_list(vm, true);
  }
  auto async_result = [&](Value is_async, Value value) {
    create_data_property_or_throw(vm, result, key_of(vm, "async"), is_async);
    create_data_property_or_throw(vm, result, key_of(vm, "value"), value);
    return object_value(result);
  };
  std::unique_lock lock(block->waiters_mutex);  // 17. EnterCriticalSection(WL).
  // 18-20. Let w be GetValueFromBuffer(..., seq-cst); if v ≠ w, "not-equal".
  uint64_t w = atomic_access(block->data() + byte_index, size, Op::Load, 0);
  if (w != expected) {
    lock.unlock();
    if (mode == WaitMode::Sync) return string_value(vm.intern("not-equal"));
    return async_result(Value::boolean(false), string_value(vm.intern("not-equal")));
  }
  // 21. An async wait with no time to wait is over at once.
  if (t == 0 && mode == WaitMode::Async) {
    lock.unlock();
    return async_result(Value::boolean(false), string_value(vm.intern("timed-out")));
  }
  std::optional<AtomicsClock::time_point> deadline = deadline_after(t);
  if (mode == WaitMode::Sync) {
    // 27-29. AddWaiter(WL, waiterRecord); SuspendThisAgent(WL, waiterRecord).
    std::condition_variable sleeping;
    Waiter waiter{byte_index, false, &sleeping, nullptr};
    block->waiters.push_back(&waiter);
    if (deadline) sleeping.wait_until(lock, *deadline, [&] { return waiter.notified; });
    else sleeping.wait(lock, [&] { return waiter.notified; });
    // Timed out: leave the list (notify removes the ones it wakes).
    if (!waiter.notified) block->waiters.remove(&waiter);
    lock.unlock();
    // 32. Return waiterRecord.[[Result]].
    return string_value(vm.intern(waiter.notified ? "ok" : "timed-out"));
  }
  // 27-30. AddWaiter; its timeout is watched by settle_async_waits.
  auto waiter = std::make_unique<Waiter>(Waiter{byte_index, false, nullptr, list->inbox});
  block->waiters.push_back(waiter.get());
  lock.unlock();  // 31. LeaveCriticalSection(WL).
  list->waits.push_back(AsyncWait{std::move(waiter), std::move(block), object_value(promise), deadline});
  // 33. Return { async: true, value: promise }.
  return async_result(Value::boolean(true), object_value(promise));
}

// §25.4.12 Atomics.wait ( typedArray, index, value, timeout )
Value atomics_wait(Vm& vm, Value, std::span<const Value> args, Value) { return do_wait(vm, WaitMode::Sync, args); }

// §25.4.13 Atomics.waitAsync ( typedArray, index, value, timeout )
Value atomics_wait_async(Vm& vm, Value, std::span<const Value> args, Value) { return do_wait(vm, WaitMode::Async, args); }

// §25.4.16 Atomics.notify ( typedArray, index, count )
Value atomics_notify(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let taRecord be ? ValidateIntegerTypedArray(typedArray, true).
  TypedArrayWithBufferWitness record = validate_integer_typed_array(vm, arg(args, 0), true);
  gc::Rooted<TypedArrayObject> ta(vm.heap(), record.object);
  // 2. Let byteIndexInBuffer be ? ValidateAtomicAccess(taRecord, index).
  size_t byte_index = validate_atomic_access(vm, record, arg(args, 1));
  // 3-4. c: +∞ when count is undefined, else max(? ToIntegerOrInfinity(count), 0).
  double c = arg(args, 2).is_undefined() ? INFINITY : std::max(to_integer_or_infinity(vm, arg(args, 2)), 0.0);
  // 7. If IsSharedArrayBuffer(buffer) is false, return +0𝔽.
  if (!ta->buffer->is_shared()) return Value::int32(0);
  std::shared_ptr<SharedDataBlock> block = ta->buffer->shared_block();
  // 9-12. In the critical section: RemoveWaiters(WL, c) and NotifyWaiter for each.
  double n = 0;
  {
    std::lock_guard lock(block->waiters_mutex);
    for (auto it = block->waiters.begin(); it != block->waiters.end() && n < c;) {
      Waiter* w = *it;
      if (w->byte_index != byte_index) {
        ++it;
        continue;
      }
      it = block->waiters.erase(it);
      w->notified = true;
      if (w->sleeping) {
        w->sleeping->notify_one();
      } else {
        std::lock_guard inbox_lock(w->inbox->mutex);
        w->inbox->notified.push_back(w);
        w->inbox->cv.notify_one();
      }
      ++n;
    }
  }
  // A wait of this very agent is settled now: its job is queued before this returns.
  if (has_pending_async_waits(vm)) settle_async_waits(vm);
  // 13-14. Return 𝔽(n).
  return Value::number(n);
}

}  // namespace

bool has_pending_async_waits(Vm& vm) {
  AsyncWaitList* list = async_wait_list(vm, false);
  return list && !list->waits.empty();
}

std::optional<AtomicsClock::time_point> settle_async_waits(Vm& vm) {
  gc::Rooted<AsyncWaitList> list(vm.heap(), async_wait_list(vm, false));
  if (!list) return std::nullopt;
  {
    // The waits other agents (or this one) notified: the inbox only says which.
    std::lock_guard lock(list->inbox->mutex);
    list->inbox->notified.clear();
  }
  std::optional<AtomicsClock::time_point> next;
  AtomicsClock::time_point now = AtomicsClock::now();
  for (auto it = list->waits.begin(); it != list->waits.end();) {
    bool notified, timed_out = false;
    {
      std::lock_guard lock(it->block->waiters_mutex);
      notified = it->waiter->notified;
      if (!notified && it->deadline && *it->deadline <= now) {
        it->block->waiters.remove(it->waiter.get());  // the timeout job of §25.4.3.x EnqueueAtomicsWaitAsyncTimeoutJob
        timed_out = true;
      }
    }
    if (!notified && !timed_out) {
      if (it->deadline && (!next || *it->deadline < *next)) next = it->deadline;
      ++it;
      continue;
    }
    RootedValue promise(vm.heap(), it->promise);
    it = list->waits.erase(it);
    enqueue_resolve_in_agent_job(vm, promise, notified ? "ok" : "timed-out");
  }
  return next;
}

void wait_for_async_waits(Vm& vm, std::optional<AtomicsClock::time_point> until) {
  AsyncWaitList* list = async_wait_list(vm, false);
  if (!list) return;
  std::shared_ptr<AsyncWaiterInbox> inbox = list->inbox;
  std::unique_lock lock(inbox->mutex);
  auto arrived = [&] { return !inbox->notified.empty(); };
  if (until) inbox->cv.wait_until(lock, *until, arrived);
  else inbox->cv.wait(lock, arrived);
}

void install_atomics(Vm& vm) {
  gc::Rooted<Object> atomics(vm.heap(), vm.new_object());
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } functions[] = {
      {"add", atomics_rmw<Op::Add>, 3},
      {"and", atomics_rmw<Op::And>, 3},
      {"compareExchange", atomics_compare_exchange, 4},
      {"exchange", atomics_rmw<Op::Exchange>, 3},
      {"isLockFree", atomics_is_lock_free, 1},
      {"load", atomics_load, 2},
      {"notify", atomics_notify, 3},
      {"or", atomics_rmw<Op::Or>, 3},
      {"pause", atomics_pause, 0},
      {"store", atomics_store, 3},
      {"sub", atomics_rmw<Op::Sub>, 3},
      {"wait", atomics_wait, 4},
      {"waitAsync", atomics_wait_async, 4},
      {"xor", atomics_rmw<Op::Xor>, 3},
  };
  for (auto& f : functions) vm.define_native(atomics, f.name, f.fn, f.length);
  define_tag(vm, atomics, "Atomics");
  define_global(vm, "Atomics", object_value(atomics));
}

}  // namespace glass
