// The runtime's core: the microtask checkpoint, callbacks from the loop,
// uncaught exceptions and exit. See runtime.h.
#include "natives/runtime.h"

#include <unistd.h>

#include <iostream>

#include "builtins/builtins.h"
#include "builtins/inspect.h"
#include "builtins/promise.h"
#include "natives/esm.h"
#include "natives/inspector.h"
#include "natives/modules.h"

namespace glass::natives {


Runtime::Runtime(Vm& vm, RuntimeOptions options) : vm_(vm), options_(std::move(options)) {
  vm_.embedder_data = this;
  ticks_ = gc::Persistent<Object>(vm_.heap(), vm_.new_array_from({}), "nextTick queue");
  if (options_.trace_loop) loop_.set_trace(options_.trace_loop);
  // Straight to the descriptors, as the console's writes go (Node's stdio is
  // synchronous on Linux): output keeps its order whoever writes it.
  vm_.write_stdout = [](std::string_view s) { write_all(1, s); };
  vm_.write_stderr = [](std::string_view s) { write_all(2, s); };
  loop_.set_after_callback([this] { drain_microtasks(); });
}

Runtime::~Runtime() { vm_.embedder_data = nullptr; }

void Runtime::queue_next_tick(Value fn, std::span<const Value> args) {
  RootedValue f(vm_.heap(), fn);
  gc::Rooted<Object> list(vm_.heap(), vm_.new_array_from(args));
  std::vector<Value>& q = ticks_.get()->dense_elements();
  q.push_back(f);
  q.push_back(object_value(list));
  ticks_.get()->set_array_length_raw(uint32_t(q.size()));
  if (inspector) inspector->note_created(Inspector::SiteKind::Tick, 0);
}

std::span<const Value> Runtime::pending_ticks() const {
  std::vector<Value>& q = ticks_.get()->dense_elements();
  return std::span<const Value>(q).subspan(std::min(tick_head_, q.size()));
}

void Runtime::drain_microtasks() {
  if (exiting_) return;
  try {
    for (;;) {
      // §Node: all nextTick callbacks first (including ones they queue), then the promise jobs.
      while (tick_head_ < ticks_.get()->dense_elements().size()) {
        std::vector<Value>& q = ticks_.get()->dense_elements();
        RootedValue fn(vm_.heap(), q[tick_head_]);
        gc::Rooted<Object> list(vm_.heap(), as_object(q[tick_head_ + 1]));
        tick_head_ += 2;
        if (inspector) inspector->note_tick_ran();
        ValueVector args(vm_.heap());
        args.values = list->dense_elements();
        if (options_.trace_loop) std::fprintf(options_.trace_loop, "[loop]   callback: nextTick\n");
        vm_.call(fn, Value::undefined(), args.values);
      }
      ticks_.get()->dense_elements().clear();
      ticks_.get()->set_array_length_raw(0);
      tick_head_ = 0;
      if (options_.trace_loop && vm_.has_jobs()) std::fprintf(options_.trace_loop, "[loop]   callback: promise jobs\n");
      vm_.run_jobs();
      if (ticks_.get()->dense_elements().empty()) break;
    }
    // Rejections still unhandled after the checkpoint: 'unhandledRejection'
    // listeners, or the program's uncaught error (Node 20's default).
    while (!vm_.unhandled_rejections().empty() && !exiting_) {
      gc::Rooted<Object> promise(vm_.heap(), vm_.unhandled_rejections().front().get());
      vm_.unhandled_rejections().erase(vm_.unhandled_rejections().begin());
      Value args[2] = {object_value(promise), promise_result(promise)};
      int status = int(to_number(vm_, call_hook(*this, "unhandledRejection", args)));
      if (status != 0) fail(status);
    }
  } catch (const Thrown&) {
    report_uncaught(vm_.take_exception());
  }
}

void Runtime::call_callback(Value fn, Value self, std::span<const Value> args) {
  if (exiting_) return;
  try {
    vm_.call(fn, self, args);
  } catch (const Thrown&) {
    report_uncaught(vm_.take_exception());
  }
}

void Runtime::report_uncaught(Value error) {
  if (exiting_) return;
  if (inspector) inspector->exception_thrown(error);
  // process 'uncaughtException' listeners, or printed (lib/internal/process/execution.js).
  RootedValue e(vm_.heap(), error);
  Value args[2] = {e, Value::boolean(false)};
  int status;
  try {
    status = int(to_number(vm_, call_hook(*this, "fatalException", args)));
  } catch (const Thrown&) {
    vm_.take_exception();
    vm_.write_stderr(describe_uncaught(vm_, e));  // the printer itself failed
    status = 7;
  }
  if (status != 0) fail(status);
}

void Runtime::fail(int status) {
  failed_ = true;
  failure_status_ = status;
  exit(status);
}

int Runtime::exit_code() const {
  if (failed_) return failure_status_;
  Value code = get(vm_, process_.get(), key_of(vm_, "exitCode"));
  if (code.is_number()) return int(code.as_number());
  return 0;
}

void Runtime::emit_exit(int code) {
  // process.emit('exit', code), once; an exception there is reported and ends with 1.
  if (exiting_) return;
  Value emit = get(vm_, process_.get(), key_of(vm_, "emit"));
  if (!is_callable(emit)) {
    exiting_ = true;
    return;
  }
  RootedValue e(vm_.heap(), emit);
  Value args[2] = {string_value(vm_.intern("exit")), Value::number(code)};
  RootedValue a0(vm_.heap(), args[0]);
  try {
    set(vm_, process_.get(), key_of(vm_, "exitCode"), Value::number(code), object_value(process_.get()));
    vm_.call(e, object_value(process_.get()), args);
  } catch (const Thrown&) {
    // An 'exit' listener threw: printed as uncaught, status 7 (Node).
    RootedValue error(vm_.heap(), vm_.take_exception());
    exiting_ = true;
    Value args[2] = {error, Value::boolean(false)};
    try {
      call_hook(*this, "fatalException", args);
    } catch (const Thrown&) {
      vm_.take_exception();
    }
    failed_ = true;
    failure_status_ = 7;
  }
  exiting_ = true;
}

void Runtime::exit(int code) {
  emit_exit(code);
  if (failed_) code = failure_status_;
  if (inspector) inspector->program_ending();
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);
}

int Runtime::run_main(const std::string& path) {
  return run_program([&] {
    if (options_.module || is_esm_file(vm_, path)) run_main_esm(*this, path);
    else run_main_module(*this, path);
  });
}

int Runtime::run_program(const std::function<void()>& program) {
  install_esm(*this);
  loop_.refresh_time();  // the program's timers count from now, not from before the bootstrap
  try {
    if (!options_.preload.empty()) {
      ValueVector names(vm_.heap());
      for (const std::string& p : options_.preload) names.values.push_back(string_value(vm_.new_string(p)));
      Value args[1] = {object_value(vm_.new_array_from(names.values))};
      call_hook(*this, "preload", args);
    }
    program();
  } catch (const Thrown&) {
    report_uncaught(vm_.take_exception());
  }
  drain_microtasks();
  // The loop, then 'beforeExit' (Node): its listeners may start more work,
  // and the loop runs again until a 'beforeExit' leaves nothing to do.
  for (;;) {
    loop_.run();
    if (failed_ || exiting_) break;
    call_callback_hook("beforeExit");
    if (!loop_.alive()) break;
  }
  if (!failed_ && main_esm_unsettled(*this)) {
    // Node 20: the loop ran dry while the main module still awaited (status 13).
    emit_exit(13);
    if (inspector) inspector->program_ending();
    return 13;
  }
  int code = exit_code();
  emit_exit(code);
  if (inspector) inspector->program_ending();
  return failed_ ? failure_status_ : exit_code();
}

void Runtime::call_callback_hook(const char* name) {
  if (exiting_) return;
  try {
    call_hook(*this, name, {});
  } catch (const Thrown&) {
    report_uncaught(vm_.take_exception());
  }
  drain_microtasks();
}

}  // namespace glass::natives
