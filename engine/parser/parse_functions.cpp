// Functions (§15.1–15.9): declarations, expressions, arrows, methods, and
// their bodies. Each function body is parsed in its own FunctionState, which
// is what makes `yield`, `await`, `return`, `super` and `new.target` mean
// the right thing inside it.
#include "parser_internal.h"
#include "scope.h"

namespace glass {

using ast::NodeKind;

Node* Parser::parse_function(const SourcePos& start, bool is_async, bool is_declaration,
                             bool default_export) {
  expect(TokenKind::Function);
  auto* fn = make<ast::Function>(is_declaration ? NodeKind::FunctionDeclaration : NodeKind::FunctionExpression, start);
  fn->async = is_async;
  fn->generator = eat(TokenKind::Star);
  if (at_identifier()) {
    if (is_declaration) {
      // A declaration's name is bound in the enclosing scope: its rules apply.
      fn->id = parse_binding_identifier();
    } else {
      // An expression's name is bound inside the function itself (§15.2.1):
      // `function* yield(){}` and `async function await(){}` are errors.
      const Token& t = tok();
      if (fn->generator && t.atom == atoms_.yield_) error_here(is_strict() ? "Unexpected strict mode reserved word" : "Unexpected identifier 'yield'");
      if (fn->async && t.atom == atoms_.await_) error_here("Unexpected reserved word");
      FunctionState probe;
      probe.strict = fn_->strict;
      probe.is_async = fn->async;
      probe.is_generator = fn->generator;
      FunctionState* saved = fn_;
      fn_ = &probe;
      bool module_await = options_.module && t.atom == atoms_.await_;
      if (module_await) { fn_ = saved; error_here("Unexpected reserved word"); }
      fn->id = parse_binding_identifier();
      fn_ = saved;
    }
  } else if (is_declaration && !default_export) {
    unexpected();
  }
  parse_function_rest(fn, FnSyntax::Declaration);
  return finish(fn);
}

void Parser::parse_function_rest(ast::Function* fn, FnSyntax syntax) {
  FunctionState state;
  state.outer = fn_;
  state.strict = fn_->strict;
  state.is_async = fn->async;
  state.is_generator = fn->generator;
  state.allow_return = true;
  state.allow_new_target = true;
  switch (syntax) {
    case FnSyntax::Declaration:
      break;
    case FnSyntax::Method:
    case FnSyntax::Getter:
    case FnSyntax::Setter:
    case FnSyntax::ClassConstructor:
      state.allow_super_property = true;
      break;
    case FnSyntax::DerivedConstructor:
      state.allow_super_property = true;
      state.allow_super_call = true;
      break;
  }
  fn_ = &state;
  SourcePos params_start = tok().start;
  fn->params = parse_formal_parameters(fn);
  if (syntax == FnSyntax::Getter && !fn->params.empty())
    error_at(params_start, "Getter must not have any formal parameters.");
  if (syntax == FnSyntax::Setter) {
    if (fn->params.size() != 1) error_at(params_start, "Setter must have exactly one formal parameter.");
    if (fn->params[0]->kind == NodeKind::RestElement)
      error_at(fn->params[0]->start, "Setter function argument must not be a rest parameter");
  }
  parse_function_body(fn);
  fn->strict = state.strict;
  fn_ = state.outer;
}

NodeList Parser::parse_formal_parameters(ast::Function* fn) {
  expect(TokenKind::LParen);
  fn_->in_params = true;
  std::vector<Node*> params;
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Ellipsis)) {
      auto* rest = make<ast::RestElement>(NodeKind::RestElement, tok().start);
      next();
      rest->argument = parse_binding_target();
      if (at(TokenKind::Assign)) error_here("Rest parameter may not have a default initializer");
      params.push_back(finish(rest));
      if (params.size() > kMaxParameters) error_at(rest->start, too_many_parameters());
      fn->simple_params = false;
      if (!at(TokenKind::RParen)) error_here("Rest parameter must be last formal parameter");
      break;
    }
    Node* param = parse_binding_element();
    if (param->kind != NodeKind::Identifier) fn->simple_params = false;
    params.push_back(param);
    if (params.size() > kMaxParameters) error_at(param->start, too_many_parameters());
    if (!at(TokenKind::RParen)) expect(TokenKind::Comma);
  }
  expect(TokenKind::RParen);
  fn_->in_params = false;
  return list(params);
}

void Parser::parse_function_body(ast::Function* fn) {
  auto* body = make<ast::BlockStatement>(NodeKind::BlockStatement, tok().start);
  expect(TokenKind::LBrace);
  std::vector<Node*> statements;
  bool became_strict = false;
  parse_directives_and_body(statements, TokenKind::RBrace, &became_strict);
  body->close = tok().start;
  next();  // }
  body->body = list(statements);
  fn->body = finish(body);
  if (became_strict) {
    if (!fn->simple_params)
      error_at(use_strict_pos_, "Illegal 'use strict' directive in function with non-simple parameter list");
    recheck_strict_names(fn);
  }
}

void Parser::recheck_strict_names(ast::Function* fn) {
  // The body's "use strict" applies to the function's own name and
  // parameters too, which were read before it was seen (§15.2.1).
  std::vector<ast::Identifier*> names;
  if (fn->id && fn->kind != NodeKind::ArrowFunctionExpression) names.push_back(ast::as<ast::Identifier>(fn->id));
  for (Node* p : fn->params) for_each_bound_name(p, [&](ast::Identifier* id) { names.push_back(id); });
  for (ast::Identifier* id : names) {
    if (id->name == atoms_.eval_ || id->name == atoms_.arguments_)
      error_at(id->start, "Unexpected eval or arguments in strict mode");
    if (is_strict_reserved(id->name)) error_at(id->start, "Unexpected strict mode reserved word");
  }
}

Node* Parser::parse_arrow_body(ast::Function* fn, const std::vector<Node*>& params, bool is_async) {
  // At `=>`. Parameters have been converted to patterns already.
  if (tok().newline_before) unexpected();
  expect(TokenKind::Arrow);
  fn->async = is_async;
  fn->params = list(params);
  for (Node* p : params)
    if (p->kind != NodeKind::Identifier) fn->simple_params = false;
  if (is_async) {
    std::vector<ast::Identifier*> names;
    for (Node* p : params) for_each_bound_name(p, [&](ast::Identifier* id) { names.push_back(id); });
    for (auto* id : names)
      if (id->name == atoms_.await_) error_at(id->start, "Unexpected reserved word");
  }
  FunctionState state;
  state.outer = fn_;
  state.strict = fn_->strict;
  state.is_arrow = true;
  state.is_async = is_async;
  state.allow_return = true;
  // Arrows see `super`, `new.target` and `arguments` of the code around them.
  state.allow_super_call = fn_->allow_super_call;
  state.allow_super_property = fn_->allow_super_property;
  state.allow_new_target = fn_->allow_new_target;
  // `await` is an identifier again in an arrow body inside a static block
  // (ConciseBody is [~Await]); the ban on `arguments` does carry over.
  state.arguments_banned = fn_->arguments_banned;
  fn_ = &state;
  if (at(TokenKind::LBrace)) {
    parse_function_body(fn);
  } else {
    fn->expression = true;
    fn->body = parse_assignment();
  }
  fn->strict = state.strict;
  fn_ = state.outer;
  return finish(fn);
}

Node* Parser::parse_method(const SourcePos& start, FnSyntax syntax, bool is_async, bool is_generator) {
  auto* fn = make<ast::Function>(NodeKind::FunctionExpression, start);
  fn->async = is_async;
  fn->generator = is_generator;
  parse_function_rest(fn, syntax);
  return finish(fn);
}

}  // namespace glass
