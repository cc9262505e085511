// The parser's driver and the small helpers every part of the grammar uses.
#include "early_errors.h"
#include "parser_internal.h"

namespace glass {

ast::Program* parse_program(const Source& source, Arena& arena, AtomTable& atoms,
                            const ParseOptions& options) {
  Parser parser(source, arena, atoms, options);
  ast::Program* program = parser.parse();
  check_early_errors(program, atoms);
  return program;
}

Parser::Parser(const Source& source, Arena& arena, AtomTable& atoms, const ParseOptions& options)
    : source_(source), arena_(arena), atoms_(atoms), options_(options),
      lex_(source, arena, atoms, options.module) {
  for (int k = int(kFirstKeyword); k <= int(kLastKeyword); ++k)
    reserved_.insert(atoms_.intern(token_text(TokenKind(k))));
  if (options.first_line_column_offset) lex_.shift_first_line(options.first_line_column_offset);
  top_.strict = options.module || options.eval_strict;
  top_.is_async = options.module;  // top-level await
  top_.allow_new_target = options.eval_new_target;
  top_.allow_super_property = options.eval_super_property;
  top_.allow_super_call = options.eval_super_call;
  top_.arguments_banned = options.eval_arguments_banned;
  top_.in_field_init = options.eval_arguments_banned;
}

ast::Program* Parser::parse() {
  auto* program = make<ast::Program>(ast::NodeKind::Program, SourcePos{});
  program->module = options_.module;
  next();
  std::vector<Node*> body;
  bool became_strict = false;
  parse_directives_and_body(body, TokenKind::EndOfFile, &became_strict);
  program->strict = top_.strict;
  program->has_top_level_await = top_level_await_;
  program->body = list(body);
  program->end = uint32_t(source_.text.size());
  return program;
}

// ---- tokens ------------------------------------------------------------------

bool Parser::eat(TokenKind k) {
  if (!at(k)) return false;
  next();
  return true;
}

void Parser::expect(TokenKind k) {
  if (!at(k)) unexpected();
  next();
}

bool Parser::at_contextual(Atom name) const {
  return tok().kind == TokenKind::Identifier && !tok().escaped && tok().atom == name;
}

bool Parser::eat_contextual(Atom name) {
  if (!at_contextual(name)) return false;
  next();
  return true;
}

void Parser::consume_semicolon() {
  if (eat(TokenKind::Semicolon)) return;
  if (at(TokenKind::RBrace) || at(TokenKind::EndOfFile) || tok().newline_before) return;
  unexpected();
}

void Parser::error_at(const SourcePos& pos, const std::string& message) {
  throw SyntaxError{message, pos};
}

void Parser::unexpected() {
  const Token& t = tok();
  switch (t.kind) {
    case TokenKind::EndOfFile: error_here("Unexpected end of input");
    case TokenKind::Identifier:
      if (is_strict() && is_strict_reserved(t.atom)) error_here("Unexpected strict mode reserved word");
      error_here("Unexpected identifier '" + std::string(t.atom->text) + "'");
    case TokenKind::Number:
    case TokenKind::BigInt: error_here("Unexpected number");
    case TokenKind::String: error_here("Unexpected string");
    case TokenKind::Template:
    case TokenKind::TemplateHead: error_here("Unexpected template string");
    case TokenKind::PrivateName: error_here("Unexpected identifier '#" + std::string(t.atom->text) + "'");
    case TokenKind::RegExp: error_here("Unexpected regular expression");
    default:
      error_here("Unexpected token '" + std::string(token_text(t.kind)) + "'");
  }
}

void Parser::check_stack() {
  if (stack_.exhausted()) error_here("Too deeply nested: the parser's nesting limit was reached");
}

NodeList Parser::list(const std::vector<Node*>& items) {
  auto copied = arena_.copy(std::span<Node* const>(items.data(), items.size()));
  return NodeList{copied.data(), uint32_t(copied.size())};
}

// ---- names ---------------------------------------------------------------------

bool Parser::is_strict_reserved(Atom a) const {
  return a == atoms_.implements_ || a == atoms_.interface_ || a == atoms_.let_ ||
         a == atoms_.package_ || a == atoms_.private_ || a == atoms_.protected_ ||
         a == atoms_.public_ || a == atoms_.static_ || a == atoms_.yield_;
}

bool Parser::at_identifier() const {
  // Keyword tokens are never identifiers; `yield`, `await`, `let` etc. are
  // Identifier tokens whose legality check_identifier decides.
  return tok().kind == TokenKind::Identifier;
}

void Parser::check_identifier(Atom name, const SourcePos& pos, bool escaped, bool binding) {
  if (is_reserved_word(name)) {
    // Only reachable with escapes: `\u0069f` spells `if` but is an Identifier token.
    error_at(pos, "Keyword must not contain escaped characters");
  }
  if (name == atoms_.yield_) {
    if (fn_->is_generator || is_strict())
      error_at(pos, is_strict() ? "Unexpected strict mode reserved word" : "Unexpected identifier 'yield'");
    if (fn_->in_field_init) error_at(pos, "Unexpected identifier 'yield'");
  } else if (name == atoms_.await_) {
    if (fn_->is_async || options_.module || fn_->in_static_block)
      error_at(pos, "Unexpected reserved word");
    // Could still become an async arrow's parameter: remember it.
    if (!marks_.has_await_ident) {
      marks_.has_await_ident = true;
      marks_.await_ident = pos;
    }
  } else if (is_strict() && is_strict_reserved(name)) {
    error_at(pos, "Unexpected strict mode reserved word");
  }
  if (binding && is_strict() && (name == atoms_.eval_ || name == atoms_.arguments_))
    error_at(pos, "Unexpected eval or arguments in strict mode");
  if (name == atoms_.arguments_ && fn_->arguments_banned) {
    // Arrows inside initializers inherit the ban; ordinary functions reset it.
    error_at(pos, "'arguments' is not allowed in class field initializer or static initialization block");
  }
}

ast::Identifier* Parser::parse_identifier_reference() {
  if (!at_identifier()) unexpected();
  auto* id = make<ast::Identifier>(ast::NodeKind::Identifier, tok().start);
  id->name = tok().atom;
  check_identifier(id->name, id->start, tok().escaped, false);
  next();
  return finish(id);
}

ast::Identifier* Parser::parse_binding_identifier() {
  if (!at_identifier()) unexpected();
  auto* id = make<ast::Identifier>(ast::NodeKind::Identifier, tok().start);
  id->name = tok().atom;
  check_identifier(id->name, id->start, tok().escaped, true);
  next();
  return finish(id);
}

Node* Parser::parse_identifier_name() {
  if (!at_identifier() && !is_keyword(kind())) unexpected();
  auto* id = make<ast::Identifier>(ast::NodeKind::Identifier, tok().start);
  id->name = tok().atom;
  next();
  return finish(id);
}

}  // namespace glass
