#include "builtins/inspect.h"

#include <cmath>
#include <vector>

#include "builtins/builtins.h"
#include "builtins/data_view.h"
#include "parser/display.h"
#include "vm/box.h"
#include "vm/typed_array.h"

namespace glass {

namespace {

// Node's choice of quote: single, unless the string has one and no double
// quote (then double), or has both and no backquote (then backquotes).
std::string quote(const std::string& s) {
  char q = '\'';
  if (s.find('\'') != std::string::npos) {
    if (s.find('"') == std::string::npos) q = '"';
    else if (s.find('`') == std::string::npos) q = '`';
  }
  std::string out(1, q);
  for (char c : s) {
    if (c == q) out += std::string("\\") + q;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out + q;
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
  Object* circular_target = nullptr;  // the object a [Circular *1] points back to
  bool show_hidden = false;           // util.inspect's showHidden (%o): non-enumerable properties as [key]

  std::string key_text(PropertyKey key) {
    if (key.is_index()) return std::to_string(key.index);
    if (is_string(key.cell)) {
      std::string s = static_cast<String*>(key.cell)->to_utf8();
      return is_identifier_name(s) ? s : quote(s);
    }
    return "[" + static_cast<Symbol*>(key.cell)->descriptive_string() + "]";
  }

  std::string primitive(Value v, bool top) {
    if (v.is_string()) return top ? as_string(v)->to_utf8() : quote(as_string(v)->to_utf8());
    if (v.is_number()) return number_text(v.as_number());
    if (v.is_bigint()) return as_bigint(v)->to_string() + "n";
    if (v.is_symbol()) return as_symbol(v)->descriptive_string();
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

  // A value as console.log shows it; an object its own properties lead back
  // to is marked <ref *1> (Node marks the one [Circular *1] refers to).
  std::string print_top(Value v, int depth, bool top) {
    circular_target = nullptr;
    std::string text = print(v, depth, top);
    if (circular_target && v.is_object() && as_object(v) == circular_target) return "<ref *1> " + text;
    return text;
  }

  std::string print(Value v, int depth, bool top) {
    if (!v.is_object()) return primitive(v, top);
    Object* o = as_object(v);
    for (Object* s : seen)
      if (s == o) {
        circular_target = o;
        return "[Circular *1]";
      }
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
                   : n.empty() ? std::string("[Function (anonymous)]") : "[Function: " + n + "]";
    }
    if (o->object_class() == ObjectClass::Date) {  // as toISOString, or Invalid Date
      Value iso = call_method(vm, v, key_of(vm, "getTime"), {});
      if (!(iso.is_number() && std::isfinite(iso.as_number()))) return "Invalid Date";
      return to_utf8(vm, call_method(vm, v, key_of(vm, "toISOString"), {}));
    }
    if (o->object_class() == ObjectClass::RegExp) return to_utf8(vm, v);  // /source/flags
    bool is_map = o->object_class() == ObjectClass::Map, is_set = o->object_class() == ObjectClass::Set;
    if (is_map || is_set) return collection(o, is_map, depth);
    if (ArrayBufferObject* buffer = as_array_buffer(o)) return array_buffer(buffer);
    if (o->object_class() == ObjectClass::DataView) return data_view(static_cast<DataViewObject*>(o), depth);
    bool is_arr = o->object_class() == ObjectClass::Array;
    TypedArrayObject* ta = as_typed_array(o);
    // Arrays and typed arrays list their elements: [ 1, 2 ], Uint8Array(2) [ 1, 2 ].
    bool is_list = is_arr || ta;
    uint64_t list_length = is_arr ? o->array_length() : ta ? typed_array_length_or_zero(ta) : 0;
    std::vector<PropertyKey> keys = own_property_keys(vm, o);
    std::vector<std::string> parts;
    if (depth < 0) return is_arr ? "[Array]" : ta ? "[" + constructor_name(o) + "]" : (is_fn || is_box) ? prefix : "[Object]";
    seen.push_back(o);
    uint32_t holes = 0;
    if (ta) {
      for (uint64_t i = 0; i < list_length && parts.size() < 100; ++i) {
        RootedValue element(vm.heap(), typed_array_get_element(vm, ta, double(i)));
        parts.push_back(print(element, depth - 1, false));
      }
      if (list_length > 100) parts.push_back("... " + std::to_string(list_length - 100) + " more items");
    }
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
    if (is_arr && show_hidden) parts.push_back("[length]: " + std::to_string(o->array_length()));
    for (PropertyKey key : keys) {
      if (is_arr && (key.is_index() || key.cell == vm.atom(WellKnownAtom::length))) continue;
      if (ta && key.is_index()) continue;
      if (is_box && key.is_index()) continue;  // a String wrapper's characters
      auto p = get_own_property(vm, o, key);
      if (!p) continue;
      bool hidden = !(p->flags & kEnumerable);
      if (hidden && !show_hidden) continue;
      std::string value;
      if (p->flags & kAccessor) {
        auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
        value = pair->getter.is_undefined() ? "[Setter]" : pair->setter.is_undefined() ? "[Getter]" : "[Getter/Setter]";
      } else {
        value = print(p->value, depth - 1, false);
      }
      parts.push_back((hidden ? "[" + key_text(key) + "]" : key_text(key)) + ": " + value);
    }
    seen.pop_back();
    if (is_fn || is_box) return parts.empty() ? prefix : prefix + " { " + join(parts) + " }";
    std::string open = is_list ? "[" : "{", close = is_list ? "]" : "}";
    std::string ctor = constructor_name(o);
    std::string tag;
    if (o->object_class() == ObjectClass::ModuleNamespace) tag = "[Module: null prototype] ";
    else if (!get_prototype_of(o)) tag = "[Object: null prototype] ";
    else if (ta) tag = ctor + "(" + std::to_string(list_length) + ") " +
                       (ctor == typed_array_name(ta->type) ? "" : std::string("[") + typed_array_name(ta->type) + "] ");
    else if (!is_arr && ctor != "Object" && !ctor.empty()) tag = ctor + " ";
    if (parts.empty()) return tag + open + close;
    if (is_list && parts.size() > 6 && keys_are_elements(list_length, parts.size())) {
      bool numbers = true;
      for (uint32_t i = 0; is_arr && i < o->array_length() && i < 100 && numbers; ++i) {
        auto e = o->get_element(i);
        numbers = e && (e->is_number() || e->is_bigint());
      }
      std::vector<std::string> grouped = group_columns(parts, numbers, list_length > 100);
      if (grouped.size() != parts.size()) {  // grouped rows: always one per line
        std::string out = tag + open + "\n";
        for (size_t i = 0; i < grouped.size(); ++i) out += "  " + grouped[i] + (i + 1 < grouped.size() ? ",\n" : "\n");
        return out + close;
      }
    }
    return wrap(tag + open, close, parts);
  }

  // Map(2) { k => v, ... } and Set(2) { v, ... }, read through the built-in
  // entries()/values() iterators (never a script's override).
  std::string collection(Object* o, bool is_map, int depth) {
    gc::Rooted<Object> table(vm.heap(), o);
    Object* proto = vm.intrinsics()[is_map ? IntrinsicObject::MapPrototype : IntrinsicObject::SetPrototype];
    RootedValue method(vm.heap(), get(vm, proto, key_of(vm, is_map ? "entries" : "values")));
    RootedValue iterator(vm.heap(), vm.call(method, object_value(table), {}));
    IteratorRecord it = get_iterator(vm, iterator);
    std::vector<std::string> parts;
    seen.push_back(table);
    size_t count = 0;
    for (;;) {
      std::optional<Value> item = iterator_step(vm, it);
      if (!item) break;
      ++count;
      if (depth < 0) continue;
      RootedValue entry(vm.heap(), *item);
      if (is_map) {
        gc::Rooted<Object> pair(vm.heap(), as_object(entry));
        RootedValue k(vm.heap(), get(vm, pair, PropertyKey::of_index(0)));
        RootedValue val(vm.heap(), get(vm, pair, PropertyKey::of_index(1)));
        parts.push_back(print(k, depth - 1, false) + " => " + print(val, depth - 1, false));
      } else {
        parts.push_back(print(entry, depth - 1, false));
      }
    }
    seen.pop_back();
    std::string head = std::string(is_map ? "Map" : "Set") + "(" + std::to_string(count) + ")";
    if (depth < 0) return "[" + std::string(is_map ? "Map" : "Set") + "]";
    if (parts.empty()) return head + " {}";
    return wrap(head + " {", "}", parts);
  }

  // One line when it fits in Node's 80 columns (72 left for the entries),
  // else one entry per line.
  std::string wrap(const std::string& open, const std::string& close, const std::vector<std::string>& parts) {
    std::string one_line = open + " " + join(parts) + " " + close;
    if (one_line.size() <= 72 && one_line.find('\n') == std::string::npos) return one_line;
    std::string out = open + "\n";
    for (size_t i = 0; i < parts.size(); ++i) out += "  " + indent(parts[i]) + (i + 1 < parts.size() ? ",\n" : "\n");
    return out + close;
  }

  // Arrays of more than six short entries are laid out in aligned columns,
  // as Node does: about as many columns as make the block roughly square
  // (a character is taken to be 2.5 times as high as wide), at most 15 and
  // within 80 columns; numbers are right-aligned, anything else left-aligned.
  static std::vector<std::string> group_columns(const std::vector<std::string>& parts, bool numbers, bool has_more) {
    size_t n = parts.size() - (has_more ? 1 : 0);
    if (n <= 6) return parts;
    size_t total = 0, widest = 0;
    for (size_t i = 0; i < n; ++i) {
      total += parts[i].size() + 2;
      widest = std::max(widest, parts[i].size());
    }
    double cell = double(widest + 2);
    if (!(cell * 3 < 80 && (double(total) / cell > 5 || widest <= 6))) return parts;
    double bias = std::sqrt(cell - double(total) / double(parts.size()));
    double biased = std::max(cell - 3 - bias, 1.0);
    size_t columns = std::min<size_t>({size_t(std::lround(std::sqrt(2.5 * biased * double(n)) / biased)),
                                       size_t(80 / cell), 12, 15});
    if (columns <= 1) return parts;
    std::vector<size_t> width(columns, 0);
    for (size_t c = 0; c < columns; ++c)
      for (size_t j = c; j < n; j += columns) width[c] = std::max(width[c], parts[j].size() + 2);
    std::vector<std::string> rows;
    for (size_t i = 0; i < n; i += columns) {
      size_t end = std::min(i + columns, n);
      std::string row;
      for (size_t j = i; j < end; ++j) {
        std::string cell_text = parts[j] + (j + 1 < end ? ", " : "");
        size_t pad = width[j - i] - (j + 1 < end ? 0 : 2);
        if (cell_text.size() < pad) {
          std::string spaces(pad - cell_text.size(), ' ');
          cell_text = numbers ? spaces + cell_text : (j + 1 < end ? cell_text + spaces : cell_text);
        }
        row += cell_text;
      }
      rows.push_back(row);
    }
    if (has_more) rows.push_back(parts.back());
    return rows;
  }

  // Only elements (no extra named properties) are grouped into columns.
  static bool keys_are_elements(uint64_t length, size_t parts) {
    return parts == std::min<uint64_t>(length, 100) + (length > 100 ? 1 : 0);
  }

  // ArrayBuffer { [Uint8Contents]: <00 01>, byteLength: 2 }: the first 100 bytes in hex.
  std::string array_buffer(ArrayBufferObject* b) {
    const char* name = b->is_shared() ? "SharedArrayBuffer" : "ArrayBuffer";
    if (b->is_detached()) return std::string(name) + " { (detached), byteLength: 0 }";
    static constexpr char kHex[] = "0123456789abcdef";
    size_t length = b->byte_length();
    std::string contents = "[Uint8Contents]: <";
    for (size_t i = 0; i < length && i < 100; ++i) {
      if (i) contents += ' ';
      contents += kHex[b->data()[i] >> 4];
      contents += kHex[b->data()[i] & 15];
    }
    if (length > 100) contents += " ... " + std::to_string(length - 100) + " more byte" + (length - 100 > 1 ? "s" : "");
    contents += ">";
    return wrap(std::string(name) + " {", "}", {contents, "byteLength: " + std::to_string(length)});
  }

  // DataView { byteLength: 2, byteOffset: 0, buffer: ArrayBuffer { ... } }
  std::string data_view(DataViewObject* view, int depth) {
    if (depth < 0) return "[DataView]";
    gc::Rooted<DataViewObject> keep(vm.heap(), view);
    size_t length = view->length_tracking && !view->buffer->is_detached() ? view->buffer->byte_length() - view->byte_offset
                                                                            : view->byte_length;
    return wrap("DataView {", "}", {"byteLength: " + std::to_string(length), "byteOffset: " + std::to_string(view->byte_offset),
                                    "buffer: " + print(object_value(view->buffer), depth - 1, false)});
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
  return p.print_top(v, depth, false);
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
        case 'O': first += p.print(a, 2, false); break;
        default: {  // %o: util.inspect(a, { showHidden: true, depth: 4 })
          p.show_hidden = true;
          first += p.print(a, 4, false);
          p.show_hidden = false;
          break;
        }
      }
    }
    out = first;
  }
  for (size_t i = next; i < args.size(); ++i) {
    if (!out.empty() || i > 0) out += ' ';
    out += p.print_top(args[i], 2, true);
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
