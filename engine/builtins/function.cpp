// Function.prototype: call, apply, bind, toString, [Symbol.hasInstance].
#include <algorithm>

#include "builtins/builtins.h"

namespace glass {

namespace {

FunctionObject* require_callable(Vm& vm, Value self, const char* method) {
  FunctionObject* f = as_function(self);
  if (!f) vm.throw_error(ErrorType::TypeError, std::string("Function.prototype.") + method + " called on a non-function");
  return f;
}

Value function_call(Vm& vm, Value self, std::span<const Value> args, Value) {
  require_callable(vm, self, "call");
  return vm.call(self, arg(args, 0), args.size() > 1 ? args.subspan(1) : std::span<const Value>());
}

Value function_apply(Vm& vm, Value self, std::span<const Value> args, Value) {
  require_callable(vm, self, "apply");
  Value list = arg(args, 1);
  if (list.is_nullish()) return vm.call(self, arg(args, 0), {});
  if (!list.is_object()) vm.throw_error(ErrorType::TypeError, "CreateListFromArrayLike called on non-object");
  gc::Rooted<Object> o(vm.heap(), as_object(list));
  uint64_t n = length_of_array_like(vm, o);
  if (n > 10'000'000) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  // A dense array or arguments object with all n elements present: no getter
  // can run while the list is read, so pass its elements as they are (the
  // call copies them to the register file before anything else happens).
  if ((o->object_class() == ObjectClass::Array || o->object_class() == ObjectClass::Arguments) &&
      !o->has_special_elements() && n <= o->dense_length()) {
    const std::vector<Value>& e = o->dense_elements();
    if (std::none_of(e.begin(), e.begin() + ptrdiff_t(n), [](Value v) { return v.is_empty(); }))
      return vm.call(self, arg(args, 0), std::span<const Value>(e.data(), size_t(n)));
  }
  ValueVector values(vm.heap());
  for (uint64_t i = 0; i < n; ++i) values.values.push_back(get(vm, o, PropertyKey::of_index(uint32_t(i))));
  return vm.call(self, arg(args, 0), values.values);
}

Value function_bind(Vm& vm, Value self, std::span<const Value> args, Value) {
  FunctionObject* target = require_callable(vm, self, "bind");
  gc::Rooted<FunctionObject> t(vm.heap(), target);
  // length = max(0, target.length - bound args); name = "bound " + target.name.
  double length = 0;
  if (has_own_property(vm, t, key_of(WellKnownAtom::length, vm))) {
    Value l = get(vm, t, key_of(WellKnownAtom::length, vm));
    if (l.is_number()) {
      double d = l.as_number();
      if (std::isinf(d)) length = d > 0 ? d : 0;
      else if (d == d) length = std::max(0.0, std::trunc(d) - double(args.size() > 0 ? args.size() - 1 : 0));
    }
  }
  Value name = get(vm, t, key_of(WellKnownAtom::name, vm));
  std::string bound_name = "bound " + (name.is_string() ? as_string(name)->to_utf8() : std::string());
  gc::Rooted<FunctionObject> f(vm.heap(), vm.new_native(bound_name, nullptr, 0, t->is_constructor));
  f->kind = FunctionKind::Bound;
  f->bound_target = object_value(t);
  f->bound_this = arg(args, 0);
  for (size_t i = 1; i < args.size(); ++i) f->bound_args.push_back(args[i]);
  f->set_slot(0, Value::number(length));
  f->set_prototype(get_prototype_of(t));
  return object_value(f);
}

Value function_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  FunctionObject* f = as_function(self);
  if (!f) vm.throw_error(ErrorType::TypeError, "Function.prototype.toString requires that 'this' be a Function");
  if (f->kind == FunctionKind::Bytecode && f->tmpl->source_text) {
    const bytecode::CompiledFunction* code = f->tmpl->code;
    const std::string& text = *f->tmpl->source_text;
    if (code->source_end > code->start.offset && code->source_end <= text.size())
      return string_value(vm.new_string(std::string_view(text).substr(code->start.offset, code->source_end - code->start.offset)));
  }
  Value name = get(vm, f, key_of(WellKnownAtom::name, vm));
  std::string n = name.is_string() ? as_string(name)->to_utf8() : "";
  return string_value(vm.new_string("function " + n + "() { [native code] }"));
}

Value function_has_instance(Vm& vm, Value self, std::span<const Value> args, Value) {
  return Value::boolean(ordinary_has_instance(vm, self, arg(args, 0)));
}

// new Function(p1, ..., body): the text `(function anonymous(p1,...\n) {\nbody\n})`
// compiled as global code (§20.2.1.1.1 CreateDynamicFunction).
Value function_ctor(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string params, body;
  for (size_t i = 0; i + 1 < args.size(); ++i) params += (i ? "," : "") + to_utf8(vm, args[i]);
  if (!args.empty()) body = to_utf8(vm, args[args.size() - 1]);
  std::string source = "(function anonymous(" + params + "\n) {\n" + body + "\n})";
  return vm.evaluate_script(source, "anonymous");
}

}  // namespace

// %ThrowTypeError% (§10.2.4.1): the getter and setter of a strict arguments object's `callee`.
Value throw_type_error(Vm& vm, Value, std::span<const Value>, Value) {
  vm.throw_error(ErrorType::TypeError,
                 "'caller', 'callee', and 'arguments' properties may not be accessed on strict mode functions or the "
                 "arguments objects for calls to them");
}

void install_function(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::FunctionPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Function", function_ctor, 1, proto));
  vm.intrinsics()[IntrinsicObject::Function] = ctor;
  vm.define_native(proto, "call", function_call, 1);
  vm.define_native(proto, "apply", function_apply, 2);
  vm.define_native(proto, "bind", function_bind, 1);
  vm.define_native(proto, "toString", function_to_string, 0);
  gc::Rooted<FunctionObject> has_instance(vm.heap(), vm.new_native("[Symbol.hasInstance]", function_has_instance, 1));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::hasInstance), object_value(has_instance), 0);
  define_global(vm, "Function", object_value(ctor));
  gc::Rooted<FunctionObject> thrower(vm.heap(), vm.new_native("", throw_type_error, 0));
  for (WellKnownAtom a : {WellKnownAtom::length, WellKnownAtom::name}) {  // frozen: length and name read-only
    PropertyDescriptor d;
    d.configurable = false;
    d.writable = false;
    define_own_property(vm, thrower, PropertyKey::of_cell(vm.atom(a)), d, true);
  }
  thrower->prevent_extensions();
  vm.intrinsics()[IntrinsicObject::ThrowTypeError] = thrower;
}

}  // namespace glass
