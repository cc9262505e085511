// Intl.RelativeTimeFormat (ECMA-402 §17) on icu::RelativeDateTimeFormatter.
#include <cmath>
#include <memory>
#include <unicode/numberformatter.h>
#include <unicode/reldatefmt.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

class RelativeTimeFormatObject final : public Object {
 public:
  std::string locale, numbering_system, style, numeric;
  std::unique_ptr<icu::RelativeDateTimeFormatter> icu;

  explicit RelativeTimeFormatObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.RelativeTimeFormat"; }
};

// §17.1.1 Intl.RelativeTimeFormat ( [ locales [ , options ] ] )
Value relative_time_format_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.RelativeTimeFormat requires 'new'");
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlRelativeTimeFormatPrototype);
  gc::Rooted<RelativeTimeFormatObject> rtf(vm.heap(), vm.heap().allocate<RelativeTimeFormatObject>(vm.root_shape_for(proto)));
  // InitializeRelativeTimeFormat 1-2. requestedLocales and options.
  std::vector<std::string> requested = canonicalize_locale_list(vm, arg(args, 0));
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, arg(args, 1)));
  // 4-5. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 6-8. numberingSystem: a well-formed type.
  std::optional<std::string> numbering_system = get_string_option(vm, options, "numberingSystem", {});
  if (numbering_system && !is_well_formed_unicode_type(*numbering_system))
    vm.throw_error(ErrorType::RangeError, "Invalid numberingSystem : " + *numbering_system);
  // 9-12. Let r be ResolveLocale(..., « "nu" », ...).
  ResolvedLocale r = resolve_locale(requested, {{"nu", numbering_systems}}, {numbering_system});
  rtf->locale = r.locale;
  rtf->numbering_system = r.value("nu");
  // 13-16. style and numeric.
  rtf->style = *get_string_option(vm, options, "style", {"long", "short", "narrow"}, "long");
  rtf->numeric = *get_string_option(vm, options, "numeric", {"always", "auto"}, "always");
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu_locale(remove_unicode_extensions(r.locale) + "-u-nu-" + rtf->numbering_system);
  UDateRelativeDateTimeFormatterStyle style = rtf->style == "short" ? UDAT_STYLE_SHORT
                                              : rtf->style == "narrow" ? UDAT_STYLE_NARROW : UDAT_STYLE_LONG;
  rtf->icu = std::make_unique<icu::RelativeDateTimeFormatter>(locale, nullptr, style, UDISPCTX_CAPITALIZATION_NONE, status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "No relative time format data for this locale");
  return object_value(rtf);
}

// §17.5.x SingularRelativeTimeUnit ( unit ): the unit, with its plural accepted.
URelativeDateTimeUnit singular_relative_time_unit(Vm& vm, const std::string& unit, std::string& singular) {
  static const std::pair<const char*, URelativeDateTimeUnit> kUnits[] = {
      {"second", UDAT_REL_UNIT_SECOND}, {"minute", UDAT_REL_UNIT_MINUTE}, {"hour", UDAT_REL_UNIT_HOUR},
      {"day", UDAT_REL_UNIT_DAY},       {"week", UDAT_REL_UNIT_WEEK},     {"month", UDAT_REL_UNIT_MONTH},
      {"quarter", UDAT_REL_UNIT_QUARTER}, {"year", UDAT_REL_UNIT_YEAR},
  };
  for (auto& [name, value] : kUnits) {
    if (unit == name || unit == std::string(name) + "s") {
      singular = name;
      return value;
    }
  }
  vm.throw_error(ErrorType::RangeError, "Invalid unit argument for format() '" + unit + "'");
}

// §17.5.x PartitionRelativeTimePattern ( relativeTimeFormat, value, unit ), through ICU.
icu::FormattedRelativeDateTime format_relative(Vm& vm, RelativeTimeFormatObject* rtf, Value value_arg, Value unit_arg,
                                               std::string& singular) {
  gc::Rooted<RelativeTimeFormatObject> keep(vm.heap(), rtf);
  RootedValue unit_value(vm.heap(), unit_arg);
  // format 3-4. Let value be ? ToNumber(value); unit be ? ToString(unit).
  double value = to_number(vm, value_arg);
  std::string unit = to_string(vm, unit_value)->to_utf8();
  // 1. If value is NaN, +∞, or -∞, throw a RangeError exception.
  if (!std::isfinite(value)) vm.throw_error(ErrorType::RangeError, "Invalid number value");
  URelativeDateTimeUnit u = singular_relative_time_unit(vm, unit, singular);
  UErrorCode status = U_ZERO_ERROR;
  icu::FormattedRelativeDateTime formatted = keep->numeric == "auto" ? keep->icu->formatToValue(value, u, status)
                                                                     : keep->icu->formatNumericToValue(value, u, status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Relative time formatting failed");
  return formatted;
}

// §17.3.3 Intl.RelativeTimeFormat.prototype.format ( value, unit )
Value relative_time_format_format(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* rtf = this_intl<RelativeTimeFormatObject>(vm, self, "Intl.RelativeTimeFormat.prototype.format");
  std::string singular;
  icu::FormattedRelativeDateTime formatted = format_relative(vm, rtf, arg(args, 0), arg(args, 1), singular);
  UErrorCode status = U_ZERO_ERROR;
  return from_icu(vm, formatted.toString(status));
}

// §17.3.4 Intl.RelativeTimeFormat.prototype.formatToParts ( value, unit )
Value relative_time_format_format_to_parts(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* rtf = this_intl<RelativeTimeFormatObject>(vm, self, "Intl.RelativeTimeFormat.prototype.formatToParts");
  std::string singular;
  icu::FormattedRelativeDateTime formatted = format_relative(vm, rtf, arg(args, 0), arg(args, 1), singular);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = formatted.toString(status);
  // The number's fields (integer, group, decimal, fraction, ...), each with the unit; the rest is literal.
  std::vector<const char*> type_of(size_t(s.length()), nullptr);
  icu::ConstrainedFieldPosition cfp;
  cfp.constrainCategory(UFIELD_CATEGORY_NUMBER);
  while (formatted.nextPosition(cfp, status) && U_SUCCESS(status)) {
    const char* type = nullptr;
    switch (cfp.getField()) {
      case UNUM_INTEGER_FIELD: type = "integer"; break;
      case UNUM_FRACTION_FIELD: type = "fraction"; break;
      case UNUM_DECIMAL_SEPARATOR_FIELD: type = "decimal"; break;
      case UNUM_GROUPING_SEPARATOR_FIELD: type = "group"; break;
      case UNUM_SIGN_FIELD: type = "minusSign"; break;
      default: break;
    }
    if (!type) continue;
    for (int32_t i = cfp.getStart(); i < cfp.getLimit(); ++i)
      if (!type_of[size_t(i)] || std::string(type) != "integer") type_of[size_t(i)] = type;
  }
  ValueVector parts(vm.heap());
  for (int32_t start = 0; start < s.length();) {
    int32_t end = start + 1;
    while (end < s.length() && type_of[size_t(end)] == type_of[size_t(start)]) ++end;
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", type_of[size_t(start)] ? type_of[size_t(start)] : "literal");
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, end - start)));
    if (type_of[size_t(start)]) add_resolved(vm, part, "unit", singular);
    parts.values.push_back(object_value(part));
    start = end;
  }
  return object_value(vm.new_array_from(parts.values));
}

// §17.3.5 Intl.RelativeTimeFormat.prototype.resolvedOptions ( )
Value relative_time_format_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<RelativeTimeFormatObject> rtf(vm.heap(), this_intl<RelativeTimeFormatObject>(vm, self, "Intl.RelativeTimeFormat.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", rtf->locale);
  add_resolved(vm, o, "style", rtf->style);
  add_resolved(vm, o, "numeric", rtf->numeric);
  add_resolved(vm, o, "numberingSystem", rtf->numbering_system);
  return object_value(o);
}

Value relative_time_format_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

void install_relative_time_format(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlRelativeTimeFormatPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlRelativeTimeFormatPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "RelativeTimeFormat", relative_time_format_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", relative_time_format_supported_locales_of, 1);
  vm.define_native(proto, "format", relative_time_format_format, 2);
  vm.define_native(proto, "formatToParts", relative_time_format_format_to_parts, 2);
  vm.define_native(proto, "resolvedOptions", relative_time_format_resolved_options, 0);
  define_tag(vm, proto, "Intl.RelativeTimeFormat");
  vm.define_value(intl, "RelativeTimeFormat", object_value(ctor));
}

}  // namespace glass::intl
