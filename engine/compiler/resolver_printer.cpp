// `glass --print-scopes`: the resolver's decisions as a readable outline.
//
// Format (stable; the resolver tests compare against it):
//
//   scopes:
//   <kind> <line>:<col>[ <name>][ <flag>...]
//     <binding-kind> <name>: <location>[ (captured)]
//     <nested scope, indented two more spaces>
//   references:
//   <line>:<col> <name> -> <target>[ (<note>, <note>)]
//
// Scope kinds: script, module, function, arrow, static-block, block, switch,
// for, catch, class. Scope flags, in this order:
//   heap(N)        the scope has a heap object at run time with N slots
//   per-iteration  a for scope whose heap object is copied every iteration
//   sloppy-eval    a var scope that sloppy direct eval may add vars to
// then, for a scope that is a frame's var scope (script, module, function,
// arrow, static-block), the FunctionInfo:
//   params=P locals=L   argument registers and locals_count
//   strict, direct-eval, uses-arguments, arguments-object, arrow-this
//
// Binding kinds: var, function (var-scoped, or module top level), param, catch-param, self
// (a named function expression's or class's own name), let, const, class,
// block-function, import, annex-b-var (B.3.2.1: the var a block function also
// assigns), implicit (the resolver's `arguments`, `this`, `new.target`).
// Locations: r<N> (register), slot <N>, global, global lexical, import <N>;
// "(captured)" marks a binding kept in a slot because a closure, eval or
// `with` can reach it (not shown for globals and imports).
//
// References are listed in source order (declarations included). Targets:
//   r<N>                       a register of the current frame
//   scope[<depth>].slot <N>    a slot of the heap scope <depth> links out
//   global / global lexical    the global object / the global declarative record
//   import <N>                 a module import
//   dynamic (with|eval)        looked up by name at run time
// Notes: "declaration" (the identifier declares the binding: initialization),
// "tdz" (the compiler must check for an uninitialized binding).
#include <algorithm>
#include <ostream>
#include <string>

#include "resolver.h"

namespace glass {
namespace {

using namespace ast;

const char* scope_kind_text(const Scope* s) {
  switch (s->kind) {
    case ScopeKind::Script: return "script";
    case ScopeKind::Module: return "module";
    case ScopeKind::Function:
      return s->node->kind == NodeKind::ArrowFunctionExpression ? "arrow" : "function";
    case ScopeKind::StaticBlock: return "static-block";
    case ScopeKind::Block: return "block";
    case ScopeKind::Switch: return "switch";
    case ScopeKind::For: return "for";
    case ScopeKind::Catch: return "catch";
    case ScopeKind::Class: return "class";
  }
  return "?";
}

const char* binding_kind_text(const Binding* b, const BindingLocation* loc) {
  if (loc && loc->synthetic) return "implicit";
  switch (b->kind) {
    case BindingKind::Var:
      return b->declaration && b->declaration->kind == NodeKind::FunctionDeclaration ? "annex-b-var" : "var";
    case BindingKind::VarFunction: return "function";
    case BindingKind::Parameter: return "param";
    case BindingKind::CatchParameter: return "catch-param";
    case BindingKind::SelfName: return "self";
    case BindingKind::Let: return "let";
    case BindingKind::Const: return "const";
    case BindingKind::Class: return "class";
    case BindingKind::LexicalFunction:
      return loc && loc->scope->kind == ScopeKind::Module ? "function" : "block-function";
    case BindingKind::Import: return "import";
  }
  return "?";
}

std::string location_text(const BindingLocation& loc) {
  switch (loc.kind) {
    case BindingLocation::Register: return "r" + std::to_string(loc.index);
    case BindingLocation::Slot: return "slot " + std::to_string(loc.index);
    case BindingLocation::Global: return "global";
    case BindingLocation::GlobalLexical: return "global lexical";
    case BindingLocation::Import: return "import " + std::to_string(loc.index);
  }
  return "?";
}

// The name a scope is known by, if any: a function's or class's id.
std::string_view scope_name(const Scope* s) {
  Node* id = nullptr;
  if (s->kind == ScopeKind::Function) id = as<Function>(s->node)->id;
  if (s->kind == ScopeKind::Class) id = as<Class>(s->node)->id;
  return id ? as<Identifier>(id)->name->text : std::string_view();
}

void print_scope(std::ostream& out, const Scope* s, const ResolverResult& r, int indent) {
  const ScopeInfo* si = r.info(s);
  std::string pad(size_t(indent) * 2, ' ');
  out << pad << scope_kind_text(s) << ' ' << s->node->start.line << ':' << s->node->start.column;
  if (auto name = scope_name(s); !name.empty()) out << ' ' << name;
  if (si->needs_heap_scope) out << " heap(" << si->slot_count << ')';
  if (si->per_iteration_copy) out << " per-iteration";
  if (si->sloppy_eval) out << " sloppy-eval";
  if (s->is_var_scope()) {
    const FunctionInfo& f = r.functions[si->function];
    out << " params=" << f.param_count << " locals=" << f.locals_count;
    if (f.strict) out << " strict";
    if (f.has_direct_eval) out << " direct-eval";
    if (f.uses_arguments) out << " uses-arguments";
    if (f.needs_arguments_object) out << " arguments-object";
    if (f.arrow_captures_this) out << " arrow-this";
  }
  out << '\n';
  for (const Binding* b : si->bindings) {
    const BindingLocation* loc = r.location_of(b);
    out << pad << "  " << binding_kind_text(b, loc) << ' ' << b->name->text << ": " << location_text(*loc);
    if (loc->captured && (loc->kind == BindingLocation::Register || loc->kind == BindingLocation::Slot))
      out << " (captured)";
    out << '\n';
  }
  for (const Scope* child : s->children) print_scope(out, child, r, indent + 1);
}

std::string_view node_name(const Node* n) {
  switch (n->kind) {
    case NodeKind::Identifier: return static_cast<const Identifier*>(n)->name->text;
    case NodeKind::ThisExpression: return "this";
    case NodeKind::Super: return "super";
    case NodeKind::MetaProperty: return "new.target";
    default: return "?";
  }
}

std::string static_target_text(const Resolution& res) {
  switch (res.kind) {
    case Resolution::Local: return "r" + std::to_string(res.index);
    case Resolution::Scoped:
      return "scope[" + std::to_string(res.depth) + "].slot " + std::to_string(res.index);
    case Resolution::Global: return res.global_lexical ? "global lexical" : "global";
    case Resolution::Import: return "import " + std::to_string(res.index);
  }
  return "?";
}

// A dynamic reference names where the run-time lookup searches first.
std::string target_text(const Resolution& res) {
  std::string text = static_target_text(res);
  if (!res.is_dynamic()) return text;
  std::string levels = res.dynamic_depth == Resolution::kWholeChain ? "all" : std::to_string(res.dynamic_depth);
  return text + ", after a by-name lookup (" + (res.dynamic_reason == Resolution::With ? "with" : "eval") +
         ") in " + levels + " scope(s)";
}

}  // namespace

void print_scopes(std::ostream& out, const ast::Program* program, const ResolverResult& result) {
  (void)program;
  out << "scopes:\n";
  if (!result.scopes.empty()) print_scope(out, result.scopes.front().scope, result, 0);
  out << "references:\n";
  std::vector<const Node*> refs = result.references;
  std::stable_sort(refs.begin(), refs.end(),
                   [](const Node* a, const Node* b) { return a->start.offset < b->start.offset; });
  for (const Node* n : refs) {
    const Resolution& res = *result.resolution_of(n);
    out << n->start.line << ':' << n->start.column << ' ' << node_name(n) << " -> " << target_text(res);
    if (res.is_declaration || res.needs_tdz_check) {
      out << " (";
      if (res.is_declaration) out << "declaration";
      if (res.is_declaration && res.needs_tdz_check) out << ", ";
      if (res.needs_tdz_check) out << "tdz";
      out << ')';
    }
    out << '\n';
  }
}

}  // namespace glass
