// The syntax tree.
//
// Node kinds and field names follow ESTree (the community's documented JS AST
// format), so what --print-ast shows can be read alongside any ESTree
// reference. Two deliberate differences: literals are split by type
// (NumericLiteral, StringLiteral, ...) instead of one `Literal`, and a
// parenthesized expression keeps a flag (the grammar needs to know).
//
// Every node starts with its kind and its source range. Each node type lists
// its fields once, in `fields(v)`: the printer, the generic child walker and
// anything else that needs "all children of a node" read that list instead of
// keeping its own. Nodes live in an Arena and are never destroyed.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "atoms.h"
#include "source.h"

namespace glass::ast {

struct Node;

// An arena-allocated, immutable list of child nodes. Array holes are nullptr.
struct NodeList {
  Node** items = nullptr;
  uint32_t count = 0;
  Node** begin() const { return items; }
  Node** end() const { return items + count; }
  uint32_t size() const { return count; }
  bool empty() const { return count == 0; }
  Node* operator[](uint32_t i) const { return items[i]; }
};

// ---------------------------------------------------------------------------
// Operators: X(Enumerator, "spelling")

#define GLASS_BINARY_OPS(X) \
  X(Eq, "==") X(NotEq, "!=") X(StrictEq, "===") X(StrictNotEq, "!==") \
  X(Less, "<") X(LessEq, "<=") X(Greater, ">") X(GreaterEq, ">=")     \
  X(Shl, "<<") X(Sar, ">>") X(Shr, ">>>")                              \
  X(Add, "+") X(Sub, "-") X(Mul, "*") X(Div, "/") X(Mod, "%") X(Exp, "**") \
  X(BitOr, "|") X(BitXor, "^") X(BitAnd, "&") X(In, "in") X(Instanceof, "instanceof")

#define GLASS_LOGICAL_OPS(X) X(Or, "||") X(And, "&&") X(Coalesce, "??")

#define GLASS_ASSIGN_OPS(X) \
  X(Assign, "=") X(Add, "+=") X(Sub, "-=") X(Mul, "*=") X(Div, "/=") X(Mod, "%=") \
  X(Exp, "**=") X(Shl, "<<=") X(Sar, ">>=") X(Shr, ">>>=") X(BitOr, "|=")        \
  X(BitXor, "^=") X(BitAnd, "&=") X(And, "&&=") X(Or, "||=") X(Coalesce, "?\?=")

#define GLASS_UNARY_OPS(X) \
  X(Minus, "-") X(Plus, "+") X(Not, "!") X(BitNot, "~") X(Typeof, "typeof") \
  X(Void, "void") X(Delete, "delete")

#define GLASS_UPDATE_OPS(X) X(Increment, "++") X(Decrement, "--")

#define GLASS_ENUM_ITEM(name, text) name,
enum class BinaryOp : uint8_t { GLASS_BINARY_OPS(GLASS_ENUM_ITEM) };
enum class LogicalOp : uint8_t { GLASS_LOGICAL_OPS(GLASS_ENUM_ITEM) };
enum class AssignOp : uint8_t { GLASS_ASSIGN_OPS(GLASS_ENUM_ITEM) };
enum class UnaryOp : uint8_t { GLASS_UNARY_OPS(GLASS_ENUM_ITEM) };
enum class UpdateOp : uint8_t { GLASS_UPDATE_OPS(GLASS_ENUM_ITEM) };
#undef GLASS_ENUM_ITEM

enum class VarKind : uint8_t { Var, Let, Const, Using, AwaitUsing };
// `using` and `await using` bind like const and dispose their values when their scope ends.
inline bool is_using(VarKind k) { return k == VarKind::Using || k == VarKind::AwaitUsing; }
enum class PropertyKind : uint8_t { Init, Get, Set };
enum class MethodKind : uint8_t { Constructor, Method, Get, Set };

std::string_view op_text(BinaryOp op);
std::string_view op_text(LogicalOp op);
std::string_view op_text(AssignOp op);
std::string_view op_text(UnaryOp op);
std::string_view op_text(UpdateOp op);
std::string_view kind_text(VarKind k);       // "var" "let" "const" "using" "await using"
std::string_view kind_text(PropertyKind k);  // "init" "get" "set"
std::string_view kind_text(MethodKind k);    // "constructor" "method" "get" "set"

// ---------------------------------------------------------------------------
// Node kinds: N(Kind, StructType). Several kinds can share one struct (the
// three kinds of function, the two of class, for-in and for-of).

#define GLASS_AST_NODES(N)                                   \
  N(Program, Program)                                        \
  /* names and literals */                                   \
  N(Identifier, Identifier)                                  \
  N(PrivateIdentifier, PrivateIdentifier)                    \
  N(NullLiteral, NullLiteral)                                \
  N(BooleanLiteral, BooleanLiteral)                          \
  N(NumericLiteral, NumericLiteral)                          \
  N(BigIntLiteral, BigIntLiteral)                            \
  N(StringLiteral, StringLiteral)                            \
  N(RegExpLiteral, RegExpLiteral)                            \
  N(TemplateLiteral, TemplateLiteral)                        \
  N(TemplateElement, TemplateElement)                        \
  /* expressions */                                          \
  N(ThisExpression, ThisExpression)                          \
  N(Super, Super)                                            \
  N(ArrayExpression, ArrayExpression)                        \
  N(ObjectExpression, ObjectExpression)                      \
  N(Property, Property)                                      \
  N(SpreadElement, SpreadElement)                            \
  N(FunctionExpression, Function)                            \
  N(ArrowFunctionExpression, Function)                       \
  N(ClassExpression, Class)                                  \
  N(TaggedTemplateExpression, TaggedTemplateExpression)      \
  N(MemberExpression, MemberExpression)                      \
  N(CallExpression, CallExpression)                          \
  N(NewExpression, NewExpression)                            \
  N(ChainExpression, ChainExpression)                        \
  N(UnaryExpression, UnaryExpression)                        \
  N(UpdateExpression, UpdateExpression)                      \
  N(BinaryExpression, BinaryExpression)                      \
  N(LogicalExpression, LogicalExpression)                    \
  N(AssignmentExpression, AssignmentExpression)              \
  N(ConditionalExpression, ConditionalExpression)            \
  N(SequenceExpression, SequenceExpression)                  \
  N(YieldExpression, YieldExpression)                        \
  N(AwaitExpression, AwaitExpression)                        \
  N(ImportExpression, ImportExpression)                      \
  N(MetaProperty, MetaProperty)                              \
  /* patterns (binding and assignment targets) */            \
  N(ObjectPattern, ObjectPattern)                            \
  N(ArrayPattern, ArrayPattern)                              \
  N(RestElement, RestElement)                                \
  N(AssignmentPattern, AssignmentPattern)                    \
  /* classes */                                              \
  N(ClassBody, ClassBody)                                    \
  N(MethodDefinition, MethodDefinition)                      \
  N(PropertyDefinition, PropertyDefinition)                  \
  N(StaticBlock, StaticBlock)                                \
  /* statements */                                           \
  N(ExpressionStatement, ExpressionStatement)                \
  N(BlockStatement, BlockStatement)                          \
  N(EmptyStatement, EmptyStatement)                          \
  N(DebuggerStatement, DebuggerStatement)                    \
  N(WithStatement, WithStatement)                            \
  N(ReturnStatement, ReturnStatement)                        \
  N(LabeledStatement, LabeledStatement)                      \
  N(BreakStatement, BreakStatement)                          \
  N(ContinueStatement, ContinueStatement)                    \
  N(IfStatement, IfStatement)                                \
  N(SwitchStatement, SwitchStatement)                        \
  N(SwitchCase, SwitchCase)                                  \
  N(ThrowStatement, ThrowStatement)                          \
  N(TryStatement, TryStatement)                              \
  N(CatchClause, CatchClause)                                \
  N(WhileStatement, WhileStatement)                          \
  N(DoWhileStatement, DoWhileStatement)                      \
  N(ForStatement, ForStatement)                              \
  N(ForInStatement, ForInOfStatement)                        \
  N(ForOfStatement, ForInOfStatement)                        \
  N(VariableDeclaration, VariableDeclaration)                \
  N(VariableDeclarator, VariableDeclarator)                  \
  N(FunctionDeclaration, Function)                           \
  N(ClassDeclaration, Class)                                 \
  /* modules */                                              \
  N(ImportDeclaration, ImportDeclaration)                    \
  N(ImportSpecifier, ImportSpecifier)                        \
  N(ImportDefaultSpecifier, ImportDefaultSpecifier)          \
  N(ImportNamespaceSpecifier, ImportNamespaceSpecifier)      \
  N(ImportAttribute, ImportAttribute)                        \
  N(ExportNamedDeclaration, ExportNamedDeclaration)          \
  N(ExportSpecifier, ExportSpecifier)                        \
  N(ExportDefaultDeclaration, ExportDefaultDeclaration)      \
  N(ExportAllDeclaration, ExportAllDeclaration)

enum class NodeKind : uint8_t {
#define GLASS_NODE_ENUM(kind, type) kind,
  GLASS_AST_NODES(GLASS_NODE_ENUM)
#undef GLASS_NODE_ENUM
};

std::string_view kind_name(NodeKind kind);  // "BinaryExpression"

struct Node {
  NodeKind kind;
  bool parenthesized = false;  // expression was written inside ( )
  SourcePos start;             // first character
  uint32_t end = 0;            // byte offset just past the last character
  explicit Node(NodeKind k) : kind(k) {}
};

// `fields(v)` calls v(name, field) for every field in ESTree order. A field
// is one of: Node* (may be null), NodeList, Atom, bool, double, an operator
// or kind enum, std::u16string_view (JS string data), std::string_view.
#define GLASS_FIELDS(...) \
  template <class V>      \
  void fields(V&& v) {    \
    __VA_ARGS__;          \
  }

struct Program : Node {
  using Node::Node;
  bool module = false;
  bool strict = false;  // module, or the script begins with "use strict"
  bool has_top_level_await = false;  // a module whose body awaits (it evaluates asynchronously)
  NodeList body;
  GLASS_FIELDS(v("sourceType", module ? std::string_view("module") : std::string_view("script")),
               v("strict", strict), v("body", body))
};

struct Identifier : Node {
  using Node::Node;
  Atom name = nullptr;
  GLASS_FIELDS(v("name", name))
};
struct PrivateIdentifier : Node {  // #name; `name` excludes the '#'
  using Node::Node;
  Atom name = nullptr;
  GLASS_FIELDS(v("name", name))
};
struct NullLiteral : Node {
  using Node::Node;
  GLASS_FIELDS((void)v)
};
struct BooleanLiteral : Node {
  using Node::Node;
  bool value = false;
  GLASS_FIELDS(v("value", value))
};
struct NumericLiteral : Node {
  using Node::Node;
  double value = 0;
  GLASS_FIELDS(v("value", value))
};
struct BigIntLiteral : Node {
  using Node::Node;
  std::string_view digits;  // as written (0x.. 0o.. 0b.. or decimal), no separators, no 'n'
  GLASS_FIELDS(v("digits", digits))
};
struct StringLiteral : Node {
  using Node::Node;
  std::u16string_view value;
  GLASS_FIELDS(v("value", value))
};
struct RegExpLiteral : Node {
  using Node::Node;
  std::u16string_view pattern;
  std::string_view flags;
  GLASS_FIELDS(v("pattern", pattern), v("flags", flags))
};
struct TemplateLiteral : Node {
  using Node::Node;
  NodeList quasis;       // TemplateElement, one more than expressions
  NodeList expressions;
  GLASS_FIELDS(v("quasis", quasis), v("expressions", expressions))
};
struct TemplateElement : Node {
  using Node::Node;
  bool has_cooked = true;  // false: an invalid escape in a tagged template (cooked is undefined)
  bool tail = false;
  std::u16string_view cooked;
  std::u16string_view raw;
  GLASS_FIELDS(v("cooked", cooked), v("hasCooked", has_cooked), v("raw", raw), v("tail", tail))
};

struct ThisExpression : Node {
  using Node::Node;
  GLASS_FIELDS((void)v)
};
struct Super : Node {
  using Node::Node;
  GLASS_FIELDS((void)v)
};
struct ArrayExpression : Node {
  using Node::Node;
  NodeList elements;  // nullptr for holes
  // `[...a, ]` is a fine array but not a valid pattern: remembered for the
  // cover grammar (not printed).
  bool comma_after_spread = false;
  uint32_t comma_after_spread_pos = 0;
  GLASS_FIELDS(v("elements", elements))
};
struct ObjectExpression : Node {
  using Node::Node;
  NodeList properties;  // Property | SpreadElement
  bool comma_after_spread = false;  // `{...a, }`: fine literal, invalid pattern (not printed)
  GLASS_FIELDS(v("properties", properties))
};
// In an ObjectExpression: key/value. In an ObjectPattern: key and the target
// pattern as value (`shorthand` with an AssignmentPattern value for `{a = 1}`).
struct Property : Node {
  using Node::Node;
  PropertyKind kind = PropertyKind::Init;
  bool method = false;
  bool shorthand = false;
  bool computed = false;
  Node* key = nullptr;
  Node* value = nullptr;
  GLASS_FIELDS(v("kind", kind), v("method", method), v("shorthand", shorthand),
               v("computed", computed), v("key", key), v("value", value))
};
struct SpreadElement : Node {
  using Node::Node;
  Node* argument = nullptr;
  GLASS_FIELDS(v("argument", argument))
};

// FunctionDeclaration, FunctionExpression, ArrowFunctionExpression; also the
// value of every method, getter, setter and class constructor.
struct Function : Node {
  using Node::Node;
  Node* id = nullptr;  // Identifier or null
  NodeList params;     // patterns; a RestElement last if present
  Node* body = nullptr;  // BlockStatement, or an expression for `x => x + 1`
  bool generator = false;
  bool async = false;
  bool expression = false;      // arrow with an expression body
  bool strict = false;          // the body runs in strict mode (its own directive or inherited)
  bool simple_params = true;    // no defaults, no destructuring, no rest
  GLASS_FIELDS(v("id", id), v("generator", generator), v("async", async), v("expression", expression),
               v("strict", strict), v("params", params), v("body", body))
};

// ClassDeclaration, ClassExpression.
struct Class : Node {
  using Node::Node;
  Node* id = nullptr;
  Node* super_class = nullptr;
  Node* body = nullptr;  // ClassBody
  GLASS_FIELDS(v("id", id), v("superClass", super_class), v("body", body))
};
struct ClassBody : Node {
  using Node::Node;
  NodeList body;  // MethodDefinition | PropertyDefinition | StaticBlock
  GLASS_FIELDS(v("body", body))
};
struct MethodDefinition : Node {
  using Node::Node;
  MethodKind kind = MethodKind::Method;
  bool computed = false;
  bool is_static = false;
  Node* key = nullptr;    // Identifier, PrivateIdentifier, a literal, or any expression when computed
  Node* value = nullptr;  // FunctionExpression
  GLASS_FIELDS(v("kind", kind), v("static", is_static), v("computed", computed), v("key", key),
               v("value", value))
};
struct PropertyDefinition : Node {
  using Node::Node;
  bool computed = false;
  bool is_static = false;
  Node* key = nullptr;
  Node* value = nullptr;  // initializer or null
  GLASS_FIELDS(v("static", is_static), v("computed", computed), v("key", key), v("value", value))
};
struct StaticBlock : Node {
  using Node::Node;
  NodeList body;
  GLASS_FIELDS(v("body", body))
};

struct TaggedTemplateExpression : Node {
  using Node::Node;
  Node* tag = nullptr;
  Node* quasi = nullptr;  // TemplateLiteral
  GLASS_FIELDS(v("tag", tag), v("quasi", quasi))
};
struct MemberExpression : Node {
  using Node::Node;
  bool computed = false;
  bool optional = false;  // written with ?. at this link
  Node* object = nullptr;
  Node* property = nullptr;  // Identifier, PrivateIdentifier, or any expression when computed
  GLASS_FIELDS(v("computed", computed), v("optional", optional), v("object", object),
               v("property", property))
};
struct CallExpression : Node {
  using Node::Node;
  bool optional = false;
  Node* callee = nullptr;
  NodeList arguments;
  SourcePos open_paren;  // where a call of a computed callee is placed (as V8 places it)
  GLASS_FIELDS(v("optional", optional), v("callee", callee), v("arguments", arguments))
};
struct NewExpression : Node {
  using Node::Node;
  Node* callee = nullptr;
  NodeList arguments;
  GLASS_FIELDS(v("callee", callee), v("arguments", arguments))
};
// Wraps a whole optional chain `a?.b.c()` so short-circuiting has one end.
struct ChainExpression : Node {
  using Node::Node;
  Node* expression = nullptr;
  GLASS_FIELDS(v("expression", expression))
};
struct UnaryExpression : Node {
  using Node::Node;
  UnaryOp op = UnaryOp::Minus;
  Node* argument = nullptr;
  GLASS_FIELDS(v("operator", op), v("argument", argument))
};
struct UpdateExpression : Node {
  using Node::Node;
  UpdateOp op = UpdateOp::Increment;
  bool prefix = false;
  Node* argument = nullptr;
  GLASS_FIELDS(v("operator", op), v("prefix", prefix), v("argument", argument))
};
struct BinaryExpression : Node {  // left is a PrivateIdentifier for `#x in obj`
  using Node::Node;
  BinaryOp op = BinaryOp::Add;
  Node* left = nullptr;
  Node* right = nullptr;
  GLASS_FIELDS(v("operator", op), v("left", left), v("right", right))
};
struct LogicalExpression : Node {
  using Node::Node;
  LogicalOp op = LogicalOp::Or;
  Node* left = nullptr;
  Node* right = nullptr;
  GLASS_FIELDS(v("operator", op), v("left", left), v("right", right))
};
struct AssignmentExpression : Node {  // left is a pattern for `[a, b] = ...`
  using Node::Node;
  AssignOp op = AssignOp::Assign;
  Node* left = nullptr;
  Node* right = nullptr;
  GLASS_FIELDS(v("operator", op), v("left", left), v("right", right))
};
struct ConditionalExpression : Node {
  using Node::Node;
  Node* test = nullptr;
  Node* consequent = nullptr;
  Node* alternate = nullptr;
  GLASS_FIELDS(v("test", test), v("consequent", consequent), v("alternate", alternate))
};
struct SequenceExpression : Node {
  using Node::Node;
  NodeList expressions;
  GLASS_FIELDS(v("expressions", expressions))
};
struct YieldExpression : Node {
  using Node::Node;
  bool delegate = false;
  Node* argument = nullptr;
  GLASS_FIELDS(v("delegate", delegate), v("argument", argument))
};
struct AwaitExpression : Node {
  using Node::Node;
  Node* argument = nullptr;
  GLASS_FIELDS(v("argument", argument))
};
struct ImportExpression : Node {  // import(source, options)
  using Node::Node;
  Node* source = nullptr;
  Node* options = nullptr;
  GLASS_FIELDS(v("source", source), v("options", options))
};
struct MetaProperty : Node {  // new.target, import.meta
  using Node::Node;
  Atom meta = nullptr;
  Atom property = nullptr;
  GLASS_FIELDS(v("meta", meta), v("property", property))
};

struct ObjectPattern : Node {
  using Node::Node;
  NodeList properties;  // Property (value = target) | RestElement
  GLASS_FIELDS(v("properties", properties))
};
struct ArrayPattern : Node {
  using Node::Node;
  NodeList elements;  // targets, nullptr for holes, RestElement last
  GLASS_FIELDS(v("elements", elements))
};
struct RestElement : Node {
  using Node::Node;
  Node* argument = nullptr;
  GLASS_FIELDS(v("argument", argument))
};
struct AssignmentPattern : Node {  // target = default
  using Node::Node;
  Node* left = nullptr;
  Node* right = nullptr;
  GLASS_FIELDS(v("left", left), v("right", right))
};

struct ExpressionStatement : Node {
  using Node::Node;
  Node* expression = nullptr;
  // For a directive ("use strict";): the raw text between the quotes.
  std::string_view directive;
  bool is_directive = false;
  GLASS_FIELDS(v("expression", expression), is_directive ? (void)v("directive", directive) : (void)0)
};
struct BlockStatement : Node {
  using Node::Node;
  NodeList body;
  SourcePos close;  // the closing brace (a function's implicit return stops there when stepping)
  GLASS_FIELDS(v("body", body))
};
struct EmptyStatement : Node {
  using Node::Node;
  GLASS_FIELDS((void)v)
};
struct DebuggerStatement : Node {
  using Node::Node;
  GLASS_FIELDS((void)v)
};
struct WithStatement : Node {
  using Node::Node;
  Node* object = nullptr;
  Node* body = nullptr;
  GLASS_FIELDS(v("object", object), v("body", body))
};
struct ReturnStatement : Node {
  using Node::Node;
  Node* argument = nullptr;
  GLASS_FIELDS(v("argument", argument))
};
struct LabeledStatement : Node {
  using Node::Node;
  Node* label = nullptr;  // Identifier
  Node* body = nullptr;
  GLASS_FIELDS(v("label", label), v("body", body))
};
struct BreakStatement : Node {
  using Node::Node;
  Node* label = nullptr;
  GLASS_FIELDS(v("label", label))
};
struct ContinueStatement : Node {
  using Node::Node;
  Node* label = nullptr;
  GLASS_FIELDS(v("label", label))
};
struct IfStatement : Node {
  using Node::Node;
  Node* test = nullptr;
  Node* consequent = nullptr;
  Node* alternate = nullptr;
  GLASS_FIELDS(v("test", test), v("consequent", consequent), v("alternate", alternate))
};
struct SwitchStatement : Node {
  using Node::Node;
  Node* discriminant = nullptr;
  NodeList cases;
  GLASS_FIELDS(v("discriminant", discriminant), v("cases", cases))
};
struct SwitchCase : Node {
  using Node::Node;
  Node* test = nullptr;  // null for `default:`
  NodeList consequent;
  GLASS_FIELDS(v("test", test), v("consequent", consequent))
};
struct ThrowStatement : Node {
  using Node::Node;
  Node* argument = nullptr;
  GLASS_FIELDS(v("argument", argument))
};
struct TryStatement : Node {
  using Node::Node;
  Node* block = nullptr;
  Node* handler = nullptr;    // CatchClause
  Node* finalizer = nullptr;  // BlockStatement
  GLASS_FIELDS(v("block", block), v("handler", handler), v("finalizer", finalizer))
};
struct CatchClause : Node {
  using Node::Node;
  Node* param = nullptr;  // null for `catch {`
  Node* body = nullptr;
  GLASS_FIELDS(v("param", param), v("body", body))
};
struct WhileStatement : Node {
  using Node::Node;
  Node* test = nullptr;
  Node* body = nullptr;
  GLASS_FIELDS(v("test", test), v("body", body))
};
struct DoWhileStatement : Node {
  using Node::Node;
  Node* body = nullptr;
  Node* test = nullptr;
  GLASS_FIELDS(v("body", body), v("test", test))
};
struct ForStatement : Node {
  using Node::Node;
  Node* init = nullptr;  // VariableDeclaration, expression, or null
  Node* test = nullptr;
  Node* update = nullptr;
  Node* body = nullptr;
  GLASS_FIELDS(v("init", init), v("test", test), v("update", update), v("body", body))
};
// ForInStatement, ForOfStatement.
struct ForInOfStatement : Node {
  using Node::Node;
  bool await = false;  // for await (... of ...)
  Node* left = nullptr;  // VariableDeclaration or a target pattern
  Node* right = nullptr;
  Node* body = nullptr;
  GLASS_FIELDS(kind == NodeKind::ForOfStatement ? (void)v("await", await) : (void)0, v("left", left),
               v("right", right), v("body", body))
};
struct VariableDeclaration : Node {
  using Node::Node;
  VarKind kind_ = VarKind::Var;
  NodeList declarations;
  GLASS_FIELDS(v("kind", kind_), v("declarations", declarations))
};
struct VariableDeclarator : Node {
  using Node::Node;
  Node* id = nullptr;  // Identifier or pattern
  Node* init = nullptr;
  GLASS_FIELDS(v("id", id), v("init", init))
};

struct ImportDeclaration : Node {
  using Node::Node;
  NodeList specifiers;
  Node* source = nullptr;  // StringLiteral
  NodeList attributes;     // ImportAttribute
  GLASS_FIELDS(v("specifiers", specifiers), v("source", source), v("attributes", attributes))
};
struct ImportSpecifier : Node {  // { imported as local }
  using Node::Node;
  Node* imported = nullptr;  // Identifier or StringLiteral
  Node* local = nullptr;     // Identifier
  GLASS_FIELDS(v("imported", imported), v("local", local))
};
struct ImportDefaultSpecifier : Node {
  using Node::Node;
  Node* local = nullptr;
  GLASS_FIELDS(v("local", local))
};
struct ImportNamespaceSpecifier : Node {  // * as local
  using Node::Node;
  Node* local = nullptr;
  GLASS_FIELDS(v("local", local))
};
struct ImportAttribute : Node {  // with { type: "json" }
  using Node::Node;
  Node* key = nullptr;    // Identifier or StringLiteral
  Node* value = nullptr;  // StringLiteral
  GLASS_FIELDS(v("key", key), v("value", value))
};
struct ExportNamedDeclaration : Node {
  using Node::Node;
  Node* declaration = nullptr;  // export var/let/const/function/class
  NodeList specifiers;          // export { a as b }
  Node* source = nullptr;       // export { a } from "m"
  NodeList attributes;
  GLASS_FIELDS(v("declaration", declaration), v("specifiers", specifiers), v("source", source),
               v("attributes", attributes))
};
struct ExportSpecifier : Node {
  using Node::Node;
  Node* local = nullptr;     // Identifier (StringLiteral only with a source)
  Node* exported = nullptr;  // Identifier or StringLiteral
  GLASS_FIELDS(v("local", local), v("exported", exported))
};
struct ExportDefaultDeclaration : Node {
  using Node::Node;
  Node* declaration = nullptr;  // FunctionDeclaration, ClassDeclaration (id may be null), or expression
  GLASS_FIELDS(v("declaration", declaration))
};
struct ExportAllDeclaration : Node {  // export * [as name] from "m"
  using Node::Node;
  Node* exported = nullptr;
  Node* source = nullptr;
  NodeList attributes;
  GLASS_FIELDS(v("exported", exported), v("source", source), v("attributes", attributes))
};

#undef GLASS_FIELDS

// Calls f(static_cast<Type*>(node)) with the node's concrete type.
template <class F>
decltype(auto) visit(Node* node, F&& f) {
  switch (node->kind) {
#define GLASS_NODE_CASE(kind, type) \
  case NodeKind::kind:              \
    return f(static_cast<type*>(node));
    GLASS_AST_NODES(GLASS_NODE_CASE)
#undef GLASS_NODE_CASE
  }
  __builtin_unreachable();
}

namespace detail {
template <class F>
struct ChildWalker {
  F& f;
  void operator()(std::string_view, Node* child) {
    if (child) f(child);
  }
  void operator()(std::string_view, const NodeList& list) {
    for (Node* child : list)
      if (child) f(child);
  }
  template <class T>
  void operator()(std::string_view, const T&) {}
};
}  // namespace detail

// Calls f(child) for every non-null direct child node, in source order.
template <class F>
void for_each_child(Node* node, F&& f) {
  visit(node, [&](auto* n) { n->fields(detail::ChildWalker<std::remove_reference_t<F>>{f}); });
}

template <class T>
T* as(Node* node) {
  return static_cast<T*>(node);
}

}  // namespace glass::ast
