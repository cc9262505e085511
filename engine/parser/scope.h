// Scopes: which names each region of a program declares, and how.
//
// The early-errors pass (early_errors.cpp) walks the finished tree once and
// builds a Scope for every region that can hold declarations: the script or
// module, each function (parameters and body together), each static block,
// block, switch case block, for-head with let/const, catch clause and class.
// It checks the declaration rules of the standard while it builds them (see
// the rule list at the top of early_errors.cpp). The compiler can later call
// analyze_scopes() to get the same tree.
//
// A Scope records each name once, with the kind of its first declaration
// (the kinds that may repeat — var, var-scoped function, sloppy parameters,
// Annex B block functions — keep their first entry).
#pragma once
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ast.h"
#include "atoms.h"

namespace glass {

enum class ScopeKind : uint8_t {
  // Var scopes: `var` and (except in a module) top-level functions land here.
  Script,
  Module,
  Function,     // parameters and body; node is the ast::Function
  StaticBlock,  // class static { }; node is the ast::StaticBlock
  // Lexical scopes.
  Block,   // node is the BlockStatement (or, for `if (x) function f(){}`, the function)
  Switch,  // all case clauses share one scope; node is the SwitchStatement
  For,     // for (let/const ...); node is the ForStatement / ForInOfStatement
  Catch,   // catch parameter and catch block together; node is the CatchClause
  Class,   // the class's own name and its private names; node is the ast::Class
};

enum class BindingKind : uint8_t {
  // Var-like: may be repeated, never conflict with each other.
  Var,
  VarFunction,  // function declaration at function/script/static-block top level
  Parameter,
  CatchParameter,
  SelfName,  // a named function expression's or a class's own name: shadowable
  // Lexical: unique in their scope, and no var of the same name may hoist through.
  Let,
  Const,
  Class,
  LexicalFunction,  // function declaration in a block, switch or module top level
  Import,
};

enum class PrivateKind : uint8_t { Field, Method, Getter, Setter, AccessorPair };

inline bool is_lexical(BindingKind kind) { return kind >= BindingKind::Let; }

struct Binding {
  Atom name = nullptr;
  BindingKind kind = BindingKind::Var;
  ast::Node* id = nullptr;           // the Identifier that declared it (first occurrence)
  ast::Node* declaration = nullptr;  // VariableDeclaration, Function, Class, ImportDeclaration,
                                     // CatchClause, or null for parameters
};

struct PrivateName {
  Atom name = nullptr;  // without the '#'
  PrivateKind kind = PrivateKind::Field;
  bool is_static = false;
  ast::Node* element = nullptr;  // MethodDefinition or PropertyDefinition
};

struct Scope;

// B.3.2.1 / B.3.2.2: a sloppy block-level function declaration that also
// assigns a var of the same name in its var scope when it is evaluated.
struct AnnexBFunction {
  ast::Function* function = nullptr;
  Scope* block = nullptr;  // the Block or Switch scope holding its lexical binding
};

struct Scope {
  ScopeKind kind = ScopeKind::Block;
  bool strict = false;
  ast::Node* node = nullptr;
  Scope* parent = nullptr;
  std::vector<Scope*> children;
  std::vector<Binding> bindings;           // in order of first declaration
  std::vector<PrivateName> private_names;  // Class scopes only
  // Names of `var`s declared in a nested scope of the same function that
  // hoist through this one to the var scope (VarDeclaredNames of a block).
  std::unordered_set<Atom> hoisted_vars;
  // Var scopes only (recorded for the compiler, no early error depends on
  // it): the Annex B block functions whose name is also a var here. When the
  // name had no var binding yet, one of kind Var whose declaration is the
  // function was added when the var scope was finished.
  std::vector<AnnexBFunction> annex_b_functions;

  bool is_var_scope() const { return kind <= ScopeKind::StaticBlock; }

  const Binding* find(Atom name) const {
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : &bindings[it->second];
  }
  // Adds the binding unless the name is already bound here. Any declaration
  // replaces a SelfName (the function's or class's own name is shadowed).
  void add(const Binding& binding) {
    auto [it, inserted] = index_.emplace(binding.name, uint32_t(bindings.size()));
    if (inserted)
      bindings.push_back(binding);
    else if (bindings[it->second].kind == BindingKind::SelfName)
      bindings[it->second] = binding;
  }
  PrivateName* find_private(Atom name) {
    for (auto& p : private_names)
      if (p.name == name) return &p;
    return nullptr;
  }

 private:
  std::unordered_map<Atom, uint32_t> index_;
};

struct ScopeTree {
  std::vector<std::unique_ptr<Scope>> scopes;  // scopes[0] is the script or module scope
  Scope* root() const { return scopes.front().get(); }
};

// Builds the scope tree of a whole program, checking the declaration early
// errors on the way; throws glass::SyntaxError for the first violation.
ScopeTree analyze_scopes(ast::Program* program, AtomTable& atoms);

// Calls f(Identifier*) for each name a binding pattern binds (BoundNames),
// left to right. Does not look at default values or computed keys.
template <class F>
void for_each_bound_name(ast::Node* pattern, F&& f) {
  using namespace ast;
  if (!pattern) return;
  switch (pattern->kind) {
    case NodeKind::Identifier:
      f(as<Identifier>(pattern));
      break;
    case NodeKind::ObjectPattern:
      for (Node* prop : as<ObjectPattern>(pattern)->properties) {
        if (prop->kind == NodeKind::Property) {
          auto* p = as<Property>(prop);
          for_each_bound_name(p->value ? p->value : p->key, f);
        } else {
          for_each_bound_name(prop, f);
        }
      }
      break;
    case NodeKind::ArrayPattern:
      for (Node* element : as<ArrayPattern>(pattern)->elements) for_each_bound_name(element, f);
      break;
    case NodeKind::RestElement:
      for_each_bound_name(as<RestElement>(pattern)->argument, f);
      break;
    case NodeKind::AssignmentPattern:
      for_each_bound_name(as<AssignmentPattern>(pattern)->left, f);
      break;
    default:
      break;
  }
}

}  // namespace glass
