// errno -> Node's code and libuv's description (see net_errors.h). Only the
// errors sockets and name lookups meet; anything else keeps the system's
// strerror text and an "E<number>" code.
#include "natives/net_errors.h"

#include <asio.hpp>

#include <cerrno>

#include "builtins/builtins.h"

namespace glass::natives {

namespace {

struct Known {
  int value;
  const char* code;
  const char* description;
};

// The descriptions are libuv's (uv_strerror), which Node puts in its messages.
constexpr Known kErrnos[] = {
    {EACCES, "EACCES", "permission denied"},
    {EADDRINUSE, "EADDRINUSE", "address already in use"},
    {EADDRNOTAVAIL, "EADDRNOTAVAIL", "address not available"},
    {EAFNOSUPPORT, "EAFNOSUPPORT", "address family not supported"},
    {EAGAIN, "EAGAIN", "resource temporarily unavailable"},
    {EBADF, "EBADF", "bad file descriptor"},
    {ECANCELED, "ECANCELED", "operation canceled"},
    {ECONNABORTED, "ECONNABORTED", "software caused connection abort"},
    {ECONNREFUSED, "ECONNREFUSED", "connection refused"},
    {ECONNRESET, "ECONNRESET", "connection reset by peer"},
    {EHOSTUNREACH, "EHOSTUNREACH", "host is unreachable"},
    {EINVAL, "EINVAL", "invalid argument"},
    {EMFILE, "EMFILE", "too many open files"},
    {ENETDOWN, "ENETDOWN", "network is down"},
    {ENETUNREACH, "ENETUNREACH", "network is unreachable"},
    {ENFILE, "ENFILE", "file table overflow"},
    {ENOBUFS, "ENOBUFS", "no buffer space available"},
    {ENOMEM, "ENOMEM", "not enough memory"},
    {ENOTCONN, "ENOTCONN", "socket is not connected"},
    {ENOTSOCK, "ENOTSOCK", "socket operation on non-socket"},
    {EPERM, "EPERM", "operation not permitted"},
    {EPIPE, "EPIPE", "broken pipe"},
    {ETIMEDOUT, "ETIMEDOUT", "connection timed out"},
};

}  // namespace

SystemErrorInfo describe_system_error(const std::error_code& ec) {
  if (ec == asio::error::eof) return {-4095, "EOF", "end of file"};
  if (ec == asio::error::host_not_found || ec == asio::error::host_not_found_try_again) {
    // What Node's dns reports for getaddrinfo's EAI_NONAME / EAI_AGAIN.
    if (ec == asio::error::host_not_found_try_again) return {-3001, "EAI_AGAIN", "temporary failure"};
    return {-3008, "ENOTFOUND", "not found"};
  }
  if (ec.category() == asio::error::get_netdb_category() || ec.category() == asio::error::get_addrinfo_category())
    return {-3007, "EAI_FAIL", ec.message()};
  if (ec.category() == asio::error::get_system_category() || ec.category() == std::system_category() ||
      ec.category() == std::generic_category()) {
    for (const Known& k : kErrnos)
      if (k.value == ec.value()) return {-k.value, k.code, k.description};
    return {-ec.value(), "E" + std::to_string(ec.value()), ec.message()};
  }
  return {-1, "UNKNOWN", ec.message()};
}

Object* system_error_info(Vm& vm, const std::error_code& ec) {
  SystemErrorInfo info = describe_system_error(ec);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  vm.define_value(o, "errno", Value::number(info.errno_value), kDefaultProperty);
  gc::Rooted<String> code(vm.heap(), vm.new_string(info.code));
  vm.define_value(o, "code", string_value(code), kDefaultProperty);
  gc::Rooted<String> description(vm.heap(), vm.new_string(info.description));
  vm.define_value(o, "description", string_value(description), kDefaultProperty);
  return o;
}

}  // namespace glass::natives
