// The variable resolver (see resolver.h for the four steps).
//
// Spec background: at run time every name is looked up through a chain of
// Environment Records (§9.1): declarative records for functions, blocks,
// catch clauses, classes; object records for `with` and the global object.
// Glass decides at compile time which record will answer, so most lookups
// become a register read or a (depth, slot) load. Only when a record on the
// chain can gain bindings at run time — a `with` object (§9.1.1.2), or a
// function whose sloppy direct eval declares a var into it (§19.2.1.3
// EvalDeclarationInstantiation) — does the lookup stay by name (Dynamic).
#include "resolver.h"

#include <cassert>
#include <string_view>
#include <unordered_set>

#include "util/stack_guard.h"

namespace glass {

const Resolution* ResolverResult::resolution_of(const ast::Node* node) const {
  auto it = resolutions.find(node);
  return it == resolutions.end() ? nullptr : &it->second;
}
const BindingLocation* ResolverResult::location_of(const Binding* binding) const {
  auto it = locations.find(binding);
  return it == locations.end() ? nullptr : &it->second;
}
const ScopeInfo* ResolverResult::info(const Scope* scope) const {
  auto it = scope_index.find(scope);
  return it == scope_index.end() ? nullptr : &scopes[it->second];
}
const FunctionInfo* ResolverResult::function_of(const ast::Node* node) const {
  auto it = function_index.find(node);
  return it == function_index.end() ? nullptr : &functions[it->second];
}

namespace {

using namespace ast;

// Names of the synthetic bindings. `this` and `new.target` can never be an
// Identifier, so these cannot clash with a declared name.
const AtomData kThisName{"this"};
const AtomData kNewTargetName{"new.target"};

bool is_arrow_scope(const Scope* s) {
  return s->kind == ScopeKind::Function && s->node->kind == NodeKind::ArrowFunctionExpression;
}

// A reference found by the walk, resolved statically; turned into a
// Resolution once captures and locations are known.
struct PendingRef {
  const Node* node = nullptr;
  Scope* scope = nullptr;  // innermost scope where the reference stands
  uint32_t function = 0;   // FunctionInfo it executes in
  const Binding* binding = nullptr;
  Scope* binding_scope = nullptr;
  bool through_with = false;  // a `with` object sits between reference and binding
  bool outer = false;         // eval code: not declared in it, so look in the caller's chain
  uint32_t param_end = 0;     // in a parameter list: where the parameter being bound ends
  uint16_t open_withs = 0;    // `with` statements around it inside its own scope
  bool is_declaration = false;
};

class Resolver {
 public:
  Resolver(const ScopeTree& tree, ResolverResult& out, const bytecode::EvalSite* outer)
      : tree_(tree), r_(out), outer_(outer) {
    r_.eval_outer = outer;
    r_.scopes.resize(tree.scopes.size());
    params_only_.assign(tree.scopes.size(), false);
    withs_above_.assign(tree.scopes.size(), 0);
    for (uint32_t i = 0; i < tree.scopes.size(); i++) {
      Scope* s = tree.scopes[i].get();
      r_.scope_index[s] = i;
      r_.scopes[i].scope = s;
      for (const Binding& b : s->bindings) r_.scopes[i].bindings.push_back(&b);
      // `if (x) function f(){}` gets a Block scope whose node is the function
      // itself (B.3.3), so the same node can key two scopes.
      if (s->kind == ScopeKind::Block && s->node->kind == NodeKind::FunctionDeclaration)
        wrapper_block_[s->node] = s;
      else
        scope_of_node_[s->node] = s;
    }
  }

  void run(const Program* program) {
    auto* p = const_cast<Program*>(program);
    Scope* root = tree_.root();
    new_function(FunctionInfo::TopLevel, p, root, FunctionInfo::kNone, root->strict);
    sloppy_eval_root_ = outer_ && !root->strict ? root : nullptr;
    if (sloppy_eval_root_) check_eval_var_clashes(root);
    enter(root);
    statement_list(p->body);
    leave(root);
    mark_captures();
    allocate();
    resolve_all();
    record_annex_b();
    build_eval_sites();
  }

 private:
  const ScopeTree& tree_;
  ResolverResult& r_;
  const bytecode::EvalSite* outer_ = nullptr;  // resolving direct eval code
  Scope* sloppy_eval_root_ = nullptr;          // sloppy eval code: its vars belong to the caller
  struct EvalCall {
    const Node* call;
    Scope* scope;
    uint16_t open_withs;
    uint32_t function;
    bool in_parameters;
  };
  std::vector<EvalCall> eval_calls_;
  StackGuard stack_;
  std::unordered_map<const Node*, Scope*> scope_of_node_;
  std::unordered_map<const Node*, Scope*> wrapper_block_;
  std::vector<bool> params_only_;  // per scope: walking its function's parameters
  std::vector<PendingRef> refs_;
  std::vector<Scope*> eval_scopes_;                 // where each direct eval stands
  std::unordered_set<const Binding*> forced_capture_;  // exports
  Scope* current_ = nullptr;
  uint32_t fn_ = 0;
  Scope* with_host_ = nullptr;  // scope holding the innermost enclosing `with` statement
  // `with` statements open in the current scope, and per scope those that
  // enclose it inside its parent: each is one more link of the run-time chain.
  uint16_t open_withs_ = 0;
  std::vector<uint16_t> withs_above_;
  // Parameter lists: the end of the element being bound, and of the element
  // declaring each parameter (a parameter is in its TDZ until its element is bound).
  uint32_t param_end_ = 0;
  std::unordered_map<const Binding*, uint32_t> param_element_end_;

  ScopeInfo& info(const Scope* s) { return r_.scopes[r_.scope_index.at(s)]; }
  FunctionInfo& fn(uint32_t i) { return r_.functions[i]; }

  // --- Step 1: the walk ----------------------------------------------------

  uint32_t new_function(FunctionInfo::Kind kind, const Node* node, const Scope* scope, uint32_t parent,
                        bool strict) {
    FunctionInfo f;
    f.kind = kind;
    f.node = node;
    f.scope = scope;
    f.parent = parent;
    f.strict = strict;
    r_.functions.push_back(f);
    uint32_t index = uint32_t(r_.functions.size() - 1);
    r_.function_index[node] = index;
    return index;
  }

  void enter(Scope* s) {
    assert(s && s->parent == current_);
    info(s).function = fn_;
    withs_above_[r_.scope_index.at(s)] = open_withs_;
    open_withs_ = 0;
    current_ = s;
  }
  void leave(Scope* s) {
    current_ = s->parent;
    open_withs_ = withs_above_[r_.scope_index.at(s)];
  }

  Scope* scope_for(const Node* n) {
    auto it = scope_of_node_.find(n);
    return it == scope_of_node_.end() ? nullptr : it->second;
  }

  void check_stack() {
    // The parser bounds nesting, so this only guards trees built elsewhere.
    if (stack_.exhausted()) throw SyntaxError{"Too deeply nested", {}};
  }

  void statement_list(const NodeList& list) {
    for (Node* n : list) statement(n);
  }

  void statement(Node* n) {
    check_stack();
    switch (n->kind) {
      case NodeKind::BlockStatement: {
        Scope* s = scope_for(n);
        enter(s);
        statement_list(as<BlockStatement>(n)->body);
        leave(s);
        break;
      }
      case NodeKind::VariableDeclaration:
        variable_declaration(as<VariableDeclaration>(n));
        break;
      case NodeKind::FunctionDeclaration: {
        auto* f = as<Function>(n);
        if (f->id) reference(as<Identifier>(f->id), /*is_declaration=*/true);
        function(f);
        break;
      }
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
      case NodeKind::ForStatement: {
        auto* f = as<ForStatement>(n);
        Scope* s = scope_for(f);
        if (s) enter(s);
        if (f->init) statement(f->init);
        if (f->test) expression(f->test);
        if (f->update) expression(f->update);
        sub_statement(f->body);
        if (s) leave(s);
        break;
      }
      case NodeKind::ForInStatement:
      case NodeKind::ForOfStatement: {
        auto* f = as<ForInOfStatement>(n);
        Scope* s = scope_for(f);
        if (s) enter(s);
        if (f->left->kind == NodeKind::VariableDeclaration)
          variable_declaration(as<VariableDeclaration>(f->left));
        else
          expression(f->left);
        expression(f->right);
        sub_statement(f->body);
        if (s) leave(s);
        break;
      }
      case NodeKind::WhileStatement:
        expression(as<WhileStatement>(n)->test);
        sub_statement(as<WhileStatement>(n)->body);
        break;
      case NodeKind::DoWhileStatement:
        sub_statement(as<DoWhileStatement>(n)->body);
        expression(as<DoWhileStatement>(n)->test);
        break;
      case NodeKind::WithStatement: {
        // §14.11.2: the body runs in an object Environment Record for the
        // object, pushed on top of the current scope.
        auto* w = as<WithStatement>(n);
        expression(w->object);
        Scope* saved = with_host_;
        with_host_ = current_;
        open_withs_++;
        sub_statement(w->body);
        open_withs_--;
        with_host_ = saved;
        break;
      }
      case NodeKind::LabeledStatement:
        statement(as<LabeledStatement>(n)->body);
        break;
      case NodeKind::SwitchStatement: {
        auto* sw = as<SwitchStatement>(n);
        expression(sw->discriminant);
        Scope* s = scope_for(sw);
        enter(s);
        for (Node* c : sw->cases) {
          auto* clause = as<SwitchCase>(c);
          if (clause->test) expression(clause->test);
          statement_list(clause->consequent);
        }
        leave(s);
        break;
      }
      case NodeKind::TryStatement: {
        auto* t = as<TryStatement>(n);
        statement(t->block);
        if (t->handler) {
          auto* c = as<CatchClause>(t->handler);
          Scope* s = scope_for(c);
          enter(s);
          if (c->param) binding_pattern(c->param);
          statement_list(as<BlockStatement>(c->body)->body);  // shares the catch scope
          leave(s);
        }
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
        for (Node* spec : as<ImportDeclaration>(n)->specifiers) {
          Node* local = spec->kind == NodeKind::ImportSpecifier          ? as<ImportSpecifier>(spec)->local
                        : spec->kind == NodeKind::ImportDefaultSpecifier ? as<ImportDefaultSpecifier>(spec)->local
                                                                         : as<ImportNamespaceSpecifier>(spec)->local;
          reference(as<Identifier>(local), /*is_declaration=*/true);
        }
        break;
      case NodeKind::ExportNamedDeclaration:
        export_named(as<ExportNamedDeclaration>(n));
        break;
      case NodeKind::ExportDefaultDeclaration: {
        Node* decl = as<ExportDefaultDeclaration>(n)->declaration;
        if (decl->kind == NodeKind::FunctionDeclaration || decl->kind == NodeKind::ClassDeclaration) {
          statement(decl);
          Node* id = decl->kind == NodeKind::FunctionDeclaration ? as<Function>(decl)->id : as<Class>(decl)->id;
          if (id) force_capture(as<Identifier>(id)->name);
          else default_export_binding();
        } else {
          expression(decl);
          default_export_binding();
        }
        break;
      }
      case NodeKind::ExportAllDeclaration:
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

  // B.3.3: `if (x) function f(){}` is a function alone in a block.
  void sub_statement(Node* n) {
    if (n->kind != NodeKind::FunctionDeclaration) return statement(n);
    Scope* s = wrapper_block_.at(n);
    enter(s);
    statement(n);
    leave(s);
  }

  void variable_declaration(VariableDeclaration* d) {
    for (Node* n : d->declarations) {
      auto* declarator = as<VariableDeclarator>(n);
      if (declarator->init) expression(declarator->init);
      binding_pattern(declarator->id);
    }
  }

  // Exported bindings are read by importing modules through the module
  // environment (§16.2.1.7.3 ResolveExport), so they must live in its heap
  // scope, never in a register.
  void export_named(ExportNamedDeclaration* d) {
    if (d->declaration) {
      statement(d->declaration);
      Node* decl = d->declaration;
      if (decl->kind == NodeKind::VariableDeclaration) {
        for (Node* n : as<VariableDeclaration>(decl)->declarations)
          for_each_bound_name(as<VariableDeclarator>(n)->id, [&](Identifier* id) { force_capture(id->name); });
      } else if (decl->kind == NodeKind::FunctionDeclaration && as<Function>(decl)->id) {
        force_capture(as<Identifier>(as<Function>(decl)->id)->name);
      } else if (decl->kind == NodeKind::ClassDeclaration && as<Class>(decl)->id) {
        force_capture(as<Identifier>(as<Class>(decl)->id)->name);
      }
    }
    if (d->source) return;
    for (Node* n : d->specifiers) {
      Node* local = as<ExportSpecifier>(n)->local;
      if (local->kind == NodeKind::Identifier) force_capture(as<Identifier>(local)->name);
    }
  }

  // `export default <expression>` (or an anonymous function or class) is
  // held in a binding no code can name (§16.2.1.6.2 "*default*").
  void default_export_binding() {
    static const AtomData kDefaultName{"*default*"};
    if (!r_.default_export) r_.default_export = add_synthetic(tree_.root(), &kDefaultName);
    forced_capture_.insert(r_.default_export);
  }

  void force_capture(Atom name) {
    if (const Binding* b = tree_.root()->find(name); b && b->kind != BindingKind::Import) forced_capture_.insert(b);
  }

  // BoundNames are declarations; default values and computed keys are
  // ordinary expressions.
  void binding_pattern(Node* pattern) {
    if (!pattern) return;
    check_stack();
    switch (pattern->kind) {
      case NodeKind::Identifier:
        reference(as<Identifier>(pattern), /*is_declaration=*/true);
        break;
      case NodeKind::ObjectPattern:
        for (Node* prop : as<ObjectPattern>(pattern)->properties) {
          if (prop->kind == NodeKind::Property) {
            auto* p = as<Property>(prop);
            if (p->computed) expression(p->key);
            binding_pattern(p->value ? p->value : p->key);
          } else {
            binding_pattern(prop);
          }
        }
        break;
      case NodeKind::ArrayPattern:
        for (Node* element : as<ArrayPattern>(pattern)->elements) binding_pattern(element);
        break;
      case NodeKind::RestElement:
        binding_pattern(as<RestElement>(pattern)->argument);
        break;
      case NodeKind::AssignmentPattern:
        binding_pattern(as<AssignmentPattern>(pattern)->left);
        expression(as<AssignmentPattern>(pattern)->right);
        break;
      default:
        break;
    }
  }

  // --- Functions and classes -----------------------------------------------

  void function(Function* f) {
    bool arrow = f->kind == NodeKind::ArrowFunctionExpression;
    Scope* s = scope_for(f);
    uint32_t saved_fn = fn_;
    fn_ = new_function(arrow ? FunctionInfo::Arrow : FunctionInfo::Normal, f, s, fn_, f->strict);
    fn(fn_).param_count = uint16_t(f->params.size());
    enter(s);
    if (f->kind == NodeKind::FunctionExpression && f->id) {
      const Binding* self = s->find(as<Identifier>(f->id)->name);
      if (self && self->kind == BindingKind::SelfName) reference(as<Identifier>(f->id), true);
    }
    // §10.2.11 step 20-27: parameter expressions see the parameters (and
    // the outside), not the body's declarations.
    size_t index = r_.scope_index.at(s);
    params_only_[index] = true;
    uint32_t saved_param_end = param_end_;
    for (Node* param : f->params) {
      param_end_ = param->end;
      binding_pattern(param);
    }
    param_end_ = 0;
    params_only_[index] = false;
    if (f->body->kind == NodeKind::BlockStatement)
      statement_list(as<BlockStatement>(f->body)->body);
    else
      expression(f->body);
    leave(s);
    fn_ = saved_fn;
    param_end_ = saved_param_end;
  }

  // A class declaration's id names the outer (let-like) binding; the class
  // scope's own copy of the name (§15.7.14 step 4, classEnv) is found through
  // ResolverResult::info(class scope). A class expression's id names the
  // inner one.
  void class_(Class* c) {
    Scope* s = scope_for(c);
    if (c->id && c->kind == NodeKind::ClassDeclaration) reference(as<Identifier>(c->id), true);
    enter(s);
    if (c->id && c->kind == NodeKind::ClassExpression) reference(as<Identifier>(c->id), true);
    if (c->super_class) expression(c->super_class);
    for (Node* element : as<ClassBody>(c->body)->body) {
      switch (element->kind) {
        case NodeKind::MethodDefinition: {
          auto* m = as<MethodDefinition>(element);
          if (m->computed) expression(m->key);
          function(as<Function>(m->value));
          break;
        }
        case NodeKind::PropertyDefinition: {
          // Each initializer runs as a method of its own (§15.7.10
          // ClassFieldDefinitionEvaluation), so it is a function boundary.
          auto* p = as<PropertyDefinition>(element);
          if (p->computed) expression(p->key);
          if (p->value) {
            uint32_t saved_fn = fn_;
            fn_ = new_function(FunctionInfo::FieldInitializer, p, nullptr, fn_, true);
            expression(p->value);
            fn_ = saved_fn;
          }
          break;
        }
        case NodeKind::StaticBlock: {
          Scope* block = scope_for(element);
          uint32_t saved_fn = fn_;
          fn_ = new_function(FunctionInfo::StaticBlock, element, block, fn_, true);
          enter(block);
          statement_list(as<StaticBlock>(element)->body);
          leave(block);
          fn_ = saved_fn;
          break;
        }
        default:
          break;
      }
    }
    leave(s);
  }

  // --- Expressions -----------------------------------------------------------

  void expression(Node* n) {
    check_stack();
    switch (n->kind) {
      case NodeKind::Identifier:
        reference(as<Identifier>(n), /*is_declaration=*/false);
        break;
      case NodeKind::MemberExpression:
      case NodeKind::CallExpression:
      case NodeKind::TaggedTemplateExpression:
      case NodeKind::ChainExpression:
      case NodeKind::BinaryExpression:
      case NodeKind::LogicalExpression:
        left_spine(n);
        break;
      case NodeKind::Property: {  // object literal or assignment pattern
        auto* p = as<Property>(n);
        if (p->computed) expression(p->key);
        if (!p->value) {
          if (p->shorthand) expression(p->key);
        } else if (p->value->kind == NodeKind::FunctionExpression && (p->method || p->kind != PropertyKind::Init)) {
          function(as<Function>(p->value));
        } else {
          expression(p->value);
        }
        break;
      }
      case NodeKind::FunctionExpression:
      case NodeKind::ArrowFunctionExpression:
        function(as<Function>(n));
        break;
      case NodeKind::ClassExpression:
        class_(as<Class>(n));
        break;
      case NodeKind::ThisExpression:
      case NodeKind::Super:
        lexical_this_reference(n, /*new_target=*/false);
        break;
      case NodeKind::MetaProperty:
        if (as<MetaProperty>(n)->meta->text == "new") lexical_this_reference(n, /*new_target=*/true);
        break;
      case NodeKind::PrivateIdentifier:
        break;
      default:
        for_each_child(n, [&](Node* child) { expression(child); });
        break;
    }
  }

  // `a.b.c()` and `a + b + c` nest to the left without bound: walk the left
  // spine in a loop (as early_errors.cpp does).
  static Node* left_child(Node* n) {
    switch (n->kind) {
      case NodeKind::MemberExpression: return as<MemberExpression>(n)->object;
      case NodeKind::CallExpression: return as<CallExpression>(n)->callee;
      case NodeKind::TaggedTemplateExpression: return as<TaggedTemplateExpression>(n)->tag;
      case NodeKind::ChainExpression: return as<ChainExpression>(n)->expression;
      case NodeKind::BinaryExpression: return as<BinaryExpression>(n)->left;
      case NodeKind::LogicalExpression: return as<LogicalExpression>(n)->left;
      default: return nullptr;
    }
  }

  void left_spine(Node* n) {
    std::vector<Node*> links;
    for (; left_child(n); n = left_child(n)) links.push_back(n);
    if (n->kind != NodeKind::PrivateIdentifier) expression(n);
    for (auto it = links.rbegin(); it != links.rend(); ++it) {
      Node* link = *it;
      switch (link->kind) {
        case NodeKind::MemberExpression:
          if (as<MemberExpression>(link)->computed) expression(as<MemberExpression>(link)->property);
          break;
        case NodeKind::CallExpression: {
          auto* call = as<CallExpression>(link);
          if (is_direct_eval(call)) direct_eval(call);
          for (Node* arg : call->arguments) expression(arg);
          break;
        }
        case NodeKind::TaggedTemplateExpression:
          expression(as<TaggedTemplateExpression>(link)->quasi);
          break;
        case NodeKind::BinaryExpression:
          expression(as<BinaryExpression>(link)->right);
          break;
        case NodeKind::LogicalExpression:
          expression(as<LogicalExpression>(link)->right);
          break;
        default:
          break;
      }
    }
  }

  // §13.3.6.1: a call is a direct eval when its callee is the plain name
  // `eval` (parentheses allowed, `eval?.()` is not). Whether `eval` is the
  // real one is only known at run time; the compiler must assume it is.
  static bool is_direct_eval(CallExpression* call) {
    return !call->optional && call->callee->kind == NodeKind::Identifier &&
           as<Identifier>(call->callee)->name->text == "eval";
  }

  void direct_eval(const CallExpression* call) {
    fn(fn_).has_direct_eval = true;
    eval_scopes_.push_back(current_);
    eval_calls_.push_back(EvalCall{call, current_, open_withs_, fn_, params_only_[r_.scope_index.at(current_)]});
    // §19.2.1.3: sloppy eval code declares its vars in the caller's var scope.
    if (!current_->strict) {
      Scope* var_scope = current_;
      while (!var_scope->is_var_scope()) var_scope = var_scope->parent;
      info(var_scope).sloppy_eval = true;
    }
    // The eval'd code may read `arguments`, `this` and `new.target`.
    Scope* args_scope = current_;
    while (args_scope && !(args_scope->kind == ScopeKind::Function && !is_arrow_scope(args_scope)))
      args_scope = args_scope->kind == ScopeKind::Class || args_scope->kind == ScopeKind::StaticBlock ? nullptr
                                                                                                        : args_scope->parent;
    if (args_scope) arguments_binding(args_scope, nullptr);
    if (fn(fn_).kind == FunctionInfo::Arrow) {
      lexical_this_reference(nullptr, false);
      lexical_this_reference(nullptr, true);
    }
  }

  // `this`, `super` and `new.target` in an arrow read the enclosing
  // function's (§10.2.1.1: arrows have lexical this), so that function keeps
  // them in a heap slot. Elsewhere the compiler reads them directly.
  void lexical_this_reference(Node* n, bool new_target) {
    uint32_t target = fn_;
    bool crossed_arrow = false;
    while (fn(target).kind == FunctionInfo::Arrow) {
      crossed_arrow = true;
      target = fn(target).parent;
    }
    if (!crossed_arrow) return;
    FunctionInfo& owner = fn(target);
    owner.arrow_captures_this = true;
    // Top level: `this` is the global object (script) or undefined (module),
    // constants the compiler emits. A field initializer has no scope to hold
    // a slot; the compiler passes its `this` along instead.
    if (owner.kind == FunctionInfo::TopLevel || owner.kind == FunctionInfo::FieldInitializer) return;
    const Binding*& slot = new_target ? owner.new_target_binding : owner.this_binding;
    Scope* scope = const_cast<Scope*>(owner.scope);
    if (!slot) slot = add_synthetic(scope, new_target ? &kNewTargetName : &kThisName);
    if (!n) return;
    PendingRef ref;
    ref.node = n;
    ref.scope = current_;
    ref.function = fn_;
    ref.binding = slot;
    ref.binding_scope = scope;
    ref.open_withs = open_withs_;
    refs_.push_back(ref);
  }

  const Binding* add_synthetic(Scope* scope, Atom name) {
    r_.synthetic.push_back(Binding{name, BindingKind::Var, nullptr, nullptr});
    const Binding* b = &r_.synthetic.back();
    synthetic_.insert(b);
    info(scope).bindings.push_back(b);
    return b;
  }

  // §10.2.11 steps 15-18, 22: the arguments object of a non-arrow function,
  // unless a parameter, lexical declaration or function named `arguments`
  // shadows it. A `var arguments` is the same binding, holding the object.
  const Binding* arguments_binding(Scope* function_scope, Identifier* id) {
    FunctionInfo& f = fn(info(function_scope).function);
    if (id) f.uses_arguments = true;
    if (f.arguments_binding) return f.arguments_binding;
    static const AtomData kArgumentsName{"arguments"};
    for (const Binding& b : function_scope->bindings) {
      if (b.name->text != "arguments") continue;
      if (b.kind != BindingKind::Var) return nullptr;  // shadowed: no object
      f.needs_arguments_object = true;
      return f.arguments_binding = &b;
    }
    f.needs_arguments_object = true;
    return f.arguments_binding = add_synthetic(function_scope, &kArgumentsName);
  }

  // §9.1.2.1 GetIdentifierReference, at compile time: the innermost scope
  // declaring the name.
  void reference(Identifier* id, bool is_declaration) {
    PendingRef ref;
    ref.node = id;
    ref.scope = current_;
    ref.function = fn_;
    ref.is_declaration = is_declaration;
    ref.open_withs = open_withs_;
    ref.param_end = param_end_;
    for (Scope* s = current_; s; s = s->parent) {
      if (s == with_host_) ref.through_with = true;
      const Binding* b = s->find(id->name);
      if (b && params_only_[r_.scope_index.at(s)] && b->kind != BindingKind::Parameter &&
          b->kind != BindingKind::SelfName)
        b = nullptr;  // a body declaration, invisible to parameter expressions
      if (b && s == sloppy_eval_root_ && !is_lexical(b->kind))
        b = nullptr;  // sloppy eval's vars live in the caller's var scope (§19.2.1.3)
      if (b) {
        ref.binding = b;
        ref.binding_scope = s;
        break;
      }
      if (s->kind == ScopeKind::Function && !is_arrow_scope(s) && id->name->text == "arguments") {
        ref.binding = arguments_binding(s, id);
        ref.binding_scope = ref.binding ? s : nullptr;
        break;
      }
    }
    ref.outer = outer_ && !ref.binding;
    if (is_declaration && param_end_ && ref.binding && ref.binding->kind == BindingKind::Parameter)
      param_element_end_[ref.binding] = param_end_;
    refs_.push_back(ref);
  }

  // --- Step 2: captures -------------------------------------------------------

  // Sloppy direct eval in a var scope between the reference and its binding
  // may declare a var that shadows the binding (the script's own var scope
  // excepted: eval's vars there become globals, still found by a global lookup).
  bool eval_may_shadow(const PendingRef& ref) {
    for (Scope* s = ref.scope; s && s != ref.binding_scope; s = s->parent)
      if (info(s).sloppy_eval && s->kind != ScopeKind::Script) return true;
    return false;
  }

  void mark_captures() {
    for (Scope* s : eval_scopes_)
      for (; s; s = s->parent) info(s).all_captured = true;
    // A sloppy function with simple parameters and an arguments object has
    // them mapped (§10.4.4.7): arguments[i] and the parameter are one
    // variable, which must outlive the frame with the object, so it lives in
    // a slot the object points at.
    for (FunctionInfo& f : r_.functions) {
      f.mapped_arguments = has_mapped_arguments(f);
      if (f.mapped_arguments)
        for (const Binding& b : f.scope->bindings)
          if (b.kind == BindingKind::Parameter) captured_.insert(&b);
    }
    for (const PendingRef& ref : refs_) {
      if (!ref.binding) continue;
      if (info(ref.binding_scope).function != ref.function || ref.through_with || eval_may_shadow(ref))
        captured_.insert(ref.binding);
    }
  }
  std::unordered_set<const Binding*> captured_;
  std::unordered_set<const Binding*> synthetic_;

  static bool has_mapped_arguments(const FunctionInfo& f) {
    if (f.kind != FunctionInfo::Normal || f.strict || !f.needs_arguments_object) return false;
    auto* fn = as<Function>(const_cast<Node*>(f.node));
    return fn->simple_params && !fn->params.empty();
  }

  // --- Step 3: registers and slots ----------------------------------------------

  void allocate() {
    std::vector<uint16_t> next_register(r_.functions.size());
    for (uint32_t i = 0; i < r_.functions.size(); i++) next_register[i] = fn(i).param_count;
    // A simple parameter lives in the register its argument arrives in; with
    // sloppy duplicates (`function f(a, a)`) the last one wins (§10.2.11 step 24).
    std::unordered_map<const Binding*, uint16_t> param_register;
    for (FunctionInfo& f : r_.functions) {
      if (f.kind != FunctionInfo::Normal && f.kind != FunctionInfo::Arrow) continue;
      auto* node = as<Function>(const_cast<Node*>(f.node));
      for (size_t i = 0; i < node->params.size(); i++) {
        // `a`, `a = 1` and `...a` bind the argument register itself (a
        // default replaces undefined in place; a rest array is stored there).
        Node* p = node->params[i];
        if (p->kind == NodeKind::AssignmentPattern) p = as<AssignmentPattern>(p)->left;
        if (p->kind == NodeKind::RestElement) p = as<RestElement>(p)->argument;
        if (p->kind != NodeKind::Identifier) continue;  // destructured: its names get other registers
        if (const Binding* b = f.scope->find(as<Identifier>(p)->name)) param_register[b] = uint16_t(i);  // < kMaxParameters
      }
    }
    for (uint32_t i = 0; i < tree_.scopes.size(); i++) {
      const Scope* s = tree_.scopes[i].get();
      ScopeInfo& si = r_.scopes[i];
      bool script_top = s->kind == ScopeKind::Script && !outer_;
      for (const Binding* b : si.bindings) {
        if (s == sloppy_eval_root_ && !is_lexical(b->kind) && !synthetic_.count(b)) continue;
        BindingLocation loc;
        loc.scope = s;
        loc.synthetic = synthetic_.count(b) > 0;
        auto param = param_register.find(b);
        if (param != param_register.end()) loc.param_index = param->second;
        loc.captured = si.all_captured || captured_.count(b) || forced_capture_.count(b);
        if (script_top) {
          // §9.1.1.4 Global Environment Records: var/function are properties
          // of the global object; let/const/class its declarative part.
          loc.kind = is_lexical(b->kind) ? BindingLocation::GlobalLexical : BindingLocation::Global;
        } else if (b->kind == BindingKind::Import) {
          // An import lives in a slot of the module environment, holding the
          // link to the exporting module's binding (or the namespace object),
          // set when the module is linked (vm/module_linking.cpp).
          loc.kind = BindingLocation::Import;
          loc.captured = true;
          loc.index = next_index(si.slot_count, b);
        } else if (loc.captured) {
          loc.kind = BindingLocation::Slot;
          loc.index = next_index(si.slot_count, b);
        } else if (param != param_register.end()) {
          loc.kind = BindingLocation::Register;
          loc.index = param->second;
        } else {
          loc.kind = BindingLocation::Register;
          loc.index = next_index(next_register[si.function], b);
        }
        r_.locations[b] = loc;
      }
      // A module's scope is always a heap object: its environment is made
      // when the module is linked, before its body runs.
      si.needs_heap_scope = !script_top && (si.slot_count > 0 || si.sloppy_eval || s->kind == ScopeKind::Module);
      // §14.7.4.4 CreatePerIterationEnvironment (for-let), §14.7.5.7 (for-in/of
      // make a new environment per iteration for let and const alike).
      if (s->kind == ScopeKind::For && si.needs_heap_scope) {
        auto* decl = s->node->kind == NodeKind::ForStatement
                         ? as<VariableDeclaration>(as<ForStatement>(s->node)->init)
                         : nullptr;
        si.per_iteration_copy = !decl || decl->kind_ == VarKind::Let;
      }
    }
    for (uint32_t i = 0; i < r_.functions.size(); i++) {
      FunctionInfo& f = fn(i);
      f.locals_count = next_register[i];
      f.has_heap_scope = f.scope && info(f.scope).needs_heap_scope;
    }
  }

  // The next slot or register from `counter`. Operands are 16 bits: a scope
  // or function with more variables than they can name is refused, clearly.
  static uint16_t next_index(uint16_t& counter, const Binding* b) {
    if (counter >= 0xFFFE)
      throw SyntaxError{"Too many variables in one function or scope (glass's limit is 65534)",
                        b->id ? b->id->start : SourcePos{}};
    return counter++;
  }

  // --- Step 4: resolutions ----------------------------------------------------------

  // Where, in source order, a lexical binding is surely initialized when
  // read from the same function: after its declaration, except in a switch
  // (a case may jump past it) and in a for-in/of head, whose expression runs
  // with the names in TDZ (§14.7.5.6 ForIn/OfHeadEvaluation).
  static bool initialized_before(const PendingRef& ref) {
    const Binding* b = ref.binding;
    const Scope* s = ref.binding_scope;
    if (s->kind == ScopeKind::Switch) return false;
    uint32_t ready = b->declaration ? b->declaration->end : b->id->end;
    if (s->kind == ScopeKind::For && s->node->kind != NodeKind::ForStatement)
      ready = as<ForInOfStatement>(s->node)->right->end;
    return ref.node->start.offset >= ready;
  }

  bool needs_tdz_check(const PendingRef& ref) {
    const Binding* b = ref.binding;
    if (!b || ref.is_declaration) return false;
    bool same_function = info(ref.binding_scope).function == ref.function;
    switch (b->kind) {
      case BindingKind::Let:
      case BindingKind::Const:
      case BindingKind::Class:
        return !(same_function && initialized_before(ref));
      case BindingKind::SelfName:
        // A class's inner name is uninitialized while its heritage and
        // computed keys run (§15.7.14 step 27 initializes it afterwards).
        return ref.binding_scope->kind == ScopeKind::Class && same_function;
      case BindingKind::Parameter: {
        // §10.2.11 step 25-26: `function f(a = b, b)` reads b before it is bound.
        auto declared = param_element_end_.find(b);
        return same_function && ref.param_end && declared != param_element_end_.end() &&
               declared->second >= ref.param_end;
      }
      default:
        return false;  // vars, functions (hoisted), imports
    }
  }

  void resolve_all() {
    for (const PendingRef& ref : refs_) {
      Resolution res;
      res.binding = ref.binding;
      res.is_declaration = ref.is_declaration;
      res.needs_tdz_check = needs_tdz_check(ref);
      if (ref.outer) {
        resolve_outer(ref, res);
      } else if (!ref.binding) {
        res.kind = Resolution::Global;
      } else {
        const BindingLocation& loc = r_.locations.at(ref.binding);
        res.index = loc.index;
        switch (loc.kind) {
          case BindingLocation::Register:
            res.kind = Resolution::Local;
            break;
          case BindingLocation::Slot:
            res.kind = Resolution::Scoped;
            res.depth = heap_scopes_between(ref, ref.binding_scope);
            break;
          case BindingLocation::Global:
            res.kind = Resolution::Global;
            break;
          case BindingLocation::GlobalLexical:
            res.kind = Resolution::Global;
            res.global_lexical = true;
            break;
          case BindingLocation::Import:
            res.kind = Resolution::Import;
            res.depth = heap_scopes_between(ref, ref.binding_scope);
            break;
        }
      }
      if (!ref.outer && (ref.through_with || eval_may_shadow(ref))) {
        res.dynamic_reason = ref.through_with ? Resolution::With : Resolution::Eval;
        res.dynamic_depth = ref.binding && res.kind == Resolution::Scoped ? res.depth
                            : ref.binding && res.kind == Resolution::Local
                                ? heap_scopes_between(ref, ref.binding_scope)
                                : Resolution::kWholeChain;
      }
      r_.resolutions[ref.node] = res;
      r_.references.push_back(ref.node);
    }
  }

  // Depth counts only scopes that have a heap object, and `with` objects:
  // those are the links of the run-time scope chain.
  uint16_t heap_scopes_between(const PendingRef& ref, const Scope* to) {
    uint16_t depth = ref.open_withs;
    for (const Scope* s = ref.scope; s != to; s = s->parent) {
      if (info(s).needs_heap_scope) depth++;
      depth += withs_above_[r_.scope_index.at(s)];
    }
    return depth;
  }

  // --- Direct eval -------------------------------------------------------------------

  // Eval code's reference to a name it does not declare: the innermost level
  // of the caller's chain that holds it (PerformEval runs the code in the
  // caller's environment). A `with` object or eval-var object on the way
  // may shadow it, so such a reference also searches by name first.
  void resolve_outer(const PendingRef& ref, Resolution& res) {
    uint16_t own = heap_scopes_between(ref, nullptr);  // the eval code's own links
    bool shadowable = ref.through_with || eval_may_shadow(ref);
    std::string_view name = as<Identifier>(const_cast<Node*>(ref.node))->name->text;
    for (size_t i = 0; i < outer_->levels.size(); i++) {
      const bytecode::EvalSite::Level& level = outer_->levels[i];
      for (const bytecode::EvalSite::Name& n : level.names) {
        if (n.name != name) continue;
        res.kind = n.is_import ? Resolution::Import : Resolution::Scoped;
        res.depth = uint16_t(own + i);
        res.index = n.slot;
        res.needs_tdz_check = n.lexical && !ref.is_declaration;
        r_.outer_names.push_back(AtomData{n.name});
        BindingKind kind = n.is_import   ? BindingKind::Import
                           : n.is_const  ? BindingKind::Const
                           : n.self_name ? BindingKind::SelfName
                           : n.lexical   ? BindingKind::Let
                                         : BindingKind::Var;
        r_.synthetic.push_back(Binding{&r_.outer_names.back(), kind, nullptr, nullptr});
        res.binding = &r_.synthetic.back();
        if (shadowable) {
          res.dynamic_reason = Resolution::Eval;
          res.dynamic_depth = res.depth;
        }
        return;
      }
      if (level.kind != bytecode::EvalSite::Level::Plain) shadowable = true;  // may hold names not listed
    }
    res.kind = Resolution::Global;
    if (shadowable) {
      res.dynamic_reason = Resolution::Eval;
      res.dynamic_depth = Resolution::kWholeChain;
    }
  }

  // §19.2.1.3 step 3: a sloppy eval's var may not hoist over a caller's
  // lexical declaration between the call and the var scope.
  void check_eval_var_clashes(const Scope* root) {
    size_t last = outer_->var_level >= 0 ? size_t(outer_->var_level) : outer_->levels.size() - 1;
    for (const Binding& b : root->bindings) {
      if (is_lexical(b.kind)) continue;
      // §19.2.1.3 step 2 (ES2022): eval in parameter expressions may not declare `arguments`.
      if (outer_->in_parameters && b.name->text == "arguments")
        throw SyntaxError{"Identifier 'arguments' has already been declared", b.id ? b.id->start : SourcePos{}};
      for (size_t i = 0; i <= last && i < outer_->levels.size(); i++)
        for (const bytecode::EvalSite::Name& n : outer_->levels[i].names)
          if (n.lexical && n.name == b.name->text)
            throw SyntaxError{"Identifier '" + std::string(n.name) + "' has already been declared",
                              b.id ? b.id->start : SourcePos{}};
    }
  }

  // One Level per link of the run-time chain at a direct eval call.
  void add_with_levels(bytecode::EvalSite& site, uint16_t count) {
    for (uint16_t i = 0; i < count; i++) site.levels.push_back({bytecode::EvalSite::Level::With, {}});
  }

  void build_eval_sites() {
    for (const EvalCall& call : eval_calls_) {
      bytecode::EvalSite site;
      site.strict = call.scope->strict;
      add_with_levels(site, call.open_withs);
      const Scope* var_scope = nullptr;
      for (const Scope* s = call.scope; s; s = s->parent) {
        const ScopeInfo& si = info(s);
        bool is_var_scope = s->is_var_scope() && s->kind != ScopeKind::Script;
        if (is_var_scope && !var_scope) var_scope = s;
        if (si.needs_heap_scope) {
          bytecode::EvalSite::Level level;
          level.kind = si.sloppy_eval && is_var_scope ? bytecode::EvalSite::Level::EvalVars
                                                      : bytecode::EvalSite::Level::Plain;
          for (const Binding* b : si.bindings) {
            auto found = r_.locations.find(b);  // a sloppy eval's own vars have none
            if (found == r_.locations.end()) continue;
            if (found->second.kind != BindingLocation::Slot && found->second.kind != BindingLocation::Import) continue;
            const BindingLocation& loc = found->second;
            bool synthetic = synthetic_.count(b) > 0;
            level.names.push_back({std::string(b->name->text), loc.index, !synthetic && is_lexical(b->kind),
                                   b->kind == BindingKind::Const, b->kind == BindingKind::SelfName,
                                   b->kind == BindingKind::Import});
          }
          if (s == var_scope && site.var_level < 0) site.var_level = int(site.levels.size());
          site.levels.push_back(std::move(level));
        }
        add_with_levels(site, withs_above_[r_.scope_index.at(s)]);
      }
      if (outer_) {  // eval inside eval code: the caller's chain continues outward
        int base = int(site.levels.size());
        if (site.var_level < 0 && outer_->var_level >= 0 && !site.strict) site.var_level = base + outer_->var_level;
        for (const auto& level : outer_->levels) site.levels.push_back(level);
      }
      uint32_t f = call.function;
      while (fn(f).kind == FunctionInfo::Arrow) f = fn(f).parent;
      site.in_function = fn(f).kind != FunctionInfo::TopLevel || (outer_ && outer_->in_function);
      site.in_field_initializer = fn(f).kind == FunctionInfo::FieldInitializer ||
                                  fn(f).kind == FunctionInfo::StaticBlock ||
                                  (fn(f).kind == FunctionInfo::TopLevel && outer_ && outer_->in_field_initializer);
      site.in_parameters = call.in_parameters;
      r_.eval_sites[call.call] = std::move(site);
    }
  }

  // B.3.2.1: record both ends of each Annex B copy.
  void record_annex_b() {
    for (const auto& scope : tree_.scopes)
      for (const AnnexBFunction& a : scope->annex_b_functions) {
        Atom name = as<Identifier>(a.function->id)->name;
        AnnexBCopy copy;
        copy.lexical = a.block->find(name);
        copy.var = scope->find(name);
        if (scope.get() == sloppy_eval_root_) {
          // The copy runs in the block, where the name means the block's
          // function: resolve it in the caller's chain, from the block's depth.
          PendingRef ref;
          ref.node = a.function->id;
          ref.scope = a.block;
          copy.through_eval_var = true;
          copy.eval_var.binding = nullptr;
          resolve_outer(ref, copy.eval_var);
        }
        r_.annex_b[a.function] = copy;
      }
  }
};

}  // namespace

ResolverResult resolve_variables(const ast::Program* program, const ScopeTree& tree,
                                 const bytecode::EvalSite* eval_site) {
  ResolverResult result;
  Resolver(tree, result, eval_site).run(program);
  return result;
}

}  // namespace glass
