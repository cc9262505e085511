// The Emitter: how the compiler writes a CompiledFunction. It appends
// instructions, interns constants and inline-cache slots, records source
// positions, and patches forward jumps once their target is known.
#pragma once
#include <unordered_map>

#include "bytecode/function.h"

namespace glass::bytecode {

// A jump whose target is not known yet (a forward jump), or a position to
// jump back to (a loop head).
struct Label {
  static constexpr uint32_t kUnbound = uint32_t(-1);
  uint32_t target = kUnbound;
  std::vector<uint32_t> pending;  // jumps waiting for bind()
};

class Emitter {
 public:
  explicit Emitter(CompiledFunction& fn) : fn_(fn) {}

  uint32_t pc() const { return uint32_t(fn_.code.size()); }

  // Returns the pc of the new instruction. The operands are checked against
  // the opcode's format in debug builds.
  uint32_t emit(Opcode op, uint16_t a = 0, uint16_t b = 0, uint16_t c = 0);
  uint32_t emit_bx(Opcode op, uint16_t a, uint32_t bx);
  // A jump (Jump, JumpIfTrue, ...) to `label`, bound or not.
  uint32_t emit_jump(Opcode op, uint16_t a, Label& label);
  void bind(Label& label);  // the label's target is the next instruction

  uint32_t add_constant(const Constant& constant);  // equal constants share an entry
  uint16_t add_ic(Atom name);                        // one slot per access site (see emitter.cpp)
  uint32_t add_function(std::unique_ptr<CompiledFunction> fn);

  // Records where the next instruction comes from.
  void set_position(const SourcePos& pos, bool statement);

 private:
  void patch(uint32_t jump_pc, uint32_t target);

  CompiledFunction& fn_;
  std::unordered_map<double, uint32_t> number_constants_;
  std::unordered_map<std::u16string, uint32_t> string_constants_;
  std::unordered_map<std::string, uint16_t> ic_by_name_;  // made when the slots run out
};

}  // namespace glass::bytecode
