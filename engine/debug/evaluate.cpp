// Evaluation while paused (README.md "Evaluating in a frame").
//
// The paused frame's variables live in registers and heap scopes; code
// compiled later can only reach heap scopes, by (depth, slot). So the
// debugger does what direct eval does (vm/direct_eval.cpp) with one step
// more: it copies the registers the locals table names into a fresh heap
// scope — a *mirror* — on top of the frame's scope chain, describes that
// chain as an EvalSite (the mirror's names, then each heap scope's names
// from its layout), compiles the expression against it like eval code, runs
// it as a frame with the paused frame's this, new.target, home object and
// private names, and copies the mirror back into the registers: an
// assignment to a register variable takes effect. Breakpoints, stepping and
// pause-on-exceptions are off meanwhile, and an exception is returned, not
// thrown into the program.
#include "debug/debugger.h"
#include "vm/generator.h"
#include "vm/operations.h"
#include "vm/push_frame.h"
#include "vm/rooted.h"

namespace glass::debug {

template <class Body>
Completion Debugger::quietly(Body body) {
  struct Quiet {
    int& depth;
    explicit Quiet(int& d) : depth(++d) {}
    ~Quiet() { --depth; }
  } quiet(quiet_);
  Completion c;
  try {
    c.value = body();
  } catch (const Thrown&) {
    c.value = vm_.take_exception();
    c.threw = true;
  }
  return c;
}

namespace {

// The compiled code of an evaluation, by (source, scope chain described):
// a watch expression re-evaluated at every pause compiles once per place,
// and the cache is bounded, so memory does not grow with each pause.
constexpr size_t kEvaluationCacheLimit = 512;

bool is_lexical(bytecode::VariableKind k) {
  return k == bytecode::VariableKind::Let || k == bytecode::VariableKind::Const || k == bytecode::VariableKind::Class;
}

std::string describe_site(const bytecode::EvalSite& site) {
  std::string key = site.strict ? "s" : "-";
  for (const auto& level : site.levels) {
    key += "|" + std::to_string(int(level.kind));
    for (const auto& n : level.names) key += "," + n.name + (n.is_const ? "c" : n.lexical ? "l" : "");
  }
  return key;
}

}  // namespace

Completion Debugger::evaluate_global(const std::string& source) {
  return quietly([&]() -> Value {
    std::string key = std::string("global") + '\0' + source;
    FunctionTemplate* t = nullptr;
    if (auto it = evaluation_cache_.find(key); it != evaluation_cache_.end()) t = it->second.get();
    if (!t) {
      t = vm_.compile_script(source, "", ParseOptions{}, nullptr);
      if (evaluation_cache_.size() >= kEvaluationCacheLimit) evaluation_cache_.clear();
      evaluation_cache_.emplace(key, gc::Persistent<FunctionTemplate>(vm_.heap(), t, "debugger evaluation cache"));
    }
    gc::Rooted<FunctionObject> fn(vm_.heap(), vm_.make_closure(t, nullptr));
    return vm_.call(object_value(fn), object_value(vm_.global()), {});
  });
}

Completion Debugger::call_function(Value function, Value this_value, std::span<const Value> args) {
  RootedValue f(vm_.heap(), function), self(vm_.heap(), this_value);
  return quietly([&]() -> Value { return vm_.call(f, self, args); });
}

Completion Debugger::evaluate_on_frame(const CallFrame& frame, const std::string& source) {
  if (frame.kind == CallFrame::Kind::Native) return evaluate_global(source);
  auto* gen = static_cast<GeneratorObject*>(frame.generator);
  const Frame& f = frame.kind == CallFrame::Kind::Js ? vm_.frames()[frame.frame_index] : gen->frame;
  Value* regs = frame.kind == CallFrame::Kind::Js ? f.regs : gen->registers.data();
  const bytecode::CompiledFunction* code = f.tmpl->code;
  uint32_t pc = uint32_t(f.pc - code->code.data());
  pc = pc > 0 ? pc - 1 : 0;

  // 1. The register variables in scope at pc, innermost scope first (an
  //    inner `let x` hides an outer one).
  struct Mirrored {
    const bytecode::LocalVariable* local;
  };
  std::vector<Mirrored> mirrored;
  int innermost = -1;
  for (size_t i = 0; i < code->scopes.size(); ++i)
    if (pc >= code->scopes[i].start_pc && pc < code->scopes[i].end_pc) innermost = int(i);
  for (int s = innermost; s >= 0; s = code->scopes[size_t(s)].parent) {
    for (const bytecode::LocalVariable& v : code->locals) {
      if (v.scope != uint32_t(s) || pc < v.start_pc || pc >= v.end_pc) continue;
      if (!bytecode::is_user_variable(v.kind)) continue;
      bool hidden = false;
      for (const Mirrored& m : mirrored) hidden = hidden || m.local->name == v.name;
      if (!hidden) mirrored.push_back({&v});
    }
  }

  // 2. The scope chain as eval code sees it: the mirror, then the frame's heap scopes.
  bytecode::EvalSite site;
  site.strict = code->strict;
  site.in_function = code->name != "<script>" && code->name != "<module>";
  bytecode::EvalSite::Level mirror_level;
  for (size_t i = 0; i < mirrored.size(); ++i) {
    bytecode::EvalSite::Name n;
    n.name = mirrored[i].local->name;
    n.slot = uint16_t(i);
    n.lexical = is_lexical(mirrored[i].local->kind);
    n.is_const = mirrored[i].local->kind == bytecode::VariableKind::Const;
    mirror_level.names.push_back(std::move(n));
  }
  site.levels.push_back(std::move(mirror_level));
  for (HeapScope* h = f.scope; h; h = h->parent()) {
    bytecode::EvalSite::Level level;
    if (h->kind() == HeapScope::Kind::With) level.kind = bytecode::EvalSite::Level::With;
    if (h->kind() == HeapScope::Kind::EvalVars) level.kind = bytecode::EvalSite::Level::EvalVars;
    if (const bytecode::Constant* layout = h->layout(); layout && level.kind != bytecode::EvalSite::Level::With) {
      for (size_t i = 0; i < layout->names.size() && i < h->count(); ++i) {
        if (layout->names[i].empty()) continue;
        bytecode::VariableKind kind = i < layout->slot_kinds.size() ? layout->slot_kinds[i] : bytecode::VariableKind::Var;
        bytecode::EvalSite::Name n;
        n.name = layout->names[i];
        n.slot = uint16_t(i);
        n.lexical = is_lexical(kind);
        n.is_const = kind == bytecode::VariableKind::Const;
        n.self_name = kind == bytecode::VariableKind::SelfName;
        n.is_import = kind == bytecode::VariableKind::Import;
        level.names.push_back(std::move(n));
      }
    }
    site.levels.push_back(std::move(level));
  }

  ParseOptions options;
  options.eval_strict = site.strict;
  options.eval_new_target = site.in_function;
  options.eval_super_property = f.callee && f.callee->home_object.is_object();

  return quietly([&]() -> Value {
    // 3. Compile (or find) the code.
    std::string key = describe_site(site) + (options.eval_super_property ? "S" : "-") + '\0' + source;
    FunctionTemplate* t = nullptr;
    if (auto it = evaluation_cache_.find(key); it != evaluation_cache_.end()) t = it->second.get();
    if (!t) {
      t = vm_.compile_script(source, "", options, &site);
      if (evaluation_cache_.size() >= kEvaluationCacheLimit) evaluation_cache_.clear();
      evaluation_cache_.emplace(key, gc::Persistent<FunctionTemplate>(vm_.heap(), t, "debugger evaluation cache"));
    }
    gc::Rooted<FunctionTemplate> code_t(vm_.heap(), t);
    // 4. The mirror of the registers, over the frame's scope.
    gc::Rooted<HeapScope> mirror(vm_.heap(), HeapScope::create(vm_.heap(), f.scope, uint32_t(mirrored.size())));
    for (size_t i = 0; i < mirrored.size(); ++i) mirror->at(uint32_t(i)) = regs[mirrored[i].local->reg];
    gc::Rooted<FunctionObject> fn(vm_.heap(), vm_.make_closure(code_t, mirror));
    if (f.callee) fn->home_object = f.callee->home_object;
    fn->private_env = f.private_env;
    // 5. Run it as a frame with the paused frame's this and new.target.
    Vm::Scratch call(vm_, 2);
    call[0] = object_value(fn);
    call[1] = f.this_value.is_empty() ? Value::undefined() : f.this_value;
    Value* args = call.data() + 2;
    size_t entry = vm_.frames().size();
    if (!vm_.push_frame(fn, args, 0, call[1], f.new_target, Frame::kEntry, 0))
      vm_.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RootedValue result(vm_.heap(), vm_.run(entry));
    // 6. Assignments to register variables take effect.
    Value* now = frame.kind == CallFrame::Kind::Js ? vm_.frames()[frame.frame_index].regs : gen->registers.data();
    if (now == regs)
      for (size_t i = 0; i < mirrored.size(); ++i)
        if (mirrored[i].local->kind != bytecode::VariableKind::Const) regs[mirrored[i].local->reg] = mirror->at(uint32_t(i));
    return result;
  });
}

}  // namespace glass::debug
