// Intl.Locale (ECMA-402 §14): a language tag with options applied, its
// parts as getters, and maximize/minimize from ICU's likely subtags.
#include <set>
#include <unicode/locid.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

// The relevant extension keys of Intl.Locale (§14.2.2), in order.
constexpr const char* kLocaleKeys[] = {"ca", "co", "hc", "kf", "kn", "nu"};

class LocaleObject final : public Object {
 public:
  std::string locale;  // [[Locale]]
  std::string keys[std::size(kLocaleKeys)];  // [[Calendar]], [[Collation]], [[HourCycle]], [[CaseFirst]], [[Numeric]], [[NumberingSystem]] ("" absent)
  bool has_key[std::size(kLocaleKeys)] = {};

  explicit LocaleObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.Locale"; }
};

std::vector<std::string> split(const std::string& tag) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
    if (dash == std::string::npos) return parts;
    start = dash + 1;
  }
}

bool all_alpha(const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(uint8_t(c)); }); }
bool all_digit(const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(uint8_t(c)); }); }
bool all_alnum(const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(uint8_t(c)); }); }
bool is_language(const std::string& s) { return ((s.size() >= 2 && s.size() <= 3) || (s.size() >= 5 && s.size() <= 8)) && all_alpha(s); }
bool is_script(const std::string& s) { return s.size() == 4 && all_alpha(s); }
bool is_region(const std::string& s) { return (s.size() == 2 && all_alpha(s)) || (s.size() == 3 && all_digit(s)); }
bool is_variant(const std::string& s) {
  return ((s.size() >= 5 && s.size() <= 8) && all_alnum(s)) || (s.size() == 4 && std::isdigit(uint8_t(s[0])) && all_alnum(s));
}

// The parts of a unicode_language_id at the start of a tag (GetLocaleBaseName and its parts).
struct LanguageId {
  std::string language, script, region;
  std::vector<std::string> variants;
  size_t subtags = 0;  // how many subtags of the tag it takes
};
LanguageId language_id_of(const std::string& tag) {
  std::vector<std::string> parts = split(tag);
  LanguageId id;
  size_t i = 0;
  id.language = parts[i++];
  if (i < parts.size() && is_script(parts[i])) id.script = parts[i++];
  if (i < parts.size() && is_region(parts[i])) id.region = parts[i++];
  while (i < parts.size() && is_variant(parts[i])) id.variants.push_back(parts[i++]);
  id.subtags = i;
  return id;
}

std::string join_id(const LanguageId& id) {
  std::string out = id.language;
  if (!id.script.empty()) out += "-" + id.script;
  if (!id.region.empty()) out += "-" + id.region;
  for (const std::string& v : id.variants) out += "-" + v;
  return out;
}

// The tag after its language id ("-u-ca-gregory", ...).
std::string extensions_of(const std::string& tag, const LanguageId& id) {
  std::vector<std::string> parts = split(tag);
  std::string out;
  for (size_t i = id.subtags; i < parts.size(); ++i) out += "-" + parts[i];
  return out;
}

// The tag without its -u- extension; that extension's attributes (the
// subtags before its first key) go to `attributes`.
std::string without_unicode_extension(const std::string& tag, std::string& attributes) {
  std::vector<std::string> parts = split(tag);
  std::string out = parts[0];
  bool in_u = false, private_use = false, seen_key = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    const std::string& p = parts[i];
    if (!private_use && p.size() == 1) {
      in_u = p == "u" || p == "U";
      private_use = p == "x" || p == "X";
      if (in_u) continue;
    } else if (in_u) {
      if (p.size() == 2) seen_key = true;
      if (!seen_key) attributes += "-" + p;
      continue;
    }
    out += "-" + p;
  }
  return out;
}

// §14.1.2 UpdateLanguageId ( tag, options )
std::string update_language_id(Vm& vm, const std::string& tag, Object* options) {
  // 1. Let baseName be GetLocaleBaseName(tag).
  LanguageId id = language_id_of(tag);
  std::string extensions = extensions_of(tag, id);
  // 2-3. language: a unicode_language_subtag.
  std::optional<std::string> language = get_string_option(vm, options, "language", {}, id.language);
  if (!is_language(*language)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
  // 4-5. script.
  std::optional<std::string> script = get_string_option(vm, options, "script", {}, id.script.empty() ? std::nullopt : std::optional<std::string>(id.script));
  if (script && !is_script(*script)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
  // 6-7. region.
  std::optional<std::string> region = get_string_option(vm, options, "region", {}, id.region.empty() ? std::nullopt : std::optional<std::string>(id.region));
  if (region && !is_region(*region)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
  // 8-9. variants: unicode_variant_subtags, no duplicates.
  std::optional<std::string> variants = get_string_option(vm, options, "variants", {});
  if (variants) {
    std::vector<std::string> subtags = split(ascii_lowercase(*variants));
    std::set<std::string> seen;
    for (const std::string& v : subtags)
      if (!is_variant(v) || !seen.insert(v).second) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
    id.variants = subtags;
  }
  // 10-12. The new tag: the parts, then the extensions.
  id.language = *language;
  id.script = script.value_or("");
  id.region = region.value_or("");
  return join_id(id) + extensions;
}

// §14.1.1 Intl.Locale ( tag [ , options ] )
Value locale_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.Locale requires 'new'");
  // 6. Let locale be ? OrdinaryCreateFromConstructor(NewTarget, "%Intl.Locale.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlLocalePrototype);
  gc::Rooted<LocaleObject> locale(vm.heap(), vm.heap().allocate<LocaleObject>(vm.root_shape_for(proto)));
  // 7-9. tag: a String, or an object (an Intl.Locale's [[Locale]], else ? ToString).
  Value tag_value = arg(args, 0);
  if (!tag_value.is_string() && !tag_value.is_object())
    vm.throw_error(ErrorType::TypeError, "First argument to Intl.Locale constructor can't be empty or missing");
  std::string tag;
  if (auto* other = tag_value.is_object() ? dynamic_cast<LocaleObject*>(as_object(tag_value)) : nullptr) tag = other->locale;
  else tag = to_string(vm, tag_value)->to_utf8();
  // 10. Set options to ? CoerceOptionsToObject(options).
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, arg(args, 1)));
  // 11. Set tag to ? UpdateLanguageId(tag, options) (a structurally valid tag first).
  if (!is_structurally_valid_language_tag(tag)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
  tag = canonicalize_unicode_locale_id(tag);
  tag = update_language_id(vm, tag, options);
  if (!is_structurally_valid_language_tag(tag)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
  // 12-25. The keyword options, each checked.
  std::optional<std::string> opt[std::size(kLocaleKeys)];
  auto type_option = [&](const char* name, size_t index) {
    opt[index] = get_string_option(vm, options, name, {});
    if (opt[index] && !is_well_formed_unicode_type(*opt[index])) vm.throw_error(ErrorType::RangeError, std::string("Incorrect ") + name);
  };
  type_option("calendar", 0);
  type_option("collation", 1);
  // firstDayOfWeek (Intl.Locale-info) is read, as its place in the order asks.
  std::optional<std::string> fw = get_string_option(vm, options, "firstDayOfWeek", {});
  (void)fw;
  opt[2] = get_string_option(vm, options, "hourCycle", {"h11", "h12", "h23", "h24"});
  opt[3] = get_string_option(vm, options, "caseFirst", {"upper", "lower", "false"});
  if (std::optional<bool> kn = get_boolean_option(vm, options, "numeric")) opt[4] = *kn ? "true" : "false";
  type_option("numberingSystem", 5);
  // 26. MakeLocaleRecord ( tag, options, relevantExtensionKeys ): the keywords, the options overriding.
  std::vector<Keyword> keywords = unicode_extension_keywords(tag);
  for (size_t i = 0; i < std::size(kLocaleKeys); ++i) {
    if (!opt[i]) continue;
    const char* canonical = uloc_toUnicodeLocaleType(kLocaleKeys[i], opt[i]->c_str());
    std::string value = canonical ? canonical : *opt[i];
    auto it = std::find_if(keywords.begin(), keywords.end(), [&](const Keyword& k) { return k.key == kLocaleKeys[i]; });
    if (it != keywords.end()) it->value = value;
    else keywords.push_back(Keyword{kLocaleKeys[i], value});
  }
  for (size_t i = 0; i < std::size(kLocaleKeys); ++i) {
    auto it = std::find_if(keywords.begin(), keywords.end(), [&](const Keyword& k) { return k.key == kLocaleKeys[i]; });
    if (it == keywords.end()) continue;
    locale->has_key[i] = true;
    locale->keys[i] = it->value;
  }
  // The tag with its keywords (the attributes and other extensions kept), canonical.
  std::string attributes;
  std::string base = without_unicode_extension(tag, attributes);
  std::string extension;
  if (!attributes.empty() || !keywords.empty()) {
    extension = "-u" + attributes;
    for (const Keyword& k : keywords) extension += "-" + k.key + (k.value.empty() ? "" : "-" + k.value);
  }
  size_t private_use = base.find("-x-");
  std::string full = private_use == std::string::npos ? base + extension
                                                      : base.substr(0, private_use) + extension + base.substr(private_use);
  locale->locale = canonicalize_unicode_locale_id(full);
  // The keyword values as canonicalized ("kn-true" is "kn").
  for (const Keyword& k : unicode_extension_keywords(locale->locale))
    for (size_t i = 0; i < std::size(kLocaleKeys); ++i)
      if (k.key == kLocaleKeys[i]) locale->keys[i] = k.value;
  return object_value(locale);
}

LocaleObject* this_locale(Vm& vm, Value self, const char* method) { return this_intl<LocaleObject>(vm, self, method); }

}  // namespace

std::optional<std::string> locale_object_tag(Value v) {
  auto* l = v.is_object() ? dynamic_cast<LocaleObject*>(as_object(v)) : nullptr;
  if (!l) return std::nullopt;
  return l->locale;
}

namespace {

// §14.3.x get Intl.Locale.prototype.calendar / collation / hourCycle / caseFirst / numberingSystem
template <size_t key>
Value locale_key_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  LocaleObject* l = this_locale(vm, self, "Intl.Locale.prototype getter");
  if (!l->has_key[key]) return Value::undefined();
  return from_ascii(vm, l->keys[key]);
}

// §14.3.x get Intl.Locale.prototype.numeric
Value locale_numeric(Vm& vm, Value self, std::span<const Value>, Value) {
  LocaleObject* l = this_locale(vm, self, "get Intl.Locale.prototype.numeric");
  return Value::boolean(l->has_key[4] && (l->keys[4].empty() || l->keys[4] == "true"));
}

// §14.3.x get baseName / language / script / region / variants
enum class Part { BaseName, Language, Script, Region, Variants };
template <Part part>
Value locale_part_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  LocaleObject* l = this_locale(vm, self, "Intl.Locale.prototype getter");
  LanguageId id = language_id_of(l->locale);
  switch (part) {
    case Part::BaseName: return from_ascii(vm, join_id(id));
    case Part::Language: return from_ascii(vm, id.language);
    case Part::Script: return id.script.empty() ? Value::undefined() : from_ascii(vm, id.script);
    case Part::Region: return id.region.empty() ? Value::undefined() : from_ascii(vm, id.region);
    case Part::Variants: {
      if (id.variants.empty()) return Value::undefined();
      std::string v;
      for (const std::string& s : id.variants) v += (v.empty() ? "" : "-") + s;
      return from_ascii(vm, v);
    }
  }
  return Value::undefined();
}

// §14.3.x Intl.Locale.prototype.maximize ( ) / minimize ( ): likely subtags on the base name.
template <bool maximize>
Value locale_likely(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<LocaleObject> l(vm.heap(), this_locale(vm, self, maximize ? "Intl.Locale.prototype.maximize" : "Intl.Locale.prototype.minimize"));
  LanguageId id = language_id_of(l->locale);
  std::string extensions = extensions_of(l->locale, id);
  icu::Locale base = icu_locale(join_id(id));
  UErrorCode status = U_ZERO_ERROR;
  if (maximize) base.addLikelySubtags(status);
  else base.minimizeSubtags(status);
  std::string tag = U_SUCCESS(status) ? language_tag_of(base) : join_id(id);
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::IntlLocalePrototype]);
  LocaleObject* out = vm.heap().allocate<LocaleObject>(shape);
  out->locale = tag + extensions;
  for (size_t i = 0; i < std::size(kLocaleKeys); ++i) {
    out->keys[i] = l->keys[i];
    out->has_key[i] = l->has_key[i];
  }
  return object_value(out);
}

// §14.3.x Intl.Locale.prototype.toString ( )
Value locale_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  return from_ascii(vm, this_locale(vm, self, "Intl.Locale.prototype.toString")->locale);
}

}  // namespace

void install_locale(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlLocalePrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlLocalePrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Locale", locale_ctor, 1, proto));
  vm.define_native(proto, "maximize", locale_likely<true>, 0);
  vm.define_native(proto, "minimize", locale_likely<false>, 0);
  vm.define_native(proto, "toString", locale_to_string, 0);
  define_getter(vm, proto, "baseName", locale_part_getter<Part::BaseName>);
  define_getter(vm, proto, "calendar", locale_key_getter<0>);
  define_getter(vm, proto, "caseFirst", locale_key_getter<3>);
  define_getter(vm, proto, "collation", locale_key_getter<1>);
  define_getter(vm, proto, "hourCycle", locale_key_getter<2>);
  define_getter(vm, proto, "numeric", locale_numeric);
  define_getter(vm, proto, "numberingSystem", locale_key_getter<5>);
  define_getter(vm, proto, "language", locale_part_getter<Part::Language>);
  define_getter(vm, proto, "script", locale_part_getter<Part::Script>);
  define_getter(vm, proto, "region", locale_part_getter<Part::Region>);
  define_getter(vm, proto, "variants", locale_part_getter<Part::Variants>);
  define_tag(vm, proto, "Intl.Locale");
  vm.define_value(intl, "Locale", object_value(ctor));
}

}  // namespace glass::intl
