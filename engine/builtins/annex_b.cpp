// Annex B (ECMA-262 §B.2): additional built-in properties for web
// browsers that this file adds — the String.prototype HTML methods
// (§B.2.3.2 - §B.2.3.14) and Object.prototype's legacy accessor methods
// __defineGetter__, __defineSetter__, __lookupGetter__ and __lookupSetter__
// (§B.2.2.2 - §B.2.2.5). The other Annex B
// properties live with their objects: escape/unescape in globals.cpp,
// substr and trimLeft/trimRight in string.cpp, getYear/setYear/toGMTString in
// date.cpp, RegExp.prototype.compile in regexp.cpp, __proto__ in object.cpp.
#include "builtins/string_builder.h"

namespace glass {

namespace {

// ============================================================================
// String.prototype HTML methods
// ============================================================================

struct HtmlMethod {
  const char* name;
  const char* tag;
  const char* attribute;  // "" when the method takes no argument
};

// The table of §B.2.3.2 - §B.2.3.14: method, tag, attribute.
constexpr HtmlMethod kHtmlMethods[] = {
    {"anchor", "a", "name"},    {"big", "big", ""},           {"blink", "blink", ""},    {"bold", "b", ""},
    {"fixed", "tt", ""},        {"fontcolor", "font", "color"}, {"fontsize", "font", "size"},
    {"italics", "i", ""},       {"link", "a", "href"},        {"small", "small", ""},    {"strike", "strike", ""},
    {"sub", "sub", ""},         {"sup", "sup", ""},
};

// §B.2.3.2.1 CreateHTML ( string, tag, attribute, value )
Value create_html(Vm& vm, Value string, const char* tag, const char* attribute, Value value) {
  // 1. Let str be ? RequireObjectCoercible(string).
  if (string.is_nullish())
    vm.throw_error(ErrorType::TypeError, std::string("String.prototype.") + tag + " called on null or undefined");
  // 2. Let S be ? ToString(str).
  gc::Rooted<String> s(vm.heap(), to_string(vm, string));
  // 3. Let p1 be the string-concatenation of "<" and tag.
  StringBuilder out(vm);
  out.append(u'<');
  out.append_latin1(tag);
  // 4. If attribute is not the empty String: " attribute=\"V\"", with each '"' in V as "&quot;".
  if (*attribute) {
    gc::Rooted<String> v(vm.heap(), to_string(vm, value)->flatten(vm.heap()));
    out.append(u' ');
    out.append_latin1(attribute);
    out.append_latin1("=\"");
    Units units(v);
    for (uint32_t i = 0; i < units.length; ++i) {
      if (units[i] == u'"') out.append_latin1("&quot;");
      else out.append(units[i]);
    }
    out.append(u'"');
  }
  // 5-7. ">" + S + "</" + tag + ">".
  out.append(u'>');
  out.append(s.get());
  out.append_latin1("</");
  out.append_latin1(tag);
  out.append(u'>');
  return string_value(out.finish());
}

template <size_t index>
Value string_html_method(Vm& vm, Value self, std::span<const Value> args, Value) {
  const HtmlMethod& m = kHtmlMethods[index];
  // Return ? CreateHTML(S, tag, attribute, argument).
  return create_html(vm, self, m.tag, m.attribute, arg(args, 0));
}

template <size_t... I>
void define_html_methods(Vm& vm, Object* proto, std::index_sequence<I...>) {
  (vm.define_native(proto, kHtmlMethods[I].name, string_html_method<I>, *kHtmlMethods[I].attribute ? 1 : 0), ...);
}

// ============================================================================
// Object.prototype legacy accessor methods
// ============================================================================

// §B.2.2.2 Object.prototype.__defineGetter__ ( P, getter ), §B.2.2.3 __defineSetter__ ( P, setter )
template <bool getter>
Value object_define_accessor(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Let O be ? ToObject(this value).
  gc::Rooted<Object> o(vm.heap(), to_object(vm, self));
  // 2. If IsCallable(getter) is false, throw a TypeError exception.
  RootedValue fn(vm.heap(), arg(args, 1));
  if (!is_callable(fn))
    vm.throw_error(ErrorType::TypeError, std::string("Object.prototype.__define") + (getter ? "Getter" : "Setter") +
                                             "__: Expecting function");
  // 3. Let desc be PropertyDescriptor { [[Get]]/[[Set]]: fn, [[Enumerable]]: true, [[Configurable]]: true }.
  PropertyDescriptor desc;
  if (getter) desc.get = fn.get();
  else desc.set = fn.get();
  desc.enumerable = true;
  desc.configurable = true;
  // 4. Let key be ? ToPropertyKey(P).
  PropertyKey key = to_property_key(vm, arg(args, 0));
  RootedValue keep_key(vm.heap(), key_to_value(vm, key));
  // 5. Perform ? DefinePropertyOrThrow(O, key, desc).
  define_own_property(vm, o, key, desc, true);
  // 6. Return undefined.
  return Value::undefined();
}

// §B.2.2.4 Object.prototype.__lookupGetter__ ( P ), §B.2.2.5 __lookupSetter__ ( P )
template <bool getter>
Value object_lookup_accessor(Vm& vm, Value self, std::span<const Value> args, Value) {
  // 1. Let O be ? ToObject(this value).
  gc::Rooted<Object> o(vm.heap(), to_object(vm, self));
  // 2. Let key be ? ToPropertyKey(P).
  PropertyKey key = to_property_key(vm, arg(args, 0));
  RootedValue keep_key(vm.heap(), key_to_value(vm, key));
  // 3. Walk the prototype chain to the first own property named key.
  while (o) {
    std::optional<OwnProperty> desc = get_own_property(vm, o, key);
    if (desc) {
      // An accessor: its getter (or setter); a data property: undefined.
      if (!(desc->flags & kAccessor)) return Value::undefined();
      auto* pair = static_cast<AccessorPair*>(desc->value.as_cell());
      return getter ? pair->getter : pair->setter;
    }
    o = get_prototype_of(o);
  }
  return Value::undefined();
}

}  // namespace

void install_annex_b(Vm& vm) {
  gc::Rooted<Object> string_proto(vm.heap(), vm.intrinsics()[IntrinsicObject::StringPrototype]);
  define_html_methods(vm, string_proto, std::make_index_sequence<std::size(kHtmlMethods)>());
  gc::Rooted<Object> object_proto(vm.heap(), vm.intrinsics()[IntrinsicObject::ObjectPrototype]);
  vm.define_native(object_proto, "__defineGetter__", object_define_accessor<true>, 2);
  vm.define_native(object_proto, "__defineSetter__", object_define_accessor<false>, 2);
  vm.define_native(object_proto, "__lookupGetter__", object_lookup_accessor<true>, 1);
  vm.define_native(object_proto, "__lookupSetter__", object_lookup_accessor<false>, 1);
}

}  // namespace glass
