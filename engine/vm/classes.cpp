// Classes at run time (§15.7): wiring a constructor to its heritage, field
// initializers, super calls and property access, and private names.
//
// Private names: each evaluation of a class body makes one fresh Symbol per
// #name it declares (flagged private, so no reflection ever lists it) and
// keeps them in an "environment" object — atom -> symbol — whose prototype is
// the enclosing class body's environment. Functions made inside the body
// remember the environment (FunctionObject::private_env); `o.#x` looks the
// name up there and then reads o's own property under that symbol.
#include "vm/rooted.h"
#include "vm/interpreter_support.h"

namespace glass {

Value make_class(Vm& vm, Value ctor_value, Value parent) {
  gc::Rooted<FunctionObject> ctor(vm.heap(), as_function(ctor_value));
  RootedValue heritage(vm.heap(), parent);
  Object* proto_parent = vm.intrinsics()[IntrinsicObject::ObjectPrototype];
  Object* ctor_parent = vm.intrinsics()[IntrinsicObject::FunctionPrototype];
  if (!parent.is_empty()) {
    if (parent.is_null()) {
      proto_parent = nullptr;
    } else {
      if (!is_constructor(parent))
        vm.throw_error(ErrorType::TypeError, "Class extends value " + to_utf8(vm, parent) + " is not a constructor or null");
      Value p = get(vm, as_object(heritage), key_of(WellKnownAtom::prototype, vm));
      if (!p.is_object() && !p.is_null())
        vm.throw_error(ErrorType::TypeError, "Class extends value does not have valid prototype property " + to_utf8(vm, p));
      proto_parent = p.is_null() ? nullptr : as_object(p);
      ctor_parent = as_object(heritage);
    }
  }
  gc::Rooted<Object> proto(vm.heap(), vm.new_object_with_proto(proto_parent));
  PropertyDescriptor d;
  d.value = object_value(proto);
  d.writable = false;
  define_own_property(vm, ctor, key_of(WellKnownAtom::prototype, vm), d, true);
  vm.define_value(proto, vm.atom(WellKnownAtom::constructor), object_value(ctor));
  if (ctor_parent != vm.intrinsics()[IntrinsicObject::FunctionPrototype]) ctor->set_prototype(ctor_parent);
  ctor->is_class_constructor = true;
  ctor->is_derived = !parent.is_empty();
  ctor->home_object = object_value(proto);
  return object_value(proto);
}

void run_field_initializers(Vm& vm, FunctionObject* ctor, Value self_value) {
  if (!ctor->fields.is_object()) return;
  gc::Rooted<Object> fields(vm.heap(), as_object(ctor->fields));
  RootedValue self(vm.heap(), self_value);
  RootedValue env(vm.heap(), ctor->private_env);
  uint32_t n = fields->array_length();
  for (uint32_t i = 0; i + 2 < n; i += 3) {
    RootedValue key(vm.heap(), fields->get_element(i).value_or(Value::undefined()));
    RootedValue fn(vm.heap(), fields->get_element(i + 1).value_or(Value::undefined()));
    int kind = fields->get_element(i + 2).value_or(Value::int32(0)).as_int32();
    switch (kind) {
      case 0: {  // public field
        Value v = fn.get().is_undefined() ? Value::undefined() : vm.call(fn, self, {});
        PropertyKey k = to_property_key(vm, key);
        create_data_property_or_throw(vm, as_object(self), k, v);
        break;
      }
      case 4: {  // private field
        Value v = fn.get().is_undefined() ? Value::undefined() : vm.call(fn, self, {});
        define_private(vm, env, self, as_string(key), v);
        break;
      }
      case 1:  // private method: a read-only private property holding the function
        define_private(vm, env, self, as_string(key), fn, /*writable=*/false);
        break;
      case 2:
      case 3:  // private accessor halves, merged on the instance
        define_private_accessor(vm, env, self, as_string(key), fn, kind == 2);
        break;
    }
  }
}

Value super_call(Vm& vm, Frame& f, Value args_array) {
  FunctionObject* active = f.callee;
  Object* parent = get_prototype_of(active);
  if (!parent || !is_constructor(object_value(parent)))
    vm.throw_error(ErrorType::TypeError, "Super constructor " + (parent ? to_utf8(vm, object_value(parent)) : std::string("null")) +
                                             " of anonymous class is not a constructor");
  gc::Rooted<FunctionObject> ctor(vm.heap(), active);
  ValueVector args(vm.heap());
  Object* list = as_object(args_array);
  for (uint32_t i = 0; i < list->array_length(); ++i) args.values.push_back(list->get_element(i).value_or(Value::undefined()));
  size_t frame_index = size_t(&f - vm.frames().data());
  Value new_target = f.new_target;
  Value result = vm.construct(object_value(parent), args.values, new_target);
  Frame& frame = const_cast<Frame&>(vm.frames()[frame_index]);
  if (!frame.this_value.is_empty()) vm.throw_error(ErrorType::ReferenceError, "Super constructor may only be called once");
  frame.this_value = result;
  run_field_initializers(vm, ctor, result);
  return result;
}

static Object* home_prototype(Vm& vm, Frame& f) {
  Value home = f.callee->home_object;
  if (!home.is_object()) vm.throw_error(ErrorType::SyntaxError, "'super' keyword unexpected here");
  return get_prototype_of(as_object(home));
}

Value get_super(Vm& vm, Frame& f, Value key) {
  Value self = f.this_value;
  if (self.is_empty())
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  RootedValue k(vm.heap(), key), receiver(vm.heap(), self);
  Object* proto = home_prototype(vm, f);
  if (!proto) vm.throw_error(ErrorType::TypeError, "Cannot read properties of null (reading '" + to_utf8(vm, key) + "')");
  gc::Rooted<Object> p(vm.heap(), proto);
  return get(vm, p, to_property_key(vm, k), receiver);
}

void set_super(Vm& vm, Frame& f, Value key, Value v) {
  RootedValue k(vm.heap(), key), value(vm.heap(), v), receiver(vm.heap(), f.this_value);
  Object* proto = home_prototype(vm, f);
  if (!proto) vm.throw_error(ErrorType::TypeError, "Cannot set properties of null");
  gc::Rooted<Object> p(vm.heap(), proto);
  if (!set(vm, p, to_property_key(vm, k), value, receiver))
    vm.throw_error(ErrorType::TypeError, "Cannot assign to read only property '" + to_utf8(vm, k) + "' of object");
}

Value push_private_names(Vm& vm, Value outer, const std::vector<std::string>& names) {
  gc::Rooted<Object> env(vm.heap(), vm.new_object_with_proto(outer.is_object() ? as_object(outer) : nullptr));
  for (const std::string& name : names) {
    gc::Rooted<String> key(vm.heap(), vm.intern(name));
    Symbol* sym = Symbol::create(vm.heap(), vm.new_string("#" + name), Symbol::kPrivate);
    env->define_own(vm.heap(), key, symbol_value(sym), 0);
  }
  return object_value(env);
}

Symbol* private_symbol(Vm& vm, Value env, String* name) {
  for (Object* e = env.is_object() ? as_object(env) : nullptr; e; e = get_prototype_of(e))
    if (auto p = e->get_own(name)) return as_symbol(p->value);
  vm.throw_error(ErrorType::SyntaxError, "Private field '#" + name->to_utf8() + "' must be declared in an enclosing class");
}

Value get_private(Vm& vm, Value env, Value object, String* name) {
  Symbol* sym = private_symbol(vm, env, name);
  std::optional<OwnProperty> p;
  if (object.is_object()) p = as_object(object)->get_own(sym);
  if (!p) vm.throw_error(ErrorType::TypeError, "Cannot read private member #" + name->to_utf8() +
                                                   " from an object whose class did not declare it");
  if (p->flags & kAccessor) {
    auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
    if (pair->getter.is_undefined()) vm.throw_error(ErrorType::TypeError, "'#" + name->to_utf8() + "' was defined without a getter");
    return vm.call(pair->getter, object, {});
  }
  return p->value;
}

void set_private(Vm& vm, Value env, Value object, String* name, Value v) {
  Symbol* sym = private_symbol(vm, env, name);
  std::optional<OwnProperty> p;
  if (object.is_object()) p = as_object(object)->get_own(sym);
  if (!p) vm.throw_error(ErrorType::TypeError, "Cannot write private member #" + name->to_utf8() +
                                                   " to an object whose class did not declare it");
  if (p->flags & kAccessor) {
    auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
    if (pair->setter.is_undefined()) vm.throw_error(ErrorType::TypeError, "'#" + name->to_utf8() + "' was defined without a setter");
    Value arg = v;
    vm.call(pair->setter, object, std::span<const Value>(&arg, 1));
    return;
  }
  if (!(p->flags & kWritable)) vm.throw_error(ErrorType::TypeError, "Private method '#" + name->to_utf8() + "' is not writable");
  as_object(object)->set_own_value(sym, v);
}

// A private getter or setter (§7.3.31 PrivateMethodOrAccessorAdd): the get
// and set of one name are the two halves of one accessor, filled as each is
// defined (a private name is never configurable, so this is done in place).
void define_private_accessor(Vm& vm, Value env, Value object, String* name, Value fn, bool getter) {
  RootedValue f(vm.heap(), fn), obj(vm.heap(), object);
  gc::Rooted<Symbol> s(vm.heap(), private_symbol(vm, env, name));
  Object* o = as_object(obj);
  if (auto existing = o->get_own(s)) {
    auto* pair = (existing->flags & kAccessor) ? static_cast<AccessorPair*>(existing->value.as_cell()) : nullptr;
    Value* half = pair ? (getter ? &pair->getter : &pair->setter) : nullptr;
    if (!half || !half->is_undefined())
      vm.throw_error(ErrorType::TypeError, "Cannot initialize private methods twice on the same object");
    *half = f;
    return;
  }
  PropertyDescriptor d;
  if (getter) d.get = f.get();
  else d.set = f.get();
  d.enumerable = false;
  d.configurable = false;
  define_own_property(vm, o, PropertyKey::of_cell(s), d, true);
}

void define_private(Vm& vm, Value env, Value object, String* name, Value v, bool writable) {
  Symbol* sym = private_symbol(vm, env, name);
  if (!object.is_object()) vm.throw_error(ErrorType::TypeError, "Cannot define private member on a non-object");
  Object* o = as_object(object);
  if (o->get_own(sym)) vm.throw_error(ErrorType::TypeError, "Cannot initialize #" + name->to_utf8() + " twice on the same object");
  // Private names ignore extensibility (§7.3.31 PrivateFieldAdd).
  o->define_own(vm.heap(), sym, v, writable ? kWritable : 0);
}

bool has_private(Vm& vm, Value env, Value object, String* name) {
  if (!object.is_object()) vm.throw_error(ErrorType::TypeError, "Cannot use 'in' operator to search for '#" + name->to_utf8() + "' in " + to_utf8(vm, object));
  Symbol* sym = private_symbol(vm, env, name);
  return as_object(object)->get_own(sym).has_value();
}

void define_accessor_half(Vm& vm, Value object, Value key, Value fn, bool getter, bool enumerable) {
  RootedValue o(vm.heap(), object), f(vm.heap(), fn);
  PropertyKey k = to_property_key(vm, key);
  PropertyDescriptor d;
  if (getter) d.get = f.get();
  else d.set = f.get();
  d.enumerable = enumerable;
  d.configurable = true;
  define_own_property(vm, as_object(o), k, d, true);
  if (FunctionObject* func = as_function(f)) func->home_object = o;
}

void define_method(Vm& vm, Value object, Value key, Value fn) {
  RootedValue o(vm.heap(), object), f(vm.heap(), fn);
  PropertyKey k = to_property_key(vm, key);
  PropertyDescriptor d;
  d.value = f.get();
  d.writable = true;
  d.enumerable = false;
  d.configurable = true;
  define_own_property(vm, as_object(o), k, d, true);
  if (FunctionObject* func = as_function(f)) func->home_object = o;
}

}  // namespace glass
