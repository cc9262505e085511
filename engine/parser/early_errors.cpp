// The declaration-level early errors of ES2025, checked in one walk over the
// finished tree (the parser handles the errors that one production can see
// on its own; see parser.h). The walk builds the scope tree of scope.h and
// checks, as each name is declared, in source order:
//
//   - lexically declared names are unique in their scope, and no `var` of
//     the same name hoists through that scope (blocks, switch, for heads,
//     catch, function bodies, static blocks, script, module);
//   - Annex B.3.2.4: sloppy blocks may repeat plain function declarations;
//   - parameters: no duplicates unless the function is a sloppy, plain one
//     with simple parameters; no lexical body name equal to a parameter;
//     no "use strict" with non-simple parameters;
//   - catch parameters: no duplicates, no lexical body name equal to one,
//     and (Annex B.3.4) a `var` of the same name only for a plain identifier;
//   - `let` is not a lexically bound name;
//   - classes: private names declared once (a getter/setter pair excepted)
//     and only used inside a class declaring them; one constructor; no field
//     named "constructor", no static "prototype"; `arguments` not in field
//     initializers or static blocks;
//   - modules: exported names unique and well-formed, `export { x }` names
//     a top-level declaration, import attribute keys unique.
//
// Messages follow V8's wording so they read the same as Node's.
#include "early_errors.h"

#include "unicode/unicode.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "scope.h"
#include "util/stack_guard.h"

namespace glass {
namespace {

using namespace ast;

// --- Small helpers ----------------------------------------------------------

[[noreturn]] void fail(std::string message, Node* at) { throw SyntaxError{std::move(message), at->start}; }

std::string quoted(std::string_view prefix, std::string_view name, std::string_view suffix) {
  std::string s(prefix);
  s += '\'';
  s += name;
  s += '\'';
  s += suffix;
  return s;
}

[[noreturn]] void fail_redeclared(Node* id, Atom name) {
  fail(quoted("Identifier ", name->text, " has already been declared"), id);
}

// IsStringWellFormedUnicode (7.2.9 / 6.1.4): no lone surrogates.
bool is_well_formed(std::u16string_view s) {
  for (size_t i = 0; i < s.size(); i++) {
    char16_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF) {
      if (i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
        i++;
        continue;
      }
      return false;
    }
    if (c >= 0xDC00 && c <= 0xDFFF) return false;
  }
  return true;
}

std::string private_text(PrivateIdentifier* id) { return "#" + std::string(id->name->text); }

bool equals_ascii(std::u16string_view s, std::string_view ascii) {
  if (s.size() != ascii.size()) return false;
  for (size_t i = 0; i < s.size(); i++)
    if (s[i] != char16_t(ascii[i])) return false;
  return true;
}

// PropName (15.4.3) of a non-computed class element key equals `name`.
bool prop_name_is(Node* key, bool computed, std::string_view name) {
  if (computed || !key) return false;
  if (key->kind == NodeKind::Identifier) return as<Identifier>(key)->name->text == name;
  if (key->kind == NodeKind::StringLiteral) return equals_ascii(as<StringLiteral>(key)->value, name);
  return false;
}

bool is_plain_function(Node* decl) {
  auto* f = as<Function>(decl);
  return !f->async && !f->generator;
}

// --- The walk ---------------------------------------------------------------

class ScopeChecker {
 public:
  explicit ScopeChecker(AtomTable& atoms) : atoms_(atoms) {}

  ScopeTree run(Program* program) {
    Scope* top = push_scope(program->module ? ScopeKind::Module : ScopeKind::Script, program,
                            program->strict || program->module);
    statement_list(program->body);
    if (program->module) check_exported_bindings();
    pop_scope(top);
    return std::move(tree_);
  }

 private:
  AtomTable& atoms_;
  StackGuard stack_;
  ScopeTree tree_;
  Scope* current_ = nullptr;
  // ContainsArguments (15.7.1): inside a field initializer or static block,
  // not counting nested non-arrow functions.
  bool in_class_initializer_ = false;
  std::unordered_map<Atom, Node*> exported_names_;  // ExportedNames of the module, so far
  std::vector<Identifier*> exported_locals_;        // `export { local }` without `from`

  // --- Scopes ---------------------------------------------------------------

  Scope* push_scope(ScopeKind kind, Node* node, bool strict) {
    auto scope = std::make_unique<Scope>();
    scope->kind = kind;
    scope->node = node;
    scope->strict = strict;
    scope->parent = current_;
    if (current_) current_->children.push_back(scope.get());
    current_ = scope.get();
    tree_.scopes.push_back(std::move(scope));
    return current_;
  }
  void pop_scope(Scope* scope) {
    if (scope->is_var_scope()) hoist_annex_b_functions(scope);
    current_ = scope->parent;
  }

  // B.3.2.1 FunctionDeclarationInstantiation / B.3.2.2 GlobalDeclaration-
  // Instantiation (recording only, no error is raised here): a plain function
  // declared in a sloppy block also gets a var binding in the var scope "if
  // replacing the FunctionDeclaration f with a VariableStatement that has F
  // as a BindingIdentifier would not produce any Early Errors" and F is not
  // a parameter name. Decided when the var scope is complete, since a later
  // `let f` in an enclosing scope also blocks it.
  void note_annex_b_candidate(Function* f) {
    if (current_->strict || !is_plain_function(f)) return;
    if (current_->kind != ScopeKind::Block && current_->kind != ScopeKind::Switch) return;
    var_scope()->annex_b_functions.push_back({f, current_});
  }

  static void hoist_annex_b_functions(Scope* var_scope) {
    std::vector<AnnexBFunction> kept;
    for (const AnnexBFunction& candidate : var_scope->annex_b_functions) {
      auto* id = as<Identifier>(candidate.function->id);
      bool hoists = true;
      for (Scope* s = candidate.block->parent; hoists; s = s->parent) {
        const Binding* existing = s->find(id->name);
        if (existing && is_lexical(existing->kind)) hoists = false;
        // B.3.4: a var may share only a plain identifier catch parameter's name.
        if (existing && existing->kind == BindingKind::CatchParameter &&
            as<CatchClause>(s->node)->param->kind != NodeKind::Identifier)
          hoists = false;
        if (s == var_scope) {
          if (existing && existing->kind == BindingKind::Parameter) hoists = false;
          // B.3.2.1 step ii: in function code, not when F is "arguments".
          if (s->kind == ScopeKind::Function && id->name->text == "arguments") hoists = false;
          break;
        }
      }
      if (!hoists) continue;
      const Binding* existing = var_scope->find(id->name);
      if (!existing || existing->kind == BindingKind::SelfName)
        var_scope->add({id->name, BindingKind::Var, id, candidate.function});
      kept.push_back(candidate);
    }
    var_scope->annex_b_functions = std::move(kept);
  }

  Scope* var_scope() const {
    Scope* s = current_;
    while (!s->is_var_scope()) s = s->parent;
    return s;
  }

  // 14.2.1 Block, 14.12.1 CaseBlock, 15.2.1 FunctionBody, 16.1.1 Script,
  // 16.2.1.1 ModuleItemList, 15.7.1 ClassStaticBlockBody: "It is a Syntax
  // Error if the LexicallyDeclaredNames contains any duplicate entries" and
  // "... if any element of the LexicallyDeclaredNames also occurs in the
  // VarDeclaredNames". Also 15.2.1: "... BoundNames of FormalParameters also
  // occurs in the LexicallyDeclaredNames of FunctionBody", and 14.15.1 for
  // the catch parameter.
  void declare_lexical(Identifier* id, BindingKind kind, Node* declaration) {
    Scope* s = current_;
    if (const Binding* existing = s->find(id->name); existing && existing->kind != BindingKind::SelfName) {
      if (annex_b_duplicate_block_function(s, *existing, kind, declaration)) return;
      fail_redeclared(id, id->name);
    }
    if (s->hoisted_vars.count(id->name)) fail_redeclared(id, id->name);
    s->add({id->name, kind, id, declaration});
  }

  // B.3.2.4 (Changes to Block / Switch Static Semantics: Early Errors): in
  // sloppy code, duplicate entries are allowed when they are "only bound by
  // FunctionDeclarations" (plain functions, not async or generators).
  static bool annex_b_duplicate_block_function(const Scope* s, const Binding& existing, BindingKind kind,
                                               Node* declaration) {
    return !s->strict && kind == BindingKind::LexicalFunction &&
           existing.kind == BindingKind::LexicalFunction && is_plain_function(existing.declaration) &&
           is_plain_function(declaration);
  }

  // A `var` hoists from the current scope to the var scope; every scope it
  // passes must not declare the name lexically (VarDeclaredNames of each
  // enclosing Block include it). B.3.4 (VariableStatements in Catch Blocks):
  // it may share a catch parameter's name when that parameter is a plain
  // identifier.
  void declare_var(Identifier* id, Node* declaration) {
    for (Scope* s = current_;; s = s->parent) {
      if (const Binding* existing = s->find(id->name)) {
        if (is_lexical(existing->kind)) fail_redeclared(id, id->name);
        if (existing->kind == BindingKind::CatchParameter &&
            as<CatchClause>(s->node)->param->kind != NodeKind::Identifier)
          fail_redeclared(id, id->name);
      }
      if (s->is_var_scope()) {
        s->add({id->name, BindingKind::Var, id, declaration});
        return;
      }
      s->hoisted_vars.insert(id->name);
    }
  }

  // A function declaration directly in a var scope (TopLevelVarDeclaredNames):
  // behaves as a var there; elsewhere it is lexical.
  void declare_function(Function* f) {
    auto* id = as<Identifier>(f->id);
    if (current_->is_var_scope() && current_->kind != ScopeKind::Module) {
      if (const Binding* existing = current_->find(id->name); existing && is_lexical(existing->kind))
        fail_redeclared(id, id->name);
      current_->add({id->name, BindingKind::VarFunction, id, f});
    } else {
      declare_lexical(id, BindingKind::LexicalFunction, f);
      note_annex_b_candidate(f);
    }
  }

  // 15.1.1 FormalParameters: "It is a Syntax Error if IsSimpleParameterList
  // is false and BoundNames contains any duplicate elements"; strict code
  // (15.1.1 / 15.2.1), arrow parameters (15.3.1), and UniqueFormalParameters
  // of methods (15.4.1, 15.5.1, 15.6.1, 15.8.1) allow no duplicates at all.
  void declare_parameter(Identifier* id, bool allow_duplicates) {
    if (const Binding* existing = current_->find(id->name);
        existing && existing->kind == BindingKind::Parameter) {
      if (allow_duplicates) return;
      fail("Duplicate parameter name not allowed in this context", id);
    }
    current_->add({id->name, BindingKind::Parameter, id, nullptr});
  }

  // 14.15.1 Catch: "It is a Syntax Error if BoundNames of CatchParameter
  // contains any duplicate elements."
  void declare_catch_parameter(Identifier* id, CatchClause* clause) {
    if (current_->find(id->name)) fail_redeclared(id, id->name);
    current_->add({id->name, BindingKind::CatchParameter, id, clause});
  }

  // --- Statements -----------------------------------------------------------

  void statement_list(const NodeList& list) {
    for (Node* n : list) statement(n);
  }

  void statement(Node* n) {
    check_stack(n);
    switch (n->kind) {
      case NodeKind::BlockStatement: {
        Scope* s = push_scope(ScopeKind::Block, n, current_->strict);
        statement_list(as<BlockStatement>(n)->body);
        pop_scope(s);
        break;
      }
      case NodeKind::VariableDeclaration:
        variable_declaration(as<VariableDeclaration>(n));
        break;
      case NodeKind::FunctionDeclaration:
        if (as<Function>(n)->id) declare_function(as<Function>(n));
        function(as<Function>(n), /*is_method=*/false);
        break;
      case NodeKind::ClassDeclaration:
        class_(as<Class>(n));
        break;
      case NodeKind::ExpressionStatement:
        expression(as<ExpressionStatement>(n)->expression);
        break;
      case NodeKind::IfStatement: {
        auto* s = as<IfStatement>(n);
        expression(s->test);
        sub_statement(s->consequent);
        if (s->alternate) sub_statement(s->alternate);
        break;
      }
      case NodeKind::ForStatement:
        for_statement(as<ForStatement>(n));
        break;
      case NodeKind::ForInStatement:
      case NodeKind::ForOfStatement:
        for_in_of_statement(as<ForInOfStatement>(n));
        break;
      case NodeKind::WhileStatement:
        expression(as<WhileStatement>(n)->test);
        sub_statement(as<WhileStatement>(n)->body);
        break;
      case NodeKind::DoWhileStatement:
        sub_statement(as<DoWhileStatement>(n)->body);
        expression(as<DoWhileStatement>(n)->test);
        break;
      case NodeKind::WithStatement:
        expression(as<WithStatement>(n)->object);
        sub_statement(as<WithStatement>(n)->body);
        break;
      case NodeKind::LabeledStatement:
        // A labelled function declaration is declared where the label is.
        statement(as<LabeledStatement>(n)->body);
        break;
      case NodeKind::SwitchStatement:
        switch_statement(as<SwitchStatement>(n));
        break;
      case NodeKind::TryStatement: {
        auto* t = as<TryStatement>(n);
        statement(t->block);
        if (t->handler) catch_clause(as<CatchClause>(t->handler));
        if (t->finalizer) statement(t->finalizer);
        break;
      }
      case NodeKind::ReturnStatement:
        if (as<ReturnStatement>(n)->argument) expression(as<ReturnStatement>(n)->argument);
        break;
      case NodeKind::ThrowStatement:
        expression(as<ThrowStatement>(n)->argument);
        break;
      case NodeKind::ImportDeclaration:
        import_declaration(as<ImportDeclaration>(n));
        break;
      case NodeKind::ExportNamedDeclaration:
        export_named_declaration(as<ExportNamedDeclaration>(n));
        break;
      case NodeKind::ExportDefaultDeclaration:
        export_default_declaration(as<ExportDefaultDeclaration>(n));
        break;
      case NodeKind::ExportAllDeclaration:
        export_all_declaration(as<ExportAllDeclaration>(n));
        break;
      case NodeKind::EmptyStatement:
      case NodeKind::DebuggerStatement:
      case NodeKind::BreakStatement:
      case NodeKind::ContinueStatement:
        break;
      default:
        expression(n);
        break;
    }
  }

  // The body of if / while / for / with / label. B.3.3 (FunctionDeclarations
  // in IfStatement Statement Clauses): `if (x) function f() {}` behaves as if
  // the function were alone in a block.
  void sub_statement(Node* n) {
    if (n->kind != NodeKind::FunctionDeclaration) return statement(n);
    Scope* s = push_scope(ScopeKind::Block, n, current_->strict);
    statement(n);
    pop_scope(s);
  }

  // 14.3.1.1 LexicalDeclaration: "It is a Syntax Error if the BoundNames of
  // BindingList contains "let"" and "... contains any duplicate entries"
  // (the latter is the general uniqueness rule). Also 14.7.4.1, 14.7.5.1 for
  // let/const in for heads.
  void variable_declaration(VariableDeclaration* d) {
    for (Node* n : d->declarations) {
      auto* declarator = as<VariableDeclarator>(n);
      if (declarator->init) expression(declarator->init);
      binding_pattern_expressions(declarator->id);
      for_each_bound_name(declarator->id, [&](Identifier* id) {
        if (d->kind_ == VarKind::Var) return declare_var(id, d);
        if (id->name == atoms_.let_) fail("let is disallowed as a lexically bound name", id);
        declare_lexical(id, d->kind_ == VarKind::Let ? BindingKind::Let : BindingKind::Const, d);
      });
    }
  }

  static bool is_lexical_declaration(Node* n) {
    return n && n->kind == NodeKind::VariableDeclaration && as<VariableDeclaration>(n)->kind_ != VarKind::Var;
  }

  // 14.7.4.1 ForStatement: "It is a Syntax Error if any element of the
  // BoundNames of LexicalDeclaration also occurs in the VarDeclaredNames of
  // Statement." The head's names get their own scope, through which the
  // body's vars hoist.
  void for_statement(ForStatement* f) {
    Scope* s = is_lexical_declaration(f->init) ? push_scope(ScopeKind::For, f, current_->strict) : nullptr;
    if (f->init) statement(f->init);
    if (f->test) expression(f->test);
    if (f->update) expression(f->update);
    sub_statement(f->body);
    if (s) pop_scope(s);
  }

  // 14.7.5.1 ForIn/OfStatement: the same rule, plus "It is a Syntax Error if
  // the BoundNames of ForDeclaration contains "let"" and duplicates.
  void for_in_of_statement(ForInOfStatement* f) {
    Scope* s = is_lexical_declaration(f->left) ? push_scope(ScopeKind::For, f, current_->strict) : nullptr;
    if (f->left->kind == NodeKind::VariableDeclaration)
      variable_declaration(as<VariableDeclaration>(f->left));
    else
      expression(f->left);  // an assignment target
    expression(f->right);
    sub_statement(f->body);
    if (s) pop_scope(s);
  }

  // 14.12.1 CaseBlock: all clauses form one scope.
  void switch_statement(SwitchStatement* sw) {
    expression(sw->discriminant);
    Scope* s = push_scope(ScopeKind::Switch, sw, current_->strict);
    for (Node* n : sw->cases) {
      auto* c = as<SwitchCase>(n);
      if (c->test) expression(c->test);
      statement_list(c->consequent);
    }
    pop_scope(s);
  }

  // 14.15.1 Catch: the parameter and the block's declarations share a scope,
  // so a lexical name equal to a parameter is a redeclaration (and a var is
  // checked by declare_var, B.3.4).
  void catch_clause(CatchClause* c) {
    Scope* s = push_scope(ScopeKind::Catch, c, current_->strict);
    if (c->param) {
      binding_pattern_expressions(c->param);
      for_each_bound_name(c->param, [&](Identifier* id) { declare_catch_parameter(id, c); });
    }
    statement_list(as<BlockStatement>(c->body)->body);
    pop_scope(s);
  }

  // --- Functions ------------------------------------------------------------

  // 15.1.1, 15.2.1, 15.3.1 and the method rules: see declare_parameter and
  // check_use_strict_with_parameters. The function's own name (a function
  // expression's) is a SelfName: the body may redeclare it.
  void function(Function* f, bool is_method) {
    bool arrow = f->kind == NodeKind::ArrowFunctionExpression;
    bool saved_initializer = in_class_initializer_;
    if (!arrow) in_class_initializer_ = false;

    Scope* s = push_scope(ScopeKind::Function, f, f->strict);
    if (f->kind == NodeKind::FunctionExpression && f->id)
      s->add({as<Identifier>(f->id)->name, BindingKind::SelfName, f->id, f});
    bool allow_duplicates = !f->strict && f->simple_params && !arrow && !is_method;
    for (Node* param : f->params) {
      binding_pattern_expressions(param);
      for_each_bound_name(param, [&](Identifier* id) { declare_parameter(id, allow_duplicates); });
    }
    if (f->body->kind == NodeKind::BlockStatement) {
      check_use_strict_with_parameters(f);
      statement_list(as<BlockStatement>(f->body)->body);
    } else {
      expression(f->body);
    }
    pop_scope(s);
    in_class_initializer_ = saved_initializer;
  }

  // 15.2.1: "It is a Syntax Error if FunctionBodyContainsUseStrict of
  // FunctionBody is true and IsSimpleParameterList of FormalParameters is
  // false." (and the same for arrows, methods, generators, async functions).
  static void check_use_strict_with_parameters(Function* f) {
    if (f->simple_params) return;
    for (Node* n : as<BlockStatement>(f->body)->body) {
      if (n->kind != NodeKind::ExpressionStatement || !as<ExpressionStatement>(n)->is_directive) return;
      if (as<ExpressionStatement>(n)->directive == "use strict")
        fail("Illegal 'use strict' directive in function with non-simple parameter list", n);
    }
  }

  // The default values and computed keys inside a binding pattern.
  void binding_pattern_expressions(Node* pattern) {
    if (!pattern) return;
    switch (pattern->kind) {
      case NodeKind::ObjectPattern:
        for (Node* prop : as<ObjectPattern>(pattern)->properties) {
          if (prop->kind == NodeKind::Property) {
            auto* p = as<Property>(prop);
            if (p->computed) expression(p->key);
            binding_pattern_expressions(p->value);
          } else {
            binding_pattern_expressions(prop);
          }
        }
        break;
      case NodeKind::ArrayPattern:
        for (Node* element : as<ArrayPattern>(pattern)->elements) binding_pattern_expressions(element);
        break;
      case NodeKind::RestElement:
        binding_pattern_expressions(as<RestElement>(pattern)->argument);
        break;
      case NodeKind::AssignmentPattern:
        binding_pattern_expressions(as<AssignmentPattern>(pattern)->left);
        expression(as<AssignmentPattern>(pattern)->right);
        break;
      default:
        break;
    }
  }

  // --- Expressions ----------------------------------------------------------

  void expression(Node* n) {
    check_stack(n);
    switch (n->kind) {
      case NodeKind::Identifier:
        identifier_reference(as<Identifier>(n));
        break;
      case NodeKind::MemberExpression:
      case NodeKind::CallExpression:
      case NodeKind::TaggedTemplateExpression:
      case NodeKind::ChainExpression:
      case NodeKind::BinaryExpression:
      case NodeKind::LogicalExpression:
        left_spine(n);
        break;
      case NodeKind::Property: {  // in an object literal or an assignment pattern
        auto* p = as<Property>(n);
        if (p->computed) expression(p->key);
        if (!p->value) {
          if (p->shorthand) expression(p->key);
        } else if (p->value->kind == NodeKind::FunctionExpression &&
                   (p->method || p->kind != PropertyKind::Init)) {
          function(as<Function>(p->value), /*is_method=*/true);
        } else {
          expression(p->value);
        }
        break;
      }
      case NodeKind::FunctionExpression:
      case NodeKind::ArrowFunctionExpression:
        function(as<Function>(n), /*is_method=*/false);
        break;
      case NodeKind::ClassExpression:
        class_(as<Class>(n));
        break;
      case NodeKind::PrivateIdentifier:
      case NodeKind::MetaProperty:
        break;
      default:
        for_each_child(n, [&](Node* child) { expression(child); });
        break;
    }
  }

  // `a + b + c` and `a.b.c()` nest to the left, and the parser builds them
  // in a loop, so their depth is not bounded by the parser's nesting limit:
  // walk down the left operand / object / callee iteratively, then handle
  // the rest of each link from the innermost out (source order).
  static Node* left_child(Node* n) {
    switch (n->kind) {
      case NodeKind::MemberExpression:
        return as<MemberExpression>(n)->object;
      case NodeKind::CallExpression:
        return as<CallExpression>(n)->callee;
      case NodeKind::TaggedTemplateExpression:
        return as<TaggedTemplateExpression>(n)->tag;
      case NodeKind::ChainExpression:
        return as<ChainExpression>(n)->expression;
      case NodeKind::BinaryExpression:
        return as<BinaryExpression>(n)->left;
      case NodeKind::LogicalExpression:
        return as<LogicalExpression>(n)->left;
      default:
        return nullptr;
    }
  }

  void left_spine(Node* n) {
    std::vector<Node*> links;
    for (; left_child(n); n = left_child(n)) links.push_back(n);
    if (n->kind == NodeKind::PrivateIdentifier)
      private_reference(as<PrivateIdentifier>(n));  // #x in o
    else
      expression(n);
    for (auto it = links.rbegin(); it != links.rend(); ++it) rest_of_link(*it);
  }

  // Everything of a left-spine link except its left child.
  void rest_of_link(Node* n) {
    switch (n->kind) {
      case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(n);
        if (m->computed)
          expression(m->property);
        else if (m->property->kind == NodeKind::PrivateIdentifier)
          private_reference(as<PrivateIdentifier>(m->property));
        break;
      }
      case NodeKind::CallExpression:
        for (Node* arg : as<CallExpression>(n)->arguments) expression(arg);
        break;
      case NodeKind::TaggedTemplateExpression:
        expression(as<TaggedTemplateExpression>(n)->quasi);
        break;
      case NodeKind::BinaryExpression:
        expression(as<BinaryExpression>(n)->right);
        break;
      case NodeKind::LogicalExpression:
        expression(as<LogicalExpression>(n)->right);
        break;
      default:
        break;
    }
  }

  // A backstop: the parser bounds nesting, but this walk must not crash on
  // a tree built some other way.
  void check_stack(Node* n) {
    if (stack_.exhausted()) fail("Too deeply nested: the parser's nesting limit was reached", n);
  }

  // 15.7.1 FieldDefinition / ClassStaticBlockBody: "It is a Syntax Error if
  // ContainsArguments of Initializer (ClassStaticBlockStatementList) is true."
  void identifier_reference(Identifier* id) {
    if (in_class_initializer_ && id->name == atoms_.arguments_)
      fail("'arguments' is not allowed in class field initializer or static initialization block", id);
  }

  // 15.7.1 ClassBody / 16.1.1 Script / 16.2.1.1 Module: AllPrivateIdentifiersValid
  // — every #name used must be declared by an enclosing class body.
  void private_reference(PrivateIdentifier* id) {
    for (Scope* s = current_; s; s = s->parent)
      if (s->kind == ScopeKind::Class && s->find_private(id->name)) return;
    fail(quoted("Private field ", private_text(id), " must be declared in an enclosing class"), id);
  }

  // --- Classes --------------------------------------------------------------

  // A class declaration binds its name in the enclosing scope (lexically);
  // the class scope holds its own name and its private names. The heritage
  // sees the class scope but none of its private names (15.7.1: ClassHeritage
  // is outside ClassBody).
  void class_(Class* c) {
    if (c->kind == NodeKind::ClassDeclaration && c->id)
      declare_lexical(as<Identifier>(c->id), BindingKind::Class, c);
    Scope* s = push_scope(ScopeKind::Class, c, /*strict=*/true);
    if (c->id) s->add({as<Identifier>(c->id)->name, BindingKind::SelfName, c->id, c});
    if (c->super_class) expression(c->super_class);
    auto* body = as<ClassBody>(c->body);
    check_class_element_names(body);
    declare_private_names(body, s);
    for (Node* element : body->body) class_element(element);
    pop_scope(s);
  }

  void class_element(Node* element) {
    switch (element->kind) {
      case NodeKind::MethodDefinition: {
        auto* m = as<MethodDefinition>(element);
        if (m->computed) expression(m->key);
        function(as<Function>(m->value), /*is_method=*/true);
        break;
      }
      case NodeKind::PropertyDefinition: {
        auto* p = as<PropertyDefinition>(element);
        if (p->computed) expression(p->key);
        if (p->value) {
          bool saved = in_class_initializer_;
          in_class_initializer_ = true;
          expression(p->value);
          in_class_initializer_ = saved;
        }
        break;
      }
      case NodeKind::StaticBlock: {
        bool saved = in_class_initializer_;
        in_class_initializer_ = true;
        Scope* s = push_scope(ScopeKind::StaticBlock, element, /*strict=*/true);
        statement_list(as<StaticBlock>(element)->body);
        pop_scope(s);
        in_class_initializer_ = saved;
        break;
      }
      default:
        break;
    }
  }

  // 15.7.1 ClassBody and ClassElement early errors about names:
  //   - PrototypePropertyNameList contains "constructor" at most once;
  //   - the constructor is not a getter, setter, generator or async method;
  //   - a static method or field is not named "prototype";
  //   - a field is not named "constructor" (nor #constructor, 15.7.1
  //     ClassElementName : PrivateIdentifier).
  static void check_class_element_names(ClassBody* body) {
    bool has_constructor = false;
    for (Node* element : body->body) {
      if (element->kind == NodeKind::MethodDefinition) {
        auto* m = as<MethodDefinition>(element);
        auto* f = as<Function>(m->value);
        if (m->key->kind == NodeKind::PrivateIdentifier &&
            as<PrivateIdentifier>(m->key)->name->text == "constructor")
          fail("Class constructor may not be a private method", m->key);
        if (m->kind == MethodKind::Constructor ||
            (!m->is_static && prop_name_is(m->key, m->computed, "constructor"))) {
          if (m->kind == MethodKind::Get || m->kind == MethodKind::Set)
            fail("Class constructor may not be an accessor", m->key);
          if (f->generator && f->async) fail("Class constructor may not be an async method", m->key);
          if (f->generator) fail("Class constructor may not be a generator", m->key);
          if (f->async) fail("Class constructor may not be an async method", m->key);
          if (has_constructor) fail("A class may only have one constructor", m->key);
          has_constructor = true;
        }
        if (m->is_static && prop_name_is(m->key, m->computed, "prototype"))
          fail("Classes may not have a static property named 'prototype'", m->key);
      } else if (element->kind == NodeKind::PropertyDefinition) {
        auto* p = as<PropertyDefinition>(element);
        bool private_constructor = p->key->kind == NodeKind::PrivateIdentifier &&
                                   as<PrivateIdentifier>(p->key)->name->text == "constructor";
        if (private_constructor || prop_name_is(p->key, p->computed, "constructor"))
          fail("Classes may not have a field named 'constructor'", p->key);
        if (p->is_static && prop_name_is(p->key, p->computed, "prototype"))
          fail("Classes may not have a static property named 'prototype'", p->key);
      }
    }
  }

  // 15.7.1 ClassBody: "It is a Syntax Error if PrivateBoundIdentifiers of
  // ClassElementList contains any duplicate entries, unless the name is used
  // once for a getter and once for a setter and in no other entries, and the
  // getter and setter are either both static or both non-static."
  static void declare_private_names(ClassBody* body, Scope* class_scope) {
    for (Node* element : body->body) {
      Node* key = nullptr;
      bool is_static = false;
      PrivateKind kind = PrivateKind::Field;
      if (element->kind == NodeKind::MethodDefinition) {
        auto* m = as<MethodDefinition>(element);
        key = m->key;
        is_static = m->is_static;
        kind = m->kind == MethodKind::Get   ? PrivateKind::Getter
               : m->kind == MethodKind::Set ? PrivateKind::Setter
                                            : PrivateKind::Method;
      } else if (element->kind == NodeKind::PropertyDefinition) {
        key = as<PropertyDefinition>(element)->key;
        is_static = as<PropertyDefinition>(element)->is_static;
      }
      if (!key || key->kind != NodeKind::PrivateIdentifier) continue;
      auto* id = as<PrivateIdentifier>(key);
      PrivateName* existing = class_scope->find_private(id->name);
      if (!existing) {
        class_scope->private_names.push_back({id->name, kind, is_static, element});
        continue;
      }
      bool completes_pair = existing->is_static == is_static &&
                            ((existing->kind == PrivateKind::Getter && kind == PrivateKind::Setter) ||
                             (existing->kind == PrivateKind::Setter && kind == PrivateKind::Getter));
      if (!completes_pair) fail(quoted("Identifier ", private_text(id), " has already been declared"), id);
      existing->kind = PrivateKind::AccessorPair;
    }
  }

  // --- Modules --------------------------------------------------------------

  // 16.2.2.1 ImportDeclaration: import bindings are lexical declarations of
  // the module (duplicates and var clashes are the general rule); 16.2.2.1
  // ModuleExportName: "It is a Syntax Error if IsStringWellFormedUnicode of
  // the SV of StringLiteral is false."
  void import_declaration(ImportDeclaration* d) {
    check_import_attributes(d->attributes);
    for (Node* n : d->specifiers) {
      Node* local = nullptr;
      switch (n->kind) {
        case NodeKind::ImportSpecifier:
          module_export_name(as<ImportSpecifier>(n)->imported);
          local = as<ImportSpecifier>(n)->local;
          break;
        case NodeKind::ImportDefaultSpecifier:
          local = as<ImportDefaultSpecifier>(n)->local;
          break;
        case NodeKind::ImportNamespaceSpecifier:
          local = as<ImportNamespaceSpecifier>(n)->local;
          break;
        default:
          continue;
      }
      declare_lexical(as<Identifier>(local), BindingKind::Import, d);
    }
  }

  // 16.2.3.1 ExportDeclaration: ExportedNames; for `export { a }` without
  // `from`, "It is a Syntax Error if ReferencedBindings of NamedExports
  // contains any StringLiterals" (and the name must be declared: see
  // check_exported_bindings).
  void export_named_declaration(ExportNamedDeclaration* d) {
    check_import_attributes(d->attributes);
    if (d->declaration) {
      statement(d->declaration);
      export_declared_names(d->declaration);
    }
    for (Node* n : d->specifiers) {
      auto* spec = as<ExportSpecifier>(n);
      Atom local = module_export_name(spec->local);
      if (!d->source) {
        if (spec->local->kind == NodeKind::StringLiteral)
          fail("String literal module export names must be followed by a 'from' clause", spec->local);
        exported_locals_.push_back(as<Identifier>(spec->local));
      }
      add_export(spec->exported ? module_export_name(spec->exported) : local,
                 spec->exported ? spec->exported : spec->local);
    }
  }

  void export_declared_names(Node* declaration) {
    if (declaration->kind == NodeKind::VariableDeclaration) {
      for (Node* n : as<VariableDeclaration>(declaration)->declarations)
        for_each_bound_name(as<VariableDeclarator>(n)->id, [&](Identifier* id) { add_export(id->name, id); });
    } else if (declaration->kind == NodeKind::FunctionDeclaration) {
      if (Node* id = as<Function>(declaration)->id) add_export(as<Identifier>(id)->name, id);
    } else if (declaration->kind == NodeKind::ClassDeclaration) {
      if (Node* id = as<Class>(declaration)->id) add_export(as<Identifier>(id)->name, id);
    }
  }

  // `export default` exports "default"; a named function or class is also a
  // lexical declaration of the module.
  void export_default_declaration(ExportDefaultDeclaration* d) {
    Node* decl = d->declaration;
    if (decl->kind == NodeKind::FunctionDeclaration || decl->kind == NodeKind::ClassDeclaration)
      statement(decl);
    else
      expression(decl);
    add_export(atoms_.default_, d);
  }

  void export_all_declaration(ExportAllDeclaration* d) {
    check_import_attributes(d->attributes);
    if (d->exported) add_export(module_export_name(d->exported), d->exported);
  }

  // 16.2.2.1 WithClause: "It is a Syntax Error if WithClauseToAttributes of
  // WithClause has two different entries a and b such that a.[[Key]] is
  // b.[[Key]]." (V8 still calls them assertions.)
  void check_import_attributes(const NodeList& attributes) {
    std::unordered_set<Atom> keys;
    for (Node* n : attributes) {
      Node* key = as<ImportAttribute>(n)->key;
      Atom name = key->kind == NodeKind::Identifier ? as<Identifier>(key)->name
                                                    : atoms_.intern(unicode::utf16_to_wtf8(as<StringLiteral>(key)->value));
      if (!keys.insert(name).second) fail(quoted("Import assertion has duplicate key ", name->text, ""), key);
    }
  }

  // The name of an Identifier or StringLiteral ModuleExportName (16.2.2.1:
  // a string must be well-formed Unicode).
  Atom module_export_name(Node* n) {
    if (n->kind == NodeKind::Identifier) return as<Identifier>(n)->name;
    std::u16string_view value = as<StringLiteral>(n)->value;
    if (!is_well_formed(value)) fail("Invalid module export name: contains unpaired surrogate", n);
    return atoms_.intern(unicode::utf16_to_wtf8(value));
  }

  // 16.2.1.1 Module: "It is a Syntax Error if the ExportedNames of
  // ModuleItemList contains any duplicate entries."
  void add_export(Atom name, Node* at) {
    if (!exported_names_.emplace(name, at).second) fail(quoted("Duplicate export of ", name->text, ""), at);
  }

  // 16.2.1.1 Module: "It is a Syntax Error if any element of the
  // ExportedBindings of ModuleItemList does not also occur in either the
  // VarDeclaredNames of ModuleItemList, or the LexicallyDeclaredNames of
  // ModuleItemList."
  void check_exported_bindings() {
    for (Identifier* id : exported_locals_)
      if (!current_->find(id->name)) fail(quoted("Export ", id->name->text, " is not defined in module"), id);
  }
};

}  // namespace

ScopeTree analyze_scopes(ast::Program* program, AtomTable& atoms) { return ScopeChecker(atoms).run(program); }

void check_early_errors(ast::Program* program, AtomTable& atoms) { analyze_scopes(program, atoms); }

}  // namespace glass
