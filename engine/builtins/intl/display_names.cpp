// Intl.DisplayNames (ECMA-402 §12): names of languages, regions, scripts,
// currencies, calendars and date-time fields, from ICU's display names.
#include <memory>
#include <unicode/dtptngen.h>
#include <unicode/locdspnm.h>
#include <unicode/ucurr.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

class DisplayNamesObject final : public Object {
 public:
  std::string locale, style, type, fallback, language_display;
  std::unique_ptr<icu::LocaleDisplayNames> icu;

  explicit DisplayNamesObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.DisplayNames"; }
};

// §12.1.1 Intl.DisplayNames ( locales, options )
Value display_names_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.DisplayNames requires 'new'");
  // 2. OrdinaryCreateFromConstructor(NewTarget, "%Intl.DisplayNames.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlDisplayNamesPrototype);
  gc::Rooted<DisplayNamesObject> dn(vm.heap(), vm.heap().allocate<DisplayNamesObject>(vm.root_shape_for(proto)));
  // 3-4. requestedLocales; options = ? GetOptionsObject(options).
  std::vector<std::string> requested = canonicalize_locale_list(vm, arg(args, 0));
  gc::Rooted<Object> options(vm.heap(), get_options_object(vm, arg(args, 1)));
  // 5-7. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 8. Let r be ResolveLocale(..., « », ...).
  ResolvedLocale r = resolve_locale(requested, {}, {});
  // 9-10. style.
  dn->style = *get_string_option(vm, options, "style", {"narrow", "short", "long"}, "long");
  // 11-13. type: required.
  std::optional<std::string> type =
      get_string_option(vm, options, "type", {"language", "region", "script", "currency", "calendar", "dateTimeField"});
  if (!type) vm.throw_error(ErrorType::TypeError, "Required option 'type' is missing");
  dn->type = *type;
  // 14-15. fallback.
  dn->fallback = *get_string_option(vm, options, "fallback", {"code", "none"}, "code");
  // 16-17. The locale.
  dn->locale = r.locale;
  // 18-21. languageDisplay.
  dn->language_display = *get_string_option(vm, options, "languageDisplay", {"dialect", "standard"}, "dialect");
  UDisplayContext contexts[] = {
      dn->language_display == "standard" ? UDISPCTX_STANDARD_NAMES : UDISPCTX_DIALECT_NAMES,
      dn->style == "long" ? UDISPCTX_LENGTH_FULL : UDISPCTX_LENGTH_SHORT,
      UDISPCTX_NO_SUBSTITUTE,
  };
  dn->icu.reset(icu::LocaleDisplayNames::createInstance(icu_locale(r.data_locale), contexts, 3));
  return object_value(dn);
}

bool all_alpha(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(uint8_t(c)); });
}

// §12.5.x CanonicalCodeForDisplayNames ( type, code ): the code in canonical
// case, or a RangeError when it is not one of its type.
std::string canonical_code_for_display_names(Vm& vm, const std::string& type, const std::string& code) {
  auto invalid = [&]() { vm.throw_error(ErrorType::RangeError, "invalid_argument: " + code); };
  if (type == "language") {
    // A unicode_language_id: no extensions.
    if (!is_structurally_valid_language_tag(code) || remove_unicode_extensions(code) != code) invalid();
    if (code.find("-u-") != std::string::npos || code.find("-x-") != std::string::npos) invalid();
    return canonicalize_unicode_locale_id(code);
  }
  if (type == "region") {
    if (!((code.size() == 2 && all_alpha(code)) ||
          (code.size() == 3 && std::all_of(code.begin(), code.end(), [](char c) { return std::isdigit(uint8_t(c)); }))))
      invalid();
    std::string out = code;
    for (char& c : out) c = char(std::toupper(uint8_t(c)));
    return out;
  }
  if (type == "script") {
    if (code.size() != 4 || !all_alpha(code)) invalid();
    std::string out = ascii_lowercase(code);
    out[0] = char(std::toupper(uint8_t(out[0])));
    return out;
  }
  if (type == "calendar") {
    if (!is_well_formed_unicode_type(code)) invalid();
    if (code.find('_') != std::string::npos) invalid();
    return ascii_lowercase(code);
  }
  if (type == "dateTimeField") {
    static const char* const kFields[] = {"era", "year", "quarter", "month", "weekOfYear", "weekday",
                                          "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"};
    if (std::find(std::begin(kFields), std::end(kFields), code) == std::end(kFields)) invalid();
    return code;
  }
  // currency
  if (code.size() != 3 || !all_alpha(code)) invalid();
  std::string out = code;
  for (char& c : out) c = char(std::toupper(uint8_t(c)));
  return out;
}

// The ICU name of a code, or an empty string when ICU has none.
icu::UnicodeString display_name(DisplayNamesObject* dn, const std::string& code) {
  icu::UnicodeString name;
  if (dn->type == "language") {
    dn->icu->localeDisplayName(code.c_str(), name);
  } else if (dn->type == "region") {
    dn->icu->regionDisplayName(code.c_str(), name);
  } else if (dn->type == "script") {
    dn->icu->scriptDisplayName(code.c_str(), name);
  } else if (dn->type == "calendar") {
    const char* legacy = uloc_toLegacyType("calendar", code.c_str());
    dn->icu->keyValueDisplayName("calendar", legacy ? legacy : code.c_str(), name);
  } else if (dn->type == "currency") {
    icu::UnicodeString iso(code.c_str());
    UErrorCode status = U_ZERO_ERROR;
    UBool is_choice = false;
    int32_t length = 0;
    UCurrNameStyle style = dn->style == "long" ? UCURR_LONG_NAME : dn->style == "narrow" ? UCURR_NARROW_SYMBOL_NAME : UCURR_SYMBOL_NAME;
    std::string loc = remove_unicode_extensions(dn->locale);
    const char16_t* n = ucurr_getName(iso.getTerminatedBuffer(), icu_locale(loc).getName(), style, &is_choice, &length, &status);
    if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING && n) name = icu::UnicodeString(n, length);
  } else {  // dateTimeField
    static const std::pair<const char*, UDateTimePatternField> kFields[] = {
        {"era", UDATPG_ERA_FIELD},         {"year", UDATPG_YEAR_FIELD},         {"quarter", UDATPG_QUARTER_FIELD},
        {"month", UDATPG_MONTH_FIELD},     {"weekOfYear", UDATPG_WEEK_OF_YEAR_FIELD}, {"weekday", UDATPG_WEEKDAY_FIELD},
        {"day", UDATPG_DAY_FIELD},         {"dayPeriod", UDATPG_DAYPERIOD_FIELD}, {"hour", UDATPG_HOUR_FIELD},
        {"minute", UDATPG_MINUTE_FIELD},   {"second", UDATPG_SECOND_FIELD},     {"timeZoneName", UDATPG_ZONE_FIELD},
    };
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::DateTimePatternGenerator> g(
        icu::DateTimePatternGenerator::createInstance(icu_locale(remove_unicode_extensions(dn->locale)), status));
    UDateTimePGDisplayWidth width = dn->style == "long" ? UDATPG_WIDE : dn->style == "short" ? UDATPG_ABBREVIATED : UDATPG_NARROW;
    for (auto& [field, value] : kFields)
      if (code == field && U_SUCCESS(status)) name = g->getFieldDisplayName(value, width);
  }
  return name;
}

// §12.3.3 Intl.DisplayNames.prototype.of ( code )
Value display_names_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<DisplayNamesObject> dn(vm.heap(), this_intl<DisplayNamesObject>(vm, self, "Intl.DisplayNames.prototype.of"));
  // 3. Let code be ? ToString(code).
  std::string code = to_string(vm, arg(args, 0))->to_utf8();
  // 4. Let code be ? CanonicalCodeForDisplayNames(displayNames.[[Type]], code).
  code = canonical_code_for_display_names(vm, dn->type, code);
  // 5-7. The name, else the code (fallback "code") or undefined.
  icu::UnicodeString name = display_name(dn, code);
  if (!name.isEmpty() && !name.isBogus()) return from_icu(vm, name);
  if (dn->fallback == "code") return from_ascii(vm, code);
  return Value::undefined();
}

// §12.3.4 Intl.DisplayNames.prototype.resolvedOptions ( )
Value display_names_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<DisplayNamesObject> dn(vm.heap(), this_intl<DisplayNamesObject>(vm, self, "Intl.DisplayNames.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", dn->locale);
  add_resolved(vm, o, "style", dn->style);
  add_resolved(vm, o, "type", dn->type);
  add_resolved(vm, o, "fallback", dn->fallback);
  if (dn->type == "language") add_resolved(vm, o, "languageDisplay", dn->language_display);
  return object_value(o);
}

Value display_names_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

void install_display_names(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlDisplayNamesPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlDisplayNamesPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "DisplayNames", display_names_ctor, 2, proto));
  vm.define_native(ctor, "supportedLocalesOf", display_names_supported_locales_of, 1);
  vm.define_native(proto, "of", display_names_of, 1);
  vm.define_native(proto, "resolvedOptions", display_names_resolved_options, 0);
  define_tag(vm, proto, "Intl.DisplayNames");
  vm.define_value(intl, "DisplayNames", object_value(ctor));
}

}  // namespace glass::intl
