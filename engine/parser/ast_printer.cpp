// --print-ast. One node per line, children indented under their parent:
//
//   Program sourceType=script
//     body[0]: VariableDeclaration kind=const @1:1
//       declarations[0]: VariableDeclarator @1:7
//         id: Identifier name=x @1:7
//         init: BinaryExpression operator="+" @1:11
//
// A node's scalar fields are printed inline as name=value (false booleans
// and empty values are left out); its child nodes follow on their own lines,
// labelled with the field they sit in. Field names and order are the
// node's `fields()` list, i.e. ESTree's.
#include "ast_printer.h"

#include "display.h"

#include <string>
#include <vector>

namespace glass {

namespace {

class Printer {
 public:
  explicit Printer(std::ostream& out) : out_(out) {}

  void node(ast::Node* n, const std::string& label, int depth) {
    std::string line(depth * 2, ' ');
    if (!label.empty()) line += label + ": ";
    line += std::string(ast::kind_name(n->kind));
    std::vector<std::pair<std::string, ast::Node*>> children;
    ast::visit(n, [&](auto* typed) { typed->fields(FieldCollector{line, children}); });
    if (n->parenthesized) line += " parenthesized";
    if (n->kind != ast::NodeKind::Program)
      line += " @" + std::to_string(n->start.line) + ":" + std::to_string(n->start.column);
    out_ << line << '\n';
    for (auto& [name, child] : children) {
      if (child) node(child, name, depth + 1);
      else out_ << std::string((depth + 1) * 2, ' ') << name << ": (hole)\n";
    }
  }

 private:
  // Scalars go on the node's line; children are collected for the lines below.
  struct FieldCollector {
    std::string& line;
    std::vector<std::pair<std::string, ast::Node*>>& children;

    void operator()(std::string_view name, ast::Node* child) {
      if (child) children.emplace_back(std::string(name), child);
    }
    void operator()(std::string_view name, const ast::NodeList& list) {
      for (uint32_t i = 0; i < list.size(); ++i)
        children.emplace_back(std::string(name) + "[" + std::to_string(i) + "]", list[i]);
    }
    void operator()(std::string_view name, Atom atom) {
      if (atom) add(name, std::string(atom->text));
    }
    void operator()(std::string_view name, bool value) {
      if (value) line += " " + std::string(name);
    }
    void operator()(std::string_view name, double value) { add(name, number_to_js_string(value)); }
    void operator()(std::string_view name, std::u16string_view value) { add(name, quote_js_string(value)); }
    void operator()(std::string_view name, std::string_view value) {
      if (!value.empty()) add(name, std::string(value));
    }
    template <class Op>
      requires std::is_enum_v<Op>
    void operator()(std::string_view name, Op op) {
      if constexpr (std::is_same_v<Op, ast::VarKind> || std::is_same_v<Op, ast::PropertyKind> ||
                    std::is_same_v<Op, ast::MethodKind>)
        add(name, std::string(ast::kind_text(op)));
      else
        add(name, "\"" + std::string(ast::op_text(op)) + "\"");
    }
    void add(std::string_view name, const std::string& value) {
      line += " " + std::string(name) + "=" + value;
    }
  };

  std::ostream& out_;
};

}  // namespace

void print_ast(std::ostream& out, const Source& source, ast::Program* program) {
  (void)source;
  Printer(out).node(program, "", 0);
}

}  // namespace glass
