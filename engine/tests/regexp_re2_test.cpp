// Differential test of the RegExp matcher's two engines: every pattern runs
// on one-byte subjects through RE2 (with whatever role regexp_re2.cpp gives
// it) and through the backtracker alone (set_force_backtracker), from every
// start position, sticky and not; status, match and captures must agree.
// The backtracker implements ECMA-262 directly, so it is the reference.
#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "builtins/regexp.h"
#include "regexp/pattern.h"

using namespace glass::regexp;

namespace {

std::u16string widen(const std::string& s) {
  std::u16string out;
  for (unsigned char c : s) out.push_back(char16_t(c));
  return out;
}

std::shared_ptr<const Program> compile(const std::string& pattern, const char* flags_text) {
  std::string message;
  auto flags = parse_flags(std::string_view(flags_text), &message);
  REQUIRE(flags.has_value());
  auto parsed = parse_pattern(widen(pattern), *flags);
  if (!std::holds_alternative<Pattern>(parsed)) return nullptr;
  std::string error;
  return compile_program(std::get<Pattern>(parsed), &error);
}

struct Outcome {
  MatchStatus status;
  std::vector<int32_t> captures;
  bool operator==(const Outcome&) const = default;
};

// A subject: one-byte (Latin-1) text, or two-byte when `wide` is set.
struct Subject {
  std::string one;
  std::u16string wide;
  bool two_byte() const { return !wide.empty(); }
  uint32_t size() const { return uint32_t(two_byte() ? wide.size() : one.size()); }
  std::string shown() const {
    if (!two_byte()) return one;
    std::string s;
    for (char16_t c : wide) s += c < 0x80 ? std::string(1, char(c)) : "\\u" + std::to_string(unsigned(c));
    return s;
  }
};

Outcome run(const Program& program, const Subject& subject, uint32_t start, bool sticky, bool backtracker) {
  set_force_backtracker(backtracker);
  set_two_byte_re2_first(true);
  Outcome o;
  if (subject.two_byte())
    o.status = search(program, nullptr, subject.wide.data(), subject.size(), start, sticky, o.captures);
  else
    o.status = search(program, reinterpret_cast<const uint8_t*>(subject.one.data()), nullptr, subject.size(), start,
                      sticky, o.captures);
  set_force_backtracker(false);
  set_two_byte_re2_first(false);
  if (o.status != MatchStatus::Match) o.captures.clear();
  return o;
}

std::string show(const Outcome& o) {
  if (o.status == MatchStatus::NoMatch) return "no match";
  if (o.status == MatchStatus::LimitExceeded) return "limit";
  std::string s = "match";
  for (int32_t c : o.captures) s += " " + std::to_string(c);
  return s;
}

// Compares the engines on every start position; returns how many searches
// RE2 took part in (0 when the pattern has no RE2 plan).
// Each subject runs as one-byte text and widened to two bytes, and the
// two-byte extras (characters above U+00FF, surrogates) run as they are.
int compare(const std::string& pattern, const char* flags, const std::vector<std::string>& texts) {
  auto program = compile(pattern, flags);
  if (!program) return 0;
  std::vector<Subject> subjects;
  for (const std::string& t : texts) {
    subjects.push_back({t, {}});
    if (!t.empty()) subjects.push_back({{}, widen(t)});
  }
  for (const char16_t* t : {u"a\u00e9\u20acb", u"ab\u2028a", u"\U0001F600a\U0001F600", u"a\xd83d" u"b", u"\u017Fk\u212A"})
    subjects.push_back({{}, t});
  int searches = 0;
  for (const Subject& subject : subjects) {
    bool uses_re2 = std::string(re2_role(*program, subject.two_byte())) != "none";
    for (uint32_t start = 0; start <= subject.size(); ++start)
      for (bool sticky : {false, true}) {
        Outcome reference = run(*program, subject, start, sticky, true);
        // Out of budget: the backtracker has no answer to compare with (RE2
        // may well have one; that is the point of it).
        if (reference.status == MatchStatus::LimitExceeded) continue;
        Outcome re2 = run(*program, subject, start, sticky, false);
        INFO("/" << pattern << "/" << std::string(flags) << " (" << re2_role(*program, subject.two_byte()) << ") on \""
                 << subject.shown() << "\"" << (subject.two_byte() ? " (two-byte)" : "") << " from " << start
                 << (sticky ? " sticky" : ""));
        CHECK(show(re2) == show(reference));
        if (uses_re2) ++searches;
      }
  }
  return searches;
}

const std::vector<std::string> kSubjects = {
    "", "a", "b", "ab", "aab", "abab", "aaaa", "baaab", "a b", "ab\nba", "a\rb\nab", "AbA", "xaBx",
    "foo bar", "\xE0\xC0\xFF", "a1_ b2",
};

std::string role_of(const std::string& pattern, const char* flags = "") {
  auto program = compile(pattern, flags);
  REQUIRE(program);
  return re2_role(*program);
}

}  // namespace

TEST_CASE("regexp RE2 roles: what RE2's answer is used for") {
  CHECK(role_of("abc") == "exact");
  CHECK(role_of("(a+)+$") == "exact");          // the capture is set by every iteration
  CHECK(role_of("(.|\\n)*?END") == "exact");
  CHECK(role_of("^(\\w+\\s?)*$") == "exact");
  CHECK(role_of("(?:(a)|b)+") == "bounds");     // an iteration can leave (a) unset
  CHECK(role_of("(a?b)+") == "exact");
  CHECK(role_of("(?:a(b)?)+") == "bounds");
  CHECK(role_of("(a*)+$") == "filter");         // an iteration can match empty
  CHECK(role_of("(?=a)(a+)+$") == "filter");    // lookahead dropped
  CHECK(role_of("(a+)+\\1") == "filter");       // backreference read as any text
  CHECK(role_of("(a)\\1") == "none");           // filter, but nothing to protect
  CHECK(role_of("(?=a)a") == "none");
  CHECK(role_of("abc", "i") == "exact");
  CHECK(role_of("(a+)+$", "iu") == "exact");
  CHECK(role_of("^a", "m") == "none");          // needs a '\r' scan, nothing to protect
  CHECK(role_of("^(a+)+$", "m") == "exact");
  CHECK(role_of("[\\q{ab}]", "v") == "none");   // strings in a class
  CHECK(role_of("(?:ab){2000}") == "filter");   // over RE2's repeat limit
  // Two-byte subjects: only patterns that can backtrack badly get a plan.
  auto two_byte = [](const char* pattern, const char* flags) {
    auto program = compile(pattern, flags);
    REQUIRE(program);
    return std::string(re2_role(*program, true));
  };
  CHECK(two_byte("abc", "") == "none");
  CHECK(two_byte("(a+)+$", "") == "exact");
  CHECK(two_byte("(?:(a)|b)+", "u") == "bounds");
  CHECK(two_byte("\\b(a+)+", "iu") == "none");  // JS's \w has U+017F and U+212A here
}

TEST_CASE("regexp RE2 and the backtracker agree: chosen patterns") {
  const char* cases[][2] = {
      {"(a+)+$", ""}, {"(a|a)*$", ""}, {"(a|aa)+$", ""}, {"(.*a){3}", ""}, {"^(\\w+\\s?)*$", ""},
      {"(?:(a)|b)+", ""}, {"(?:(a)|(b))*", ""}, {"(?:a(b)?)+", ""}, {"((a)|b)+", ""}, {"(a|ab)(c|bcd)?", ""},
      {"(?:|a)*", ""}, {"(a*)*b", ""}, {"(a*)+$", ""}, {"(?:a?)+?b", ""}, {"(a|b)*?b", ""},
      {"(a){0}b", ""}, {"(a){2}", ""}, {"(a|(b)){2,3}", ""}, {"(?:(a)|b){1,2}?$", ""},
      {"\\bab?\\b", ""}, {"\\B.", ""}, {"^a|b$", ""}, {"a.b", ""}, {"a.b", "s"}, {"[^a]+", ""},
      {"^(a|b)+$", "m"}, {"^a", "m"}, {"b$", "m"}, {"(^b|a$)+", "m"}, {"^(?:(a)|b)+$", "m"},
      {"(AB)+", "i"}, {"[a-c]+(X)?", "i"}, {"\\xe0+", "i"}, {"(\\w)+", "i"}, {"[^a]", "i"},
      {"(a+)+$", "u"}, {"\\u{e0}+", "u"}, {"[\\u{ff}-\\u{10ffff}]", "u"}, {"(\\w)+", "iu"}, {"\\W+", "iu"},
      {"(a|b)+", "v"}, {"[\\w--b]+", "v"}, {"[[a-z]&&[^b]]+", "vi"}, {"\\p{L}+", "u"}, {"\\P{Ll}", "u"},
      {"(?i:a)b", ""}, {"(?-i:a)B", "i"}, {"(?m:^b)", ""}, {"(?s:.)(.)", ""},
      {"(?=a)(a+)+$", ""}, {"(?!b)(a|b)+", ""}, {"(?<=a)(b|a)+", ""}, {"(a+)+\\1", ""}, {"(?<x>a|b)+\\k<x>", ""},
      {"(?:ab){1001}", ""}, {"(a+)+$", "y"}, {"(?:(a)|b)+", "y"}, {"(a|b)*$", "g"}, {"(a)|(b)", "d"},
      {"a{2,}(b)*", ""}, {"(?:a|b)+?(b)", ""}, {"[]", ""}, {"[^]*", ""}, {"(?:\\u0100|a)+", ""},
  };
  for (auto& c : cases) compare(c[0], c[1], kSubjects);
}

// Random patterns over a small grammar, so the engines meet in shapes
// nobody thought to write down.
TEST_CASE("regexp RE2 and the backtracker agree: random patterns") {
  std::mt19937 rng(12345);
  auto pick = [&](int n) { return int(rng() % unsigned(n)); };
  int captures = 0;
  std::function<std::string(int)> gen = [&](int depth) -> std::string {
    std::string out;
    int terms = 1 + pick(3);
    for (int t = 0; t < terms; ++t) {
      std::string atom;
      switch (depth > 2 ? pick(5) : pick(9)) {
        case 0: atom = "a"; break;
        case 1: atom = "b"; break;
        case 2: atom = "[ab]"; break;
        case 3: atom = pick(2) ? "." : "\\w"; break;
        case 4: atom = pick(3) == 0 ? "^" : pick(2) ? "$" : "\\b"; break;
        case 5: atom = "(" + gen(depth + 1) + ")"; ++captures; break;
        case 6: atom = "(?:" + gen(depth + 1) + "|" + gen(depth + 1) + ")"; break;
        case 7: atom = "(" + gen(depth + 1) + "|" + gen(depth + 1) + ")"; ++captures; break;
        case 8: atom = pick(3) == 0 ? "(?=" + gen(depth + 1) + ")" : pick(2) && captures ? "\\1" : "(?:a|)"; break;
      }
      if (atom != "^" && atom != "$" && atom != "\\b" && pick(2)) {
        static const char* quantifiers[] = {"*", "+", "?", "{2}", "{1,3}", "{0,2}", "*?", "+?", "??", "{2,}"};
        atom += quantifiers[pick(10)];
      }
      out += atom;
    }
    return out;
  };
  static const char* flag_sets[] = {"", "", "i", "m", "s", "u", "y", "im"};
  const std::vector<std::string> subjects = {"", "a", "ab", "ba", "aab", "abba", "a b\nab", "bab\raa", "Ab", "aaaaab"};
  int searches = 0;
  for (int i = 0; i < 1500; ++i) {
    captures = 0;
    std::string pattern = gen(0);
    searches += compare(pattern, flag_sets[pick(8)], subjects);
  }
  // Most random patterns have loops over groups, so most get an RE2 plan:
  // if none did, this test would compare the backtracker with itself.
  CHECK(searches > 20000);
}
