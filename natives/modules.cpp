// The CommonJS loader (see modules.h). Resolution follows Node's
// require.resolve for the cases scripts use: built-ins ('path',
// 'node:path', 'fs/promises'), relative and absolute paths (exact file, then .js, .json,
// then a directory's package.json "main" or index.js / index.json), and bare
// names searched in node_modules directories from the requiring file's
// directory up to the root.
//
// A module is cached (require.cache, by absolute filename) before its code
// runs, so a cycle sees the partial exports of the module still loading.
#include "natives/modules.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "builtins/builtins.h"

namespace glass::natives {

namespace fs = std::filesystem;

namespace {

struct Loader {
  gc::Persistent<Object> cache;     // require.cache: filename -> module
  gc::Persistent<Object> builtins;  // built-in name -> exports
};
Loader& loader() {
  static Loader l;  // one runtime per process
  return l;
}

bool read_file(const fs::path& p, std::string& out) { return read_text_file(p.string(), out); }

bool is_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool is_builtin(const std::string& name) { return builtin_source(name) != nullptr || name == "fs/promises"; }

std::optional<fs::path> as_file(const fs::path& p) {
  if (is_file(p)) return p;
  for (const char* ext : {".js", ".json", ".cjs"}) {
    fs::path with = p;
    with += ext;
    if (is_file(with)) return with;
  }
  return std::nullopt;
}

std::optional<fs::path> as_directory(Vm& vm, const fs::path& dir) {
  std::string json;
  if (read_file(dir / "package.json", json)) {
    // package.json "main", read with JSON.parse (a broken package.json is an error, as in Node).
    RootedValue pkg(vm.heap(), parse_json_text(vm, json));
    if (pkg.get().is_object()) {
      Value main = get(vm, as_object(pkg), key_of(vm, "main"));
      if (main.is_string()) {
        fs::path m = (dir / as_string(main)->to_utf8()).lexically_normal();
        if (auto f = as_file(m)) return f;
        if (auto f = as_file(m / "index")) return f;
      }
    }
  }
  return as_file(dir / "index");
}

std::optional<fs::path> resolve(Vm& vm, const std::string& request, const fs::path& from_dir) {
  bool relative = request.starts_with("./") || request.starts_with("../") || request == "." || request == "..";
  if (relative || request.starts_with("/")) {
    fs::path p = relative ? (from_dir / request).lexically_normal() : fs::path(request).lexically_normal();
    if (auto f = as_file(p)) return f;
    return as_directory(vm, p);
  }
  for (fs::path dir = from_dir;; dir = dir.parent_path()) {
    if (dir.filename() != "node_modules") {
      fs::path candidate = dir / "node_modules" / request;
      if (auto f = as_file(candidate)) return f;
      if (auto f = as_directory(vm, candidate)) return f;
    }
    if (dir == dir.parent_path()) break;
  }
  return std::nullopt;
}

Value load(Runtime& rt, const fs::path& filename, Value parent);

// The module's own require: a native whose native_data is the module.
Value require_native(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  RootedValue module(vm.heap(), vm.current_native()->native_data);
  Value req = arg(args, 0);
  if (!req.is_string())
    vm.throw_error(ErrorType::TypeError, "The \"id\" argument must be of type string. Received " +
                                             to_utf8(vm, typeof_value(vm, req)));
  std::string request = as_string(req)->to_utf8();
  if (request.empty()) vm.throw_error(ErrorType::TypeError, "The argument 'id' must be a non-empty string. Received ''");
  std::string bare = request.starts_with("node:") ? request.substr(5) : request;
  if (is_builtin(bare)) return require_builtin(rt, bare);
  std::string parent_name = to_utf8(vm, get(vm, as_object(module), key_of(vm, "filename")));
  if (request.starts_with("internal:") && parent_name.starts_with("node:"))  // lib/*.js only
    return internal_binding(rt, request.substr(9));
  std::string parent_file = to_utf8(vm, get(vm, as_object(module), key_of(vm, "filename")));
  fs::path dir = fs::path(parent_file).parent_path();
  auto found = resolve(vm, request, dir);
  if (!found) {
    gc::Rooted<Object> error(vm.heap(), vm.make_error(ErrorType::Error, "Cannot find module '" + request +
                                                                             "'\nRequire stack:\n- " + parent_file));
    gc::Rooted<String> code(vm.heap(), vm.new_string("MODULE_NOT_FOUND"));
    vm.define_value(error, "code", string_value(code), kDefaultProperty);
    vm.throw_value(object_value(error));
  }
  return load(rt, *found, module);
}

Object* make_module(Vm& vm, const std::string& filename) {
  gc::Rooted<Object> module(vm.heap(), vm.new_object());
  gc::Rooted<String> name(vm.heap(), vm.new_string(filename));
  gc::Rooted<Object> exports(vm.heap(), vm.new_object());
  vm.define_value(module, "id", string_value(name), kDefaultProperty);
  gc::Rooted<String> dir(vm.heap(), vm.new_string(fs::path(filename).parent_path().string()));
  vm.define_value(module, "path", string_value(dir), kDefaultProperty);
  vm.define_value(module, "exports", object_value(exports), kDefaultProperty);
  vm.define_value(module, "filename", string_value(name), kDefaultProperty);
  vm.define_value(module, "loaded", Value::boolean(false), kDefaultProperty);
  return module;
}

FunctionObject* make_require(Vm& vm, Object* module) {
  gc::Rooted<Object> m(vm.heap(), module);
  gc::Rooted<FunctionObject> require(vm.heap(), vm.new_native("require", require_native, 1));
  require->native_data = object_value(m);
  vm.define_value(require, "cache", object_value(loader().cache.get()), kDefaultProperty);
  vm.define_value(m, "require", object_value(require), kWritable | kConfigurable);
  return require;
}

// Runs JS source as a CommonJS module body: (function (exports, require, module, __filename, __dirname) {...}).
void run_module_code(Runtime& rt, Object* module_object, const std::string& source, const std::string& filename) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> module(vm.heap(), module_object);
  std::string body = source;
  if (body.starts_with("#!")) body.replace(0, 2, "//");  // a shebang line
  // On one line with the code's first, so line numbers in stacks stay right;
  // columns on that line are shifted back by the wrapper's length.
  static constexpr std::string_view kWrapper = "(function (exports, require, module, __filename, __dirname) {";
  std::string wrapped = std::string(kWrapper) + body + "\n})";
  ParseOptions options;
  options.first_line_column_offset = uint32_t(kWrapper.size());
  options.wrapper_suffix = 3;  // "\n})"
  gc::Rooted<FunctionTemplate> tmpl(vm.heap(), vm.compile_script(wrapped, filename, options, nullptr));
  RootedValue wrapper(vm.heap(), object_value(vm.make_closure(tmpl, nullptr)));
  RootedValue fn(vm.heap(), vm.call(wrapper, object_value(vm.global()), {}));
  gc::Rooted<FunctionObject> require(vm.heap(), make_require(vm, module));
  RootedValue exports(vm.heap(), get(vm, module, key_of(vm, "exports")));
  ValueVector args(vm.heap());
  args.values = {exports.get(), object_value(require), object_value(module), string_value(vm.new_string(filename)),
                 Value::undefined()};
  args.values[4] = string_value(vm.new_string(fs::path(filename).parent_path().string()));
  vm.call(fn, exports, args.values);
}

Value load(Runtime& rt, const fs::path& path, Value parent) {
  Vm& vm = rt.vm();
  std::string filename = path.string();
  gc::Rooted<Object> cache(vm.heap(), loader().cache.get());
  gc::Rooted<String> key_name(vm.heap(), vm.intern(filename));  // atoms are weak: keep this one
  PropertyKey key = PropertyKey::of_cell(key_name);
  Value cached = get(vm, cache, key);
  if (cached.is_object()) return get(vm, as_object(cached), key_of(vm, "exports"));
  std::string source;
  if (!read_file(path, source)) vm.throw_error(ErrorType::Error, "Cannot read module '" + filename + "'");
  gc::Rooted<Object> module(vm.heap(), make_module(vm, filename));
  if (parent.is_object()) vm.define_value(module, "parent", parent, kWritable | kConfigurable);
  create_data_property_or_throw(vm, cache, key, object_value(module));
  try {
    if (path.extension() == ".json") {
      RootedValue value(vm.heap());
      try {
        value = parse_json_text(vm, source);
      } catch (const Thrown&) {
        // Node names the file: "/path/x.json: Unexpected token ..."
        RootedValue e(vm.heap(), vm.take_exception());
        std::string message = to_utf8(vm, get_value(vm, e, key_of(vm, "message")));
        vm.throw_error(ErrorType::SyntaxError, filename + ": " + message);
      }
      set(vm, module, key_of(vm, "exports"), value, object_value(module));
    } else {
      run_module_code(rt, module, source, filename);
    }
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    delete_property(vm, cache, key);  // a failed module is not cached (Node)
    vm.throw_value(e);
  }
  set(vm, module, key_of(vm, "loaded"), Value::boolean(true), object_value(module));
  return get(vm, module, key_of(vm, "exports"));
}

}  // namespace

Value require_builtin(Runtime& rt, const std::string& name) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> builtins(vm.heap(), loader().builtins.get());
  gc::Rooted<String> key_name(vm.heap(), vm.intern(name));
  Value cached = get(vm, builtins, PropertyKey::of_cell(key_name));
  if (!cached.is_undefined()) return cached;
  if (name == "fs/promises") {  // the same object as require('fs').promises, as in Node
    RootedValue fs_exports(vm.heap(), require_builtin(rt, "fs"));
    return get_value(vm, fs_exports, key_of(vm, "promises"));
  }
  const char* source = builtin_source(name);
  if (!source) vm.throw_error(ErrorType::Error, "No such built-in module: " + name);
  gc::Rooted<Object> module(vm.heap(), make_module(vm, "node:" + name));
  run_module_code(rt, module, source, "node:" + name);
  RootedValue exports(vm.heap(), get(vm, module, key_of(vm, "exports")));
  create_data_property_or_throw(vm, builtins, PropertyKey::of_cell(key_name), exports);
  return exports;
}

void run_main_module(Runtime& rt, const std::string& path) { load(rt, fs::path(path), Value::undefined()); }

Value require_file(Runtime& rt, const std::string& path) { return load(rt, fs::path(path), Value::undefined()); }

bool is_builtin_module(const std::string& name) { return is_builtin(name); }

bool read_text_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

std::optional<std::string> resolve_package(Vm& vm, const std::string& request, const std::string& from_dir) {
  auto found = resolve(vm, request, fs::path(from_dir));
  if (!found) return std::nullopt;
  return found->string();
}

void install_modules(Runtime& rt) {
  Vm& vm = rt.vm();
  loader().cache = gc::Persistent<Object>(vm.heap(), vm.new_object_with_proto(nullptr), "require.cache");
  loader().builtins = gc::Persistent<Object>(vm.heap(), vm.new_object_with_proto(nullptr), "built-in modules");
}

}  // namespace glass::natives
