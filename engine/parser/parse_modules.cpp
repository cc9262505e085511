// Modules (§16.2): import and export declarations, import attributes.
// Only reached at the top level of a Module; `import(...)` and `import.meta`
// are expressions (parse_expressions.cpp).
#include "parser_internal.h"

namespace glass {

using ast::NodeKind;

Node* Parser::parse_module_specifier() {
  if (!at(TokenKind::String)) unexpected();
  return parse_primary(nullptr);
}

Node* Parser::parse_module_export_name() {
  if (at(TokenKind::String)) return parse_primary(nullptr);
  return parse_identifier_name();
}

NodeList Parser::parse_import_attributes() {
  std::vector<Node*> attributes;
  if (!eat(TokenKind::With)) return {};
  expect(TokenKind::LBrace);
  while (!at(TokenKind::RBrace)) {
    auto* attr = make<ast::ImportAttribute>(NodeKind::ImportAttribute, tok().start);
    attr->key = at(TokenKind::String) ? parse_primary(nullptr) : parse_identifier_name();
    for (Node* other : attributes) {
      Node* k = ast::as<ast::ImportAttribute>(other)->key;
      auto text = [](Node* n) -> std::u16string {
        if (n->kind == NodeKind::StringLiteral) return std::u16string(ast::as<ast::StringLiteral>(n)->value);
        std::u16string s;
        for (char c : ast::as<ast::Identifier>(n)->name->text) s += char16_t((unsigned char)c);
        return s;
      };
      if (text(k) == text(attr->key)) error_at(attr->key->start, "Import attribute has duplicate key");
    }
    expect(TokenKind::Colon);
    if (!at(TokenKind::String)) unexpected();
    attr->value = parse_primary(nullptr);
    attributes.push_back(finish(attr));
    if (!at(TokenKind::RBrace)) expect(TokenKind::Comma);
  }
  expect(TokenKind::RBrace);
  return list(attributes);
}

Node* Parser::parse_import_declaration() {
  auto* decl = make<ast::ImportDeclaration>(NodeKind::ImportDeclaration, tok().start);
  next();  // import
  std::vector<Node*> specifiers;
  if (!at(TokenKind::String)) {
    if (at_identifier()) {
      auto* def = make<ast::ImportDefaultSpecifier>(NodeKind::ImportDefaultSpecifier, tok().start);
      def->local = parse_binding_identifier();
      specifiers.push_back(finish(def));
      if (!eat(TokenKind::Comma)) goto from;
    }
    if (at(TokenKind::Star)) {
      auto* ns = make<ast::ImportNamespaceSpecifier>(NodeKind::ImportNamespaceSpecifier, tok().start);
      next();
      if (!eat_contextual(atoms_.as_)) unexpected();
      ns->local = parse_binding_identifier();
      specifiers.push_back(finish(ns));
    } else if (at(TokenKind::LBrace)) {
      next();
      while (!at(TokenKind::RBrace)) {
        auto* spec = make<ast::ImportSpecifier>(NodeKind::ImportSpecifier, tok().start);
        const Token name_token = tok();
        spec->imported = parse_module_export_name();
        if (eat_contextual(atoms_.as_)) {
          spec->local = parse_binding_identifier();
        } else {
          if (name_token.kind != TokenKind::Identifier) {
            if (name_token.kind == TokenKind::String) error_at(name_token.start, "Unexpected string");
            error_at(name_token.start, "Unexpected reserved word");
          }
          check_identifier(name_token.atom, name_token.start, name_token.escaped, true);
          spec->local = spec->imported;
        }
        specifiers.push_back(finish(spec));
        if (!at(TokenKind::RBrace)) expect(TokenKind::Comma);
      }
      next();
    } else {
      unexpected();
    }
  from:
    if (!eat_contextual(atoms_.from_)) unexpected();
  }
  decl->specifiers = list(specifiers);
  decl->source = parse_module_specifier();
  decl->attributes = parse_import_attributes();
  consume_semicolon();
  return finish(decl);
}

Node* Parser::parse_export_declaration() {
  SourcePos start = tok().start;
  next();  // export
  if (at(TokenKind::Star)) {
    auto* all = make<ast::ExportAllDeclaration>(NodeKind::ExportAllDeclaration, start);
    next();
    if (eat_contextual(atoms_.as_)) all->exported = parse_module_export_name();
    if (!eat_contextual(atoms_.from_)) unexpected();
    all->source = parse_module_specifier();
    all->attributes = parse_import_attributes();
    consume_semicolon();
    return finish(all);
  }
  if (at(TokenKind::Default)) {
    auto* def = make<ast::ExportDefaultDeclaration>(NodeKind::ExportDefaultDeclaration, start);
    next();
    SourcePos dstart = tok().start;
    if (at(TokenKind::Function)) {
      def->declaration = parse_function(dstart, false, true, true);
    } else if (at_async_function()) {
      next();
      def->declaration = parse_function(dstart, true, true, true);
    } else if (at(TokenKind::Class)) {
      def->declaration = parse_class(dstart, true, true);
    } else {
      def->declaration = parse_assignment();
      consume_semicolon();
    }
    return finish(def);
  }
  auto* named = make<ast::ExportNamedDeclaration>(NodeKind::ExportNamedDeclaration, start);
  if (at(TokenKind::LBrace)) {
    next();
    std::vector<Node*> specifiers;
    std::vector<Token> local_tokens;
    while (!at(TokenKind::RBrace)) {
      auto* spec = make<ast::ExportSpecifier>(NodeKind::ExportSpecifier, tok().start);
      local_tokens.push_back(tok());
      spec->local = parse_module_export_name();
      spec->exported = eat_contextual(atoms_.as_) ? parse_module_export_name() : spec->local;
      specifiers.push_back(finish(spec));
      if (!at(TokenKind::RBrace)) expect(TokenKind::Comma);
    }
    next();
    named->specifiers = list(specifiers);
    if (eat_contextual(atoms_.from_)) {
      named->source = parse_module_specifier();
      named->attributes = parse_import_attributes();
    } else {
      // Without `from`, each local name is a reference to a binding of this module.
      for (const Token& t : local_tokens) {
        if (t.kind == TokenKind::String) error_at(t.start, "Unexpected string");
        if (t.kind != TokenKind::Identifier || is_reserved_word(t.atom)) error_at(t.start, "Unexpected reserved word");
        if (is_strict_reserved(t.atom)) error_at(t.start, "Unexpected strict mode reserved word");
        if (t.atom == atoms_.await_) error_at(t.start, "Unexpected reserved word");
      }
    }
    consume_semicolon();
    return finish(named);
  }
  SourcePos dstart = tok().start;
  switch (kind()) {
    case TokenKind::Var:
    case TokenKind::Const:
      named->declaration = parse_statement_list_item();
      break;
    case TokenKind::Function:
      named->declaration = parse_function(dstart, false, true);
      break;
    case TokenKind::Class:
      named->declaration = parse_class(dstart, true);
      break;
    default:
      if (at_let_declaration()) {
        named->declaration = parse_statement_list_item();
      } else if (at_async_function()) {
        next();
        named->declaration = parse_function(dstart, true, true);
      } else {
        unexpected();
      }
  }
  return finish(named);
}

}  // namespace glass
