// Evaluating a linked module graph (§16.2.1.5.3 Evaluate), import.meta and
// dynamic import() (§13.3.10).
//
// An evaluation is a list of steps — the graph's modules, dependencies
// first — run in order. A module with top-level await returns a promise;
// the steps after it continue when it settles (from a promise job), so a
// module never runs before everything it imports has finished. This is
// simpler than the spec's algorithm, which lets independent async
// subgraphs run side by side; the order of completion for a graph without
// top-level await is the same. A module another evaluation is still
// running (two import() calls racing) is waited for, not run twice.
#include <set>

#include "builtins/builtins.h"
#include "builtins/promise.h"
#include "vm/module.h"
#include "vm/module_internal.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass {

namespace {

class EvaluationRun final : public gc::Cell {
 public:
  struct Step {
    ModuleRecord* module;
    bool wait;  // another evaluation runs it: continue once its promise settles
  };
  std::vector<Step> steps;
  size_t next = 0;
  Object* promise = nullptr;

  EvaluationRun() : gc::Cell(uint8_t(CellTag::Internal)) {}
  void trace(gc::Tracer& tracer) override {
    for (const Step& s : steps) tracer.visit(s.module);
    tracer.visit(promise);
  }
  const char* cell_name() const override { return "ModuleEvaluation"; }
};

void continue_run(Vm& vm, EvaluationRun* run);

void fail(Vm& vm, EvaluationRun* run, Value error) {
  RootedValue e(vm.heap(), error);
  for (size_t i = run->next; i < run->steps.size(); ++i) {
    ModuleRecord* m = run->steps[i].module;
    if (!run->steps[i].wait && m->status == ModuleRecord::Status::Evaluating && m->evaluation == run->promise) {
      m->status = ModuleRecord::Status::Evaluated;
      m->error = e;
    }
  }
  run->next = run->steps.size();
  promise_settle(vm, run->promise, e, true);
}

EvaluationRun* run_of(Vm& vm) { return static_cast<EvaluationRun*>(vm.current_native()->native_data.as_cell()); }

Value step_fulfilled(Vm& vm, Value, std::span<const Value>, Value) {
  gc::Rooted<EvaluationRun> run(vm.heap(), run_of(vm));
  EvaluationRun::Step s = run->steps[run->next];
  if (!s.wait) {
    s.module->status = ModuleRecord::Status::Evaluated;
    ++run->next;
  }
  continue_run(vm, run);
  return Value::undefined();
}

Value step_rejected(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<EvaluationRun> run(vm.heap(), run_of(vm));
  fail(vm, run, arg(args, 0));
  return Value::undefined();
}

// Continues `run` when `promise` settles.
void wait_for(Vm& vm, EvaluationRun* r, Object* promise) {
  gc::Rooted<EvaluationRun> run(vm.heap(), r);
  gc::Rooted<Object> p(vm.heap(), promise);
  gc::Rooted<FunctionObject> ok(vm.heap(), vm.new_native("", step_fulfilled, 1));
  ok->native_data = Value::cell(Value::Tag::Object, run.get());
  gc::Rooted<FunctionObject> bad(vm.heap(), vm.new_native("", step_rejected, 1));
  bad->native_data = Value::cell(Value::Tag::Object, run.get());
  promise_then_internal(vm, p, object_value(ok), object_value(bad));
}

void continue_run(Vm& vm, EvaluationRun* r) {
  gc::Rooted<EvaluationRun> run(vm.heap(), r);
  while (run->next < run->steps.size()) {
    EvaluationRun::Step s = run->steps[run->next];
    gc::Rooted<ModuleRecord> m(vm.heap(), s.module);
    if (m->status == ModuleRecord::Status::Evaluated) {
      if (!m->error.is_empty()) return fail(vm, run, m->error);
      ++run->next;
      continue;
    }
    if (s.wait) return wait_for(vm, run, m->evaluation);
    try {
      if (m->kind == ModuleRecord::Kind::Synthetic) {
        if (vm.module_host) vm.module_host->evaluate_synthetic(vm, m);
      } else {
        Value result = vm.call(object_value(m->body), Value::undefined(), {});
        // With top-level await the body is an async function: wait for its promise.
        if (m->info->has_top_level_await && result.is_object()) return wait_for(vm, run, as_object(result));
      }
    } catch (const Thrown&) {
      return fail(vm, run, vm.take_exception());
    }
    m->status = ModuleRecord::Status::Evaluated;
    ++run->next;
  }
  promise_settle(vm, run->promise, Value::undefined(), false);
}

// The steps of an evaluation of `root`: its graph, dependencies first.
void plan(EvaluationRun* run, ModuleRecord* root) {
  auto enter = [&](ModuleRecord* m) {
    switch (m->status) {
      case ModuleRecord::Status::Evaluated:
        if (!m->error.is_empty()) run->steps.push_back({m, false});  // its error fails whoever imports it
        return false;
      case ModuleRecord::Status::Evaluating:
        if (m->evaluation != run->promise) run->steps.push_back({m, true});
        return false;
      default:
        m->status = ModuleRecord::Status::Evaluating;
        m->evaluation = run->promise;
        return true;
    }
  };
  walk_dependencies_first(root, enter, [&](ModuleRecord* m) { run->steps.push_back({m, false}); });
}

}  // namespace

Object* evaluate_module(Vm& vm, ModuleRecord* root_module) {
  gc::Heap& heap = vm.heap();
  gc::Rooted<ModuleRecord> root(heap, root_module);
  if (root->status == ModuleRecord::Status::Unlinked || root->status == ModuleRecord::Status::Linking)
    link_module(vm, root);
  if (root->status == ModuleRecord::Status::Evaluated) {  // done: its outcome, settled
    gc::Rooted<Object> done(heap, promise_create(vm));
    bool failed = !root->error.is_empty();
    promise_settle(vm, done, failed ? root->error : Value::undefined(), failed);
    return done;
  }
  if (root->status == ModuleRecord::Status::Evaluating) return root->evaluation;
  gc::Rooted<EvaluationRun> run(heap, heap.allocate<EvaluationRun>());
  run->promise = promise_create(vm);
  plan(run, root);
  continue_run(vm, run);
  return run->promise;
}

// ---- import.meta and import() ------------------------------------------------------------

Object* import_meta(Vm& vm, ModuleRecord* module_record) {
  if (module_record->meta) return module_record->meta;
  gc::Rooted<ModuleRecord> module(vm.heap(), module_record);
  gc::Rooted<Object> meta(vm.heap(), vm.new_object_with_proto(nullptr));
  if (vm.module_host) vm.module_host->init_import_meta(vm, module, meta);
  module->meta = meta;
  return meta;
}

namespace {

// What import()'s promise waits on: the evaluation, then the namespace.
class ImportContinuation final : public gc::Cell {
 public:
  Object* promise;
  ModuleRecord* module;
  ImportContinuation(Object* p, ModuleRecord* m) : gc::Cell(uint8_t(CellTag::Internal)), promise(p), module(m) {}
  void trace(gc::Tracer& tracer) override {
    tracer.visit(promise);
    tracer.visit(module);
  }
  const char* cell_name() const override { return "ImportContinuation"; }
};

ImportContinuation* continuation_of(Vm& vm) {
  return static_cast<ImportContinuation*>(vm.current_native()->native_data.as_cell());
}

Value import_evaluated(Vm& vm, Value, std::span<const Value>, Value) {
  gc::Rooted<ImportContinuation> c(vm.heap(), continuation_of(vm));
  try {
    Object* ns = module_namespace(vm, c->module);
    promise_settle(vm, c->promise, object_value(ns), false);
  } catch (const Thrown&) {
    promise_settle(vm, c->promise, vm.take_exception(), true);
  }
  return Value::undefined();
}

Value import_failed(Vm& vm, Value, std::span<const Value> args, Value) {
  promise_settle(vm, continuation_of(vm)->promise, arg(args, 0), true);
  return Value::undefined();
}

// The `type` of import()'s options `{ with: { type } }` (§13.3.10.1 steps 9-11).
std::string import_type(Vm& vm, Value options) {
  if (options.is_undefined()) return "";
  if (!options.is_object()) vm.throw_error(ErrorType::TypeError, "The second argument to import() must be an object");
  RootedValue with(vm.heap(), get(vm, as_object(options), key_of(vm, "with"), options));
  if (with.get().is_undefined()) return "";
  if (!with.get().is_object()) vm.throw_error(ErrorType::TypeError, "The 'with' option to import() must be an object");
  gc::Rooted<Object> attributes(vm.heap(), as_object(with));
  std::string type;
  for (PropertyKey k : own_property_keys(vm, attributes)) {
    if (k.is_index() || !is_string(k.cell)) continue;
    auto p = get_own_property(vm, attributes, k);
    if (!p || !(p->flags & kEnumerable)) continue;
    Value v = get(vm, attributes, k, object_value(attributes));
    if (!v.is_string()) vm.throw_error(ErrorType::TypeError, "Import attribute values must be strings");
    if (static_cast<String*>(k.cell)->to_utf8() == "type") type = as_string(v)->to_utf8();
  }
  return type;
}

}  // namespace

Object* dynamic_import(Vm& vm, ModuleRecord* referrer_module, const std::string& referrer_name, Value specifier,
                       Value options) {
  gc::Heap& heap = vm.heap();
  gc::Rooted<ModuleRecord> referrer(heap, referrer_module);
  RootedValue spec(heap, specifier), opts(heap, options);
  gc::Rooted<Object> promise(heap, promise_create(vm));
  try {
    std::string name = to_utf8(vm, spec);
    std::string type = import_type(vm, opts);
    if (!vm.module_host) vm.throw_error(ErrorType::TypeError, "Cannot import modules here: no module host");
    gc::Rooted<ModuleRecord> module(
        heap, vm.module_host->load_imported_module(vm, referrer.get(), referrer_name, name, type));
    link_module(vm, module);
    gc::Rooted<Object> evaluation(heap, evaluate_module(vm, module));
    gc::Rooted<ImportContinuation> c(heap, heap.allocate<ImportContinuation>(promise.get(), module.get()));
    gc::Rooted<FunctionObject> ok(heap, vm.new_native("", import_evaluated, 1));
    ok->native_data = Value::cell(Value::Tag::Object, c.get());
    gc::Rooted<FunctionObject> bad(heap, vm.new_native("", import_failed, 1));
    bad->native_data = Value::cell(Value::Tag::Object, c.get());
    promise_then_internal(vm, evaluation, object_value(ok), object_value(bad));
  } catch (const Thrown&) {
    promise_settle(vm, promise, vm.take_exception(), true);
  }
  return promise;
}

}  // namespace glass
