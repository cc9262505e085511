// Proxy exotic objects (ECMA-262 §10.5): every object internal method of a
// proxy calls its handler's trap (or forwards to the target when the handler
// has none), then checks the invariants the spec requires of the result.
//
// Representation:
//   - a proxy whose target is not callable is a ProxyObject (ObjectClass::Proxy);
//   - a callable proxy is a FunctionObject of FunctionKind::Proxy (so that
//     everything that calls functions calls it), whose native_data holds a
//     ProxyObject record with its target and handler; Vm::call/construct
//     (vm.cpp invoke) run the apply/construct traps.
// Either way the object the program sees is in dictionary mode with no
// properties and a null stored prototype, so no inline cache ever records
// its shape: every access goes through operations.cpp, which dispatches
// here (proxy_record(o) != null).
#pragma once
#include <optional>
#include <span>
#include <vector>

#include "vm/function.h"
#include "vm/operations.h"

namespace glass {

class ProxyObject final : public Object {
 public:
  Value target, handler;  // both null once revoked
  // The last ownKeys trap result: callers hold its keys (symbols among them)
  // as PropertyKeys, which do not root them.
  Value keys_keepalive;
  Vm* vm;  // for the internal methods that are called without one (get_prototype_of, is_array)

  ProxyObject(Shape* shape, Vm* v, Value t, Value h)
      : Object(shape, ObjectClass::Proxy), target(t), handler(h), keys_keepalive(Value::undefined()), vm(v) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, target);
    trace_value(tracer, handler);
    trace_value(tracer, keys_keepalive);
  }
  const char* cell_name() const override { return "Proxy"; }
};

// The proxy's record if `o` is a proxy (callable or not), else null.
inline ProxyObject* proxy_record(const Object* o) {
  if (o->object_class() == ObjectClass::Proxy) return static_cast<ProxyObject*>(const_cast<Object*>(o));
  if (o->object_class() == ObjectClass::Function) {
    auto* f = static_cast<const FunctionObject*>(o);
    if (f->kind == FunctionKind::Proxy) return static_cast<ProxyObject*>(f->native_data.as_cell());
  }
  return nullptr;
}
inline bool is_proxy(const Object* o) { return proxy_record(o) != nullptr; }

// The internal methods (`proxy` is the object the program sees).
std::optional<OwnProperty> proxy_get_own_property(Vm& vm, Object* proxy, PropertyKey key);
bool proxy_define_own_property(Vm& vm, Object* proxy, PropertyKey key, const PropertyDescriptor& desc, bool throw_on_fail);
bool proxy_has_property(Vm& vm, Object* proxy, PropertyKey key);
Value proxy_get(Vm& vm, Object* proxy, PropertyKey key, Value receiver);
bool proxy_set(Vm& vm, Object* proxy, PropertyKey key, Value v, Value receiver);
bool proxy_delete_property(Vm& vm, Object* proxy, PropertyKey key);
std::vector<PropertyKey> proxy_own_property_keys(Vm& vm, Object* proxy);
Object* proxy_get_prototype_of(Vm& vm, Object* proxy);
bool proxy_set_prototype_of(Vm& vm, Object* proxy, Value proto);
bool proxy_is_extensible(Vm& vm, Object* proxy);
bool proxy_prevent_extensions(Vm& vm, Object* proxy);
// [[Call]] and [[Construct]] of a callable proxy (`args` rooted by the caller).
Value proxy_call(Vm& vm, FunctionObject* proxy, Value this_value, std::span<const Value> args);
Value proxy_construct(Vm& vm, FunctionObject* proxy, std::span<const Value> args, Value new_target);
// IsArray (§7.2.2) for a proxy: its target's, or a TypeError once revoked.
bool proxy_is_array(Object* proxy);

}  // namespace glass
