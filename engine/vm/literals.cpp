// Literals, spread and destructuring at run time: array building, object
// spread / rest, iterator rest, template objects, closures and scopes.
#include "vm/interpreter_support.h"
#include "vm/rooted.h"

namespace glass {

void array_push(Vm& vm, Value array, Value v) {
  Object* a = as_object(array);
  uint32_t i = a->array_length();
  if (a->dense_length() == i) {
    a->dense_elements().push_back(v);
    a->set_array_length_raw(i + 1);
    return;
  }
  a->set_element(i, v);
  a->set_array_length_raw(i + 1);
  (void)vm;
}

void array_hole(Value array) {
  Object* a = as_object(array);
  a->set_array_length_raw(a->array_length() + 1);
}

void array_spread(Vm& vm, Value array, Value iterable) {
  RootedValue a(vm.heap(), array), source(vm.heap(), iterable);
  // Fast path: a plain array with the default iterator (not observable).
  if (source.get().is_object() && as_object(source)->object_class() == ObjectClass::Array) {  // not a Proxy
    Object* s = as_object(source);
    Object* proto = get_prototype_of(s);
    if (proto == vm.intrinsics()[IntrinsicObject::ArrayPrototype] && !s->has_sparse_elements() && !s->has_special_elements() &&
        s->element_flags() == kDefaultProperty && s->get_own(vm.well_known_symbol(WellKnownSymbol::iterator)) == std::nullopt) {
      auto it = get_own_property(vm, proto, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator)));
      Value values = get(vm, proto, key_of(vm, "values"));
      if (it && it->value == values) {
        uint32_t n = s->array_length();
        for (uint32_t i = 0; i < n; ++i) {
          auto v = as_object(source)->get_element(i);
          array_push(vm, a, v ? *v : Value::undefined());
        }
        return;
      }
    }
  }
  IteratorRecord rec = get_iterator(vm, source);
  RootedValue iter(vm.heap(), rec.iterator), next(vm.heap(), rec.next_method);
  for (;;) {
    IteratorRecord r{iter, next};
    std::optional<Value> v = iterator_step(vm, r);
    if (!v) break;
    array_push(vm, a, *v);
  }
}

void copy_data_properties(Vm& vm, Value target, Value source, Value excluded) {
  if (source.is_nullish()) {
    if (target.is_object()) return;  // {...null} copies nothing
    vm.throw_error(ErrorType::TypeError, "Cannot destructure '" + to_utf8(vm, source) + "' as it is " + to_utf8(vm, source) + ".");
  }
  if (!target.is_object()) return;
  RootedValue t(vm.heap(), target), ex(vm.heap(), excluded);
  gc::Rooted<Object> from(vm.heap(), to_object(vm, source));
  for (PropertyKey key : own_property_keys(vm, from)) {
    if (ex.get().is_object()) {
      Object* list = as_object(ex);
      bool skip = false;
      RootedValue kv(vm.heap(), key_to_value(vm, key));
      for (uint32_t i = 0; i < list->array_length() && !skip; ++i) {
        Value e = list->get_element(i).value_or(Value::undefined());
        if (same_value(e, kv) || (e.is_number() && kv.get().is_string() && to_property_key(vm, e) == key)) skip = true;
      }
      if (skip) continue;
    }
    auto p = get_own_property(vm, from, key);
    if (!p || !(p->flags & kEnumerable)) continue;
    Value v = get(vm, from, key);
    create_data_property_or_throw(vm, as_object(t), key, v);
  }
}

Value iterator_rest(Vm& vm, Value iterator, Value next) {
  RootedValue iter(vm.heap(), iterator), next_method(vm.heap(), next);
  gc::Rooted<Object> out(vm.heap(), vm.new_array(0));
  for (;;) {
    IteratorRecord r{iter, next_method};
    std::optional<Value> v = iterator_step(vm, r);
    if (!v) break;
    array_push(vm, object_value(out), *v);
  }
  return object_value(out);
}

Value template_object(Vm& vm, FunctionTemplate* tmpl, uint32_t index) {
  if (tmpl->constants[index].is_object()) return tmpl->constants[index];
  gc::Rooted<FunctionTemplate> t(vm.heap(), tmpl);
  const bytecode::Constant& k = t->code->constants[index];
  gc::Rooted<Object> raw(vm.heap(), vm.new_array(0));
  gc::Rooted<Object> cooked(vm.heap(), vm.new_array(0));
  for (size_t i = 0; i < k.raw.size(); ++i) {
    array_push(vm, object_value(raw), string_value(String::from_utf16(vm.heap(), k.raw[i])));
    Value c = k.has_cooked[i] ? string_value(String::from_utf16(vm.heap(), k.cooked[i])) : Value::undefined();
    array_push(vm, object_value(cooked), c);
  }
  set_integrity_level(vm, raw, true);
  vm.define_value(cooked, vm.atom(WellKnownAtom::raw), object_value(raw), 0);
  set_integrity_level(vm, cooked, true);
  t->constants[index] = object_value(cooked);
  return object_value(cooked);
}

Value to_property_key_value(Vm& vm, Value v) {
  // Only an object's conversion is observable (toString/valueOf run once,
  // here); primitives stay as they are, so a[i] keeps its fast int32 path.
  if (!v.is_object()) return v;
  return key_to_value(vm, to_property_key(vm, v));
}

HeapScope* clone_scope(Vm& vm, HeapScope* scope) {
  gc::Rooted<HeapScope> old(vm.heap(), scope);
  HeapScope* copy = HeapScope::create(vm.heap(), old->parent(), old->count(), old->kind(), old->layout());
  for (uint32_t i = 0; i < old->count(); ++i) copy->at(i) = old->at(i);
  return copy;
}

FunctionObject* new_closure(Vm& vm, Frame& f, uint32_t index) {
  size_t frame_index = size_t(&f - vm.frames().data());
  FunctionObject* fn = vm.make_closure(f.tmpl->functions[index], f.scope);
  const Frame& frame = vm.frames()[frame_index];
  fn->private_env = frame.private_env;
  if (fn->tmpl->code->is_arrow) {
    // Arrows see the `this`, super and private names of where they are made.
    fn->bound_this = frame.this_value;
    fn->home_object = frame.callee->home_object;
  }
  return fn;
}

void set_function_name(Vm& vm, Value function, Value key, int prefix) {
  // §10.2.9 SetFunctionName: a symbol key names the function "[description]".
  RootedValue fn(vm.heap(), function);
  std::string name;
  if (key.is_symbol()) {
    Symbol* s = static_cast<Symbol*>(key.as_cell());
    name = s->description() ? "[" + s->description()->to_utf8() + "]" : "";
  } else {
    name = to_utf8(vm, key);
  }
  if (prefix == 1) name = "get " + name;
  if (prefix == 2) name = "set " + name;
  as_object(fn)->set_own_value(vm.atom(WellKnownAtom::name), string_value(vm.new_string(name)));
}

bool delete_global(Vm& vm, String* name) { return delete_property(vm, vm.global(), PropertyKey::of_cell(name)); }

}  // namespace glass
