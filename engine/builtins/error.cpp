// Error and its subclasses. Every error gets a `stack` string when made:
// "TypeError: message" and one "    at name (file:line:column)" line per frame.
#include "builtins/builtins.h"

namespace glass {

namespace {

template <ErrorType type>
Value error_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  IntrinsicObject proto_id;
  switch (type) {
#define GLASS_X(name) \
  case ErrorType::name: proto_id = IntrinsicObject::name##Prototype; break;
    GLASS_ERROR_TYPES(GLASS_X)
#undef GLASS_X
  }
  Value nt = new_target;
  if (nt.is_undefined()) nt = Value::undefined();
  gc::Rooted<Object> e(vm.heap(), ordinary_create_from_constructor(vm, nt, proto_id, ObjectClass::Error));
  size_t message_index = type == ErrorType::AggregateError ? 1 : 0;
  Value message = arg(args, message_index);
  if (!message.is_undefined()) {
    String* m = to_string(vm, message);
    vm.define_value(e, vm.atom(WellKnownAtom::message), string_value(m));
  }
  Value options = arg(args, message_index + 1);
  if (options.is_object() && has_property(vm, as_object(options), key_of(WellKnownAtom::cause, vm))) {
    Value cause = get(vm, as_object(options), key_of(WellKnownAtom::cause, vm));
    vm.define_value(e, vm.atom(WellKnownAtom::cause), cause);
  }
  if (type == ErrorType::AggregateError) {
    ValueVector errors(vm.heap());
    IteratorRecord it = get_iterator(vm, arg(args, 0));
    RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
    for (;;) {
      IteratorRecord rec{iter, next};
      auto v = iterator_step(vm, rec);
      if (!v) break;
      errors.values.push_back(*v);
    }
    vm.define_value(e, vm.atom(WellKnownAtom::errors), object_value(vm.new_array_from(errors.values)));
  }
  // The stack's first line is what toString() gives now.
  Value name = get(vm, e, key_of(WellKnownAtom::name, vm));
  std::string stack = name.is_undefined() ? "Error" : to_utf8(vm, name);
  Value m = get(vm, e, key_of(WellKnownAtom::message, vm));
  std::string msg = m.is_undefined() ? "" : to_utf8(vm, m);
  if (!msg.empty()) {
    if (!stack.empty()) stack += ": ";
    stack += msg;
  }
  // Not the Error constructor itself, nor the constructors that made it
  // (new.target and the super() calls it ran): left out, as V8 does.
  vm.append_stack_trace(stack, 1, new_target.is_object() ? as_object(new_target) : nullptr);
  vm.define_value(e, vm.atom(WellKnownAtom::stack), string_value(vm.new_string(stack)));
  return object_value(e);
}

Value error_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, "Error.prototype.toString requires that 'this' be an Object");
  gc::Rooted<Object> o(vm.heap(), as_object(self));
  Value name = get(vm, o, key_of(WellKnownAtom::name, vm));
  std::string n = name.is_undefined() ? "Error" : to_utf8(vm, name);
  Value message = get(vm, o, key_of(WellKnownAtom::message, vm));
  std::string m = message.is_undefined() ? "" : to_utf8(vm, message);
  if (n.empty()) return string_value(vm.new_string(m));
  if (m.empty()) return string_value(vm.new_string(n));
  return string_value(vm.new_string(n + ": " + m));
}

Value error_capture_stack_trace(Vm& vm, Value, std::span<const Value> args, Value) {
  if (!arg(args, 0).is_object()) vm.throw_error(ErrorType::TypeError, "Invalid argument");
  gc::Rooted<Object> o(vm.heap(), as_object(args[0]));
  // The header is name: message, as Error.prototype.toString makes it (not
  // the object's own toString: console.trace passes a plain object).
  std::string header = to_utf8(vm, error_to_string(vm, object_value(o), {}, Value::undefined()));
  // Error.captureStackTrace(obj, fn): frames above fn, and fn's own, are left out.
  std::string stack = header;
  vm.append_stack_trace(stack, 1, is_callable(arg(args, 1)) ? as_object(args[1]) : nullptr);
  vm.define_value(o, vm.atom(WellKnownAtom::stack), string_value(vm.new_string(stack)));
  return Value::undefined();
}

}  // namespace

// Steps 3-6 of SuppressedError ( error, suppressed, message ) on a new error object `e`.
static void initialize_suppressed_error(Vm& vm, Object* error_object, Value error, Value suppressed, Value message) {
  gc::Rooted<Object> e(vm.heap(), error_object);
  RootedValue err(vm.heap(), error), sup(vm.heap(), suppressed);
  // 3. If message is not undefined, the message property.
  if (!message.is_undefined()) vm.define_value(e, vm.atom(WellKnownAtom::message), string_value(to_string(vm, message)));
  // 4-5. The error and suppressed properties (not enumerable).
  vm.define_value(e, "error", err);
  vm.define_value(e, "suppressed", sup);
  // (The stack, as every error here has: its toString now, then the frames.)
  std::string stack = to_utf8(vm, call_method(vm, object_value(e), key_of(WellKnownAtom::toString, vm), {}));
  vm.append_stack_trace(stack);
  vm.define_value(e, vm.atom(WellKnownAtom::stack), string_value(vm.new_string(stack)));
}

// §20.5.8.1.1 SuppressedError ( error, suppressed, message )
static Value suppressed_error_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, let newTarget be the active function object; else NewTarget.
  Value nt = new_target.is_undefined() ? object_value(vm.current_native()) : new_target;
  // 2. Let O be ? OrdinaryCreateFromConstructor(newTarget, "%SuppressedError.prototype%", « [[ErrorData]] »).
  Object* e = ordinary_create_from_constructor(vm, nt, IntrinsicObject::SuppressedErrorPrototype, ObjectClass::Error);
  // 3-6.
  gc::Rooted<Object> o(vm.heap(), e);
  initialize_suppressed_error(vm, o, arg(args, 0), arg(args, 1), arg(args, 2));
  return object_value(o);
}

Object* make_suppressed_error(Vm& vm, Value error, Value suppressed) {
  RootedValue err(vm.heap(), error), sup(vm.heap(), suppressed);
  gc::Rooted<Object> e(vm.heap(), vm.new_object_with_proto(vm.intrinsics()[IntrinsicObject::SuppressedErrorPrototype]));
  e->set_object_class(ObjectClass::Error);
  initialize_suppressed_error(vm, e, err, sup, Value::undefined());
  return e;
}

// §20.5.2.1 Error.isError ( arg ): true for objects with an [[ErrorData]] slot (not proxies of them).
static Value error_is_error(Vm&, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  return Value::boolean(v.is_object() && as_object(v)->object_class() == ObjectClass::Error);
}

void install_error(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<FunctionObject> base(vm.heap());
#define GLASS_X(T)                                                                                            \
  {                                                                                                              \
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::T##Prototype]);                                  \
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, #T, error_ctor<ErrorType::T>,          \
                                                                ErrorType::T == ErrorType::AggregateError ? 2 : 1, proto)); \
    vm.define_value(proto, vm.atom(WellKnownAtom::name), string_value(vm.intern(#T)));                       \
    vm.define_value(proto, vm.atom(WellKnownAtom::message), string_value(vm.atom(WellKnownAtom::empty)));       \
    if (ErrorType::T == ErrorType::Error) {                                                                   \
      base = ctor;                                                                                               \
      vm.define_native(proto, "toString", error_to_string, 0);                                                   \
      vm.define_native(ctor, "captureStackTrace", error_capture_stack_trace, 2);                                 \
      vm.define_native(ctor, "isError", error_is_error, 1);                                                      \
      vm.define_value(ctor, "stackTraceLimit", Value::int32(10), kDefaultProperty);                              \
    } else {                                                                                                     \
      ctor->set_prototype(base.get());                                                                           \
    }                                                                                                            \
    define_global(vm, #T, object_value(ctor));                                                                \
  }
  GLASS_ERROR_TYPES(GLASS_X)
#undef GLASS_X
  // SuppressedError (§20.5.8): outside GLASS_ERROR_TYPES, since its arguments differ.
  in[IntrinsicObject::SuppressedErrorPrototype] = vm.new_object_with_proto(in[IntrinsicObject::ErrorPrototype]);
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::SuppressedErrorPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "SuppressedError", suppressed_error_ctor, 3, proto));
  ctor->set_prototype(base.get());
  vm.define_value(proto, vm.atom(WellKnownAtom::name), string_value(vm.intern("SuppressedError")));
  vm.define_value(proto, vm.atom(WellKnownAtom::message), string_value(vm.atom(WellKnownAtom::empty)));
  define_global(vm, "SuppressedError", object_value(ctor));
}

}  // namespace glass
