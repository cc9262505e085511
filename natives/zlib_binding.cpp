// internal:zlib — Debian's zlib (and libbrotli) for lib/zlib.js. A stream is
// a C++ record kept by id (the JS side holds the id and closes it); one call
// feeds it a chunk of input with a flush kind and returns everything the
// library produced, as an ArrayBuffer.
//   create(mode, level, windowBits, memLevel, strategy, dictionary|null) -> id,
//     or a failure when the library refuses the parameters
//   write(id, view, flush[, callback]) -> ArrayBuffer or a failure,
//     [errno, message, isBrotliDecoderError];
//     with a callback the work runs on the loop's thread pool and
//     callback(null, ArrayBuffer) / callback(failure) follows on
//     the loop thread (the input is copied first: pool work never touches the heap)
//   params(id, level, strategy), brotliParam(id, key, value), reset(id), close(id)
//   crc32(view, initial) -> number
// Errors are worded as Node's (its messages are zlib's own, or "unexpected
// end of file" when the input stops inside a stream); lib/zlib.js makes the
// Error with `errno` and `code`.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>

#include "builtins/builtins.h"
#include "natives/runtime.h"
#include "natives/view_bytes.h"

namespace glass::natives {

namespace {

// Node's mode numbers (zlib.constants.DEFLATE ...).
enum Mode { kNone, kDeflate, kInflate, kGzip, kGunzip, kDeflateRaw, kInflateRaw, kUnzip, kBrotliDecode, kBrotliEncode };

// What one write produced.
struct Output {
  std::string bytes;
  int error = 0;  // a zlib code (Z_DATA_ERROR ...) or Brotli's decoder error; 0 when fine
  bool brotli_decoder_error = false;  // error is a BROTLI_DECODER_ERROR_* code
  std::string message;
};

struct ZStream {
  Mode mode = kNone;
  z_stream strm{};
  BrotliEncoderState* encoder = nullptr;
  BrotliDecoderState* decoder = nullptr;
  int level = Z_DEFAULT_COMPRESSION, window_bits = 15, mem_level = 8, strategy = Z_DEFAULT_STRATEGY;
  std::string dictionary;
  bool zlib_ready = false;

  ~ZStream() { end(); }

  bool deflating() const { return mode == kDeflate || mode == kGzip || mode == kDeflateRaw; }

  // The windowBits zlib's init functions take for the mode (gzip adds 16, raw negates, unzip detects).
  int zlib_window_bits() const {
    switch (mode) {
      case kGzip: case kGunzip: return window_bits + 16;
      case kUnzip: return window_bits + 32;
      case kDeflateRaw: case kInflateRaw: return -window_bits;
      default: return window_bits;
    }
  }

  // Z_OK, or zlib's error code.
  int init() {
    if (mode == kBrotliEncode) {
      encoder = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
      return encoder ? Z_OK : Z_MEM_ERROR;
    }
    if (mode == kBrotliDecode) {
      decoder = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
      return decoder ? Z_OK : Z_MEM_ERROR;
    }
    int err = deflating() ? deflateInit2(&strm, level, Z_DEFLATED, zlib_window_bits(), mem_level, strategy)
                          : inflateInit2(&strm, zlib_window_bits());
    if (err != Z_OK) return err;
    zlib_ready = true;
    // A raw stream has no header asking for the dictionary: it is set now.
    if (!dictionary.empty() && (mode == kDeflate || mode == kDeflateRaw || mode == kInflateRaw)) {
      const Bytef* d = reinterpret_cast<const Bytef*>(dictionary.data());
      err = deflating() ? deflateSetDictionary(&strm, d, uInt(dictionary.size()))
                        : inflateSetDictionary(&strm, d, uInt(dictionary.size()));
    }
    return err;
  }

  void end() {
    if (zlib_ready) deflating() ? deflateEnd(&strm) : inflateEnd(&strm);
    zlib_ready = false;
    if (encoder) BrotliEncoderDestroyInstance(encoder);
    if (decoder) BrotliDecoderDestroyInstance(decoder);
    encoder = nullptr;
    decoder = nullptr;
  }

  int reset() {
    if (mode == kBrotliEncode || mode == kBrotliDecode) {
      end();
      return init();
    }
    return deflating() ? deflateReset(&strm) : inflateReset(&strm);
  }

  Output write(const uint8_t* data, size_t size, int flush) {
    if (mode == kBrotliEncode || mode == kBrotliDecode) return write_brotli(data, size, flush);
    return write_zlib(data, size, flush);
  }

  // Runs deflate/inflate until the input is used up and the output has room left.
  Output write_zlib(const uint8_t* data, size_t size, int flush) {
    Output out;
    strm.next_in = const_cast<Bytef*>(data);
    strm.avail_in = uInt(size);
    size_t step = size / 2 + 16384;
    for (;;) {
      size_t had = out.bytes.size();
      out.bytes.resize(had + step);
      strm.next_out = reinterpret_cast<Bytef*>(out.bytes.data() + had);
      strm.avail_out = uInt(step);
      int err = deflating() ? deflate(&strm, flush) : inflate(&strm, flush);
      out.bytes.resize(had + step - strm.avail_out);
      if (err == Z_NEED_DICT && !deflating()) {
        if (dictionary.empty()) return fail(out, Z_NEED_DICT, "Missing dictionary");
        if (inflateSetDictionary(&strm, reinterpret_cast<const Bytef*>(dictionary.data()), uInt(dictionary.size())) !=
            Z_OK)
          return fail(out, Z_NEED_DICT, "Bad dictionary");
        continue;
      }
      if (err == Z_STREAM_END) {
        // Another gzip member may follow (zero bytes are padding, and are ignored).
        if (!deflating() && (mode == kGunzip || mode == kUnzip) && strm.avail_in > 0 && strm.next_in[0] != 0) {
          inflateReset(&strm);
          continue;
        }
        return out;
      }
      if (err != Z_OK && err != Z_BUF_ERROR) return fail(out, err, strm.msg ? strm.msg : "Zlib error");
      if (strm.avail_out != 0) {  // all that this input gives is out
        if (flush == Z_FINISH && !deflating()) return fail(out, Z_BUF_ERROR, "unexpected end of file");
        return out;
      }
      if (step < (size_t(1) << 22)) step *= 2;
    }
  }

  Output write_brotli(const uint8_t* data, size_t size, int flush) {
    Output out;
    const uint8_t* next_in = data;
    size_t avail_in = size;
    size_t step = size / 2 + 16384;
    for (;;) {
      size_t had = out.bytes.size();
      out.bytes.resize(had + step);
      uint8_t* next_out = reinterpret_cast<uint8_t*>(out.bytes.data() + had);
      size_t avail_out = step;
      if (encoder) {
        // flush is a BROTLI_OPERATION_* here.
        bool ok = BrotliEncoderCompressStream(encoder, BrotliEncoderOperation(flush), &avail_in, &next_in, &avail_out,
                                              &next_out, nullptr);
        out.bytes.resize(had + step - avail_out);
        if (!ok) return fail(out, -1, "Compression failed");  // Node's wording
        if (avail_out == 0 || BrotliEncoderHasMoreOutput(encoder)) continue;
        if (avail_in == 0) return out;
        continue;
      }
      BrotliDecoderResult r = BrotliDecoderDecompressStream(decoder, &avail_in, &next_in, &avail_out, &next_out, nullptr);
      out.bytes.resize(had + step - avail_out);
      if (r == BROTLI_DECODER_RESULT_ERROR) {
        out.brotli_decoder_error = true;
        return fail(out, int(BrotliDecoderGetErrorCode(decoder)), "Decompression failed");
      }
      if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
      if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT && flush == BROTLI_OPERATION_FINISH)
        return fail(out, Z_BUF_ERROR, "unexpected end of file");
      return out;  // success, or more input wanted
    }
  }

  static Output& fail(Output& out, int error, std::string message) {
    out.error = error;
    out.message = std::move(message);
    return out;
  }
};

// The streams by id. One runtime per process; pool work holds its stream
// by shared_ptr, so close() while a write is in flight is safe.
struct Streams {
  std::unordered_map<uint64_t, std::shared_ptr<ZStream>> by_id;
  std::unordered_map<uint64_t, gc::Persistent<Object>> callbacks;
  uint64_t next_id = 1;
};
Streams& streams() {
  static Streams s;
  return s;
}

std::shared_ptr<ZStream> stream_arg(Vm& vm, Value v) {
  auto it = streams().by_id.find(uint64_t(to_number(vm, v)));
  if (it == streams().by_id.end()) vm.throw_error(ErrorType::Error, "zlib binding is closed");
  return it->second;
}

// [errno, message, isBrotliDecoderError]
Value failure(Vm& vm, const Output& out) {
  gc::Rooted<String> text(vm.heap(), vm.new_string(out.message));
  Value triple[3] = {Value::number(out.error), string_value(text), Value::boolean(out.brotli_decoder_error)};
  return object_value(vm.new_array_from(triple));
}

Value result_value(Vm& vm, const Output& out) {
  return out.error ? failure(vm, out) : array_buffer_of(vm, out.bytes);
}

// create(mode, level, windowBits, memLevel, strategy, dictionary|null)
Value zlib_create(Vm& vm, Value, std::span<const Value> a, Value) {
  auto s = std::make_shared<ZStream>();
  s->mode = Mode(to_int32(vm, arg(a, 0)));
  s->level = to_int32(vm, arg(a, 1));
  s->window_bits = to_int32(vm, arg(a, 2));
  s->mem_level = to_int32(vm, arg(a, 3));
  s->strategy = to_int32(vm, arg(a, 4));
  if (arg(a, 5).is_object()) {
    auto [data, size] = view_bytes(vm, arg(a, 5), "zlib");
    if (size) s->dictionary.assign(reinterpret_cast<const char*>(data), size);
  }
  if (s->mode < kDeflate || s->mode > kBrotliEncode) vm.throw_error(ErrorType::TypeError, "zlib: bad mode");
  int err = s->init();
  if (err != Z_OK) {
    Output out;
    return failure(vm, ZStream::fail(out, err, "Initialization failed"));
  }
  uint64_t id = streams().next_id++;
  streams().by_id.emplace(id, std::move(s));
  return Value::number(double(id));
}

void complete(Runtime& rt, uint64_t request, Output& out) {
  Vm& vm = rt.vm();
  auto it = streams().callbacks.find(request);
  if (it == streams().callbacks.end()) return;
  gc::Rooted<Object> callback(vm.heap(), it->second.get());
  streams().callbacks.erase(it);
  ValueVector args(vm.heap());
  try {
    if (out.error) {
      args.values = {failure(vm, out)};
    } else {
      args.values = {Value::null()};
      args.values.push_back(array_buffer_of(vm, out.bytes));
    }
  } catch (const Thrown&) {  // a result too big for an ArrayBuffer: the callback gets the RangeError
    args.values = {vm.take_exception()};
  }
  rt.call_callback(object_value(callback), Value::undefined(), args.values);
}

// write(id, view, flush[, callback])
Value zlib_write(Vm& vm, Value, std::span<const Value> a, Value) {
  std::shared_ptr<ZStream> s = stream_arg(vm, arg(a, 0));
  auto [data, size] = view_bytes(vm, arg(a, 1), "zlib");
  int flush = to_int32(vm, arg(a, 2));
  if (!is_callable(arg(a, 3))) return result_value(vm, s->write(data, size, flush));
  Runtime& rt = Runtime::of(vm);
  uint64_t request = streams().next_id++;
  streams().callbacks.emplace(request, gc::Persistent<Object>(vm.heap(), as_object(arg(a, 3)), "zlib callback"));
  Runtime* r = &rt;
  std::string input(reinterpret_cast<const char*>(data), size);
  rt.loop().submit([s, input = std::move(input), flush] {
    try {
      return s->write(reinterpret_cast<const uint8_t*>(input.data()), input.size(), flush);
    } catch (const std::bad_alloc&) {  // one escaping pool work would be rethrown out of the loop
      Output out;
      return ZStream::fail(out, Z_MEM_ERROR, "insufficient memory");
    }
  }, [r, request](Output out) { complete(*r, request, out); }, "zlib", request);
  return Value::undefined();
}

// params(id, level, strategy): Z_OK or zlib's code.
Value zlib_params(Vm& vm, Value, std::span<const Value> a, Value) {
  std::shared_ptr<ZStream> s = stream_arg(vm, arg(a, 0));
  if (!s->deflating()) return Value::number(Z_OK);
  s->level = to_int32(vm, arg(a, 1));
  s->strategy = to_int32(vm, arg(a, 2));
  return Value::number(deflateParams(&s->strm, s->level, s->strategy));
}

// brotliParam(id, key, value): BrotliEncoderSetParameter / BrotliDecoderSetParameter; false when refused.
Value zlib_brotli_param(Vm& vm, Value, std::span<const Value> a, Value) {
  std::shared_ptr<ZStream> s = stream_arg(vm, arg(a, 0));
  int key = to_int32(vm, arg(a, 1));
  uint32_t value = to_uint32(vm, arg(a, 2));
  if (s->encoder) return Value::boolean(BrotliEncoderSetParameter(s->encoder, BrotliEncoderParameter(key), value));
  if (s->decoder) return Value::boolean(BrotliDecoderSetParameter(s->decoder, BrotliDecoderParameter(key), value));
  return Value::boolean(false);
}

Value zlib_reset(Vm& vm, Value, std::span<const Value> a, Value) {
  return Value::number(stream_arg(vm, arg(a, 0))->reset());
}

Value zlib_close(Vm& vm, Value, std::span<const Value> a, Value) {
  streams().by_id.erase(uint64_t(to_number(vm, arg(a, 0))));
  return Value::undefined();
}

// crc32(view, initial): zlib's CRC-32, continuing from initial.
Value zlib_crc32(Vm& vm, Value, std::span<const Value> a, Value) {
  auto [data, size] = view_bytes(vm, arg(a, 0), "zlib");
  uLong crc = uLong(to_number(vm, arg(a, 1)));
  while (size > 0) {  // crc32 takes a uInt length
    uInt n = uInt(std::min<size_t>(size, 1u << 30));
    crc = crc32(crc, data, n);
    data += n;
    size -= n;
  }
  return Value::number(double(crc));
}

}  // namespace

Value zlib_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "create", zlib_create, 6);
  vm.define_native(b, "write", zlib_write, 4);
  vm.define_native(b, "params", zlib_params, 3);
  vm.define_native(b, "brotliParam", zlib_brotli_param, 3);
  vm.define_native(b, "reset", zlib_reset, 1);
  vm.define_native(b, "close", zlib_close, 1);
  vm.define_native(b, "crc32", zlib_crc32, 2);
  vm.define_value(b, "ZLIB_VERNUM", Value::number(ZLIB_VERNUM), kDefaultProperty);
  return object_value(b);
}

}  // namespace glass::natives
