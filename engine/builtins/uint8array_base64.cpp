// Uint8Array to and from base64 and hex (ECMA-262 2026 §23.3): the static
// Uint8Array.fromBase64 / fromHex and the methods toBase64, toHex,
// setFromBase64 and setFromHex of Uint8Array.prototype.
//
// The decoders return what they read, the bytes and an error (the spec's
// Records), because setFromBase64/setFromHex write the bytes decoded before
// a bad character and only then throw.
#include <string>

#include "builtins/string_builder.h"
#include "builtins/typed_array.h"

namespace glass {

namespace {

constexpr uint64_t kMaxSafeInteger = 9007199254740991ull;
enum class Alphabet { Base64, Base64Url };
enum class LastChunkHandling { Loose, Strict, StopBeforePartial };

struct DecodeResult {
  size_t read = 0;             // [[Read]]: code units consumed
  std::vector<uint8_t> bytes;  // [[Bytes]]
  bool error = false;          // [[Error]]: a SyntaxError
};

// ValidateUint8Array ( ta )
TypedArrayObject* validate_uint8_array(Vm& vm, Value ta, const char* method) {
  TypedArrayObject* o = ta.is_object() ? as_typed_array(as_object(ta)) : nullptr;
  if (!o || o->type != ElementType::Uint8)
    vm.throw_error(ErrorType::TypeError, std::string(method) + " called on a non-Uint8Array");
  return o;
}

// GetOptionsObject ( options ): undefined becomes an empty object, a non-object is a TypeError.
Object* get_options_object(Vm& vm, Value options) {
  if (options.is_undefined()) return vm.new_object_with_proto(nullptr);
  if (options.is_object()) return as_object(options);
  vm.throw_error(ErrorType::TypeError, "options must be an object");
}

// True when `v` is the String `text` (no conversion: the options take only strings).
bool is_string_value(Value v, std::string_view text) {
  return v.is_string() && as_string(v)->to_utf8() == text;
}

// The "alphabet" option: "base64" (the default) or "base64url".
Alphabet get_alphabet(Vm& vm, Object* opts) {
  Value alphabet = get(vm, opts, key_of(vm, "alphabet"));
  if (alphabet.is_undefined() || is_string_value(alphabet, "base64")) return Alphabet::Base64;
  if (is_string_value(alphabet, "base64url")) return Alphabet::Base64Url;
  vm.throw_error(ErrorType::TypeError, "expected alphabet to be either \"base64\" or \"base64url\"");
}

// The "lastChunkHandling" option: "loose" (the default), "strict" or "stop-before-partial".
LastChunkHandling get_last_chunk_handling(Vm& vm, Object* opts) {
  Value v = get(vm, opts, key_of(vm, "lastChunkHandling"));
  if (v.is_undefined() || is_string_value(v, "loose")) return LastChunkHandling::Loose;
  if (is_string_value(v, "strict")) return LastChunkHandling::Strict;
  if (is_string_value(v, "stop-before-partial")) return LastChunkHandling::StopBeforePartial;
  vm.throw_error(ErrorType::TypeError,
                 "expected lastChunkHandling to be either \"loose\", \"strict\", or \"stop-before-partial\"");
}

// GetUint8ArrayBytes ( ta ): the bytes of a Uint8Array that is not out of bounds.
std::string_view get_uint8_array_bytes(Vm& vm, TypedArrayObject* ta) {
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(ta);
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError, "Cannot encode a detached or out of bounds Uint8Array");
  size_t len = typed_array_length(record);
  return std::string_view(reinterpret_cast<const char*>(ta->buffer->data() + ta->byte_offset), len);
}

int base64_value(char16_t c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

int hex_value(char16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// SkipAsciiWhitespace ( string, index )
size_t skip_ascii_whitespace(const Units& s, size_t index) {
  while (index < s.length) {
    char16_t c = s[uint32_t(index)];
    if (c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D && c != 0x20) break;
    ++index;
  }
  return index;
}

// DecodeBase64Chunk ( chunk ): four characters' 24 bits as three bytes.
void decode_base64_chunk(const int chunk[4], std::vector<uint8_t>& bytes) {
  uint32_t bits = uint32_t(chunk[0] << 18 | chunk[1] << 12 | chunk[2] << 6 | chunk[3]);
  bytes.push_back(uint8_t(bits >> 16));
  bytes.push_back(uint8_t(bits >> 8));
  bytes.push_back(uint8_t(bits));
}

// DecodeFinalBase64Chunk ( chunk, throwOnExtraBits ): two or three characters
// as one or two bytes; false when throwOnExtraBits and the unused bits are not 0.
bool decode_final_base64_chunk(int chunk[4], int chunk_length, bool throw_on_extra_bits, std::vector<uint8_t>& bytes) {
  // 1-3. Pad the chunk with "A"s and decode it.
  for (int i = chunk_length; i < 4; ++i) chunk[i] = 0;
  uint32_t bits = uint32_t(chunk[0] << 18 | chunk[1] << 12 | chunk[2] << 6);
  uint8_t decoded[3] = {uint8_t(bits >> 16), uint8_t(bits >> 8), uint8_t(bits)};
  // 4. If throwOnExtraBits is true and byteSequence[chunkLength - 1] ≠ 0, throw a SyntaxError exception.
  if (throw_on_extra_bits && decoded[chunk_length - 1] != 0) return false;
  // 5-6. The first chunkLength - 1 bytes.
  for (int i = 0; i < chunk_length - 1; ++i) bytes.push_back(decoded[i]);
  return true;
}

// FromBase64 ( string, alphabet, lastChunkHandling [ , maxLength ] )
DecodeResult from_base64(const Units& s, Alphabet alphabet, LastChunkHandling last_chunk_handling,
                         uint64_t max_length = kMaxSafeInteger) {
  DecodeResult result;
  // 3. If maxLength = 0, return { [[Read]]: 0, [[Bytes]]: « », [[Error]]: none }.
  if (max_length == 0) return result;
  // 4-9.
  int chunk[4];
  int chunk_length = 0;
  size_t index = 0;
  size_t length = s.length;
  auto fail = [&] {
    result.error = true;
    return result;
  };
  // 10. Repeat,
  for (;;) {
    // a. Set index to SkipAsciiWhitespace(string, index).
    index = skip_ascii_whitespace(s, index);
    // b. At the end of the string:
    if (index == length) {
      if (chunk_length > 0) {
        // i.1. "stop-before-partial": the partial chunk is left unread.
        if (last_chunk_handling == LastChunkHandling::StopBeforePartial) return result;
        // i.2. "loose": decode it, unless it is a single character.
        if (last_chunk_handling == LastChunkHandling::Loose) {
          if (chunk_length == 1) return fail();
          decode_final_base64_chunk(chunk, chunk_length, false, result.bytes);
        } else {
          // i.3. "strict": padding is required.
          return fail();
        }
      }
      // ii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
      result.read = length;
      return result;
    }
    // c-d. Let char be the code unit at index; index + 1.
    char16_t c = s[uint32_t(index++)];
    // e. Padding.
    if (c == '=') {
      // i. If chunkLength < 2, the padding is in the wrong place.
      if (chunk_length < 2) return fail();
      // ii. Set index to SkipAsciiWhitespace(string, index).
      index = skip_ascii_whitespace(s, index);
      // iii. Two characters take two "=".
      if (chunk_length == 2) {
        if (index == length) {
          if (last_chunk_handling == LastChunkHandling::StopBeforePartial) return result;
          return fail();
        }
        if (s[uint32_t(index)] == '=') index = skip_ascii_whitespace(s, index + 1);
      }
      // iv. If index < length, throw a SyntaxError exception (nothing may follow the padding).
      if (index < length) return fail();
      // v-vi. Decode the final chunk ("strict" rejects extra bits).
      bool throw_on_extra_bits = last_chunk_handling == LastChunkHandling::Strict;
      if (!decode_final_base64_chunk(chunk, chunk_length, throw_on_extra_bits, result.bytes)) return fail();
      // vii. Return { [[Read]]: length, [[Bytes]]: bytes, [[Error]]: none }.
      result.read = length;
      return result;
    }
    // f. The base64url alphabet: "-" and "_" in place of "+" and "/".
    if (alphabet == Alphabet::Base64Url) {
      if (c == '+' || c == '/') return fail();
      if (c == '-') c = '+';
      else if (c == '_') c = '/';
    }
    // g. If char is not an element of the standard base64 alphabet, throw a SyntaxError exception.
    int value = base64_value(c);
    if (value < 0) return fail();
    // h-i. Stop before a chunk whose bytes would not fit.
    uint64_t remaining = max_length - result.bytes.size();
    if ((remaining == 1 && chunk_length == 2) || (remaining == 2 && chunk_length == 3)) return result;
    // j-k. Add the character to the chunk.
    chunk[chunk_length++] = value;
    // l. A whole chunk: decode it.
    if (chunk_length == 4) {
      decode_base64_chunk(chunk, result.bytes);
      chunk_length = 0;
      result.read = index;
      if (result.bytes.size() == max_length) return result;
    }
  }
}

// FromHex ( string [ , maxLength ] )
DecodeResult from_hex(const Units& s, uint64_t max_length = kMaxSafeInteger) {
  DecodeResult result;
  size_t length = s.length;
  // 5. An odd number of characters is a SyntaxError.
  if (length % 2) {
    result.error = true;
    return result;
  }
  // 6. Two hex digits per byte, until the string or maxLength ends.
  while (result.read < length && result.bytes.size() < max_length) {
    int high = hex_value(s[uint32_t(result.read)]), low = hex_value(s[uint32_t(result.read + 1)]);
    if (high < 0 || low < 0) {
      result.error = true;
      return result;
    }
    result.read += 2;
    result.bytes.push_back(uint8_t(high << 4 | low));
  }
  return result;
}

[[noreturn]] void throw_decode_error(Vm& vm, const char* what) {
  vm.throw_error(ErrorType::SyntaxError, std::string("Invalid ") + what + " string");
}

// A new Uint8Array holding `bytes` (AllocateTypedArray then SetUint8ArrayBytes).
Value new_uint8_array(Vm& vm, const std::vector<uint8_t>& bytes) {
  Value ctor = object_value(vm.intrinsics()[IntrinsicObject::Uint8Array]);
  TypedArrayObject* ta = allocate_typed_array(vm, ElementType::Uint8, ctor, bytes.size());
  if (!bytes.empty()) std::memcpy(ta->buffer->data() + ta->byte_offset, bytes.data(), bytes.size());
  return object_value(ta);
}

// The string argument, flat and rooted by the caller's args; TypeError if not a String.
String* string_argument(Vm& vm, Value v, const char* method) {
  if (!v.is_string()) vm.throw_error(ErrorType::TypeError, std::string(method) + ": the argument must be a string");
  return as_string(v)->flatten(vm.heap());
}

// Uint8Array.fromBase64 ( string [ , options ] )
Value uint8array_from_base64(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. If string is not a String, throw a TypeError exception.
  gc::Rooted<String> string(vm.heap(), string_argument(vm, arg(args, 0), "Uint8Array.fromBase64"));
  // 2-7. The options.
  gc::Rooted<Object> opts(vm.heap(), get_options_object(vm, arg(args, 1)));
  Alphabet alphabet = get_alphabet(vm, opts);
  LastChunkHandling last_chunk_handling = get_last_chunk_handling(vm, opts);
  // 8-9. Let result be FromBase64(string, alphabet, lastChunkHandling); throw its error.
  DecodeResult result = from_base64(Units(string->flatten(vm.heap())), alphabet, last_chunk_handling);
  if (result.error) throw_decode_error(vm, "base64");
  // 10-13. A new Uint8Array with the bytes.
  return new_uint8_array(vm, result.bytes);
}

// Uint8Array.fromHex ( string )
Value uint8array_from_hex(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. If string is not a String, throw a TypeError exception.
  String* string = string_argument(vm, arg(args, 0), "Uint8Array.fromHex");
  // 2-3. Let result be FromHex(string); throw its error.
  DecodeResult result = from_hex(Units(string));
  if (result.error) throw_decode_error(vm, "hex");
  // 4-7. A new Uint8Array with the bytes.
  return new_uint8_array(vm, result.bytes);
}

// The { read, written } object setFromBase64 and setFromHex return.
Value read_written(Vm& vm, size_t read, size_t written) {
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, o, key_of(vm, "read"), Value::number(double(read)));
  create_data_property_or_throw(vm, o, key_of(vm, "written"), Value::number(double(written)));
  return object_value(o);
}

// Uint8Array.prototype.setFromBase64 ( string [ , options ] )
Value uint8array_set_from_base64(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Perform ? ValidateUint8Array(into).
  gc::Rooted<TypedArrayObject> into(vm.heap(), validate_uint8_array(vm, self, "Uint8Array.prototype.setFromBase64"));
  // 3. If string is not a String, throw a TypeError exception.
  gc::Rooted<String> string(vm.heap(), string_argument(vm, arg(args, 0), "Uint8Array.prototype.setFromBase64"));
  // 4-11. The options.
  gc::Rooted<Object> opts(vm.heap(), get_options_object(vm, arg(args, 1)));
  Alphabet alphabet = get_alphabet(vm, opts);
  LastChunkHandling last_chunk_handling = get_last_chunk_handling(vm, opts);
  // 12-14. Let taRecord be ...(into, seq-cst); out of bounds: TypeError; byteLength.
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(into);
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError, "Cannot decode into a detached or out of bounds Uint8Array");
  size_t byte_length = typed_array_length(record);
  // 15. Let result be FromBase64(string, alphabet, lastChunkHandling, byteLength).
  DecodeResult result = from_base64(Units(string->flatten(vm.heap())), alphabet, last_chunk_handling, byte_length);
  // 16-20. SetUint8ArrayBytes(into, bytes): decoding ran no JS, so the array is as it was.
  if (!result.bytes.empty()) std::memcpy(into->buffer->data() + into->byte_offset, result.bytes.data(), result.bytes.size());
  // 21. If result.[[Error]] is not none, throw it.
  if (result.error) throw_decode_error(vm, "base64");
  // 22-25. Return { read, written }.
  return read_written(vm, result.read, result.bytes.size());
}

// Uint8Array.prototype.setFromHex ( string )
Value uint8array_set_from_hex(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Perform ? ValidateUint8Array(into).
  gc::Rooted<TypedArrayObject> into(vm.heap(), validate_uint8_array(vm, self, "Uint8Array.prototype.setFromHex"));
  // 3. If string is not a String, throw a TypeError exception.
  String* string = string_argument(vm, arg(args, 0), "Uint8Array.prototype.setFromHex");
  // 4-6. Let taRecord be ...(into, seq-cst); out of bounds: TypeError; byteLength.
  TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(into);
  if (is_typed_array_out_of_bounds(record))
    vm.throw_error(ErrorType::TypeError, "Cannot decode into a detached or out of bounds Uint8Array");
  size_t byte_length = typed_array_length(record);
  // 7. Let result be FromHex(string, byteLength).
  DecodeResult result = from_hex(Units(string), byte_length);
  // 8-12. SetUint8ArrayBytes(into, bytes), then the error.
  if (!result.bytes.empty()) std::memcpy(into->buffer->data() + into->byte_offset, result.bytes.data(), result.bytes.size());
  if (result.error) throw_decode_error(vm, "hex");
  // 13-16. Return { read, written }.
  return read_written(vm, result.read, result.bytes.size());
}

// Uint8Array.prototype.toBase64 ( [ options ] )
Value uint8array_to_base64(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-2. Perform ? ValidateUint8Array(O).
  gc::Rooted<TypedArrayObject> o(vm.heap(), validate_uint8_array(vm, self, "Uint8Array.prototype.toBase64"));
  // 3-5. Let opts be ? GetOptionsObject(options); the alphabet.
  gc::Rooted<Object> opts(vm.heap(), get_options_object(vm, arg(args, 0)));
  Alphabet alphabet = get_alphabet(vm, opts);
  // 6. Let omitPadding be ToBoolean(? Get(opts, "omitPadding")).
  bool omit_padding = to_boolean(get(vm, opts, key_of(vm, "omitPadding")));
  // 7. Let toEncode be ? GetUint8ArrayBytes(O).
  std::string_view bytes = get_uint8_array_bytes(vm, o);
  // 8-9. Encode with the alphabet, padding with "=" unless omitted.
  const char* digits = alphabet == Alphabet::Base64
                           ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                           : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t bits = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out.push_back(digits[(bits >> shift) & 63]);
  }
  size_t rest = bytes.size() - i;
  if (rest) {
    uint32_t bits = uint32_t(uint8_t(bytes[i])) << 16 | (rest == 2 ? uint32_t(uint8_t(bytes[i + 1])) << 8 : 0);
    out.push_back(digits[(bits >> 18) & 63]);
    out.push_back(digits[(bits >> 12) & 63]);
    if (rest == 2) out.push_back(digits[(bits >> 6) & 63]);
    if (!omit_padding) out.append(rest == 2 ? "=" : "==");
  }
  return string_value(String::from_latin1(vm.heap(), out));
}

// Uint8Array.prototype.toHex ( )
Value uint8array_to_hex(Vm& vm, Value self, std::span<const Value>, Value) {
  // 1-2. Perform ? ValidateUint8Array(O).
  TypedArrayObject* o = validate_uint8_array(vm, self, "Uint8Array.prototype.toHex");
  // 3. Let toEncode be ? GetUint8ArrayBytes(O).
  std::string_view bytes = get_uint8_array_bytes(vm, o);
  // 4-5. Two lowercase hex digits per byte.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char b : bytes) {
    out.push_back(kHex[uint8_t(b) >> 4]);
    out.push_back(kHex[uint8_t(b) & 15]);
  }
  return string_value(String::from_latin1(vm.heap(), out));
}

}  // namespace

void install_uint8array_base64(Vm& vm, Object* ctor_object, Object* proto_object) {
  gc::Rooted<Object> ctor(vm.heap(), ctor_object), proto(vm.heap(), proto_object);
  vm.define_native(ctor, "fromBase64", uint8array_from_base64, 1);
  vm.define_native(ctor, "fromHex", uint8array_from_hex, 1);
  vm.define_native(proto, "setFromBase64", uint8array_set_from_base64, 1);
  vm.define_native(proto, "setFromHex", uint8array_set_from_hex, 1);
  vm.define_native(proto, "toBase64", uint8array_to_base64, 0);
  vm.define_native(proto, "toHex", uint8array_to_hex, 0);
}

}  // namespace glass
