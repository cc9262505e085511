// Proves the RE2 install links and behaves as the RegExp compiler will rely
// on: UTF-8 patterns, full and partial matches, submatch extraction, named
// groups, and rejection of what RE2 cannot express (backreferences,
// lookaround), which is exactly what our backtracking matcher will cover.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <map>
#include <string>

TEST_CASE("re2 smoke: compile, FullMatch, PartialMatch") {
  RE2 digits("([0-9]+)-([a-z]+)");
  REQUIRE(digits.ok());
  CHECK(digits.NumberOfCapturingGroups() == 2);

  int number = 0;
  std::string word;
  CHECK(RE2::FullMatch("42-abc", digits, &number, &word));
  CHECK(number == 42);
  CHECK(word == "abc");
  CHECK(!RE2::FullMatch("x42-abc", digits));
  CHECK(RE2::PartialMatch("x42-abcY", digits, &number));
  CHECK(number == 42);
}

TEST_CASE("re2 smoke: named groups and UTF-8") {
  RE2 re("(?P<year>\\d{4})-(?P<month>\\d{2})");
  REQUIRE(re.ok());
  const std::map<std::string, int>& names = re.NamedCapturingGroups();
  REQUIRE(names.count("year") == 1);
  CHECK(names.at("year") == 1);
  CHECK(names.at("month") == 2);
  std::string year, month;
  CHECK(RE2::PartialMatch("on 2025-06-01", re, &year, &month));
  CHECK(year == "2025");
  CHECK(month == "06");

  // RE2 matches code points in UTF-8 mode: `.` takes a whole emoji.
  RE2 one_char("^.$");
  CHECK(RE2::FullMatch("\xF0\x9F\x98\x80", one_char));
  RE2 greek("\\p{Greek}+");
  CHECK(RE2::FullMatch("\xCE\xB1\xCE\xB2", greek));
}

TEST_CASE("re2 smoke: what RE2 refuses") {
  RE2::Options quiet;
  quiet.set_log_errors(false);
  RE2 backref("(a)\\1", quiet);
  CHECK(!backref.ok());
  RE2 lookahead("a(?=b)", quiet);
  CHECK(!lookahead.ok());
}
