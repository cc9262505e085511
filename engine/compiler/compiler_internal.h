// The bytecode compiler's internals, shared by its source files: the
// FunctionCompiler class (one per function being compiled) and small helpers.
// Not part of the compiler's interface (that is compiler.h).
//
// Where each part lives:
//   compiler.cpp             entry points: a program, a function's prologue and body
//   compile_scopes.cpp       registers, scopes, bindings and names (load/store)
//   compile_statements.cpp   statements and control flow (break/continue/return through finally)
//   compile_patterns.cpp     destructuring patterns
//   compile_expressions.cpp  primary expressions, members, literals, templates
//   compile_operators.cpp    unary/binary/logical operators, assignment, update
//   compile_calls.cpp        calls, `new`, spread arguments
//   compile_generators.cpp   yield, yield*, await, return from a generator
//   compile_classes.cpp      classes: constructors, fields, static blocks, private names
//   compile_modules.cpp      a module's import/export record and statements
//   compile_using.cpp        `using` / `await using`: dispose scopes around the code that declares them
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bytecode/emitter.h"
#include "compiler/compiler.h"

namespace glass::compiling {

using namespace ast;
using bytecode::CompiledFunction;
using bytecode::Constant;
using bytecode::Emitter;
using bytecode::Label;
using bytecode::Opcode;

// The IC name CheckInitialized uses for `this` (the VM then says "Must call super constructor...").
inline const AtomData kThisAtom{"this"};
inline const AtomData kThrowAtom{"throw"};
inline const AtomData kReturnAtom{"return"};
inline const AtomData kDoneAtom{"done"};
inline const AtomData kValueAtom{"value"};

// Reports a construct the compiler refuses (throws CompileError).
[[noreturn]] void unsupported(const Node* node, const std::string& what);

std::u16string to_u16(std::string_view utf8);

// The longest run of registers a call's arguments or an array literal's
// elements take (Call r[B+2].., NewArray r[B]..). Longer lists are built one
// element at a time into an array (ArrayPush; CallArray / NewSpread for
// calls), so that a literal of 100,000 numbers needs a few registers, not
// 100,000 (operands are 16 bits).
inline constexpr size_t kMaxRegisterRun = 256;

// How a function is being compiled (what kind of function object it becomes).
struct FunctionRole {
  std::string name;  // inferred name for anonymous functions
  bool is_method = false;
  bool is_class_constructor = false;
  bool is_derived = false;
  // Methods and accessors: where their source text starts for
  // Function.prototype.toString (the key, `get`, `static`, `async`, `*`).
  std::optional<SourcePos> source_start;
};

class FunctionCompiler {
 public:
  FunctionCompiler(const ResolverResult& resolved, const FunctionInfo& info, CompiledFunction& out)
      : res_(resolved), info_(info), fn_(out), emit_(out), next_(info.locals_count), high_(info.locals_count) {}

  void compile_program(const Program* program);
  void compile_module_body(const Program* program);

  void compile_function(const Function* f, const FunctionRole& role);

  // `return r` from the function itself (after any finally blocks ran).
  void emit_return(uint16_t r);

  // Yield r[value]; on resume r[out] holds what was sent. A throw() resumes
  // by throwing it here; a return() returns it (through finally blocks).
  void yield(uint16_t out, uint16_t value);

  // Async generators, after a Yield into r[resumed]: a return() resumption
  // awaits its value first, and a rejection turns it into a throw (§27.6.3.7).
  void unwrap_return_resumption(uint16_t resumed);

  // r[out] = await r[value] (out, out+1 are used: the value and whether it rejected).
  void await_into(uint16_t out, uint16_t value);

  // yield* iterable: forwards next/throw/return to the inner iterator.
  uint16_t yield_star(Node* argument, int dst);

  // A class field's initializer: `this.key = <value>` as a method returning the value.
  void compile_field_initializer(const PropertyDefinition* p);

  void compile_static_block(const StaticBlock* b);

  // The implicit constructor of a class without one: `constructor() {}`, or
  // `constructor(...args) { super(...args); }` when it extends another.
  void compile_default_constructor(const Node* cls, const std::string& name, bool derived);

 private:
  // ---- registers -----------------------------------------------------------
  uint16_t temp();
  uint16_t temps(int n);
  uint16_t into(int dst) { return dst >= 0 ? uint16_t(dst) : temp(); }
  struct Temps {  // releases the temporaries taken while it lives
    FunctionCompiler& c;
    uint16_t saved;
    explicit Temps(FunctionCompiler& compiler) : c(compiler), saved(compiler.next_) {}
    ~Temps() { c.next_ = saved; }
  };
  void finish();

  uint16_t ic(Atom name) { return emit_.add_ic(name); }
  uint32_t constant(const Constant& k) { return emit_.add_constant(k); }
  void load_string(uint16_t r, std::string_view utf8);

  // ---- scopes ----------------------------------------------------------------
  void enter_var_scope();
  void push_scope(const ScopeInfo& scope);
  void pop_scope();
  // let/const/class in registers start in their temporal dead zone.
  void init_lexicals(const Scope* scope);
  const Scope* scope_of(const Node* node) const;
  // Enters the lexical scope of `node` (if it has one): pushes its heap
  // scope when it needs one, and opens its entry in the locals table.
  // leave_block_scope undoes both.
  struct EnteredScope {
    bool heap = false;    // a heap scope was pushed
    int code_scope = -1;  // its CodeScope in fn_.scopes, -1 when `node` has no scope
  };
  EnteredScope enter_block_scope(const Node* node);
  EnteredScope enter_block_scope(const Scope* scope);
  void leave_block_scope(const EnteredScope& entered);
  // The locals table (bytecode/function.h): a CodeScope for `scope` from
  // here on, naming the variables it keeps in registers; closed (its code
  // ends) by close_code_scope.
  int open_code_scope(const ScopeInfo* scope, bytecode::ScopeKind kind);
  void close_code_scope(int index);

  // Bindings the VM hands the function at entry: the arguments object, the
  // function's own name, and `this` / `new.target` kept for arrows.
  void entry_bindings(const Function* f);
  // Writes r[value] into a binding of this function's own scopes (depth from the current scope).
  void store_binding(const Binding* b, uint16_t value);
  // How many heap scopes of this function are pushed up to and including `scope`.
  int depth_of_scope(const Scope* scope) const;
  uint32_t function_index() const { return uint32_t(&info_ - res_.functions.data()); }

  // Function declarations are created when their scope is entered (§10.2.11 step 36).
  void hoist_functions(const NodeList& body);
  void hoist_function(const Function* f);

  // ---- modules (compile_modules.cpp) ------------------------------------------
  void build_module_info(const Program* program);  // fills fn_.module
  // A heap scope's layout: each slot's name and kind, by index (PushScope's
  // constant, a module's environment).
  Constant scope_layout(const ScopeInfo& scope) const;
  void module_statement(Node* s);                   // import / export declarations

  // ---- control flow ------------------------------------------------------------
  struct Control {
    enum Kind { Target, Finally } kind = Target;
    // Target: a loop, switch, or labelled statement.
    std::vector<Atom> labels;
    bool is_loop = false;
    bool is_switch = false;
    Label* break_label = nullptr;
    Label* continue_label = nullptr;
    int heap_depth = 0;
    int iterator = -1;  // for-of: the iterator register, closed when leaving
    int iterator_done = -1;  // array destructuring: closed only while this register is false
    bool async_iterator = false;  // for await: closing awaits return()
    // Finally.
    uint16_t kind_reg = 0, value_reg = 0;
    Label* entry = nullptr;
    struct Pending {
      int id;
      int target;  // index in controls_, or -1 for return
      bool is_continue;
    };
    std::vector<Pending> pending;
  };
  std::vector<Control> controls_;

  // Emits the jump for break/continue to controls_[target] (or a return of
  // r[value] when target is -1) from the current position.
  void jump_out(int target, bool is_continue, uint16_t value);

  int find_target(const Node* s, Node* label, bool is_continue);

  // Leaving a for-of / for-await early: the iterator's return() (awaited for for-await).
  void close_iterator(const Control& c);

  // Labels waiting for the statement they label (a loop takes them as its own).
  std::vector<Atom> pending_labels_;

  struct LoopScope {  // pushes a loop Control for its lifetime
    FunctionCompiler& c;
    Label break_label, continue_label;
    LoopScope(FunctionCompiler& compiler, int iterator = -1) : c(compiler) {
      Control k;
      k.labels = std::move(c.pending_labels_);
      c.pending_labels_.clear();
      k.is_loop = true;
      k.break_label = &break_label;
      k.continue_label = &continue_label;
      k.heap_depth = c.heap_depth_;
      k.iterator = iterator;
      c.controls_.push_back(std::move(k));
    }
    ~LoopScope() { c.controls_.pop_back(); }
  };

  // ---- statements --------------------------------------------------------
  void compile_statement(Node* s);

  static bool is_loop(const Node* s);

  // B.3.2.1: when a sloppy block-level function declaration is evaluated,
  // the block's function is copied into the same-named var.
  void annex_b_copy(const Function* f);
  void sub_statement(Node* s);

  void block(const BlockStatement* b);

  void for_statement(const ForStatement* f);

  // for (left in/of right) body. A let/const left gets a fresh scope per iteration.
  void for_in_of(const ForInOfStatement* f);

  void add_handler(uint32_t start, uint32_t end, uint16_t reg, int depth, bytecode::Handler::Kind kind);

  void switch_statement(const SwitchStatement* s);

  void try_statement(const TryStatement* t);

  void try_catch(const TryStatement* t);

  // Runs body() inside a Finally control, then finally_part(kind, value)
  // however body ended (kind 0 normal, 1 a throw of r[value], else a
  // pending break/continue/return), then carries on as body ended.
  void with_finally(const std::function<void()>& body,
                    const std::function<void(uint16_t kind, uint16_t value)>& finally_part);

  void for_statement_loop(const ForStatement* f, bool copy);

  // ---- using (compile_using.cpp) ---------------------------------------------
  // A statement list's statements; when it declares `using`, inside a dispose scope.
  void statement_list(const NodeList& body);
  // body() with a new dispose scope in dispose_scope_, disposed (awaited for
  // `await using`) however body ends: §9.x DisposeResources.
  void with_disposal(bool async, const std::function<void()>& body);
  // AddDisposableResource(the current dispose scope, r[value], the declaration's hint).
  void add_disposable(uint16_t value, VarKind kind);
  // One `using x = init` binding: evaluate, add the resource, initialize x.
  void using_binding(const VariableDeclaration* d, const VariableDeclarator* v);

  void variable_declaration(const VariableDeclaration* d);

  // ---- patterns ------------------------------------------------------------
  // Binds (initialize) or assigns (!initialize) r[value] to `target`.
  void bind_pattern(Node* target, uint16_t value, bool initialize);

  void object_pattern(const ObjectPattern* p, uint16_t value, bool initialize);

  void array_pattern(const ArrayPattern* p, uint16_t value, bool initialize);

  // ---- names -------------------------------------------------------------
  const Resolution& resolve(const Node* id);

  uint16_t load(const Identifier* id, int dst);
  // The place a resolution names, ignoring `with`/eval shadowing.
  uint16_t load_static(const Identifier* id, const Resolution& r, int dst);
  void store_static(const Identifier* id, const Resolution& r, uint16_t value, bool initialize);
  // A dynamic reference's run-time search: FindName into two fresh registers
  // (the object that has the name or <empty>, and the this for a call).
  uint16_t find_name(const Identifier* id, const Resolution& r);

  // Writes r[value] to the name. `initialize`: the declaration itself (no
  // TDZ or const check).
  void store(const Node* node, uint16_t value, bool initialize);
  void store_resolved(const Identifier* id, const Resolution& r, uint16_t value, bool initialize);

  void closure(const Function* f, uint16_t dst, const FunctionRole& role);

  // An expression that names an anonymous function or class it makes
  // (`let f = () => {}` names the arrow "f": §8.4.1 NamedEvaluation).
  uint16_t named_expr(Node* e, int dst, const std::string& name);

  // ---- expressions -------------------------------------------------------
  // Compiles `e`; the result is in the returned register (== dst when dst >= 0).
  uint16_t expr(Node* e, int dst = -1);

  uint16_t member(MemberExpression* m, int dst);

  uint16_t super_key(MemberExpression* m);

  uint16_t array_literal(ArrayExpression* a, int dst);

  // The key of a property in a literal or class, into a fresh register (a
  // property key value), and its name for NamedEvaluation when static.
  uint16_t property_key(Node* key, bool computed, std::string* name);

  uint16_t object_literal(ObjectExpression* o, int dst);
  // §8.4.3 IsAnonymousFunctionDefinition: gets its name from where it is put.
  static bool is_anonymous_function_definition(const Node* e);

  uint16_t template_literal(TemplateLiteral* t, int dst);

  uint16_t tagged_template(TaggedTemplateExpression* t, int dst);

  // Can evaluating `e` change a local register? (Then an operand already
  // read from that register must be copied first: `a + (a = 1)`.)
  static bool may_write_locals(const Node* e);

  uint16_t operand(Node* left, Node* right);

  static Opcode binary_opcode(BinaryOp op);

  uint16_t binary(BinaryExpression* b, int dst);

  uint16_t logical(LogicalExpression* l, int dst);

  uint16_t unary(UnaryExpression* u, int dst);

  // A reference to assign through: a name, an object and a key, a private name, or super[key].
  struct Target {
    Node* name = nullptr;  // Identifier
    // A name a `with` object (or sloppy eval's vars) may hold: the FindName
    // result pair, looked up once when the reference is evaluated, so the
    // write goes where the read came from (§13.15.2 step 1: lref first).
    int found = -1;
    uint16_t object = 0, key = 0;
    Atom named = nullptr;  // non-computed member
    Atom private_name = nullptr;
    bool is_super = false;
  };
  Target target(Node* node);
  uint16_t read(const Target& t, int dst);
  void write(const Target& t, uint16_t value);

  static Opcode compound_opcode(AssignOp op);

  uint16_t assignment(AssignmentExpression* a, int dst);

  uint16_t update(UpdateExpression* u, int dst);

  // The callee as V8 names it in "x is not a function": a.b.c, a[...].b, or "expression".
  static std::string describe_callee(const Node* callee);

  // Evaluates a callee into r[base] and its `this` into r[self] (a method
  // call's object, else undefined).
  void callee_and_this(Node* callee, uint16_t base, uint16_t self);

  // Call A B C: callee in r[B], this in r[B+1], C arguments from r[B+2].
  uint16_t call(Node* e, int dst, bool construct);

  // The arguments as one array (spread calls, super(...)).
  uint16_t arguments_array(const NodeList& args, int dst = -1);

  // ---- classes ---------------------------------------------------------------
  void class_expression(Class* c, uint16_t out, const std::string& inferred = "");

  const ResolverResult& res_;
  const FunctionInfo& info_;
  CompiledFunction& fn_;
  Emitter emit_;
  uint16_t next_;  // the first free register
  uint16_t high_;  // one past the highest register used
  int heap_depth_ = 0;
  Label* chain_nullish_ = nullptr;  // where `?.` jumps when its object is nullish
  int completion_ = -1;  // scripts: the register holding the completion value (eval's result)
  uint16_t generator_ = 0;  // generators and async functions: the register holding their object
  bool is_async_ = false;
  bool is_async_generator_ = false;
  int dispose_scope_ = -1;  // the register of the innermost dispose scope (with_disposal)
  mutable std::unordered_map<const Node*, const Scope*> scope_by_node_;
  std::vector<int> open_code_scopes_;  // CodeScopes not closed yet, innermost last
};

}  // namespace glass::compiling
