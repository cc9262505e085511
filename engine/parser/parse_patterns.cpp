// Patterns (§14.3.3 binding patterns, §13.15.5 destructuring assignment):
// parsed directly where only a pattern can stand (declarations, parameters,
// catch), and reinterpreted from an already-parsed expression where the
// grammar only finds out later (`[a, b] = ...`, `(a, b) => ...`).
#include "parser_internal.h"

namespace glass {

using ast::NodeKind;

Node* Parser::parse_binding_target() {
  check_stack();
  if (at(TokenKind::LBracket)) return parse_binding_pattern_array();
  if (at(TokenKind::LBrace)) return parse_binding_pattern_object();
  return parse_binding_identifier();
}

Node* Parser::parse_binding_element() {
  SourcePos start = tok().start;
  Node* target = parse_binding_target();
  if (!at(TokenKind::Assign)) return target;
  next();
  auto* pattern = make<ast::AssignmentPattern>(NodeKind::AssignmentPattern, start);
  pattern->left = target;
  pattern->right = parse_assignment();
  return finish(pattern);
}

Node* Parser::parse_binding_pattern_array() {
  auto* pattern = make<ast::ArrayPattern>(NodeKind::ArrayPattern, tok().start);
  next();
  std::vector<Node*> elements;
  while (!at(TokenKind::RBracket)) {
    if (at(TokenKind::Comma)) {
      next();
      elements.push_back(nullptr);
      continue;
    }
    if (at(TokenKind::Ellipsis)) {
      auto* rest = make<ast::RestElement>(NodeKind::RestElement, tok().start);
      next();
      rest->argument = parse_binding_target();
      elements.push_back(finish(rest));
      if (!at(TokenKind::RBracket)) error_here("Rest element must be last element");
      break;
    }
    elements.push_back(parse_binding_element());
    if (!at(TokenKind::RBracket)) expect(TokenKind::Comma);
  }
  expect(TokenKind::RBracket);
  pattern->elements = list(elements);
  return finish(pattern);
}

Node* Parser::parse_binding_pattern_object() {
  auto* pattern = make<ast::ObjectPattern>(NodeKind::ObjectPattern, tok().start);
  next();
  std::vector<Node*> properties;
  while (!at(TokenKind::RBrace)) {
    SourcePos start = tok().start;
    if (at(TokenKind::Ellipsis)) {
      auto* rest = make<ast::RestElement>(NodeKind::RestElement, start);
      next();
      rest->argument = parse_binding_identifier();
      properties.push_back(finish(rest));
      if (!at(TokenKind::RBrace)) error_here("Rest element must be last element");
      break;
    }
    const Token key_token = tok();
    bool computed;
    Node* key = parse_property_key(computed);
    auto* prop = make<ast::Property>(NodeKind::Property, start);
    prop->key = key;
    prop->computed = computed;
    if (eat(TokenKind::Colon)) {
      prop->value = parse_binding_element();
    } else {
      if (key_token.kind != TokenKind::Identifier) {
        if (is_keyword(key_token.kind))
          error_at(key_token.start, "Unexpected token '" + std::string(token_text(key_token.kind)) + "'");
        error_at(key_token.start, "Unexpected token");
      }
      check_identifier(key_token.atom, key_token.start, key_token.escaped, true);
      prop->shorthand = true;
      auto* id = make<ast::Identifier>(NodeKind::Identifier, key->start);
      id->name = key_token.atom;
      id->end = key->end;
      if (at(TokenKind::Assign)) {
        next();
        auto* def = make<ast::AssignmentPattern>(NodeKind::AssignmentPattern, key->start);
        def->left = id;
        def->right = parse_assignment();
        prop->value = finish(def);
      } else {
        prop->value = id;
      }
    }
    properties.push_back(finish(prop));
    if (!at(TokenKind::RBrace)) expect(TokenKind::Comma);
  }
  expect(TokenKind::RBrace);
  pattern->properties = list(properties);
  return finish(pattern);
}

bool Parser::is_simple_target(Node* expr) const {
  if (expr->kind == NodeKind::Identifier) {
    Atom name = ast::as<ast::Identifier>(expr)->name;
    return !(is_strict() && (name == atoms_.eval_ || name == atoms_.arguments_));
  }
  if (expr->kind == NodeKind::MemberExpression) return !ast::as<ast::MemberExpression>(expr)->optional;
  return false;
}

void Parser::check_simple_target(Node* expr, const char* message, bool web_call) {
  if (web_call && !is_strict() && expr->kind == NodeKind::CallExpression &&
      !ast::as<ast::CallExpression>(expr)->optional)
    return;
  if (expr->kind == NodeKind::Identifier && !is_simple_target(expr))
    error_at(expr->start, "Unexpected eval or arguments in strict mode");
  if (!is_simple_target(expr)) error_at(expr->start, message);
}

Node* Parser::to_target(Node* expr, bool binding) {
  check_stack();
  const char* invalid = binding ? "Invalid destructuring assignment target" : "Invalid destructuring assignment target";
  switch (expr->kind) {
    case NodeKind::Identifier: {
      if (binding && expr->parenthesized) error_at(expr->start, invalid);
      auto* id = ast::as<ast::Identifier>(expr);
      if (is_strict() && (id->name == atoms_.eval_ || id->name == atoms_.arguments_))
        error_at(expr->start, "Unexpected eval or arguments in strict mode");
      if (binding) check_identifier(id->name, id->start, false, true);
      return expr;
    }
    case NodeKind::MemberExpression:
      if (binding || ast::as<ast::MemberExpression>(expr)->optional) error_at(expr->start, invalid);
      return expr;
    case NodeKind::ObjectExpression: {
      if (expr->parenthesized) error_at(expr->start, invalid);
      auto* object = ast::as<ast::ObjectExpression>(expr);
      auto* pattern = make<ast::ObjectPattern>(NodeKind::ObjectPattern, expr->start);
      pattern->end = expr->end;
      std::vector<Node*> properties;
      for (uint32_t i = 0; i < object->properties.size(); ++i) {
        Node* p = object->properties[i];
        if (p->kind == NodeKind::SpreadElement) {
          if (i + 1 != object->properties.size() || object->comma_after_spread)
            error_at(p->start, "Rest element must be last element");
          Node* arg = ast::as<ast::SpreadElement>(p)->argument;
          // Object rest takes a plain target, never a nested pattern.
          if (arg->kind != NodeKind::Identifier && (binding || arg->kind != NodeKind::MemberExpression))
            error_at(arg->start, "`...` must be followed by an assignable reference in assignment contexts");
          auto* rest = make<ast::RestElement>(NodeKind::RestElement, p->start);
          rest->argument = to_target(arg, binding);
          rest->end = p->end;
          properties.push_back(rest);
          continue;
        }
        auto* prop = ast::as<ast::Property>(p);
        if (prop->method || prop->kind != ast::PropertyKind::Init) error_at(prop->start, invalid);
        prop->value = to_target(prop->value, binding);
        properties.push_back(prop);
      }
      pattern->properties = list(properties);
      return pattern;
    }
    case NodeKind::ArrayExpression: {
      if (expr->parenthesized) error_at(expr->start, invalid);
      auto* array = ast::as<ast::ArrayExpression>(expr);
      auto* pattern = make<ast::ArrayPattern>(NodeKind::ArrayPattern, expr->start);
      pattern->end = expr->end;
      std::vector<Node*> elements;
      for (uint32_t i = 0; i < array->elements.size(); ++i) {
        Node* e = array->elements[i];
        if (!e) {
          elements.push_back(nullptr);
          continue;
        }
        if (e->kind == NodeKind::SpreadElement) {
          if (i + 1 != array->elements.size() || array->comma_after_spread)
            error_at(e->start, "Rest element must be last element");
          Node* arg = ast::as<ast::SpreadElement>(e)->argument;
          if (arg->kind == NodeKind::AssignmentExpression) error_at(arg->start, invalid);
          auto* rest = make<ast::RestElement>(NodeKind::RestElement, e->start);
          rest->argument = to_target(arg, binding);
          rest->end = e->end;
          elements.push_back(rest);
          continue;
        }
        elements.push_back(to_target(e, binding));
      }
      pattern->elements = list(elements);
      return pattern;
    }
    case NodeKind::AssignmentExpression: {
      auto* assign = ast::as<ast::AssignmentExpression>(expr);
      if (assign->op != ast::AssignOp::Assign || expr->parenthesized) error_at(expr->start, invalid);
      auto* pattern = make<ast::AssignmentPattern>(NodeKind::AssignmentPattern, expr->start);
      pattern->left = to_target(assign->left, binding);
      pattern->right = assign->right;
      pattern->end = expr->end;
      return pattern;
    }
    // Already patterns (converted once as assignment targets): validate again
    // for the stricter binding rules of arrow parameters.
    case NodeKind::AssignmentPattern: {
      if (expr->parenthesized) error_at(expr->start, invalid);
      auto* p = ast::as<ast::AssignmentPattern>(expr);
      p->left = to_target(p->left, binding);
      return expr;
    }
    case NodeKind::ObjectPattern: {
      if (expr->parenthesized) error_at(expr->start, invalid);
      for (Node*& prop : ast::as<ast::ObjectPattern>(expr)->properties) {
        if (prop->kind == NodeKind::RestElement) {
          auto* r = ast::as<ast::RestElement>(prop);
          r->argument = to_target(r->argument, binding);
        } else {
          auto* pp = ast::as<ast::Property>(prop);
          pp->value = to_target(pp->value, binding);
        }
      }
      return expr;
    }
    case NodeKind::ArrayPattern: {
      if (expr->parenthesized) error_at(expr->start, invalid);
      for (Node*& e : ast::as<ast::ArrayPattern>(expr)->elements)
        if (e) e = to_target(e, binding);
      return expr;
    }
    case NodeKind::RestElement: {
      auto* r = ast::as<ast::RestElement>(expr);
      r->argument = to_target(r->argument, binding);
      return expr;
    }
    default:
      error_at(expr->start, invalid);
  }
}

}  // namespace glass
