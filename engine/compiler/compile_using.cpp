// `using` and `await using` declarations (explicit resource management,
// ECMA-262 2026 §14.3.1, §9.x DisposeResources).
//
// A block, function body, module, `for (using ...;;)` statement or
// `for (using x of ...)` iteration that declares them gets a dispose scope:
// a register holding a DisposeCapability (CreateDisposeScope). Each binding
// adds its value to it (AddDisposable), and the code runs inside a Finally
// control (with_finally) whose finally part is DisposeResources, so the
// resources are disposed, last first, however the code ends: normally, by a
// throw (which a disposal error then suppresses: SuppressedError), or by
// break, continue or return. For `await using` the disposal is awaited
// unless no async resource was added.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

namespace {

bool declares_using(const NodeList& body) {
  for (Node* s : body)
    if (s->kind == NodeKind::VariableDeclaration && is_using(as<VariableDeclaration>(s)->kind_)) return true;
  return false;
}

bool declares_await_using(const NodeList& body) {
  for (Node* s : body)
    if (s->kind == NodeKind::VariableDeclaration && as<VariableDeclaration>(s)->kind_ == VarKind::AwaitUsing) return true;
  return false;
}

}  // namespace

void FunctionCompiler::statement_list(const NodeList& body) {
  if (!declares_using(body)) {
    for (Node* statement : body) compile_statement(statement);
    return;
  }
  with_disposal(declares_await_using(body), [&] {
    for (Node* statement : body) compile_statement(statement);
  });
}

void FunctionCompiler::with_disposal(bool async, const std::function<void()>& body) {
  uint16_t scope = temp();
  emit_.emit(Opcode::CreateDisposeScope, scope);
  int saved = dispose_scope_;
  dispose_scope_ = scope;
  with_finally(body, [&](uint16_t kind, uint16_t value) {
    dispose_scope_ = saved;
    if (!async) {
      emit_.emit(Opcode::DisposeResources, scope, kind, value);
      return;
    }
    // r[scope] = undefined (disposed, nothing to await) or the disposal's promise.
    Temps t(*this);
    Label done;
    emit_.emit(Opcode::DisposeResourcesAsync, scope, kind, value);
    emit_.emit_jump(Opcode::JumpIfNullish, scope, done);
    uint16_t awaited = temps(2);
    await_into(awaited, scope);
    emit_.bind(done);
  });
  dispose_scope_ = saved;
}

void FunctionCompiler::add_disposable(uint16_t value, VarKind kind) {
  if (dispose_scope_ < 0) unsupported(nullptr, "a using declaration outside a dispose scope");
  emit_.emit(Opcode::AddDisposable, uint16_t(dispose_scope_), value, kind == VarKind::AwaitUsing ? 1 : 0);
}

void FunctionCompiler::using_binding(const VariableDeclaration* d, const VariableDeclarator* v) {
  // §14.3.1.2 LexicalBinding : BindingIdentifier Initializer — the value
  // (NamedEvaluation), then InitializeReferencedBinding(lhs, value, hint),
  // which adds the resource before the binding leaves its TDZ.
  std::string name(as<Identifier>(v->id)->name->text);
  uint16_t value = named_expr(v->init, -1, name);
  add_disposable(value, d->kind_);
  store(v->id, value, true);
}

}  // namespace glass::compiling
