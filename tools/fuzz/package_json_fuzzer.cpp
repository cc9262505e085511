// Fuzz target: the module resolver reading a package.json — the text is the
// input — and resolving specifiers through its "main", "exports" (conditions,
// subpaths, patterns) and "imports", both as an ES module import (the
// esmResolve hook) and through require.resolve (the CommonJS loader). Errors with Node's codes
// (ERR_PACKAGE_PATH_NOT_EXPORTED, ERR_INVALID_PACKAGE_CONFIG, ...) are the
// expected answers; a crash, a hang or a sanitizer report is a finding.
//
// The loaders cache a package.json per path, so every input gets a package
// directory of its own (the previous one is removed).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_runtime.h"
#include "vm/operations.h"

namespace {

namespace fs = std::filesystem;

// A path as a JS string literal (temporary paths need no escapes but quotes).
std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

constexpr const char* kSpecifiers[] = {"pkg", "pkg/sub", "pkg/a/b.js", "pkg/package.json", "#internal", "#a/b"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glass;
  static uint64_t serial = 0;
  static const fs::path base = fs::temp_directory_path() / ("glass-fuzz-packages-" + std::to_string(getpid()));
  std::error_code ec;
  if (serial > 0) fs::remove_all(base / std::to_string(serial - 1), ec);
  const fs::path root = base / std::to_string(serial++);
  const fs::path package = root / "node_modules" / "pkg";
  fs::create_directories(package / "a", ec);
  std::ofstream(package / "package.json", std::ios::binary).write(reinterpret_cast<const char*>(data), std::streamsize(size));
  std::ofstream(package / "index.js") << "module.exports = 1;\n";
  std::ofstream(package / "a" / "b.js") << "module.exports = 2;\n";
  std::ofstream(root / "main.js") << "\n";
  std::ofstream(package / "inside.js") << "\n";

  fuzz::with_runtime([&](fuzz::FuzzRuntime& f) {
    Vm& vm = f.vm;
    for (const char* specifier : kSpecifiers) {
      for (const fs::path& parent : {root / "main.js", package / "inside.js"}) {
        try {
          gc::Rooted<String> spec(vm.heap(), vm.new_string(specifier));
          gc::Rooted<String> from(vm.heap(), vm.new_string(parent.string()));
          Value args[2] = {string_value(spec), string_value(from)};
          natives::call_hook(f.runtime, "resolveImport", args);
        } catch (const Thrown&) {
          vm.take_exception();
        }
      }
    }
    // The same specifiers through CommonJS: require.resolve from each parent.
    std::string script = "for (const p of [" + quoted(root / "main.js") + ", " + quoted(package / "inside.js") +
                         "]) for (const s of ['pkg', 'pkg/sub', 'pkg/a/b.js', '#internal']) "
                         "try { require('module').createRequire(p).resolve(s); } catch {}";
    try {
      gc::Rooted<String> name(vm.heap(), vm.new_string("[fuzz]"));
      gc::Rooted<String> source(vm.heap(), vm.new_string(script));
      Value args[2] = {string_value(name), string_value(source)};
      natives::call_hook(f.runtime, "evalScript", args);
    } catch (const Thrown&) {
      vm.take_exception();
    }
  });
  return 0;
}
