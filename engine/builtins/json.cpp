// JSON: parse (with a reviver) and stringify (replacer function or list,
// indentation, toJSON, cycle detection, well-formed escapes).
//
// None of the three walks (parsing, the reviver's InternalizeJSONProperty,
// SerializeJSONProperty) recurses in C++: each keeps an explicit stack of
// the containers it is inside, so nesting is bounded by memory, not by the
// native stack (a million nested arrays parse, revive and stringify). The
// values on those stacks live in ValueVectors, so they stay rooted across
// every allocation and every call into JavaScript.
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "builtins/builtins.h"
#include "parser/display.h"
#include "vm/box.h"

namespace glass {

namespace {

// ============================================================================
// JSON.parse
// ============================================================================

template <class C>
class Parser {
 public:
  Parser(Vm& vm, const C* chars, size_t length, ValueVector& stack)
      : vm_(vm), s_(chars), n_(length), stack_(stack) {}

  // 25.5.1 JSON.parse, steps 2-4: the text must be one JSON value. The
  // grammar is walked with an explicit stack of the containers still open
  // (open_), never C++ recursion, so nesting is bounded by memory alone.
  Value parse() {
    parse_value();
    skip_space();
    if (pos_ < n_) fail_at("Unexpected non-whitespace character after JSON");
    Value v = stack_.values.back();
    stack_.values.pop_back();
    return v;
  }

 private:
  // An array or object whose closing bracket is still to come. Its values
  // wait on stack_ (rooted): an array's elements from `base` on, until ']'
  // makes the array; an object sits at `base`, and each member's key and
  // value are pushed above it and moved into it when the value is complete.
  struct Open {
    bool is_object;
    size_t base;
  };

  // Parses one value (with everything nested in it) and pushes it onto stack_.
  void parse_value() {
    for (;;) {
      // A value starts here: a scalar is complete at once; a container opens.
      skip_space();
      if (pos_ >= n_) fail_end();
      if (s_[pos_] == '[') {
        ++pos_;
        open_.push_back({false, stack_.values.size()});
        skip_space();
        if (pos_ >= n_ || s_[pos_] != ']') continue;  // its first element
        ++pos_;
        close_array();
      } else if (s_[pos_] == '{') {
        ++pos_;
        open_.push_back({true, stack_.values.size()});
        stack_.values.push_back(object_value(vm_.new_object()));
        skip_space();
        if (pos_ >= n_ || s_[pos_] != '}') {
          member_name(true);
          continue;  // its first value
        }
        ++pos_;
        open_.pop_back();
      } else {
        parse_scalar();
      }
      // A value is complete: it belongs to the innermost open container,
      // which then ends or expects another value.
      for (;;) {
        if (open_.empty()) return;
        const Open top = open_.back();
        if (top.is_object) add_member(top.base);
        skip_space();
        const char* expected = top.is_object ? "Expected ',' or '}' after property value in JSON"
                                             : "Expected ',' or ']' after array element in JSON";
        if (pos_ >= n_) fail_at(expected);
        if (s_[pos_] == ',') {
          ++pos_;
          if (top.is_object) member_name(false);
          break;  // the next value
        }
        if (s_[pos_] != (top.is_object ? '}' : ']')) fail_at(expected);
        ++pos_;
        if (top.is_object) open_.pop_back();  // the object is complete at stack_[base]
        else close_array();
      }
    }
  }

  void parse_scalar() {
    C c = s_[pos_];
    switch (c) {
      case '"': stack_.values.push_back(string_value(parse_string())); return;
      case 't': literal("true", Value::boolean(true)); return;
      case 'f': literal("false", Value::boolean(false)); return;
      case 'n': literal("null", Value::null()); return;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          stack_.values.push_back(parse_number());
          return;
        }
        fail_token();
    }
  }

  void literal(const char* word, Value v) {
    for (size_t i = 0; word[i]; ++i) {
      if (pos_ >= n_) fail_end();
      if (s_[pos_] != C(word[i])) fail_token();
      ++pos_;
    }
    stack_.values.push_back(v);
  }

  // ']' was read: the elements above the innermost open array become it.
  void close_array() {
    size_t base = open_.back().base;
    open_.pop_back();
    std::span<const Value> elems(stack_.values.data() + base, stack_.values.size() - base);
    Value a = object_value(vm_.new_array_from(elems));
    stack_.values.resize(base);
    stack_.values.push_back(a);
  }

  // A member's name and its ':'; the name is pushed (its value comes next).
  void member_name(bool first) {
    skip_space();
    const char* expected = first ? "Expected property name or '}' in JSON" : "Expected double-quoted property name in JSON";
    if (pos_ >= n_ || s_[pos_] != '"') fail_at(expected);
    stack_.values.push_back(string_value(parse_string()));
    skip_space();
    if (pos_ >= n_ || s_[pos_] != ':') fail_at("Expected ':' after property name in JSON");
    ++pos_;
  }

  // The object at stack_[self] gets the member whose name and value are above it.
  void add_member(size_t self) {
    PropertyKey k = to_property_key(vm_, stack_.values[stack_.values.size() - 2]);
    create_data_property_or_throw(vm_, as_object(stack_.values[self]), k, stack_.values.back());
    stack_.values.resize(self + 1);
  }

  static int hex(C c) {
    if (c >= '0' && c <= '9') return int(c - '0');
    if (c >= 'a' && c <= 'f') return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return int(c - 'A' + 10);
    return -1;
  }

  String* parse_string() {
    ++pos_;  // "
    size_t start = pos_;
    // Fast path: no escapes.
    while (pos_ < n_) {
      C c = s_[pos_];
      if (c == '"') {
        String* s = make_flat(start, pos_);
        ++pos_;
        return s;
      }
      if (c == '\\') break;
      if (c < 0x20) fail_at("Bad control character in string literal in JSON");
      ++pos_;
    }
    std::u16string buf(s_ + start, s_ + pos_);
    while (pos_ < n_) {
      C c = s_[pos_];
      if (c == '"') {
        ++pos_;
        String* s = String::from_utf16(vm_.heap(), buf);
        if (!s) vm_.throw_error(ErrorType::RangeError, "Invalid string length");
        return s;
      }
      if (c < 0x20) fail_at("Bad control character in string literal in JSON");
      if (c != '\\') {
        buf.push_back(char16_t(c));
        ++pos_;
        continue;
      }
      if (++pos_ >= n_) fail_end();
      C e = s_[pos_];
      switch (e) {
        case '"': buf.push_back(u'"'); break;
        case '\\': buf.push_back(u'\\'); break;
        case '/': buf.push_back(u'/'); break;
        case 'b': buf.push_back(u'\b'); break;
        case 'f': buf.push_back(u'\f'); break;
        case 'n': buf.push_back(u'\n'); break;
        case 'r': buf.push_back(u'\r'); break;
        case 't': buf.push_back(u'\t'); break;
        case 'u': {
          int v = 0;
          for (int i = 1; i <= 4; ++i) {
            if (pos_ + size_t(i) >= n_) {
              pos_ = n_;
              fail_at("Bad Unicode escape in JSON");
            }
            int h = hex(s_[pos_ + size_t(i)]);
            if (h < 0) {
              pos_ += size_t(i);
              fail_at("Bad Unicode escape in JSON");
            }
            v = v * 16 + h;
          }
          pos_ += 4;
          buf.push_back(char16_t(v));
          break;
        }
        default: fail_at("Bad escaped character in JSON");
      }
      ++pos_;
    }
    pos_ = n_;
    fail_at("Unterminated string in JSON");
  }

  String* make_flat(size_t start, size_t end) {
    String* s;
    if constexpr (sizeof(C) == 1) {
      s = String::from_latin1(vm_.heap(), std::string_view(reinterpret_cast<const char*>(s_ + start), end - start));
    } else {
      s = String::from_utf16(vm_.heap(), std::u16string_view(s_ + start, end - start));
    }
    if (!s) vm_.throw_error(ErrorType::RangeError, "Invalid string length");
    return s;
  }

  Value parse_number() {
    size_t start = pos_;
    bool negative = false;
    if (s_[pos_] == '-') {
      negative = true;
      ++pos_;
      if (pos_ >= n_ || !(s_[pos_] >= '0' && s_[pos_] <= '9')) fail_at("No number after minus sign in JSON");
    }
    bool simple = true;
    int64_t iv = 0;
    if (s_[pos_] == '0') {
      ++pos_;
      if (pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '9') fail_at("Unexpected number in JSON");
    } else {
      size_t digits = 0;
      while (pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '9') {
        if (++digits > 15) simple = false;
        if (simple) iv = iv * 10 + int64_t(s_[pos_] - '0');
        ++pos_;
      }
    }
    if (pos_ < n_ && s_[pos_] == '.') {
      simple = false;
      ++pos_;
      if (pos_ >= n_) fail_at("Unterminated fractional number in JSON");
      if (!(s_[pos_] >= '0' && s_[pos_] <= '9')) fail_at("Unterminated fractional number in JSON");
      while (pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    if (pos_ < n_ && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      simple = false;
      ++pos_;
      if (pos_ < n_ && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= n_ || !(s_[pos_] >= '0' && s_[pos_] <= '9')) fail_at("Exponent part is missing a number in JSON");
      while (pos_ < n_ && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
    }
    if (simple) {
      if (negative) return iv == 0 ? Value::from_double(-0.0) : Value::number(-double(iv));
      return Value::number(double(iv));
    }
    std::string text;
    text.reserve(pos_ - start);
    for (size_t i = start; i < pos_; ++i) text.push_back(char(s_[i]));
    double d = 0;
    std::from_chars(text.data(), text.data() + text.size(), d);
    // from_chars reports out-of-range (1e400) without setting d: strtod gives +-Infinity / 0.
    if (!std::isfinite(d) || d == 0) d = std::strtod(text.c_str(), nullptr);
    return Value::number(d);
  }

  void skip_space() {
    while (pos_ < n_) {
      C c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ++pos_;
      else break;
    }
  }

  std::string source_snippet() const {
    std::u16string all;
    size_t from = 0, to = n_;
    bool cut_front = false, cut_back = false;
    if (n_ > 40) {
      from = pos_ > 10 ? pos_ - 10 : 0;
      to = std::min(n_, pos_ + 10);
      cut_front = from > 0;
      cut_back = to < n_;
    }
    for (size_t i = from; i < to; ++i) all.push_back(char16_t(s_[i]));
    std::string out;
    for (char16_t u : all) {
      if (u < 0x80) out.push_back(char(u));
      else if (u < 0x800) {
        out.push_back(char(0xC0 | (u >> 6)));
        out.push_back(char(0x80 | (u & 0x3F)));
      } else {
        out.push_back(char(0xE0 | (u >> 12)));
        out.push_back(char(0x80 | ((u >> 6) & 0x3F)));
        out.push_back(char(0x80 | (u & 0x3F)));
      }
    }
    return (cut_front ? "...\"" : "\"") + out + (cut_back ? "\"..." : "\"");
  }

  [[noreturn]] void fail_end() { vm_.throw_error(ErrorType::SyntaxError, "Unexpected end of JSON input"); }
  [[noreturn]] void fail_at(const char* what) {
    vm_.throw_error(ErrorType::SyntaxError, std::string(what) + " at position " + std::to_string(pos_));
  }
  [[noreturn]] void fail_token() {
    if (pos_ >= n_) fail_end();
    char16_t c = char16_t(s_[pos_]);
    std::string token;
    if (c < 0x80) token.push_back(char(c));
    else token = "\\u" + std::to_string(int(c));
    vm_.throw_error(ErrorType::SyntaxError, "Unexpected token '" + token + "', " + source_snippet() + " is not valid JSON");
  }

  Vm& vm_;
  const C* s_;
  size_t n_;
  size_t pos_ = 0;
  ValueVector& stack_;
  std::vector<Open> open_;
};

// A property key kept as a Value: an atom, or a number for an array index.
PropertyKey to_key(Value k) {
  return k.is_number() ? PropertyKey::of_index(uint32_t(k.as_number())) : PropertyKey::of_cell(k.as_cell());
}
Value from_key(PropertyKey k) { return k.is_index() ? Value::number(k.index) : cell_value(k.cell); }
// The string a reviver, toJSON or a replacer is given for such a key.
Value key_string(Vm& vm, Value k) { return k.is_number() ? string_value(number_to_string(vm, k.as_number())) : k; }

// 7.3.23 EnumerableOwnProperties ( O, key ): appends O's enumerable own
// string keys to `keys` (as to_key values), each one's enumerability decided
// before the caller Gets any of them. O must be rooted (a Proxy's traps run).
void enumerable_own_keys(Vm& vm, Object* o, ValueVector& keys) {
  const size_t begin = keys.values.size();
  for (PropertyKey key : own_property_keys(vm, o)) {
    if (!key.is_index() && !is_string(key.cell)) continue;
    keys.values.push_back(from_key(key));
  }
  size_t w = begin;
  for (size_t i = begin; i < keys.values.size(); ++i) {
    auto p = get_own_property(vm, o, to_key(keys.values[i]));
    if (p && (p->flags & kEnumerable)) keys.values[w++] = keys.values[i];
  }
  keys.values.resize(w);
}

// 25.5.1.1 InternalizeJSONProperty ( holder, name, reviver ), with an
// explicit stack of the calls still running instead of C++ recursion, so a
// deep result is walked in bounded native stack. A call is a Frame; its
// holder, name, value and (for an object) its keys live in roots_, from the
// frame's base up, so they stay rooted while the reviver runs.
class Reviver {
 public:
  Reviver(Vm& vm, Value fn) : vm_(vm), fn_(vm.heap(), fn), roots_(vm.heap()) {}

  Value internalize(Object* holder, Value name) {
    enter(object_value(holder), name);
    for (;;) {
      Frame& f = frames_.back();
      if (f.next < f.count) {  // steps 2.b.iii / 2.c.ii: the next element or key
        Value val = roots_.values[f.base + kVal];
        Value prop = f.is_array ? string_value(number_to_string(vm_, double(f.next)))  // 2.b.iii.1 ! ToString(𝔽(I))
                                : key_string(vm_, roots_.values[f.base + kKeys + f.next]);
        enter(val, prop);  // newElement = ? InternalizeJSONProperty(val, prop, reviver)
        continue;
      }
      // 3. Return ? Call(reviver, holder, « name, val »).
      const size_t base = f.base;
      Value args[2] = {roots_.values[base + kName], roots_.values[base + kVal]};
      RootedValue result(vm_.heap(), vm_.call(fn_, roots_.values[base + kHolder], args));
      RootedValue name_done(vm_.heap(), roots_.values[base + kName]);
      frames_.pop_back();
      roots_.values.resize(base);
      if (frames_.empty()) return result;
      // Back in the caller, with newElement = result for key name_done.
      Frame& caller = frames_.back();
      gc::Rooted<Object> val(vm_.heap(), as_object(roots_.values[caller.base + kVal]));
      PropertyKey key = to_property_key(vm_, name_done);
      if (result.get().is_undefined()) {
        // If newElement is undefined, then Perform ? val.[[Delete]](prop).
        delete_property(vm_, val, key);
      } else {
        // Else, Perform ? CreateDataProperty(val, prop, newElement).
        PropertyDescriptor d;
        d.value = result.get();
        d.writable = d.enumerable = d.configurable = true;
        define_own_property(vm_, val, key, d, false);
      }
      ++frames_.back().next;
    }
  }

 private:
  // roots_ layout of a frame, from its base: holder, name, val, then keys.
  enum : size_t { kHolder = 0, kName = 1, kVal = 2, kKeys = 3 };
  struct Frame {
    size_t base;     // in roots_
    bool is_array;
    uint64_t count;  // elements (len) or keys; 0 when val is not an object
    uint64_t next;   // the element or key being internalized
  };

  // The start of InternalizeJSONProperty(holder, name): steps 1-2 up to the loop.
  void enter(Value holder, Value name) {
    const size_t base = roots_.values.size();
    roots_.values.push_back(holder);
    roots_.values.push_back(name);
    roots_.values.push_back(Value::undefined());
    frames_.push_back({base, false, 0, 0});
    // 1. Let val be ? Get(holder, name).
    Value val = get(vm_, as_object(roots_.values[base + kHolder]), to_property_key(vm_, roots_.values[base + kName]));
    roots_.values[base + kVal] = val;
    // 2. If val is an Object, then
    if (!val.is_object()) return;
    gc::Rooted<Object> o(vm_.heap(), as_object(val));
    // 2.a Let isArray be ? IsArray(val).
    if (is_array(val)) {
      // 2.b.i Let len be ? LengthOfArrayLike(val).
      uint64_t len = length_of_array_like(vm_, o);
      frames_.back().is_array = true;
      frames_.back().count = len;
      return;
    }
    // 2.c.i Let keys be ? EnumerableOwnProperties(val, key).
    enumerable_own_keys(vm_, o, roots_);
    frames_.back().count = roots_.values.size() - (base + kKeys);
  }

  Vm& vm_;
  RootedValue fn_;
  ValueVector roots_;
  std::vector<Frame> frames_;
};

Value json_parse(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<String> text(vm.heap(), to_string(vm, arg(args, 0)));
  gc::Rooted<String> flat(vm.heap(), text->flatten(vm.heap()));
  ValueVector stack(vm.heap());
  RootedValue result(vm.heap());
  if (flat->is_one_byte()) {
    auto view = flat->one_byte_view();
    Parser<uint8_t> p(vm, view.data(), view.size(), stack);
    result = p.parse();
  } else {
    auto view = flat->two_byte_view();
    Parser<char16_t> p(vm, view.data(), view.size(), stack);
    result = p.parse();
  }
  Value reviver = arg(args, 1);
  if (!is_callable(reviver)) return result;
  gc::Rooted<Object> root(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, root, PropertyKey::of_cell(vm.atom(WellKnownAtom::empty)), result);
  Reviver r(vm, reviver);
  return r.internalize(root, string_value(vm.atom(WellKnownAtom::empty)));
}

// ============================================================================
// JSON.stringify
// ============================================================================


class Stringifier {
 public:
  Stringifier(Vm& vm) : vm_(vm), replacer_(vm.heap()), list_(vm.heap()), stack_(vm.heap()), keys_(vm.heap()) {}

  void set_replacer(Value r) {
    if (is_callable(r)) {
      replacer_ = r;
      return;
    }
    if (!is_array(r)) return;
    has_list_ = true;
    gc::Rooted<Object> a(vm_.heap(), as_object(r));
    uint64_t len = length_of_array_like(vm_, a);
    for (uint64_t i = 0; i < len; ++i) {
      Value v = get(vm_, a, PropertyKey::of_index(uint32_t(i)));
      RootedValue item(vm_.heap());
      if (v.is_string()) {
        item = v;
      } else if (v.is_number()) {
        item = string_value(to_string(vm_, v));
      } else if (v.is_object() && (as_object(v)->object_class() == ObjectClass::String ||
                                   as_object(v)->object_class() == ObjectClass::Number)) {
        item = string_value(to_string(vm_, v));
      } else {
        continue;
      }
      Value k = from_key(to_property_key(vm_, item));
      bool seen = false;
      for (Value e : list_.values)
        if (e == k) seen = true;
      if (!seen) list_.values.push_back(k);
    }
  }

  void set_space(Value space) {
    RootedValue s(vm_.heap(), space);
    if (s.get().is_object()) {
      ObjectClass c = as_object(s)->object_class();
      if (c == ObjectClass::Number) s = Value::number(to_number(vm_, s));
      else if (c == ObjectClass::String) s = string_value(to_string(vm_, s));
    }
    if (s.get().is_number()) {
      double k = std::min(10.0, to_integer_or_infinity(vm_, s));
      gap_.assign(k >= 1 ? size_t(k) : 0, u' ');
    } else if (s.get().is_string()) {
      std::u16string g = as_string(s)->to_utf16();
      gap_ = g.substr(0, 10);
    }
  }

  // 25.5.2 JSON.stringify, steps 10-12: SerializeJSONProperty(state, "",
  // wrapper). Appends the text and returns true, or returns false when the
  // value serializes to undefined. Objects and arrays being serialized are
  // an explicit stack of Frames (25.5.2.5 SerializeJSONObject and 25.5.2.6
  // SerializeJSONArray, each paused at a member), not C++ recursion, so the
  // depth is bounded by memory alone.
  bool serialize_root(Object* wrapper, Value key) {
    Emitted root = serialize_property(wrapper, key);
    if (root != Emitted::Opened) return root == Emitted::Text;
    while (!frames_.empty()) {
      Frame& f = frames_.back();
      if (f.next == f.count) {
        close(f);
        frames_.pop_back();
        stack_.values.pop_back();
        if (!frames_.empty()) end_member(frames_.back(), true);  // a container is never undefined
        continue;
      }
      const size_t i = f.next;
      Object* holder = as_object(stack_.values[f.depth]);
      if (f.is_array) {
        // 25.5.2.6 step 8.a-b: a separator, then the element.
        if (i > 0) out_.push_back(u',');
        if (!gap_.empty()) newline_indent();
        f.member_start = out_.size();
        Emitted e = serialize_property(holder, Value::number(double(i)));
        if (e != Emitted::Opened) end_member(frames_.back(), e == Emitted::Text);
      } else {
        // 25.5.2.5 step 8 (SerializeJSONObject's per-key part): "key": value,
        // or nothing at all when the value is undefined.
        Value k = keys_.values[f.keys_begin + i];
        f.member_start = out_.size();
        if (f.any) out_.push_back(u',');
        if (!gap_.empty()) newline_indent();
        if (k.is_number()) {
          out_.push_back(u'"');
          append_ascii(std::to_string(uint32_t(k.as_number())));
          out_.push_back(u'"');
        } else {
          quote(as_string(k));
        }
        out_.push_back(u':');
        if (!gap_.empty()) out_.push_back(u' ');
        Emitted e = serialize_property(holder, k);
        if (e != Emitted::Opened) end_member(frames_.back(), e == Emitted::Text);
      }
    }
    return true;
  }

  std::u16string& out() { return out_; }

 private:
  // What serializing one value did: wrote it, found undefined (nothing
  // written), or opened an object or array (a new Frame on top).
  enum class Emitted { Text, Undefined, Opened };

  // An object or array being serialized: it is stack_.values[depth] (which
  // also roots it); an object's keys are keys_.values[keys_begin ..+ count].
  struct Frame {
    size_t depth;
    bool is_array;
    size_t keys_begin;
    size_t count;          // keys, or the array's length
    size_t next = 0;       // the member being written
    size_t member_start = 0;  // out_ before it (an undefined member of an object is cut off)
    size_t stepback;       // indent_ before this level
    bool any = false;      // an object wrote a member
  };

  // 25.5.2.2 SerializeJSONProperty ( state, key, holder ).
  Emitted serialize_property(Object* holder_in, Value key) {
    gc::Rooted<Object> holder(vm_.heap(), holder_in);
    // 1. Let value be ? Get(holder, key).
    RootedValue value(vm_.heap(), get(vm_, holder, to_key(key)));
    // 2. If value is an Object or value is a BigInt, then
    if (value.get().is_object() || value.get().is_bigint()) {
      // a. Let toJSON be ? GetV(value, "toJSON").
      Value to_json = get_value(vm_, value, key_of(WellKnownAtom::toJSON, vm_));
      // b. If IsCallable(toJSON), set value to ? Call(toJSON, value, « key »).
      if (is_callable(to_json)) {
        RootedValue fn(vm_.heap(), to_json);
        Value a[1] = {key_string(vm_, key)};
        value = vm_.call(fn, value, a);
      }
    }
    // 3. If state.[[ReplacerFunction]] is not undefined, set value to
    //    ? Call(state.[[ReplacerFunction]], holder, « key, value »).
    if (!replacer_.get().is_undefined()) {
      RootedValue ks(vm_.heap(), key_string(vm_, key));
      Value a[2] = {ks, value};
      value = vm_.call(replacer_, object_value(holder), a);
    }
    return serialize_value(value);
  }

  // SerializeJSONProperty steps 4-12, for a value after toJSON and the replacer.
  Emitted serialize_value(Value v) {
    RootedValue value(vm_.heap(), v);
    // 4. Unwrap Number, String, Boolean and BigInt objects.
    if (value.get().is_object()) {
      Object* o = as_object(value);
      switch (o->object_class()) {
        case ObjectClass::Number: value = Value::number(to_number(vm_, value)); break;
        case ObjectClass::String: value = string_value(to_string(vm_, value)); break;
        case ObjectClass::Boolean:
        case ObjectClass::BigInt: value = *unbox(value, o->object_class()); break;
        default: break;
      }
    }
    Value x = value;
    if (x.is_null()) {
      append_ascii("null");
    } else if (x.is_boolean()) {
      append_ascii(x.as_boolean() ? "true" : "false");
    } else if (x.is_string()) {
      quote(as_string(x));
    } else if (x.is_int32()) {
      char buf[16];
      auto r = std::to_chars(buf, buf + sizeof buf, x.as_int32());
      out_.append(buf, r.ptr);
    } else if (x.is_double()) {
      double d = x.as_double();
      if (std::isfinite(d)) append_ascii(number_to_js_string(d));
      else append_ascii("null");
    } else if (x.is_bigint()) {
      vm_.throw_error(ErrorType::TypeError, "Do not know how to serialize a BigInt");
    } else if (x.is_object() && !is_callable(x)) {
      // 11. If value is an Object and IsCallable(value) is false: SerializeJSONArray
      //     or SerializeJSONObject, continued by serialize_root's loop.
      open(as_object(x), is_array(x));
      return Emitted::Opened;
    } else {
      return Emitted::Undefined;
    }
    return Emitted::Text;
  }

  // The start of 25.5.2.5 SerializeJSONObject / 25.5.2.6 SerializeJSONArray,
  // up to the loop over the members.
  void open(Object* o_in, bool array) {
    gc::Rooted<Object> o(vm_.heap(), o_in);
    // 1. If state.[[Stack]] contains value, throw a TypeError exception
    //    because the structure is cyclical. 2. Append value to state.[[Stack]].
    if (!on_stack_.insert(o.get()).second) vm_.throw_error(ErrorType::TypeError, "Converting circular structure to JSON");
    stack_.values.push_back(object_value(o));
    // 3-4. stepback and the new indent.
    Frame f{stack_.values.size() - 1, array, keys_.values.size(), 0, 0, 0, indent_.size(), false};
    indent_ += gap_;
    if (array) {
      // SerializeJSONArray 6. Let len be ? LengthOfArrayLike(value).
      f.count = size_t(length_of_array_like(vm_, o));
      out_.push_back(u'[');
    } else if (has_list_) {
      // SerializeJSONObject 5. If state.[[PropertyList]] is not undefined, let K be it.
      keys_.values.insert(keys_.values.end(), list_.values.begin(), list_.values.end());
      f.count = list_.values.size();
      out_.push_back(u'{');
    } else {
      // 6. Else, let K be ? EnumerableOwnProperties(value, key).
      enumerable_own_keys(vm_, o, keys_);
      f.count = keys_.values.size() - f.keys_begin;
      out_.push_back(u'{');
    }
    frames_.push_back(f);
  }

  // A member's value was written (or was undefined).
  void end_member(Frame& f, bool written) {
    if (f.is_array) {
      // SerializeJSONArray 8.b: undefined is written as "null".
      if (!written) append_ascii("null");
    } else if (written) {
      f.any = true;
    } else {
      out_.resize(f.member_start);  // SerializeJSONObject: an undefined member leaves no trace
    }
    ++f.next;
  }

  // The end of SerializeJSONObject / SerializeJSONArray: the closing bracket,
  // on a new line when there is a gap and something was written; state.[[Stack]]
  // and the indent go back to what they were.
  void close(const Frame& f) {
    indent_.resize(f.stepback);
    bool any = f.is_array ? f.count > 0 : f.any;
    if (any && !gap_.empty()) newline_indent();
    out_.push_back(f.is_array ? u']' : u'}');
    on_stack_.erase(as_object(stack_.values[f.depth]));
    if (!f.is_array) keys_.values.resize(f.keys_begin);
  }

  // With a gap, each level indents further: deep nesting makes the text
  // grow with the square of the depth, so its size is checked here.
  void newline_indent() {
    if (out_.size() + indent_.size() + 1 > String::kMaxLength) vm_.throw_error(ErrorType::RangeError, "Invalid string length");
    out_.push_back(u'\n');
    out_.append(indent_);
  }

  void append_ascii(std::string_view s) { out_.append(s.begin(), s.end()); }

  template <class Unit>
  void quote_units(const Unit* p, size_t n) {
    static const char kHex[] = "0123456789abcdef";
    out_.push_back(u'"');
    for (size_t i = 0; i < n; ++i) {
      char16_t c = char16_t(p[i]);
      switch (c) {
        case '"': out_.append(u"\\\""); continue;
        case '\\': out_.append(u"\\\\"); continue;
        case '\b': out_.append(u"\\b"); continue;
        case '\f': out_.append(u"\\f"); continue;
        case '\n': out_.append(u"\\n"); continue;
        case '\r': out_.append(u"\\r"); continue;
        case '\t': out_.append(u"\\t"); continue;
        default: break;
      }
      bool escape = c < 0x20;
      if (c >= 0xD800 && c <= 0xDFFF) {
        // Well-formed: a lone surrogate becomes \uXXXX; a pair stays as it is.
        if (c <= 0xDBFF && i + 1 < n && char16_t(p[i + 1]) >= 0xDC00 && char16_t(p[i + 1]) <= 0xDFFF) {
          out_.push_back(c);
          out_.push_back(char16_t(p[++i]));
          continue;
        }
        escape = true;
      }
      if (escape) {
        out_.append(u"\\u");
        out_.push_back(char16_t(kHex[(c >> 12) & 15]));
        out_.push_back(char16_t(kHex[(c >> 8) & 15]));
        out_.push_back(char16_t(kHex[(c >> 4) & 15]));
        out_.push_back(char16_t(kHex[c & 15]));
      } else {
        out_.push_back(c);
      }
    }
    out_.push_back(u'"');
  }

  void quote(String* s_in) {
    String* s = s_in->is_flat() ? const_cast<String*>(s_in->flat()) : s_in->flatten(vm_.heap());
    if (s->is_one_byte()) {
      auto v = s->one_byte_view();
      quote_units(v.data(), v.size());
    } else {
      auto v = s->two_byte_view();
      quote_units(v.data(), v.size());
    }
  }

  Vm& vm_;
  RootedValue replacer_;
  ValueVector list_;
  bool has_list_ = false;
  std::u16string gap_;
  std::u16string indent_;
  ValueVector stack_;             // state.[[Stack]], in order (it roots the objects)
  std::unordered_set<const Object*> on_stack_;  // the same, for the cycle check
  ValueVector keys_;              // each open object's keys, in frame order
  std::vector<Frame> frames_;
  std::u16string out_;
};

Value json_stringify(Vm& vm, Value, std::span<const Value> args, Value) {
  Stringifier s(vm);
  s.set_replacer(arg(args, 1));
  s.set_space(arg(args, 2));
  gc::Rooted<Object> wrapper(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, wrapper, PropertyKey::of_cell(vm.atom(WellKnownAtom::empty)), arg(args, 0));
  if (!s.serialize_root(wrapper, string_value(vm.atom(WellKnownAtom::empty)))) return Value::undefined();
  String* out = String::from_utf16(vm.heap(), s.out());
  if (!out) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(out);
}

}  // namespace

Value parse_json_text(Vm& vm, std::string_view utf8) {
  RootedValue text(vm.heap(), string_value(vm.new_string(utf8)));
  Value a = text;
  return json_parse(vm, Value::undefined(), std::span<const Value>(&a, 1), Value::undefined());
}

void install_json(Vm& vm) {
  gc::Rooted<Object> json(vm.heap(), vm.new_object());
  vm.define_native(json, "parse", json_parse, 2);
  vm.define_native(json, "stringify", json_stringify, 3);
  gc::Rooted<String> tag(vm.heap(), vm.intern("JSON"));
  vm.define_value(json, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(tag), kConfigurable);
  define_global(vm, "JSON", object_value(json));
}

}  // namespace glass
