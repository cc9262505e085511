// The test262 host (`glass --test262`, ../shared/CLI-CONTRACT.md): print,
// $262, and a module host that loads `./name` relative to the importer.
#pragma once
#include <memory>

#include "vm/module.h"

namespace glass::cli {

// The main program's globals: print, setTimeout, $262 (with $262.agent).
void install_test262_host(Vm& vm);
// print, setTimeout and $262 (no agent controller) on the current realm; returns that $262.
Object* install_test262_globals(Vm& vm);
// Runs promise jobs, setTimeout callbacks and the settling of Atomics.waitAsync
// waits until none is left (the host's event loop).
void run_test262_loop(Vm& vm);

// Files by path, each compiled once; `with { type: "json" }` makes a JSON module.
class FileModuleHost final : public ModuleHost {
 public:
  explicit FileModuleHost(Vm& vm) : map_(vm) {}
  ModuleRecord* load_imported_module(Vm& vm, ModuleRecord* referrer, const std::string& referrer_name,
                                     const std::string& specifier, const std::string& type) override;
  // The module in file `path` (an absolute, normal path).
  ModuleRecord* load_file(Vm& vm, const std::string& path, const std::string& type);

 private:
  ModuleMap map_;
};

}  // namespace glass::cli
