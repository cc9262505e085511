// Primitive wrapper objects (new Number(1), Object("s"), the `this` of a
// sloppy method called on a primitive): an Object holding its primitive in
// [[BooleanData]] / [[NumberData]] / [[StringData]] / [[SymbolData]].
#pragma once
#include "objects/object.h"
#include "objects/string.h"

namespace glass {

class Vm;

class BoxObject final : public Object {
 public:
  Value primitive;
  String* primitive_string() const { return static_cast<String*>(primitive.as_cell()); }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, primitive);
  }
  const char* cell_name() const override { return "PrimitiveWrapper"; }
  BoxObject(Shape* shape, ObjectClass cls, Value p) : Object(shape, cls), primitive(p) {}
};

// ToObject for a primitive (not null/undefined).
Object* make_primitive_wrapper(Vm& vm, Value primitive);
// The prototype a primitive's properties come from (String.prototype, ...).
Object* prototype_for_primitive(Vm& vm, Value primitive);
// The primitive inside `v` if it is a wrapper of class `cls`, else nullopt.
std::optional<Value> unbox(Value v, ObjectClass cls);

}  // namespace glass
