// What the module files share (vm/module_*.cpp); not for embedders.
#pragma once
#include <set>
#include <string>
#include <utility>
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

// A depth-first walk of root's graph through `requested`, with an explicit
// stack: enter(m) is called once per module reached, in the order reached,
// and says whether to walk into it; done(m) follows for each module walked
// into, after all of its requests (dependencies first).
template <class Enter, class Done>
void walk_dependencies_first(ModuleRecord* root, Enter enter, Done done) {
  std::set<ModuleRecord*> seen;
  std::vector<std::pair<ModuleRecord*, size_t>> stack;  // (module, next request to visit)
  auto visit = [&](ModuleRecord* m) {
    if (seen.insert(m).second && enter(m)) stack.push_back({m, 0});
  };
  visit(root);
  while (!stack.empty()) {
    auto& [m, next] = stack.back();
    if (next < m->requested.size()) {
      visit(m->requested[next++]);
      continue;
    }
    ModuleRecord* finished = m;
    stack.pop_back();
    done(finished);
  }
}

}  // namespace glass
