// Boolean: the constructor and Boolean.prototype.
#include "builtins/builtins.h"
#include "vm/box.h"

namespace glass {

namespace {

Value boolean_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  bool b = to_boolean(arg(args, 0));
  if (new_target.is_undefined()) return Value::boolean(b);
  gc::Rooted<Object> proto(vm.heap(), ordinary_create_from_constructor(vm, new_target, IntrinsicObject::BooleanPrototype));
  Object* box = make_primitive_wrapper(vm, Value::boolean(b));
  box->set_prototype(get_prototype_of(proto));
  return object_value(box);
}

bool this_boolean(Vm& vm, Value self) {
  if (self.is_boolean()) return self.as_boolean();
  if (auto v = unbox(self, ObjectClass::Boolean)) return v->as_boolean();
  vm.throw_error(ErrorType::TypeError, "Boolean.prototype method called on incompatible receiver");
}

Value boolean_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  return string_value(vm.atom(this_boolean(vm, self) ? WellKnownAtom::true_ : WellKnownAtom::false_));
}
Value boolean_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return Value::boolean(this_boolean(vm, self)); }

}  // namespace

void install_boolean(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::BooleanPrototype]);
  proto->set_object_class(ObjectClass::Ordinary);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Boolean", boolean_ctor, 1, proto));
  vm.define_native(proto, "toString", boolean_to_string, 0);
  vm.define_native(proto, "valueOf", boolean_value_of, 0);
  define_global(vm, "Boolean", object_value(ctor));
}

}  // namespace glass
