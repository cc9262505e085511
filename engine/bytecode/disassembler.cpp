#include "bytecode/disassembler.h"

#include <cstdio>
#include <string>

#include "parser/display.h"

namespace glass::bytecode {

namespace {

std::string index4(uint32_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u", i);
  return buf;
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

std::string constant_text(const Constant& k) {
  switch (k.kind) {
    case Constant::Kind::Number: return "number " + number_to_js_string(k.number);
    case Constant::Kind::String: return "string " + quote_js_string(k.string);
    case Constant::Kind::BigInt: return "bigint " + k.text + "n";
    case Constant::Kind::RegExp: return "regexp " + quote_js_string(k.string) + " flags " + k.text;
    case Constant::Kind::Scope: {
      // A heap scope's layout: "scope (block) [let x, const y]"; private names have no kinds.
      std::string out = "scope ";
      if (!k.slot_kinds.empty()) out += std::string("(") + scope_kind_name(k.scope_kind) + ") ";
      out += "[";
      for (size_t i = 0; i < k.names.size(); ++i) {
        out += i ? ", " : "";
        if (i < k.slot_kinds.size()) out += std::string(variable_kind_name(k.slot_kinds[i])) + " ";
        out += k.names[i];
      }
      return out + "]";
    }
    case Constant::Kind::Template: {
      std::string out = "template [";
      for (size_t i = 0; i < k.raw.size(); ++i) out += (i ? ", " : "") + quote_js_string(k.raw[i]);
      return out + "]";
    }
  }
  return "?";
}

// The operands of one instruction, and a comment with what they refer to.
void operands(const CompiledFunction& fn, uint32_t pc, std::string& text, std::string& comment) {
  const Instruction ins = fn.code[pc];
  const OpcodeInfo& op = info(ins.op());
  auto add = [&](Operand kind, uint32_t value, int32_t signed_value) {
    if (kind == Operand::None) return;
    if (!text.empty()) text += ", ";
    switch (kind) {
      case Operand::Reg: text += "r" + std::to_string(value); break;
      case Operand::Const:
        text += "k" + std::to_string(value);
        if (value < fn.constants.size()) comment += constant_text(fn.constants[value]);
        break;
      case Operand::Ic:
        text += "ic" + std::to_string(value);
        if (value < fn.ics.size()) comment += fn.ics[value].name;
        break;
      case Operand::Jump: text += "-> " + index4(uint32_t(int32_t(pc) + 1 + signed_value)); break;
      case Operand::Imm: text += std::to_string(signed_value); break;
      case Operand::Func:
        text += "f" + std::to_string(value);
        if (value < fn.functions.size())
          comment += "function " + (fn.functions[value]->name.empty() ? std::string("(anonymous)") : fn.functions[value]->name);
        break;
      case Operand::Count: text += "#" + std::to_string(value); break;
      case Operand::Depth: text += "depth " + std::to_string(value); break;
      case Operand::Slot: text += "slot " + std::to_string(value); break;
      case Operand::None: break;
    }
  };
  if (op.format == Format::ABC) {
    add(op.a, ins.a(), ins.a());
    add(op.b, ins.b(), ins.b());
    add(op.c, ins.c(), ins.c());
  } else {
    add(op.a, ins.a(), ins.a());
    add(op.b, ins.bx(), ins.sbx());
  }
}

// The locals table: each lexical scope of the code with the variables it
// keeps in registers, nested as in the source.
void print_scopes(std::ostream& out, const CompiledFunction& fn) {
  if (fn.scopes.empty()) return;
  out << "  scopes:\n";
  for (size_t i = 0; i < fn.scopes.size(); ++i) {
    const CodeScope& scope = fn.scopes[i];
    int depth = 0;
    for (int p = scope.parent; p >= 0; p = fn.scopes[size_t(p)].parent) ++depth;
    std::string indent(size_t(4 + 2 * depth), ' ');
    out << indent << pad(scope_kind_name(scope.kind), 9) << "[" << index4(scope.start_pc) << ", "
        << index4(scope.end_pc) << ")";
    if (scope.heap_depth) out << "  heap scope " << scope.heap_depth;
    out << "\n";
    for (const LocalVariable& v : fn.locals)
      if (v.scope == i)
        out << indent << "  " << pad("r" + std::to_string(v.reg), 5) << pad(variable_kind_name(v.kind), 10) << v.name
            << "\n";
  }
}

void disassemble_one(std::ostream& out, const CompiledFunction& fn) {
  out << "function " << (fn.name.empty() ? "(anonymous)" : fn.name) << "  params=" << fn.param_count
      << " registers=" << fn.register_count << " @" << fn.start.line << ":" << fn.start.column;
  if (fn.strict) out << " strict";
  if (fn.is_arrow) out << " arrow";
  if (fn.is_async) out << " async";
  if (fn.is_generator) out << " generator";
  out << "\n  code:\n";
  size_t next_position = 0;
  for (uint32_t pc = 0; pc < fn.code.size(); ++pc) {
    std::string where;
    if (next_position < fn.positions.size() && fn.positions[next_position].pc == pc) {
      const PositionEntry& p = fn.positions[next_position++];
      where = std::to_string(p.line) + ":" + std::to_string(p.column) + (p.statement ? "  *" : "");
    }
    std::string text, comment;
    operands(fn, pc, text, comment);
    std::string line = "    " + index4(pc) + "  " + pad(where, 10) + pad(std::string(info(fn.code[pc].op()).name), 19) + text;
    if (!comment.empty()) line = pad(line, 60) + "; " + comment;
    out << line << "\n";
  }
  print_scopes(out, fn);
  if (!fn.constants.empty()) {
    out << "  constants:\n";
    for (size_t i = 0; i < fn.constants.size(); ++i)
      out << "    k" << i << "  " << constant_text(fn.constants[i]) << "\n";
  }
  if (!fn.ics.empty()) {
    out << "  ics:\n";
    for (size_t i = 0; i < fn.ics.size(); ++i)
      out << "    ic" << i << "  " << fn.ics[i].name << "\n";
  }
  if (!fn.handlers.empty()) {
    out << "  handlers:\n";
    for (const Handler& h : fn.handlers)
      out << "    [" << index4(h.start) << ", " << index4(h.end) << ") -> " << index4(h.handler)
          << "  exception in r" << h.reg
          << (h.kind == Handler::Kind::Rethrow ? "  (rethrows)" : h.kind == Handler::Kind::AsyncFunction ? "  (rejects)" : "")
          << "\n";
  }
}

}  // namespace

std::string instruction_text(const CompiledFunction& fn, uint32_t pc) {
  if (pc >= fn.code.size()) return "";
  std::string text, comment;
  operands(fn, pc, text, comment);
  std::string line = pad(std::string(info(fn.code[pc].op()).name), 19) + text;
  if (!comment.empty()) line = pad(line, 40) + "; " + comment;
  return line;
}

void disassemble(std::ostream& out, const CompiledFunction& fn) {
  disassemble_one(out, fn);
  for (const auto& nested : fn.functions) {
    out << "\n";
    disassemble(out, *nested);
  }
}

}  // namespace glass::bytecode
