// The opcode table is consistent, and instructions encode and decode.
#include <set>
#include <string>

#include <doctest/doctest.h>

#include "bytecode/opcodes.h"

using namespace glass::bytecode;

TEST_CASE("opcode table: unique names, operands that fit the format, a meaning for each") {
  std::set<std::string_view> names;
  for (int i = 0; i < kOpcodeCount; ++i) {
    const OpcodeInfo& op = info(Opcode(i));
    CAPTURE(op.name);
    CHECK(names.insert(op.name).second);
    CHECK_FALSE(op.meaning.empty());
    if (op.format != Format::ABC) CHECK(op.c == Operand::None);  // Bx uses B and C together
    if (op.format == Format::AsBx) CHECK((op.b == Operand::Jump || op.b == Operand::Imm));
    if (op.b == Operand::Jump) CHECK((op.flags & kJ) != 0);
  }
  CHECK(info(Opcode::Add).name == "Add");
  CHECK(info(Opcode::Debugger).name == "Debugger");
}

TEST_CASE("instructions: operands round-trip in each format") {
  Instruction abc = Instruction::abc(Opcode::Add, 65535, 1, 40000);
  CHECK(abc.op() == Opcode::Add);
  CHECK(abc.a() == 65535);
  CHECK(abc.b() == 1);
  CHECK(abc.c() == 40000);

  Instruction abx = Instruction::abx(Opcode::LoadConst, 7, 0xFFFFFFFFu);
  CHECK(abx.op() == Opcode::LoadConst);
  CHECK(abx.a() == 7);
  CHECK(abx.bx() == 0xFFFFFFFFu);

  Instruction jump = Instruction::asbx(Opcode::JumpIfFalse, 3, -123456);
  CHECK(jump.sbx() == -123456);
  CHECK(jump.a() == 3);
  jump.set_sbx(98765);  // patching a forward jump keeps opcode and A
  CHECK(jump.sbx() == 98765);
  CHECK(jump.op() == Opcode::JumpIfFalse);
  CHECK(jump.a() == 3);
}
