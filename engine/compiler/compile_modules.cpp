// Module code (§16.2): the static record the linker reads (ModuleInfo), and
// the import/export statements in a module's body.
//
// Imports and exports need almost no code at run time. Each import is a
// slot of the module environment that the linker fills with a link to the
// exporting module's binding (GetImport follows it); each export is just a
// binding kept in a slot, which importers link to. What runs is the
// declarations: `export let x = 1` is `let x = 1`, `export default expr`
// stores expr into the hidden "*default*" binding.
#include "compiler/compiler_internal.h"
#include "unicode/unicode.h"

namespace glass::compiling {

namespace {

// An Identifier's name or a string literal's value (`export { "a b" as c }`).
std::string name_of(const Node* n) {
  if (n->kind == NodeKind::StringLiteral) return unicode::utf16_to_utf8(as<StringLiteral>(const_cast<Node*>(n))->value);
  return std::string(as<Identifier>(const_cast<Node*>(n))->name->text);
}

// The `type` of a `with { type: "json" }` clause, "" without one.
std::string type_attribute(const NodeList& attributes) {
  for (Node* a : attributes) {
    auto* attr = as<ImportAttribute>(a);
    if (name_of(attr->key) == "type") return name_of(attr->value);
  }
  return "";
}

}  // namespace

void FunctionCompiler::build_module_info(const Program* program) {
  auto info = std::make_unique<bytecode::ModuleInfo>();
  info->has_top_level_await = program->has_top_level_await;
  auto request = [&](const Node* source, const NodeList& attributes) {
    bytecode::ModuleInfo::Request r{name_of(source), type_attribute(attributes)};
    for (uint32_t i = 0; i < info->requests.size(); ++i)
      if (info->requests[i] == r) return i;
    info->requests.push_back(std::move(r));
    return uint32_t(info->requests.size() - 1);
  };
  const Scope* scope = info_.scope;
  auto slot_of = [&](std::string_view name) -> uint16_t {
    for (const Binding& b : scope->bindings)
      if (b.name->text == name) {
        const BindingLocation* loc = res_.location_of(&b);
        if (loc && (loc->kind == BindingLocation::Slot || loc->kind == BindingLocation::Import)) return loc->index;
      }
    throw CompileError{"internal: exported binding without a slot: " + std::string(name), program->start};
  };

  // [[RequestedModules]] in source order, imports and re-exports alike
  // (the order dependencies are evaluated in).
  for (Node* s : program->body) {
    if (s->kind == NodeKind::ImportDeclaration) request(as<ImportDeclaration>(s)->source, as<ImportDeclaration>(s)->attributes);
    if (s->kind == NodeKind::ExportNamedDeclaration && as<ExportNamedDeclaration>(s)->source)
      request(as<ExportNamedDeclaration>(s)->source, as<ExportNamedDeclaration>(s)->attributes);
    if (s->kind == NodeKind::ExportAllDeclaration)
      request(as<ExportAllDeclaration>(s)->source, as<ExportAllDeclaration>(s)->attributes);
  }
  // Imports next: re-exports of imported names refer to them.
  for (Node* s : program->body) {
    if (s->kind != NodeKind::ImportDeclaration) continue;
    auto* d = as<ImportDeclaration>(s);
    uint32_t req = request(d->source, d->attributes);
    for (Node* spec : d->specifiers) {
      bytecode::ModuleInfo::Import im;
      im.request = req;
      if (spec->kind == NodeKind::ImportSpecifier) {
        im.name = name_of(as<ImportSpecifier>(spec)->imported);
        im.local = name_of(as<ImportSpecifier>(spec)->local);
      } else if (spec->kind == NodeKind::ImportDefaultSpecifier) {
        im.name = "default";
        im.local = name_of(as<ImportDefaultSpecifier>(spec)->local);
      } else {
        im.name = "*";
        im.local = name_of(as<ImportNamespaceSpecifier>(spec)->local);
      }
      im.slot = slot_of(im.local);
      info->imports.push_back(std::move(im));
    }
  }
  auto export_local = [&](const std::string& exported, const std::string& local) {
    // §16.2.1.6.1 ParseModule step 10: exporting an imported name re-exports
    // what it links to (for a namespace import: that module's namespace).
    for (const auto& im : info->imports)
      if (im.local == local) {
        info->indirect_exports.push_back({exported, im.request, im.name});
        return;
      }
    info->local_exports.push_back({exported, slot_of(local)});
  };
  for (Node* s : program->body) {
    if (s->kind == NodeKind::ExportNamedDeclaration) {
      auto* d = as<ExportNamedDeclaration>(s);
      if (d->source) {
        uint32_t req = request(d->source, d->attributes);
        for (Node* n : d->specifiers) {
          auto* spec = as<ExportSpecifier>(n);
          info->indirect_exports.push_back({name_of(spec->exported), req, name_of(spec->local)});
        }
      } else if (d->declaration) {
        Node* decl = d->declaration;
        if (decl->kind == NodeKind::VariableDeclaration) {
          for (Node* v : as<VariableDeclaration>(decl)->declarations)
            for_each_bound_name(as<VariableDeclarator>(v)->id, [&](Identifier* id) {
              export_local(std::string(id->name->text), std::string(id->name->text));
            });
        } else {
          Node* id = decl->kind == NodeKind::FunctionDeclaration ? as<Function>(decl)->id : as<Class>(decl)->id;
          export_local(name_of(id), name_of(id));
        }
      } else {
        for (Node* n : d->specifiers) {
          auto* spec = as<ExportSpecifier>(n);
          export_local(name_of(spec->exported), name_of(spec->local));
        }
      }
    } else if (s->kind == NodeKind::ExportDefaultDeclaration) {
      Node* decl = as<ExportDefaultDeclaration>(s)->declaration;
      Node* id = decl->kind == NodeKind::FunctionDeclaration ? as<Function>(decl)->id
                 : decl->kind == NodeKind::ClassDeclaration  ? as<Class>(decl)->id
                                                             : nullptr;
      if (id) info->local_exports.push_back({"default", slot_of(name_of(id))});
      else info->local_exports.push_back({"default", res_.location_of(res_.default_export)->index});
    } else if (s->kind == NodeKind::ExportAllDeclaration) {
      auto* d = as<ExportAllDeclaration>(s);
      uint32_t req = request(d->source, d->attributes);
      if (d->exported) info->indirect_exports.push_back({name_of(d->exported), req, "*"});
      else info->star_exports.push_back(req);
    }
  }
  info->environment = scope_layout(*res_.info(scope));
  fn_.module = std::move(info);
}

void FunctionCompiler::module_statement(Node* s) {
  switch (s->kind) {
    case NodeKind::ImportDeclaration:
    case NodeKind::ExportAllDeclaration:
      return;  // linking did their work
    case NodeKind::ExportNamedDeclaration: {
      Node* decl = as<ExportNamedDeclaration>(s)->declaration;
      if (decl && decl->kind != NodeKind::FunctionDeclaration) compile_statement(decl);  // functions are hoisted
      return;
    }
    case NodeKind::ExportDefaultDeclaration: {
      Node* decl = as<ExportDefaultDeclaration>(s)->declaration;
      if (decl->kind == NodeKind::FunctionDeclaration) return;  // hoisted
      if (decl->kind == NodeKind::ClassDeclaration && as<Class>(decl)->id) return compile_statement(decl);
      uint16_t r = temp();
      if (decl->kind == NodeKind::ClassDeclaration) class_expression(as<Class>(decl), r, "default");
      else named_expr(decl, r, "default");
      store_binding(res_.default_export, r);
      return;
    }
    default:
      throw CompileError{"internal: not a module statement", s->start};
  }
}

}  // namespace glass::compiling
