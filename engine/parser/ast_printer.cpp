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

#include <charconv>
#include <string>
#include <vector>

namespace glass {

namespace {

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

void append_hex4(std::string& out, unsigned v) {
  static const char* digits = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

// A JS string (UTF-16, maybe with lone surrogates) as a double-quoted literal.
std::string quote(std::u16string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    char16_t c = s[i];
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
      append_utf8(out, 0x10000 + ((char32_t(c) - 0xD800) << 10) + (s[i + 1] - 0xDC00));
      ++i;
    } else if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x2028 || c == 0x2029) {
      append_hex4(out, c);
    } else {
      append_utf8(out, c);
    }
  }
  return out + "\"";
}

std::string number(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

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
    void operator()(std::string_view name, double value) { add(name, number(value)); }
    void operator()(std::string_view name, std::u16string_view value) { add(name, quote(value)); }
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
