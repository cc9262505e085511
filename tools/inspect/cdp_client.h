// CdpClient: the client end of the Chrome DevTools Protocol, for `glass
// inspect`: finds the target through GET /json, opens its WebSocket, and
// turns the connection into a queue of messages the terminal reads from
// its own thread.
//
// Boost.Beast does the HTTP and WebSocket work on a thread of its own (an
// io_context): received messages are queued and a pipe is written so the
// terminal's poll() wakes; sends are posted to that thread. The terminal
// never blocks on the network except inside request().
#pragma once
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace glass::inspect {

using json = nlohmann::json;

class CdpClient {
 public:
  CdpClient();
  ~CdpClient();
  CdpClient(const CdpClient&) = delete;
  CdpClient& operator=(const CdpClient&) = delete;

  // Finds the target at host:port (GET /json) and connects to its WebSocket.
  bool connect(const std::string& host, uint16_t port, std::string& error);
  bool connected() const;
  void close();

  // A file descriptor that is readable while messages are queued (for poll()).
  int wake_fd() const;
  // The next message received, or nullopt; after the connection closed, a
  // message {"closed": true} is queued once.
  std::optional<json> next();

  // Sends a request; returns its id.
  int send(const std::string& method, json params = json::object());

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace glass::inspect
