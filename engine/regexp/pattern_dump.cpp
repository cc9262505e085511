// dump_pattern: the pattern tree as indented text, one node per line, for
// tests and debugging. Iterative, so a deeply nested tree cannot overflow
// the C++ stack.
#include <cstdio>
#include <utility>
#include <vector>

#include "regexp/pattern.h"

namespace glass::regexp {
namespace {

std::string show_char(char32_t c) {
  char buf[16];
  if (c >= 0x20 && c < 0x7F && c != '\'') {
    std::snprintf(buf, sizeof buf, "'%c'", static_cast<char>(c));
  } else {
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  }
  return buf;
}

std::string show_utf16(std::u16string_view s) {
  std::string out;
  for (char16_t c : s) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return out;
}

std::string show_modifiers(const Modifiers& m) {
  std::string s;
  if (m.ignoreCase) s += 'i';
  if (m.multiline) s += 'm';
  if (m.dotAll) s += 's';
  return s;
}

const char* assertion_name(AssertionKind k) {
  switch (k) {
    case AssertionKind::Start: return "^";
    case AssertionKind::End: return "$";
    case AssertionKind::WordBoundary: return "\\b";
    case AssertionKind::NotWordBoundary: return "\\B";
    case AssertionKind::Lookahead: return "(?=";
    case AssertionKind::NegativeLookahead: return "(?!";
    case AssertionKind::Lookbehind: return "(?<=";
    case AssertionKind::NegativeLookbehind: return "(?<!";
  }
  return "?";
}

std::string describe(const Pattern& p, const Node& n) {
  switch (n.kind) {
    case NodeKind::Disjunction: return "Disjunction";
    case NodeKind::Alternative: return "Alternative";
    case NodeKind::Group: {
      std::string s = "Group";
      if (n.capture_index != 0) s += " #" + std::to_string(n.capture_index);
      if (!p.name(n).empty()) s += " <" + show_utf16(p.name(n)) + ">";
      if (n.add_modifiers.any() || n.remove_modifiers.any()) {
        s += " (?" + show_modifiers(n.add_modifiers);
        if (n.remove_modifiers.any()) s += "-" + show_modifiers(n.remove_modifiers);
        s += ":";
      }
      return s;
    }
    case NodeKind::Assertion: return std::string("Assertion ") + assertion_name(n.assertion);
    case NodeKind::Quantifier: {
      std::string s = "Quantifier {" + std::to_string(n.min) + ",";
      s += n.max == Node::kUnbounded ? "inf" : std::to_string(n.max);
      s += n.greedy ? "}" : "}?";
      return s;
    }
    case NodeKind::Char: return "Char " + show_char(n.value);
    case NodeKind::Any: return "Any";
    case NodeKind::Backreference:
      if (!p.name(n).empty()) {
        std::string s = "Backreference <" + show_utf16(p.name(n)) + ">";
        for (uint32_t g : p.groups(n)) s += " #" + std::to_string(g);
        return s;
      }
      return "Backreference #" + std::to_string(n.capture_index);
    case NodeKind::ClassEscape: {
      static const char* names[] = {"\\d", "\\D", "\\s", "\\S", "\\w", "\\W"};
      return std::string("ClassEscape ") + names[static_cast<int>(n.escape)];
    }
    case NodeKind::Property: {
      std::string s = n.negated ? "Property \\P{" : "Property \\p{";
      const Property& property = p.property(n);
      s += property.name;
      if (!property.value.empty()) s += "=" + property.value;
      return s + "}";
    }
    case NodeKind::Class: {
      std::string s = "Class";
      if (n.negated) s += " ^";
      if (n.class_op == ClassOp::Intersection) s += " &&";
      if (n.class_op == ClassOp::Subtraction) s += " --";
      if (n.may_contain_strings) s += " strings";
      return s;
    }
    case NodeKind::ClassRange: return "ClassRange " + show_char(n.value) + "-" + show_char(n.value2);
    case NodeKind::ClassStrings: return "ClassStrings";
    case NodeKind::ClassString: {
      std::string s = "ClassString \"";
      for (char32_t c : p.text(n)) {
        if (c >= 0x20 && c < 0x7F) {
          s.push_back(static_cast<char>(c));
        } else {
          s += show_char(c);
        }
      }
      return s + "\"";
    }
  }
  return "?";
}

}  // namespace

std::string dump_pattern(const Pattern& pattern) {
  std::string out;
  if (pattern.root == kNoNode) return out;
  std::vector<std::pair<NodeId, size_t>> stack{{pattern.root, 0}};
  while (!stack.empty()) {
    auto [id, depth] = stack.back();
    stack.pop_back();
    const Node& n = pattern.nodes[id];
    out.append(depth * 2, ' ');
    out += describe(pattern, n);
    out += '\n';
    auto children = pattern.children(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.emplace_back(*it, depth + 1);
  }
  return out;
}

}  // namespace glass::regexp
