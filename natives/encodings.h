// Bytes <-> JS strings for the encodings Node's streams name (a subset:
// utf8, latin1 (= binary), ascii, hex). Glass has no Buffer yet, so sockets
// read and write strings through these.
//
// - encode_string: the bytes Buffer.from(s, encoding) would hold (UTF-8:
//   lone surrogates become U+FFFD; latin1/ascii: the low byte of each code
//   unit; hex: digit pairs up to the first bad one).
// - StreamDecoder: like Node's StringDecoder, keeps an incomplete UTF-8
//   sequence at the end of one chunk for the next, so a character split
//   across two reads is decoded whole.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "vm/vm.h"

namespace glass::natives {

enum class Encoding { Utf8, Latin1, Ascii, Hex };

// "utf8", "latin1", "ascii", "hex" (already normalized by lib/net.js).
std::optional<Encoding> parse_encoding(std::string_view name);

std::string encode_string(const String* s, Encoding encoding);

class StreamDecoder {
 public:
  void set_encoding(Encoding e) { encoding_ = e; }
  Encoding encoding() const { return encoding_; }
  // The text of `bytes` (plus what was held back); nullptr only if too long.
  String* decode(gc::Heap& heap, std::string_view bytes);
  // At end of stream: the held-back bytes (as U+FFFD), or nullptr if none.
  String* flush(gc::Heap& heap);

 private:
  Encoding encoding_ = Encoding::Utf8;
  std::string pending_;  // an incomplete UTF-8 sequence
};

}  // namespace glass::natives
