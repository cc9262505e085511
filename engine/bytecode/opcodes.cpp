#include "opcodes.h"

namespace glass::bytecode {

namespace {
constexpr OpcodeInfo kInfo[] = {
#define GLASS_OPCODE_INFO(name, format, a, b, c, flags, meaning) \
  {#name, Format::format, Operand::a, Operand::b, Operand::c, uint8_t(flags), meaning},
    GLASS_OPCODES(GLASS_OPCODE_INFO)
#undef GLASS_OPCODE_INFO
};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == size_t(kOpcodeCount));
}  // namespace

const OpcodeInfo& info(Opcode op) { return kInfo[size_t(op)]; }

}  // namespace glass::bytecode
