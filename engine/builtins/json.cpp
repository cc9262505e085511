// JSON: parse (with a reviver) and stringify (replacer function or list,
// indentation, toJSON, cycle detection, well-formed escapes).
//
// Both are recursive descent bounded by a StackGuard: nesting deeper than
// the C++ stack allows is a RangeError, never a crash. Values being built
// are kept in one ValueVector used as a stack, so everything made so far is
// rooted across the next allocation.
#include <charconv>
#include <cmath>
#include <string>

#include "builtins/builtins.h"
#include "parser/display.h"
#include "util/stack_guard.h"
#include "vm/box.h"

namespace glass {

namespace {

[[noreturn]] void stack_overflow(Vm& vm) { vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded"); }

// ============================================================================
// JSON.parse
// ============================================================================

template <class C>
class Parser {
 public:
  Parser(Vm& vm, const C* chars, size_t length, ValueVector& stack)
      : vm_(vm), s_(chars), n_(length), stack_(stack) {}

  Value parse() {
    skip_space();
    parse_value();
    skip_space();
    if (pos_ < n_) fail_at("Unexpected non-whitespace character after JSON");
    Value v = stack_.values.back();
    stack_.values.pop_back();
    return v;
  }

 private:
  // Pushes the value it parsed onto stack_.
  void parse_value() {
    if (guard_.exhausted()) stack_overflow(vm_);
    if (pos_ >= n_) fail_end();
    C c = s_[pos_];
    switch (c) {
      case '{': parse_object(); return;
      case '[': parse_array(); return;
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

  void parse_array() {
    ++pos_;  // [
    size_t base = stack_.values.size();
    skip_space();
    if (pos_ < n_ && s_[pos_] == ']') {
      ++pos_;
    } else {
      for (;;) {
        skip_space();
        parse_value();
        skip_space();
        if (pos_ >= n_) fail_at("Expected ',' or ']' after array element in JSON");
        if (s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (s_[pos_] == ']') {
          ++pos_;
          break;
        }
        fail_at("Expected ',' or ']' after array element in JSON");
      }
    }
    std::span<const Value> elems(stack_.values.data() + base, stack_.values.size() - base);
    Value a = object_value(vm_.new_array_from(elems));
    stack_.values.resize(base);
    stack_.values.push_back(a);
  }

  void parse_object() {
    ++pos_;  // {
    stack_.values.push_back(object_value(vm_.new_object()));
    size_t self = stack_.values.size() - 1;
    skip_space();
    if (pos_ < n_ && s_[pos_] == '}') {
      ++pos_;
      return;
    }
    bool first = true;
    for (;;) {
      skip_space();
      if (pos_ >= n_) fail_at(first ? "Expected property name or '}' in JSON" : "Expected double-quoted property name in JSON");
      if (s_[pos_] != '"') fail_at(first ? "Expected property name or '}' in JSON" : "Expected double-quoted property name in JSON");
      first = false;
      String* key = parse_string();
      stack_.values.push_back(string_value(key));
      skip_space();
      if (pos_ >= n_) fail_at("Expected ':' after property name in JSON");
      if (s_[pos_] != ':') fail_at("Expected ':' after property name in JSON");
      ++pos_;
      skip_space();
      parse_value();
      PropertyKey k = to_property_key(vm_, stack_.values[stack_.values.size() - 2]);
      create_data_property_or_throw(vm_, as_object(stack_.values[self]), k, stack_.values.back());
      stack_.values.resize(self + 1);
      skip_space();
      if (pos_ >= n_) fail_at("Expected ',' or '}' after property value in JSON");
      if (s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (s_[pos_] == '}') {
        ++pos_;
        return;
      }
      fail_at("Expected ',' or '}' after property value in JSON");
    }
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
  StackGuard guard_;
};

class Reviver {
 public:
  Reviver(Vm& vm, Value fn) : vm_(vm), fn_(vm.heap(), fn) {}

  // InternalizeJSONProperty(holder, key).
  Value walk(Object* holder_in, Value key_value) {
    if (guard_.exhausted()) stack_overflow(vm_);
    gc::Rooted<Object> holder(vm_.heap(), holder_in);
    RootedValue name(vm_.heap(), key_value);
    RootedValue val(vm_.heap(), get(vm_, holder, to_property_key(vm_, name)));
    if (val.get().is_object()) {
      gc::Rooted<Object> o(vm_.heap(), as_object(val));
      if (is_array(val)) {
        uint64_t len = length_of_array_like(vm_, o);
        for (uint64_t i = 0; i < len; ++i) {
          RootedValue k(vm_.heap(), string_value(number_to_string(vm_, double(i))));
          visit(o, k);
        }
      } else {
        ValueVector keys(vm_.heap());
        for (PropertyKey key : own_property_keys(vm_, o)) {
          if (!key.is_index() && !is_string(key.cell)) continue;
          keys.values.push_back(key.is_index() ? Value::number(key.index) : cell_value(key.cell));
        }
        for (Value k : keys.values) {
          PropertyKey pk = k.is_number() ? PropertyKey::of_index(uint32_t(k.as_number())) : PropertyKey::of_cell(k.as_cell());
          auto p = get_own_property(vm_, o, pk);
          if (!p || !(p->flags & kEnumerable)) continue;
          RootedValue ks(vm_.heap(), k.is_number() ? string_value(number_to_string(vm_, k.as_number())) : k);
          visit(o, ks);
        }
      }
    }
    Value args[2] = {name, val};
    return vm_.call(fn_, object_value(holder), args);
  }

 private:
  void visit(Object* o_in, Value k) {
    gc::Rooted<Object> o(vm_.heap(), o_in);
    RootedValue rk(vm_.heap(), k);
    Value v = walk(o, k);
    PropertyKey key = to_property_key(vm_, rk);
    if (v.is_undefined()) {
      delete_property(vm_, o, key);
    } else {
      RootedValue rv(vm_.heap(), v);
      PropertyDescriptor d;
      d.value = rv.get();
      d.writable = d.enumerable = d.configurable = true;
      define_own_property(vm_, o, key, d, false);
    }
  }

  Vm& vm_;
  RootedValue fn_;
  StackGuard guard_;
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
  return r.walk(root, string_value(vm.atom(WellKnownAtom::empty)));
}

// ============================================================================
// JSON.stringify
// ============================================================================

// A property key kept as a Value: an atom, or a number for an array index.
PropertyKey to_key(Value k) {
  return k.is_number() ? PropertyKey::of_index(uint32_t(k.as_number())) : PropertyKey::of_cell(k.as_cell());
}
Value from_key(PropertyKey k) { return k.is_index() ? Value::number(k.index) : cell_value(k.cell); }

class Stringifier {
 public:
  Stringifier(Vm& vm) : vm_(vm), replacer_(vm.heap()), list_(vm.heap()), stack_(vm.heap()) {}

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

  // SerializeJSONProperty(key, holder): appends, or returns false for undefined.
  bool property(Object* holder_in, Value key) {
    if (guard_.exhausted()) stack_overflow(vm_);
    gc::Rooted<Object> holder(vm_.heap(), holder_in);
    RootedValue value(vm_.heap(), get(vm_, holder, to_key(key)));
    if (value.get().is_object() || value.get().is_bigint()) {
      Value to_json = get_value(vm_, value, key_of(WellKnownAtom::toJSON, vm_));
      if (is_callable(to_json)) {
        RootedValue fn(vm_.heap(), to_json);
        Value a[1] = {key_string(key)};
        value = vm_.call(fn, value, a);
      }
    }
    if (!replacer_.get().is_undefined()) {
      RootedValue ks(vm_.heap(), key_string(key));
      Value a[2] = {ks, value};
      value = vm_.call(replacer_, object_value(holder), a);
    }
    return serialize(value);
  }

  bool serialize(Value v) {
    RootedValue value(vm_.heap(), v);
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
      if (is_array(x)) serialize_array(as_object(x));
      else serialize_object(as_object(x));
    } else {
      return false;
    }
    return true;
  }

  std::u16string& out() { return out_; }

 private:
  Value key_string(Value key) {
    if (key.is_number()) return string_value(number_to_string(vm_, key.as_number()));
    return key;
  }

  void enter(Object* o) {
    for (Value v : stack_.values)
      if (v.as_cell() == o) vm_.throw_error(ErrorType::TypeError, "Converting circular structure to JSON");
    stack_.values.push_back(object_value(o));
  }

  void newline_indent() {
    out_.push_back(u'\n');
    out_.append(indent_);
  }

  void serialize_object(Object* o_in) {
    gc::Rooted<Object> o(vm_.heap(), o_in);
    enter(o);
    size_t stepback = indent_.size();
    indent_ += gap_;
    ValueVector keys(vm_.heap());
    if (has_list_) {
      keys.values = list_.values;
    } else {
      for (PropertyKey key : own_property_keys(vm_, o)) {
        if (!key.is_index() && !is_string(key.cell)) continue;
        keys.values.push_back(from_key(key));
      }
      // EnumerableOwnProperties: the enumerable ones, decided before any Get.
      size_t w = 0;
      for (Value k : keys.values) {
        auto p = get_own_property(vm_, o, to_key(k));
        if (p && (p->flags & kEnumerable)) keys.values[w++] = k;
      }
      keys.values.resize(w);
    }
    out_.push_back(u'{');
    bool any = false;
    for (size_t i = 0; i < keys.values.size(); ++i) {
      Value k = keys.values[i];
      size_t mark = out_.size();
      if (any) out_.push_back(u',');
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
      if (!property(o, k)) {
        out_.resize(mark);
        continue;
      }
      any = true;
    }
    indent_.resize(stepback);
    if (any && !gap_.empty()) newline_indent();
    out_.push_back(u'}');
    stack_.values.pop_back();
  }

  void serialize_array(Object* a_in) {
    gc::Rooted<Object> a(vm_.heap(), a_in);
    enter(a);
    size_t stepback = indent_.size();
    indent_ += gap_;
    uint64_t len = length_of_array_like(vm_, a);
    out_.push_back(u'[');
    for (uint64_t i = 0; i < len; ++i) {
      if (i > 0) out_.push_back(u',');
      if (!gap_.empty()) newline_indent();
      if (!property(a, Value::number(double(i)))) append_ascii("null");
    }
    indent_.resize(stepback);
    if (len > 0 && !gap_.empty()) newline_indent();
    out_.push_back(u']');
    stack_.values.pop_back();
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
  ValueVector stack_;
  std::u16string out_;
  StackGuard guard_;
};

Value json_stringify(Vm& vm, Value, std::span<const Value> args, Value) {
  Stringifier s(vm);
  s.set_replacer(arg(args, 1));
  s.set_space(arg(args, 2));
  gc::Rooted<Object> wrapper(vm.heap(), vm.new_object());
  create_data_property_or_throw(vm, wrapper, PropertyKey::of_cell(vm.atom(WellKnownAtom::empty)), arg(args, 0));
  if (!s.property(wrapper, string_value(vm.atom(WellKnownAtom::empty)))) return Value::undefined();
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
