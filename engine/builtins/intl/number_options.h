// The digit options Intl.NumberFormat and Intl.PluralRules share (ECMA-402
// §15.1.3 SetNumberFormatDigitOptions), and how they become ICU settings.
#pragma once
#include <optional>
#include <string>
#include <unicode/numberformatter.h>

#include "builtins/intl/intl_support.h"

namespace glass::intl {

struct DigitOptions {
  int minimum_integer_digits = 1;
  std::optional<int> minimum_fraction_digits, maximum_fraction_digits;
  std::optional<int> minimum_significant_digits, maximum_significant_digits;
  std::string rounding_type = "fractionDigits";  // fractionDigits, significantDigits, morePrecision, lessPrecision
  std::string computed_rounding_priority = "auto";
  int rounding_increment = 1;
  std::string rounding_mode = "halfExpand";
  std::string trailing_zero_display = "auto";
};

// §15.1.3 SetNumberFormatDigitOptions ( intlObj, options, mnfdDefault, mxfdDefault, notation )
DigitOptions set_number_format_digit_options(Vm& vm, Object* options, int mnfd_default, int mxfd_default,
                                             const std::string& notation);

// The ICU formatter with these digit options (precision, rounding, integer width).
icu::number::UnlocalizedNumberFormatter apply_digit_options(icu::number::UnlocalizedNumberFormatter f,
                                                             const DigitOptions& d);

// resolvedOptions' digit properties, in the order of ECMA-402's tables:
// minimumIntegerDigits ... maximumSignificantDigits.
void add_resolved_digits(Vm& vm, Object* o, const DigitOptions& d);
// ... and roundingIncrement, roundingMode, roundingPriority, trailingZeroDisplay.
void add_resolved_rounding(Vm& vm, Object* o, const DigitOptions& d);

// §15.5.x ToIntlMathematicalValue ( value ): a Number, BigInt or numeric
// string, as the decimal text ICU formats exactly ("NaN", "Infinity", "-0"
// included), and whether it is NaN.
struct MathematicalValue {
  std::string decimal;  // for formatDecimal
  double number = 0;    // the nearest double (for plural rules)
  bool nan = false;
};
MathematicalValue to_intl_mathematical_value(Vm& vm, Value value);

}  // namespace glass::intl
