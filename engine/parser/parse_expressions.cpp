// Expressions (ECMA-262 §13): assignment, conditional, binary operators by
// precedence climbing, unary/update, calls and members, primary expressions,
// literals, templates and the arrow-function cover grammar.
#include <string>

#include "parser_internal.h"
#include "regexp/pattern.h"

namespace glass {

using ast::NodeKind;

namespace {

// Binary operator precedence, higher binds tighter. 0: not a binary operator.
// `??` sits with `||` but its operands are BitwiseOR expressions (§13.13).
enum Prec : int {
  kNone = 0, kCoalesce = 1, kOr = 2, kAnd = 3, kBitOr = 4, kBitXor = 5, kBitAnd = 6,
  kEquality = 7, kRelational = 8, kShift = 9, kAdditive = 10, kMultiplicative = 11, kExponent = 12,
};

int precedence(TokenKind k) {
  switch (k) {
    case TokenKind::QuestionQuestion: return kCoalesce;
    case TokenKind::PipePipe: return kOr;
    case TokenKind::AmpAmp: return kAnd;
    case TokenKind::Pipe: return kBitOr;
    case TokenKind::Caret: return kBitXor;
    case TokenKind::Amp: return kBitAnd;
    case TokenKind::Eq: case TokenKind::NotEq: case TokenKind::StrictEq: case TokenKind::StrictNotEq:
      return kEquality;
    case TokenKind::Less: case TokenKind::Greater: case TokenKind::LessEq: case TokenKind::GreaterEq:
    case TokenKind::Instanceof: case TokenKind::In:
      return kRelational;
    case TokenKind::Shl: case TokenKind::Sar: case TokenKind::Shr: return kShift;
    case TokenKind::Plus: case TokenKind::Minus: return kAdditive;
    case TokenKind::Star: case TokenKind::Slash: case TokenKind::Percent: return kMultiplicative;
    case TokenKind::StarStar: return kExponent;
    default: return kNone;
  }
}

ast::BinaryOp binary_op(TokenKind k) {
  using B = ast::BinaryOp;
  switch (k) {
    case TokenKind::Eq: return B::Eq;
    case TokenKind::NotEq: return B::NotEq;
    case TokenKind::StrictEq: return B::StrictEq;
    case TokenKind::StrictNotEq: return B::StrictNotEq;
    case TokenKind::Less: return B::Less;
    case TokenKind::LessEq: return B::LessEq;
    case TokenKind::Greater: return B::Greater;
    case TokenKind::GreaterEq: return B::GreaterEq;
    case TokenKind::Shl: return B::Shl;
    case TokenKind::Sar: return B::Sar;
    case TokenKind::Shr: return B::Shr;
    case TokenKind::Plus: return B::Add;
    case TokenKind::Minus: return B::Sub;
    case TokenKind::Star: return B::Mul;
    case TokenKind::Slash: return B::Div;
    case TokenKind::Percent: return B::Mod;
    case TokenKind::StarStar: return B::Exp;
    case TokenKind::Pipe: return B::BitOr;
    case TokenKind::Caret: return B::BitXor;
    case TokenKind::Amp: return B::BitAnd;
    case TokenKind::In: return B::In;
    default: return B::Instanceof;
  }
}

bool assign_op(TokenKind k, ast::AssignOp& op) {
  using A = ast::AssignOp;
  switch (k) {
    case TokenKind::Assign: op = A::Assign; return true;
    case TokenKind::PlusAssign: op = A::Add; return true;
    case TokenKind::MinusAssign: op = A::Sub; return true;
    case TokenKind::StarAssign: op = A::Mul; return true;
    case TokenKind::SlashAssign: op = A::Div; return true;
    case TokenKind::PercentAssign: op = A::Mod; return true;
    case TokenKind::StarStarAssign: op = A::Exp; return true;
    case TokenKind::ShlAssign: op = A::Shl; return true;
    case TokenKind::SarAssign: op = A::Sar; return true;
    case TokenKind::ShrAssign: op = A::Shr; return true;
    case TokenKind::PipeAssign: op = A::BitOr; return true;
    case TokenKind::CaretAssign: op = A::BitXor; return true;
    case TokenKind::AmpAssign: op = A::BitAnd; return true;
    case TokenKind::AmpAmpAssign: op = A::And; return true;
    case TokenKind::PipePipeAssign: op = A::Or; return true;
    case TokenKind::QuestionQuestionAssign: op = A::Coalesce; return true;
    default: return false;
  }
}

// Can this token begin an AssignmentExpression? (Decides whether `yield` has an operand.)
bool starts_expression(TokenKind k) {
  switch (k) {
    case TokenKind::Identifier: case TokenKind::PrivateName: case TokenKind::Number:
    case TokenKind::BigInt: case TokenKind::String: case TokenKind::Template:
    case TokenKind::TemplateHead: case TokenKind::LBrace: case TokenKind::LParen:
    case TokenKind::LBracket: case TokenKind::Plus: case TokenKind::Minus: case TokenKind::Bang:
    case TokenKind::Tilde: case TokenKind::PlusPlus: case TokenKind::MinusMinus:
    case TokenKind::Slash: case TokenKind::SlashAssign: case TokenKind::Class:
    case TokenKind::Delete: case TokenKind::False: case TokenKind::Function: case TokenKind::Import:
    case TokenKind::New: case TokenKind::Null: case TokenKind::Super: case TokenKind::This:
    case TokenKind::True: case TokenKind::Typeof: case TokenKind::Void:
      return true;
    default:
      return false;
  }
}

bool is_arrow(const Node* n) { return n->kind == NodeKind::ArrowFunctionExpression && !n->parenthesized; }

}  // namespace

void Parser::check_cover(CoverErrors& cover) {
  if (cover.has_shorthand_init) error_at(cover.shorthand_init, "Invalid shorthand property initializer");
  if (cover.has_duplicate_proto)
    error_at(cover.duplicate_proto, "Duplicate __proto__ fields are not allowed in object literals");
}

void Parser::merge_marks(const CoverMarks& saved) {
  // The earliest mark wins: the enclosing candidate's, else this one's.
  if (saved.has_yield || !marks_.has_yield) { marks_.has_yield = saved.has_yield; marks_.yield = saved.yield; }
  if (saved.has_await || !marks_.has_await) { marks_.has_await = saved.has_await; marks_.await = saved.await; }
  if (saved.has_await_ident || !marks_.has_await_ident) {
    marks_.has_await_ident = saved.has_await_ident;
    marks_.await_ident = saved.await_ident;
  }
}

void Parser::keep_await_ident(const CoverMarks& saved) {
  // Leaving a nested arrow's parameters: restore the enclosing candidate's
  // marks, but an `await` identifier there still poisons an enclosing async
  // arrow head: `async (a = (await) => {}) => {}` (§15.9.1).
  CoverMarks inner = marks_;
  marks_ = saved;
  if (inner.has_await_ident && !marks_.has_await_ident) {
    marks_.has_await_ident = true;
    marks_.await_ident = inner.await_ident;
  }
}

Node* Parser::parse_expression(bool no_in, CoverErrors* cover) {
  SourcePos start = tok().start;
  Node* first = parse_assignment(no_in, cover);
  if (!at(TokenKind::Comma)) return first;
  std::vector<Node*> items{first};
  while (eat(TokenKind::Comma)) items.push_back(parse_assignment(no_in, cover));
  auto* seq = make<ast::SequenceExpression>(NodeKind::SequenceExpression, start);
  seq->expressions = list(items);
  return finish(seq);
}

Node* Parser::parse_assignment(bool no_in, CoverErrors* cover) {
  check_stack();
  if (at_contextual(atoms_.yield_) && fn_->is_generator) return parse_yield(no_in);

  SourcePos start = tok().start;
  uint32_t saved_arrow_at = potential_arrow_at_;
  potential_arrow_at_ = start.offset;

  // The cover errors of *this* left-hand side are excused only if it turns
  // out to be a pattern; keep the caller's earlier ones aside meanwhile.
  CoverErrors local;
  CoverErrors* errs = cover ? cover : &local;
  CoverErrors outer = *errs;
  *errs = CoverErrors{};

  Node* left = parse_conditional(no_in, errs);
  potential_arrow_at_ = saved_arrow_at;

  ast::AssignOp op;
  if (assign_op(kind(), op)) {
    if (op == ast::AssignOp::Assign) {
      if (left->kind == NodeKind::ObjectExpression || left->kind == NodeKind::ArrayExpression) {
        if (left->parenthesized) error_at(left->start, "Invalid left-hand side in assignment");
        left = to_target(left, false);
      } else {
        check_simple_target(left, "Invalid left-hand side in assignment", true);
      }
      *errs = outer;  // this pattern's own cover errors are excused
    } else {
      check_cover(*errs);
      bool logical = op == ast::AssignOp::And || op == ast::AssignOp::Or || op == ast::AssignOp::Coalesce;
      check_simple_target(left, "Invalid left-hand side in assignment", !logical);
      *errs = outer;
    }
    next();
    auto* assign = make<ast::AssignmentExpression>(NodeKind::AssignmentExpression, start);
    assign->op = op;
    assign->left = left;
    assign->right = parse_assignment(no_in);
    return finish(assign);
  }
  if (!cover) {
    check_cover(*errs);
  } else {
    // Merge: keep the earliest of each.
    if (outer.has_shorthand_init) {
      errs->has_shorthand_init = true;
      errs->shorthand_init = outer.shorthand_init;
    }
    if (outer.has_duplicate_proto) {
      errs->has_duplicate_proto = true;
      errs->duplicate_proto = outer.duplicate_proto;
    }
  }
  return left;
}

Node* Parser::parse_conditional(bool no_in, CoverErrors* cover) {
  SourcePos start = tok().start;
  Node* test = parse_binary(kCoalesce, no_in, cover);
  if (is_arrow(test) || !at(TokenKind::Question)) return test;
  next();
  auto* cond = make<ast::ConditionalExpression>(NodeKind::ConditionalExpression, start);
  cond->test = test;
  cond->consequent = parse_assignment(false);
  expect(TokenKind::Colon);
  cond->alternate = parse_assignment(no_in);
  return finish(cond);
}

Node* Parser::parse_binary(int min_prec, bool no_in, CoverErrors* cover) {
  check_stack();
  SourcePos start = tok().start;
  Node* left;
  if (at(TokenKind::PrivateName)) {
    // `#x in obj` (§13.10): a private name may only be the left operand of `in`.
    auto* name = make<ast::PrivateIdentifier>(NodeKind::PrivateIdentifier, start);
    name->name = tok().atom;
    next();
    finish(name);
    if (!at(TokenKind::In) || no_in || min_prec > kRelational) error_at(start, "Unexpected identifier '#" + std::string(name->name->text) + "'");
    left = name;
  } else {
    left = parse_unary(cover);
    if (is_arrow(left)) return left;
  }
  for (;;) {
    TokenKind k = kind();
    int prec = precedence(k);
    if (prec == kNone || prec < min_prec) break;
    if (k == TokenKind::In && no_in) break;
    if (k == TokenKind::StarStar) {
      // -a ** b is ambiguous and therefore a SyntaxError (§13.6).
      if ((left->kind == NodeKind::UnaryExpression || left->kind == NodeKind::AwaitExpression) && !left->parenthesized)
        error_here("Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
    }
    bool logical = k == TokenKind::PipePipe || k == TokenKind::AmpAmp || k == TokenKind::QuestionQuestion;
    if (logical && left->kind == NodeKind::LogicalExpression && !left->parenthesized) {
      auto lop = ast::as<ast::LogicalExpression>(left)->op;
      bool left_coalesce = lop == ast::LogicalOp::Coalesce;
      if (left_coalesce != (k == TokenKind::QuestionQuestion)) unexpected();
    }
    next();
    int right_min = k == TokenKind::StarStar ? prec : prec + 1;
    if (k == TokenKind::QuestionQuestion) right_min = kBitOr;
    Node* right = parse_binary(right_min, no_in, nullptr);
    if (logical) {
      if (k == TokenKind::QuestionQuestion && right->kind == NodeKind::LogicalExpression && !right->parenthesized) unexpected();
      auto* node = make<ast::LogicalExpression>(NodeKind::LogicalExpression, start);
      node->op = k == TokenKind::PipePipe ? ast::LogicalOp::Or
                 : k == TokenKind::AmpAmp ? ast::LogicalOp::And : ast::LogicalOp::Coalesce;
      node->left = left;
      node->right = right;
      left = finish(node);
    } else {
      auto* node = make<ast::BinaryExpression>(NodeKind::BinaryExpression, start);
      node->op = binary_op(k);
      node->left = left;
      node->right = right;
      left = finish(node);
    }
  }
  return left;
}

Node* Parser::parse_unary(CoverErrors* cover) {
  check_stack();
  SourcePos start = tok().start;
  ast::UnaryOp op;
  switch (kind()) {
    case TokenKind::Minus: op = ast::UnaryOp::Minus; break;
    case TokenKind::Plus: op = ast::UnaryOp::Plus; break;
    case TokenKind::Bang: op = ast::UnaryOp::Not; break;
    case TokenKind::Tilde: op = ast::UnaryOp::BitNot; break;
    case TokenKind::Typeof: op = ast::UnaryOp::Typeof; break;
    case TokenKind::Void: op = ast::UnaryOp::Void; break;
    case TokenKind::Delete: op = ast::UnaryOp::Delete; break;
    case TokenKind::Identifier:
      if (at_contextual(atoms_.await_) && fn_->is_async && !fn_->in_static_block) return parse_await(start);
      return parse_update(cover);
    default:
      return parse_update(cover);
  }
  next();
  auto* node = make<ast::UnaryExpression>(NodeKind::UnaryExpression, start);
  node->op = op;
  node->argument = parse_unary(nullptr);
  if (op == ast::UnaryOp::Delete) {
    Node* arg = node->argument;
    // Parenthesized too: `delete (x)` (§13.5.1.1).
    if (is_strict() && arg->kind == NodeKind::Identifier)
      error_at(start, "Delete of an unqualified identifier in strict mode.");
    Node* m = arg->kind == NodeKind::ChainExpression ? ast::as<ast::ChainExpression>(arg)->expression : arg;
    if (m->kind == NodeKind::MemberExpression &&
        ast::as<ast::MemberExpression>(m)->property->kind == NodeKind::PrivateIdentifier)
      error_at(start, "Private fields can not be deleted");
  }
  return finish(node);
}

Node* Parser::parse_await(const SourcePos& start) {
  if (fn_->in_params) error_here("Illegal await-expression in formal parameters of async function");
  if (fn_ == &top_) top_level_await_ = true;
  if (!marks_.has_await) {
    marks_.has_await = true;
    marks_.await = start;
  }
  next();
  auto* node = make<ast::AwaitExpression>(NodeKind::AwaitExpression, start);
  node->argument = parse_unary(nullptr);
  return finish(node);
}

Node* Parser::parse_yield(bool no_in) {
  SourcePos start = tok().start;
  if (fn_->in_params) error_here("Yield expression not allowed in formal parameter");
  if (!marks_.has_yield) {
    marks_.has_yield = true;
    marks_.yield = start;
  }
  next();
  auto* node = make<ast::YieldExpression>(NodeKind::YieldExpression, start);
  if (!tok().newline_before) {
    if (eat(TokenKind::Star)) {
      node->delegate = true;
      node->argument = parse_assignment(no_in);
    } else if (starts_expression(kind())) {
      node->argument = parse_assignment(no_in);
    }
  }
  return finish(node);
}

Node* Parser::parse_update(CoverErrors* cover) {
  SourcePos start = tok().start;
  if (at(TokenKind::PlusPlus) || at(TokenKind::MinusMinus)) {
    auto* node = make<ast::UpdateExpression>(NodeKind::UpdateExpression, start);
    node->op = at(TokenKind::PlusPlus) ? ast::UpdateOp::Increment : ast::UpdateOp::Decrement;
    node->prefix = true;
    next();
    node->argument = parse_unary(nullptr);
    check_simple_target(node->argument, "Invalid left-hand side expression in prefix operation", true);
    return finish(node);
  }
  Node* expr = parse_left_hand_side(cover);
  if ((at(TokenKind::PlusPlus) || at(TokenKind::MinusMinus)) && !tok().newline_before && !is_arrow(expr)) {
    check_simple_target(expr, "Invalid left-hand side expression in postfix operation", true);
    auto* node = make<ast::UpdateExpression>(NodeKind::UpdateExpression, start);
    node->op = at(TokenKind::PlusPlus) ? ast::UpdateOp::Increment : ast::UpdateOp::Decrement;
    node->argument = expr;
    next();
    return finish(node);
  }
  return expr;
}

Node* Parser::parse_left_hand_side(CoverErrors* cover) {
  check_stack();
  SourcePos start = tok().start;
  Node* expr;
  if (at(TokenKind::New)) expr = parse_new();
  else if (at(TokenKind::Super)) expr = parse_super();
  else if (at(TokenKind::Import)) expr = parse_import_expression();
  else expr = parse_primary(cover);
  if (is_arrow(expr)) return expr;
  return parse_subscripts(expr, start, false);
}

Node* Parser::parse_subscripts(Node* expr, const SourcePos& start, bool no_call) {
  bool in_chain = false;
  for (;;) {
    check_stack();
    if (at(TokenKind::Dot) || at(TokenKind::QuestionDot)) {
      bool optional = at(TokenKind::QuestionDot);
      if (optional) {
        if (no_call) error_here("Invalid optional chain from new expression");
        in_chain = true;
      }
      next();
      if (optional && at(TokenKind::LParen)) {
        auto* call = make<ast::CallExpression>(NodeKind::CallExpression, start);
        call->optional = true;
        call->callee = expr;
        call->open_paren = tok().start;
        call->arguments = parse_arguments();
        expr = finish(call);
        continue;
      }
      if (optional && at(TokenKind::LBracket)) {
        next();
        auto* m = make<ast::MemberExpression>(NodeKind::MemberExpression, start);
        m->optional = true;
        m->computed = true;
        m->object = expr;
        m->property = parse_expression();
        expect(TokenKind::RBracket);
        expr = finish(m);
        continue;
      }
      if (optional && (at(TokenKind::Template) || at(TokenKind::TemplateHead)))
        error_here("Invalid tagged template on optional chain");
      auto* m = make<ast::MemberExpression>(NodeKind::MemberExpression, start);
      m->optional = optional;
      m->object = expr;
      if (at(TokenKind::PrivateName)) {
        if (expr->kind == NodeKind::Super) unexpected();
        auto* p = make<ast::PrivateIdentifier>(NodeKind::PrivateIdentifier, tok().start);
        p->name = tok().atom;
        next();
        m->property = finish(p);
      } else {
        m->property = parse_identifier_name();
      }
      expr = finish(m);
    } else if (at(TokenKind::LBracket)) {
      next();
      auto* m = make<ast::MemberExpression>(NodeKind::MemberExpression, start);
      m->computed = true;
      m->object = expr;
      m->property = parse_expression();
      expect(TokenKind::RBracket);
      expr = finish(m);
    } else if (at(TokenKind::Template) || at(TokenKind::TemplateHead)) {
      if (in_chain) error_here("Invalid tagged template on optional chain");
      expr = parse_template(expr, start);
    } else if (at(TokenKind::LParen) && !no_call) {
      auto* call = make<ast::CallExpression>(NodeKind::CallExpression, start);
      call->callee = expr;
      call->open_paren = tok().start;
      call->arguments = parse_arguments();
      expr = finish(call);
    } else {
      break;
    }
  }
  if (in_chain) {
    auto* chain = make<ast::ChainExpression>(NodeKind::ChainExpression, start);
    chain->expression = expr;
    return finish(chain);
  }
  return expr;
}

NodeList Parser::parse_arguments() {
  expect(TokenKind::LParen);
  std::vector<Node*> args;
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Ellipsis)) {
      auto* spread = make<ast::SpreadElement>(NodeKind::SpreadElement, tok().start);
      next();
      spread->argument = parse_assignment();
      args.push_back(finish(spread));
    } else {
      args.push_back(parse_assignment());
    }
    if (args.size() >= kMaxArguments)  // V8 refuses the 65,535th too
      error_at(args.back()->start, "Too many arguments in function call (only " + std::to_string(kMaxArguments) + " allowed)");
    if (!eat(TokenKind::Comma)) break;
  }
  expect(TokenKind::RParen);
  return list(args);
}

Node* Parser::parse_new() {
  SourcePos start = tok().start;
  next();
  if (at(TokenKind::Dot)) {
    next();
    if (!at_contextual(atoms_.target_)) unexpected();
    if (!fn_->allow_new_target) error_at(start, "new.target expression is not allowed here");
    next();
    auto* meta = make<ast::MetaProperty>(NodeKind::MetaProperty, start);
    meta->meta = atoms_.intern("new");
    meta->property = atoms_.target_;
    return finish(meta);
  }
  if (at(TokenKind::Import) && lex_.peek().kind != TokenKind::Dot) error_here("Cannot use new with import");
  SourcePos callee_start = tok().start;
  Node* callee;
  if (at(TokenKind::New)) callee = parse_new();
  else if (at(TokenKind::Import)) callee = parse_import_expression();
  else if (at(TokenKind::Super)) callee = parse_super();
  else callee = parse_primary(nullptr);
  if (is_arrow(callee)) unexpected();
  callee = parse_subscripts(callee, callee_start, true);
  auto* node = make<ast::NewExpression>(NodeKind::NewExpression, start);
  node->callee = callee;
  if (at(TokenKind::LParen)) node->arguments = parse_arguments();
  return finish(node);
}

Node* Parser::parse_super() {
  SourcePos start = tok().start;
  next();
  auto* sup = finish(make<ast::Super>(NodeKind::Super, start));
  if (at(TokenKind::LParen)) {
    if (!fn_->allow_super_call) error_at(start, "'super' keyword unexpected here");
    auto* call = make<ast::CallExpression>(NodeKind::CallExpression, start);
    call->callee = sup;
    call->open_paren = tok().start;
    call->arguments = parse_arguments();
    return finish(call);
  }
  if (at(TokenKind::Dot) || at(TokenKind::LBracket)) {
    if (!fn_->allow_super_property) error_at(start, "'super' keyword unexpected here");
    if (at(TokenKind::Dot) && lex_.peek().kind == TokenKind::PrivateName) {
      next();
      error_here("Unexpected private field");
    }
    return sup;  // parse_subscripts builds the member access
  }
  error_at(start, "'super' keyword unexpected here");
}

Node* Parser::parse_import_expression() {
  SourcePos start = tok().start;
  next();
  if (at(TokenKind::Dot)) {
    next();
    if (!at_contextual(atoms_.meta_)) unexpected();
    if (!options_.module) error_at(start, "Cannot use 'import.meta' outside a module");
    next();
    auto* meta = make<ast::MetaProperty>(NodeKind::MetaProperty, start);
    meta->meta = atoms_.intern("import");
    meta->property = atoms_.meta_;
    return finish(meta);
  }
  if (!at(TokenKind::LParen)) unexpected();
  next();
  auto* node = make<ast::ImportExpression>(NodeKind::ImportExpression, start);
  if (at(TokenKind::RParen)) unexpected();
  node->source = parse_assignment();
  if (eat(TokenKind::Comma) && !at(TokenKind::RParen)) {
    node->options = parse_assignment();
    eat(TokenKind::Comma);
  }
  expect(TokenKind::RParen);
  return finish(node);
}

Node* Parser::parse_primary(CoverErrors* cover) {
  check_stack();
  const Token& t = tok();
  SourcePos start = t.start;
  bool can_be_arrow = start.offset == potential_arrow_at_;
  switch (t.kind) {
    case TokenKind::This:
      next();
      return finish(make<ast::ThisExpression>(NodeKind::ThisExpression, start));
    case TokenKind::Null:
      next();
      return finish(make<ast::NullLiteral>(NodeKind::NullLiteral, start));
    case TokenKind::True:
    case TokenKind::False: {
      auto* lit = make<ast::BooleanLiteral>(NodeKind::BooleanLiteral, start);
      lit->value = t.kind == TokenKind::True;
      next();
      return finish(lit);
    }
    case TokenKind::Number: {
      if (t.legacy_octal && is_strict())
        error_here(source_.text[start.offset + 1] == '8' || source_.text[start.offset + 1] == '9' ||
                           source_.text.find_first_of("89", start.offset) < t.end
                       ? "Decimals with leading zeros are not allowed in strict mode."
                       : "Octal literals are not allowed in strict mode.");
      auto* lit = make<ast::NumericLiteral>(NodeKind::NumericLiteral, start);
      lit->value = t.number;
      next();
      return finish(lit);
    }
    case TokenKind::BigInt: {
      auto* lit = make<ast::BigIntLiteral>(NodeKind::BigIntLiteral, start);
      lit->digits = t.bigint;
      next();
      return finish(lit);
    }
    case TokenKind::String: {
      if (t.legacy_octal && is_strict()) error_at(t.invalid_escape_pos, "Octal escape sequences are not allowed in strict mode.");
      auto* lit = make<ast::StringLiteral>(NodeKind::StringLiteral, start);
      lit->value = t.string;
      next();
      return finish(lit);
    }
    case TokenKind::Template:
    case TokenKind::TemplateHead:
      return parse_template_literal(false);
    case TokenKind::Slash:
    case TokenKind::SlashAssign:
      return parse_regexp();
    case TokenKind::LBracket:
      return parse_array_literal(cover);
    case TokenKind::LBrace:
      return parse_object_literal(cover);
    case TokenKind::LParen:
      if (can_be_arrow) return parse_parenthesized_or_arrow(cover);
      return parse_parenthesized_or_arrow(nullptr);
    case TokenKind::Function:
      return parse_function(start, false, false);
    case TokenKind::Class:
      return parse_class(start, false);
    case TokenKind::Identifier: {
      if (at_contextual(atoms_.async_)) {
        Token after = lex_.peek();
        if (after.kind == TokenKind::Function && !after.newline_before) {
          next();
          return parse_function(start, true, false);
        }
        if (can_be_arrow && !after.newline_before && after.kind == TokenKind::LParen)
          return parse_async_arrow_or_call(start);
        if (can_be_arrow && !after.newline_before && after.kind == TokenKind::Identifier) {
          // `async x => ...` needs a second token of lookahead: `for await (async of y)`.
          Lexer::State state = lex_.save();
          next();
          Token arrow = lex_.peek();
          lex_.restore(state);
          if (arrow.kind == TokenKind::Arrow && !arrow.newline_before) return parse_async_arrow_or_call(start);
        }
      }
      if (can_be_arrow) {
        Token after = lex_.peek();
        if (after.kind == TokenKind::Arrow && !after.newline_before) {
          CoverMarks saved = marks_;
          marks_ = CoverMarks{};
          Node* param = parse_binding_identifier();
          keep_await_ident(saved);
          auto* fn = make<ast::Function>(NodeKind::ArrowFunctionExpression, start);
          return parse_arrow_body(fn, {param}, false);
        }
      }
      return parse_identifier_reference();
    }
    default:
      unexpected();
  }
}

Node* Parser::parse_parenthesized_or_arrow(CoverErrors* outer_cover) {
  // CoverParenthesizedExpressionAndArrowParameterList (§13.2): read as a
  // parenthesized expression that may also hold `...rest`, a trailing comma
  // or nothing at all, then decide by whether `=>` follows.
  bool can_be_arrow = outer_cover != nullptr || tok().start.offset == potential_arrow_at_;
  SourcePos start = tok().start;
  next();
  CoverMarks saved = marks_;
  marks_ = CoverMarks{};
  std::vector<Node*> items;
  Node* rest = nullptr;
  SourcePos problem;  // a rest element or trailing comma: fine only in arrow parameters
  bool has_problem = false;
  CoverErrors inner;
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Ellipsis)) {
      auto* r = make<ast::RestElement>(NodeKind::RestElement, tok().start);
      if (!has_problem) {
        has_problem = true;
        problem = tok().start;
      }
      next();
      r->argument = parse_binding_target();
      rest = finish(r);
      if (at(TokenKind::Comma)) error_here("Rest parameter must be last formal parameter");
      break;
    }
    items.push_back(parse_assignment(false, &inner));
    if (!at(TokenKind::Comma)) break;
    SourcePos comma = tok().start;
    next();
    if (at(TokenKind::RParen)) {
      if (!has_problem) {
        has_problem = true;
        problem = comma;
      }
    }
  }
  SourcePos close = tok().start;
  expect(TokenKind::RParen);
  if (can_be_arrow && at(TokenKind::Arrow) && !tok().newline_before) {
    if (marks_.has_yield) error_at(marks_.yield, "Yield expression not allowed in formal parameter");
    if (marks_.has_await) error_at(marks_.await, "Illegal await-expression in formal parameters of async function");
    std::vector<Node*> params;
    for (Node* item : items) params.push_back(to_target(item, true));
    if (rest) params.push_back(to_target(rest, true));
    keep_await_ident(saved);
    auto* fn = make<ast::Function>(NodeKind::ArrowFunctionExpression, start);
    return parse_arrow_body(fn, params, false);
  }
  if (items.empty() && !rest) {
    if (at(TokenKind::Arrow)) unexpected();  // `()\n=> x`: the line break is the problem
    error_at(close, "Unexpected token ')'");
  }
  if (has_problem) error_at(problem, rest ? "Unexpected token '...'" : "Unexpected token ')'");
  check_cover(inner);
  merge_marks(saved);  // not an arrow: the marks belong to what encloses it
  Node* expr;
  if (items.size() == 1) {
    expr = items[0];
  } else {
    auto* seq = make<ast::SequenceExpression>(NodeKind::SequenceExpression, items[0]->start);
    seq->expressions = list(items);
    seq->end = items.back()->end;
    expr = seq;
  }
  expr->parenthesized = true;
  return expr;
}

Node* Parser::parse_async_arrow_or_call(const SourcePos& start) {
  // At `async` followed (on the same line) by an identifier or `(`.
  auto* async_id = make<ast::Identifier>(NodeKind::Identifier, start);
  async_id->name = tok().atom;
  next();
  finish(async_id);
  if (at_identifier()) {
    // async x => ...
    Token after = lex_.peek();
    if (after.kind != TokenKind::Arrow || after.newline_before) unexpected();
    auto* fn = make<ast::Function>(NodeKind::ArrowFunctionExpression, start);
    if (at_contextual(atoms_.await_)) error_here("Unexpected reserved word");
    Node* param = parse_binding_identifier();
    return parse_arrow_body(fn, {param}, true);
  }
  // async ( ... ) — a call unless `=>` follows.
  CoverMarks saved = marks_;
  marks_ = CoverMarks{};
  next();  // (
  std::vector<Node*> args;
  CoverErrors inner;
  bool trailing_comma = false;
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Ellipsis)) {
      auto* spread = make<ast::SpreadElement>(NodeKind::SpreadElement, tok().start);
      next();
      spread->argument = parse_assignment(false, &inner);
      args.push_back(finish(spread));
    } else {
      args.push_back(parse_assignment(false, &inner));
    }
    if (!eat(TokenKind::Comma)) break;
    if (at(TokenKind::RParen)) trailing_comma = true;
  }
  expect(TokenKind::RParen);
  if (at(TokenKind::Arrow) && !tok().newline_before) {
    if (marks_.has_yield) error_at(marks_.yield, "Yield expression not allowed in formal parameter");
    if (marks_.has_await) error_at(marks_.await, "Illegal await-expression in formal parameters of async function");
    if (marks_.has_await_ident) error_at(marks_.await_ident, "Unexpected reserved word");
    std::vector<Node*> params;
    for (size_t i = 0; i < args.size(); ++i) {
      Node* a = args[i];
      if (a->kind == NodeKind::SpreadElement) {
        if (i + 1 != args.size() || trailing_comma) error_at(a->start, "Rest parameter must be last formal parameter");
        if (ast::as<ast::SpreadElement>(a)->argument->kind == NodeKind::AssignmentExpression)
          error_at(a->start, "Rest parameter may not have a default initializer");
        auto* r = make<ast::RestElement>(NodeKind::RestElement, a->start);
        r->argument = to_target(ast::as<ast::SpreadElement>(a)->argument, true);
        r->end = a->end;
        params.push_back(r);
      } else {
        params.push_back(to_target(a, true));
      }
      if (params.size() > kMaxParameters) error_at(a->start, too_many_parameters());
    }
    marks_ = saved;
    auto* fn = make<ast::Function>(NodeKind::ArrowFunctionExpression, start);
    return parse_arrow_body(fn, params, true);
  }
  check_cover(inner);
  merge_marks(saved);
  check_identifier(async_id->name, async_id->start, false, false);
  auto* call = make<ast::CallExpression>(NodeKind::CallExpression, start);
  call->callee = async_id;
  call->arguments = list(args);
  return finish(call);
}

Node* Parser::parse_array_literal(CoverErrors* cover) {
  auto* array = make<ast::ArrayExpression>(NodeKind::ArrayExpression, tok().start);
  next();
  std::vector<Node*> elements;
  while (!at(TokenKind::RBracket)) {
    if (at(TokenKind::Comma)) {
      next();
      elements.push_back(nullptr);
      continue;
    }
    Node* element;
    if (at(TokenKind::Ellipsis)) {
      auto* spread = make<ast::SpreadElement>(NodeKind::SpreadElement, tok().start);
      next();
      spread->argument = parse_assignment(false, cover);
      element = finish(spread);
    } else {
      element = parse_assignment(false, cover);
    }
    elements.push_back(element);
    if (!at(TokenKind::RBracket)) {
      expect(TokenKind::Comma);
      if (element->kind == NodeKind::SpreadElement && !array->comma_after_spread) {
        array->comma_after_spread = true;
        array->comma_after_spread_pos = lex_.previous_end();
      }
    }
  }
  next();
  array->elements = list(elements);
  return finish(array);
}

Node* Parser::parse_object_literal(CoverErrors* cover) {
  auto* object = make<ast::ObjectExpression>(NodeKind::ObjectExpression, tok().start);
  next();
  std::vector<Node*> properties;
  bool saw_proto = false;
  while (!at(TokenKind::RBrace)) {
    Node* member = parse_object_member(cover, saw_proto);
    properties.push_back(member);
    if (!at(TokenKind::RBrace)) {
      expect(TokenKind::Comma);
      if (member->kind == NodeKind::SpreadElement) object->comma_after_spread = true;
    }
  }
  next();
  object->properties = list(properties);
  return finish(object);
}

Node* Parser::parse_property_key(bool& computed) {
  computed = false;
  const Token& t = tok();
  SourcePos start = t.start;
  switch (t.kind) {
    case TokenKind::LBracket: {
      computed = true;
      next();
      Node* key = parse_assignment();
      expect(TokenKind::RBracket);
      return key;
    }
    case TokenKind::String:
    case TokenKind::Number:
    case TokenKind::BigInt:
      return parse_primary(nullptr);
    case TokenKind::PrivateName:
      unexpected();
    default:
      if (t.kind == TokenKind::Identifier || is_keyword(t.kind)) {
        auto* id = make<ast::Identifier>(NodeKind::Identifier, start);
        id->name = t.atom;
        next();
        return finish(id);
      }
      unexpected();
  }
}

namespace {
bool starts_property_key(TokenKind k) {
  return k == TokenKind::Identifier || k == TokenKind::String || k == TokenKind::Number ||
         k == TokenKind::BigInt || k == TokenKind::LBracket || k == TokenKind::PrivateName ||
         is_keyword(k);
}
}  // namespace

Node* Parser::parse_object_member(CoverErrors* cover, bool& saw_proto) {
  SourcePos start = tok().start;
  if (at(TokenKind::Ellipsis)) {
    auto* spread = make<ast::SpreadElement>(NodeKind::SpreadElement, start);
    next();
    spread->argument = parse_assignment(false, cover);
    return finish(spread);
  }
  bool is_async = false, is_generator = false;
  ast::PropertyKind pkind = ast::PropertyKind::Init;
  if (at_contextual(atoms_.async_)) {
    Token after = lex_.peek();
    if (!after.newline_before && (starts_property_key(after.kind) || after.kind == TokenKind::Star)) {
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
    if (starts_property_key(after.kind)) {
      pkind = at_contextual(atoms_.get_) ? ast::PropertyKind::Get : ast::PropertyKind::Set;
      next();
    }
  }
  const Token key_token = tok();
  bool computed;
  Node* key = parse_property_key(computed);
  auto* prop = make<ast::Property>(NodeKind::Property, start);
  prop->key = key;
  prop->computed = computed;
  prop->kind = pkind;
  if (is_async || is_generator || pkind != ast::PropertyKind::Init || at(TokenKind::LParen)) {
    FnSyntax syntax = pkind == ast::PropertyKind::Get ? FnSyntax::Getter
                      : pkind == ast::PropertyKind::Set ? FnSyntax::Setter : FnSyntax::Method;
    prop->method = pkind == ast::PropertyKind::Init;
    prop->value = parse_method(tok().start, syntax, is_async, is_generator);
    return finish(prop);
  }
  if (eat(TokenKind::Colon)) {
    prop->value = parse_assignment(false, cover);
    if (!computed && key_is_named(key, "__proto__")) {
      if (saw_proto) {
        if (!cover) error_at(key->start, "Duplicate __proto__ fields are not allowed in object literals");
        if (!cover->has_duplicate_proto) {
          cover->has_duplicate_proto = true;
          cover->duplicate_proto = key->start;
        }
      }
      saw_proto = true;
    }
    return finish(prop);
  }
  // Shorthand `{ x }` or, in a pattern, `{ x = 1 }`.
  if (key_token.kind != TokenKind::Identifier) {
    if (is_keyword(key_token.kind)) error_at(key_token.start, "Unexpected token '" + std::string(token_text(key_token.kind)) + "'");
    unexpected();
  }
  check_identifier(key_token.atom, key_token.start, key_token.escaped, false);
  prop->shorthand = true;
  auto* value = make<ast::Identifier>(NodeKind::Identifier, key->start);
  value->name = key_token.atom;
  value->end = key->end;
  if (at(TokenKind::Assign)) {
    SourcePos assign_pos = tok().start;
    if (!cover) error_here("Invalid shorthand property initializer");
    if (!cover->has_shorthand_init) {
      cover->has_shorthand_init = true;
      cover->shorthand_init = assign_pos;
    }
    next();
    auto* pattern = make<ast::AssignmentPattern>(NodeKind::AssignmentPattern, key->start);
    pattern->left = value;
    pattern->right = parse_assignment();
    prop->value = finish(pattern);
  } else {
    prop->value = value;
  }
  return finish(prop);
}

Node* Parser::parse_template(Node* tag, const SourcePos& start) {
  auto* tagged = make<ast::TaggedTemplateExpression>(NodeKind::TaggedTemplateExpression, start);
  tagged->tag = tag;
  tagged->quasi = parse_template_literal(true);
  return finish(tagged);
}

Node* Parser::parse_template_literal(bool tagged) {
  auto* tl = make<ast::TemplateLiteral>(NodeKind::TemplateLiteral, tok().start);
  std::vector<Node*> quasis, expressions;
  for (;;) {
    const Token& t = tok();
    if (t.invalid_escape && !tagged) error_at(t.invalid_escape_pos, "Invalid escape sequence in template");
    auto* element = make<ast::TemplateElement>(NodeKind::TemplateElement, t.start);
    element->has_cooked = !t.invalid_escape;
    element->cooked = t.string;
    element->raw = t.raw;
    bool tail = t.kind == TokenKind::Template || t.kind == TokenKind::TemplateTail;
    element->tail = tail;
    next();
    quasis.push_back(finish(element));
    if (tail) break;
    expressions.push_back(parse_expression());
    if (!at(TokenKind::RBrace)) unexpected();
    lex_.rescan_template_continuation();
  }
  tl->quasis = list(quasis);
  tl->expressions = list(expressions);
  return finish(tl);
}

Node* Parser::parse_regexp() {
  lex_.rescan_regexp();
  const Token& t = tok();
  auto* lit = make<ast::RegExpLiteral>(NodeKind::RegExpLiteral, t.start);
  lit->pattern = t.regexp_body;
  lit->flags = t.regexp_flags;
  std::string flag_error;
  auto flags = regexp::parse_flags(t.regexp_flags, &flag_error);
  if (!flags) error_here("Invalid regular expression flags");
  if (auto err = regexp::check_pattern(t.regexp_body, *flags)) {
    // The pattern as written in the source, for the message.
    std::string_view written = std::string_view(source_.text)
                                   .substr(t.start.offset + 1, t.end - t.start.offset - 2 - t.regexp_flags.size());
    error_here("Invalid regular expression: /" + std::string(written) + "/" + std::string(t.regexp_flags) +
               ": " + err->message);
  }
  next();
  return finish(lit);
}

}  // namespace glass
