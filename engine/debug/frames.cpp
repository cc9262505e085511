// What a paused program looks like: its call frames (bytecode frames and
// the natives between them), each frame's scope chain with every variable
// named, and the chain of async functions awaiting each other.
//
// Names come from the compiler (bytecode/function.h): the locals table
// names the registers of the code scopes live at a pc, and every heap scope
// carries its layout, so the closures a frame sees are named too.
#include <algorithm>

#include "builtins/promise.h"
#include "debug/debugger.h"
#include "vm/generator.h"
#include "vm/module.h"
#include "vm/operations.h"

namespace glass::debug {

const char* scope_type_name(ScopeType type) {
  switch (type) {
    case ScopeType::Local: return "local";
    case ScopeType::Block: return "block";
    case ScopeType::Catch: return "catch";
    case ScopeType::Closure: return "closure";
    case ScopeType::With: return "with";
    case ScopeType::Module: return "module";
    case ScopeType::Script: return "script";
    case ScopeType::Global: return "global";
    case ScopeType::Eval: return "eval";
  }
  return "local";
}

// Read as data: no getter runs, nothing is allocated (the heap view calls
// it between a collection's phases).
std::string function_name(Vm& vm, const FunctionObject* f) {
  if (f->kind == FunctionKind::Bytecode && f->tmpl && !f->tmpl->code->name.empty() && !f->tmpl->code->name.starts_with("<"))
    return f->tmpl->code->name;
  if (auto p = f->get_own(vm.atom(WellKnownAtom::name)); p && p->value.is_string()) return as_string(p->value)->to_utf8();
  return "";
}

namespace {

std::string function_name_of(Vm& vm, const Frame& f) {
  const std::string& name = f.tmpl->code->name;
  if (name == "<script>" || name == "<module>") return "";
  if (!name.empty()) return name;
  return f.callee ? function_name(vm, f.callee) : "";  // a name given by assignment (const f = () => ...)
}

}  // namespace

// Frames and natives interleaved, innermost first. A native that was
// called when k frames were on the stack sits between frame k-1 (its
// caller) and frame k (the first frame it pushed, if any).
std::vector<CallFrame> Debugger::call_frames() const {
  std::vector<CallFrame> out;
  const FrameStack& frames = vm_.frames();
  std::span<const NativeCall> natives = vm_.native_calls();
  size_t native = natives.size();
  auto emit_natives_above = [&](size_t frame_count) {
    while (native > 0 && natives[native - 1].frame_count >= frame_count) {
      const NativeCall& n = natives[--native];
      CallFrame cf;
      cf.kind = CallFrame::Kind::Native;
      cf.native = &n;
      cf.function_name = native_frame_name(const_cast<Vm&>(vm_), n);
      cf.this_value = n.receiver;
      out.push_back(std::move(cf));
    }
  };
  for (size_t i = frames.size(); i-- > 0;) {
    emit_natives_above(i + 1);
    const Frame& f = frames[i];
    CallFrame cf;
    cf.kind = CallFrame::Kind::Js;
    cf.frame_index = i;
    cf.function_name = function_name_of(const_cast<Vm&>(vm_), f);
    uint32_t pc = uint32_t(f.pc - f.tmpl->code->code.data());
    // The top frame stopped before f.pc - 1; a caller is inside its call at f.pc - 1.
    cf.location = location_of(f, pc > 0 ? pc - 1 : 0);
    cf.this_value = f.this_value;
    out.push_back(std::move(cf));
  }
  emit_natives_above(0);
  return out;
}

namespace {

// Variables of one heap scope, named by its layout (nameless slots — an
// EvalVars scope's object, a synthetic module's — are skipped).
void heap_scope_variables(HeapScope* scope, std::vector<Variable>& out) {
  const bytecode::Constant* layout = scope->layout();
  if (!layout) return;
  for (uint32_t i = 0; i < scope->count() && i < layout->names.size(); ++i) {
    bytecode::VariableKind kind = i < layout->slot_kinds.size() ? layout->slot_kinds[i] : bytecode::VariableKind::Var;
    if (layout->names[i].empty() || !bytecode::is_user_variable(kind) || kind == bytecode::VariableKind::SelfName) continue;
    Value v = scope->at(i);
    if (v.is_cell() && has_tag(v.as_cell(), CellTag::ImportBinding)) {  // a module import: the exporter's binding
      auto* link = static_cast<ImportBinding*>(v.as_cell());
      out.push_back(Variable{layout->names[i], kind, link->env->at(link->slot), &link->env->at(link->slot)});
      continue;
    }
    out.push_back(Variable{layout->names[i], kind, v, &scope->at(i)});
  }
}

ScopeType type_of_heap_scope(const HeapScope* scope) {
  if (scope->kind() == HeapScope::Kind::With) return ScopeType::With;
  const bytecode::Constant* layout = scope->layout();
  if (!layout) return ScopeType::Closure;
  switch (layout->scope_kind) {
    case bytecode::ScopeKind::Module: return ScopeType::Module;
    case bytecode::ScopeKind::With: return ScopeType::With;
    case bytecode::ScopeKind::Catch: return ScopeType::Catch;
    case bytecode::ScopeKind::Block:
    case bytecode::ScopeKind::Class: return ScopeType::Block;
    default: return ScopeType::Closure;
  }
}

}  // namespace

// The scope chain of a JS frame at its pc, innermost first:
//  1. the code scopes of its own function that contain the pc, innermost
//     first — each with its register variables (the locals table) and, if
//     it pushed one, its heap scope's (the frame's scope chain, counted from
//     f.scope). The function's own scope is "local"; blocks, catch clauses
//     and with bodies inside it are "block", "catch" and "with";
//  2. the heap scopes beyond the frame's own — what its closure captured —
//     each named by its layout ("closure (makeAdder)", "module");
//  3. the global lexical record ("script") and the global object ("global").
std::vector<Scope> Debugger::scopes(const CallFrame& frame) const {
  std::vector<Scope> out;
  if (frame.kind == CallFrame::Kind::Native) return out;
  // A suspended function's registers are saved in its generator.
  Frame f = frame.kind == CallFrame::Kind::Js ? vm_.frames()[frame.frame_index]
                                              : static_cast<GeneratorObject*>(frame.generator)->frame;
  if (frame.kind == CallFrame::Kind::Suspended)
    f.regs = static_cast<GeneratorObject*>(frame.generator)->registers.data();
  const bytecode::CompiledFunction* code = f.tmpl->code;
  uint32_t pc = uint32_t(f.pc - code->code.data());
  pc = pc > 0 ? pc - 1 : 0;

  // The frame's own heap scopes, innermost first (f.scope_depth of them).
  std::vector<HeapScope*> own;
  HeapScope* s = f.scope;
  for (uint16_t d = 0; d < f.scope_depth && s; ++d, s = s->parent()) own.push_back(s);
  HeapScope* captured = s;  // where the closure's chain starts
  auto own_at_depth = [&](uint16_t heap_depth) -> HeapScope* {
    // heap_depth counts from the first scope this function pushed (1).
    if (heap_depth == 0 || heap_depth > own.size()) return nullptr;
    return own[own.size() - heap_depth];
  };

  // 1. Code scopes containing pc, innermost first.
  int innermost = -1;
  for (size_t i = 0; i < code->scopes.size(); ++i) {
    const bytecode::CodeScope& cs = code->scopes[i];
    if (pc >= cs.start_pc && pc < cs.end_pc) innermost = int(i);  // later entries are nested deeper
  }
  bool local_done = false;
  for (int i = innermost; i >= 0; i = code->scopes[size_t(i)].parent) {
    const bytecode::CodeScope& cs = code->scopes[size_t(i)];
    Scope scope;
    switch (cs.kind) {
      case bytecode::ScopeKind::Function:
      case bytecode::ScopeKind::Eval: scope.type = ScopeType::Local; break;
      case bytecode::ScopeKind::Catch: scope.type = ScopeType::Catch; break;
      case bytecode::ScopeKind::With: scope.type = ScopeType::With; break;
      case bytecode::ScopeKind::Module: scope.type = ScopeType::Module; break;
      case bytecode::ScopeKind::Script: scope.type = ScopeType::Local; break;
      default: scope.type = ScopeType::Block; break;
    }
    for (const bytecode::LocalVariable& v : code->locals) {
      if (v.scope != uint32_t(i) || pc < v.start_pc || pc >= v.end_pc || !bytecode::is_user_variable(v.kind)) continue;
      if (v.kind == bytecode::VariableKind::SelfName) continue;  // a named function expression's own name (V8 hides it too)
      scope.variables.push_back(Variable{v.name, v.kind, f.regs[v.reg], &f.regs[v.reg]});
    }
    if (HeapScope* h = own_at_depth(cs.heap_depth)) {
      if (cs.kind == bytecode::ScopeKind::With) scope.object = h->at(0);
      else heap_scope_variables(h, scope.variables);
    }
    if (scope.type == ScopeType::Local) local_done = true;
    // A block declaring nothing, or top-level script code (whose names live
    // on the global object and the global lexical record, shown below),
    // would be an empty scope: not shown, as V8 shows none.
    bool empty_block = scope.type == ScopeType::Block && scope.variables.empty();
    if ((cs.kind == bytecode::ScopeKind::Script || empty_block) && scope.variables.empty()) continue;
    out.push_back(std::move(scope));
  }
  (void)local_done;

  // 2. What the closure captured.
  for (HeapScope* h = captured; h; h = h->parent()) {
    Scope scope;
    scope.type = type_of_heap_scope(h);
    // Named after the function whose scope it is ("<script>", "<module>": top level, no name).
    if (h->layout() && !h->layout()->owner.starts_with("<")) scope.name = h->layout()->owner;
    if (scope.type == ScopeType::With) scope.object = h->at(0);
    else heap_scope_variables(h, scope.variables);
    if (scope.type != ScopeType::With && scope.variables.empty()) continue;
    out.push_back(std::move(scope));
  }

  // 3. The globals of the frame's realm.
  Realm* realm = f.callee ? f.callee->realm : vm_.realm();
  if (Object* lexicals = realm->global_lexicals; lexicals && !own_property_keys(const_cast<Vm&>(vm_), lexicals).empty()) {
    Scope script;
    script.type = ScopeType::Script;
    script.object = object_value(lexicals);
    out.push_back(std::move(script));
  }
  Scope global;
  global.type = ScopeType::Global;
  global.object = object_value(realm->global);
  out.push_back(std::move(global));
  return out;
}

bool Debugger::set_variable(const CallFrame& frame, size_t scope_index, const std::string& name, Value value) {
  std::vector<Scope> chain = scopes(frame);
  if (scope_index >= chain.size()) return false;
  for (Variable& v : chain[scope_index].variables) {
    if (v.name != name || !v.slot) continue;
    if (v.kind == bytecode::VariableKind::Const) return false;
    *v.slot = value;
    return true;
  }
  return false;
}

// The await chain: the function running in `frame` (if async) returned a
// promise; whoever awaits that promise is its async parent, and so on.
// Found through the promises' pending reactions, so it costs nothing until
// somebody asks (V8 finds async stacks the same way).
std::vector<CallFrame> Debugger::async_parents(const CallFrame& frame) const {
  std::vector<CallFrame> out;
  if (frame.kind == CallFrame::Kind::Native) return out;
  Object* gen = frame.kind == CallFrame::Kind::Js ? vm_.frames()[frame.frame_index].generator : frame.generator;
  for (int guard = 0; gen && guard < 64; ++guard) {
    auto* g = static_cast<GeneratorObject*>(gen);
    if (!g->is_async || !g->promise.is_object()) break;
    std::vector<Object*> awaiters;
    promise_awaiters(as_object(g->promise), awaiters);
    if (awaiters.empty()) break;
    auto* parent = static_cast<GeneratorObject*>(awaiters.front());
    CallFrame cf;
    cf.kind = CallFrame::Kind::Suspended;
    cf.generator = parent;
    const Frame& saved = parent->frame;
    cf.function_name = function_name_of(const_cast<Vm&>(vm_), saved);
    uint32_t pc = uint32_t(saved.pc - saved.tmpl->code->code.data());
    cf.location = location_of(saved, pc > 0 ? pc - 1 : 0);
    cf.this_value = saved.this_value;
    out.push_back(std::move(cf));
    gen = parent;
  }
  return out;
}

}  // namespace glass::debug
