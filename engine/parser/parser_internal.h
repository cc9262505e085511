// The Parser class, shared by the parser's .cpp files (one per part of the
// grammar: parser.cpp for the driver and helpers, parse_statements.cpp,
// parse_expressions.cpp, parse_patterns.cpp, parse_functions.cpp,
// parse_classes.cpp, parse_modules.cpp). Not part of the engine's interface:
// use parser.h.
//
// How the grammar's parameters are tracked: the spec threads [Yield],
// [Await], [In], [Return] through every production. Here [In] is an argument
// (`no_in`), and the others live in the FunctionState of the function being
// parsed, pushed on entry to each function, method, arrow, class field
// initializer and static block.
#pragma once
#include <algorithm>
#include <unordered_set>
#include <vector>

#include "ast.h"
#include "lexer.h"
#include "parser.h"
#include "util/stack_guard.h"

namespace glass {

using ast::Node;
using ast::NodeList;

// What the enclosing function allows. Arrow functions copy super/new.target
// permissions from outside; other functions set their own.
struct FunctionState {
  FunctionState* outer = nullptr;
  bool strict = false;
  bool is_arrow = false;
  bool is_async = false;      // [Await]: `await` is an operator here
  bool is_generator = false;  // [Yield]: `yield` is an operator here
  bool allow_return = false;
  bool allow_super_call = false;
  bool allow_super_property = false;
  bool allow_new_target = false;
  bool in_static_block = false;  // `await` reserved, `arguments` banned, no return
  bool in_field_init = false;    // class field initializer
  bool arguments_banned = false; // field initializer or static block, and arrows inside them
  bool in_params = false;        // parsing this function's formal parameters
  struct Label {
    Atom name;
    bool is_loop;
  };
  std::vector<Label> labels;
  int loop_depth = 0;    // enclosing iteration statements (continue is legal)
  int switch_depth = 0;  // enclosing switch statements (unlabeled break is legal)
};

// Errors that a cover grammar may still excuse: `{a = 1}` and duplicate
// __proto__ are errors in an object literal but fine once the literal turns
// out to be a destructuring pattern. Recorded while parsing, thrown when the
// expression is known not to be a pattern.
struct CoverErrors {
  bool has_shorthand_init = false;
  SourcePos shorthand_init;
  bool has_duplicate_proto = false;
  SourcePos duplicate_proto;
};

// Is a property key (not computed) the name `name`: `name` or "name"?
inline bool key_is_named(const Node* key, std::string_view name) {
  if (key->kind == ast::NodeKind::Identifier) return static_cast<const ast::Identifier*>(key)->name->text == name;
  if (key->kind != ast::NodeKind::StringLiteral) return false;
  auto value = static_cast<const ast::StringLiteral*>(key)->value;
  return value.size() == name.size() && std::equal(value.begin(), value.end(), name.begin(),
                                                   [](char16_t a, char b) { return a == char16_t((unsigned char)b); });
}

class Parser {
 public:
  Parser(const Source& source, Arena& arena, AtomTable& atoms, const ParseOptions& options);
  ast::Program* parse();

 private:
  // ---- tokens (parser.cpp) -------------------------------------------------
  const Token& tok() const { return lex_.current(); }
  TokenKind kind() const { return lex_.current().kind; }
  bool at(TokenKind k) const { return kind() == k; }
  void next() { lex_.next(); }
  bool eat(TokenKind k);
  void expect(TokenKind k);
  // An unescaped identifier spelled exactly `name` (a contextual keyword).
  bool at_contextual(Atom name) const;
  bool eat_contextual(Atom name);
  void consume_semicolon();  // `;`, or automatic semicolon insertion
  [[noreturn]] void unexpected();  // "Unexpected token ..." for the current token
  [[noreturn]] void error_at(const SourcePos& pos, const std::string& message);
  [[noreturn]] void error_here(const std::string& message) { error_at(tok().start, message); }
  static std::string too_many_parameters() {
    return "Too many parameters in function definition (only " + std::to_string(kMaxParameters) + " allowed)";
  }
  void check_stack();  // bounds nesting against the native stack

  template <class T>
  T* make(ast::NodeKind kind, const SourcePos& start) {
    T* n = arena_.make<T>(kind);
    n->start = start;
    return n;
  }
  template <class T>
  T* finish(T* node) {
    node->end = lex_.previous_end();
    return node;
  }
  NodeList list(const std::vector<Node*>& items);

  // ---- names ---------------------------------------------------------------
  bool is_strict() const { return fn_->strict; }
  bool is_reserved_word(Atom a) const { return reserved_.count(a) != 0; }
  bool is_strict_reserved(Atom a) const;  // implements ... yield, let, static
  // Can the current token be used as an identifier (reference or binding)?
  bool at_identifier() const;
  // Validates that `name` at `pos` can be a binding / reference here.
  void check_identifier(Atom name, const SourcePos& pos, bool escaped, bool binding);
  ast::Identifier* parse_identifier_reference();
  ast::Identifier* parse_binding_identifier();
  Node* parse_identifier_name();  // IdentifierName (keywords allowed): Identifier node

  // ---- statements (parse_statements.cpp) -------------------------------------
  void parse_directives_and_body(std::vector<Node*>& body, TokenKind end, bool* became_strict);
  Node* parse_statement_list_item();
  Node* parse_statement(bool labelled_function_ok = false);
  Node* parse_block();
  Node* parse_variable_declaration(ast::VarKind kind, bool no_in, bool in_for, const SourcePos& start);
  Node* parse_if();
  Node* parse_for();
  Node* parse_while();
  Node* parse_do_while();
  Node* parse_switch();
  Node* parse_try();
  Node* parse_return();
  Node* parse_break_continue(bool is_break);
  Node* parse_throw();
  Node* parse_with();
  Node* parse_labelled_or_expression_statement(bool labelled_function_ok);
  Node* parse_loop_body();
  bool at_let_declaration();
  bool at_async_function();
  // `using x` / `await using x` with no line break inside (explicit resource
  // management). `await using` only where `await` is an operator.
  bool at_using_declaration();
  bool at_await_using_declaration();
  // Parses `using` / `await using` (the keyword(s) not yet consumed) and its
  // BindingList: identifiers only, never `let`; initializers unless in a for head.
  Node* parse_using_declaration(bool await, bool no_in, bool in_for);

  // ---- expressions (parse_expressions.cpp) -----------------------------------
  Node* parse_expression(bool no_in = false, CoverErrors* cover = nullptr);
  Node* parse_assignment(bool no_in = false, CoverErrors* cover = nullptr);
  Node* parse_conditional(bool no_in, CoverErrors* cover);
  Node* parse_binary(int min_prec, bool no_in, CoverErrors* cover);
  Node* parse_unary(CoverErrors* cover);
  Node* parse_update(CoverErrors* cover);
  Node* parse_left_hand_side(CoverErrors* cover);
  Node* parse_subscripts(Node* expr, const SourcePos& start, bool no_call);
  Node* parse_new();
  Node* parse_super();
  Node* parse_import_expression();
  Node* parse_primary(CoverErrors* cover);
  Node* parse_parenthesized_or_arrow(CoverErrors* cover);
  Node* parse_async_arrow_or_call(const SourcePos& start);
  Node* parse_array_literal(CoverErrors* cover);
  Node* parse_object_literal(CoverErrors* cover);
  Node* parse_object_member(CoverErrors* cover, bool& saw_proto);
  Node* parse_property_key(bool& computed);  // name, string, number, bigint, [expr], #private (class)
  Node* parse_template(Node* tag, const SourcePos& start);
  Node* parse_template_literal(bool tagged);
  Node* parse_regexp();
  Node* parse_yield(bool no_in);
  Node* parse_await(const SourcePos& start);
  NodeList parse_arguments();
  void check_cover(CoverErrors& cover);  // throw what a non-pattern can't excuse

  // ---- patterns (parse_patterns.cpp) ---------------------------------------
  Node* parse_binding_target();  // BindingIdentifier or BindingPattern
  Node* parse_binding_element();  // target with optional = default
  Node* parse_binding_pattern_object();
  Node* parse_binding_pattern_array();
  // Reinterprets a parsed expression as an assignment target (`binding`
  // false: `[a.b] = c`) or as a binding pattern (`binding` true: arrow params).
  Node* to_target(Node* expr, bool binding);
  bool is_simple_target(Node* expr) const;  // Identifier or member, for ++ and op=
  // `web_call`: Annex B lets sloppy code write `f() = 1` (a runtime
  // ReferenceError, not an early one) for =, op=, ++/-- and for-in/of heads.
  void check_simple_target(Node* expr, const char* message, bool web_call = false);

  // ---- functions (parse_functions.cpp) ---------------------------------------
  enum class FnSyntax { Declaration, Method, Getter, Setter, ClassConstructor, DerivedConstructor };
  Node* parse_function(const SourcePos& start, bool is_async, bool is_declaration,
                       bool default_export = false);
  // Parses `(params) { body }` into `fn`, in a fresh FunctionState.
  void parse_function_rest(ast::Function* fn, FnSyntax syntax);
  NodeList parse_formal_parameters(ast::Function* fn);
  void parse_function_body(ast::Function* fn);
  Node* parse_arrow_body(ast::Function* fn, const std::vector<Node*>& params, bool is_async);
  Node* parse_method(const SourcePos& start, FnSyntax syntax, bool is_async, bool is_generator);
  // After a body turned strict: names bound earlier must also be valid in strict code.
  void recheck_strict_names(ast::Function* fn);

  // ---- classes (parse_classes.cpp) -------------------------------------------
  Node* parse_class(const SourcePos& start, bool is_declaration, bool default_export = false);
  Node* parse_class_element(bool derived, bool& saw_constructor);
  Node* parse_field_initializer();
  Node* parse_static_block(const SourcePos& start);

  // ---- modules (parse_modules.cpp) -------------------------------------------
  Node* parse_import_declaration();
  Node* parse_export_declaration();
  Node* parse_module_export_name();  // Identifier or StringLiteral
  Node* parse_module_specifier();    // StringLiteral
  NodeList parse_import_attributes();

  // ---- state ---------------------------------------------------------------
  const Source& source_;
  Arena& arena_;
  AtomTable& atoms_;
  ParseOptions options_;
  Lexer lex_;
  StackGuard stack_;
  std::unordered_set<Atom> reserved_;  // ReservedWord atoms (for escaped-keyword checks)
  FunctionState top_;
  bool top_level_await_ = false;  // an await (or for await) directly in a module's body
  FunctionState* fn_ = &top_;
  // The statement list being parsed, for where `using` may not stand: a
  // Script's top level, or directly in a switch's case clause.
  enum class ListKind : uint8_t { Other, ScriptTop, CaseClause };
  ListKind list_kind_ = ListKind::Other;
  struct ListKindScope {  // sets list_kind_ for its lifetime
    Parser& p;
    ListKind saved;
    ListKindScope(Parser& parser, ListKind k) : p(parser), saved(parser.list_kind_) { p.list_kind_ = k; }
    ~ListKindScope() { p.list_kind_ = saved; }
  };

  // First `yield`/`await` expression (and `await` used as an identifier)
  // inside the current cover-grammar candidate: arrow parameters may contain
  // none of them. Saved and reset around each candidate.
  struct CoverMarks {
    bool has_yield = false, has_await = false, has_await_ident = false;
    SourcePos yield, await, await_ident;
  };
  CoverMarks marks_;
  SourcePos use_strict_pos_;  // the last "use strict" directive seen (for error positions)
  void keep_await_ident(const CoverMarks& saved);
  void merge_marks(const CoverMarks& saved);

  // Offset of the token that starts the AssignmentExpression being parsed:
  // only there can `(` or an identifier begin an arrow function, so
  // `a + (b) => c` is rejected (§15.3).
  uint32_t potential_arrow_at_ = uint32_t(-1);


  // While parsing `a: b: stmt`, the index in fn_->labels of the chain's first
  // label (see parse_labelled_or_expression_statement).
  static constexpr size_t kNoChain = size_t(-1);
  size_t pending_label_chain_ = kNoChain;
};

}  // namespace glass
