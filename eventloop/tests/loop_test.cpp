// Unit tests of glass::eventloop::Loop alone (no JS): phase order, timer
// order, repeat/cancel, immediates, the after-callback hook, cross-thread
// completion, liveness and unref, tracing. They assert order, not timings.
#include "eventloop/loop.h"

#include <atomic>
#include <csignal>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

using glass::eventloop::Handle;
using glass::eventloop::Loop;
using namespace std::chrono_literals;

TEST_CASE("loop: one iteration runs timer, pool completion, immediate, close in that order") {
  Loop loop;
  std::vector<std::string> log;
  std::promise<void> worked;
  loop.add_timer(1ms, [&] { log.push_back("timer"); });
  loop.submit([&] { worked.set_value(); }, [&] { log.push_back("pool"); });
  loop.add_immediate([&] { log.push_back("immediate"); });
  loop.add_close_callback([&] { log.push_back("close"); });
  loop.add_pending_callback([&] { log.push_back("pending"); });
  // Make the timer due and the completion posted before the iteration starts.
  worked.get_future().wait();
  std::this_thread::sleep_for(5ms);
  loop.run_once();
  CHECK(log == std::vector<std::string>{"timer", "pending", "pool", "immediate", "close"});
  CHECK_FALSE(loop.alive());
}

TEST_CASE("loop: timers run by due time, then insertion order for equal delays") {
  Loop loop;
  std::vector<int> order;
  loop.add_timer(3ms, [&] { order.push_back(3); });
  loop.add_timer(1ms, [&] { order.push_back(1); });
  loop.add_timer(2ms, [&] { order.push_back(21); });
  loop.add_timer(2ms, [&] { order.push_back(22); });
  loop.add_timer(0ms, [&] { order.push_back(0); });  // clamped to 1 ms, after the other 1 ms timer
  loop.add_timer(2ms, [&] { order.push_back(23); });
  loop.run();
  CHECK(order == std::vector<int>{1, 0, 21, 22, 23, 3});
}

TEST_CASE("loop: a repeating timer repeats until cancelled from its own callback") {
  Loop loop;
  int runs = 0;
  glass::eventloop::TimerId id = 0;
  id = loop.add_timer(1ms, [&] {
    if (++runs == 3) CHECK(loop.cancel_timer(id));
  }, /*repeat=*/true);
  loop.run();  // a ref'd repeating timer keeps the loop alive until cancelled
  CHECK(runs == 3);
  CHECK_FALSE(loop.timer_active(id));
  CHECK_FALSE(loop.cancel_timer(id));
}

TEST_CASE("loop: a cancelled timer never runs and does not keep the loop alive") {
  Loop loop;
  bool ran = false;
  auto id = loop.add_timer(1ms, [&] { ran = true; });
  CHECK(loop.alive());
  CHECK(loop.cancel_timer(id));
  CHECK_FALSE(loop.alive());
  loop.run();
  CHECK_FALSE(ran);
}

TEST_CASE("loop: a timer cancelled by an earlier timer in the same phase does not run") {
  Loop loop;
  std::vector<int> order;
  glass::eventloop::TimerId second = 0;
  loop.add_timer(1ms, [&] { order.push_back(1); loop.cancel_timer(second); });
  second = loop.add_timer(1ms, [&] { order.push_back(2); });
  loop.run();
  CHECK(order == std::vector<int>{1});
}

TEST_CASE("loop: immediates are FIFO; ones added during check run next iteration") {
  Loop loop;
  std::vector<std::string> log;
  loop.add_immediate([&] {
    log.push_back("a");
    loop.add_immediate([&] { log.push_back("c"); });
  });
  loop.add_immediate([&] { log.push_back("b"); });
  CHECK(loop.run_once());  // "c" is still queued
  CHECK(log == std::vector<std::string>{"a", "b"});
  CHECK_FALSE(loop.run_once());
  CHECK(log == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("loop: the after-callback hook runs after every callback") {
  Loop loop;
  std::vector<std::string> log;
  loop.set_after_callback([&] { log.push_back("hook"); });
  loop.add_timer(1ms, [&] { log.push_back("timer"); });
  loop.add_immediate([&] { log.push_back("immediate"); });
  loop.submit([] { return 42; }, [&](int v) { log.push_back("pool " + std::to_string(v)); });
  loop.add_close_callback([&] { log.push_back("close"); });
  loop.run();
  // Order across phases depends on timing; every callback is followed by the hook.
  REQUIRE(log.size() == 8);
  std::multiset<std::string> callbacks;
  for (std::size_t i = 0; i < log.size(); i += 2) {
    CHECK(log[i] != "hook");
    CHECK(log[i + 1] == "hook");
    callbacks.insert(log[i]);
  }
  CHECK(callbacks == std::multiset<std::string>{"timer", "immediate", "pool 42", "close"});
}

TEST_CASE("loop: pool work runs off the loop thread; done runs on it; size from env") {
  setenv("GLASS_THREADPOOL_SIZE", "3", 1);
  Loop loop;
  unsetenv("GLASS_THREADPOOL_SIZE");
  CHECK(loop.thread_pool_size() == 3);

  const auto loop_thread = std::this_thread::get_id();
  std::mutex m;
  std::set<std::thread::id> workers;
  int done = 0;
  bool done_on_loop_thread = true;
  for (int i = 0; i < 20; ++i) {
    loop.submit(
        [&, i] {
          std::lock_guard<std::mutex> lock(m);
          workers.insert(std::this_thread::get_id());
          return i * 2;
        },
        [&, i](int v) {
          CHECK(v == i * 2);
          if (std::this_thread::get_id() != loop_thread) done_on_loop_thread = false;
          ++done;
        });
  }
  CHECK(loop.pending_work() == 20);
  loop.run();  // pending work keeps the loop alive until every done has run
  CHECK(done == 20);
  CHECK(loop.pending_work() == 0);
  CHECK(done_on_loop_thread);
  CHECK(workers.count(loop_thread) == 0);
  CHECK(workers.size() >= 1);
  CHECK(workers.size() <= 3);
}

TEST_CASE("loop: GLASS_THREADPOOL_SIZE is clamped to [1, 128]; junk means the default") {
  setenv("GLASS_THREADPOOL_SIZE", "0", 1);
  CHECK(Loop().thread_pool_size() == 1);
  setenv("GLASS_THREADPOOL_SIZE", "100000", 1);
  CHECK(Loop().thread_pool_size() == 128);
  setenv("GLASS_THREADPOOL_SIZE", "lots", 1);
  CHECK(Loop().thread_pool_size() == 4);
  unsetenv("GLASS_THREADPOOL_SIZE");
  CHECK(Loop().thread_pool_size() == 4);
}

TEST_CASE("loop: an exception in pool work reaches done as an error on the loop thread") {
  Loop loop;
  std::string what;
  loop.submit_erased([] { throw std::runtime_error("boom"); },
                     [&](std::exception_ptr e) {
                       try {
                         if (e) std::rethrow_exception(e);
                       } catch (const std::exception& ex) {
                         what = ex.what();
                       }
                     });
  loop.run();
  CHECK(what == "boom");
}

TEST_CASE("loop: run() returns when the last referenced thing finishes") {
  Loop loop;
  CHECK_FALSE(loop.alive());
  loop.run();  // nothing to do: returns at once
  int steps = 0;
  loop.add_timer(1ms, [&] {
    ++steps;
    loop.add_immediate([&] {
      ++steps;
      loop.submit([] {}, [&] {
        ++steps;
        loop.add_close_callback([&] { ++steps; });
      });
    });
  });
  loop.run();
  CHECK(steps == 4);
  CHECK_FALSE(loop.alive());
}

TEST_CASE("loop: an unref'd repeating timer does not keep the loop alive") {
  Loop loop;
  int ticks = 0;
  auto id = loop.add_timer(1ms, [&] { ++ticks; }, /*repeat=*/true);
  loop.unref_timer(id);
  CHECK_FALSE(loop.timer_has_ref(id));
  CHECK_FALSE(loop.alive());
  // Something else keeps the loop alive a little; the unref'd timer may tick
  // meanwhile, but run() returns once that something is done.
  bool other = false;
  loop.add_timer(3ms, [&] { other = true; });
  loop.run();
  CHECK(other);
  CHECK(loop.timer_active(id));  // still scheduled, just not referenced
  loop.ref_timer(id);
  CHECK(loop.timer_has_ref(id));
  loop.add_timer(1ms, [&] { loop.cancel_timer(id); });  // stop it so run() ends
  loop.run();
  CHECK_FALSE(loop.alive());
}

TEST_CASE("loop: Handles keep the loop alive while referenced and queue a close callback") {
  Loop loop;
  Handle h(loop);
  CHECK(loop.alive());
  h.unref();
  CHECK_FALSE(loop.alive());
  h.ref();
  std::vector<std::string> log;
  loop.add_timer(1ms, [&] {
    log.push_back("timer");
    h.close([&] { log.push_back("closed"); });
  });
  loop.run();  // without the close, this would block forever
  CHECK(log == std::vector<std::string>{"timer", "closed"});
  CHECK(h.is_closed());
  CHECK_FALSE(h.has_ref());
}

TEST_CASE("loop: a signal registration does not keep the loop alive") {
  Loop loop;
  loop.on_signal(SIGTERM, [] {});
  CHECK_FALSE(loop.alive());
  loop.run();  // returns at once
}

TEST_CASE("loop: stop() makes run() return after the current iteration") {
  Loop loop;
  int ticks = 0;
  loop.add_timer(1ms, [&] {
    if (++ticks == 2) loop.stop();
  }, true);
  loop.run();
  CHECK(ticks == 2);
  CHECK(loop.alive());
}

TEST_CASE("loop: bind() wraps an asio handler as a traced I/O callback with the hook") {
  Loop loop;
  Handle h(loop);
  int hooks = 0;
  int got = 0;
  loop.set_after_callback([&] { ++hooks; });
  asio::post(loop.io_context(), loop.bind("test io", [&](/*no args*/) {
    got = 7;
    h.close();
  }));
  loop.run();
  CHECK(got == 7);
  CHECK(hooks == 1);
}

TEST_CASE("loop: trace prints one line per phase and per callback, with its producer") {
  Loop loop;
  char* buf = nullptr;
  std::size_t len = 0;
  std::FILE* out = open_memstream(&buf, &len);
  REQUIRE(out);
  loop.set_trace(out);
  loop.add_immediate([] {}, "my immediate");
  loop.add_close_callback([] {});
  loop.run_once();
  std::fclose(out);
  std::string text(buf, len);
  std::free(buf);
  CHECK(text ==
        "[loop] phase timers\n"
        "[loop] phase pending\n"
        "[loop] phase poll\n"
        "[loop] phase check\n"
        "[loop]   callback immediate: my immediate\n"
        "[loop] phase close\n"
        "[loop]   callback close\n");
}

TEST_CASE("loop: post_from_any_thread wakes a loop blocked in poll, on the loop thread, without keeping it alive") {
  Loop loop;
  const std::thread::id loop_thread = std::this_thread::get_id();
  std::atomic<bool> ran_on_loop_thread{false};
  // A timer far away keeps the loop blocked in poll; the post must wake it.
  glass::eventloop::TimerId far = loop.add_timer(10s, [] {});
  std::thread other([&] {
    std::this_thread::sleep_for(20ms);
    loop.post_from_any_thread([&] {
      ran_on_loop_thread = std::this_thread::get_id() == loop_thread;
      loop.cancel_timer(far);
    });
  });
  auto start = std::chrono::steady_clock::now();
  loop.run();  // ends once the posted callback cancelled the timer
  other.join();
  CHECK(ran_on_loop_thread);
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  // Nothing referenced: a post alone does not keep the loop running.
  CHECK_FALSE(loop.alive());
}

TEST_CASE("loop: snapshot lists timers by due time and queued callbacks in order; the phase is known") {
  Loop loop;
  loop.add_timer(50ms, [] {}, false, "later");
  loop.add_timer(10ms, [] {}, true, "sooner");
  loop.add_immediate([] {}, "first", 7);
  loop.add_immediate([] {}, "second", 8);
  Loop::Snapshot s = loop.snapshot();
  REQUIRE(s.timers.size() == 2);
  CHECK(s.timers[0].label == "sooner");
  CHECK(s.timers[0].repeat);
  CHECK(s.timers[1].label == "later");
  CHECK(s.timers[0].due_in_ms <= s.timers[1].due_in_ms);
  REQUIRE(s.immediates.size() == 2);
  CHECK(s.immediates[0].tag == 7);
  CHECK(s.immediates[1].label == "second");
  CHECK(std::string(s.phase) == "idle");
  std::vector<std::string> phases;
  loop.set_phase_hook([&](const char* p) { phases.push_back(p); });
  std::string seen_in_check;
  loop.add_immediate([&] { seen_in_check = loop.phase(); });
  loop.run_once();
  CHECK(phases == std::vector<std::string>{"timers", "pending", "poll", "check", "close"});
  CHECK(seen_in_check == "check");
}

TEST_CASE("loop: pool work is recorded queued -> running -> done -> dispatched, and done waits for the loop") {
  Loop loop;
  loop.record_work(true);
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();
  std::atomic<bool> started{false};
  bool dispatched = false;
  loop.submit([&] { started = true; go.wait(); }, [&] { dispatched = true; }, "blocked", 42);
  for (int i = 0; i < 500 && !started; ++i) std::this_thread::sleep_for(1ms);
  Loop::Snapshot running = loop.snapshot();
  REQUIRE(running.work.size() == 1);
  CHECK(running.work[0].tag == 42);
  CHECK(running.work[0].label == "blocked");
  CHECK(running.work[0].state == Loop::WorkState::Running);
  CHECK(running.work[0].thread >= 0);
  release.set_value();
  // Finished on its thread, but not dispatched until the loop takes it.
  for (int i = 0; i < 500 && loop.snapshot().work[0].state != Loop::WorkState::Done; ++i) std::this_thread::sleep_for(1ms);
  CHECK(loop.snapshot().work[0].state == Loop::WorkState::Done);
  CHECK_FALSE(dispatched);
  loop.run();
  CHECK(dispatched);
  CHECK(loop.snapshot().work[0].state == Loop::WorkState::Dispatched);
}

TEST_CASE("loop: nothing is recorded unless asked") {
  Loop loop;
  loop.submit([] {}, [] {}, "unrecorded");
  loop.run();
  CHECK(loop.snapshot().work.empty());
}
