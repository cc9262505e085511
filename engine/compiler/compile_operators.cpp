// Operators: unary, binary and logical, assignment targets, compound assignment and ++/--.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

bool FunctionCompiler::may_write_locals(const Node* e) {
  switch (e->kind) {
    case NodeKind::Identifier: case NodeKind::NumericLiteral: case NodeKind::StringLiteral:
    case NodeKind::BooleanLiteral: case NodeKind::NullLiteral: case NodeKind::ThisExpression:
      return false;
    default:
      return true;
  }
}

uint16_t FunctionCompiler::operand(Node* left, Node* right) {
  uint16_t r = expr(left);
  if (r < info_.locals_count && may_write_locals(right)) {
    uint16_t copy = temp();
    emit_.emit(Opcode::Move, copy, r);
    return copy;
  }
  return r;
}

Opcode FunctionCompiler::binary_opcode(BinaryOp op) {
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

uint16_t FunctionCompiler::binary(BinaryExpression* b, int dst) {
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

uint16_t FunctionCompiler::logical(LogicalExpression* l, int dst) {
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

uint16_t FunctionCompiler::unary(UnaryExpression* u, int dst) {
  uint16_t out = into(dst);
  Temps t(*this);
  switch (u->op) {
    case UnaryOp::Typeof:
      if (u->argument->kind == NodeKind::Identifier) {
        const Resolution& r = resolve(u->argument);
        if (r.is_dynamic()) {
          auto* id = as<Identifier>(u->argument);
          uint16_t found = find_name(id, r);
          uint16_t value = temp();
          Label static_path, end;
          emit_.emit_jump(Opcode::JumpIfEmpty, found, static_path);
          emit_.emit(Opcode::GetNamed, value, found, ic(id->name));
          emit_.emit(Opcode::Typeof, out, value);
          emit_.emit_jump(Opcode::Jump, 0, end);
          emit_.bind(static_path);
          if (r.kind == Resolution::Global && !r.global_lexical) {
            emit_.emit(Opcode::TypeofGlobal, out, ic(id->name));
          } else {
            emit_.emit(Opcode::Typeof, out, load_static(id, r, value));
          }
          emit_.bind(end);
          return out;
        }
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
        Label end;
        if (r.is_dynamic()) {  // a name on a `with` object or an eval var can be deleted
          auto* id = as<Identifier>(arg);
          uint16_t found = find_name(id, r);
          uint16_t key = temp();
          Label static_path;
          emit_.emit_jump(Opcode::JumpIfEmpty, found, static_path);
          load_string(key, id->name->text);
          emit_.emit(Opcode::DeleteIndexed, out, found, key);
          emit_.emit_jump(Opcode::Jump, 0, end);
          emit_.bind(static_path);
        }
        if (r.kind == Resolution::Global && !r.binding) {
          emit_.emit(Opcode::DeleteGlobal, out, ic(as<Identifier>(arg)->name));
          emit_.bind(end);
          return out;
        }
        emit_.emit(Opcode::LoadFalse, out);  // declared bindings cannot be deleted
        emit_.bind(end);
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
    case UnaryOp::Plus: emit_.emit(Opcode::ToNumber, out, expr(u->argument)); return out;  // +1n throws
    case UnaryOp::Not: emit_.emit(Opcode::Not, out, expr(u->argument)); return out;
    case UnaryOp::BitNot: emit_.emit(Opcode::BitNot, out, expr(u->argument)); return out;
  }
  return out;
}

FunctionCompiler::Target FunctionCompiler::target(Node* node) {
  if (node->kind == NodeKind::Identifier) {
    Target t{node};
    const Resolution& r = resolve(as<Identifier>(node));
    if (r.is_dynamic()) t.found = find_name(as<Identifier>(node), r);
    return t;
  }
  if (node->kind == NodeKind::CallExpression) {
    // Runtime Errors for Function Call Assignment Targets (web compatibility,
    // sloppy code only; the parser rejects it in strict code): the call is
    // made, then a ReferenceError is thrown before anything else.
    Target t;
    t.object = expr(node);
    t.key = t.object;
    emit_.emit(Opcode::ThrowInvalidAssignment);
    return t;
  }
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

uint16_t FunctionCompiler::read(const Target& t, int dst) {
  if (t.name && t.found >= 0) {
    auto* id = as<Identifier>(t.name);
    uint16_t out = into(dst);
    Label static_path, end;
    emit_.emit_jump(Opcode::JumpIfEmpty, uint16_t(t.found), static_path);
    emit_.emit(Opcode::GetNamed, out, uint16_t(t.found), ic(id->name));
    emit_.emit_jump(Opcode::Jump, 0, end);
    emit_.bind(static_path);
    load_static(id, resolve(id), out);
    emit_.bind(end);
    return out;
  }
  if (t.name) return load(as<Identifier>(t.name), dst);
  uint16_t out = into(dst);
  if (t.is_super) emit_.emit(Opcode::GetSuper, out, t.key);
  else if (t.private_name) emit_.emit(Opcode::GetPrivate, out, t.object, ic(t.private_name));
  else if (t.named) emit_.emit(Opcode::GetNamed, out, t.object, ic(t.named));
  else emit_.emit(Opcode::GetIndexed, out, t.object, t.key);
  return out;
}

void FunctionCompiler::write(const Target& t, uint16_t value) {
  if (t.name && t.found >= 0) {
    auto* id = as<Identifier>(t.name);
    Label static_path, end;
    emit_.emit_jump(Opcode::JumpIfEmpty, uint16_t(t.found), static_path);
    if (fn_.strict) emit_.emit(Opcode::CheckBindingExists, uint16_t(t.found), ic(id->name));
    emit_.emit(Opcode::SetNamed, uint16_t(t.found), ic(id->name), value);
    emit_.emit_jump(Opcode::Jump, 0, end);
    emit_.bind(static_path);
    store_static(id, resolve(id), value, false);
    emit_.bind(end);
    return;
  }
  if (t.name) return store(t.name, value, false);
  if (t.is_super) emit_.emit(Opcode::SetSuper, t.key, value);
  else if (t.private_name) emit_.emit(Opcode::SetPrivate, t.object, ic(t.private_name), value);
  else if (t.named) emit_.emit(Opcode::SetNamed, t.object, ic(t.named), value);
  else emit_.emit(Opcode::SetIndexed, t.object, t.key, value);
}

Opcode FunctionCompiler::compound_opcode(AssignOp op) {
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

uint16_t FunctionCompiler::assignment(AssignmentExpression* a, int dst) {
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

uint16_t FunctionCompiler::update(UpdateExpression* u, int dst) {
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

}  // namespace glass::compiling
