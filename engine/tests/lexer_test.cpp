// Unit tests for the lexer (engine/parser/lexer.*), the token printer and
// the Unicode helpers (engine/unicode/) it stands on.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "parser/lexer.h"
#include "parser/token_printer.h"
#include "unicode/unicode.h"

using namespace glass;
using K = TokenKind;

namespace {

// One source text with its lexer, positioned on the first token.
struct Lex {
  Source source;
  Arena arena;
  AtomTable atoms;
  std::optional<Lexer> lexer;

  explicit Lex(std::string text, bool module = false) {
    source.name = "test.js";
    source.text = std::move(text);
    lexer.emplace(source, arena, atoms, module);
    lexer->next();
  }
  Lex(const Lex&) = delete;
  const Token& tok() const { return lexer->current(); }
  Lex& next() {
    lexer->next();
    return *this;
  }
  // The kinds of all remaining tokens, current() included, EndOfFile excluded.
  std::vector<K> kinds() {
    std::vector<K> out;
    while (tok().kind != K::EndOfFile) {
      out.push_back(tok().kind);
      next();
    }
    return out;
  }
  std::string name() const { return tok().atom ? std::string(tok().atom->text) : "<null>"; }
};

std::string u8(std::u16string_view s) { return unicode::utf16_to_utf8(s); }

// The SyntaxError from lexing all of `text` (regexp: rescan the first token).
std::optional<SyntaxError> lex_error(std::string text, bool module = false, bool regexp = false) {
  Source source;
  source.text = std::move(text);
  Arena arena;
  AtomTable atoms;
  try {
    Lexer lexer(source, arena, atoms, module);
    lexer.next();
    if (regexp) lexer.rescan_regexp();
    while (lexer.current().kind != K::EndOfFile) lexer.next();
  } catch (const SyntaxError& e) {
    return e;
  }
  return std::nullopt;
}

std::string error_message(std::string text, bool module = false, bool regexp = false) {
  auto e = lex_error(std::move(text), module, regexp);
  return e ? e->message : "<no error>";
}

double number(std::string text) {
  Lex l(std::move(text));
  REQUIRE(l.tok().kind == K::Number);
  double v = l.tok().number;
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);
  return v;
}

std::string bigint(std::string text) {
  Lex l(std::move(text));
  REQUIRE(l.tok().kind == K::BigInt);
  return std::string(l.tok().bigint);
}

std::u16string cooked(std::string text) {
  Lex l(std::move(text));
  REQUIRE(l.tok().kind == K::String);
  std::u16string s(l.tok().string);
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);
  return s;
}

std::string printed(std::string text, bool module = false) {
  Source source;
  source.text = std::move(text);
  Arena arena;
  AtomTable atoms;
  std::ostringstream out;
  print_tokens(out, source, arena, atoms, module);
  return out.str();
}

}  // namespace

// --- Unicode helpers --------------------------------------------------------

TEST_CASE("unicode: identifier classes come from ICU, ASCII from the table") {
  CHECK(unicode::is_id_start('a'));
  CHECK(unicode::is_id_start('$'));
  CHECK(unicode::is_id_start('_'));
  CHECK_FALSE(unicode::is_id_start('1'));
  CHECK(unicode::is_id_continue('1'));
  CHECK_FALSE(unicode::is_id_continue('-'));
  CHECK(unicode::is_id_start(U'ø'));
  CHECK(unicode::is_id_start(0x102A7));  // CARIAN LETTER A
  CHECK(unicode::is_id_start(0x2118));   // Other_ID_Start: SCRIPT CAPITAL P
  CHECK_FALSE(unicode::is_id_start(0x1F600));  // emoji
  CHECK_FALSE(unicode::is_id_start(0x200C));
  CHECK(unicode::is_id_continue(0x200C));  // ZWNJ
  CHECK(unicode::is_id_continue(0x200D));  // ZWJ
  CHECK(unicode::is_id_continue(0x0301));  // combining acute accent
  CHECK_FALSE(unicode::is_id_start(0x0301));
  CHECK(unicode::is_id_continue(0x00B7));  // Other_ID_Continue: MIDDLE DOT
  CHECK_FALSE(unicode::is_id_start(0x2E2F));  // VERTICAL TILDE: Pattern_Syntax
}

TEST_CASE("unicode: white space and line terminators") {
  for (char32_t c : {U'\t', U'\v', U'\f', U' ', char32_t(0xA0), char32_t(0xFEFF), char32_t(0x3000),
                     char32_t(0x2003), char32_t(0x1680), char32_t(0x202F)})
    CHECK(unicode::is_whitespace(c));
  CHECK_FALSE(unicode::is_whitespace('\n'));
  CHECK_FALSE(unicode::is_whitespace(0x180E));  // no longer Zs since Unicode 6.3
  CHECK_FALSE(unicode::is_whitespace(0x200B));  // ZERO WIDTH SPACE is Cf
  CHECK_FALSE(unicode::is_whitespace(0x2028));
  for (char32_t c : {U'\n', U'\r', char32_t(0x2028), char32_t(0x2029)}) CHECK(unicode::is_line_terminator(c));
  CHECK_FALSE(unicode::is_line_terminator(0x85));  // NEL is not a JS line terminator
}

TEST_CASE("unicode: UTF-8 decoding rejects every malformed form") {
  auto decode = [](std::string s) {
    return unicode::decode_utf8(s.data(), s.data() + s.size());
  };
  CHECK(decode("A").code_point == 'A');
  CHECK(decode("\xC3\xB8").code_point == 0xF8);
  CHECK(decode("\xC3\xB8").length == 2);
  CHECK(decode("\xE2\x80\xA8").code_point == 0x2028);
  CHECK(decode("\xF0\x9F\x98\x80").code_point == 0x1F600);
  CHECK(decode("\xF4\x8F\xBF\xBF").code_point == 0x10FFFF);
  CHECK(decode("\xEF\xBF\xBF").code_point == 0xFFFF);
  CHECK(decode("\x80").length == 0);              // stray continuation
  CHECK(decode("\xC0\x80").length == 0);          // overlong NUL
  CHECK(decode("\xC1\xBF").length == 0);          // overlong
  CHECK(decode("\xE0\x80\x80").length == 0);      // overlong 3-byte
  CHECK(decode("\xE0\x9F\xBF").length == 0);      // overlong 3-byte
  CHECK(decode("\xF0\x8F\xBF\xBF").length == 0);  // overlong 4-byte
  CHECK(decode("\xED\xA0\x80").length == 0);      // U+D800 encoded
  CHECK(decode("\xED\xBF\xBF").length == 0);      // U+DFFF encoded
  CHECK(decode("\xF4\x90\x80\x80").length == 0);  // U+110000
  CHECK(decode("\xF5\x80\x80\x80").length == 0);
  CHECK(decode("\xFF").length == 0);
  CHECK(decode("\xE2\x82").length == 0);  // truncated by the end
  CHECK(decode("\xE2\x82X").length == 0);  // truncated by a non-continuation
  CHECK(decode("\xF0\x9F\x98").length == 0);
  size_t at = 99;
  CHECK_FALSE(unicode::is_valid_utf8("ab\xC0\x80", &at));
  CHECK(at == 2);
  CHECK(unicode::is_valid_utf8("a\xC3\xB8\xF0\x9F\x98\x80"));
}

TEST_CASE("unicode: UTF-8 <-> UTF-16") {
  std::u16string out;
  CHECK(unicode::utf8_to_utf16("a\xC3\xB8\xF0\x9F\x98\x80", out));
  CHECK((out == u"aø\U0001F600"));
  CHECK(out.size() == 4);
  std::u16string bad;
  CHECK_FALSE(unicode::utf8_to_utf16("a\xED\xA0\x80", bad));
  CHECK(unicode::utf16_to_utf8(u"aø\U0001F600") == "a\xC3\xB8\xF0\x9F\x98\x80");
  std::u16string lone = u"x";
  lone += char16_t(0xD800);
  CHECK(unicode::utf16_to_utf8(lone) == "x\xEF\xBF\xBD");  // U+FFFD
  std::string s;
  unicode::append_utf8(s, 0x10FFFF);
  CHECK(s == "\xF4\x8F\xBF\xBF");
}

// --- Punctuators ------------------------------------------------------------

TEST_CASE("lexer: every punctuator alone") {
  for (int k = int(K::LBrace); k < int(kFirstKeyword); ++k) {
    K kind = K(k);
    std::string text(token_text(kind));
    CAPTURE(text);
    Lex l(text);
    CHECK(l.tok().kind == kind);
    CHECK(l.tok().start.offset == 0);
    CHECK(l.tok().end == text.size());
    l.next();
    CHECK(l.tok().kind == K::EndOfFile);
  }
}

TEST_CASE("lexer: punctuators take the longest match") {
  CHECK(Lex(">>>=").kinds() == std::vector<K>{K::ShrAssign});
  CHECK(Lex(">>>>").kinds() == std::vector<K>{K::Shr, K::Greater});
  CHECK(Lex(">>=>").kinds() == std::vector<K>{K::SarAssign, K::Greater});
  CHECK(Lex("<<==").kinds() == std::vector<K>{K::ShlAssign, K::Assign});
  CHECK(Lex("====").kinds() == std::vector<K>{K::StrictEq, K::Assign});
  CHECK(Lex("!===").kinds() == std::vector<K>{K::StrictNotEq, K::Assign});
  CHECK(Lex("=>=").kinds() == std::vector<K>{K::Arrow, K::Assign});
  CHECK(Lex("***=").kinds() == std::vector<K>{K::StarStar, K::StarAssign});
  CHECK(Lex("**==").kinds() == std::vector<K>{K::StarStarAssign, K::Assign});
  CHECK(Lex("&&&").kinds() == std::vector<K>{K::AmpAmp, K::Amp});
  CHECK(Lex("|||=").kinds() == std::vector<K>{K::PipePipe, K::PipeAssign});
  CHECK(Lex("???").kinds() == std::vector<K>{K::QuestionQuestion, K::Question});
  CHECK(Lex("?\?=?").kinds() == std::vector<K>{K::QuestionQuestionAssign, K::Question});
  CHECK(Lex("+++").kinds() == std::vector<K>{K::PlusPlus, K::Plus});
  CHECK(Lex("a---b").kinds() == std::vector<K>{K::Identifier, K::MinusMinus, K::Minus, K::Identifier});
  CHECK(Lex("....").kinds() == std::vector<K>{K::Ellipsis, K::Dot});
  CHECK(Lex("..").kinds() == std::vector<K>{K::Dot, K::Dot});
  CHECK(Lex("a?.b").kinds() == std::vector<K>{K::Identifier, K::QuestionDot, K::Identifier});
  CHECK(Lex("a?.[0]").kinds() ==
        std::vector<K>{K::Identifier, K::QuestionDot, K::LBracket, K::Number, K::RBracket});
  // `?.5` is `?` then `.5`: a conditional, not optional chaining.
  Lex l("a?.5:1");
  CHECK(l.kinds() == std::vector<K>{K::Identifier, K::Question, K::Number, K::Colon, K::Number});
  Lex m("x?.5");
  m.next();
  CHECK(m.tok().kind == K::Question);
  m.next();
  CHECK(m.tok().number == 0.5);
  CHECK(m.tok().start.column == 3);
}

// --- Identifiers and keywords -----------------------------------------------

TEST_CASE("lexer: every keyword, and its atom") {
  for (int k = int(kFirstKeyword); k <= int(kLastKeyword); ++k) {
    std::string text(token_text(K(k)));
    CAPTURE(text);
    Lex l(text);
    CHECK(l.tok().kind == K(k));
    CHECK(l.name() == text);
    CHECK(l.tok().atom == l.atoms.intern(text));
    CHECK_FALSE(l.tok().escaped);
    // A longer or shorter name is an identifier.
    CHECK(Lex(text + "x").tok().kind == K::Identifier);
    CHECK(Lex(text.substr(0, text.size() - 1)).tok().kind == K::Identifier);
    CHECK(Lex("_" + text).tok().kind == K::Identifier);
  }
  // Contextual keywords are identifiers whose atom is pre-interned.
  Lex l("let async of yield await");
  CHECK(l.tok().kind == K::Identifier);
  CHECK(l.tok().atom == l.atoms.let_);
  l.next();
  CHECK(l.tok().atom == l.atoms.async_);
  l.next();
  CHECK(l.tok().atom == l.atoms.of_);
  l.next();
  CHECK(l.tok().atom == l.atoms.yield_);
  l.next();
  CHECK(l.tok().atom == l.atoms.await_);
  CHECK(Lex("iff").tok().kind == K::Identifier);
  CHECK(Lex("Ifx").tok().kind == K::Identifier);
  CHECK(Lex("IF").tok().kind == K::Identifier);
}

TEST_CASE("lexer: escaped keywords are identifiers with escaped=true") {
  Lex l("\\u0069f");
  CHECK(l.tok().kind == K::Identifier);
  CHECK(l.tok().escaped);
  CHECK(l.name() == "if");
  CHECK(l.tok().atom == l.atoms.intern("if"));
  CHECK(l.tok().end == 7);
  Lex m("\\u{74}his");
  CHECK(m.tok().kind == K::Identifier);
  CHECK(m.tok().escaped);
  CHECK(m.name() == "this");
  Lex n("l\\u0065t");
  CHECK(n.tok().kind == K::Identifier);
  CHECK(n.tok().escaped);
  CHECK(n.tok().atom == n.atoms.let_);
}

TEST_CASE("lexer: identifiers with escapes and non-ASCII characters") {
  Lex a("\\u0061bc");
  CHECK(a.tok().kind == K::Identifier);
  CHECK(a.name() == "abc");
  CHECK(a.tok().escaped);
  CHECK(a.tok().atom == a.atoms.intern("abc"));
  CHECK(Lex("a\\u{62}\\u0063").name() == "abc");
  CHECK(Lex("\\u{0000000061}").name() == "a");
  CHECK(Lex("$_\\u0024").name() == "$_$");
  CHECK_FALSE(Lex("abc").tok().escaped);

  Lex o("ø = 1");
  CHECK(o.tok().kind == K::Identifier);
  CHECK(o.name() == "\xC3\xB8");
  CHECK(o.tok().end == 2);
  o.next();
  CHECK(o.tok().kind == K::Assign);
  CHECK(o.tok().start.column == 3);

  Lex c("\xF0\x90\x8A\xA7x y");  // 𐊧x: an astral ID_Start, two UTF-16 units
  CHECK(c.name() == "\xF0\x90\x8A\xA7x");
  c.next();
  CHECK(c.tok().start.column == 5);
  CHECK(Lex("\\u{102A7}").name() == "\xF0\x90\x8A\xA7");
  CHECK(Lex("a\xE2\x80\x8C" "b").name() == "a\xE2\x80\x8C" "b");  // ZWNJ continues
  CHECK(Lex("a\\u200Cb").name() == "a\xE2\x80\x8C" "b");
  CHECK(Lex("e\xCC\x81").name() == "e\xCC\x81");  // combining mark continues
  // The same name written two ways is the same atom.
  Lex same("abc \\u0061bc");
  Atom first = same.tok().atom;
  same.next();
  CHECK(same.tok().atom == first);

  // A non-ASCII character that is not ID_Continue ends the identifier.
  Lex stop("a\xC2\xA0" "b");  // NBSP is white space
  CHECK(stop.kinds() == std::vector<K>{K::Identifier, K::Identifier});
}

TEST_CASE("lexer: invalid identifier escapes") {
  CHECK(error_message("\\u{1F600}") == "Invalid Unicode escape sequence");  // not ID_Start
  CHECK(error_message("a\\u{1F600}") == "Invalid Unicode escape sequence");
  CHECK(error_message("\\u0030abc") == "Invalid Unicode escape sequence");  // '0' cannot start
  CHECK(error_message("\\u200C") == "Invalid Unicode escape sequence");
  CHECK(error_message("\\uD83D\\uDE00") == "Invalid Unicode escape sequence");  // surrogates
  CHECK(error_message("a\\u002D") == "Invalid Unicode escape sequence");        // '-'
  CHECK(error_message("\\x41") == "Invalid Unicode escape sequence");
  CHECK(error_message("a\\u00") == "Invalid Unicode escape sequence");
  CHECK(error_message("a\\u{}") == "Invalid Unicode escape sequence");
  CHECK(error_message("a\\u{61") == "Invalid Unicode escape sequence");
  CHECK(error_message("a\\u{110000}") == "Undefined Unicode code-point");
  CHECK(error_message("a\\") == "Invalid Unicode escape sequence");
  auto e = lex_error("x = a\\u{1F600}");
  REQUIRE(e);
  CHECK(e->pos.column == 6);  // at the backslash
  CHECK(error_message("\xF0\x9F\x98\x80") == "Invalid or unexpected token");  // raw emoji
  CHECK(error_message("\xE2\x80\x8C") == "Invalid or unexpected token");      // raw ZWNJ first
  CHECK(error_message("@") == "Invalid or unexpected token");
  CHECK(error_message("\x01") == "Invalid or unexpected token");
  CHECK(error_message("\xE1\xA0\x8E") == "Invalid or unexpected token");  // U+180E: not white space
}

TEST_CASE("lexer: private names") {
  Lex l("#x #\\u0061b #if #\xC3\xB8");
  CHECK(l.tok().kind == K::PrivateName);
  CHECK(l.name() == "x");
  CHECK(l.tok().end == 2);
  l.next();
  CHECK(l.tok().kind == K::PrivateName);
  CHECK(l.name() == "ab");
  CHECK(l.tok().escaped);
  l.next();
  CHECK(l.tok().kind == K::PrivateName);
  CHECK(l.name() == "if");
  l.next();
  CHECK(l.tok().kind == K::PrivateName);
  CHECK(l.name() == "\xC3\xB8");
  CHECK(error_message("# x") == "Invalid or unexpected token");
  CHECK(error_message("#1") == "Invalid or unexpected token");
  CHECK(error_message("#\\u{1F600}") == "Invalid Unicode escape sequence");
}

// --- Numbers ----------------------------------------------------------------

TEST_CASE("lexer: decimal numbers") {
  CHECK(number("0") == 0);
  CHECK(number("42") == 42);
  CHECK(number("123456789012345") == 123456789012345.0);
  CHECK(number("1234567890123456789") == 1234567890123456789.0);
  CHECK(number(".5") == 0.5);
  CHECK(number("5.") == 5);
  CHECK(number("0.1") == 0.1);
  CHECK(number("3.14159") == 3.14159);
  CHECK(number("1e3") == 1000);
  CHECK(number("1E3") == 1000);
  CHECK(number("1e+3") == 1000);
  CHECK(number("1e-3") == 0.001);
  CHECK(number("2.5e-3") == 0.0025);
  CHECK(number(".5e1") == 5);
  CHECK(number("5.e1") == 50);
  CHECK(number("0e5") == 0);
  CHECK(number("0.0") == 0);
  // Correct rounding, the hard cases.
  CHECK(number("9007199254740993") == 9007199254740992.0);  // 2^53 + 1 ties to even
  CHECK(number("9007199254740995") == 9007199254740996.0);
  CHECK(number("1.7976931348623157e308") == 1.7976931348623157e308);
  CHECK(number("5e-324") == 5e-324);
  CHECK(number("2.4703282292062328e-324") == 5e-324);  // rounds up to the smallest denormal
  CHECK(number("2.4703282292062327e-324") == 0);
  CHECK(std::isinf(number("1e400")));
  CHECK(std::isinf(number("17976931348623159e292")));
  CHECK(number("1e-400") == 0);
  CHECK(number("0.000000000000000000000000000000000000000000000000000000000000001e-300") == 0);
  CHECK(std::isinf(number("0.1e310")));
  CHECK(number("0.001e-321") == 0);  // 1e-324 rounds to 0
  CHECK(number(std::string(400, '1') + "e-399") == 1.1111111111111111);
  // `1.toString` is not a number followed by a name, but `1..x` and `1 .x` work.
  Lex l("1..x");
  CHECK(l.kinds() == std::vector<K>{K::Number, K::Dot, K::Identifier});
  Lex m("1.5.5");
  CHECK(m.kinds() == std::vector<K>{K::Number, K::Number});
}

TEST_CASE("lexer: hex, octal and binary numbers") {
  CHECK(number("0x1F") == 31);
  CHECK(number("0X1f") == 31);
  CHECK(number("0xABCDEF") == 0xABCDEF);
  CHECK(number("0o17") == 15);
  CHECK(number("0O17") == 15);
  CHECK(number("0b101") == 5);
  CHECK(number("0B101") == 5);
  CHECK(number("0x0") == 0);
  CHECK(number("0xFFFFFFFFFFFFFFFF") == 18446744073709551615.0);
  // Beyond 2^53: rounded to nearest, ties to even.
  CHECK(number("0x20000000000001") == 9007199254740992.0);
  CHECK(number("0x20000000000003") == 9007199254740996.0);
  CHECK(number("0x1FFFFFFFFFFFFFFFFF") == 0x1FFFFFFFFFFFFFFFFFp0);
  CHECK(number("0b" + std::string(70, '1')) == std::ldexp(1.0, 70));
  CHECK(number("0b1" + std::string(52, '0') + "1") == std::ldexp(1.0, 53) + 1);
  CHECK(number("0b1" + std::string(53, '0') + "1") == std::ldexp(1.0, 54));  // tie -> even
  CHECK(number("0b1" + std::string(52, '0') + "11") == std::ldexp(1.0, 54) + 4);  // tie -> even (up)
  CHECK(number("0o" + std::string(30, '7')) == std::ldexp(1.0, 90));
  CHECK(number("0o1000000000000000000001") == std::ldexp(1.0, 63));
  CHECK(std::isinf(number("0x1" + std::string(260, '0'))));
  CHECK(error_message("0x") == "Invalid hexadecimal literal: expected a hex digit");
  CHECK(error_message("0xg") == "Invalid hexadecimal literal: expected a hex digit");
  CHECK(error_message("0o8") == "Invalid octal literal: expected a digit 0-7");
  CHECK(error_message("0b2") == "Invalid binary literal: expected 0 or 1");
  CHECK(error_message("0b12") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("0o18") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("0x1g") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("0x1.5") == "<no error>");  // `0x1` `.5`
}

TEST_CASE("lexer: numeric separators") {
  CHECK(number("1_000") == 1000);
  CHECK(number("1_000_000.000_1") == 1000000.0001);
  CHECK(number("1e1_0") == 1e10);
  CHECK(number(".0_1") == 0.01);
  CHECK(number("0xF_F") == 255);
  CHECK(number("0b1_0") == 2);
  CHECK(number("0o7_7") == 63);
  CHECK(number("1_2345678901234567") == 12345678901234567.0);
  CHECK(error_message("1__0") == "Only one underscore is allowed as numeric separator");
  CHECK(error_message("1_") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("1_.5") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("1_e5") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("1e5_") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("0_1") == "Numeric separator can not be used after leading 0");
  CHECK(error_message("0_") == "Numeric separator can not be used after leading 0");
  CHECK(error_message("1._5") == "Numeric separators are not allowed here");
  CHECK(error_message("1e_5") == "Numeric separators are not allowed here");
  CHECK(error_message("1e+_5") == "Numeric separators are not allowed here");
  CHECK(error_message("0x_1") == "Numeric separators are not allowed here");
  CHECK(error_message("0b_1") == "Numeric separators are not allowed here");
  CHECK(error_message("0x1__1") == "Only one underscore is allowed as numeric separator");
  CHECK(error_message("0x1_") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("01_1") == "Numeric separators are not allowed in legacy octal-like literals");
  CHECK(error_message("08_1") == "Numeric separators are not allowed in legacy octal-like literals");
  CHECK(error_message("1_n") == "Numeric separators are not allowed at the end of numeric literals");
  auto e = lex_error("x = 1__0");
  REQUIRE(e);
  CHECK(e->pos.column == 7);
}

TEST_CASE("lexer: legacy octal and octal-like numbers") {
  Lex a("017");
  CHECK(a.tok().kind == K::Number);
  CHECK(a.tok().number == 15);
  CHECK(a.tok().legacy_octal);
  Lex b("08");
  CHECK(b.tok().number == 8);
  CHECK(b.tok().legacy_octal);
  Lex c("09");
  CHECK(c.tok().number == 9);
  CHECK(c.tok().legacy_octal);
  CHECK(number("019") == 19);  // any 8 or 9 makes it decimal
  CHECK(number("08.5") == 8.5);  // NonOctalDecimalIntegerLiteral takes a fraction
  CHECK(number("09e1") == 90);
  CHECK(number("00") == 0);
  CHECK(number("0777") == 511);
  CHECK_FALSE(Lex("0").tok().legacy_octal);
  CHECK_FALSE(Lex("0.5").tok().legacy_octal);
  CHECK_FALSE(Lex("10").tok().legacy_octal);
  CHECK_FALSE(Lex("0x10").tok().legacy_octal);
  // A legacy octal literal stops before '.', so 017.5 is `017` `.5`.
  CHECK(Lex("017.5").kinds() == std::vector<K>{K::Number, K::Number});
  CHECK(error_message("017e1") == "Identifier starts immediately after numeric literal");
}

TEST_CASE("lexer: BigInt literals") {
  CHECK(bigint("0n") == "0");
  CHECK(bigint("123n") == "123");
  CHECK(bigint("0x1Fn") == "0x1F");
  CHECK(bigint("0o17n") == "0o17");
  CHECK(bigint("0b101n") == "0b101");
  CHECK(bigint("1_000n") == "1000");
  CHECK(bigint("0xF_Fn") == "0xFF");
  CHECK(bigint("123456789012345678901234567890n") == "123456789012345678901234567890");
  Lex l("12n");
  CHECK(l.tok().end == 3);
  CHECK(l.tok().number == 0);
  CHECK(error_message("01n") == "A BigInt literal cannot have a leading zero");
  CHECK(error_message("08n") == "A BigInt literal cannot have a leading zero");
  CHECK(error_message("1.5n") == "A BigInt literal cannot have a fraction or an exponent");
  CHECK(error_message("1e3n") == "A BigInt literal cannot have a fraction or an exponent");
  CHECK(error_message(".5n") == "A BigInt literal cannot have a fraction or an exponent");
  CHECK(error_message("1nn") == "Identifier starts immediately after numeric literal");
}

TEST_CASE("lexer: nothing may follow a number directly") {
  CHECK(error_message("3in x") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("3x") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("3$") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("3_") == "Numeric separators are not allowed at the end of numeric literals");
  CHECK(error_message("3\\u0061") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("3\xC3\xB8") == "Identifier starts immediately after numeric literal");
  CHECK(error_message("1.5e") == "Invalid exponent: expected a digit");
  CHECK(error_message("1e+") == "Invalid exponent: expected a digit");
  auto e = lex_error("a = 3in");
  REQUIRE(e);
  CHECK(e->pos.column == 6);
  CHECK(Lex("3 in x").kinds() == std::vector<K>{K::Number, K::In, K::Identifier});
  CHECK(Lex("3+x").kinds() == std::vector<K>{K::Number, K::Plus, K::Identifier});
}

// --- Strings ----------------------------------------------------------------

TEST_CASE("lexer: string literals and every escape") {
  CHECK(cooked("'hi'") == u"hi");
  CHECK(cooked("\"hi\"") == u"hi");
  CHECK(cooked("''") == u"");
  CHECK(cooked("\"it's\"") == u"it's");
  CHECK(cooked("'say \"x\"'") == u"say \"x\"");
  CHECK(cooked(R"('\n\t\r\b\f\v\\\'\"')") == u"\n\t\r\b\f\v\\'\"");
  CHECK(cooked(R"('\a\c\d\e\q\$\`')") == u"acdeq$`");  // non-escape characters stand for themselves
  CHECK(cooked(R"('\x41\x7a\xFF')") == u"Az\u00FF");
  CHECK(cooked(R"('\u0041\u00e9\uD83D\uDE00')") == u"Aé\U0001F600");
  CHECK(cooked(R"('\u{41}\u{1F600}\u{0000000041}\u{10FFFF}')") == u"A\U0001F600A\U0010FFFF");
  CHECK(cooked("'\xC3\xA9\xF0\x9F\x98\x80'") == u"é\U0001F600");  // raw UTF-8
  // A lone surrogate escape stays a lone code unit.
  std::u16string lone = cooked(R"('\uD800')");
  REQUIRE(lone.size() == 1);
  CHECK(lone[0] == 0xD800);
  // Line continuations contribute nothing.
  CHECK(cooked("'a\\\nb'") == u"ab");
  CHECK(cooked("'a\\\r\nb'") == u"ab");
  CHECK(cooked("'a\\\rb'") == u"ab");
  CHECK(cooked("'a\\\xE2\x80\xA8" "b'") == u"ab");
  CHECK(cooked("'a\\\xE2\x80\xA9" "b'") == u"ab");
  // U+2028 and U+2029 may appear raw inside strings.
  CHECK(cooked("'a\xE2\x80\xA8" "b\xE2\x80\xA9'") == u"a\u2028b\u2029");
  // A NUL character inside a string is fine.
  CHECK(cooked(std::string("'a\0b'", 5)) == std::u16string(u"a\0b", 3));
  CHECK(cooked(std::string("'\\\0'", 4)) == std::u16string(u"\0", 1));
  CHECK_FALSE(Lex("'\\n'").tok().legacy_octal);
}

TEST_CASE("lexer: \\0 versus legacy octal escapes") {
  Lex zero("'\\0'");
  CHECK((zero.tok().string == std::u16string(1, u'\0')));
  CHECK_FALSE(zero.tok().legacy_octal);
  CHECK_FALSE(Lex("'\\0a'").tok().legacy_octal);

  Lex oct("'ab\\07'");
  CHECK((oct.tok().string == u"ab\x07"));
  CHECK(oct.tok().legacy_octal);
  CHECK(oct.tok().invalid_escape_pos.offset == 3);
  CHECK(oct.tok().invalid_escape_pos.column == 4);
  CHECK(cooked(R"('\1')") == u"\x01");
  CHECK(cooked(R"('\101')") == u"A");
  CHECK(cooked(R"('\377')") == u"\u00FF");
  CHECK(cooked(R"('\400')") == u"\x20" u"0");  // \4-\7 take at most two digits
  CHECK(cooked(R"('\1234')") == u"S4");
  CHECK(cooked(R"('\08')") == std::u16string(u"\0" u"8", 2));  // \0 before 8: legacy
  CHECK(Lex(R"('\08')").tok().legacy_octal);
  CHECK(Lex(R"('\00')").tok().legacy_octal);
  Lex eight("'\\8'");
  CHECK((eight.tok().string == u"8"));
  CHECK(eight.tok().legacy_octal);
  Lex nine("'x\\9'");
  CHECK((nine.tok().string == u"x9"));
  CHECK(nine.tok().legacy_octal);
  CHECK(nine.tok().invalid_escape_pos.column == 3);
  // The first offending escape is reported.
  Lex two("'\\1\\2'");
  CHECK(two.tok().invalid_escape_pos.offset == 1);
}

TEST_CASE("lexer: string errors") {
  CHECK(error_message("'abc") == "Unterminated string literal");
  CHECK(error_message("'abc\n'") == "Unterminated string literal");
  CHECK(error_message("'abc\r'") == "Unterminated string literal");
  CHECK(error_message("\"abc'") == "Unterminated string literal");
  CHECK(error_message("'abc\\") == "Unterminated string literal");
  CHECK(error_message("'\xC3\xA9\\") == "Unterminated string literal");
  CHECK(error_message(R"('\x4')") == "Invalid hexadecimal escape sequence");
  CHECK(error_message(R"('\xg0')") == "Invalid hexadecimal escape sequence");
  CHECK(error_message("'\\x") == "Invalid hexadecimal escape sequence");
  CHECK(error_message(R"('\u004')") == "Invalid Unicode escape sequence");
  CHECK(error_message(R"('\u{}')") == "Invalid Unicode escape sequence");
  CHECK(error_message(R"('\u{110000}')") == "Undefined Unicode code-point");
  CHECK(error_message(R"('\u{FFFFFFFFFFFF}')") == "Undefined Unicode code-point");
  CHECK(error_message(R"('\u{41')") == "Invalid Unicode escape sequence");
  auto e = lex_error("x = 'abc");
  REQUIRE(e);
  CHECK(e->pos.column == 5);  // the string's opening quote
  auto h = lex_error("x = 'ab\\x4'");
  REQUIRE(h);
  CHECK(h->pos.column == 8);  // the backslash
  // An unterminated string after a line continuation still points at its start.
  auto c = lex_error("  'a\\\nb");
  REQUIRE(c);
  CHECK(c->pos.line == 1);
  CHECK(c->pos.column == 3);
}

// --- Templates --------------------------------------------------------------

TEST_CASE("lexer: template literals, cooked and raw") {
  Lex l("`hello`");
  CHECK(l.tok().kind == K::Template);
  CHECK(u8(l.tok().string) == "hello");
  CHECK(u8(l.tok().raw) == "hello");
  CHECK_FALSE(l.tok().invalid_escape);
  CHECK(l.tok().end == 7);

  Lex e("``");
  CHECK(e.tok().kind == K::Template);
  CHECK(e.tok().string.empty());
  CHECK(e.tok().raw.empty());


  Lex esc(R"(`a\nb\u0041\x41\u{1F600}\`\$\0`)");
  CHECK((esc.tok().string == std::u16string(u"a\nbAA\U0001F600`$\0", 10)));
  CHECK(u8(esc.tok().raw) == R"(a\nb\u0041\x41\u{1F600}\`\$\0)");

  // CR and CRLF become LF in both values; LS/PS stay.
  Lex crlf("`a\r\nb\rc\nd\xE2\x80\xA8" "e`");
  CHECK((crlf.tok().string == u"a\nb\nc\nd\u2028e"));
  CHECK((crlf.tok().raw == u"a\nb\nc\nd\u2028e"));
  // A line continuation: nothing cooked, backslash + LF raw.
  Lex cont("`a\\\r\nb`");
  CHECK((cont.tok().string == u"ab"));
  CHECK((cont.tok().raw == u"a\\\nb"));
  // Non-ASCII characters, `$` without `{`.
  Lex uni("`\xC3\xA9$ $$\xF0\x9F\x98\x80`");
  CHECK((uni.tok().string == u"é$ $$\U0001F600"));
  CHECK((uni.tok().raw == u"é$ $$\U0001F600"));
}

TEST_CASE("lexer: template head, middle and tail via rescan") {
  Lex l("`a${x}b${y}c` + `${{}}`");
  CHECK(l.tok().kind == K::TemplateHead);
  CHECK(u8(l.tok().string) == "a");
  CHECK(l.tok().end == 4);
  l.next();
  CHECK(l.name() == "x");
  l.next();
  CHECK(l.tok().kind == K::RBrace);  // next() always reads `}` as RBrace
  l.lexer->rescan_template_continuation();
  CHECK(l.tok().kind == K::TemplateMiddle);
  CHECK(u8(l.tok().string) == "b");
  CHECK(u8(l.tok().raw) == "b");
  CHECK(l.tok().start.offset == 5);
  CHECK(l.tok().end == 9);
  l.next();
  CHECK(l.name() == "y");
  l.next();
  l.lexer->rescan_template_continuation();
  CHECK(l.tok().kind == K::TemplateTail);
  CHECK(u8(l.tok().string) == "c");
  CHECK(l.tok().end == 13);
  l.next();
  CHECK(l.tok().kind == K::Plus);
  l.next();
  CHECK(l.tok().kind == K::TemplateHead);
  CHECK(l.tok().string.empty());
  l.next();
  CHECK(l.tok().kind == K::LBrace);
  l.next();
  CHECK(l.tok().kind == K::RBrace);
  l.next();
  l.lexer->rescan_template_continuation();
  CHECK(l.tok().kind == K::TemplateTail);
  CHECK(l.tok().string.empty());
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);

  // A template spanning lines moves the line count; the next token knows.
  Lex m("`a\nb${\nx}\nc` y");
  m.next();
  CHECK(m.tok().start.line == 3);
  CHECK(m.tok().newline_before);
  m.next();
  m.lexer->rescan_template_continuation();
  CHECK(m.tok().kind == K::TemplateTail);
  CHECK(m.tok().start.line == 3);
  CHECK(m.tok().start.column == 2);
  m.next();
  CHECK(m.name() == "y");
  CHECK(m.tok().start.line == 4);
  CHECK(m.tok().start.column == 4);
}

TEST_CASE("lexer: invalid template escapes do not throw") {
  for (const char* text : {R"(`\u{`)", R"(`\xg`)", R"(`\01`)", R"(`\1`)", R"(`\9`)", R"(`\u00`)",
                           R"(`\u{110000}`)", R"(`\x`)", R"(`\u`)", R"(`\u{}`)", R"(`\00`)"}) {
    CAPTURE(text);
    Lex l(text);
    CHECK(l.tok().kind == K::Template);
    CHECK(l.tok().invalid_escape);
    CHECK(l.tok().string.empty());
    CHECK(l.tok().invalid_escape_pos.offset == 1);
    std::string body(text + 1, std::strlen(text) - 2);
    CHECK(u8(l.tok().raw) == body);
    CHECK_FALSE(l.tok().legacy_octal);
  }
  // The escape does not swallow what follows: `\u` then an escaped backtick.
  Lex a(R"(`\u\``)");
  CHECK(a.tok().kind == K::Template);
  CHECK(a.tok().invalid_escape);
  CHECK(u8(a.tok().raw) == R"(\u\`)");
  // ... nor a substitution.
  Lex b(R"(`\x${1}\u{`)");
  CHECK(b.tok().kind == K::TemplateHead);
  CHECK(b.tok().invalid_escape);
  b.next();
  b.next();
  b.lexer->rescan_template_continuation();
  CHECK(b.tok().kind == K::TemplateTail);
  CHECK(b.tok().invalid_escape);
  CHECK(u8(b.tok().raw) == R"(\u{)");
  CHECK(b.tok().invalid_escape_pos.column == 8);
  // \0 not followed by a digit is fine.
  Lex z(R"(`\0a`)");
  CHECK_FALSE(z.tok().invalid_escape);
  CHECK((z.tok().string == std::u16string(u"\0a", 2)));
}

TEST_CASE("lexer: unterminated templates") {
  CHECK(error_message("`abc") == "Unterminated template literal");
  CHECK(error_message("`abc\\`") == "Unterminated template literal");
  CHECK(error_message("`abc$") == "Unterminated template literal");
  CHECK(error_message("`abc\\") == "Unterminated template literal");
  Lex l("`a${x} b");
  l.next();
  l.next();
  CHECK_THROWS_AS(l.lexer->rescan_template_continuation(), SyntaxError);
}

// --- Regular expressions ----------------------------------------------------

TEST_CASE("lexer: regular expressions via rescan") {
  Lex l("x = /ab+c/gi; y");
  l.next();
  l.next();
  CHECK(l.tok().kind == K::Slash);
  l.lexer->rescan_regexp();
  CHECK(l.tok().kind == K::RegExp);
  CHECK(u8(l.tok().regexp_body) == "ab+c");
  CHECK(l.tok().regexp_flags == "gi");
  CHECK(l.tok().start.offset == 4);
  CHECK(l.tok().start.column == 5);
  CHECK(l.tok().end == 12);
  l.next();
  CHECK(l.tok().kind == K::Semicolon);
  CHECK(l.lexer->previous_end() == 12);

  auto regexp = [](std::string text) {
    auto lex = std::make_unique<Lex>(std::move(text));
    lex->lexer->rescan_regexp();
    return lex;
  };
  CHECK(u8(regexp("/[/]/").get()->tok().regexp_body) == "[/]");     // '/' in a class
  CHECK(u8(regexp("/[\\]/]/").get()->tok().regexp_body) == "[\\]/]");  // escaped ']' in a class
  CHECK(u8(regexp("/a\\/b/").get()->tok().regexp_body) == "a\\/b");
  CHECK(u8(regexp("/=/").get()->tok().regexp_body) == "=");         // starts from `/=`
  CHECK(u8(regexp("/=>/u").get()->tok().regexp_body) == "=>");
  CHECK(u8(regexp("/[[]/").get()->tok().regexp_body) == "[[]");     // classes do not nest
  CHECK(u8(regexp("/]/").get()->tok().regexp_body) == "]");
  CHECK(u8(regexp("/\xC3\xA9\xF0\x9F\x98\x80/u").get()->tok().regexp_body) == "é\xF0\x9F\x98\x80");
  CHECK(regexp("/a/").get()->tok().regexp_flags.empty());
  CHECK(regexp("/a/dgimsuyv").get()->tok().regexp_flags == "dgimsuyv");
  CHECK(regexp("/a/gx1$_").get()->tok().regexp_flags == "gx1$_");  // validated later
  {
    auto r = regexp("/a/g.test");
    CHECK(r->tok().regexp_flags == "g");
    r->next();
    CHECK(r->tok().kind == K::Dot);
  }
  {
    auto r = regexp("\n /a/");
    CHECK(r->tok().newline_before);
    CHECK(r->tok().start.line == 2);
  }
}

TEST_CASE("lexer: regular expression errors") {
  CHECK(error_message("/abc", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/abc\n/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/abc\r/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/ab\xE2\x80\xA8/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/a\\\n/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/[/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/[\n]/", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/a\\", false, true) == "Invalid regular expression: missing /");
  CHECK(error_message("/a/\\u0067", false, true) == "Invalid regular expression flags");
  CHECK(error_message("/a/g\\u0069", false, true) == "Invalid regular expression flags");
  auto e = lex_error("  /abc", false, true);
  REQUIRE(e);
  CHECK(e->pos.column == 3);
}

// --- Comments, HTML-like comments, hashbang ---------------------------------

TEST_CASE("lexer: comments and newline_before") {
  Lex l("a // c\nb /* x */ c /* \n */ d /* \xE2\x80\xA8 */ e\xE2\x80\xA9" "f\r\ng\rh");
  CHECK_FALSE(l.tok().newline_before);
  l.next();
  CHECK(l.name() == "b");
  CHECK(l.tok().newline_before);
  l.next();
  CHECK(l.name() == "c");
  CHECK_FALSE(l.tok().newline_before);  // a single-line /* */ is not a line break
  l.next();
  CHECK(l.name() == "d");
  CHECK(l.tok().newline_before);  // through a multi-line comment
  CHECK(l.tok().start.line == 3);
  l.next();
  CHECK(l.name() == "e");
  CHECK(l.tok().newline_before);  // U+2028 inside the comment
  CHECK(l.tok().start.line == 4);
  l.next();
  CHECK(l.name() == "f");
  CHECK(l.tok().newline_before);  // U+2029
  CHECK(l.tok().start.line == 5);
  CHECK(l.tok().start.column == 1);
  l.next();
  CHECK(l.name() == "g");
  CHECK(l.tok().start.line == 6);  // CRLF is one line break
  l.next();
  CHECK(l.name() == "h");
  CHECK(l.tok().start.line == 7);
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);

  Lex c("/**/a/***/b/*/*/c//\xE2\x80\xA8" "d");
  CHECK(c.kinds() == std::vector<K>{K::Identifier, K::Identifier, K::Identifier, K::Identifier});
  CHECK(error_message("a /* b") == "Unterminated comment");
  CHECK(error_message("/*/") == "Unterminated comment");
  auto e = lex_error("x\n  /* abc");
  REQUIRE(e);
  CHECK(e->pos.line == 2);
  CHECK(e->pos.column == 3);
  // A NUL inside a comment is just a character.
  CHECK(Lex(std::string("a//\0x\nb/*\0*/c", 13)).kinds() ==
        std::vector<K>{K::Identifier, K::Identifier, K::Identifier});
  // `//` comments end at every line terminator.
  Lex d("a//x\ry");
  d.next();
  CHECK(d.name() == "y");
}

TEST_CASE("lexer: HTML-like comments (Annex B, scripts only)") {
  CHECK(Lex("a <!-- b\nc").kinds() == std::vector<K>{K::Identifier, K::Identifier});
  CHECK(Lex("a <!-- b\nc", true).kinds() ==
        std::vector<K>{K::Identifier, K::Less, K::Bang, K::MinusMinus, K::Identifier, K::Identifier});
  // --> only at the start of a line.
  CHECK(Lex("a\n--> b\nc").kinds() == std::vector<K>{K::Identifier, K::Identifier});
  CHECK(Lex("a\n  /* x */ --> b\nc").kinds() == std::vector<K>{K::Identifier, K::Identifier});
  CHECK(Lex("a /*\n*/ --> b\nc").kinds() == std::vector<K>{K::Identifier, K::Identifier});
  CHECK(Lex("--> b\nc").kinds() == std::vector<K>{K::Identifier});  // start of input
  CHECK(Lex("a --> b").kinds() ==
        std::vector<K>{K::Identifier, K::MinusMinus, K::Greater, K::Identifier});
  CHECK(Lex("a /* x */ --> b").kinds() ==
        std::vector<K>{K::Identifier, K::MinusMinus, K::Greater, K::Identifier});
  CHECK(Lex("a\n--> b", true).kinds() ==
        std::vector<K>{K::Identifier, K::MinusMinus, K::Greater, K::Identifier});
  Lex l("x\n-->\ny");
  l.next();
  CHECK(l.name() == "y");
  CHECK(l.tok().newline_before);
  CHECK(l.tok().start.line == 3);
}

TEST_CASE("lexer: hashbang only at offset 0") {
  Lex l("#!/usr/bin/env node\nx");
  CHECK(l.name() == "x");
  CHECK(l.tok().start.line == 2);
  CHECK(Lex("#!").tok().kind == K::EndOfFile);
  CHECK(Lex("#! x", true).tok().kind == K::EndOfFile);
  CHECK(error_message(" #!x") == "Invalid or unexpected token");
  CHECK(error_message("\n#!x") == "Invalid or unexpected token");
  CHECK(error_message("x\n#!x") == "Invalid or unexpected token");
}

// --- White space, positions, UTF-8, NUL -------------------------------------

TEST_CASE("lexer: white space") {
  // TAB VT FF SP NBSP ZWNBSP and Zs (U+3000, U+2003, U+1680)
  Lex l("\t\v\f \xC2\xA0\xEF\xBB\xBF\xE3\x80\x80\xE2\x80\x83\xE1\x9A\x80x");
  CHECK(l.name() == "x");
  CHECK_FALSE(l.tok().newline_before);
  CHECK(l.tok().start.column == 10);
  CHECK(l.tok().start.offset == 18);
  Lex bom("\xEF\xBB\xBFx");  // a byte order mark is white space
  CHECK(bom.name() == "x");
  CHECK(bom.tok().start.column == 2);
  CHECK(error_message("\xE2\x80\x8B") == "Invalid or unexpected token");  // U+200B is not
}

TEST_CASE("lexer: positions count lines and UTF-16 columns") {
  Lex l("let x\n  = 'é' + '😀' + y;\r\n\tz /* é😀 */ w\xE2\x80\xA8v");
  CHECK(l.tok().start.line == 1);
  CHECK(l.tok().start.column == 1);
  l.next();  // x
  CHECK(l.tok().start.column == 5);
  CHECK(l.tok().end == 5);
  l.next();  // =
  CHECK(l.tok().start.line == 2);
  CHECK(l.tok().start.column == 3);
  CHECK(l.tok().start.offset == 8);
  l.next();  // 'é' (é is 2 bytes, 1 unit)
  CHECK(l.tok().start.column == 5);
  l.next();  // +
  CHECK(l.tok().start.column == 9);
  l.next();  // '😀' (4 bytes, 2 units)
  CHECK(l.tok().start.column == 11);
  l.next();  // +
  CHECK(l.tok().start.column == 16);
  l.next();  // y
  CHECK(l.tok().start.column == 18);
  l.next();  // ;
  l.next();  // z
  CHECK(l.tok().start.line == 3);
  CHECK(l.tok().start.column == 2);
  l.next();  // w: after a comment holding é😀 (3 units for 6 bytes)
  CHECK(l.name() == "w");
  CHECK(l.tok().start.column == 14);
  l.next();  // v: after U+2028
  CHECK(l.tok().start.line == 4);
  CHECK(l.tok().start.column == 1);
  CHECK(l.tok().newline_before);
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);
  CHECK(l.tok().start.column == 2);

  // A string with a raw U+2028 moves to the next line for positions.
  Lex s("'a\xE2\x80\xA8' b");
  s.next();
  CHECK(s.tok().start.line == 2);
  CHECK(s.tok().start.column == 3);
  CHECK_FALSE(s.tok().newline_before);
  // A line continuation inside a string, likewise.
  Lex c("'a\\\nbc' d");
  c.next();
  CHECK(c.tok().start.line == 2);
  CHECK(c.tok().start.column == 5);
}

TEST_CASE("lexer: previous_end, peek, save and restore") {
  Lex l("ab  cd /*x*/ ef");
  CHECK(l.lexer->previous_end() == 0);
  l.next();
  CHECK(l.lexer->previous_end() == 2);
  Token p = l.lexer->peek();
  CHECK(p.kind == K::Identifier);
  CHECK(p.atom->text == "ef");
  CHECK(p.start.offset == 13);
  CHECK(l.name() == "cd");  // peek did not consume
  CHECK(l.lexer->previous_end() == 2);
  auto state = l.lexer->save();
  l.next();
  CHECK(l.name() == "ef");
  CHECK(l.lexer->previous_end() == 6);
  l.next();
  CHECK(l.tok().kind == K::EndOfFile);
  l.lexer->restore(state);
  CHECK(l.name() == "cd");
  CHECK(l.lexer->previous_end() == 2);
  l.next();
  CHECK(l.name() == "ef");
  CHECK(l.tok().start.column == 14);
  // Peeking across lines and non-ASCII keeps positions right afterwards.
  Lex m("é\n😀x = 1");
  (void)m;
  Lex n("a\n'é' b");
  Token q = n.lexer->peek();
  CHECK(q.start.line == 2);
  CHECK(q.newline_before);
  n.next();
  n.next();
  CHECK(n.name() == "b");
  CHECK(n.tok().start.column == 5);
}

TEST_CASE("lexer: invalid UTF-8 is a SyntaxError wherever it is") {
  for (std::string bad : {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xFF", "\xE2\x82"}) {
    for (std::string wrap : {"$", "'$'", "`$`", "// $", "/* $ */", "a$", "x $", "#a$"}) {
      std::string text = wrap;
      text.replace(text.find('$'), 1, bad);
      CAPTURE(text);
      CHECK(error_message(text) == "Invalid UTF-8 sequence");
    }
    std::string re = "/a" + bad + "/";
    CHECK(error_message(re, false, true) == "Invalid UTF-8 sequence");
  }
  auto e = lex_error("ab = '\xC3\xA9\xC0\x80'");
  REQUIRE(e);
  CHECK(e->pos.offset == 8);
  CHECK(e->pos.column == 8);
  // Truncated at the very end of the input.
  CHECK(error_message("x\xE2") == "Invalid UTF-8 sequence");
  CHECK(error_message("'\xF0\x9F\x98") == "Invalid UTF-8 sequence");
}

TEST_CASE("lexer: NUL outside strings is an error") {
  CHECK(error_message(std::string("a\0b", 3)) == "Invalid or unexpected token");
  auto e = lex_error(std::string("ab \0", 4));
  REQUIRE(e);
  CHECK(e->pos.column == 4);
  CHECK(Lex(std::string("'\0'", 3)).tok().kind == K::String);
  CHECK(Lex(std::string("`\0`", 3)).tok().kind == K::Template);
  CHECK(Lex("").tok().kind == K::EndOfFile);
  CHECK(Lex("   \n  ").tok().kind == K::EndOfFile);
}

TEST_CASE("lexer: 50 MB on one line lexes in linear time") {
  // Six tokens, one of them holding a non-ASCII character, repeated to 50 MB
  // on a single line: anything that rescans the line per token would take hours.
  const std::string unit = "name_of_thing+=12345e3;'\xC3\xA9 and some more text';";
  std::u16string unit16;
  REQUIRE(unicode::utf8_to_utf16(unit, unit16));
  const size_t repeats = (50u << 20) / unit.size() + 1;
  std::string text;
  text.reserve(repeats * unit.size());
  for (size_t i = 0; i < repeats; ++i) text += unit;
  auto begin = std::chrono::steady_clock::now();
  Lex l(text);
  size_t count = 0;
  while (l.tok().kind != K::EndOfFile) {
    ++count;
    l.next();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  CHECK(count == repeats * 6);
  CHECK(l.tok().start.line == 1);
  CHECK(l.tok().start.column == repeats * unit16.size() + 1);  // UTF-16 columns, exactly
  MESSAGE("50 MB line: " << seconds << " s");
  CHECK(seconds < 30);  // generous for sanitizer builds on a busy machine

  // One 50 MB string literal, and one 50 MB comment.
  std::string big = "'" + std::string(50u << 20, 'x') + "' y";
  Lex s(big);
  CHECK(s.tok().string.size() == (50u << 20));
  s.next();
  CHECK(s.tok().start.column == (50u << 20) + 4);
  std::string comment = "/*" + std::string(50u << 20, '*') + "*/ z";
  Lex c(comment);
  CHECK(c.name() == "z");
}

// --- The token printer ------------------------------------------------------

TEST_CASE("token printer: format") {
  CHECK(printed("const x = 42;") ==
        "1:1    Const        const\n"
        "1:7    Identifier   x\n"
        "1:9    Assign       =\n"
        "1:11   Number       42\n"
        "1:13   Semicolon    ;\n"
        "1:14   EndOfFile\n");
  CHECK(printed("s = \"hi\\n\\u0001\\uD800\" + 0x1F\n+ 1.50 + 9n") ==
        "1:1    Identifier   s\n"
        "1:3    Assign       =\n"
        "1:5    String       \"hi\\n\\u0001\\uD800\"\n"
        "1:24   Plus         +\n"
        "1:26   Number       31  (written 0x1F)\n"
        "2:1    Plus         +  (nl)\n"
        "2:3    Number       1.5  (written 1.50)\n"
        "2:8    Plus         +\n"
        "2:10   BigInt       9n\n"
        "2:12   EndOfFile\n");
}

TEST_CASE("token printer: regexp versus division, templates") {
  std::string out = printed("a = b / c / d; r = /x/g; (1) / 2; if (x) /re/.test(y); `t${ {a}.a }u${v}w`");
  CHECK(out.find("Slash        /") != std::string::npos);
  CHECK(out.find("RegExp       /x/g") != std::string::npos);
  CHECK(out.find("RegExp       /re/") != std::string::npos);
  CHECK(out.find("TemplateHead \"t\"  raw \"t\"") != std::string::npos);
  CHECK(out.find("TemplateMiddle \"u\"  raw \"u\"") != std::string::npos);
  CHECK(out.find("TemplateTail \"w\"  raw \"w\"") != std::string::npos);
  CHECK(out.find("RBrace       }") != std::string::npos);  // the object's brace
  CHECK(printed("`a\\u{`") == "1:1    Template     (invalid escape: no cooked value)  raw \"a\\\\u{\"\n"
                              "1:7    EndOfFile\n");
  CHECK(printed("\\u0069f 017 '\\7' #p") ==
        "1:1    Identifier   if  (escaped: \\u0069f)\n"
        "1:9    Number       15  (written 017, legacy octal-like)\n"
        "1:13   String       \"\\u0007\"  (legacy octal escape)\n"
        "1:18   PrivateName  #p\n"
        "1:20   EndOfFile\n");
  CHECK(printed("1e21 1e-7 0.000001 123e18 1.5e300") ==
        "1:1    Number       1e+21  (written 1e21)\n"
        "1:6    Number       1e-7\n"
        "1:11   Number       0.000001\n"
        "1:20   Number       123000000000000000000  (written 123e18)\n"
        "1:27   Number       1.5e+300  (written 1.5e300)\n"
        "1:34   EndOfFile\n");
  // Tokens before an error are still printed.
  Source source;
  source.text = "a b @";
  Arena arena;
  AtomTable atoms;
  std::ostringstream os;
  CHECK_THROWS_AS(print_tokens(os, source, arena, atoms, false), SyntaxError);
  CHECK(os.str() == "1:1    Identifier   a\n1:3    Identifier   b\n");
}
