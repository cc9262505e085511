// Locale and parameter negotiation (ECMA-402 §6.2, §9.2); see intl_support.h.
#include "builtins/intl/intl_support.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <set>
#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/numsys.h>
#include <unicode/strenum.h>
#include <unicode/uloc.h>

#include "objects/string.h"

namespace glass::intl {

// ============================================================================
// Strings
// ============================================================================

icu::UnicodeString to_icu(Vm& vm, Value v) {
  gc::Rooted<String> s(vm.heap(), to_string(vm, v));
  String* flat = s->flatten(vm.heap());
  if (flat->is_one_byte()) {
    auto bytes = flat->one_byte_view();
    icu::UnicodeString out(int32_t(bytes.size()), 0, 0);
    for (uint8_t b : bytes) out.append(char16_t(b));
    return out;
  }
  std::u16string_view units = flat->two_byte_view();
  return icu::UnicodeString(units.data(), int32_t(units.size()));
}

Value from_icu(Vm& vm, const icu::UnicodeString& s) {
  String* out = String::from_utf16(vm.heap(), std::u16string_view(s.getBuffer(), size_t(s.length())));
  if (!out) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(out);
}

Value from_ascii(Vm& vm, std::string_view s) { return string_value(String::from_latin1(vm.heap(), s)); }

std::string ascii_lowercase(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

// ============================================================================
// Language tags (§6.2)
// ============================================================================

namespace {

bool all_of(std::string_view s, bool (*pred)(char)) { return std::all_of(s.begin(), s.end(), pred); }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

bool is_language_subtag(std::string_view s) {  // alpha{2,3} | alpha{5,8}
  return ((s.size() >= 2 && s.size() <= 3) || (s.size() >= 5 && s.size() <= 8)) && all_of(s, is_alpha);
}
bool is_script_subtag(std::string_view s) { return s.size() == 4 && all_of(s, is_alpha); }
bool is_region_subtag(std::string_view s) {
  return (s.size() == 2 && all_of(s, is_alpha)) || (s.size() == 3 && all_of(s, is_digit));
}
bool is_variant_subtag(std::string_view s) {  // alphanum{5,8} | digit alphanum{3}
  return ((s.size() >= 5 && s.size() <= 8) && all_of(s, is_alnum)) ||
         (s.size() == 4 && is_digit(s[0]) && all_of(s, is_alnum));
}
bool is_alnum_range(std::string_view s, size_t lo, size_t hi) { return s.size() >= lo && s.size() <= hi && all_of(s, is_alnum); }

std::vector<std::string_view> split_subtags(std::string_view tag) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t dash = tag.find('-', start);
    parts.push_back(tag.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (dash == std::string_view::npos) return parts;
    start = dash + 1;
  }
}

// language (script)? (region)? (variant)*, from parts[i]; false on a
// duplicate variant. Leaves i after the last subtag taken.
bool parse_language_id(const std::vector<std::string_view>& parts, size_t& i) {
  if (i >= parts.size() || !is_language_subtag(parts[i])) return false;
  ++i;
  if (i < parts.size() && is_script_subtag(parts[i])) ++i;
  if (i < parts.size() && is_region_subtag(parts[i])) ++i;
  std::set<std::string> variants;
  while (i < parts.size() && is_variant_subtag(parts[i])) {
    if (!variants.insert(ascii_lowercase(std::string(parts[i]))).second) return false;
    ++i;
  }
  return true;
}

}  // namespace

bool is_structurally_valid_language_tag(std::string_view tag) {
  std::vector<std::string_view> parts = split_subtags(tag);
  for (std::string_view p : parts)
    if (p.empty() || p.size() > 8 || !all_of(p, is_alnum)) return false;
  // unicode_language_id
  size_t i = 0;
  if (!parse_language_id(parts, i)) return false;
  // extensions, each singleton at most once, then a private use part.
  std::set<char> singletons;
  while (i < parts.size()) {
    std::string_view singleton = parts[i];
    if (singleton.size() != 1) return false;
    char s = char(std::tolower(uint8_t(singleton[0])));
    ++i;
    if (s == 'x') {  // pu_extensions: (sep alphanum{1,8})+, to the end
      if (i == parts.size()) return false;
      return true;
    }
    if (!singletons.insert(s).second) return false;
    size_t begin = i;
    if (s == 'u') {
      // (sep attribute)* then (sep keyword)*, at least one subtag.
      while (i < parts.size() && is_alnum_range(parts[i], 3, 8)) ++i;  // attributes
      while (i < parts.size() && parts[i].size() == 2 && is_alnum(parts[i][0]) && is_alpha(parts[i][1])) {
        ++i;  // key, then its type subtags
        while (i < parts.size() && is_alnum_range(parts[i], 3, 8)) ++i;
      }
    } else if (s == 't') {
      // (sep tlang)? (sep tfield)*, at least one of them.
      if (i < parts.size() && is_language_subtag(parts[i]) && !parse_language_id(parts, i)) return false;
      while (i < parts.size() && parts[i].size() == 2 && is_alpha(parts[i][0]) && is_digit(parts[i][1])) {
        ++i;  // tkey, then one or more tvalue subtags
        size_t values = i;
        while (i < parts.size() && is_alnum_range(parts[i], 3, 8)) ++i;
        if (i == values) return false;
      }
    } else {
      // other_extensions: (sep alphanum{2,8})+
      while (i < parts.size() && is_alnum_range(parts[i], 2, 8)) ++i;
    }
    if (i == begin) return false;
  }
  return true;
}

icu::Locale icu_locale(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
  if (U_FAILURE(status)) return icu::Locale::getRoot();
  return locale;
}

std::string language_tag_of(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::string tag = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status)) return "und";
  return tag;
}

std::string canonicalize_unicode_locale_id(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), int32_t(tag.size())), status);
  if (U_FAILURE(status)) return ascii_lowercase(std::string(tag));
  locale.canonicalize(status);
  std::string out = language_tag_of(locale);
  return out;
}

const std::string& default_locale() {
  static const std::string tag = "en-US";
  return tag;
}

// ============================================================================
// Available locales and negotiation (§9.1, §9.2)
// ============================================================================

namespace {

// The tags ICU has data for, with every fallback (prefix) of each, as §9.1 asks.
const std::set<std::string>& available_locales() {
  static const std::set<std::string>* locales = [] {
    auto* set = new std::set<std::string>;
    int32_t count = uloc_countAvailable();
    for (int32_t i = 0; i < count; ++i) {
      char tag[ULOC_FULLNAME_CAPACITY];
      UErrorCode status = U_ZERO_ERROR;
      uloc_toLanguageTag(uloc_getAvailable(i), tag, sizeof tag, true, &status);
      if (U_FAILURE(status)) continue;
      std::string t = tag;
      for (;;) {
        set->insert(t);
        size_t dash = t.rfind('-');
        if (dash == std::string::npos) break;
        t.resize(dash);
      }
    }
    set->insert(default_locale());
    return set;
  }();
  return *locales;
}

// §9.2.2 BestAvailableLocale ( availableLocales, locale )
std::optional<std::string> best_available_locale(const std::string& locale) {
  std::string candidate = locale;
  for (;;) {
    if (is_available_locale(candidate)) return candidate;
    size_t pos = candidate.rfind('-');
    if (pos == std::string::npos) return std::nullopt;
    if (pos >= 2 && candidate[pos - 2] == '-') pos -= 2;
    candidate.resize(pos);
  }
}

// The -u- extension of a tag ("-u-..." up to the next singleton), or "".
std::string unicode_extension_of(const std::string& tag) {
  std::vector<std::string_view> parts = split_subtags(tag);
  std::string ext;
  bool in_u = false;
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.size() == 1) {
      if (in_u) break;
      if (p == "x" || p == "X") break;
      in_u = p == "u" || p == "U";
      if (in_u) ext = "-u";
      continue;
    }
    if (in_u) ext += "-" + ascii_lowercase(std::string(p));
  }
  return ext;
}

// §9.2.3 LookupMatcher ( availableLocales, requestedLocales ): the locale and its -u- extension.
std::pair<std::string, std::string> lookup_matcher(const std::vector<std::string>& requested) {
  for (const std::string& locale : requested) {
    std::string no_extensions = remove_unicode_extensions(locale);
    if (std::optional<std::string> available = best_available_locale(no_extensions))
      return {*available, unicode_extension_of(locale)};
  }
  return {default_locale(), ""};
}

// §9.2.x CanonicalizeUValue ( key, value ): ICU's alias for the value of a key.
std::string canonicalize_u_value(const std::string& key, const std::string& value) {
  const char* type = uloc_toUnicodeLocaleType(key.c_str(), value.c_str());
  std::string out = type ? type : value;
  return out;
}

// §9.2.x InsertUnicodeExtensionAndCanonicalize ( locale, extension ): before any private use.
std::string insert_unicode_extension(const std::string& locale, const std::string& extension) {
  size_t private_use = locale.find("-x-");
  std::string out = private_use == std::string::npos
                        ? locale + extension
                        : locale.substr(0, private_use) + extension + locale.substr(private_use);
  return canonicalize_unicode_locale_id(out);
}

}  // namespace

bool is_available_locale(const std::string& tag) { return available_locales().count(tag) > 0; }

std::string remove_unicode_extensions(const std::string& tag) {
  std::vector<std::string_view> parts = split_subtags(tag);
  std::string out(parts[0]);
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].size() == 1) break;  // the first singleton starts the extensions
    out += "-" + std::string(parts[i]);
  }
  return out;
}

std::vector<Keyword> unicode_extension_keywords(const std::string& tag) {
  std::vector<Keyword> keywords;
  std::string ext = unicode_extension_of(tag);
  if (ext.empty()) return keywords;
  std::string_view subtags = std::string_view(ext).substr(1);  // views into ext, which outlives them
  std::vector<std::string_view> parts = split_subtags(subtags);  // "u", subtags...
  Keyword* current = nullptr;
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view p = parts[i];
    if (p.size() == 2) {
      bool seen = std::any_of(keywords.begin(), keywords.end(), [&](const Keyword& k) { return k.key == p; });
      keywords.push_back(Keyword{std::string(p), ""});
      current = seen ? nullptr : &keywords.back();  // only the first occurrence of a key counts
      if (seen) keywords.pop_back();
      continue;
    }
    if (!current) continue;  // attributes
    if (!current->value.empty()) current->value += "-";
    current->value += p;
  }
  return keywords;
}

std::string ResolvedLocale::value(std::string_view key) const {
  for (const Keyword& k : keywords)
    if (k.key == key) return k.value;
  return "";
}

ResolvedLocale resolve_locale(const std::vector<std::string>& requested, const std::vector<RelevantKey>& keys,
                              const std::vector<std::optional<std::string>>& option_values) {
  // 1-3. Let r be LookupMatcher(availableLocales, requestedLocales) (best fit is lookup here).
  auto [found_locale, extension] = lookup_matcher(requested);
  ResolvedLocale result;
  // 6. result.[[DataLocale]] is foundLocale.
  result.data_locale = found_locale;
  std::vector<Keyword> requested_keywords;
  if (!extension.empty()) requested_keywords = unicode_extension_keywords("und" + extension);
  // 7-8. For each relevant key, its value: the locale's default, the
  // extension's if supported, the option's if supported.
  std::string supported_extension = "-u";
  for (size_t i = 0; i < keys.size(); ++i) {
    const RelevantKey& key = keys[i];
    std::vector<std::string> key_locale_data = key.values(found_locale);
    std::string value = key_locale_data.empty() ? "" : key_locale_data[0];
    std::string addition;
    auto supports = [&](const std::string& v) {
      return std::find(key_locale_data.begin(), key_locale_data.end(), v) != key_locale_data.end();
    };
    for (const Keyword& k : requested_keywords) {
      if (k.key != key.key) continue;
      std::string requested_value = canonicalize_u_value(k.key, k.value);
      if (!requested_value.empty()) {
        if (supports(requested_value)) {
          value = requested_value;
          addition = "-" + k.key + "-" + value;
        }
      } else if (supports("true")) {
        value = "true";
        addition = "-" + k.key;
      }
      break;
    }
    if (i < option_values.size() && option_values[i]) {
      std::string option_value = canonicalize_u_value(key.key, ascii_lowercase(*option_values[i]));
      if (option_value.empty()) option_value = "true";
      if (option_value != value && supports(option_value)) {
        value = option_value;
        addition.clear();
      }
    }
    result.keywords.push_back(Keyword{key.key, value});
    supported_extension += addition;
  }
  // 9-10. The locale, with the supported keywords.
  if (supported_extension.size() > 2) found_locale = insert_unicode_extension(found_locale, supported_extension);
  result.locale = found_locale;
  return result;
}

std::vector<std::string> canonicalize_locale_list(Vm& vm, Value locales) {
  // 1. If locales is undefined, return a new empty List.
  if (locales.is_undefined()) return {};
  std::vector<std::string> seen;
  // 3. A String (or an Intl.Locale) is a list of one.
  RootedValue keep(vm.heap(), locales);
  bool single = locales.is_string() || locale_object_tag(locales).has_value();
  gc::Rooted<Object> o(vm.heap(), single ? nullptr : to_object(vm, locales));
  // 4. Let len be ? LengthOfArrayLike(O).
  uint64_t len = single ? 1 : length_of_array_like(vm, o);
  // 5-7. Each present element: a String or an object; a valid tag, canonicalized, once.
  for (uint64_t k = 0; k < len; ++k) {
    RootedValue k_value(vm.heap());
    if (single) {
      k_value = locales;
    } else {
      PropertyKey key = k < 0xFFFFFFFFull ? PropertyKey::of_index(uint32_t(k)) : to_property_key(vm, Value::number(double(k)));
      if (!has_property(vm, o, key)) continue;
      k_value = get(vm, o, key);
    }
    if (!k_value.get().is_string() && !k_value.get().is_object())
      vm.throw_error(ErrorType::TypeError, "Language ID should be string or object.");
    std::optional<std::string> locale_tag = locale_object_tag(k_value);
    std::string tag = locale_tag ? *locale_tag : to_string(vm, k_value)->to_utf8();
    if (!is_structurally_valid_language_tag(tag)) vm.throw_error(ErrorType::RangeError, "Incorrect locale information provided");
    std::string canonical = canonicalize_unicode_locale_id(tag);
    if (std::find(seen.begin(), seen.end(), canonical) == seen.end()) seen.push_back(canonical);
  }
  return seen;
}

Value supported_locales(Vm& vm, Value locales, Value options) {
  std::vector<std::string> requested = canonicalize_locale_list(vm, locales);
  // 1-2. options: localeMatcher, "lookup" or "best fit" (both lookup here).
  gc::Rooted<Object> opts(vm.heap(), coerce_options_to_object(vm, options));
  get_string_option(vm, opts, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 3-4. LookupSupportedLocales: each requested locale whose extension-free form is available.
  ValueVector out(vm.heap());
  for (const std::string& locale : requested)
    if (best_available_locale(remove_unicode_extensions(locale))) out.values.push_back(from_ascii(vm, locale));
  // 5. Return CreateArrayFromList(supportedLocales).
  return object_value(vm.new_array_from(out.values));
}

// ============================================================================
// Locale data: numbering systems, calendars, collations
// ============================================================================

namespace {

std::vector<std::string> strings_of(icu::StringEnumeration* e) {
  std::vector<std::string> out;
  if (!e) return out;
  UErrorCode status = U_ZERO_ERROR;
  while (const char* s = e->next(nullptr, status)) {
    if (U_FAILURE(status)) break;
    out.push_back(s);
  }
  delete e;
  return out;
}

}  // namespace

bool is_supported_numbering_system(const std::string& name) {
  static const std::set<std::string>* simple = [] {
    auto* set = new std::set<std::string>;
    UErrorCode status = U_ZERO_ERROR;
    for (const std::string& n : strings_of(icu::NumberingSystem::getAvailableNames(status))) {
      UErrorCode st = U_ZERO_ERROR;
      std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstanceByName(n.c_str(), st));
      if (U_SUCCESS(st) && ns && !ns->isAlgorithmic()) set->insert(n);
    }
    return set;
  }();
  return simple->count(name) > 0;
}

std::vector<std::string> numbering_systems(const std::string& locale) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberingSystem> ns(icu::NumberingSystem::createInstance(icu_locale(locale), status));
  out.push_back(U_SUCCESS(status) && ns && !ns->isAlgorithmic() ? ns->getName() : "latn");
  status = U_ZERO_ERROR;
  for (const std::string& n : strings_of(icu::NumberingSystem::getAvailableNames(status)))
    if (n != out[0] && is_supported_numbering_system(n)) out.push_back(n);
  return out;
}

std::vector<std::string> calendars(const std::string& locale) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  std::vector<std::string> preferred =
      strings_of(icu::Calendar::getKeywordValuesForLocale("calendar", icu_locale(locale), true, status));
  status = U_ZERO_ERROR;
  std::vector<std::string> all =
      strings_of(icu::Calendar::getKeywordValuesForLocale("calendar", icu_locale(locale), false, status));
  for (const std::vector<std::string>* list : {&preferred, &all})
    for (const std::string& name : *list) {
      std::string bcp47 = canonicalize_u_value("ca", name);
      if (std::find(out.begin(), out.end(), bcp47) == out.end()) out.push_back(bcp47);
    }
  if (out.empty()) out.push_back("gregory");
  return out;
}

std::vector<std::string> collations(const std::string& locale) {
  // The default is null (""): the locale's standard order.
  std::vector<std::string> out{""};
  UErrorCode status = U_ZERO_ERROR;
  for (const std::string& name :
       strings_of(icu::Collator::getKeywordValuesForLocale("collation", icu_locale(locale), false, status))) {
    std::string bcp47 = canonicalize_u_value("co", name);
    if (bcp47 == "standard" || bcp47 == "search") continue;  // not allowed as co values (§10.2.3)
    if (std::find(out.begin(), out.end(), bcp47) == out.end()) out.push_back(bcp47);
  }
  return out;
}

bool is_well_formed_unicode_type(std::string_view type) {
  if (type.empty()) return false;
  for (std::string_view p : split_subtags(type))
    if (!is_alnum_range(p, 3, 8)) return false;
  return true;
}

// ============================================================================
// Options
// ============================================================================

Object* coerce_options_to_object(Vm& vm, Value options) {
  if (options.is_undefined()) return vm.new_object_with_proto(nullptr);
  return to_object(vm, options);
}

Object* get_options_object(Vm& vm, Value options) {
  if (options.is_undefined()) return vm.new_object_with_proto(nullptr);
  if (options.is_object()) return as_object(options);
  vm.throw_error(ErrorType::TypeError, "Options must be an object");
}

std::optional<std::string> get_string_option(Vm& vm, Object* options, const char* property,
                                             std::initializer_list<const char*> values,
                                             std::optional<std::string> fallback) {
  // 1. Let value be ? Get(options, property).
  Value v = get(vm, options, key_of(vm, property));
  // 2. If value is undefined, return default.
  if (v.is_undefined()) return fallback;
  // 5. Set value to ? ToString(value).
  std::string value = to_string(vm, v)->to_utf8();
  // 6. If values is not empty and does not contain value, throw a RangeError exception.
  if (values.size() && std::none_of(values.begin(), values.end(), [&](const char* x) { return value == x; }))
    vm.throw_error(ErrorType::RangeError, "Value " + value + " out of range for option " + property);
  return value;
}

std::optional<bool> get_boolean_option(Vm& vm, Object* options, const char* property) {
  Value v = get(vm, options, key_of(vm, property));
  if (v.is_undefined()) return std::nullopt;
  return to_boolean(v);
}

std::optional<int> default_number_option(Vm& vm, Value value, int minimum, int maximum, std::optional<int> fallback) {
  // 1. If value is undefined, return fallback.
  if (value.is_undefined()) return fallback;
  // 2-3. Set value to ? ToNumber(value); NaN or out of range: RangeError.
  double d = to_number(vm, value);
  if (d != d || d < minimum || d > maximum) vm.throw_error(ErrorType::RangeError, "Value out of range");
  // 4. Return floor(ℝ(value)).
  return int(std::floor(d));
}

std::optional<int> get_number_option(Vm& vm, Object* options, const char* property, int minimum, int maximum,
                                     std::optional<int> fallback) {
  // 1. Let value be ? Get(options, property). 2. Return ? DefaultNumberOption(value, minimum, maximum, fallback).
  Value v = get(vm, options, key_of(vm, property));
  return default_number_option(vm, v, minimum, maximum, fallback);
}

void add_resolved(Vm& vm, Object* o, const char* property, Value value) {
  gc::Rooted<Object> target(vm.heap(), o);
  RootedValue v(vm.heap(), value);
  create_data_property_or_throw(vm, target, key_of(vm, property), v);
}

void add_resolved(Vm& vm, Object* o, const char* property, std::string_view value) {
  gc::Rooted<Object> target(vm.heap(), o);
  RootedValue v(vm.heap(), from_ascii(vm, value));
  create_data_property_or_throw(vm, target, key_of(vm, property), v);
}

}  // namespace glass::intl
