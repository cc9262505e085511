// The Intl object (ECMA-402 §8): getCanonicalLocales, supportedValuesOf, and
// the constructors, each in its own file under intl/.
#include <algorithm>
#include <set>
#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/measunit.h>
#include <unicode/timezone.h>
#include <unicode/ucurr.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass {

namespace intl {

namespace {

// §8.3.1 Intl.getCanonicalLocales ( locales )
Value intl_get_canonical_locales(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let ll be ? CanonicalizeLocaleList(locales).
  std::vector<std::string> list = canonicalize_locale_list(vm, arg(args, 0));
  // 2. Return CreateArrayFromList(ll).
  ValueVector out(vm.heap());
  for (const std::string& tag : list) out.values.push_back(from_ascii(vm, tag));
  return object_value(vm.new_array_from(out.values));
}

// The values of a supportedValuesOf key, sorted and without duplicates.
std::vector<std::string> supported_values(const std::string& key) {
  std::set<std::string> values;
  UErrorCode status = U_ZERO_ERROR;
  if (key == "calendar") {
    for (const std::string& c : calendars("und")) values.insert(c);
  } else if (key == "collation") {
    for (const std::string& c : collations("und")) {
      if (!c.empty()) values.insert(c);
    }
    for (const char* lang : {"de", "es", "zh", "ja", "ko", "sv", "ln", "si", "bn", "ar", "hi"})
      for (const std::string& c : collations(lang))
        if (!c.empty()) values.insert(c);
  } else if (key == "currency") {
    UEnumeration* e = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
    while (const char* c = uenum_next(e, nullptr, &status)) values.insert(c);
    uenum_close(e);
  } else if (key == "numberingSystem") {
    for (const std::string& n : numbering_systems("und")) values.insert(n);
  } else if (key == "timeZone") {
    std::unique_ptr<icu::StringEnumeration> zones(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    while (const icu::UnicodeString* z = zones ? zones->snext(status) : nullptr) {
      std::string id;
      z->toUTF8String(id);
      values.insert(id);
    }
    values.insert("UTC");
  } else if (key == "unit") {
    for (size_t i = 0; i < kSanctionedUnitCount; ++i) values.insert(kSanctionedUnits[i]);
  }
  return {values.begin(), values.end()};
}

// §8.3.2 Intl.supportedValuesOf ( key )
Value intl_supported_values_of(Vm& vm, Value, std::span<const Value> args, Value) {
  // 1. Let key be ? ToString(key).
  std::string key = to_string(vm, arg(args, 0))->to_utf8();
  // 2-8. One of the known keys, else a RangeError.
  static const char* const kKeys[] = {"calendar", "collation", "currency", "numberingSystem", "timeZone", "unit"};
  if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys))
    vm.throw_error(ErrorType::RangeError, "Invalid key : " + key);
  // 9. Return CreateArrayFromList( list ).
  ValueVector out(vm.heap());
  for (const std::string& v : supported_values(key)) out.values.push_back(from_ascii(vm, v));
  return object_value(vm.new_array_from(out.values));
}

}  // namespace

const char* const kSanctionedUnits[] = {
    "acre",       "bit",        "byte",        "celsius",     "centimeter", "day",        "degree",
    "fahrenheit", "fluid-ounce", "foot",       "gallon",      "gigabit",    "gigabyte",   "gram",
    "hectare",    "hour",       "inch",        "kilobit",     "kilobyte",   "kilogram",   "kilometer",
    "liter",      "megabit",    "megabyte",    "meter",       "microsecond", "mile",      "mile-scandinavian",
    "milliliter", "millimeter", "millisecond", "minute",      "month",      "nanosecond", "ounce",
    "percent",    "petabyte",   "pound",       "second",      "stone",      "terabit",    "terabyte",
    "week",       "yard",       "year",
};
const size_t kSanctionedUnitCount = std::size(kSanctionedUnits);

}  // namespace intl

void install_intl(Vm& vm) {
  gc::Rooted<Object> intl_object(vm.heap(), vm.new_object());
  vm.define_native(intl_object, "getCanonicalLocales", intl::intl_get_canonical_locales, 1);
  vm.define_native(intl_object, "supportedValuesOf", intl::intl_supported_values_of, 1);
  define_tag(vm, intl_object, "Intl");
  intl::install_collator(vm, intl_object);
  intl::install_number_format(vm, intl_object);
  intl::install_plural_rules(vm, intl_object);
  intl::install_date_time_format(vm, intl_object);
  intl::install_relative_time_format(vm, intl_object);
  intl::install_list_format(vm, intl_object);
  intl::install_display_names(vm, intl_object);
  intl::install_segmenter(vm, intl_object);
  intl::install_locale(vm, intl_object);
  define_global(vm, "Intl", object_value(intl_object));
}

}  // namespace glass
