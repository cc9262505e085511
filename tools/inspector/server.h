// InspectorServer: the debugger's HTTP and WebSocket endpoint, as Node's
// inspector serves it (`--inspect`), on a thread of its own.
//
//   GET /json, /json/list   the one target: its webSocketDebuggerUrl, devtools URLs
//   GET /json/version       {"Browser": "glass/<version>", "Protocol-Version": "1.3"}
//   GET /json/protocol      the domains, methods and events served (cdp_methods.h)
//   GET /<uuid> + Upgrade   the WebSocket carrying CDP messages, one client at a time
//
// Built on Boost.Beast (HTTP parsing and WebSocket framing, from the Boost
// headers the build already uses) over Boost.Asio, running its own
// io_context on its own thread: it keeps serving while the JS thread is
// paused — that is what makes a pause answerable.
//
// Safety, as Node does it: it listens on 127.0.0.1 unless told otherwise;
// a request whose Host header is neither an IP address nor `localhost` is
// refused (a web page reaching it through DNS rebinding); a second client
// is refused while one is attached; a malformed request or frame, or a
// message over kMaxMessage, closes that connection with an error and
// leaves the program alone.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace glass::inspector {

class InspectorServer {
 public:
  static constexpr size_t kMaxMessage = size_t(16) << 20;  // bytes in one WebSocket message

  struct Options {
    std::string host = "127.0.0.1";
    uint16_t port = 9229;     // 0: any free port
    std::string title;        // the target's title (the script's name)
    std::string url;          // the target's url (file://...)
    std::string protocol_json;  // what /json/protocol answers
  };
  // Called on the server's thread.
  struct Hooks {
    std::function<void()> connected;
    std::function<void(std::string)> message;
    std::function<void()> disconnected;
  };

  InspectorServer(Options options, Hooks hooks);
  ~InspectorServer();  // stops the thread
  InspectorServer(const InspectorServer&) = delete;
  InspectorServer& operator=(const InspectorServer&) = delete;

  // Binds and starts serving; false (with `error` set) when it cannot bind.
  bool start(std::string& error);
  uint16_t port() const;
  std::string websocket_url() const;  // ws://host:port/<uuid>
  // Any thread: sends a message to the attached client (dropped when none).
  void send(std::string message);

  struct Impl;  // server.cpp (public so that its connection classes can name it)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace glass::inspector
