// The bytecode compiler (see compiler.h for the register discipline).
//
// Control flow that leaves a construct early — break, continue and return —
// goes through `controls_`, a stack of the enclosing loops, labelled
// statements, `finally` blocks and for-of iterators. Leaving through a
// `finally` sets the finally's "kind" register to a small number naming the
// pending jump and enters the finally; after its body, a dispatch on that
// number continues the jump outward (closing crossed for-of iterators, and
// entering the next finally out, if any). Exceptions leave through the
// handler table instead: the VM finds the innermost handler covering the
// throwing instruction and restores the heap-scope depth recorded with it.
//
// Not yet: generators' and async functions' bodies (they are refused with
// their position, never compiled wrongly), `with`, sloppy direct eval's
// var injection, and module code.
#include "compiler/compiler.h"

#include <cmath>

#include "bytecode/emitter.h"
#include "unicode/unicode.h"

namespace glass {

using namespace ast;
using bytecode::CompiledFunction;
using bytecode::Constant;
using bytecode::Emitter;
using bytecode::Label;
using bytecode::Opcode;

namespace {

// The IC name CheckInitialized uses for `this` (the VM then says "Must call super constructor...").
const AtomData kThisAtom{"this"};
const AtomData kThrowAtom{"throw"};
const AtomData kReturnAtom{"return"};
const AtomData kDoneAtom{"done"};
const AtomData kValueAtom{"value"};

[[noreturn]] void unsupported(const Node* node, const std::string& what) {
  throw CompileError{what + " is not supported yet", node->start};
}

std::u16string to_u16(std::string_view utf8) {
  std::u16string out;
  unicode::utf8_to_utf16(utf8, out);
  return out;
}

// How a function is being compiled (what kind of function object it becomes).
struct FunctionRole {
  std::string name;  // inferred name for anonymous functions
  bool is_method = false;
  bool is_class_constructor = false;
  bool is_derived = false;
};

class FunctionCompiler {
 public:
  FunctionCompiler(const ResolverResult& resolved, const FunctionInfo& info, CompiledFunction& out)
      : res_(resolved), info_(info), fn_(out), emit_(out), next_(info.locals_count), high_(info.locals_count) {}

  void compile_program(const Program* program) {
    fn_.name = program->module ? "<module>" : "<script>";
    fn_.strict = program->strict;
    completion_ = temp();  // reserved for the whole script
    emit_.emit(Opcode::LoadUndefined, uint16_t(completion_));
    // Top-level let/const/class live in the global declarative record,
    // shared by every script of the realm (§16.1.7 GlobalDeclarationInstantiation).
    if (!program->module && info_.scope) {
      Constant lets, consts, vars;
      lets.kind = consts.kind = vars.kind = Constant::Kind::Scope;
      for (const Binding& b : info_.scope->bindings) {
        if (b.kind == BindingKind::Let || b.kind == BindingKind::Class) lets.names.emplace_back(b.name->text);
        if (b.kind == BindingKind::Const) consts.names.emplace_back(b.name->text);
        if (b.kind == BindingKind::Var || b.kind == BindingKind::VarFunction) vars.names.emplace_back(b.name->text);
      }
      if (!lets.names.empty()) emit_.emit_bx(Opcode::DeclareGlobals, 0, constant(lets));
      if (!consts.names.empty()) emit_.emit_bx(Opcode::DeclareGlobals, 1, constant(consts));
      if (!vars.names.empty()) emit_.emit_bx(Opcode::DeclareGlobals, 2, constant(vars));
    }
    enter_var_scope();
    hoist_functions(program->body);
    for (Node* statement : program->body) compile_statement(statement);
    emit_.emit(Opcode::Return, uint16_t(completion_));
    finish();
  }

  void compile_function(const Function* f, const FunctionRole& role) {
    fn_.name = f->id ? std::string(as<Identifier>(f->id)->name->text) : role.name;
    fn_.start = f->start;
    fn_.source_end = f->end;
    fn_.strict = f->strict;
    fn_.is_arrow = f->kind == NodeKind::ArrowFunctionExpression;
    fn_.is_method = role.is_method;
    fn_.is_class_constructor = role.is_class_constructor;
    fn_.is_derived = role.is_derived;
    fn_.param_count = info_.param_count;
    fn_.is_generator = f->generator;
    fn_.is_async = f->async;
    // `length`: the parameters before the first default or rest (§15.1.5 ExpectedArgumentCount).
    uint16_t length = 0;
    for (Node* p : f->params) {
      if (p->kind == NodeKind::AssignmentPattern || p->kind == NodeKind::RestElement) break;
      ++length;
    }
    fn_.param_count_for_length = length;
    if (!f->params.empty() && f->params[f->params.size() - 1]->kind == NodeKind::RestElement) fn_.has_rest = true;
    enter_var_scope();
    entry_bindings(f);
    // An async function settles its promise instead of throwing: the whole
    // body, parameters included, is covered by a handler that rejects.
    uint32_t async_start = emit_.pc();
    is_async_generator_ = f->async && f->generator;
    if (f->async && !f->generator) {
      generator_ = temp();
      emit_.emit(Opcode::CreateGenerator, generator_);
      is_async_ = true;
    }
    // Parameters: simple ones arrive in their registers (moved to the heap
    // scope if captured); patterns, defaults and rest are bound from the
    // argument register of their position.
    for (uint32_t i = 0; i < f->params.size(); ++i) {
      Node* p = f->params[i];
      if (p->kind == NodeKind::Identifier) {
        const Resolution* r = res_.resolution_of(p);
        if (r && r->kind == Resolution::Scoped) {
          const BindingLocation* loc = res_.location_of(r->binding);
          emit_.emit(Opcode::SetScoped, loc->param_index, r->depth, r->index);
        }
        continue;
      }
      Temps t(*this);
      uint16_t arg = uint16_t(i);
      if (p->kind == NodeKind::RestElement) {
        bind_pattern(as<RestElement>(p)->argument, arg, true);
        continue;
      }
      bind_pattern(p, arg, true);
    }
    if (f->generator) {
      // The call makes the generator object and returns it at once: the
      // first next() resumes after this initial yield.
      generator_ = temp();
      emit_.emit(Opcode::CreateGenerator, generator_);
      Temps t(*this);
      uint16_t resumed = temps(2);
      yield(resumed, generator_);
    }
    if (f->expression) {
      emit_.set_position(f->body->start, true);
      uint16_t r = expr(f->body);
      emit_return(r);
    } else {
      auto* body = as<BlockStatement>(f->body);
      hoist_functions(body->body);
      for (Node* statement : body->body) compile_statement(statement);
      uint16_t r = temp();
      emit_.emit(Opcode::LoadUndefined, r);
      emit_return(r);
    }
    if (f->async && !f->generator) {
      uint32_t async_end = emit_.pc();
      uint16_t error = temp();
      add_handler(async_start, async_end, error, 0);
      emit_.emit(Opcode::AsyncReturn, error, 1);
    }
    finish();
  }

  // `return r` from the function itself (after any finally blocks ran).
  void emit_return(uint16_t r) {
    if (is_async_) emit_.emit(Opcode::AsyncReturn, r, 0);
    else emit_.emit(Opcode::Return, r);
  }

  // Yield r[value]; on resume r[out] holds what was sent. A throw() resumes
  // by throwing it here; a return() returns it (through finally blocks).
  void yield(uint16_t out, uint16_t value) {
    emit_.emit(Opcode::Yield, out, value);
    Temps t(*this);
    uint16_t mode = temp(), test = temp();
    Label not_throw, not_return;
    emit_.emit_bx(Opcode::LoadInt, mode, 1);
    emit_.emit(Opcode::StrictEq, test, uint16_t(out + 1), mode);
    emit_.emit_jump(Opcode::JumpIfFalse, test, not_throw);
    emit_.emit(Opcode::Throw, out);
    emit_.bind(not_throw);
    emit_.emit_bx(Opcode::LoadInt, mode, 2);
    emit_.emit(Opcode::StrictEq, test, uint16_t(out + 1), mode);
    emit_.emit_jump(Opcode::JumpIfFalse, test, not_return);
    jump_out(-1, false, out);
    emit_.bind(not_return);
  }

  // r[out] = await r[value] (out, out+1 are used: the value and whether it rejected).
  void await_into(uint16_t out, uint16_t value) {
    uint16_t resumed = out;
    emit_.emit(Opcode::Await, resumed, value);
    Label fulfilled;
    emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(resumed + 1), fulfilled);
    emit_.emit(Opcode::Throw, resumed);
    emit_.bind(fulfilled);
  }

  // yield* iterable: forwards next/throw/return to the inner iterator.
  uint16_t yield_star(Node* argument, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    uint16_t it = temps(2);  // iterator, next method
    emit_.emit(Opcode::GetIterator, it, expr(argument));
    uint16_t received = temps(2);  // value sent in, mode
    emit_.emit(Opcode::LoadUndefined, received);
    emit_.emit_bx(Opcode::LoadInt, uint16_t(received + 1), 0);
    Label loop, done;
    emit_.bind(loop);
    uint16_t result = temp();
    uint16_t call = temps(3);
    uint16_t test = temp(), k = temp();
    Label not_next, not_throw, call_it;
    // mode 0: next(received)
    emit_.emit_bx(Opcode::LoadInt, k, 0);
    emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
    emit_.emit_jump(Opcode::JumpIfFalse, test, not_next);
    emit_.emit(Opcode::Move, call, uint16_t(it + 1));
    emit_.emit_jump(Opcode::Jump, 0, call_it);
    emit_.bind(not_next);
    emit_.emit_bx(Opcode::LoadInt, k, 1);
    emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
    emit_.emit_jump(Opcode::JumpIfFalse, test, not_throw);
    emit_.emit(Opcode::GetNamed, call, it, ic(&kThrowAtom));
    emit_.emit_jump(Opcode::Jump, 0, call_it);
    emit_.bind(not_throw);
    {
      // mode 2: return(received), or finish with it when there is no return method.
      Label has_return;
      emit_.emit(Opcode::GetNamed, call, it, ic(&kReturnAtom));
      emit_.emit_jump(Opcode::JumpIfNullish, call, has_return);
      emit_.emit_jump(Opcode::Jump, 0, call_it);
      emit_.bind(has_return);
      jump_out(-1, false, received);
    }
    emit_.bind(call_it);
    emit_.emit(Opcode::Move, uint16_t(call + 1), it);
    emit_.emit(Opcode::Move, uint16_t(call + 2), received);
    emit_.emit(Opcode::Call, result, call, 1);
    uint16_t is_done = temp();
    emit_.emit(Opcode::GetNamed, is_done, result, ic(&kDoneAtom));
    emit_.emit(Opcode::GetNamed, out, result, ic(&kValueAtom));
    Label not_done;
    emit_.emit_jump(Opcode::JumpIfFalse, is_done, not_done);
    {
      Label plain;
      emit_.emit_bx(Opcode::LoadInt, k, 2);
      emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
      emit_.emit_jump(Opcode::JumpIfFalse, test, done);
      jump_out(-1, false, out);  // the inner return() finished: so does this generator
    }
    emit_.bind(not_done);
    emit_.emit(Opcode::Yield, received, out);
    emit_.emit_jump(Opcode::Jump, 0, loop);
    emit_.bind(done);
    return out;
  }

  // A class field's initializer: `this.key = <value>` as a method returning the value.
  void compile_field_initializer(const PropertyDefinition* p) {
    fn_.name = "<field>";
    fn_.start = p->start;
    fn_.strict = true;
    fn_.is_method = true;
    uint16_t r = expr(p->value);
    emit_.emit(Opcode::Return, r);
    finish();
  }

  void compile_static_block(const StaticBlock* b) {
    fn_.name = "<static>";
    fn_.start = b->start;
    fn_.strict = true;
    fn_.is_method = true;
    enter_var_scope();
    hoist_functions(b->body);
    for (Node* statement : b->body) compile_statement(statement);
    uint16_t r = temp();
    emit_.emit(Opcode::LoadUndefined, r);
    emit_.emit(Opcode::Return, r);
    finish();
  }

  // The implicit constructor of a class without one: `constructor() {}`, or
  // `constructor(...args) { super(...args); }` when it extends another.
  void compile_default_constructor(const Node* cls, const std::string& name, bool derived) {
    fn_.name = name;
    fn_.start = cls->start;
    fn_.source_end = cls->end;
    fn_.strict = true;
    fn_.is_class_constructor = true;
    fn_.is_derived = derived;
    if (derived) {
      fn_.param_count = 1;
      fn_.has_rest = true;
      next_ = high_ = 1;
      uint16_t r = temp();
      emit_.emit(Opcode::SuperCall, r, 0);
    }
    uint16_t r = temp();
    emit_.emit(Opcode::LoadUndefined, r);
    emit_.emit(Opcode::Return, r);
    finish();
  }

 private:
  // ---- registers -----------------------------------------------------------
  uint16_t temp() {
    if (next_ == 0xFFFE) throw CompileError{"too many registers in one function", fn_.start};
    uint16_t r = next_++;
    if (next_ > high_) high_ = next_;
    return r;
  }
  uint16_t temps(int n) {
    uint16_t first = temp();
    for (int i = 1; i < n; ++i) temp();
    return first;
  }
  uint16_t into(int dst) { return dst >= 0 ? uint16_t(dst) : temp(); }
  struct Temps {  // releases the temporaries taken while it lives
    FunctionCompiler& c;
    uint16_t saved;
    explicit Temps(FunctionCompiler& compiler) : c(compiler), saved(compiler.next_) {}
    ~Temps() { c.next_ = saved; }
  };
  void finish() { fn_.register_count = high_; }

  uint16_t ic(Atom name) { return emit_.add_ic(name); }
  uint32_t constant(const Constant& k) { return emit_.add_constant(k); }
  void load_string(uint16_t r, std::string_view utf8) {
    emit_.emit_bx(Opcode::LoadConst, r, constant(Constant::of_string(to_u16(utf8))));
  }

  // ---- scopes ----------------------------------------------------------------
  void enter_var_scope() {
    if (!info_.scope) return;
    const ScopeInfo* scope = res_.info(info_.scope);
    if (scope && scope->needs_heap_scope) push_scope(*scope);
    init_lexicals(info_.scope);
  }
  void push_scope(const ScopeInfo& scope) {
    Constant k;
    k.kind = Constant::Kind::Scope;
    k.names.resize(scope.slot_count);
    for (const Binding* b : scope.bindings) {
      const BindingLocation* loc = res_.location_of(b);
      if (loc && loc->kind == BindingLocation::Slot && loc->index < k.names.size())
        k.names[loc->index] = std::string(b->name->text);
    }
    emit_.emit_bx(Opcode::PushScope, 0, constant(k));
    ++heap_depth_;
  }
  void pop_scope() {
    emit_.emit(Opcode::PopScope);
    --heap_depth_;
  }
  // let/const/class in registers start in their temporal dead zone.
  void init_lexicals(const Scope* scope) {
    for (const Binding& b : scope->bindings) {
      if (!is_lexical(b.kind) || b.kind == BindingKind::LexicalFunction || b.kind == BindingKind::Import) continue;
      const BindingLocation* loc = res_.location_of(&b);
      if (loc && loc->kind == BindingLocation::Register) emit_.emit(Opcode::LoadEmpty, loc->index);
    }
  }
  const Scope* scope_of(const Node* node) const {
    auto it = scope_by_node_.find(node);
    if (it != scope_by_node_.end()) return it->second;
    if (scope_by_node_.empty())
      for (const ScopeInfo& s : res_.scopes)
        if (s.scope && s.scope->node) scope_by_node_.emplace(s.scope->node, s.scope);
    it = scope_by_node_.find(node);
    return it == scope_by_node_.end() ? nullptr : it->second;
  }
  // Enters the lexical scope of `node` (if it has one); returns whether a heap scope was pushed.
  bool enter_block_scope(const Node* node) {
    const Scope* scope = scope_of(node);
    if (!scope) return false;
    const ScopeInfo* si = res_.info(scope);
    bool heap = si && si->needs_heap_scope;
    if (heap) push_scope(*si);
    init_lexicals(scope);
    return heap;
  }

  // Bindings the VM hands the function at entry: the arguments object, the
  // function's own name, and `this` / `new.target` kept for arrows.
  void entry_bindings(const Function* f) {
    if (info_.needs_arguments_object && info_.arguments_binding) {
      const BindingLocation* loc = res_.location_of(info_.arguments_binding);
      if (loc && loc->kind == BindingLocation::Register) {
        fn_.arguments_register = loc->index;
      } else if (loc && loc->kind == BindingLocation::Slot) {
        uint16_t r = temp();  // reserved for the whole function
        fn_.arguments_register = r;
        store_binding(info_.arguments_binding, r);
      }
    }
    if (f->id && f->kind == NodeKind::FunctionExpression && info_.scope) {
      if (const Binding* self = info_.scope->find(as<Identifier>(f->id)->name); self && self->kind == BindingKind::SelfName) {
        Temps t(*this);
        uint16_t r = temp();
        emit_.emit(Opcode::LoadCallee, r);
        store_binding(self, r);
      }
    }
    if (info_.this_binding && !fn_.is_derived) {
      Temps t(*this);
      uint16_t r = temp();
      emit_.emit(Opcode::LoadThis, r);
      store_binding(info_.this_binding, r);
    }
    if (info_.new_target_binding) {
      Temps t(*this);
      uint16_t r = temp();
      emit_.emit(Opcode::LoadNewTarget, r);
      store_binding(info_.new_target_binding, r);
    }
  }
  // Writes r[value] into a binding of this function's own scopes (depth from the current scope).
  void store_binding(const Binding* b, uint16_t value) {
    const BindingLocation* loc = res_.location_of(b);
    if (!loc) return;
    if (loc->kind == BindingLocation::Register) {
      if (loc->index != value) emit_.emit(Opcode::Move, loc->index, value);
    } else if (loc->kind == BindingLocation::Slot) {
      emit_.emit(Opcode::SetScoped, value, uint16_t(heap_depth_ - depth_of_scope(loc->scope)), loc->index);
    }
  }
  // How many heap scopes of this function are pushed up to and including `scope`.
  int depth_of_scope(const Scope* scope) const {
    int depth = 0;
    for (const Scope* s = scope; s; s = s->parent) {
      const ScopeInfo* si = res_.info(s);
      if (si && si->needs_heap_scope && si->function == function_index()) ++depth;
    }
    return depth;
  }
  uint32_t function_index() const { return uint32_t(&info_ - res_.functions.data()); }

  // Function declarations are created when their scope is entered (§10.2.11 step 36).
  void hoist_functions(const NodeList& body) {
    for (Node* statement : body) {
      Node* s = statement;
      if (s->kind == NodeKind::ExportNamedDeclaration || s->kind == NodeKind::ExportDefaultDeclaration) continue;
      if (s->kind != NodeKind::FunctionDeclaration) continue;
      auto* f = as<Function>(s);
      Temps t(*this);
      uint16_t r = temp();
      closure(f, r, FunctionRole{});
      store(f->id, r, /*initialize=*/true);
    }
  }

  // ---- control flow ------------------------------------------------------------
  struct Control {
    enum Kind { Target, Finally } kind = Target;
    // Target: a loop, switch, or labelled statement.
    std::vector<Atom> labels;
    bool is_loop = false;
    bool is_switch = false;
    Label* break_label = nullptr;
    Label* continue_label = nullptr;
    int heap_depth = 0;
    int iterator = -1;  // for-of: the iterator register, closed when leaving
    // Finally.
    uint16_t kind_reg = 0, value_reg = 0;
    Label* entry = nullptr;
    struct Pending {
      int id;
      int target;  // index in controls_, or -1 for return
      bool is_continue;
    };
    std::vector<Pending> pending;
  };
  std::vector<Control> controls_;

  // Emits the jump for break/continue to controls_[target] (or a return of
  // r[value] when target is -1) from the current position.
  void jump_out(int target, bool is_continue, uint16_t value) {
    for (int i = int(controls_.size()) - 1; i > target; --i) {
      Control& c = controls_[size_t(i)];
      if (c.kind == Control::Finally) {
        int id = 3 + int(c.pending.size());
        c.pending.push_back({id, target, is_continue});
        if (target < 0 && value != c.value_reg) emit_.emit(Opcode::Move, c.value_reg, value);
        for (int d = heap_depth_; d > c.heap_depth; --d) emit_.emit(Opcode::PopScope);
        emit_.emit_bx(Opcode::LoadInt, c.kind_reg, uint32_t(id));
        emit_.emit_jump(Opcode::Jump, 0, *c.entry);
        return;
      }
      if (c.iterator >= 0) emit_.emit(Opcode::IteratorClose, uint16_t(c.iterator));
    }
    if (target < 0) {
      emit_return(value);
      return;
    }
    Control& t = controls_[size_t(target)];
    if (!is_continue && t.iterator >= 0) emit_.emit(Opcode::IteratorClose, uint16_t(t.iterator));
    for (int d = heap_depth_; d > t.heap_depth; --d) emit_.emit(Opcode::PopScope);
    emit_.emit_jump(Opcode::Jump, 0, is_continue ? *t.continue_label : *t.break_label);
  }

  int find_target(const Node* s, Node* label, bool is_continue) {
    for (int i = int(controls_.size()) - 1; i >= 0; --i) {
      const Control& c = controls_[size_t(i)];
      if (c.kind != Control::Target) continue;
      if (label) {
        Atom name = as<Identifier>(label)->name;
        for (Atom l : c.labels)
          if (l == name) {
            if (is_continue && !c.is_loop) throw CompileError{"Illegal continue statement", s->start};
            return i;
          }
        continue;
      }
      if (is_continue ? c.is_loop : (c.is_loop || c.is_switch)) return i;
    }
    throw CompileError{"Illegal break or continue statement", s->start};
  }

  // Labels waiting for the statement they label (a loop takes them as its own).
  std::vector<Atom> pending_labels_;

  struct LoopScope {  // pushes a loop Control for its lifetime
    FunctionCompiler& c;
    Label break_label, continue_label;
    LoopScope(FunctionCompiler& compiler, int iterator = -1) : c(compiler) {
      Control k;
      k.labels = std::move(c.pending_labels_);
      c.pending_labels_.clear();
      k.is_loop = true;
      k.break_label = &break_label;
      k.continue_label = &continue_label;
      k.heap_depth = c.heap_depth_;
      k.iterator = iterator;
      c.controls_.push_back(std::move(k));
    }
    ~LoopScope() { c.controls_.pop_back(); }
  };

  // ---- statements --------------------------------------------------------
  void compile_statement(Node* s) {
    Temps t(*this);
    if (s->kind != NodeKind::FunctionDeclaration && s->kind != NodeKind::EmptyStatement &&
        s->kind != NodeKind::LabeledStatement)
      emit_.set_position(s->start, true);
    if (s->kind != NodeKind::LabeledStatement && !is_loop(s)) pending_labels_.clear();
    switch (s->kind) {
      case NodeKind::ExpressionStatement:
        // A script's completion value is its last expression statement's (eval returns it).
        if (completion_ >= 0) expr(as<ExpressionStatement>(s)->expression, completion_);
        else expr(as<ExpressionStatement>(s)->expression);
        return;
      case NodeKind::VariableDeclaration: return variable_declaration(as<VariableDeclaration>(s));
      case NodeKind::FunctionDeclaration: return annex_b_copy(as<Function>(s));
      case NodeKind::ClassDeclaration: {
        auto* c = as<Class>(s);
        uint16_t r = temp();
        class_expression(c, r);
        store(c->id, r, true);
        return;
      }
      case NodeKind::EmptyStatement: return;
      case NodeKind::DebuggerStatement: emit_.emit(Opcode::Debugger); return;
      case NodeKind::BlockStatement: return block(as<BlockStatement>(s));
      case NodeKind::ReturnStatement: {
        auto* r = as<ReturnStatement>(s);
        uint16_t v;
        if (r->argument) {
          v = expr(r->argument);
        } else {
          v = temp();
          emit_.emit(Opcode::LoadUndefined, v);
        }
        jump_out(-1, false, v);
        return;
      }
      case NodeKind::ThrowStatement: emit_.emit(Opcode::Throw, expr(as<ThrowStatement>(s)->argument)); return;
      case NodeKind::IfStatement: {
        auto* i = as<IfStatement>(s);
        Label otherwise, end;
        emit_.emit_jump(Opcode::JumpIfFalse, expr(i->test), otherwise);
        compile_statement(i->consequent);
        if (i->alternate) emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(otherwise);
        if (i->alternate) compile_statement(i->alternate);
        emit_.bind(end);
        return;
      }
      case NodeKind::WhileStatement: {
        auto* w = as<WhileStatement>(s);
        LoopScope loop(*this);
        emit_.bind(loop.continue_label);
        {
          Temps tt(*this);
          emit_.emit_jump(Opcode::JumpIfFalse, expr(w->test), loop.break_label);
        }
        compile_statement(w->body);
        emit_.emit_jump(Opcode::Jump, 0, loop.continue_label);
        emit_.bind(loop.break_label);
        return;
      }
      case NodeKind::DoWhileStatement: {
        auto* d = as<DoWhileStatement>(s);
        LoopScope loop(*this);
        Label top;
        emit_.bind(top);
        compile_statement(d->body);
        emit_.bind(loop.continue_label);
        {
          Temps tt(*this);
          emit_.emit_jump(Opcode::JumpIfTrue, expr(d->test), top);
        }
        emit_.bind(loop.break_label);
        return;
      }
      case NodeKind::ForStatement: return for_statement(as<ForStatement>(s));
      case NodeKind::ForInStatement:
      case NodeKind::ForOfStatement: return for_in_of(as<ForInOfStatement>(s));
      case NodeKind::BreakStatement: {
        auto* b = as<BreakStatement>(s);
        jump_out(find_target(s, b->label, false), false, 0);
        return;
      }
      case NodeKind::ContinueStatement: {
        auto* c = as<ContinueStatement>(s);
        jump_out(find_target(s, c->label, true), true, 0);
        return;
      }
      case NodeKind::LabeledStatement: {
        auto* l = as<LabeledStatement>(s);
        pending_labels_.push_back(as<Identifier>(l->label)->name);
        if (is_loop(l->body) || l->body->kind == NodeKind::LabeledStatement) {
          compile_statement(l->body);
          return;
        }
        Label end;
        Control k;
        k.labels = std::move(pending_labels_);
        pending_labels_.clear();
        k.break_label = &end;
        k.heap_depth = heap_depth_;
        controls_.push_back(std::move(k));
        compile_statement(l->body);
        controls_.pop_back();
        emit_.bind(end);
        return;
      }
      case NodeKind::SwitchStatement: return switch_statement(as<SwitchStatement>(s));
      case NodeKind::TryStatement: return try_statement(as<TryStatement>(s));
      case NodeKind::WithStatement: unsupported(s, "the with statement");
      default:
        unsupported(s, std::string(kind_name(s->kind)));
    }
  }

  static bool is_loop(const Node* s) {
    switch (s->kind) {
      case NodeKind::WhileStatement: case NodeKind::DoWhileStatement: case NodeKind::ForStatement:
      case NodeKind::ForInStatement: case NodeKind::ForOfStatement:
        return true;
      default:
        return false;
    }
  }

  // B.3.2.1: when a sloppy block-level function declaration is evaluated,
  // the block's function is copied into the same-named var.
  void annex_b_copy(const Function* f) {
    auto it = res_.annex_b.find(f);
    if (it == res_.annex_b.end() || !it->second.var || !it->second.lexical) return;
    Temps t(*this);
    uint16_t r = temp();
    load(as<Identifier>(f->id), r);
    const BindingLocation* loc = res_.location_of(it->second.var);
    if (!loc) return;
    switch (loc->kind) {
      case BindingLocation::Register: emit_.emit(Opcode::Move, loc->index, r); break;
      case BindingLocation::Slot:
        emit_.emit(Opcode::SetScoped, r, uint16_t(heap_depth_ - depth_of_scope(loc->scope)), loc->index);
        break;
      default: emit_.emit(Opcode::SetGlobal, r, ic(f->id ? as<Identifier>(f->id)->name : nullptr)); break;
    }
  }

  void block(const BlockStatement* b) {
    bool heap = enter_block_scope(b);
    hoist_functions(b->body);
    for (Node* statement : b->body) compile_statement(statement);
    if (heap) pop_scope();
  }

  void for_statement(const ForStatement* f) {
    const Scope* scope = scope_of(f);
    const ScopeInfo* info = scope ? res_.info(scope) : nullptr;
    bool heap = enter_block_scope(f);
    bool copy = info && info->per_iteration_copy && heap;
    if (f->init) {
      Temps t(*this);
      if (f->init->kind == NodeKind::VariableDeclaration) variable_declaration(as<VariableDeclaration>(f->init));
      else expr(f->init);
    }
    if (copy) emit_.emit(Opcode::CloneScope);
    {
      LoopScope loop(*this);
      Label top;
      emit_.bind(top);
      if (f->test) {
        Temps t(*this);
        emit_.emit_jump(Opcode::JumpIfFalse, expr(f->test), loop.break_label);
      }
      compile_statement(f->body);
      emit_.bind(loop.continue_label);
      if (copy) emit_.emit(Opcode::CloneScope);
      if (f->update) {
        Temps t(*this);
        expr(f->update);
      }
      emit_.emit_jump(Opcode::Jump, 0, top);
      emit_.bind(loop.break_label);
    }
    if (heap) pop_scope();
  }

  // for (left in/of right) body. A let/const left gets a fresh scope per iteration.
  void for_in_of(const ForInOfStatement* f) {
    bool is_of = f->kind == NodeKind::ForOfStatement;
    uint16_t state = temps(2);  // enumerator / iterator + next method
    {
      // The right side sees the loop's bindings in their TDZ (§14.7.5.6 step 2).
      Temps t(*this);
      bool heap = enter_block_scope(f);
      uint16_t object = expr(f->right);
      emit_.emit(f->await ? Opcode::GetAsyncIterator : is_of ? Opcode::GetIterator : Opcode::ForInPrepare, state, object);
      if (heap) pop_scope();
    }
    uint16_t value = temps(2);  // the value, and for-of's done flag
    LoopScope loop(*this, is_of ? state : -1);
    emit_.bind(loop.continue_label);
    if (f->await) {
      // result = await iterator.next(); done? -> leave; value = result.value
      Temps t(*this);
      uint16_t call = temps(2), result = temps(2), done = temp();
      emit_.emit(Opcode::Move, call, uint16_t(state + 1));
      emit_.emit(Opcode::Move, uint16_t(call + 1), state);
      emit_.emit(Opcode::Call, result, call, 0);
      await_into(result, result);
      emit_.emit(Opcode::GetNamed, done, result, ic(&kDoneAtom));
      emit_.emit_jump(Opcode::JumpIfTrue, done, loop.break_label);
      emit_.emit(Opcode::GetNamed, value, result, ic(&kValueAtom));
    } else if (is_of) {
      emit_.emit(Opcode::IteratorNext, value, state);
      emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(value + 1), loop.break_label);
    } else {
      emit_.emit(Opcode::ForInNext, value, state);
      emit_.emit_jump(Opcode::JumpIfEmpty, value, loop.break_label);
    }
    // An exception in the body closes the iterator (for-of) before it propagates.
    uint32_t body_start = emit_.pc();
    {
      bool heap = enter_block_scope(f);
      if (f->left->kind == NodeKind::VariableDeclaration) {
        auto* d = as<VariableDeclaration>(f->left);
        bind_pattern(as<VariableDeclarator>(d->declarations[0])->id, value, true);
      } else {
        bind_pattern(f->left, value, false);
      }
      compile_statement(f->body);
      if (heap) pop_scope();
    }
    emit_.emit_jump(Opcode::Jump, 0, loop.continue_label);
    uint32_t body_end = emit_.pc();
    if (is_of) {
      Label after;
      emit_.bind(loop.break_label);
      emit_.emit_jump(Opcode::Jump, 0, after);
      uint16_t exception = value;
      add_handler(body_start, body_end, exception, heap_depth_);
      emit_.emit(Opcode::IteratorClose, state);
      emit_.emit(Opcode::Throw, exception);
      emit_.bind(after);
    } else {
      emit_.bind(loop.break_label);
    }
  }

  void add_handler(uint32_t start, uint32_t end, uint16_t reg, int depth) {
    bytecode::Handler h;
    h.start = start;
    h.end = end;
    h.handler = emit_.pc();
    h.reg = reg;
    h.scope_depth = uint16_t(depth);
    fn_.handlers.push_back(h);
  }

  void switch_statement(const SwitchStatement* s) {
    uint16_t discriminant = temp();
    expr(s->discriminant, discriminant);
    bool heap = enter_block_scope(s);
    for (Node* c : s->cases) hoist_functions(as<SwitchCase>(c)->consequent);
    Label end;
    Control k;
    k.labels = std::move(pending_labels_);
    pending_labels_.clear();
    k.is_switch = true;
    k.break_label = &end;
    k.heap_depth = heap_depth_;
    controls_.push_back(std::move(k));
    std::vector<Label> bodies(s->cases.size());
    int default_index = -1;
    for (uint32_t i = 0; i < s->cases.size(); ++i) {
      auto* c = as<SwitchCase>(s->cases[i]);
      if (!c->test) {
        default_index = int(i);
        continue;
      }
      Temps t(*this);
      uint16_t test = expr(c->test);
      uint16_t same = temp();
      emit_.emit(Opcode::StrictEq, same, discriminant, test);
      emit_.emit_jump(Opcode::JumpIfTrue, same, bodies[i]);
    }
    if (default_index >= 0) emit_.emit_jump(Opcode::Jump, 0, bodies[size_t(default_index)]);
    else emit_.emit_jump(Opcode::Jump, 0, end);
    for (uint32_t i = 0; i < s->cases.size(); ++i) {
      emit_.bind(bodies[i]);
      for (Node* statement : as<SwitchCase>(s->cases[i])->consequent) compile_statement(statement);
    }
    controls_.pop_back();
    emit_.bind(end);
    if (heap) pop_scope();
  }

  void try_statement(const TryStatement* t) {
    if (!t->finalizer) {
      try_catch(t);
      return;
    }
    // try { A } catch { B } finally { C }:
    //   A and B run inside a Finally control; a throw from either lands in C
    //   with kind 1; normal completion enters C with kind 0; break, continue
    //   and return enter it with their own kind (see jump_out).
    uint16_t kind = temp(), value = temp();
    Label entry;
    Control k;
    k.kind = Control::Finally;
    k.kind_reg = kind;
    k.value_reg = value;
    k.entry = &entry;
    k.heap_depth = heap_depth_;
    controls_.push_back(std::move(k));
    uint32_t start = emit_.pc();
    if (t->handler) try_catch(t);
    else block(as<BlockStatement>(t->block));
    emit_.emit_bx(Opcode::LoadInt, kind, 0);
    emit_.emit_jump(Opcode::Jump, 0, entry);
    uint32_t end = emit_.pc();
    Control finally = std::move(controls_.back());
    controls_.pop_back();
    add_handler(start, end, value, heap_depth_);
    emit_.emit_bx(Opcode::LoadInt, kind, 1);
    emit_.bind(entry);
    block(as<BlockStatement>(t->finalizer));
    // Dispatch on how the protected part ended.
    Temps tt(*this);
    uint16_t test = temp(), id = temp();
    Label normal;
    emit_.emit_bx(Opcode::LoadInt, id, 0);
    emit_.emit(Opcode::StrictEq, test, kind, id);
    emit_.emit_jump(Opcode::JumpIfTrue, test, normal);
    {
      Label not_throw;
      emit_.emit_bx(Opcode::LoadInt, id, 1);
      emit_.emit(Opcode::StrictEq, test, kind, id);
      emit_.emit_jump(Opcode::JumpIfFalse, test, not_throw);
      emit_.emit(Opcode::Throw, value);
      emit_.bind(not_throw);
    }
    for (const Control::Pending& p : finally.pending) {
      Label next;
      emit_.emit_bx(Opcode::LoadInt, id, uint32_t(p.id));
      emit_.emit(Opcode::StrictEq, test, kind, id);
      emit_.emit_jump(Opcode::JumpIfFalse, test, next);
      jump_out(p.target, p.is_continue, value);
      emit_.bind(next);
    }
    emit_.bind(normal);
  }

  void try_catch(const TryStatement* t) {
    uint32_t start = emit_.pc();
    block(as<BlockStatement>(t->block));
    uint32_t end = emit_.pc();
    Label after;
    emit_.emit_jump(Opcode::Jump, 0, after);
    Temps tt(*this);
    uint16_t exception = temp();
    add_handler(start, end, exception, heap_depth_);
    auto* c = as<CatchClause>(t->handler);
    bool heap = enter_block_scope(c);
    if (c->param) bind_pattern(c->param, exception, true);
    auto* body = as<BlockStatement>(c->body);
    bool body_heap = scope_of(body) ? enter_block_scope(body) : false;
    hoist_functions(body->body);
    for (Node* statement : body->body) compile_statement(statement);
    if (body_heap) pop_scope();
    if (heap) pop_scope();
    emit_.bind(after);
  }

  void variable_declaration(const VariableDeclaration* d) {
    for (Node* node : d->declarations) {
      auto* v = as<VariableDeclarator>(node);
      Temps t(*this);
      if (v->id->kind != NodeKind::Identifier) {
        uint16_t value = expr(v->init);
        bind_pattern(v->id, value, true);
        continue;
      }
      const Resolution& where = resolve(v->id);
      std::string name(as<Identifier>(v->id)->name->text);
      if (v->init && where.kind == Resolution::Local) {
        named_expr(v->init, where.index, name);  // straight into the variable's register
      } else if (v->init) {
        store(v->id, named_expr(v->init, -1, name), true);
      } else if (d->kind_ != VarKind::Var) {
        uint16_t r = temp();
        emit_.emit(Opcode::LoadUndefined, r);
        store(v->id, r, true);
      }
    }
  }

  // ---- patterns ------------------------------------------------------------
  // Binds (initialize) or assigns (!initialize) r[value] to `target`.
  void bind_pattern(Node* target, uint16_t value, bool initialize) {
    switch (target->kind) {
      case NodeKind::Identifier: store(target, value, initialize); return;
      case NodeKind::MemberExpression: {
        Temps t(*this);
        uint16_t saved = temp();
        emit_.emit(Opcode::Move, saved, value);
        Target where = this->target(target);
        write(where, saved);
        return;
      }
      case NodeKind::AssignmentPattern: {
        auto* a = as<AssignmentPattern>(target);
        Temps t(*this);
        uint16_t v = temp();
        emit_.emit(Opcode::Move, v, value);
        Label have;
        emit_.emit_jump(Opcode::JumpIfNotUndefined, v, have);
        std::string name = a->left->kind == NodeKind::Identifier ? std::string(as<Identifier>(a->left)->name->text) : "";
        named_expr(a->right, v, name);
        emit_.bind(have);
        bind_pattern(a->left, v, initialize);
        return;
      }
      case NodeKind::ObjectPattern: return object_pattern(as<ObjectPattern>(target), value, initialize);
      case NodeKind::ArrayPattern: return array_pattern(as<ArrayPattern>(target), value, initialize);
      case NodeKind::ObjectExpression:
      case NodeKind::ArrayExpression:
        unsupported(target, "an object or array literal as an assignment target");
      default: unsupported(target, std::string("a ") + std::string(kind_name(target->kind)) + " as a target");
    }
  }

  void object_pattern(const ObjectPattern* p, uint16_t value, bool initialize) {
    Temps t(*this);
    uint16_t source = temp();
    emit_.emit(Opcode::Move, source, value);
    // `{} = null` throws: reading through ToObject (a GetNamed on nothing would not).
    if (p->properties.empty()) {
      uint16_t k = temp(), out = temp();
      emit_.emit(Opcode::LoadUndefined, k);
      emit_.emit(Opcode::CopyDataProperties, out, source, k);  // out is undefined: throws only for null/undefined
      return;
    }
    uint16_t keys = 0;
    bool has_rest = p->properties[p->properties.size() - 1]->kind == NodeKind::RestElement;
    if (has_rest) {
      keys = temp();
      emit_.emit(Opcode::NewArray, keys, 0, 0);
    }
    for (Node* node : p->properties) {
      Temps tt(*this);
      if (node->kind == NodeKind::RestElement) {
        uint16_t rest = temp();
        emit_.emit(Opcode::NewObject, rest);
        emit_.emit(Opcode::CopyDataProperties, rest, source, keys);
        bind_pattern(as<RestElement>(node)->argument, rest, initialize);
        continue;
      }
      auto* prop = as<Property>(node);
      uint16_t v = temp();
      if (!prop->computed && prop->key->kind == NodeKind::Identifier) {
        Atom name = as<Identifier>(prop->key)->name;
        emit_.emit(Opcode::GetNamed, v, source, ic(name));
        if (has_rest) {
          uint16_t k = temp();
          load_string(k, name->text);
          emit_.emit(Opcode::ArrayPush, keys, k);
        }
      } else {
        uint16_t k = temp();
        expr(prop->key, k);
        emit_.emit(Opcode::ToPropertyKey, k, k);
        emit_.emit(Opcode::GetIndexed, v, source, k);
        if (has_rest) emit_.emit(Opcode::ArrayPush, keys, k);
      }
      bind_pattern(prop->value, v, initialize);
    }
  }

  void array_pattern(const ArrayPattern* p, uint16_t value, bool initialize) {
    Temps t(*this);
    uint16_t it = temps(2);
    emit_.emit(Opcode::GetIterator, it, value);
    uint16_t v = temps(2);  // value, done
    emit_.emit(Opcode::LoadFalse, uint16_t(v + 1));
    for (Node* element : p->elements) {
      Temps tt(*this);
      if (element && element->kind == NodeKind::RestElement) {
        uint16_t rest = temp();
        emit_.emit(Opcode::IteratorRest, rest, it);
        emit_.emit(Opcode::LoadTrue, uint16_t(v + 1));
        bind_pattern(as<RestElement>(element)->argument, rest, initialize);
        continue;
      }
      // Once done, the remaining elements get undefined without calling next().
      Label skip, got;
      emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(v + 1), skip);
      emit_.emit(Opcode::IteratorNext, v, it);
      emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(v + 1), got);
      emit_.bind(skip);
      emit_.emit(Opcode::LoadUndefined, v);
      emit_.bind(got);
      if (element) bind_pattern(element, v, initialize);
    }
    Label done;
    emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(v + 1), done);
    emit_.emit(Opcode::IteratorClose, it);
    emit_.bind(done);
  }

  // ---- names -------------------------------------------------------------
  const Resolution& resolve(const Node* id) {
    const Resolution* r = res_.resolution_of(id);
    if (!r) throw CompileError{"internal: unresolved name", id->start};
    if (r->kind == Resolution::Dynamic) unsupported(id, "names reached through `with` or direct eval");
    if (r->kind == Resolution::Import) unsupported(id, "module imports");
    return *r;
  }

  uint16_t load(const Identifier* id, int dst) {
    const Resolution& r = resolve(id);
    switch (r.kind) {
      case Resolution::Local:
        if (r.needs_tdz_check) emit_.emit(Opcode::CheckInitialized, r.index, ic(id->name));
        if (dst < 0 || dst == r.index) return r.index;
        emit_.emit(Opcode::Move, uint16_t(dst), r.index);
        return uint16_t(dst);
      case Resolution::Scoped: {
        uint16_t out = into(dst);
        emit_.emit(Opcode::GetScoped, out, r.depth, r.index);
        if (r.needs_tdz_check) emit_.emit(Opcode::CheckInitialized, out, ic(id->name));
        return out;
      }
      default: {
        uint16_t out = into(dst);
        emit_.emit(Opcode::GetGlobal, out, ic(id->name));
        return out;
      }
    }
  }

  // Writes r[value] to the name. `initialize`: the declaration itself (no
  // TDZ or const check).
  void store(const Node* node, uint16_t value, bool initialize) {
    auto* id = as<Identifier>(const_cast<Node*>(node));
    const Resolution& r = resolve(id);
    bool is_const = r.binding && (r.binding->kind == BindingKind::Const);
    if (!initialize && r.kind != Resolution::Global) {
      if (r.needs_tdz_check) {
        Temps t(*this);
        uint16_t check = load(id, -1);
        (void)check;
      }
      if (is_const) {
        emit_.emit(Opcode::ThrowConstAssign, 0, ic(id->name));
        return;
      }
      // A named function expression's own name is read-only (silently in sloppy code).
      if (r.binding && r.binding->kind == BindingKind::SelfName) {
        if (fn_.strict) emit_.emit(Opcode::ThrowConstAssign, 0, ic(id->name));
        return;
      }
    }
    switch (r.kind) {
      case Resolution::Local:
        if (value != r.index) emit_.emit(Opcode::Move, r.index, value);
        return;
      case Resolution::Scoped: emit_.emit(Opcode::SetScoped, value, r.depth, r.index); return;
      default:
        if (initialize && r.global_lexical) emit_.emit(Opcode::InitGlobalLexical, value, ic(id->name));
        else emit_.emit(Opcode::SetGlobal, value, ic(id->name));
        return;
    }
  }

  void closure(const Function* f, uint16_t dst, const FunctionRole& role) {
    const FunctionInfo* info = res_.function_of(f);
    if (!info) throw CompileError{"internal: function without resolver info", f->start};
    auto nested = std::make_unique<CompiledFunction>();
    FunctionCompiler(res_, *info, *nested).compile_function(f, role);
    emit_.emit_bx(Opcode::NewClosure, dst, emit_.add_function(std::move(nested)));
  }

  // An expression that names an anonymous function or class it makes
  // (`let f = () => {}` names the arrow "f": §8.4.1 NamedEvaluation).
  uint16_t named_expr(Node* e, int dst, const std::string& name) {
    if (e->kind == NodeKind::FunctionExpression || e->kind == NodeKind::ArrowFunctionExpression) {
      auto* f = as<Function>(e);
      if (!f->id) {  // (function(){}) is still an anonymous function definition
        uint16_t out = into(dst);
        FunctionRole role;
        role.name = name;
        closure(f, out, role);
        return out;
      }
    }
    if (e->kind == NodeKind::ClassExpression && !as<Class>(e)->id) {
      uint16_t out = into(dst);
      class_expression(as<Class>(e), out, name);
      return out;
    }
    return expr(e, dst);
  }

  // ---- expressions -------------------------------------------------------
  // Compiles `e`; the result is in the returned register (== dst when dst >= 0).
  uint16_t expr(Node* e, int dst = -1) {
    switch (e->kind) {
      case NodeKind::NumericLiteral: {
        double v = as<NumericLiteral>(e)->value;
        uint16_t out = into(dst);
        if (v == std::trunc(v) && std::fabs(v) <= 2147483647.0 && !(v == 0 && std::signbit(v)))
          emit_.emit_bx(Opcode::LoadInt, out, uint32_t(int32_t(v)));
        else
          emit_.emit_bx(Opcode::LoadConst, out, constant(Constant::of_number(v)));
        return out;
      }
      case NodeKind::StringLiteral: {
        uint16_t out = into(dst);
        emit_.emit_bx(Opcode::LoadConst, out, constant(Constant::of_string(std::u16string(as<StringLiteral>(e)->value))));
        return out;
      }
      case NodeKind::BigIntLiteral: {
        Constant k;
        k.kind = Constant::Kind::BigInt;
        k.text = std::string(as<BigIntLiteral>(e)->digits);
        uint16_t out = into(dst);
        emit_.emit_bx(Opcode::LoadConst, out, constant(k));
        return out;
      }
      case NodeKind::RegExpLiteral: {
        Constant k;
        k.kind = Constant::Kind::RegExp;
        k.string = std::u16string(as<RegExpLiteral>(e)->pattern);
        k.text = std::string(as<RegExpLiteral>(e)->flags);
        uint16_t out = into(dst);
        emit_.emit_bx(Opcode::NewRegExp, out, constant(k));
        return out;
      }
      case NodeKind::BooleanLiteral: {
        uint16_t out = into(dst);
        emit_.emit(as<BooleanLiteral>(e)->value ? Opcode::LoadTrue : Opcode::LoadFalse, out);
        return out;
      }
      case NodeKind::NullLiteral: {
        uint16_t out = into(dst);
        emit_.emit(Opcode::LoadNull, out);
        return out;
      }
      case NodeKind::Identifier: return load(as<Identifier>(e), dst);
      case NodeKind::ThisExpression: {
        uint16_t out = into(dst);
        const Resolution* r = res_.resolution_of(e);
        if (r && r->kind == Resolution::Scoped) {
          emit_.emit(Opcode::GetScoped, out, r->depth, r->index);
          // In a derived constructor `this` may still be unbound (before super()).
          emit_.emit(Opcode::CheckInitialized, out, ic(&kThisAtom));
        } else {
          emit_.emit(Opcode::LoadThis, out);
        }
        return out;
      }
      case NodeKind::MetaProperty: {
        auto* m = as<MetaProperty>(e);
        uint16_t out = into(dst);
        if (m->meta->text != "new") unsupported(e, "import.meta");
        const Resolution* r = res_.resolution_of(e);
        if (r && r->kind == Resolution::Scoped) emit_.emit(Opcode::GetScoped, out, r->depth, r->index);
        else emit_.emit(Opcode::LoadNewTarget, out);
        return out;
      }
      case NodeKind::SequenceExpression: {
        auto* s = as<SequenceExpression>(e);
        for (uint32_t i = 0; i + 1 < s->expressions.size(); ++i) {
          Temps t(*this);
          expr(s->expressions[i]);
        }
        return expr(s->expressions[s->expressions.size() - 1], dst);
      }
      case NodeKind::BinaryExpression: return binary(as<BinaryExpression>(e), dst);
      case NodeKind::LogicalExpression: return logical(as<LogicalExpression>(e), dst);
      case NodeKind::ConditionalExpression: {
        auto* c = as<ConditionalExpression>(e);
        uint16_t out = into(dst);
        Label otherwise, end;
        {
          Temps t(*this);
          emit_.emit_jump(Opcode::JumpIfFalse, expr(c->test), otherwise);
        }
        {
          Temps t(*this);
          expr(c->consequent, out);
        }
        emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(otherwise);
        {
          Temps t(*this);
          expr(c->alternate, out);
        }
        emit_.bind(end);
        return out;
      }
      case NodeKind::UnaryExpression: return unary(as<UnaryExpression>(e), dst);
      case NodeKind::UpdateExpression: return update(as<UpdateExpression>(e), dst);
      case NodeKind::AssignmentExpression: return assignment(as<AssignmentExpression>(e), dst);
      case NodeKind::MemberExpression: return member(as<MemberExpression>(e), dst);
      case NodeKind::ChainExpression: {
        uint16_t out = into(dst);
        Label nullish, end;
        Label* saved = chain_nullish_;
        chain_nullish_ = &nullish;
        {
          Temps t(*this);
          expr(as<ChainExpression>(e)->expression, out);
        }
        chain_nullish_ = saved;
        emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(nullish);
        emit_.emit(Opcode::LoadUndefined, out);
        emit_.bind(end);
        return out;
      }
      case NodeKind::CallExpression: return call(as<CallExpression>(e), dst, false);
      case NodeKind::NewExpression: return call(e, dst, true);
      case NodeKind::ArrayExpression: return array_literal(as<ArrayExpression>(e), dst);
      case NodeKind::ObjectExpression: return object_literal(as<ObjectExpression>(e), dst);
      case NodeKind::FunctionExpression:
      case NodeKind::ArrowFunctionExpression: {
        uint16_t out = into(dst);
        closure(as<Function>(e), out, FunctionRole{});
        return out;
      }
      case NodeKind::ClassExpression: {
        uint16_t out = into(dst);
        class_expression(as<Class>(e), out);
        return out;
      }
      case NodeKind::TemplateLiteral: return template_literal(as<TemplateLiteral>(e), dst);
      case NodeKind::TaggedTemplateExpression: return tagged_template(as<TaggedTemplateExpression>(e), dst);
      case NodeKind::YieldExpression: {
        auto* y = as<YieldExpression>(e);
        if (y->delegate && is_async_generator_) unsupported(e, "yield* in async generators");
        if (y->delegate) return yield_star(y->argument, dst);
        uint16_t out = into(dst);
        Temps t(*this);
        uint16_t value = temp();
        if (y->argument) expr(y->argument, value);
        else emit_.emit(Opcode::LoadUndefined, value);
        if (is_async_generator_) {  // an async generator awaits what it yields
          uint16_t awaited = temps(2);
          await_into(awaited, value);
          emit_.emit(Opcode::Move, value, awaited);
        }
        uint16_t resumed = temps(2);
        yield(resumed, value);
        emit_.emit(Opcode::Move, out, resumed);
        return out;
      }
      case NodeKind::AwaitExpression: {
        uint16_t out = into(dst);
        Temps t(*this);
        uint16_t value = expr(as<AwaitExpression>(e)->argument);
        uint16_t resumed = temps(2);
        emit_.emit(Opcode::Await, resumed, value);
        Label fulfilled;
        emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(resumed + 1), fulfilled);
        emit_.emit(Opcode::Throw, resumed);
        emit_.bind(fulfilled);
        emit_.emit(Opcode::Move, out, resumed);
        return out;
      }
      case NodeKind::ImportExpression: unsupported(e, "import()");
      default:
        unsupported(e, std::string(kind_name(e->kind)));
    }
  }

  uint16_t member(MemberExpression* m, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    if (m->object->kind == NodeKind::Super) {
      uint16_t key = super_key(m);
      emit_.emit(Opcode::GetSuper, out, key);
      return out;
    }
    uint16_t object = expr(m->object);
    if (m->optional) emit_.emit_jump(Opcode::JumpIfNullish, object, *chain_nullish_);
    if (m->computed) {
      uint16_t key = expr(m->property);
      emit_.emit(Opcode::GetIndexed, out, object, key);
    } else if (m->property->kind == NodeKind::PrivateIdentifier) {
      emit_.emit(Opcode::GetPrivate, out, object, ic(as<PrivateIdentifier>(m->property)->name));
    } else {
      emit_.emit(Opcode::GetNamed, out, object, ic(as<Identifier>(m->property)->name));
    }
    return out;
  }

  uint16_t super_key(MemberExpression* m) {
    uint16_t key = temp();
    if (m->computed) {
      expr(m->property, key);
      emit_.emit(Opcode::ToPropertyKey, key, key);
    } else {
      load_string(key, as<Identifier>(m->property)->name->text);
    }
    return key;
  }

  uint16_t array_literal(ArrayExpression* a, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    bool simple = true;
    for (Node* element : a->elements)
      if (!element || element->kind == NodeKind::SpreadElement) simple = false;
    if (simple) {
      uint16_t first = next_;
      for (Node* element : a->elements) expr(element, temp());
      emit_.emit(Opcode::NewArray, out, first, uint16_t(a->elements.size()));
      return out;
    }
    uint16_t array = temp();
    emit_.emit(Opcode::NewArray, array, 0, 0);
    for (Node* element : a->elements) {
      Temps tt(*this);
      if (!element) {
        emit_.emit(Opcode::ArrayHole, array);
      } else if (element->kind == NodeKind::SpreadElement) {
        emit_.emit(Opcode::ArraySpread, array, expr(as<SpreadElement>(element)->argument));
      } else {
        emit_.emit(Opcode::ArrayPush, array, expr(element));
      }
    }
    emit_.emit(Opcode::Move, out, array);
    return out;
  }

  // The key of a property in a literal or class, into a fresh register (a
  // property key value), and its name for NamedEvaluation when static.
  uint16_t property_key(Node* key, bool computed, std::string* name) {
    uint16_t k = temp();
    if (computed) {
      expr(key, k);
      emit_.emit(Opcode::ToPropertyKey, k, k);
      return k;
    }
    switch (key->kind) {
      case NodeKind::Identifier:
        *name = std::string(as<Identifier>(key)->name->text);
        load_string(k, *name);
        return k;
      case NodeKind::StringLiteral: {
        std::u16string v(as<StringLiteral>(key)->value);
        *name = unicode::utf16_to_utf8(v);
        emit_.emit_bx(Opcode::LoadConst, k, constant(Constant::of_string(v)));
        return k;
      }
      case NodeKind::NumericLiteral: {
        expr(key, k);
        emit_.emit(Opcode::ToPropertyKey, k, k);
        return k;
      }
      default:
        expr(key, k);
        emit_.emit(Opcode::ToPropertyKey, k, k);
        return k;
    }
  }

  uint16_t object_literal(ObjectExpression* o, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    uint16_t object = temp();
    emit_.emit(Opcode::NewObject, object);
    for (Node* p : o->properties) {
      Temps tt(*this);
      if (p->kind == NodeKind::SpreadElement) {
        uint16_t none = temp();
        emit_.emit(Opcode::LoadUndefined, none);
        emit_.emit(Opcode::CopyDataProperties, object, expr(as<SpreadElement>(p)->argument), none);
        continue;
      }
      auto* prop = as<Property>(p);
      // `__proto__: v` (not computed, not shorthand, not a method) sets the prototype.
      if (!prop->computed && !prop->shorthand && !prop->method && prop->kind == PropertyKind::Init) {
        bool is_proto = (prop->key->kind == NodeKind::Identifier && as<Identifier>(prop->key)->name->text == "__proto__") ||
                        (prop->key->kind == NodeKind::StringLiteral && as<StringLiteral>(prop->key)->value == u"__proto__");
        if (is_proto) {
          emit_.emit(Opcode::SetProto, object, expr(prop->value));
          continue;
        }
      }
      std::string name;
      uint16_t key = property_key(prop->key, prop->computed, &name);
      if (prop->kind != PropertyKind::Init || prop->method) {
        FunctionRole role;
        role.is_method = true;
        role.name = prop->kind == PropertyKind::Get ? "get " + name : prop->kind == PropertyKind::Set ? "set " + name : name;
        uint16_t fn = temp();
        closure(as<Function>(prop->value), fn, role);
        emit_.emit(Opcode::SetHomeObject, fn, object);
        Opcode op = prop->kind == PropertyKind::Get   ? Opcode::DefineGetter
                    : prop->kind == PropertyKind::Set ? Opcode::DefineSetter
                                                      : Opcode::DefineField;
        emit_.emit(op, object, key, fn);
        continue;
      }
      uint16_t value = named_expr(prop->value, -1, name);
      emit_.emit(Opcode::DefineField, object, key, value);
    }
    emit_.emit(Opcode::Move, out, object);
    return out;
  }

  uint16_t template_literal(TemplateLiteral* t, int dst) {
    uint16_t out = into(dst);
    Temps tt(*this);
    uint16_t acc = temp();
    auto* first = as<TemplateElement>(t->quasis[0]);
    emit_.emit_bx(Opcode::LoadConst, acc, constant(Constant::of_string(std::u16string(first->cooked))));
    for (uint32_t i = 0; i < t->expressions.size(); ++i) {
      Temps ttt(*this);
      uint16_t part = temp();
      expr(t->expressions[i], part);
      emit_.emit(Opcode::ToString, part, part);
      emit_.emit(Opcode::Add, acc, acc, part);
      auto* q = as<TemplateElement>(t->quasis[i + 1]);
      if (!q->cooked.empty()) {
        uint16_t s = temp();
        emit_.emit_bx(Opcode::LoadConst, s, constant(Constant::of_string(std::u16string(q->cooked))));
        emit_.emit(Opcode::Add, acc, acc, s);
      }
    }
    emit_.emit(Opcode::Move, out, acc);
    return out;
  }

  uint16_t tagged_template(TaggedTemplateExpression* t, int dst) {
    auto* quasi = as<TemplateLiteral>(t->quasi);
    uint16_t out = into(dst);
    Temps tt(*this);
    uint16_t base = temp(), self = temp();
    callee_and_this(t->tag, base, self);
    Constant k;
    k.kind = Constant::Kind::Template;
    for (Node* q : quasi->quasis) {
      auto* e = as<TemplateElement>(q);
      k.cooked.emplace_back(e->cooked);
      k.raw.emplace_back(e->raw);
      k.has_cooked.push_back(e->has_cooked);
    }
    emit_.emit_bx(Opcode::GetTemplateObject, temp(), constant(k));
    for (Node* e : quasi->expressions) expr(e, temp());
    uint32_t at = emit_.emit(Opcode::Call, out, base, uint16_t(quasi->expressions.size() + 1));
    fn_.callee_names.emplace_back(at, describe_callee(t->tag));
    return out;
  }

  // Can evaluating `e` change a local register? (Then an operand already
  // read from that register must be copied first: `a + (a = 1)`.)
  static bool may_write_locals(const Node* e) {
    switch (e->kind) {
      case NodeKind::Identifier: case NodeKind::NumericLiteral: case NodeKind::StringLiteral:
      case NodeKind::BooleanLiteral: case NodeKind::NullLiteral: case NodeKind::ThisExpression:
        return false;
      default:
        return true;
    }
  }

  uint16_t operand(Node* left, Node* right) {
    uint16_t r = expr(left);
    if (r < info_.locals_count && may_write_locals(right)) {
      uint16_t copy = temp();
      emit_.emit(Opcode::Move, copy, r);
      return copy;
    }
    return r;
  }

  static Opcode binary_opcode(BinaryOp op) {
    switch (op) {
      case BinaryOp::Eq: return Opcode::Eq;
      case BinaryOp::NotEq: return Opcode::NotEq;
      case BinaryOp::StrictEq: return Opcode::StrictEq;
      case BinaryOp::StrictNotEq: return Opcode::StrictNotEq;
      case BinaryOp::Less: return Opcode::Less;
      case BinaryOp::LessEq: return Opcode::LessEq;
      case BinaryOp::Greater: return Opcode::Greater;
      case BinaryOp::GreaterEq: return Opcode::GreaterEq;
      case BinaryOp::Shl: return Opcode::Shl;
      case BinaryOp::Sar: return Opcode::Sar;
      case BinaryOp::Shr: return Opcode::Shr;
      case BinaryOp::Add: return Opcode::Add;
      case BinaryOp::Sub: return Opcode::Sub;
      case BinaryOp::Mul: return Opcode::Mul;
      case BinaryOp::Div: return Opcode::Div;
      case BinaryOp::Mod: return Opcode::Mod;
      case BinaryOp::Exp: return Opcode::Exp;
      case BinaryOp::BitOr: return Opcode::BitOr;
      case BinaryOp::BitXor: return Opcode::BitXor;
      case BinaryOp::BitAnd: return Opcode::BitAnd;
      case BinaryOp::In: return Opcode::In;
      case BinaryOp::Instanceof: return Opcode::Instanceof;
    }
    return Opcode::Add;
  }

  uint16_t binary(BinaryExpression* b, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    if (b->left->kind == NodeKind::PrivateIdentifier) {  // #x in obj
      emit_.emit(Opcode::HasPrivate, out, expr(b->right), ic(as<PrivateIdentifier>(b->left)->name));
      return out;
    }
    uint16_t left = operand(b->left, b->right);
    uint16_t right = expr(b->right);
    emit_.emit(binary_opcode(b->op), out, left, right);
    return out;
  }

  uint16_t logical(LogicalExpression* l, int dst) {
    uint16_t out = into(dst);
    Label end;
    {
      Temps t(*this);
      expr(l->left, out);
    }
    switch (l->op) {
      case LogicalOp::And: emit_.emit_jump(Opcode::JumpIfFalse, out, end); break;
      case LogicalOp::Or: emit_.emit_jump(Opcode::JumpIfTrue, out, end); break;
      case LogicalOp::Coalesce: {
        Label rhs;
        emit_.emit_jump(Opcode::JumpIfNullish, out, rhs);
        emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(rhs);
        break;
      }
    }
    {
      Temps t(*this);
      expr(l->right, out);
    }
    emit_.bind(end);
    return out;
  }

  uint16_t unary(UnaryExpression* u, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    switch (u->op) {
      case UnaryOp::Typeof:
        if (u->argument->kind == NodeKind::Identifier) {
          const Resolution& r = resolve(u->argument);
          if (r.kind == Resolution::Global && !r.global_lexical) {
            emit_.emit(Opcode::TypeofGlobal, out, ic(as<Identifier>(u->argument)->name));
            return out;
          }
        }
        emit_.emit(Opcode::Typeof, out, expr(u->argument));
        return out;
      case UnaryOp::Delete: {
        Node* arg = u->argument;
        while (arg->kind == NodeKind::ChainExpression) arg = as<ChainExpression>(arg)->expression;
        if (arg->kind == NodeKind::MemberExpression && as<MemberExpression>(arg)->object->kind != NodeKind::Super) {
          auto* m = as<MemberExpression>(arg);
          Label nullish, end;
          Label* saved = chain_nullish_;
          chain_nullish_ = &nullish;
          uint16_t object = expr(m->object);
          if (m->optional) emit_.emit_jump(Opcode::JumpIfNullish, object, nullish);
          uint16_t key = temp();
          if (m->computed) expr(m->property, key);
          else load_string(key, as<Identifier>(m->property)->name->text);
          emit_.emit(Opcode::DeleteIndexed, out, object, key);
          emit_.emit_jump(Opcode::Jump, 0, end);
          emit_.bind(nullish);
          emit_.emit(Opcode::LoadTrue, out);
          emit_.bind(end);
          chain_nullish_ = saved;
          return out;
        }
        if (arg->kind == NodeKind::Identifier) {
          const Resolution& r = resolve(arg);
          if (r.kind == Resolution::Global && !r.binding) {
            emit_.emit(Opcode::DeleteGlobal, out, ic(as<Identifier>(arg)->name));
            return out;
          }
          emit_.emit(Opcode::LoadFalse, out);  // declared bindings cannot be deleted
          return out;
        }
        expr(arg);
        emit_.emit(Opcode::LoadTrue, out);
        return out;
      }
      case UnaryOp::Void:
        expr(u->argument);
        emit_.emit(Opcode::LoadUndefined, out);
        return out;
      case UnaryOp::Minus: emit_.emit(Opcode::Negate, out, expr(u->argument)); return out;
      case UnaryOp::Plus: emit_.emit(Opcode::ToNumeric, out, expr(u->argument)); return out;
      case UnaryOp::Not: emit_.emit(Opcode::Not, out, expr(u->argument)); return out;
      case UnaryOp::BitNot: emit_.emit(Opcode::BitNot, out, expr(u->argument)); return out;
    }
    return out;
  }

  // A reference to assign through: a name, an object and a key, a private name, or super[key].
  struct Target {
    Node* name = nullptr;  // Identifier
    uint16_t object = 0, key = 0;
    Atom named = nullptr;  // non-computed member
    Atom private_name = nullptr;
    bool is_super = false;
  };
  Target target(Node* node) {
    if (node->kind == NodeKind::Identifier) return Target{node};
    if (node->kind != NodeKind::MemberExpression) unsupported(node, "this assignment target");
    auto* m = as<MemberExpression>(node);
    Target t;
    if (m->object->kind == NodeKind::Super) {
      t.is_super = true;
      t.key = super_key(m);
      return t;
    }
    t.object = expr(m->object);
    if (t.object < info_.locals_count) {  // the object must not change under us
      uint16_t copy = temp();
      emit_.emit(Opcode::Move, copy, t.object);
      t.object = copy;
    }
    if (m->computed) {
      t.key = expr(m->property);
      uint16_t copy = temp();
      emit_.emit(Opcode::ToPropertyKey, copy, t.key);
      t.key = copy;
    } else if (m->property->kind == NodeKind::PrivateIdentifier) {
      t.private_name = as<PrivateIdentifier>(m->property)->name;
    } else {
      t.named = as<Identifier>(m->property)->name;
    }
    return t;
  }
  uint16_t read(const Target& t, int dst) {
    if (t.name) return load(as<Identifier>(t.name), dst);
    uint16_t out = into(dst);
    if (t.is_super) emit_.emit(Opcode::GetSuper, out, t.key);
    else if (t.private_name) emit_.emit(Opcode::GetPrivate, out, t.object, ic(t.private_name));
    else if (t.named) emit_.emit(Opcode::GetNamed, out, t.object, ic(t.named));
    else emit_.emit(Opcode::GetIndexed, out, t.object, t.key);
    return out;
  }
  void write(const Target& t, uint16_t value) {
    if (t.name) return store(t.name, value, false);
    if (t.is_super) emit_.emit(Opcode::SetSuper, t.key, value);
    else if (t.private_name) emit_.emit(Opcode::SetPrivate, t.object, ic(t.private_name), value);
    else if (t.named) emit_.emit(Opcode::SetNamed, t.object, ic(t.named), value);
    else emit_.emit(Opcode::SetIndexed, t.object, t.key, value);
  }

  static Opcode compound_opcode(AssignOp op) {
    switch (op) {
      case AssignOp::Add: return Opcode::Add;
      case AssignOp::Sub: return Opcode::Sub;
      case AssignOp::Mul: return Opcode::Mul;
      case AssignOp::Div: return Opcode::Div;
      case AssignOp::Mod: return Opcode::Mod;
      case AssignOp::Exp: return Opcode::Exp;
      case AssignOp::Shl: return Opcode::Shl;
      case AssignOp::Sar: return Opcode::Sar;
      case AssignOp::Shr: return Opcode::Shr;
      case AssignOp::BitOr: return Opcode::BitOr;
      case AssignOp::BitXor: return Opcode::BitXor;
      case AssignOp::BitAnd: return Opcode::BitAnd;
      default: return Opcode::Add;
    }
  }

  uint16_t assignment(AssignmentExpression* a, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    if (a->left->kind == NodeKind::ObjectPattern || a->left->kind == NodeKind::ArrayPattern) {
      expr(a->right, out);
      bind_pattern(a->left, out, false);
      return out;
    }
    Target where = target(a->left);
    std::string name = a->left->kind == NodeKind::Identifier ? std::string(as<Identifier>(a->left)->name->text) : "";
    if (a->op == AssignOp::Assign) {
      named_expr(a->right, out, name);
    } else if (a->op == AssignOp::And || a->op == AssignOp::Or || a->op == AssignOp::Coalesce) {
      Label end;
      read(where, out);
      if (a->op == AssignOp::And) emit_.emit_jump(Opcode::JumpIfFalse, out, end);
      else if (a->op == AssignOp::Or) emit_.emit_jump(Opcode::JumpIfTrue, out, end);
      else {
        Label rhs;
        emit_.emit_jump(Opcode::JumpIfNullish, out, rhs);
        emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(rhs);
      }
      named_expr(a->right, out, name);
      write(where, out);
      emit_.bind(end);
      return out;
    } else {
      uint16_t current = read(where, temp());
      uint16_t value = expr(a->right);
      emit_.emit(compound_opcode(a->op), out, current, value);
    }
    write(where, out);
    return out;
  }

  uint16_t update(UpdateExpression* u, int dst) {
    uint16_t out = into(dst);
    Temps t(*this);
    Target where = target(u->argument);
    uint16_t old = temp();
    emit_.emit(Opcode::ToNumeric, old, read(where, -1));
    Opcode op = u->op == UpdateOp::Increment ? Opcode::Increment : Opcode::Decrement;
    uint16_t updated = u->prefix ? out : temp();
    emit_.emit(op, updated, old);
    write(where, updated);
    if (!u->prefix) emit_.emit(Opcode::Move, out, old);
    return out;
  }

  // The callee as V8 names it in "x is not a function": a.b.c, a[...].b, or "expression".
  static std::string describe_callee(const Node* callee) {
    switch (callee->kind) {
      case NodeKind::Identifier: return std::string(as<Identifier>(const_cast<Node*>(callee))->name->text);
      case NodeKind::ThisExpression: return "this";
      case NodeKind::Super: return "super";
      case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(const_cast<Node*>(callee));
        std::string object = describe_callee(m->object);
        if (m->computed) return object + "[...]";
        if (m->property->kind == NodeKind::Identifier) return object + "." + std::string(as<Identifier>(m->property)->name->text);
        return object + ".#" + std::string(as<PrivateIdentifier>(m->property)->name->text);
      }
      case NodeKind::ChainExpression: return describe_callee(as<ChainExpression>(const_cast<Node*>(callee))->expression);
      default: return "(intermediate value)";
    }
  }

  // Evaluates a callee into r[base] and its `this` into r[self] (a method
  // call's object, else undefined).
  void callee_and_this(Node* callee, uint16_t base, uint16_t self) {
    Node* c = callee;
    if (c->kind == NodeKind::MemberExpression && !c->parenthesized) {
      auto* m = as<MemberExpression>(c);
      if (m->object->kind == NodeKind::Super) {
        Temps k(*this);
        uint16_t key = super_key(m);
        emit_.emit(Opcode::LoadThis, self);
        emit_.emit(Opcode::GetSuper, base, key);
        return;
      }
      expr(m->object, self);
      if (m->optional) emit_.emit_jump(Opcode::JumpIfNullish, self, *chain_nullish_);
      if (m->computed) {
        Temps k(*this);
        emit_.emit(Opcode::GetIndexed, base, self, expr(m->property));
      } else if (m->property->kind == NodeKind::PrivateIdentifier) {
        emit_.emit(Opcode::GetPrivate, base, self, ic(as<PrivateIdentifier>(m->property)->name));
      } else {
        emit_.emit(Opcode::GetNamed, base, self, ic(as<Identifier>(m->property)->name));
      }
      return;
    }
    expr(callee, base);
    emit_.emit(Opcode::LoadUndefined, self);
  }

  // Call A B C: callee in r[B], this in r[B+1], C arguments from r[B+2].
  uint16_t call(Node* e, int dst, bool construct) {
    Node* callee = construct ? as<NewExpression>(e)->callee : as<CallExpression>(e)->callee;
    const NodeList& args = construct ? as<NewExpression>(e)->arguments : as<CallExpression>(e)->arguments;
    bool spread = false;
    for (Node* a : args)
      if (a->kind == NodeKind::SpreadElement) spread = true;
    uint16_t out = into(dst);
    Temps t(*this);
    if (!construct && callee->kind == NodeKind::Super) {
      uint16_t list = arguments_array(args);
      emit_.set_position(e->start, false);
      emit_.emit(Opcode::SuperCall, out, list);
      // `this` is bound now: arrows that read it keep it in a slot.
      if (info_.this_binding) {
        Temps tt(*this);
        uint16_t r = temp();
        emit_.emit(Opcode::LoadThis, r);
        store_binding(info_.this_binding, r);
      }
      return out;
    }
    uint16_t base = temp();
    uint16_t self = temp();
    if (construct) {
      expr(callee, base);
      emit_.emit(Opcode::LoadUndefined, self);
    } else {
      callee_and_this(callee, base, self);
      if (as<CallExpression>(e)->optional) emit_.emit_jump(Opcode::JumpIfNullish, base, *chain_nullish_);
    }
    uint32_t at;
    if (spread) {
      uint16_t list = temp();
      arguments_array(args, list);
      emit_.set_position(e->start, false);
      at = emit_.emit(construct ? Opcode::NewSpread : Opcode::CallArray, out, base);
    } else {
      for (Node* arg : args) expr(arg, temp());
      emit_.set_position(e->start, false);
      bool direct_eval = !construct && callee->kind == NodeKind::Identifier &&
                         as<Identifier>(callee)->name->text == "eval";
      at = emit_.emit(construct ? Opcode::New : direct_eval ? Opcode::CallEval : Opcode::Call, out, base,
                      uint16_t(args.size()));
    }
    fn_.callee_names.emplace_back(at, describe_callee(callee));
    return out;
  }

  // The arguments as one array (spread calls, super(...)).
  uint16_t arguments_array(const NodeList& args, int dst = -1) {
    uint16_t list = into(dst);
    emit_.emit(Opcode::NewArray, list, 0, 0);
    for (Node* arg : args) {
      Temps tt(*this);
      if (arg->kind == NodeKind::SpreadElement) emit_.emit(Opcode::ArraySpread, list, expr(as<SpreadElement>(arg)->argument));
      else emit_.emit(Opcode::ArrayPush, list, expr(arg));
    }
    return list;
  }

  // ---- classes ---------------------------------------------------------------
  void class_expression(Class* c, uint16_t out, const std::string& inferred = "") {
    std::string name = c->id ? std::string(as<Identifier>(c->id)->name->text) : inferred;
    Temps t(*this);
    const Scope* scope = scope_of(c);
    bool heap = enter_block_scope(c);
    bool has_private = scope && !scope->private_names.empty();
    if (has_private) {
      Constant k;
      k.kind = Constant::Kind::Scope;
      for (const PrivateName& p : scope->private_names) k.names.emplace_back(p.name->text);
      emit_.emit_bx(Opcode::PushPrivateNames, 0, constant(k));
    }
    uint16_t parent = temp();
    if (c->super_class) expr(c->super_class, parent);
    else emit_.emit(Opcode::LoadEmpty, parent);
    uint16_t ctor = temps(2);  // the constructor, then its prototype
    uint16_t proto = uint16_t(ctor + 1);
    auto* body = as<ClassBody>(c->body);
    const MethodDefinition* explicit_ctor = nullptr;
    for (Node* element : body->body)
      if (element->kind == NodeKind::MethodDefinition && as<MethodDefinition>(element)->kind == MethodKind::Constructor)
        explicit_ctor = as<MethodDefinition>(element);
    FunctionRole role;
    role.name = name;
    role.is_class_constructor = true;
    role.is_derived = c->super_class != nullptr;
    if (explicit_ctor) {
      closure(as<Function>(explicit_ctor->value), ctor, role);
      fn_.functions.back()->start = c->start;
      fn_.functions.back()->source_end = c->end;
    } else {
      auto implicit = std::make_unique<CompiledFunction>();
      FunctionInfo none;
      FunctionCompiler(res_, none, *implicit).compile_default_constructor(c, name, role.is_derived);
      emit_.emit_bx(Opcode::NewClosure, ctor, emit_.add_function(std::move(implicit)));
    }
    emit_.emit(Opcode::MakeClass, ctor, parent);
    // The class's own name is bound inside its body before any static
    // element runs (static fields and blocks may use it).
    if (scope && c->id) {
      if (const Binding* inner = scope->find(as<Identifier>(c->id)->name)) store_binding(inner, ctor);
    }
    // Instance fields, collected as [key, initializer, ...] for the constructor to run.
    uint16_t fields = temp();
    bool has_fields = false;
    for (Node* element : body->body) {
      Temps tt(*this);
      if (element->kind == NodeKind::MethodDefinition) {
        auto* m = as<MethodDefinition>(element);
        if (m->kind == MethodKind::Constructor) continue;
        uint16_t target = m->is_static ? ctor : proto;
        FunctionRole method;
        method.is_method = true;
        if (m->key->kind == NodeKind::PrivateIdentifier) {
          Atom pname = as<PrivateIdentifier>(m->key)->name;
          method.name = "#" + std::string(pname->text);
          uint16_t fn = temp();
          closure(as<Function>(m->value), fn, method);
          emit_.emit(Opcode::SetHomeObject, fn, target);
          uint16_t kind = temp();
          emit_.emit_bx(Opcode::LoadInt, kind, m->kind == MethodKind::Get ? 2u : m->kind == MethodKind::Set ? 3u : 1u);
          if (m->is_static) {
            // Static private methods go straight onto the constructor (static
            // private accessors are defined as methods: see engine/README.md).
            emit_.emit(Opcode::DefinePrivate, ctor, ic(pname), fn);
          } else {
            if (!has_fields) {
              emit_.emit(Opcode::NewArray, fields, 0, 0);
              has_fields = true;
            }
            uint16_t key = temp();
            load_string(key, pname->text);
            emit_.emit(Opcode::ArrayPush, fields, key);
            emit_.emit(Opcode::ArrayPush, fields, fn);
            emit_.emit(Opcode::ArrayPush, fields, kind);
          }
          continue;
        }
        std::string key_name;
        uint16_t key = property_key(m->key, m->computed, &key_name);
        method.name = m->kind == MethodKind::Get ? "get " + key_name : m->kind == MethodKind::Set ? "set " + key_name : key_name;
        uint16_t fn = temp();
        closure(as<Function>(m->value), fn, method);
        Opcode op = m->kind == MethodKind::Get   ? Opcode::DefineClassGetter
                    : m->kind == MethodKind::Set ? Opcode::DefineClassSetter
                                                 : Opcode::DefineMethod;
        emit_.emit(op, target, key, fn);
        continue;
      }
      if (element->kind == NodeKind::PropertyDefinition) {
        auto* p = as<PropertyDefinition>(element);
        uint16_t key = temp();
        bool is_private = p->key->kind == NodeKind::PrivateIdentifier;
        std::string key_name;
        if (is_private) load_string(key, as<PrivateIdentifier>(p->key)->name->text);
        else {
          Temps k(*this);
          uint16_t computed = property_key(p->key, p->computed, &key_name);
          emit_.emit(Opcode::Move, key, computed);
        }
        uint16_t init = temp();
        if (p->value) {
          const FunctionInfo* info = res_.function_of(p);
          if (!info) throw CompileError{"internal: field without resolver info", p->start};
          auto nested = std::make_unique<CompiledFunction>();
          FunctionCompiler(res_, *info, *nested).compile_field_initializer(p);
          nested->name = is_private ? "#" + std::string(as<PrivateIdentifier>(p->key)->name->text) : key_name;
          emit_.emit_bx(Opcode::NewClosure, init, emit_.add_function(std::move(nested)));
          emit_.emit(Opcode::SetHomeObject, init, p->is_static ? ctor : proto);
        } else {
          emit_.emit(Opcode::LoadUndefined, init);
        }
        if (p->is_static) {
          uint16_t value = temps(3);  // call: callee, this
          if (p->value) {
            emit_.emit(Opcode::Move, value, init);
            emit_.emit(Opcode::Move, uint16_t(value + 1), ctor);
            emit_.emit(Opcode::Call, value, value, 0);
          } else {
            emit_.emit(Opcode::LoadUndefined, value);
          }
          if (is_private) emit_.emit(Opcode::DefinePrivate, ctor, ic(as<PrivateIdentifier>(p->key)->name), value);
          else emit_.emit(Opcode::DefineField, ctor, key, value);
          continue;
        }
        if (!has_fields) {
          emit_.emit(Opcode::NewArray, fields, 0, 0);
          has_fields = true;
        }
        uint16_t kind = temp();
        emit_.emit_bx(Opcode::LoadInt, kind, is_private ? 4u : 0u);
        emit_.emit(Opcode::ArrayPush, fields, key);
        emit_.emit(Opcode::ArrayPush, fields, init);
        emit_.emit(Opcode::ArrayPush, fields, kind);
        continue;
      }
      if (element->kind == NodeKind::StaticBlock) {
        auto* b = as<StaticBlock>(element);
        const FunctionInfo* info = res_.function_of(b);
        if (!info) throw CompileError{"internal: static block without resolver info", b->start};
        auto nested = std::make_unique<CompiledFunction>();
        FunctionCompiler(res_, *info, *nested).compile_static_block(b);
        uint16_t call = temps(2);
        emit_.emit_bx(Opcode::NewClosure, call, emit_.add_function(std::move(nested)));
        emit_.emit(Opcode::SetHomeObject, call, ctor);
        emit_.emit(Opcode::Move, uint16_t(call + 1), ctor);
        emit_.emit(Opcode::Call, call, call, 0);
      }
    }
    if (has_fields) emit_.emit(Opcode::SetClassFields, ctor, fields);
    if (has_private) emit_.emit(Opcode::PopPrivateNames);
    if (heap) pop_scope();
    emit_.emit(Opcode::Move, out, ctor);
  }

  const ResolverResult& res_;
  const FunctionInfo& info_;
  CompiledFunction& fn_;
  Emitter emit_;
  uint16_t next_;  // the first free register
  uint16_t high_;  // one past the highest register used
  int heap_depth_ = 0;
  Label* chain_nullish_ = nullptr;  // where `?.` jumps when its object is nullish
  int completion_ = -1;  // scripts: the register holding the completion value (eval's result)
  uint16_t generator_ = 0;  // generators and async functions: the register holding their object
  bool is_async_ = false;
  bool is_async_generator_ = false;
  mutable std::unordered_map<const Node*, const Scope*> scope_by_node_;
};

}  // namespace

std::unique_ptr<CompiledFunction> compile_program(const Program* program, const ResolverResult& resolved) {
  auto top = std::make_unique<CompiledFunction>();
  FunctionCompiler(resolved, resolved.functions.at(0), *top).compile_program(program);
  return top;
}

}  // namespace glass
