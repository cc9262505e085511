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
  // While the elements are bound, leaving early closes the iterator unless it
  // is done (§8.6.2 IteratorBindingInitialization, §13.15.5.2): a generator
  // returned at a `yield` in a default goes through jump_out, a throw through
  // the handler below.
  Control closer;
  closer.iterator = it;
  closer.iterator_done = v + 1;
  controls_.push_back(closer);
  uint32_t start = emit_.pc();
  for (Node* element : p->elements) {
    Temps tt(*this);
    // A member-expression target (`[obj.x, ...o[k]] = ...`) is evaluated
    // before the iterator is stepped (§13.15.5.5 step 1: lref first).
    Node* target_node = element && element->kind == NodeKind::RestElement ? as<RestElement>(element)->argument
                        : element && element->kind == NodeKind::AssignmentPattern ? as<AssignmentPattern>(element)->left
                                                                                  : element;
    std::optional<Target> early;
    if (target_node && target_node->kind == NodeKind::MemberExpression) early = this->target(target_node);
    if (element && element->kind == NodeKind::RestElement) {
      uint16_t rest = temp();
      emit_.emit(Opcode::LoadTrue, uint16_t(v + 1));  // (done even if it throws: never closed then)
      emit_.emit(Opcode::IteratorRest, rest, it);
      if (early) write(*early, rest);
      else bind_pattern(as<RestElement>(element)->argument, rest, initialize);
      continue;
    }
    // Once done, the remaining elements get undefined without calling next().
    Label skip, got;
    emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(v + 1), skip);
    // A next() that throws leaves the iterator done: it is not closed then.
    emit_.emit(Opcode::LoadTrue, uint16_t(v + 1));
    emit_.emit(Opcode::IteratorNext, v, it);
    emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(v + 1), got);
    emit_.bind(skip);
    emit_.emit(Opcode::LoadUndefined, v);
    emit_.bind(got);
    if (early) {
      if (element->kind == NodeKind::AssignmentPattern) {
        Label have;
        emit_.emit_jump(Opcode::JumpIfNotUndefined, v, have);
        named_expr(as<AssignmentPattern>(element)->right, v, "");
        emit_.bind(have);
      }
      write(*early, v);
    } else if (element) {
      bind_pattern(element, v, initialize);
    }
  }
  uint32_t end = emit_.pc();
  controls_.pop_back();
  Label done, rethrow;
  emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(v + 1), done);
  emit_.emit(Opcode::IteratorClose, it);
  emit_.emit_jump(Opcode::Jump, 0, done);
  // A throw while binding: close the iterator (unless done; an error from
  // return() loses to the first one), then rethrow.
  uint16_t exception = temp();
  add_handler(start, end, exception, heap_depth_, bytecode::Handler::Kind::Rethrow);
  emit_.emit_jump(Opcode::JumpIfTrue, uint16_t(v + 1), rethrow);
  uint32_t close_start = emit_.pc();
  emit_.emit(Opcode::IteratorClose, it);
  uint32_t close_end = emit_.pc();
  emit_.emit_jump(Opcode::Jump, 0, rethrow);
  uint16_t ignored = temp();
  add_handler(close_start, close_end, ignored, heap_depth_, bytecode::Handler::Kind::Catch);
  emit_.bind(rethrow);
  emit_.emit(Opcode::Throw, exception);
  emit_.bind(done);
}

}  // namespace glass::compiling
