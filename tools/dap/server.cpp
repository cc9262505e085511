// run_dap: the command line of `glass --dap`, the stdio session and the TCP
// server (Boost.Asio accepts; each connection is then served like stdio).
#include <signal.h>
#include <unistd.h>

#include <utility>  // (before Boost.Asio, which uses std::exchange without it)

#include <boost/asio.hpp>
#include <iostream>

#include "dap/adapter.h"
#include "dap/dap.h"

namespace glass::dap {

namespace {

int usage(const std::string& message) {
  std::cerr << "glass: " << message << "\nusage: glass --dap | glass --dap=PORT | glass --dap-port=PORT\n";
  return 2;
}

int serve_tcp(uint16_t port, const std::string& glass) {
  namespace net = boost::asio;
  using tcp = net::ip::tcp;
  net::io_context io;
  tcp::acceptor acceptor(io);
  try {
    acceptor.open(tcp::v4());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(tcp::endpoint(net::ip::address_v4::loopback(), port));
    acceptor.listen();
  } catch (const std::exception& e) {
    std::cerr << "glass --dap: cannot listen on 127.0.0.1:" << port << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "DAP server listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
  for (;;) {
    tcp::socket socket(io);
    boost::system::error_code ec;
    acceptor.accept(socket, ec);
    if (ec) continue;
    int fd = socket.native_handle();
    Adapter adapter(fd, fd, glass);
    adapter.run();
  }
}

}  // namespace

int run_dap(const std::vector<std::string>& args, const std::string& glass) {
  ::signal(SIGPIPE, SIG_IGN);  // a client that goes away is an end of input, not a signal
  if (args.size() != 1) return usage("--dap takes no other arguments (the program comes in the launch request)");
  const std::string& flag = args[0];
  if (flag == "--dap") {
    Adapter adapter(0, 1, glass);
    adapter.run();
    return 0;
  }
  size_t eq = flag.find('=');
  std::string name = flag.substr(0, eq);
  if ((name != "--dap" && name != "--dap-port") || eq == std::string::npos) return usage("unknown option '" + flag + "'");
  std::string value = flag.substr(eq + 1);
  char* end = nullptr;
  long port = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || !end || *end || port < 0 || port > 65535) return usage("invalid port in '" + flag + "'");
  return serve_tcp(uint16_t(port), glass);
}

}  // namespace glass::dap
