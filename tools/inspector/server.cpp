// The inspector's HTTP and WebSocket server: see server.h for what it serves
// and the rules it keeps. Everything below runs on the server's own thread
// (its io_context), except send() and the destructor.
#include "inspector/server.h"

#include <utility>  // (before Boost.Asio, which uses std::exchange without it)

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <cctype>
#include <deque>
#include <nlohmann/json.hpp>

#include "inspector/view_files.h"
#include <random>
#include <thread>

namespace glass::inspector {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

std::string random_uuid() {  // RFC 4122 version 4
  std::random_device device;
  std::mt19937_64 random(uint64_t(device()) << 32 | device());
  uint64_t a = random(), b = random();
  a = (a & ~0xF000ull) | 0x4000ull;                      // version 4
  b = (b & ~(0xC000ull << 48)) | (0x8000ull << 48);       // variant 10
  char out[37];
  std::snprintf(out, sizeof out, "%08x-%04x-%04x-%04x-%012llx", unsigned(a >> 32), unsigned(a >> 16 & 0xFFFF),
                unsigned(a & 0xFFFF), unsigned(b >> 48), static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
  return out;
}

// DNS rebinding: a page on evil.example may resolve its own name to
// 127.0.0.1 and talk to us; its requests carry its name as Host. Only IP
// addresses and localhost are accepted (or no Host at all: HTTP/1.0).
bool allowed_host(std::string_view host) {
  if (host.empty()) return true;
  if (host.front() == '[') return host.find(']') != std::string_view::npos;  // an IPv6 literal
  std::string name(host.substr(0, host.rfind(':')));
  for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
  if (name == "localhost") return true;
  boost::system::error_code ec;
  net::ip::make_address_v4(name, ec);
  return !ec;
}

}  // namespace

class WebSocketSession;

struct InspectorServer::Impl {
  Options options;
  Hooks hooks;
  net::io_context io;
  tcp::acceptor acceptor{io};
  std::thread thread;
  std::string uuid = random_uuid();
  uint16_t bound_port = 0;
  std::shared_ptr<WebSocketSession> client;  // the one attached client (server thread only)

  std::string host_port() const { return options.host + ":" + std::to_string(bound_port); }
  std::string websocket_url() const { return "ws://" + host_port() + "/" + uuid; }
  void accept();
  void attached(std::shared_ptr<WebSocketSession> session);
  void detached(const WebSocketSession* session);
  nlohmann::json target() const {
    std::string ws = host_port() + "/" + uuid;
    return {{"description", "glass instance"},
            {"devtoolsFrontendUrl", "devtools://devtools/bundled/js_app.html?experiments=true&v8only=true&ws=" + ws},
            {"devtoolsFrontendUrlCompat", "devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=" + ws},
            {"faviconUrl", "https://nodejs.org/static/images/favicons/favicon.ico"},
            {"id", uuid},
            {"title", options.title},
            {"type", "node"},
            {"url", options.url},
            {"webSocketDebuggerUrl", websocket_url()}};
  }
};

// One WebSocket client: reads messages into hooks.message, writes what
// send() queues, in order, one write in flight at a time.
class WebSocketSession : public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(InspectorServer::Impl& server, tcp::socket socket) : server_(server), ws_(std::move(socket)) {}

  void start(http::request<http::string_body> request) {
    // A handshake must finish in 30 s; once open the connection may sit
    // idle as long as the user thinks (no idle timeout, no pings).
    websocket::stream_base::timeout timeout{std::chrono::seconds(30), websocket::stream_base::none(), false};
    ws_.set_option(timeout);
    ws_.read_message_max(InspectorServer::kMaxMessage);
    // Every message goes out as one frame: node's own inspect client
    // rejects fragmented frames, and Beast fragments past 4 KB by default.
    ws_.auto_fragment(false);
    ws_.async_accept(request, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return;
      self->server_.attached(self);
      self->read();
    });
  }

  void send(std::string message) {
    outbox_.push_back(std::move(message));
    if (outbox_.size() == 1) write();
  }

 private:
  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) {  // closed, reset, a malformed frame, a message over kMaxMessage: the client is gone
        self->server_.detached(self.get());
        return;
      }
      std::string text = beast::buffers_to_string(self->buffer_.data());
      self->buffer_.consume(self->buffer_.size());
      self->server_.hooks.message(std::move(text));
      self->read();
    });
  }

  void write() {
    ws_.text(true);
    ws_.async_write(net::buffer(outbox_.front()), [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return;  // the read side notices the broken connection
      self->outbox_.pop_front();
      if (!self->outbox_.empty()) self->write();
    });
  }

  InspectorServer::Impl& server_;
  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> outbox_;
};

// One HTTP connection: requests answered in turn until it closes or upgrades.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(InspectorServer::Impl& server, tcp::socket socket) : server_(server), stream_(std::move(socket)) {}

  void read() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(64 * 1024);
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, size_t) {
      self->on_request(ec);
    });
  }

 private:
  void on_request(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout) return close();
    if (ec) return respond(http::status::bad_request, "Malformed HTTP request: " + ec.message() + "\n", "text/plain", false);
    http::request<http::string_body> request = parser_->release();
    std::string host(request[http::field::host]);
    if (!allowed_host(host))
      return respond(http::status::bad_request, "Host header is not an IP address or localhost: " + host + "\n",
                     "text/plain", false);
    std::string target(request.target());
    if (websocket::is_upgrade(request)) {
      if (target != "/" + server_.uuid)
        return respond(http::status::not_found, "No such target: " + target + "\n", "text/plain", false);
      if (server_.client)
        return respond(http::status::bad_request, "Another debugger client is attached\n", "text/plain", false);
      stream_.expires_never();
      std::make_shared<WebSocketSession>(server_, stream_.release_socket())->start(std::move(request));
      return;
    }
    if (request.method() != http::verb::get)
      return respond(http::status::method_not_allowed, "Only GET is served\n", "text/plain", false);
    bool keep = request.keep_alive();
    if (target == "/json" || target == "/json/list" || target == "/json/list/")
      return respond(http::status::ok, nlohmann::json::array({server_.target()}).dump(2) + "\n", "application/json", keep);
    if (target == "/json/version")
      return respond(http::status::ok,
                     nlohmann::json{{"Browser", std::string("glass/") + GLASS_VERSION}, {"Protocol-Version", "1.3"}}.dump(2) +
                         "\n",
                     "application/json", keep);
    if (target == "/json/protocol") return respond(http::status::ok, server_.options.protocol_json, "application/json", keep);
    // The live page (glass view): /view/ and its files.
    if (target == "/view") return redirect("/view/", keep);
    if (target.starts_with("/view/")) {
      std::string name = target.substr(6);
      if (name.empty()) name = "index.html";
      if (const ViewFile* file = view_file(name)) return respond(http::status::ok, file->text, file->type, keep);
    }
    respond(http::status::not_found, "Unknown path: " + target + "\n", "text/plain", keep);
  }

  void redirect(const char* to, bool keep_alive) {
    auto response = std::make_shared<http::response<http::string_body>>(http::status::moved_permanently, 11);
    response->set(http::field::server, "glass");
    response->set(http::field::location, to);
    response->keep_alive(keep_alive);
    response->prepare_payload();
    http::async_write(stream_, *response, [self = shared_from_this(), response, keep_alive](beast::error_code ec, size_t) {
      if (ec || !keep_alive) return self->close();
      self->read();
    });
  }

  void respond(http::status status, std::string body, const char* type, bool keep_alive) {
    auto response = std::make_shared<http::response<http::string_body>>(status, 11);
    response->set(http::field::server, "glass");
    response->set(http::field::content_type, std::string(type) + "; charset=UTF-8");
    response->keep_alive(keep_alive);
    response->body() = std::move(body);
    response->prepare_payload();
    http::async_write(stream_, *response, [self = shared_from_this(), response, keep_alive](beast::error_code ec, size_t) {
      if (ec || !keep_alive) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  InspectorServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
};

void InspectorServer::Impl::accept() {
  acceptor.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec != net::error::operation_aborted) accept();
      return;
    }
    std::make_shared<HttpSession>(*this, std::move(socket))->read();
    accept();
  });
}

void InspectorServer::Impl::attached(std::shared_ptr<WebSocketSession> session) {
  client = std::move(session);
  hooks.connected();
}

void InspectorServer::Impl::detached(const WebSocketSession* session) {
  if (client.get() != session) return;
  client.reset();
  hooks.disconnected();
}

InspectorServer::InspectorServer(Options options, Hooks hooks) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  impl_->hooks = std::move(hooks);
}

InspectorServer::~InspectorServer() {
  impl_->io.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

bool InspectorServer::start(std::string& error) {
  Impl& s = *impl_;
  boost::system::error_code ec;
  net::ip::address address = net::ip::make_address(s.options.host == "localhost" ? "127.0.0.1" : s.options.host, ec);
  if (ec) {
    error = "invalid host '" + s.options.host + "'";
    return false;
  }
  tcp::endpoint endpoint(address, s.options.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    error = "cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) + ": " + ec.message();
    return false;
  }
  s.bound_port = s.acceptor.local_endpoint().port();
  s.accept();
  s.thread = std::thread([&s] { s.io.run(); });
  return true;
}

uint16_t InspectorServer::port() const { return impl_->bound_port; }
std::string InspectorServer::websocket_url() const { return impl_->websocket_url(); }

void InspectorServer::send(std::string message) {
  net::post(impl_->io, [impl = impl_.get(), message = std::move(message)]() mutable {
    if (impl->client) impl->client->send(std::move(message));
  });
}

}  // namespace glass::inspector
