// Object: the constructor, its static functions, and Object.prototype.
#include "builtins/builtins.h"
#include "vm/box.h"

namespace glass {

namespace {

Object* require_object(Vm& vm, Value v, const char* what) {
  if (!v.is_object()) vm.throw_error(ErrorType::TypeError, std::string(what) + " called on non-object");
  return as_object(v);
}

Value object_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  Value v = arg(args, 0);
  if (!new_target.is_undefined() && new_target != object_value(vm.intrinsics()[IntrinsicObject::Object]))
    return object_value(ordinary_create_from_constructor(vm, new_target, IntrinsicObject::ObjectPrototype));
  if (v.is_nullish()) return object_value(vm.new_object());
  return object_value(to_object(vm, v));
}

Value object_keys_like(Vm& vm, Value target, int which) {  // 0 keys, 1 values, 2 entries
  gc::Rooted<Object> o(vm.heap(), to_object(vm, target));
  ValueVector out(vm.heap());
  for (PropertyKey key : own_property_keys(vm, o)) {
    if (!key.is_index() && !is_string(key.cell)) continue;
    auto p = get_own_property(vm, o, key);
    if (!p || !(p->flags & kEnumerable)) continue;
    Value k = key_to_value(vm, key);
    if (which == 0) {
      out.values.push_back(k);
      continue;
    }
    RootedValue rk(vm.heap(), k);
    Value v = get(vm, o, key);
    if (which == 1) {
      out.values.push_back(v);
      continue;
    }
    RootedValue rv(vm.heap(), v);
    Value pair[2] = {rk, rv};
    out.values.push_back(object_value(vm.new_array_from(pair)));
  }
  return object_value(vm.new_array_from(out.values));
}

Value object_keys(Vm& vm, Value, std::span<const Value> args, Value) { return object_keys_like(vm, arg(args, 0), 0); }
Value object_values(Vm& vm, Value, std::span<const Value> args, Value) { return object_keys_like(vm, arg(args, 0), 1); }
Value object_entries(Vm& vm, Value, std::span<const Value> args, Value) { return object_keys_like(vm, arg(args, 0), 2); }

Value object_assign(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> target(vm.heap(), to_object(vm, arg(args, 0)));
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i].is_nullish()) continue;
    gc::Rooted<Object> from(vm.heap(), to_object(vm, args[i]));
    for (PropertyKey key : own_property_keys(vm, from)) {
      auto p = get_own_property(vm, from, key);
      if (!p || !(p->flags & kEnumerable)) continue;
      Value v = get(vm, from, key);
      put_value(vm, object_value(target), key, v, true);
    }
  }
  return object_value(target);
}

Value object_define_property(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* o = require_object(vm, arg(args, 0), "Object.defineProperty");
  gc::Rooted<Object> obj(vm.heap(), o);
  PropertyKey key = to_property_key(vm, arg(args, 1));
  PropertyDescriptor d = to_property_descriptor(vm, arg(args, 2));
  ValueVector keep(vm.heap());
  for (auto& v : {d.value, d.get, d.set})
    if (v) keep.values.push_back(*v);
  define_own_property(vm, obj, key, d, true);
  return object_value(obj);
}

Value object_define_properties(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> obj(vm.heap(), require_object(vm, arg(args, 0), "Object.defineProperties"));
  gc::Rooted<Object> props(vm.heap(), to_object(vm, arg(args, 1)));
  for (PropertyKey key : own_property_keys(vm, props)) {
    auto p = get_own_property(vm, props, key);
    if (!p || !(p->flags & kEnumerable)) continue;
    PropertyDescriptor d = to_property_descriptor(vm, get(vm, props, key));
    ValueVector keep(vm.heap());
    for (auto& v : {d.value, d.get, d.set})
      if (v) keep.values.push_back(*v);
    define_own_property(vm, obj, key, d, true);
  }
  return object_value(obj);
}

Value object_create(Vm& vm, Value, std::span<const Value> args, Value) {
  Value proto = arg(args, 0);
  if (!proto.is_object() && !proto.is_null())
    vm.throw_error(ErrorType::TypeError, "Object prototype may only be an Object or null: " + to_utf8(vm, proto));
  gc::Rooted<Object> o(vm.heap(), vm.new_object_with_proto(proto.is_null() ? nullptr : as_object(proto)));
  if (!arg(args, 1).is_undefined()) {
    Value a[2] = {object_value(o), arg(args, 1)};
    object_define_properties(vm, Value::undefined(), a, Value::undefined());
  }
  return object_value(o);
}

Value object_get_prototype_of(Vm& vm, Value, std::span<const Value> args, Value) {
  Object* p = get_prototype_of(to_object(vm, arg(args, 0)));
  return p ? object_value(p) : Value::null();
}

Value object_set_prototype_of(Vm& vm, Value, std::span<const Value> args, Value) {
  Value o = arg(args, 0), proto = arg(args, 1);
  if (o.is_nullish()) vm.throw_error(ErrorType::TypeError, "Object.setPrototypeOf called on null or undefined");
  if (!proto.is_object() && !proto.is_null())
    vm.throw_error(ErrorType::TypeError, "Object prototype may only be an Object or null: " + to_utf8(vm, proto));
  if (!o.is_object()) return o;
  if (!set_prototype_of(vm, as_object(o), proto)) vm.throw_error(ErrorType::TypeError, "Cyclic __proto__ value or non-extensible object");
  return o;
}

Value object_get_own_property_names(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, arg(args, 0)));
  ValueVector out(vm.heap());
  for (PropertyKey key : own_property_keys(vm, o))
    if (key.is_index() || is_string(key.cell)) out.values.push_back(key_to_value(vm, key));
  return object_value(vm.new_array_from(out.values));
}

Value object_get_own_property_symbols(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, arg(args, 0)));
  ValueVector out(vm.heap());
  for (PropertyKey key : own_property_keys(vm, o))
    if (!key.is_index() && !is_string(key.cell)) out.values.push_back(key_to_value(vm, key));
  return object_value(vm.new_array_from(out.values));
}

Value object_get_own_property_descriptor(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, arg(args, 0)));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  return from_property_descriptor(vm, get_own_property(vm, o, key));
}

Value object_get_own_property_descriptors(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, arg(args, 0)));
  gc::Rooted<Object> out(vm.heap(), vm.new_object());
  for (PropertyKey key : own_property_keys(vm, o)) {
    Value d = from_property_descriptor(vm, get_own_property(vm, o, key));
    create_data_property_or_throw(vm, out, key, d);
  }
  return object_value(out);
}

Value object_freeze(Vm& vm, Value, std::span<const Value> args, Value) {
  if (arg(args, 0).is_object()) set_integrity_level(vm, as_object(args[0]), true);
  return arg(args, 0);
}
Value object_seal(Vm& vm, Value, std::span<const Value> args, Value) {
  if (arg(args, 0).is_object()) set_integrity_level(vm, as_object(args[0]), false);
  return arg(args, 0);
}
Value object_prevent_extensions(Vm& vm, Value, std::span<const Value> args, Value) {
  // Through the [[PreventExtensions]] operation (proxies run their trap).
  if (arg(args, 0).is_object() && !prevent_extensions(vm, as_object(args[0])))
    vm.throw_error(ErrorType::TypeError, "Cannot prevent extensions");
  return arg(args, 0);
}
Value object_is_frozen(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(!arg(args, 0).is_object() || test_integrity_level(vm, as_object(args[0]), true));
}
Value object_is_sealed(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(!arg(args, 0).is_object() || test_integrity_level(vm, as_object(args[0]), false));
}
Value object_is_extensible(Vm& vm, Value, std::span<const Value> args, Value) {
  // Through the [[IsExtensible]] operation (proxies run their trap).
  return Value::boolean(arg(args, 0).is_object() && is_extensible(vm, as_object(args[0])));
}
Value object_is(Vm&, Value, std::span<const Value> args, Value) { return Value::boolean(same_value(arg(args, 0), arg(args, 1))); }

Value object_from_entries(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> out(vm.heap(), vm.new_object());
  IteratorRecord it = get_iterator(vm, arg(args, 0));
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (;;) {
    IteratorRecord rec{iter, next};
    std::optional<Value> entry = iterator_step(vm, rec);
    if (!entry) break;
    if (!entry->is_object()) vm.throw_error(ErrorType::TypeError, "Iterator value " + to_utf8(vm, *entry) + " is not an entry object");
    gc::Rooted<Object> e(vm.heap(), as_object(*entry));
    RootedValue k(vm.heap(), get(vm, e, PropertyKey::of_index(0)));
    RootedValue v(vm.heap(), get(vm, e, PropertyKey::of_index(1)));
    create_data_property_or_throw(vm, out, to_property_key(vm, k), v);
  }
  return object_value(out);
}

Value object_group_by(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> out(vm.heap(), vm.new_object_with_proto(nullptr));
  RootedValue fn(vm.heap(), arg(args, 1));
  if (!is_callable(fn)) vm.throw_error(ErrorType::TypeError, "callback is not a function");
  IteratorRecord it = get_iterator(vm, arg(args, 0));
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (int32_t i = 0;; ++i) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    RootedValue v(vm.heap(), *item);
    Value a[2] = {v, Value::int32(i)};
    PropertyKey key = to_property_key(vm, vm.call(fn, Value::undefined(), a));
    Value group = get(vm, out, key);
    if (!group.is_object()) {
      group = object_value(vm.new_array(0));
      create_data_property_or_throw(vm, out, key, group);
    }
    Object* g = as_object(group);
    create_data_property_or_throw(vm, g, PropertyKey::of_index(g->array_length()), v);
  }
  return object_value(out);
}

// ---- Object.prototype ----

Value proto_has_own_property(Vm& vm, Value self, std::span<const Value> args, Value) {
  PropertyKey key = to_property_key(vm, arg(args, 0));
  return Value::boolean(has_own_property(vm, to_object(vm, self), key));
}

Value object_has_own(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, arg(args, 0)));
  PropertyKey key = to_property_key(vm, arg(args, 1));
  return Value::boolean(has_own_property(vm, o, key));
}

Value proto_is_prototype_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (!arg(args, 0).is_object()) return Value::boolean(false);
  Object* o = to_object(vm, self);
  for (Object* p = get_prototype_of(as_object(args[0])); p; p = get_prototype_of(p))
    if (p == o) return Value::boolean(true);
  return Value::boolean(false);
}

Value proto_property_is_enumerable(Vm& vm, Value self, std::span<const Value> args, Value) {
  PropertyKey key = to_property_key(vm, arg(args, 0));
  auto p = get_own_property(vm, to_object(vm, self), key);
  return Value::boolean(p && (p->flags & kEnumerable));
}

}  // namespace

// 20.1.3.6 Object.prototype.toString ( ). Array.prototype.toString falls back
// on it too (23.1.3.36 step 3), so it is shared, not local to this file.
Value object_prototype_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. undefined and null have fixed answers.
  if (self.is_undefined()) return string_value(vm.new_string("[object Undefined]"));
  if (self.is_null()) return string_value(vm.new_string("[object Null]"));
  // 3. Let O be ! ToObject(this value).
  gc::Rooted<Object> o(vm.heap(), to_object(vm, self));
  // 4-14. builtinTag from IsArray (which sees through proxies, and throws
  // for a revoked one), [[Call]] and the internal slots O has.
  const char* builtin_tag = "Object";
  if (is_array(object_value(o))) builtin_tag = "Array";
  else if (o->object_class() == ObjectClass::Arguments) builtin_tag = "Arguments";
  else if (is_callable(object_value(o))) builtin_tag = "Function";
  else {
    switch (o->object_class()) {
      case ObjectClass::Error: builtin_tag = "Error"; break;
      case ObjectClass::Boolean: builtin_tag = "Boolean"; break;
      case ObjectClass::Number: builtin_tag = "Number"; break;
      case ObjectClass::String: builtin_tag = "String"; break;
      case ObjectClass::Date: builtin_tag = "Date"; break;
      case ObjectClass::RegExp: builtin_tag = "RegExp"; break;
      default: break;
    }
  }
  // 15-16. Let tag be ? Get(O, @@toStringTag); if it is not a String, builtinTag.
  Value tag = get(vm, o, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::toStringTag)));
  std::string name = tag.is_string() ? as_string(tag)->to_utf8() : builtin_tag;
  // 17. Return "[object " + tag + "]".
  return string_value(vm.new_string("[object " + name + "]"));
}

namespace {

Value proto_to_locale_string(Vm& vm, Value self, std::span<const Value>, Value) {
  return call_method(vm, self, key_of(WellKnownAtom::toString, vm), {});
}

Value proto_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return object_value(to_object(vm, self)); }

Value proto_get_proto(Vm& vm, Value self, std::span<const Value>, Value) {
  Object* p = get_prototype_of(to_object(vm, self));
  return p ? object_value(p) : Value::null();
}
Value proto_set_proto(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_nullish()) vm.throw_error(ErrorType::TypeError, "Object.prototype.__proto__ called on null or undefined");
  Value proto = arg(args, 0);
  if ((!proto.is_object() && !proto.is_null()) || !self.is_object()) return Value::undefined();
  if (!set_prototype_of(vm, as_object(self), proto)) vm.throw_error(ErrorType::TypeError, "Cyclic __proto__ value");
  return Value::undefined();
}

}  // namespace

void install_object(Vm& vm) {
  Object* proto = vm.intrinsics()[IntrinsicObject::ObjectPrototype];
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Object", object_ctor, 1, proto));
  vm.intrinsics()[IntrinsicObject::Object] = ctor;
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } statics[] = {
      {"keys", object_keys, 1},
      {"values", object_values, 1},
      {"entries", object_entries, 1},
      {"assign", object_assign, 2},
      {"defineProperty", object_define_property, 3},
      {"defineProperties", object_define_properties, 2},
      {"create", object_create, 2},
      {"getPrototypeOf", object_get_prototype_of, 1},
      {"setPrototypeOf", object_set_prototype_of, 2},
      {"getOwnPropertyNames", object_get_own_property_names, 1},
      {"getOwnPropertySymbols", object_get_own_property_symbols, 1},
      {"getOwnPropertyDescriptor", object_get_own_property_descriptor, 2},
      {"getOwnPropertyDescriptors", object_get_own_property_descriptors, 1},
      {"freeze", object_freeze, 1},
      {"seal", object_seal, 1},
      {"preventExtensions", object_prevent_extensions, 1},
      {"isFrozen", object_is_frozen, 1},
      {"isSealed", object_is_sealed, 1},
      {"isExtensible", object_is_extensible, 1},
      {"is", object_is, 2},
      {"fromEntries", object_from_entries, 1},
      {"hasOwn", object_has_own, 2},
      {"groupBy", object_group_by, 2},
  };
  for (auto& s : statics) vm.define_native(ctor, s.name, s.fn, s.length);
  gc::Rooted<Object> p(vm.heap(), proto);
  vm.define_native(p, "hasOwnProperty", proto_has_own_property, 1);
  vm.define_native(p, "isPrototypeOf", proto_is_prototype_of, 1);
  vm.define_native(p, "propertyIsEnumerable", proto_property_is_enumerable, 1);
  vm.define_native(p, "toString", object_prototype_to_string, 0);
  vm.define_native(p, "toLocaleString", proto_to_locale_string, 0);
  vm.define_native(p, "valueOf", proto_value_of, 0);
  gc::Rooted<FunctionObject> getter(vm.heap(), vm.new_native("get __proto__", proto_get_proto, 0));
  gc::Rooted<FunctionObject> setter(vm.heap(), vm.new_native("set __proto__", proto_set_proto, 1));
  vm.define_accessor(p, vm.atom(WellKnownAtom::__proto__), object_value(getter), object_value(setter));
  define_global(vm, "Object", object_value(ctor));
}

}  // namespace glass
