// Atomics on shared memory across threads: each "agent" is a Vm of its own
// on a thread of its own, sharing only a SharedDataBlock (as the test262
// host's $262.agent does). Run under ASan in the debug build.
#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "builtins/atomics.h"
#include "builtins/builtins.h"
#include "vm/array_buffer.h"
#include "vm/fiber.h"
#include "vm/vm.h"

using namespace glass;

namespace {

// Runs `source` in a new Vm whose global `sab` is a SharedArrayBuffer over
// `block`; returns String(completion value) or "throws ...". With `settle`,
// then runs the agent's loop until its Atomics.waitAsync waits are over.
std::string run_agent(const std::shared_ptr<SharedDataBlock>& block, const std::string& source, bool settle = false) {
  std::string out;
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm;
    try {
      gc::Rooted<Object> sab(vm.heap(), shared_array_buffer_for_block(vm, block));
      define_global(vm, "sab", object_value(sab));
      Value v = vm.evaluate_script(source, "agent.js");
      RootedValue result(vm.heap(), v);
      vm.run_jobs();
      while (settle && has_pending_async_waits(vm)) {
        wait_for_async_waits(vm, settle_async_waits(vm));
        settle_async_waits(vm);
        vm.run_jobs();
      }
      if (settle) result = vm.evaluate_script("globalThis.outcome", "outcome.js");
      out = to_utf8(vm, result);
    } catch (const Thrown&) {
      out = "throws " + to_utf8(vm, vm.take_exception());
    }
  });
  return out;
}

// Blocks until `count` agents wait on the block.
void await_waiters(const std::shared_ptr<SharedDataBlock>& block, size_t count) {
  for (;;) {
    {
      std::lock_guard lock(block->waiters_mutex);
      if (block->waiters.size() >= count) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

TEST_CASE("atomics: Atomics.wait in one agent is woken by Atomics.notify in another, and sees its writes") {
  auto block = SharedDataBlock::create(16, 16, false);
  std::string waited;
  std::thread waiter([&] { waited = run_agent(block, "const a = new Int32Array(sab); Atomics.wait(a, 0, 0) + ':' + a[1]"); });
  await_waiters(block, 1);
  std::string notified = run_agent(block, "const a = new Int32Array(sab); a[1] = 42; Atomics.store(a, 0, 1); Atomics.notify(a, 0)");
  waiter.join();
  CHECK(notified == "1");
  CHECK(waited == "ok:42");
}

TEST_CASE("atomics: a wait with a timeout that nobody notifies times out; a changed value is not-equal") {
  auto block = SharedDataBlock::create(8, 8, false);
  CHECK(run_agent(block, "Atomics.wait(new Int32Array(sab), 0, 0, 10)") == "timed-out");
  CHECK(run_agent(block, "Atomics.wait(new Int32Array(sab), 0, 5, 10)") == "not-equal");
  CHECK(run_agent(block, "try { Atomics.wait(new Int32Array(8), 0, 0) } catch (e) { e.name }") == "TypeError");
}

TEST_CASE("atomics: Atomics.add from four agents at once loses no update") {
  auto block = SharedDataBlock::create(8, 8, false);
  std::vector<std::thread> agents;
  std::vector<std::string> results(4);
  for (int i = 0; i < 4; ++i)
    agents.emplace_back([&, i] {
      results[size_t(i)] = run_agent(block, "const a = new Int32Array(sab); for (let i = 0; i < 20000; i++) Atomics.add(a, 0, 1); 'done'");
    });
  for (auto& t : agents) t.join();
  for (auto& r : results) CHECK(r == "done");
  CHECK(run_agent(block, "Atomics.load(new Int32Array(sab), 0)") == "80000");
}

TEST_CASE("atomics: notify wakes waiters in the order they began to wait, up to count") {
  auto block = SharedDataBlock::create(8, 8, false);
  std::vector<std::thread> agents;
  std::vector<std::string> results(3);
  for (int i = 0; i < 3; ++i) {
    agents.emplace_back([&, i] { results[size_t(i)] = run_agent(block, "Atomics.wait(new Int32Array(sab), 0, 0, 2000)"); });
    await_waiters(block, size_t(i) + 1);  // so the order is known
  }
  CHECK(run_agent(block, "Atomics.notify(new Int32Array(sab), 0, 2)") == "2");
  for (auto& t : agents) t.join();
  CHECK(results[0] == "ok");
  CHECK(results[1] == "ok");
  CHECK(results[2] == "timed-out");
}

TEST_CASE("atomics: Atomics.waitAsync's promise is settled on its own agent's thread when another agent notifies") {
  auto block = SharedDataBlock::create(8, 8, false);
  std::string outcome;
  std::thread waiter([&] {
    outcome = run_agent(block,
                        "const r = Atomics.waitAsync(new Int32Array(sab), 0, 0);"
                        "r.value.then(v => { globalThis.outcome = r.async + ':' + v; }); 'waiting'",
                        true);
  });
  await_waiters(block, 1);
  CHECK(run_agent(block, "Atomics.notify(new Int32Array(sab), 0)") == "1");
  waiter.join();
  CHECK(outcome == "true:ok");
  // And one nobody notifies times out.
  CHECK(run_agent(block,
                  "Atomics.waitAsync(new Int32Array(sab), 0, 0, 5).value.then(v => { globalThis.outcome = v; }); 1",
                  true) == "timed-out");
}
