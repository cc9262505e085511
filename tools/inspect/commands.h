// The command language of `glass inspect`, as `node inspect` users type it:
//   c   next   sb(12)   sb('app.js', 3, 'x > 1')   exec a + b   p a + b
//   exec('a + b')   watch('x')   frame 2   list(3)   .exit
// A command is a name, then either arguments in parentheses (numbers and
// quoted strings) or words after a space; `exec` and `p` take the rest of
// the line as an expression.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace glass::inspect {

struct Argument {
  bool is_string = false;
  std::string text;  // the string, or the number as written
  double number = 0;
};

struct Command {
  std::string name;
  std::vector<Argument> args;
  std::string expression;  // exec / p: what to evaluate
  std::string error;       // non-empty: the line could not be read
};

Command parse_command(const std::string& line);

}  // namespace glass::inspect
