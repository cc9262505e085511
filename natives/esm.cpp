// The runtime's ES module loader: the engine's ModuleHost (vm/module.h).
//
// Resolution, as Node's for the cases scripts use:
//   - 'fs', 'node:path', ...: a built-in module, seen as a module whose
//     `default` is the CommonJS exports object and whose other exports are
//     that object's own properties;
//   - './x.mjs', '../y.js', '/abs/z.js', 'file:///abs/z.js': that exact file
//     (ES modules name their extensions; there is no index.js guessing);
//   - a bare name ('lodash'): found as require() finds it (node_modules,
//     package.json "main").
// What a file is: .mjs is an ES module, .cjs CommonJS, .js an ES module only
// under a package.json with "type": "module", .json a JSON module (which
// needs `with { type: 'json' }`, as in Node).
//
// Importing CommonJS runs it (through require's cache) when it is loaded, so
// that its export names are known for linking: Node finds them by scanning
// the source instead, and runs the module later, in evaluation order. The
// names are the same for the usual `exports.x = ...` / `module.exports = {...}`.
//
// Modules are named by file URL (file:///abs/x.mjs), as Node names them in
// stack traces and import.meta.url.
#include "natives/esm.h"

#include <filesystem>

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "natives/modules.h"
#include "vm/module.h"

namespace glass::natives {

namespace fs = std::filesystem;

namespace {

std::string to_file_url(const std::string& path) {
  std::string url = "file://";
  for (char c : path) {
    switch (c) {
      case ' ': url += "%20"; break;
      case '%': url += "%25"; break;
      case '#': url += "%23"; break;
      case '?': url += "%3F"; break;
      default: url += c;
    }
  }
  return url;
}

std::string from_file_url(const std::string& url) {
  std::string path;
  for (size_t i = 7; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size()) {
      path += char(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += url[i];
    }
  }
  return path;
}

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
    std::string from = referrer ? from_file_url(referrer->name->to_utf8()) : referrer_name;
    std::string bare = specifier.starts_with("node:") ? specifier.substr(5) : specifier;
    if (is_builtin_module(bare)) return builtin(vm, bare);
    std::error_code ec;
    fs::path path;
    if (specifier.starts_with("file://")) {
      path = from_file_url(specifier);
    } else if (specifier.starts_with("./") || specifier.starts_with("../") || specifier.starts_with("/") ||
               specifier == "." || specifier == "..") {
      path = specifier.starts_with("/") ? fs::path(specifier) : fs::path(from).parent_path() / specifier;
    } else {
      auto found = resolve_package(vm, specifier, fs::path(from).parent_path().string());
      if (!found)
        throw_coded(vm, ErrorType::Error, "ERR_MODULE_NOT_FOUND",
                    "Cannot find package '" + specifier + "' imported from " + from);
      path = *found;
    }
    path = path.lexically_normal();
    if (!fs::is_regular_file(path, ec))
      throw_coded(vm, ErrorType::Error, "ERR_MODULE_NOT_FOUND",
                  "Cannot find module '" + path.string() + "' imported from " + from);
    return load_file(vm, path.string(), type);
  }

  ModuleRecord* load_file(Vm& vm, const std::string& path, const std::string& type) {
    std::string url = to_file_url(path);
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
    std::string path = from_file_url(url);
    gc::Rooted<String> u(vm.heap(), vm.new_string(url));
    vm.define_value(meta, "url", string_value(u), kDefaultProperty);
    gc::Rooted<String> d(vm.heap(), vm.new_string(fs::path(path).parent_path().string()));
    vm.define_value(meta, "dirname", string_value(d), kDefaultProperty);
    gc::Rooted<String> f(vm.heap(), vm.new_string(path));
    vm.define_value(meta, "filename", string_value(f), kDefaultProperty);
  }

  gc::Persistent<Object> main_evaluation;

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
  Loader* loader = loader_of(rt);
  try {
    gc::Rooted<ModuleRecord> m(vm.heap(), loader->load_file(vm, path, ""));
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

bool main_esm_unsettled(Runtime& rt) {
  Loader* loader = loader_of(rt);
  Object* evaluation = loader ? loader->main_evaluation.get() : nullptr;
  return evaluation && promise_status(evaluation) == PromiseStatus::Pending;
}

}  // namespace glass::natives
