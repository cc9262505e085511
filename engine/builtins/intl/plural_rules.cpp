// Intl.PluralRules (ECMA-402 §16) on icu::PluralRules: the plural category
// of a number as the NumberFormat digit options would format it.
#include <memory>
#include <unicode/numberrangeformatter.h>
#include <unicode/plurrule.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/number_options.h"

namespace glass::intl {

namespace {

class PluralRulesObject final : public Object {
 public:
  std::string locale, type;
  DigitOptions digits;
  std::unique_ptr<icu::PluralRules> rules;
  std::optional<icu::number::UnlocalizedNumberFormatter> settings;
  std::optional<icu::number::LocalizedNumberFormatter> formatter;

  explicit PluralRulesObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.PluralRules"; }
};

// §16.1.2 InitializePluralRules ( pluralRules, locales, options )
Value plural_rules_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.PluralRules requires 'new'");
  // 2. OrdinaryCreateFromConstructor(NewTarget, "%Intl.PluralRules.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlPluralRulesPrototype);
  gc::Rooted<PluralRulesObject> pr(vm.heap(), vm.heap().allocate<PluralRulesObject>(vm.root_shape_for(proto)));
  // InitializePluralRules 1-2. requestedLocales and options.
  std::vector<std::string> requested = canonicalize_locale_list(vm, arg(args, 0));
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, arg(args, 1)));
  // 4-5. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 6-7. type.
  pr->type = *get_string_option(vm, options, "type", {"cardinal", "ordinal"}, "cardinal");
  // 8. Perform ? SetNumberFormatDigitOptions(pluralRules, options, 0, 3, "standard").
  pr->digits = set_number_format_digit_options(vm, options, 0, 3, "standard");
  // 9-10. Let r be ResolveLocale(..., « », ...); the locale.
  ResolvedLocale r = resolve_locale(requested, {}, {});
  pr->locale = r.locale;
  UErrorCode status = U_ZERO_ERROR;
  pr->rules.reset(icu::PluralRules::forLocale(icu_locale(r.locale),
                                              pr->type == "ordinal" ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
  if (U_FAILURE(status) || !pr->rules) vm.throw_error(ErrorType::RangeError, "No plural rules for this locale");
  pr->settings = apply_digit_options(icu::number::NumberFormatter::with(), pr->digits);
  pr->formatter = pr->settings->locale(icu_locale(r.locale));
  return object_value(pr);
}

// §16.5.3 ResolvePlural ( pluralRules, n ): the category of n as formatted.
Value resolve_plural(Vm& vm, PluralRulesObject* pr, double n) {
  // 2. If n is not a finite Number, return "other".
  if (!std::isfinite(n)) return from_ascii(vm, "other");
  UErrorCode status = U_ZERO_ERROR;
  icu::number::FormattedNumber formatted = pr->formatter->formatDouble(n, status);
  icu::UnicodeString category = pr->rules->select(formatted, status);
  if (U_FAILURE(status)) return from_ascii(vm, "other");
  return from_icu(vm, category);
}

// §16.3.3 Intl.PluralRules.prototype.select ( value )
Value plural_rules_select(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<PluralRulesObject> pr(vm.heap(), this_intl<PluralRulesObject>(vm, self, "Intl.PluralRules.prototype.select"));
  // 3. Let n be ? ToNumber(value). 4. Return ResolvePlural(pr, n).[[PluralCategory]].
  double n = to_number(vm, arg(args, 0));
  return resolve_plural(vm, pr, n);
}

// §16.3.4 Intl.PluralRules.prototype.selectRange ( start, end )
Value plural_rules_select_range(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<PluralRulesObject> pr(vm.heap(), this_intl<PluralRulesObject>(vm, self, "Intl.PluralRules.prototype.selectRange"));
  // 3. If start is undefined or end is undefined, throw a TypeError exception.
  if (arg(args, 0).is_undefined() || arg(args, 1).is_undefined())
    vm.throw_error(ErrorType::TypeError, "start and end are required");
  // 4-5. Let x be ? ToNumber(start), y be ? ToNumber(end).
  double x = to_number(vm, arg(args, 0));
  double y = to_number(vm, arg(args, 1));
  // ResolvePluralRange 1-2. NaN is a RangeError.
  if (x != x || y != y) vm.throw_error(ErrorType::RangeError, "Invalid range: NaN");
  UErrorCode status = U_ZERO_ERROR;
  icu::number::LocalizedNumberRangeFormatter range =
      icu::number::NumberRangeFormatter::with().numberFormatterBoth(*pr->settings).locale(icu_locale(remove_unicode_extensions(pr->locale)));
  icu::number::FormattedNumberRange formatted = range.formatFormattableRange(icu::Formattable(x), icu::Formattable(y), status);
  icu::UnicodeString category = pr->rules->select(formatted, status);
  if (U_FAILURE(status)) return from_ascii(vm, "other");
  return from_icu(vm, category);
}

// §16.3.5 Intl.PluralRules.prototype.resolvedOptions ( )
Value plural_rules_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<PluralRulesObject> pr(vm.heap(), this_intl<PluralRulesObject>(vm, self, "Intl.PluralRules.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", pr->locale);
  add_resolved(vm, o, "type", pr->type);
  add_resolved_digits(vm, o, pr->digits);
  // pluralCategories: the locale's categories, in the order zero, one, two, few, many, other.
  ValueVector categories(vm.heap());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::StringEnumeration> keywords(pr->rules->getKeywords(status));
  std::vector<std::string> present;
  while (const char* k = keywords ? keywords->next(nullptr, status) : nullptr) present.push_back(k);
  for (const char* c : {"zero", "one", "two", "few", "many", "other"})
    if (std::find(present.begin(), present.end(), c) != present.end()) categories.values.push_back(from_ascii(vm, c));
  add_resolved(vm, o, "pluralCategories", object_value(vm.new_array_from(categories.values)));
  add_resolved_rounding(vm, o, pr->digits);
  return object_value(o);
}

Value plural_rules_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

void install_plural_rules(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlPluralRulesPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlPluralRulesPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "PluralRules", plural_rules_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", plural_rules_supported_locales_of, 1);
  vm.define_native(proto, "resolvedOptions", plural_rules_resolved_options, 0);
  vm.define_native(proto, "select", plural_rules_select, 1);
  vm.define_native(proto, "selectRange", plural_rules_select_range, 2);
  define_tag(vm, proto, "Intl.PluralRules");
  vm.define_value(intl, "PluralRules", object_value(ctor));
}

}  // namespace glass::intl
