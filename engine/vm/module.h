// ES modules (§16.2): module records, linking, evaluation, namespaces and
// dynamic import(). What a module imports and exports is known from its
// text alone (bytecode::ModuleInfo, made by the compiler); this layer
// connects modules to each other and runs them.
//
// The life of a module, and where each step lives:
//   1. load      the host (ModuleHost) turns a specifier into a record:
//                 it reads and compiles the file (Vm::compile_module), or
//                 builds a synthetic module (JSON, CommonJS) whose exports
//                 it fills itself. The engine never touches the file system.
//   2. link      (module_linking.cpp) every module reachable from the root
//                 gets its environment (a HeapScope with a slot per
//                 top-level binding, all <empty>); then each import slot
//                 receives an ImportBinding: a link to the exporting
//                 module's environment and slot, found by ResolveExport
//                 through re-exports and `export *`. A name nobody exports
//                 is a SyntaxError here, before any code runs.
//   3. evaluate  (module_evaluation.cpp) dependencies first, each module's
//                 body once. A body with top-level await is an async
//                 function: the modules after it wait for its promise. The
//                 result is a promise for the whole graph.
//
// Imports are live: GetImport reads the exporter's slot every time, so an
// importer sees later assignments and the TDZ of a `let` not yet run.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/function.h"
#include "vm/operations.h"
#include "vm/vm.h"

namespace glass {

class ModuleRecord;

// What an import slot holds: the exporting module's binding (§16.2.1.6.3
// CreateImportBinding). A namespace import holds the namespace object instead.
class ImportBinding final : public gc::Cell {
 public:
  HeapScope* env;
  uint32_t slot;
  String* name;  // the imported binding's name, for "Cannot access 'x' before initialization"

  ImportBinding(HeapScope* e, uint32_t s, String* n)
      : gc::Cell(uint8_t(CellTag::ImportBinding)), env(e), slot(s), name(n) {}
  void trace(gc::Tracer& tracer) override {
    tracer.visit(env);
    tracer.visit(name);
  }
  const char* cell_name() const override { return "ImportBinding"; }
};

class ModuleRecord final : public gc::Cell {
 public:
  enum class Kind : uint8_t { SourceText, Synthetic };
  enum class Status : uint8_t { Unlinked, Linking, Linked, Evaluating, Evaluated };

  Kind kind;
  Status status = Status::Unlinked;
  String* name;                          // the resolved file name or URL (messages, import.meta.url)
  FunctionTemplate* tmpl = nullptr;      // SourceText: the body
  const bytecode::ModuleInfo* info = nullptr;  // SourceText: imports and exports
  std::vector<std::string> synthetic_exports;  // Synthetic: the export names, slot i each
  std::vector<ModuleRecord*> requested;  // the loaded module of each info->requests entry
  HeapScope* env = nullptr;              // made when linking starts
  FunctionObject* body = nullptr;        // SourceText: the body's closure over env
  Object* namespace_object = nullptr;    // made on first request
  Object* meta = nullptr;                // import.meta, made on first use
  Value error;                           // Evaluated: what its evaluation threw, else <empty>
  Object* evaluation = nullptr;          // the promise of the evaluation that ran (or runs) it
  Value host_data;                       // the embedder's own value (never read by the engine)

  ModuleRecord(Kind k, String* n)
      : gc::Cell(uint8_t(CellTag::Module)), kind(k), name(n), error(Value::empty()), host_data(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Module"; }

  // The module's own binding for a local name it exports (SourceText) or an
  // export name (Synthetic): its slot in env, or -1.
  int export_slot(std::string_view name) const;
};

inline bool is_module_record(const gc::Cell* c) { return has_tag(c, CellTag::Module); }

// What the embedder provides (the runtime in natives/, the test262 host).
class ModuleHost {
 public:
  virtual ~ModuleHost() = default;
  // HostLoadImportedModule: the module `specifier` names, imported from
  // `referrer` (null: a script, whose file name is `referrer_name`). Returns
  // the same record for the same resolved module. Throws (Thrown) when it
  // cannot: not found, unreadable, a SyntaxError.
  virtual ModuleRecord* load_imported_module(Vm& vm, ModuleRecord* referrer, const std::string& referrer_name,
                                             const std::string& specifier, const std::string& type) = 0;
  // HostGetImportMetaProperties: fills a new import.meta object.
  virtual void init_import_meta(Vm& vm, ModuleRecord* module, Object* meta) {}
  // Runs a synthetic module (a CommonJS module imported by an ES module
  // runs here, in evaluation order); throws to fail it.
  virtual void evaluate_synthetic(Vm& vm, ModuleRecord* module) {}
};

// ---- the engine's module API (vm/module_*.cpp) --------------------------------

// Parses and compiles `source` as a Module (a SyntaxError is thrown as a JS error).
ModuleRecord* compile_module(Vm& vm, std::string_view source, const std::string& name);
// A module whose exports are `names`, with values the host sets (set_synthetic_export).
ModuleRecord* create_synthetic_module(Vm& vm, const std::string& name, const std::vector<std::string>& names);
void set_synthetic_export(Vm& vm, ModuleRecord* module, std::string_view name, Value v);

// Loads everything `root` imports (through the host), then links the graph.
// Throws the first error (the records stay unlinked and can be retried).
void link_module(Vm& vm, ModuleRecord* root);
// Evaluates a linked graph: a promise fulfilled with undefined when every
// module has run, rejected with the first error. Runs what it can now; the
// rest continues from promise jobs (top-level await).
Object* evaluate_module(Vm& vm, ModuleRecord* root);
// GetModuleNamespace (§16.2.1.10).
Object* module_namespace(Vm& vm, ModuleRecord* module);
// import(specifier, options) from code of `referrer` (null: a script named `referrer_name`).
Object* dynamic_import(Vm& vm, ModuleRecord* referrer, const std::string& referrer_name, Value specifier,
                       Value options);
// import.meta of `module` (made on first use, filled by the host).
Object* import_meta(Vm& vm, ModuleRecord* module);
// The module whose code is running in `tmpl` (null for script code).
ModuleRecord* module_of(const FunctionTemplate* tmpl);

// A host's module map: one record per resolved name (§16.2.1.8 step 3: the
// same module for the same specifier and referrer, which hosts extend to
// "the same file"). The records stay alive as long as the map.
class ModuleMap {
 public:
  explicit ModuleMap(Vm& vm) : vm_(vm) {}
  ModuleRecord* find(const std::string& key) const;
  void add(const std::string& key, ModuleRecord* module);

 private:
  Vm& vm_;
  std::unordered_map<std::string, gc::Persistent<ModuleRecord>> records_;
};

// ---- module namespace exotic objects (vm/module_namespace.cpp, §10.4.6) -------
// Called by operations.cpp for string keys of a namespace object.
bool is_module_namespace(const Object* o);
std::optional<OwnProperty> namespace_get_own_property(Vm& vm, Object* ns, PropertyKey key);
bool namespace_define_own_property(Vm& vm, Object* ns, PropertyKey key, const PropertyDescriptor& desc);
bool namespace_has_property(Vm& vm, Object* ns, PropertyKey key);
Value namespace_get(Vm& vm, Object* ns, PropertyKey key);
bool namespace_delete_property(Vm& vm, Object* ns, PropertyKey key);
std::vector<PropertyKey> namespace_own_property_keys(Vm& vm, Object* ns);

}  // namespace glass
