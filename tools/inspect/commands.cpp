#include "inspect/commands.h"

#include <cctype>
#include <cstdlib>

namespace glass::inspect {

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// A quoted string starting at s[i] (its quote); advances i past it.
std::optional<std::string> read_string(const std::string& s, size_t& i) {
  char quote = s[i++];
  std::string out;
  while (i < s.size() && s[i] != quote) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char c = s[++i];
      out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
    } else {
      out += s[i];
    }
    ++i;
  }
  if (i >= s.size()) return std::nullopt;
  ++i;
  return out;
}

// Arguments: numbers and quoted strings separated by commas (in
// parentheses) or by spaces (after the name).
bool read_arguments(const std::string& text, char separator, std::vector<Argument>& out, std::string& error) {
  size_t i = 0;
  while (true) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) return true;
    Argument a;
    if (text[i] == '\'' || text[i] == '"' || text[i] == '`') {
      auto s = read_string(text, i);
      if (!s) {
        error = "unterminated string";
        return false;
      }
      a.is_string = true;
      a.text = *s;
    } else {
      size_t start = i;
      while (i < text.size() && text[i] != separator && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      a.text = text.substr(start, i - start);
      char* end = nullptr;
      a.number = std::strtod(a.text.c_str(), &end);
      if (!end || *end) {  // a bare word: a string (frame up, watch x)
        a.is_string = true;
      }
    }
    out.push_back(std::move(a));
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i < text.size() && text[i] == separator) ++i;
  }
}

}  // namespace

Command parse_command(const std::string& raw) {
  Command c;
  std::string line = trim(raw);
  if (line.empty()) return c;
  // exec EXPR, p EXPR: the rest of the line.
  for (const char* word : {"exec ", "p "}) {
    if (line.starts_with(word)) {
      c.name = "exec";
      c.expression = trim(line.substr(std::string(word).size()));
      return c;
    }
  }
  size_t i = 0;
  if (line[0] == '.') ++i;  // .exit
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_')) ++i;
  c.name = line.substr(0, i);
  if (c.name.empty()) {
    c.error = "not a command: " + line;
    return c;
  }
  std::string rest = trim(line.substr(i));
  if (rest.empty()) return c;
  // The machine's commands take the rest of the line as it is: heap obj.left, gc break, loop check.
  if (c.name == "heap" || c.name == "gc" || c.name == "loop") {
    if (rest.size() >= 2 && rest.front() == '(' && rest.back() == ')') rest = trim(rest.substr(1, rest.size() - 2));
    if (rest.size() >= 2 && (rest.front() == '\'' || rest.front() == '"') && rest.back() == rest.front())
      rest = rest.substr(1, rest.size() - 2);
    c.expression = rest;
    return c;
  }
  if (rest.front() == '(') {
    if (rest.back() != ')') {
      c.error = "missing ')'";
      return c;
    }
    std::string inside = rest.substr(1, rest.size() - 2);
    if (c.name == "exec" || c.name == "p") {  // exec('a + b') or exec(a + b)
      c.name = "exec";
      std::vector<Argument> args;
      std::string ignored;
      std::string t = trim(inside);
      if (!t.empty() && (t[0] == '\'' || t[0] == '"' || t[0] == '`') && read_arguments(t, ',', args, ignored) &&
          args.size() == 1 && args[0].is_string)
        c.expression = args[0].text;
      else
        c.expression = t;
      return c;
    }
    read_arguments(inside, ',', c.args, c.error);
    return c;
  }
  read_arguments(rest, ' ', c.args, c.error);
  return c;
}

}  // namespace glass::inspect
