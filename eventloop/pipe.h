// glass::eventloop::Pipe — a file descriptor that is a stream (a pipe, a
// FIFO, a terminal, one end of a socketpair) read and written on the loop
// through asio::posix::stream_descriptor. natives/ builds process.stdin and
// child processes' stdio on it; the REPL waits on it for keystrokes.
//
// Rules a reader must know (as for TcpSocket, tcp.h):
// - Create with ::create(loop, fd, owned): the Loop adopts it until close().
//   An owned descriptor is closed by close(); a borrowed one (stdin) is
//   left open: the Pipe watches its own duplicate (so several Pipes may
//   read one descriptor) and closes only that.
// - An open Pipe that is reading, writing or waiting is a referenced Handle:
//   it keeps the loop alive until close() or unref(). An idle one does not
//   (stdin that nobody reads must not hold the program open).
// - Completions run in the poll phase through Loop::bind ("pipe data",
//   "pipe write", "pipe readable"); the close callback in the close phase.
// - A descriptor epoll cannot watch (a regular file given as stdin) cannot
//   be a Pipe: create() returns null and the caller reads it another way.
#pragma once

#include <asio.hpp>

#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "eventloop/loop.h"

namespace glass::eventloop {

class Pipe : public std::enable_shared_from_this<Pipe> {
 public:
  // `data` is valid only during the call; ec == asio::error::eof at end of stream.
  using DataCallback = std::function<void(std::error_code ec, std::string_view data)>;
  using DoneCallback = std::function<void(std::error_code)>;
  static constexpr std::size_t kReadSize = 64 * 1024;

  // Null when `fd` cannot be watched by the loop (a regular file, a closed descriptor).
  static std::shared_ptr<Pipe> create(Loop& loop, int fd, bool owned);
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  int fd() const { return fd_; }
  // Reads until read_stop(), end of stream, an error or close().
  void read_start(DataCallback on_data);
  void read_stop();
  bool reading() const { return reading_; }
  // One callback when `fd` has something to read (without reading it).
  void wait_readable(std::function<void(std::error_code)> on_readable);
  // Queues `data`; on_written runs once all of it is written, or with the
  // error that stopped it (EPIPE when the reader went away).
  void write(std::string data, DoneCallback on_written);
  std::size_t queued_bytes() const { return queued_bytes_; }
  // Ends the writing side once every queued write is written: the reader
  // sees end of stream. (A socketpair half-closes; a plain pipe closes.)
  void shutdown(DoneCallback on_done);
  void close(std::function<void()> on_close = {});
  bool is_closed() const { return closed_; }

  void ref();
  void unref();

 private:
  Pipe(Loop& loop, int fd);
  void issue_read();
  void send_queue();
  void update_liveness();

  struct Write {
    std::string data;
    DoneCallback done;
  };

  Loop& loop_;
  int fd_;
  asio::posix::stream_descriptor stream_;
  Handle handle_;
  bool referenced_ = true;  // ref()/unref(): whether activity keeps the loop alive
  bool closed_ = false;
  DataCallback on_data_;
  std::vector<char> read_buffer_;
  bool reading_ = false;
  bool read_in_flight_ = false;
  bool waiting_ = false;
  std::deque<Write> writes_;
  bool write_in_flight_ = false;
  std::size_t queued_bytes_ = 0;
  DoneCallback on_shutdown_;
  bool shutdown_requested_ = false;
  void maybe_shutdown();
};

}  // namespace glass::eventloop
