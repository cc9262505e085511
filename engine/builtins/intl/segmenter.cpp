// Intl.Segmenter (ECMA-402 §18): graphemes, words and sentences from ICU's
// BreakIterator; Segments objects (§18.5) and their iterators (§18.6).
#include <memory>
#include <unicode/brkiter.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

class SegmenterObject final : public Object {
 public:
  std::string locale, granularity;
  explicit SegmenterObject(Shape* shape) : Object(shape) {}
  const char* cell_name() const override { return "Intl.Segmenter"; }
};

// What Segments objects and their iterators share: the segmenter, the
// string (as JS value and as ICU text) and a break iterator over it.
class SegmentsObject final : public Object {
 public:
  Value segmenter, string;            // [[SegmentsSegmenter]], [[SegmentsString]]
  icu::UnicodeString text;
  std::unique_ptr<icu::BreakIterator> breaks;
  bool word = false;                  // word granularity: isWordLike is reported
  int32_t position = 0;               // iterators: [[IteratedStringNextSegmentCodeUnitIndex]]

  SegmentsObject(Shape* shape, ObjectClass cls) : Object(shape, cls), segmenter(Value::undefined()), string(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, segmenter);
    trace_value(tracer, string);
  }
  const char* cell_name() const override { return "Segments"; }
};

// §18.1.1 Intl.Segmenter ( [ locales [ , options ] ] )
Value segmenter_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, throw a TypeError exception.
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Intl.Segmenter requires 'new'");
  // 3. OrdinaryCreateFromConstructor(NewTarget, "%Intl.Segmenter.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlSegmenterPrototype);
  gc::Rooted<SegmenterObject> seg(vm.heap(), vm.heap().allocate<SegmenterObject>(vm.root_shape_for(proto)));
  // 4-5. requestedLocales; options = ? GetOptionsObject(options).
  std::vector<std::string> requested = canonicalize_locale_list(vm, arg(args, 0));
  gc::Rooted<Object> options(vm.heap(), get_options_object(vm, arg(args, 1)));
  // 6-8. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 9-10. Let r be ResolveLocale(..., « », ...); the locale.
  seg->locale = resolve_locale(requested, {}, {}).locale;
  // 11-12. granularity.
  seg->granularity = *get_string_option(vm, options, "granularity", {"grapheme", "word", "sentence"}, "grapheme");
  return object_value(seg);
}

std::unique_ptr<icu::BreakIterator> make_break_iterator(const SegmenterObject* seg) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu_locale(remove_unicode_extensions(seg->locale));
  std::unique_ptr<icu::BreakIterator> it(
      seg->granularity == "word" ? icu::BreakIterator::createWordInstance(locale, status)
      : seg->granularity == "sentence" ? icu::BreakIterator::createSentenceInstance(locale, status)
                                       : icu::BreakIterator::createCharacterInstance(locale, status));
  return U_SUCCESS(status) ? std::move(it) : nullptr;
}

// §18.3.3 Intl.Segmenter.prototype.segment ( string )
Value segmenter_segment(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<SegmenterObject> seg(vm.heap(), this_intl<SegmenterObject>(vm, self, "Intl.Segmenter.prototype.segment"));
  // 3. Let string be ? ToString(string).
  RootedValue string(vm.heap(), string_value(to_string(vm, arg(args, 0))));
  // 4. Return CreateSegmentsObject(segmenter, string).
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::IntlSegmentsPrototype]);
  gc::Rooted<SegmentsObject> segments(vm.heap(), vm.heap().allocate<SegmentsObject>(shape, ObjectClass::Ordinary));
  segments->segmenter = object_value(seg);
  segments->string = string;
  segments->text = to_icu(vm, string);
  segments->breaks = make_break_iterator(seg);
  if (!segments->breaks) vm.throw_error(ErrorType::RangeError, "No segmentation data for this locale");
  segments->breaks->setText(segments->text);
  segments->word = seg->granularity == "word";
  return object_value(segments);
}

// §18.7.1 CreateSegmentDataObject ( segmenter, string, startIndex, endIndex )
Value create_segment_data_object(Vm& vm, SegmentsObject* segments, int32_t start, int32_t end, int32_t rule_status) {
  gc::Rooted<SegmentsObject> s(vm.heap(), segments);
  gc::Rooted<Object> result(vm.heap(), vm.new_object());
  // 6-9. segment, index, input.
  add_resolved(vm, result, "segment", from_icu(vm, icu::UnicodeString(s->text, start, end - start)));
  add_resolved(vm, result, "index", Value::int32(start));
  add_resolved(vm, result, "input", s->string);
  // 10-11. isWordLike, for word granularity: letters, numbers, kana, ideographs.
  if (s->word) add_resolved(vm, result, "isWordLike", Value::boolean(rule_status >= UBRK_WORD_NONE_LIMIT));
  return object_value(result);
}

SegmentsObject* this_segments(Vm& vm, Value self, ObjectClass cls, const char* method) {
  auto* s = self.is_object() ? dynamic_cast<SegmentsObject*>(as_object(self)) : nullptr;
  if (!s || s->object_class() != cls) vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver");
  return s;
}

// §18.5.2.1 %IntlSegmentsPrototype%.containing ( index )
Value segments_containing(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<SegmentsObject> s(vm.heap(), this_segments(vm, self, ObjectClass::Ordinary, "%Segments.prototype%.containing"));
  // 4-6. Let n be ? ToIntegerOrInfinity(index); out of the string: undefined.
  double n = to_integer_or_infinity(vm, arg(args, 0));
  if (n < 0 || n >= s->text.length()) return Value::undefined();
  // 7-8. The segment's boundaries: FindBoundary before and after n.
  int32_t i = int32_t(n);
  int32_t start = s->breaks->isBoundary(i) ? i : s->breaks->preceding(i);
  int32_t end = s->breaks->following(i);
  int32_t status = s->breaks->getRuleStatus();
  // 9. Return CreateSegmentDataObject(segmenter, string, startIndex, endIndex).
  return create_segment_data_object(vm, s, start, end, status);
}

// §18.5.2.2 %IntlSegmentsPrototype% [ %Symbol.iterator% ] ( ): CreateSegmentIterator.
Value segments_iterator(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<SegmentsObject> s(vm.heap(), this_segments(vm, self, ObjectClass::Ordinary, "%Segments.prototype%[@@iterator]"));
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::IntlSegmentIteratorPrototype]);
  SegmentsObject* it = vm.heap().allocate<SegmentsObject>(shape, ObjectClass::Iterator);
  it->segmenter = s->segmenter;
  it->string = s->string;
  it->text = s->text;
  it->breaks.reset(s->breaks->clone());
  it->breaks->setText(it->text);
  it->word = s->word;
  return object_value(it);
}

// §18.6.2.1 %IntlSegmentIteratorPrototype%.next ( )
Value segment_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<SegmentsObject> it(vm.heap(), this_segments(vm, self, ObjectClass::Iterator, "%SegmentIterator.prototype%.next"));
  // 5-6. At the end: { value: undefined, done: true }.
  int32_t start = it->position;
  if (start >= it->text.length()) return object_value(create_iter_result(vm, Value::undefined(), true));
  // 7-9. The next boundary; the segment from the current position to it.
  int32_t end = it->breaks->following(start);
  int32_t status = it->breaks->getRuleStatus();
  it->position = end;
  RootedValue data(vm.heap(), create_segment_data_object(vm, it, start, end, status));
  return object_value(create_iter_result(vm, data, false));
}

// §18.3.4 Intl.Segmenter.prototype.resolvedOptions ( )
Value segmenter_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<SegmenterObject> seg(vm.heap(), this_intl<SegmenterObject>(vm, self, "Intl.Segmenter.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", seg->locale);
  add_resolved(vm, o, "granularity", seg->granularity);
  return object_value(o);
}

Value segmenter_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

void install_segmenter(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  Intrinsics& in = vm.intrinsics();
  in[IntrinsicObject::IntlSegmenterPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::IntlSegmenterPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Segmenter", segmenter_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", segmenter_supported_locales_of, 1);
  vm.define_native(proto, "resolvedOptions", segmenter_resolved_options, 0);
  vm.define_native(proto, "segment", segmenter_segment, 1);
  define_tag(vm, proto, "Intl.Segmenter");
  vm.define_value(intl, "Segmenter", object_value(ctor));
  // %IntlSegmentsPrototype% (§18.5.2)
  in[IntrinsicObject::IntlSegmentsPrototype] = vm.new_object();
  gc::Rooted<Object> segments(vm.heap(), in[IntrinsicObject::IntlSegmentsPrototype]);
  vm.define_native(segments, "containing", segments_containing, 1);
  gc::Rooted<FunctionObject> iterator(vm.heap(), vm.new_native("[Symbol.iterator]", segments_iterator, 0));
  vm.define_value(segments, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(iterator));
  // %IntlSegmentIteratorPrototype% (§18.6.2)
  in[IntrinsicObject::IntlSegmentIteratorPrototype] = vm.new_object_with_proto(in[IntrinsicObject::IteratorPrototype]);
  gc::Rooted<Object> iterator_proto(vm.heap(), in[IntrinsicObject::IntlSegmentIteratorPrototype]);
  vm.define_native(iterator_proto, "next", segment_iterator_next, 0);
  define_tag(vm, iterator_proto, "Segmenter String Iterator");
}

}  // namespace glass::intl
