// `disassemble`: glass's bytecode (Glass.getBytecode) around an instruction
// reference (instruction_ref.h). Instructions outside the function are
// padded with "invalid" ones, so the answer has as many as asked for.
#include "dap/adapter.h"
#include "dap/instruction_ref.h"

namespace glass::dap {

namespace {

constexpr int64_t kMaxInstructions = 100000;

int64_t integer_arg(const json& args, const char* field, std::optional<int64_t> fallback) {
  auto it = args.find(field);
  if (it == args.end() || it->is_null()) {
    if (fallback) return *fallback;
    throw DapError(std::string("disassemble: \"") + field + "\" (an integer) is required");
  }
  if (!it->is_number_integer()) throw DapError(std::string("disassemble: \"") + field + "\" must be an integer");
  int64_t n = it->get<int64_t>();
  if (n > kMaxInstructions * 1000 || n < -kMaxInstructions * 1000)
    throw DapError(std::string("disassemble: \"") + field + "\" is out of range");
  return n;
}

}  // namespace

json Adapter::on_disassemble(const json& args) {
  require_program();
  if (!args.contains("memoryReference") || !args["memoryReference"].is_string())
    throw DapError("disassemble: \"memoryReference\" (an instruction reference) is required");
  int64_t offset = integer_arg(args, "offset", 0) + integer_arg(args, "instructionOffset", 0);
  int64_t count = integer_arg(args, "instructionCount", std::nullopt);
  if (count < 0 || count > kMaxInstructions) throw DapError("disassemble: \"instructionCount\" must be 0-100000");
  std::optional<InstructionRef> start = decode_instruction(args["memoryReference"].get<std::string>(), offset);
  if (!start) throw DapError("disassemble: '" + args["memoryReference"].get<std::string>() + "' is not an instruction reference of glass");
  std::string function_id = start->function_id();
  if (!bytecode_.contains(function_id)) bytecode_[function_id] = cdp("Glass.getBytecode", {{"functionId", function_id}});
  const json& code = bytecode_[function_id];
  const json& instructions = code.value("instructions", json::array());
  std::string script_id = code.value("scriptId", std::to_string(start->script));
  json out = json::array();
  int last_line = -1;
  for (int64_t i = 0; i < count; ++i) {
    InstructionRef at = *start;
    at.pc += i;
    json entry = {{"address", encode_instruction(at)}};
    if (at.pc < 0 || at.pc >= int64_t(instructions.size())) {
      entry["instruction"] = "";
      entry["presentationHint"] = "invalid";
      out.push_back(std::move(entry));
      continue;
    }
    const json& ins = instructions[size_t(at.pc)];
    entry["instruction"] = ins.value("text", ins.value("opcode", ""));
    if (at.pc == 0) entry["symbol"] = code.value("name", "");
    int line = ins.value("lineNumber", -1);
    if (line >= 0) {
      entry["line"] = line_out(line);
      entry["column"] = column_out(ins.value("columnNumber", 0));
      if (line != last_line) entry["location"] = source_json(script_id);
      last_line = line;
    }
    out.push_back(std::move(entry));
  }
  return {{"instructions", out}};
}

}  // namespace glass::dap
