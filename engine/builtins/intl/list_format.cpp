// Intl.ListFormat (ECMA-402 §13) on icu::ListFormatter.
#include <memory>
#include <unicode/listformatter.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

class ListFormatObject final : public Object {
 public:
  std::string locale, type, style;
  std::unique_ptr<icu::ListFormatter> icu;

  explicit ListFormatObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.ListFormat"; }
};

// §13.1.1 Intl.ListFormat ( [ locales [ , options ] ] )
Value list_format_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.ListFormat requires 'new'");
  // 2. OrdinaryCreateFromConstructor(NewTarget, "%Intl.ListFormat.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlListFormatPrototype);
  gc::Rooted<ListFormatObject> lf(vm.heap(), vm.heap().allocate<ListFormatObject>(vm.root_shape_for(proto)));
  // 3-4. requestedLocales; options = ? GetOptionsObject(options).
  std::vector<std::string> requested = canonicalize_locale_list(vm, arg(args, 0));
  gc::Rooted<Object> options(vm.heap(), get_options_object(vm, arg(args, 1)));
  // 5-7. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 8-10. Let r be ResolveLocale(..., « », ...).
  ResolvedLocale r = resolve_locale(requested, {}, {});
  lf->locale = r.locale;
  // 11-14. type and style.
  lf->type = *get_string_option(vm, options, "type", {"conjunction", "disjunction", "unit"}, "conjunction");
  lf->style = *get_string_option(vm, options, "style", {"long", "short", "narrow"}, "long");
  UErrorCode status = U_ZERO_ERROR;
  UListFormatterType type = lf->type == "disjunction" ? ULISTFMT_TYPE_OR : lf->type == "unit" ? ULISTFMT_TYPE_UNITS : ULISTFMT_TYPE_AND;
  UListFormatterWidth width = lf->style == "short" ? ULISTFMT_WIDTH_SHORT : lf->style == "narrow" ? ULISTFMT_WIDTH_NARROW : ULISTFMT_WIDTH_WIDE;
  lf->icu.reset(icu::ListFormatter::createInstance(icu_locale(r.data_locale), type, width, status));
  if (U_FAILURE(status) || !lf->icu) vm.throw_error(ErrorType::RangeError, "No list format data for this locale");
  return object_value(lf);
}

// §13.5.x StringListFromIterable ( iterable ): every value must be a String.
std::vector<icu::UnicodeString> string_list_from_iterable(Vm& vm, Value iterable) {
  std::vector<icu::UnicodeString> list;
  // 1. If iterable is undefined, return a new empty List.
  if (iterable.is_undefined()) return list;
  // 2. Let iteratorRecord be ? GetIterator(iterable, sync).
  IteratorRecord it = get_iterator(vm, iterable);
  RootedValue iterator(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  // 3-5. Each value a String, else close the iterator with a TypeError.
  while (std::optional<Value> v = iterator_step(vm, it)) {
    if (!v->is_string()) {
      try {
        vm.throw_error(ErrorType::TypeError, "Iterable yielded " + to_utf8(vm, typeof_value(vm, *v)) + " which is not a string");
      } catch (const Thrown&) {
        iterator_close_and_rethrow(vm, iterator);
      }
    }
    list.push_back(to_icu(vm, *v));
  }
  return list;
}

icu::FormattedList format_list(Vm& vm, ListFormatObject* lf, const std::vector<icu::UnicodeString>& list) {
  UErrorCode status = U_ZERO_ERROR;
  icu::FormattedList formatted = lf->icu->formatStringsToValue(list.data(), int32_t(list.size()), status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "List formatting failed");
  return formatted;
}

// §13.3.3 Intl.ListFormat.prototype.format ( list )
Value list_format_format(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<ListFormatObject> lf(vm.heap(), this_intl<ListFormatObject>(vm, self, "Intl.ListFormat.prototype.format"));
  // 3-4. Let stringList be ? StringListFromIterable(list); return FormatList(lf, stringList).
  std::vector<icu::UnicodeString> list = string_list_from_iterable(vm, arg(args, 0));
  UErrorCode status = U_ZERO_ERROR;
  return from_icu(vm, format_list(vm, lf, list).toString(status));
}

// §13.3.4 Intl.ListFormat.prototype.formatToParts ( list )
Value list_format_format_to_parts(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<ListFormatObject> lf(vm.heap(), this_intl<ListFormatObject>(vm, self, "Intl.ListFormat.prototype.formatToParts"));
  std::vector<icu::UnicodeString> list = string_list_from_iterable(vm, arg(args, 0));
  icu::FormattedList formatted = format_list(vm, lf, list);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = formatted.toString(status);
  // FormatListToParts: the elements, and the literals between them.
  icu::ConstrainedFieldPosition cfp;
  cfp.constrainField(UFIELD_CATEGORY_LIST, ULISTFMT_ELEMENT_FIELD);
  std::vector<std::pair<int32_t, int32_t>> spans;
  while (formatted.nextPosition(cfp, status) && U_SUCCESS(status)) spans.push_back({cfp.getStart(), cfp.getLimit()});
  ValueVector parts(vm.heap());
  auto push = [&](const char* type, int32_t start, int32_t end) {
    if (start >= end) return;
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", type);
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, end - start)));
    parts.values.push_back(object_value(part));
  };
  int32_t at = 0;
  for (auto [start, end] : spans) {
    push("literal", at, start);
    // (An empty element is still an element.)
    if (start == end) {
      gc::Rooted<Object> part(vm.heap(), vm.new_object());
      add_resolved(vm, part, "type", "element");
      add_resolved(vm, part, "value", from_ascii(vm, ""));
      parts.values.push_back(object_value(part));
    }
    push("element", start, end);
    at = end;
  }
  push("literal", at, s.length());
  return object_value(vm.new_array_from(parts.values));
}

// §13.3.5 Intl.ListFormat.prototype.resolvedOptions ( )
Value list_format_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<ListFormatObject> lf(vm.heap(), this_intl<ListFormatObject>(vm, self, "Intl.ListFormat.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", lf->locale);
  add_resolved(vm, o, "type", lf->type);
  add_resolved(vm, o, "style", lf->style);
  return object_value(o);
}

Value list_format_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

void install_list_format(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlListFormatPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlListFormatPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "ListFormat", list_format_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", list_format_supported_locales_of, 1);
  vm.define_native(proto, "format", list_format_format, 1);
  vm.define_native(proto, "formatToParts", list_format_format_to_parts, 1);
  vm.define_native(proto, "resolvedOptions", list_format_resolved_options, 0);
  define_tag(vm, proto, "Intl.ListFormat");
  vm.define_value(intl, "ListFormat", object_value(ctor));
}

}  // namespace glass::intl
