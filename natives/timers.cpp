// Timers (Node's timers module, installed as globals): setTimeout,
// setInterval, setImmediate, their clear functions, and queueMicrotask.
//
// Each timer is a Timeout object (an Immediate for setImmediate) whose
// hidden properties hold the callback and its arguments; the runtime keeps
// it rooted by id while the loop may still fire it. The loop itself only
// stores a C++ closure holding the id.
#include <cmath>

#include "builtins/builtins.h"
#include "natives/inspector.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

// Hidden per-timer properties (symbol keys: invisible to scripts' key walks).
struct TimerKeys {
  gc::Persistent<Symbol> id, callback, args;
  gc::Persistent<Object> timeout_proto, immediate_proto;
};
TimerKeys* keys_of(Vm& vm) {
  static TimerKeys keys;  // one runtime per process
  return &keys;
}

PropertyKey key(const gc::Persistent<Symbol>& s) { return PropertyKey::of_cell(s.get()); }

uint64_t timer_id(Vm& vm, Value handle) {
  if (!handle.is_object()) return 0;
  Value id = get(vm, as_object(handle), key(keys_of(vm)->id));
  return id.is_number() ? uint64_t(id.as_number()) : 0;
}

void fire(Runtime& rt, uint64_t id) {
  Vm& vm = rt.vm();
  auto it = rt.timers.find(id);
  if (it == rt.timers.end()) return;
  gc::Rooted<Object> handle(vm.heap(), it->second.handle.get());
  if (!it->second.repeat) rt.timers.erase(it);
  RootedValue fn(vm.heap(), get(vm, handle, key(keys_of(vm)->callback)));
  gc::Rooted<Object> args(vm.heap(), as_object(get(vm, handle, key(keys_of(vm)->args))));
  ValueVector list(vm.heap());
  list.values = args->dense_elements();
  rt.call_callback(fn, object_value(handle), list.values);
}

Object* make_handle(Vm& vm, Object* proto, uint64_t id, Value fn, std::span<const Value> extra) {
  TimerKeys* k = keys_of(vm);
  RootedValue f(vm.heap(), fn);
  gc::Rooted<Object> handle(vm.heap(), vm.new_object_with_proto(proto));
  gc::Rooted<Object> args(vm.heap(), vm.new_array_from(extra));
  handle->define_own(vm.heap(), k->id.get(), Value::number(double(id)), 0);
  handle->define_own(vm.heap(), k->callback.get(), f, kWritable);
  handle->define_own(vm.heap(), k->args.get(), object_value(args), 0);
  return handle;
}

Value schedule(Vm& vm, std::span<const Value> args, bool repeat) {
  Runtime& rt = Runtime::of(vm);
  Value fn = arg(args, 0);
  if (!is_callable(fn))
    vm.throw_error(ErrorType::TypeError, "The \"callback\" argument must be of type function. Received " +
                                             to_utf8(vm, typeof_value(vm, fn)));
  double delay = to_number(vm, arg(args, 1));
  if (!(delay >= 1 && delay <= 2147483647)) delay = 1;  // Node: NaN, below 1 or too large -> 1 ms
  std::span<const Value> extra = args.size() > 2 ? args.subspan(2) : std::span<const Value>();
  // The loop's closure needs the id add_timer is about to choose.
  auto id_cell = std::make_shared<uint64_t>(0);
  Runtime* r = &rt;
  uint64_t id = rt.loop().add_timer(std::chrono::milliseconds(int64_t(delay)),
                                    [r, id_cell] { fire(*r, *id_cell); }, repeat, repeat ? "interval" : "timer");
  *id_cell = id;
  if (rt.inspector) rt.inspector->note_created(Inspector::SiteKind::Timer, id);
  Object* handle = make_handle(vm, keys_of(vm)->timeout_proto.get(), id, fn, extra);
  rt.timers[id] = Runtime::TimerRecord{gc::Persistent<Object>(vm.heap(), handle, "timer"), repeat, false};
  return object_value(handle);
}

}  // namespace

Value timer_callback(Runtime& rt, uint64_t id) {
  auto it = rt.timers.find(id);
  if (it == rt.timers.end()) return Value::undefined();
  auto p = it->second.handle.get()->get_own(keys_of(rt.vm())->callback.get());  // data: no getter runs
  return p ? p->value : Value::undefined();
}

namespace {

Value set_timeout(Vm& vm, Value, std::span<const Value> args, Value) { return schedule(vm, args, false); }
Value set_interval(Vm& vm, Value, std::span<const Value> args, Value) { return schedule(vm, args, true); }

Value clear_timer(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  Value h = arg(args, 0);
  uint64_t id = h.is_number() ? uint64_t(h.as_number()) : timer_id(vm, h);
  auto it = rt.timers.find(id);
  if (it == rt.timers.end()) return Value::undefined();
  if (!it->second.immediate) rt.loop().cancel_timer(id);
  rt.timers.erase(it);  // a cleared immediate finds no record when its turn comes
  return Value::undefined();
}

Value set_immediate(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  Value fn = arg(args, 0);
  if (!is_callable(fn))
    vm.throw_error(ErrorType::TypeError, "The \"callback\" argument must be of type function. Received " +
                                             to_utf8(vm, typeof_value(vm, fn)));
  uint64_t id = rt.next_immediate_id++;
  Runtime* r = &rt;
  rt.loop().add_immediate([r, id] { fire(*r, id); }, "immediate", id);
  if (rt.inspector) rt.inspector->note_created(Inspector::SiteKind::Immediate, id);
  std::span<const Value> extra = args.size() > 1 ? args.subspan(1) : std::span<const Value>();
  Object* handle = make_handle(vm, keys_of(vm)->immediate_proto.get(), id, fn, extra);
  rt.timers[id] = Runtime::TimerRecord{gc::Persistent<Object>(vm.heap(), handle, "immediate"), false, true};
  return object_value(handle);
}

// Timeout.prototype: ref/unref/hasRef/refresh/close, and a number as primitive (its id).
Value timeout_ref(Vm& vm, Value self, std::span<const Value>, Value) {
  Runtime& rt = Runtime::of(vm);
  uint64_t id = timer_id(vm, self);
  if (rt.loop().timer_active(id)) rt.loop().ref_timer(id);
  return self;
}
Value timeout_unref(Vm& vm, Value self, std::span<const Value>, Value) {
  Runtime& rt = Runtime::of(vm);
  uint64_t id = timer_id(vm, self);
  if (rt.loop().timer_active(id)) rt.loop().unref_timer(id);
  return self;
}
Value timeout_has_ref(Vm& vm, Value self, std::span<const Value>, Value) {
  Runtime& rt = Runtime::of(vm);
  uint64_t id = timer_id(vm, self);
  return Value::boolean(rt.loop().timer_active(id) && rt.loop().timer_has_ref(id));
}
Value timeout_close(Vm& vm, Value self, std::span<const Value>, Value) {
  Value a[1] = {self};
  clear_timer(vm, Value::undefined(), a, Value::undefined());
  return self;
}
Value timeout_to_primitive(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::number(double(timer_id(vm, self)));
}
// Immediates are always referenced here (Node lets them be unref'd; rarely used).
Value immediate_has_ref(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::boolean(Runtime::of(vm).timers.count(timer_id(vm, self)) > 0);
}
Value immediate_self(Vm&, Value self, std::span<const Value>, Value) { return self; }

Value queue_microtask(Vm& vm, Value, std::span<const Value> args, Value) {
  Value fn = arg(args, 0);
  if (!is_callable(fn))
    vm.throw_error(ErrorType::TypeError, "The \"callback\" argument must be of type function. Received " +
                                             to_utf8(vm, typeof_value(vm, fn)));
  vm.enqueue_job(fn, Value::undefined());
  return Value::undefined();
}

}  // namespace

void install_timers(Runtime& rt) {
  Vm& vm = rt.vm();
  TimerKeys* k = keys_of(vm);
  auto hidden_symbol = [&](const char* description) {
    gc::Rooted<String> d(vm.heap(), vm.new_string(description));
    return gc::Persistent<Symbol>(vm.heap(), Symbol::create(vm.heap(), d, 0), description);
  };
  k->id = hidden_symbol("timerId");
  k->callback = hidden_symbol("onTimeout");
  k->args = hidden_symbol("timerArgs");
  gc::Rooted<Object> timeout(vm.heap(), vm.new_object());
  vm.define_native(timeout, "ref", timeout_ref, 0);
  vm.define_native(timeout, "unref", timeout_unref, 0);
  vm.define_native(timeout, "hasRef", timeout_has_ref, 0);
  vm.define_native(timeout, "refresh", immediate_self, 0);
  vm.define_native(timeout, "close", timeout_close, 0);
  gc::Rooted<FunctionObject> prim(vm.heap(), vm.new_native("[Symbol.toPrimitive]", timeout_to_primitive, 1));
  vm.define_value(timeout, vm.well_known_symbol(WellKnownSymbol::toPrimitive), object_value(prim));
  k->timeout_proto = gc::Persistent<Object>(vm.heap(), timeout, "Timeout.prototype");
  gc::Rooted<Object> immediate(vm.heap(), vm.new_object());
  vm.define_native(immediate, "ref", immediate_self, 0);
  vm.define_native(immediate, "unref", immediate_self, 0);
  vm.define_native(immediate, "hasRef", immediate_has_ref, 0);
  k->immediate_proto = gc::Persistent<Object>(vm.heap(), immediate, "Immediate.prototype");
  gc::Rooted<Object> global(vm.heap(), vm.global());
  vm.define_native(global, "setTimeout", set_timeout, 2);
  vm.define_native(global, "setInterval", set_interval, 2);
  vm.define_native(global, "setImmediate", set_immediate, 1);
  vm.define_native(global, "clearTimeout", clear_timer, 1);
  vm.define_native(global, "clearInterval", clear_timer, 1);
  vm.define_native(global, "clearImmediate", clear_timer, 1);
  vm.define_native(global, "queueMicrotask", queue_microtask, 1);
}

}  // namespace glass::natives
