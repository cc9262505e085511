// internal:util — what lib/internal/util/inspect.js and util.types need to
// know about a value that JavaScript itself cannot ask: a promise's state, a
// proxy's target and handler, a collection's entries without iterating it,
// the engine's class of an object, the primitive in a wrapper. Nothing here
// runs JavaScript (a Proxy's traps are never called).
#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "builtins/proxy.h"
#include "natives/runtime.h"
#include "vm/box.h"

namespace glass::natives {

namespace {

// [state, result]: state 0 pending, 1 fulfilled, 2 rejected; undefined if not a promise.
Value get_promise_details(Vm& vm, Value, std::span<const Value> args, Value) {
  Value p = arg(args, 0);
  if (!p.is_object() || as_object(p)->object_class() != ObjectClass::Promise) return Value::undefined();
  Object* promise = as_object(p);
  PromiseStatus status = promise_status(promise);
  Value parts[2] = {Value::number(status == PromiseStatus::Pending ? 0 : status == PromiseStatus::Fulfilled ? 1 : 2),
                    promise_result(promise)};
  return object_value(vm.new_array_from(parts));
}

// getProxyDetails(value, full): undefined if not a proxy; else [target, handler]
// (full) or the target; null parts once revoked.
Value get_proxy_details(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_object()) return Value::undefined();
  ProxyObject* record = proxy_record(as_object(v));
  if (!record) return Value::undefined();
  if (!to_boolean(arg(args, 1))) return record->target;
  Value parts[2] = {record->target, record->handler};
  return object_value(vm.new_array_from(parts));
}

// previewEntries(value): [entries, isKeyValue] for Map, Set, WeakMap, WeakSet
// and Map/Set iterators (what is left, not consumed); undefined otherwise.
Value preview_entries(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_object()) return Value::undefined();
  ValueVector entries(vm.heap());
  bool key_value = false;
  if (!collection_preview(as_object(v), entries.values, key_value)) return Value::undefined();
  gc::Rooted<Object> list(vm.heap(), vm.new_array_from(entries.values));
  Value parts[2] = {object_value(list), Value::boolean(key_value)};
  return object_value(vm.new_array_from(parts));
}

const char* function_class(FunctionObject* f) {
  if (f->kind != FunctionKind::Bytecode || !f->tmpl) return "Function";
  const bytecode::CompiledFunction* code = f->tmpl->code;
  if (code->is_async && code->is_generator) return "AsyncGeneratorFunction";
  if (code->is_async) return "AsyncFunction";
  if (code->is_generator) return "GeneratorFunction";
  return "Function";
}

// The engine's class of an object, by name (util.types and inspect's
// dispatch); "" for primitives.
Value internal_class(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_object()) return string_value(vm.atom(WellKnownAtom::empty));
  Object* o = as_object(v);
  const char* name = "Object";
  switch (o->object_class()) {
    case ObjectClass::Ordinary: name = "Object"; break;
    case ObjectClass::Array: name = "Array"; break;
    case ObjectClass::Function:
      name = proxy_record(o) ? "Proxy" : function_class(static_cast<FunctionObject*>(o));
      break;
    case ObjectClass::Error: name = "Error"; break;
    case ObjectClass::Boolean: name = "Boolean"; break;
    case ObjectClass::Number: name = "Number"; break;
    case ObjectClass::String: name = "String"; break;
    case ObjectClass::Symbol: name = "Symbol"; break;
    case ObjectClass::BigInt: name = "BigInt"; break;
    case ObjectClass::Arguments: name = "Arguments"; break;
    case ObjectClass::ArrayBuffer: name = "ArrayBuffer"; break;
    case ObjectClass::SharedArrayBuffer: name = "SharedArrayBuffer"; break;
    case ObjectClass::TypedArray: name = "TypedArray"; break;
    case ObjectClass::DataView: name = "DataView"; break;
    case ObjectClass::Map: name = "Map"; break;
    case ObjectClass::Set: name = "Set"; break;
    case ObjectClass::WeakMap: name = "WeakMap"; break;
    case ObjectClass::WeakSet: name = "WeakSet"; break;
    case ObjectClass::WeakRef: name = "WeakRef"; break;
    case ObjectClass::FinalizationRegistry: name = "FinalizationRegistry"; break;
    case ObjectClass::Promise: name = "Promise"; break;
    case ObjectClass::Iterator: {
      const char* kind = collection_iterator_kind(o);
      name = kind ? kind : "Iterator";
      break;
    }
    case ObjectClass::Generator: name = "Generator"; break;
    case ObjectClass::RegExp: name = "RegExp"; break;
    case ObjectClass::Date: name = "Date"; break;
    case ObjectClass::Proxy: name = "Proxy"; break;
    case ObjectClass::ModuleNamespace: name = "Module"; break;
  }
  return string_value(vm.intern(name));
}

// The primitive inside a Number/String/Boolean/Symbol/BigInt wrapper (undefined otherwise).
Value boxed_value(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_object()) return Value::undefined();
  switch (as_object(v)->object_class()) {
    case ObjectClass::Boolean:
    case ObjectClass::Number:
    case ObjectClass::String:
    case ObjectClass::Symbol:
    case ObjectClass::BigInt: return static_cast<BoxObject*>(as_object(v))->primitive;
    default: return Value::undefined();
  }
}

}  // namespace

Value util_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> binding(vm.heap(), vm.new_object());
  vm.define_native(binding, "getPromiseDetails", get_promise_details, 1);
  vm.define_native(binding, "getProxyDetails", get_proxy_details, 2);
  vm.define_native(binding, "previewEntries", preview_entries, 1);
  vm.define_native(binding, "internalClass", internal_class, 1);
  vm.define_native(binding, "boxedValue", boxed_value, 1);
  return object_value(binding);
}

}  // namespace glass::natives
