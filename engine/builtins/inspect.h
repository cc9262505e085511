// A plain value printer for console.log in the engine (the runtime in
// natives/ replaces it with Node's util.inspect). Close to Node's output for
// everyday values: nested objects to depth 2, quoted strings inside
// containers, [Function: f], errors by their stack, circular references.
#pragma once
#include <string>

#include "vm/vm.h"

namespace glass {

std::string inspect_value(Vm& vm, Value v, int depth = 2);
// console.log's formatting of its arguments (with %s %d %i %f %j %o %O %%).
std::string format_log_arguments(Vm& vm, std::span<const Value> args);
// What an uncaught exception prints (CLI-CONTRACT.md): "Uncaught ", the first
// line of String(error), then the rest of its stack; ends with a newline.
std::string describe_uncaught(Vm& vm, Value error);

}  // namespace glass
