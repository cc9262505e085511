// The bytecode compiler (see compiler.h for the register discipline).
//
// Covered so far: literals (numbers, strings, booleans, null, bigints,
// regexps), identifiers wherever the resolver puts them (registers, heap
// scopes with TDZ checks, globals), this, every unary/binary/logical/
// conditional operator, assignment and compound assignment to names and
// members, ++/--, member access, calls (with `this` for method calls), new,
// array and object literals without spread, function declarations,
// expressions and arrows with simple parameters, var/let/const with simple
// names, blocks, if, while, do-while, for (without per-iteration copies),
// break/continue without labels, return, throw, debugger.
// Anything else throws CompileError("... not supported yet").
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

[[noreturn]] void unsupported(const Node* node, const std::string& what) {
  throw CompileError{what + " is not supported yet", node->start};
}

std::u16string to_u16(std::string_view utf8) {
  std::u16string out;
  unicode::utf8_to_utf16(utf8, out);
  return out;
}

class FunctionCompiler {
 public:
  FunctionCompiler(const ResolverResult& resolved, const FunctionInfo& info, CompiledFunction& out)
      : res_(resolved), info_(info), fn_(out), emit_(out), next_(info.locals_count), high_(info.locals_count) {}

  void compile_program(const Program* program) {
    fn_.name = program->module ? "<module>" : "<script>";
    fn_.strict = program->strict;
    enter_var_scope();
    hoist_functions(program->body);
    for (Node* statement : program->body) compile_statement(statement);
    uint16_t r = temp();
    emit_.emit(Opcode::LoadUndefined, r);
    emit_.emit(Opcode::Return, r);
    finish();
  }

  void compile_function(const Function* f) {
    fn_.name = f->id ? std::string(as<Identifier>(f->id)->name->text) : "";
    fn_.start = f->start;
    fn_.source_end = f->end;
    fn_.strict = f->strict;
    fn_.is_arrow = f->kind == NodeKind::ArrowFunctionExpression;
    fn_.param_count = info_.param_count;
    if (f->generator) unsupported(f, "generator functions");
    if (f->async) unsupported(f, "async functions");
    if (info_.needs_arguments_object) unsupported(f, "the arguments object");
    for (Node* p : f->params)
      if (p->kind != NodeKind::Identifier) unsupported(p, "destructuring, default and rest parameters");
    enter_var_scope();
    // Parameters a closure captures move from their argument register into
    // the function's heap scope (§10.2.11 step 21).
    for (Node* p : f->params) {
      const Resolution* r = res_.resolution_of(p);
      if (r && r->kind == Resolution::Scoped) {
        const BindingLocation* loc = res_.location_of(r->binding);
        emit_.emit(Opcode::SetScoped, loc->param_index, r->depth, r->index);
      }
    }
    if (f->expression) {
      emit_.set_position(f->body->start, true);
      uint16_t r = expr(f->body);
      emit_.emit(Opcode::Return, r);
    } else {
      auto* body = as<BlockStatement>(f->body);
      hoist_functions(body->body);
      for (Node* statement : body->body) compile_statement(statement);
      uint16_t r = temp();
      emit_.emit(Opcode::LoadUndefined, r);
      emit_.emit(Opcode::Return, r);
    }
    finish();
  }

 private:
  // ---- registers -----------------------------------------------------------
  uint16_t temp() {
    if (next_ == 0xFFFF) throw CompileError{"too many registers in one function", fn_.start};
    uint16_t r = next_++;
    if (next_ > high_) high_ = next_;
    return r;
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
  // let/const/class in registers start in their temporal dead zone.
  void init_lexicals(const Scope* scope) {
    for (const Binding& b : scope->bindings) {
      if (!is_lexical(b.kind) || b.kind == BindingKind::LexicalFunction || b.kind == BindingKind::Import) continue;
      const BindingLocation* loc = res_.location_of(&b);
      if (loc && loc->kind == BindingLocation::Register) emit_.emit(Opcode::LoadEmpty, loc->index);
    }
  }
  const Scope* scope_of(const Node* node) const {
    for (const ScopeInfo& s : res_.scopes)
      if (s.scope && s.scope->node == node) return s.scope;
    return nullptr;
  }

  // Function declarations are created when their scope is entered (§10.2.11 step 36).
  void hoist_functions(const NodeList& body) {
    for (Node* statement : body) {
      if (statement->kind != NodeKind::FunctionDeclaration) continue;
      auto* f = as<Function>(statement);
      Temps t(*this);
      uint16_t r = temp();
      closure(f, r);
      store(f->id, r, /*initialize=*/true);
    }
  }

  // ---- statements --------------------------------------------------------
  void compile_statement(Node* s) {
    Temps t(*this);
    // Declarations hoisted to scope entry and empty statements emit nothing here.
    if (s->kind != NodeKind::FunctionDeclaration && s->kind != NodeKind::EmptyStatement)
      emit_.set_position(s->start, true);
    switch (s->kind) {
      case NodeKind::ExpressionStatement: expr(as<ExpressionStatement>(s)->expression); return;
      case NodeKind::VariableDeclaration: return variable_declaration(as<VariableDeclaration>(s));
      case NodeKind::FunctionDeclaration: return;  // hoisted
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
        emit_.emit(Opcode::Return, v);
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
        Loop loop{heap_depth_};
        emit_.bind(loop.continue_label);
        emit_.emit_jump(Opcode::JumpIfFalse, expr(w->test), loop.break_label);
        loop_body(loop, w->body);
        emit_.emit_jump(Opcode::Jump, 0, loop.continue_label);
        emit_.bind(loop.break_label);
        return;
      }
      case NodeKind::DoWhileStatement: {
        auto* d = as<DoWhileStatement>(s);
        Loop loop{heap_depth_};
        Label top;
        emit_.bind(top);
        loop_body(loop, d->body);
        emit_.bind(loop.continue_label);
        emit_.emit_jump(Opcode::JumpIfTrue, expr(d->test), top);
        emit_.bind(loop.break_label);
        return;
      }
      case NodeKind::ForStatement: return for_statement(as<ForStatement>(s));
      case NodeKind::BreakStatement:
      case NodeKind::ContinueStatement: {
        bool is_break = s->kind == NodeKind::BreakStatement;
        Node* label = is_break ? as<BreakStatement>(s)->label : as<ContinueStatement>(s)->label;
        if (label) unsupported(s, "labelled break and continue");
        if (loops_.empty()) unsupported(s, "break inside switch");
        Loop& loop = *loops_.back();
        for (int d = heap_depth_; d > loop.heap_depth; --d) emit_.emit(Opcode::PopScope);
        emit_.emit_jump(Opcode::Jump, 0, is_break ? loop.break_label : loop.continue_label);
        return;
      }
      default:
        unsupported(s, std::string(kind_name(s->kind)));
    }
  }

  struct Loop {
    int heap_depth;
    Label break_label, continue_label;
  };
  void loop_body(Loop& loop, Node* body) {
    loops_.push_back(&loop);
    compile_statement(body);
    loops_.pop_back();
  }

  void block(const BlockStatement* b) {
    const Scope* scope = scope_of(b);
    const ScopeInfo* info = scope ? res_.info(scope) : nullptr;
    if (info && info->needs_heap_scope) push_scope(*info);
    if (scope) init_lexicals(scope);
    hoist_functions(b->body);
    for (Node* statement : b->body) compile_statement(statement);
    if (info && info->needs_heap_scope) {
      emit_.emit(Opcode::PopScope);
      --heap_depth_;
    }
  }

  void for_statement(const ForStatement* f) {
    const Scope* scope = scope_of(f);
    const ScopeInfo* info = scope ? res_.info(scope) : nullptr;
    if (info && info->per_iteration_copy) unsupported(f, "a for loop whose let bindings a closure captures");
    if (info && info->needs_heap_scope) push_scope(*info);
    if (scope) init_lexicals(scope);
    if (f->init) {
      Temps t(*this);
      if (f->init->kind == NodeKind::VariableDeclaration) variable_declaration(as<VariableDeclaration>(f->init));
      else expr(f->init);
    }
    Loop loop{heap_depth_};
    Label top;
    emit_.bind(top);
    if (f->test) {
      Temps t(*this);
      emit_.emit_jump(Opcode::JumpIfFalse, expr(f->test), loop.break_label);
    }
    loop_body(loop, f->body);
    emit_.bind(loop.continue_label);
    if (f->update) {
      Temps t(*this);
      expr(f->update);
    }
    emit_.emit_jump(Opcode::Jump, 0, top);
    emit_.bind(loop.break_label);
    if (info && info->needs_heap_scope) {
      emit_.emit(Opcode::PopScope);
      --heap_depth_;
    }
  }

  void variable_declaration(const VariableDeclaration* d) {
    for (Node* node : d->declarations) {
      auto* v = as<VariableDeclarator>(node);
      if (v->id->kind != NodeKind::Identifier) unsupported(v->id, "destructuring declarations");
      Temps t(*this);
      const Resolution& where = resolve(v->id);
      if (v->init && where.kind == Resolution::Local) {
        expr(v->init, where.index);  // straight into the variable's register
      } else if (v->init) {
        store(v->id, expr(v->init), true);
      } else if (d->kind_ != VarKind::Var) {
        uint16_t r = temp();
        emit_.emit(Opcode::LoadUndefined, r);
        store(v->id, r, true);
      }
    }
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
    }
    switch (r.kind) {
      case Resolution::Local:
        if (value != r.index) emit_.emit(Opcode::Move, r.index, value);
        return;
      case Resolution::Scoped: emit_.emit(Opcode::SetScoped, value, r.depth, r.index); return;
      default: emit_.emit(Opcode::SetGlobal, value, ic(id->name)); return;
    }
  }

  void closure(const Function* f, uint16_t dst) {
    const FunctionInfo* info = res_.function_of(f);
    if (!info) throw CompileError{"internal: function without resolver info", f->start};
    auto nested = std::make_unique<CompiledFunction>();
    FunctionCompiler(res_, *info, *nested).compile_function(f);
    emit_.emit_bx(Opcode::NewClosure, dst, emit_.add_function(std::move(nested)));
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
        if (r && r->kind == Resolution::Scoped) emit_.emit(Opcode::GetScoped, out, r->depth, r->index);
        else emit_.emit(Opcode::LoadThis, out);
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
        expr(c->consequent, out);
        emit_.emit_jump(Opcode::Jump, 0, end);
        emit_.bind(otherwise);
        expr(c->alternate, out);
        emit_.bind(end);
        return out;
      }
      case NodeKind::UnaryExpression: return unary(as<UnaryExpression>(e), dst);
      case NodeKind::UpdateExpression: return update(as<UpdateExpression>(e), dst);
      case NodeKind::AssignmentExpression: return assignment(as<AssignmentExpression>(e), dst);
      case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(e);
        if (m->optional) unsupported(e, "optional chaining");
        if (m->object->kind == NodeKind::Super) unsupported(e, "super");
        uint16_t out = into(dst);
        Temps t(*this);
        uint16_t object = expr(m->object);
        if (m->computed) {
          uint16_t key = expr(m->property);
          emit_.emit(Opcode::GetIndexed, out, object, key);
        } else {
          if (m->property->kind != NodeKind::Identifier) unsupported(e, "private names");
          emit_.emit(Opcode::GetNamed, out, object, ic(as<Identifier>(m->property)->name));
        }
        return out;
      }
      case NodeKind::CallExpression: return call(as<CallExpression>(e), dst, false);
      case NodeKind::NewExpression: return call(e, dst, true);
      case NodeKind::ArrayExpression: {
        auto* a = as<ArrayExpression>(e);
        uint16_t out = into(dst);
        Temps t(*this);
        uint16_t first = next_;
        for (Node* element : a->elements) {
          if (!element) unsupported(e, "array holes");
          if (element->kind == NodeKind::SpreadElement) unsupported(element, "spread");
          expr(element, temp());
        }
        emit_.emit(Opcode::NewArray, out, first, uint16_t(a->elements.size()));
        return out;
      }
      case NodeKind::ObjectExpression: {
        auto* o = as<ObjectExpression>(e);
        uint16_t out = into(dst);
        emit_.emit(Opcode::NewObject, out);
        for (Node* p : o->properties) {
          if (p->kind != NodeKind::Property) unsupported(p, "spread");
          auto* prop = as<Property>(p);
          if (prop->kind != PropertyKind::Init) unsupported(p, "getters and setters");
          Temps t(*this);
          uint16_t key = temp();
          if (prop->computed) {
            expr(prop->key, key);
          } else if (prop->key->kind == NodeKind::Identifier) {
            emit_.emit_bx(Opcode::LoadConst, key,
                          constant(Constant::of_string(to_u16(as<Identifier>(prop->key)->name->text))));
          } else {
            expr(prop->key, key);
          }
          uint16_t value = expr(prop->value);
          emit_.emit(Opcode::DefineField, out, key, value);
        }
        return out;
      }
      case NodeKind::FunctionExpression:
      case NodeKind::ArrowFunctionExpression: {
        uint16_t out = into(dst);
        closure(as<Function>(e), out);
        return out;
      }
      default:
        unsupported(e, std::string(kind_name(e->kind)));
    }
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
    if (b->left->kind == NodeKind::PrivateIdentifier) unsupported(b, "#x in obj");
    uint16_t out = into(dst);
    Temps t(*this);
    uint16_t left = operand(b->left, b->right);
    uint16_t right = expr(b->right);
    emit_.emit(binary_opcode(b->op), out, left, right);
    return out;
  }

  uint16_t logical(LogicalExpression* l, int dst) {
    uint16_t out = into(dst);
    Label end;
    expr(l->left, out);
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
        if (arg->kind == NodeKind::MemberExpression && !as<MemberExpression>(arg)->optional) {
          auto* m = as<MemberExpression>(arg);
          uint16_t object = expr(m->object);
          uint16_t key = temp();
          if (m->computed) expr(m->property, key);
          else emit_.emit_bx(Opcode::LoadConst, key, constant(Constant::of_string(to_u16(as<Identifier>(m->property)->name->text))));
          emit_.emit(Opcode::DeleteIndexed, out, object, key);
          return out;
        }
        if (arg->kind == NodeKind::Identifier) unsupported(u, "delete of a name");
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

  // A reference to assign through: a name, or an object and a key.
  struct Target {
    Node* name = nullptr;  // Identifier
    uint16_t object = 0, key = 0;
    Atom named = nullptr;  // non-computed member
  };
  Target target(Node* node) {
    if (node->kind == NodeKind::Identifier) return Target{node};
    if (node->kind != NodeKind::MemberExpression) unsupported(node, "destructuring assignment");
    auto* m = as<MemberExpression>(node);
    if (m->object->kind == NodeKind::Super) unsupported(node, "super");
    Target t;
    t.object = expr(m->object);
    if (m->computed) {
      t.key = expr(m->property);
      if (t.key < info_.locals_count) {  // the key must not change under us
        uint16_t copy = temp();
        emit_.emit(Opcode::Move, copy, t.key);
        t.key = copy;
      }
    } else {
      if (m->property->kind != NodeKind::Identifier) unsupported(node, "private names");
      t.named = as<Identifier>(m->property)->name;
    }
    return t;
  }
  uint16_t read(const Target& t, int dst) {
    if (t.name) return load(as<Identifier>(t.name), dst);
    uint16_t out = into(dst);
    if (t.named) emit_.emit(Opcode::GetNamed, out, t.object, ic(t.named));
    else emit_.emit(Opcode::GetIndexed, out, t.object, t.key);
    return out;
  }
  void write(const Target& t, uint16_t value) {
    if (t.name) return store(t.name, value, false);
    if (t.named) emit_.emit(Opcode::SetNamed, t.object, ic(t.named), value);
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
    if (a->op == AssignOp::And || a->op == AssignOp::Or || a->op == AssignOp::Coalesce)
      unsupported(a, "logical assignment");
    uint16_t out = into(dst);
    Temps t(*this);
    Target where = target(a->left);
    if (a->op == AssignOp::Assign) {
      expr(a->right, out);
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
      case NodeKind::MemberExpression: {
        auto* m = as<MemberExpression>(const_cast<Node*>(callee));
        std::string object = describe_callee(m->object);
        if (m->computed) return object + "[...]";
        if (m->property->kind == NodeKind::Identifier) return object + "." + std::string(as<Identifier>(m->property)->name->text);
        return object + ".#private";
      }
      default: return "(intermediate value)";
    }
  }

  // Call A B C: callee in r[B], this in r[B+1], C arguments from r[B+2].
  uint16_t call(Node* e, int dst, bool construct) {
    Node* callee = construct ? as<NewExpression>(e)->callee : as<CallExpression>(e)->callee;
    const NodeList& args = construct ? as<NewExpression>(e)->arguments : as<CallExpression>(e)->arguments;
    if (!construct && as<CallExpression>(e)->optional) unsupported(e, "optional calls");
    if (callee->kind == NodeKind::Super) unsupported(e, "super()");
    uint16_t out = into(dst);
    Temps t(*this);
    uint16_t base = temp();
    uint16_t self = temp();
    if (!construct && callee->kind == NodeKind::MemberExpression && !as<MemberExpression>(callee)->optional &&
        as<MemberExpression>(callee)->object->kind != NodeKind::Super) {
      auto* m = as<MemberExpression>(callee);
      expr(m->object, self);
      if (m->computed) {
        Temps k(*this);
        emit_.emit(Opcode::GetIndexed, base, self, expr(m->property));
      } else {
        if (m->property->kind != NodeKind::Identifier) unsupported(callee, "private names");
        emit_.emit(Opcode::GetNamed, base, self, ic(as<Identifier>(m->property)->name));
      }
    } else {
      expr(callee, base);
      emit_.emit(Opcode::LoadUndefined, self);
    }
    for (Node* arg : args) {
      if (arg->kind == NodeKind::SpreadElement) unsupported(arg, "spread arguments");
      expr(arg, temp());
    }
    emit_.set_position(e->start, false);
    uint32_t at = emit_.emit(construct ? Opcode::New : Opcode::Call, out, base, uint16_t(args.size()));
    fn_.callee_names.emplace_back(at, describe_callee(callee));
    return out;
  }

  const ResolverResult& res_;
  const FunctionInfo& info_;
  CompiledFunction& fn_;
  Emitter emit_;
  uint16_t next_;  // the first free register
  uint16_t high_;  // one past the highest register used
  int heap_depth_ = 0;
  std::vector<Loop*> loops_;
};

}  // namespace

std::unique_ptr<CompiledFunction> compile_program(const Program* program, const ResolverResult& resolved) {
  auto top = std::make_unique<CompiledFunction>();
  FunctionCompiler(resolved, resolved.functions.at(0), *top).compile_program(program);
  return top;
}

}  // namespace glass
