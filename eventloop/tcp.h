// glass::eventloop TCP: TcpServer (listen, accept) and TcpSocket (connect,
// read, write, shutdown, close) over asio::ip::tcp, plus resolve_host (name
// lookup on the thread pool). C++ callables only; natives/ builds Node's
// `net` on top.
//
// Rules a reader must know:
// - Create with ::create(loop): the Loop adopts the object (keeps it alive)
//   until close(), so users may hold a std::weak_ptr only. Every pending
//   Asio operation also holds a shared_ptr to its object.
// - Each open object is a referenced Handle: it keeps the loop alive until
//   close() or unref(), like a libuv handle.
// - Completions run in the poll phase through Loop::bind, traced with the
//   labels "connection", "socket connect", "socket data", "socket write",
//   "socket shutdown"; close callbacks run in the close phase ("socket
//   close", "server close").
// - After close(), no callback of the object runs again except on_close
//   (operations in flight finish as cancelled, silently).
// - Writes are queued and complete in order. When nothing is queued, write()
//   first tries to send at once without blocking (libuv's uv_try_write);
//   whatever the kernel did not take is sent asynchronously. Sends use
//   MSG_NOSIGNAL (Asio does on Linux): a peer that went away is an EPIPE /
//   ECONNRESET error, never a SIGPIPE.
// - Errors are std::error_code: system errors carry the errno value;
//   end of stream is asio::error::eof.
#pragma once

#include <asio.hpp>

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "eventloop/loop.h"

namespace glass::eventloop {

using TcpEndpoint = asio::ip::tcp::endpoint;
using DoneCallback = std::function<void(std::error_code)>;

class TcpSocket : public std::enable_shared_from_this<TcpSocket> {
 public:
  // `data` is valid only during the call; ec == asio::error::eof at end of stream.
  using DataCallback = std::function<void(std::error_code ec, std::string_view data)>;
  static constexpr std::size_t kReadSize = 64 * 1024;

  static std::shared_ptr<TcpSocket> create(Loop& loop);
  TcpSocket(const TcpSocket&) = delete;
  TcpSocket& operator=(const TcpSocket&) = delete;

  void connect(const TcpEndpoint& to, DoneCallback on_connect);
  // Reads until read_stop(), end of stream, an error or close(). A read
  // already in flight when read_stop() is called still delivers its data.
  void read_start(DataCallback on_data);
  void read_stop();
  bool reading() const { return reading_; }
  // Queues `data`; on_written runs (in order) once all of it is with the
  // kernel, or with the error that stopped it. Returns how many bytes of
  // `data` are still queued (0 when the kernel took everything at once).
  std::size_t write(std::string data, DoneCallback on_written);
  std::size_t queued_bytes() const { return queued_bytes_; }
  // Half-close (FIN) once every queued write is sent.
  void shutdown(DoneCallback on_done);
  void close(std::function<void()> on_close = {});
  bool is_closed() const { return handle_.is_closed(); }

  void ref() { handle_.ref(); }
  void unref() { handle_.unref(); }
  bool has_ref() const { return handle_.has_ref(); }
  std::error_code set_no_delay(bool on);
  std::error_code set_keep_alive(bool on);
  std::optional<TcpEndpoint> local_endpoint() const;
  std::optional<TcpEndpoint> remote_endpoint() const;

 private:
  friend class TcpServer;
  TcpSocket(Loop& loop, asio::ip::tcp::socket socket);
  struct Write {
    std::string data;
    std::size_t offset;  // bytes already sent by the immediate attempt
    DoneCallback done;
  };
  void issue_read();
  void send_queue();
  void finish_writes(std::size_t count, std::error_code ec);
  void maybe_shutdown();
  void post_done(DoneCallback done, std::error_code ec, const char* label);

  Loop& loop_;
  asio::ip::tcp::socket socket_;
  Handle handle_;
  DataCallback on_data_;
  std::vector<char> read_buffer_;
  bool reading_ = false;
  bool read_in_flight_ = false;
  std::deque<Write> writes_;
  std::size_t in_flight_ = 0;  // writes_.front() .. [in_flight_) are being sent
  std::size_t queued_bytes_ = 0;
  DoneCallback on_shutdown_;
  bool shutdown_requested_ = false;
  bool non_blocking_set_ = false;
};

class TcpServer : public std::enable_shared_from_this<TcpServer> {
 public:
  // `socket` is null when ec is set.
  using ConnectionCallback = std::function<void(std::error_code ec, std::shared_ptr<TcpSocket> socket)>;

  static std::shared_ptr<TcpServer> create(Loop& loop);
  TcpServer(const TcpServer&) = delete;
  TcpServer& operator=(const TcpServer&) = delete;

  // Binds and listens. An unspecified IPv6 address (::) accepts IPv4 too
  // (dual stack); SO_REUSEADDR is set, as Node does on Unix.
  std::error_code listen(const TcpEndpoint& at, int backlog = 511);
  // Accepts until close(). After an accept error (EMFILE...) the callback
  // gets the error and accepting resumes 100 ms later.
  void accept_start(ConnectionCallback on_connection);
  void close(std::function<void()> on_close = {});
  bool is_closed() const { return handle_.is_closed(); }

  void ref() { handle_.ref(); }
  void unref() { handle_.unref(); }
  bool has_ref() const { return handle_.has_ref(); }
  std::optional<TcpEndpoint> local_endpoint() const;

 private:
  explicit TcpServer(Loop& loop);
  void issue_accept();

  Loop& loop_;
  asio::ip::tcp::acceptor acceptor_;
  Handle handle_;
  ConnectionCallback on_connection_;
  TimerId retry_timer_ = 0;
};

// Looks `host` up on the thread pool (getaddrinfo, any family, in the order
// the system returns); done runs on the loop thread in the poll phase, with
// the addresses (duplicates removed) or the error (asio::error::netdb_errors).
void resolve_host(Loop& loop, std::string host,
                  std::function<void(std::error_code, std::vector<asio::ip::address>)> done);

}  // namespace glass::eventloop
