#include "bytecode/verifier.h"

#include <cstdio>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace glass::bytecode {

namespace {

// A problem found; caught once, in verify().
struct Failure {
  uint32_t pc;
  std::string problem;
};

[[noreturn]] void fail(uint32_t pc, std::string problem) { throw Failure{pc, std::move(problem)}; }

std::string index4(uint32_t i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04u", i);
  return buf;
}

// The instruction with its raw operands ("Call r3, r250, #2"): the
// disassembler would look its operands up in tables they may not fit.
std::string raw_text(const CompiledFunction& fn, uint32_t pc) {
  if (pc >= fn.code.size()) return "";
  const Instruction ins = fn.code[pc];
  if (int(ins.op()) >= kOpcodeCount) return "opcode " + std::to_string(int(ins.op()));
  const OpcodeInfo& op = info(ins.op());
  std::string out(op.name);
  bool first = true;
  auto add = [&](Operand kind, int64_t value) {
    if (kind == Operand::None) return;
    out += first ? " " : ", ";
    first = false;
    switch (kind) {
      case Operand::Reg: out += "r"; break;
      case Operand::Const: out += "k"; break;
      case Operand::Ic: out += "ic"; break;
      case Operand::Func: out += "f"; break;
      case Operand::Count: out += "#"; break;
      case Operand::Depth: out += "depth "; break;
      case Operand::Slot: out += "slot "; break;
      case Operand::Jump: out += "-> "; value += int64_t(pc) + 1; break;
      default: break;
    }
    out += std::to_string(value);
  };
  add(op.a, ins.a());
  if (op.format == Format::ABC) {
    add(op.b, ins.b());
    add(op.c, ins.c());
  } else {
    add(op.b, op.format == Format::AsBx ? int64_t(ins.sbx()) : int64_t(ins.bx()));
  }
  return out;
}

// Instructions that name a run of registers by its first one (the opcode
// table's meanings: r[A+1], r[B+2] .. r[B+1+C]): which operand, and the
// run's length, `fixed` plus operand C when `plus_c`. Every other Reg
// operand names one register.
struct RegisterRun {
  Opcode op;
  char operand;
  uint32_t fixed;
  bool plus_c;
};
constexpr RegisterRun kRegisterRuns[] = {
    {Opcode::FindName, 'a', 2, false},     {Opcode::MakeClass, 'a', 2, false},
    {Opcode::Yield, 'a', 2, false},        {Opcode::Await, 'a', 2, false},
    {Opcode::GetIterator, 'a', 2, false},  {Opcode::GetAsyncIterator, 'a', 2, false},
    {Opcode::IteratorNext, 'a', 2, false}, {Opcode::IteratorNext, 'b', 2, false},
    {Opcode::IteratorRest, 'b', 2, false}, {Opcode::DefinePrivateAccessor, 'c', 2, false},
    {Opcode::Call, 'b', 2, true},          {Opcode::New, 'b', 2, true},
    {Opcode::CallEval, 'b', 2, true},      {Opcode::CallArray, 'b', 3, false},
    {Opcode::NewSpread, 'b', 3, false},    {Opcode::NewArray, 'b', 0, true},
};

uint32_t register_run(const Instruction ins, char operand) {
  for (const RegisterRun& run : kRegisterRuns)
    if (run.op == ins.op() && run.operand == operand) return run.fixed + (run.plus_c ? ins.c() : 0);
  return 1;
}

// The constant kinds an instruction's Const operand may name.
bool constant_fits(Opcode op, Constant::Kind kind) {
  using K = Constant::Kind;
  switch (op) {
    case Opcode::LoadConst: return kind == K::Number || kind == K::String || kind == K::BigInt;
    case Opcode::PushScope:
    case Opcode::DeclareGlobals:
    case Opcode::DeclareEvalVars:
    case Opcode::PushPrivateNames: return kind == K::Scope;
    case Opcode::NewRegExp: return kind == K::RegExp;
    case Opcode::GetTemplateObject: return kind == K::Template;
    default: return true;
  }
}

// Instructions after which execution does not go on to the next one.
bool ends_path(Opcode op) {
  switch (op) {
    case Opcode::Return:
    case Opcode::AsyncReturn:
    case Opcode::Throw:
    case Opcode::ThrowConstAssign:
    case Opcode::ThrowInvalidAssignment:
    case Opcode::ThrowIteratorNoThrow:
    case Opcode::Jump: return true;
    default: return false;
  }
}

// What the verifier knows of one heap scope: the PushScope constant that
// describes it (or that it is a `with` scope or the module environment),
// and how many slots it has.
struct Layout {
  static constexpr int32_t kWith = -1, kModule = -2;
  static constexpr uint32_t kUnknownSlots = UINT32_MAX;
  int32_t source = 0;
  uint32_t slots = kUnknownSlots;

  std::string text() const {
    if (source == kWith) return "with";
    if (source == kModule) return "module";
    return "k" + std::to_string(source);
  }
};

// The chains of heap scopes a function pushes, each stored once as a node
// pointing at its parent: a state of the flow analysis is one integer, and
// where paths meet their states are equal exactly when the integers are.
class ScopeChains {
 public:
  static constexpr uint32_t kEmpty = 0;
  ScopeChains() { nodes_.push_back(Node{}); }

  uint32_t push(uint32_t chain, Layout layout) {
    auto key = std::make_tuple(chain, layout.source, layout.slots);
    auto [it, added] = index_.try_emplace(key, uint32_t(nodes_.size()));
    if (added) nodes_.push_back(Node{chain, layout, nodes_[chain].depth + 1});
    return it->second;
  }
  uint32_t depth(uint32_t chain) const { return nodes_[chain].depth; }
  uint32_t parent(uint32_t chain) const { return nodes_[chain].parent; }
  const Layout& innermost(uint32_t chain) const { return nodes_[chain].layout; }
  uint32_t pop(uint32_t chain, uint32_t levels) const {
    while (levels--) chain = nodes_[chain].parent;
    return chain;
  }
  std::string text(uint32_t chain) const {
    std::string out;
    for (; chain != kEmpty; chain = parent(chain)) out = " " + innermost(chain).text() + out;
    return "[" + (out.empty() ? out : out.substr(1)) + "]";
  }

 private:
  struct Node {
    uint32_t parent = 0;
    Layout layout;
    uint32_t depth = 0;
  };
  std::vector<Node> nodes_;
  std::map<std::tuple<uint32_t, int32_t, uint32_t>, uint32_t> index_;
};

// The scopes around a function's own, innermost first, as far as they are
// known: a nested function's are its parent's at the NewClosure. When
// `open_ended`, more may follow that the verifier cannot see (the top level
// of a script, eval code or a module: the global or caller's scopes).
struct OuterScopes {
  std::vector<Layout> layouts;
  bool open_ended = true;
  bool operator==(const OuterScopes& o) const {
    if (open_ended != o.open_ended || layouts.size() != o.layouts.size()) return false;
    for (size_t i = 0; i < layouts.size(); ++i)
      if (layouts[i].source != o.layouts[i].source || layouts[i].slots != o.layouts[i].slots) return false;
    return true;
  }
};

// A function waiting to be verified, with what encloses it.
struct Pending {
  const CompiledFunction* fn;
  OuterScopes outer;
};

class FunctionVerifier {
 public:
  FunctionVerifier(const CompiledFunction& fn, const OuterScopes& outer) : fn_(fn), outer_(outer) {}

  // Verifies the function and appends its nested functions to `pending`.
  void run(std::vector<Pending>& pending) {
    check_tables();
    for (uint32_t pc = 0; pc < fn_.code.size(); ++pc) check_operands(pc);
    check_handlers();
    flow();
    // Each nested function with the scopes at the NewClosure that makes it;
    // one made at two sites under different scopes is checked without them.
    for (size_t i = 0; i < fn_.functions.size(); ++i) {
      OuterScopes outer;
      if (auto site = closure_sites_.find(uint32_t(i)); site != closure_sites_.end() && !site->second.second)
        outer = site->second.first;
      pending.push_back(Pending{fn_.functions[i].get(), std::move(outer)});
    }
  }

 private:
  uint32_t size() const { return uint32_t(fn_.code.size()); }

  void check_register(uint32_t pc, uint32_t first, uint32_t count) {
    if (count == 0) return;
    if (uint64_t(first) + count > fn_.register_count)
      fail(pc, (count == 1 ? "register r" + std::to_string(first)
                           : "registers r" + std::to_string(first) + "..r" + std::to_string(first + count - 1)) +
                   " outside the frame of " + std::to_string(fn_.register_count));
  }

  // Operands, each against what its kind says it indexes.
  void check_operands(uint32_t pc) {
    const Instruction ins = fn_.code[pc];
    if (int(ins.op()) >= kOpcodeCount) fail(pc, "no such opcode");
    if (ins.bits() >> 56) fail(pc, "the unused top byte is not zero");
    const OpcodeInfo& op = info(ins.op());
    auto check = [&](Operand kind, char name, uint32_t value) {
      switch (kind) {
        case Operand::Reg: check_register(pc, value, register_run(ins, name)); break;
        case Operand::Const:
          if (value >= fn_.constants.size())
            fail(pc, "constant k" + std::to_string(value) + " outside the pool of " +
                         std::to_string(fn_.constants.size()));
          if (!constant_fits(ins.op(), fn_.constants[value].kind))
            fail(pc, "constant k" + std::to_string(value) + " is not of the kind " + std::string(op.name) + " reads");
          break;
        case Operand::Ic:
          if (value >= fn_.ics.size())
            fail(pc, "cache slot ic" + std::to_string(value) + " outside the " + std::to_string(fn_.ics.size()) +
                         " slots");
          break;
        case Operand::Func:
          if (value >= fn_.functions.size())
            fail(pc, "function f" + std::to_string(value) + " outside the " + std::to_string(fn_.functions.size()) +
                         " nested ones");
          break;
        default: break;  // Imm, Count, Depth, Slot: no table; jumps and scopes are checked by flow()
      }
    };
    check(op.a, 'a', ins.a());
    if (op.format == Format::ABC) {
      check(op.b, 'b', ins.b());
      check(op.c, 'c', ins.c());
    } else if (op.format == Format::ABx) {
      check(op.b, 'b', ins.bx());
    }
  }

  // The side tables point into the code and the frame.
  void check_tables() {
    if (fn_.code.empty()) fail(0, "the function has no code");
    if (fn_.param_count > fn_.register_count) fail(0, "more parameters than registers");
    if (fn_.arguments_register != CompiledFunction::kNoRegister) check_register(0, fn_.arguments_register, 1);
    auto check_positions = [&](const std::vector<PositionEntry>& entries, const char* what) {
      for (size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].pc >= size()) fail(entries[i].pc, std::string(what) + " entry past the code");
        if (i && entries[i].pc < entries[i - 1].pc) fail(entries[i].pc, std::string(what) + " out of order");
      }
    };
    check_positions(fn_.positions, "position");
    check_positions(fn_.statements, "break location");
    for (const LocalVariable& local : fn_.locals) {
      check_register(local.start_pc, local.reg, 1);
      if (local.start_pc > local.end_pc || local.end_pc > size())
        fail(local.start_pc, "the range of local '" + local.name + "' is not within the code");
      if (local.scope >= fn_.scopes.size()) fail(local.start_pc, "local '" + local.name + "' names no code scope");
    }
    for (size_t i = 0; i < fn_.scopes.size(); ++i) {
      const CodeScope& scope = fn_.scopes[i];
      if (scope.start_pc > scope.end_pc || scope.end_pc > size())
        fail(scope.start_pc, "code scope " + std::to_string(i) + " is not within the code");
      if (scope.parent >= int32_t(i)) fail(scope.start_pc, "code scope " + std::to_string(i) + " follows its parent");
    }
    for (const EvalSite& site : fn_.eval_sites)
      if (site.pc >= size() || fn_.code[site.pc].op() != Opcode::CallEval)
        fail(site.pc, "an eval site that is not a CallEval");
    for (const auto& [pc, name] : fn_.callee_names)
      if (pc >= size()) fail(pc, "callee name '" + name + "' past the code");
  }

  // Handlers: in bounds, and nested with the innermost listed first. Also
  // records, for each instruction, the innermost handler covering it and,
  // for each handler, the next one out.
  void check_handlers() {
    const auto& handlers = fn_.handlers;
    innermost_handler_.assign(size(), kNone);
    enclosing_handler_.assign(handlers.size(), kNone);
    for (size_t i = handlers.size(); i-- > 0;) {  // outermost first
      const Handler& h = handlers[i];
      if (h.start > h.end || h.end > size()) fail(h.start, "handler " + std::to_string(i) + "'s range is not within the code");
      if (h.handler >= size()) fail(h.start, "handler " + std::to_string(i) + " continues past the code");
      check_register(h.handler, h.reg, 1);
      if (h.start == h.end) continue;
      uint32_t outside = innermost_handler_[h.start];
      for (uint32_t pc = h.start; pc < h.end; ++pc) {
        if (innermost_handler_[pc] != outside)
          fail(pc, "handler " + std::to_string(i) + " overlaps handler " + std::to_string(innermost_handler_[pc]) +
                       " without nesting in it (or is listed after a handler inside it)");
        innermost_handler_[pc] = uint32_t(i);
      }
      enclosing_handler_[i] = outside;
    }
  }

  // Walks every path from the entry, carrying the chain of heap scopes the
  // function has pushed; checks scope operands against it and that paths
  // meet with equal chains.
  void flow() {
    state_.assign(size(), kUnvisited);
    reach(0, 0, ScopeChains::kEmpty);
    while (!worklist_.empty()) {
      uint32_t pc = worklist_.back();
      worklist_.pop_back();
      uint32_t chain = state_[pc];
      const Instruction ins = fn_.code[pc];
      const OpcodeInfo& op = info(ins.op());
      // An exception here goes to each handler covering it, with the scopes
      // above its depth popped — from an instruction that can throw (the
      // table's T and R flags): a `continue` out of a catch block may pop
      // its scope and jump while still inside the try's range.
      const bool throws = op.flags & (kT | kR);
      for (uint32_t h = throws ? innermost_handler_[pc] : kNone; h != kNone; h = enclosing_handler_[h]) {
        const Handler& handler = fn_.handlers[h];
        if (handler.scope_depth > chains_.depth(chain))
          fail(pc, "handler " + std::to_string(h) + " restores " + std::to_string(handler.scope_depth) +
                       " heap scopes, but only " + std::to_string(chains_.depth(chain)) + " are pushed here");
        reach(pc, handler.handler, chains_.pop(chain, chains_.depth(chain) - handler.scope_depth));
      }
      chain = scope_effect(pc, ins, chain);
      if (op.a == Operand::None && op.b == Operand::Jump) {  // unconditional
        reach(pc, jump_target(pc, ins), chain);
      } else if (op.b == Operand::Jump) {
        reach(pc, jump_target(pc, ins), chain);
        reach(pc, pc + 1, chain);
      } else if (!ends_path(ins.op())) {
        reach(pc, pc + 1, chain);
      }
    }
  }

  uint32_t jump_target(uint32_t pc, Instruction ins) {
    int64_t target = int64_t(pc) + 1 + ins.sbx();
    if (target < 0 || target >= int64_t(size())) fail(pc, "jumps outside the code");
    return uint32_t(target);
  }

  void reach(uint32_t from, uint32_t to, uint32_t chain) {
    if (to >= size()) fail(from, "execution runs past the last instruction");
    if (state_[to] == kUnvisited) {
      state_[to] = chain;
      worklist_.push_back(to);
    } else if (state_[to] != chain) {
      fail(to, "paths meet here with different heap scopes: " + chains_.text(state_[to]) + " and " +
                   chains_.text(chain));
    }
  }

  // What the instruction does to the chain, after checking its scope operands.
  uint32_t scope_effect(uint32_t pc, Instruction ins, uint32_t chain) {
    switch (ins.op()) {
      case Opcode::PushScope:
        return chains_.push(chain, Layout{int32_t(ins.bx()), uint32_t(fn_.constants[ins.bx()].names.size())});
      case Opcode::PushWithScope: return chains_.push(chain, Layout{Layout::kWith, 0});
      case Opcode::EnterModuleScope:
        return chains_.push(chain, Layout{Layout::kModule, fn_.module ? uint32_t(fn_.module->environment.names.size())
                                                                     : Layout::kUnknownSlots});
      case Opcode::PopScope:
        if (chains_.depth(chain) == 0) fail(pc, "pops a heap scope this function did not push");
        return chains_.parent(chain);
      case Opcode::CloneScope:
        if (chains_.depth(chain) == 0) fail(pc, "copies a heap scope this function did not push");
        if (chains_.innermost(chain).source < 0) fail(pc, "copies a scope that is not a block's");
        return chain;
      case Opcode::GetScoped:
      case Opcode::SetScoped:
      case Opcode::GetImport: check_slot(pc, chain, ins.b(), ins.c()); return chain;
      case Opcode::DeclareEvalVars: check_slot(pc, chain, ins.a(), Layout::kUnknownSlots); return chain;
      case Opcode::FindName:
        if (ins.c()) check_slot(pc, chain, ins.c() - 1u, Layout::kUnknownSlots);
        return chain;
      case Opcode::NewClosure: remember_closure_site(ins.bx(), chain); return chain;
      default: return chain;
    }
  }

  // The scope `depth` levels out has slot `slot` (kUnknownSlots: just that
  // the scope exists), as far as its layout is known.
  void check_slot(uint32_t pc, uint32_t chain, uint32_t depth, uint32_t slot) {
    const uint32_t own = chains_.depth(chain);
    const Layout* layout;
    if (depth < own) {
      layout = &chains_.innermost(chains_.pop(chain, depth));
    } else if (depth - own < outer_.layouts.size()) {
      layout = &outer_.layouts[depth - own];
    } else {
      if (outer_.open_ended) return;  // a scope around the code the verifier cannot see
      fail(pc, "depth " + std::to_string(depth) + " reaches past the " +
                   std::to_string(own + outer_.layouts.size()) + " scopes around this code");
    }
    if (slot != Layout::kUnknownSlots && layout->slots != Layout::kUnknownSlots && slot >= layout->slots)
      fail(pc, "slot " + std::to_string(slot) + " of a scope (" + layout->text() + ") with " +
                   std::to_string(layout->slots) + " slots");
  }

  void remember_closure_site(uint32_t index, uint32_t chain) {
    OuterScopes outer{{}, outer_.open_ended};
    for (uint32_t c = chain; c != ScopeChains::kEmpty; c = chains_.parent(c)) outer.layouts.push_back(chains_.innermost(c));
    outer.layouts.insert(outer.layouts.end(), outer_.layouts.begin(), outer_.layouts.end());
    auto [it, added] = closure_sites_.try_emplace(index, std::move(outer), false);
    if (!added && !(it->second.first == outer)) it->second.second = true;  // made under two different chains
  }

  static constexpr uint32_t kNone = UINT32_MAX, kUnvisited = UINT32_MAX;
  const CompiledFunction& fn_;
  const OuterScopes& outer_;
  ScopeChains chains_;
  std::vector<uint32_t> state_;  // per instruction: the chain on entry, or kUnvisited
  std::vector<uint32_t> worklist_;
  std::vector<uint32_t> innermost_handler_, enclosing_handler_;
  std::map<uint32_t, std::pair<OuterScopes, bool>> closure_sites_;  // function index -> (scopes, conflicting)
};

}  // namespace

std::string VerifyError::text() const {
  std::string out = "function '" + (function.empty() ? std::string("(anonymous)") : function) + "' at " +
                    std::to_string(start.line) + ":" + std::to_string(start.column) + ", instruction " + index4(pc);
  if (!instruction.empty()) out += " `" + instruction + "`";
  return out + ": " + problem;
}

std::optional<VerifyError> verify(const CompiledFunction& top) {
  // An explicit worklist rather than recursion: nesting may be deep.
  std::vector<Pending> pending{Pending{&top, OuterScopes{}}};
  while (!pending.empty()) {
    Pending next = std::move(pending.back());
    pending.pop_back();
    try {
      FunctionVerifier(*next.fn, next.outer).run(pending);
    } catch (const Failure& failure) {
      return VerifyError{next.fn->name, next.fn->start, failure.pc, raw_text(*next.fn, failure.pc), failure.problem};
    }
  }
  return std::nullopt;
}

}  // namespace glass::bytecode
