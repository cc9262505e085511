// Proxy (ECMA-262 §28.2) and the proxy exotic object's internal methods
// (§10.5). See proxy.h for the representation.
#include "builtins/proxy.h"

#include "builtins/builtins.h"
#include "objects/symbol.h"

namespace glass {

namespace {

// What a trap call needs, rooted: the target, the handler and the trap.
struct Trap {
  RootedValue target, handler, trap;
  explicit Trap(Vm& vm) : target(vm.heap()), handler(vm.heap()), trap(vm.heap()) {}
  Object* target_object() const { return as_object(target.get()); }
};

// Reads the proxy's target and handler (a TypeError once revoked) and
// GetMethod(handler, name). False when the handler has no such trap.
bool load_trap(Vm& vm, Object* proxy, const char* name, Trap& t) {
  ProxyObject* rec = proxy_record(proxy);
  if (!rec->handler.is_object())
    vm.throw_error(ErrorType::TypeError, std::string("Cannot perform '") + name + "' on a proxy that has been revoked");
  t.target = rec->target;
  t.handler = rec->handler;
  t.trap = get_method(vm, t.handler, key_of(vm, name));
  return !t.trap.get().is_undefined();
}

// The key as the program wrote it, for messages (symbols without ToString's TypeError).
std::string key_name(Vm& vm, PropertyKey key) {
  if (key.is_index()) return std::to_string(key.index);
  if (is_string(key.cell)) return static_cast<String*>(key.cell)->to_utf8();
  String* d = static_cast<Symbol*>(key.cell)->description();
  return "Symbol(" + (d ? d->to_utf8() : std::string()) + ")";
}

// Keeps a key's cell alive while traps run (atoms are weak, symbols may be
// held by nothing else).
struct RootedKey {
  RootedValue cell;
  RootedKey(Vm& vm, PropertyKey key) : cell(vm.heap(), key.is_index() ? Value::undefined() : cell_value(key.cell)) {}
};

// A value for a message (no ToString on objects or symbols: that could run JS or throw).
std::string value_text(Vm& vm, Value v) {
  if (v.is_object()) return is_callable(v) ? "function" : "[object Object]";
  if (v.is_symbol()) return "Symbol()";
  return to_utf8(vm, v);
}

[[noreturn]] void trap_error(Vm& vm, const char* trap, const std::string& what) {
  vm.throw_error(ErrorType::TypeError, std::string("'") + trap + "' on proxy: " + what);
}


// FromPropertyDescriptor for a possibly partial descriptor.
Value from_partial_descriptor(Vm& vm, const PropertyDescriptor& d) {
  ValueVector keep(vm.heap());
  for (auto& v : {d.value, d.get, d.set})
    if (v) keep.values.push_back(*v);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  if (d.value) create_data_property_or_throw(vm, o, key_of(WellKnownAtom::value, vm), *d.value);
  if (d.writable) create_data_property_or_throw(vm, o, key_of(WellKnownAtom::writable, vm), Value::boolean(*d.writable));
  if (d.get) create_data_property_or_throw(vm, o, key_of(WellKnownAtom::get, vm), *d.get);
  if (d.set) create_data_property_or_throw(vm, o, key_of(WellKnownAtom::set, vm), *d.set);
  if (d.enumerable) create_data_property_or_throw(vm, o, key_of(WellKnownAtom::enumerable, vm), Value::boolean(*d.enumerable));
  if (d.configurable)
    create_data_property_or_throw(vm, o, key_of(WellKnownAtom::configurable, vm), Value::boolean(*d.configurable));
  return object_value(o);
}

// IsCompatiblePropertyDescriptor (§10.1.6.2): ValidateAndApplyPropertyDescriptor
// with no object, only the checks.
bool is_compatible(bool extensible, const PropertyDescriptor& desc, const std::optional<OwnProperty>& current) {
  if (!current) return extensible;
  uint8_t cur = current->flags;
  bool cur_accessor = cur & kAccessor;
  if (cur & kConfigurable) return true;
  if (desc.configurable.value_or(false)) return false;
  if (desc.enumerable && *desc.enumerable != bool(cur & kEnumerable)) return false;
  bool generic = !desc.is_accessor() && !desc.is_data();
  if (!generic && desc.is_accessor() != cur_accessor) return false;
  if (cur_accessor) {
    auto* pair = static_cast<AccessorPair*>(current->value.as_cell());
    if (desc.get && !same_value(*desc.get, pair->getter)) return false;
    if (desc.set && !same_value(*desc.set, pair->setter)) return false;
  } else if (!(cur & kWritable)) {
    if (desc.writable.value_or(false)) return false;
    if (desc.value && !same_value(*desc.value, current->value)) return false;
  }
  return true;
}

Value call_trap(Vm& vm, Trap& t, std::span<const Value> args) { return vm.call(t.trap, t.handler, args); }

}  // namespace

// ---- [[GetPrototypeOf]] / [[SetPrototypeOf]] ----------------------------------

Object* proxy_get_prototype_of(Vm& vm, Object* proxy) {
  Trap t(vm);
  if (!load_trap(vm, proxy, "getPrototypeOf", t)) return get_prototype_of(t.target_object());
  Value arg = t.target;
  RootedValue result(vm.heap(), call_trap(vm, t, std::span<const Value>(&arg, 1)));
  if (!result.get().is_object() && !result.get().is_null())
    trap_error(vm, "getPrototypeOf", "trap returned neither object nor null");
  if (is_extensible(vm, t.target_object())) return result.get().is_null() ? nullptr : as_object(result);
  Object* target_proto = get_prototype_of(t.target_object());
  Object* got = result.get().is_null() ? nullptr : as_object(result);
  if (got != target_proto)
    trap_error(vm, "getPrototypeOf", "proxy target is non-extensible but the trap did not return its actual prototype");
  return got;
}

bool proxy_set_prototype_of(Vm& vm, Object* proxy, Value proto) {
  RootedValue v(vm.heap(), proto);
  Trap t(vm);
  if (!load_trap(vm, proxy, "setPrototypeOf", t)) return set_prototype_of(vm, t.target_object(), v);
  Value args[2] = {t.target, v};
  if (!to_boolean(call_trap(vm, t, args))) return false;
  if (is_extensible(vm, t.target_object())) return true;
  Object* target_proto = get_prototype_of(t.target_object());
  Object* want = v.get().is_object() ? as_object(v) : nullptr;
  if (want != target_proto)
    trap_error(vm, "setPrototypeOf", "trap returned truish for setting a new prototype on the non-extensible proxy target");
  return true;
}

// ---- [[IsExtensible]] / [[PreventExtensions]] ------------------------------------

bool proxy_is_extensible(Vm& vm, Object* proxy) {
  Trap t(vm);
  if (!load_trap(vm, proxy, "isExtensible", t)) return is_extensible(vm, t.target_object());
  Value arg = t.target;
  bool result = to_boolean(call_trap(vm, t, std::span<const Value>(&arg, 1)));
  if (result != is_extensible(vm, t.target_object()))
    trap_error(vm, "isExtensible", std::string("trap result does not reflect extensibility of proxy target (which is '") +
                                       (result ? "false" : "true") + "')");
  return result;
}

bool proxy_prevent_extensions(Vm& vm, Object* proxy) {
  Trap t(vm);
  if (!load_trap(vm, proxy, "preventExtensions", t)) return prevent_extensions(vm, t.target_object());
  Value arg = t.target;
  bool result = to_boolean(call_trap(vm, t, std::span<const Value>(&arg, 1)));
  if (result && is_extensible(vm, t.target_object()))
    trap_error(vm, "preventExtensions", "trap returned truish but the proxy target is extensible");
  return result;
}

// ---- [[GetOwnProperty]] ------------------------------------------------------------

std::optional<OwnProperty> proxy_get_own_property(Vm& vm, Object* proxy, PropertyKey key) {
  RootedKey rk(vm, key);
  Trap t(vm);
  if (!load_trap(vm, proxy, "getOwnPropertyDescriptor", t)) return get_own_property(vm, t.target_object(), key);
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[2] = {t.target, key_value};
  RootedValue result(vm.heap(), call_trap(vm, t, args));
  if (!result.get().is_object() && !result.get().is_undefined())
    trap_error(vm, "getOwnPropertyDescriptor",
               "trap returned neither object nor undefined for property '" + key_name(vm, key) + "'");
  std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
  RootedValue keep_target_desc(vm.heap(), target_desc ? target_desc->value : Value::undefined());
  if (result.get().is_undefined()) {
    if (!target_desc) return std::nullopt;
    if (!(target_desc->flags & kConfigurable))
      trap_error(vm, "getOwnPropertyDescriptor", "trap returned undefined for property '" + key_name(vm, key) +
                                                     "' which is non-configurable in the proxy target");
    if (!is_extensible(vm, t.target_object()))
      trap_error(vm, "getOwnPropertyDescriptor", "trap returned undefined for property '" + key_name(vm, key) +
                                                     "' which exists in the non-extensible proxy target");
    return std::nullopt;
  }
  bool extensible = is_extensible(vm, t.target_object());
  PropertyDescriptor d = to_property_descriptor(vm, result);
  ValueVector keep(vm.heap());
  for (auto& v : {d.value, d.get, d.set})
    if (v) keep.values.push_back(*v);
  // CompletePropertyDescriptor.
  if (d.is_accessor()) {
    if (!d.get) d.get = Value::undefined();
    if (!d.set) d.set = Value::undefined();
  } else {
    if (!d.value) d.value = Value::undefined();
    if (!d.writable) d.writable = false;
  }
  if (!d.enumerable) d.enumerable = false;
  if (!d.configurable) d.configurable = false;
  if (!is_compatible(extensible, d, target_desc))
    trap_error(vm, "getOwnPropertyDescriptor", "trap returned descriptor for property '" + key_name(vm, key) +
                                                   "' that is incompatible with the existing property in the proxy target");
  if (!*d.configurable) {
    if (!target_desc || (target_desc->flags & kConfigurable))
      trap_error(vm, "getOwnPropertyDescriptor", "trap reported non-configurability for property '" + key_name(vm, key) +
                                                     "' which is either non-existent or configurable in the proxy target");
    if (d.writable && !*d.writable && (target_desc->flags & kWritable) && !(target_desc->flags & kAccessor))
      trap_error(vm, "getOwnPropertyDescriptor", "trap reported non-configurable and writable for property '" +
                                                     key_name(vm, key) + "' which is non-configurable, non-writable in the proxy target");
  }
  uint8_t flags = uint8_t((*d.enumerable ? kEnumerable : 0) | (*d.configurable ? kConfigurable : 0));
  if (d.is_accessor()) {
    AccessorPair* pair = vm.heap().allocate<AccessorPair>(*d.get, *d.set);
    return OwnProperty{Value::cell(Value::Tag::Object, pair), uint8_t(flags | kAccessor)};
  }
  if (*d.writable) flags |= kWritable;
  return OwnProperty{*d.value, flags};
}

// ---- [[DefineOwnProperty]] --------------------------------------------------------------

bool proxy_define_own_property(Vm& vm, Object* proxy, PropertyKey key, const PropertyDescriptor& desc, bool throw_on_fail) {
  RootedKey rk(vm, key);
  ValueVector keep(vm.heap());
  for (auto& v : {desc.value, desc.get, desc.set})
    if (v) keep.values.push_back(*v);
  Trap t(vm);
  if (!load_trap(vm, proxy, "defineProperty", t)) return define_own_property(vm, t.target_object(), key, desc, throw_on_fail);
  RootedValue desc_obj(vm.heap(), from_partial_descriptor(vm, desc));
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[3] = {t.target, key_value, desc_obj};
  if (!to_boolean(call_trap(vm, t, args))) {
    if (throw_on_fail) trap_error(vm, "defineProperty", "trap returned falsish for property '" + key_name(vm, key) + "'");
    return false;
  }
  std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
  RootedValue keep_target_desc(vm.heap(), target_desc ? target_desc->value : Value::undefined());
  bool extensible = is_extensible(vm, t.target_object());
  bool setting_config_false = desc.configurable && !*desc.configurable;
  if (!target_desc) {
    if (!extensible)
      trap_error(vm, "defineProperty", "trap returned truish for adding property '" + key_name(vm, key) +
                                           "'  to the non-extensible proxy target");
    if (setting_config_false)
      trap_error(vm, "defineProperty", "trap returned truish for defining non-configurable property '" + key_name(vm, key) +
                                           "' which is either non-existent or configurable in the proxy target");
    return true;
  }
  if (!is_compatible(extensible, desc, target_desc))
    trap_error(vm, "defineProperty", "trap returned truish for adding property '" + key_name(vm, key) +
                                         "'  that is incompatible with the existing property in the proxy target");
  if (setting_config_false && (target_desc->flags & kConfigurable))
    trap_error(vm, "defineProperty", "trap returned truish for defining non-configurable property '" + key_name(vm, key) +
                                         "' which is either non-existent or configurable in the proxy target");
  if (!(target_desc->flags & kAccessor) && !(target_desc->flags & kConfigurable) && (target_desc->flags & kWritable) &&
      desc.writable && !*desc.writable)
    trap_error(vm, "defineProperty", "trap returned truish for defining non-configurable property '" + key_name(vm, key) +
                                         "' which cannot be non-writable, unless there exists a corresponding non-configurable, "
                                         "non-writable own property of the target object.");
  return true;
}

// ---- [[HasProperty]] ------------------------------------------------------------------------

bool proxy_has_property(Vm& vm, Object* proxy, PropertyKey key) {
  RootedKey rk(vm, key);
  Trap t(vm);
  if (!load_trap(vm, proxy, "has", t)) return has_property(vm, t.target_object(), key);
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[2] = {t.target, key_value};
  bool result = to_boolean(call_trap(vm, t, args));
  if (!result) {
    std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
    if (target_desc) {
      if (!(target_desc->flags & kConfigurable))
        trap_error(vm, "has", "trap returned falsish for property '" + key_name(vm, key) +
                                  "' which exists in the proxy target as non-configurable");
      if (!is_extensible(vm, t.target_object()))
        trap_error(vm, "has", "trap returned falsish for property '" + key_name(vm, key) +
                                  "' but the proxy target is not extensible");
    }
  }
  return result;
}

// ---- [[Get]] / [[Set]] -------------------------------------------------------------------------

Value proxy_get(Vm& vm, Object* proxy, PropertyKey key, Value receiver) {
  RootedKey rk(vm, key);
  RootedValue recv(vm.heap(), receiver);
  Trap t(vm);
  if (!load_trap(vm, proxy, "get", t)) return get(vm, t.target_object(), key, recv);
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[3] = {t.target, key_value, recv};
  RootedValue result(vm.heap(), call_trap(vm, t, args));
  std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
  if (target_desc && !(target_desc->flags & kConfigurable)) {
    if (!(target_desc->flags & kAccessor) && !(target_desc->flags & kWritable) && !same_value(result, target_desc->value))
      trap_error(vm, "get", "property '" + key_name(vm, key) +
                                "' is a read-only and non-configurable data property on the proxy target but the proxy "
                                "did not return its actual value (expected '" + value_text(vm, target_desc->value) +
                                "' but got '" + value_text(vm, result) + "')");
    if ((target_desc->flags & kAccessor) && static_cast<AccessorPair*>(target_desc->value.as_cell())->getter.is_undefined() &&
        !result.get().is_undefined())
      trap_error(vm, "get", "property '" + key_name(vm, key) +
                                "' is a non-configurable accessor property on the proxy target and does not have a getter "
                                "function, but the trap did not return 'undefined'");
  }
  return result;
}

bool proxy_set(Vm& vm, Object* proxy, PropertyKey key, Value v, Value receiver) {
  RootedKey rk(vm, key);
  RootedValue value(vm.heap(), v), recv(vm.heap(), receiver);
  Trap t(vm);
  if (!load_trap(vm, proxy, "set", t)) return set(vm, t.target_object(), key, value, recv);
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[4] = {t.target, key_value, value, recv};
  if (!to_boolean(call_trap(vm, t, args))) return false;
  std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
  if (target_desc && !(target_desc->flags & kConfigurable)) {
    if (!(target_desc->flags & kAccessor) && !(target_desc->flags & kWritable) && !same_value(value, target_desc->value))
      trap_error(vm, "set", "trap returned truish for property '" + key_name(vm, key) +
                                "' which exists in the proxy target as a non-configurable and non-writable data property "
                                "with a different value");
    if ((target_desc->flags & kAccessor) && static_cast<AccessorPair*>(target_desc->value.as_cell())->setter.is_undefined())
      trap_error(vm, "set", "trap returned truish for property '" + key_name(vm, key) +
                                "' which exists in the proxy target as a non-configurable and non-writable accessor "
                                "property without a setter");
  }
  return true;
}

// ---- [[Delete]] ------------------------------------------------------------------------------------

bool proxy_delete_property(Vm& vm, Object* proxy, PropertyKey key) {
  RootedKey rk(vm, key);
  Trap t(vm);
  if (!load_trap(vm, proxy, "deleteProperty", t)) return delete_property(vm, t.target_object(), key);
  RootedValue key_value(vm.heap(), key_to_value(vm, key));
  Value args[2] = {t.target, key_value};
  if (!to_boolean(call_trap(vm, t, args))) return false;
  std::optional<OwnProperty> target_desc = get_own_property(vm, t.target_object(), key);
  if (!target_desc) return true;
  if (!(target_desc->flags & kConfigurable))
    trap_error(vm, "deleteProperty", "trap returned truish for property '" + key_name(vm, key) +
                                         "' which is non-configurable in the proxy target");
  if (!is_extensible(vm, t.target_object()))
    trap_error(vm, "deleteProperty", "trap returned truish for property '" + key_name(vm, key) +
                                         "' but the proxy target is non-extensible");
  return true;
}

// ---- [[OwnPropertyKeys]] ------------------------------------------------------------------------------

std::vector<PropertyKey> proxy_own_property_keys(Vm& vm, Object* proxy_in) {
  gc::Rooted<Object> proxy(vm.heap(), proxy_in);
  Trap t(vm);
  if (!load_trap(vm, proxy, "ownKeys", t)) {
    std::vector<PropertyKey> keys = own_property_keys(vm, t.target_object());
    return keys;
  }
  Value arg = t.target;
  RootedValue result(vm.heap(), call_trap(vm, t, std::span<const Value>(&arg, 1)));
  // CreateListFromArrayLike(result, « String, Symbol »).
  if (!result.get().is_object()) vm.throw_error(ErrorType::TypeError, "CreateListFromArrayLike called on non-object");
  ValueVector items(vm.heap());
  {
    gc::Rooted<Object> list(vm.heap(), as_object(result));
    uint64_t len = length_of_array_like(vm, list);
    for (uint64_t i = 0; i < len; ++i) {
      Value v = get(vm, list, PropertyKey::of_index(uint32_t(i)));
      if (!v.is_string() && !v.is_symbol()) {
        RootedValue keep(vm.heap(), v);
        vm.throw_error(ErrorType::TypeError, (v.is_object() ? std::string("[object Object]") : to_utf8(vm, v)) +
                                                 " is not a valid property name");
      }
      items.values.push_back(v);
    }
  }
  std::vector<PropertyKey> trap_result;
  for (size_t i = 0; i < items.values.size(); ++i) {
    PropertyKey k = to_property_key(vm, items.values[i]);
    if (!k.is_index()) items.values[i] = cell_value(k.cell);  // the atom (interning may have made a new one)
    for (const PropertyKey& seen : trap_result)
      if (seen == k) trap_error(vm, "ownKeys", "trap returned duplicate entries");
    trap_result.push_back(k);
  }
  // Keep the keys alive for the caller (PropertyKeys do not root their cells).
  proxy_record(proxy)->keys_keepalive = object_value(vm.new_array_from(items.values));
  bool extensible = is_extensible(vm, t.target_object());
  std::vector<PropertyKey> target_keys = own_property_keys(vm, t.target_object());
  std::vector<PropertyKey> configurable, nonconfigurable;
  for (PropertyKey k : target_keys) {
    auto d = get_own_property(vm, t.target_object(), k);
    if (d && !(d->flags & kConfigurable)) nonconfigurable.push_back(k);
    else configurable.push_back(k);
  }
  if (extensible && nonconfigurable.empty()) return trap_result;
  std::vector<PropertyKey> unchecked = trap_result;
  auto take = [&](PropertyKey k) {
    for (auto it = unchecked.begin(); it != unchecked.end(); ++it)
      if (*it == k) {
        unchecked.erase(it);
        return true;
      }
    return false;
  };
  for (PropertyKey k : nonconfigurable)
    if (!take(k)) trap_error(vm, "ownKeys", "trap result did not include '" + key_name(vm, k) + "'");
  if (extensible) return trap_result;
  for (PropertyKey k : configurable)
    if (!take(k)) trap_error(vm, "ownKeys", "trap result did not include '" + key_name(vm, k) + "'");
  if (!unchecked.empty())
    trap_error(vm, "ownKeys", "trap returned extra keys but proxy target is non-extensible");
  return trap_result;
}

// ---- [[Call]] / [[Construct]] ---------------------------------------------------------------------------

Value proxy_call(Vm& vm, FunctionObject* proxy, Value this_value, std::span<const Value> args) {
  RootedValue self(vm.heap(), this_value);
  Trap t(vm);
  if (!load_trap(vm, proxy, "apply", t)) return vm.call(t.target, self, args);
  RootedValue array(vm.heap(), object_value(vm.new_array_from(args)));
  Value a[3] = {t.target, self, array};
  return call_trap(vm, t, a);
}

Value proxy_construct(Vm& vm, FunctionObject* proxy, std::span<const Value> args, Value new_target) {
  RootedValue nt(vm.heap(), new_target);
  Trap t(vm);
  if (!load_trap(vm, proxy, "construct", t)) return vm.construct(t.target, args, nt);
  RootedValue array(vm.heap(), object_value(vm.new_array_from(args)));
  Value a[3] = {t.target, array, nt};
  Value result = call_trap(vm, t, a);
  if (!result.is_object()) trap_error(vm, "construct", "trap returned non-object ('" + value_text(vm, result) + "')");
  return result;
}

bool proxy_is_array(Object* proxy) {
  ProxyObject* rec = proxy_record(proxy);
  if (!rec->handler.is_object())
    rec->vm->throw_error(ErrorType::TypeError, "Cannot perform 'IsArray' on a proxy that has been revoked");
  return is_array(rec->target);
}

// ============================================================================
// The Proxy constructor
// ============================================================================

namespace {

// ProxyCreate(target, handler).
Value proxy_create(Vm& vm, Value target, Value handler) {
  if (!target.is_object() || !handler.is_object())
    vm.throw_error(ErrorType::TypeError, "Cannot create proxy with a non-object as target or handler");
  RootedValue t(vm.heap(), target), h(vm.heap(), handler);
  // A fresh shape with no properties and no prototype, then dictionary mode
  // (set_prototype): no inline cache can ever match a proxy.
  gc::Rooted<Shape> shape(vm.heap(), Shape::create_root(vm.heap(), nullptr));
  gc::Rooted<ProxyObject> rec(vm.heap(), vm.heap().allocate<ProxyObject>(shape.get(), &vm, t.get(), h.get()));
  rec->set_prototype(nullptr);
  if (!is_callable(t)) return object_value(rec);
  auto* f = vm.heap().allocate<FunctionObject>(shape.get(), FunctionKind::Proxy);
  f->realm = vm.realm();
  f->set_prototype(nullptr);
  f->native_data = object_value(rec);
  f->is_constructor = is_constructor(t);
  return object_value(f);
}

Value proxy_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Proxy requires 'new'");
  return proxy_create(vm, arg(args, 0), arg(args, 1));
}

Value proxy_revoke(Vm& vm, Value, std::span<const Value>, Value) {
  FunctionObject* self = vm.current_native();
  if (!self || !self->native_data.is_object()) return Value::undefined();
  ProxyObject* rec = proxy_record(as_object(self->native_data));
  self->native_data = Value::null();
  if (rec) {
    rec->target = Value::null();
    rec->handler = Value::null();
  }
  return Value::undefined();
}

Value proxy_revocable(Vm& vm, Value, std::span<const Value> args, Value) {
  RootedValue p(vm.heap(), proxy_create(vm, arg(args, 0), arg(args, 1)));
  gc::Rooted<FunctionObject> revoke(vm.heap(), vm.new_native("", proxy_revoke, 0));
  revoke->native_data = p;
  gc::Rooted<Object> result(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, result, key_of(vm, "proxy"), p);
  create_data_property_or_throw(vm, result, key_of(vm, "revoke"), object_value(revoke));
  return object_value(result);
}

}  // namespace

void install_proxy(Vm& vm) {
  // Proxy has no `prototype` property.
  gc::Rooted<FunctionObject> ctor(vm.heap(), vm.new_native("Proxy", proxy_ctor, 2, /*constructor=*/true));
  vm.define_native(ctor, "revocable", proxy_revocable, 2);
  define_global(vm, "Proxy", object_value(ctor));
}

}  // namespace glass
