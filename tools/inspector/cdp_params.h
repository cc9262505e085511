// Reading a request's params: a missing or mistyped field is a CdpError
// (answered as JSON-RPC's "invalid params"), never an exception the
// dispatcher does not expect.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "inspector/cdp_session.h"

namespace glass::inspector {

inline std::string string_param(const json& params, const char* field, bool required = true) {
  auto it = params.find(field);
  if (it == params.end() || it->is_null()) {
    if (required) throw CdpError(kInvalidParams, std::string("Invalid parameters: missing '") + field + "'");
    return "";
  }
  if (!it->is_string()) throw CdpError(kInvalidParams, std::string("Invalid parameters: '") + field + "' must be a string");
  return it->get<std::string>();
}

inline int64_t int_param(const json& params, const char* field, std::optional<int64_t> fallback = std::nullopt) {
  auto it = params.find(field);
  if (it == params.end() || it->is_null()) {
    if (fallback) return *fallback;
    throw CdpError(kInvalidParams, std::string("Invalid parameters: missing '") + field + "'");
  }
  if (!it->is_number()) throw CdpError(kInvalidParams, std::string("Invalid parameters: '") + field + "' must be a number");
  return it->get<int64_t>();
}

inline bool bool_param(const json& params, const char* field, bool fallback = false) {
  auto it = params.find(field);
  if (it == params.end() || !it->is_boolean()) return fallback;
  return it->get<bool>();
}

}  // namespace glass::inspector
