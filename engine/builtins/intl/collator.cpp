// Intl.Collator (ECMA-402 §10) on icu::Collator, and String.prototype's
// localeCompare / toLocaleUpperCase / toLocaleLowerCase (ECMA-402 §19.1).
#include <memory>
#include <unicode/coll.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

class CollatorObject final : public Object {
 public:
  std::string locale, usage, sensitivity, collation, case_first;
  bool numeric = false, ignore_punctuation = false;
  std::unique_ptr<icu::Collator> icu;
  Value bound_compare;  // [[BoundCompare]]

  explicit CollatorObject(Shape* shape) : Object(shape), bound_compare(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, bound_compare);
  }
  const char* cell_name() const override { return "Intl.Collator"; }
};

std::vector<std::string> collation_values(const std::string& locale) { return collations(locale); }
std::vector<std::string> case_first_values(const std::string&) { return {"false", "lower", "upper"}; }
std::vector<std::string> numeric_values(const std::string&) { return {"false", "true"}; }

// §10.1.2 InitializeCollator ( collator, locales, options )
void initialize_collator(Vm& vm, CollatorObject* c, Value locales, Value options_value) {
  gc::Rooted<CollatorObject> collator(vm.heap(), c);
  // 1. Let requestedLocales be ? CanonicalizeLocaleList(locales).
  std::vector<std::string> requested = canonicalize_locale_list(vm, locales);
  // 2. Set options to ? CoerceOptionsToObject(options).
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, options_value));
  // 3-4. usage.
  collator->usage = *get_string_option(vm, options, "usage", {"sort", "search"}, "sort");
  // 8-9. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 10-12. collation: a well-formed Unicode type, else a RangeError.
  std::optional<std::string> collation = get_string_option(vm, options, "collation", {});
  if (collation && !is_well_formed_unicode_type(*collation)) vm.throw_error(ErrorType::RangeError, "Invalid collation : " + *collation);
  // 13-15. numeric, as "true"/"false".
  std::optional<bool> numeric = get_boolean_option(vm, options, "numeric");
  std::optional<std::string> kn;
  if (numeric) kn = *numeric ? "true" : "false";
  // 16-17. caseFirst.
  std::optional<std::string> case_first = get_string_option(vm, options, "caseFirst", {"upper", "lower", "false"});
  // 18-19. Let r be ResolveLocale(..., « "co", "kf", "kn" », ...).
  ResolvedLocale r = resolve_locale(requested, {{"co", collation_values}, {"kf", case_first_values}, {"kn", numeric_values}},
                                    {collation, case_first, kn});
  // 20-23. The locale, collation ("default" for null), numeric and caseFirst.
  collator->locale = r.locale;
  collator->collation = r.value("co").empty() ? "default" : r.value("co");
  collator->numeric = r.value("kn") == "true";
  collator->case_first = r.value("kf");
  // 25-26. sensitivity: "variant" unless given.
  collator->sensitivity = *get_string_option(vm, options, "sensitivity", {"base", "accent", "case", "variant"}, "variant");
  // 27-29. ignorePunctuation (Thai ignores it by default).
  std::optional<bool> ignore = get_boolean_option(vm, options, "ignorePunctuation");
  collator->ignore_punctuation = ignore ? *ignore : r.data_locale.rfind("th", 0) == 0;
  // The ICU collator for these settings.
  std::string icu_tag = r.data_locale;
  std::string co = collator->usage == "search" ? "search" : r.value("co");
  if (!co.empty()) icu_tag += "-u-co-" + co;
  UErrorCode status = U_ZERO_ERROR;
  collator->icu.reset(icu::Collator::createInstance(icu_locale(icu_tag), status));
  if (U_FAILURE(status) || !collator->icu) {
    status = U_ZERO_ERROR;
    collator->icu.reset(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  }
  icu::Collator& ic = *collator->icu;
  ic.setAttribute(UCOL_NUMERIC_COLLATION, collator->numeric ? UCOL_ON : UCOL_OFF, status);
  const std::string& kf = collator->case_first;
  ic.setAttribute(UCOL_CASE_FIRST, kf == "upper" ? UCOL_UPPER_FIRST : kf == "lower" ? UCOL_LOWER_FIRST : UCOL_OFF, status);
  const std::string& s = collator->sensitivity;
  ic.setAttribute(UCOL_STRENGTH, s == "base" || s == "case" ? UCOL_PRIMARY : s == "accent" ? UCOL_SECONDARY : UCOL_TERTIARY, status);
  ic.setAttribute(UCOL_CASE_LEVEL, s == "case" ? UCOL_ON : UCOL_OFF, status);
  ic.setAttribute(UCOL_ALTERNATE_HANDLING, collator->ignore_punctuation ? UCOL_SHIFTED : UCOL_NON_IGNORABLE, status);
}

CollatorObject* create_collator(Vm& vm, Value new_target, Value locales, Value options) {
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlCollatorPrototype);
  gc::Rooted<CollatorObject> c(vm.heap(), vm.heap().allocate<CollatorObject>(vm.root_shape_for(proto)));
  initialize_collator(vm, c, locales, options);
  return c;
}

// §10.1.1 Intl.Collator ( [ locales [ , options ] ] )
Value collator_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, let newTarget be the active function object, else NewTarget.
  Value nt = new_target.is_undefined() ? object_value(vm.current_native()) : new_target;
  // 3-5. OrdinaryCreateFromConstructor, then InitializeCollator.
  return object_value(create_collator(vm, nt, arg(args, 0), arg(args, 1)));
}

// §10.3.3.1 CompareStrings ( collator, x, y )
int compare_strings(Vm& vm, CollatorObject* collator, Value x, Value y) {
  gc::Rooted<CollatorObject> c(vm.heap(), collator);
  RootedValue keep_y(vm.heap(), y);
  icu::UnicodeString a = to_icu(vm, x), b = to_icu(vm, keep_y);
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = c->icu->compare(a, b, status);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

// §10.3.3.1 Collator Compare Functions: the bound compare(x, y).
Value collator_compare_function(Vm& vm, Value, std::span<const Value> args, Value) {
  auto* collator = static_cast<CollatorObject*>(as_object(vm.current_native()->native_data));
  gc::Rooted<CollatorObject> c(vm.heap(), collator);
  // 4-6. Let X be ? ToString(x), Y be ? ToString(y); return CompareStrings(collator, X, Y).
  RootedValue x(vm.heap(), string_value(to_string(vm, arg(args, 0))));
  RootedValue y(vm.heap(), string_value(to_string(vm, arg(args, 1))));
  return Value::int32(compare_strings(vm, c, x, y));
}

// §10.3.3 get Intl.Collator.prototype.compare
Value collator_compare_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<CollatorObject> c(vm.heap(), this_intl<CollatorObject>(vm, self, "get Intl.Collator.prototype.compare"));
  // 4. If collator.[[BoundCompare]] is undefined, make the function (length 2, name "").
  if (c->bound_compare.is_undefined()) {
    FunctionObject* f = vm.new_native("", collator_compare_function, 2);
    f->native_data = object_value(c);
    c->bound_compare = object_value(f);
  }
  return c->bound_compare;
}

// §10.3.4 Intl.Collator.prototype.resolvedOptions ( )
Value collator_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<CollatorObject> c(vm.heap(), this_intl<CollatorObject>(vm, self, "Intl.Collator.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", c->locale);
  add_resolved(vm, o, "usage", c->usage);
  add_resolved(vm, o, "sensitivity", c->sensitivity);
  add_resolved(vm, o, "ignorePunctuation", Value::boolean(c->ignore_punctuation));
  add_resolved(vm, o, "collation", c->collation);
  add_resolved(vm, o, "numeric", Value::boolean(c->numeric));
  add_resolved(vm, o, "caseFirst", c->case_first);
  return object_value(o);
}

// §10.2.2 Intl.Collator.supportedLocalesOf ( locales [ , options ] )
Value collator_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

Value locale_compare(Vm& vm, Value s, Value that, Value locales, Value options) {
  RootedValue keep_s(vm.heap(), s), keep_that(vm.heap(), that);
  if (locales.is_undefined() && options.is_undefined()) {
    // The common case, sorting with the default locale: one ICU collator per thread, as
    // Construct(%Intl.Collator%) would make it.
    thread_local std::unique_ptr<icu::Collator> cached;
    if (!cached) {
      UErrorCode status = U_ZERO_ERROR;
      cached.reset(icu::Collator::createInstance(icu_locale(default_locale()), status));
      if (U_FAILURE(status)) cached.reset();
    }
    if (cached) {
      icu::UnicodeString a = to_icu(vm, keep_s), b = to_icu(vm, keep_that);
      UErrorCode status = U_ZERO_ERROR;
      UCollationResult r = cached->compare(a, b, status);
      return Value::int32(r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0);
    }
  }
  // §19.1.1 String.prototype.localeCompare: 4. Let collator be ? Construct(%Intl.Collator%, « locales, options »).
  gc::Rooted<CollatorObject> collator(vm.heap(), create_collator(vm, Value::undefined(), locales, options));
  // 5. Return CompareStrings(collator, S, thatValue).
  return Value::int32(compare_strings(vm, collator, keep_s, keep_that));
}

// §19.1.2.1 TransformCase ( S, locales, targetCase )
Value to_locale_case(Vm& vm, Value s, Value locales, bool upper) {
  RootedValue keep(vm.heap(), s);
  // 1-3. The first requested locale (or the default), without extensions.
  std::vector<std::string> requested = canonicalize_locale_list(vm, locales);
  std::string locale = remove_unicode_extensions(requested.empty() ? default_locale() : requested[0]);
  // 4-5. Its language decides the mapping (ICU knows which have special rules: tr, az, lt, el, ...).
  std::string language = locale.substr(0, locale.find('-'));
  icu::UnicodeString text = to_icu(vm, keep);
  icu::Locale icu(language.c_str());
  if (upper) text.toUpper(icu);
  else text.toLower(icu);
  // 6-9. Return CodePointsToString(...).
  return from_icu(vm, text);
}

void install_collator(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlCollatorPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlCollatorPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Collator", collator_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", collator_supported_locales_of, 1);
  define_getter(vm, proto, "compare", collator_compare_getter);
  vm.define_native(proto, "resolvedOptions", collator_resolved_options, 0);
  define_tag(vm, proto, "Intl.Collator");
  vm.define_value(intl, "Collator", object_value(ctor));
}

}  // namespace glass::intl
