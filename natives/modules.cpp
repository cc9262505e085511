// Modules, the C++ side (see modules.h). The CommonJS loader is
// lib/internal/modules/cjs/loader.js; this file loads the built-in modules,
// runs the bootstrap, and serves internal:modules.
#include "natives/modules.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "builtins/builtins.h"
#include "natives/esm.h"

namespace glass::natives {

namespace fs = std::filesystem;

namespace {

struct Loader {
  gc::Persistent<Object> builtins;  // built-in name -> exports
  gc::Persistent<Object> hooks;     // what lib/internal/bootstrap.js exported
  std::unordered_map<std::string, std::string> sources;  // remember_source
};
Loader& loader() {
  static Loader l;  // one runtime per process
  return l;
}

// Public built-ins: every lib file but internal/*.
bool is_public_builtin(const std::string& name) {
  if (name.starts_with("internal/")) return false;
  return builtin_source(name) != nullptr;
}

// The require a built-in module gets: other built-ins ('events',
// 'internal/errors') and C++ bindings ('internal:fs'), nothing from disk.
Value builtin_require(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  std::string request = to_utf8(vm, arg(args, 0));
  if (request.starts_with("internal:")) return internal_binding(rt, request.substr(9));
  if (request.starts_with("node:")) request = request.substr(5);
  if (builtin_source(request)) return require_builtin(rt, request);
  vm.throw_error(ErrorType::Error, "No such built-in module: " + request);
}

// A module object for a built-in: {id, filename, exports, loaded}.
Object* make_builtin_module(Vm& vm, const std::string& filename) {
  gc::Rooted<Object> module(vm.heap(), vm.new_object());
  gc::Rooted<String> name(vm.heap(), vm.new_string(filename));
  gc::Rooted<Object> exports(vm.heap(), vm.new_object());
  vm.define_value(module, "id", string_value(name), kDefaultProperty);
  vm.define_value(module, "exports", object_value(exports), kDefaultProperty);
  vm.define_value(module, "filename", string_value(name), kDefaultProperty);
  vm.define_value(module, "loaded", Value::boolean(false), kDefaultProperty);
  return module;
}

// CommonJS's wrapper around `source`, compiled as a function of (exports,
// require, module, __filename, __dirname). On one line with the code's
// first, so line numbers in stacks stay right; columns on that line are
// shifted back by the wrapper's length.
Value compile_wrapper(Vm& vm, std::string source, const std::string& filename) {
  if (source.starts_with("#!")) source.replace(0, 2, "//");  // a shebang line
  static constexpr std::string_view kWrapper = "(function (exports, require, module, __filename, __dirname) { ";
  std::string wrapped = std::string(kWrapper) + source + "\n})";
  ParseOptions options;
  options.first_line_column_offset = uint32_t(kWrapper.size());
  options.wrapper_suffix = 3;  // "\n})"
  gc::Rooted<FunctionTemplate> tmpl(vm.heap(), vm.compile_script(wrapped, filename, options, nullptr));
  RootedValue wrapper(vm.heap(), object_value(vm.make_closure(tmpl, nullptr)));
  return vm.call(wrapper, object_value(vm.global()), {});
}

// ---- internal:modules ----------------------------------------------------

// compileFunction(source, filename): the module's wrapper function (not called).
Value modules_compile(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string source = to_utf8(vm, arg(args, 0));
  std::string filename = to_utf8(vm, arg(args, 1));
  return compile_wrapper(vm, std::move(source), filename);
}

// stat(path): 0 a file, 1 a directory, -1 nothing there (no exception: the
// resolver probes many paths).
Value modules_stat(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string path = to_utf8(vm, arg(args, 0));
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Value::number(-1);
  return Value::number(S_ISDIR(st.st_mode) ? 1 : 0);
}

// readFile(path): the text (UTF-8), or undefined.
Value modules_read_file(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string text;
  if (!read_text_file(to_utf8(vm, arg(args, 0)), text)) return Value::undefined();
  return string_value(vm.new_string(text));
}

// realpath(path): with symlinks resolved (the path itself if that fails).
Value modules_realpath(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string path = to_utf8(vm, arg(args, 0));
  std::error_code ec;
  fs::path real = fs::canonical(path, ec);
  return string_value(vm.new_string(ec ? path : real.string()));
}

Value modules_builtin_ids(Vm& vm, Value, std::span<const Value>, Value) {
  ValueVector ids(vm.heap());
  for (const std::string& name : builtin_names())
    if (is_public_builtin(name)) ids.values.push_back(string_value(vm.new_string(name)));
  return object_value(vm.new_array_from(ids.values));
}

Value modules_is_builtin(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  return Value::boolean(v.is_string() && is_builtin_module(as_string(v)->to_utf8()));
}

Value modules_require_builtin(Vm& vm, Value, std::span<const Value> args, Value) {
  return require_builtin(Runtime::of(vm), to_utf8(vm, arg(args, 0)));
}

// isESM(path): whether the file at path runs as an ES module (.mjs, or .js
// under "type": "module").
Value modules_is_esm(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(is_esm_file(vm, to_utf8(vm, arg(args, 0))));
}

// requireESM(path): the namespace of the ES module at path, its graph
// loaded, linked and evaluated now (require(esm), as Node 22 does);
// ERR_REQUIRE_ASYNC_MODULE when the graph has a top-level await.
Value modules_require_esm(Vm& vm, Value, std::span<const Value> args, Value) {
  return require_esm(Runtime::of(vm), to_utf8(vm, arg(args, 0)));
}

// evalScript(source, name): runs source as a global Script named `name`
// (-e, stdin, the REPL); returns its completion value.
Value modules_eval_script(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string source = to_utf8(vm, arg(args, 0));
  std::string name = to_utf8(vm, arg(args, 1));
  remember_source(name, source);
  return vm.evaluate_script(source, name);
}

Value modules_remember_source(Vm& vm, Value, std::span<const Value> args, Value) {
  remember_source(to_utf8(vm, arg(args, 0)), to_utf8(vm, arg(args, 1)));
  return Value::undefined();
}

}  // namespace

Value modules_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "compileFunction", modules_compile, 2);
  vm.define_native(b, "stat", modules_stat, 1);
  vm.define_native(b, "readFile", modules_read_file, 1);
  vm.define_native(b, "realpath", modules_realpath, 1);
  vm.define_native(b, "builtinIds", modules_builtin_ids, 0);
  vm.define_native(b, "isBuiltin", modules_is_builtin, 1);
  vm.define_native(b, "requireBuiltin", modules_require_builtin, 1);
  vm.define_native(b, "isESM", modules_is_esm, 1);
  vm.define_native(b, "requireESM", modules_require_esm, 1);
  vm.define_native(b, "evalScript", modules_eval_script, 2);
  vm.define_native(b, "rememberSource", modules_remember_source, 2);
  return object_value(b);
}

Value require_builtin(Runtime& rt, const std::string& name) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> builtins(vm.heap(), loader().builtins.get());
  gc::Rooted<String> key_name(vm.heap(), vm.intern(name));
  Value cached = get(vm, builtins, PropertyKey::of_cell(key_name));
  if (!cached.is_undefined()) return cached;
  const char* source = builtin_source(name);
  if (!source) vm.throw_error(ErrorType::Error, "No such built-in module: " + name);
  std::string filename = "node:" + name;
  gc::Rooted<Object> module(vm.heap(), make_builtin_module(vm, filename));
  // Cached before it runs, so that two built-ins can require each other.
  RootedValue exports(vm.heap(), get(vm, module, key_of(vm, "exports")));
  create_data_property_or_throw(vm, builtins, PropertyKey::of_cell(key_name), exports);
  RootedValue fn(vm.heap(), compile_wrapper(vm, source, filename));
  gc::Rooted<FunctionObject> require(vm.heap(), vm.new_native("require", builtin_require, 1));
  gc::Rooted<String> file(vm.heap(), vm.new_string(filename));
  ValueVector call_args(vm.heap());
  call_args.values = {exports.get(), object_value(require), object_value(module), string_value(file),
                      string_value(vm.new_string("node:"))};
  try {
    vm.call(fn, exports, call_args.values);
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    delete_property(vm, builtins, PropertyKey::of_cell(key_name));
    vm.throw_value(e);
  }
  exports = get(vm, module, key_of(vm, "exports"));  // module.exports may have been replaced
  create_data_property_or_throw(vm, builtins, PropertyKey::of_cell(key_name), exports);
  return exports;
}

void bootstrap(Runtime& rt) {
  Vm& vm = rt.vm();
  loader().builtins = gc::Persistent<Object>(vm.heap(), vm.new_object_with_proto(nullptr), "built-in modules");
  try {
    RootedValue hooks(vm.heap(), require_builtin(rt, "internal/bootstrap"));
    loader().hooks = gc::Persistent<Object>(vm.heap(), as_object(hooks), "runtime hooks");
  } catch (const Thrown&) {
    // A bug in lib/: nothing JS can print it yet.
    RootedValue e(vm.heap(), vm.take_exception());
    std::string text = "glass: the runtime failed to start: ";
    try {
      Value stack = e.get().is_object() ? get(vm, as_object(e), key_of(WellKnownAtom::stack, vm)) : Value::undefined();
      text += to_utf8(vm, stack.is_string() ? stack : e.get());
    } catch (const Thrown&) {
      vm.take_exception();
    }
    vm.write_stderr(text + "\n");
    std::_Exit(70);
  }
}

Value call_hook(Runtime& rt, const char* name, std::span<const Value> args) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> hooks(vm.heap(), loader().hooks.get());
  RootedValue fn(vm.heap(), get(vm, hooks, key_of(vm, name)));
  return vm.call(fn, Value::undefined(), args);
}

void run_main_module(Runtime& rt, const std::string& path) {
  gc::Rooted<String> p(rt.vm().heap(), rt.vm().new_string(path));
  Value args[1] = {string_value(p)};
  call_hook(rt, "runMain", args);
}

Value require_file(Runtime& rt, const std::string& path) {
  gc::Rooted<String> p(rt.vm().heap(), rt.vm().new_string(path));
  Value args[1] = {string_value(p)};
  return call_hook(rt, "requireForImport", args);
}

bool is_builtin_module(const std::string& name) { return is_public_builtin(name); }

bool read_text_file(const std::string& path, std::string& out) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

std::string file_url_to_path(const std::string& url) {
  std::string path;
  size_t start = url.starts_with("file://") ? 7 : 0;
  for (size_t i = start; i < url.size(); ++i) {
    if (url[i] == '%' && i + 2 < url.size() && std::isxdigit(uint8_t(url[i + 1])) &&
        std::isxdigit(uint8_t(url[i + 2]))) {
      path += char(std::stoi(url.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += url[i];
    }
  }
  return path;
}

std::string path_to_file_url(const std::string& path) {
  std::string url = "file://";
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : path) {
    // What Node's pathToFileURL escapes: the URL's own syntax and controls.
    if (c == '%' || c == ' ' || c == '#' || c == '?' || c < 0x20 || c == '"' || c == '<' || c == '>' || c == '`' ||
        c == '{' || c == '}' || c == '^' || c == '|' || c == '\\' || c >= 0x7f) {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    } else {
      url += char(c);
    }
  }
  return url;
}

void remember_source(const std::string& name, const std::string& text) { loader().sources[name] = text; }

const std::string* remembered_source(const std::string& name) {
  auto it = loader().sources.find(name);
  return it == loader().sources.end() ? nullptr : &it->second;
}

}  // namespace glass::natives
