#include "bytecode/emitter.h"

#include <algorithm>

#include <cassert>
#include <cmath>
#include <stdexcept>

namespace glass::bytecode {

uint32_t Emitter::emit(Opcode op, uint16_t a, uint16_t b, uint16_t c) {
  assert(info(op).format == Format::ABC);
  fn_.code.push_back(Instruction::abc(op, a, b, c));
  return pc() - 1;
}

uint32_t Emitter::emit_bx(Opcode op, uint16_t a, uint32_t bx) {
  assert(info(op).format != Format::ABC);
  fn_.code.push_back(Instruction::abx(op, a, bx));
  return pc() - 1;
}

uint32_t Emitter::emit_jump(Opcode op, uint16_t a, Label& label) {
  assert(info(op).b == Operand::Jump);
  uint32_t at = emit_bx(op, a, 0);
  if (label.target != Label::kUnbound) {
    patch(at, label.target);
  } else {
    label.pending.push_back(at);
  }
  return at;
}

void Emitter::bind(Label& label) {
  label.target = pc();
  for (uint32_t at : label.pending) patch(at, label.target);
  label.pending.clear();
}

void Emitter::patch(uint32_t jump_pc, uint32_t target) {
  // Offsets count from the instruction after the jump, as `pc += sBx` reads.
  fn_.code[jump_pc].set_sbx(int32_t(target) - int32_t(jump_pc + 1));
}

uint32_t Emitter::add_constant(const Constant& constant) {
  // Numbers are shared by bit pattern (so 0 and -0 stay apart), strings by content.
  if (constant.kind == Constant::Kind::Number) {
    double key = constant.number;
    if (std::isnan(key)) key = std::nan("");
    if (key == 0 && std::signbit(key)) {
      fn_.constants.push_back(constant);  // -0: never merged with 0
      return uint32_t(fn_.constants.size() - 1);
    }
    auto [it, inserted] = number_constants_.emplace(key, uint32_t(fn_.constants.size()));
    if (inserted) fn_.constants.push_back(constant);
    return it->second;
  }
  if (constant.kind == Constant::Kind::String) {
    auto [it, inserted] = string_constants_.emplace(constant.string, uint32_t(fn_.constants.size()));
    if (inserted) fn_.constants.push_back(constant);
    return it->second;
  }
  fn_.constants.push_back(constant);
  return uint32_t(fn_.constants.size() - 1);
}

// Each access site gets its own cache slot, so that it caches the shapes it
// sees. Past 65,535 slots (operands are 16 bits) sites with the same name
// share one: a cache entry maps a shape to where the name is for that shape,
// so sharing stays correct, only less precise. A function naming more than
// 65,535 different properties or globals is refused.
uint16_t Emitter::add_ic(Atom name) {
  constexpr size_t kMaxSlots = 0xFFFF;
  if (fn_.ics.size() < kMaxSlots) {
    fn_.ics.push_back(IcSlot{std::string(name->text)});
    return uint16_t(fn_.ics.size() - 1);
  }
  if (ic_by_name_.empty())
    for (size_t i = 0; i < fn_.ics.size(); ++i) ic_by_name_.emplace(fn_.ics[i].name, uint16_t(i));
  auto same_name = ic_by_name_.find(std::string(name->text));
  if (same_name == ic_by_name_.end())
    throw std::length_error("more than 65535 different property and global names in one function");
  return same_name->second;
}

uint32_t Emitter::add_function(std::unique_ptr<CompiledFunction> fn) {
  fn_.functions.push_back(std::move(fn));
  return uint32_t(fn_.functions.size() - 1);
}

void Emitter::set_position(const SourcePos& pos, bool statement) {
  PositionEntry entry{pc(), pos.line, pos.column, statement};
  if (statement) {
    // A statement nested at the same instruction (a block's first statement) is the more precise place.
    if (!fn_.statements.empty() && fn_.statements.back().pc == entry.pc) fn_.statements.back() = entry;
    else fn_.statements.push_back(entry);
  }
  if (!fn_.positions.empty() && fn_.positions.back().pc == entry.pc) {
    // Two positions for one instruction: keep the statement mark, take the newer place.
    entry.statement = entry.statement || fn_.positions.back().statement;
    fn_.positions.back() = entry;
    return;
  }
  if (!fn_.positions.empty() && fn_.positions.back().line == entry.line &&
      fn_.positions.back().column == entry.column && !entry.statement)
    return;
  fn_.positions.push_back(entry);
}

}  // namespace glass::bytecode
