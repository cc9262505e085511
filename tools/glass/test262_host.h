// The test262 host (`glass --test262`, ../shared/CLI-CONTRACT.md): print,
// $262, and a module host that loads `./name` relative to the importer.
#pragma once
#include <memory>

#include "vm/module.h"

namespace glass::cli {

void install_test262_host(Vm& vm);

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
