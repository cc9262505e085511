// DAP's wire format: each message is "Content-Length: N\r\n" (other header
// lines allowed and ignored), an empty line, then N bytes of JSON.
// FrameReader cuts a byte stream into messages; what it cannot read becomes
// an error the adapter answers with an error response, and reading goes on
// after the bad frame.
#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace glass::dap {

using json = nlohmann::json;

// The largest message body accepted; a bigger one is skipped (and answered
// with an error) without being held in memory.
inline constexpr size_t kMaxMessageBytes = size_t(16) << 20;
// A header block longer than this without its empty line is garbage.
inline constexpr size_t kMaxHeaderBytes = 8192;

struct Frame {
  std::optional<json> message;  // a JSON value (not yet checked to be a request)
  std::string error;            // or why the frame could not be read
};

class FrameReader {
 public:
  void feed(const char* data, size_t size) { buffer_.append(data, size); }
  // The next complete frame, or nullopt when more bytes are needed.
  std::optional<Frame> next();

 private:
  std::string buffer_;
  size_t skipping_ = 0;  // bytes of an oversized body still to drop
};

// A message with its header, ready to write.
std::string frame(const json& message);

}  // namespace glass::dap
