// RegExp: the constructor, RegExp.prototype (exec, test, toString, compile,
// the flag getters, source, flags, and the Symbol.match / matchAll /
// replace / search / split protocol methods), RegExp[Symbol.species], and
// %RegExpStringIteratorPrototype% (ECMA-262 §22.2).
//
// A RegExp object holds its [[OriginalSource]] string and a shared,
// immutable compiled form (regexp::Compiled: flags, capture names and the
// matcher program of regexp_matcher.cpp). Compiled forms are cached by
// (source, flags), so a literal in a loop compiles once.
//
// The protocol methods follow the spec step by step (they are observable:
// they call "exec", read "flags" and "lastIndex" through property access).
#include "builtins/regexp.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "builtins/builtins.h"
#include "builtins/string_builder.h"
#include "unicode/unicode.h"

namespace glass {

namespace {

// ============================================================================
// The object
// ============================================================================

class RegExpObject final : public Object {
 public:
  String* source = nullptr;  // [[OriginalSource]]
  std::shared_ptr<const regexp::Compiled> compiled;  // null until initialized
  explicit RegExpObject(Shape* shape) : Object(shape, ObjectClass::RegExp) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    tracer.visit(source);
  }
  static constexpr const char* kName = "RegExp";
  const char* cell_name() const override { return kName; }
};

RegExpObject* as_regexp(Value v) {
  if (!v.is_object() || as_object(v)->object_class() != ObjectClass::RegExp) return nullptr;
  auto* r = static_cast<RegExpObject*>(as_object(v));
  return r->compiled ? r : nullptr;
}

class RegExpStringIterator final : public Object {
 public:
  Value matcher;
  String* string;
  bool global, full_unicode, done = false;
  RegExpStringIterator(Shape* shape, Value m, String* s, bool g, bool u)
      : Object(shape, ObjectClass::Iterator), matcher(m), string(s), global(g), full_unicode(u) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, matcher);
    tracer.visit(string);
  }
  static constexpr const char* kName = "RegExpStringIterator";
  const char* cell_name() const override { return kName; }
};

// ============================================================================
// Compiling, with a cache
// ============================================================================

struct CacheKey {
  std::u16string pattern;
  std::u16string flags;
  bool operator==(const CacheKey&) const = default;
};
struct CacheKeyHash {
  size_t operator()(const CacheKey& k) const {
    return std::hash<std::u16string>()(k.pattern) * 31 + std::hash<std::u16string>()(k.flags);
  }
};
thread_local std::unordered_map<CacheKey, std::shared_ptr<const regexp::Compiled>, CacheKeyHash> compile_cache;

std::string utf8_of(std::u16string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) out.push_back(char(c));
    else if (c < 0x800) {
      out.push_back(char(0xC0 | (c >> 6)));
      out.push_back(char(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(char(0xE0 | (c >> 12)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(char(0x80 | (c & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (c >> 18)));
      out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(char(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

std::shared_ptr<const regexp::Compiled> compile(Vm& vm, const std::u16string& pattern, const std::u16string& flags) {
  CacheKey key{pattern, flags};
  auto it = compile_cache.find(key);
  if (it != compile_cache.end()) return it->second;
  std::string message;
  auto f = regexp::parse_flags(std::u16string_view(flags), &message);
  if (!f) vm.throw_error(ErrorType::SyntaxError, "Invalid flags supplied to RegExp constructor '" + utf8_of(flags) + "'");
  auto parsed = regexp::parse_pattern(pattern, *f);
  if (auto* err = std::get_if<regexp::PatternError>(&parsed))
    vm.throw_error(ErrorType::SyntaxError,
                   "Invalid regular expression: /" + utf8_of(pattern) + "/" + utf8_of(flags) + ": " + err->message);
  const regexp::Pattern& p = std::get<regexp::Pattern>(parsed);
  auto c = std::make_shared<regexp::Compiled>();
  c->flags = *f;
  c->capture_count = p.capture_count;
  c->capture_names = p.capture_names;
  c->capture_names.resize(p.capture_count + 1);
  c->has_named_groups = p.has_named_groups;
  c->program = regexp::compile_program(p, &message);
  if (!c->program)
    vm.throw_error(ErrorType::SyntaxError,
                   "Invalid regular expression: /" + utf8_of(pattern) + "/" + utf8_of(flags) + ": " + message);
  if (compile_cache.size() >= 512) compile_cache.clear();
  compile_cache.emplace(std::move(key), c);
  return c;
}

// ============================================================================
// Helpers
// ============================================================================

PropertyKey key_last_index(Vm& vm) { return key_of(WellKnownAtom::lastIndex, vm); }
PropertyKey sym_key(Vm& vm, WellKnownSymbol s) { return PropertyKey::of_cell(vm.well_known_symbol(s)); }

std::string describe(Vm& vm, Value v) {
  if (v.is_string()) return as_string(v)->to_utf8();
  if (v.is_object()) return is_function_object(as_object(v)) ? "function" : "[object Object]";
  if (v.is_symbol()) return "Symbol()";
  return to_utf8(vm, v);
}

Object* require_object(Vm& vm, Value self, const char* method) {
  if (!self.is_object())
    vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
  return as_object(self);
}

RegExpObject* require_regexp(Vm& vm, Value self, const char* method) {
  if (RegExpObject* r = as_regexp(self)) return r;
  vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
}

// Set(obj, "lastIndex", v, true).
void set_last_index(Vm& vm, Object* o, Value v) {
  if (!set(vm, o, key_last_index(vm), v, object_value(o)))
    vm.throw_error(ErrorType::TypeError, "Cannot assign to read only property 'lastIndex' of object '[object RegExp]'");
}

uint64_t advance_string_index(String* flat, uint64_t index, bool unicode) {
  if (!unicode) return index + 1;
  uint32_t len = flat->length();
  if (index + 1 >= len) return index + 1;
  char16_t c = flat->char_at(uint32_t(index));
  if (c >= 0xD800 && c <= 0xDBFF) {
    char16_t d = flat->char_at(uint32_t(index + 1));
    if (d >= 0xDC00 && d <= 0xDFFF) return index + 2;
  }
  return index + 1;
}

bool contains_unit(String* s, char16_t c) {
  std::u16string u = s->to_utf16();
  return u.find(c) != std::u16string::npos;
}

String* substr(Vm& vm, String* flat, uint32_t start, uint32_t end) {
  if (start >= end) return vm.atom(WellKnownAtom::empty);
  return String::substring(vm.heap(), flat, start, end);
}

Object* proto_from_new_target(Vm& vm, Value new_target) {
  return get_prototype_from_constructor(vm, new_target, IntrinsicObject::RegExpPrototype);
}

// RegExpAlloc (§22.2.3.2).
RegExpObject* regexp_alloc(Vm& vm, Value new_target) {
  gc::Rooted<Object> proto(vm.heap(), proto_from_new_target(vm, new_target));
  gc::Rooted<RegExpObject> r(vm.heap(), vm.heap().allocate<RegExpObject>(vm.root_shape_for(proto)));
  vm.define_value(r.get(), vm.atom(WellKnownAtom::lastIndex), Value::int32(0), kWritable);
  return r.get();
}

// RegExpInitialize (§22.2.3.3).
void regexp_initialize(Vm& vm, RegExpObject* obj, Value pattern, Value flags) {
  gc::Rooted<RegExpObject> r(vm.heap(), obj);
  RootedValue f_keep(vm.heap(), flags);
  gc::Rooted<String> p(vm.heap(), pattern.is_undefined() ? vm.atom(WellKnownAtom::empty) : to_string(vm, pattern));
  gc::Rooted<String> f(vm.heap(), f_keep.get().is_undefined() ? vm.atom(WellKnownAtom::empty) : to_string(vm, f_keep));
  auto c = compile(vm, p->to_utf16(), f->to_utf16());
  r->source = p.get();
  r->compiled = std::move(c);
  set_last_index(vm, r.get(), Value::int32(0));
}

Value regexp_species_getter(Vm&, Value self, std::span<const Value>, Value) { return self; }

// ============================================================================
// RegExpBuiltinExec and RegExpExec
// ============================================================================

// RegExpBuiltinExec up to building the result: reads and updates lastIndex
// and matches. Returns false for no match; `flat` must be flat and rooted.
bool builtin_match(Vm& vm, RegExpObject* rx, String* flat, std::vector<int32_t>& caps,
                   std::shared_ptr<const regexp::Compiled>* compiled) {
  gc::Rooted<RegExpObject> r(vm.heap(), rx);
  gc::Rooted<String> s(vm.heap(), flat);
  uint32_t length = s->length();
  double last_index = double(to_length(vm, get(vm, r, key_last_index(vm))));
  std::shared_ptr<const regexp::Compiled> c = r->compiled;
  *compiled = c;
  const regexp::Flags& flags = c->flags;
  bool global = flags.global, sticky = flags.sticky;
  if (!global && !sticky) last_index = 0;
  if (last_index > double(length)) {
    if (global || sticky) set_last_index(vm, r, Value::int32(0));
    return false;
  }
  regexp::MatchStatus status;
  {
    Units u(s.get());
    status = regexp::search(*c->program, u.one, u.two, length, uint32_t(last_index), sticky, caps);
  }
  if (status == regexp::MatchStatus::LimitExceeded)
    vm.throw_error(ErrorType::RangeError, regexp::kBacktrackLimitMessage);
  if (status == regexp::MatchStatus::NoMatch) {
    if (global || sticky) set_last_index(vm, r, Value::int32(0));
    return false;
  }
  if (global || sticky) set_last_index(vm, r, Value::number(caps[1]));
  return true;
}

Value builtin_exec(Vm& vm, RegExpObject* rx, String* str) {
  gc::Rooted<RegExpObject> r(vm.heap(), rx);
  gc::Rooted<String> s(vm.heap(), str->flatten(vm.heap()));
  std::vector<int32_t> caps;
  std::shared_ptr<const regexp::Compiled> c;
  if (!builtin_match(vm, r, s, caps, &c)) return Value::null();
  const regexp::Flags& flags = c->flags;
  uint32_t start = uint32_t(caps[0]);

  uint32_t n = c->capture_count;
  ValueVector values(vm.heap());
  values.values.reserve(n + 1);
  for (uint32_t i = 0; i <= n; ++i) {
    if (caps[2 * i + 1] < 0) {
      values.values.push_back(Value::undefined());
      continue;
    }
    String* sub = substr(vm, s, uint32_t(caps[2 * i]), uint32_t(caps[2 * i + 1]));
    values.values.push_back(string_value(sub));
  }
  gc::Rooted<Object> a(vm.heap(), vm.new_array_from(values.values));
  create_data_property_or_throw(vm, a, key_of(WellKnownAtom::index, vm), Value::number(start));
  create_data_property_or_throw(vm, a, key_of(WellKnownAtom::input, vm), string_value(s));
  RootedValue groups(vm.heap());
  if (c->has_named_groups) groups = object_value(vm.new_object_with_proto(nullptr));
  create_data_property_or_throw(vm, a, key_of(WellKnownAtom::groups, vm), groups);
  if (c->has_named_groups) {
    std::vector<bool> matched(n + 1, false);
    for (uint32_t i = 1; i <= n; ++i) {
      const std::u16string& name = c->capture_names[i];
      if (name.empty()) continue;
      // Duplicate names: the group that participated wins.
      bool taken = false;
      for (uint32_t j = 1; j < i; ++j)
        if (matched[j] && c->capture_names[j] == name) taken = true;
      if (taken) continue;
      if (!values.values[i].is_undefined()) matched[i] = true;
      gc::Rooted<String> key(vm.heap(), make_string(vm, name));
      create_data_property_or_throw(vm, as_object(groups), to_property_key(vm, string_value(key)), values.values[i]);
    }
  }
  if (flags.hasIndices) {
    ValueVector pairs(vm.heap());
    for (uint32_t i = 0; i <= n; ++i) {
      if (caps[2 * i + 1] < 0) {
        pairs.values.push_back(Value::undefined());
        continue;
      }
      Value pv[2] = {Value::number(caps[2 * i]), Value::number(caps[2 * i + 1])};
      pairs.values.push_back(object_value(vm.new_array_from(pv)));
    }
    gc::Rooted<Object> indices(vm.heap(), vm.new_array_from(pairs.values));
    RootedValue igroups(vm.heap());
    if (c->has_named_groups) igroups = object_value(vm.new_object_with_proto(nullptr));
    create_data_property_or_throw(vm, indices, key_of(WellKnownAtom::groups, vm), igroups);
    if (c->has_named_groups) {
      std::vector<bool> matched(n + 1, false);
      for (uint32_t i = 1; i <= n; ++i) {
        const std::u16string& name = c->capture_names[i];
        if (name.empty()) continue;
        bool taken = false;
        for (uint32_t j = 1; j < i; ++j)
          if (matched[j] && c->capture_names[j] == name) taken = true;
        if (taken) continue;
        if (!pairs.values[i].is_undefined()) matched[i] = true;
        gc::Rooted<String> key(vm.heap(), make_string(vm, name));
        create_data_property_or_throw(vm, as_object(igroups), to_property_key(vm, string_value(key)), pairs.values[i]);
      }
    }
    create_data_property_or_throw(vm, a, key_of(vm, "indices"), object_value(indices));
  }
  return object_value(a);
}

Value regexp_exec_native(Vm& vm, Value self, std::span<const Value> args, Value);

// RegExpExec (§22.2.7.1).
Value regexp_exec(Vm& vm, Object* rx, String* str) {
  gc::Rooted<Object> r(vm.heap(), rx);
  gc::Rooted<String> s(vm.heap(), str);
  Value exec = get(vm, r, key_of(vm, "exec"));
  if (is_callable(exec)) {
    FunctionObject* f = as_function(exec);
    if (f && f->kind == FunctionKind::Native && f->native == regexp_exec_native && as_regexp(object_value(r)))
      return builtin_exec(vm, static_cast<RegExpObject*>(r.get()), s);
    Value argv[1] = {string_value(s)};
    Value result = vm.call(exec, object_value(r), argv);
    if (!result.is_object() && !result.is_null())
      vm.throw_error(ErrorType::TypeError, "object returned by exec is neither an object nor null");
    return result;
  }
  RegExpObject* re = as_regexp(object_value(r));
  if (!re) vm.throw_error(ErrorType::TypeError, "RegExp exec method called on an incompatible receiver");
  return builtin_exec(vm, re, s);
}

// ============================================================================
// Fast paths
// ============================================================================
//
// When a RegExp and %RegExp.prototype% are as the realm made them (own
// properties: lastIndex only; exec, flags and the flag getters built-in),
// the protocol methods' property reads and result arrays are unobservable,
// so Symbol.replace / match / split skip them and use the matcher directly.
// lastIndex is still read and written as the spec does.

Value regexp_flags(Vm& vm, Value self, std::span<const Value>, Value);
Value regexp_species_getter(Vm&, Value self, std::span<const Value>, Value);
template <bool regexp::Flags::*Member>
Value flag_getter(Vm& vm, Value self, std::span<const Value>, Value);

bool is_native(Value v, NativeFn fn) {
  FunctionObject* f = as_function(v);
  return f && f->kind == FunctionKind::Native && f->native == fn;
}

bool own_getter_is(Vm& vm, Object* o, const char* name, NativeFn fn) {
  auto p = o->get_own(vm.intern(name));
  if (!p || !(p->flags & kAccessor)) return false;
  return is_native(static_cast<AccessorPair*>(p->value.as_cell())->getter, fn);
}

RegExpObject* pristine(Vm& vm, Object* rx, bool need_species, Value default_ctor = Value::undefined()) {
  RegExpObject* r = as_regexp(object_value(rx));
  if (!r) return nullptr;
  Object* proto = vm.intrinsics()[IntrinsicObject::RegExpPrototype];
  if (r->prototype() != proto || proto->prototype() != vm.intrinsics()[IntrinsicObject::ObjectPrototype]) return nullptr;
  if (r->own_named_keys().size() != 1 || !r->get_own(vm.atom(WellKnownAtom::lastIndex))) return nullptr;
  auto exec = proto->get_own(vm.intern("exec"));
  if (!exec || (exec->flags & kAccessor) || !is_native(exec->value, regexp_exec_native)) return nullptr;
  if (!own_getter_is(vm, proto, "flags", regexp_flags) ||
      !own_getter_is(vm, proto, "hasIndices", flag_getter<&regexp::Flags::hasIndices>) ||
      !own_getter_is(vm, proto, "global", flag_getter<&regexp::Flags::global>) ||
      !own_getter_is(vm, proto, "ignoreCase", flag_getter<&regexp::Flags::ignoreCase>) ||
      !own_getter_is(vm, proto, "multiline", flag_getter<&regexp::Flags::multiline>) ||
      !own_getter_is(vm, proto, "dotAll", flag_getter<&regexp::Flags::dotAll>) ||
      !own_getter_is(vm, proto, "unicode", flag_getter<&regexp::Flags::unicode>) ||
      !own_getter_is(vm, proto, "unicodeSets", flag_getter<&regexp::Flags::unicodeSets>) ||
      !own_getter_is(vm, proto, "sticky", flag_getter<&regexp::Flags::sticky>))
    return nullptr;
  if (need_species) {
    auto ctor = proto->get_own(vm.atom(WellKnownAtom::constructor));
    if (!ctor || (ctor->flags & kAccessor) || !(ctor->value == default_ctor) || !default_ctor.is_object()) return nullptr;
    auto species = as_object(default_ctor)->get_own(vm.well_known_symbol(WellKnownSymbol::species));
    if (!species || !(species->flags & kAccessor) ||
        !is_native(static_cast<AccessorPair*>(species->value.as_cell())->getter, regexp_species_getter))
      return nullptr;
  }
  return r;
}


// The captures of a match as strings (or undefined), [0] the whole match.
void capture_values(Vm& vm, String* flat, const std::vector<int32_t>& caps, uint32_t n, ValueVector& out) {
  gc::Rooted<String> s(vm.heap(), flat);
  for (uint32_t i = 0; i <= n; ++i) {
    if (caps[2 * i + 1] < 0) {
      out.values.push_back(Value::undefined());
      continue;
    }
    String* sub = substr(vm, s, uint32_t(caps[2 * i]), uint32_t(caps[2 * i + 1]));
    out.values.push_back(string_value(sub));
  }
}

// The groups object of a match (undefined without named groups).
Value groups_object(Vm& vm, const regexp::Compiled& c, const std::vector<Value>& values) {
  if (!c.has_named_groups) return Value::undefined();
  gc::Rooted<Object> groups(vm.heap(), vm.new_object_with_proto(nullptr));
  uint32_t n = c.capture_count;
  std::vector<bool> matched(n + 1, false);
  for (uint32_t i = 1; i <= n; ++i) {
    const std::u16string& name = c.capture_names[i];
    if (name.empty()) continue;
    bool taken = false;
    for (uint32_t j = 1; j < i; ++j)
      if (matched[j] && c.capture_names[j] == name) taken = true;
    if (taken) continue;
    if (!values[i].is_undefined()) matched[i] = true;
    gc::Rooted<String> key(vm.heap(), make_string(vm, name));
    create_data_property_or_throw(vm, groups, to_property_key(vm, string_value(key)), values[i]);
  }
  return object_value(groups);
}

// ============================================================================
// GetSubstitution (§22.1.3.19.1)
// ============================================================================

bool is_digit(char16_t c) { return c >= u'0' && c <= u'9'; }

// `captures` holds strings or undefined; `named` is undefined or an object.
void get_substitution(Vm& vm, StringBuilder& b, String* matched_s, String* str_s, uint32_t position,
                      const std::vector<Value>& captures_in, Value named_in, String* tmpl_s) {
  gc::Rooted<String> matched(vm.heap(), matched_s->flatten(vm.heap()));
  gc::Rooted<String> str(vm.heap(), str_s->flatten(vm.heap()));
  gc::Rooted<String> tmpl(vm.heap(), tmpl_s->flatten(vm.heap()));
  ValueVector captures(vm.heap());
  captures.values = captures_in;
  RootedValue named(vm.heap(), named_in);
  uint32_t n = tmpl->length();
  uint32_t str_len = str->length();
  uint32_t m = uint32_t(captures.values.size());
  uint32_t i = 0;
  while (i < n) {
    char16_t ch = Units(tmpl.get())[i];
    if (ch != u'$' || i + 1 >= n) {
      b.append(ch);
      ++i;
      continue;
    }
    char16_t c = Units(tmpl.get())[i + 1];
    if (c == u'$') {
      b.append(u'$');
      i += 2;
    } else if (c == u'&') {
      b.append(Units(matched.get()));
      i += 2;
    } else if (c == u'`') {
      b.append(Units(str.get()), 0, std::min(position, str_len));
      i += 2;
    } else if (c == u'\'') {
      uint64_t tail = uint64_t(position) + matched->length();
      if (tail < str_len) b.append(Units(str.get()), uint32_t(tail), str_len);
      i += 2;
    } else if (is_digit(c)) {
      uint32_t digits = (i + 2 < n && is_digit(Units(tmpl.get())[i + 2])) ? 2 : 1;
      uint32_t index = digits == 2 ? uint32_t(c - u'0') * 10 + uint32_t(Units(tmpl.get())[i + 2] - u'0') : uint32_t(c - u'0');
      if (index > m && digits == 2) {
        digits = 1;
        index = uint32_t(c - u'0');
      }
      if (index >= 1 && index <= m) {
        Value cap = captures.values[index - 1];
        if (!cap.is_undefined()) b.append(as_string(cap));
      } else {
        b.append(Units(tmpl.get()), i, i + 1 + digits);
      }
      i += 1 + digits;
    } else if (c == u'<') {
      int64_t gt = -1;
      for (uint32_t k = i + 2; k < n; ++k)
        if (Units(tmpl.get())[k] == u'>') {
          gt = k;
          break;
        }
      if (gt < 0 || named.get().is_undefined()) {
        b.append(u'$');
        b.append(u'<');
        i += 2;
      } else {
        gc::Rooted<String> group(vm.heap(), substr(vm, tmpl, i + 2, uint32_t(gt)));
        Value capture = get(vm, as_object(named), to_property_key(vm, string_value(group)));
        if (!capture.is_undefined()) {
          gc::Rooted<String> cs(vm.heap(), to_string(vm, capture));
          b.append(cs.get());
        }
        i = uint32_t(gt) + 1;
      }
    } else {
      b.append(u'$');
      ++i;
    }
  }
}

// ============================================================================
// The constructor
// ============================================================================

Value regexp_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  RootedValue pattern(vm.heap(), arg(args, 0));
  RootedValue flags(vm.heap(), arg(args, 1));
  bool pattern_is_regexp = false;
  if (pattern.get().is_object()) {
    Value matcher = get(vm, as_object(pattern), sym_key(vm, WellKnownSymbol::match));
    pattern_is_regexp = matcher.is_undefined() ? as_object(pattern)->object_class() == ObjectClass::RegExp : to_boolean(matcher);
  }
  RootedValue nt(vm.heap(), new_target);
  if (new_target.is_undefined()) {
    nt = object_value(vm.current_native());
    if (pattern_is_regexp && flags.get().is_undefined()) {
      Value ctor = get(vm, as_object(pattern), key_of(WellKnownAtom::constructor, vm));
      if (same_value(nt, ctor)) return pattern;
    }
  }
  RootedValue p(vm.heap()), f(vm.heap());
  if (RegExpObject* re = as_regexp(pattern)) {
    p = string_value(re->source);
    if (flags.get().is_undefined()) f = string_value(vm.new_string(regexp::flags_to_string(re->compiled->flags)));
    else f = flags;
  } else if (pattern_is_regexp) {
    p = get(vm, as_object(pattern), key_of(vm, "source"));
    if (flags.get().is_undefined()) f = get(vm, as_object(pattern), key_of(vm, "flags"));
    else f = flags;
  } else {
    p = pattern;
    f = flags;
  }
  gc::Rooted<RegExpObject> obj(vm.heap(), regexp_alloc(vm, nt));
  regexp_initialize(vm, obj, p, f);
  return object_value(obj);
}

// ============================================================================
// RegExp.prototype
// ============================================================================

Value regexp_exec_native(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<RegExpObject> r(vm.heap(), require_regexp(vm, self, "RegExp.prototype.exec"));
  String* s = to_string(vm, arg(args, 0));
  return builtin_exec(vm, r, s);
}

Value regexp_test(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> r(vm.heap(), require_object(vm, self, "RegExp.prototype.test"));
  String* s = to_string(vm, arg(args, 0));
  return Value::boolean(!regexp_exec(vm, r, s).is_null());
}

Value regexp_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<Object> r(vm.heap(), require_object(vm, self, "RegExp.prototype.toString"));
  gc::Rooted<String> source(vm.heap(), to_string(vm, get(vm, r, key_of(vm, "source"))));
  gc::Rooted<String> flags(vm.heap(), to_string(vm, get(vm, r, key_of(vm, "flags"))));
  StringBuilder b(vm);
  b.append(u'/');
  b.append(source.get());
  b.append(u'/');
  b.append(flags.get());
  return string_value(b.finish());
}

// EscapeRegExpPattern (§22.2.6.13.1).
Value regexp_source(Vm& vm, Value self, std::span<const Value>, Value) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, "RegExp.prototype.source getter called on non-object " + describe(vm, self));
  RegExpObject* r = as_regexp(self);
  if (!r) {
    if (as_object(self) == vm.intrinsics()[IntrinsicObject::RegExpPrototype]) return string_value(vm.new_string("(?:)"));
    vm.throw_error(ErrorType::TypeError, "RegExp.prototype.source getter called on non-RegExp object");
  }
  std::u16string src = r->source->to_utf16();
  if (src.empty()) return string_value(vm.new_string("(?:)"));
  std::u16string out;
  bool in_class = false;
  for (size_t i = 0; i < src.size(); ++i) {
    char16_t c = src[i];
    if (c == u'\\') {
      if (i + 1 < src.size()) {
        char16_t d = src[i + 1];
        out.push_back(u'\\');
        switch (d) {
          case u'\n': out.push_back(u'n'); break;
          case u'\r': out.push_back(u'r'); break;
          case 0x2028: out += u"u2028"; break;
          case 0x2029: out += u"u2029"; break;
          default: out.push_back(d);
        }
        ++i;
      } else {
        out.push_back(c);
      }
      continue;
    }
    switch (c) {
      case u'/':
        if (in_class) out.push_back(c);
        else out += u"\\/";
        break;
      case u'[': in_class = true; out.push_back(c); break;
      case u']': in_class = false; out.push_back(c); break;
      case u'\n': out += u"\\n"; break;
      case u'\r': out += u"\\r"; break;
      case 0x2028: out += u"\\u2028"; break;
      case 0x2029: out += u"\\u2029"; break;
      default: out.push_back(c);
    }
  }
  return string_value(make_string(vm, out));
}

Value regexp_flags(Vm& vm, Value self, std::span<const Value>, Value) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, "RegExp.prototype.flags getter called on non-object " + describe(vm, self));
  gc::Rooted<Object> r(vm.heap(), as_object(self));
  static const std::pair<char, const char*> kFlags[] = {{'d', "hasIndices"}, {'g', "global"},    {'i', "ignoreCase"},
                                                        {'m', "multiline"},  {'s', "dotAll"},    {'u', "unicode"},
                                                        {'v', "unicodeSets"}, {'y', "sticky"}};
  std::string out;
  for (auto& [ch, name] : kFlags)
    if (to_boolean(get(vm, r, key_of(vm, name)))) out.push_back(ch);
  return string_value(vm.new_string(out));
}

template <bool regexp::Flags::*Member>
Value flag_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, "RegExp flag getter called on non-object " + describe(vm, self));
  RegExpObject* r = as_regexp(self);
  if (!r) {
    if (as_object(self) == vm.intrinsics()[IntrinsicObject::RegExpPrototype]) return Value::undefined();
    vm.throw_error(ErrorType::TypeError, "RegExp flag getter called on non-RegExp object");
  }
  return Value::boolean(r->compiled->flags.*Member);
}

// Annex B.2.4.1.
Value regexp_compile(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<RegExpObject> o(vm.heap(), require_regexp(vm, self, "RegExp.prototype.compile"));
  RootedValue pattern(vm.heap(), arg(args, 0)), flags(vm.heap(), arg(args, 1));
  RootedValue p(vm.heap()), f(vm.heap());
  if (RegExpObject* re = as_regexp(pattern)) {
    if (!flags.get().is_undefined()) vm.throw_error(ErrorType::TypeError, "Cannot supply flags when constructing one RegExp from another");
    p = string_value(re->source);
    f = string_value(vm.new_string(regexp::flags_to_string(re->compiled->flags)));
  } else {
    p = pattern;
    f = flags;
  }
  regexp_initialize(vm, o, p, f);
  return object_value(o);
}

// ---- Symbol.match -----------------------------------------------------------

Value regexp_symbol_match(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> rx(vm.heap(), require_object(vm, self, "RegExp.prototype[Symbol.match]"));
  gc::Rooted<String> s(vm.heap(), to_string(vm, arg(args, 0))->flatten(vm.heap()));
  if (RegExpObject* pr = pristine(vm, rx, false); pr && pr->compiled->flags.global) {
    gc::Rooted<RegExpObject> re(vm.heap(), pr);
    bool full_unicode = re->compiled->flags.unicode || re->compiled->flags.unicodeSets;
    set_last_index(vm, re, Value::int32(0));
    ValueVector out(vm.heap());
    for (;;) {
      std::vector<int32_t> caps;
      std::shared_ptr<const regexp::Compiled> c;
      if (!builtin_match(vm, re, s, caps, &c)) break;
      out.values.push_back(string_value(substr(vm, s, uint32_t(caps[0]), uint32_t(caps[1]))));
      if (caps[0] == caps[1]) {
        uint64_t this_index = to_length(vm, get(vm, re, key_last_index(vm)));
        set_last_index(vm, re, Value::number(double(advance_string_index(s, this_index, full_unicode))));
      }
    }
    if (out.values.empty()) return Value::null();
    return object_value(vm.new_array_from(out.values));
  }
  gc::Rooted<String> flags(vm.heap(), to_string(vm, get(vm, rx, key_of(vm, "flags"))));
  if (!contains_unit(flags, u'g')) return regexp_exec(vm, rx, s);
  bool full_unicode = contains_unit(flags, u'u') || contains_unit(flags, u'v');
  set_last_index(vm, rx, Value::int32(0));
  ValueVector out(vm.heap());
  for (;;) {
    Value result = regexp_exec(vm, rx, s);
    if (result.is_null()) {
      if (out.values.empty()) return Value::null();
      return object_value(vm.new_array_from(out.values));
    }
    RootedValue res(vm.heap(), result);
    String* match = to_string(vm, get(vm, as_object(res), PropertyKey::of_index(0)));
    out.values.push_back(string_value(match));
    if (match->empty()) {
      uint64_t this_index = to_length(vm, get(vm, rx, key_last_index(vm)));
      uint64_t next = advance_string_index(s, this_index, full_unicode);
      set_last_index(vm, rx, Value::number(double(next)));
    }
  }
}

// ---- Symbol.matchAll and the iterator ------------------------------------------

// native_data of [Symbol.matchAll] and [Symbol.split]: [RegExp, %RegExpStringIteratorPrototype%].
Value realm_data(Vm& vm, uint32_t i) {
  Value d = vm.current_native()->native_data;
  if (!d.is_object()) return Value::undefined();
  return get(vm, as_object(d), PropertyKey::of_index(i));
}

Value regexp_symbol_match_all(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> r(vm.heap(), require_object(vm, self, "RegExp.prototype[Symbol.matchAll]"));
  RootedValue default_ctor(vm.heap(), realm_data(vm, 0));
  RootedValue iter_proto(vm.heap(), realm_data(vm, 1));
  gc::Rooted<String> s(vm.heap(), to_string(vm, arg(args, 0)));
  RootedValue c(vm.heap(), species_constructor(vm, r, default_ctor));
  gc::Rooted<String> flags(vm.heap(), to_string(vm, get(vm, r, key_of(vm, "flags"))));
  Value argv[2] = {object_value(r), string_value(flags)};
  Value m = vm.construct(c, argv, c);
  if (!m.is_object()) vm.throw_error(ErrorType::TypeError, "species constructor returned a non-object");
  gc::Rooted<Object> matcher(vm.heap(), as_object(m));
  uint64_t last_index = to_length(vm, get(vm, r, key_last_index(vm)));
  set_last_index(vm, matcher, Value::number(double(last_index)));
  bool global = contains_unit(flags, u'g');
  bool full_unicode = contains_unit(flags, u'u') || contains_unit(flags, u'v');
  Shape* shape = vm.root_shape_for(as_object(iter_proto));
  return object_value(vm.heap().allocate<RegExpStringIterator>(shape, object_value(matcher), s.get(), global, full_unicode));
}

Value regexp_string_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  if (!self.is_object() || as_object(self)->cell_name() != RegExpStringIterator::kName)
    vm.throw_error(ErrorType::TypeError, "Method %RegExpStringIterator%.prototype.next called on incompatible receiver " + describe(vm, self));
  gc::Rooted<RegExpStringIterator> it(vm.heap(), static_cast<RegExpStringIterator*>(as_object(self)));
  if (it->done) return object_value(create_iter_result(vm, Value::undefined(), true));
  gc::Rooted<Object> r(vm.heap(), as_object(it->matcher));
  gc::Rooted<String> s(vm.heap(), it->string->flatten(vm.heap()));
  Value m = regexp_exec(vm, r, s);
  if (m.is_null()) {
    it->done = true;
    return object_value(create_iter_result(vm, Value::undefined(), true));
  }
  RootedValue match(vm.heap(), m);
  if (!it->global) {
    it->done = true;
    return object_value(create_iter_result(vm, match, false));
  }
  String* match_str = to_string(vm, get(vm, as_object(match), PropertyKey::of_index(0)));
  if (match_str->empty()) {
    uint64_t this_index = to_length(vm, get(vm, r, key_last_index(vm)));
    set_last_index(vm, r, Value::number(double(advance_string_index(s, this_index, it->full_unicode))));
  }
  return object_value(create_iter_result(vm, match, false));
}

// ---- Symbol.replace ---------------------------------------------------------------

Value regexp_symbol_replace(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> rx(vm.heap(), require_object(vm, self, "RegExp.prototype[Symbol.replace]"));
  gc::Rooted<String> s(vm.heap(), to_string(vm, arg(args, 0))->flatten(vm.heap()));
  uint32_t length_s = s->length();
  RootedValue replace_value(vm.heap(), arg(args, 1));
  bool functional = is_callable(replace_value);
  gc::Rooted<String> replace_template(vm.heap());
  if (!functional) replace_template = to_string(vm, replace_value);
  if (RegExpObject* pr = pristine(vm, rx, false)) {
    gc::Rooted<RegExpObject> re(vm.heap(), pr);
    bool global = re->compiled->flags.global;
    bool full_unicode = re->compiled->flags.unicode || re->compiled->flags.unicodeSets;
    if (global) set_last_index(vm, re, Value::int32(0));
    std::vector<std::pair<std::vector<int32_t>, std::shared_ptr<const regexp::Compiled>>> matches;
    for (;;) {
      std::vector<int32_t> caps;
      std::shared_ptr<const regexp::Compiled> c;
      if (!builtin_match(vm, re, s, caps, &c)) break;
      matches.emplace_back(std::move(caps), std::move(c));
      if (!global) break;
      const auto& m = matches.back().first;
      if (m[0] == m[1]) {
        uint64_t this_index = to_length(vm, get(vm, re, key_last_index(vm)));
        set_last_index(vm, re, Value::number(double(advance_string_index(s, this_index, full_unicode))));
      }
    }
    if (matches.empty()) return string_value(s);
    StringBuilder acc(vm);
    uint32_t next_source_position = 0;
    for (const auto& [caps, c] : matches) {
      ValueVector values(vm.heap());
      capture_values(vm, s, caps, c->capture_count, values);
      uint32_t position = uint32_t(caps[0]), match_length = uint32_t(caps[1] - caps[0]);
      RootedValue named(vm.heap(), groups_object(vm, *c, values.values));
      gc::Rooted<String> replacement(vm.heap());
      if (functional) {
        values.values.push_back(Value::number(position));
        values.values.push_back(string_value(s));
        if (!named.get().is_undefined()) values.values.push_back(named);
        Value r = vm.call(replace_value, Value::undefined(), values.values);
        replacement = to_string(vm, r);
      } else {
        std::vector<Value> captures(values.values.begin() + 1, values.values.end());
        StringBuilder b(vm);
        get_substitution(vm, b, as_string(values.values[0]), s, position, captures, named, replace_template);
        replacement = b.finish();
      }
      if (position >= next_source_position) {
        acc.append(Units(s.get()), next_source_position, position);
        acc.append(replacement.get());
        next_source_position = position + match_length;
      }
    }
    if (next_source_position < length_s) acc.append(Units(s.get()), next_source_position, length_s);
    return string_value(acc.finish());
  }
  gc::Rooted<String> flags(vm.heap(), to_string(vm, get(vm, rx, key_of(vm, "flags"))));
  bool global = contains_unit(flags, u'g');
  bool full_unicode = false;
  if (global) {
    full_unicode = contains_unit(flags, u'u') || contains_unit(flags, u'v');
    set_last_index(vm, rx, Value::int32(0));
  }
  ValueVector results(vm.heap());
  for (;;) {
    Value result = regexp_exec(vm, rx, s);
    if (result.is_null()) break;
    results.values.push_back(result);
    if (!global) break;
    RootedValue res(vm.heap(), result);
    String* match = to_string(vm, get(vm, as_object(res), PropertyKey::of_index(0)));
    if (match->empty()) {
      uint64_t this_index = to_length(vm, get(vm, rx, key_last_index(vm)));
      set_last_index(vm, rx, Value::number(double(advance_string_index(s, this_index, full_unicode))));
    }
  }
  StringBuilder acc(vm);
  uint64_t next_source_position = 0;
  for (size_t ri = 0; ri < results.values.size(); ++ri) {
    gc::Rooted<Object> result(vm.heap(), as_object(results.values[ri]));
    uint64_t result_length = length_of_array_like(vm, result);
    uint64_t n_captures = result_length > 0 ? result_length - 1 : 0;
    gc::Rooted<String> matched(vm.heap(), to_string(vm, get(vm, result, PropertyKey::of_index(0))));
    uint32_t match_length = matched->length();
    double position = to_integer_or_infinity(vm, get(vm, result, key_of(WellKnownAtom::index, vm)));
    position = std::max(std::min(position, double(length_s)), 0.0);
    ValueVector captures(vm.heap());
    for (uint64_t k = 1; k <= n_captures; ++k) {
      Value cap = get(vm, result, PropertyKey::of_index(uint32_t(k)));
      if (!cap.is_undefined()) cap = string_value(to_string(vm, cap));
      captures.values.push_back(cap);
    }
    RootedValue named(vm.heap(), get(vm, result, key_of(WellKnownAtom::groups, vm)));
    gc::Rooted<String> replacement(vm.heap());
    if (functional) {
      ValueVector argv(vm.heap());
      argv.values.push_back(string_value(matched));
      for (Value v : captures.values) argv.values.push_back(v);
      argv.values.push_back(Value::number(position));
      argv.values.push_back(string_value(s));
      if (!named.get().is_undefined()) argv.values.push_back(named);
      Value r = vm.call(replace_value, Value::undefined(), argv.values);
      replacement = to_string(vm, r);
    } else {
      if (!named.get().is_undefined()) named = object_value(to_object(vm, named));
      StringBuilder b(vm);
      get_substitution(vm, b, matched, s, uint32_t(position), captures.values, named, replace_template);
      replacement = b.finish();
    }
    if (position >= double(next_source_position)) {
      acc.append(Units(s.get()), uint32_t(next_source_position), uint32_t(position));
      acc.append(replacement.get());
      next_source_position = uint64_t(position) + match_length;
    }
  }
  if (next_source_position >= length_s) return string_value(acc.finish());
  acc.append(Units(s.get()), uint32_t(next_source_position), length_s);
  return string_value(acc.finish());
}

// ---- Symbol.search ---------------------------------------------------------------

Value regexp_symbol_search(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> rx(vm.heap(), require_object(vm, self, "RegExp.prototype[Symbol.search]"));
  gc::Rooted<String> s(vm.heap(), to_string(vm, arg(args, 0)));
  RootedValue previous(vm.heap(), get(vm, rx, key_last_index(vm)));
  if (!same_value(previous, Value::int32(0))) set_last_index(vm, rx, Value::int32(0));
  RootedValue result(vm.heap(), regexp_exec(vm, rx, s));
  Value current = get(vm, rx, key_last_index(vm));
  if (!same_value(current, previous)) set_last_index(vm, rx, previous);
  if (result.get().is_null()) return Value::int32(-1);
  return get(vm, as_object(result), key_of(WellKnownAtom::index, vm));
}

// ---- Symbol.split ------------------------------------------------------------------

Value regexp_symbol_split(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> rx(vm.heap(), require_object(vm, self, "RegExp.prototype[Symbol.split]"));
  RootedValue default_ctor(vm.heap(), realm_data(vm, 0));
  gc::Rooted<String> s(vm.heap(), to_string(vm, arg(args, 0))->flatten(vm.heap()));
  RootedValue limit(vm.heap(), arg(args, 1));
  RootedValue c(vm.heap(), species_constructor(vm, rx, default_ctor));
  gc::Rooted<String> flags(vm.heap(), to_string(vm, get(vm, rx, key_of(vm, "flags"))));
  bool unicode_matching = contains_unit(flags, u'u') || contains_unit(flags, u'v');
  gc::Rooted<String> new_flags(vm.heap(), flags.get());
  if (!contains_unit(flags, u'y')) new_flags = String::concat(vm.heap(), flags, vm.intern("y"));
  Value argv[2] = {object_value(rx), string_value(new_flags)};
  Value sp = vm.construct(c, argv, c);
  if (!sp.is_object()) vm.throw_error(ErrorType::TypeError, "species constructor returned a non-object");
  gc::Rooted<Object> splitter(vm.heap(), as_object(sp));
  ValueVector out(vm.heap());
  uint32_t lim = limit.get().is_undefined() ? 0xFFFFFFFFu : to_uint32(vm, limit);
  if (lim == 0) return object_value(vm.new_array(0));
  uint32_t size = s->length();
  if (size == 0) {
    Value z = regexp_exec(vm, splitter, s);
    if (!z.is_null()) return object_value(vm.new_array(0));
    Value v = string_value(s);
    return object_value(vm.new_array_from(std::span<const Value>(&v, 1)));
  }
  uint32_t p = 0, q = 0;
  if (RegExpObject* pr = same_value(c, default_ctor) ? pristine(vm, splitter, false) : nullptr) {
    // The splitter is ours and unreachable: a non-sticky search from q
    // finds the first q' >= q where the sticky match of the spec succeeds.
    gc::Rooted<RegExpObject> re(vm.heap(), pr);
    std::shared_ptr<const regexp::Compiled> comp = re->compiled;
    std::vector<int32_t> caps;
    while (q < size) {
      regexp::MatchStatus status;
      {
        Units u(s.get());
        status = regexp::search(*comp->program, u.one, u.two, size, q, false, caps);
      }
      if (status == regexp::MatchStatus::LimitExceeded)
        vm.throw_error(ErrorType::RangeError, regexp::kBacktrackLimitMessage);
      if (status == regexp::MatchStatus::NoMatch || uint32_t(caps[0]) >= size) break;
      uint32_t at = uint32_t(caps[0]);
      uint32_t e = std::min<uint32_t>(uint32_t(caps[1]), size);
      if (e == p) {
        q = uint32_t(advance_string_index(s, at, unicode_matching));
        continue;
      }
      out.values.push_back(string_value(substr(vm, s, p, at)));
      if (out.values.size() == lim) return object_value(vm.new_array_from(out.values));
      p = e;
      for (uint32_t i = 1; i <= comp->capture_count; ++i) {
        Value v = Value::undefined();
        if (caps[2 * i + 1] >= 0) v = string_value(substr(vm, s, uint32_t(caps[2 * i]), uint32_t(caps[2 * i + 1])));
        out.values.push_back(v);
        if (out.values.size() == lim) return object_value(vm.new_array_from(out.values));
      }
      q = p;
    }
    out.values.push_back(string_value(substr(vm, s, p, size)));
    return object_value(vm.new_array_from(out.values));
  }
  while (q < size) {
    set_last_index(vm, splitter, Value::number(q));
    Value z = regexp_exec(vm, splitter, s);
    if (z.is_null()) {
      q = uint32_t(advance_string_index(s, q, unicode_matching));
      continue;
    }
    RootedValue zr(vm.heap(), z);
    uint64_t e = std::min<uint64_t>(to_length(vm, get(vm, splitter, key_last_index(vm))), size);
    if (e == p) {
      q = uint32_t(advance_string_index(s, q, unicode_matching));
      continue;
    }
    out.values.push_back(string_value(substr(vm, s, p, q)));
    if (out.values.size() == lim) return object_value(vm.new_array_from(out.values));
    p = uint32_t(e);
    uint64_t n = length_of_array_like(vm, as_object(zr));
    for (uint64_t i = 1; i < n; ++i) {
      out.values.push_back(get(vm, as_object(zr), PropertyKey::of_index(uint32_t(i))));
      if (out.values.size() == lim) return object_value(vm.new_array_from(out.values));
    }
    q = p;
  }
  out.values.push_back(string_value(substr(vm, s, p, size)));
  return object_value(vm.new_array_from(out.values));
}

// RegExp.escape (ES2025 §22.2.5.1).
Value regexp_escape(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_string()) vm.throw_error(ErrorType::TypeError, "RegExp.escape requires a string");
  std::u16string in = as_string(v)->to_utf16();
  std::u16string out;
  auto hex = [&](uint32_t c, int digits) {
    static const char16_t kHex[] = u"0123456789abcdef";
    for (int i = digits - 1; i >= 0; --i) out.push_back(kHex[(c >> (4 * i)) & 0xF]);
  };
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    bool pair = c >= 0xD800 && c <= 0xDBFF && i + 1 < in.size() && in[i + 1] >= 0xDC00 && in[i + 1] <= 0xDFFF;
    if (pair) c = 0x10000 + ((c - 0xD800) << 10) + (in[i + 1] - 0xDC00);
    if (out.empty() && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      out += u"\\x";
      hex(c, 2);
      continue;
    }
    if (c < 0x80 && std::u16string_view(u"^$\\.*+?()[]{}|/").find(char16_t(c)) != std::u16string_view::npos) {
      out.push_back(u'\\');
      out.push_back(char16_t(c));
      continue;
    }
    const char16_t* control = c == 9 ? u"t" : c == 10 ? u"n" : c == 11 ? u"v" : c == 12 ? u"f" : c == 13 ? u"r" : nullptr;
    if (control) {
      out.push_back(u'\\');
      out += control;
      continue;
    }
    bool punct = c < 0x80 && std::u16string_view(u",-=<>#&!%:;@~'`\"").find(char16_t(c)) != std::u16string_view::npos;
    bool space = unicode::is_whitespace(c) || unicode::is_line_terminator(c);
    bool lone = !pair && c >= 0xD800 && c <= 0xDFFF;
    if (punct || space || lone) {
      if (c <= 0xFF) {
        out += u"\\x";
        hex(c, 2);
      } else {
        out += u"\\u";
        hex(c, 4);
      }
      continue;
    }
    out.push_back(in[i]);
    if (pair) out.push_back(in[++i]);
  }
  return string_value(make_string(vm, out));
}

}  // namespace

// ============================================================================
// Entry points
// ============================================================================

Value regexp_create_literal(Vm& vm, const std::u16string& pattern, const std::string& flags) {
  std::u16string f(flags.begin(), flags.end());
  auto c = compile(vm, pattern, f);
  gc::Rooted<RegExpObject> r(vm.heap(), regexp_alloc(vm, Value::undefined()));
  String* src = make_string(vm, pattern);
  r->source = src;
  r->compiled = std::move(c);
  return object_value(r);
}

Value regexp_create(Vm& vm, Value pattern, Value flags) {
  RootedValue p(vm.heap(), pattern), f(vm.heap(), flags);
  gc::Rooted<RegExpObject> r(vm.heap(), regexp_alloc(vm, Value::undefined()));
  regexp_initialize(vm, r, p, f);
  return object_value(r);
}

void install_regexp(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::RegExpPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "RegExp", regexp_ctor, 2, proto));

  {
    gc::Rooted<FunctionObject> getter(vm.heap(), vm.new_native("get [Symbol.species]", regexp_species_getter, 0));
    vm.define_accessor(ctor, vm.well_known_symbol(WellKnownSymbol::species), object_value(getter), Value::undefined(),
                       kConfigurable);
  }

  vm.define_native(ctor, "escape", regexp_escape, 1);
  vm.define_native(proto, "exec", regexp_exec_native, 1);
  vm.define_native(proto, "test", regexp_test, 1);
  vm.define_native(proto, "toString", regexp_to_string, 0);
  vm.define_native(proto, "compile", regexp_compile, 2);

  struct {
    const char* name;
    NativeFn fn;
  } getters[] = {
      {"dotAll", flag_getter<&regexp::Flags::dotAll>},
      {"flags", regexp_flags},
      {"global", flag_getter<&regexp::Flags::global>},
      {"hasIndices", flag_getter<&regexp::Flags::hasIndices>},
      {"ignoreCase", flag_getter<&regexp::Flags::ignoreCase>},
      {"multiline", flag_getter<&regexp::Flags::multiline>},
      {"source", regexp_source},
      {"sticky", flag_getter<&regexp::Flags::sticky>},
      {"unicode", flag_getter<&regexp::Flags::unicode>},
      {"unicodeSets", flag_getter<&regexp::Flags::unicodeSets>},
  };
  for (auto& g : getters) {
    gc::Rooted<FunctionObject> fn(vm.heap(), vm.new_native(std::string("get ") + g.name, g.fn, 0));
    gc::Rooted<String> key(vm.heap(), vm.intern(g.name));
    vm.define_accessor(proto, key.get(), object_value(fn), Value::undefined(), kConfigurable);
  }

  // %RegExpStringIteratorPrototype%
  gc::Rooted<Object> iter_proto(vm.heap(), vm.new_object_with_proto(vm.intrinsics()[IntrinsicObject::IteratorPrototype]));
  vm.define_native(iter_proto, "next", regexp_string_iterator_next, 0);
  vm.define_value(iter_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag),
                  string_value(vm.intern("RegExp String Iterator")), kConfigurable);

  Value data_values[2] = {object_value(ctor), object_value(iter_proto)};
  gc::Rooted<Object> data(vm.heap(), vm.new_array_from(data_values));

  struct {
    WellKnownSymbol sym;
    const char* name;
    NativeFn fn;
    int length;
  } symbol_methods[] = {
      {WellKnownSymbol::match, "[Symbol.match]", regexp_symbol_match, 1},
      {WellKnownSymbol::matchAll, "[Symbol.matchAll]", regexp_symbol_match_all, 1},
      {WellKnownSymbol::replace, "[Symbol.replace]", regexp_symbol_replace, 2},
      {WellKnownSymbol::search, "[Symbol.search]", regexp_symbol_search, 1},
      {WellKnownSymbol::split, "[Symbol.split]", regexp_symbol_split, 2},
  };
  for (auto& m : symbol_methods) {
    gc::Rooted<FunctionObject> fn(vm.heap(), vm.new_native(m.name, m.fn, m.length));
    fn->native_data = object_value(data);
    vm.define_value(proto, vm.well_known_symbol(m.sym), object_value(fn));
  }

  define_global(vm, "RegExp", object_value(ctor));
}

}  // namespace glass
