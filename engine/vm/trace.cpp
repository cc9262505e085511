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

// Whether an instruction writes its A register, read from the opcode
// table's meaning ("r[A] = ...", Call's "like Call", and what Yield/Await
// put there on resume). Reads of A (SetScoped, JumpIfFalse, Return) get no
// "=> rA=" tail, so the trace never shows a write that did not happen.
static bool writes_register_a(const bytecode::OpcodeInfo& info) {
  return info.a == bytecode::Operand::Reg &&
         (info.meaning.starts_with("r[A] =") || info.meaning.starts_with("like Call") ||
          info.meaning.find("on resume r[A] =") != std::string_view::npos);
}

// --trace: one line per executed instruction — the function, the offset,
// the opcode, and each operand (registers with the value they held). The
// line is finished when the next instruction starts, with "=> rA=value" for
// what the instruction wrote (when it wrote a register of the same frame).
//
// The runtime's own JS (sources named "node:...", the way the debugger marks
// them internal) is left out: a script's trace starts at its own first line
// instead of after thousands of bootstrap instructions, and a console.log
// is one Call, not the formatter's inside.
void trace_instruction(Vm& vm, const Frame& f, const Instruction* pc) {
  if (f.tmpl->source_name_utf8.starts_with("node:")) return;
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
    // A register the instruction reads shows its value; the one it writes
    // shows it after, in the "=> rA=" tail.
    bool written = i == 0 && writes_register_a(info);
    if (kinds[i] == bytecode::Operand::Reg)
      line += " r" + std::to_string(ops[i]) + (written ? "" : "=" + trace_value_text(f.regs[ops[i]]));
    else line += " " + std::to_string(ops[i]);
  }
  pending.line = line;
  pending.frame = &f;
  pending.depth = vm.frames().size();
  pending.reg = writes_register_a(info) ? ops[0] : -1;
  if (pc->op() == Opcode::Return) {  // the frame goes away: finish the line now
    std::fprintf(out, "%s\n", line.c_str());
    pending.line.clear();
  }
}

}  // namespace glass
