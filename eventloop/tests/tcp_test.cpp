// Unit tests of the TCP layer (eventloop/tcp.h) without JS: listen on port 0,
// connect, echo, half-close, close callbacks, liveness and unref, errors
// (EADDRINUSE, ECONNREFUSED, writing to a peer that went away), big writes,
// name lookup. Everything runs on loopback.
#include "eventloop/tcp.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

using glass::eventloop::Loop;
using glass::eventloop::TcpEndpoint;
using glass::eventloop::TcpServer;
using glass::eventloop::TcpSocket;
using namespace std::chrono_literals;

namespace {

TcpEndpoint loopback(unsigned short port = 0) { return TcpEndpoint(asio::ip::make_address("127.0.0.1"), port); }

// A server on 127.0.0.1:0 that echoes what it reads and closes after the peer's end.
std::shared_ptr<TcpServer> echo_server(Loop& loop, std::vector<std::string>& log) {
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  server->accept_start([&log](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    REQUIRE_FALSE(ec);
    log.push_back("server: connection");
    std::weak_ptr<TcpSocket> weak = s;
    s->read_start([weak, &log](std::error_code ec, std::string_view data) {
      auto s = weak.lock();
      REQUIRE(s);
      if (ec == asio::error::eof) {
        log.push_back("server: eof");
        s->shutdown([weak, &log](std::error_code ec) {
          CHECK_FALSE(ec);
          log.push_back("server: shutdown");
          if (auto s = weak.lock()) s->close([&log] { log.push_back("server: socket closed"); });
        });
        return;
      }
      REQUIRE_FALSE(ec);
      log.push_back("server: data " + std::string(data));
      s->write(std::string(data), [](std::error_code ec) { CHECK_FALSE(ec); });
    });
  });
  return server;
}

}  // namespace

TEST_CASE("tcp: listen on port 0, connect, echo, half-close, close; the loop then ends") {
  Loop loop;
  std::vector<std::string> log;
  auto server = echo_server(loop, log);
  auto bound = server->local_endpoint();
  REQUIRE(bound);
  CHECK(bound->port() != 0);
  CHECK(bound->address().to_string() == "127.0.0.1");

  auto client = TcpSocket::create(loop);
  std::string received;
  client->connect(*bound, [&](std::error_code ec) {
    REQUIRE_FALSE(ec);
    log.push_back("client: connected");
    CHECK(client->remote_endpoint()->port() == bound->port());
    CHECK(client->local_endpoint()->port() != 0);
    client->write("hello", [&](std::error_code ec) {
      CHECK_FALSE(ec);
      log.push_back("client: written");
    });
    client->read_start([&](std::error_code ec, std::string_view data) {
      if (ec == asio::error::eof) {
        log.push_back("client: eof");
        client->close([&] { log.push_back("client: closed"); });
        return;
      }
      REQUIRE_FALSE(ec);
      received += data;
      if (received == "hello") client->shutdown([&](std::error_code ec) { CHECK_FALSE(ec); });
    });
  });
  bool server_closed = false;
  loop.add_timer(1ms, [] {});
  // The server is referenced: close it once the client is gone.
  for (int i = 0; i < 100000 && !(log.size() && log.back() == "client: closed"); ++i) loop.run_once();
  server->close([&] { server_closed = true; });
  loop.run();
  CHECK(server_closed);
  CHECK(received == "hello");
  std::vector<std::string> server_log, client_log;
  for (const std::string& line : log) (line.starts_with("client") ? client_log : server_log).push_back(line);
  CHECK(client_log == std::vector<std::string>{"client: connected", "client: written", "client: eof", "client: closed"});
  CHECK(server_log == std::vector<std::string>{"server: connection", "server: data hello", "server: eof",
                                               "server: shutdown", "server: socket closed"});
  CHECK_FALSE(loop.alive());
}

TEST_CASE("tcp: a listening server keeps the loop alive until unref() or close()") {
  Loop loop;
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  server->accept_start([](std::error_code, std::shared_ptr<TcpSocket>) {});
  CHECK(loop.alive());
  server->unref();
  CHECK_FALSE(server->has_ref());
  CHECK_FALSE(loop.alive());
  loop.run();  // returns at once
  server->ref();
  CHECK(loop.alive());
  bool closed = false;
  server->close([&] { closed = true; });
  CHECK(server->is_closed());
  loop.run();  // the close callback was the last thing
  CHECK(closed);
  CHECK_FALSE(loop.alive());
}

TEST_CASE("tcp: an unreferenced socket does not keep the loop alive; a referenced one does") {
  Loop loop;
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  server->accept_start([&](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    REQUIRE_FALSE(ec);
    CHECK(s->has_ref());  // accepted sockets are referenced too
    s->unref();
  });
  server->unref();
  auto client = TcpSocket::create(loop);
  bool connected = false;
  client->connect(*server->local_endpoint(), [&](std::error_code ec) {
    connected = !ec;
    client->unref();
  });
  client->unref();
  CHECK_FALSE(loop.alive());
  loop.run();  // nothing referenced: returns before the connection completes
  CHECK_FALSE(connected);
  client->ref();
  loop.run();  // until the client connected and unref'd itself
  CHECK(connected);
}

TEST_CASE("tcp: listening on a port in use fails with EADDRINUSE; connecting to a closed port with ECONNREFUSED") {
  Loop loop;
  auto first = TcpServer::create(loop);
  REQUIRE_FALSE(first->listen(loopback()));
  unsigned short port = first->local_endpoint()->port();
  auto second = TcpServer::create(loop);
  std::error_code ec = second->listen(loopback(port));
  CHECK(ec == make_error_code(asio::error::address_in_use));
  second->close();
  first->close();

  auto client = TcpSocket::create(loop);
  std::error_code connect_error;
  client->connect(loopback(port), [&](std::error_code ec) {
    connect_error = ec;
    client->close();
  });
  loop.run();
  CHECK(connect_error == make_error_code(asio::error::connection_refused));
}

TEST_CASE("tcp: writing to a peer that closed is an error callback, never SIGPIPE") {
  Loop loop;
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  server->accept_start([&](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    REQUIRE_FALSE(ec);
    s->close();  // the peer goes away at once
    server->close();
  });
  auto client = TcpSocket::create(loop);
  std::error_code write_error;
  int writes = 0;
  std::function<void()> write_more = [&] {
    // Keep writing until the kernel reports the reset (EPIPE or ECONNRESET).
    client->write(std::string(4096, 'x'), [&](std::error_code ec) {
      ++writes;
      if (ec) {
        write_error = ec;
        client->close();
      } else if (writes < 10000) {
        loop.add_timer(1ms, write_more);
      }
    });
  };
  client->connect(*server->local_endpoint(), [&](std::error_code ec) {
    REQUIRE_FALSE(ec);
    write_more();
  });
  loop.run();
  CHECK((write_error == make_error_code(asio::error::broken_pipe) ||
         write_error == make_error_code(asio::error::connection_reset)));
}

TEST_CASE("tcp: a big write is queued, arrives whole and in order, and completes once") {
  Loop loop;
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  std::string received;
  std::shared_ptr<TcpSocket> peer;
  server->accept_start([&](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    REQUIRE_FALSE(ec);
    peer = s;
    server->close();
    s->read_start([&](std::error_code ec, std::string_view data) {
      if (ec) {
        CHECK(ec == asio::error::eof);
        peer->close();
        return;
      }
      received += data;
    });
  });
  std::string big;
  for (int i = 0; big.size() < (8u << 20); ++i) big += std::to_string(i) + ",";
  auto client = TcpSocket::create(loop);
  int completions = 0;
  client->connect(*server->local_endpoint(), [&](std::error_code ec) {
    REQUIRE_FALSE(ec);
    std::size_t queued = client->write(big, [&](std::error_code ec) {
      CHECK_FALSE(ec);
      ++completions;
      CHECK(client->queued_bytes() <= 3);  // at most "end" is left
    });
    CHECK(queued > 0);  // 8 MB do not fit in the socket buffers at once
    CHECK(client->queued_bytes() == queued);
    client->write("end", [&](std::error_code ec) { ++completions; });
    client->shutdown([&](std::error_code ec) {
      CHECK_FALSE(ec);
      CHECK(completions == 2);
      client->close();
    });
  });
  loop.run();
  CHECK(received == big + "end");
  CHECK(completions == 2);
}

TEST_CASE("tcp: read_stop pauses reading and read_start resumes it") {
  Loop loop;
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  std::vector<std::string> chunks;
  std::shared_ptr<TcpSocket> peer;
  server->accept_start([&](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    peer = s;
    server->close();
    s->read_start([&](std::error_code ec, std::string_view data) {
      if (ec) {
        peer->close();
        return;
      }
      chunks.emplace_back(data);
      peer->read_stop();
      loop.add_timer(20ms, [&] {
        CHECK(chunks.size() == 1);  // nothing was read while stopped
        peer->read_start([&](std::error_code ec, std::string_view data) {
          if (ec) {
            peer->close();
            return;
          }
          chunks.emplace_back(data);
        });
      });
    });
  });
  auto client = TcpSocket::create(loop);
  client->connect(*server->local_endpoint(), [&](std::error_code ec) {
    client->write("one", {});
    loop.add_timer(5ms, [&] {
      client->write("two", {});
      client->shutdown([&](std::error_code) { client->close(); });
    });
  });
  loop.run();
  REQUIRE(chunks.size() == 2);
  CHECK(chunks[0] == "one");
  CHECK(chunks[1] == "two");
}

TEST_CASE("tcp: no callback runs after close(); the close callback runs in the close phase") {
  Loop loop;
  std::vector<std::string> phases;
  loop.set_trace(nullptr);
  auto server = TcpServer::create(loop);
  REQUIRE_FALSE(server->listen(loopback()));
  bool accepted = false;
  server->accept_start([&](std::error_code, std::shared_ptr<TcpSocket>) { accepted = true; });
  auto client = TcpSocket::create(loop);
  bool connect_called = false, closed = false;
  client->connect(*server->local_endpoint(), [&](std::error_code) { connect_called = true; });
  client->close([&] { closed = true; });
  server->close();
  loop.add_immediate([&] { CHECK_FALSE(closed); });  // check runs before close
  loop.run();
  CHECK(closed);
  CHECK_FALSE(connect_called);
  CHECK_FALSE(accepted);
}

TEST_CASE("tcp: a dual-stack server on :: accepts IPv4 clients") {
  Loop loop;
  auto server = TcpServer::create(loop);
  if (server->listen(TcpEndpoint(asio::ip::address_v6::any(), 0))) {
    server->close();
    return;  // no IPv6 on this machine
  }
  bool accepted = false;
  server->accept_start([&](std::error_code ec, std::shared_ptr<TcpSocket> s) {
    accepted = !ec;
    s->close();
    server->close();
  });
  auto client = TcpSocket::create(loop);
  client->connect(loopback(server->local_endpoint()->port()), [&](std::error_code ec) {
    CHECK_FALSE(ec);
    client->close();
  });
  loop.run();
  CHECK(accepted);
}

TEST_CASE("tcp: resolve_host finds localhost on the pool and reports unknown names") {
  Loop loop;
  std::vector<asio::ip::address> found;
  std::error_code missing;
  glass::eventloop::resolve_host(loop, "localhost", [&](std::error_code ec, std::vector<asio::ip::address> a) {
    CHECK_FALSE(ec);
    found = a;
  });
  glass::eventloop::resolve_host(loop, "no-such-host.invalid",
                                 [&](std::error_code ec, std::vector<asio::ip::address>) { missing = ec; });
  loop.run();
  REQUIRE_FALSE(found.empty());
  CHECK(found.front().is_loopback());
  CHECK(missing);
}

TEST_CASE("tcp: sockets still open when the Loop is destroyed are torn down safely") {
  std::weak_ptr<TcpSocket> weak_client, weak_peer;
  {
    Loop loop;
    auto server = TcpServer::create(loop);
    REQUIRE_FALSE(server->listen(loopback()));
    server->accept_start([&](std::error_code, std::shared_ptr<TcpSocket> s) {
      weak_peer = s;
      s->unref();
      s->read_start([](std::error_code, std::string_view) {});  // still pending at the end
    });
    server->unref();
    auto client = TcpSocket::create(loop);
    client->unref();
    client->connect(*server->local_endpoint(), [](std::error_code) {});
    weak_client = client;
    loop.add_timer(50ms, [] {});  // what keeps the loop running meanwhile
    loop.run();
    CHECK_FALSE(weak_peer.expired());
  }  // nothing was closed: the Loop destroys them
  CHECK(weak_client.expired());
  CHECK(weak_peer.expired());
}
