// Out-of-line work for the interpreter's opcodes that do more than a few
// loads and stores: classes and private names (classes.cpp), literals,
// spread and destructuring helpers (literals.cpp). Keeping them out of the
// dispatch loop keeps the loop small, and lets them hold RAII roots (the
// loop's `goto *` would skip their destructors).
#pragma once
#include "vm/operations.h"
#include "vm/vm.h"

namespace glass {

// ---- interpreter_slow_paths.cpp: each instruction's path when its fast path misses --
// Sub, Mul, Div, Mod, Exp and the bitwise ops on anything but two numbers
// (ToNumeric both, then the Number or BigInt operation).
Value arith_slow(Vm& vm, bytecode::Opcode op, Value a, Value b);
// Less, Greater, LessEq, GreaterEq beyond two numbers (§7.2.13 IsLessThan).
Value compare_slow(Vm& vm, bytecode::Opcode op, Value a, Value b);
// GetNamed / SetNamed / DefineNamed on a cache miss: the full operation,
// then the cache learns the shape when the access was a cacheable one.
Value get_named_slow(Vm& vm, Value base, InlineCache& ic);
void set_named_slow(Vm& vm, Value base, InlineCache& ic, Value v, bool strict);
void define_named_slow(Vm& vm, Value object, InlineCache& ic, Value v);
Value get_indexed_slow(Vm& vm, Value base, Value key);
void set_indexed_slow(Vm& vm, Value base, Value key, Value v, bool strict);
bool delete_indexed(Vm& vm, Value base, Value key, bool strict);
// "item" + 1 (either order): the number's string, then one concatenation.
Value concat_with_number(Vm& vm, Value a, Value b);
// An object literal's computed `[key]: value`.
void define_field(Vm& vm, Value object, Value key, Value v);
[[noreturn]] void throw_uninitialized(Vm& vm, String* name);
[[noreturn]] void throw_iter_result_not_object(Vm& vm, Value result);
// "x.y is not a function": names the callee as written at the call site.
[[noreturn]] void throw_not_callable(Vm& vm, const bytecode::CompiledFunction* code, const bytecode::Instruction* at,
                                     const char* what);
// ForInPrepare / ForInNext: the enumerable string keys, snapshotted up the prototype chain.
Object* for_in_enumerator(Vm& vm, Value v);
Value for_in_next(Vm& vm, Object* e);

// ---- trace.cpp ---------------------------------------------------------------------
// --trace: prints the instruction at `pc` of frame `f` (and finishes the previous line).
void trace_instruction(Vm& vm, const Frame& f, const bytecode::Instruction* pc);

// ---- classes.cpp --------------------------------------------------------------
// MakeClass: wires constructor r[A] to heritage `parent` (<empty>: none); returns the prototype.
Value make_class(Vm& vm, Value ctor, Value parent);
// Runs a class's instance field initializers on `self` (after `this` is bound).
void run_field_initializers(Vm& vm, FunctionObject* ctor, Value self);
// super(...args) in frame `f`: returns the new `this`.
Value super_call(Vm& vm, Frame& f, Value args_array);
Value get_super(Vm& vm, Frame& f, Value key);
void set_super(Vm& vm, Frame& f, Value key, Value v);
// Private names: `name` is an atom (without '#').
Value push_private_names(Vm& vm, Value outer, const std::vector<std::string>& names);
Symbol* private_symbol(Vm& vm, Value env, String* name);
Value get_private(Vm& vm, Value env, Value object, String* name);
void set_private(Vm& vm, Value env, Value object, String* name, Value v);
void define_private(Vm& vm, Value env, Value object, String* name, Value v, bool writable = true);
// One half (getter or setter) of a private accessor, merged with the other.
void define_private_accessor(Vm& vm, Value env, Value object, String* name, Value fn, bool getter);
bool has_private(Vm& vm, Value env, Value object, String* name);
void define_accessor_half(Vm& vm, Value object, Value key, Value fn, bool getter, bool enumerable);
void define_method(Vm& vm, Value object, Value key, Value fn);

// ---- literals.cpp ---------------------------------------------------------------
void array_push(Vm& vm, Value array, Value v);
void array_spread(Vm& vm, Value array, Value iterable);
void array_hole(Value array);
void copy_data_properties(Vm& vm, Value target, Value source, Value excluded);
Value iterator_rest(Vm& vm, Value iterator, Value next);
Value template_object(Vm& vm, FunctionTemplate* t, uint32_t index);
Value to_property_key_value(Vm& vm, Value v);
HeapScope* clone_scope(Vm& vm, HeapScope* scope);
FunctionObject* new_closure(Vm& vm, Frame& f, uint32_t index);
bool delete_global(Vm& vm, String* name);
// SetFunctionName: names a method or anonymous function defined under a computed key.
void set_function_name(Vm& vm, Value function, Value key, int prefix);

// ---- dynamic_names.cpp ---------------------------------------------------------
// PushWithScope: a `with` body's scope for ToObject(object).
HeapScope* push_with_scope(Vm& vm, HeapScope* parent, Value object);
// FindName: searches the With and EvalVars scopes among the innermost `depth`
// (0xFFFF: all) for `name`; out[0] = the object that has it (or <empty>),
// out[1] = the `this` a call through it gets.
void find_name(Vm& vm, HeapScope* innermost, String* name, uint16_t depth, Value* out);
// CheckBindingExists: a ReferenceError unless `object` (found by FindName)
// still has `name` (§9.1.1.2.5 SetMutableBinding, strict).
void check_binding_exists(Vm& vm, Value object, String* name);

// ---- direct_eval.cpp ------------------------------------------------------------
// CallEval with the realm's eval and a string: compiles it against the call's
// EvalSite; leaves the eval code's closure in callee_this_args[0] and the
// caller's this in [1], ready to be pushed as a frame.
void prepare_direct_eval(Vm& vm, Frame& caller, uint32_t pc, Value* callee_this_args, Value* new_target);
// DeclareEvalVars: a sloppy eval's vars become properties of the eval-var
// object of the var scope `depth` levels out.
void declare_eval_vars(Vm& vm, HeapScope* scope, uint16_t depth, const std::vector<std::string>& names);

// ---- globals.cpp (vm/) ----------------------------------------------------------
// Global names: the declarative record (top-level let/const/class) first,
// then the global object. Fill `ic` where a later access can hit directly.
Value get_global(Vm& vm, InlineCache& ic);
Value typeof_global(Vm& vm, InlineCache& ic);
void set_global(Vm& vm, InlineCache& ic, Value v, bool strict);
void declare_globals(Vm& vm, const std::vector<std::string>& names, int kind);  // 0 let/class, 1 const, 2 var
void init_global_lexical(Vm& vm, String* name, Value v);

}  // namespace glass
