#include "ast.h"

namespace glass::ast {

#define GLASS_OP_CASE(name, text) \
  case decltype(op)::name:        \
    return text;

std::string_view op_text(BinaryOp op) {
  switch (op) { GLASS_BINARY_OPS(GLASS_OP_CASE) }
  return "?";
}
std::string_view op_text(LogicalOp op) {
  switch (op) { GLASS_LOGICAL_OPS(GLASS_OP_CASE) }
  return "?";
}
std::string_view op_text(AssignOp op) {
  switch (op) { GLASS_ASSIGN_OPS(GLASS_OP_CASE) }
  return "?";
}
std::string_view op_text(UnaryOp op) {
  switch (op) { GLASS_UNARY_OPS(GLASS_OP_CASE) }
  return "?";
}
std::string_view op_text(UpdateOp op) {
  switch (op) { GLASS_UPDATE_OPS(GLASS_OP_CASE) }
  return "?";
}
#undef GLASS_OP_CASE

std::string_view kind_text(VarKind k) {
  switch (k) {
    case VarKind::Var: return "var";
    case VarKind::Let: return "let";
    case VarKind::Const: return "const";
    case VarKind::Using: return "using";
    case VarKind::AwaitUsing: return "await using";
  }
  return "?";
}
std::string_view kind_text(PropertyKind k) {
  switch (k) {
    case PropertyKind::Init: return "init";
    case PropertyKind::Get: return "get";
    case PropertyKind::Set: return "set";
  }
  return "?";
}
std::string_view kind_text(MethodKind k) {
  switch (k) {
    case MethodKind::Constructor: return "constructor";
    case MethodKind::Method: return "method";
    case MethodKind::Get: return "get";
    case MethodKind::Set: return "set";
  }
  return "?";
}

std::string_view kind_name(NodeKind kind) {
  switch (kind) {
#define GLASS_KIND_NAME(kind, type) \
  case NodeKind::kind:              \
    return #kind;
    GLASS_AST_NODES(GLASS_KIND_NAME)
#undef GLASS_KIND_NAME
  }
  return "?";
}

}  // namespace glass::ast
