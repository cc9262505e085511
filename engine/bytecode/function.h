// CompiledFunction: what the compiler produces for each function — plain
// data, printable, with no pointers into the GC heap. The VM turns it into
// heap objects when it loads a program (constants become Values then), so
// the compiler can be tested, and its output read, without running anything.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "parser/atoms.h"
#include "parser/source.h"

namespace glass::bytecode {

// What a named variable is, for the debugger's scope views and the
// listing's locals table: X(Name, "shown as").
#define GLASS_VARIABLE_KINDS(X)                                                               \
  X(Parameter, "param") X(Var, "var") X(Let, "let") X(Const, "const") X(Class, "class")        \
  X(Function, "function") X(CatchParameter, "catch") X(SelfName, "self") X(Import, "import") \
  X(Arguments, "arguments") X(This, "this") X(NewTarget, "new.target")
enum class VariableKind : uint8_t {
#define GLASS_X(name, text) name,
  GLASS_VARIABLE_KINDS(GLASS_X)
#undef GLASS_X
};
const char* variable_kind_name(VariableKind kind);
// this / new.target kept for arrows are the frame's, not variables a user declared.
inline bool is_user_variable(VariableKind kind) { return kind != VariableKind::This && kind != VariableKind::NewTarget; }

// What a scope is: the debugger's scope types (local, block, closure,
// catch, with, module, script) follow from it.
enum class ScopeKind : uint8_t { Function, Block, Catch, Class, With, Module, Script, Eval };
const char* scope_kind_name(ScopeKind kind);

// A constant-pool entry.
struct Constant {
  enum class Kind : uint8_t { Number, String, BigInt, RegExp, Scope, Template };
  Kind kind = Kind::Number;
  double number = 0;           // Number
  std::u16string string;       // String; RegExp: the pattern
  std::string text;            // BigInt: digits as written (0x.., 0o.., 0b.. or decimal); RegExp: the flags
  std::vector<std::string> names;  // Scope: the names of its slots, in slot order (PushScope's k[Bx]);
                                   // PushPrivateNames: the private names (without '#')
  // Scope (PushScope's k[Bx]): the layout a HeapScope made from it points
  // at, so that the debugger can name any scope it meets, a closure's
  // included: each slot's kind, the scope's kind, and the function whose
  // code made it ("Closure (makeAdder)").
  std::vector<VariableKind> slot_kinds;
  ScopeKind scope_kind = ScopeKind::Block;
  std::string owner;
  std::vector<std::u16string> cooked, raw;  // Template: the strings (cooked is unused where !has_cooked)
  std::vector<bool> has_cooked;

  static Constant of_number(double v) {
    Constant c;
    c.number = v;
    return c;
  }
  static Constant of_string(std::u16string s) {
    Constant c;
    c.kind = Kind::String;
    c.string = std::move(s);
    return c;
  }
  bool operator==(const Constant&) const = default;
};

// An inline-cache slot. The compiler fills in the name; the VM adds the
// cached shape and slot when it loads the function. The name is a copy: the
// compiler's atoms live in an arena that goes when compilation ends, and a
// CompiledFunction lives as long as the program (a debugger lists it later).
struct IcSlot {
  std::string name;
};

// Source positions: which instruction came from where. `statement` marks the
// first instruction of a statement — where a debugger can stop and where
// stepping goes.
struct PositionEntry {
  uint32_t pc = 0;
  uint32_t line = 0, column = 0;
  bool statement = false;
};

// The locals table: the name of each register that holds a variable, the
// range of code where it is in scope, and the lexical scope that declares
// it. Variables kept in heap scopes are named by those scopes' layouts
// (Constant::Kind::Scope) instead.
struct LocalVariable {
  std::string name;
  VariableKind kind = VariableKind::Var;
  uint16_t reg = 0;
  uint32_t start_pc = 0, end_pc = 0;  // in scope for pc in [start_pc, end_pc)
  uint32_t scope = 0;                 // index in CompiledFunction::scopes
};

// A lexical scope of the function's code (the function's own, a block, a
// catch clause, a with body...), outermost first: where its code runs and,
// when it pushed a heap scope, which one (the frame's heap scopes count
// 1, 2, ... from the first this function pushed).
struct CodeScope {
  ScopeKind kind = ScopeKind::Block;
  uint32_t start_pc = 0, end_pc = 0;  // [start_pc, end_pc)
  int32_t parent = -1;                // enclosing CodeScope; -1 for the outermost
  uint16_t heap_depth = 0;            // 0: no heap scope (everything in registers)
};

// How a suspended generator is resumed: the value in the register after
// the one its Yield/Await named (the compiled code branches on it).
enum class ResumeMode : int32_t {
  Next = 0,    // next(v) / a fulfilled await: v is the Yield/Await's result
  Throw = 1,   // throw(e) / a rejected await: e is thrown there
  Return = 2,  // return(v): the function returns v (through its finally blocks)
};

// Exception handlers: an exception thrown by an instruction in
// [start, end) continues at `handler` with the exception in r[reg].
struct Handler {
  // What the handler does with the exception — what a debugger needs to
  // know to tell, without unwinding, whether a throw will be caught.
  enum class Kind : uint8_t {
    Catch,          // ends it: a `catch` clause (or cleanup that swallows an error)
    Rethrow,        // runs code and throws it on: `finally`, closing an iterator
    AsyncFunction,  // turns it into the rejection of the function's promise
  };
  uint32_t start = 0, end = 0, handler = 0;
  uint16_t reg = 0;
  uint16_t scope_depth = 0;  // heap scopes the function has pushed at the `try` (unwinding pops the rest)
  Kind kind = Kind::Catch;
};

// What a direct eval at one call site can see (§19.2.1.1 PerformEval): the
// run-time scope chain there, innermost first, with the names each heap
// scope holds. Every binding on that chain is kept in a slot (the resolver
// captures them all), so eval code compiled later resolves to (depth, slot)
// like any other code. See vm/direct_eval.cpp.
struct EvalSite {
  struct Name {
    std::string name;  // "this" / "new.target": an arrow's lexical this / new.target
    uint16_t slot = 0;
    bool lexical = false;  // let/const/class: may be uninitialized, and `var` of it in eval is an error
    bool is_const = false;
    bool self_name = false;  // a named function expression's own name: assignments are ignored (sloppy)
    bool is_import = false;  // a module's import: the slot holds the link to the exported binding
  };
  struct Level {
    enum Kind : uint8_t { Plain, With, EvalVars } kind = Plain;
    std::vector<Name> names;  // Plain and EvalVars: the slots' names
  };
  uint32_t pc = 0;            // the CallEval instruction
  std::vector<Level> levels;  // the scope chain at the call, innermost first
  int var_level = -1;         // sloppy eval's vars go to this level's object; -1: the global object
  bool strict = false;
  bool in_function = false;        // not top-level code: new.target is allowed
  bool in_field_initializer = false;  // a class field or static block: `arguments` is an error
  bool in_parameters = false;  // in a function's parameter expressions: `var arguments` is an error
};

// A module's static record (§16.2.1.6 Source Text Module Records): what it
// requests, imports and exports, all the linker (vm/module_linking.cpp)
// needs. Local names are slots of the module environment, which the linker
// makes before the body runs (the body's EnterModuleScope enters it).
struct ModuleInfo {
  struct Request {
    std::string specifier;
    std::string type;  // the `with { type: ... }` attribute, "" when none
    bool operator==(const Request&) const = default;
  };
  struct Import {
    uint32_t request = 0;
    std::string name;  // the export imported; "*" for `import * as local`
    std::string local;
    uint16_t slot = 0;  // where the link goes
  };
  struct LocalExport {
    std::string name;  // the exported name
    uint16_t slot = 0;
  };
  struct IndirectExport {  // export { a as b } from "m", export * as b from "m", and re-exported imports
    std::string name;
    uint32_t request = 0;
    std::string import_name;  // "*": the requested module's namespace
  };
  std::vector<Request> requests;  // in source order, each once
  std::vector<Import> imports;
  std::vector<LocalExport> local_exports;
  std::vector<IndirectExport> indirect_exports;
  std::vector<uint32_t> star_exports;     // export * from "m": request indices
  Constant environment;                   // the environment's layout: its slots' names and kinds, by index
  bool has_top_level_await = false;        // the body is an async function
};

struct CompiledFunction {
  static constexpr uint16_t kNoRegister = 0xFFFF;
  std::string name;  // "" for anonymous functions; "<script>" / "<module>" at top level
  SourcePos start;
  uint32_t source_end = 0;  // byte offset just past the function's text (Function.prototype.toString)
  uint16_t param_count = 0;
  uint16_t register_count = 0;  // parameters, locals and temporaries
  bool strict = false;
  bool is_arrow = false;
  bool is_generator = false;
  bool is_async = false;
  bool is_method = false;           // object/class methods and accessors: not constructors
  bool is_class_constructor = false;
  bool is_derived = false;          // a class constructor with `extends`
  bool has_rest = false;            // the last parameter is ...rest (counted in param_count)
  uint16_t param_count_for_length = 0;  // the function's `length`: parameters before the first default or rest
  uint16_t arguments_register = kNoRegister;  // where the VM puts the arguments object at entry
  // A mapped arguments object: the slot (in the function's var scope) of the
  // parameter each argument index aliases, kNoRegister where none does.
  std::vector<uint16_t> mapped_argument_slots;

  std::vector<Instruction> code;
  std::vector<Constant> constants;
  std::vector<IcSlot> ics;
  std::vector<std::unique_ptr<CompiledFunction>> functions;  // nested, by NewClosure index
  std::vector<PositionEntry> positions;                      // sorted by pc
  // Break locations: the first instruction of each statement (and of each
  // loop test and update, and the implicit return at a function's end) at
  // the statement's own position, sorted by pc. `positions` may place the
  // same instruction at an inner expression (where an error points).
  std::vector<PositionEntry> statements;
  std::vector<Handler> handlers;                             // innermost first
  std::vector<EvalSite> eval_sites;                          // direct eval calls, by pc
  std::vector<LocalVariable> locals;                         // the locals table, by start_pc
  std::vector<CodeScope> scopes;                             // outermost first
  std::unique_ptr<ModuleInfo> module;                        // a module's top level only

  // Call and New sites: what the callee expression was ("obj.method", "f"),
  // for "... is not a function" messages.
  std::vector<std::pair<uint32_t, std::string>> callee_names;
  std::string callee_description(uint32_t pc) const;

  // The source position of the instruction at `pc` (the last entry at or before it).
  const PositionEntry* position_of(uint32_t pc) const;
  // The break location starting at `pc`, or null: where stepping stops.
  const PositionEntry* statement_at(uint32_t pc) const;

  // Set by a debugger (engine/debug/): how many breakpoints are in this
  // function's code. The interpreter's Debug mode checks it at every
  // instruction; nothing else reads it.
  mutable uint32_t breakpoint_count = 0;
};

}  // namespace glass::bytecode
