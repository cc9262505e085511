#include "eventloop/loop.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace glass::eventloop {

namespace {

// Node: a delay < 1 or > TIMEOUT_MAX (2^31 - 1 ms) becomes 1 ms.
std::chrono::milliseconds clamp_delay(std::chrono::milliseconds d) {
  constexpr std::chrono::milliseconds kMax{2147483647};
  if (d < std::chrono::milliseconds{1} || d > kMax) return std::chrono::milliseconds{1};
  return d;
}

unsigned pool_size_from_env() {
  const char* s = std::getenv("GLASS_THREADPOOL_SIZE");
  if (!s || !*s) return Loop::kDefaultPoolSize;
  char* end = nullptr;
  errno = 0;
  long n = std::strtol(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return Loop::kDefaultPoolSize;
  return static_cast<unsigned>(std::clamp<long>(n, 1, Loop::kMaxPoolSize));
}

// The poll phase runs at most this many extra ready handlers after the first,
// so handlers that keep re-posting cannot starve the other phases.
constexpr int kMaxPollBatch = 1024;

}  // namespace

Loop::Loop()
    : keep_io_running_(asio::make_work_guard(io_)), now_(Clock::now()), pool_size_(pool_size_from_env()) {}

Loop::~Loop() {
  if (pool_) pool_->join();  // in-flight work finishes; its completions are dropped
  for (Handle* h : handles_) h->detach();
  handles_.clear();
  // Sockets and acceptors must be destroyed while io_ exists; those still
  // captured by queued handlers die with io_ itself (its shutdown).
  auto adopted = std::move(adopted_);
  adopted.clear();
  if (signals_) {
    asio::error_code ec;
    signals_->cancel(ec);
  }
}

bool Loop::alive() const {
  return referenced_timers_ > 0 || pending_work_ > 0 || referenced_handles_ > 0 ||
         !pending_.empty() || !immediates_.empty() || !closing_.empty();
}

void Loop::run() {
  stop_requested_ = false;
  while (alive() && !stop_requested_) run_once();
  stop_requested_ = false;
}

// The phase list. Each phase is one function below, in this order.
bool Loop::run_once() {
  refresh_time();
  run_timers();
  run_pending();
  run_poll();
  run_check();
  run_closing();
  return alive();
}

// --- timers -----------------------------------------------------------------

TimerId Loop::add_timer(std::chrono::milliseconds delay, std::function<void()> fn, bool repeat,
                        std::string label) {
  delay = clamp_delay(delay);
  TimerId id = next_timer_id_++;
  Timer& t = timers_.emplace(id, Timer{std::move(fn), delay, repeat, true, 0, std::move(label)}).first->second;
  ++referenced_timers_;
  // Due relative to the loop's cached time (updated at the start of each
  // iteration and after poll), like libuv's uv_now() that Node's timers use.
  schedule(id, t);
  return id;
}

void Loop::schedule(TimerId id, Timer& t) {
  t.seq = next_seq_++;
  heap_.push_back(HeapEntry{now_ + t.interval, t.seq, id});
  std::push_heap(heap_.begin(), heap_.end());
}

bool Loop::cancel_timer(TimerId id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return false;
  if (it->second.referenced) --referenced_timers_;
  timers_.erase(it);  // its heap entry becomes stale and is skipped
  return true;
}

void Loop::ref_timer(TimerId id) {
  auto it = timers_.find(id);
  if (it == timers_.end() || it->second.referenced) return;
  it->second.referenced = true;
  ++referenced_timers_;
}

void Loop::unref_timer(TimerId id) {
  auto it = timers_.find(id);
  if (it == timers_.end() || !it->second.referenced) return;
  it->second.referenced = false;
  --referenced_timers_;
}

bool Loop::timer_has_ref(TimerId id) const {
  auto it = timers_.find(id);
  return it != timers_.end() && it->second.referenced;
}

void Loop::drop_stale_heap_top() {
  while (!heap_.empty()) {
    const HeapEntry& top = heap_.front();
    auto it = timers_.find(top.id);
    if (it != timers_.end() && it->second.seq == top.seq) return;
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.pop_back();
  }
}

void Loop::run_timers() {
  enter_phase("timers");
  for (;;) {
    drop_stale_heap_top();
    if (heap_.empty() || heap_.front().due > now_) return;
    TimerId id = heap_.front().id;
    std::pop_heap(heap_.begin(), heap_.end());
    heap_.pop_back();
    Timer& t = timers_.at(id);
    if (t.repeat) {
      // Reschedule before the callback so the callback may cancel it; the new
      // due time is > now_, so it does not run again in this phase.
      schedule(id, t);
      std::function<void()> fn = t.fn;  // copy: the callback may cancel (erase) t
      invoke("timer", t.label, fn);
    } else {
      Queued q{std::move(t.fn), std::move(t.label)};
      cancel_timer(id);  // finished: no longer keeps the loop alive
      invoke("timer", q.label, q.fn);
    }
  }
}

// --- pending callbacks ------------------------------------------------------

void Loop::add_pending_callback(std::function<void()> fn, std::string label) {
  pending_.push_back(Queued{std::move(fn), std::move(label)});
}

void Loop::run_pending() {
  enter_phase("pending");
  run_queue(pending_, "pending");
}

// --- poll -------------------------------------------------------------------

void Loop::ensure_pool() {
  if (!pool_) pool_ = std::make_unique<asio::thread_pool>(pool_size_);
}

void Loop::submit_erased(std::function<void()> work, std::function<void(std::exception_ptr)> done,
                         std::string label, uint64_t tag) {
  ensure_pool();
  ++pending_work_;
  uint64_t id = 0;
  if (recording_work_.load(std::memory_order_relaxed)) {
    std::lock_guard<std::mutex> lock(work_mutex_);
    id = next_work_id_++;
    WorkRecord record;
    record.id = id;
    record.tag = tag;
    record.label = label;
    record.queued = Clock::now();
    work_log_.push_back(std::move(record));
  }
  asio::post(*pool_, [this, work = std::move(work), done = std::move(done), label = std::move(label), id]() mutable {
    if (id) note_work(id, WorkState::Running);
    std::exception_ptr error;
    try {
      work();
    } catch (...) {
      error = std::current_exception();
    }
    if (id) note_work(id, WorkState::Done);
    // Back to the loop thread: runs in the poll phase.
    asio::post(io_, [this, done = std::move(done), label = std::move(label), error, id]() mutable {
      --pending_work_;
      if (id) note_work(id, WorkState::Dispatched);
      invoke("pool completion", label, [&] { done(error); });
    });
  });
}

// A work item moves on (from a pool thread or the loop thread).
void Loop::note_work(uint64_t id, WorkState state) {
  static std::atomic<int> next_thread{0};
  thread_local int thread_index = -1;
  std::lock_guard<std::mutex> lock(work_mutex_);
  for (WorkRecord& r : work_log_) {
    if (r.id != id) continue;
    r.state = state;
    auto now = Clock::now();
    if (state == WorkState::Running) {
      if (thread_index < 0) thread_index = next_thread++;
      r.thread = thread_index;
      r.started = now;
    } else if (state == WorkState::Done) {
      r.finished = now;
    } else if (state == WorkState::Dispatched) {
      r.dispatched = now;
    }
    break;
  }
  // Keep what has not been dispatched, and the last few that were.
  size_t dispatched = 0;
  for (const WorkRecord& r : work_log_) dispatched += r.state == WorkState::Dispatched;
  while (dispatched > 32 && work_log_.front().state == WorkState::Dispatched) {
    work_log_.pop_front();
    --dispatched;
  }
}

Loop::Snapshot Loop::snapshot() const {
  Snapshot out;
  out.phase = phase_;
  Clock::time_point now = Clock::now();
  for (const HeapEntry& e : heap_) {
    auto it = timers_.find(e.id);
    if (it == timers_.end() || it->second.seq != e.seq) continue;  // a stale entry
    const Timer& t = it->second;
    out.timers.push_back(Snapshot::Timer{e.id, std::chrono::duration<double, std::milli>(e.due - now).count(),
                                         double(t.interval.count()), t.repeat, t.referenced, t.label});
  }
  std::sort(out.timers.begin(), out.timers.end(), [](const auto& a, const auto& b) { return a.due_in_ms < b.due_in_ms; });
  for (const Queued& q : pending_) out.pending.push_back({q.label, q.tag});
  for (const Queued& q : immediates_) out.immediates.push_back({q.label, q.tag});
  for (const Queued& q : closing_) out.closing.push_back({q.label, q.tag});
  {
    std::lock_guard<std::mutex> lock(work_mutex_);
    out.work.assign(work_log_.begin(), work_log_.end());
  }
  out.pool_threads = pool_ ? pool_size_ : 0;
  out.pending_work = pending_work_;
  out.referenced_handles = referenced_handles_;
  return out;
}

std::optional<Clock::duration> Loop::poll_timeout() {
  if (stop_requested_ || !alive() || !pending_.empty() || !immediates_.empty() || !closing_.empty())
    return Clock::duration::zero();
  drop_stale_heap_top();
  if (heap_.empty()) return std::nullopt;
  refresh_time();
  return std::max(heap_.front().due - now_, Clock::duration::zero());
}

void Loop::run_poll() {
  enter_phase("poll");
  std::optional<Clock::duration> timeout = poll_timeout();
  std::size_t ran;
  if (!timeout) {
    ran = io_.run_one();  // nothing else due: block for I/O or a completion
  } else if (*timeout == Clock::duration::zero()) {
    ran = io_.poll_one();
  } else {
    ran = io_.run_one_for(*timeout);  // until the next timer is due
  }
  if (ran) {
    for (int i = 0; i < kMaxPollBatch && io_.poll_one(); ++i) {
    }
  }
  refresh_time();
}

// --- check ------------------------------------------------------------------

void Loop::add_immediate(std::function<void()> fn, std::string label, uint64_t tag) {
  immediates_.push_back(Queued{std::move(fn), std::move(label), tag});
}

void Loop::run_check() {
  enter_phase("check");
  run_queue(immediates_, "immediate");
}

// --- close callbacks --------------------------------------------------------

void Loop::add_close_callback(std::function<void()> fn, std::string label) {
  closing_.push_back(Queued{std::move(fn), std::move(label)});
}

void Loop::run_closing() {
  enter_phase("close");
  run_queue(closing_, "close");
  phase_ = "idle";
}

// --- shared helpers ---------------------------------------------------------

// Runs the entries queued before the phase began; entries added meanwhile wait
// for the next iteration. Pops before calling, so a throwing callback leaves
// the queue consistent.
void Loop::run_queue(std::deque<Queued>& q, const char* kind) {
  for (std::size_t n = q.size(); n > 0 && !q.empty(); --n) {
    Queued item = std::move(q.front());
    q.pop_front();
    invoke(kind, item.label, item.fn);
  }
}

void Loop::invoke(const char* kind, const std::string& label, const std::function<void()>& fn) {
  trace_callback(kind, label);
  if (before_callback_) before_callback_(kind, label);
  if (fn) fn();
  if (after_callback_) after_callback_();
}

void Loop::enter_phase(const char* phase) {
  phase_ = phase;
  if (trace_) std::fprintf(trace_, "[loop] phase %s\n", phase);
  if (phase_hook_) phase_hook_(phase);
}

void Loop::trace_callback(const char* kind, const std::string& label) {
  if (!trace_) return;
  if (label.empty())
    std::fprintf(trace_, "[loop]   callback %s\n", kind);
  else
    std::fprintf(trace_, "[loop]   callback %s: %s\n", kind, label.c_str());
}

// --- from other threads ------------------------------------------------------

void Loop::post_from_any_thread(std::function<void()> fn, std::string label) {
  // io_context::post is thread-safe; the handler runs in run_poll's io_ calls.
  asio::post(io_, [this, fn = std::move(fn), label = std::move(label)] { invoke("posted", label, fn); });
}

// --- signals ----------------------------------------------------------------

void Loop::on_signal(int signo, std::function<void()> fn) {
  if (!signals_) signals_ = std::make_unique<asio::signal_set>(io_);
  if (!signal_handlers_.count(signo)) signals_->add(signo);
  bool first = signal_handlers_.empty();
  signal_handlers_[signo] = std::move(fn);
  if (first) arm_signals();
}

void Loop::arm_signals() {
  // The io_context is kept running by keep_io_running_, so this wait does not
  // count toward alive(): signal registrations are unreferenced.
  signals_->async_wait([this](const asio::error_code& ec, int signo) {
    if (ec) return;  // cancelled
    auto it = signal_handlers_.find(signo);
    if (it != signal_handlers_.end()) {
      std::function<void()> fn = it->second;
      invoke("signal", "signal " + std::to_string(signo), fn);
    }
    arm_signals();
  });
}

// --- adopted I/O objects -----------------------------------------------------

void Loop::adopt(std::shared_ptr<void> object) {
  const void* key = object.get();
  adopted_[key] = std::move(object);
}

void Loop::release(const void* object) { adopted_.erase(object); }

// --- Handle -----------------------------------------------------------------

Handle::Handle(Loop& loop, bool referenced) : loop_(&loop) {
  loop.handles_.insert(this);
  if (referenced) ref();
}

Handle::~Handle() {
  close();
  if (loop_) loop_->handles_.erase(this);
}

void Handle::ref() {
  if (closed_ || referenced_) return;
  referenced_ = true;
  ++loop_->referenced_handles_;
}

void Handle::unref() {
  if (closed_ || !referenced_) return;
  referenced_ = false;
  --loop_->referenced_handles_;
}

void Handle::close(std::function<void()> on_close, std::string label) {
  if (closed_) return;
  unref();
  closed_ = true;
  if (on_close) loop_->add_close_callback(std::move(on_close), std::move(label));
}

}  // namespace glass::eventloop
