// ECMA-402, the Internationalization API, on ICU. One file per constructor
// under intl/ (collator.cpp, number_format.cpp, ...), the locale and option
// negotiation they share in intl_support.h, and the Intl object in intl.cpp.
//
// The locale-sensitive methods of ECMA-262 (localeCompare, toLocaleString,
// toLocaleUpperCase, ...) call the entry points below, which do what
// ECMA-402 says they do: make the Intl object and use it.
#pragma once
#include "builtins/builtins.h"

namespace glass {

void install_intl(Vm& vm);  // the Intl object and its constructors

namespace intl {

void install_collator(Vm& vm, Object* intl);
void install_number_format(Vm& vm, Object* intl);
void install_plural_rules(Vm& vm, Object* intl);
void install_date_time_format(Vm& vm, Object* intl);
void install_relative_time_format(Vm& vm, Object* intl);
void install_list_format(Vm& vm, Object* intl);
void install_display_names(Vm& vm, Object* intl);
void install_segmenter(Vm& vm, Object* intl);
void install_locale(Vm& vm, Object* intl);

// The units NumberFormat accepts (ECMA-402 Table "Simple units"), sorted.
extern const char* const kSanctionedUnits[];
extern const size_t kSanctionedUnitCount;

// ---- what ECMA-262's locale-sensitive methods call ----
// String.prototype.localeCompare (§19.1.1): Intl.Collator(locales, options).compare(s, that).
Value locale_compare(Vm& vm, Value s, Value that, Value locales, Value options);
// String.prototype.toLocaleUpperCase / toLocaleLowerCase (§19.1.2): TransformCase.
Value to_locale_case(Vm& vm, Value s, Value locales, bool upper);
// Number/BigInt.prototype.toLocaleString (§16.2.1, §16.5.1): Intl.NumberFormat(locales, options).format(x).
Value number_to_locale_string(Vm& vm, Value x, Value locales, Value options);
// Date.prototype.toLocaleString / DateString / TimeString (§18.4.1-3):
// ToDateTimeOptions with `required` / `defaults` of "any"/"date"/"time" and "all"/"date"/"time".
Value date_to_locale_string(Vm& vm, double t, Value locales, Value options, const char* required,
                            const char* defaults);

}  // namespace intl

}  // namespace glass
