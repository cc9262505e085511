// System errors the way Node reports them: an std::error_code from the loop
// (errno values, Asio's end-of-stream and name-lookup codes) becomes Node's
// `errno` (negative, libuv style), `code` ('ECONNREFUSED') and libuv's
// description ('connection refused'). lib/net.js builds the Error objects
// from these, with Node's message forms.
#pragma once
#include <string>
#include <system_error>

#include "vm/vm.h"

namespace glass::natives {

struct SystemErrorInfo {
  int errno_value;          // negative: -ECONNREFUSED, or Node's -3008 for ENOTFOUND
  std::string code;         // "ECONNREFUSED"
  std::string description;  // "connection refused"
};

SystemErrorInfo describe_system_error(const std::error_code& ec);

// { errno, code, description } for lib/*.js.
Object* system_error_info(Vm& vm, const std::error_code& ec);

}  // namespace glass::natives
