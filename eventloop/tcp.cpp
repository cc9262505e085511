// TcpSocket, TcpServer and resolve_host (see tcp.h for the rules).
#include "eventloop/tcp.h"

#include <algorithm>
#include <utility>

namespace glass::eventloop {

namespace {

// How many queued writes one gathered async_write sends at most.
constexpr std::size_t kMaxWriteBatch = 64;

bool would_block(const std::error_code& ec) {
  return ec == asio::error::would_block || ec == asio::error::try_again;
}

}  // namespace

// --- TcpSocket ----------------------------------------------------------------

TcpSocket::TcpSocket(Loop& loop, asio::ip::tcp::socket socket)
    : loop_(loop), socket_(std::move(socket)), handle_(loop) {}

std::shared_ptr<TcpSocket> TcpSocket::create(Loop& loop) {
  std::shared_ptr<TcpSocket> s(new TcpSocket(loop, asio::ip::tcp::socket(loop.io_context())));
  loop.adopt(s);
  return s;
}

void TcpSocket::connect(const TcpEndpoint& to, DoneCallback on_connect) {
  socket_.async_connect(to, loop_.bind("socket connect", [self = shared_from_this(), on_connect =
                                                                                         std::move(on_connect)](
                                                             const std::error_code& ec) {
                          if (self->is_closed()) return;
                          if (on_connect) on_connect(ec);
                        }));
}

void TcpSocket::read_start(DataCallback on_data) {
  on_data_ = std::move(on_data);
  reading_ = true;
  if (!read_in_flight_ && !is_closed()) issue_read();
}

void TcpSocket::read_stop() { reading_ = false; }

void TcpSocket::issue_read() {
  if (read_buffer_.empty()) read_buffer_.resize(kReadSize);
  read_in_flight_ = true;
  socket_.async_read_some(
      asio::buffer(read_buffer_),
      loop_.bind("socket data", [self = shared_from_this()](const std::error_code& ec, std::size_t n) {
        self->read_in_flight_ = false;
        if (self->is_closed()) return;
        DataCallback cb = self->on_data_;  // a copy: the callback may replace or drop on_data_
        if (ec) {
          self->reading_ = false;
          if (cb) cb(ec, {});
          return;
        }
        if (cb) cb({}, std::string_view(self->read_buffer_.data(), n));
        if (self->reading_ && !self->read_in_flight_ && !self->is_closed()) self->issue_read();
      }));
}

std::size_t TcpSocket::write(std::string data, DoneCallback on_written) {
  if (is_closed()) return 0;
  std::size_t offset = 0;
  if (writes_.empty() && !shutdown_requested_) {
    // Nothing queued: try to hand the bytes to the kernel now (libuv's uv_try_write).
    std::error_code ec;
    if (!non_blocking_set_) {
      socket_.non_blocking(true, ec);
      non_blocking_set_ = !ec;
    }
    if (non_blocking_set_) offset = socket_.write_some(asio::buffer(data), ec);
    if (ec && !would_block(ec)) {
      post_done(std::move(on_written), ec, "socket write");
      return 0;
    }
    if (offset == data.size()) {
      post_done(std::move(on_written), {}, "socket write");
      return 0;
    }
  }
  std::size_t left = data.size() - offset;
  queued_bytes_ += left;
  writes_.push_back(Write{std::move(data), offset, std::move(on_written)});
  send_queue();
  return left;
}

void TcpSocket::send_queue() {
  if (in_flight_ > 0 || writes_.empty() || is_closed()) return;
  std::vector<asio::const_buffer> buffers;
  std::size_t count = std::min(writes_.size(), kMaxWriteBatch);
  for (std::size_t i = 0; i < count; ++i) {
    const Write& w = writes_[i];
    buffers.emplace_back(w.data.data() + w.offset, w.data.size() - w.offset);
  }
  in_flight_ = count;
  // std::deque::push_back keeps references to queued elements valid, so the
  // buffers stay good while more writes are queued behind them.
  asio::async_write(socket_, buffers,
                    loop_.bind("socket write", [self = shared_from_this(), count](const std::error_code& ec,
                                                                                   std::size_t) {
                      if (self->is_closed()) return;
                      self->finish_writes(count, ec);
                    }));
}

void TcpSocket::finish_writes(std::size_t count, std::error_code ec) {
  // On an error every queued write fails with it: the stream cannot continue.
  if (ec) count = writes_.size();
  std::vector<DoneCallback> done;
  for (std::size_t i = 0; i < count; ++i) {
    Write& w = writes_.front();
    queued_bytes_ -= w.data.size() - w.offset;
    done.push_back(std::move(w.done));
    writes_.pop_front();
  }
  in_flight_ = 0;
  DoneCallback shutdown_done;
  if (ec && shutdown_requested_) {
    shutdown_requested_ = false;
    shutdown_done = std::move(on_shutdown_);
  }
  for (DoneCallback& d : done) {
    if (is_closed()) return;
    if (d) d(ec);
  }
  if (is_closed()) return;
  if (shutdown_done) shutdown_done(ec);
  if (ec) return;
  send_queue();
  maybe_shutdown();
}

void TcpSocket::shutdown(DoneCallback on_done) {
  if (is_closed() || shutdown_requested_) return;
  shutdown_requested_ = true;
  on_shutdown_ = std::move(on_done);
  maybe_shutdown();
}

void TcpSocket::maybe_shutdown() {
  if (!shutdown_requested_ || !writes_.empty() || in_flight_ > 0) return;
  shutdown_requested_ = false;
  std::error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  post_done(std::move(on_shutdown_), ec, "socket shutdown");
}

void TcpSocket::post_done(DoneCallback done, std::error_code ec, const char* label) {
  asio::post(socket_.get_executor(), loop_.bind(label, [self = shared_from_this(), done = std::move(done), ec] {
               if (self->is_closed()) return;
               if (done) done(ec);
             }));
}

void TcpSocket::close(std::function<void()> on_close) {
  if (is_closed()) return;
  std::shared_ptr<TcpSocket> self = shared_from_this();  // release() may drop the last owner
  reading_ = false;
  std::error_code ec;
  socket_.close(ec);  // operations in flight complete as cancelled (and are ignored)
  handle_.close(std::move(on_close), "socket close");
  loop_.release(this);
}

std::error_code TcpSocket::set_no_delay(bool on) {
  std::error_code ec;
  socket_.set_option(asio::ip::tcp::no_delay(on), ec);
  return ec;
}

std::error_code TcpSocket::set_keep_alive(bool on) {
  std::error_code ec;
  socket_.set_option(asio::socket_base::keep_alive(on), ec);
  return ec;
}

std::optional<TcpEndpoint> TcpSocket::local_endpoint() const {
  std::error_code ec;
  TcpEndpoint ep = socket_.local_endpoint(ec);
  if (ec) return std::nullopt;
  return ep;
}

std::optional<TcpEndpoint> TcpSocket::remote_endpoint() const {
  std::error_code ec;
  TcpEndpoint ep = socket_.remote_endpoint(ec);
  if (ec) return std::nullopt;
  return ep;
}

// --- TcpServer ----------------------------------------------------------------

TcpServer::TcpServer(Loop& loop) : loop_(loop), acceptor_(loop.io_context()), handle_(loop) {}

std::shared_ptr<TcpServer> TcpServer::create(Loop& loop) {
  std::shared_ptr<TcpServer> s(new TcpServer(loop));
  loop.adopt(s);
  return s;
}

std::error_code TcpServer::listen(const TcpEndpoint& at, int backlog) {
  std::error_code ec;
  acceptor_.open(at.protocol(), ec);
  if (ec) return ec;
  if (at.address().is_v6() && at.address().is_unspecified()) {
    std::error_code ignored;  // dual stack where the system allows it
    acceptor_.set_option(asio::ip::v6_only(false), ignored);
  }
  acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(at, ec);
  if (!ec) acceptor_.listen(backlog, ec);
  if (ec) {
    std::error_code ignored;
    acceptor_.close(ignored);
  }
  return ec;
}

void TcpServer::accept_start(ConnectionCallback on_connection) {
  on_connection_ = std::move(on_connection);
  issue_accept();
}

void TcpServer::issue_accept() {
  if (is_closed()) return;
  acceptor_.async_accept(loop_.bind("connection", [self = shared_from_this()](const std::error_code& ec,
                                                                              asio::ip::tcp::socket peer) {
    if (self->is_closed()) return;
    ConnectionCallback cb = self->on_connection_;
    if (ec) {
      if (cb) cb(ec, nullptr);
      if (self->is_closed()) return;
      // Out of descriptors and the like: try again a little later, without
      // keeping the loop alive just for that.
      std::weak_ptr<TcpServer> weak = self;
      self->retry_timer_ = self->loop_.add_timer(
          std::chrono::milliseconds(100),
          [weak] {
            if (auto s = weak.lock()) {
              s->retry_timer_ = 0;
              s->issue_accept();
            }
          },
          false, "accept retry");
      self->loop_.unref_timer(self->retry_timer_);
      return;
    }
    std::shared_ptr<TcpSocket> socket(new TcpSocket(self->loop_, std::move(peer)));
    self->loop_.adopt(socket);
    if (cb) cb({}, socket);
    self->issue_accept();
  }));
}

void TcpServer::close(std::function<void()> on_close) {
  if (is_closed()) return;
  std::shared_ptr<TcpServer> self = shared_from_this();
  if (retry_timer_) loop_.cancel_timer(retry_timer_);
  retry_timer_ = 0;
  std::error_code ec;
  acceptor_.close(ec);
  handle_.close(std::move(on_close), "server close");
  loop_.release(this);
}

std::optional<TcpEndpoint> TcpServer::local_endpoint() const {
  std::error_code ec;
  TcpEndpoint ep = acceptor_.local_endpoint(ec);
  if (ec) return std::nullopt;
  return ep;
}

// --- resolve_host -------------------------------------------------------------

void resolve_host(Loop& loop, std::string host,
                  std::function<void(std::error_code, std::vector<asio::ip::address>)> done) {
  struct Result {
    std::error_code ec;
    std::vector<asio::ip::address> addresses;
  };
  auto result = std::make_shared<Result>();
  loop.submit_erased(
      [host = std::move(host), result] {
        // A private io_context: the synchronous resolver only needs one to exist.
        asio::io_context ctx;
        asio::ip::tcp::resolver resolver(ctx);
        auto entries = resolver.resolve(host, "", result->ec);
        if (result->ec) return;
        for (const auto& e : entries) {
          asio::ip::address a = e.endpoint().address();
          if (std::find(result->addresses.begin(), result->addresses.end(), a) == result->addresses.end())
            result->addresses.push_back(a);
        }
      },
      [result, done = std::move(done)](std::exception_ptr) { done(result->ec, result->addresses); }, "dns lookup");
}

}  // namespace glass::eventloop
