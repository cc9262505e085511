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
    // A rejection still unhandled after the checkpoint ends the program (Node 20's default).
    if (!vm_.unhandled_rejections().empty()) {
      Value reason = promise_result(vm_.unhandled_rejections().front().get());
      vm_.unhandled_rejections().clear();
      report_uncaught(reason);
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
  std::fflush(stdout);
  vm_.write_stderr(describe_uncaught(vm_, error));
  failed_ = true;
  exit(1);
}

int Runtime::exit_code() const {
  if (failed_) return 1;
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
    Value error = vm_.take_exception();
    std::fflush(stdout);
    vm_.write_stderr(describe_uncaught(vm_, error));
    failed_ = true;
  }
  exiting_ = true;
}

void Runtime::exit(int code) {
  emit_exit(code);
  if (failed_) code = 1;
  if (inspector) inspector->program_ending();
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(code);
}

int Runtime::run_main(const std::string& path) {
  install_esm(*this);
  try {
    if (options_.module || is_esm_file(vm_, path)) run_main_esm(*this, path);
    else run_main_module(*this, path);
  } catch (const Thrown&) {
    report_uncaught(vm_.take_exception());
  }
  drain_microtasks();
  loop_.run();
  if (!failed_ && main_esm_unsettled(*this)) {
    // Node 20: the loop ran dry while the main module still awaited (status 13).
    emit_exit(13);
    if (inspector) inspector->program_ending();
    return 13;
  }
  int code = exit_code();
  emit_exit(code);
  if (inspector) inspector->program_ending();
  return failed_ ? 1 : exit_code();
}

}  // namespace glass::natives
