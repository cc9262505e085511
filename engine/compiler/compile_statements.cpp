// Statements and the control flow between them (see compiler.cpp for how break/continue/return cross finally blocks).
#include "compiler/compiler_internal.h"

namespace glass::compiling {

void FunctionCompiler::jump_out(int target, bool is_continue, uint16_t value) {
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
    if (c.iterator >= 0) close_iterator(c);
  }
  if (target < 0) {
    emit_return(value);
    return;
  }
  Control& t = controls_[size_t(target)];
  if (!is_continue && t.iterator >= 0) close_iterator(t);
  for (int d = heap_depth_; d > t.heap_depth; --d) emit_.emit(Opcode::PopScope);
  emit_.emit_jump(Opcode::Jump, 0, is_continue ? *t.continue_label : *t.break_label);
}

void FunctionCompiler::close_iterator(const Control& c) {
  if (c.iterator_done >= 0) {  // a destructuring's iterator, unless it is done
    Label skip;
    emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(c.iterator_done), skip);
    emit_.emit(Opcode::IteratorClose, uint16_t(c.iterator));
    emit_.bind(skip);
    return;
  }
  if (!c.async_iterator) {
    emit_.emit(Opcode::IteratorClose, uint16_t(c.iterator));
    return;
  }
  // §7.4.13 AsyncIteratorClose: call return(), await its result, which must be an object.
  Temps t(*this);
  uint16_t call = temps(2), awaited = temps(2);
  Label no_return;
  emit_.emit(Opcode::GetNamed, call, uint16_t(c.iterator), ic(&kReturnAtom));
  emit_.emit_jump(Opcode::JumpIfNullish, call, no_return);
  emit_.emit(Opcode::Move, uint16_t(call + 1), uint16_t(c.iterator));
  emit_.emit(Opcode::Call, awaited, call, 0);
  await_into(awaited, awaited);
  emit_.emit(Opcode::RequireIterResult, awaited);
  emit_.bind(no_return);
}

int FunctionCompiler::find_target(const Node* s, Node* label, bool is_continue) {
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

void FunctionCompiler::compile_statement(Node* s) {
  Temps t(*this);
  // Where a debugger can stop: every statement that does something itself.
  // A block or a `try` only holds statements (which are places of their
  // own); a function declaration was hoisted; a label labels one.
  switch (s->kind) {
    case NodeKind::FunctionDeclaration:
    case NodeKind::EmptyStatement:
    case NodeKind::LabeledStatement:
    case NodeKind::BlockStatement:
    case NodeKind::TryStatement: break;
    default: emit_.set_position(s->start, true);
  }
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
    case NodeKind::ImportDeclaration:
    case NodeKind::ExportNamedDeclaration:
    case NodeKind::ExportDefaultDeclaration:
    case NodeKind::ExportAllDeclaration: return module_statement(s);
    case NodeKind::EmptyStatement: return;
    case NodeKind::DebuggerStatement: emit_.emit(Opcode::Debugger); return;
    case NodeKind::BlockStatement: return block(as<BlockStatement>(s));
    case NodeKind::ReturnStatement: {
      auto* r = as<ReturnStatement>(s);
      uint16_t v;
      if (r->argument) {
        v = expr(r->argument);
        if (is_async_generator_) {  // an async generator's `return x` awaits x (§14.10.1)
          uint16_t awaited = temps(2);
          await_into(awaited, v);
          v = awaited;
        }
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
      sub_statement(i->consequent);
      if (i->alternate) emit_.emit_jump(Opcode::Jump, 0, end);
      emit_.bind(otherwise);
      if (i->alternate) sub_statement(i->alternate);
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
        emit_.set_position(d->test->start, true);  // each test is a place to stop
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
    case NodeKind::WithStatement: {
      // §14.11.2: the body runs with the object's properties as names in front.
      auto* w = as<WithStatement>(s);
      {
        Temps t(*this);
        emit_.emit(Opcode::PushWithScope, expr(w->object));
      }
      ++heap_depth_;
      int code_scope = open_code_scope(nullptr, bytecode::ScopeKind::With);
      fn_.scopes[size_t(code_scope)].heap_depth = uint16_t(heap_depth_);
      if (completion_ >= 0) emit_.emit(Opcode::LoadUndefined, uint16_t(completion_));
      compile_statement(w->body);
      pop_scope();
      close_code_scope(code_scope);
      return;
    }
    default:
      unsupported(s, std::string(kind_name(s->kind)));
  }
}

bool FunctionCompiler::is_loop(const Node* s) {
  switch (s->kind) {
    case NodeKind::WhileStatement: case NodeKind::DoWhileStatement: case NodeKind::ForStatement:
    case NodeKind::ForInStatement: case NodeKind::ForOfStatement:
      return true;
    default:
      return false;
  }
}

void FunctionCompiler::annex_b_copy(const Function* f) {
  auto it = res_.annex_b.find(f);
  if (it == res_.annex_b.end() || !it->second.var || !it->second.lexical) return;
  Temps t(*this);
  uint16_t r = temp();
  load(as<Identifier>(f->id), r);
  if (it->second.through_eval_var) return store_resolved(as<Identifier>(f->id), it->second.eval_var, r, false);
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

// B.3.3 FunctionDeclarations in IfStatement Statement Clauses: `if (x)
// function f() {}` runs as `if (x) { function f() {} }` — the resolver gave
// the function a Block scope of its own (keyed by the function node, like
// the function's own scope), where it is instantiated before its var copy.
void FunctionCompiler::sub_statement(Node* s) {
  if (s->kind != NodeKind::FunctionDeclaration) return compile_statement(s);
  const Scope* wrapper = nullptr;
  for (const ScopeInfo& info : res_.scopes)
    if (info.scope && info.scope->node == s && info.scope->kind == ScopeKind::Block) wrapper = info.scope;
  EnteredScope entered = enter_block_scope(wrapper);
  hoist_function(as<Function>(s));
  compile_statement(s);
  leave_block_scope(entered);
}

void FunctionCompiler::block(const BlockStatement* b) {
  EnteredScope heap = enter_block_scope(b);
  hoist_functions(b->body);
  statement_list(b->body);
  leave_block_scope(heap);
}

void FunctionCompiler::for_statement(const ForStatement* f) {
  const Scope* scope = scope_of(f);
  const ScopeInfo* info = scope ? res_.info(scope) : nullptr;
  EnteredScope heap = enter_block_scope(f);
  if (f->init && f->init->kind == NodeKind::VariableDeclaration && is_using(as<VariableDeclaration>(f->init)->kind_)) {
    // `for (using x = r; ...)`: x is disposed when the whole loop ends.
    with_disposal(as<VariableDeclaration>(f->init)->kind_ == VarKind::AwaitUsing, [&] { for_statement_loop(f, false); });
  } else {
    for_statement_loop(f, info && info->per_iteration_copy && heap.heap);
  }
  leave_block_scope(heap);
}

void FunctionCompiler::for_statement_loop(const ForStatement* f, bool copy) {
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
      emit_.set_position(f->test->start, true);  // each test is a place to stop
      emit_.emit_jump(Opcode::JumpIfFalse, expr(f->test), loop.break_label);
    }
    compile_statement(f->body);
    emit_.bind(loop.continue_label);
    if (copy) emit_.emit(Opcode::CloneScope);
    if (f->update) {
      Temps t(*this);
      emit_.set_position(f->update->start, true);
      expr(f->update);
    }
    emit_.emit_jump(Opcode::Jump, 0, top);
    emit_.bind(loop.break_label);
  }
}

void FunctionCompiler::for_in_of(const ForInOfStatement* f) {
  bool is_of = f->kind == NodeKind::ForOfStatement;
  uint16_t state = temps(2);  // enumerator / iterator + next method
  // B.3.5 Initializers in ForIn Statement Heads: `for (var a = init in o)`
  // assigns init to a once, before o is evaluated.
  if (!is_of && f->left->kind == NodeKind::VariableDeclaration) {
    auto* d = as<VariableDeclaration>(f->left);
    if (d->kind_ == VarKind::Var && as<VariableDeclarator>(d->declarations[0])->init) variable_declaration(d);
  }
  {
    // The right side sees the loop's bindings in their TDZ (§14.7.5.6 step 2).
    Temps t(*this);
    EnteredScope heap = enter_block_scope(f);
    uint16_t object = expr(f->right);
    emit_.emit(f->await ? Opcode::GetAsyncIterator : is_of ? Opcode::GetIterator : Opcode::ForInPrepare, state, object);
    leave_block_scope(heap);
  }
  uint16_t value = temps(2);  // the value, and for-of's done flag
  LoopScope loop(*this, is_of ? state : -1);
  controls_.back().async_iterator = f->await;
  emit_.bind(loop.continue_label);
  emit_.set_position(f->left->start, true);  // each iteration stops at the loop's variable
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
    EnteredScope heap = enter_block_scope(f);
    auto* d = f->left->kind == NodeKind::VariableDeclaration ? as<VariableDeclaration>(f->left) : nullptr;
    if (d && is_using(d->kind_)) {
      // `for (using x of xs)`: each iteration's x is disposed when the iteration ends.
      with_disposal(d->kind_ == VarKind::AwaitUsing, [&] {
        bind_pattern(as<VariableDeclarator>(d->declarations[0])->id, value, true);
        add_disposable(value, d->kind_);
        compile_statement(f->body);
      });
    } else {
      if (d) bind_pattern(as<VariableDeclarator>(d->declarations[0])->id, value, true);
      else bind_pattern(f->left, value, false);
      compile_statement(f->body);
    }
    leave_block_scope(heap);
  }
  emit_.emit_jump(Opcode::Jump, 0, loop.continue_label);
  uint32_t body_end = emit_.pc();
  if (is_of) {
    Label after;
    emit_.bind(loop.break_label);
    emit_.emit_jump(Opcode::Jump, 0, after);
    uint16_t exception = value;
    add_handler(body_start, body_end, exception, heap_depth_, bytecode::Handler::Kind::Rethrow);
    if (f->await) {
      // Closing after a throw: whatever return() does, the first exception wins.
      uint32_t close_start = emit_.pc();
      {
        Control c;
        c.iterator = state;
        c.async_iterator = true;
        close_iterator(c);
      }
      uint32_t close_end = emit_.pc();
      Label rethrow;
      emit_.emit_jump(Opcode::Jump, 0, rethrow);
      uint16_t ignored = temp();
      add_handler(close_start, close_end, ignored, heap_depth_, bytecode::Handler::Kind::Catch);
      emit_.bind(rethrow);
    } else {
      emit_.emit(Opcode::IteratorClose, state);
    }
    emit_.emit(Opcode::Throw, exception);
    emit_.bind(after);
  } else {
    emit_.bind(loop.break_label);
  }
}

void FunctionCompiler::add_handler(uint32_t start, uint32_t end, uint16_t reg, int depth, bytecode::Handler::Kind kind) {
  bytecode::Handler h;
  h.start = start;
  h.end = end;
  h.handler = emit_.pc();
  h.reg = reg;
  h.scope_depth = uint16_t(depth);
  h.kind = kind;
  fn_.handlers.push_back(h);
}

void FunctionCompiler::switch_statement(const SwitchStatement* s) {
  uint16_t discriminant = temp();
  expr(s->discriminant, discriminant);
  EnteredScope heap = enter_block_scope(s);
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
  leave_block_scope(heap);
}

void FunctionCompiler::try_statement(const TryStatement* t) {
  if (!t->finalizer) {
    try_catch(t);
    return;
  }
  with_finally([&] {
    if (t->handler) try_catch(t);
    else block(as<BlockStatement>(t->block));
  }, [&](uint16_t, uint16_t) { block(as<BlockStatement>(t->finalizer)); });
}

void FunctionCompiler::with_finally(const std::function<void()>& body,
                                    const std::function<void(uint16_t kind, uint16_t value)>& finally_part) {
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
  body();
  emit_.emit_bx(Opcode::LoadInt, kind, 0);
  emit_.emit_jump(Opcode::Jump, 0, entry);
  uint32_t end = emit_.pc();
  Control finally = std::move(controls_.back());
  controls_.pop_back();
  add_handler(start, end, value, heap_depth_, bytecode::Handler::Kind::Rethrow);
  emit_.emit_bx(Opcode::LoadInt, kind, 1);
  emit_.bind(entry);
  finally_part(kind, value);
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

void FunctionCompiler::try_catch(const TryStatement* t) {
  uint32_t start = emit_.pc();
  block(as<BlockStatement>(t->block));
  uint32_t end = emit_.pc();
  Label after;
  emit_.emit_jump(Opcode::Jump, 0, after);
  Temps tt(*this);
  uint16_t exception = temp();
  add_handler(start, end, exception, heap_depth_, bytecode::Handler::Kind::Catch);
  auto* c = as<CatchClause>(t->handler);
  EnteredScope heap = enter_block_scope(c);
  if (c->param) bind_pattern(c->param, exception, true);
  auto* body = as<BlockStatement>(c->body);
  EnteredScope body_heap = enter_block_scope(body);
  hoist_functions(body->body);
  for (Node* statement : body->body) compile_statement(statement);
  leave_block_scope(body_heap);
  leave_block_scope(heap);
  emit_.bind(after);
}

void FunctionCompiler::variable_declaration(const VariableDeclaration* d) {
  for (Node* node : d->declarations) {
    auto* v = as<VariableDeclarator>(node);
    Temps t(*this);
    // Each initializer is a place to stop, at the value (as V8 places it:
    // `const sum = a + b` stops at `a + b`).
    if (v->init) emit_.set_position(v->init->start, true);
    if (v->id->kind != NodeKind::Identifier) {
      uint16_t value = expr(v->init);
      bind_pattern(v->id, value, true);
      continue;
    }
    const Resolution& where = resolve(v->id);
    std::string name(as<Identifier>(v->id)->name->text);
    if (is_using(d->kind_)) {
      using_binding(d, v);
      continue;
    }
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

}  // namespace glass::compiling
