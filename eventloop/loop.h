// glass::eventloop::Loop — one asio::io_context on the calling thread, run in
// Node's (libuv's) phase order, plus a thread pool for blocking work.
//
// Rules a reader must know:
// - Everything here runs C++ callables and knows nothing of JavaScript.
// - A Loop belongs to the thread that constructed it (the "loop thread").
//   Every method is loop-thread-only, except post_from_any_thread. Work given to submit() runs on a pool
//   thread; its `done` callback ALWAYS runs back on the loop thread, in the
//   poll phase.
// - run_once() is the phase list: timers -> pending callbacks -> poll (I/O,
//   pool completions) -> check (immediates) -> close callbacks.
// - After EVERY callback taken by the loop, the after-callback hook
//   (set_after_callback) runs; natives drains nextTick and promise jobs there.
// - The loop is alive while anything *referenced* remains: referenced timers,
//   pending pool work, queued immediates / pending / close callbacks, and
//   referenced Handles. Signal registrations never keep it alive.
// - Timer delays below 1 ms (and above 2^31-1 ms) become 1 ms, as in Node.
// - Exceptions thrown by callbacks propagate out of run()/run_once(); the
//   loop's state stays consistent, but callers (natives) are expected to
//   catch JS exceptions inside their callbacks.
#pragma once

#include <asio.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <atomic>
#include <mutex>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace glass::eventloop {

using Clock = std::chrono::steady_clock;
using TimerId = std::uint64_t;  // 0 is never a valid id

class Handle;

class Loop {
 public:
  static constexpr unsigned kDefaultPoolSize = 4;
  static constexpr unsigned kMaxPoolSize = 128;

  Loop();   // reads GLASS_THREADPOOL_SIZE now; the pool starts on first submit
  ~Loop();  // joins the pool; queued callbacks are dropped, not run
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  // Runs run_once() while the loop is alive and stop() was not called.
  void run();
  // One iteration through every phase. Returns whether the loop is still alive.
  bool run_once();
  // Makes run() return after the current iteration (like uv_stop).
  void stop() { stop_requested_ = true; }
  bool alive() const;

  void set_after_callback(std::function<void()> hook) { after_callback_ = std::move(hook); }
  // Timers count from the loop's cached time, which moves at the start of
  // each iteration (as libuv's uv_now). Whoever kept the loop thread busy a
  // long while outside of it — the runtime's own startup, a debugger pause —
  // calls this, so that a timer made next counts from now, not from before.
  void refresh_time() { now_ = Clock::now(); }
  // One line per phase entered and per callback taken; nullptr turns it off.
  void set_trace(std::FILE* out) { trace_ = out; }

  // --- timers phase ---
  TimerId add_timer(std::chrono::milliseconds delay, std::function<void()> fn,
                    bool repeat = false, std::string label = {});
  bool cancel_timer(TimerId id);  // false if unknown / already finished
  void ref_timer(TimerId id);
  void unref_timer(TimerId id);
  bool timer_has_ref(TimerId id) const;
  bool timer_active(TimerId id) const { return timers_.count(id) != 0; }

  // --- pending callbacks phase (I/O callbacks deferred to the next iteration) ---
  void add_pending_callback(std::function<void()> fn, std::string label = {});

  // --- poll phase ---
  // Type-erased pool submission: `work` runs on a pool thread; `done` runs on
  // the loop thread with nullptr, or with the exception `work` threw.
  void submit_erased(std::function<void()> work, std::function<void(std::exception_ptr)> done,
                     std::string label = {}, uint64_t tag = 0);
  // Typed form: done(R) (or done() when work returns void). If work throws,
  // the exception is rethrown on the loop thread instead of calling done.
  template <class Work, class Done>
  void submit(Work work, Done done, std::string label = {}, uint64_t tag = 0);
  // Wraps an Asio completion handler so that, when it runs in the poll phase,
  // it is traced under `label` and followed by the after-callback hook.
  template <class Handler>
  auto bind(std::string label, Handler handler);
  asio::io_context& io_context() { return io_; }
  std::size_t pending_work() const { return pending_work_; }
  unsigned thread_pool_size() const { return pool_size_; }

  // --- check phase ---
  // FIFO; immediates added while the check phase runs go to the next iteration.
  void add_immediate(std::function<void()> fn, std::string label = {}, uint64_t tag = 0);

  // --- close callbacks phase ---
  void add_close_callback(std::function<void()> fn, std::string label = {});

  // --- from other threads ---
  // The one method any thread may call: runs `fn` on the loop thread in
  // the poll phase (waking a loop blocked there). Does not keep the loop
  // alive; dropped if the loop is destroyed first. (A debugger's server
  // thread uses it to hand over a client's message.)
  void post_from_any_thread(std::function<void()> fn, std::string label = {});

  // --- observation: a debugger's live view (nothing JS; costs nothing unless asked) ---
  // The phase running: "timers", "pending", "poll", "check", "close", or
  // "idle" outside run_once().
  const char* phase() const { return phase_; }
  // A pool work item's life: queued (waiting for a thread) -> running (on
  // one) -> done (its completion posted, waiting in the loop's queue) ->
  // dispatched (its callback ran on the loop thread).
  enum class WorkState : uint8_t { Queued, Running, Done, Dispatched };
  struct WorkRecord {
    uint64_t id = 0;
    uint64_t tag = 0;  // the submitter's own number for it (submit_erased's tag)
    std::string label;
    WorkState state = WorkState::Queued;
    int thread = -1;  // the pool thread running or that ran it (0, 1, ...)
    Clock::time_point queued, started, finished, dispatched;
  };
  struct Snapshot {
    const char* phase = "idle";
    struct Timer {
      TimerId id;
      double due_in_ms;  // from now; negative: overdue
      double interval_ms;
      bool repeat, referenced;
      std::string label;
    };
    std::vector<Timer> timers;  // by due time
    struct Item {
      std::string label;
      uint64_t tag;
    };
    std::vector<Item> pending, immediates, closing;  // in the order they will run
    std::vector<WorkRecord> work;  // every item not dispatched, then the last few that were
    unsigned pool_threads = 0;
    std::size_t pending_work = 0, referenced_handles = 0;
  };
  Snapshot snapshot() const;
  // Keep WorkRecords (off by default: then nothing is recorded).
  void record_work(bool on) { recording_work_.store(on); }
  // Called at the start of every phase, and before every callback the loop
  // takes (kind: "timer", "immediate", "io", ...), when set.
  void set_phase_hook(std::function<void(const char* phase)> hook) { phase_hook_ = std::move(hook); }
  void set_before_callback(std::function<void(const char* kind, const std::string& label)> hook) {
    before_callback_ = std::move(hook);
  }

  // --- signals (unreferenced, like Node) ---
  void on_signal(int signo, std::function<void()> fn);

  // --- I/O objects (sockets, servers: tcp.h) ---
  // The loop keeps `object` alive until release(object.get()). Whatever is
  // still adopted when the Loop is destroyed dies first, while the
  // io_context it was made on still exists.
  void adopt(std::shared_ptr<void> object);
  void release(const void* object);

 private:
  friend class Handle;
  struct Timer {
    std::function<void()> fn;
    std::chrono::milliseconds interval;
    bool repeat;
    bool referenced = true;
    std::uint64_t seq;  // seq of this timer's live heap entry
    std::string label;
  };
  struct HeapEntry {
    Clock::time_point due;
    std::uint64_t seq;
    TimerId id;
    // std::priority_queue is a max-heap: "greater" sorts last.
    bool operator<(const HeapEntry& o) const {
      return due != o.due ? due > o.due : seq > o.seq;
    }
  };
  struct Queued {
    std::function<void()> fn;
    std::string label;
    uint64_t tag = 0;
  };

  // The phases, in order.
  void run_timers();
  void run_pending();
  void run_poll();
  void run_check();
  void run_closing();

  std::optional<Clock::duration> poll_timeout();  // nullopt: wait forever
  void drop_stale_heap_top();
  void schedule(TimerId id, Timer& t);
  void run_queue(std::deque<Queued>& q, const char* kind);
  void enter_phase(const char* phase);  // (traces it too)
  void note_work(uint64_t id, WorkState state);
  void trace_callback(const char* kind, const std::string& label);
  void invoke(const char* kind, const std::string& label, const std::function<void()>& fn);
  void ensure_pool();

  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> keep_io_running_;
  Clock::time_point now_;

  std::unordered_map<TimerId, Timer> timers_;
  std::vector<HeapEntry> heap_;  // std::push_heap / pop_heap with HeapEntry::operator<
  TimerId next_timer_id_ = 1;
  std::uint64_t next_seq_ = 1;
  std::size_t referenced_timers_ = 0;

  std::deque<Queued> pending_;
  std::deque<Queued> immediates_;
  std::deque<Queued> closing_;
  std::size_t pending_work_ = 0;
  std::size_t referenced_handles_ = 0;
  std::unordered_set<Handle*> handles_;  // every live Handle: ~Loop detaches them
  std::unordered_map<const void*, std::shared_ptr<void>> adopted_;

  std::function<void()> after_callback_;
  const char* phase_ = "idle";
  std::function<void(const char*)> phase_hook_;
  std::function<void(const char*, const std::string&)> before_callback_;
  std::atomic<bool> recording_work_{false};
  mutable std::mutex work_mutex_;     // pool threads update the records
  std::deque<WorkRecord> work_log_;   // oldest first
  uint64_t next_work_id_ = 1;
  std::FILE* trace_ = nullptr;
  bool stop_requested_ = false;

  std::unique_ptr<asio::signal_set> signals_;
  std::map<int, std::function<void()>> signal_handlers_;
  void arm_signals();

  unsigned pool_size_;
  std::unique_ptr<asio::thread_pool> pool_;  // declared last: joined first
};

// A generic liveness handle (sockets, servers). Referenced on creation;
// close() (or destruction) removes it and, if given, queues the callback for
// the close phase. A Handle still alive when its Loop is destroyed is
// detached: it counts as closed, and its methods do nothing.
class Handle {
 public:
  explicit Handle(Loop& loop, bool referenced = true);
  ~Handle();
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  void ref();
  void unref();
  bool has_ref() const { return referenced_; }
  bool is_closed() const { return closed_; }
  void close(std::function<void()> on_close = {}, std::string label = {});

 private:
  friend class Loop;
  void detach() {
    referenced_ = false;
    closed_ = true;
    loop_ = nullptr;
  }
  Loop* loop_;
  bool referenced_ = false;
  bool closed_ = false;
};

// ---------------------------------------------------------------------------

template <class Work, class Done>
void Loop::submit(Work work, Done done, std::string label, uint64_t tag) {
  using R = std::invoke_result_t<Work&>;
  if constexpr (std::is_void_v<R>) {
    submit_erased(std::move(work),
                  [done = std::move(done)](std::exception_ptr e) mutable {
                    if (e) std::rethrow_exception(e);
                    done();
                  },
                  std::move(label), tag);
  } else {
    auto result = std::make_shared<std::optional<R>>();
    submit_erased([work = std::move(work), result]() mutable { result->emplace(work()); },
                  [done = std::move(done), result](std::exception_ptr e) mutable {
                    if (e) std::rethrow_exception(e);
                    done(std::move(**result));
                  },
                  std::move(label), tag);
  }
}

template <class Handler>
auto Loop::bind(std::string label, Handler handler) {
  return [this, label = std::move(label), handler = std::move(handler)](auto&&... args) mutable {
    invoke("io", label, [&] { handler(std::forward<decltype(args)>(args)...); });
  };
}

}  // namespace glass::eventloop
