// Calls and `new`: callee and `this`, argument registers, spread arguments.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

std::string FunctionCompiler::describe_callee(const Node* callee) {
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

void FunctionCompiler::callee_and_this(Node* callee, uint16_t base, uint16_t self) {
  Node* c = callee;
  if (c->kind == NodeKind::MemberExpression) {  // (a.b)() keeps a as this: parentheses do not take the reference apart
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
  if (c->kind == NodeKind::Identifier && resolve(c).is_dynamic()) {
    // A function found on a `with` object is called with that object as this.
    auto* id = as<Identifier>(c);
    const Resolution& r = resolve(c);
    Temps k(*this);
    uint16_t found = find_name(id, r);
    Label static_path, end;
    emit_.emit_jump(Opcode::JumpIfEmpty, found, static_path);
    emit_.emit(Opcode::GetNamed, base, found, ic(id->name));
    emit_.emit(Opcode::Move, self, uint16_t(found + 1));
    emit_.emit_jump(Opcode::Jump, 0, end);
    emit_.bind(static_path);
    load_static(id, r, base);
    emit_.emit(Opcode::LoadUndefined, self);
    emit_.bind(end);
    return;
  }
  expr(callee, base);
  emit_.emit(Opcode::LoadUndefined, self);
}

// Where a call is said to be (stack traces, a caller's frame in the
// debugger), as V8 places it: a named method at its name (`o.f()` at `f`),
// a plain function at its name, anything else at the `(`; `new` at `new`.
static SourcePos call_position(Node* e, bool construct) {
  if (construct) return e->start;
  auto* call = as<CallExpression>(e);
  if (call->callee->kind == NodeKind::Identifier) return e->start;
  if (call->callee->kind == NodeKind::MemberExpression && !as<MemberExpression>(call->callee)->computed)
    return as<MemberExpression>(call->callee)->property->start;
  return call->open_paren.offset ? call->open_paren : e->start;
}

uint16_t FunctionCompiler::call(Node* e, int dst, bool construct) {
  Node* callee = construct ? as<NewExpression>(e)->callee : as<CallExpression>(e)->callee;
  const NodeList& args = construct ? as<NewExpression>(e)->arguments : as<CallExpression>(e)->arguments;
  bool direct_eval = !construct && callee->kind == NodeKind::Identifier &&
                     as<Identifier>(callee)->name->text == "eval" && !as<CallExpression>(e)->optional;
  // Many arguments go through an array, as a spread does (kMaxRegisterRun); a direct eval keeps its own opcode.
  bool spread = args.size() > kMaxRegisterRun && !direct_eval;
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
    emit_.set_position(call_position(e, construct), false);
    at = emit_.emit(construct ? Opcode::NewSpread : Opcode::CallArray, out, base);
  } else {
    for (Node* arg : args) expr(arg, temp());
    emit_.set_position(call_position(e, construct), false);
    at = emit_.emit(construct ? Opcode::New : direct_eval ? Opcode::CallEval : Opcode::Call, out, base,
                    uint16_t(args.size()));
    if (direct_eval) {
      auto site = res_.eval_sites.find(e);
      if (site == res_.eval_sites.end()) throw CompileError{"internal: direct eval without a site", e->start};
      fn_.eval_sites.push_back(site->second);
      fn_.eval_sites.back().pc = at;
    }
  }
  fn_.callee_names.emplace_back(at, describe_callee(callee));
  return out;
}

uint16_t FunctionCompiler::arguments_array(const NodeList& args, int dst) {
  uint16_t list = into(dst);
  emit_.emit(Opcode::NewArray, list, 0, 0);
  for (Node* arg : args) {
    Temps tt(*this);
    if (arg->kind == NodeKind::SpreadElement) emit_.emit(Opcode::ArraySpread, list, expr(as<SpreadElement>(arg)->argument));
    else emit_.emit(Opcode::ArrayPush, list, expr(arg));
  }
  return list;
}

}  // namespace glass::compiling
