// Module records, loading and linking (§16.2.1.5.1 Link, §16.2.1.6.3
// ResolveExport, §16.2.1.6.4 InitializeEnvironment). See module.h for the
// whole life of a module.
#include <algorithm>
#include <set>

#include "parser/parser.h"
#include "vm/module.h"
#include "vm/module_internal.h"

namespace glass {

void ModuleRecord::trace(gc::Tracer& tracer) {
  tracer.visit(name);
  tracer.visit(tmpl);
  tracer.visit_each(requested);
  tracer.visit(env);
  tracer.visit(body);
  tracer.visit(namespace_object);
  tracer.visit(meta);
  trace_value(tracer, error);
  tracer.visit(evaluation);
  trace_value(tracer, host_data);
}

int ModuleRecord::export_slot(std::string_view export_name) const {
  if (kind == Kind::Synthetic) {
    for (size_t i = 0; i < synthetic_exports.size(); ++i)
      if (synthetic_exports[i] == export_name) return int(i);
    return -1;
  }
  for (const auto& e : info->local_exports)
    if (e.name == export_name) return e.slot;
  return -1;
}

ModuleRecord* module_of(const FunctionTemplate* tmpl) {
  return tmpl && tmpl->module ? static_cast<ModuleRecord*>(tmpl->module) : nullptr;
}

ModuleRecord* ModuleMap::find(const std::string& key) const {
  auto it = records_.find(key);
  return it == records_.end() ? nullptr : it->second.get();
}

void ModuleMap::add(const std::string& key, ModuleRecord* module) {
  records_.try_emplace(key, vm_.heap(), module, "module map");
}

// ---- creating records ------------------------------------------------------------

ModuleRecord* compile_module(Vm& vm, std::string_view source, const std::string& name) {
  gc::Heap& heap = vm.heap();
  ParseOptions options;
  options.module = true;
  gc::Rooted<FunctionTemplate> tmpl(heap, vm.compile_script(source, name, options, nullptr));
  gc::Rooted<String> n(heap, vm.new_string(name));
  gc::Rooted<ModuleRecord> m(heap, heap.allocate<ModuleRecord>(ModuleRecord::Kind::SourceText, n.get()));
  m->tmpl = tmpl;
  m->info = tmpl->code->module.get();
  m->requested.assign(m->info->requests.size(), nullptr);
  // Every function of the module knows it (import.meta, import()'s referrer).
  std::vector<FunctionTemplate*> work{tmpl.get()};
  while (!work.empty()) {
    FunctionTemplate* t = work.back();
    work.pop_back();
    t->module = m.get();
    for (FunctionTemplate* nested : t->functions) work.push_back(nested);
  }
  return m;
}

ModuleRecord* create_synthetic_module(Vm& vm, const std::string& name, const std::vector<std::string>& names) {
  gc::Heap& heap = vm.heap();
  gc::Rooted<String> n(heap, vm.new_string(name));
  gc::Rooted<ModuleRecord> m(heap, heap.allocate<ModuleRecord>(ModuleRecord::Kind::Synthetic, n.get()));
  m->synthetic_exports = names;
  HeapScope* env = HeapScope::create(heap, nullptr, uint32_t(names.size()));
  for (uint32_t i = 0; i < names.size(); ++i) env->at(i) = Value::undefined();
  m->env = env;
  m->status = ModuleRecord::Status::Linked;
  return m;
}

void set_synthetic_export(Vm&, ModuleRecord* module, std::string_view name, Value v) {
  int slot = module->export_slot(name);
  if (slot >= 0) module->env->at(uint32_t(slot)) = v;
}

// ---- ResolveExport and GetExportedNames ------------------------------------------------

namespace {

using ResolveSet = std::set<std::pair<const ModuleRecord*, std::string>>;

ResolvedExport resolve(ModuleRecord* module, const std::string& name, ResolveSet& seen) {
  if (!seen.insert({module, name}).second) return {};  // a circular import request
  ResolvedExport found;
  if (int slot = module->export_slot(name); slot >= 0) {
    found.status = ResolvedExport::Found;
    found.module = module;
    found.slot = slot;
    return found;
  }
  if (module->kind == ModuleRecord::Kind::Synthetic) return {};
  for (const auto& e : module->info->indirect_exports) {
    if (e.name != name) continue;
    ModuleRecord* target = module->requested[e.request];
    if (e.import_name == "*") {
      found.status = ResolvedExport::Found;
      found.module = target;
      found.is_namespace = true;
      return found;
    }
    return resolve(target, e.import_name, seen);
  }
  if (name == "default") return {};  // `export *` never re-exports a default
  ResolvedExport star;
  for (uint32_t request : module->info->star_exports) {
    ResolvedExport r = resolve(module->requested[request], name, seen);
    if (r.status == ResolvedExport::Ambiguous) return r;
    if (r.status != ResolvedExport::Found) continue;
    if (star.status == ResolvedExport::NotFound) star = r;
    else if (star.module != r.module || star.slot != r.slot || star.is_namespace != r.is_namespace)
      return ResolvedExport{ResolvedExport::Ambiguous};
  }
  return star;
}

void exported_names(ModuleRecord* module, std::set<const ModuleRecord*>& seen, std::vector<std::string>& out) {
  if (!seen.insert(module).second) return;
  auto add = [&](const std::string& n) {
    if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  };
  if (module->kind == ModuleRecord::Kind::Synthetic) {
    for (const auto& n : module->synthetic_exports) add(n);
    return;
  }
  for (const auto& e : module->info->local_exports) add(e.name);
  for (const auto& e : module->info->indirect_exports) add(e.name);
  for (uint32_t request : module->info->star_exports) {
    std::vector<std::string> more;
    exported_names(module->requested[request], seen, more);
    for (const auto& n : more)
      if (n != "default") add(n);
  }
}

}  // namespace

ResolvedExport resolve_export(ModuleRecord* module, const std::string& name) {
  ResolveSet seen;
  return resolve(module, name, seen);
}

std::vector<std::string> exported_names(ModuleRecord* module) {
  std::set<const ModuleRecord*> seen;
  std::vector<std::string> out;
  exported_names(module, seen, out);
  return out;
}

// ---- loading and linking ----------------------------------------------------------------

namespace {

std::string display_name(ModuleRecord* m) { return m->name->to_utf8(); }

// HostLoadImportedModule for every request of every module reachable from root.
void load_graph(Vm& vm, ModuleRecord* root) {
  ModuleHost* host = vm.module_host;
  std::vector<ModuleRecord*> work{root};
  std::set<ModuleRecord*> seen{root};
  while (!work.empty()) {
    gc::Rooted<ModuleRecord> m(vm.heap(), work.back());
    work.pop_back();
    if (m->kind != ModuleRecord::Kind::SourceText) continue;
    for (size_t i = 0; i < m->info->requests.size(); ++i) {
      if (!m->requested[i]) {
        if (!host) vm.throw_error(ErrorType::Error, "Cannot import modules here: no module host");
        const auto& r = m->info->requests[i];
        m->requested[i] = host->load_imported_module(vm, m, display_name(m), r.specifier, r.type);
      }
      if (seen.insert(m->requested[i]).second) work.push_back(m->requested[i]);
    }
  }
}

// The source text modules reachable from root that still need linking, dependencies first.
std::vector<ModuleRecord*> unlinked_graph(ModuleRecord* root) {
  std::vector<ModuleRecord*> order;
  walk_dependencies_first(
      root,
      [](ModuleRecord* m) {
        return m->kind == ModuleRecord::Kind::SourceText && m->status == ModuleRecord::Status::Unlinked;
      },
      [&](ModuleRecord* m) { order.push_back(m); });
  return order;
}

// Node's message, naming the module as the importer wrote it.
[[noreturn]] void throw_unresolved(Vm& vm, ModuleRecord* importer, uint32_t request, const std::string& name,
                                   const ResolvedExport& r) {
  const std::string& specifier = importer->info->requests[request].specifier;
  if (r.status == ResolvedExport::Ambiguous)
    vm.throw_error(ErrorType::SyntaxError, "The requested module '" + specifier +
                                               "' contains conflicting star exports for name '" + name + "'");
  vm.throw_error(ErrorType::SyntaxError,
                 "The requested module '" + specifier + "' does not provide an export named '" + name + "'");
}

}  // namespace

static Value import_link(Vm& vm, const ResolvedExport& r, const std::string& name) {
  if (r.is_namespace) return object_value(module_namespace(vm, r.module));
  gc::Rooted<String> n(vm.heap(), vm.new_string(name));
  ImportBinding* b = vm.heap().allocate<ImportBinding>(r.module->env, uint32_t(r.slot), n.get());
  return Value::cell(Value::Tag::Object, b);
}

void link_module(Vm& vm, ModuleRecord* root_module) {
  gc::Heap& heap = vm.heap();
  gc::Rooted<ModuleRecord> root(heap, root_module);
  load_graph(vm, root);
  std::vector<ModuleRecord*> order = unlinked_graph(root);
  // Records stay reachable through the root's `requested` links meanwhile.
  try {
    // Every environment first: an import may link to a module later in the order (a cycle).
    for (ModuleRecord* m : order) {
      m->status = ModuleRecord::Status::Linking;
      m->env = HeapScope::create(heap, nullptr, uint32_t(m->info->environment.names.size()), HeapScope::Kind::Plain,
                                  &m->info->environment);
      m->body = vm.make_closure(m->tmpl, m->env);
    }
    for (ModuleRecord* m : order) {
      gc::Rooted<ModuleRecord> module(heap, m);
      // §16.2.1.6.4 step 1: each indirect export must resolve.
      for (const auto& e : module->info->indirect_exports) {
        if (e.import_name == "*") continue;
        ResolvedExport r = resolve_export(module, e.name);
        if (r.status != ResolvedExport::Found)
          throw_unresolved(vm, module, e.request, e.import_name, r);
      }
      for (const auto& im : module->info->imports) {
        ModuleRecord* target = module->requested[im.request];
        Value link;
        if (im.name == "*") {
          link = object_value(module_namespace(vm, target));
        } else {
          ResolvedExport r = resolve_export(target, im.name);
          if (r.status != ResolvedExport::Found) throw_unresolved(vm, module, im.request, im.name, r);
          link = import_link(vm, r, im.name);
        }
        module->env->at(im.slot) = link;
      }
    }
  } catch (const Thrown&) {
    for (ModuleRecord* m : order) {
      m->status = ModuleRecord::Status::Unlinked;
      m->env = nullptr;
      m->body = nullptr;
    }
    throw;
  }
  for (ModuleRecord* m : order) m->status = ModuleRecord::Status::Linked;
}

}  // namespace glass
