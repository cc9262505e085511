// Tokens: the one table of every token kind, and the Token the lexer hands
// to the parser.
//
// GLASS_TOKENS lists each kind once as T(Name, "spelling") — punctuators and
// reserved words by their text, the rest by a description. The enum, the
// names printed by --print-tokens and the parser's error messages all come
// from it.
#pragma once
#include <cstdint>
#include <string_view>

#include "atoms.h"
#include "source.h"

namespace glass {

#define GLASS_TOKENS(T)                          \
  /* literals and names */                       \
  T(EndOfFile, "end of input")                   \
  T(Identifier, "identifier")                    \
  T(PrivateName, "private name")                 \
  T(Number, "number")                            \
  T(BigInt, "bigint")                            \
  T(String, "string")                            \
  T(Template, "template")             /* `...` */  \
  T(TemplateHead, "template head")    /* `...${ */ \
  T(TemplateMiddle, "template middle") /* }...${ */ \
  T(TemplateTail, "template tail")    /* }...` */  \
  T(RegExp, "regular expression")                \
  /* punctuators */                              \
  T(LBrace, "{")                                 \
  T(RBrace, "}")                                 \
  T(LParen, "(")                                 \
  T(RParen, ")")                                 \
  T(LBracket, "[")                               \
  T(RBracket, "]")                               \
  T(Dot, ".")                                    \
  T(Ellipsis, "...")                             \
  T(Semicolon, ";")                              \
  T(Comma, ",")                                  \
  T(Less, "<")                                   \
  T(Greater, ">")                                \
  T(LessEq, "<=")                                \
  T(GreaterEq, ">=")                             \
  T(Eq, "==")                                    \
  T(NotEq, "!=")                                 \
  T(StrictEq, "===")                             \
  T(StrictNotEq, "!==")                          \
  T(Plus, "+")                                   \
  T(Minus, "-")                                  \
  T(Star, "*")                                   \
  T(Slash, "/")                                  \
  T(Percent, "%")                                \
  T(StarStar, "**")                              \
  T(PlusPlus, "++")                              \
  T(MinusMinus, "--")                            \
  T(Shl, "<<")                                   \
  T(Sar, ">>")                                   \
  T(Shr, ">>>")                                  \
  T(Amp, "&")                                    \
  T(Pipe, "|")                                   \
  T(Caret, "^")                                  \
  T(Bang, "!")                                   \
  T(Tilde, "~")                                  \
  T(AmpAmp, "&&")                                \
  T(PipePipe, "||")                              \
  T(QuestionQuestion, "??")                      \
  T(Question, "?")                               \
  T(QuestionDot, "?.")                           \
  T(Colon, ":")                                  \
  T(Assign, "=")                                 \
  T(PlusAssign, "+=")                            \
  T(MinusAssign, "-=")                           \
  T(StarAssign, "*=")                            \
  T(SlashAssign, "/=")                           \
  T(PercentAssign, "%=")                         \
  T(StarStarAssign, "**=")                       \
  T(ShlAssign, "<<=")                            \
  T(SarAssign, ">>=")                            \
  T(ShrAssign, ">>>=")                           \
  T(AmpAssign, "&=")                             \
  T(PipeAssign, "|=")                            \
  T(CaretAssign, "^=")                           \
  T(AmpAmpAssign, "&&=")                         \
  T(PipePipeAssign, "||=")                       \
  T(QuestionQuestionAssign, "?\?=")               \
  T(Arrow, "=>")                                 \
  /* reserved words (always keywords unless written with escapes) */ \
  T(Break, "break")                              \
  T(Case, "case")                                \
  T(Catch, "catch")                              \
  T(Class, "class")                              \
  T(Const, "const")                              \
  T(Continue, "continue")                        \
  T(Debugger, "debugger")                        \
  T(Default, "default")                          \
  T(Delete, "delete")                            \
  T(Do, "do")                                    \
  T(Else, "else")                                \
  T(Enum, "enum")                                \
  T(Export, "export")                            \
  T(Extends, "extends")                          \
  T(False, "false")                              \
  T(Finally, "finally")                          \
  T(For, "for")                                  \
  T(Function, "function")                        \
  T(If, "if")                                    \
  T(Import, "import")                            \
  T(In, "in")                                    \
  T(Instanceof, "instanceof")                    \
  T(New, "new")                                  \
  T(Null, "null")                                \
  T(Return, "return")                            \
  T(Super, "super")                              \
  T(Switch, "switch")                            \
  T(This, "this")                                \
  T(Throw, "throw")                              \
  T(True, "true")                                \
  T(Try, "try")                                  \
  T(Typeof, "typeof")                            \
  T(Var, "var")                                  \
  T(Void, "void")                                \
  T(While, "while")                              \
  T(With, "with")

enum class TokenKind : uint8_t {
#define GLASS_TOKEN_ENUM(name, text) name,
  GLASS_TOKENS(GLASS_TOKEN_ENUM)
#undef GLASS_TOKEN_ENUM
};

constexpr TokenKind kFirstKeyword = TokenKind::Break;
constexpr TokenKind kLastKeyword = TokenKind::With;

// "identifier", "{", "while", ...
std::string_view token_text(TokenKind kind);
// "Identifier", "LBrace", "While", ...
std::string_view token_name(TokenKind kind);

inline bool is_keyword(TokenKind k) { return k >= kFirstKeyword && k <= kLastKeyword; }

struct Token {
  TokenKind kind = TokenKind::EndOfFile;
  bool newline_before = false;  // a line terminator precedes it (drives ASI, `a \n ++b`, ...)
  bool escaped = false;         // an identifier or would-be keyword spelled with \u escapes
  // A legacy octal number (017, 08) or a string with an octal escape ("\07")
  // or \8 \9: legal only in sloppy code. The parser rejects it in strict code,
  // including in directives that precede "use strict".
  bool legacy_octal = false;
  // Template only: an escape that is invalid (cooked value is undefined).
  // Allowed in tagged templates, a SyntaxError in untagged ones.
  bool invalid_escape = false;

  SourcePos start;    // first character
  uint32_t end = 0;   // byte offset just past the last character
  SourcePos invalid_escape_pos;  // where the offending escape is (legacy_octal or invalid_escape)

  // Identifier: the name with escapes decoded. PrivateName: the name without
  // '#'. Keywords: their text (so `({ if: 1 })` can use it as a property name).
  Atom atom = nullptr;
  double number = 0;            // Number
  std::string_view bigint;      // BigInt: decimal/hex/octal/binary digits as written, no separators, no 'n'
  std::u16string_view string;   // String: cooked value. Template parts: cooked value (empty if invalid_escape)
  std::u16string_view raw;      // Template parts: raw value (line terminators normalized to \n)
  std::u16string_view regexp_body;   // RegExp: pattern between the slashes
  std::string_view regexp_flags;     // RegExp: flags after the closing slash
};

}  // namespace glass
