// The lexer: UTF-8 source text in, one Token at a time out.
//
// JavaScript cannot be tokenized without knowing the grammar: `/` starts a
// regular expression where an expression may begin and is division elsewhere,
// and `}` may close a block or continue a template. The parser knows which,
// so it drives the lexer: next() always reads `/` and `/=` as operators and
// `}` as RBrace, and the parser calls rescan_regexp() or
// rescan_template_continuation() when the grammar says otherwise.
//
// The lexer validates UTF-8 as it goes (an invalid sequence is a
// SyntaxError), keeps line and UTF-16 column counts, skips comments
// (including the hashbang line and, in scripts only, Annex B's HTML-like
// comments), and throws glass::SyntaxError for any malformed token.
#pragma once
#include <cstdint>
#include <string>

#include "arena.h"
#include "atoms.h"
#include "source.h"
#include "token.h"

namespace glass {

class Lexer {
 public:
  // `module`: Annex B HTML-like comments are only recognized in scripts.
  // The constructor reads nothing: call next() for the first token (until
  // then current() is an empty EndOfFile). `source` must outlive the lexer.
  Lexer(const Source& source, Arena& arena, AtomTable& atoms, bool module);
  // Line 1's columns start `units` earlier (ParseOptions::first_line_column_offset).
  void shift_first_line(uint32_t units) { column_adjust_ = units; }

  const Token& current() const { return token_; }

  // Reads the next token into current().
  void next();

  // current() is Slash or SlashAssign where the grammar wants an expression:
  // re-read it as a regular expression literal.
  void rescan_regexp();

  // current() is RBrace closing a template substitution: re-read from it as
  // TemplateMiddle or TemplateTail.
  void rescan_template_continuation();

  // The token after current(), read as next() would, without consuming it.
  Token peek();

  // Everything needed to rewind (the parser backtracks in a few places).
  struct State {
    Token token;
    uint32_t pos, line, line_start;
    uint32_t column_adjust;
    uint32_t previous_end;
  };
  State save() const;
  void restore(const State& state);

  const Source& source() const { return source_; }
  // Where current() begins / where the token before it ended (for node ends).
  uint32_t previous_end() const { return previous_end_; }

 private:
  // The scanners, in lexer.cpp. Each starts at pos_ and leaves pos_ just past
  // what it read, keeping line_, line_start_ and column_adjust_ up to date.
  void reset_token();
  void skip_trivia();                        // white space, line ends, comments
  void skip_line_comment();                  // up to (not including) the line end
  void skip_block_comment();                 // from "/*"
  void scan_token();                         // one token at pos_ into token_
  void scan_identifier(bool private_name);   // from pos_ (after '#' for private names)
  void scan_identifier_slow(uint32_t start, bool private_name);
  void scan_number();
  void scan_string(char quote);
  void scan_string_slow(uint32_t start, char quote);
  void scan_template(uint32_t start);        // from the opening ` or the } of a substitution
  uint32_t scan_escape_code_point(uint32_t backslash, bool in_template);
  bool scan_escape(uint32_t backslash, bool in_template);  // after "\u"
  void check_after_number();
  void newline_at(uint32_t next_line_start);  // a line terminator ends just before this
  char32_t decode_at(uint32_t offset, uint32_t* length);  // validated, throws

  [[noreturn]] void error(const std::string& message, uint32_t offset);
  [[noreturn]] void error_at(const std::string& message, SourcePos pos);
  SourcePos pos_at(uint32_t offset) const;  // offset on the current line, at or before pos_
  SourcePos here() const { return pos_at(pos_); }

  const Source& source_;
  Arena& arena_;
  AtomTable& atoms_;
  bool module_;

  const char* text_;   // source_.text.data(); text_[length_] is the string's '\0'
  uint32_t length_;
  uint32_t pos_ = 0;           // next byte to read
  uint32_t line_ = 1;          // line of pos_
  uint32_t line_start_ = 0;    // byte offset where that line starts
  // Bytes minus UTF-16 units consumed so far on this line, so that
  // column = (offset - line_start_) - column_adjust_ + 1 without rescanning.
  uint32_t column_adjust_ = 0;
  uint32_t previous_end_ = 0;
  Token token_;

  // Keyword atoms, indexed by kind - kFirstKeyword (interned on first use).
  Atom keyword_atoms_[int(kLastKeyword) - int(kFirstKeyword) + 1];
  // Scratch buffers for cooked values that differ from the source text.
  std::u16string buffer16_, raw16_;
  std::string buffer8_;
};

}  // namespace glass
