// --print-bytecode: a listing of a CompiledFunction and the functions nested
// in it. Format (stable; tests compare against it):
//
//   function add  params=2 registers=3 @1:1
//     code:
//       0000  2:3  *  Add            r2, r0, r1
//       0001          Return         r2
//     constants:
//       k0  number 1.5
//     ics:
//       ic0  x
//     handlers:
//       [0002, 0005) -> 0006  exception in r3
//
// Each code line: the instruction's index, the source line:column where it
// begins a new position ('*' when it starts a statement), the opcode and its
// operands — rN registers, kN constants (value shown after ';'), icN slots
// (name shown), jump targets as absolute indices (-> 0012).
#pragma once
#include <ostream>
#include <string>

#include "bytecode/function.h"

namespace glass::bytecode {

void disassemble(std::ostream& out, const CompiledFunction& fn);
// One instruction as the listing prints it after its index and position:
// "Add                r2, r0, r1" (and "; what they refer to").
std::string instruction_text(const CompiledFunction& fn, uint32_t pc);

}  // namespace glass::bytecode
