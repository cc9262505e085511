// --trace: one line per executed instruction (the format is in README.md
// and engine/README.md; golden tests read it).
#include <cstdio>

#include "bytecode/disassembler.h"
#include "parser/display.h"
#include "vm/interpreter_support.h"

namespace glass {

using bytecode::Instruction;
using bytecode::Opcode;

static std::string trace_value_text(Value v) {
  std::string shown;
  if (v.is_empty()) shown = "<empty>";
  else if (v.is_number()) shown = number_to_js_string(v.as_number());
  else if (v.is_string()) shown = quote_js_string(as_string(v)->to_utf16());
  else if (v.is_bigint()) shown = as_bigint(v)->to_string() + "n";
  else if (v.is_object()) shown = is_callable(v) ? "<function>" : "<object>";
  else shown = typeof_name(v);
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  return shown;
}

// --trace: one line per executed instruction — the function, the offset,
// the opcode, and each operand (registers with the value they held). The
// line is finished when the next instruction starts, with "=> rA=value" for
// what the instruction wrote (when it wrote a register of the same frame).
void trace_instruction(Vm& vm, const Frame& f, const Instruction* pc) {
  struct Pending {
    std::string line;
    const Frame* frame = nullptr;
    size_t depth = 0;
    int reg = -1;
  };
  static Pending pending;
  FILE* out = vm.options().trace;
  if (!pending.line.empty()) {
    std::string tail;
    if (pending.reg >= 0 && &f == pending.frame && vm.frames().size() == pending.depth)
      tail = "  => r" + std::to_string(pending.reg) + "=" + trace_value_text(f.regs[pending.reg]);
    std::fprintf(out, "%s%s\n", pending.line.c_str(), tail.c_str());
  }
  const bytecode::CompiledFunction* code = f.tmpl->code;
  uint32_t offset = uint32_t(pc - code->code.data());
  const bytecode::OpcodeInfo& info = bytecode::info(pc->op());
  std::string name = code->name.empty() ? "<anonymous>" : code->name;
  char head[160];
  std::snprintf(head, sizeof head, "[trace] %-12s %4u  %-18.*s", name.c_str(), offset, int(info.name.size()), info.name.data());
  std::string line = head;
  uint16_t ops[3] = {pc->a(), pc->b(), pc->c()};
  bytecode::Operand kinds[3] = {info.a, info.b, info.c};
  for (int i = 0; i < 3; ++i) {
    if (kinds[i] == bytecode::Operand::None) continue;
    if (info.format != bytecode::Format::ABC && i == 1) {
      line += " " + std::to_string(info.format == bytecode::Format::AsBx ? pc->sbx() : int(pc->bx()));
      break;
    }
    if (kinds[i] == bytecode::Operand::Reg) line += " r" + std::to_string(ops[i]) + (i == 0 ? "" : "=" + trace_value_text(f.regs[ops[i]]));
    else line += " " + std::to_string(ops[i]);
  }
  pending.line = line;
  pending.frame = &f;
  pending.depth = vm.frames().size();
  pending.reg = info.a == bytecode::Operand::Reg ? ops[0] : -1;
  if (pc->op() == Opcode::Return) {  // the frame goes away: finish the line now
    std::fprintf(out, "%s  => r%u=%s\n", line.c_str(), ops[0], trace_value_text(f.regs[ops[0]]).c_str());
    pending.line.clear();
  }
}

}  // namespace glass
