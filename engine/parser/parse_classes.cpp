// Classes (§15.7): heritage, methods, accessors, fields, private names and
// static blocks. All class code is strict.
#include "parser_internal.h"

namespace glass {

using ast::NodeKind;

namespace {
// After `static`, `get`, `set` or `async`: does the word name the member
// itself (`static() {}`, `get = 1`) rather than modify the one that follows?
bool ends_member_name(TokenKind k) {
  return k == TokenKind::LParen || k == TokenKind::Assign || k == TokenKind::Semicolon ||
         k == TokenKind::RBrace || k == TokenKind::EndOfFile;
}
}  // namespace

Node* Parser::parse_class(const SourcePos& start, bool is_declaration, bool default_export) {
  expect(TokenKind::Class);
  auto* cls = make<ast::Class>(is_declaration ? NodeKind::ClassDeclaration : NodeKind::ClassExpression, start);
  bool saved_strict = fn_->strict;
  fn_->strict = true;
  if (at_identifier()) {
    cls->id = parse_binding_identifier();
  } else if (is_declaration && !default_export) {
    unexpected();
  }
  if (eat(TokenKind::Extends)) cls->super_class = parse_left_hand_side(nullptr);
  auto* body = make<ast::ClassBody>(NodeKind::ClassBody, tok().start);
  expect(TokenKind::LBrace);
  std::vector<Node*> elements;
  bool saw_constructor = false;
  while (!at(TokenKind::RBrace)) {
    if (eat(TokenKind::Semicolon)) continue;
    if (at(TokenKind::EndOfFile)) unexpected();
    elements.push_back(parse_class_element(cls->super_class != nullptr, saw_constructor));
  }
  next();
  body->body = list(elements);
  cls->body = finish(body);
  fn_->strict = saved_strict;
  return finish(cls);
}

Node* Parser::parse_class_element(bool derived, bool& saw_constructor) {
  check_stack();
  SourcePos start = tok().start;
  bool is_static = false;
  if (at_contextual(atoms_.static_)) {
    Token after = lex_.peek();
    if (after.kind == TokenKind::LBrace) {
      next();
      return parse_static_block(start);
    }
    if (!ends_member_name(after.kind)) {
      is_static = true;
      next();
    }
  }
  bool is_async = false, is_generator = false;
  ast::MethodKind mkind = ast::MethodKind::Method;
  if (at_contextual(atoms_.async_)) {
    Token after = lex_.peek();
    if (!ends_member_name(after.kind) && !after.newline_before) {
      is_async = true;
      next();
    }
  }
  if (at(TokenKind::Star)) {
    is_generator = true;
    next();
  }
  if (!is_async && !is_generator && (at_contextual(atoms_.get_) || at_contextual(atoms_.set_))) {
    Token after = lex_.peek();
    // `get\n*gen() {}` is a field named get, then a generator method.
    if (!ends_member_name(after.kind) && after.kind != TokenKind::Star) {
      mkind = at_contextual(atoms_.get_) ? ast::MethodKind::Get : ast::MethodKind::Set;
      next();
    }
  }
  Node* key;
  bool computed = false;
  if (at(TokenKind::PrivateName)) {
    auto* p = make<ast::PrivateIdentifier>(NodeKind::PrivateIdentifier, tok().start);
    p->name = tok().atom;
    if (p->name->text == "constructor") error_here("Classes may not have a private field named '#constructor'");
    next();
    key = finish(p);
  } else {
    key = parse_property_key(computed);
  }
  bool named_constructor = !computed && key->kind != NodeKind::PrivateIdentifier && key_is_named(key, "constructor");
  bool named_prototype = !computed && key->kind != NodeKind::PrivateIdentifier && key_is_named(key, "prototype");

  if (at(TokenKind::LParen) || is_async || is_generator || mkind != ast::MethodKind::Method) {
    auto* method = make<ast::MethodDefinition>(NodeKind::MethodDefinition, start);
    method->is_static = is_static;
    method->computed = computed;
    method->key = key;
    FnSyntax syntax = mkind == ast::MethodKind::Get ? FnSyntax::Getter
                      : mkind == ast::MethodKind::Set ? FnSyntax::Setter : FnSyntax::Method;
    if (named_constructor && !is_static) {
      if (mkind != ast::MethodKind::Method) error_at(key->start, "Class constructor may not be an accessor");
      if (is_generator) error_at(key->start, "Class constructor may not be a generator");
      if (is_async) error_at(key->start, "Class constructor may not be an async method");
      if (saw_constructor) error_at(key->start, "A class may only have one constructor");
      saw_constructor = true;
      mkind = ast::MethodKind::Constructor;
      syntax = derived ? FnSyntax::DerivedConstructor : FnSyntax::ClassConstructor;
    }
    if (is_static && named_prototype) error_at(key->start, "Classes may not have a static property named 'prototype'");
    method->kind = mkind;
    method->value = parse_method(tok().start, syntax, is_async, is_generator);
    return finish(method);
  }

  auto* field = make<ast::PropertyDefinition>(NodeKind::PropertyDefinition, start);
  field->is_static = is_static;
  field->computed = computed;
  field->key = key;
  if (named_constructor) error_at(key->start, "Classes may not have a field named 'constructor'");
  if (is_static && named_prototype) error_at(key->start, "Classes may not have a static property named 'prototype'");
  if (eat(TokenKind::Assign)) field->value = parse_field_initializer();
  consume_semicolon();
  return finish(field);
}

Node* Parser::parse_field_initializer() {
  // A field initializer runs like a method body with no parameters (§15.7.10):
  // `this` and super properties work, `arguments` and super() do not.
  FunctionState state;
  state.outer = fn_;
  state.strict = true;
  state.allow_super_property = true;
  state.allow_new_target = true;
  state.in_field_init = true;
  state.arguments_banned = true;
  fn_ = &state;
  Node* value = parse_assignment();
  fn_ = state.outer;
  return value;
}

Node* Parser::parse_static_block(const SourcePos& start) {
  auto* block = make<ast::StaticBlock>(NodeKind::StaticBlock, start);
  FunctionState state;
  state.outer = fn_;
  state.strict = true;
  state.allow_super_property = true;
  state.allow_new_target = true;
  state.in_static_block = true;
  state.arguments_banned = true;
  fn_ = &state;
  expect(TokenKind::LBrace);
  ListKindScope list_kind(*this, ListKind::Other);
  std::vector<Node*> body;
  while (!at(TokenKind::RBrace)) {
    if (at(TokenKind::EndOfFile)) unexpected();
    body.push_back(parse_statement_list_item());
  }
  next();
  fn_ = state.outer;
  block->body = list(body);
  return finish(block);
}

}  // namespace glass
