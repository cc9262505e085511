// Instruction references: how a bytecode instruction is named in DAP's
// memoryReference, instructionReference, instructionPointerReference and a
// disassembled instruction's address.
//
// DAP wants an address (clients such as VS Code parse it as a number and
// step through it by adding offsets), while the Glass CDP domain names an
// instruction by functionId "<scriptId>:<n>" and pc. One 64-bit number holds
// all three, written in hex ("0x..."):
//
//     bits 40-63: scriptId    bits 20-39: n (function number)    bits 0-19: pc
//
// so consecutive instructions of a function have consecutive addresses, and
// an offset moves by instructions (one address unit is one instruction).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace glass::dap {

struct InstructionRef {
  uint64_t script = 0;
  uint64_t function = 0;
  int64_t pc = 0;  // may leave the function's range after an offset: such an address names no instruction

  std::string function_id() const { return std::to_string(script) + ":" + std::to_string(function); }
};

inline constexpr int kPcBits = 20, kFunctionBits = 20;

// "0x..." for a reference whose pc is in range.
std::string encode_instruction(const InstructionRef& ref);
// The reference an address names, moved by `offset` instructions; nullopt if
// it is not one of ours. The pc may end up out of the function's range.
std::optional<InstructionRef> decode_instruction(const std::string& address, int64_t offset = 0);
// From Glass's functionId ("<scriptId>:<n>") and pc.
std::optional<InstructionRef> instruction_at(const std::string& function_id, int64_t pc);

}  // namespace glass::dap
