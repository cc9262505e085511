// Reflect (ECMA-262 §28.1): the object internal methods as functions, each
// a thin call into vm/operations.h (which dispatches to proxies).
#include "builtins/builtins.h"

namespace glass {

namespace {

Object* require_target(Vm& vm, Value v, const char* method) {
  if (!v.is_object()) vm.throw_error(ErrorType::TypeError, std::string("Reflect.") + method + " called on non-object");
  return as_object(v);
}

// CreateListFromArrayLike(obj) into `out`.
void list_from_array_like(Vm& vm, Value v, ValueVector& out) {
  if (!v.is_object()) vm.throw_error(ErrorType::TypeError, "CreateListFromArrayLike called on non-object");
  gc::Rooted<Object> o(vm.heap(), as_object(v));
  uint64_t len = length_of_array_like(vm, o);
  for (uint64_t i = 0; i < len; ++i) out.values.push_back(get(vm, o, PropertyKey::of_index(uint32_t(i))));
}

Value reflect_apply(Vm& vm, Value, std::span<const Value> args, Value) {
  Value target = arg(args, 0);
  if (!is_callable(target)) vm.throw_error(ErrorType::TypeError, "Function.prototype.apply was called on " + std::string(typeof_name(target)) + ", which is not a function");
  ValueVector list(vm.heap());
  list_from_array_like(vm, arg(args, 2), list);
  return vm.call(target, arg(args, 1), list.values);
}

Value reflect_construct(Vm& vm, Value, std::span<const Value> args, Value) {
  Value target = arg(args, 0);
  if (!is_constructor(target)) vm.throw_error(ErrorType::TypeError, "Reflect.construct: target is not a constructor");
  Value new_target = args.size() > 2 ? args[2] : target;
  if (!is_constructor(new_target)) vm.throw_error(ErrorType::TypeError, "Reflect.construct: newTarget is not a constructor");
  ValueVector list(vm.heap());
  list_from_array_like(vm, arg(args, 1), list);
  return vm.construct(target, list.values, new_target);
}

Value reflect_define_property(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "defineProperty"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  RootedValue key_cell(vm.heap(), key.is_index() ? Value::undefined() : cell_value(key.cell));
  PropertyDescriptor d = to_property_descriptor(vm, arg(args, 2));
  ValueVector keep(vm.heap());
  for (auto& v : {d.value, d.get, d.set})
    if (v) keep.values.push_back(*v);
  return Value::boolean(define_own_property(vm, o, key, d, false));
}

Value reflect_delete_property(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "deleteProperty"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  return Value::boolean(delete_property(vm, o, key));
}

Value reflect_get(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "get"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  Value receiver = args.size() > 2 ? args[2] : object_value(o);
  return get(vm, o, key, receiver);
}

Value reflect_get_own_property_descriptor(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "getOwnPropertyDescriptor"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  return from_property_descriptor(vm, get_own_property(vm, o, key));
}

Value reflect_get_prototype_of(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* p = get_prototype_of(require_target(vm, arg(args, 0), "getPrototypeOf"));
  return p ? object_value(p) : Value::null();
}

Value reflect_has(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "has"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  return Value::boolean(has_property(vm, o, key));
}

Value reflect_is_extensible(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(is_extensible(vm, require_target(vm, arg(args, 0), "isExtensible")));
}

Value reflect_own_keys(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "ownKeys"));
  ValueVector out(vm.heap());
  for (PropertyKey key : own_property_keys(vm, o)) out.values.push_back(key_to_value(vm, key));
  return object_value(vm.new_array_from(out.values));
}

Value reflect_prevent_extensions(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(prevent_extensions(vm, require_target(vm, arg(args, 0), "preventExtensions")));
}

Value reflect_set(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), require_target(vm, arg(args, 0), "set"));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  Value receiver = args.size() > 3 ? args[3] : object_value(o);
  return Value::boolean(set(vm, o, key, arg(args, 2), receiver));
}

Value reflect_set_prototype_of(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* o = require_target(vm, arg(args, 0), "setPrototypeOf");
  Value proto = arg(args, 1);
  if (!proto.is_object() && !proto.is_null())
    vm.throw_error(ErrorType::TypeError, "Object prototype may only be an Object or null: " + to_utf8(vm, proto));
  return Value::boolean(set_prototype_of(vm, o, proto));
}

}  // namespace

void install_reflect(Vm& vm) {
  gc::Rooted<Object> reflect(vm.heap(), vm.new_object());
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } fns[] = {
      {"defineProperty", reflect_define_property, 3},
      {"deleteProperty", reflect_delete_property, 2},
      {"apply", reflect_apply, 3},
      {"construct", reflect_construct, 2},
      {"get", reflect_get, 2},
      {"getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2},
      {"getPrototypeOf", reflect_get_prototype_of, 1},
      {"has", reflect_has, 2},
      {"isExtensible", reflect_is_extensible, 1},
      {"ownKeys", reflect_own_keys, 1},
      {"preventExtensions", reflect_prevent_extensions, 1},
      {"set", reflect_set, 3},
      {"setPrototypeOf", reflect_set_prototype_of, 2},
  };
  for (auto& f : fns) vm.define_native(reflect, f.name, f.fn, f.length);
  vm.define_value(reflect, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("Reflect")), kConfigurable);
  define_global(vm, "Reflect", object_value(reflect));
}

}  // namespace glass
