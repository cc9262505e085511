// What every Intl service shares (ECMA-402 §9 "Locale and Parameter
// Negotiation", §9.2 abstract operations, and §6 identification of
// locales): language tags, locale lists, the locale each service resolves
// to, and reading options. Locale data comes from ICU, which glass links.
//
// Strings: JS strings are UTF-16, as ICU's UnicodeString is; to_icu() and
// from_icu() copy between them. Locale tags are ASCII, kept as std::string.
#pragma once
#include <optional>
#include <string>
#include <unicode/locid.h>
#include <unicode/unistr.h>
#include <vector>

#include "builtins/builtins.h"

namespace glass::intl {

// ---- strings ---------------------------------------------------------------------
icu::UnicodeString to_icu(Vm& vm, Value string_value);  // the String's units (ToString first if needed)
Value from_icu(Vm& vm, const icu::UnicodeString& s);
Value from_ascii(Vm& vm, std::string_view s);
std::string ascii_lowercase(std::string s);

// ---- language tags (§6.2) ------------------------------------------------------------
// §6.2.1 IsStructurallyValidLanguageTag ( locale ): a unicode_locale_id of
// UTS 35 with a language subtag, no duplicate variants or singletons.
bool is_structurally_valid_language_tag(std::string_view tag);
// §6.2.2 CanonicalizeUnicodeLocaleId ( locale ): UTS 35 canonical form (ICU).
std::string canonicalize_unicode_locale_id(std::string_view tag);
// The locale of the host environment (§6.2.4 DefaultLocale): en-US.
const std::string& default_locale();
// The language tag of an ICU locale.
std::string language_tag_of(const icu::Locale& locale);
// The ICU locale of a language tag (no validation).
icu::Locale icu_locale(const std::string& tag);

// The [[Locale]] of an Intl.Locale object (locale.cpp); nullopt for anything else.
std::optional<std::string> locale_object_tag(Value v);

// ---- locale lists and negotiation (§9.2) ---------------------------------------------
// §9.2.1 CanonicalizeLocaleList ( locales )
std::vector<std::string> canonicalize_locale_list(Vm& vm, Value locales);

// The locales ICU has data for (§9.1 [[AvailableLocales]]), the same for every service.
bool is_available_locale(const std::string& tag);

// A Unicode extension's keyword (UnicodeExtensionComponents' [[Keywords]] element).
struct Keyword {
  std::string key, value;
};

// The relevant extension keys of a service and, for each, the values the
// locale data supports (the first is the default): LocaleData[locale][key].
struct RelevantKey {
  const char* key;                                              // "co", "nu", "hc", ...
  std::vector<std::string> (*values)(const std::string& locale);  // supported values, default first
};

// §9.2.7 ResolveLocale's result: the locale and the value chosen for each key.
struct ResolvedLocale {
  std::string locale;       // [[Locale]], with the supported -u- keywords
  std::string data_locale;  // [[DataLocale]]
  std::vector<Keyword> keywords;  // key -> value for each relevant key ("" when it has none)
  std::string value(std::string_view key) const;
};

// §9.2.7 ResolveLocale ( availableLocales, requestedLocales, options, relevantExtensionKeys, localeData ).
// `option_values[i]` is options.[[<key i>]]: nullopt when the option was undefined.
ResolvedLocale resolve_locale(const std::vector<std::string>& requested, const std::vector<RelevantKey>& keys,
                              const std::vector<std::optional<std::string>>& option_values);

// §9.2.9 SupportedLocales ( availableLocales, requestedLocales, options ): the `supportedLocalesOf` functions.
Value supported_locales(Vm& vm, Value locales, Value options);

// §9.2.x UnicodeExtensionComponents: the keywords of a tag's -u- extension.
std::vector<Keyword> unicode_extension_keywords(const std::string& tag);
// The tag without its extensions (and private use).
std::string remove_unicode_extensions(const std::string& tag);

// Values of the common relevant keys, for RelevantKey::values.
std::vector<std::string> numbering_systems(const std::string& locale);
std::vector<std::string> calendars(const std::string& locale);
std::vector<std::string> collations(const std::string& locale);
// Is `type` a well-formed type of a Unicode extension (one or more alphanum{3,8})?
bool is_well_formed_unicode_type(std::string_view type);
// The numbering systems ICU can format numbers in (simple digit systems).
bool is_supported_numbering_system(const std::string& name);

// ---- options (§9.2.x, §10.x) -----------------------------------------------------------
// §9.2.10 CoerceOptionsToObject ( options ): undefined is an empty object; else ToObject.
Object* coerce_options_to_object(Vm& vm, Value options);
// GetOptionsObject ( options ): undefined is an empty object; a non-object is a TypeError.
Object* get_options_object(Vm& vm, Value options);
// §9.2.12 GetOption ( options, property, string, values, default ) for a
// string option: nullopt when undefined (and no default); RangeError when
// not one of `values` (if any).
std::optional<std::string> get_string_option(Vm& vm, Object* options, const char* property,
                                             std::initializer_list<const char*> values,
                                             std::optional<std::string> fallback = std::nullopt);
// GetOption for a boolean option: nullopt when undefined.
std::optional<bool> get_boolean_option(Vm& vm, Object* options, const char* property);
// §9.2.14 DefaultNumberOption / §9.2.15 GetNumberOption: an integer in
// [minimum, maximum] (RangeError otherwise), `fallback` when undefined.
std::optional<int> default_number_option(Vm& vm, Value value, int minimum, int maximum, std::optional<int> fallback);
std::optional<int> get_number_option(Vm& vm, Object* options, const char* property, int minimum, int maximum,
                                     std::optional<int> fallback);

// Creates `property: value` on the object resolvedOptions() returns.
void add_resolved(Vm& vm, Object* o, const char* property, Value value);
void add_resolved(Vm& vm, Object* o, const char* property, std::string_view value);

// Intl objects of one kind: the receiver of its methods (TypeError otherwise).
template <class T>
T* this_intl(Vm& vm, Value self, const char* method) {
  T* o = self.is_object() ? dynamic_cast<T*>(as_object(self)) : nullptr;
  if (!o) vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver");
  return o;
}

}  // namespace glass::intl
