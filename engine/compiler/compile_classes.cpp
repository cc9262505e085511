// Classes: the constructor (given or implicit), methods and accessors, fields, static blocks, private names.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

void FunctionCompiler::compile_field_initializer(const PropertyDefinition* p) {
  fn_.name = "<field>";
  fn_.start = p->start;
  fn_.strict = true;
  fn_.is_method = true;
  uint16_t r = expr(p->value);
  emit_.emit(Opcode::Return, r);
  finish();
}

void FunctionCompiler::compile_static_block(const StaticBlock* b) {
  fn_.name = "<static>";
  fn_.start = b->start;
  fn_.strict = true;
  fn_.is_method = true;
  enter_var_scope();
  hoist_functions(b->body);
  statement_list(b->body);
  uint16_t r = temp();
  emit_.emit(Opcode::LoadUndefined, r);
  emit_.emit(Opcode::Return, r);
  finish();
}

void FunctionCompiler::compile_default_constructor(const Node* cls, const std::string& name, bool derived) {
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

void FunctionCompiler::class_expression(Class* c, uint16_t out, const std::string& inferred) {
  std::string name = c->id ? std::string(as<Identifier>(c->id)->name->text) : inferred;
  Temps t(*this);
  const Scope* scope = scope_of(c);
  EnteredScope heap = enter_block_scope(c);
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
      method.source_start = m->start;
      if (m->key->kind == NodeKind::PrivateIdentifier) {
        Atom pname = as<PrivateIdentifier>(m->key)->name;
        method.name = std::string(m->kind == MethodKind::Get ? "get #" : m->kind == MethodKind::Set ? "set #" : "#") +
                      std::string(pname->text);
        uint16_t fn = temps(2), kind = uint16_t(fn + 1);  // (the pair DefinePrivateAccessor reads)
        closure(as<Function>(m->value), fn, method);
        emit_.emit(Opcode::SetHomeObject, fn, target);
        emit_.emit_bx(Opcode::LoadInt, kind, m->kind == MethodKind::Get ? 2u : m->kind == MethodKind::Set ? 3u : 1u);
        if (m->is_static) {
          // Static private methods and accessors go straight onto the constructor.
          if (m->kind == MethodKind::Method) emit_.emit(Opcode::DefinePrivate, ctor, ic(pname), fn);
          else emit_.emit(Opcode::DefinePrivateAccessor, ctor, ic(pname), fn);
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
      if (m->computed)
        emit_.emit(Opcode::SetFunctionName, fn, key, m->kind == MethodKind::Get ? 1 : m->kind == MethodKind::Set ? 2 : 0);
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
  leave_block_scope(heap);
  emit_.emit(Opcode::Move, out, ctor);
}

}  // namespace glass::compiling
