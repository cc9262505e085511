// What the module files share (vm/module_*.cpp); not for embedders.
#pragma once
#include <string>
#include <vector>

#include "vm/module.h"

namespace glass {

// §16.2.1.6.3 ResolveExport: where an export name of a module really lives.
struct ResolvedExport {
  enum Status : uint8_t { NotFound, Found, Ambiguous };
  Status status = NotFound;
  ModuleRecord* module = nullptr;
  int slot = -1;              // in module->env
  bool is_namespace = false;  // `export * as x`: module's namespace object
};
ResolvedExport resolve_export(ModuleRecord* module, const std::string& name);
// §16.2.1.6.2 GetExportedNames (ambiguous star names included; the namespace drops them).
std::vector<std::string> exported_names(ModuleRecord* module);

}  // namespace glass
