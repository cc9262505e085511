// String encodings for sockets (see encodings.h).
#include "natives/encodings.h"

#include "objects/string.h"

namespace glass::natives {

namespace {

int hex_digit(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// How many bytes the UTF-8 sequence starting with `lead` has (1 for a byte
// that cannot start one: the decoder replaces it anyway).
size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  return 1;
}

// Where an incomplete sequence at the end of `bytes` starts (bytes.size() if none).
size_t incomplete_tail(std::string_view bytes) {
  size_t n = bytes.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    unsigned char c = static_cast<unsigned char>(bytes[n - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: keep looking for the lead
    return sequence_length(c) > back ? n - back : n;
  }
  return n;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  if (name == "utf8") return Encoding::Utf8;
  if (name == "latin1") return Encoding::Latin1;
  if (name == "ascii") return Encoding::Ascii;
  if (name == "hex") return Encoding::Hex;
  return std::nullopt;
}

std::string encode_string(const String* s, Encoding encoding) {
  if (encoding == Encoding::Utf8) return s->to_utf8();
  std::u16string units = s->to_utf16();
  std::string out;
  if (encoding == Encoding::Hex) {
    out.reserve(units.size() / 2);
    for (size_t i = 0; i + 1 < units.size(); i += 2) {
      int hi = hex_digit(units[i]), lo = hex_digit(units[i + 1]);
      if (hi < 0 || lo < 0) break;  // Node stops at the first pair that is not hex
      out.push_back(char(hi * 16 + lo));
    }
    return out;
  }
  out.reserve(units.size());
  for (char16_t c : units) out.push_back(char(c & 0xFF));
  return out;
}

String* StreamDecoder::decode(gc::Heap& heap, std::string_view bytes) {
  switch (encoding_) {
    case Encoding::Utf8: {
      std::string joined;
      if (!pending_.empty()) {
        joined = std::move(pending_);
        pending_.clear();
        joined.append(bytes);
        bytes = joined;
      }
      size_t cut = incomplete_tail(bytes);
      std::string tail(bytes.substr(cut));
      String* s = String::from_utf8(heap, bytes.substr(0, cut));
      pending_ = std::move(tail);
      return s;
    }
    case Encoding::Latin1:
      return String::from_latin1(heap, bytes);
    case Encoding::Ascii: {
      std::string low(bytes);
      for (char& c : low) c = char(c & 0x7F);
      return String::from_latin1(heap, low);
    }
    case Encoding::Hex: {
      static const char digits[] = "0123456789abcdef";
      std::string hex;
      hex.reserve(bytes.size() * 2);
      for (unsigned char c : bytes) {
        hex.push_back(digits[c >> 4]);
        hex.push_back(digits[c & 15]);
      }
      return String::from_latin1(heap, hex);
    }
  }
  return nullptr;
}

String* StreamDecoder::flush(gc::Heap& heap) {
  if (pending_.empty()) return nullptr;
  std::string rest = std::move(pending_);
  pending_.clear();
  return String::from_utf8(heap, rest);  // an incomplete sequence: U+FFFD
}

}  // namespace glass::natives
