// String: the constructor, String.fromCharCode/fromCodePoint/raw,
// String.prototype, and the string iterator (%StringIteratorPrototype%).
//
// Methods read their `this` as a flat string (RequireObjectCoercible, then
// ToString, then flatten) through Units, and build results with
// StringBuilder or String::substring: one flat heap string per result. Case
// mapping and normalization go to ICU; everything else is code-unit work.
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "builtins/builtins.h"
#include "builtins/regexp.h"
#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"
#include "builtins/string_builder.h"
#include "unicode/unicode.h"
#include "vm/box.h"

namespace glass {

namespace {

// ============================================================================
// Helpers
// ============================================================================

// RequireObjectCoercible(this) and ToString(this), flattened.
String* this_string(Vm& vm, Value self, const char* method) {
  if (self.is_string()) return as_string(self)->flatten(vm.heap());
  if (self.is_nullish())
    vm.throw_error(ErrorType::TypeError, std::string("String.prototype.") + method + " called on null or undefined");
  return to_string(vm, self)->flatten(vm.heap());
}

String* flat_string(Vm& vm, Value v) { return to_string(vm, v)->flatten(vm.heap()); }

// One-unit strings below U+0100, made once per heap (charAt, s[i]-style
// loops and split("") make them constantly).
struct UnitStringCache {
  gc::Heap* heap = nullptr;
  gc::Persistent<String> strings[256];
};
thread_local UnitStringCache unit_cache;

String* unit_string(Vm& vm, char16_t c) {
  if (c <= 0xFF) {
    if (unit_cache.heap != &vm.heap()) {
      for (auto& p : unit_cache.strings) p.reset();
      unit_cache.heap = &vm.heap();
    }
    gc::Persistent<String>& slot = unit_cache.strings[c];
    if (String* s = slot.get()) return s;
    char ch = char(c);
    String* s = String::from_latin1(vm.heap(), std::string_view(&ch, 1));
    slot = gc::Persistent<String>(vm.heap(), s, "one-unit string cache");
    return s;
  }
  return String::from_utf16(vm.heap(), std::u16string_view(&c, 1));
}

Value empty_string(Vm& vm) { return string_value(vm.atom(WellKnownAtom::empty)); }

String* substring(Vm& vm, String* flat, uint64_t start, uint64_t end) {
  if (start >= end) return vm.atom(WellKnownAtom::empty);
  if (end - start == 1) return unit_string(vm, Units(flat)[uint32_t(start)]);
  return String::substring(vm.heap(), flat, uint32_t(start), uint32_t(end));
}

uint32_t clamp_position(double pos, uint32_t len) {
  if (pos <= 0) return 0;
  if (pos >= double(len)) return len;
  return uint32_t(pos);
}

// The index of `p` in `s` at or after `from`; -1 if none.
int64_t index_of(const Units& s, const Units& p, uint32_t from) {
  if (p.length == 0) return from <= s.length ? int64_t(from) : -1;
  if (p.length > s.length || from > s.length - p.length) return -1;
  if (s.one && p.one) {
    std::string_view hay(reinterpret_cast<const char*>(s.one), s.length);
    size_t r = hay.find(std::string_view(reinterpret_cast<const char*>(p.one), p.length), from);
    return r == std::string_view::npos ? -1 : int64_t(r);
  }
  if (s.two && p.two) {
    std::u16string_view hay(s.two, s.length);
    size_t r = hay.find(std::u16string_view(p.two, p.length), from);
    return r == std::u16string_view::npos ? -1 : int64_t(r);
  }
  char16_t first = p[0];
  for (uint32_t i = from; i + p.length <= s.length; ++i) {
    if (s[i] != first) continue;
    uint32_t j = 1;
    while (j < p.length && s[i + j] == p[j]) ++j;
    if (j == p.length) return i;
  }
  return -1;
}

bool matches_at(const Units& s, const Units& p, uint32_t at) {
  if (uint64_t(at) + p.length > s.length) return false;
  for (uint32_t j = 0; j < p.length; ++j)
    if (s[at + j] != p[j]) return false;
  return true;
}

bool is_js_space(char16_t c) { return unicode::is_whitespace(c) || unicode::is_line_terminator(c); }

// IsRegExp (§7.2.8).
bool is_regexp(Vm& vm, Value v) {
  if (!v.is_object()) return false;
  Value matcher = get(vm, as_object(v), PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::match)));
  if (!matcher.is_undefined()) return to_boolean(matcher);
  return as_object(v)->object_class() == ObjectClass::RegExp;
}

void reject_regexp(Vm& vm, Value v, const char* method) {
  if (is_regexp(vm, v))
    vm.throw_error(ErrorType::TypeError,
                   std::string("First argument to String.prototype.") + method + " must not be a regular expression");
}

std::u16string widen(const Units& u) {
  std::u16string out(u.length, u'\0');
  for (uint32_t i = 0; i < u.length; ++i) out[i] = u[i];
  return out;
}

// thisStringValue (§22.1.3.35.1).
Value this_string_value(Vm& vm, Value self, const char* method) {
  if (self.is_string()) return self;
  if (auto v = unbox(self, ObjectClass::String)) return *v;
  if (self.is_object() && as_object(self) == vm.intrinsics()[IntrinsicObject::StringPrototype]) return empty_string(vm);
  vm.throw_error(ErrorType::TypeError, std::string("String.prototype.") + method + " requires that 'this' be a String");
}

// ============================================================================
// The string iterator
// ============================================================================

class StringIterator final : public Object {
 public:
  String* string;  // null once done
  uint32_t position = 0;
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    tracer.visit(string);
  }
  const char* cell_name() const override { return "StringIterator"; }
  StringIterator(Shape* shape, String* s) : Object(shape, ObjectClass::Iterator), string(s) {}
};

Value string_iterator(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "[Symbol.iterator]"));
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::StringIteratorPrototype]);
  return object_value(vm.heap().allocate<StringIterator>(shape, s.get()));
}

Value string_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  StringIterator* it = self.is_object() ? dynamic_cast<StringIterator*>(as_object(self)) : nullptr;
  if (!it) vm.throw_error(ErrorType::TypeError, "next method called on incompatible receiver");
  if (!it->string) return object_value(create_iter_result(vm, Value::undefined(), true));
  Units u(it->string);
  uint32_t pos = it->position;
  if (pos >= u.length) {
    it->string = nullptr;
    return object_value(create_iter_result(vm, Value::undefined(), true));
  }
  char16_t c = u[pos];
  String* r;
  if (unicode::is_lead_surrogate(c) && pos + 1 < u.length && unicode::is_trail_surrogate(u[pos + 1])) {
    char16_t pair[2] = {c, u[pos + 1]};
    it->position = pos + 2;
    r = String::from_utf16(vm.heap(), std::u16string_view(pair, 2));
  } else {
    it->position = pos + 1;
    r = unit_string(vm, c);
  }
  return object_value(create_iter_result(vm, string_value(r), false));
}

// ============================================================================
// The constructor and its functions
// ============================================================================

Value string_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  gc::Rooted<String> s(vm.heap());
  if (args.empty()) {
    s = vm.atom(WellKnownAtom::empty);
  } else if (new_target.is_undefined() && args[0].is_symbol()) {
    return string_value(vm.new_string(as_symbol(args[0])->descriptive_string()));
  } else {
    s = to_string(vm, args[0]);
  }
  if (new_target.is_undefined()) return string_value(s);
  gc::Rooted<Object> rp(vm.heap(), get_prototype_from_constructor(vm, new_target, IntrinsicObject::StringPrototype));
  Shape* shape = vm.root_shape_for(rp);
  return object_value(vm.heap().allocate<BoxObject>(shape, ObjectClass::String, string_value(s)));
}

Value string_from_char_code(Vm& vm, Value, std::span<const Value> args, Value) {
  if (args.size() == 1) return string_value(unit_string(vm, char16_t(to_uint32(vm, args[0]) & 0xFFFF)));
  StringBuilder b(vm);
  for (Value v : args) b.append(char16_t(to_uint32(vm, v) & 0xFFFF));
  return string_value(b.finish());
}

Value string_from_code_point(Vm& vm, Value, std::span<const Value> args, Value) {
  StringBuilder b(vm);
  for (Value v : args) {
    double d = to_number(vm, v);
    if (!(d >= 0 && d <= 0x10FFFF && d == std::trunc(d)))
      vm.throw_error(ErrorType::RangeError, "Invalid code point " + to_utf8(vm, Value::from_double(d)));
    b.append_code_point(char32_t(d));
  }
  return string_value(b.finish());
}

Value string_raw(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<Object> cooked(vm.heap(), to_object(vm, arg(args, 0)));
  gc::Rooted<Object> literals(vm.heap(), to_object(vm, get(vm, cooked, key_of(WellKnownAtom::raw, vm))));
  uint64_t count = length_of_array_like(vm, literals);
  if (count == 0) return empty_string(vm);
  size_t substitutions = args.size() > 1 ? args.size() - 1 : 0;
  StringBuilder b(vm);
  for (uint64_t i = 0;; ++i) {
    Value lit = get(vm, literals, PropertyKey::of_index(uint32_t(i)));
    gc::Rooted<String> s(vm.heap(), to_string(vm, lit));
    b.append(s.get());
    if (i + 1 == count) break;
    if (i < substitutions) {
      gc::Rooted<String> sub(vm.heap(), to_string(vm, args[i + 1]));
      b.append(sub.get());
    }
  }
  return string_value(b.finish());
}

// ============================================================================
// String.prototype: characters
// ============================================================================

Value string_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "at"));
  double rel = to_integer_or_infinity(vm, arg(args, 0));
  double k = rel >= 0 ? rel : double(s->length()) + rel;
  if (k < 0 || k >= double(s->length())) return Value::undefined();
  return string_value(unit_string(vm, Units(s.get())[uint32_t(k)]));
}

Value string_char_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "charAt"));
  Value p = arg(args, 0);
  double pos = p.is_int32() ? p.as_int32() : to_integer_or_infinity(vm, p);
  if (pos < 0 || pos >= double(s->length())) return empty_string(vm);
  return string_value(unit_string(vm, Units(s.get())[uint32_t(pos)]));
}

Value string_char_code_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "charCodeAt"));
  Value p = arg(args, 0);
  double pos = p.is_int32() ? p.as_int32() : to_integer_or_infinity(vm, p);
  if (pos < 0 || pos >= double(s->length())) return Value::from_double(NAN);
  return Value::int32(Units(s.get())[uint32_t(pos)]);
}

Value string_code_point_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "codePointAt"));
  double pos = to_integer_or_infinity(vm, arg(args, 0));
  if (pos < 0 || pos >= double(s->length())) return Value::undefined();
  Units u(s.get());
  uint32_t i = uint32_t(pos);
  char16_t c = u[i];
  if (unicode::is_lead_surrogate(c) && i + 1 < u.length && unicode::is_trail_surrogate(u[i + 1]))
    return Value::int32(0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00));
  return Value::int32(c);
}

// ============================================================================
// String.prototype: searching
// ============================================================================

Value string_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "indexOf"));
  gc::Rooted<String> search(vm.heap(), flat_string(vm, arg(args, 0)));
  double pos = to_integer_or_infinity(vm, arg(args, 1));
  return Value::number(double(index_of(Units(s.get()), Units(search.get()), clamp_position(pos, s->length()))));
}

Value string_last_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "lastIndexOf"));
  gc::Rooted<String> search(vm.heap(), flat_string(vm, arg(args, 0)));
  double num = to_number(vm, arg(args, 1));
  double pos = num != num ? INFINITY : (num == 0 ? 0 : std::trunc(num));
  uint32_t len = s->length(), slen = search->length();
  uint32_t start = clamp_position(pos, len);
  if (slen > len) return Value::int32(-1);
  Units u(s.get()), p(search.get());
  for (int64_t i = std::min<int64_t>(start, len - slen); i >= 0; --i)
    if (matches_at(u, p, uint32_t(i))) return Value::number(double(i));
  return Value::int32(-1);
}

Value string_includes(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "includes"));
  reject_regexp(vm, arg(args, 0), "includes");
  gc::Rooted<String> search(vm.heap(), flat_string(vm, arg(args, 0)));
  double pos = to_integer_or_infinity(vm, arg(args, 1));
  return Value::boolean(index_of(Units(s.get()), Units(search.get()), clamp_position(pos, s->length())) >= 0);
}

Value string_starts_with(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "startsWith"));
  reject_regexp(vm, arg(args, 0), "startsWith");
  gc::Rooted<String> search(vm.heap(), flat_string(vm, arg(args, 0)));
  double pos = to_integer_or_infinity(vm, arg(args, 1));
  uint32_t start = clamp_position(pos, s->length());
  return Value::boolean(matches_at(Units(s.get()), Units(search.get()), start));
}

Value string_ends_with(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "endsWith"));
  reject_regexp(vm, arg(args, 0), "endsWith");
  gc::Rooted<String> search(vm.heap(), flat_string(vm, arg(args, 0)));
  uint32_t len = s->length();
  uint32_t end = arg(args, 1).is_undefined() ? len : clamp_position(to_integer_or_infinity(vm, args[1]), len);
  uint32_t slen = search->length();
  if (slen > end) return Value::boolean(false);
  return Value::boolean(matches_at(Units(s.get()), Units(search.get()), end - slen));
}

// ============================================================================
// String.prototype: pieces
// ============================================================================

Value string_slice(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "slice"));
  uint32_t len = s->length();
  auto rel = [&](Value v, uint32_t dflt) -> uint32_t {
    if (v.is_undefined()) return dflt;
    double d = to_integer_or_infinity(vm, v);
    if (d < 0) return d + len <= 0 ? 0 : uint32_t(d + len);
    return d >= len ? len : uint32_t(d);
  };
  uint32_t from = rel(arg(args, 0), 0);
  uint32_t to = rel(arg(args, 1), len);
  return string_value(substring(vm, s, from, to));
}

Value string_substring(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "substring"));
  uint32_t len = s->length();
  uint32_t start = clamp_position(to_integer_or_infinity(vm, arg(args, 0)), len);
  uint32_t end = arg(args, 1).is_undefined() ? len : clamp_position(to_integer_or_infinity(vm, args[1]), len);
  return string_value(substring(vm, s, std::min(start, end), std::max(start, end)));
}

Value string_substr(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "substr"));
  double size = s->length();
  double start = to_integer_or_infinity(vm, arg(args, 0));
  if (start == -INFINITY) start = 0;
  else if (start < 0) start = std::max(size + start, 0.0);
  else start = std::min(start, size);
  double length = arg(args, 1).is_undefined() ? size : to_integer_or_infinity(vm, args[1]);
  length = std::clamp(length, 0.0, size);
  double end = std::min(start + length, size);
  if (start >= end) return empty_string(vm);
  return string_value(substring(vm, s, uint64_t(start), uint64_t(end)));
}

Value string_concat(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> r(vm.heap(), this_string(vm, self, "concat"));
  for (Value v : args) {
    String* next = to_string(vm, v);
    String* joined = String::concat(vm.heap(), r, next);
    if (!joined) vm.throw_error(ErrorType::RangeError, "Invalid string length");
    r = joined;
  }
  return string_value(r);
}

Value string_repeat(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "repeat"));
  double n = to_integer_or_infinity(vm, arg(args, 0));
  if (n < 0 || n == INFINITY) vm.throw_error(ErrorType::RangeError, "Invalid count value: " + number_to_js_string(n));
  if (n == 0 || s->empty()) return empty_string(vm);
  if (n * double(s->length()) > double(String::kMaxLength)) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  if (n == 1) return string_value(s);
  StringBuilder b(vm);
  Units u(s.get());
  b.reserve(size_t(n) * u.length);
  for (uint64_t i = 0; i < uint64_t(n); ++i) b.append(u);
  return string_value(b.finish());
}

Value pad_impl(Vm& vm, Value self, std::span<const Value> args, bool at_start) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, at_start ? "padStart" : "padEnd"));
  uint64_t max_length = to_length(vm, arg(args, 0));
  uint32_t len = s->length();
  if (max_length <= len) return string_value(s);
  gc::Rooted<String> filler(vm.heap());
  if (arg(args, 1).is_undefined()) {
    char16_t space = u' ';
    filler = String::from_utf16(vm.heap(), std::u16string_view(&space, 1));
  } else {
    filler = flat_string(vm, args[1]);
  }
  if (filler->empty()) return string_value(s);
  if (max_length > String::kMaxLength) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  uint64_t fill_len = max_length - len;
  StringBuilder b(vm);
  b.reserve(size_t(max_length));
  Units f(filler.get());
  if (!at_start) b.append(Units(s.get()));
  uint64_t done = 0;
  while (done < fill_len) {
    uint64_t take = std::min<uint64_t>(f.length, fill_len - done);
    b.append(f, 0, uint32_t(take));
    done += take;
  }
  if (at_start) b.append(Units(s.get()));
  return string_value(b.finish());
}

Value string_pad_start(Vm& vm, Value self, std::span<const Value> args, Value) { return pad_impl(vm, self, args, true); }
Value string_pad_end(Vm& vm, Value self, std::span<const Value> args, Value) { return pad_impl(vm, self, args, false); }

enum class Trim { Both, Start, End };

Value trim_impl(Vm& vm, Value self, Trim where, const char* method) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, method));
  Units u(s.get());
  uint32_t b = 0, e = u.length;
  if (where != Trim::End)
    while (b < e && is_js_space(u[b])) ++b;
  if (where != Trim::Start)
    while (e > b && is_js_space(u[e - 1])) --e;
  if (b == 0 && e == u.length) return string_value(s);
  return string_value(substring(vm, s, b, e));
}

Value string_trim(Vm& vm, Value self, std::span<const Value>, Value) { return trim_impl(vm, self, Trim::Both, "trim"); }
Value string_trim_start(Vm& vm, Value self, std::span<const Value>, Value) { return trim_impl(vm, self, Trim::Start, "trimStart"); }
Value string_trim_end(Vm& vm, Value self, std::span<const Value>, Value) { return trim_impl(vm, self, Trim::End, "trimEnd"); }

// ============================================================================
// String.prototype: split, replace
// ============================================================================

Value string_split(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.split called on null or undefined");
  Value separator = arg(args, 0), limit = arg(args, 1);
  if (separator.is_object()) {  // ES2025: only objects are asked for Symbol.split
    Value splitter = get_method(vm, separator, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::split)));
    if (!splitter.is_undefined()) {
      Value argv[2] = {self, limit};
      return vm.call(splitter, separator, argv);
    }
  }
  gc::Rooted<String> s(vm.heap(), flat_string(vm, self));
  uint32_t lim = limit.is_undefined() ? 0xFFFFFFFFu : to_uint32(vm, limit);
  gc::Rooted<String> r(vm.heap(), flat_string(vm, separator));
  if (lim == 0) return object_value(vm.new_array(0));
  if (separator.is_undefined()) {
    Value v = string_value(s);
    return object_value(vm.new_array_from(std::span<const Value>(&v, 1)));
  }
  ValueVector out(vm.heap());
  uint32_t len = s->length(), sep_len = r->length();
  if (sep_len == 0) {
    uint32_t n = std::min(lim, len);
    out.values.reserve(n);
    for (uint32_t i = 0; i < n; ++i) {
      String* c = unit_string(vm, Units(s.get())[i]);
      out.values.push_back(string_value(c));
    }
    return object_value(vm.new_array_from(out.values));
  }
  if (len == 0) {
    Value v = string_value(s);
    return object_value(vm.new_array_from(std::span<const Value>(&v, 1)));
  }
  uint32_t i = 0;
  int64_t j = index_of(Units(s.get()), Units(r.get()), 0);
  while (j >= 0) {
    String* t = substring(vm, s, i, uint32_t(j));
    out.values.push_back(string_value(t));
    if (out.values.size() == lim) return object_value(vm.new_array_from(out.values));
    i = uint32_t(j) + sep_len;
    j = index_of(Units(s.get()), Units(r.get()), i);
  }
  String* t = substring(vm, s, i, len);
  out.values.push_back(string_value(t));
  return object_value(vm.new_array_from(out.values));
}

// GetSubstitution (§22.1.3.19.1) for a match with no captures (string
// patterns): $$, $&, $`, $' and everything else literally.
void append_substitution(StringBuilder& b, const Units& str, uint32_t position, uint32_t match_length,
                         const Units& replacement) {
  uint32_t n = replacement.length;
  uint32_t run = 0;  // start of the literal run being copied
  for (uint32_t i = 0; i < n; ++i) {
    if (replacement[i] != u'$' || i + 1 >= n) continue;
    char16_t c = replacement[i + 1];
    if (c != u'$' && c != u'&' && c != u'`' && c != u'\'') continue;
    b.append(replacement, run, i);
    switch (c) {
      case u'$': b.append(u'$'); break;
      case u'&': b.append(str, position, position + match_length); break;
      case u'`': b.append(str, 0, position); break;
      case u'\'': b.append(str, std::min(position + match_length, str.length), str.length); break;
    }
    ++i;
    run = i + 1;
  }
  b.append(replacement, run, n);
}

Value replace_impl(Vm& vm, Value self, std::span<const Value> args, bool all) {
  const char* method = all ? "replaceAll" : "replace";
  if (self.is_nullish())
    vm.throw_error(ErrorType::TypeError, std::string("String.prototype.") + method + " called on null or undefined");
  Value search_value = arg(args, 0);
  RootedValue replace_value(vm.heap(), arg(args, 1));
  if (search_value.is_object()) {  // ES2025: only objects are asked
    if (all && is_regexp(vm, search_value)) {
      Value flags = get(vm, as_object(search_value), key_of(vm, "flags"));
      if (flags.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.replaceAll called with a non-global RegExp argument");
      std::u16string f = to_string(vm, flags)->to_utf16();
      if (f.find(u'g') == std::u16string::npos)
        vm.throw_error(ErrorType::TypeError, "String.prototype.replaceAll called with a non-global RegExp argument");
    }
    Value replacer = get_method(vm, search_value, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::replace)));
    if (!replacer.is_undefined()) {
      Value argv[2] = {self, replace_value};
      return vm.call(replacer, search_value, argv);
    }
  }
  gc::Rooted<String> s(vm.heap(), flat_string(vm, self));
  gc::Rooted<String> search(vm.heap(), flat_string(vm, search_value));
  bool functional = is_callable(replace_value);
  gc::Rooted<String> replacement(vm.heap());
  if (!functional) replacement = flat_string(vm, replace_value);
  uint32_t search_len = search->length();
  std::vector<uint32_t> positions;
  {
    Units u(s.get()), p(search.get());
    int64_t pos = index_of(u, p, 0);
    while (pos >= 0) {
      positions.push_back(uint32_t(pos));
      if (!all) break;
      pos = index_of(u, p, uint32_t(pos) + std::max<uint32_t>(search_len, 1));
    }
  }
  if (positions.empty()) return string_value(s);
  StringBuilder b(vm);
  uint32_t end_of_last = 0;
  for (uint32_t p : positions) {
    b.append(Units(s.get()), end_of_last, p);
    if (functional) {
      Value argv[3] = {string_value(search), Value::number(p), string_value(s)};
      Value r = vm.call(replace_value, Value::undefined(), argv);
      gc::Rooted<String> rs(vm.heap(), to_string(vm, r));
      b.append(rs.get());
    } else {
      append_substitution(b, Units(s.get()), p, search_len, Units(replacement.get()));
    }
    end_of_last = p + search_len;
  }
  b.append(Units(s.get()), end_of_last, s->length());
  return string_value(b.finish());
}

Value string_replace(Vm& vm, Value self, std::span<const Value> args, Value) { return replace_impl(vm, self, args, false); }
Value string_replace_all(Vm& vm, Value self, std::span<const Value> args, Value) { return replace_impl(vm, self, args, true); }

// ============================================================================
// String.prototype: match, matchAll, search (delegate to the RegExp protocol)
// ============================================================================

// match / search: GetMethod(regexp, @@sym) and call it, else
// Invoke(RegExpCreate(regexp, flags), @@sym, S).
Value regexp_protocol(Vm& vm, Value self, Value regexp, WellKnownSymbol sym, const char* method, Value flags) {
  if (self.is_nullish())
    vm.throw_error(ErrorType::TypeError, std::string("String.prototype.") + method + " called on null or undefined");
  PropertyKey key = PropertyKey::of_cell(vm.well_known_symbol(sym));
  if (regexp.is_object()) {  // ES2025: only objects are asked
    Value fn = get_method(vm, regexp, key);
    if (!fn.is_undefined()) {
      Value argv[1] = {self};
      return vm.call(fn, regexp, argv);
    }
  }
  RootedValue re(vm.heap(), regexp);
  gc::Rooted<String> s(vm.heap(), to_string(vm, self));
  RootedValue rx(vm.heap(), regexp_create(vm, re, flags));
  Value argv[1] = {string_value(s)};
  return call_method(vm, rx, key, argv);
}

Value string_match(Vm& vm, Value self, std::span<const Value> args, Value) {
  return regexp_protocol(vm, self, arg(args, 0), WellKnownSymbol::match, "match", Value::undefined());
}

Value string_search(Vm& vm, Value self, std::span<const Value> args, Value) {
  return regexp_protocol(vm, self, arg(args, 0), WellKnownSymbol::search, "search", Value::undefined());
}

Value string_match_all(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.matchAll called on null or undefined");
  Value regexp = arg(args, 0);
  if (!regexp.is_nullish() && is_regexp(vm, regexp)) {
    Value flags = get(vm, as_object(regexp), key_of(vm, "flags"));
    if (flags.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.matchAll called with a non-global RegExp argument");
    std::u16string f = to_string(vm, flags)->to_utf16();
    if (f.find(u'g') == std::u16string::npos)
      vm.throw_error(ErrorType::TypeError, "String.prototype.matchAll called with a non-global RegExp argument");
  }
  return regexp_protocol(vm, self, regexp, WellKnownSymbol::matchAll, "matchAll", string_value(vm.intern("g")));
}

// ============================================================================
// String.prototype: case, normalization, comparison

// ============================================================================

// ECMA-402 §19.1.2.1 TransformCase steps 1-5: the language whose case
// mappings apply — the first requested locale's (or the default's), when
// ICU maps its case differently from the root (Turkish and Azeri dotted i,
// Lithuanian dot above, Greek accents); "" for the others.
std::string locale_of(Vm& vm, Value locales) {
  std::vector<std::string> requested = intl::canonicalize_locale_list(vm, locales);
  std::string tag = requested.empty() ? intl::default_locale() : requested[0];
  std::string language = tag.substr(0, tag.find('-'));
  for (const char* special : {"tr", "az", "lt", "el"})
    if (language == special) return language;
  return "";
}

Value case_impl(Vm& vm, Value self, bool upper, const char* method, const std::string& locale) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, method));
  Units u(s.get());
  if (u.is_one_byte() && locale.empty()) {
    // Latin-1 maps within Latin-1 except, uppercasing, µ ÿ ß.
    bool simple = true;
    bool changed = false;
    for (uint32_t i = 0; i < u.length && simple; ++i) {
      uint8_t c = u.one[i];
      if (upper) {
        if (c == 0xB5 || c == 0xFF || c == 0xDF) simple = false;
        else if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) changed = true;
      } else if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
        changed = true;
      }
    }
    if (simple) {
      if (!changed) return string_value(s);
      std::string out(reinterpret_cast<const char*>(u.one), u.length);
      for (char& ch : out) {
        uint8_t c = uint8_t(ch);
        if (upper) {
          if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) ch = char(c - 0x20);
        } else if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
          ch = char(c + 0x20);
        }
      }
      return string_value(String::from_latin1(vm.heap(), out));
    }
  }
  std::u16string src = widen(u);
  std::u16string dst(src.size() + 16, u'\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = upper ? u_strToUpper(dst.data(), int32_t(dst.size()), src.data(), int32_t(src.size()), locale.c_str(), &err)
                      : u_strToLower(dst.data(), int32_t(dst.size()), src.data(), int32_t(src.size()), locale.c_str(), &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      dst.assign(size_t(n), u'\0');
      continue;
    }
    if (U_FAILURE(err)) vm.throw_error(ErrorType::RangeError, "case mapping failed");
    dst.resize(size_t(n));
    return string_value(make_string(vm, dst));
  }
  vm.throw_error(ErrorType::RangeError, "case mapping failed");
}

Value string_to_upper(Vm& vm, Value self, std::span<const Value>, Value) { return case_impl(vm, self, true, "toUpperCase", ""); }
Value string_to_lower(Vm& vm, Value self, std::span<const Value>, Value) { return case_impl(vm, self, false, "toLowerCase", ""); }
Value string_to_locale_upper(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.toLocaleUpperCase called on null or undefined");
  RootedValue keep(vm.heap(), self);
  return case_impl(vm, self, true, "toLocaleUpperCase", locale_of(vm, arg(args, 0)));
}
Value string_to_locale_lower(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_nullish()) vm.throw_error(ErrorType::TypeError, "String.prototype.toLocaleLowerCase called on null or undefined");
  RootedValue keep(vm.heap(), self);
  return case_impl(vm, self, false, "toLocaleLowerCase", locale_of(vm, arg(args, 0)));
}

Value string_normalize(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "normalize"));
  std::string form = arg(args, 0).is_undefined() ? "NFC" : to_utf8(vm, args[0]);
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2* n = nullptr;
  if (form == "NFC") n = unorm2_getNFCInstance(&err);
  else if (form == "NFD") n = unorm2_getNFDInstance(&err);
  else if (form == "NFKC") n = unorm2_getNFKCInstance(&err);
  else if (form == "NFKD") n = unorm2_getNFKDInstance(&err);
  else vm.throw_error(ErrorType::RangeError, "The normalization form should be one of NFC, NFD, NFKC, NFKD.");
  if (U_FAILURE(err) || !n) vm.throw_error(ErrorType::RangeError, "normalization is not available");
  Units u(s.get());
  if (u.is_one_byte()) {
    bool ascii = true;
    for (uint32_t i = 0; i < u.length && ascii; ++i) ascii = u.one[i] < 0x80;
    if (ascii) return string_value(s);
  }
  std::u16string src = widen(u);
  if (unorm2_isNormalized(n, src.data(), int32_t(src.size()), &err) && U_SUCCESS(err)) return string_value(s);
  err = U_ZERO_ERROR;
  std::u16string dst(src.size() * 2 + 16, u'\0');
  int32_t len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    err = U_ZERO_ERROR;
    dst.assign(size_t(len), u'\0');
    len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &err);
  }
  if (U_FAILURE(err)) vm.throw_error(ErrorType::RangeError, "normalization failed");
  dst.resize(size_t(len));
  return string_value(make_string(vm, dst));
}

// ECMA-402 §19.1.1 String.prototype.localeCompare ( that [ , locales [ , options ] ] )
Value string_locale_compare(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1-3. Let S be ? ToString(? RequireObjectCoercible(this value)); thatValue be ? ToString(that).
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "localeCompare"));
  gc::Rooted<String> that(vm.heap(), to_string(vm, arg(args, 0)));
  // 4-5. CompareStrings with a Collator made from locales and options.
  return intl::locale_compare(vm, string_value(s), string_value(that), arg(args, 1), arg(args, 2));
}

// ============================================================================
// String.prototype: well-formedness, toString
// ============================================================================

Value string_is_well_formed(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "isWellFormed"));
  Units u(s.get());
  if (u.is_one_byte()) return Value::boolean(true);
  for (uint32_t i = 0; i < u.length; ++i) {
    char16_t c = u[i];
    if (unicode::is_lead_surrogate(c) && i + 1 < u.length && unicode::is_trail_surrogate(u[i + 1])) ++i;
    else if (unicode::is_surrogate(c)) return Value::boolean(false);
  }
  return Value::boolean(true);
}

Value string_to_well_formed(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<String> s(vm.heap(), this_string(vm, self, "toWellFormed"));
  Units u(s.get());
  if (u.is_one_byte()) return string_value(s);
  std::u16string out;
  bool changed = false;
  for (uint32_t i = 0; i < u.length; ++i) {
    char16_t c = u[i];
    if (unicode::is_lead_surrogate(c) && i + 1 < u.length && unicode::is_trail_surrogate(u[i + 1])) {
      out.push_back(c);
      out.push_back(u[++i]);
    } else if (unicode::is_surrogate(c)) {
      out.push_back(0xFFFD);
      changed = true;
    } else {
      out.push_back(c);
    }
  }
  if (!changed) return string_value(s);
  return string_value(make_string(vm, out));
}

Value string_to_string(Vm& vm, Value self, std::span<const Value>, Value) { return this_string_value(vm, self, "toString"); }
Value string_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return this_string_value(vm, self, "valueOf"); }

}  // namespace

void install_string(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::StringPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "String", string_ctor, 1, proto));
  vm.define_native(ctor, "fromCharCode", string_from_char_code, 1);
  vm.define_native(ctor, "fromCodePoint", string_from_code_point, 1);
  vm.define_native(ctor, "raw", string_raw, 1);
  // String.prototype is a String exotic object whose value is "": its length is 0.
  vm.define_value(proto, vm.atom(WellKnownAtom::length), Value::int32(0), 0);
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } methods[] = {
      {"at", string_at, 1},
      {"charAt", string_char_at, 1},
      {"charCodeAt", string_char_code_at, 1},
      {"codePointAt", string_code_point_at, 1},
      {"concat", string_concat, 1},
      {"endsWith", string_ends_with, 1},
      {"includes", string_includes, 1},
      {"indexOf", string_index_of, 1},
      {"isWellFormed", string_is_well_formed, 0},
      {"lastIndexOf", string_last_index_of, 1},
      {"localeCompare", string_locale_compare, 1},
      {"match", string_match, 1},
      {"matchAll", string_match_all, 1},
      {"normalize", string_normalize, 0},
      {"padEnd", string_pad_end, 1},
      {"padStart", string_pad_start, 1},
      {"repeat", string_repeat, 1},
      {"replace", string_replace, 2},
      {"replaceAll", string_replace_all, 2},
      {"search", string_search, 1},
      {"slice", string_slice, 2},
      {"split", string_split, 2},
      {"startsWith", string_starts_with, 1},
      {"substring", string_substring, 2},
      {"substr", string_substr, 2},
      {"toLocaleLowerCase", string_to_locale_lower, 0},
      {"toLocaleUpperCase", string_to_locale_upper, 0},
      {"toLowerCase", string_to_lower, 0},
      {"toString", string_to_string, 0},
      {"toUpperCase", string_to_upper, 0},
      {"toWellFormed", string_to_well_formed, 0},
      {"trim", string_trim, 0},
      {"trimEnd", string_trim_end, 0},
      {"trimStart", string_trim_start, 0},
      {"valueOf", string_value_of, 0},
  };
  for (auto& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  // Annex B aliases: the same function objects.
  vm.define_value(proto, "trimLeft", get(vm, proto, key_of(vm, "trimStart")));
  vm.define_value(proto, "trimRight", get(vm, proto, key_of(vm, "trimEnd")));
  gc::Rooted<FunctionObject> iter(vm.heap(), vm.new_native("[Symbol.iterator]", string_iterator, 0));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(iter));

  gc::Rooted<Object> iter_proto(vm.heap(), in[IntrinsicObject::StringIteratorPrototype]);
  vm.define_native(iter_proto, "next", string_iterator_next, 0);
  vm.define_value(iter_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag),
                  string_value(vm.intern("String Iterator")), kConfigurable);

  define_global(vm, "String", object_value(ctor));
}

}  // namespace glass
