// Intl.DateTimeFormat (ECMA-402 §11) on ICU: the options become an ICU
// skeleton (or a date/time style), DateTimePatternGenerator picks the
// locale's pattern for it, and SimpleDateFormat formats with the resolved
// calendar, numbering system and time zone. Also Date.prototype's
// toLocaleString, toLocaleDateString and toLocaleTimeString (ECMA-402 §20.4).
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/fpositer.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "builtins/intl/intl.h"
#include "builtins/intl/intl_support.h"

namespace glass::intl {

namespace {

// Table 16: the format components, in order, with the values each takes.
struct Component {
  const char* name;
  std::initializer_list<const char*> values;
};
const Component kComponents[] = {
    {"weekday", {"narrow", "short", "long"}},
    {"era", {"narrow", "short", "long"}},
    {"year", {"2-digit", "numeric"}},
    {"month", {"2-digit", "numeric", "narrow", "short", "long"}},
    {"day", {"2-digit", "numeric"}},
    {"dayPeriod", {"narrow", "short", "long"}},
    {"hour", {"2-digit", "numeric"}},
    {"minute", {"2-digit", "numeric"}},
    {"second", {"2-digit", "numeric"}},
    {"fractionalSecondDigits", {}},
    {"timeZoneName", {"short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"}},
};
constexpr size_t kComponentCount = std::size(kComponents);
constexpr size_t kFractionalSecondDigits = 9;

class DateTimeFormatObject final : public Object {
 public:
  std::string locale, calendar, numbering_system, time_zone, hour_cycle, date_style, time_style;
  std::string pattern;   // the ICU pattern chosen
  std::string skeleton;  // what it was chosen for (ranges)
  std::unique_ptr<icu::SimpleDateFormat> icu;
  std::unique_ptr<icu::DateIntervalFormat> interval;
  Value bound_format;  // [[BoundFormat]]

  explicit DateTimeFormatObject(Shape* shape) : Object(shape), bound_format(Value::undefined()) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, bound_format);
  }
  const char* cell_name() const override { return "Intl.DateTimeFormat"; }
};

std::vector<std::string> hour_cycle_values(const std::string&) { return {"", "h11", "h12", "h23", "h24"}; }

// The locale's hour cycle (resolvedLocaleData.[[hourCycle]]).
std::string default_hour_cycle(const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> g(icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return "h23";
  switch (g->getDefaultHourCycle(status)) {
    case UDAT_HOUR_CYCLE_11: return "h11";
    case UDAT_HOUR_CYCLE_12: return "h12";
    case UDAT_HOUR_CYCLE_24: return "h24";
    default: return "h23";
  }
}

// The locale's 12-hour (h11 or h12) or 24-hour (h23 or h24) cycle:
// resolvedLocaleData.[[hourCycle12]] / [[hourCycle24]].
std::string locale_hour_cycle(const icu::Locale& locale, bool twelve) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> g(icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_FAILURE(status)) return twelve ? "h12" : "h23";
  icu::UnicodeString p = g->getBestPattern(icu::UnicodeString(twelve ? u"h" : u"H"), status);
  if (twelve) return p.indexOf(u'K') >= 0 ? "h11" : "h12";
  return p.indexOf(u'k') >= 0 ? "h24" : "h23";
}

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// ---- time zones ------------------------------------------------------------------

// Every time zone ICU knows, by its name in lowercase (names are case-insensitive).
const std::map<std::string, std::string>& time_zone_names() {
  static const std::map<std::string, std::string>* names = [] {
    auto* map = new std::map<std::string, std::string>;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> ids(icu::TimeZone::createEnumeration(status));
    while (const icu::UnicodeString* id = ids ? ids->snext(status) : nullptr) {
      std::string name = utf8(*id);
      (*map)[ascii_lowercase(name)] = name;
    }
    return map;
  }();
  return *names;
}

// The identifier a time zone resolves to (UTC for its aliases), or "" when unknown.
std::string canonical_time_zone(const std::string& name) {
  auto it = time_zone_names().find(ascii_lowercase(name));
  if (it == time_zone_names().end()) return "";
  std::string id = it->second;
  icu::UnicodeString canonical;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(id), canonical, status);
  if (U_SUCCESS(status)) id = utf8(canonical);
  if (id == "Etc/UTC" || id == "Etc/GMT" || id == "GMT" || id == "Etc/Universal" || id == "Etc/Zulu" ||
      id == "Etc/UCT" || id == "UCT" || id == "Universal" || id == "Zulu" || id == "Etc/GMT0" || id == "GMT0" ||
      id == "Etc/GMT+0" || id == "Etc/GMT-0" || id == "GMT+0" || id == "GMT-0" || id == "Etc/Greenwich" ||
      id == "Greenwich")
    return "UTC";
  return id;
}

// An offset time zone ("+05:30", "-0800", "+01"): its ±HH:MM form, or "" when not one.
std::string offset_time_zone(const std::string& s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return "";
  std::string digits;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] == ':' && i == 3) continue;
    if (!std::isdigit(uint8_t(s[i]))) return "";
    digits += s[i];
  }
  if (s.size() > 3 && s[3] != ':' && s.size() != 5) return "";
  if (s.size() > 3 && s[3] == ':' && s.size() != 6) return "";
  if (digits.size() != 2 && digits.size() != 4) return "";
  int hours = std::stoi(digits.substr(0, 2)), minutes = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  if (hours > 23 || minutes > 59) return "";
  char out[32];
  std::snprintf(out, sizeof out, "%c%02d:%02d", (hours == 0 && minutes == 0) ? '+' : s[0], hours, minutes);
  return out;
}

icu::TimeZone* icu_time_zone(const std::string& id) {
  if (id.size() && (id[0] == '+' || id[0] == '-')) return icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8("GMT" + id));
  return icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(id == "UTC" ? "Etc/UTC" : id));
}

// SystemTimeZoneIdentifier ( ): the host's zone.
std::string system_time_zone() {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createDefault());
  icu::UnicodeString id;
  tz->getID(id);
  std::string name = canonical_time_zone(utf8(id));
  return name.empty() ? "UTC" : name;
}

// ---- skeletons and patterns --------------------------------------------------------

// The skeleton letters of one component's value.
std::string skeleton_for(const std::string& component, const std::string& value, const std::string& hour_cycle) {
  auto pick = [&](std::initializer_list<std::pair<const char*, const char*>> table) -> std::string {
    for (auto& [v, letters] : table)
      if (value == v) return letters;
    return "";
  };
  if (component == "weekday") return pick({{"narrow", "EEEEE"}, {"short", "EEE"}, {"long", "EEEE"}});
  if (component == "era") return pick({{"narrow", "GGGGG"}, {"short", "G"}, {"long", "GGGG"}});
  if (component == "year") return pick({{"2-digit", "yy"}, {"numeric", "y"}});
  if (component == "month")
    return pick({{"2-digit", "MM"}, {"numeric", "M"}, {"narrow", "MMMMM"}, {"short", "MMM"}, {"long", "MMMM"}});
  if (component == "day") return pick({{"2-digit", "dd"}, {"numeric", "d"}});
  if (component == "dayPeriod") return pick({{"narrow", "BBBBB"}, {"short", "B"}, {"long", "BBBB"}});
  if (component == "hour") {
    char c = hour_cycle == "h11" ? 'K' : hour_cycle == "h12" ? 'h' : hour_cycle == "h24" ? 'k' : 'H';
    return std::string(value == "2-digit" ? 2 : 1, c);
  }
  if (component == "minute") return pick({{"2-digit", "mm"}, {"numeric", "m"}});
  if (component == "second") return pick({{"2-digit", "ss"}, {"numeric", "s"}});
  if (component == "fractionalSecondDigits") return std::string(size_t(std::stoi(value)), 'S');
  if (component == "timeZoneName")
    return pick({{"short", "z"}, {"long", "zzzz"}, {"shortOffset", "O"}, {"longOffset", "OOOO"},
                 {"shortGeneric", "v"}, {"longGeneric", "vvvv"}});
  return "";
}

// The hour letters of a pattern changed to the hour cycle's (outside quoted text).
std::string apply_hour_cycle(const std::string& pattern, const std::string& hour_cycle) {
  if (hour_cycle.empty()) return pattern;
  char c = hour_cycle == "h11" ? 'K' : hour_cycle == "h12" ? 'h' : hour_cycle == "h24" ? 'k' : 'H';
  bool twelve = c == 'K' || c == 'h';
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char ch = pattern[i];
    if (ch == '\'') quoted = !quoted;
    if (!quoted && (ch == 'h' || ch == 'H' || ch == 'K' || ch == 'k')) ch = c;
    // A 24-hour cycle has no day period.
    if (!quoted && !twelve && (ch == 'a' || ch == 'b' || ch == 'B')) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      continue;
    }
    out += ch;
  }
  // (A 12-hour pattern made from a 24-hour one needs an AM/PM marker.)
  if (twelve && out.find('a') == std::string::npos && out.find('b') == std::string::npos && out.find('B') == std::string::npos &&
      out.find(c) != std::string::npos)
    out += " a";
  return out;
}

// The resolvedOptions value of a pattern's component (ECMA-402 Table 16), by its letters.
std::map<std::string, std::string> components_of(const std::string& pattern) {
  std::map<std::string, std::string> out;
  bool quoted = false;
  for (size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    if (c == '\'') {
      quoted = !quoted;
      ++i;
      continue;
    }
    size_t n = 1;
    while (i + n < pattern.size() && pattern[i + n] == c) ++n;
    i += n;
    if (quoted) continue;
    auto text_width = [&](size_t count) { return count == 4 ? "long" : count == 5 ? "narrow" : "short"; };
    switch (c) {
      case 'E': case 'c': out["weekday"] = text_width(n); break;
      case 'G': out["era"] = text_width(n); break;
      case 'y': case 'U': case 'r': out["year"] = n == 2 ? "2-digit" : "numeric"; break;
      case 'M': case 'L': out["month"] = n == 1 ? "numeric" : n == 2 ? "2-digit" : text_width(n); break;
      case 'd': out["day"] = n == 2 ? "2-digit" : "numeric"; break;
      case 'B': out["dayPeriod"] = text_width(n); break;
      case 'h': case 'H': case 'K': case 'k': out["hour"] = n == 2 ? "2-digit" : "numeric"; break;
      case 'm': out["minute"] = n == 2 ? "2-digit" : "numeric"; break;
      case 's': out["second"] = n == 2 ? "2-digit" : "numeric"; break;
      case 'S': out["fractionalSecondDigits"] = std::to_string(std::min<size_t>(n, 3)); break;
      case 'z': out["timeZoneName"] = n >= 4 ? "long" : "short"; break;
      case 'O': out["timeZoneName"] = n >= 4 ? "longOffset" : "shortOffset"; break;
      case 'v': out["timeZoneName"] = n >= 4 ? "longGeneric" : "shortGeneric"; break;
      case 'V': case 'Z': case 'x': case 'X': out["timeZoneName"] = "shortOffset"; break;
      default: break;
    }
  }
  return out;
}

// The ICU locale of the format: the data locale with the calendar and numbering system.
icu::Locale format_locale(const DateTimeFormatObject* dtf) {
  std::string tag = remove_unicode_extensions(dtf->locale) + "-u-ca-" + dtf->calendar + "-nu-" + dtf->numbering_system;
  return icu_locale(tag);
}

// CreateDateTimeFormat ( newTarget, locales, options, required, defaults )
DateTimeFormatObject* create_date_time_format(Vm& vm, Value new_target, Value locales, Value options_value,
                                              const std::string& required, const std::string& defaults) {
  // 1. Let dateTimeFormat be ? OrdinaryCreateFromConstructor(newTarget, "%Intl.DateTimeFormat.prototype%", ...).
  Object* proto = get_prototype_from_constructor(vm, new_target, IntrinsicObject::IntlDateTimeFormatPrototype);
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), vm.heap().allocate<DateTimeFormatObject>(vm.root_shape_for(proto)));
  // 2-3. requestedLocales and options.
  std::vector<std::string> requested = canonicalize_locale_list(vm, locales);
  gc::Rooted<Object> options(vm.heap(), coerce_options_to_object(vm, options_value));
  // 5-6. localeMatcher.
  get_string_option(vm, options, "localeMatcher", {"lookup", "best fit"}, "best fit");
  // 7-9. calendar: a well-formed type.
  std::optional<std::string> calendar = get_string_option(vm, options, "calendar", {});
  if (calendar && !is_well_formed_unicode_type(*calendar)) vm.throw_error(ErrorType::RangeError, "Invalid calendar : " + *calendar);
  // 10-12. numberingSystem: a well-formed type.
  std::optional<std::string> numbering_system = get_string_option(vm, options, "numberingSystem", {});
  if (numbering_system && !is_well_formed_unicode_type(*numbering_system))
    vm.throw_error(ErrorType::RangeError, "Invalid numberingSystem : " + *numbering_system);
  // 13-16. hour12 and hourCycle (hour12 wins: then hc is null).
  std::optional<bool> hour12 = get_boolean_option(vm, options, "hour12");
  std::optional<std::string> hour_cycle = get_string_option(vm, options, "hourCycle", {"h11", "h12", "h23", "h24"});
  if (hour12) hour_cycle = "";
  // 17-21. Let r be ResolveLocale(..., « "ca", "hc", "nu" », ...).
  ResolvedLocale r = resolve_locale(requested, {{"ca", calendars}, {"hc", hour_cycle_values}, {"nu", numbering_systems}},
                                    {calendar, hour_cycle, numbering_system});
  dtf->locale = r.locale;
  dtf->calendar = r.value("ca");
  dtf->numbering_system = r.value("nu");
  // 22-25. The hour cycle: hour12's, else the requested one, else the locale's.
  icu::Locale data_locale = icu_locale(r.data_locale);
  std::string locale_hc = default_hour_cycle(data_locale);
  std::string hc;
  if (hour12) hc = locale_hour_cycle(data_locale, *hour12);
  else hc = r.value("hc").empty() ? locale_hc : r.value("hc");
  // 26-31. timeZone: the host's, an offset, or a named zone (RangeError when unknown).
  Value tz = get(vm, options, key_of(vm, "timeZone"));
  if (tz.is_undefined()) {
    dtf->time_zone = system_time_zone();
  } else {
    std::string name = to_string(vm, tz)->to_utf8();
    std::string offset = offset_time_zone(name);
    if (!offset.empty()) dtf->time_zone = offset;
    else dtf->time_zone = canonical_time_zone(name);
    if (dtf->time_zone.empty()) vm.throw_error(ErrorType::RangeError, "Invalid time zone specified: " + name);
  }
  // 32-35. The components of Table 16, in order.
  std::string format_options[kComponentCount];
  bool has_explicit_components = false;
  for (size_t i = 0; i < kComponentCount; ++i) {
    const Component& c = kComponents[i];
    std::optional<std::string> value;
    if (i == kFractionalSecondDigits) {
      if (std::optional<int> n = get_number_option(vm, options, c.name, 1, 3, std::nullopt)) value = std::to_string(*n);
    } else {
      value = get_string_option(vm, options, c.name, c.values);
    }
    if (value) {
      format_options[i] = *value;
      has_explicit_components = true;
    }
  }
  // 36-40. formatMatcher, dateStyle, timeStyle.
  get_string_option(vm, options, "formatMatcher", {"basic", "best fit"}, "best fit");
  dtf->date_style = get_string_option(vm, options, "dateStyle", {"full", "long", "medium", "short"}).value_or("");
  dtf->time_style = get_string_option(vm, options, "timeStyle", {"full", "long", "medium", "short"}).value_or("");
  icu::Locale locale = format_locale(dtf);
  UErrorCode status = U_ZERO_ERROR;
  std::string pattern;
  if (!dtf->date_style.empty() || !dtf->time_style.empty()) {
    // 41. A style: no explicit component, and fitting `required`.
    if (has_explicit_components) vm.throw_error(ErrorType::TypeError, "Can't set option dateStyle/timeStyle with other date-time options");
    if (required == "date" && !dtf->time_style.empty()) vm.throw_error(ErrorType::TypeError, "Invalid option : timeStyle");
    if (required == "time" && !dtf->date_style.empty()) vm.throw_error(ErrorType::TypeError, "Invalid option : dateStyle");
    auto style = [](const std::string& s) {
      return s == "full" ? icu::DateFormat::kFull : s == "long" ? icu::DateFormat::kLong
             : s == "medium" ? icu::DateFormat::kMedium : s == "short" ? icu::DateFormat::kShort : icu::DateFormat::kNone;
    };
    std::unique_ptr<icu::DateFormat> df(icu::DateFormat::createDateTimeInstance(style(dtf->date_style), style(dtf->time_style), locale));
    icu::UnicodeString p;
    if (auto* sdf = dynamic_cast<icu::SimpleDateFormat*>(df.get())) sdf->toPattern(p);
    pattern = utf8(p);
    if (!dtf->time_style.empty() && hc != locale_hc) pattern = apply_hour_cycle(pattern, hc);
  } else {
    // 42. Components, with the defaults when none of the required kind was given.
    bool need_defaults = true;
    if (required == "date" || required == "any")
      for (size_t i : {0, 2, 3, 4}) need_defaults = need_defaults && format_options[i].empty();
    if (required == "time" || required == "any")
      for (size_t i : {5, 6, 7, 8, 9}) need_defaults = need_defaults && format_options[i].empty();
    if (need_defaults && (defaults == "date" || defaults == "all"))
      for (size_t i : {2, 3, 4}) format_options[i] = "numeric";
    if (need_defaults && (defaults == "time" || defaults == "all"))
      for (size_t i : {6, 7, 8}) format_options[i] = "numeric";
    std::string skeleton;
    for (size_t i = 0; i < kComponentCount; ++i)
      if (!format_options[i].empty()) skeleton += skeleton_for(kComponents[i].name, format_options[i], hc);
    dtf->skeleton = skeleton;
    std::unique_ptr<icu::DateTimePatternGenerator> generator(icu::DateTimePatternGenerator::createInstance(locale, status));
    icu::UnicodeString p = generator->getBestPattern(icu::UnicodeString::fromUTF8(skeleton), UDATPG_MATCH_HOUR_FIELD_LENGTH, status);
    pattern = utf8(p);
    if (!format_options[6].empty()) pattern = apply_hour_cycle(pattern, hc);
  }
  dtf->pattern = pattern;
  // 44. The hour cycle is resolved only when the pattern shows the hour.
  if (components_of(pattern).count("hour")) dtf->hour_cycle = hc;
  // The ICU formatter, on the calendar and time zone.
  status = U_ZERO_ERROR;
  dtf->icu = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern), locale, status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Unsupported date-time format");
  dtf->icu->adoptTimeZone(icu_time_zone(dtf->time_zone));
  icu::Calendar* cal = const_cast<icu::Calendar*>(dtf->icu->getCalendar());
  if (cal) {
    // The proleptic Gregorian calendar ECMAScript uses: no Julian switch.
    if (auto* gregorian = dynamic_cast<icu::GregorianCalendar*>(cal)) gregorian->setGregorianChange(-8.64e15, status);
  }
  return dtf;
}

// The time value to format: undefined is now; TimeClip; NaN is a RangeError.
double time_to_format(Vm& vm, Value date) {
  double x;
  if (date.is_undefined()) {
    x = std::floor(double(std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch()).count()));
  } else {
    x = to_number(vm, date);
  }
  if (!std::isfinite(x) || std::fabs(x) > 8.64e15) vm.throw_error(ErrorType::RangeError, "Invalid time value");
  return std::trunc(x) + 0.0;
}

// ICU (since CLDR 42) puts U+202F NARROW NO-BREAK SPACE before AM/PM and
// in ranges; V8, and so Node, print a plain space there for compatibility
// with the scripts that parse them, and glass does the same.
void replace_narrow_spaces(icu::UnicodeString& s) { s.findAndReplace(icu::UnicodeString(u"\u202F"), icu::UnicodeString(u" ")); }

Value format_date_time(Vm& vm, DateTimeFormatObject* dtf, double x) {
  icu::UnicodeString out;
  dtf->icu->format(UDate(x), out);
  replace_narrow_spaces(out);
  return from_icu(vm, out);
}

// The part type of an ICU date field (ECMA-402 Table "DateTimeFormat part types").
const char* date_part_type(int32_t field) {
  switch (field) {
    case UDAT_ERA_FIELD: return "era";
    case UDAT_YEAR_FIELD: case UDAT_EXTENDED_YEAR_FIELD: case UDAT_YEAR_WOY_FIELD: return "year";
    case UDAT_YEAR_NAME_FIELD: return "yearName";
    case UDAT_RELATED_YEAR_FIELD: return "relatedYear";
    case UDAT_MONTH_FIELD: case UDAT_STANDALONE_MONTH_FIELD: return "month";
    case UDAT_DATE_FIELD: return "day";
    case UDAT_HOUR_OF_DAY1_FIELD: case UDAT_HOUR_OF_DAY0_FIELD: case UDAT_HOUR1_FIELD: case UDAT_HOUR0_FIELD: return "hour";
    case UDAT_MINUTE_FIELD: return "minute";
    case UDAT_SECOND_FIELD: return "second";
    case UDAT_FRACTIONAL_SECOND_FIELD: return "fractionalSecond";
    case UDAT_DAY_OF_WEEK_FIELD: case UDAT_STANDALONE_DAY_FIELD: case UDAT_DOW_LOCAL_FIELD: return "weekday";
    case UDAT_AM_PM_FIELD: case UDAT_AM_PM_MIDNIGHT_NOON_FIELD: case UDAT_FLEXIBLE_DAY_PERIOD_FIELD: return "dayPeriod";
    case UDAT_TIMEZONE_FIELD: case UDAT_TIMEZONE_RFC_FIELD: case UDAT_TIMEZONE_GENERIC_FIELD:
    case UDAT_TIMEZONE_SPECIAL_FIELD: case UDAT_TIMEZONE_LOCALIZED_GMT_OFFSET_FIELD: case UDAT_TIMEZONE_ISO_FIELD:
    case UDAT_TIMEZONE_ISO_LOCAL_FIELD: return "timeZoneName";
    default: return "literal";
  }
}

// [{type, value}] of a formatted string and its field positions.
void push_parts(Vm& vm, ValueVector& parts, const icu::UnicodeString& s, icu::FieldPositionIterator& fields,
                int32_t begin, int32_t end, const char* source) {
  std::vector<int32_t> field_of(size_t(s.length()), -1);
  icu::FieldPosition fp;
  while (fields.next(fp))
    for (int32_t i = fp.getBeginIndex(); i < fp.getEndIndex() && i < s.length(); ++i) field_of[size_t(i)] = fp.getField();
  for (int32_t start = begin; start < end;) {
    int32_t stop = start + 1;
    while (stop < end && field_of[size_t(stop)] == field_of[size_t(start)]) ++stop;
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", date_part_type(field_of[size_t(start)]));
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, stop - start)));
    if (source) add_resolved(vm, part, "source", source);
    parts.values.push_back(object_value(part));
    start = stop;
  }
}

// §11.1.1 Intl.DateTimeFormat ( [ locales [ , options ] ] )
Value date_time_format_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  // 1. If NewTarget is undefined, let newTarget be the active function object, else NewTarget.
  Value nt = new_target.is_undefined() ? object_value(vm.current_native()) : new_target;
  // 2. Let dateTimeFormat be ? CreateDateTimeFormat(newTarget, locales, options, any, date).
  return object_value(create_date_time_format(vm, nt, arg(args, 0), arg(args, 1), "any", "date"));
}

// §11.5.x DateTime Format Functions: the bound format(date).
Value date_time_format_function(Vm& vm, Value, std::span<const Value> args, Value) {
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), static_cast<DateTimeFormatObject*>(as_object(vm.current_native()->native_data)));
  // 3-5. Let x be ? ToNumber(date) (now when undefined); return ? FormatDateTime(dtf, x).
  double x = time_to_format(vm, arg(args, 0));
  return format_date_time(vm, dtf, x);
}

// §11.3.3 get Intl.DateTimeFormat.prototype.format
Value date_time_format_format_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  DateTimeFormatObject* dtf = this_intl<DateTimeFormatObject>(vm, self, "get Intl.DateTimeFormat.prototype.format");
  if (dtf->bound_format.is_undefined()) {
    gc::Rooted<DateTimeFormatObject> rooted(vm.heap(), dtf);  // across the allocation (the heap does not move cells)
    FunctionObject* f = vm.new_native("", date_time_format_function, 1);
    f->native_data = object_value(rooted);
    rooted->bound_format = object_value(f);
  }
  return dtf->bound_format;
}

// §11.3.4 Intl.DateTimeFormat.prototype.formatToParts ( date )
Value date_time_format_format_to_parts(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), this_intl<DateTimeFormatObject>(vm, self, "Intl.DateTimeFormat.prototype.formatToParts"));
  double x = time_to_format(vm, arg(args, 0));
  icu::UnicodeString out;
  icu::FieldPositionIterator fields;
  UErrorCode status = U_ZERO_ERROR;
  dtf->icu->format(UDate(x), out, &fields, status);
  replace_narrow_spaces(out);
  ValueVector parts(vm.heap());
  push_parts(vm, parts, out, fields, 0, out.length(), nullptr);
  return object_value(vm.new_array_from(parts.values));
}

// §11.3.5 Intl.DateTimeFormat.prototype.formatRange ( startDate, endDate ), §11.3.6 formatRangeToParts
template <bool to_parts>
Value date_time_format_format_range(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), this_intl<DateTimeFormatObject>(vm, self, "Intl.DateTimeFormat.prototype.formatRange"));
  // 3. If startDate is undefined or endDate is undefined, throw a TypeError exception.
  if (arg(args, 0).is_undefined() || arg(args, 1).is_undefined())
    vm.throw_error(ErrorType::TypeError, "startDate and endDate are required");
  // 4-5. Let x be ? ToNumber(startDate), y be ? ToNumber(endDate).
  double x = to_number(vm, arg(args, 0));
  double y = to_number(vm, arg(args, 1));
  RootedValue keep(vm.heap(), Value::undefined());
  x = time_to_format(vm, Value::number(x));
  y = time_to_format(vm, Value::number(y));
  UErrorCode status = U_ZERO_ERROR;
  if (!dtf->interval) {
    icu::UnicodeString skeleton;
    icu::DateTimePatternGenerator* g = icu::DateTimePatternGenerator::createInstance(format_locale(dtf), status);
    skeleton = dtf->skeleton.empty() ? g->getSkeleton(icu::UnicodeString::fromUTF8(dtf->pattern), status)
                                     : icu::UnicodeString::fromUTF8(dtf->skeleton);
    delete g;
    dtf->interval.reset(icu::DateIntervalFormat::createInstance(skeleton, format_locale(dtf), status));
    if (U_FAILURE(status) || !dtf->interval) vm.throw_error(ErrorType::RangeError, "Unsupported date range format");
    dtf->interval->adoptTimeZone(icu_time_zone(dtf->time_zone));
  }
  icu::DateInterval interval(x, y);
  icu::FormattedDateInterval formatted = dtf->interval->formatToValue(interval, status);
  icu::UnicodeString s = formatted.toString(status);
  if (U_FAILURE(status)) vm.throw_error(ErrorType::RangeError, "Date range formatting failed");
  replace_narrow_spaces(s);
  if (!to_parts) return from_icu(vm, s);
  // Parts: each date field and its source (startRange, endRange, or shared when both dates show the same).
  std::vector<int32_t> field_of(size_t(s.length()), -1);
  std::vector<int8_t> source_of(size_t(s.length()), -1);
  icu::ConstrainedFieldPosition cfp;
  while (formatted.nextPosition(cfp, status) && U_SUCCESS(status)) {
    for (int32_t i = cfp.getStart(); i < cfp.getLimit(); ++i) {
      if (cfp.getCategory() == UFIELD_CATEGORY_DATE_INTERVAL_SPAN) source_of[size_t(i)] = int8_t(cfp.getField());
      else if (cfp.getCategory() == UFIELD_CATEGORY_DATE) field_of[size_t(i)] = cfp.getField();
    }
  }
  ValueVector parts(vm.heap());
  for (int32_t start = 0; start < s.length();) {
    int32_t stop = start + 1;
    while (stop < s.length() && field_of[size_t(stop)] == field_of[size_t(start)] && source_of[size_t(stop)] == source_of[size_t(start)]) ++stop;
    int8_t source = source_of[size_t(start)];
    gc::Rooted<Object> part(vm.heap(), vm.new_object());
    add_resolved(vm, part, "type", date_part_type(field_of[size_t(start)]));
    add_resolved(vm, part, "value", from_icu(vm, icu::UnicodeString(s, start, stop - start)));
    add_resolved(vm, part, "source", source == 0 ? "startRange" : source == 1 ? "endRange" : "shared");
    parts.values.push_back(object_value(part));
    start = stop;
  }
  return object_value(vm.new_array_from(parts.values));
}

// §11.3.7 Intl.DateTimeFormat.prototype.resolvedOptions ( )
Value date_time_format_resolved_options(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), this_intl<DateTimeFormatObject>(vm, self, "Intl.DateTimeFormat.prototype.resolvedOptions"));
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  add_resolved(vm, o, "locale", dtf->locale);
  add_resolved(vm, o, "calendar", dtf->calendar);
  add_resolved(vm, o, "numberingSystem", dtf->numbering_system);
  add_resolved(vm, o, "timeZone", dtf->time_zone);
  if (!dtf->hour_cycle.empty()) {
    add_resolved(vm, o, "hourCycle", dtf->hour_cycle);
    add_resolved(vm, o, "hour12", Value::boolean(dtf->hour_cycle == "h11" || dtf->hour_cycle == "h12"));
  }
  // The components the pattern shows (none with a date or time style).
  if (dtf->date_style.empty() && dtf->time_style.empty()) {
    std::map<std::string, std::string> shown = components_of(dtf->pattern);
    for (const Component& c : kComponents) {
      auto it = shown.find(c.name);
      if (it == shown.end()) continue;
      if (std::string(c.name) == "fractionalSecondDigits") add_resolved(vm, o, c.name, Value::int32(std::stoi(it->second)));
      else add_resolved(vm, o, c.name, it->second);
    }
  }
  if (!dtf->date_style.empty()) add_resolved(vm, o, "dateStyle", dtf->date_style);
  if (!dtf->time_style.empty()) add_resolved(vm, o, "timeStyle", dtf->time_style);
  return object_value(o);
}

Value date_time_format_supported_locales_of(Vm& vm, Value, std::span<const Value> args, Value) {
  return supported_locales(vm, arg(args, 0), arg(args, 1));
}

}  // namespace

Value date_to_locale_string(Vm& vm, double t, Value locales, Value options, const char* required, const char* defaults) {
  // 2. If x is NaN, return "Invalid Date".
  if (t != t) return from_ascii(vm, "Invalid Date");
  // 3. Let dateFormat be ? CreateDateTimeFormat(%Intl.DateTimeFormat%, locales, options, required, defaults).
  gc::Rooted<DateTimeFormatObject> dtf(vm.heap(), create_date_time_format(vm, Value::undefined(), locales, options, required, defaults));
  // 4. Return ! FormatDateTime(dateFormat, x).
  return format_date_time(vm, dtf, t);
}

void install_date_time_format(Vm& vm, Object* intl_object) {
  gc::Rooted<Object> intl(vm.heap(), intl_object);
  vm.intrinsics()[IntrinsicObject::IntlDateTimeFormatPrototype] = vm.new_object();
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IntlDateTimeFormatPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "DateTimeFormat", date_time_format_ctor, 0, proto));
  vm.define_native(ctor, "supportedLocalesOf", date_time_format_supported_locales_of, 1);
  define_getter(vm, proto, "format", date_time_format_format_getter);
  vm.define_native(proto, "formatRange", date_time_format_format_range<false>, 2);
  vm.define_native(proto, "formatRangeToParts", date_time_format_format_range<true>, 2);
  vm.define_native(proto, "formatToParts", date_time_format_format_to_parts, 1);
  vm.define_native(proto, "resolvedOptions", date_time_format_resolved_options, 0);
  define_tag(vm, proto, "Intl.DateTimeFormat");
  vm.define_value(intl, "DateTimeFormat", object_value(ctor));
}

}  // namespace glass::intl
