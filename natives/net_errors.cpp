// errno -> Node's code and libuv's description (see net_errors.h), from the
// errno table fs uses too; an errno not in it keeps the system's strerror
// text and an "E<number>" code.
#include "natives/net_errors.h"

#include <asio.hpp>

#include <cerrno>

#include "builtins/builtins.h"

namespace glass::natives {

namespace {

// The code and description of a known errno (errno_table.inc, shared with fs).
bool known_errno(int value, const char*& code, const char*& description) {
  switch (value) {
#define GLASS_ERRNO(name, message) \
  case name: code = #name; description = message; return true;
#include "natives/errno_table.inc"
#undef GLASS_ERRNO
    default: return false;
  }
}

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
    const char *code, *description;
    if (known_errno(ec.value(), code, description)) return {-ec.value(), code, description};
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
