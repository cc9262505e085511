// Symbol: Symbol(), Symbol.for/keyFor, the well-known symbols, Symbol.prototype.
#include <unordered_map>

#include "builtins/builtins.h"
#include "vm/box.h"

namespace glass {

namespace {

Value symbol_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (!new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Symbol is not a constructor");
  String* description = arg(args, 0).is_undefined() ? nullptr : to_string(vm, args[0]);
  return symbol_value(Symbol::create(vm.heap(), description));
}

// The global symbol registry: Symbol.for(key). Held by the global object's
// hidden property bag (an Object keyed by atom), so the GC sees it.
Object* registry(Vm& vm) {
  static constexpr std::string_view kName = "[[SymbolRegistry]]";
  Symbol* key = nullptr;
  // A private symbol stored on Symbol.for itself would do; keep it simple:
  // an internal object on the Symbol constructor under a private symbol.
  Object* ctor = vm.intrinsics()[IntrinsicObject::Symbol];
  for (gc::Cell* k : ctor->own_named_keys())
    if (is_symbol(k) && static_cast<Symbol*>(k)->description() &&
        static_cast<Symbol*>(k)->description()->to_utf8() == kName && !(static_cast<Symbol*>(k)->is_well_known()))
      key = static_cast<Symbol*>(k);
  if (key) return as_object(ctor->get_own(key)->value);
  gc::Rooted<Object> c(vm.heap(), ctor);
  gc::Rooted<Symbol> s(vm.heap(), Symbol::create(vm.heap(), vm.new_string(kName)));
  gc::Rooted<Object> bag(vm.heap(), vm.new_object_with_proto(nullptr));
  c->define_own(vm.heap(), s, object_value(bag), 0);
  return bag;
}

Value symbol_for(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<String> key(vm.heap(), vm.atoms().intern(vm.heap(), to_string(vm, arg(args, 0))));
  gc::Rooted<Object> bag(vm.heap(), registry(vm));
  if (auto p = bag->get_own(key)) return p->value;
  Symbol* s = Symbol::create(vm.heap(), key, Symbol::kRegistered);
  bag->define_own(vm.heap(), key, symbol_value(s), 0);
  return symbol_value(s);
}

Value symbol_key_for(Vm& vm, Value, std::span<const Value> args, Value) {
  if (!arg(args, 0).is_symbol()) vm.throw_error(ErrorType::TypeError, to_utf8(vm, arg(args, 0)) + " is not a symbol");
  Symbol* s = as_symbol(args[0]);
  if (!s->is_registered()) return Value::undefined();
  return string_value(s->description());
}

Symbol* this_symbol(Vm& vm, Value self) {
  if (self.is_symbol()) return as_symbol(self);
  if (auto v = unbox(self, ObjectClass::Symbol)) return as_symbol(*v);
  vm.throw_error(ErrorType::TypeError, "Symbol.prototype method called on incompatible receiver");
}

Value symbol_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  return string_value(vm.new_string(this_symbol(vm, self)->descriptive_string()));
}
Value symbol_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return symbol_value(this_symbol(vm, self)); }
Value symbol_description(Vm& vm, Value self, std::span<const Value>, Value) {
  Symbol* s = this_symbol(vm, self);
  return s->description() ? string_value(s->description()) : Value::undefined();
}

}  // namespace

void install_symbol(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::SymbolPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Symbol", symbol_ctor, 0, proto));
  vm.intrinsics()[IntrinsicObject::Symbol] = ctor;
#define GLASS_X(n, d) vm.define_value(ctor, #n, symbol_value(vm.well_known_symbol(WellKnownSymbol::n)), 0);
  GLASS_WELL_KNOWN_SYMBOLS(GLASS_X)
#undef GLASS_X
  vm.define_native(ctor, "for", symbol_for, 1);
  vm.define_native(ctor, "keyFor", symbol_key_for, 1);
  vm.define_native(proto, "toString", symbol_to_string, 0);
  vm.define_native(proto, "valueOf", symbol_value_of, 0);
  gc::Rooted<FunctionObject> getter(vm.heap(), vm.new_native("get description", symbol_description, 0));
  vm.define_accessor(proto, vm.intern("description"), object_value(getter), Value::undefined());
  gc::Rooted<FunctionObject> to_prim(vm.heap(), vm.new_native("[Symbol.toPrimitive]", symbol_value_of, 1));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toPrimitive), object_value(to_prim), kConfigurable);
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(vm.intern("Symbol")), kConfigurable);
  define_global(vm, "Symbol", object_value(ctor));
}

}  // namespace glass
