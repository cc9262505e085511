// internal:repl — what the REPL (lib/internal/repl/session.js) needs from the
// parser:
//   isRecoverable(code): the code is unfinished, not wrong ("function f() {",
//     "`abc", a string ending in a line continuation): the REPL asks for
//     another line instead of printing a SyntaxError;
//   processTopLevelAwait(code): code that awaits at its top level (legal in
//     a module, not in the Script each REPL input is) rewritten into an async
//     function whose result is the last expression's value, its top-level
//     declarations turned into assignments to declarations made outside —
//     so `const x = await f()` leaves `x` defined for the next input, as in
//     Node. Undefined when the code has no top-level await.
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "natives/runtime.h"
#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/atoms.h"
#include "parser/parser.h"

namespace glass::natives {

namespace {

bool parses(const std::string& text, std::string* error_message = nullptr, uint32_t* error_offset = nullptr) {
  Source source;
  source.name = "repl";
  source.text = text;
  Arena arena;
  AtomTable atoms;
  try {
    parse_program(source, arena, atoms, ParseOptions{});
    return true;
  } catch (const SyntaxError& e) {
    if (error_message) *error_message = e.message;
    if (error_offset) *error_offset = e.pos.offset;
    return false;
  }
}

Value is_recoverable(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string code = to_utf8(vm, arg(args, 0));
  std::string message;
  uint32_t offset = 0;
  if (parses(code, &message, &offset)) return Value::boolean(false);
  if (message == "Unexpected end of input" || message == "Unterminated template literal" ||
      message == "Unterminated comment")
    return Value::boolean(true);
  // 'abc\ : a string continued on the next line.
  if (message == "Unterminated string literal") {
    size_t end = code.find_last_not_of("\r\n");
    return Value::boolean(end != std::string::npos && code[end] == '\\');
  }
  return Value::boolean(false);
}

// The names a binding pattern declares (x, {a, b: [c]}, ...rest).
void bound_names(ast::Node* pattern, std::vector<std::string>& out) {
  if (!pattern) return;
  switch (pattern->kind) {
    case ast::NodeKind::Identifier: out.emplace_back(ast::as<ast::Identifier>(pattern)->name->text); break;
    case ast::NodeKind::ObjectPattern:
      for (ast::Node* p : ast::as<ast::ObjectPattern>(pattern)->properties) {
        if (p->kind == ast::NodeKind::RestElement) bound_names(ast::as<ast::RestElement>(p)->argument, out);
        else bound_names(ast::as<ast::Property>(p)->value, out);
      }
      break;
    case ast::NodeKind::ArrayPattern:
      for (ast::Node* e : ast::as<ast::ArrayPattern>(pattern)->elements) bound_names(e, out);
      break;
    case ast::NodeKind::RestElement: bound_names(ast::as<ast::RestElement>(pattern)->argument, out); break;
    case ast::NodeKind::AssignmentPattern: bound_names(ast::as<ast::AssignmentPattern>(pattern)->left, out); break;
    default: break;
  }
}

Value process_top_level_await(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string code = to_utf8(vm, arg(args, 0));
  if (code.find("await") == std::string::npos) return Value::undefined();
  if (parses(code)) return Value::undefined();  // a Script already (await as a name)
  static constexpr std::string_view kHead = "(async () => {\n";
  std::string wrapped = std::string(kHead) + code + "\n})()";
  Source source;
  source.name = "repl";
  source.text = wrapped;
  Arena arena;
  AtomTable atoms;
  ast::Program* program;
  try {
    program = parse_program(source, arena, atoms, ParseOptions{});
  } catch (const SyntaxError&) {
    return Value::undefined();  // not valid even with await allowed: let the Script's error show
  }
  // Program > ExpressionStatement > CallExpression > ArrowFunctionExpression > BlockStatement.
  auto* statement = ast::as<ast::ExpressionStatement>(program->body[0]);
  auto* call = ast::as<ast::CallExpression>(statement->expression);
  auto* arrow = ast::as<ast::Function>(call->callee);
  auto* block = ast::as<ast::BlockStatement>(arrow->body);
  auto text_of = [&](ast::Node* n) { return wrapped.substr(n->start.offset, n->end - n->start.offset); };

  std::string declarations;  // made outside the async function, so they outlive it
  std::string body;
  uint32_t copied = block->start.offset + 1;  // just past '{'
  const ast::NodeList& statements = block->body;
  for (uint32_t i = 0; i < statements.size(); ++i) {
    ast::Node* s = statements[i];
    body += wrapped.substr(copied, s->start.offset - copied);
    copied = s->end;
    bool last = i + 1 == statements.size();
    switch (s->kind) {
      case ast::NodeKind::VariableDeclaration: {
        auto* decl = ast::as<ast::VariableDeclaration>(s);
        std::vector<std::string> names;
        std::string assignments;
        for (ast::Node* d : decl->declarations) {
          auto* declarator = ast::as<ast::VariableDeclarator>(d);
          bound_names(declarator->id, names);
          if (!declarator->init) continue;
          if (!assignments.empty()) assignments += ", ";
          assignments += text_of(declarator);
        }
        std::string keyword = decl->kind_ == ast::VarKind::Var ? "var" : "let";
        for (const std::string& n : names) declarations += keyword + " " + n + "; ";
        body += assignments.empty() ? std::string(";") : "void (" + assignments + ");";
        break;
      }
      case ast::NodeKind::FunctionDeclaration: {
        auto* fn = ast::as<ast::Function>(s);
        std::string name(ast::as<ast::Identifier>(fn->id)->name->text);
        declarations += "var " + name + "; ";
        body += name + " = " + text_of(s) + ";";
        break;
      }
      case ast::NodeKind::ClassDeclaration: {
        auto* cls = ast::as<ast::Class>(s);
        std::string name(ast::as<ast::Identifier>(cls->id)->name->text);
        declarations += "let " + name + "; ";
        body += name + " = " + text_of(s) + ";";
        break;
      }
      case ast::NodeKind::ExpressionStatement:
        if (last) {
          body += "return (" + text_of(ast::as<ast::ExpressionStatement>(s)->expression) + ");";
          break;
        }
        [[fallthrough]];
      default: body += text_of(s); break;
    }
  }
  body += wrapped.substr(copied, block->end - 1 - copied);
  std::string out = declarations + "(async () => {" + body + "})()";
  return string_value(vm.new_string(out));
}

}  // namespace

Value repl_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "isRecoverable", is_recoverable, 1);
  vm.define_native(b, "processTopLevelAwait", process_top_level_await, 1);
  return object_value(b);
}

}  // namespace glass::natives
