// CompiledFunction's lookups, and the names of its enums.
#include "bytecode/function.h"

#include <algorithm>

namespace glass::bytecode {

const char* variable_kind_name(VariableKind kind) {
  switch (kind) {
#define GLASS_X(name, text) \
  case VariableKind::name: return text;
    GLASS_VARIABLE_KINDS(GLASS_X)
#undef GLASS_X
  }
  return "?";
}

const char* scope_kind_name(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::Function: return "function";
    case ScopeKind::Block: return "block";
    case ScopeKind::Catch: return "catch";
    case ScopeKind::Class: return "class";
    case ScopeKind::With: return "with";
    case ScopeKind::Module: return "module";
    case ScopeKind::Script: return "script";
    case ScopeKind::Eval: return "eval";
  }
  return "?";
}

std::string CompiledFunction::callee_description(uint32_t pc) const {
  for (const auto& [at, name] : callee_names)
    if (at == pc) return name;
  return "expression";
}

const PositionEntry* CompiledFunction::position_of(uint32_t pc) const {
  // The last entry at or before pc (positions are sorted by pc).
  auto after = std::upper_bound(positions.begin(), positions.end(), pc,
                                [](uint32_t at, const PositionEntry& entry) { return at < entry.pc; });
  return after == positions.begin() ? nullptr : &*std::prev(after);
}

const PositionEntry* CompiledFunction::statement_at(uint32_t pc) const {
  auto it = std::lower_bound(statements.begin(), statements.end(), pc,
                             [](const PositionEntry& entry, uint32_t at) { return entry.pc < at; });
  return it != statements.end() && it->pc == pc ? &*it : nullptr;
}

}  // namespace glass::bytecode
