// Destructuring: object and array patterns, in bindings and in assignments.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

void FunctionCompiler::bind_pattern(Node* target, uint16_t value, bool initialize) {
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

void FunctionCompiler::object_pattern(const ObjectPattern* p, uint16_t value, bool initialize) {
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

void FunctionCompiler::array_pattern(const ArrayPattern* p, uint16_t value, bool initialize) {
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

}  // namespace glass::compiling
