// The emitter writes what the compiler asks for (jumps patched, constants
// shared), and the disassembler prints it in the documented format.
#include <sstream>

#include <doctest/doctest.h>

#include "bytecode/disassembler.h"
#include "bytecode/emitter.h"

using namespace glass::bytecode;

TEST_CASE("emitter: forward and backward jumps are patched relative to the next instruction") {
  CompiledFunction fn;
  Emitter e(fn);
  Label loop, done;
  e.bind(loop);                                          // 0: loop head
  e.emit_jump(Opcode::JumpIfFalse, 0, done);             // 0: forward, unknown yet
  e.emit(Opcode::Increment, 0, 0);                       // 1
  e.emit_jump(Opcode::Jump, 0, loop);                    // 2: backward, known
  e.bind(done);                                          // 3
  e.emit(Opcode::Return, 0);
  CHECK(fn.code[0].sbx() == 2);   // 0 + 1 + 2 = 3
  CHECK(fn.code[2].sbx() == -3);  // 2 + 1 - 3 = 0
  CHECK(done.pending.empty());
}

TEST_CASE("emitter: equal constants share a slot, but 0 and -0 do not") {
  CompiledFunction fn;
  Emitter e(fn);
  CHECK(e.add_constant(Constant::of_number(1.5)) == 0);
  CHECK(e.add_constant(Constant::of_string(u"a")) == 1);
  CHECK(e.add_constant(Constant::of_number(1.5)) == 0);
  CHECK(e.add_constant(Constant::of_string(u"a")) == 1);
  CHECK(e.add_constant(Constant::of_number(0.0)) == 2);
  CHECK(e.add_constant(Constant::of_number(-0.0)) == 3);
  CHECK(fn.constants.size() == 4);
}

TEST_CASE("disassembler: the documented listing format") {
  glass::AtomTable atoms;
  CompiledFunction fn;
  fn.name = "f";
  fn.param_count = 1;
  fn.register_count = 3;
  fn.start = glass::SourcePos{0, 1, 1};
  Emitter e(fn);
  e.set_position(glass::SourcePos{10, 2, 3}, true);
  e.emit_bx(Opcode::LoadConst, 1, e.add_constant(Constant::of_string(u"hi")));
  e.emit(Opcode::GetNamed, 2, 0, e.add_ic(atoms.intern("length")));
  Label skip;
  e.emit_jump(Opcode::JumpIfFalse, 2, skip);
  e.bind(skip);
  e.set_position(glass::SourcePos{30, 3, 3}, true);
  e.emit(Opcode::Return, 2);
  std::ostringstream out;
  disassemble(out, fn);
  CHECK(out.str() ==
        "function f  params=1 registers=3 @1:1\n"
        "  code:\n"
        "    0000  2:3  *    LoadConst          r1, k0               ; string \"hi\"\n"
        "    0001            GetNamed           r2, r0, ic0          ; length\n"
        "    0002            JumpIfFalse        r2, -> 0003\n"
        "    0003  3:3  *    Return             r2\n"
        "  constants:\n"
        "    k0  string \"hi\"\n"
        "  ics:\n"
        "    ic0  length\n");
  CHECK(fn.position_of(2)->line == 2);
  CHECK(fn.position_of(3)->line == 3);
}
