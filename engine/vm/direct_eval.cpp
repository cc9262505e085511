// Direct eval (§19.2.1.1 PerformEval with direct = true): `eval(src)` in a
// function runs src as if it were written at the call, seeing the caller's
// variables, `this`, `new.target`, `super` and `arguments`.
//
// The compiler made this possible ahead of time: a function containing a
// direct eval keeps every binding its eval could name in a heap slot, and
// the CallEval instruction carries an EvalSite (bytecode/function.h)
// listing, for each link of the scope chain at the call, the names and
// slots it holds. Eval code is compiled against that list (resolver.cpp,
// resolve_outer), so its references to the caller's names become ordinary
// (depth, slot) loads. The eval code then runs as a new frame whose scope is
// the caller's current scope, like a closure made and called on the spot.
//
// A sloppy eval's `var` joins the caller's var scope (§19.2.1.3): that
// scope has an object for such vars (HeapScope::Kind::EvalVars), which
// DeclareEvalVars fills, and references that such a var could shadow look
// there by name first (dynamic_names.cpp).
#include "vm/interpreter_support.h"
#include "vm/rooted.h"

namespace glass {

namespace {

// Whether the code or a function nested in it has a tagged template.
bool uses_template_objects(const bytecode::CompiledFunction* code) {
  for (bytecode::Instruction ins : code->code)
    if (ins.op() == bytecode::Opcode::GetTemplateObject) return true;
  for (const auto& nested : code->functions)
    if (uses_template_objects(nested.get())) return true;
  return false;
}

}  // namespace

namespace {

constexpr size_t kEvalCacheLimit = 4096;  // distinct (site, text) pairs kept

const bytecode::EvalSite& site_at(const FunctionTemplate* t, uint32_t pc) {
  for (const bytecode::EvalSite& site : t->code->eval_sites)
    if (site.pc == pc) return site;
  throw std::logic_error("CallEval without an eval site");
}

// The value of a synthetic binding ("this" / "new.target") the site lists,
// read from its slot; nullopt when the chain does not hold one.
std::optional<Value> read_named_slot(HeapScope* scope, const bytecode::EvalSite& site, std::string_view name) {
  for (const bytecode::EvalSite::Level& level : site.levels) {
    for (const bytecode::EvalSite::Name& n : level.names)
      if (n.name == name) return scope->at(n.slot);
    scope = scope->parent();
    if (!scope) break;
  }
  return std::nullopt;
}

}  // namespace

void prepare_direct_eval(Vm& vm, Frame& caller, uint32_t pc, Value* callee_this_args, Value* new_target) {
  size_t frame_index = size_t(&caller - vm.frames().data());
  const bytecode::EvalSite& site = site_at(caller.tmpl, pc);
  ParseOptions options;
  options.eval_strict = site.strict;
  options.eval_new_target = site.in_function;
  options.eval_super_property = caller.callee && caller.callee->home_object.is_object();
  options.eval_super_call = false;  // super() in eval would have to bind the caller frame's this: not yet
  options.eval_arguments_banned = site.in_field_initializer;
  std::string source = as_string(callee_this_args[2])->to_utf8();
  // The same site evaluating the same text (eval in a loop) reuses its
  // compiled code: compiled programs live as long as the VM.
  std::string cache_key = std::to_string(reinterpret_cast<uintptr_t>(&site)) + (options.eval_super_property ? "s" : "-") +
                          '\0' + source;
  auto cached = vm.eval_cache.find(cache_key);
  FunctionTemplate* t = cached != vm.eval_cache.end() ? cached->second.get() : nullptr;
  if (!t) {
    t = vm.compile_script(source, "eval", options, &site);
    // Each eval is new code (§13.2.8.4: a tagged template's object belongs to
    // its Parse Node, and each eval parses anew), so code with a tagged
    // template is never reused.
    if (vm.eval_cache.size() < kEvalCacheLimit && !uses_template_objects(t->code))
      vm.eval_cache.emplace(cache_key, gc::Persistent<FunctionTemplate>(vm.heap(), t, "eval cache"));
  }
  gc::Rooted<FunctionTemplate> code(vm.heap(), t);
  const Frame& f = vm.frames()[frame_index];  // compiling allocated: reread
  FunctionObject* fn = vm.make_closure(code, f.scope);
  const Frame& frame = vm.frames()[frame_index];
  if (frame.callee) fn->home_object = frame.callee->home_object;
  fn->private_env = frame.private_env;
  Value this_value = frame.this_value;
  Value target = frame.new_target;
  if (frame.scope) {
    if (auto v = read_named_slot(frame.scope, site, "this")) this_value = *v;
    if (auto v = read_named_slot(frame.scope, site, "new.target")) target = *v;
  }
  callee_this_args[0] = object_value(fn);
  callee_this_args[1] = this_value;
  *new_target = target;
}

void declare_eval_vars(Vm& vm, HeapScope* scope, uint16_t depth, const std::vector<std::string>& names) {
  gc::Rooted<HeapScope> s(vm.heap(), scope);
  for (uint16_t d = 0; d < depth && s.get(); ++d) s = s->parent();
  if (!s.get() || s->kind() != HeapScope::Kind::EvalVars) throw std::logic_error("DeclareEvalVars: no eval-var scope");
  Value& holder = s->at(s->count() - 1);
  if (!holder.is_object()) holder = object_value(vm.new_object());
  gc::Rooted<Object> vars(vm.heap(), as_object(s->at(s->count() - 1)));
  for (const std::string& n : names) {
    gc::Rooted<String> name(vm.heap(), vm.intern(n));
    if (vars->get_own(name)) continue;
    vars->define_own(vm.heap(), name, Value::undefined(), kWritable | kEnumerable | kConfigurable);
  }
}

}  // namespace glass
