// --print-tokens: the token stream as the lexer sees it, one line each:
//
//   1:1    Const        const
//   1:7    Identifier   x
//   1:9    Assign       =
//   1:11   Number       42
//   2:1    Identifier   s  (nl)
//
// Columns: position (line:column, column in UTF-16 units), the kind (the
// TokenKind name), and the value: names as written, numbers as JavaScript
// would print them (with the spelling when it differs), strings JSON-style,
// template parts as cooked and raw, regular expressions as /body/flags.
// "(nl)" marks a token preceded by a line break, which is what automatic
// semicolon insertion looks at.
//
// With no parser to ask, two decisions use the classic heuristics:
//  - `/` after something that ends an expression (a name, a literal, `)`,
//    `]`, `}`, this/super/null/true/false) is division; anywhere else it
//    starts a regular expression. One refinement: the `)` that closes
//    `if (...)`, `while (...)`, `for (...)` or `with (...)` ends a statement
//    head, not an expression, so `if (x) /re/.test(s)` reads a regexp;
//  - a stack of brace depths, one per open `${`, tells a `}` that ends a
//    substitution (re-read as the rest of the template) from one that
//    closes a block or an object.
#include "token_printer.h"

#include "display.h"

#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "lexer.h"
#include "unicode/unicode.h"

namespace glass {

namespace {

// Tokens after which `/` is division: they end an expression.
bool ends_expression(TokenKind k) {
  switch (k) {
    case TokenKind::Identifier:
    case TokenKind::PrivateName:
    case TokenKind::Number:
    case TokenKind::BigInt:
    case TokenKind::String:
    case TokenKind::Template:
    case TokenKind::TemplateTail:
    case TokenKind::RegExp:
    case TokenKind::RParen:
    case TokenKind::RBracket:
    case TokenKind::RBrace:
    case TokenKind::This:
    case TokenKind::Super:
    case TokenKind::Null:
    case TokenKind::True:
    case TokenKind::False:
      return true;
    default:
      return false;
  }
}

void pad_to(std::string& line, size_t column) {
  line += ' ';
  if (line.size() < column) line.append(column - line.size(), ' ');
}

}  // namespace

void print_tokens(std::ostream& out, const Source& source, Arena& arena, AtomTable& atoms, bool module) {
  Lexer lexer(source, arena, atoms, module);
  std::vector<int> substitutions;  // per open `${`: braces opened inside it and not yet closed
  std::vector<bool> parens;        // per open `(`: does it follow if/while/for/with?
  bool statement_head_closed = false;  // the previous token is such a `)`
  bool have_previous = false;
  TokenKind previous = TokenKind::EndOfFile;
  std::string buffer;
  std::string line;
  // Tokens read before a SyntaxError are still shown.
  auto flush = [&] {
    out.write(buffer.data(), std::streamsize(buffer.size()));
    buffer.clear();
  };
  try {
  lexer.next();
  for (;;) {
    TokenKind kind = lexer.current().kind;
    if ((kind == TokenKind::Slash || kind == TokenKind::SlashAssign) &&
        !(have_previous && ends_expression(previous) && !statement_head_closed)) {
      lexer.rescan_regexp();
    } else if (kind == TokenKind::RBrace && !substitutions.empty() && substitutions.back() == 0) {
      lexer.rescan_template_continuation();
    }
    const Token& t = lexer.current();
    kind = t.kind;

    switch (kind) {
      case TokenKind::TemplateHead: substitutions.push_back(0); break;
      case TokenKind::TemplateTail: substitutions.pop_back(); break;
      case TokenKind::LBrace:
        if (!substitutions.empty()) ++substitutions.back();
        break;
      case TokenKind::RBrace:
        if (!substitutions.empty()) --substitutions.back();
        break;
      default: break;
    }
    bool closes_head = false;
    if (kind == TokenKind::LParen) {
      parens.push_back(have_previous && (previous == TokenKind::If || previous == TokenKind::While ||
                                         previous == TokenKind::For || previous == TokenKind::With));
    } else if (kind == TokenKind::RParen && !parens.empty()) {
      closes_head = parens.back();
      parens.pop_back();
    }

    line.clear();
    line += std::to_string(t.start.line);
    line += ':';
    line += std::to_string(t.start.column);
    pad_to(line, 7);
    line += token_name(kind);
    if (kind != TokenKind::EndOfFile) pad_to(line, 20);

    std::string_view written(source.text.data() + t.start.offset, t.end - t.start.offset);
    switch (kind) {
      case TokenKind::EndOfFile:
        break;
      case TokenKind::Identifier:
        line += t.atom->text;
        if (t.escaped) {
          line += "  (escaped: ";
          line += written;
          line += ')';
        }
        break;
      case TokenKind::PrivateName:
        line += '#';
        line += t.atom->text;
        break;
      case TokenKind::Number: {
        std::string value = number_to_js_string(t.number);
        line += value;
        if (written != value || t.legacy_octal) {
          line += "  (written ";
          line += written;
          if (t.legacy_octal) line += ", legacy octal-like";
          line += ')';
        }
        break;
      }
      case TokenKind::BigInt:
        line += t.bigint;
        line += 'n';
        break;
      case TokenKind::String:
        line += quote_js_string(t.string);
        if (t.legacy_octal) line += "  (legacy octal escape)";
        break;
      case TokenKind::Template:
      case TokenKind::TemplateHead:
      case TokenKind::TemplateMiddle:
      case TokenKind::TemplateTail:
        if (t.invalid_escape) line += "(invalid escape: no cooked value)";
        else line += quote_js_string(t.string);
        line += "  raw ";
        line += quote_js_string(t.raw);
        break;
      case TokenKind::RegExp:
        line += '/';
        line += unicode::utf16_to_utf8(t.regexp_body);
        line += '/';
        line += t.regexp_flags;
        break;
      default:  // punctuators and keywords: their text
        line += token_text(kind);
        break;
    }
    if (t.newline_before) line += "  (nl)";
    line += '\n';
    buffer += line;
    if (buffer.size() > 64 * 1024) flush();
    if (kind == TokenKind::EndOfFile) break;
    previous = kind;
    have_previous = true;
    statement_head_closed = closes_head;
    lexer.next();
  }
  } catch (const SyntaxError&) {
    flush();
    throw;
  }
  flush();
}

}  // namespace glass
