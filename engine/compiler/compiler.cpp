// The bytecode compiler's entry points: a program, and a function's
// prologue and body. compiler_internal.h lists where the rest lives; see
// compiler.h for the register discipline.
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
#include "compiler/compiler.h"

#include <stdexcept>

#include "compiler/compiler_internal.h"
#include "unicode/unicode.h"

namespace glass::compiling {

void unsupported(const Node* node, const std::string& what) {
  throw CompileError{what + " is not supported yet", node->start};
}

std::u16string to_u16(std::string_view utf8) {
  std::u16string out;
  unicode::utf8_to_utf16(utf8, out);
  return out;
}

void FunctionCompiler::compile_program(const Program* program) {
  fn_.name = program->module ? "<module>" : "<script>";
  fn_.strict = program->strict;
  completion_ = temp();  // reserved for the whole script
  emit_.emit(Opcode::LoadUndefined, uint16_t(completion_));
  // Top-level let/const/class live in the global declarative record,
  // shared by every script of the realm (§16.1.7 GlobalDeclarationInstantiation).
  if (res_.eval_outer) {
    // Direct eval code: let/const/class are its own (locals); a sloppy eval's
    // vars and functions are declared in the caller's var scope (§19.2.1.3).
    if (!program->strict && info_.scope) {
      Constant vars;
      vars.kind = Constant::Kind::Scope;
      const bytecode::EvalSite& site = *res_.eval_outer;
      auto in_var_scope = [&](std::string_view name) {  // already a binding there: nothing to add
        if (site.var_level < 0) return false;
        for (const auto& n : site.levels[size_t(site.var_level)].names)
          if (n.name == name) return true;
        return false;
      };
      for (const Binding& b : info_.scope->bindings)
        if ((b.kind == BindingKind::Var || b.kind == BindingKind::VarFunction) && !in_var_scope(b.name->text))
          vars.names.emplace_back(b.name->text);
      if (!vars.names.empty()) {
        if (res_.eval_outer->var_level >= 0)
          emit_.emit_bx(Opcode::DeclareEvalVars, uint16_t(res_.eval_outer->var_level), constant(vars));
        else
          emit_.emit_bx(Opcode::DeclareGlobals, 3, constant(vars));
      }
    }
  } else if (!program->module && info_.scope) {
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
  if (program->module) return compile_module_body(program);
  enter_var_scope();
  hoist_functions(program->body);
  for (Node* statement : program->body) compile_statement(statement);
  emit_.emit(Opcode::Return, uint16_t(completion_));
  finish();
}

// A module's body: a function the linker closes over the module environment.
// With top-level await it is an async function (its promise is the
// module's evaluation, §16.2.1.5.3.1 ExecuteAsyncModule).
void FunctionCompiler::compile_module_body(const Program* program) {
  build_module_info(program);
  fn_.is_async = program->has_top_level_await;
  uint32_t async_start = emit_.pc();
  if (fn_.is_async) {
    generator_ = temp();
    emit_.emit(Opcode::CreateGenerator, generator_);
    is_async_ = true;
  }
  enter_var_scope();
  hoist_functions(program->body);
  statement_list(program->body);
  uint16_t r = temp();
  emit_.emit(Opcode::LoadUndefined, r);
  emit_return(r);
  if (fn_.is_async) {
    uint32_t async_end = emit_.pc();
    uint16_t error = temp();
    add_handler(async_start, async_end, error, 0, bytecode::Handler::Kind::AsyncFunction);
    emit_.emit(Opcode::AsyncReturn, error, 1);
  }
  finish();
}

void FunctionCompiler::compile_function(const Function* f, const FunctionRole& role) {
  fn_.name = f->id ? std::string(as<Identifier>(f->id)->name->text) : role.name;
  fn_.start = role.source_start ? *role.source_start : f->start;
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
  if (info_.mapped_arguments && fn_.arguments_register != CompiledFunction::kNoRegister) {
    // Every parameter is in a slot; arguments[i] aliases the last parameter
    // of that position's name (§10.4.4.7 step 17).
    for (uint32_t i = 0; i < f->params.size(); ++i) {
      const Resolution* r = res_.resolution_of(f->params[i]);
      const BindingLocation* loc = r ? res_.location_of(r->binding) : nullptr;
      bool mapped = loc && loc->kind == BindingLocation::Slot && loc->param_index == i;
      fn_.mapped_argument_slots.push_back(mapped ? loc->index : CompiledFunction::kNoRegister);
    }
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
  if (!fn_.mapped_argument_slots.empty()) emit_.emit(Opcode::MapArguments, fn_.arguments_register);
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
    statement_list(body->body);
    emit_.set_position(body->close, true);  // the implicit `return;`: a step stops at the `}`
    uint16_t r = temp();
    emit_.emit(Opcode::LoadUndefined, r);
    emit_return(r);
  }
  if (f->async && !f->generator) {
    uint32_t async_end = emit_.pc();
    uint16_t error = temp();
    add_handler(async_start, async_end, error, 0, bytecode::Handler::Kind::AsyncFunction);
    emit_.emit(Opcode::AsyncReturn, error, 1);
  }
  finish();
}

}  // namespace glass::compiling

namespace glass {

std::unique_ptr<bytecode::CompiledFunction> compile_program(const ast::Program* program, const ResolverResult& resolved) {
  auto top = std::make_unique<bytecode::CompiledFunction>();
  try {
    compiling::FunctionCompiler(resolved, resolved.functions.at(0), *top).compile_program(program);
  } catch (const std::length_error& e) {  // a table past what its operands can index (Emitter::add_ic)
    throw CompileError{e.what(), program->start};
  }
  return top;
}

}  // namespace glass
