// SetNumberFormatDigitOptions and ToIntlMathematicalValue (ECMA-402 §15.1.3,
// §15.5.x), shared by Intl.NumberFormat and Intl.PluralRules.
#include "builtins/intl/number_options.h"

#include <algorithm>
#include <cmath>

#include "objects/bigint.h"
#include "objects/bigint_math.h"
#include "parser/display.h"

namespace glass::intl {

DigitOptions set_number_format_digit_options(Vm& vm, Object* options_object, int mnfd_default, int mxfd_default,
                                             const std::string& notation) {
  gc::Rooted<Object> options(vm.heap(), options_object);
  DigitOptions d;
  // 1. Let mnid be ? GetNumberOption(options, "minimumIntegerDigits", 1, 21, 1).
  d.minimum_integer_digits = *get_number_option(vm, options, "minimumIntegerDigits", 1, 21, 1);
  // 2-5. The other four, read as they are.
  RootedValue mnfd(vm.heap(), get(vm, options, key_of(vm, "minimumFractionDigits")));
  RootedValue mxfd(vm.heap(), get(vm, options, key_of(vm, "maximumFractionDigits")));
  RootedValue mnsd(vm.heap(), get(vm, options, key_of(vm, "minimumSignificantDigits")));
  RootedValue mxsd(vm.heap(), get(vm, options, key_of(vm, "maximumSignificantDigits")));
  // 7-8. roundingIncrement: one of the allowed values.
  d.rounding_increment = *get_number_option(vm, options, "roundingIncrement", 1, 5000, 1);
  static const int kIncrements[] = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000};
  if (std::find(std::begin(kIncrements), std::end(kIncrements), d.rounding_increment) == std::end(kIncrements))
    vm.throw_error(ErrorType::RangeError, "roundingIncrement value is out of range.");
  // 9-11. roundingMode, roundingPriority, trailingZeroDisplay.
  d.rounding_mode = *get_string_option(vm, options, "roundingMode",
                                       {"ceil", "floor", "expand", "trunc", "halfCeil", "halfFloor", "halfExpand",
                                        "halfTrunc", "halfEven"},
                                       "halfExpand");
  std::string rounding_priority =
      *get_string_option(vm, options, "roundingPriority", {"auto", "morePrecision", "lessPrecision"}, "auto");
  d.trailing_zero_display = *get_string_option(vm, options, "trailingZeroDisplay", {"auto", "stripIfInteger"}, "auto");
  // 13. If roundingIncrement is not 1, set mxfdDefault to mnfdDefault.
  if (d.rounding_increment != 1) mxfd_default = mnfd_default;
  // 17-18. hasSd, hasFd.
  bool has_sd = !mnsd.get().is_undefined() || !mxsd.get().is_undefined();
  bool has_fd = !mnfd.get().is_undefined() || !mxfd.get().is_undefined();
  // 19-21. needSd, needFd.
  bool need_sd = true, need_fd = true;
  if (rounding_priority == "auto") {
    need_sd = has_sd;
    if (need_sd || (!has_fd && notation == "compact")) need_fd = false;
  }
  // 22. Significant digits.
  if (need_sd) {
    if (has_sd) {
      int min = *default_number_option(vm, mnsd, 1, 21, 1);
      int max = *default_number_option(vm, mxsd, min, 21, 21);
      d.minimum_significant_digits = min;
      d.maximum_significant_digits = max;
    } else {
      d.minimum_significant_digits = 1;
      d.maximum_significant_digits = 21;
    }
  }
  // 23. Fraction digits.
  if (need_fd) {
    if (has_fd) {
      std::optional<int> min = default_number_option(vm, mnfd, 0, 100, std::nullopt);
      std::optional<int> max = default_number_option(vm, mxfd, 0, 100, std::nullopt);
      if (!min) min = std::min(mnfd_default, *max);
      else if (!max) max = std::max(mxfd_default, *min);
      else if (*min > *max) vm.throw_error(ErrorType::RangeError, "maximumFractionDigits value is out of range.");
      d.minimum_fraction_digits = min;
      d.maximum_fraction_digits = max;
    } else {
      d.minimum_fraction_digits = mnfd_default;
      d.maximum_fraction_digits = mxfd_default;
    }
  }
  // 24-26. The rounding type.
  if (!need_sd && !need_fd) {
    d.minimum_fraction_digits = 0;
    d.maximum_fraction_digits = 0;
    d.minimum_significant_digits = 1;
    d.maximum_significant_digits = 2;
    d.rounding_type = "morePrecision";
    d.computed_rounding_priority = "morePrecision";
  } else if (rounding_priority == "auto") {
    d.rounding_type = need_sd ? "significantDigits" : "fractionDigits";
    d.computed_rounding_priority = "auto";
  } else {
    d.rounding_type = rounding_priority;
    d.computed_rounding_priority = rounding_priority;
  }
  // 27. A rounding increment needs fraction digits, and equal minimum and maximum.
  if (d.rounding_increment != 1) {
    if (d.rounding_type != "fractionDigits")
      vm.throw_error(ErrorType::TypeError, "roundingIncrement requires fraction digits rounding");
    if (d.maximum_fraction_digits != d.minimum_fraction_digits)
      vm.throw_error(ErrorType::RangeError, "roundingIncrement needs equal minimum and maximum fraction digits");
  }
  return d;
}

namespace {

UNumberFormatRoundingMode icu_rounding_mode(const std::string& m) {
  if (m == "ceil") return UNUM_ROUND_CEILING;
  if (m == "floor") return UNUM_ROUND_FLOOR;
  if (m == "expand") return UNUM_ROUND_UP;
  if (m == "trunc") return UNUM_ROUND_DOWN;
  if (m == "halfCeil") return UNUM_ROUND_HALF_CEILING;
  if (m == "halfFloor") return UNUM_ROUND_HALF_FLOOR;
  if (m == "halfTrunc") return UNUM_ROUND_HALFDOWN;
  if (m == "halfEven") return UNUM_ROUND_HALFEVEN;
  return UNUM_ROUND_HALFUP;  // halfExpand
}

}  // namespace

icu::number::UnlocalizedNumberFormatter apply_digit_options(icu::number::UnlocalizedNumberFormatter f,
                                                             const DigitOptions& d) {
  using namespace icu::number;
  f = f.integerWidth(IntegerWidth::zeroFillTo(d.minimum_integer_digits)).roundingMode(icu_rounding_mode(d.rounding_mode));
  UNumberTrailingZeroDisplay zeros =
      d.trailing_zero_display == "stripIfInteger" ? UNUM_TRAILING_ZERO_HIDE_IF_WHOLE : UNUM_TRAILING_ZERO_AUTO;
  int mnfd = d.minimum_fraction_digits.value_or(0), mxfd = d.maximum_fraction_digits.value_or(0);
  int mnsd = d.minimum_significant_digits.value_or(1), mxsd = d.maximum_significant_digits.value_or(21);
  if (d.rounding_type == "significantDigits")
    return f.precision(Precision::minMaxSignificantDigits(mnsd, mxsd).trailingZeroDisplay(zeros));
  if (d.rounding_type == "fractionDigits") {
    if (d.rounding_increment != 1) {
      // roundingIncrement n with maximumFractionDigits m: steps of n × 10^-m.
      return f.precision(Precision::incrementExact(d.rounding_increment, int16_t(-mxfd))
                             .withMinFraction(mnfd)
                             .trailingZeroDisplay(zeros));
    }
    return f.precision(Precision::minMaxFraction(mnfd, mxfd).trailingZeroDisplay(zeros));
  }
  // morePrecision / lessPrecision: the fraction digits and the significant digits, relaxed or strict.
  UNumberRoundingPriority priority =
      d.rounding_type == "morePrecision" ? UNUM_ROUNDING_PRIORITY_RELAXED : UNUM_ROUNDING_PRIORITY_STRICT;
  return f.precision(Precision::minMaxFraction(mnfd, mxfd).withSignificantDigits(mnsd, mxsd, priority).trailingZeroDisplay(zeros));
}

void add_resolved_digits(Vm& vm, Object* o, const DigitOptions& d) {
  add_resolved(vm, o, "minimumIntegerDigits", Value::int32(d.minimum_integer_digits));
  if (d.minimum_fraction_digits) add_resolved(vm, o, "minimumFractionDigits", Value::int32(*d.minimum_fraction_digits));
  if (d.maximum_fraction_digits) add_resolved(vm, o, "maximumFractionDigits", Value::int32(*d.maximum_fraction_digits));
  if (d.minimum_significant_digits)
    add_resolved(vm, o, "minimumSignificantDigits", Value::int32(*d.minimum_significant_digits));
  if (d.maximum_significant_digits)
    add_resolved(vm, o, "maximumSignificantDigits", Value::int32(*d.maximum_significant_digits));
}

void add_resolved_rounding(Vm& vm, Object* o, const DigitOptions& d) {
  add_resolved(vm, o, "roundingIncrement", Value::int32(d.rounding_increment));
  add_resolved(vm, o, "roundingMode", d.rounding_mode);
  add_resolved(vm, o, "roundingPriority", d.computed_rounding_priority);
  add_resolved(vm, o, "trailingZeroDisplay", d.trailing_zero_display);
}

MathematicalValue to_intl_mathematical_value(Vm& vm, Value value) {
  MathematicalValue out;
  // 1. Let primValue be ? ToPrimitive(value, number).
  RootedValue prim(vm.heap(), to_primitive(vm, value, Hint::Number));
  // 2. A BigInt is exact.
  if (prim.get().is_bigint()) {
    out.decimal = as_bigint(prim)->to_string();
    out.number = as_bigint(prim)->to_double();
    return out;
  }
  if (!prim.get().is_string()) {
    // 3. A Number: its shortest decimal text (-0 kept).
    double x = to_number(vm, prim);
    out.number = x;
    if (x != x) {
      out.nan = true;
      out.decimal = "NaN";
    } else if (std::isinf(x)) {
      out.decimal = x > 0 ? "Infinity" : "-Infinity";
    } else if (x == 0) {
      out.decimal = std::signbit(x) ? "-0" : "0";
    } else {
      out.decimal = number_to_js_string(x);
    }
    return out;
  }
  // 4-9. A String: a StringNumericLiteral, kept exact; anything else is NaN.
  std::string text = as_string(prim)->to_utf8();
  double x = to_number(vm, prim);
  out.number = x;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; };
  size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
  std::string trimmed = text.substr(b, e - b);
  if (x != x) {
    out.nan = true;
    out.decimal = "NaN";
  } else if (trimmed.empty()) {
    out.decimal = "0";
  } else if (trimmed.size() > 2 && trimmed[0] == '0' && std::isalpha(uint8_t(trimmed[1]))) {
    // 0x / 0o / 0b: an integer, exact through BigInt's parser.
    if (std::optional<bigint::Int> n = bigint::parse_string(std::u16string(trimmed.begin(), trimmed.end())))
      out.decimal = bigint::to_string(*n, 10);
    else
      out.decimal = number_to_js_string(x);
  } else if (trimmed == "Infinity" || trimmed == "+Infinity" || trimmed == "-Infinity") {
    out.decimal = trimmed[0] == '-' ? "-Infinity" : "Infinity";
  } else {
    out.decimal = trimmed[0] == '+' ? trimmed.substr(1) : trimmed;
    if (out.decimal.empty() || out.decimal[0] == '.') out.decimal = "0" + out.decimal;
    if (out.decimal.size() > 1 && out.decimal[0] == '-' && out.decimal[1] == '.') out.decimal.insert(1, "0");
  }
  return out;
}

}  // namespace glass::intl
