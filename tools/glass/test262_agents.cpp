// $262.agent: the concurrent agents test262's Atomics tests use
// (test262 INTERPRETING.md, "Host-Defined Functions").
//
// Each agent is a thread of its own running a Vm of its own, on a fiber as
// the main program does. Agents share nothing but the memory of
// SharedArrayBuffers: a broadcast hands every agent the buffer's
// SharedDataBlock (a shared_ptr, no JS object), and each agent wraps it in a
// SharedArrayBuffer of its own heap. Reports travel back as strings.
//
// The hub below is the only state the threads share, under one mutex.
#include "test262_agents.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "builtins/builtins.h"
#include "objects/bigint.h"
#include "test262_host.h"
#include "vm/array_buffer.h"
#include "vm/fiber.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass::cli {

namespace {

// What a broadcast carries across threads: the block, and the number as data.
struct Message {
  std::shared_ptr<SharedDataBlock> block;
  bool is_bigint = false;
  double number = 0;
  std::string bigint_digits;
};

struct Hub {
  std::mutex mutex;
  std::condition_variable changed;  // a broadcast, a retrieval, an agent starting or ending, a report
  uint64_t generation = 0;          // broadcasts so far
  Message message;                  // the latest broadcast
  size_t awaiting_retrieval = 0;    // agents that have not taken the latest broadcast yet
  size_t listening = 0;             // agents between their script and their end
  size_t running = 0;               // agent threads alive
  bool shutting_down = false;
  std::deque<std::string> reports;
};

Hub& hub() {
  static Hub* h = new Hub;  // never destroyed: agent threads may outlive main's statics
  return *h;
}

double monotonic_now_ms() {
  using namespace std::chrono;
  return double(duration_cast<microseconds>(steady_clock::now().time_since_epoch()).count()) / 1000.0;
}

Value agent_sleep(Vm& vm, Value, std::span<const Value> args, Value) {
  double ms = to_number(vm, arg(args, 0));
  if (ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
  return Value::undefined();
}

Value agent_monotonic_now(Vm&, Value, std::span<const Value>, Value) { return Value::number(monotonic_now_ms()); }

// ---- the agent side ------------------------------------------------------------

// One agent's own state, on its thread.
struct AgentState {
  Vm* vm = nullptr;
  gc::Persistent<Object> callback;  // receiveBroadcast's function
  bool leaving = false;
};
thread_local AgentState* current_agent = nullptr;

Value agent_receive_broadcast(Vm& vm, Value, std::span<const Value> args, Value) {
  Value cb = arg(args, 0);
  if (!is_callable(cb)) vm.throw_error(ErrorType::TypeError, "$262.agent.receiveBroadcast takes a function");
  current_agent->callback = gc::Persistent<Object>(vm.heap(), as_object(cb), "agent broadcast callback");
  return Value::undefined();
}

Value agent_report(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string text = to_string(vm, arg(args, 0))->to_utf8();
  std::lock_guard lock(hub().mutex);
  hub().reports.push_back(std::move(text));
  hub().changed.notify_all();
  return Value::undefined();
}

Value agent_leaving(Vm&, Value, std::span<const Value>, Value) {
  current_agent->leaving = true;
  return Value::undefined();
}

// The value a broadcast's number becomes in this agent's heap.
Value message_number(Vm& vm, const Message& m) {
  if (!m.is_bigint) return Value::number(m.number);
  return bigint_value(BigInt::from_literal(vm.heap(), m.bigint_digits));
}

void report_uncaught(Vm& vm) {
  Value e = vm.take_exception();
  std::string text;
  try {
    text = to_utf8(vm, e);
  } catch (const Thrown&) {
    vm.take_exception();
    text = "(an error that cannot be printed)";
  }
  vm.write_stderr("agent: Uncaught " + text + "\n");
}

// The agent's thread: its script, then each broadcast, until it leaves (or the main program ends).
void agent_main(std::string source) {
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm;
    AgentState state;
    state.vm = &vm;
    current_agent = &state;
    {
      gc::Rooted<Object> global(vm.heap(), vm.global());
      gc::Rooted<Object> d262(vm.heap(), install_test262_globals(vm));
      gc::Rooted<Object> agent(vm.heap(), vm.new_object());
      vm.define_native(agent, "receiveBroadcast", agent_receive_broadcast, 1);
      vm.define_native(agent, "report", agent_report, 1);
      vm.define_native(agent, "leaving", agent_leaving, 0);
      vm.define_native(agent, "sleep", agent_sleep, 1);
      vm.define_native(agent, "monotonicNow", agent_monotonic_now, 0);
      vm.define_value(d262, "agent", object_value(agent));
    }
    try {
      vm.evaluate_script(source, "agent");
      run_test262_loop(vm);
    } catch (const Thrown&) {
      report_uncaught(vm);
    }
    Hub& h = hub();
    std::unique_lock lock(h.mutex);
    ++h.listening;
    uint64_t seen = h.generation;
    h.changed.notify_all();  // start() waits for this
    while (!state.leaving) {
      h.changed.wait(lock, [&] { return h.generation != seen || h.shutting_down; });
      if (h.shutting_down) break;
      seen = h.generation;
      Message m = h.message;
      --h.awaiting_retrieval;
      h.changed.notify_all();
      lock.unlock();
      if (state.callback) {
        try {
          gc::Rooted<Object> buffer(vm.heap(), shared_array_buffer_for_block(vm, m.block));
          Value argv[2] = {object_value(buffer), Value::undefined()};
          argv[1] = message_number(vm, m);
          RootedValue number(vm.heap(), argv[1]);
          RootedValue callback(vm.heap(), object_value(state.callback.get()));
          vm.call(callback, Value::undefined(), argv);
          run_test262_loop(vm);
        } catch (const Thrown&) {
          report_uncaught(vm);
        }
      }
      lock.lock();
    }
    // A broadcast this agent will not take no longer waits for it.
    if (h.generation != seen && h.awaiting_retrieval > 0) --h.awaiting_retrieval;
    --h.listening;
    h.changed.notify_all();
    state.callback = gc::Persistent<Object>();
    current_agent = nullptr;
    lock.unlock();
  });
  std::lock_guard lock(hub().mutex);
  --hub().running;
  hub().changed.notify_all();
}

// ---- the main side ---------------------------------------------------------------

// $262.agent.start(source): runs source in a new agent; returns once the agent has run its script.
Value agent_start(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string source = to_utf8(vm, arg(args, 0));
  Hub& h = hub();
  std::unique_lock lock(h.mutex);
  size_t before = h.listening;
  ++h.running;
  std::thread(agent_main, std::move(source)).detach();
  h.changed.wait(lock, [&] { return h.listening > before || h.running == 0; });
  return Value::undefined();
}

// $262.agent.broadcast(sab, number): every listening agent's callback gets
// the buffer and the number; returns once each has taken them.
Value agent_broadcast(Vm& vm, Value, std::span<const Value> args, Value) {
  Value b = arg(args, 0);
  ArrayBufferObject* buffer = b.is_object() ? as_array_buffer(as_object(b)) : nullptr;
  if (!buffer || !buffer->is_shared()) vm.throw_error(ErrorType::TypeError, "$262.agent.broadcast takes a SharedArrayBuffer");
  Message m;
  m.block = buffer->shared_block();
  Value n = arg(args, 1);
  if (n.is_bigint()) {
    m.is_bigint = true;
    m.bigint_digits = as_bigint(n)->to_string();
  } else {
    m.number = to_number(vm, n);
  }
  Hub& h = hub();
  std::unique_lock lock(h.mutex);
  h.message = std::move(m);
  ++h.generation;
  h.awaiting_retrieval = h.listening;
  h.changed.notify_all();
  h.changed.wait(lock, [&] { return h.awaiting_retrieval == 0 || h.listening == 0; });
  return Value::undefined();
}

// $262.agent.getReport(): the oldest report not read yet, or null.
Value agent_get_report(Vm& vm, Value, std::span<const Value>, Value) {
  std::string text;
  {
    std::lock_guard lock(hub().mutex);
    if (hub().reports.empty()) return Value::null();
    text = std::move(hub().reports.front());
    hub().reports.pop_front();
  }
  return string_value(vm.new_string(text));
}

}  // namespace

void install_agent_controller(Vm& vm, Object* d262_object) {
  gc::Rooted<Object> d262(vm.heap(), d262_object);
  gc::Rooted<Object> agent(vm.heap(), vm.new_object());
  vm.define_native(agent, "start", agent_start, 1);
  vm.define_native(agent, "broadcast", agent_broadcast, 2);
  vm.define_native(agent, "getReport", agent_get_report, 0);
  vm.define_native(agent, "sleep", agent_sleep, 1);
  vm.define_native(agent, "monotonicNow", agent_monotonic_now, 0);
  vm.define_value(d262, "agent", object_value(agent));
}

bool finish_agents(std::chrono::milliseconds patience) {
  Hub& h = hub();
  std::unique_lock lock(h.mutex);
  h.shutting_down = true;
  h.changed.notify_all();
  return h.changed.wait_for(lock, patience, [&] { return h.running == 0; });
}

}  // namespace glass::cli
