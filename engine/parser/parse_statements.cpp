// Statements and declarations (ECMA-262 §14), directive prologues, labels.
#include "parser_internal.h"

namespace glass {

using ast::NodeKind;

void Parser::parse_directives_and_body(std::vector<Node*>& body, TokenKind end, bool* became_strict) {
  // A directive prologue is the run of string-literal expression statements
  // at the start of a script or function body (§11.2.1). "use strict" there
  // makes the whole body strict — including the directives before it, whose
  // octal escapes are then errors too.
  ListKindScope list_kind(*this, end == TokenKind::EndOfFile && !options_.module ? ListKind::ScriptTop : ListKind::Other);
  bool in_prologue = true;
  bool has_octal = false;
  SourcePos octal_pos;
  while (!at(end)) {
    if (in_prologue && at(TokenKind::String)) {
      const Token string_token = tok();
      Node* statement = parse_statement_list_item();
      body.push_back(statement);
      auto* es = statement->kind == NodeKind::ExpressionStatement ? ast::as<ast::ExpressionStatement>(statement) : nullptr;
      if (!es || es->expression->kind != NodeKind::StringLiteral || es->expression->parenthesized ||
          es->expression->start.offset != string_token.start.offset ||
          es->expression->end != string_token.end) {
        in_prologue = false;
        continue;
      }
      es->is_directive = true;
      es->directive = std::string_view(source_.text).substr(string_token.start.offset + 1,
                                                            string_token.end - string_token.start.offset - 2);
      if (string_token.legacy_octal && !has_octal) {
        has_octal = true;
        octal_pos = string_token.invalid_escape_pos;
      }
      if (es->directive == "use strict") {
        use_strict_pos_ = es->start;
        if (!fn_->strict) {
          fn_->strict = true;
          if (became_strict) *became_strict = true;
        }
        if (has_octal) error_at(octal_pos, "Octal escape sequences are not allowed in strict mode.");
      }
      continue;
    }
    in_prologue = false;
    if (end == TokenKind::EndOfFile && options_.module) {
      if (at(TokenKind::Import)) {
        Token after = lex_.peek();
        if (after.kind != TokenKind::LParen && after.kind != TokenKind::Dot) {
          body.push_back(parse_import_declaration());
          continue;
        }
      } else if (at(TokenKind::Export)) {
        body.push_back(parse_export_declaration());
        continue;
      }
    }
    body.push_back(parse_statement_list_item());
  }
}

bool Parser::at_let_declaration() {
  if (!at_contextual(atoms_.let_)) return false;
  Token after = lex_.peek();
  return after.kind == TokenKind::Identifier || after.kind == TokenKind::LBracket ||
         after.kind == TokenKind::LBrace ||
         // `let await`, `let yield` are Identifier tokens; other keywords can't follow.
         false;
}

bool Parser::at_using_declaration() {
  if (!at_contextual(atoms_.using_)) return false;
  Token after = lex_.peek();
  return after.kind == TokenKind::Identifier && !after.newline_before;
}

bool Parser::at_await_using_declaration() {
  if (!at_contextual(atoms_.await_) || !fn_->is_async || fn_->in_static_block) return false;
  Token after = lex_.peek();
  if (after.kind != TokenKind::Identifier || after.escaped || after.atom != atoms_.using_ || after.newline_before)
    return false;
  // Two tokens ahead: the binding's name, on the same line.
  Lexer::State saved = lex_.save();
  next();
  Token name = lex_.peek();
  lex_.restore(saved);
  return name.kind == TokenKind::Identifier && !name.newline_before;
}

Node* Parser::parse_using_declaration(bool await, bool no_in, bool in_for) {
  SourcePos start = tok().start;
  if (await) {
    if (fn_ == &top_) top_level_await_ = true;
    if (!marks_.has_await) {
      marks_.has_await = true;
      marks_.await = start;
    }
    next();  // await
  }
  next();  // using
  auto* decl = make<ast::VariableDeclaration>(NodeKind::VariableDeclaration, start);
  decl->kind_ = await ? ast::VarKind::AwaitUsing : ast::VarKind::Using;
  std::vector<Node*> declarators;
  do {
    auto* d = make<ast::VariableDeclarator>(NodeKind::VariableDeclarator, tok().start);
    if (at_contextual(atoms_.let_)) error_here("let is disallowed as a lexically bound name");
    d->id = parse_binding_identifier();
    if (eat(TokenKind::Assign)) d->init = parse_assignment(no_in);
    else if (!in_for) error_here("Missing initializer in using declaration");
    declarators.push_back(finish(d));
  } while (eat(TokenKind::Comma));
  decl->declarations = list(declarators);
  return finish(decl);
}

bool Parser::at_async_function() {
  if (!at_contextual(atoms_.async_)) return false;
  Token after = lex_.peek();
  return after.kind == TokenKind::Function && !after.newline_before;
}

Node* Parser::parse_statement_list_item() {
  check_stack();
  SourcePos start = tok().start;
  switch (kind()) {
    case TokenKind::Function:
      return parse_function(start, false, true);
    case TokenKind::Class:
      return parse_class(start, true);
    case TokenKind::Const: {
      next();
      Node* decl = parse_variable_declaration(ast::VarKind::Const, false, false, start);
      consume_semicolon();
      return finish(decl);
    }
    case TokenKind::Export:
      error_here(options_.module ? "Unexpected token 'export'"
                                 : "Cannot use 'export' outside a module");
    case TokenKind::Import: {
      Token after = lex_.peek();
      if (after.kind != TokenKind::LParen && after.kind != TokenKind::Dot)
        error_here(options_.module ? "Unexpected token 'import'"
                                   : "Cannot use import statement outside a module");
      break;
    }
    case TokenKind::Identifier:
      if (at_let_declaration()) {
        next();
        Node* decl = parse_variable_declaration(ast::VarKind::Let, false, false, start);
        consume_semicolon();
        return finish(decl);
      }
      if (at_async_function()) {
        next();
        return parse_function(start, true, true);
      }
      if (at_using_declaration() || at_await_using_declaration()) {
        bool await = at_contextual(atoms_.await_);
        if (list_kind_ == ListKind::ScriptTop)
          error_here(std::string(await ? "'await using'" : "'using'") + " declarations are not allowed at the top level of a script");
        if (list_kind_ == ListKind::CaseClause)
          error_here(std::string(await ? "'await using'" : "'using'") + " declarations are not allowed directly in a case clause");
        Node* decl = parse_using_declaration(await, false, false);
        consume_semicolon();
        return finish(decl);
      }
      break;
    default:
      break;
  }
  return parse_statement(true);
}

Node* Parser::parse_statement(bool labelled_function_ok) {
  check_stack();
  SourcePos start = tok().start;
  switch (kind()) {
    case TokenKind::LBrace:
      return parse_block();
    case TokenKind::Var: {
      next();
      Node* decl = parse_variable_declaration(ast::VarKind::Var, false, false, start);
      consume_semicolon();
      return finish(decl);
    }
    case TokenKind::Semicolon: {
      next();
      return finish(make<ast::EmptyStatement>(NodeKind::EmptyStatement, start));
    }
    case TokenKind::If: return parse_if();
    case TokenKind::For: return parse_for();
    case TokenKind::While: return parse_while();
    case TokenKind::Do: return parse_do_while();
    case TokenKind::Continue: return parse_break_continue(false);
    case TokenKind::Break: return parse_break_continue(true);
    case TokenKind::Return: return parse_return();
    case TokenKind::With: return parse_with();
    case TokenKind::Switch: return parse_switch();
    case TokenKind::Throw: return parse_throw();
    case TokenKind::Try: return parse_try();
    case TokenKind::Debugger: {
      next();
      consume_semicolon();
      return finish(make<ast::DebuggerStatement>(NodeKind::DebuggerStatement, start));
    }
    case TokenKind::Function:
      if (is_strict())
        error_here("In strict mode code, functions can only be declared at top level or inside a block.");
      error_here("In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    case TokenKind::Class:
      unexpected();
    case TokenKind::Const:
      error_here("Lexical declaration cannot appear in a single-statement context");
    case TokenKind::Export:
      error_here("Unexpected token 'export'");
    case TokenKind::Import: {
      Token after = lex_.peek();
      if (after.kind != TokenKind::LParen && after.kind != TokenKind::Dot)
        error_here(options_.module ? "Unexpected token 'import'"
                                   : "Cannot use import statement outside a module");
      break;
    }
    case TokenKind::Identifier: {
      if (at_contextual(atoms_.let_)) {
        Token after = lex_.peek();
        if (after.kind == TokenKind::LBracket)
          error_here("Lexical declaration cannot appear in a single-statement context");
        // `let x` on one line is a declaration, which can't stand here; with a
        // newline between, `let` is an identifier and ASI ends the statement.
        if ((after.kind == TokenKind::LBrace || after.kind == TokenKind::Identifier) && !after.newline_before)
          error_here("Lexical declaration cannot appear in a single-statement context");
      }
      if (at_async_function())
        error_here("Async functions can only be declared at the top level or inside a block.");
      if (at_using_declaration() || at_await_using_declaration())
        error_here("Lexical declaration cannot appear in a single-statement context");
      break;
    }
    default:
      break;
  }
  return parse_labelled_or_expression_statement(labelled_function_ok);
}

Node* Parser::parse_labelled_or_expression_statement(bool labelled_function_ok) {
  SourcePos start = tok().start;
  if (at_identifier()) {
    Token after = lex_.peek();
    bool yield_is_op = at_contextual(atoms_.yield_) && fn_->is_generator;
    bool await_is_op = at_contextual(atoms_.await_) && fn_->is_async;
    if (after.kind == TokenKind::Colon && !yield_is_op && !await_is_op) {
      auto* labelled = make<ast::LabeledStatement>(NodeKind::LabeledStatement, start);
      auto* label = parse_identifier_reference();
      labelled->label = label;
      for (auto& l : fn_->labels)
        if (l.name == label->name) error_at(label->start, "Label '" + std::string(label->name->text) + "' has already been declared");
      expect(TokenKind::Colon);
      // Consecutive labels all name the statement at the end of the chain:
      // `a: b: while (1) continue a;` is legal, so every label of the chain
      // becomes a loop label when that statement is a loop.
      size_t chain = pending_label_chain_ != kNoChain ? pending_label_chain_ : fn_->labels.size();
      pending_label_chain_ = kNoChain;
      fn_->labels.push_back({label->name, false});
      if (at(TokenKind::For) || at(TokenKind::While) || at(TokenKind::Do))
        for (size_t i = chain; i < fn_->labels.size(); ++i) fn_->labels[i].is_loop = true;
      Node* body;
      if (at(TokenKind::Function)) {
        // Annex B.3.1: labelled function declarations, in sloppy code, where a
        // declaration could stand anyway (not as the body of if/while/...).
        if (is_strict())
          error_here("In strict mode code, functions can only be declared at top level or inside a block.");
        if (!labelled_function_ok) error_here("Labelled function declarations are not allowed here");
        SourcePos fstart = tok().start;
        if (lex_.peek().kind == TokenKind::Star)
          error_here("Generators can only be declared at the top level or inside a block.");
        body = parse_function(fstart, false, true);
      } else {
        if (at_identifier() && lex_.peek().kind == TokenKind::Colon) pending_label_chain_ = chain;
        body = parse_statement(labelled_function_ok);
      }
      fn_->labels.pop_back();
      labelled->body = body;
      return finish(labelled);
    }
  }
  auto* statement = make<ast::ExpressionStatement>(NodeKind::ExpressionStatement, start);
  statement->expression = parse_expression();
  consume_semicolon();
  return finish(statement);
}

Node* Parser::parse_block() {
  check_stack();
  auto* block = make<ast::BlockStatement>(NodeKind::BlockStatement, tok().start);
  expect(TokenKind::LBrace);
  ListKindScope list_kind(*this, ListKind::Other);
  std::vector<Node*> body;
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::EndOfFile)) unexpected();
    body.push_back(parse_statement_list_item());
  }
  block->close = tok().start;
  next();
  block->body = list(body);
  return finish(block);
}

Node* Parser::parse_variable_declaration(ast::VarKind var_kind, bool no_in, bool in_for,
                                         const SourcePos& start) {
  // The keyword (at `start`) has been consumed.
  auto* decl = make<ast::VariableDeclaration>(NodeKind::VariableDeclaration, start);
  decl->kind_ = var_kind;
  std::vector<Node*> declarators;
  do {
    auto* d = make<ast::VariableDeclarator>(NodeKind::VariableDeclarator, tok().start);
    d->id = parse_binding_target();
    if (eat(TokenKind::Assign)) {
      d->init = parse_assignment(no_in);
    } else if (!in_for) {
      if (var_kind == ast::VarKind::Const) error_here("Missing initializer in const declaration");
      if (d->id->kind != NodeKind::Identifier) error_here("Missing initializer in destructuring declaration");
    }
    declarators.push_back(finish(d));
  } while (eat(TokenKind::Comma));
  decl->declarations = list(declarators);
  return finish(decl);
}

Node* Parser::parse_if() {
  auto* s = make<ast::IfStatement>(NodeKind::IfStatement, tok().start);
  next();
  expect(TokenKind::LParen);
  s->test = parse_expression();
  expect(TokenKind::RParen);
  auto branch = [&]() -> Node* {
    // Annex B.3.3: `if (x) function f() {}` in sloppy code.
    if (at(TokenKind::Function) && !is_strict()) {
      SourcePos fstart = tok().start;
      Token after = lex_.peek();
      if (after.kind == TokenKind::Star) error_here("Generators can only be declared at the top level or inside a block.");
      return parse_function(fstart, false, true);
    }
    Node* b = parse_statement(false);
    return b;
  };
  s->consequent = branch();
  if (eat(TokenKind::Else)) s->alternate = branch();
  return finish(s);
}

Node* Parser::parse_loop_body() {
  fn_->loop_depth++;
  Node* body = parse_statement(false);
  fn_->loop_depth--;
  return body;
}

Node* Parser::parse_while() {
  auto* s = make<ast::WhileStatement>(NodeKind::WhileStatement, tok().start);
  next();
  expect(TokenKind::LParen);
  s->test = parse_expression();
  expect(TokenKind::RParen);
  s->body = parse_loop_body();
  return finish(s);
}

Node* Parser::parse_do_while() {
  auto* s = make<ast::DoWhileStatement>(NodeKind::DoWhileStatement, tok().start);
  next();
  s->body = parse_loop_body();
  expect(TokenKind::While);
  expect(TokenKind::LParen);
  s->test = parse_expression();
  expect(TokenKind::RParen);
  // §12.10.1: a semicolon after do-while is inserted even without a newline.
  eat(TokenKind::Semicolon);
  return finish(s);
}

Node* Parser::parse_for() {
  SourcePos start = tok().start;
  next();
  bool is_await = false;
  if (at_contextual(atoms_.await_)) {
    if (!fn_->is_async || fn_->in_static_block) unexpected();
    is_await = true;
    if (fn_ == &top_) top_level_await_ = true;
    if (!marks_.has_await) {
      marks_.has_await = true;
      marks_.await = tok().start;
    }
    next();
  }
  expect(TokenKind::LParen);
  Node* init = nullptr;
  SourcePos init_start = tok().start;
  auto finish_in_of = [&](Node* left, bool is_of) -> Node* {
    auto* s = make<ast::ForInOfStatement>(is_of ? NodeKind::ForOfStatement : NodeKind::ForInStatement, start);
    s->await = is_await;
    s->left = left;
    next();  // `in` or `of`
    s->right = is_of ? parse_assignment() : parse_expression();
    expect(TokenKind::RParen);
    s->body = parse_loop_body();
    return finish(s);
  };

  // `for (using x ...`: `using of` starts a declaration only when an
  // initializer follows (`for (using of = r;;)`); `for (using of of xs)`
  // iterates over `of xs` into the variable `using`.
  bool using_head = false;
  if (at_using_declaration()) {
    using_head = true;
    Token after = lex_.peek();
    if (!after.escaped && after.atom == atoms_.of_) {
      Lexer::State saved = lex_.save();
      next();
      next();
      using_head = at(TokenKind::Assign) || at(TokenKind::Semicolon) || at(TokenKind::Comma);
      lex_.restore(saved);
    }
  }
  if (at(TokenKind::Semicolon)) {
    // for (; ...
  } else if (using_head || at_await_using_declaration()) {
    auto* decl = ast::as<ast::VariableDeclaration>(parse_using_declaration(!using_head, true, true));
    bool is_of = at_contextual(atoms_.of_);
    if (at(TokenKind::In)) error_at(decl->start, "The left-hand side of a for-in loop may not be a using declaration.");
    if (is_of) {
      if (decl->declarations.size() != 1)
        error_at(decl->start, "Invalid left-hand side in for-of loop: Must have a single binding.");
      if (ast::as<ast::VariableDeclarator>(decl->declarations[0])->init)
        error_at(decl->start, "for-of loop variable declaration may not have an initializer.");
      return finish_in_of(decl, true);
    }
    for (Node* dn : decl->declarations)
      if (!ast::as<ast::VariableDeclarator>(dn)->init) error_at(dn->start, "Missing initializer in using declaration");
    init = decl;
  } else if (at(TokenKind::Var) || at(TokenKind::Const) || at_let_declaration() ||
             (at_contextual(atoms_.let_) && lex_.peek().kind == TokenKind::LBracket)) {
    ast::VarKind vk = at(TokenKind::Var) ? ast::VarKind::Var
                      : at(TokenKind::Const) ? ast::VarKind::Const : ast::VarKind::Let;
    SourcePos decl_start = tok().start;
    next();
    auto* decl = ast::as<ast::VariableDeclaration>(parse_variable_declaration(vk, true, true, decl_start));
    bool is_of = at_contextual(atoms_.of_);
    if (is_of || at(TokenKind::In)) {
      if (decl->declarations.size() != 1)
        error_at(decl->start, std::string("Invalid left-hand side in ") + (is_of ? "for-of" : "for-in") + " loop: Must have a single binding.");
      auto* d = ast::as<ast::VariableDeclarator>(decl->declarations[0]);
      if (d->init) {
        // Annex B.3.5: `for (var x = 1 in o)` in sloppy code with a plain name.
        bool annex_b = !is_of && vk == ast::VarKind::Var && !is_strict() && d->id->kind == NodeKind::Identifier;
        if (!annex_b)
          error_at(decl->start, std::string(is_of ? "for-of" : "for-in") + " loop variable declaration may not have an initializer.");
      }
      if (is_await && !is_of) unexpected();
      return finish_in_of(decl, is_of);
    }
    for (Node* dn : decl->declarations) {
      auto* d = ast::as<ast::VariableDeclarator>(dn);
      if (!d->init) {
        if (vk == ast::VarKind::Const) error_at(d->start, "Missing initializer in const declaration");
        if (d->id->kind != NodeKind::Identifier) error_at(d->start, "Missing initializer in destructuring declaration");
      }
    }
    init = decl;
  } else {
    bool starts_with_let = at_contextual(atoms_.let_);
    bool starts_with_async = at_contextual(atoms_.async_);
    CoverErrors cover;
    Node* expr = parse_expression(true, &cover);
    bool is_of = at_contextual(atoms_.of_);
    if (is_of || at(TokenKind::In)) {
      if (is_of && starts_with_let) error_at(init_start, "The left-hand side of a for-of loop may not be 'let'.");
      if (is_of && starts_with_async && !is_await && expr->kind == NodeKind::Identifier && !expr->parenthesized)
        error_at(init_start, "The left-hand side of a for-of loop may not be 'async'.");
      if (is_await && !is_of) unexpected();
      // The head is a LeftHandSideExpression: a pattern or a simple target.
      Node* target;
      if ((expr->kind == NodeKind::ObjectExpression || expr->kind == NodeKind::ArrayExpression) && !expr->parenthesized) {
        target = to_target(expr, false);  // its cover errors are excused: it is a pattern
      } else {
        check_cover(cover);
        check_simple_target(expr, is_of ? "Invalid left-hand side in for-of loop" : "Invalid left-hand side in for-in loop", true);
        target = expr;
      }
      return finish_in_of(target, is_of);
    }
    check_cover(cover);
    init = expr;
  }
  if (is_await) unexpected();
  auto* s = make<ast::ForStatement>(NodeKind::ForStatement, start);
  s->init = init;
  expect(TokenKind::Semicolon);
  if (!at(TokenKind::Semicolon)) s->test = parse_expression();
  expect(TokenKind::Semicolon);
  if (!at(TokenKind::RParen)) s->update = parse_expression();
  expect(TokenKind::RParen);
  s->body = parse_loop_body();
  return finish(s);
}

Node* Parser::parse_switch() {
  auto* s = make<ast::SwitchStatement>(NodeKind::SwitchStatement, tok().start);
  next();
  expect(TokenKind::LParen);
  s->discriminant = parse_expression();
  expect(TokenKind::RParen);
  expect(TokenKind::LBrace);
  std::vector<Node*> cases;
  bool saw_default = false;
  fn_->switch_depth++;
  while (!eat(TokenKind::RBrace)) {
    auto* c = make<ast::SwitchCase>(NodeKind::SwitchCase, tok().start);
    if (eat(TokenKind::Case)) {
      c->test = parse_expression();
    } else if (at(TokenKind::Default)) {
      if (saw_default) error_here("More than one default clause in switch statement");
      saw_default = true;
      next();
    } else {
      unexpected();
    }
    expect(TokenKind::Colon);
    std::vector<Node*> body;
    ListKindScope list_kind(*this, ListKind::CaseClause);
    while (!at(TokenKind::Case) && !at(TokenKind::Default) && !at(TokenKind::RBrace)) {
      if (at(TokenKind::EndOfFile)) unexpected();
      body.push_back(parse_statement_list_item());
    }
    c->consequent = list(body);
    cases.push_back(finish(c));
  }
  fn_->switch_depth--;
  s->cases = list(cases);
  return finish(s);
}

Node* Parser::parse_try() {
  auto* s = make<ast::TryStatement>(NodeKind::TryStatement, tok().start);
  next();
  s->block = parse_block();
  if (at(TokenKind::Catch)) {
    auto* c = make<ast::CatchClause>(NodeKind::CatchClause, tok().start);
    next();
    if (eat(TokenKind::LParen)) {
      c->param = parse_binding_target();
      expect(TokenKind::RParen);
    }
    c->body = parse_block();
    s->handler = finish(c);
  }
  if (eat(TokenKind::Finally)) s->finalizer = parse_block();
  if (!s->handler && !s->finalizer) error_here("Missing catch or finally after try");
  return finish(s);
}

Node* Parser::parse_return() {
  auto* s = make<ast::ReturnStatement>(NodeKind::ReturnStatement, tok().start);
  if (!fn_->allow_return) error_here("Illegal return statement");
  next();
  if (!at(TokenKind::Semicolon) && !at(TokenKind::RBrace) && !at(TokenKind::EndOfFile) && !tok().newline_before)
    s->argument = parse_expression();
  consume_semicolon();
  return finish(s);
}

Node* Parser::parse_break_continue(bool is_break) {
  SourcePos start = tok().start;
  next();
  Node* label = nullptr;
  if (at_identifier() && !tok().newline_before) {
    auto* id = parse_identifier_reference();
    label = id;
    bool found = false;
    for (auto& l : fn_->labels) {
      if (l.name == id->name) {
        found = true;
        if (!is_break && !l.is_loop) error_at(id->start, "Illegal continue statement: '" + std::string(id->name->text) + "' does not denote an iteration statement");
      }
    }
    if (!found) error_at(id->start, "Undefined label '" + std::string(id->name->text) + "'");
  } else if (is_break) {
    if (fn_->loop_depth == 0 && fn_->switch_depth == 0) error_at(start, "Illegal break statement");
  } else {
    if (fn_->loop_depth == 0) error_at(start, "Illegal continue statement: no surrounding iteration statement");
  }
  consume_semicolon();
  if (is_break) {
    auto* s = make<ast::BreakStatement>(NodeKind::BreakStatement, start);
    s->label = label;
    return finish(s);
  }
  auto* s = make<ast::ContinueStatement>(NodeKind::ContinueStatement, start);
  s->label = label;
  return finish(s);
}

Node* Parser::parse_throw() {
  auto* s = make<ast::ThrowStatement>(NodeKind::ThrowStatement, tok().start);
  next();
  if (tok().newline_before) error_here("Illegal newline after throw");
  s->argument = parse_expression();
  consume_semicolon();
  return finish(s);
}

Node* Parser::parse_with() {
  auto* s = make<ast::WithStatement>(NodeKind::WithStatement, tok().start);
  if (is_strict()) error_here("Strict mode code may not include a with statement");
  next();
  expect(TokenKind::LParen);
  s->object = parse_expression();
  expect(TokenKind::RParen);
  s->body = parse_statement(false);
  return finish(s);
}

}  // namespace glass
