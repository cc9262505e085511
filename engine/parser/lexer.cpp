// The lexer. Reading order: next() -> skip_trivia() -> scan_token(), which
// dispatches on the first byte to the scanners below (identifiers, numbers,
// strings, templates); rescan_regexp() and rescan_template_continuation()
// are the two entry points the parser uses when the grammar decides.
//
// How it stays fast: the source is UTF-8 and almost always ASCII, so every
// loop looks at bytes and only decodes (and validates) a multi-byte sequence
// when it meets a byte >= 0x80. Tight loops test bytes against 256-entry
// tables built at compile time. Identifiers without escapes are interned
// straight from the source bytes; only cooked values that must become UTF-16
// (strings, templates, regexp bodies) are copied, once, into the arena.
//
// How it stays exact: std::string keeps a '\0' after its last byte, so
// text_[length_] can always be read; a '\0' before the end is a real NUL
// character, told apart by checking pos_ < length_. Reading text_[i + 1] is
// only done after text_[i] was seen to be something other than that final
// '\0', so no read ever goes past it.
//
// Columns count UTF-16 units: column_adjust_ accumulates, for the current
// line, how many more bytes than UTF-16 units the characters read so far
// took, so a column is a subtraction (see pos_at). Nothing ever rescans a line.
#include "lexer.h"

#include <bit>
#include <charconv>
#include <cstring>
#include <limits>

#include "unicode/unicode.h"

namespace glass {

namespace {

using unicode::ascii_class;

// --- Byte tables ------------------------------------------------------------

struct ByteTable {
  bool v[256];
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
template <class Pred>
constexpr ByteTable make_table(Pred pred) {
  ByteTable t{};
  for (int c = 0; c < 256; ++c) t.v[c] = pred(c);
  return t;
}

// ASCII identifier characters (non-ASCII ones are decided by ICU).
constexpr ByteTable kIdStart = make_table([](int c) { return c < 128 && (ascii_class(c) & unicode::kIdStart); });
constexpr ByteTable kIdPart = make_table([](int c) { return c < 128 && (ascii_class(c) & unicode::kIdContinue); });
constexpr ByteTable kDecimal = make_table([](int c) { return c >= '0' && c <= '9'; });
constexpr ByteTable kHexDigit = make_table([](int c) { return c < 128 && (ascii_class(c) & unicode::kHex); });
constexpr ByteTable kOctal = make_table([](int c) { return c >= '0' && c <= '7'; });
constexpr ByteTable kBinary = make_table([](int c) { return c == '0' || c == '1'; });
// Bytes a `//` comment can skip without a second look.
constexpr ByteTable kLineCommentPlain =
    make_table([](int c) { return c != '\n' && c != '\r' && c != 0 && c < 0x80; });
// Bytes a `/* */` comment can skip without a second look.
constexpr ByteTable kBlockCommentPlain =
    make_table([](int c) { return c != '*' && c != '\n' && c != '\r' && c != 0 && c < 0x80; });
// Bytes a string literal can copy as they are (either quote stops the loop).
constexpr ByteTable kStringPlain = make_table([](int c) {
  return c != '"' && c != '\'' && c != '\\' && c != '\n' && c != '\r' && c != 0 && c < 0x80;
});
// Bytes a template can copy as they are.
constexpr ByteTable kTemplatePlain = make_table([](int c) {
  return c != '`' && c != '$' && c != '\\' && c != '\n' && c != '\r' && c != 0 && c < 0x80;
});
// Bytes a regular expression body can copy as they are.
constexpr ByteTable kRegExpPlain = make_table([](int c) {
  return c != '/' && c != '\\' && c != '[' && c != ']' && c != '\n' && c != '\r' && c != 0 &&
         c < 0x80;
});

// Bytes that may begin white space, a line end or a comment.
constexpr ByteTable kTriviaStart = make_table([](int c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\n' || c == '\r' || c == '/' ||
         c == '<' || c == '-' || c == '#' || c >= 0x80;
});

inline int hex_value(unsigned char c) {
  if (c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// --- Keywords ---------------------------------------------------------------
//
// A perfect hash over the reserved words of GLASS_TOKENS: one table probe and
// one memcmp decide whether a name is a keyword. The table is built at
// compile time; a collision (after someone adds a keyword) stops the build.

struct TokenSpelling {
  std::string_view text;
  TokenKind kind;
};
constexpr TokenSpelling kSpellings[] = {
#define GLASS_TOKEN_SPELLING(name, text) {text, TokenKind::name},
    GLASS_TOKENS(GLASS_TOKEN_SPELLING)
#undef GLASS_TOKEN_SPELLING
};

constexpr size_t kMinKeyword = 2, kMaxKeyword = 10;  // "do" .. "instanceof"
constexpr unsigned keyword_hash(const char* s, size_t n) {
  return (unsigned(static_cast<unsigned char>(s[0])) + static_cast<unsigned char>(s[1]) +
          30u * static_cast<unsigned char>(s[n - 1]) + unsigned(n)) &
         127u;
}

struct KeywordTable {
  uint8_t slot[128];  // kind, or 0xFF for none
  constexpr KeywordTable() : slot{} {
    for (auto& s : slot) s = 0xFF;
    for (int k = int(kFirstKeyword); k <= int(kLastKeyword); ++k) {
      std::string_view text = kSpellings[k].text;
      if (text.size() < kMinKeyword || text.size() > kMaxKeyword) throw "keyword length out of range";
      unsigned h = keyword_hash(text.data(), text.size());
      if (slot[h] != 0xFF) throw "keyword hash collision: pick new constants in keyword_hash";
      slot[h] = uint8_t(k);
    }
  }
};
constexpr KeywordTable kKeywords{};

inline TokenKind keyword_kind(const char* s, size_t n) {
  if (n < kMinKeyword || n > kMaxKeyword) return TokenKind::Identifier;
  uint8_t k = kKeywords.slot[keyword_hash(s, n)];
  if (k == 0xFF) return TokenKind::Identifier;
  std::string_view text = kSpellings[k].text;
  if (text.size() != n || std::memcmp(text.data(), s, n) != 0) return TokenKind::Identifier;
  return TokenKind(k);
}

constexpr uint32_t kInvalidEscape = 0xFFFFFFFF;

// The double nearest to an integer written in radix 2^bits_per_digit
// (2, 8 or 16), separators skipped. Exact up to 64 significant bits, and
// correctly rounded beyond via std::from_chars on hexadecimal digits.
double radix_value(std::string_view digits, int bits_per_digit) {
  uint64_t v = 0;
  unsigned bits = 0;  // significant bits so far
  bool fits = true;
  for (char c : digits) {
    if (c == '_') continue;
    unsigned d = unsigned(hex_value(static_cast<unsigned char>(c)));
    if (bits == 0 && d == 0) continue;  // leading zeros
    bits = bits == 0 ? unsigned(std::bit_width(d)) : bits + unsigned(bits_per_digit);
    if (bits > 64) {
      fits = false;
      break;
    }
    v = (v << bits_per_digit) | d;
  }
  if (fits) return static_cast<double>(v);  // int -> double rounds to nearest, ties to even
  // Re-express as hexadecimal digits: collect bits MSB first, then group by 4.
  std::string bitstring;
  for (char c : digits) {
    if (c == '_') continue;
    unsigned d = unsigned(hex_value(static_cast<unsigned char>(c)));
    for (int b = bits_per_digit - 1; b >= 0; --b) bitstring += char('0' + ((d >> b) & 1));
  }
  std::string hex;
  size_t lead = (4 - bitstring.size() % 4) % 4;
  bitstring.insert(0, lead, '0');
  for (size_t i = 0; i < bitstring.size(); i += 4) {
    unsigned d = unsigned((bitstring[i] - '0') * 8 + (bitstring[i + 1] - '0') * 4 +
                          (bitstring[i + 2] - '0') * 2 + (bitstring[i + 3] - '0'));
    hex += "0123456789abcdef"[d];
  }
  double result = 0;
  auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), result, std::chars_format::hex);
  if (ec == std::errc::result_out_of_range) return std::numeric_limits<double>::infinity();
  return result;
}

// The double nearest to a decimal literal (no separators): std::from_chars,
// which rounds correctly. Out of range means overflow (Infinity) or
// underflow (0); which one follows from the sign of the decimal exponent.
double decimal_value(std::string_view text) {
  double result = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), result,
                                   std::chars_format::general);
  if (ec == std::errc::result_out_of_range) {
    // Position of the leading non-zero digit relative to the decimal point,
    // plus the exponent, gives the order of magnitude.
    long magnitude = 0;
    size_t i = 0;
    long int_digits = 0;
    bool seen_nonzero = false;
    long frac_zeros = 0;
    for (; i < text.size() && text[i] != '.' && (text[i] | 0x20) != 'e'; ++i) {
      if (text[i] != '0' || seen_nonzero) {
        seen_nonzero = true;
        ++int_digits;
      }
    }
    if (i < text.size() && text[i] == '.') {
      for (++i; i < text.size() && (text[i] | 0x20) != 'e'; ++i) {
        if (!seen_nonzero && text[i] == '0') ++frac_zeros;
        else seen_nonzero = true;
      }
    }
    magnitude = int_digits > 0 ? int_digits : -frac_zeros;
    if (i < text.size()) {
      long exponent = 0;
      bool negative = false;
      ++i;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
      for (; i < text.size(); ++i) exponent = std::min(exponent * 10 + (text[i] - '0'), 1000000L);
      magnitude += negative ? -exponent : exponent;
    }
    return magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
  return result;
}

}  // namespace

// --- Construction, state, positions ------------------------------------------

Lexer::Lexer(const Source& source, Arena& arena, AtomTable& atoms, bool module)
    : source_(source),
      arena_(arena),
      atoms_(atoms),
      module_(module),
      text_(source.text.data()),
      length_(static_cast<uint32_t>(source.text.size())) {
  for (auto& atom : keyword_atoms_) atom = nullptr;
  // Offsets are 32-bit; leave headroom so pos_ + 4 never wraps.
  if (source.text.size() > 0xFFFFFF00u) throw SyntaxError{"Source text is too large (4 GB or more)", {}};
}

Lexer::State Lexer::save() const {
  return State{token_, pos_, line_, line_start_, column_adjust_, previous_end_};
}

void Lexer::restore(const State& state) {
  token_ = state.token;
  pos_ = state.pos;
  line_ = state.line;
  line_start_ = state.line_start;
  column_adjust_ = state.column_adjust;
  previous_end_ = state.previous_end;
}

SourcePos Lexer::pos_at(uint32_t offset) const {
  // Inside a runtime's wrapper on line 1 (shift_first_line), column 1: never a wrapped-around number.
  uint32_t units = offset - line_start_;
  return SourcePos{offset, line_, units > column_adjust_ ? units - column_adjust_ + 1 : 1};
}

void Lexer::error(const std::string& message, uint32_t offset) { throw SyntaxError{message, pos_at(offset)}; }

void Lexer::error_at(const std::string& message, SourcePos pos) { throw SyntaxError{message, pos}; }

void Lexer::newline_at(uint32_t next_line_start) {
  ++line_;
  line_start_ = next_line_start;
  column_adjust_ = 0;
}

char32_t Lexer::decode_at(uint32_t offset, uint32_t* length) {
  unicode::Decoded d = unicode::decode_utf8(text_ + offset, text_ + length_);
  if (d.length == 0) error("Invalid UTF-8 sequence", offset);
  *length = d.length;
  return d.code_point;
}

// Reads a non-ASCII character at pos_ that belongs to the current token:
// validates it, advances, and keeps lines and columns right.
#define GLASS_CONSUME_NON_ASCII(cp_out)                     \
  do {                                                      \
    uint32_t len_;                                          \
    (cp_out) = decode_at(pos_, &len_);                      \
    pos_ += len_;                                           \
    if ((cp_out) == 0x2028 || (cp_out) == 0x2029)           \
      newline_at(pos_);                                     \
    else                                                    \
      column_adjust_ += len_ - unicode::utf16_length(cp_out); \
  } while (0)

// --- Tokens -----------------------------------------------------------------

// Clears token_ field by field: `token_ = Token{}` compiles to `rep stos`,
// whose start-up cost showed up as a tenth of the lexer's time.
void Lexer::reset_token() {
  token_.kind = TokenKind::EndOfFile;
  token_.newline_before = false;
  token_.escaped = false;
  token_.legacy_octal = false;
  token_.invalid_escape = false;
  token_.invalid_escape_pos = SourcePos{};
  token_.atom = nullptr;
  token_.number = 0;
  token_.bigint = {};
  token_.string = {};
  token_.raw = {};
  token_.regexp_body = {};
  token_.regexp_flags = {};
}

void Lexer::next() {
  previous_end_ = token_.end;
  reset_token();
  skip_trivia();
  token_.start = here();
  scan_token();
  token_.end = pos_;
}

Token Lexer::peek() {
  State state = save();
  next();
  Token result = token_;
  restore(state);
  return result;
}

void Lexer::skip_trivia() {
  bool newline = false;
  // Annex B's `-->` opens a comment only at the start of a line: after a
  // line terminator (also one inside a /* */ comment) with nothing but white
  // space and comments since, or at the start of the input.
  const bool input_start = previous_end_ == 0;
  for (;;) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (!kTriviaStart[c]) break;  // most tokens follow no trivia or one space
    switch (c) {
      case ' ':
      case '\t':
      case '\v':
      case '\f':
        ++pos_;
        while (text_[pos_] == ' ') ++pos_;
        continue;
      case '\n':
        ++pos_;
        newline_at(pos_);
        newline = true;
        continue;
      case '\r':
        ++pos_;
        if (text_[pos_] == '\n') ++pos_;
        newline_at(pos_);
        newline = true;
        continue;
      case '/':
        if (text_[pos_ + 1] == '/') {
          pos_ += 2;
          skip_line_comment();
          continue;
        }
        if (text_[pos_ + 1] == '*') {
          uint32_t line_before = line_;
          skip_block_comment();
          if (line_ != line_before) newline = true;
          continue;
        }
        break;
      case '<':  // Annex B: <!-- is a single-line comment in scripts
        if (!module_ && text_[pos_ + 1] == '!' && text_[pos_ + 2] == '-' && text_[pos_ + 3] == '-') {
          pos_ += 4;
          skip_line_comment();
          continue;
        }
        break;
      case '-':  // Annex B: --> at the start of a line, in scripts
        if (!module_ && (newline || input_start) && text_[pos_ + 1] == '-' && text_[pos_ + 2] == '>') {
          pos_ += 3;
          skip_line_comment();
          continue;
        }
        break;
      case '#':  // Hashbang: `#!` as the very first characters (after a BOM, as Node strips it)
        if (text_[pos_ + 1] == '!' &&
            (pos_ == 0 || (pos_ == 3 && std::memcmp(text_, "\xEF\xBB\xBF", 3) == 0))) {
          pos_ += 2;
          skip_line_comment();
          continue;
        }
        break;
      default:
        if (c >= 0x80) {
          uint32_t len;
          char32_t cp = decode_at(pos_, &len);
          if (cp == 0x2028 || cp == 0x2029) {
            pos_ += len;
            newline_at(pos_);
            newline = true;
            continue;
          }
          if (unicode::is_whitespace_non_ascii(cp)) {
            pos_ += len;
            column_adjust_ += len - unicode::utf16_length(cp);
            continue;
          }
        }
        break;
    }
    break;
  }
  token_.newline_before = newline;
}

void Lexer::skip_line_comment() {
  for (;;) {
    const char* p = text_ + pos_;
    while (kLineCommentPlain[static_cast<unsigned char>(*p)]) ++p;
    pos_ = uint32_t(p - text_);
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '\n' || c == '\r') return;
    if (c == 0) {
      if (pos_ >= length_) return;
      ++pos_;  // a NUL character inside a comment is just a character
      continue;
    }
    uint32_t len;
    char32_t cp = decode_at(pos_, &len);
    if (cp == 0x2028 || cp == 0x2029) return;
    pos_ += len;
    column_adjust_ += len - unicode::utf16_length(cp);
  }
}

void Lexer::skip_block_comment() {
  SourcePos start = here();
  pos_ += 2;  // "/*"
  for (;;) {
    const char* p = text_ + pos_;
    while (kBlockCommentPlain[static_cast<unsigned char>(*p)]) ++p;
    pos_ = uint32_t(p - text_);
    unsigned char c = static_cast<unsigned char>(*p);
    switch (c) {
      case '*':
        ++pos_;
        if (text_[pos_] == '/') {
          ++pos_;
          return;
        }
        continue;
      case '\n':
        ++pos_;
        newline_at(pos_);
        continue;
      case '\r':
        ++pos_;
        if (text_[pos_] == '\n') ++pos_;
        newline_at(pos_);
        continue;
      case 0:
        if (pos_ >= length_) error_at("Unterminated comment", start);
        ++pos_;
        continue;
      default: {
        char32_t cp;
        GLASS_CONSUME_NON_ASCII(cp);
        (void)cp;
      }
    }
  }
}

void Lexer::scan_token() {
  using K = TokenKind;
  const char* p = text_ + pos_;
  unsigned char c = static_cast<unsigned char>(p[0]);
  K kind;
  uint32_t size = 1;
  switch (c) {
    case '{': kind = K::LBrace; break;
    case '}': kind = K::RBrace; break;
    case '(': kind = K::LParen; break;
    case ')': kind = K::RParen; break;
    case '[': kind = K::LBracket; break;
    case ']': kind = K::RBracket; break;
    case ';': kind = K::Semicolon; break;
    case ',': kind = K::Comma; break;
    case ':': kind = K::Colon; break;
    case '~': kind = K::Tilde; break;
    case '.':
      if (kDecimal[static_cast<unsigned char>(p[1])]) return scan_number();
      if (p[1] == '.' && p[2] == '.') kind = K::Ellipsis, size = 3;
      else kind = K::Dot;
      break;
    case '<':
      if (p[1] == '<') {
        if (p[2] == '=') kind = K::ShlAssign, size = 3;
        else kind = K::Shl, size = 2;
      } else if (p[1] == '=') {
        kind = K::LessEq, size = 2;
      } else {
        kind = K::Less;
      }
      break;
    case '>':
      if (p[1] == '>') {
        if (p[2] == '>') {
          if (p[3] == '=') kind = K::ShrAssign, size = 4;
          else kind = K::Shr, size = 3;
        } else if (p[2] == '=') {
          kind = K::SarAssign, size = 3;
        } else {
          kind = K::Sar, size = 2;
        }
      } else if (p[1] == '=') {
        kind = K::GreaterEq, size = 2;
      } else {
        kind = K::Greater;
      }
      break;
    case '=':
      if (p[1] == '=') {
        if (p[2] == '=') kind = K::StrictEq, size = 3;
        else kind = K::Eq, size = 2;
      } else if (p[1] == '>') {
        kind = K::Arrow, size = 2;
      } else {
        kind = K::Assign;
      }
      break;
    case '!':
      if (p[1] == '=') {
        if (p[2] == '=') kind = K::StrictNotEq, size = 3;
        else kind = K::NotEq, size = 2;
      } else {
        kind = K::Bang;
      }
      break;
    case '+':
      if (p[1] == '+') kind = K::PlusPlus, size = 2;
      else if (p[1] == '=') kind = K::PlusAssign, size = 2;
      else kind = K::Plus;
      break;
    case '-':
      if (p[1] == '-') kind = K::MinusMinus, size = 2;
      else if (p[1] == '=') kind = K::MinusAssign, size = 2;
      else kind = K::Minus;
      break;
    case '*':
      if (p[1] == '*') {
        if (p[2] == '=') kind = K::StarStarAssign, size = 3;
        else kind = K::StarStar, size = 2;
      } else if (p[1] == '=') {
        kind = K::StarAssign, size = 2;
      } else {
        kind = K::Star;
      }
      break;
    case '/':  // comments were taken by skip_trivia; regexps by rescan_regexp
      if (p[1] == '=') kind = K::SlashAssign, size = 2;
      else kind = K::Slash;
      break;
    case '%':
      if (p[1] == '=') kind = K::PercentAssign, size = 2;
      else kind = K::Percent;
      break;
    case '&':
      if (p[1] == '&') {
        if (p[2] == '=') kind = K::AmpAmpAssign, size = 3;
        else kind = K::AmpAmp, size = 2;
      } else if (p[1] == '=') {
        kind = K::AmpAssign, size = 2;
      } else {
        kind = K::Amp;
      }
      break;
    case '|':
      if (p[1] == '|') {
        if (p[2] == '=') kind = K::PipePipeAssign, size = 3;
        else kind = K::PipePipe, size = 2;
      } else if (p[1] == '=') {
        kind = K::PipeAssign, size = 2;
      } else {
        kind = K::Pipe;
      }
      break;
    case '^':
      if (p[1] == '=') kind = K::CaretAssign, size = 2;
      else kind = K::Caret;
      break;
    case '?':
      if (p[1] == '?') {
        if (p[2] == '=') kind = K::QuestionQuestionAssign, size = 3;
        else kind = K::QuestionQuestion, size = 2;
      } else if (p[1] == '.' && !kDecimal[static_cast<unsigned char>(p[2])]) {
        kind = K::QuestionDot, size = 2;  // `a?.5:b` is a conditional, not `?.`
      } else {
        kind = K::Question;
      }
      break;
    case '"':
    case '\'':
      return scan_string(char(c));
    case '`':
      return scan_template(pos_);
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return scan_number();
    case '#':
      ++pos_;
      if (kIdStart[static_cast<unsigned char>(p[1])] || p[1] == '\\' ||
          static_cast<unsigned char>(p[1]) >= 0x80)
        return scan_identifier(true);
      error("Invalid or unexpected token", pos_ - 1);
    case 0:
      if (pos_ >= length_) {
        token_.kind = K::EndOfFile;
        return;
      }
      error("Invalid or unexpected token", pos_);
    default:
      if (kIdStart[c] || c == '\\' || c >= 0x80) return scan_identifier(false);
      error("Invalid or unexpected token", pos_);
  }
  token_.kind = kind;
  pos_ += size;
}

// --- Identifiers ------------------------------------------------------------

void Lexer::scan_identifier(bool private_name) {
  uint32_t start = pos_;
  const char* p = text_ + pos_;
  if (kIdStart[static_cast<unsigned char>(*p)]) {
    ++p;
    while (kIdPart[static_cast<unsigned char>(*p)]) ++p;
  }
  unsigned char stop = static_cast<unsigned char>(*p);
  if (stop == '\\' || stop >= 0x80) return scan_identifier_slow(start, private_name);
  pos_ = uint32_t(p - text_);
  const char* name = text_ + start;
  size_t n = pos_ - start;
  if (private_name) {
    token_.kind = TokenKind::PrivateName;
    token_.atom = atoms_.intern(std::string_view(name, n));
    return;
  }
  TokenKind kind = keyword_kind(name, n);
  token_.kind = kind;
  if (kind != TokenKind::Identifier) {
    Atom& atom = keyword_atoms_[int(kind) - int(kFirstKeyword)];
    if (!atom) atom = atoms_.intern(std::string_view(name, n));
    token_.atom = atom;
    return;
  }
  token_.atom = atoms_.intern(std::string_view(name, n));
}

// Identifiers with \u escapes or non-ASCII characters: decoded into buffer8_.
void Lexer::scan_identifier_slow(uint32_t start, bool private_name) {
  buffer8_.clear();
  pos_ = start;
  bool escaped = false;
  bool first = true;
  for (;; first = false) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c == '\\') {
      uint32_t backslash = pos_;
      if (text_[pos_ + 1] != 'u') error("Invalid Unicode escape sequence", backslash);
      pos_ += 2;
      uint32_t cp = scan_escape_code_point(backslash, false);
      if (!(first ? unicode::is_id_start(cp) : unicode::is_id_continue(cp)))
        error("Invalid Unicode escape sequence", backslash);
      unicode::append_utf8(buffer8_, cp);
      escaped = true;
    } else if (c < 0x80) {
      if (!(first ? kIdStart[c] : kIdPart[c])) break;
      buffer8_ += char(c);
      ++pos_;
    } else {
      uint32_t len;
      char32_t cp = decode_at(pos_, &len);
      if (!(first ? unicode::is_id_start_non_ascii(cp) : unicode::is_id_continue_non_ascii(cp))) {
        if (first) error("Invalid or unexpected token", pos_);
        break;
      }
      buffer8_.append(text_ + pos_, len);
      pos_ += len;
      column_adjust_ += len - unicode::utf16_length(cp);
    }
  }
  token_.escaped = escaped;
  token_.atom = atoms_.intern(buffer8_);
  if (private_name) {
    token_.kind = TokenKind::PrivateName;
    return;
  }
  // A reserved word spelled with escapes is still an Identifier token: the
  // parser decides (it is an error except where any IdentifierName is allowed).
  token_.kind = TokenKind::Identifier;
  if (!escaped) {
    TokenKind kind = keyword_kind(buffer8_.data(), buffer8_.size());
    if (kind != TokenKind::Identifier) token_.kind = kind;  // e.g. `if` followed by U+00A0
  }
}

// After "\u": either four hex digits or {hex digits} up to 10FFFF. Returns
// the code point. Invalid: throws, or in templates returns kInvalidEscape
// and leaves pos_ just after the 'u' (the rest reads as ordinary characters;
// the raw value is the source text either way).
uint32_t Lexer::scan_escape_code_point(uint32_t backslash, bool in_template) {
  uint32_t value = 0;
  if (text_[pos_] == '{') {
    uint32_t p = pos_ + 1;
    uint32_t digits = 0;
    while (kHexDigit[static_cast<unsigned char>(text_[p])]) {
      if (value <= 0x10FFFF) value = value * 16 + uint32_t(hex_value(static_cast<unsigned char>(text_[p])));
      ++p;
      ++digits;
    }
    if (digits > 0 && text_[p] == '}' && value <= 0x10FFFF) {
      pos_ = p + 1;
      return value;
    }
    if (in_template) return kInvalidEscape;
    if (digits > 0 && value > 0x10FFFF) error("Undefined Unicode code-point", backslash);
    error("Invalid Unicode escape sequence", backslash);
  }
  for (int i = 0; i < 4; ++i) {
    unsigned char c = static_cast<unsigned char>(text_[pos_ + i]);
    if (!kHexDigit[c]) {
      if (in_template) return kInvalidEscape;
      error("Invalid Unicode escape sequence", backslash);
    }
    value = value * 16 + uint32_t(hex_value(c));
  }
  pos_ += 4;
  return value;
}

// --- Numbers ----------------------------------------------------------------

void Lexer::scan_number() {
  const uint32_t start = pos_;
  bool separators = false;

  // Digits of one class with single `_` separators between them.
  auto digits = [&](const ByteTable& digit) -> uint32_t {
    uint32_t n = 0;
    for (;;) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (digit[c]) {
        ++n;
        ++pos_;
        continue;
      }
      if (c != '_') return n;
      if (n == 0) error("Numeric separators are not allowed here", pos_);
      unsigned char after = static_cast<unsigned char>(text_[pos_ + 1]);
      if (after == '_') error("Only one underscore is allowed as numeric separator", pos_ + 1);
      if (!digit[after]) error("Numeric separators are not allowed at the end of numeric literals", pos_);
      separators = true;
      ++pos_;
    }
  };
  auto finish_bigint = [&](uint32_t end) {
    std::string_view text(text_ + start, end - start);
    if (separators) {
      buffer8_.clear();
      for (char ch : text)
        if (ch != '_') buffer8_ += ch;
      text = buffer8_;
    }
    token_.kind = TokenKind::BigInt;
    token_.bigint = arena_.copy(text);
    ++pos_;  // 'n'
    check_after_number();
  };

  unsigned char c = static_cast<unsigned char>(text_[pos_]);
  if (c == '0') {
    unsigned char x = static_cast<unsigned char>(text_[pos_ + 1]) | 0x20;
    if (x == 'x' || x == 'o' || x == 'b') {
      const ByteTable& table = x == 'x' ? kHexDigit : x == 'o' ? kOctal : kBinary;
      pos_ += 2;
      uint32_t digits_start = pos_;
      if (digits(table) == 0) {
        if (text_[pos_] == '_') error("Numeric separators are not allowed here", pos_);
        error(x == 'x' ? "Invalid hexadecimal literal: expected a hex digit"
              : x == 'o' ? "Invalid octal literal: expected a digit 0-7"
                         : "Invalid binary literal: expected 0 or 1",
              pos_);
      }
      if (text_[pos_] == 'n') return finish_bigint(pos_);
      token_.kind = TokenKind::Number;
      token_.number = radix_value(std::string_view(text_ + digits_start, pos_ - digits_start),
                                  x == 'x' ? 4 : x == 'o' ? 3 : 1);
      return check_after_number();
    }
    if (kDecimal[static_cast<unsigned char>(text_[pos_ + 1])]) {
      // Annex B: 017 is octal (15); 08 and 019 are decimal. Both are sloppy-only.
      token_.legacy_octal = true;
      token_.invalid_escape_pos = pos_at(start);
      ++pos_;
      bool octal = true;
      while (kDecimal[static_cast<unsigned char>(text_[pos_])]) {
        if (text_[pos_] >= '8') octal = false;
        ++pos_;
      }
      if (text_[pos_] == '_') error("Numeric separators are not allowed in legacy octal-like literals", pos_);
      if (text_[pos_] == 'n') error("A BigInt literal cannot have a leading zero", start);
      if (octal) {
        token_.kind = TokenKind::Number;
        token_.number = radix_value(std::string_view(text_ + start + 1, pos_ - start - 1), 3);
        return check_after_number();
      }
      // NonOctalDecimalIntegerLiteral: may go on with a fraction and exponent.
    } else if (text_[pos_ + 1] == '_') {
      error("Numeric separator can not be used after leading 0", pos_ + 1);
    } else {
      ++pos_;  // a lone 0
    }
  } else if (c != '.') {
    // Fast path: a short plain integer, the most common number by far.
    uint64_t v = 0;
    const char* p = text_ + pos_;
    const char* q = p;
    while (kDecimal[static_cast<unsigned char>(*q)] && q - p < 15) v = v * 10 + uint64_t(*q++ - '0');
    unsigned char after = static_cast<unsigned char>(*q);
    if (!kDecimal[after] && after != '.' && after != '_' && (after | 0x20) != 'e' && after != 'n') {
      pos_ = uint32_t(q - text_);
      token_.kind = TokenKind::Number;
      token_.number = double(v);
      return check_after_number();
    }
    digits(kDecimal);
  }

  bool integer = true;
  if (text_[pos_] == '.') {
    integer = false;
    ++pos_;
    if (text_[pos_] == '_') error("Numeric separators are not allowed here", pos_);
    digits(kDecimal);
  }
  if ((static_cast<unsigned char>(text_[pos_]) | 0x20) == 'e') {
    integer = false;
    ++pos_;
    if (text_[pos_] == '+' || text_[pos_] == '-') ++pos_;
    if (digits(kDecimal) == 0) error("Invalid exponent: expected a digit", pos_);
  }
  if (text_[pos_] == 'n') {
    if (token_.legacy_octal) error("A BigInt literal cannot have a leading zero", start);
    if (!integer) error("A BigInt literal cannot have a fraction or an exponent", pos_);
    return finish_bigint(pos_);
  }
  std::string_view text(text_ + start, pos_ - start);
  if (separators) {
    buffer8_.clear();
    for (char ch : text)
      if (ch != '_') buffer8_ += ch;
    text = buffer8_;
  }
  token_.kind = TokenKind::Number;
  token_.number = decimal_value(text);
  check_after_number();
}

// "The SourceCharacter immediately following a NumericLiteral must not be an
// IdentifierStart or DecimalDigit": `3in` is an error, not `3 in`.
void Lexer::check_after_number() {
  unsigned char c = static_cast<unsigned char>(text_[pos_]);
  bool bad = kIdStart[c] || kDecimal[c] || c == '\\';
  if (!bad && c >= 0x80) {
    unicode::Decoded d = unicode::decode_utf8(text_ + pos_, text_ + length_);
    bad = d.length != 0 && unicode::is_id_start_non_ascii(d.code_point);
  }
  if (bad) error("Identifier starts immediately after numeric literal", pos_);
}

// --- Strings ----------------------------------------------------------------

void Lexer::scan_string(char quote) {
  const uint32_t start = pos_;
  // Fast path: printable ASCII with no escapes is widened straight into the arena.
  const char* p = text_ + pos_ + 1;
  for (;;) {
    while (kStringPlain[static_cast<unsigned char>(*p)]) ++p;
    if (*p == quote) break;
    if (*p == '"' || *p == '\'') {
      ++p;
      continue;
    }
    return scan_string_slow(start, quote);
  }
  const char* body = text_ + start + 1;
  size_t n = size_t(p - body);
  token_.kind = TokenKind::String;
  if (n > 0) {
    auto* out = static_cast<char16_t*>(arena_.allocate(n * sizeof(char16_t), alignof(char16_t)));
    for (size_t i = 0; i < n; ++i) out[i] = char16_t(static_cast<unsigned char>(body[i]));
    token_.string = std::u16string_view(out, n);
  }
  pos_ = uint32_t(p + 1 - text_);
}

// One escape sequence, from the backslash at `backslash`: appends its cooked
// value to buffer16_ and moves past it. Strings and templates share the
// grammar except in three places (§12.9.4, §12.9.6): a malformed \x or \u
// is an error in a string but only makes a template's cooked value
// undefined; legacy octal escapes (\1, \07) and \8 \9 are allowed in sloppy
// strings (flagged, for the parser's strict-mode check) but never in
// templates. Returns false for an escape a template cannot cook.
bool Lexer::scan_escape(uint32_t backslash, bool in_template) {
  const char* unterminated = in_template ? "Unterminated template literal" : "Unterminated string literal";
  unsigned char e = static_cast<unsigned char>(text_[backslash + 1]);
  pos_ = backslash + 2;
  switch (e) {
    case 'n': buffer16_ += u'\n'; return true;
    case 't': buffer16_ += u'\t'; return true;
    case 'r': buffer16_ += u'\r'; return true;
    case 'b': buffer16_ += u'\b'; return true;
    case 'f': buffer16_ += u'\f'; return true;
    case 'v': buffer16_ += u'\v'; return true;
    case 'x': {
      unsigned char h1 = static_cast<unsigned char>(text_[pos_]);
      unsigned char h2 = h1 ? static_cast<unsigned char>(text_[pos_ + 1]) : 0;
      if (!kHexDigit[h1] || !kHexDigit[h2]) {
        if (in_template) return false;
        error("Invalid hexadecimal escape sequence", backslash);
      }
      buffer16_ += char16_t(hex_value(h1) * 16 + hex_value(h2));
      pos_ += 2;
      return true;
    }
    case 'u': {
      uint32_t cp = scan_escape_code_point(backslash, in_template);
      if (cp == kInvalidEscape) return false;
      unicode::append_utf16(buffer16_, cp);
      return true;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
      unsigned char d1 = static_cast<unsigned char>(text_[pos_]);
      if (e == '0' && !kDecimal[d1]) {  // \0 is NUL, not an octal escape
        buffer16_ += u'\0';
        return true;
      }
      if (in_template) return false;
      if (!token_.legacy_octal) token_.invalid_escape_pos = pos_at(backslash);
      token_.legacy_octal = true;
      if (e >= '8') {  // NonOctalDecimalEscapeSequence: the digit itself
        buffer16_ += char16_t(e);
        return true;
      }
      // LegacyOctalEscapeSequence: up to three digits for \0-\3, two for \4-\7.
      unsigned value = unsigned(e - '0');
      if (kOctal[d1]) {
        value = value * 8 + unsigned(d1 - '0');
        ++pos_;
        unsigned char d2 = static_cast<unsigned char>(text_[pos_]);
        if (e <= '3' && kOctal[d2]) {
          value = value * 8 + unsigned(d2 - '0');
          ++pos_;
        }
      }
      buffer16_ += char16_t(value);
      return true;
    }
    case '\r':  // line continuation: contributes nothing
      if (text_[pos_] == '\n') ++pos_;
      newline_at(pos_);
      return true;
    case '\n':
      newline_at(pos_);
      return true;
    case 0:
      if (pos_ - 1 >= length_) error_at(unterminated, token_.start);
      buffer16_ += u'\0';
      return true;
    default:
      if (e < 0x80) {
        buffer16_ += char16_t(e);
      } else {  // \ before a non-ASCII character: the character (LS/PS: a line continuation)
        pos_ -= 1;
        char32_t cp;
        GLASS_CONSUME_NON_ASCII(cp);
        if (cp != 0x2028 && cp != 0x2029) unicode::append_utf16(buffer16_, cp);
      }
      return true;
  }
}

void Lexer::scan_string_slow(uint32_t start, char quote) {
  buffer16_.clear();
  pos_ = start + 1;
  for (;;) {
    const char* p = text_ + pos_;
    const char* q = p;
    while (kStringPlain[static_cast<unsigned char>(*q)]) ++q;
    for (const char* r = p; r < q; ++r) buffer16_ += char16_t(static_cast<unsigned char>(*r));
    pos_ = uint32_t(q - text_);
    unsigned char c = static_cast<unsigned char>(*q);
    if (c == static_cast<unsigned char>(quote)) {
      ++pos_;
      break;
    }
    switch (c) {
      case '"':
      case '\'':
        buffer16_ += char16_t(c);
        ++pos_;
        continue;
      case '\n':
      case '\r':
        error_at("Unterminated string literal", token_.start);
      case 0:
        if (pos_ >= length_) error_at("Unterminated string literal", token_.start);
        buffer16_ += u'\0';
        ++pos_;
        continue;
      case '\\':
        break;
      default: {  // non-ASCII; U+2028 and U+2029 are allowed in strings since ES2019
        char32_t cp;
        GLASS_CONSUME_NON_ASCII(cp);
        unicode::append_utf16(buffer16_, cp);
        continue;
      }
    }
    scan_escape(pos_, false);
  }
  token_.kind = TokenKind::String;
  token_.string = arena_.copy(std::u16string_view(buffer16_));
}

// --- Templates --------------------------------------------------------------

// From '`' (a Template or TemplateHead) or from the '}' that ends a
// substitution (a TemplateMiddle or TemplateTail), to the closing '`' or
// the next "${". The cooked value goes to token_.string unless an escape is
// invalid; the raw value is the source text with CR and CRLF made LF.
void Lexer::scan_template(uint32_t start) {
  const bool head = text_[start] == '`';
  pos_ = start + 1;
  const uint32_t body_start = pos_;
  uint32_t body_end;
  buffer16_.clear();
  bool invalid = false;
  bool has_cr = false;
  auto mark_invalid = [&](uint32_t backslash) {
    if (!invalid) token_.invalid_escape_pos = pos_at(backslash);
    invalid = true;
  };
  for (;;) {
    const char* p = text_ + pos_;
    const char* q = p;
    while (kTemplatePlain[static_cast<unsigned char>(*q)]) ++q;
    for (const char* r = p; r < q; ++r) buffer16_ += char16_t(static_cast<unsigned char>(*r));
    pos_ = uint32_t(q - text_);
    unsigned char c = static_cast<unsigned char>(*q);
    if (c == '`') {
      body_end = pos_++;
      token_.kind = head ? TokenKind::Template : TokenKind::TemplateTail;
      break;
    }
    if (c == '$') {
      if (text_[pos_ + 1] == '{') {
        body_end = pos_;
        pos_ += 2;
        token_.kind = head ? TokenKind::TemplateHead : TokenKind::TemplateMiddle;
        break;
      }
      buffer16_ += u'$';
      ++pos_;
      continue;
    }
    if (c == '\n') {
      buffer16_ += u'\n';
      ++pos_;
      newline_at(pos_);
      continue;
    }
    if (c == '\r') {  // CR and CRLF are LF in both cooked and raw values
      has_cr = true;
      buffer16_ += u'\n';
      ++pos_;
      if (text_[pos_] == '\n') ++pos_;
      newline_at(pos_);
      continue;
    }
    if (c == 0) {
      if (pos_ >= length_) error_at("Unterminated template literal", token_.start);
      buffer16_ += u'\0';
      ++pos_;
      continue;
    }
    if (c != '\\') {
      char32_t cp;
      GLASS_CONSUME_NON_ASCII(cp);
      unicode::append_utf16(buffer16_, cp);
      continue;
    }
    const uint32_t backslash = pos_;
    if (text_[pos_ + 1] == '\r') has_cr = true;  // a line continuation: raw keeps it, as LF
    if (!scan_escape(backslash, true)) mark_invalid(backslash);
  }
  token_.invalid_escape = invalid;
  if (!invalid) token_.string = arena_.copy(std::u16string_view(buffer16_));
  // The raw value: the (already validated) source text as UTF-16, CR/CRLF -> LF.
  std::string_view body(text_ + body_start, body_end - body_start);
  raw16_.clear();
  if (!has_cr) {
    unicode::utf8_to_utf16(body, raw16_);
  } else {
    for (size_t i = 0; i < body.size();) {
      size_t j = body.find('\r', i);
      if (j == std::string_view::npos) j = body.size();
      unicode::utf8_to_utf16(body.substr(i, j - i), raw16_);
      if (j == body.size()) break;
      raw16_ += u'\n';
      i = j + 1;
      if (i < body.size() && body[i] == '\n') ++i;
    }
  }
  token_.raw = arena_.copy(std::u16string_view(raw16_));
}

void Lexer::rescan_template_continuation() {
  // current() is the '}' that ends a substitution; pos_ is just past it, on
  // the same line, so line and column bookkeeping still hold.
  Token t;
  t.start = token_.start;
  t.newline_before = token_.newline_before;
  token_ = t;
  scan_template(token_.start.offset);
  token_.end = pos_;
}

// --- Regular expressions ----------------------------------------------------

void Lexer::rescan_regexp() {
  // current() is `/` or `/=` where an expression may start; re-read from
  // just after the '/'. Only the lexical grammar is checked here: where the
  // body ends (a '/' outside a class), no line terminators, flags are
  // IdentifierPartChars without escapes. engine/regexp validates the rest.
  Token t;
  t.start = token_.start;
  t.newline_before = token_.newline_before;
  token_ = t;
  pos_ = token_.start.offset + 1;
  const uint32_t body_start = pos_;
  bool in_class = false;
  bool ascii = true;
  for (;;) {
    const char* p = text_ + pos_;
    while (kRegExpPlain[static_cast<unsigned char>(*p)]) ++p;
    pos_ = uint32_t(p - text_);
    unsigned char c = static_cast<unsigned char>(*p);
    if (c == '/') {
      if (!in_class) break;
      ++pos_;
      continue;
    }
    if (c == '[') {
      in_class = true;
      ++pos_;
      continue;
    }
    if (c == ']') {
      in_class = false;
      ++pos_;
      continue;
    }
    if (c == '\\') {
      ++pos_;
      c = static_cast<unsigned char>(text_[pos_]);
      if (c < 0x80) {
        if (c == '\n' || c == '\r' || (c == 0 && pos_ >= length_))
          error_at("Invalid regular expression: missing /", token_.start);
        ++pos_;
        continue;
      }
    }
    if (c == '\n' || c == '\r' || (c == 0 && pos_ >= length_))
      error_at("Invalid regular expression: missing /", token_.start);
    if (c == 0) {
      ++pos_;
      continue;
    }
    // non-ASCII
    uint32_t len;
    char32_t cp = decode_at(pos_, &len);
    if (cp == 0x2028 || cp == 0x2029) error_at("Invalid regular expression: missing /", token_.start);
    ascii = false;
    pos_ += len;
    column_adjust_ += len - unicode::utf16_length(cp);
  }
  std::string_view body(text_ + body_start, pos_ - body_start);
  ++pos_;  // the closing '/'
  if (ascii) {
    size_t n = body.size();
    auto* out = static_cast<char16_t*>(arena_.allocate(n * sizeof(char16_t), alignof(char16_t)));
    for (size_t i = 0; i < n; ++i) out[i] = char16_t(static_cast<unsigned char>(body[i]));
    token_.regexp_body = std::u16string_view(out, n);
  } else {
    raw16_.clear();
    unicode::utf8_to_utf16(body, raw16_);
    token_.regexp_body = arena_.copy(std::u16string_view(raw16_));
  }
  // Flags: IdentifierPartChars, never escapes.
  const uint32_t flags_start = pos_;
  for (;;) {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (kIdPart[c]) {
      ++pos_;
      continue;
    }
    if (c == '\\') error("Invalid regular expression flags", pos_);
    if (c < 0x80) break;
    unicode::Decoded d = unicode::decode_utf8(text_ + pos_, text_ + length_);
    if (d.length == 0 || !unicode::is_id_continue_non_ascii(d.code_point)) break;
    pos_ += d.length;
    column_adjust_ += d.length - unicode::utf16_length(d.code_point);
  }
  token_.regexp_flags = std::string_view(text_ + flags_start, pos_ - flags_start);
  token_.kind = TokenKind::RegExp;
  token_.end = pos_;
}

}  // namespace glass
