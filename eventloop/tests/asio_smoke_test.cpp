// Proves the Asio install works the way the loop will use it: a timer on an
// io_context, and work posted from a thread pool back to the loop thread.
#include <asio.hpp>
#include <atomic>
#include <chrono>
#include <thread>

#include <doctest/doctest.h>

TEST_CASE("asio: a steady_timer fires on the io_context") {
  asio::io_context io;
  asio::steady_timer timer(io, std::chrono::milliseconds(1));
  bool fired = false;
  timer.async_wait([&](const asio::error_code& ec) { fired = !ec; });
  io.run();
  CHECK(fired);
}

TEST_CASE("asio: thread-pool work posts its completion back to the loop thread") {
  asio::io_context io;
  auto guard = asio::make_work_guard(io);
  asio::thread_pool pool(2);
  const auto loop_thread = std::this_thread::get_id();
  std::thread::id worker_thread, completion_thread;
  asio::post(pool, [&] {
    worker_thread = std::this_thread::get_id();
    asio::post(io, [&] {
      completion_thread = std::this_thread::get_id();
      guard.reset();
    });
  });
  io.run();
  pool.join();
  CHECK(worker_thread != loop_thread);
  CHECK(completion_thread == loop_thread);
}
