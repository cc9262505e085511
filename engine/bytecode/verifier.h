// The bytecode verifier: checks a CompiledFunction (and every function
// nested in it) before it runs, so that a compiler bug fails as a clear
// message naming the function and the instruction, never as a VM that reads
// past its registers and corrupts memory.
//
// What holds for code that passes:
//  - every opcode exists, and every operand is in range for its kind: a
//    register (and the run of registers some instructions name by their
//    first, such as a call's arguments) within the frame; a constant, an
//    inline-cache slot or a nested function within its table, and a
//    constant of the kind the instruction reads (PushScope reads a scope
//    layout, NewRegExp a pattern);
//  - every jump lands on an instruction, and no path runs past the end;
//  - heap scopes balance: along every path the scopes this function has
//    pushed form one stack, the same one wherever paths meet (a loop, an
//    if/else, a handler's entry); PopScope and CloneScope never act on a
//    scope the function did not push; a (depth, slot) operand names a slot
//    the scope at that depth has, when its layout is known (the function's
//    own scopes always; an enclosing function's, through NewClosure);
//  - exception handlers are in bounds, nested (innermost first), and the
//    scope depth each restores is at most the depth at every instruction in
//    its range that can throw;
//  - the side tables (positions, break locations, locals, code scopes, eval
//    sites) point into the code.
//
// The VM runs it on each compiled program in debug builds, under
// --gc-stress and with --verify-bytecode (Vm::compile_script); the fuzzers
// run with it. The cost is one pass over the code: linear in its size.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "bytecode/function.h"

namespace glass::bytecode {

struct VerifyError {
  std::string function;     // "outer", "<script>", "(anonymous)"
  SourcePos start;          // where the function begins
  uint32_t pc = 0;          // the offending instruction (or table entry's pc)
  std::string instruction;  // "PopScope", "Call r3, r250, #2": its raw operands
  std::string problem;      // what is wrong, in words

  // "function 'outer' at 1:1, instruction 0025 `PopScope`: ..."
  std::string text() const;
};

// Checks `top` and every function nested in it; the first problem found, or
// nothing when the code is sound.
std::optional<VerifyError> verify(const CompiledFunction& top);

}  // namespace glass::bytecode
