#include "inspect/cdp_client.h"

#include <fcntl.h>
#include <unistd.h>

#include <utility>  // (before Boost.Asio, which uses std::exchange without it)

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <thread>

namespace glass::inspect {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

struct CdpClient::Impl {
  std::unique_ptr<net::io_context> io;  // one per connection: nothing of the last one can run in the next
  std::optional<websocket::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  std::deque<std::string> outbox;  // io thread only
  std::thread thread;
  int pipe_fds[2] = {-1, -1};
  std::mutex mutex;
  std::deque<json> inbox;
  bool open = false;
  int next_id = 0;

  void deliver(json message) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      inbox.push_back(std::move(message));
    }
    char c = 1;
    [[maybe_unused]] ssize_t n = ::write(pipe_fds[1], &c, 1);
  }
  void read() {
    ws->async_read(buffer, [this](beast::error_code ec, size_t) {
      if (ec) {
        open = false;
        deliver(json{{"closed", true}, {"reason", ec.message()}});
        return;
      }
      std::string text = beast::buffers_to_string(buffer.data());
      buffer.consume(buffer.size());
      json message = json::parse(text, nullptr, false);
      if (!message.is_discarded()) deliver(std::move(message));
      read();
    });
  }
  void write() {
    ws->text(true);
    ws->async_write(net::buffer(outbox.front()), [this](beast::error_code ec, size_t) {
      if (ec) return;
      outbox.pop_front();
      if (!outbox.empty()) write();
    });
  }
};

CdpClient::CdpClient() : impl_(std::make_unique<Impl>()) {
  if (::pipe(impl_->pipe_fds) == 0) {
    ::fcntl(impl_->pipe_fds[0], F_SETFL, O_NONBLOCK);
    ::fcntl(impl_->pipe_fds[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(impl_->pipe_fds[1], F_SETFD, FD_CLOEXEC);
  }
}

CdpClient::~CdpClient() {
  close();
  ::close(impl_->pipe_fds[0]);
  ::close(impl_->pipe_fds[1]);
}

bool CdpClient::connect(const std::string& host, uint16_t port, std::string& error) {
  close();
  Impl& s = *impl_;
  s.io = std::make_unique<net::io_context>();
  try {
    tcp::resolver resolver(*s.io);
    auto endpoints = resolver.resolve(host, std::to_string(port));
    // 1. Which target: GET /json lists it with its WebSocket URL.
    beast::tcp_stream http_stream(*s.io);
    http_stream.expires_after(std::chrono::seconds(10));
    http_stream.connect(endpoints);
    http::request<http::empty_body> request(http::verb::get, "/json", 11);
    request.set(http::field::host, host + ":" + std::to_string(port));
    http::write(http_stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(http_stream, buffer, response);
    beast::error_code ignored;
    http_stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    json targets = json::parse(response.body(), nullptr, false);
    if (!targets.is_array() || targets.empty() || !targets[0].contains("webSocketDebuggerUrl")) {
      error = "no debugging target at " + host + ":" + std::to_string(port);
      return false;
    }
    std::string url = targets[0]["webSocketDebuggerUrl"];
    size_t path_at = url.find('/', url.find("//") + 2);
    std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
    // 2. The WebSocket.
    s.ws.emplace(*s.io);
    beast::get_lowest_layer(*s.ws).expires_after(std::chrono::seconds(10));
    beast::get_lowest_layer(*s.ws).connect(endpoints);
    beast::get_lowest_layer(*s.ws).expires_never();
    s.ws->read_message_max(size_t(64) << 20);
    s.ws->handshake(host + ":" + std::to_string(port), path);
  } catch (const std::exception& e) {
    error = e.what();
    s.ws.reset();
    return false;
  }
  s.open = true;
  s.read();
  s.thread = std::thread([&s] { s.io->run(); });
  return true;
}

bool CdpClient::connected() const { return impl_->open; }

void CdpClient::close() {
  Impl& s = *impl_;
  if (s.thread.joinable()) {
    s.io->stop();
    s.thread.join();
  }
  if (s.ws) {
    beast::error_code ignored;
    beast::get_lowest_layer(*s.ws).socket().close(ignored);
  }
  s.ws.reset();
  s.io.reset();
  s.open = false;
  s.outbox.clear();
  std::lock_guard<std::mutex> lock(s.mutex);
  s.inbox.clear();
}

int CdpClient::wake_fd() const { return impl_->pipe_fds[0]; }

std::optional<json> CdpClient::next() {
  Impl& s = *impl_;
  char drain[64];
  while (::read(s.pipe_fds[0], drain, sizeof drain) > 0) {
  }
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.inbox.empty()) return std::nullopt;
  json message = std::move(s.inbox.front());
  s.inbox.pop_front();
  if (!s.inbox.empty()) {  // more waiting: stay readable
    char c = 1;
    [[maybe_unused]] ssize_t n = ::write(s.pipe_fds[1], &c, 1);
  }
  return message;
}

int CdpClient::send(const std::string& method, json params) {
  Impl& s = *impl_;
  int id = ++s.next_id;
  std::string text = json{{"id", id}, {"method", method}, {"params", std::move(params)}}.dump();
  if (!s.io) return id;
  net::post(*s.io, [&s, text = std::move(text)]() mutable {
    if (!s.ws || !s.open) return;
    s.outbox.push_back(std::move(text));
    if (s.outbox.size() == 1) s.write();
  });
  return id;
}

}  // namespace glass::inspect
