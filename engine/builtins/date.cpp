// Date (ECMA-262 §21.4): the constructor, Date.now/parse/UTC, and
// Date.prototype's getters, setters and string forms.
//
// A Date is a DateObject (ObjectClass::Date) holding its time value: ms
// since the epoch in UTC, or NaN. The day/time arithmetic is the spec's
// (MakeTime, MakeDay, MakeDate, TimeClip, YearFromTime, ...), in doubles.
//
// Local time comes from ICU's default time zone (which honors the TZ
// environment variable), as in V8: the offsets, the choice at DST
// transitions, and the zone's display name in toString ("Eastern Standard
// Time"). The string formats are V8's.
#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "builtins/builtins.h"
#include "builtins/intl/intl.h"

namespace glass {

namespace {

class DateObject final : public Object {
 public:
  double time;
  DateObject(Shape* shape, double t) : Object(shape, ObjectClass::Date), time(t) {}
  const char* cell_name() const override { return "Date"; }
};

// ============================================================================
// The spec's time arithmetic (§21.4.1)
// ============================================================================

constexpr double kMsPerSecond = 1000;
constexpr double kMsPerMinute = 60000;
constexpr double kMsPerHour = 3600000;
constexpr double kMsPerDay = 86400000;

double day(double t) { return std::floor(t / kMsPerDay); }
double time_within_day(double t) {
  double r = std::fmod(t, kMsPerDay);
  return r < 0 ? r + kMsPerDay : r;
}
double days_in_year(double y) {
  if (std::fmod(y, 4) != 0) return 365;
  if (std::fmod(y, 100) != 0) return 366;
  if (std::fmod(y, 400) != 0) return 365;
  return 366;
}
double day_from_year(double y) {
  return 365 * (y - 1970) + std::floor((y - 1969) / 4) - std::floor((y - 1901) / 100) + std::floor((y - 1601) / 400);
}
double time_from_year(double y) { return kMsPerDay * day_from_year(y); }
double year_from_time(double t) {
  double y = std::floor(t / (kMsPerDay * 365.2425)) + 1970;
  while (time_from_year(y) > t) --y;
  while (time_from_year(y + 1) <= t) ++y;
  return y;
}
bool in_leap_year(double t) { return days_in_year(year_from_time(t)) == 366; }
double day_within_year(double t) { return day(t) - day_from_year(year_from_time(t)); }
// Cumulative days before each month (non-leap).
constexpr int kMonthStart[13] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
double month_start(int m, bool leap) { return kMonthStart[m] + (leap && m >= 2 ? 1 : 0); }
double month_from_time(double t) {
  double d = day_within_year(t);
  bool leap = in_leap_year(t);
  int m = 0;
  while (m < 11 && d >= month_start(m + 1, leap)) ++m;
  return m;
}
double date_from_time(double t) {
  double d = day_within_year(t);
  return d - month_start(int(month_from_time(t)), in_leap_year(t)) + 1;
}
double week_day(double t) {
  double r = std::fmod(day(t) + 4, 7);
  return r < 0 ? r + 7 : r;
}
double pos_mod(double a, double b) {
  double r = std::fmod(a, b);
  return r < 0 ? r + b : r;
}
double hour_from_time(double t) { return pos_mod(std::floor(t / kMsPerHour), 24); }
double min_from_time(double t) { return pos_mod(std::floor(t / kMsPerMinute), 60); }
double sec_from_time(double t) { return pos_mod(std::floor(t / kMsPerSecond), 60); }
double ms_from_time(double t) { return pos_mod(t, kMsPerSecond); }

double to_integer(double d) { return std::isfinite(d) ? std::trunc(d) + 0.0 : d; }

double make_time(double hour, double min, double sec, double ms) {
  if (!std::isfinite(hour) || !std::isfinite(min) || !std::isfinite(sec) || !std::isfinite(ms)) return NAN;
  return to_integer(hour) * kMsPerHour + to_integer(min) * kMsPerMinute + to_integer(sec) * kMsPerSecond + to_integer(ms);
}

double make_day(double year, double month, double date) {
  if (!std::isfinite(year) || !std::isfinite(month) || !std::isfinite(date)) return NAN;
  double y = to_integer(year), m = to_integer(month), dt = to_integer(date);
  double ym = y + std::floor(m / 12);
  if (!std::isfinite(ym)) return NAN;
  int mn = int(pos_mod(m, 12));
  // Years this far out are past TimeClip's range whatever the date adds.
  if (std::fabs(ym) > 1e8) return NAN;
  double days = day_from_year(ym) + month_start(mn, days_in_year(ym) == 366);
  return days + dt - 1;
}

double make_date(double day, double time) {
  if (!std::isfinite(day) || !std::isfinite(time)) return NAN;
  double tv = day * kMsPerDay + time;
  if (!std::isfinite(tv)) return NAN;
  return tv;
}

double time_clip(double t) {
  if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return NAN;
  return to_integer(t);
}

// ============================================================================
// Local time (the C library, which honors TZ)
// ============================================================================

struct LocalInfo {
  double offset_ms;  // local - UTC
  bool dst;
};

// The default time zone (ICU reads TZ, else /etc/localtime), as V8 uses it.
const icu::TimeZone& zone() {
  static std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createDefault());
  return *tz;
}

LocalInfo local_info_at(double utc_ms) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  zone().getOffset(utc_ms, false, raw, dst, status);
  if (U_FAILURE(status)) return {0, false};
  return {double(raw) + dst, dst != 0};
}

// LocalTZA(t, true): the offset at the UTC instant t.
double offset_at_utc(double t) { return local_info_at(t).offset_ms; }

// LocalTZA(t, false): the offset for the local time t. A repeated local
// time (fall back) and a skipped one (spring forward) both take the offset
// in effect before the transition (V8's choice, which is the spec's).
double offset_for_local(double t) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t raw = 0, dst = 0;
  if (auto* basic = dynamic_cast<const icu::BasicTimeZone*>(&zone())) {
    basic->getOffsetFromLocal(t, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
  } else {
    zone().getOffset(t, true, raw, dst, status);
  }
  if (U_FAILURE(status)) return 0;
  return double(raw) + dst;
}

double local_time(double t) { return t + offset_at_utc(t); }
double utc_time(double t) {
  if (!std::isfinite(t)) return NAN;
  return t - offset_for_local(t);
}

double now_ms() {
  using namespace std::chrono;
  return double(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());
}

// The zone's long name as V8 prints it: "Coordinated Universal Time".
std::string zone_name(bool dst) {
  thread_local std::string names[2];  // (agents run on threads of their own)
  thread_local bool loaded[2] = {false, false};
  if (!loaded[dst]) {
    icu::UnicodeString name;
    zone().getDisplayName(dst, icu::TimeZone::LONG, icu::Locale::getUS(), name);
    name.toUTF8String(names[dst]);
    loaded[dst] = true;
  }
  return names[dst];
}

// ============================================================================
// Formatting
// ============================================================================

const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string year_text(double y) {
  char buf[32];
  if (y < 0) snprintf(buf, sizeof buf, "-%04.0f", -y);
  else snprintf(buf, sizeof buf, "%04.0f", y);
  return buf;
}

std::string two(double v) {
  char buf[8];
  snprintf(buf, sizeof buf, "%02d", int(v));
  return buf;
}

std::string date_part(double t) {  // "Thu Feb 29 2024" (t local)
  return std::string(kDays[int(week_day(t))]) + " " + kMonths[int(month_from_time(t))] + " " + two(date_from_time(t)) +
         " " + year_text(year_from_time(t));
}

// V8 names the zone's standard or daylight time by the DST state of an
// "equivalent" time in 2008..2035 (same leap-ness, same weekday on Jan 1)
// when the instant is before 1970 or after 2038; names printed so match.
double equivalent_time(double t) {
  double y = year_from_time(t);
  double wd = week_day(make_date(make_day(y, 0, 1), 0));
  double recent = (days_in_year(y) == 366 ? 1956 : 1967) + std::fmod(wd * 12, 28);
  double eq = 2008 + std::fmod(recent + 3 * 28 - 2008, 28);
  double d = make_day(eq, month_from_time(t), date_from_time(t));
  return make_date(d, time_within_day(t));
}
bool name_is_dst(double tv) {
  if (tv < 0 || tv > 2147483647000.0) tv = equivalent_time(tv);
  return local_info_at(tv).dst;
}

std::string time_part(double tv) {  // "13:45:30 GMT-0500 (Eastern Standard Time)" (tv UTC)
  LocalInfo info = local_info_at(tv);
  info.dst = name_is_dst(tv);
  double t = tv + info.offset_ms;
  double off = info.offset_ms / kMsPerMinute;
  char sign = off < 0 ? '-' : '+';
  off = std::fabs(off);
  int oh = int(off / 60), om = int(std::fmod(off, 60));
  char buf[64];
  snprintf(buf, sizeof buf, "%s:%s:%s GMT%c%02d%02d", two(hour_from_time(t)).c_str(), two(min_from_time(t)).c_str(),
           two(sec_from_time(t)).c_str(), sign, oh, om);
  return std::string(buf) + " (" + zone_name(info.dst) + ")";
}

std::string to_date_string(double tv) {
  if (std::isnan(tv)) return "Invalid Date";
  return date_part(local_time(tv)) + " " + time_part(tv);
}

std::string to_utc_string(double tv) {
  if (std::isnan(tv)) return "Invalid Date";
  return std::string(kDays[int(week_day(tv))]) + ", " + two(date_from_time(tv)) + " " + kMonths[int(month_from_time(tv))] +
         " " + year_text(year_from_time(tv)) + " " + two(hour_from_time(tv)) + ":" + two(min_from_time(tv)) + ":" +
         two(sec_from_time(tv)) + " GMT";
}

std::string to_iso_string(double tv) {
  double y = year_from_time(tv);
  char buf[64];
  if (y >= 0 && y <= 9999) snprintf(buf, sizeof buf, "%04.0f", y);
  else snprintf(buf, sizeof buf, "%c%06.0f", y < 0 ? '-' : '+', std::fabs(y));
  char rest[64];
  snprintf(rest, sizeof rest, "-%02d-%02dT%02d:%02d:%02d.%03dZ", int(month_from_time(tv)) + 1, int(date_from_time(tv)),
           int(hour_from_time(tv)), int(min_from_time(tv)), int(sec_from_time(tv)), int(ms_from_time(tv)));
  return std::string(buf) + rest;
}

// ============================================================================
// Parsing
// ============================================================================

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The Date Time String Format (§21.4.1.32) and its expanded years. Date-only
// forms are UTC; a date-time without an offset is local time.
// `committed` is set once the string is certainly meant as this format (a
// signed year, or a 'T' after the date): then there is no legacy fallback.
double parse_iso(const std::string& s, bool& committed) {
  size_t i = 0, n = s.size();
  committed = false;
  auto digits = [&](int count, double& out) {
    if (i + size_t(count) > n) return false;
    double v = 0;
    for (int k = 0; k < count; ++k) {
      if (!is_digit(s[i + k])) return false;
      v = v * 10 + (s[i + k] - '0');
    }
    out = v;
    i += size_t(count);
    return true;
  };
  double year, month = 1, dayv = 1, hour = 0, minute = 0, second = 0, ms = 0;
  if (i < n && (s[i] == '+' || s[i] == '-')) {
    committed = true;
    bool neg = s[i] == '-';
    ++i;
    if (!digits(6, year)) return NAN;
    if (neg && year == 0) return NAN;
    if (neg) year = -year;
  } else if (!digits(4, year)) {
    return NAN;
  }
  if (i < n && s[i] == '-') {
    ++i;
    if (!digits(2, month)) return NAN;
    if (i < n && s[i] == '-') {
      ++i;
      if (!digits(2, dayv)) return NAN;
    }
  }
  bool has_time = false, has_offset = false;
  double offset = 0;
  if (i < n && (s[i] == 'T' || s[i] == 't')) {
    ++i;
    committed = true;
    has_time = true;
    if (!digits(2, hour) || i >= n || s[i] != ':') return NAN;
    ++i;
    if (!digits(2, minute)) return NAN;
    if (i < n && s[i] == ':') {
      ++i;
      if (!digits(2, second)) return NAN;
      if (i < n && (s[i] == '.' || s[i] == ',')) {
        ++i;
        if (i >= n || !is_digit(s[i])) return NAN;
        double scale = 100;
        while (i < n && is_digit(s[i])) {
          ms += (s[i] - '0') * scale;
          scale /= 10;
          ++i;
        }
        ms = std::floor(ms);
      }
    }
    if (i < n && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
      has_offset = true;
    } else if (i < n && (s[i] == '+' || s[i] == '-')) {
      double sign = s[i] == '-' ? -1 : 1;
      ++i;
      double oh, om;
      if (!digits(2, oh) || i >= n) return NAN;
      if (s[i] == ':') ++i;  // V8 also takes +hhmm
      if (!digits(2, om)) return NAN;
      if (oh > 23 || om > 59) return NAN;
      has_offset = true;
      offset = sign * (oh * 60 + om) * kMsPerMinute;
    }
  }
  if (i != n) return NAN;
  // (As V8: any day up to 31 is accepted and overflows into the next month.)
  if (month < 1 || month > 12 || dayv < 1 || dayv > 31) return NAN;
  if (hour > 24 || minute > 59 || second > 59) return NAN;
  if (hour == 24 && (minute != 0 || second != 0 || ms != 0)) return NAN;
  double t = make_date(make_day(year, month - 1, dayv), make_time(hour, minute, second, ms));
  if (has_offset) t -= offset;
  else if (has_time) t = utc_time(t);
  return time_clip(t);
}

// The other forms V8 accepts: toString's and toUTCString's, and the legacy
// "Feb 29 2024 10:00 PM", "2/29/2024", "29 February 2024 10:00 GMT+0130".
double parse_legacy(const std::string& s) {
  size_t i = 0, n = s.size();
  double nums[3];
  int num_count = 0;
  int named_month = -1;
  double time[4] = {0, 0, 0, 0};
  int time_count = -1;  // -1: no time read
  int ampm = 0;         // 1 am, 2 pm
  bool has_tz = false;
  double tz_ms = 0;
  bool read_number = false;
  auto lower = [](char c) { return char(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  while (i < n) {
    char c = s[i];
    if (c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '(') {  // a comment: "(Coordinated Universal Time)"
      int depth = 0;
      while (i < n) {
        if (s[i] == '(') ++depth;
        else if (s[i] == ')' && --depth == 0) break;
        ++i;
      }
      if (i < n) ++i;
      continue;
    }
    // A year before 1 BC, as toString and toUTCString write it ("Feb 01 -0044",
    // "01 Feb -224002"): a '-' after a space, before the year, i.e. before the
    // time and the zone and at most one number in. Without it those strings
    // would not parse back to their own time, which 21.4.3.2 asks for.
    // Years are written with at least four digits, so "Feb -01 2024" keeps
    // its '-' as punctuation, as V8 reads it.
    bool negative = false;
    auto digits_from = [&](size_t k) {
      size_t j = k;
      while (j < n && is_digit(s[j])) ++j;
      return j - k;
    };
    if (c == '-' && i > 0 && s[i - 1] == ' ' && digits_from(i + 1) >= 4 && time_count < 0 && !has_tz &&
        num_count < 2) {
      negative = true;
      c = s[++i];
    }
    if (is_digit(c)) {
      double v = 0;
      while (i < n && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
      if (negative) {
        if (i < n && s[i] == ':') return NAN;  // a time never has a sign
        v = -v;
      }
      read_number = true;
      if (i < n && s[i] == ':') {
        // hours:minutes[:seconds[.ms]]
        if (time_count >= 0) return NAN;
        time[0] = v;
        time_count = 1;
        while (i < n && s[i] == ':' && time_count < 3) {
          ++i;
          if (i >= n || !is_digit(s[i])) return NAN;
          double w = 0;
          while (i < n && is_digit(s[i])) w = w * 10 + (s[i++] - '0');
          time[time_count++] = w;
        }
        if (i < n && s[i] == '.' && time_count == 3) {
          ++i;
          double ms = 0, scale = 100;
          while (i < n && is_digit(s[i])) {
            ms += (s[i++] - '0') * scale;
            scale /= 10;
          }
          time[3] = std::floor(ms);
        }
        continue;
      }
      if (num_count >= 3) return NAN;
      nums[num_count++] = v;
      if (i < n && (s[i] == '/' || s[i] == '-') && i + 1 < n && is_digit(s[i + 1])) ++i;  // 2/29/2024, 2024-2-29 legacy
      continue;
    }
    if ((c == '+' || c == '-') && (has_tz || time_count >= 0) && i + 1 < n && is_digit(s[i + 1])) {
      // A UTC offset: +hhmm, +hh:mm, +hh.
      double sign = c == '-' ? -1 : 1;
      ++i;
      size_t start = i;
      double v = 0;
      while (i < n && is_digit(s[i])) v = v * 10 + (s[i++] - '0');
      double minutes;
      if (i < n && s[i] == ':') {
        ++i;
        double m = 0;
        while (i < n && is_digit(s[i])) m = m * 10 + (s[i++] - '0');
        minutes = v * 60 + m;
      } else if (i - start <= 2) {
        minutes = v * 60;
      } else {
        minutes = std::floor(v / 100) * 60 + std::fmod(v, 100);
      }
      has_tz = true;
      tz_ms = sign * minutes * kMsPerMinute;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      std::string word;
      while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) word.push_back(lower(s[i++]));
      if (i < n && s[i] == '.') ++i;
      static const char* const months[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                           "jul", "aug", "sep", "oct", "nov", "dec"};
      static const char* const days[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
      std::string prefix = word.substr(0, 3);
      bool known = false;
      if (word.size() >= 3) {
        for (int m = 0; m < 12; ++m)
          if (prefix == months[m]) {
            named_month = m;
            known = true;
          }
        for (const char* d : days)
          if (prefix == d) known = true;
      }
      if (word == "am" || word == "pm") {
        ampm = word == "am" ? 1 : 2;
        known = true;
      } else if (word == "utc" || word == "gmt" || word == "ut" || word == "z") {
        has_tz = true;
        tz_ms = 0;
        known = true;
      } else if (word == "t" && num_count == 3) {
        known = true;
      } else {
        static const struct {
          const char* name;
          int hours;
        } zones[] = {{"est", -5}, {"edt", -4}, {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
        for (auto& z : zones)
          if (word == z.name) {
            has_tz = true;
            tz_ms = z.hours * kMsPerHour;
            known = true;
          }
      }
      if (!known && read_number) return NAN;  // unknown words are ignored only before the first number
      continue;
    }
    // Other punctuation between components.
    if (c == '/' || c == '-' || c == '.' || c == ':') {
      ++i;
      continue;
    }
    return NAN;
  }
  if (num_count == 0 && named_month < 0) return NAN;
  // Compose the day (V8's DayComposer).
  double year = 2001, month = 0, dayv = 1;
  auto is_day = [](double x) { return x >= 1 && x <= 31; };
  if (named_month < 0) {
    if (num_count == 3 && !is_day(nums[0])) {
      year = nums[0];
      month = nums[1] - 1;
      dayv = nums[2];
    } else if (num_count >= 2) {
      month = nums[0] - 1;
      dayv = nums[1];
      if (num_count == 3) year = nums[2];
    } else {
      // A lone number is a year ("2024").
      year = nums[0];
      if (time_count < 0 && !has_tz) {
        if (year < 0) return NAN;
      }
    }
  } else {
    month = named_month;
    if (num_count == 1) {
      if (is_day(nums[0])) dayv = nums[0];
      else year = nums[0];
    } else if (num_count >= 2) {
      if (!is_day(nums[0])) {
        year = nums[0];
        dayv = nums[1];
      } else {
        dayv = nums[0];
        year = nums[1];
      }
    }
  }
  if (year >= 0 && year <= 49) year += 2000;
  else if (year >= 50 && year <= 99) year += 1900;
  if (month < 0 || month > 11 || dayv < 1 || dayv > 31) return NAN;
  double hour = time[0], minute = time[1], second = time[2], ms = time[3];
  if (ampm) {
    if (hour > 12) return NAN;
    if (hour == 12) hour = 0;
    if (ampm == 2) hour += 12;
  }
  if (hour > 24 || minute > 59 || second > 59) return NAN;
  if (hour == 24 && (minute || second || ms)) return NAN;
  double t = make_date(make_day(year, month, dayv), make_time(hour, minute, second, ms));
  if (has_tz) t -= tz_ms;
  else t = utc_time(t);
  return time_clip(t);
}

double parse_date(const std::string& s) {
  bool committed;
  double t = parse_iso(s, committed);
  if (!std::isnan(t) || committed) return t;
  return parse_legacy(s);
}

// ============================================================================
// Natives
// ============================================================================

Value str(Vm& vm, const std::string& s) { return string_value(vm.new_string(s)); }

double this_time(Vm& vm, Value self) {
  if (!self.is_object() || as_object(self)->object_class() != ObjectClass::Date)
    vm.throw_error(ErrorType::TypeError, "this is not a Date object.");
  return static_cast<DateObject*>(as_object(self))->time;
}
DateObject* this_date(Vm& vm, Value self) {
  this_time(vm, self);
  return static_cast<DateObject*>(as_object(self));
}

Value date_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) return str(vm, to_date_string(now_ms()));
  double tv;
  if (args.empty()) {
    tv = now_ms();
  } else if (args.size() == 1) {
    Value v = args[0];
    if (v.is_object() && as_object(v)->object_class() == ObjectClass::Date) {
      tv = static_cast<DateObject*>(as_object(v))->time;
    } else {
      Value prim = to_primitive(vm, v);
      if (prim.is_string()) tv = parse_date(as_string(prim)->to_utf8());
      else tv = time_clip(to_number(vm, prim));
    }
  } else {
    double f[7] = {0, 0, 1, 0, 0, 0, 0};
    for (size_t i = 0; i < 7 && i < args.size(); ++i) f[i] = to_number(vm, args[i]);
    if (!std::isnan(f[0])) {
      double yi = to_integer(f[0]);
      if (yi >= 0 && yi <= 99) f[0] = 1900 + yi;
    }
    double final_date = make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6]));
    tv = time_clip(utc_time(final_date));
  }
  // OrdinaryCreateFromConstructor(newTarget, "%Date.prototype%").
  // (the fallback is %Date.prototype% of newTarget's realm: GetPrototypeFromConstructor)
  gc::Rooted<Object> proto(vm.heap(), get_prototype_from_constructor(vm, new_target, IntrinsicObject::DatePrototype));
  gc::Rooted<Shape> shape(vm.heap(), vm.root_shape_for(proto));
  return object_value(vm.heap().allocate<DateObject>(shape.get(), tv));
}

Value date_now(Vm&, Value, std::span<const Value>, Value) { return Value::number(now_ms()); }

Value date_parse(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::number(parse_date(to_utf8(vm, arg(args, 0))));
}

Value date_utc(Vm& vm, Value, std::span<const Value> args, Value) {
  double f[7] = {NAN, 0, 1, 0, 0, 0, 0};
  for (size_t i = 0; i < 7 && i < args.size(); ++i) f[i] = to_number(vm, args[i]);
  if (!std::isnan(f[0])) {
    double yi = to_integer(f[0]);
    if (yi >= 0 && yi <= 99) f[0] = 1900 + yi;
  }
  return Value::number(time_clip(make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6]))));
}

// ---- getters ----

enum Field { kYear, kMonth, kDate, kHours, kMinutes, kSeconds, kMs, kDay, kTime, kTzOffset, kShortYear };

template <Field F, bool Local>
Value date_getter(Vm& vm, Value self, std::span<const Value>, Value) {
  double tv = this_time(vm, self);
  if (std::isnan(tv)) return Value::from_double(NAN);
  if constexpr (F == kTime) return Value::number(tv);
  if constexpr (F == kTzOffset) return Value::number(std::trunc((tv - local_time(tv)) / kMsPerMinute) + 0.0);  // whole minutes, as V8
  double t = Local ? local_time(tv) : tv;
  switch (F) {
    case kYear: return Value::number(year_from_time(t));
    case kShortYear: return Value::number(year_from_time(t) - 1900);
    case kMonth: return Value::number(month_from_time(t));
    case kDate: return Value::number(date_from_time(t));
    case kHours: return Value::number(hour_from_time(t));
    case kMinutes: return Value::number(min_from_time(t));
    case kSeconds: return Value::number(sec_from_time(t));
    case kMs: return Value::number(ms_from_time(t));
    case kDay: return Value::number(week_day(t));
    default: return Value::undefined();
  }
}

// ---- setters ----
// Start: the first field the setter takes (year 0 ... ms 6); Count: how
// many arguments it reads at most.
template <int Start, int Count, bool Local>
Value date_setter(Vm& vm, Value self, std::span<const Value> args, Value) {
  DateObject* d = this_date(vm, self);
  gc::Rooted<Object> keep(vm.heap(), d);
  double t = d->time;
  double given[7];
  size_t n = std::min<size_t>(std::max<size_t>(args.size(), 1), Count);
  for (size_t i = 0; i < n; ++i) given[i] = to_number(vm, arg(args, i));
  d = static_cast<DateObject*>(keep.get());
  if (std::isnan(t)) {
    if (Start != 0) return Value::from_double(NAN);
    t = 0;
  } else if (Local) {
    t = local_time(t);
  }
  double f[7] = {year_from_time(t), month_from_time(t), date_from_time(t), hour_from_time(t),
                 min_from_time(t),  sec_from_time(t),   ms_from_time(t)};
  for (size_t i = 0; i < n; ++i) f[Start + i] = given[i];
  double date = make_date(make_day(f[0], f[1], f[2]), make_time(f[3], f[4], f[5], f[6]));
  double u = time_clip(Local ? utc_time(date) : date);
  d->time = u;
  return Value::number(u);
}

Value date_set_time(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> keep(vm.heap(), this_date(vm, self));
  double t = time_clip(to_number(vm, arg(args, 0)));
  static_cast<DateObject*>(keep.get())->time = t;
  return Value::number(t);
}

// Annex B setYear.
Value date_set_year(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> keep(vm.heap(), this_date(vm, self));
  auto* d = static_cast<DateObject*>(keep.get());
  double t = d->time;
  double y = to_number(vm, arg(args, 0));
  if (std::isnan(y)) {
    d->time = NAN;
    return Value::from_double(NAN);
  }
  double yi = to_integer(y);
  double yyyy = yi >= 0 && yi <= 99 ? 1900 + yi : y;
  t = std::isnan(t) ? 0 : local_time(t);
  double date = make_date(make_day(yyyy, month_from_time(t), date_from_time(t)), time_within_day(t));
  d->time = time_clip(utc_time(date));
  return Value::number(d->time);
}

// ---- strings ----

Value date_to_string(Vm& vm, Value self, std::span<const Value>, Value) { return str(vm, to_date_string(this_time(vm, self))); }
Value date_to_date_string(Vm& vm, Value self, std::span<const Value>, Value) {
  double tv = this_time(vm, self);
  if (std::isnan(tv)) return str(vm, "Invalid Date");
  return str(vm, date_part(local_time(tv)));
}
Value date_to_time_string(Vm& vm, Value self, std::span<const Value>, Value) {
  double tv = this_time(vm, self);
  if (std::isnan(tv)) return str(vm, "Invalid Date");
  return str(vm, time_part(tv));
}
Value date_to_utc_string(Vm& vm, Value self, std::span<const Value>, Value) { return str(vm, to_utc_string(this_time(vm, self))); }
Value date_to_iso_string(Vm& vm, Value self, std::span<const Value>, Value) {
  double tv = this_time(vm, self);
  if (std::isnan(tv)) vm.throw_error(ErrorType::RangeError, "Invalid time value");
  return str(vm, to_iso_string(tv));
}
// ECMA-402 §20.4.1 Date.prototype.toLocaleString, §20.4.2 toLocaleDateString, §20.4.3 toLocaleTimeString:
// FormatDateTime with a DateTimeFormat made for what each shows (required, defaults).
Value date_to_locale_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  return intl::date_to_locale_string(vm, this_time(vm, self), arg(args, 0), arg(args, 1), "any", "all");
}
Value date_to_locale_date_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  return intl::date_to_locale_string(vm, this_time(vm, self), arg(args, 0), arg(args, 1), "date", "date");
}
Value date_to_locale_time_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  return intl::date_to_locale_string(vm, this_time(vm, self), arg(args, 0), arg(args, 1), "time", "time");
}
Value date_value_of(Vm& vm, Value self, std::span<const Value>, Value) { return Value::number(this_time(vm, self)); }

Value date_to_json(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<Object> o(vm.heap(), to_object(vm, self));
  Value tv = to_primitive(vm, object_value(o), Hint::Number);
  if (tv.is_number() && !std::isfinite(tv.as_number())) return Value::null();
  return call_method(vm, object_value(o), key_of(vm, "toISOString"), {});
}

Value date_to_primitive(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (!self.is_object()) vm.throw_error(ErrorType::TypeError, "Date.prototype [ @@toPrimitive ] called on non-object");
  Value hint = arg(args, 0);
  Hint h;
  std::string text = hint.is_string() ? as_string(hint)->to_utf8() : "";
  if (text == "string" || text == "default") h = Hint::String;
  else if (text == "number") h = Hint::Number;
  else vm.throw_error(ErrorType::TypeError, "Invalid hint: " + (hint.is_symbol() ? std::string("Symbol()") : to_utf8(vm, hint)));
  // OrdinaryToPrimitive(O, hint).
  gc::Rooted<Object> o(vm.heap(), as_object(self));
  WellKnownAtom order[2] = {WellKnownAtom::valueOf, WellKnownAtom::toString};
  if (h == Hint::String) std::swap(order[0], order[1]);
  for (WellKnownAtom name : order) {
    Value method = get(vm, o, key_of(name, vm));
    if (is_callable(method)) {
      Value result = vm.call(method, object_value(o), {});
      if (!result.is_object()) return result;
    }
  }
  vm.throw_error(ErrorType::TypeError, "Cannot convert object to primitive value");
}

}  // namespace

void install_date(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.new_object());
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Date", date_ctor, 7, proto));
  ctor->native_data = object_value(proto);
  vm.intrinsics()[IntrinsicObject::DatePrototype] = proto;
  vm.define_native(ctor, "now", date_now, 0);
  vm.define_native(ctor, "parse", date_parse, 1);
  vm.define_native(ctor, "UTC", date_utc, 7);
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } methods[] = {
      {"toString", date_to_string, 0},
      {"toDateString", date_to_date_string, 0},
      {"toTimeString", date_to_time_string, 0},
      {"toISOString", date_to_iso_string, 0},
      {"toUTCString", date_to_utc_string, 0},
      {"getDate", date_getter<kDate, true>, 0},
      {"setDate", date_setter<2, 1, true>, 1},
      {"getDay", date_getter<kDay, true>, 0},
      {"getFullYear", date_getter<kYear, true>, 0},
      {"setFullYear", date_setter<0, 3, true>, 3},
      {"getHours", date_getter<kHours, true>, 0},
      {"setHours", date_setter<3, 4, true>, 4},
      {"getMilliseconds", date_getter<kMs, true>, 0},
      {"setMilliseconds", date_setter<6, 1, true>, 1},
      {"getMinutes", date_getter<kMinutes, true>, 0},
      {"setMinutes", date_setter<4, 3, true>, 3},
      {"getMonth", date_getter<kMonth, true>, 0},
      {"setMonth", date_setter<1, 2, true>, 2},
      {"getSeconds", date_getter<kSeconds, true>, 0},
      {"setSeconds", date_setter<5, 2, true>, 2},
      {"getTime", date_getter<kTime, true>, 0},
      {"setTime", date_set_time, 1},
      {"getTimezoneOffset", date_getter<kTzOffset, true>, 0},
      {"getUTCDate", date_getter<kDate, false>, 0},
      {"setUTCDate", date_setter<2, 1, false>, 1},
      {"getUTCDay", date_getter<kDay, false>, 0},
      {"getUTCFullYear", date_getter<kYear, false>, 0},
      {"setUTCFullYear", date_setter<0, 3, false>, 3},
      {"getUTCHours", date_getter<kHours, false>, 0},
      {"setUTCHours", date_setter<3, 4, false>, 4},
      {"getUTCMilliseconds", date_getter<kMs, false>, 0},
      {"setUTCMilliseconds", date_setter<6, 1, false>, 1},
      {"getUTCMinutes", date_getter<kMinutes, false>, 0},
      {"setUTCMinutes", date_setter<4, 3, false>, 3},
      {"getUTCMonth", date_getter<kMonth, false>, 0},
      {"setUTCMonth", date_setter<1, 2, false>, 2},
      {"getUTCSeconds", date_getter<kSeconds, false>, 0},
      {"setUTCSeconds", date_setter<5, 2, false>, 2},
      {"valueOf", date_value_of, 0},
      {"getYear", date_getter<kShortYear, true>, 0},
      {"setYear", date_set_year, 1},
      {"toJSON", date_to_json, 1},
      {"toLocaleString", date_to_locale_string, 0},
      {"toLocaleDateString", date_to_locale_date_string, 0},
      {"toLocaleTimeString", date_to_locale_time_string, 0},
  };
  for (auto& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  // toGMTString is the same function object as toUTCString (Annex B).
  Value utc = get(vm, proto, key_of(vm, "toUTCString"));
  vm.define_value(proto, "toGMTString", utc);
  gc::Rooted<FunctionObject> to_prim(vm.heap(), vm.new_native("[Symbol.toPrimitive]", date_to_primitive, 1));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::toPrimitive), object_value(to_prim), kConfigurable);
  define_global(vm, "Date", object_value(ctor));
}

}  // namespace glass
