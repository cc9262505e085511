#include "dap/instruction_ref.h"

#include <charconv>
#include <cstdio>

namespace glass::dap {

namespace {

constexpr uint64_t kPcMask = (uint64_t(1) << kPcBits) - 1;
constexpr uint64_t kFunctionMask = (uint64_t(1) << kFunctionBits) - 1;
constexpr uint64_t kScriptLimit = uint64_t(1) << (64 - kPcBits - kFunctionBits);
constexpr int64_t kMaxOffset = int64_t(1) << 32;  // farther than any function reaches

}  // namespace

std::string encode_instruction(const InstructionRef& ref) {
  uint64_t packed = (ref.script << (kPcBits + kFunctionBits)) | (ref.function << kPcBits);
  packed = uint64_t(int64_t(packed) + ref.pc);  // (a pc out of range borrows from or carries into the function bits)
  char text[24];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(packed));
  return text;
}

std::optional<InstructionRef> decode_instruction(const std::string& address, int64_t offset) {
  if (address.size() < 3 || address.size() > 18 || address[0] != '0' || (address[1] != 'x' && address[1] != 'X'))
    return std::nullopt;
  uint64_t packed = 0;
  const char* end = address.data() + address.size();
  auto [at, ec] = std::from_chars(address.data() + 2, end, packed, 16);
  if (ec != std::errc() || at != end) return std::nullopt;
  if (offset > kMaxOffset || offset < -kMaxOffset) return std::nullopt;
  InstructionRef ref;
  ref.script = packed >> (kPcBits + kFunctionBits);
  ref.function = (packed >> kPcBits) & kFunctionMask;
  ref.pc = int64_t(packed & kPcMask) + offset;
  if (ref.script == 0) return std::nullopt;  // script ids start at 1
  return ref;
}

std::optional<InstructionRef> instruction_at(const std::string& function_id, int64_t pc) {
  size_t colon = function_id.find(':');
  if (colon == std::string::npos) return std::nullopt;
  InstructionRef ref;
  const char* text = function_id.data();
  auto [a, e1] = std::from_chars(text, text + colon, ref.script);
  auto [b, e2] = std::from_chars(text + colon + 1, text + function_id.size(), ref.function);
  if (e1 != std::errc() || e2 != std::errc() || a != text + colon || b != text + function_id.size()) return std::nullopt;
  if (ref.script == 0 || ref.script >= kScriptLimit || ref.function > kFunctionMask || pc < 0 || uint64_t(pc) > kPcMask)
    return std::nullopt;
  ref.pc = pc;
  return ref;
}

}  // namespace glass::dap
