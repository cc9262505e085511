// The runtime's ES module loader: the engine's ModuleHost (vm/module.h).
//
// Resolution is JavaScript's (lib/internal/modules/esm/resolve.js, reached
// through the bootstrap's `resolveImport` hook), as Node's ESM resolver:
// built-ins ('fs', 'node:path'), relative and absolute paths and file: URLs
// (exact files: ES modules name their extensions), package names through
// node_modules with package.json "exports" (conditions "import", "node",
// "default", subpath patterns) or "main", and "#name" through "imports".
// It answers with a file and its format: an ES module (.mjs, or .js under
// "type": "module"), CommonJS, JSON (which needs `with { type: 'json' }`).
//
// A CommonJS module imported by an ES module is a synthetic module: its
// `default` is module.exports and its other exports the properties it has.
// Glass runs it when it is loaded (to learn those names); Node scans the
// source for them instead and runs the module later, in evaluation order.
//
// Modules are named by file URL (file:///abs/x.mjs), as Node names them in
// stack traces and import.meta.url.
#include "natives/esm.h"

#include <algorithm>
#include <filesystem>

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "natives/modules.h"
#include "vm/module.h"

namespace glass::natives {

namespace fs = std::filesystem;

namespace {

// The "type" of the nearest package.json above `file` ("commonjs" when none
// says). A package.json that is not JSON is an error, as in require().
std::string package_type(Vm& vm, const fs::path& file) {
  std::error_code ec;
  for (fs::path dir = file.parent_path();; dir = dir.parent_path()) {
    std::string text;
    if (fs::is_regular_file(dir / "package.json", ec) && read_text_file((dir / "package.json").string(), text)) {
      RootedValue pkg(vm.heap(), parse_json_text(vm, text));
      Value type = pkg.get().is_object() ? get(vm, as_object(pkg), key_of(vm, "type")) : Value::undefined();
      return type.is_string() ? as_string(type)->to_utf8() : "commonjs";
    }
    if (dir == dir.parent_path()) return "commonjs";
  }
}

[[noreturn]] void throw_coded(Vm& vm, ErrorType type, const std::string& code, const std::string& message) {
  gc::Rooted<Object> error(vm.heap(), vm.make_error(type, message));
  gc::Rooted<String> c(vm.heap(), vm.new_string(code));
  vm.define_value(error, "code", string_value(c), kDefaultProperty);
  // Node's internal errors print as "Error [CODE]: message".
  std::string name = type == ErrorType::TypeError ? "TypeError" : type == ErrorType::SyntaxError ? "SyntaxError" : "Error";
  gc::Rooted<String> stack(vm.heap(), vm.new_string(name + " [" + code + "]: " + message + "\n" + vm.stack_trace()));
  vm.define_value(error, vm.atom(WellKnownAtom::stack), string_value(stack));
  vm.throw_value(object_value(error));
}

class Loader final : public ModuleHost {
 public:
  explicit Loader(Runtime& rt) : rt_(rt), map_(rt.vm()) {}

  ModuleRecord* load_imported_module(Vm& vm, ModuleRecord* referrer, const std::string& referrer_name,
                                     const std::string& specifier, const std::string& type) override {
    std::string from = referrer ? referrer->name->to_utf8() : referrer_name;
    // resolveImport(specifier, parent) -> [format, path or built-in name]
    gc::Rooted<String> spec(vm.heap(), vm.new_string(specifier));
    gc::Rooted<String> parent(vm.heap(), vm.new_string(from));
    Value hook_args[2] = {string_value(spec), string_value(parent)};
    gc::Rooted<Object> resolved(vm.heap(), as_object(call_hook(rt_, "resolveImport", hook_args)));
    std::string format = to_utf8(vm, get(vm, resolved, PropertyKey::of_index(0)));
    std::string target = to_utf8(vm, get(vm, resolved, PropertyKey::of_index(1)));
    if (format == "builtin") return builtin(vm, target);
    return load_file(vm, target, type);
  }

  ModuleRecord* load_file(Vm& vm, const std::string& path, const std::string& type) {
    std::string url = path_to_file_url(path);
    bool json = fs::path(path).extension() == ".json";
    if (json && type != "json")
      throw_coded(vm, ErrorType::TypeError, "ERR_IMPORT_ASSERTION_TYPE_MISSING",
                  "Module \"" + url + "\" needs an import attribute of type \"json\"");
    if (!json && !type.empty())
      throw_coded(vm, ErrorType::TypeError, "ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE",
                  "Module \"" + url + "\" is not of type \"" + type + "\"");
    if (ModuleRecord* m = map_.find(url)) return m;
    ModuleRecord* m;
    if (json) {
      m = exports_module(vm, url, require_file(rt_, path), /*default_only=*/true);
    } else if (is_esm_file(vm, path)) {
      std::string text;
      if (!read_text_file(path, text)) vm.throw_error(ErrorType::Error, "Cannot read module '" + path + "'");
      if (text.starts_with("#!")) text.replace(0, 2, "//");
      m = compile_module(vm, text, url);
    } else {
      m = exports_module(vm, url, require_file(rt_, path), false);
    }
    map_.add(url, m);
    return m;
  }

  void init_import_meta(Vm& vm, ModuleRecord* module, Object* meta_object) override {
    gc::Rooted<Object> meta(vm.heap(), meta_object);
    std::string url = module->name->to_utf8();
    std::string path = file_url_to_path(url);
    gc::Rooted<String> u(vm.heap(), vm.new_string(url));
    vm.define_value(meta, "url", string_value(u), kDefaultProperty);
    gc::Rooted<String> d(vm.heap(), vm.new_string(fs::path(path).parent_path().string()));
    vm.define_value(meta, "dirname", string_value(d), kDefaultProperty);
    gc::Rooted<String> f(vm.heap(), vm.new_string(path));
    vm.define_value(meta, "filename", string_value(f), kDefaultProperty);
  }

  gc::Persistent<Object> main_evaluation;
  void add(const std::string& key, ModuleRecord* m) { map_.add(key, m); }

 private:
  ModuleRecord* builtin(Vm& vm, const std::string& name) {
    std::string key = "node:" + name;
    if (ModuleRecord* m = map_.find(key)) return m;
    ModuleRecord* m = exports_module(vm, key, require_builtin(rt_, name), false);
    map_.add(key, m);
    return m;
  }

  // A module over a CommonJS exports value: `default` is the value, and its
  // own enumerable string-keyed properties are named exports too.
  ModuleRecord* exports_module(Vm& vm, const std::string& name, Value exports_value, bool default_only) {
    RootedValue exports(vm.heap(), exports_value);
    std::vector<std::string> names{"default"};
    if (!default_only && exports.get().is_object()) {
      gc::Rooted<Object> o(vm.heap(), as_object(exports));
      for (PropertyKey k : own_property_keys(vm, o)) {
        if (k.is_index() || !is_string(k.cell)) continue;
        auto p = get_own_property(vm, o, k);
        std::string n = static_cast<String*>(k.cell)->to_utf8();
        if (p && (p->flags & kEnumerable) && n != "default") names.push_back(n);
      }
    }
    gc::Rooted<ModuleRecord> m(vm.heap(), create_synthetic_module(vm, name, names));
    set_synthetic_export(vm, m, "default", exports);
    for (size_t i = 1; i < names.size(); ++i) {
      Value v = get(vm, as_object(exports), key_of(vm, names[i]));
      set_synthetic_export(vm, m, names[i], v);
    }
    return m;
  }

  Runtime& rt_;
  ModuleMap map_;
};

Loader* loader_of(Runtime& rt) { return static_cast<Loader*>(rt.vm().module_host); }

// The main module's evaluation failed (maybe after a top-level await): its uncaught error.
Value main_rejected(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime::of(vm).report_uncaught(arg(args, 0));
  return Value::undefined();
}

// Links and evaluates the main module `m`; a failure is the program's uncaught error.
void evaluate_main(Runtime& rt, ModuleRecord* module) {
  Vm& vm = rt.vm();
  Loader* loader = loader_of(rt);
  gc::Rooted<ModuleRecord> m(vm.heap(), module);
  try {
    gc::Rooted<Object> evaluation(vm.heap(), evaluate_module(vm, m));
    loader->main_evaluation = gc::Persistent<Object>(vm.heap(), evaluation.get(), "main module evaluation");
    if (promise_status(evaluation) == PromiseStatus::Rejected) {
      promise_mark_handled(vm, evaluation);
      rt.report_uncaught(promise_result(evaluation));
      return;
    }
    gc::Rooted<FunctionObject> on_reject(vm.heap(), vm.new_native("", main_rejected, 1));
    promise_then_internal(vm, evaluation, Value::undefined(), object_value(on_reject));
  } catch (const Thrown&) {
    rt.report_uncaught(vm.take_exception());
  }
}

}  // namespace

bool is_esm_file(Vm& vm, const std::string& path) {
  fs::path p(path);
  if (p.extension() == ".mjs") return true;
  if (p.extension() == ".cjs" || p.extension() == ".json") return false;
  return package_type(vm, p) == "module";
}

void install_esm(Runtime& rt) {
  static std::unique_ptr<Loader> loader;  // one runtime per process; the Vm points at it
  loader = std::make_unique<Loader>(rt);
  rt.vm().module_host = loader.get();
}

void run_main_esm(Runtime& rt, const std::string& path) {
  Vm& vm = rt.vm();
  gc::Rooted<ModuleRecord> m(vm.heap(), loader_of(rt)->load_file(vm, path, ""));
  evaluate_main(rt, m);
}

void run_esm_source(Runtime& rt, const std::string& source, const std::string& url) {
  Vm& vm = rt.vm();
  remember_source(url, source);
  gc::Rooted<ModuleRecord> m(vm.heap(), compile_module(vm, source, url));
  loader_of(rt)->add(url, m);
  evaluate_main(rt, m);
}

// Whether the graph under `m` (loaded and linked) has a top-level await.
bool has_top_level_await(ModuleRecord* m, std::vector<ModuleRecord*>& seen) {
  if (std::find(seen.begin(), seen.end(), m) != seen.end()) return false;
  seen.push_back(m);
  if (m->kind == ModuleRecord::Kind::SourceText && m->info && m->info->has_top_level_await) return true;
  for (ModuleRecord* r : m->requested)
    if (r && has_top_level_await(r, seen)) return true;
  return false;
}

Value require_esm(Runtime& rt, const std::string& path) {
  Vm& vm = rt.vm();
  Loader* loader = loader_of(rt);
  gc::Rooted<ModuleRecord> m(vm.heap(), loader->load_file(vm, path, ""));
  if (m->status != ModuleRecord::Status::Evaluated && m->status != ModuleRecord::Status::Evaluating) {
    link_module(vm, m);
    std::vector<ModuleRecord*> seen;
    if (has_top_level_await(m, seen))
      throw_coded(vm, ErrorType::Error, "ERR_REQUIRE_ASYNC_MODULE",
                  "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see "
                  "where the top-level await comes from, use --experimental-print-required-tla.");
    gc::Rooted<Object> evaluation(vm.heap(), evaluate_module(vm, m));
    if (promise_status(evaluation) == PromiseStatus::Rejected) {
      promise_mark_handled(vm, evaluation);
      vm.throw_value(promise_result(evaluation));
    }
  } else if (!m->error.is_empty()) {
    vm.throw_value(m->error);
  }
  return object_value(module_namespace(vm, m));
}

bool main_esm_unsettled(Runtime& rt) {
  Loader* loader = loader_of(rt);
  Object* evaluation = loader ? loader->main_evaluation.get() : nullptr;
  return evaluation && promise_status(evaluation) == PromiseStatus::Pending;
}

}  // namespace glass::natives
