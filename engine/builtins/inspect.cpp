#include "builtins/inspect.h"

#include <cmath>
#include <vector>

#include "builtins/builtins.h"
#include "parser/display.h"
#include "vm/box.h"

namespace glass {

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "\\'";
    else if (c == '\n') out += "\\n";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + "'";
}

bool is_identifier_name(const std::string& s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s)
    if (!(std::isalnum(uint8_t(c)) || c == '_' || c == '$')) return false;
  return true;
}

std::string number_text(double d) {
  if (d == 0 && std::signbit(d)) return "-0";
  return number_to_js_string(d);
}

struct Printer {
  Vm& vm;
  std::vector<Object*> seen;

  std::string key_text(PropertyKey key) {
    if (key.is_index()) return std::to_string(key.index);
    if (is_string(key.cell)) {
      std::string s = static_cast<String*>(key.cell)->to_utf8();
      return is_identifier_name(s) ? s : quote(s);
    }
    auto* sym = static_cast<Symbol*>(key.cell);
    return "[Symbol(" + (sym->description() ? sym->description()->to_utf8() : "") + ")]";
  }

  std::string primitive(Value v, bool top) {
    if (v.is_string()) return top ? as_string(v)->to_utf8() : quote(as_string(v)->to_utf8());
    if (v.is_number()) return number_text(v.as_number());
    if (v.is_bigint()) return as_bigint(v)->to_string() + "n";
    if (v.is_symbol()) {
      Symbol* s = as_symbol(v);
      return "Symbol(" + (s->description() ? s->description()->to_utf8() : "") + ")";
    }
    return typeof_name(v) == std::string("undefined") ? "undefined" : v.is_null() ? "null" : to_utf8(vm, v);
  }

  static const char* box_kind(const Object* o) {
    switch (o->object_class()) {
      case ObjectClass::Number: return "Number";
      case ObjectClass::String: return "String";
      case ObjectClass::Boolean: return "Boolean";
      case ObjectClass::Symbol: return "Symbol";
      case ObjectClass::BigInt: return "BigInt";
      default: return nullptr;
    }
  }

  std::string function_name(Object* o) {
    auto p = o->get_own(vm.atom(WellKnownAtom::name));
    return p && p->value.is_string() ? as_string(p->value)->to_utf8() : "";
  }

  std::string constructor_name(Object* o) {
    for (Object* p = get_prototype_of(o); p; p = get_prototype_of(p)) {
      auto c = p->get_own(vm.atom(WellKnownAtom::constructor));
      if (c && c->value.is_object() && is_callable(c->value)) return function_name(as_object(c->value));
    }
    return "";
  }

  std::string print(Value v, int depth, bool top) {
    if (!v.is_object()) return primitive(v, top);
    Object* o = as_object(v);
    for (Object* s : seen)
      if (s == o) return "[Circular *1]";
    if (o->object_class() == ObjectClass::Error) {
      auto stack = o->get_own(vm.atom(WellKnownAtom::stack));
      if (stack && stack->value.is_string()) return as_string(stack->value)->to_utf8();
    }
    std::string prefix;
    bool is_fn = is_function_object(o);
    bool is_box = false;
    if (const char* kind = box_kind(o)) {  // [Number: 1], [BigInt: 1n], ...
      prefix = std::string("[") + kind + ": " + primitive(static_cast<BoxObject*>(o)->primitive, false) + "]";
      is_box = true;
    } else if (is_fn) {
      std::string n = function_name(o);
      FunctionObject* f = static_cast<FunctionObject*>(o);
      bool cls = f->is_class_constructor;
      prefix = cls ? "[class " + (n.empty() ? std::string("(anonymous)") : n) + "]"
                   : "[Function: " + (n.empty() ? std::string("(anonymous)") : n) + "]";
    }
    bool is_arr = o->object_class() == ObjectClass::Array;
    std::vector<PropertyKey> keys = own_property_keys(vm, o);
    std::vector<std::string> parts;
    if (depth < 0) return is_arr ? "[Array]" : (is_fn || is_box) ? prefix : "[Object]";
    seen.push_back(o);
    uint32_t holes = 0;
    if (is_arr) {
      uint32_t len = o->array_length();
      for (uint32_t i = 0; i < len && parts.size() < 100; ++i) {
        auto e = o->get_element(i);
        if (!e) {
          ++holes;
          continue;
        }
        if (holes) parts.push_back("<" + std::to_string(holes) + " empty item" + (holes > 1 ? "s" : "") + ">");
        holes = 0;
        parts.push_back(print(*e, depth - 1, false));
      }
      if (holes) parts.push_back("<" + std::to_string(holes) + " empty item" + (holes > 1 ? "s" : "") + ">");
      if (len > 100) parts.push_back("... " + std::to_string(len - 100) + " more items");
    }
    for (PropertyKey key : keys) {
      if (is_arr && (key.is_index() || key.cell == vm.atom(WellKnownAtom::length))) continue;
      if (is_box && key.is_index()) continue;  // a String wrapper's characters
      auto p = get_own_property(vm, o, key);
      if (!p || !(p->flags & kEnumerable)) continue;
      std::string value;
      if (p->flags & kAccessor) {
        auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
        value = pair->getter.is_undefined() ? "[Setter]" : pair->setter.is_undefined() ? "[Getter]" : "[Getter/Setter]";
      } else {
        value = print(p->value, depth - 1, false);
      }
      parts.push_back(key_text(key) + ": " + value);
    }
    seen.pop_back();
    if (is_fn || is_box) return parts.empty() ? prefix : prefix + " { " + join(parts) + " }";
    std::string open = is_arr ? "[" : "{", close = is_arr ? "]" : "}";
    std::string ctor = constructor_name(o);
    std::string tag;
    if (!get_prototype_of(o)) tag = "[Object: null prototype] ";
    else if (!is_arr && ctor != "Object" && !ctor.empty()) tag = ctor + " ";
    if (parts.empty()) return tag + open + close;
    std::string one_line = tag + open + " " + join(parts) + " " + close;
    if (one_line.size() <= 72) return one_line;
    std::string out = tag + open + "\n";
    for (size_t i = 0; i < parts.size(); ++i) out += "  " + indent(parts[i]) + (i + 1 < parts.size() ? ",\n" : "\n");
    return out + close;
  }

  static std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
  }
  static std::string indent(const std::string& s) {
    std::string out;
    for (char c : s) {
      out += c;
      if (c == '\n') out += "  ";
    }
    return out;
  }
};

}  // namespace

std::string inspect_value(Vm& vm, Value v, int depth) {
  Printer p{vm, {}};
  return p.print(v, depth, false);
}

std::string format_log_arguments(Vm& vm, std::span<const Value> args) {
  std::string out;
  size_t next = 0;
  Printer p{vm, {}};
  if (!args.empty() && args[0].is_string()) {
    std::string fmt = as_string(args[0])->to_utf8();
    next = 1;
    std::string first;
    for (size_t i = 0; i < fmt.size(); ++i) {
      if (fmt[i] != '%' || i + 1 == fmt.size()) {
        first += fmt[i];
        continue;
      }
      char c = fmt[i + 1];
      if (c == '%') {
        first += '%';
        ++i;
        continue;
      }
      if (std::string("sdifjoOc").find(c) == std::string::npos || next >= args.size()) {
        first += fmt[i];
        continue;
      }
      Value a = args[next++];
      ++i;
      switch (c) {
        case 's': first += a.is_string() ? as_string(a)->to_utf8() : p.print(a, 1, false); break;
        case 'd':
        case 'i': {
          if (a.is_bigint()) {
            first += as_bigint(a)->to_string() + "n";
            break;
          }
          double d = a.is_object() ? NAN : to_number(vm, a);
          if (c == 'i') d = std::trunc(d);
          first += number_text(d);
          break;
        }
        case 'f': first += number_text(a.is_bigint() ? bigint_to_number(a) : to_number(vm, a)); break;
        case 'j': {
          Value json = get(vm, vm.global(), key_of(vm, "JSON"));
          Value text = call_method(vm, json, key_of(vm, "stringify"), std::span<const Value>(&a, 1));
          first += text.is_undefined() ? "undefined" : to_utf8(vm, text);
          break;
        }
        case 'c': break;
        default: first += p.print(a, 4, false); break;
      }
    }
    out = first;
  }
  for (size_t i = next; i < args.size(); ++i) {
    if (!out.empty() || i > 0) out += ' ';
    out += p.print(args[i], 2, true);
  }
  return out;
}

// What an uncaught exception prints (CLI-CONTRACT.md): the first line of
// String(error), "Uncaught "-prefixed, then its stack.
std::string describe_uncaught(Vm& vm, Value error) {
  std::string text;
  try {
    if (error.is_object()) {
      Object* o = as_object(error);
      auto stack = o->object_class() == ObjectClass::Error ? get_own_property(vm, o, key_of(WellKnownAtom::stack, vm))
                                                           : std::nullopt;
      if (stack && stack->value.is_string()) {
        std::string s = as_string(stack->value)->to_utf8();
        // The stack's first line was made when the error was; String(error) is current.
        std::string head = to_utf8(vm, error);
        size_t nl = s.find('\n');
        return "Uncaught " + head + (nl == std::string::npos ? "" : s.substr(nl)) + "\n";
      }
    }
    text = error.is_string() ? "'" + as_string(error)->to_utf8() + "'" : to_utf8(vm, error);
  } catch (const Thrown&) {
    text = "(an exception whose conversion to a string threw)";
  }
  return "Uncaught " + text + "\n";
}

}  // namespace glass
