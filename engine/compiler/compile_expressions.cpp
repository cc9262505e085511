// Expressions: the dispatch over expression kinds, members, and literals (array, object, template).
#include "compiler/compiler_internal.h"

#include <cmath>

#include "unicode/unicode.h"

namespace glass::compiling {

uint16_t FunctionCompiler::expr(Node* e, int dst) {
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
        // Eval code runs with its caller's `this`, unbound before super() in a derived constructor.
        if (res_.eval_outer && info_.kind == FunctionInfo::TopLevel)
          emit_.emit(Opcode::CheckInitialized, out, ic(&kThisAtom));
      }
      return out;
    }
    case NodeKind::MetaProperty: {
      auto* m = as<MetaProperty>(e);
      uint16_t out = into(dst);
      if (m->meta->text != "new") {  // import.meta
        emit_.emit(Opcode::GetImportMeta, out);
        return out;
      }
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
    case NodeKind::ImportExpression: {
      // import(source, options): both are evaluated before anything loads (§13.3.10.1).
      auto* im = as<ImportExpression>(e);
      uint16_t out = into(dst);
      Temps t(*this);
      uint16_t args = temps(2);
      expr(im->source, args);
      if (im->options) expr(im->options, uint16_t(args + 1));
      else emit_.emit(Opcode::LoadUndefined, uint16_t(args + 1));
      emit_.emit(Opcode::ImportCall, out, args, uint16_t(args + 1));
      return out;
    }
    default:
      unsupported(e, std::string(kind_name(e->kind)));
  }
}

uint16_t FunctionCompiler::member(MemberExpression* m, int dst) {
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

uint16_t FunctionCompiler::super_key(MemberExpression* m) {
  uint16_t key = temp();
  if (m->computed) {
    expr(m->property, key);
    emit_.emit(Opcode::ToPropertyKey, key, key);
  } else {
    load_string(key, as<Identifier>(m->property)->name->text);
  }
  return key;
}

uint16_t FunctionCompiler::array_literal(ArrayExpression* a, int dst) {
  uint16_t out = into(dst);
  Temps t(*this);
  bool simple = a->elements.size() <= kMaxRegisterRun;
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

uint16_t FunctionCompiler::property_key(Node* key, bool computed, std::string* name) {
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

bool FunctionCompiler::is_anonymous_function_definition(const Node* e) {
  if (e->kind == NodeKind::ArrowFunctionExpression) return true;
  if (e->kind == NodeKind::FunctionExpression) return !as<Function>(const_cast<Node*>(e))->id;
  if (e->kind == NodeKind::ClassExpression) return !as<Class>(const_cast<Node*>(e))->id;
  return false;
}

uint16_t FunctionCompiler::object_literal(ObjectExpression* o, int dst) {
  uint16_t out = into(dst);
  Temps t(*this);
  uint16_t object = temp();
  // Room for every property the literal names (a spread's are unknown).
  size_t named = 0;
  for (Node* p : o->properties) named += p->kind != NodeKind::SpreadElement;
  emit_.emit(Opcode::NewObject, object, uint16_t(std::min<size_t>(named, 255)));
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
    if (!prop->computed && prop->kind == PropertyKind::Init && !prop->method && prop->key->kind == NodeKind::Identifier) {
      // `name: value` and `name` (shorthand): a cached shape transition.
      Atom name = as<Identifier>(prop->key)->name;
      uint16_t value = named_expr(prop->value, -1, std::string(name->text));
      emit_.emit(Opcode::DefineNamed, object, ic(name), value);
      continue;
    }
    std::string name;
    uint16_t key = property_key(prop->key, prop->computed, &name);
    if (prop->kind != PropertyKind::Init || prop->method) {
      FunctionRole role;
      role.is_method = true;
      role.source_start = prop->start;
      role.name = prop->kind == PropertyKind::Get ? "get " + name : prop->kind == PropertyKind::Set ? "set " + name : name;
      uint16_t fn = temp();
      closure(as<Function>(prop->value), fn, role);
      if (prop->computed)
        emit_.emit(Opcode::SetFunctionName, fn, key,
                   prop->kind == PropertyKind::Get ? 1 : prop->kind == PropertyKind::Set ? 2 : 0);
      emit_.emit(Opcode::SetHomeObject, fn, object);
      Opcode op = prop->kind == PropertyKind::Get   ? Opcode::DefineGetter
                  : prop->kind == PropertyKind::Set ? Opcode::DefineSetter
                                                    : Opcode::DefineField;
      emit_.emit(op, object, key, fn);
      continue;
    }
    uint16_t value = named_expr(prop->value, -1, name);
    if (prop->computed && is_anonymous_function_definition(prop->value))
      emit_.emit(Opcode::SetFunctionName, value, key, 0);
    emit_.emit(Opcode::DefineField, object, key, value);
  }
  emit_.emit(Opcode::Move, out, object);
  return out;
}

uint16_t FunctionCompiler::template_literal(TemplateLiteral* t, int dst) {
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

uint16_t FunctionCompiler::tagged_template(TaggedTemplateExpression* t, int dst) {
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

}  // namespace glass::compiling
