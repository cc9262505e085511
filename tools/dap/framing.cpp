#include "dap/framing.h"

#include <algorithm>
#include <re2/re2.h>

namespace glass::dap {

std::optional<Frame> FrameReader::next() {
  if (skipping_ > 0) {
    size_t n = std::min(skipping_, buffer_.size());
    buffer_.erase(0, n);
    skipping_ -= n;
    if (skipping_ > 0) return std::nullopt;
  }
  size_t end = buffer_.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (buffer_.size() <= kMaxHeaderBytes) return std::nullopt;
    buffer_.clear();
    return Frame{std::nullopt, "bad header: no empty line within " + std::to_string(kMaxHeaderBytes) + " bytes"};
  }
  std::string header = buffer_.substr(0, end);
  static const RE2 content_length(R"((?im)^content-length:[ \t]*(\d{1,12})[ \t]*$)");
  std::string digits;
  if (!RE2::PartialMatch(header, content_length, &digits)) {
    buffer_.erase(0, end + 4);
    return Frame{std::nullopt, "bad header: no Content-Length in '" + header.substr(0, 200) + "'"};
  }
  size_t length = std::stoull(digits);
  if (length > kMaxMessageBytes) {
    buffer_.erase(0, end + 4);
    skipping_ = length;
    return Frame{std::nullopt, "message of " + digits + " bytes is over the limit of " +
                                   std::to_string(kMaxMessageBytes) + " bytes: skipped"};
  }
  if (buffer_.size() < end + 4 + length) return std::nullopt;
  std::string body = buffer_.substr(end + 4, length);
  buffer_.erase(0, end + 4 + length);
  json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) return Frame{std::nullopt, "the message is not JSON"};
  return Frame{std::move(message), ""};
}

std::string frame(const json& message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace glass::dap
