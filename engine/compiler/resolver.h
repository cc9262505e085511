// The variable resolver: where each name lives at run time.
//
// The early-errors pass (parser/scope.h) says which names each scope
// declares. The bytecode compiler needs more: for every identifier it emits
// code for, whether the value is in a register of the current frame, in a
// slot of a heap "scope" object (because a closure can outlive the frame), on
// the global object, in a module's import, or somewhere only a by-name lookup
// at run time can find (`with`, sloppy direct `eval`). This file computes
// that once, before code generation, in four steps (resolver.cpp):
//
//   1. walk the tree alongside the ScopeTree, finding each reference's
//      static binding (§9.1.2.1 GetIdentifierReference, done at compile time)
//      and noting closures, `with`, direct eval, `arguments` and `this`;
//   2. mark bindings *captured* when a different function (closure, arrow,
//      method, class field initializer, static block) references them, or
//      when direct eval / `with` may reach them by name;
//   3. give each function's uncaptured bindings registers (parameters first,
//      §10.2.11 FunctionDeclarationInstantiation) and each scope's captured
//      bindings slots in that scope's heap object;
//   4. turn each reference into a Resolution: r3, scope(depth).slot, global,
//      or import, marked dynamic when a `with` object or a sloppy eval's vars
//      may shadow it at run time.
//
// A `with` statement's body runs in one more heap scope (holding the object),
// so depths count the `with` statements crossed as well as heap scopes.
//
// `print_scopes` (resolver_printer.cpp) shows the result for learners.
#pragma once
#include <cstdint>
#include <deque>
#include <iosfwd>
#include <unordered_map>
#include <vector>

#include "bytecode/function.h"
#include "parser/ast.h"
#include "parser/scope.h"

namespace glass {

// How the compiler reaches one identifier (or `this` / `new.target` inside an
// arrow, which read the enclosing function's copies).
struct Resolution {
  enum Kind : uint8_t {
    Local,    // r[index] of the current frame
    Scoped,   // slot `index` of the heap scope `depth` levels out from the current one
    Global,   // a property of the global object, or (global_lexical) a top-level
              // let/const/class of a script (the global declarative record)
    Import,   // a module import: slot `index` of the module environment, `depth` scopes out,
              // holds the link to the exported binding (GetImport follows it)
  };
  // Dynamic: before the static place above, look the name up at run time in
  // the `with` objects and sloppy-eval var objects of the innermost
  // `dynamic_depth` heap scopes (kWholeChain: all of them), which may shadow it.
  enum DynamicReason : uint8_t { NotDynamic, With, Eval };
  static constexpr uint16_t kWholeChain = 0xFFFF;

  Kind kind = Global;
  uint16_t index = 0;
  uint16_t depth = 0;
  const Binding* binding = nullptr;  // null for an undeclared global
  bool needs_tdz_check = false;      // may run before the binding is initialized
  bool global_lexical = false;       // Global: a script-level let/const/class
  bool is_declaration = false;       // the identifier declares the binding (initialization)
  DynamicReason dynamic_reason = NotDynamic;
  uint16_t dynamic_depth = 0;

  bool is_dynamic() const { return dynamic_reason != NotDynamic; }
};

// Where a binding lives.
struct BindingLocation {
  enum Kind : uint8_t { Register, Slot, Global, GlobalLexical, Import };
  Kind kind = Register;
  uint16_t index = 0;             // register or slot (an Import is a slot of the module scope)
  bool captured = false;          // referenced from another function, or reachable by eval/with
  uint16_t param_index = 0xFFFF;  // simple parameter: the argument register it arrives in
  const Scope* scope = nullptr;   // the scope that declares it
  bool synthetic = false;         // the resolver's `arguments` / `this` / `new.target`
};

// One per function-like body that gets its own frame.
struct FunctionInfo {
  enum Kind : uint8_t { TopLevel, Normal, Arrow, StaticBlock, FieldInitializer };
  static constexpr uint32_t kNone = 0xFFFFFFFF;

  Kind kind = Normal;
  const ast::Node* node = nullptr;  // Program, Function, StaticBlock, or PropertyDefinition
  const Scope* scope = nullptr;     // its var scope (null for a field initializer)
  uint32_t parent = kNone;          // the enclosing FunctionInfo
  bool strict = false;
  uint16_t param_count = 0;   // r0..r(param_count-1) receive the arguments (a rest
                              // parameter counts once: its array goes in the last)
  uint16_t locals_count = 0;  // registers for parameters and locals; temporaries go above
  bool has_heap_scope = false;          // its var scope needs a heap object
  bool uses_arguments = false;          // `arguments` is referenced (here or from an arrow)
  bool needs_arguments_object = false;  // uses_arguments or a direct eval, and not shadowed
  bool mapped_arguments = false;        // sloppy, simple parameters: arguments[i] aliases them
  bool has_direct_eval = false;         // contains eval(...) directly (not in a nested function)
  bool arrow_captures_this = false;     // an arrow (or eval in one) reads this / super / new.target
  const Binding* arguments_binding = nullptr;   // where the arguments object is stored
  const Binding* this_binding = nullptr;        // slot holding `this` for arrows
  const Binding* new_target_binding = nullptr;  // slot holding `new.target` for arrows
};

struct ScopeInfo {
  const Scope* scope = nullptr;
  uint32_t function = 0;            // the FunctionInfo whose frame enters it
  bool needs_heap_scope = false;    // PushScope on entry
  bool per_iteration_copy = false;  // For: a fresh heap scope each iteration (§14.7.4.4)
  bool sloppy_eval = false;         // a var scope that sloppy direct eval may extend
  bool all_captured = false;        // direct eval can see every binding
  uint16_t slot_count = 0;
  // Every binding it holds, in declaration order: the Scope's own, then the
  // resolver's synthetic `arguments` / `this` / `new.target`.
  std::vector<const Binding*> bindings;
};

// B.3.2.1: evaluating `function f(){}` in a sloppy block also copies the
// function into the var `f` of the enclosing function or script.
struct AnnexBCopy {
  const Binding* lexical = nullptr;  // the block's binding
  const Binding* var = nullptr;      // the var scope's binding
  // Sloppy direct eval code: its vars live in the caller's var scope (no
  // location of their own), so the copy stores through this reference to
  // the name as the eval's var scope sees it (B.3.2.3 EvalDeclarationInstantiation).
  bool through_eval_var = false;
  Resolution eval_var;
};

struct ResolverResult {
  std::vector<FunctionInfo> functions;  // functions[0] is the program's top level
  std::vector<ScopeInfo> scopes;        // parallel to ScopeTree::scopes
  std::unordered_map<const Binding*, BindingLocation> locations;
  std::unordered_map<const ast::Node*, Resolution> resolutions;
  std::vector<const ast::Node*> references;  // every resolved node, in tree-walk order
  std::unordered_map<const ast::Function*, AnnexBCopy> annex_b;
  std::deque<Binding> synthetic;  // `arguments`, `this`, `new.target`, `*default*` bindings
  const Binding* default_export = nullptr;  // a module's `export default <expression>` value
  // Direct eval calls (CallExpression nodes): what each can see (the compiler sets `pc`).
  std::unordered_map<const ast::Node*, bytecode::EvalSite> eval_sites;
  // Resolving eval code: the call site it runs at (null for a script or module).
  const bytecode::EvalSite* eval_outer = nullptr;
  std::deque<AtomData> outer_names;  // names of the caller's bindings eval code refers to

  // An Identifier (reference or declaration), or ThisExpression / MetaProperty
  // (new.target) inside an arrow. Null for property keys, labels, private
  // names, and `this` read directly by its own function.
  const Resolution* resolution_of(const ast::Node* node) const;
  const BindingLocation* location_of(const Binding* binding) const;
  const ScopeInfo* info(const Scope* scope) const;
  const FunctionInfo* function_of(const ast::Node* node) const;  // by Program/Function/StaticBlock/PropertyDefinition

  std::unordered_map<const Scope*, uint32_t> scope_index;
  std::unordered_map<const ast::Node*, uint32_t> function_index;
};

// Resolves every name of `program`, whose scope tree is `tree` (from
// analyze_scopes on the same program). For direct eval code, `eval_site`
// is the call it runs at: names the code does not declare resolve into the
// caller's scope chain, and (sloppy code) its vars go to the caller's var
// scope. Throws SyntaxError for a var that would clash with a caller's let.
ResolverResult resolve_variables(const ast::Program* program, const ScopeTree& tree,
                                 const bytecode::EvalSite* eval_site = nullptr);

// The readable outline behind `glass --print-scopes`; format documented in
// resolver_printer.cpp.
void print_scopes(std::ostream& out, const ast::Program* program, const ResolverResult& result);

}  // namespace glass
