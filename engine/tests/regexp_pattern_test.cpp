// Tests for the RegExp pattern parser (engine/regexp/pattern.h): a table of
// valid and invalid patterns per flag mode, error positions, and tree shapes.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "regexp/pattern.h"

using namespace glass::regexp;

namespace {

// UTF-8 test text to the UTF-16 the parser takes.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int n;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; n = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; n = 3; }
    else { cp = c & 0x07; n = 4; }
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

Flags flags_of(const char* text) {
  std::string message;
  auto f = parse_flags(std::string_view(text), &message);
  REQUIRE(f.has_value());
  return *f;
}

// nullopt when valid, else the error message.
std::optional<std::string> check(std::string_view pattern, const char* flags) {
  auto e = check_pattern(utf16(pattern), flags_of(flags));
  if (!e) return std::nullopt;
  return e->message;
}

Pattern parse_ok(std::string_view pattern, const char* flags) {
  auto r = parse_pattern(utf16(pattern), flags_of(flags));
  if (auto* e = std::get_if<PatternError>(&r)) FAIL("unexpected error: " << e->message << " @" << e->index);
  return std::get<Pattern>(std::move(r));
}

struct Case {
  const char* pattern;
  const char* flags;
  const char* error;  // nullptr: valid; "" any error; else the exact message
};

void run_table(const Case* cases, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    const Case& c = cases[i];
    std::string pattern = c.pattern, flags = c.flags;
    CAPTURE(pattern);
    CAPTURE(flags);
    auto e = check(c.pattern, c.flags);
    if (c.error == nullptr) {
      CHECK_MESSAGE(!e.has_value(), "unexpected error: " << e.value_or(""));
    } else {
      CHECK_MESSAGE(e.has_value(), "expected an error");
      if (e && c.error[0] != '\0') CHECK(*e == std::string(c.error));
    }
  }
}

}  // namespace

TEST_CASE("regexp flags") {
  std::string message;
  auto all = parse_flags(std::string_view("dgimsuy"), &message);
  REQUIRE(all);
  CHECK(all->hasIndices);
  CHECK(all->global);
  CHECK(all->ignoreCase);
  CHECK(all->multiline);
  CHECK(all->dotAll);
  CHECK(all->unicode);
  CHECK(all->sticky);
  CHECK(!all->unicodeSets);
  CHECK(flags_to_string(*all) == "dgimsuy");
  CHECK(parse_flags(std::string_view("v"), &message)->unicodeSets);
  CHECK(parse_flags(std::string_view(""), &message).has_value());
  for (const char* bad : {"gg", "uv", "vu", "x", "G", "gmig", "\xC3\xA9"}) {
    CAPTURE(bad);
    message.clear();
    CHECK(!parse_flags(std::string_view(bad), &message));
    CHECK(message == "Invalid flags");
  }
  CHECK(!parse_flags(std::u16string_view(u"gi\u0067"), nullptr));
  CHECK(parse_flags(std::u16string_view(u"ys"), nullptr)->sticky);
}

TEST_CASE("regexp patterns without u or v (Annex B)") {
  static const Case cases[] = {
      // Plain syntax
      {"", "", nullptr},
      {"a|b|", "", nullptr},
      {"a*b+c?d{2}e{2,}f{2,3}g*?h+?i??j{1}?", "", nullptr},
      {"(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)", "", nullptr},
      {"^$\\b\\B.", "", nullptr},
      {"[]", "", nullptr},
      {"[^]", "", nullptr},
      {"[a-z0-9_]", "", nullptr},
      {"\\d\\D\\s\\S\\w\\W\\f\\n\\r\\t\\v\\0", "", nullptr},
      // B.1.2 ExtendedPatternCharacter: ] { } are literal where no quantifier is
      {"]", "", nullptr},
      {"}", "", nullptr},
      {"{", "", nullptr},
      {"a{", "", nullptr},
      {"a{1", "", nullptr},
      {"a{1,", "", nullptr},
      {"a{,5}", "", nullptr},
      {"a{1}{", "", nullptr},
      {"{*", "", nullptr},
      {"x{a}", "", nullptr},
      // InvalidBracedQuantifier
      {"{1}", "", "Nothing to repeat"},
      {"{1,}", "", "Nothing to repeat"},
      {"a|{1,2}", "", "Nothing to repeat"},
      {"a{1}{2}", "", "Nothing to repeat"},
      // \c edge cases
      {"\\c", "", nullptr},
      {"\\c1", "", nullptr},
      {"\\c*", "", nullptr},
      {"\\cA\\cz", "", nullptr},
      {"[\\c]", "", nullptr},
      {"[\\c1]", "", nullptr},
      {"[\\c_]", "", nullptr},
      {"[\\c*]", "", nullptr},
      // Octal escapes, \8 \9, backreferences depend on the group count
      {"\\1", "", nullptr},
      {"\\8\\9", "", nullptr},
      {"\\01\\377\\400\\08", "", nullptr},
      {"(a)\\1", "", nullptr},
      {"\\1(a)", "", nullptr},
      {"(a)\\2", "", nullptr},
      {"[\\1\\8\\9\\00]", "", nullptr},
      // Identity escapes
      {"\\a\\e\\-\\_\\ \\/\\k\\p\\q\\B", "", nullptr},
      {"\\x\\x1\\xZZ\\u\\u12\\uZZZZ\\u{1F600}", "", nullptr},
      {"\\p{Lu}\\P{Foo}", "", nullptr},
      {"\\k<a>", "", nullptr},
      {"\\k<a", "", nullptr},
      {"[\\k]", "", nullptr},
      // Class escapes at a range end are plain union members
      {"[\\d-a]", "", nullptr},
      {"[a-\\d]", "", nullptr},
      {"[\\s-\\d]", "", nullptr},
      {"[a-]", "", nullptr},
      {"[-a]", "", nullptr},
      {"[a-b-c]", "", nullptr},
      {"[\\b-\\n]", "", nullptr},
      // Quantifiable lookahead (B.1.2), not lookbehind
      {"(?=a)*", "", nullptr},
      {"(?!a){2,3}?", "", nullptr},
      {"(?<=a)*", "", "Nothing to repeat"},
      {"(?<!a)+", "", "Nothing to repeat"},
      // Nothing to repeat
      {"*", "", "Nothing to repeat"},
      {"+a", "", "Nothing to repeat"},
      {"?", "", "Nothing to repeat"},
      {"a**", "", "Nothing to repeat"},
      {"a+++", "", "Nothing to repeat"},
      {"a???", "", "Nothing to repeat"},
      {"a|*", "", "Nothing to repeat"},
      {"(*)", "", "Nothing to repeat"},
      {"^*", "", "Nothing to repeat"},
      {"$+", "", "Nothing to repeat"},
      {"\\b*", "", "Nothing to repeat"},
      {"\\B{1}", "", "Nothing to repeat"},
      // Quantifier bounds
      {"a{2,1}", "", "numbers out of order in {} quantifier"},
      {"a{2,2}", "", nullptr},
      {"a{0}", "", nullptr},
      {"a{99999999999999999999}", "", nullptr},
      {"a{99999999999999999999,}", "", nullptr},
      {"a{99999999999999999999,99999999999999999999}", "", nullptr},
      {"a{000000000000000000001,1}", "", nullptr},
      {"a{99999999999999999999,9999999999999999999}", "", "numbers out of order in {} quantifier"},
      {"a{4294967296,4294967295}", "", "numbers out of order in {} quantifier"},
      // Groups
      {"(", "", "Unterminated group"},
      {"(a", "", "Unterminated group"},
      {"(?:a", "", "Unterminated group"},
      {"((a)", "", "Unterminated group"},
      {")", "", "Unmatched ')'"},
      {"a)", "", "Unmatched ')'"},
      {"(a))", "", "Unmatched ')'"},
      {"(?", "", "Invalid group"},
      {"(?a)", "", "Invalid group"},
      {"(?<", "", "Invalid capture group name"},
      // Escapes at the end
      {"\\", "", "\\ at end of pattern"},
      {"a\\", "", "\\ at end of pattern"},
      {"[\\", "", ""},
      // Classes
      {"[", "", "Unterminated character class"},
      {"[a", "", "Unterminated character class"},
      {"[\\]", "", "Unterminated character class"},
      {"[b-a]", "", "Range out of order in character class"},
      {"[\\x62-\\x61]", "", "Range out of order in character class"},
      // Astral characters are two code units without u: this range is
      // \uDE00-\uD83D, out of order.
      {"[\xF0\x9F\x98\x80-\xF0\x9F\x98\x82]", "", "Range out of order in character class"},
      {"\xF0\x9F\x98\x80{2}", "", nullptr},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp named groups") {
  static const Case cases[] = {
      {"(?<a>x)\\k<a>", "", nullptr},
      {"\\k<a>(?<a>x)", "", nullptr},
      {"(?<a>x)\\k<a>", "u", nullptr},
      {"(?<$>x)(?<_>y)(?<a1>z)", "", nullptr},
      {"(?<a\\u200C\\u200D>x)", "", nullptr},
      {"(?<\\u0061>x)\\k<a>", "", nullptr},
      {"(?<\\u{61}>x)\\k<\\u{0061}>", "", nullptr},  // \u{...} in names even without u
      {"(?<\\ud835\\udc9c>x)", "", nullptr},         // escaped surrogate pair
      {"(?<\xF0\x9D\x92\x9C>x)", "", nullptr},       // literal astral ID_Start
      {"(?<\xF0\x9D\x92\x9C>x)", "u", nullptr},
      {"(?<\xCF\x80>x)", "", nullptr},               // π
      {"(?<\\ud835>x)", "", "Invalid capture group name"},  // lone surrogate escape
      {"(?<\\u{110000}>x)", "", "Invalid capture group name"},
      {"(?<1a>x)", "", "Invalid capture group name"},
      {"(?<>x)", "", "Invalid capture group name"},
      {"(?<a>x", "", "Unterminated group"},
      {"(?<a", "", "Invalid capture group name"},
      {"(?<a-b>x)", "", "Invalid capture group name"},
      {"(?<a\\x41>x)", "", "Invalid capture group name"},
      // Duplicates: allowed only in different alternatives (ES2025)
      {"(?<a>x)(?<a>y)", "", "Duplicate capture group name"},
      {"(?<a>x)|(?<a>y)", "", nullptr},
      {"(?<a>x)|(?<a>y)", "u", nullptr},
      {"(?:(?<a>x)|(?<a>y))\\k<a>", "", nullptr},
      {"((?<a>x)|(?<a>y))(?<a>z)", "", "Duplicate capture group name"},
      {"(?<a>x)|((?<a>y)|(?<a>z))", "", nullptr},
      {"(?<a>(?<a>x))", "", "Duplicate capture group name"},
      {"(?<a>x)|(?<b>y)(?<a>z)", "", nullptr},
      {"(?:(?<a>x)|y)(?<a>z)", "", "Duplicate capture group name"},
      {"(?<a>x)(?<b>y)|(?<b>z)(?<a>w)", "", nullptr},
      // \k under [+NamedCaptureGroups]
      {"(?<a>x)\\k<b>", "", "Invalid named capture referenced"},
      {"(?<a>x)\\k", "", "Invalid named reference"},
      {"(?<a>x)\\k<a", "", "Invalid capture group name"},
      {"\\k<a", "", nullptr},  // no GroupName: \k is an identity escape
      {"(?<a>x)[\\k]", "", "Invalid escape"},
      {"\\k<a>", "u", "Invalid named capture referenced"},
      {"\\k", "u", "Invalid named reference"},
      {"(?<a>.)\\k<a>", "v", nullptr},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp modifiers (ES2025)") {
  static const Case cases[] = {
      {"(?i:a)", "", nullptr},
      {"(?-i:a)", "", nullptr},
      {"(?i-ms:a)", "", nullptr},
      {"(?ims:a)", "u", nullptr},
      {"(?m-i:a)", "v", nullptr},
      {"(?i-:a)", "", nullptr},
      {"(?s:a)*", "", nullptr},
      {"(?-:a)", "", "Invalid flag group"},
      {"(?ii:a)", "", ""},
      {"(?i-i:a)", "", ""},
      {"(?m-sm:a)", "", ""},
      {"(?i--m:a)", "", ""},
      {"(?m-i-s:a)", "", ""},
      {"(?I:a)", "", ""},
      {"(?g:a)", "", ""},
      {"(?u:a)", "", ""},
      {"(?y:a)", "", ""},
      {"(?d:a)", "", ""},
      {"(?-I:a)", "", ""},
      {"(?i\xCC\x81:a)", "", ""},     // combining mark after i
      {"(?\xE2\x80\x8Di:a)", "", ""},  // ZWJ
      {"(?i", "", ""},
      {"(?i)", "", ""},
      {"(?i:a", "", "Unterminated group"},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp patterns with u") {
  static const Case cases[] = {
      {"\\u{1F600}\\u{0}\\u{0000000041}\\u{10FFFF}", "u", nullptr},
      {"\\uD83D\\uDE00", "u", nullptr},
      {"[\\uD83D\\uDE00-\\uD83D\\uDE02]", "u", nullptr},
      {"[\xF0\x9F\x98\x80-\xF0\x9F\x98\x82]", "u", nullptr},
      {"[\\uD83D\\uDE02-\\uD83D\\uDE00]", "u", "Range out of order in character class"},
      {"\\uD83D", "u", nullptr},
      {"\xF0\x9F\x98\x80{2}", "u", nullptr},
      {"\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u", nullptr},
      {"[\\-\\b]", "u", nullptr},
      {"\\0", "u", nullptr},
      {"(a)\\1", "u", nullptr},
      {"\\1(a)", "u", nullptr},
      {"(a)\\2", "u", "Invalid escape"},
      {"\\1", "u", ""},
      {"(a)\\10", "u", ""},
      {"\\00", "u", ""},
      {"\\01", "u", ""},
      {"\\8", "u", ""},
      {"[\\1]", "u", ""},
      {"[\\00]", "u", ""},
      {"\\u{110000}", "u", "Invalid Unicode escape"},
      {"\\u{}", "u", "Invalid Unicode escape"},
      {"\\u{12", "u", "Invalid Unicode escape"},
      {"\\u{FFFFFFFFFFFFFFFFFFFF}", "u", "Invalid Unicode escape"},
      {"\\uZZZZ", "u", "Invalid Unicode escape"},
      {"\\u12", "u", "Invalid Unicode escape"},
      {"\\x1", "u", "Invalid escape"},
      {"\\c", "u", ""},
      {"\\c1", "u", ""},
      {"[\\c]", "u", ""},
      {"[\\c_]", "u", ""},
      {"\\a", "u", "Invalid escape"},
      {"\\-", "u", "Invalid escape"},
      {"\\ ", "u", "Invalid escape"},
      {"\\k", "u", ""},
      {"\\q", "u", ""},
      {"[\\B]", "u", ""},
      {"[\\q{a}]", "u", ""},
      {"{", "u", "Lone quantifier brackets"},
      {"}", "u", "Lone quantifier brackets"},
      {"]", "u", "Lone quantifier brackets"},
      {"{1}", "u", "Nothing to repeat"},
      {"a{", "u", "Incomplete quantifier"},
      {"a{1", "u", "Incomplete quantifier"},
      {"a{,5}", "u", "Incomplete quantifier"},
      {"(?=a)*", "u", "Nothing to repeat"},
      {"(?!a){1}", "u", "Nothing to repeat"},
      {"[\\d-a]", "u", "Invalid character class"},
      {"[a-\\d]", "u", "Invalid character class"},
      {"[\\p{L}-z]", "u", "Invalid character class"},
      {"[\\d]", "u", nullptr},
      {"[a-]", "u", nullptr},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp unicode property escapes") {
  static const Case cases[] = {
      {"\\p{Lu}\\p{gc=Lu}\\p{General_Category=Lu}", "u", nullptr},
      {"\\p{Uppercase_Letter}\\p{L}\\p{Letter}\\p{LC}\\p{Cased_Letter}", "u", nullptr},
      {"\\p{gc=Decimal_Number}\\p{gc=digit}\\p{Combining_Mark}", "u", nullptr},
      {"\\p{Script=Greek}\\p{sc=Grek}\\p{Script_Extensions=Latin}\\p{scx=Latn}", "u", nullptr},
      {"\\p{sc=Zinh}\\p{sc=Qaai}\\p{sc=Hrkt}\\p{scx=Zzzz}\\p{scx=Unknown}", "u", nullptr},
      {"\\p{ASCII}\\p{Any}\\p{Assigned}\\p{ASCII_Hex_Digit}\\p{AHex}", "u", nullptr},
      {"\\P{Alphabetic}\\P{Alpha}\\p{White_Space}\\p{space}\\p{Extended_Pictographic}", "u", nullptr},
      {"\\p{Changes_When_NFKC_Casefolded}\\p{CWKCF}\\p{XIDS}\\p{Emoji}", "u", nullptr},
      {"[\\p{L}\\P{Nd}]", "u", nullptr},
      {"\\p{Lu}", "v", nullptr},
      // Exact names only: no loose matching, no Is/In prefixes
      {"\\p{lu}", "u", "Invalid property name"},
      {"\\p{ascii}", "u", "Invalid property name"},
      {"\\p{Ascii}", "u", "Invalid property name"},
      {"\\p{ASCII_hex_digit}", "u", "Invalid property name"},
      {"\\p{ASCIIHexDigit}", "u", "Invalid property name"},
      {"\\p{sc=greek}", "u", "Invalid property name"},
      {"\\p{Script=GREEK}", "u", "Invalid property name"},
      {"\\p{General_Category=lu}", "u", "Invalid property name"},
      {"\\p{gc=Uppercase Letter}", "u", "Invalid property name"},
      {"\\p{General_category=Lu}", "u", "Invalid property name"},
      {"\\p{IsGreek}", "u", "Invalid property name"},
      {"\\p{InBasic_Latin}", "u", "Invalid property name"},
      {"\\p{Block=Basic_Latin}", "u", "Invalid property name"},
      // Not in the spec's tables
      {"\\p{Hyphen}", "u", "Invalid property name"},
      {"\\p{Other_Alphabetic}", "u", "Invalid property name"},
      {"\\p{Composition_Exclusion}", "u", "Invalid property name"},
      {"\\p{sc=Blis}", "u", "Invalid property name"},  // ISO 15924, not Unicode
      {"\\p{sc=Jpan}", "u", "Invalid property name"},
      // Malformed
      {"\\p{ASCII=Y}", "u", "Invalid property name"},
      {"\\p{ASCII=Yes}", "u", "Invalid property name"},
      {"\\p{gc}", "u", "Invalid property name"},
      {"\\p{General_Category}", "u", "Invalid property name"},
      {"\\p{Script}", "u", "Invalid property name"},
      {"\\p{Script=}", "u", "Invalid property name"},
      {"\\p{=Lu}", "u", "Invalid property name"},
      {"\\p{}", "u", "Invalid property name"},
      {"\\p{Lu", "u", "Invalid property name"},
      {"\\p", "u", "Invalid property name"},
      {"\\pL", "u", "Invalid property name"},
      {"\\p{^Lu}", "u", "Invalid property name"},
      {"\\p{ Lu}", "u", "Invalid property name"},
      // Properties of strings: v only, never negated
      {"\\p{RGI_Emoji}\\p{Basic_Emoji}\\p{Emoji_Keycap_Sequence}", "v", nullptr},
      {"\\p{RGI_Emoji_Modifier_Sequence}\\p{RGI_Emoji_Flag_Sequence}", "v", nullptr},
      {"\\p{RGI_Emoji_Tag_Sequence}\\p{RGI_Emoji_ZWJ_Sequence}", "v", nullptr},
      {"[\\p{RGI_Emoji}]", "v", nullptr},
      {"\\p{RGI_Emoji}", "u", "Invalid property name"},
      {"\\P{RGI_Emoji}", "v", "Invalid property name"},
      {"[\\P{RGI_Emoji}]", "v", "Invalid property name in character class"},
      {"[^\\p{RGI_Emoji}]", "v", "Negated character class may contain strings"},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp patterns with v (unicodeSets)") {
  static const Case cases[] = {
      {"[[a-z]--[aeiou]]", "v", nullptr},
      {"[\\w&&\\d]", "v", nullptr},
      {"[a&&b&&c]", "v", nullptr},
      {"[a--b--c]", "v", nullptr},
      {"[\\p{L}--\\p{Lu}]", "v", nullptr},
      {"[\\q{abc|d|}]", "v", nullptr},
      {"[\\q{}]", "v", nullptr},
      {"[\\q{\\u{1F600}\\x41\\||\\}}]", "v", nullptr},
      {"[^\\q{a|b}]", "v", nullptr},
      {"[^[a-z]&&[aeiou]]", "v", nullptr},
      {"[^\\p{RGI_Emoji}&&a]", "v", nullptr},  // an intersection with a single-char set
      {"[^[^\\p{RGI_Emoji}&&a]]", "v", nullptr},
      {"[\\-\\&\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~\\b]", "v", nullptr},
      {"[a&b!c#d]", "v", nullptr},
      {"[&]", "v", nullptr},
      {"[]", "v", nullptr},
      {"[^]", "v", nullptr},
      {"[[]]", "v", nullptr},
      {"[[[[[a]]]]]", "v", nullptr},
      {"[a-z\\d[x]\\q{yy}]", "v", nullptr},
      {"[\\uD83D\\uDE00-\\u{1F602}]", "v", nullptr},
      // Operators cannot mix, and take operands, not ranges
      {"[a-z&&b]", "v", "Invalid set operation in character class"},
      {"[a&&b-c]", "v", "Invalid set operation in character class"},
      {"[a&&b--c]", "v", "Invalid set operation in character class"},
      {"[a--b&&c]", "v", "Invalid set operation in character class"},
      {"[ab--c]", "v", "Invalid set operation in character class"},
      {"[a-z--b]", "v", "Invalid set operation in character class"},
      {"[[a-z]--[aeiou]\\q{x}]", "v", "Invalid set operation in character class"},
      {"[a&&&b]", "v", ""},
      {"[&&a]", "v", ""},
      {"[a&&]", "v", ""},
      {"[a--]", "v", ""},
      {"[a---b]", "v", ""},
      // Syntax characters must be escaped
      {"[(]", "v", "Invalid character in character class"},
      {"[)]", "v", ""},
      {"[{]", "v", ""},
      {"[}]", "v", ""},
      {"[/]", "v", ""},
      {"[|]", "v", ""},
      {"[-]", "v", ""},
      {"[a-]", "v", ""},
      {"[-a]", "v", ""},
      {"[a]]", "v", "Lone quantifier brackets"},
      // Reserved double punctuators
      {"[a!!b]", "v", "Invalid set operation in character class"},
      {"[##]", "v", ""},
      {"[a$$]", "v", ""},
      {"[%%]", "v", ""},
      {"[**]", "v", ""},
      {"[++]", "v", ""},
      {"[,,]", "v", ""},
      {"[..]", "v", ""},
      {"[::]", "v", ""},
      {"[;;]", "v", ""},
      {"[<<]", "v", ""},
      {"[==]", "v", ""},
      {"[>>]", "v", ""},
      {"[??]", "v", ""},
      {"[@@]", "v", ""},
      {"[^^^]", "v", ""},
      {"[``]", "v", ""},
      {"[~~]", "v", ""},
      {"[\\q{a!!b}]", "v", ""},
      // Strings in negated classes
      {"[^\\q{ab}]", "v", "Negated character class may contain strings"},
      {"[^\\q{}]", "v", "Negated character class may contain strings"},
      {"[^[\\q{ab}]]", "v", "Negated character class may contain strings"},
      {"[^\\p{RGI_Emoji}--a]", "v", "Negated character class may contain strings"},
      {"[^a\\p{RGI_Emoji}]", "v", "Negated character class may contain strings"},
      // Escapes
      {"[z-a]", "v", "Range out of order in character class"},
      {"[\\d-a]", "v", ""},
      {"[a-\\d]", "v", ""},
      {"\\q{a}", "v", ""},
      {"[\\q{a]", "v", ""},
      {"[\\q{(}]", "v", ""},
      {"[\\qa]", "v", ""},
      {"[\\c]", "v", ""},
      {"[\\k]", "v", ""},
      {"[\\B]", "v", ""},
      {"[\\1]", "v", ""},
      {"[\\a]", "v", ""},
      {"[", "v", "Unterminated character class"},
      {"[[a]", "v", "Unterminated character class"},
      {"[a&&", "v", "Unterminated character class"},
      {"[\\q{a|b", "v", "Unterminated character class"},
      // Outside classes v behaves like u
      {"{", "v", ""},
      {"\\-", "v", ""},
      {"(?=a)*", "v", ""},
      {"\\u{1F600}", "v", nullptr},
  };
  run_table(cases, std::size(cases));
}

TEST_CASE("regexp lone surrogates in the pattern") {
  std::u16string lone = u"a";
  lone.push_back(0xD800);
  lone += u"b";
  lone.push_back(0xDC00);
  CHECK(!check_pattern(lone, Flags{}));
  Flags u;
  u.unicode = true;
  CHECK(!check_pattern(lone, u));
  std::u16string range = u"[";
  range.push_back(0xDC00);
  range += u"-";
  range.push_back(0xDFFF);
  range += u"]";
  CHECK(!check_pattern(range, Flags{}));
  // A surrogate pair split by a quantifier is two characters without u.
  std::u16string pair;
  pair.push_back(0xD83D);
  pair.push_back(0xDE00);
  pair += u"+";
  CHECK(!check_pattern(pair, Flags{}));
}

TEST_CASE("regexp error positions are UTF-16 offsets") {
  struct Where {
    const char* pattern;
    const char* flags;
    const char* message;
    uint32_t index;
  };
  static const Where cases[] = {
      {"a**", "", "Nothing to repeat", 2},
      {"abc(", "", "Unterminated group", 3},
      {"ab)", "", "Unmatched ')'", 2},
      {"\xF0\x9F\x98\x80)", "u", "Unmatched ')'", 2},
      {"\xF0\x9F\x98\x80)", "", "Unmatched ')'", 2},
      {"x[b-a]", "", "Range out of order in character class", 2},
      {"(?<a>x)(?<a>y)", "", "Duplicate capture group name", 7},
      {"x{2,1}", "", "numbers out of order in {} quantifier", 1},
      {"ab\\p{lu}", "u", "Invalid property name", 2},
      {"(a)\\k<b>(?<c>d)", "", "Invalid named capture referenced", 3},
      {"[abc", "", "Unterminated character class", 0},
      {"(a)\\2", "u", "Invalid escape", 3},
      {"[a&&b--c]", "v", "Invalid set operation in character class", 5},
  };
  for (const Where& w : cases) {
    std::string pattern = w.pattern;
    CAPTURE(pattern);
    auto e = check_pattern(utf16(w.pattern), flags_of(w.flags));
    REQUIRE(e);
    CHECK(e->message == w.message);
    CHECK(e->index == w.index);
  }
}

TEST_CASE("regexp deep nesting is bounded, not a stack overflow") {
  std::u16string open(100000, u'(');
  auto e = check_pattern(open, Flags{});
  REQUIRE(e);
  CHECK(e->message == "Regular expression too large");

  std::u16string balanced(kMaxNestingDepth, u'(');
  balanced.append(kMaxNestingDepth, u')');
  CHECK(!check_pattern(balanced, Flags{}));
  std::u16string too_deep(kMaxNestingDepth + 1, u'(');
  too_deep.append(kMaxNestingDepth + 1, u')');
  CHECK(check_pattern(too_deep, Flags{}));

  Flags v;
  v.unicodeSets = true;
  std::u16string classes(100000, u'[');
  e = check_pattern(classes, v);
  REQUIRE(e);
  CHECK(e->message == "Regular expression too large");
  // Moderate nesting is fine (deeper ones may hit the native stack guard
  // first in a sanitizer build, which is the point of the guard).
  std::u16string nested(200, u'[');
  nested.append(200, u']');
  CHECK(!check_pattern(nested, v));

  // Many siblings are fine.
  std::u16string wide;
  for (int i = 0; i < 50000; ++i) wide += u"(a)";
  wide += u"\\50000";
  auto r = parse_pattern(wide, Flags{});
  REQUIRE(std::holds_alternative<Pattern>(r));
  CHECK(std::get<Pattern>(r).capture_count == 50000);
}

TEST_CASE("regexp tree: structure, captures and names") {
  Pattern p = parse_ok("a(b|c)*?d{2,}", "");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Char 'a'\n"
        "    Quantifier {0,inf}?\n"
        "      Group #1\n"
        "        Disjunction\n"
        "          Alternative\n"
        "            Char 'b'\n"
        "          Alternative\n"
        "            Char 'c'\n"
        "    Quantifier {2,inf}\n"
        "      Char 'd'\n");

  p = parse_ok("(a)(?<n>b)(?:c)((d))(?=(e))", "");
  CHECK(p.capture_count == 5);
  REQUIRE(p.capture_names.size() == 6);
  CHECK(p.capture_names[2] == u"n");
  CHECK(p.capture_names[1].empty());
  CHECK(p.has_named_groups);

  p = parse_ok("(?<a>x)|(?<a>y)\\k<a>", "");
  CHECK(dump_pattern(p).find("Backreference <a> #1 #2") != std::string::npos);

  p = parse_ok("(?i-m:^a)(?<=b)(?<!c)(?!d)\\b\\B$", "");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Group (?i-m:\n"
        "      Disjunction\n"
        "        Alternative\n"
        "          Assertion ^\n"
        "          Char 'a'\n"
        "    Assertion (?<=\n"
        "      Disjunction\n"
        "        Alternative\n"
        "          Char 'b'\n"
        "    Assertion (?<!\n"
        "      Disjunction\n"
        "        Alternative\n"
        "          Char 'c'\n"
        "    Assertion (?!\n"
        "      Disjunction\n"
        "        Alternative\n"
        "          Char 'd'\n"
        "    Assertion \\b\n"
        "    Assertion \\B\n"
        "    Assertion $\n");

  // Surrogate pair escapes: one character with u, two without.
  p = parse_ok("\\uD83D\\uDE00", "u");
  CHECK(dump_pattern(p) == "Disjunction\n  Alternative\n    Char U+1F600\n");
  p = parse_ok("\\uD83D\\uDE00", "");
  CHECK(dump_pattern(p) == "Disjunction\n  Alternative\n    Char U+D83D\n    Char U+DE00\n");

  // Annex B: \2 with one group is the octal escape \2; \c without a letter is a backslash.
  p = parse_ok("(a)\\1\\2\\c", "");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Group #1\n"
        "      Disjunction\n"
        "        Alternative\n"
        "          Char 'a'\n"
        "    Backreference #1\n"
        "    Char U+0002\n"
        "    Char '\\'\n"
        "    Char 'c'\n");

  p = parse_ok("[^a-c\\d-]", "");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Class ^\n"
        "      ClassRange 'a'-'c'\n"
        "      ClassEscape \\d\n"
        "      Char '-'\n");

  p = parse_ok("[[a-z]--[aeiou]]", "v");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Class --\n"
        "      Class\n"
        "        ClassRange 'a'-'z'\n"
        "      Class\n"
        "        Char 'a'\n"
        "        Char 'e'\n"
        "        Char 'i'\n"
        "        Char 'o'\n"
        "        Char 'u'\n");

  p = parse_ok("[\\p{RGI_Emoji}\\q{ab|c}]\\P{sc=Grek}", "v");
  CHECK(dump_pattern(p) ==
        "Disjunction\n"
        "  Alternative\n"
        "    Class strings\n"
        "      Property \\p{RGI_Emoji}\n"
        "      ClassStrings\n"
        "        ClassString \"ab\"\n"
        "        ClassString \"c\"\n"
        "    Property \\P{Script=Grek}\n");

  // Quantifier bounds clamp instead of overflowing.
  p = parse_ok("a{99999999999999999999,}", "");
  auto child = [&](const Node& n, size_t i) -> const Node& { return p[p.children(n)[i]]; };
  const Node& q = child(child(p[p.root], 0), 0);
  CHECK(q.kind == NodeKind::Quantifier);
  CHECK(q.min == Node::kMaxRepeat);
  CHECK(q.max == Node::kUnbounded);

  // Node spans are UTF-16 offsets.
  p = parse_ok("x(?<n>yz)", "");
  const Node& group = child(child(p[p.root], 0), 1);
  CHECK(group.kind == NodeKind::Group);
  CHECK(group.start == 1);
  CHECK(group.end == 9);
}

TEST_CASE("regexp property resolution") {
  auto gc = resolve_property("Lu", false);
  REQUIRE(gc);
  CHECK(gc->kind == PropertyKind::GeneralCategory);
  CHECK(gc->icu_value > 0);
  auto sc = resolve_property("sc=Grek", false);
  REQUIRE(sc);
  CHECK(sc->kind == PropertyKind::Script);
  CHECK(sc->name == "Script");
  auto any = resolve_property("Any", false);
  REQUIRE(any);
  CHECK(any->icu_property == -1);
  auto alpha = resolve_property("Alpha", false);
  REQUIRE(alpha);
  CHECK(alpha->name == "Alphabetic");
  CHECK(alpha->icu_property >= 0);
  CHECK(!resolve_property("RGI_Emoji", false));
  CHECK(resolve_property("RGI_Emoji", true)->kind == PropertyKind::OfStrings);
}
