// By-name lookups through the scope chain: the run-time half of `with` and
// of sloppy direct eval's vars (see resolver.h for the compile-time half).
//
// Glass resolves almost every name at compile time to a register or a
// (depth, slot) pair. Two things can add names the compiler cannot see: the
// object of a `with` statement (§9.1.1.2 object Environment Records) and a
// sloppy direct eval declaring a var in its caller's function (§19.2.1.3).
// Both live in HeapScopes of a special kind, and a reference they may shadow
// first asks find_name; only when it answers <empty> does the reference go
// to its static place.
#include "vm/interpreter_support.h"
#include "vm/rooted.h"

namespace glass {

namespace {

// Every `with` scope's layout: one slot, the object (the debugger shows its properties).
const bytecode::Constant& with_layout() {
  static const bytecode::Constant layout = [] {
    bytecode::Constant k;
    k.kind = bytecode::Constant::Kind::Scope;
    k.names = {"<object>"};
    k.slot_kinds = {bytecode::VariableKind::Var};
    k.scope_kind = bytecode::ScopeKind::With;
    return k;
  }();
  return layout;
}

}  // namespace

HeapScope* push_with_scope(Vm& vm, HeapScope* parent, Value object) {
  gc::Rooted<HeapScope> outer(vm.heap(), parent);
  RootedValue target(vm.heap(), object_value(to_object(vm, object)));
  HeapScope* scope = HeapScope::create(vm.heap(), outer, 1, HeapScope::Kind::With, &with_layout());
  scope->at(0) = target;
  return scope;
}

// §9.1.1.2.1 HasBinding for an object record made by `with`: the object has
// the name, and its @@unscopables does not hide it.
static bool with_object_has(Vm& vm, Object* object, String* name) {
  gc::Rooted<Object> o(vm.heap(), object);
  PropertyKey key = PropertyKey::of_cell(name);
  if (!has_property(vm, o, key)) return false;
  PropertyKey unscopables_key = PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::unscopables));
  RootedValue unscopables(vm.heap(), get(vm, o, unscopables_key, object_value(o)));
  if (!unscopables.get().is_object()) return true;
  return !to_boolean(get(vm, as_object(unscopables), key, unscopables));
}

void find_name(Vm& vm, HeapScope* innermost, String* name, uint16_t depth, Value* out) {
  gc::Rooted<HeapScope> scope(vm.heap(), innermost);
  gc::Rooted<String> n(vm.heap(), name);
  for (uint32_t d = 0; scope.get() && (depth == 0xFFFF || d < depth); ++d, scope = scope->parent()) {
    if (scope->kind() == HeapScope::Kind::With) {
      Object* object = as_object(scope->at(0));
      if (with_object_has(vm, object, n)) {
        out[0] = out[1] = scope->at(0);
        return;
      }
    } else if (scope->kind() == HeapScope::Kind::EvalVars) {
      Value vars = scope->at(scope->count() - 1);
      if (vars.is_object() && has_own_property(vm, as_object(vars), PropertyKey::of_cell(n))) {
        out[0] = vars;
        out[1] = Value::undefined();
        return;
      }
    }
  }
  out[0] = Value::empty();
  out[1] = Value::undefined();
}

void check_binding_exists(Vm& vm, Value object, String* name) {
  gc::Rooted<String> rooted(vm.heap(), name);
  if (!has_property(vm, as_object(object), PropertyKey::of_cell(rooted.get())))
    vm.throw_error(ErrorType::ReferenceError, rooted->to_utf8() + " is not defined");
}

}  // namespace glass
