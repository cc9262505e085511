// Intl.NumberFormat (ECMA-402 §15) on ICU's number formatters, and
// Number/BigInt.prototype.toLocaleString (ECMA-402 §20.1, §20.2).
#include <cmath>
#include <memory>
#include <unicode/numberrangeformatter.h>
#include <unicode/ucurr.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/number_options.h"

namespace glass::intl {

namespace {

class NumberFormatObject final : public Object {
 public:
  std::string locale, numbering_system, style = "decimal", currency, currency_display, currency_sign, unit,
                                        unit_display, notation = "standard", compact_display, use_grouping,
                                        sign_display;
  DigitOptions digits;
  std::optional<icu::number::UnlocalizedNumberFormatter> settings;  // the settings, for ranges
  std::optional<icu::number::LocalizedNumberFormatter> icu;
  Value bound_format;  // [[BoundFormat]]

  explicit NumberFormatObject(Shape* shape) : Object(shape), bound_format(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, bound_format);
  }
  const char* cell_name() const override { return "Intl.NumberFormat"; }
};

bool is_well_formed_currency_code(const std::string& c) {
  return c.size() == 3 && std::all_of(c.begin(), c.end(), [](char ch) { return std::isalpha(uint8_t(ch)); });
}

bool is_sanctioned_unit(std::string_view u) {
  return std::binary_search(kSanctionedUnits, kSanctionedUnits + kSanctionedUnitCount, u,
                            [](auto a, auto b) { return std::string_view(a) < std::string_view(b); });
}

// §6.6.x IsWellFormedUnitIdentifier ( unitIdentifier ): a sanctioned unit, or two joined by "-per-".
bool is_well_formed_unit_identifier(const std::string& unit) {
  if (is_sanctioned_unit(unit)) return true;
  size_t per = unit.find("-per-");
  if (per == std::string::npos || unit.find("-per-", per + 1) != std::string::npos) return false;
  return is_sanctioned_unit(std::string_view(unit).substr(0, per)) && is_sanctioned_unit(std::string_view(unit).substr(per + 5));
}

int currency_digits(const std::string& currency) {
  icu::UnicodeString code(currency.c_str());
  UErrorCode status = U_ZERO_ERROR;
  int32_t digits = ucurr_getDefaultFractionDigits(code.getTerminatedBuffer(), &status);
  return U_SUCCESS(status) ? digits : 2;
}

std::string ascii_uppercase(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return s;
}

// GetBooleanOrStringNumberFormatOption ( options, property, stringValues, fallback ):
// "false" for false; "always" for true; a listed string; fallback.
std::string get_boolean_or_string_option(Vm& vm, Object* options, const char* property,
                                         std::initializer_list<const char*> values, const std::string& fallback) {
  Value v = get(vm, options, key_of(vm, property));
  if (v.is_undefined()) return fallback;
  if (v.is_boolean() && v.as_boolean()) return "always";
  if (!to_boolean(v)) return "false";
  std::string s = to_string(vm, v)->to_utf8();
  if (s == "true" || s == "false") return fallback;
  if (std::none_of(values.begin(), values.end(), [&](const char* x) { return s == x; }))
    vm.throw_error(ErrorType::RangeError, "Value " + s + " out of range for option " + property);
  return s;
}

// The ICU locale: the locale with the resolved numbering system.
icu::Locale number_locale(const NumberFormatObject* nf) {
  return icu_locale(remove_unicode_extensions(nf->locale) + "-u-nu-" + nf->numbering_system);
}

// The ICU formatter for a NumberFormat's settings.
void make_icu_formatter(NumberFormatObject* nf) {
  using namespace icu::number;
  UnlocalizedNumberFormatter f = NumberFormatter::with();
  // Notation.
  if (nf->notation == "scientific") f = f.notation(Notation::scientific());
  else if (nf->notation == "engineering") f = f.notation(Notation::engineering());
  else if (nf->notation == "compact")
    f = f.notation(nf->compact_display == "long" ? Notation::compactLong() : Notation::compactShort());
  // Style: percent, currency, unit.
  if (nf->style == "percent") {
    f = f.unit(icu::NoUnit::percent()).scale(Scale::powerOfTen(2));
  } else if (nf->style == "currency") {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString code(nf->currency.c_str());
    f = f.unit(icu::CurrencyUnit(code.getTerminatedBuffer(), status));
    const std::string& d = nf->currency_display;
    f = f.unitWidth(d == "code" ? UNUM_UNIT_WIDTH_ISO_CODE : d == "name" ? UNUM_UNIT_WIDTH_FULL_NAME
                    : d == "narrowSymbol" ? UNUM_UNIT_WIDTH_NARROW : UNUM_UNIT_WIDTH_SHORT);
  } else if (nf->style == "unit") {
    UErrorCode status = U_ZERO_ERROR;
    icu::MeasureUnit unit = icu::MeasureUnit::forIdentifier(nf->unit.c_str(), status);
    if (U_SUCCESS(status)) {
      if (nf->unit == "percent") f = f.unit(icu::NoUnit::percent());
      else f = f.unit(unit);
    }
    const std::string& d = nf->unit_display;
    f = f.unitWidth(d == "long" ? UNUM_UNIT_WIDTH_FULL_NAME : d == "narrow" ? UNUM_UNIT_WIDTH_NARROW : UNUM_UNIT_WIDTH_SHORT);
  }
  // Digits and rounding.
  f = apply_digit_options(f, nf->digits);
  // Grouping.
  const std::string& g = nf->use_grouping;
  f = f.grouping(g == "false" ? UNUM_GROUPING_OFF : g == "min2" ? UNUM_GROUPING_MIN2
                 : g == "always" ? UNUM_GROUPING_ON_ALIGNED : UNUM_GROUPING_AUTO);
  // Sign display (the accounting forms for currencySign "accounting").
  bool accounting = nf->style == "currency" && nf->currency_sign == "accounting";
  const std::string& s = nf->sign_display;
  UNumberSignDisplay sign = UNUM_SIGN_AUTO;
  if (s == "never") sign = UNUM_SIGN_NEVER;
  else if (s == "always") sign = accounting ? UNUM_SIGN_ACCOUNTING_ALWAYS : UNUM_SIGN_ALWAYS;
  else if (s == "exceptZero") sign = accounting ? UNUM_SIGN_ACCOUNTING_EXCEPT_ZERO : UNUM_SIGN_EXCEPT_ZERO;
  else if (s == "negative") sign = accounting ? UNUM_SIGN_ACCOUNTING_NEGATIVE : UNUM_SIGN_NEGATIVE;
  else if (accounting) sign = UNUM_SIGN_ACCOUNTING;
  f = f.sign(sign);
  nf->settings = f;
  nf->icu = f.locale(number_locale(nf));
}

// §15.1.2 InitializeNumberFormat ( numberFormat, locales, options )
void initialize_number_format(Vm& vm, NumberFormatObject* n, Value locales, Value options_value) {
  gc::Rooted<NumberFormatObject> nf(vm.heap(), n);
  // 1-2. requestedLocales and options.
  std::vector<std::string> requested = canonicalize_locale_list(vm, locales);
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, options_value));
  // 4-5. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 6-8. numberingSystem: a well-formed type.
  std::optional<std::string> numbering_system = get_string_option(vm, options, "numberingSystem", {});
  if (numbering_system && !is_well_formed_unicode_type(*numbering_system))
    vm.throw_error(ErrorType::RangeError, "Invalid numberingSystem : " + *numbering_system);
  // 9-12. Let r be ResolveLocale(..., « "nu" », ...).
  ResolvedLocale r = resolve_locale(requested, {{"nu", numbering_systems}}, {numbering_system});
  nf->locale = r.locale;
  nf->numbering_system = r.value("nu");
  // 13. SetNumberFormatUnitOptions (§15.1.4): style, currency, currencyDisplay, currencySign, unit, unitDisplay.
  nf->style = *get_string_option(vm, options, "style", {"decimal", "percent", "currency", "unit"}, "decimal");
  std::optional<std::string> currency = get_string_option(vm, options, "currency", {});
  if (!currency) {
    if (nf->style == "currency") vm.throw_error(ErrorType::TypeError, "Currency code is required with currency style.");
  } else if (!is_well_formed_currency_code(*currency)) {
    vm.throw_error(ErrorType::RangeError, "Invalid currency code : " + *currency);
  }
  std::string currency_display =
      *get_string_option(vm, options, "currencyDisplay", {"code", "symbol", "narrowSymbol", "name"}, "symbol");
  std::string currency_sign = *get_string_option(vm, options, "currencySign", {"standard", "accounting"}, "standard");
  std::optional<std::string> unit = get_string_option(vm, options, "unit", {});
  if (!unit) {
    if (nf->style == "unit") vm.throw_error(ErrorType::TypeError, "Unit is required with unit style.");
  } else if (!is_well_formed_unit_identifier(*unit)) {
    vm.throw_error(ErrorType::RangeError, "Invalid unit argument for Intl.NumberFormat() '" + *unit + "'");
  }
  std::string unit_display = *get_string_option(vm, options, "unitDisplay", {"short", "narrow", "long"}, "short");
  if (nf->style == "currency") {
    nf->currency = ascii_uppercase(*currency);
    nf->currency_display = currency_display;
    nf->currency_sign = currency_sign;
  }
  if (nf->style == "unit") {
    nf->unit = *unit;
    nf->unit_display = unit_display;
  }
  // 15-16. notation.
  nf->notation = *get_string_option(vm, options, "notation", {"standard", "scientific", "engineering", "compact"}, "standard");
  // 17-19. The digit options, with the defaults of the style.
  int mnfd_default = 0, mxfd_default = 3;
  if (nf->style == "currency" && nf->notation == "standard") mnfd_default = mxfd_default = currency_digits(nf->currency);
  else if (nf->style == "percent") mxfd_default = 0;
  nf->digits = set_number_format_digit_options(vm, options, mnfd_default, mxfd_default, nf->notation);
  // 20-22. compactDisplay.
  std::string compact_display = *get_string_option(vm, options, "compactDisplay", {"short", "long"}, "short");
  std::string default_use_grouping = "auto";
  if (nf->notation == "compact") {
    nf->compact_display = compact_display;
    default_use_grouping = "min2";
  }
  // 24-27. useGrouping.
  nf->use_grouping = get_boolean_or_string_option(vm, options, "useGrouping", {"min2", "auto", "always"}, default_use_grouping);
  // 28-29. signDisplay.
  nf->sign_display =
      *get_string_option(vm, options, "signDisplay", {"auto", "never", "always", "exceptZero", "negative"}, "auto");
  make_icu_formatter(nf);
}

NumberFormatObject* create_number_format(Vm& vm, Value new_target, Value locales, Value options) {
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlNumberFormatPrototype);
  gc::Rooted<NumberFormatObject> nf(vm.heap(), vm.heap().allocate<NumberFormatObject>(vm.root_shape_for(proto)));
  initialize_number_format(vm, nf, locales, options);
  return nf;
}

// §15.1.1 Intl.NumberFormat ( [ locales [ , options ] ] )
Value number_format_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  Value nt = new_target.is_undefined() ? object_value(vm.current_native()) : new_target;
  return object_value(create_number_format(vm, nt, arg(args, 0), arg(args, 1)));
}

// §15.5.x FormatNumeric: the ICU result for x.
icu::number::FormattedNumber format_numeric(NumberFormatObject* nf, const MathematicalValue& x, UErrorCode& status) {
  return nf->icu->formatDecimal(icu::StringPiece(x.decimal.data(), int32_t(x.decimal.size())), status);
}

Value format_to_string(Vm& vm, NumberFormatObject* nf, const MathematicalValue& x) {
  UErrorCode status = U_ZERO_ERROR;
  icu::number::FormattedNumber formatted = format_numeric(nf, x, status);
  icu::UnicodeString s = formatted.toString(status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Number formatting failed");
  return from_icu(vm, s);
}

// The part type of an ICU number field (ECMA-402 Table "Number format part types").
const char* number_part_type(int32_t field, const MathematicalValue& x, bool negative) {
  switch (field) {
    case UNUM_INTEGER_FIELD:
      if (x.nan) return "nan";
      if (x.decimal == "Infinity" || x.decimal == "-Infinity") return "infinity";
      return "integer";
    case UNUM_FRACTION_FIELD: return "fraction";
    case UNUM_DECIMAL_SEPARATOR_FIELD: return "decimal";
    case UNUM_GROUPING_SEPARATOR_FIELD: return "group";
    case UNUM_CURRENCY_FIELD: return "currency";
    case UNUM_PERCENT_FIELD: return "percentSign";
    case UNUM_PERMILL_FIELD: return "permille";
    case UNUM_SIGN_FIELD: return negative ? "minusSign" : "plusSign";
    case UNUM_EXPONENT_SYMBOL_FIELD: return "exponentSeparator";
    case UNUM_EXPONENT_SIGN_FIELD: return "exponentMinusSign";
    case UNUM_EXPONENT_FIELD: return "exponentInteger";
    case UNUM_COMPACT_FIELD: return "compact";
    case UNUM_MEASURE_UNIT_FIELD: return "unit";
    case UNUM_APPROXIMATELY_SIGN_FIELD: return "approximatelySign";
    default: return "literal";
  }
}

// §15.5.x PartitionNumberPattern, as FormatNumericToParts: [{type, value}, ...].
Value format_to_parts(Vm& vm, NumberFormatObject* nf, const MathematicalValue& x) {
  UErrorCode status = U_ZERO_ERROR;
  icu::number::FormattedNumber formatted = format_numeric(nf, x, status);
  icu::UnicodeString s = formatted.toString(status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Number formatting failed");
  bool negative = !x.decimal.empty() && x.decimal[0] == '-';
  // The innermost field of each code unit (the integer field also spans its group separators).
  std::vector<int32_t> field_of(size_t(s.length()), -1);
  icu::ConstrainedFieldPosition cfp;
  cfp.constrainCategory(UFIELD_CATEGORY_NUMBER);
  while (formatted.nextPosition(cfp, status) && U_SUCCESS(status)) {
    int32_t f = cfp.getField();
    for (int32_t i = cfp.getStart(); i < cfp.getLimit(); ++i)
      if (field_of[size_t(i)] == -1 || f != UNUM_INTEGER_FIELD) field_of[size_t(i)] = f;
  }
  ValueVector parts(vm.heap());
  int32_t start = 0;
  while (start < s.length()) {
    int32_t field = field_of[size_t(start)];
    int32_t end = start + 1;
    while (end < s.length() && field_of[size_t(end)] == field) ++end;
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", number_part_type(field, x, negative));
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, end - start)));
    parts.values.push_back(object_value(part));
    start = end;
  }
  return object_value(vm.new_array_from(parts.values));
}

// §15.5.x Number Format Functions: the bound format(value).
Value number_format_function(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<NumberFormatObject> nf(vm.heap(), static_cast<NumberFormatObject*>(as_object(vm.current_native()->native_data)));
  // 4. Let x be ? ToIntlMathematicalValue(value). 5. Return FormatNumeric(nf, x).
  MathematicalValue x = to_intl_mathematical_value(vm, arg(args, 0));
  return format_to_string(vm, nf, x);
}

// §15.3.3 get Intl.NumberFormat.prototype.format
Value number_format_format_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  NumberFormatObject* nf = this_intl<NumberFormatObject>(vm, self, "get Intl.NumberFormat.prototype.format");
  if (nf->bound_format.is_undefined()) {
    gc::Rooted<NumberFormatObject> rooted(vm.heap(), nf);  // across the allocation (the heap does not move cells)
    FunctionObject* f = vm.new_native("", number_format_function, 1);
    f->native_data = object_value(rooted);
    rooted->bound_format = object_value(f);
  }
  return nf->bound_format;
}

// §15.3.4 Intl.NumberFormat.prototype.formatToParts ( value )
Value number_format_format_to_parts(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<NumberFormatObject> nf(vm.heap(), this_intl<NumberFormatObject>(vm, self, "Intl.NumberFormat.prototype.formatToParts"));
  MathematicalValue x = to_intl_mathematical_value(vm, arg(args, 0));
  return format_to_parts(vm, nf, x);
}

// §15.3.5 Intl.NumberFormat.prototype.formatRange ( start, end ), §15.3.6 formatRangeToParts ( start, end )
template <bool to_parts>
Value number_format_format_range(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<NumberFormatObject> nf(vm.heap(), this_intl<NumberFormatObject>(vm, self, "Intl.NumberFormat.prototype.formatRange"));
  // 3. If start is undefined or end is undefined, throw a TypeError exception.
  if (arg(args, 0).is_undefined() || arg(args, 1).is_undefined())
    vm.throw_error(ErrorType::TypeError, "start and end are required");
  // 4-5. Let x be ? ToIntlMathematicalValue(start), y ? ToIntlMathematicalValue(end); NaN is a RangeError.
  MathematicalValue x = to_intl_mathematical_value(vm, arg(args, 0));
  MathematicalValue y = to_intl_mathematical_value(vm, arg(args, 1));
  if (x.nan || y.nan) vm.throw_error(ErrorType::RangeError, "Invalid range: NaN");
  // 6. FormatNumericRange (PartitionNumberRangePattern): ICU's range formatter with the same settings.
  UErrorCode status = U_ZERO_ERROR;
  icu::number::LocalizedNumberRangeFormatter range =
      icu::number::NumberRangeFormatter::with().numberFormatterBoth(*nf->settings).locale(number_locale(nf));
  icu::Formattable first(icu::StringPiece(x.decimal.data(), int32_t(x.decimal.size())), status);
  icu::Formattable second(icu::StringPiece(y.decimal.data(), int32_t(y.decimal.size())), status);
  icu::number::FormattedNumberRange formatted = range.formatFormattableRange(first, second, status);
  icu::UnicodeString s = formatted.toString(status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Number range formatting failed");
  if (!to_parts) return from_icu(vm, s);
  // Parts: each number field, and which end of the range it comes from (startRange, endRange, shared).
  std::vector<int32_t> field_of(size_t(s.length()), -1);
  std::vector<int8_t> source_of(size_t(s.length()), -1);
  icu::ConstrainedFieldPosition cfp;
  while (formatted.nextPosition(cfp, status) && U_SUCCESS(status)) {
    int32_t f = cfp.getField();
    for (int32_t i = cfp.getStart(); i < cfp.getLimit(); ++i) {
      if (cfp.getCategory() == UFIELD_CATEGORY_NUMBER_RANGE_SPAN) source_of[size_t(i)] = int8_t(f);
      else if (cfp.getCategory() == UFIELD_CATEGORY_NUMBER && (field_of[size_t(i)] == -1 || f != UNUM_INTEGER_FIELD))
        field_of[size_t(i)] = f;
    }
  }
  ValueVector parts(vm.heap());
  for (int32_t start = 0; start < s.length();) {
    int32_t end = start + 1;
    while (end < s.length() && field_of[size_t(end)] == field_of[size_t(start)] && source_of[size_t(end)] == source_of[size_t(start)]) ++end;
    int8_t source = source_of[size_t(start)];
    const MathematicalValue& value = source == 1 ? y : x;
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", number_part_type(field_of[size_t(start)], value, !value.decimal.empty() && value.decimal[0] == '-'));
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, end - start)));
    add_resolved(vm, part, "source", source == 0 ? "startRange" : source == 1 ? "endRange" : "shared");
    parts.values.push_back(object_value(part));
    start = end;
  }
  return object_value(vm.new_array_from(parts.values));
}

// §15.3.7 Intl.NumberFormat.prototype.resolvedOptions ( )
Value number_format_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<NumberFormatObject> nf(vm.heap(), this_intl<NumberFormatObject>(vm, self, "Intl.NumberFormat.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", nf->locale);
  add_resolved(vm, o, "numberingSystem", nf->numbering_system);
  add_resolved(vm, o, "style", nf->style);
  if (nf->style == "currency") {
    add_resolved(vm, o, "currency", nf->currency);
    add_resolved(vm, o, "currencyDisplay", nf->currency_display);
    add_resolved(vm, o, "currencySign", nf->currency_sign);
  }
  if (nf->style == "unit") {
    add_resolved(vm, o, "unit", nf->unit);
    add_resolved(vm, o, "unitDisplay", nf->unit_display);
  }
  add_resolved_digits(vm, o, nf->digits);
  if (nf->use_grouping == "false") add_resolved(vm, o, "useGrouping", Value::boolean(false));
  else add_resolved(vm, o, "useGrouping", nf->use_grouping);
  add_resolved(vm, o, "notation", nf->notation);
  if (nf->notation == "compact") add_resolved(vm, o, "compactDisplay", nf->compact_display);
  add_resolved(vm, o, "signDisplay", nf->sign_display);
  add_resolved_rounding(vm, o, nf->digits);
  return object_value(o);
}

Value number_format_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

Value number_to_locale_string(Vm& vm, Value x, Value locales, Value options) {
  RootedValue value(vm.heap(), x);
  // Let numberFormat be ? Construct(%Intl.NumberFormat%, « locales, options »).
  gc::Rooted<NumberFormatObject> nf(vm.heap(), create_number_format(vm, Value::undefined(), locales, options));
  // Return FormatNumeric(numberFormat, x).
  MathematicalValue mv = to_intl_mathematical_value(vm, value);
  return format_to_string(vm, nf, mv);
}

void install_number_format(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlNumberFormatPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlNumberFormatPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "NumberFormat", number_format_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", number_format_supported_locales_of, 1);
  define_getter(vm, proto, "format", number_format_format_getter);
  vm.define_native(proto, "formatToParts", number_format_format_to_parts, 1);
  vm.define_native(proto, "formatRange", number_format_format_range<false>, 2);
  vm.define_native(proto, "formatRangeToParts", number_format_format_range<true>, 2);
  vm.define_native(proto, "resolvedOptions", number_format_resolved_options, 0);
  define_tag(vm, proto, "Intl.NumberFormat");
  vm.define_value(intl, "NumberFormat", object_value(ctor));
}

}  // namespace glass::intl
