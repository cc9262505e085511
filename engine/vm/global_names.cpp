// Reading and writing global names (§9.1.1.4 Global Environment Records):
// a name is looked up in the declarative record (the script-level
// let/const/class bindings, Vm::global_lexicals) and then on the global
// object. Both lookups fill the access's inline cache, so a hot global —
// `let count` at the top of a script — is a shape compare and a slot load.
#include "vm/interpreter_support.h"
#include "vm/rooted.h"

namespace glass {

namespace {

[[noreturn]] void throw_tdz(Vm& vm, String* name) {
  vm.throw_error(ErrorType::ReferenceError, "Cannot access '" + name->to_utf8() + "' before initialization");
}

void cache_lexical(Vm& vm, InlineCache& ic) {
  Object* lex = vm.global_lexicals();
  if (lex->in_dictionary_mode()) return;
  if (auto info = lex->shape()->find(ic.name)) {
    ic.shape = nullptr;  // never matches the global object's shape
    ic.holder = lex;
    ic.holder_shape = lex->shape();
    ic.slot = info->slot;
    ic.slot_address = lex->slot_address(info->slot);
  }
}

}  // namespace

Value get_global(Vm& vm, InlineCache& ic) {
  if (auto lexical = vm.global_lexicals()->get_own(ic.name)) {
    if (lexical->value.is_empty()) throw_tdz(vm, ic.name);
    cache_lexical(vm, ic);
    return lexical->value;
  }
  Object* g = vm.global();
  PropertyKey key = PropertyKey::of_cell(ic.name);
  if (!has_property(vm, g, key)) vm.throw_error(ErrorType::ReferenceError, ic.name->to_utf8() + " is not defined");
  Value v = get(vm, g, key);
  if (!g->in_dictionary_mode()) {
    if (auto own = g->shape()->find(ic.name); own && !(own->flags & kAccessor)) {
      ic.shape = g->shape();
      ic.holder = nullptr;
      ic.holder_shape = nullptr;
      ic.slot = own->slot;
      ic.slot_address = g->slot_address(own->slot);
    }
  }
  return v;
}

Value typeof_global(Vm& vm, InlineCache& ic) {
  if (auto lexical = vm.global_lexicals()->get_own(ic.name)) {
    if (lexical->value.is_empty()) throw_tdz(vm, ic.name);
    return typeof_value(vm, lexical->value);
  }
  PropertyKey key = PropertyKey::of_cell(ic.name);
  if (!has_property(vm, vm.global(), key)) return string_value(vm.atom(WellKnownAtom::undefined));
  return typeof_value(vm, get(vm, vm.global(), key));
}

void set_global(Vm& vm, InlineCache& ic, Value v, bool strict) {
  Object* lex = vm.global_lexicals();
  if (auto lexical = lex->get_own(ic.name)) {
    if (lexical->value.is_empty()) throw_tdz(vm, ic.name);
    if (!(lexical->flags & kWritable)) vm.throw_error(ErrorType::TypeError, "Assignment to constant variable.");
    lex->set_own_value(ic.name, v);
    cache_lexical(vm, ic);
    return;
  }
  Object* g = vm.global();
  PropertyKey key = PropertyKey::of_cell(ic.name);
  RootedValue value(vm.heap(), v);
  if (strict && !has_property(vm, g, key)) vm.throw_error(ErrorType::ReferenceError, ic.name->to_utf8() + " is not defined");
  put_value(vm, object_value(g), key, value, strict);
  if (!g->in_dictionary_mode()) {
    if (auto own = g->shape()->find(ic.name); own && (own->flags & (kWritable | kAccessor)) == kWritable) {
      ic.shape = g->shape();
      ic.holder = nullptr;
      ic.holder_shape = nullptr;
      ic.slot = own->slot;
      ic.slot_address = g->slot_address(own->slot);
    }
  }
}

void declare_globals(Vm& vm, const std::vector<std::string>& names, int kind) {
  gc::Rooted<Object> lex(vm.heap(), vm.global_lexicals());
  if (kind == 2 || kind == 3) {  // var and function names: global properties, undefined until assigned
    gc::Rooted<Object> global(vm.heap(), vm.global());
    for (const std::string& n : names) {
      gc::Rooted<String> name(vm.heap(), vm.intern(n));
      if (lex->get_own(name)) vm.throw_error(ErrorType::SyntaxError, "Identifier '" + n + "' has already been declared");
      if (get_own_property(vm, global, PropertyKey::of_cell(name))) continue;
      if (!global->extensible()) vm.throw_error(ErrorType::TypeError, "Cannot define global variable '" + n + "'");
      // A script's vars cannot be deleted; a sloppy eval's can (§19.2.1.3 step 17 CreateGlobalVarBinding(vn, true)).
      global->define_own(vm.heap(), name, Value::undefined(),
                         kind == 3 ? uint8_t(kWritable | kEnumerable | kConfigurable) : uint8_t(kWritable | kEnumerable));
    }
    return;
  }
  bool is_const = kind == 1;
  for (const std::string& n : names) {
    gc::Rooted<String> name(vm.heap(), vm.intern(n));
    if (lex->get_own(name)) vm.throw_error(ErrorType::SyntaxError, "Identifier '" + n + "' has already been declared");
    auto existing = get_own_property(vm, vm.global(), PropertyKey::of_cell(name));
    if (existing && !(existing->flags & kConfigurable))
      vm.throw_error(ErrorType::SyntaxError, "Identifier '" + n + "' has already been declared");
  }
  for (const std::string& n : names) {
    gc::Rooted<String> name(vm.heap(), vm.intern(n));
    lex->define_own(vm.heap(), name, Value::empty(), is_const ? uint8_t(0) : uint8_t(kWritable));
  }
}

void init_global_lexical(Vm& vm, String* name, Value v) { vm.global_lexicals()->set_own_value(name, v); }

}  // namespace glass
