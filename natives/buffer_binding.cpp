// internal:buffer — the byte copies lib/buffer.js cannot do quickly in JS:
// between a Uint8Array's bytes and strings. The encodings themselves live in
// lib/internal/byte_string.js (byte strings: one code unit per byte), so the
// binding only moves bytes; UTF-8 goes straight to and from the engine's
// converter (ill-formed input becomes U+FFFD, as Node's decoder does).
#include <algorithm>
#include <cstring>
#include <string>

#include "builtins/builtins.h"
#include "natives/runtime.h"
#include "vm/typed_array.h"

namespace glass::natives {

namespace {

// The bytes of a typed array argument (empty when detached or not a view).
struct Bytes {
  uint8_t* data = nullptr;
  size_t size = 0;
};

Bytes bytes_arg(Vm& vm, Value v) {
  if (!v.is_object()) vm.throw_error(ErrorType::TypeError, "argument must be a typed array");
  TypedArrayObject* ta = as_typed_array(as_object(v));
  if (!ta) vm.throw_error(ErrorType::TypeError, "argument must be a typed array");
  Bytes b;
  b.size = typed_array_length_or_zero(ta) * ta->element_bytes();
  if (b.size > 0 && ta->buffer && ta->buffer->data()) b.data = ta->buffer->data() + ta->byte_offset;
  else b.size = 0;
  return b;
}

// [start, end) clamped to the view.
std::pair<size_t, size_t> range_args(Vm& vm, std::span<const Value> a, size_t i, size_t size) {
  double start = to_number(vm, arg(a, i)), end = to_number(vm, arg(a, i + 1));
  size_t s = start > 0 ? size_t(std::min(start, double(size))) : 0;
  size_t e = end > 0 ? size_t(std::min(end, double(size))) : 0;
  return {s, std::max(s, e)};
}

// latin1Slice(view, start, end): bytes [start, end) as a byte string.
Value latin1_slice(Vm& vm, Value, std::span<const Value> a, Value) {
  Bytes b = bytes_arg(vm, arg(a, 0));
  auto [s, e] = range_args(vm, a, 1, b.size);
  std::string copy(reinterpret_cast<const char*>(b.data) + s, e - s);  // from_latin1 may collect
  String* out = String::from_latin1(vm.heap(), copy);
  if (!out) vm.throw_error(ErrorType::Error, "Cannot create a string longer than 0x1fffffe8 characters");
  return string_value(out);
}

// utf8Slice(view, start, end): bytes [start, end) decoded as UTF-8.
Value utf8_slice(Vm& vm, Value, std::span<const Value> a, Value) {
  Bytes b = bytes_arg(vm, arg(a, 0));
  auto [s, e] = range_args(vm, a, 1, b.size);
  std::string copy(reinterpret_cast<const char*>(b.data) + s, e - s);
  String* out = String::from_utf8(vm.heap(), copy);
  if (!out) vm.throw_error(ErrorType::Error, "Cannot create a string longer than 0x1fffffe8 characters");
  return string_value(out);
}

// latin1Write(view, byteString, offset, max): the low byte of each code unit
// stored from offset, at most max of them and never past the view's end;
// returns how many were written.
Value latin1_write(Vm& vm, Value, std::span<const Value> a, Value) {
  Bytes b = bytes_arg(vm, arg(a, 0));
  String* s = to_string(vm, arg(a, 1))->flatten(vm.heap());
  Bytes again = bytes_arg(vm, arg(a, 0));  // flattening may have collected: read the view anew
  b = again;
  double offset = to_number(vm, arg(a, 2)), max = to_number(vm, arg(a, 3));
  size_t at = offset > 0 ? size_t(std::min(offset, double(b.size))) : 0;
  size_t n = std::min<size_t>(s->length(), b.size - at);
  if (max >= 0 && max < double(n)) n = size_t(max);
  if (s->is_one_byte()) {
    auto view = s->one_byte_view();
    std::copy_n(view.begin(), n, b.data + at);
  } else {
    auto view = s->two_byte_view();
    for (size_t i = 0; i < n; i++) b.data[at + i] = uint8_t(view[i] & 0xFF);
  }
  return Value::number(double(n));
}

// compare(a, aStart, aEnd, b, bStart, bEnd): the two ranges byte by byte
// (memcmp), -1, 0 or 1, the shorter first when one is a prefix of the other.
// Buffer.compare, buf.compare and buf.equals: a JS loop over 10 MB took 1.6 s.
Value compare_ranges(Vm& vm, Value, std::span<const Value> a, Value) {
  Bytes x = bytes_arg(vm, arg(a, 0));
  auto [xs, xe] = range_args(vm, a, 1, x.size);
  Bytes y = bytes_arg(vm, arg(a, 3));
  auto [ys, ye] = range_args(vm, a, 4, y.size);
  x = bytes_arg(vm, arg(a, 0));  // ToNumber of the bounds may have run JS: read the views anew
  y = bytes_arg(vm, arg(a, 3));
  xe = std::min(xe, x.size), xs = std::min(xs, xe);
  ye = std::min(ye, y.size), ys = std::min(ys, ye);
  size_t n = std::min(xe - xs, ye - ys);
  int c = n ? std::memcmp(x.data + xs, y.data + ys, n) : 0;
  if (c == 0) c = (xe - xs) < (ye - ys) ? -1 : (xe - xs) > (ye - ys) ? 1 : 0;
  return Value::number(c < 0 ? -1 : c > 0 ? 1 : 0);
}

// indexOf(view, needleByteString, at, forward): the first (or, backwards,
// the last) position at or from `at` where the needle's bytes occur; -1 if
// none. `at` is already clamped by lib/buffer.js (Node's IndexOfOffset).
Value index_of_bytes(Vm& vm, Value, std::span<const Value> a, Value) {
  String* s = to_string(vm, arg(a, 1))->flatten(vm.heap());
  std::string needle;
  needle.reserve(s->length());
  if (s->is_one_byte()) {
    for (uint8_t c : s->one_byte_view()) needle.push_back(char(c));
  } else {
    for (char16_t c : s->two_byte_view()) needle.push_back(char(c & 0xFF));
  }
  double at_number = to_number(vm, arg(a, 2));
  bool forward = to_boolean(arg(a, 3));
  Bytes b = bytes_arg(vm, arg(a, 0));  // after the conversions, which may collect
  if (needle.size() > b.size || at_number < 0) return Value::number(-1);
  const char* data = reinterpret_cast<const char*>(b.data);
  std::string_view hay(data, b.size);
  size_t at = size_t(std::min(at_number, double(b.size)));
  size_t found = forward ? hay.find(needle, at) : hay.rfind(needle, at);
  return Value::number(found == std::string_view::npos ? -1 : double(found));
}

}  // namespace

Value buffer_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "latin1Slice", latin1_slice, 3);
  vm.define_native(b, "utf8Slice", utf8_slice, 3);
  vm.define_native(b, "latin1Write", latin1_write, 4);
  vm.define_native(b, "compare", compare_ranges, 6);
  vm.define_native(b, "indexOf", index_of_bytes, 4);
  return object_value(b);
}

}  // namespace glass::natives
