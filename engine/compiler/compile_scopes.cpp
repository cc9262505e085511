// Registers, scopes, bindings and names: where each variable lives and how it is read and written.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

uint16_t FunctionCompiler::temp() {
  if (next_ == 0xFFFE) throw CompileError{"too many registers in one function", fn_.start};
  uint16_t r = next_++;
  if (next_ > high_) high_ = next_;
  return r;
}

uint16_t FunctionCompiler::temps(int n) {
  uint16_t first = temp();
  for (int i = 1; i < n; ++i) temp();
  return first;
}

void FunctionCompiler::load_string(uint16_t r, std::string_view utf8) {
  emit_.emit_bx(Opcode::LoadConst, r, constant(Constant::of_string(to_u16(utf8))));
}

void FunctionCompiler::finish() {
  while (!open_code_scopes_.empty()) close_code_scope(open_code_scopes_.back());
  fn_.register_count = high_;
}

namespace {

bytecode::VariableKind variable_kind(const Binding& b, const BindingLocation* loc) {
  using bytecode::VariableKind;
  if (loc && loc->synthetic) {
    std::string_view name = b.name->text;
    return name == "this" ? VariableKind::This : name == "new.target" ? VariableKind::NewTarget : VariableKind::Arguments;
  }
  switch (b.kind) {
    case BindingKind::Var: return VariableKind::Var;
    case BindingKind::VarFunction:
    case BindingKind::LexicalFunction: return VariableKind::Function;
    case BindingKind::Parameter: return VariableKind::Parameter;
    case BindingKind::CatchParameter: return VariableKind::CatchParameter;
    case BindingKind::SelfName: return VariableKind::SelfName;
    case BindingKind::Let: return VariableKind::Let;
    case BindingKind::Const: return VariableKind::Const;
    case BindingKind::Class: return VariableKind::Class;
    case BindingKind::Import: return VariableKind::Import;
  }
  return VariableKind::Var;
}

bytecode::ScopeKind code_scope_kind(const Scope* scope) {
  switch (scope->kind) {
    case ScopeKind::Script: return bytecode::ScopeKind::Script;
    case ScopeKind::Module: return bytecode::ScopeKind::Module;
    case ScopeKind::Function:
    case ScopeKind::StaticBlock: return bytecode::ScopeKind::Function;
    case ScopeKind::Catch: return bytecode::ScopeKind::Catch;
    case ScopeKind::Class: return bytecode::ScopeKind::Class;
    case ScopeKind::Block:
    case ScopeKind::Switch:
    case ScopeKind::For: return bytecode::ScopeKind::Block;
  }
  return bytecode::ScopeKind::Block;
}

}  // namespace

int FunctionCompiler::open_code_scope(const ScopeInfo* scope, bytecode::ScopeKind kind) {
  bytecode::CodeScope code;
  code.kind = kind;
  code.start_pc = emit_.pc();
  code.parent = open_code_scopes_.empty() ? -1 : open_code_scopes_.back();
  code.heap_depth = scope && scope->needs_heap_scope ? uint16_t(heap_depth_) : 0;
  int index = int(fn_.scopes.size());
  fn_.scopes.push_back(code);
  open_code_scopes_.push_back(index);
  if (!scope) return index;
  for (const Binding* b : scope->bindings) {
    const BindingLocation* loc = res_.location_of(b);
    if (!loc || loc->kind != BindingLocation::Register) continue;
    bytecode::LocalVariable v;
    v.name = std::string(b->name->text);
    v.kind = variable_kind(*b, loc);
    v.reg = loc->index;
    v.start_pc = code.start_pc;
    v.scope = uint32_t(index);
    fn_.locals.push_back(std::move(v));
  }
  return index;
}

void FunctionCompiler::close_code_scope(int index) {
  if (index < 0) return;
  uint32_t end = emit_.pc();
  fn_.scopes[size_t(index)].end_pc = end;
  for (bytecode::LocalVariable& v : fn_.locals)
    if (v.scope == uint32_t(index)) v.end_pc = end;
  std::erase(open_code_scopes_, index);
}

void FunctionCompiler::enter_var_scope() {
  if (!info_.scope) return;
  const ScopeInfo* scope = res_.info(info_.scope);
  if (scope && scope->needs_heap_scope) {
    push_scope(*scope);
    // Slots start <empty> (the TDZ marker); a var kept in one starts undefined.
    int undefined = -1;
    for (const Binding* b : scope->bindings) {
      const BindingLocation* loc = res_.location_of(b);
      if (b->kind != BindingKind::Var || !loc || loc->kind != BindingLocation::Slot || loc->synthetic) continue;
      if (undefined < 0) {
        undefined = temp();
        emit_.emit(Opcode::LoadUndefined, uint16_t(undefined));
      }
      emit_.emit(Opcode::SetScoped, uint16_t(undefined), 0, loc->index);
    }
    // The temporary stays reserved: releasing it could hand it to the
    // arguments register, which the VM fills before this code runs.
  }
  open_code_scope(scope, code_scope_kind(info_.scope));
  fn_.scopes.back().start_pc = 0;  // parameters arrive with the call
  for (bytecode::LocalVariable& v : fn_.locals) v.start_pc = 0;
  init_lexicals(info_.scope);
}

Constant FunctionCompiler::scope_layout(const ScopeInfo& scope) const {
  Constant k;
  k.kind = Constant::Kind::Scope;
  k.names.resize(scope.slot_count);
  k.slot_kinds.assign(scope.slot_count, bytecode::VariableKind::Var);
  for (const Binding* b : scope.bindings) {
    const BindingLocation* loc = res_.location_of(b);
    if (loc && (loc->kind == BindingLocation::Slot || loc->kind == BindingLocation::Import) && loc->index < k.names.size()) {
      k.names[loc->index] = std::string(b->name->text);
      k.slot_kinds[loc->index] = variable_kind(*b, loc);
    }
  }
  k.scope_kind = code_scope_kind(scope.scope);
  k.owner = fn_.name;
  return k;
}

void FunctionCompiler::push_scope(const ScopeInfo& scope) {
  if (scope.scope->kind == ScopeKind::Module) {
    // The linker made this environment already (ModuleInfo::environment:
    // importers link to its slots before the body runs); the module's
    // closure starts inside it.
    emit_.emit(Opcode::EnterModuleScope);
    ++heap_depth_;
    return;
  }
  Constant k = scope_layout(scope);
  // A function's var scope that sloppy direct eval may add vars to gets one
  // more slot, for the object holding them (vm/dynamic_names.cpp).
  bool eval_vars = scope.sloppy_eval && scope.scope->is_var_scope() && scope.scope->kind != ScopeKind::Script;
  emit_.emit_bx(Opcode::PushScope, eval_vars ? 1 : 0, constant(k));
  ++heap_depth_;
}

void FunctionCompiler::pop_scope() {
  emit_.emit(Opcode::PopScope);
  --heap_depth_;
}

void FunctionCompiler::init_lexicals(const Scope* scope) {
  for (const Binding& b : scope->bindings) {
    if (!is_lexical(b.kind) || b.kind == BindingKind::LexicalFunction || b.kind == BindingKind::Import) continue;
    const BindingLocation* loc = res_.location_of(&b);
    if (loc && loc->kind == BindingLocation::Register) emit_.emit(Opcode::LoadEmpty, loc->index);
  }
}

const Scope* FunctionCompiler::scope_of(const Node* node) const {
  auto it = scope_by_node_.find(node);
  if (it != scope_by_node_.end()) return it->second;
  if (scope_by_node_.empty())
    for (const ScopeInfo& s : res_.scopes)
      if (s.scope && s.scope->node) scope_by_node_.emplace(s.scope->node, s.scope);
  it = scope_by_node_.find(node);
  return it == scope_by_node_.end() ? nullptr : it->second;
}

FunctionCompiler::EnteredScope FunctionCompiler::enter_block_scope(const Node* node) {
  const Scope* scope = scope_of(node);
  if (!scope) return {};
  const ScopeInfo* si = res_.info(scope);
  EnteredScope entered;
  entered.heap = si && si->needs_heap_scope;
  if (entered.heap) push_scope(*si);
  entered.code_scope = open_code_scope(si, code_scope_kind(scope));
  init_lexicals(scope);
  return entered;
}

void FunctionCompiler::leave_block_scope(const EnteredScope& entered) {
  if (entered.heap) pop_scope();
  close_code_scope(entered.code_scope);
}

void FunctionCompiler::entry_bindings(const Function* f) {
  if (info_.needs_arguments_object && info_.arguments_binding) {
    const BindingLocation* loc = res_.location_of(info_.arguments_binding);
    if (loc && loc->kind == BindingLocation::Register) {
      fn_.arguments_register = loc->index;
    } else if (loc && loc->kind == BindingLocation::Slot) {
      uint16_t r = temp();  // reserved for the whole function
      fn_.arguments_register = r;
      store_binding(info_.arguments_binding, r);
    }
  }
  if (f->id && f->kind == NodeKind::FunctionExpression && info_.scope) {
    if (const Binding* self = info_.scope->find(as<Identifier>(f->id)->name); self && self->kind == BindingKind::SelfName) {
      Temps t(*this);
      uint16_t r = temp();
      emit_.emit(Opcode::LoadCallee, r);
      store_binding(self, r);
    }
  }
  if (info_.this_binding && !fn_.is_derived) {
    Temps t(*this);
    uint16_t r = temp();
    emit_.emit(Opcode::LoadThis, r);
    store_binding(info_.this_binding, r);
  }
  if (info_.new_target_binding) {
    Temps t(*this);
    uint16_t r = temp();
    emit_.emit(Opcode::LoadNewTarget, r);
    store_binding(info_.new_target_binding, r);
  }
}

void FunctionCompiler::store_binding(const Binding* b, uint16_t value) {
  const BindingLocation* loc = res_.location_of(b);
  if (!loc) return;
  if (loc->kind == BindingLocation::Register) {
    if (loc->index != value) emit_.emit(Opcode::Move, loc->index, value);
  } else if (loc->kind == BindingLocation::Slot) {
    emit_.emit(Opcode::SetScoped, value, uint16_t(heap_depth_ - depth_of_scope(loc->scope)), loc->index);
  }
}

int FunctionCompiler::depth_of_scope(const Scope* scope) const {
  int depth = 0;
  for (const Scope* s = scope; s; s = s->parent) {
    const ScopeInfo* si = res_.info(s);
    if (si && si->needs_heap_scope && si->function == function_index()) ++depth;
  }
  return depth;
}

void FunctionCompiler::hoist_functions(const NodeList& body) {
  for (Node* statement : body) {
    Node* s = statement;
    // A module's exported functions are hoisted like the others (§16.2.1.6.4
    // InitializeEnvironment); `export default function () {}` is named "default".
    if (s->kind == NodeKind::ExportNamedDeclaration && as<ExportNamedDeclaration>(s)->declaration)
      s = as<ExportNamedDeclaration>(s)->declaration;
    else if (s->kind == NodeKind::ExportDefaultDeclaration)
      s = as<ExportDefaultDeclaration>(s)->declaration;
    if (s->kind != NodeKind::FunctionDeclaration) continue;
    auto* f = as<Function>(s);
    Temps t(*this);
    uint16_t r = temp();
    FunctionRole role;
    if (!f->id) role.name = "default";
    closure(f, r, role);
    if (f->id) store(f->id, r, /*initialize=*/true);
    else store_binding(res_.default_export, r);
  }
}

const Resolution& FunctionCompiler::resolve(const Node* id) {
  const Resolution* r = res_.resolution_of(id);
  if (!r) throw CompileError{"internal: unresolved name", id->start};
  return *r;
}

uint16_t FunctionCompiler::load(const Identifier* id, int dst) {
  const Resolution& r = resolve(id);
  if (!r.is_dynamic()) return load_static(id, r, dst);
  uint16_t out = into(dst);
  Temps t(*this);
  uint16_t found = find_name(id, r);
  Label static_path, end;
  emit_.emit_jump(Opcode::JumpIfEmpty, found, static_path);
  emit_.emit(Opcode::GetNamed, out, found, ic(id->name));
  emit_.emit_jump(Opcode::Jump, 0, end);
  emit_.bind(static_path);
  load_static(id, r, out);
  emit_.bind(end);
  return out;
}

uint16_t FunctionCompiler::find_name(const Identifier* id, const Resolution& r) {
  uint16_t found = temps(2);
  emit_.emit(Opcode::FindName, found, ic(id->name), r.dynamic_depth);
  return found;
}

uint16_t FunctionCompiler::load_static(const Identifier* id, const Resolution& r, int dst) {
  if (r.needs_tdz_check && r.binding && r.binding->kind == BindingKind::Parameter) {
    // A parameter read by an earlier parameter's default: always in its TDZ
    // (its register already holds the argument, so make the throw explicit).
    uint16_t out = into(dst);
    emit_.emit(Opcode::LoadEmpty, out);
    emit_.emit(Opcode::CheckInitialized, out, ic(id->name));
    return out;
  }
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
    case Resolution::Import: {
      uint16_t out = into(dst);
      emit_.emit(Opcode::GetImport, out, r.depth, r.index);
      return out;
    }
    default: {
      uint16_t out = into(dst);
      emit_.emit(Opcode::GetGlobal, out, ic(id->name));
      return out;
    }
  }
}

void FunctionCompiler::store(const Node* node, uint16_t value, bool initialize) {
  auto* id = as<Identifier>(const_cast<Node*>(node));
  const Resolution& r = resolve(id);
  // `var x = v` inside `with` assigns through the with object when it has x
  // (a var's initializer is a plain assignment, §14.3.2.1).
  bool assigns = !initialize || !r.binding || r.binding->kind == BindingKind::Var;
  if (r.is_dynamic() && assigns) {
    Temps t(*this);
    uint16_t found = find_name(id, r);
    Label static_path, end;
    emit_.emit_jump(Opcode::JumpIfEmpty, found, static_path);
    emit_.emit(Opcode::SetNamed, found, ic(id->name), value);
    emit_.emit_jump(Opcode::Jump, 0, end);
    emit_.bind(static_path);
    store_static(id, r, value, initialize);
    emit_.bind(end);
    return;
  }
  store_static(id, r, value, initialize);
}

void FunctionCompiler::store_static(const Identifier* id, const Resolution& r, uint16_t value, bool initialize) {
  // Imports are immutable bindings too (§16.2.1.6.3: CreateImportBinding).
  bool is_const = r.binding && (r.binding->kind == BindingKind::Const || r.binding->kind == BindingKind::Import);
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
    // A named function expression's own name is read-only (silently in sloppy code).
    if (r.binding && r.binding->kind == BindingKind::SelfName) {
      if (fn_.strict) emit_.emit(Opcode::ThrowConstAssign, 0, ic(id->name));
      return;
    }
  }
  switch (r.kind) {
    case Resolution::Local:
      if (value != r.index) emit_.emit(Opcode::Move, r.index, value);
      return;
    case Resolution::Scoped: emit_.emit(Opcode::SetScoped, value, r.depth, r.index); return;
    default:
      if (initialize && r.global_lexical) emit_.emit(Opcode::InitGlobalLexical, value, ic(id->name));
      else emit_.emit(Opcode::SetGlobal, value, ic(id->name));
      return;
  }
}

void FunctionCompiler::closure(const Function* f, uint16_t dst, const FunctionRole& role) {
  const FunctionInfo* info = res_.function_of(f);
  if (!info) throw CompileError{"internal: function without resolver info", f->start};
  auto nested = std::make_unique<CompiledFunction>();
  FunctionCompiler(res_, *info, *nested).compile_function(f, role);
  emit_.emit_bx(Opcode::NewClosure, dst, emit_.add_function(std::move(nested)));
}

uint16_t FunctionCompiler::named_expr(Node* e, int dst, const std::string& name) {
  if (e->kind == NodeKind::FunctionExpression || e->kind == NodeKind::ArrowFunctionExpression) {
    auto* f = as<Function>(e);
    if (!f->id) {  // (function(){}) is still an anonymous function definition
      uint16_t out = into(dst);
      FunctionRole role;
      role.name = name;
      closure(f, out, role);
      return out;
    }
  }
  if (e->kind == NodeKind::ClassExpression && !as<Class>(e)->id) {
    uint16_t out = into(dst);
    class_expression(as<Class>(e), out, name);
    return out;
  }
  return expr(e, dst);
}

}  // namespace glass::compiling
