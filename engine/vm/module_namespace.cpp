// Module namespace exotic objects (§10.4.6): `import * as ns` and what
// import() resolves to. Its string-keyed properties are the module's
// exports, read live from the exporting environments; they are writable
// (in the descriptor) yet no assignment succeeds, and none can be deleted.
// The object has a null prototype, is not extensible, and its only
// ordinary property is @@toStringTag "Module" — so symbol keys take the
// ordinary paths, and operations.cpp sends string keys here.
#include <algorithm>

#include "unicode/unicode.h"
#include "vm/module.h"
#include "vm/module_internal.h"
#include "vm/operations.h"

namespace glass {

namespace {

class ModuleNamespace final : public Object {
 public:
  struct Export {
    String* name;  // an atom
    ModuleRecord* module;
    int slot;           // in module->env, or -1 for a namespace
  };
  ModuleRecord* module;
  std::vector<Export> exports;  // sorted by name, in UTF-16 code unit order

  ModuleNamespace(Shape* shape, ModuleRecord* m) : Object(shape, ObjectClass::ModuleNamespace), module(m) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    tracer.visit(module);
    for (const Export& e : exports) {
      tracer.visit(e.name);
      tracer.visit(e.module);
    }
  }
  const char* cell_name() const override { return "ModuleNamespace"; }

  const Export* find(Vm& vm, PropertyKey key) const {
    String* name = key.is_index() ? vm.intern(std::to_string(key.index)) : static_cast<String*>(key.cell);
    for (const Export& e : exports)
      if (e.name == name) return &e;
    return nullptr;
  }
};

ModuleNamespace* as_namespace(Object* o) { return static_cast<ModuleNamespace*>(o); }

// The export's current value; a binding still in its TDZ throws (§10.4.6.8 step 12).
Value export_value(Vm& vm, const ModuleNamespace::Export& e) {
  if (e.slot < 0) return object_value(module_namespace(vm, e.module));
  if (!e.module->env) vm.throw_error(ErrorType::ReferenceError, "Cannot access '" + e.name->to_utf8() + "' before initialization");
  Value v = e.module->env->at(uint32_t(e.slot));
  if (v.is_empty()) vm.throw_error(ErrorType::ReferenceError, "Cannot access '" + e.name->to_utf8() + "' before initialization");
  return v;
}

}  // namespace

bool is_module_namespace(const Object* o) { return o->object_class() == ObjectClass::ModuleNamespace; }

Object* module_namespace(Vm& vm, ModuleRecord* module_record) {
  if (module_record->namespace_object) return module_record->namespace_object;
  gc::Heap& heap = vm.heap();
  gc::Rooted<ModuleRecord> module(heap, module_record);
  // Unambiguous names only (§16.2.1.10 step 3.b), sorted as code units.
  std::vector<std::pair<std::u16string, ResolvedExport>> names;
  for (const std::string& n : exported_names(module)) {
    ResolvedExport r = resolve_export(module, n);
    if (r.status != ResolvedExport::Found) continue;
    std::u16string u;
    unicode::utf8_to_utf16(n, u);
    names.push_back({std::move(u), r});
  }
  std::sort(names.begin(), names.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // A fresh shape with no prototype, then dictionary mode: no inline cache matches it.
  gc::Rooted<Shape> shape(heap, Shape::create_root(heap, nullptr));
  gc::Rooted<ModuleNamespace> ns(heap, heap.allocate<ModuleNamespace>(shape.get(), module.get()));
  ns->set_prototype(nullptr);
  for (auto& [n, r] : names) {
    String* atom = vm.atoms().intern(heap, String::from_utf16(heap, n));
    ns->exports.push_back({atom, r.module, r.is_namespace ? -1 : r.slot});
  }
  gc::Rooted<String> tag(heap, vm.intern("Module"));
  ns->define_own(heap, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(tag), 0);
  ns->prevent_extensions();
  module->namespace_object = ns;
  return ns;
}

std::optional<OwnProperty> namespace_get_own_property(Vm& vm, Object* o, PropertyKey key) {
  const ModuleNamespace::Export* e = as_namespace(o)->find(vm, key);
  if (!e) return std::nullopt;
  return OwnProperty{export_value(vm, *e), uint8_t(kWritable | kEnumerable)};
}

bool namespace_define_own_property(Vm& vm, Object* o, PropertyKey key, const PropertyDescriptor& desc) {
  // §10.4.6.6: only a no-op redefinition of an export succeeds.
  std::optional<OwnProperty> current = namespace_get_own_property(vm, o, key);
  if (!current) return false;
  if (desc.configurable && *desc.configurable) return false;
  if (desc.enumerable && !*desc.enumerable) return false;
  if (desc.is_accessor()) return false;
  if (desc.writable && !*desc.writable) return false;
  if (desc.value) return same_value(*desc.value, current->value);
  return true;
}

bool namespace_has_property(Vm& vm, Object* o, PropertyKey key) { return as_namespace(o)->find(vm, key) != nullptr; }

Value namespace_get(Vm& vm, Object* o, PropertyKey key) {
  const ModuleNamespace::Export* e = as_namespace(o)->find(vm, key);
  return e ? export_value(vm, *e) : Value::undefined();
}

bool namespace_delete_property(Vm& vm, Object* o, PropertyKey key) { return as_namespace(o)->find(vm, key) == nullptr; }

std::vector<PropertyKey> namespace_own_property_keys(Vm&, Object* o) {
  std::vector<PropertyKey> keys;
  for (const auto& e : as_namespace(o)->exports) keys.push_back(PropertyKey::of_cell(e.name));
  return keys;
}

}  // namespace glass
