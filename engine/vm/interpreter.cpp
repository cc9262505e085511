// The interpreter: one loop that executes bytecode for every frame on the
// VM's call stack (vm.h "The call stack").
//
// Dispatch is "computed goto" (a GCC/Clang extension): the table of label
// addresses is generated from GLASS_OPCODES, and each handler ends by
// fetching the next instruction and jumping straight to its handler, so the
// CPU's branch predictor learns per-opcode successor patterns.
//
// Each handler is a fast path for the common case, written out here, and
// one call to a named slow path (interpreter_slow_paths.cpp, or the helpers
// of interpreter_support.h) for the rest, as Lua's lvm.c does it.
//
// The loop is a template instantiated three times (DispatchMode):
//   Plain  what programs run: nothing but the instructions;
//   Trace  --trace: prints each instruction before it runs (trace.cpp);
//   Debug  a debugger is attached (vm/debug_hooks.h): asks the debugger
//          before each instruction whether to look (stepping, breakpoints,
//          a pause requested), and tells it about throws and frame exits.
// Tracing and debugging cost the plain loop nothing: their checks are
// `if constexpr` and do not exist in its instantiation. In Trace and Debug
// modes, two fusions of the plain loop (a comparison taking the jump after
// it, i++ done in one step) are off, so every instruction is seen.
//
// A JS call pushes a Frame and reloads the cached frame state (f, r, pc and
// the template's ics and constants); a return pops it and reloads the
// caller's. Nothing here recurses on the C++ stack for a JS-to-JS call. The
// only C++ recursion is a native calling Vm::call, which runs a nested run()
// bounded by VmOptions::max_native_depth.
//
// Exceptions: see Vm::run and Vm::unwind at the end of this file.
#include <cmath>

#include "builtins/disposable_stack.h"
#include "builtins/regexp.h"
#include "vm/arguments.h"
#include "vm/box.h"
#include "vm/debug_hooks.h"
#include "vm/generator.h"
#include "vm/interpreter_support.h"
#include "vm/module.h"
#include "vm/operations.h"
#include "vm/push_frame.h"
#include "vm/rooted.h"
#include "vm/typed_array.h"
#include "vm/vm.h"

namespace glass {

using bytecode::Instruction;
using bytecode::Opcode;

// new F(...) for a bytecode constructor F with arguments at regs[0..argc):
// allocates `this` (unless F is derived: super() makes it) and pushes F's
// frame. `regs[-1]` is the `this` slot of the call sequence.
static Frame* push_construct_frame(Vm& vm, FunctionObject* f, Value* regs, uint32_t argc, Value new_target,
                                   uint8_t flags, uint16_t return_reg) {
  Value self = Value::empty();
  if (!f->is_derived) {
    uint32_t room = f->instance_slots ? f->instance_slots : Object::kDefaultInlineSlots;
    self = object_value(ordinary_create_from_constructor(vm, new_target, IntrinsicObject::ObjectPrototype,
                                                         ObjectClass::Ordinary, room));
    regs[-1] = self;  // rooted in the caller's registers
    if (f->fields.is_object()) run_field_initializers(vm, f, self);
  }
  return vm.push_frame(f, regs, argc, self, new_target, uint8_t(flags | Frame::kConstruct), return_reg);
}

Value construct_with_frame(Vm& vm, FunctionObject* f, Value* regs, uint32_t argc, Value new_target, size_t& entry) {
  entry = vm.frames().size();
  if (!push_construct_frame(vm, f, regs, argc, new_target, Frame::kEntry, 0))
    vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  return vm.run(entry);
}

// A constructor frame returning `result`: what `new` gives back (§10.2.2
// [[Construct]] steps 10-12), and the instance size the next `new` reserves.
static Value construct_result(Vm& vm, Frame& f, Value result) {
  if (Value self = f.this_value; self.is_object() && !as_object(self)->in_dictionary_mode())
    f.callee->note_instance_size(as_object(self)->shape()->property_count());
  if (result.is_object()) return result;
  if (!result.is_undefined() && f.callee->is_derived)
    vm.throw_error(ErrorType::TypeError, "Derived constructors may only return object or undefined");
  if (f.this_value.is_empty())
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  return f.this_value;
}

// Yield, Await and AsyncReturn leave the frame; Yield and Await save it into
// its generator first. Returns what the frame's caller receives.
static Value suspend_or_settle(Vm& vm, Frame& f, const Instruction* pc, Instruction ins) {
  auto* gen = static_cast<GeneratorObject*>(f.generator);
  if (ins.op() == Opcode::AsyncReturn) return async_settle(vm, gen, f.regs[ins.a()], ins.b() == 1);
  Value result = ins.op() == Opcode::Yield ? f.regs[ins.b()] : Value::undefined();
  suspend_frame(vm, f, pc, ins.a());
  if (ins.op() == Opcode::Await) {
    await_value(vm, gen, f.regs[ins.b()]);
    result = gen->promise;
  }
  return result;
}

enum class DispatchMode { Plain, Trace, Debug };

class Interpreter {
 public:
  template <DispatchMode kMode>
  static Value execute(Vm& vm, size_t entry);
};

// The loop's hottest state — the frame, its registers and the pc — must live
// in machine registers: every dispatch reads and bumps pc. In a function this
// big, with a call in almost every handler, GCC's register allocator keeps
// constants in the callee-saved registers and spills pc to the stack instead
// (measured: fib 27% slower, prop-mono 15%). So with GCC on x86-64 the three
// are pinned to callee-saved registers (calls preserve them), the way OCaml's
// bytecode interpreter pins its pc, sp and accumulator. Elsewhere they are
// plain locals.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define GLASS_PINNED(declaration, reg) register declaration asm(#reg)
#else
#define GLASS_PINNED(declaration, reg) declaration
#endif
template <DispatchMode kMode>
Value Interpreter::execute(Vm& vm, size_t entry) {
  static const void* const kLabels[] = {
#define GLASS_LABEL(name, format, a, b, c, flags, meaning) &&L_##name,
      GLASS_OPCODES(GLASS_LABEL)
#undef GLASS_LABEL
  };
  constexpr bool kFuse = kMode == DispatchMode::Plain;  // see the file comment
  DebugHooks* const debug = kMode == DispatchMode::Debug ? vm.debug_hooks_ : nullptr;

  GLASS_PINNED(Frame* f, r12);
  GLASS_PINNED(Value* r, r13);
  GLASS_PINNED(const Instruction* pc, r14);
  Instruction ins;  // the instruction running: handlers read its operands (ins.a(), ins.b(), ins.c(), ins.bx())
  // Kept for the hot handlers (they may live in memory: each is one load
  // away, where going through f->tmpl would be two or three).
  InlineCache* ics;
  const Value* constants;
  // No cached global object: a call may enter another realm's function,
  // whose global is another object. GetGlobal/SetGlobal read the current
  // realm's (realm_ follows the running frame: push_frame sets it, RELOAD
  // and RESUME_CALLER set it back from the frame they return to).

// The running frame's state into locals (and its function's realm).
#define LOAD_FRAME_STATE()                 \
  do {                                     \
    vm.realm_ = f->callee->realm;          \
    r = f->regs;                           \
    pc = f->pc;                            \
    ics = f->tmpl->ics.data();             \
    constants = f->tmpl->constants.data(); \
  } while (0)
#define RELOAD()            \
  do {                      \
    f = &vm.frames_.back(); \
    LOAD_FRAME_STATE();     \
  } while (0)
// Back in the caller after popping frame f: frames are contiguous, so the
// caller's is the one just below (what RELOAD would find through the Vm).
#define RESUME_CALLER() \
  do {                  \
    --f;                \
    LOAD_FRAME_STATE(); \
  } while (0)
// Continue in the frame push_frame just made for function `callee` (what
// RELOAD would read back from memory, taken from what is at hand).
#define ENTER(frame, callee)                      \
  do {                                            \
    f = (frame);                                  \
    r = f->regs;                                  \
    pc = f->pc;                                   \
    ics = (callee)->tmpl->ics.data();             \
    constants = (callee)->tmpl->constants.data(); \
  } while (0)
// Fetch, decode, jump. f->pc always holds the instruction after the one
// executing: where a return resumes, and (minus one) where an exception or
// a stack trace says the frame is.
#define DISPATCH()                                                                                \
  do {                                                                                            \
    ins = *pc++;                                                                                  \
    f->pc = pc;                                                                                   \
    if constexpr (kMode == DispatchMode::Trace) trace_instruction(vm, *f, pc - 1);               \
    if constexpr (kMode == DispatchMode::Debug)                                                   \
      if (debug->wants_instruction(f->tmpl->code)) [[unlikely]] debug->before_instruction(vm, *f, pc - 1); \
    goto* kLabels[uint8_t(ins.bits())];                                                           \
  } while (0)
// A frame leaving the stack: the debugger follows it while stepping.
#define DEBUG_LEAVING(how)                                                                    \
  do {                                                                                        \
    if constexpr (kMode == DispatchMode::Debug)                                               \
      if (debug->wants_instruction(f->tmpl->code)) debug->leaving_frame(vm, *f, DebugHooks::Leave::how); \
  } while (0)

  RELOAD();
  DISPATCH();

L_LoadUndefined: r[ins.a()] = Value::undefined(); DISPATCH();
L_LoadNull: r[ins.a()] = Value::null(); DISPATCH();
L_LoadTrue: r[ins.a()] = Value::boolean(true); DISPATCH();
L_LoadFalse: r[ins.a()] = Value::boolean(false); DISPATCH();
L_LoadEmpty: r[ins.a()] = Value::empty(); DISPATCH();
L_LoadInt: r[ins.a()] = Value::int32(ins.sbx()); DISPATCH();
L_LoadConst: r[ins.a()] = constants[ins.bx()]; DISPATCH();
L_Move: r[ins.a()] = r[ins.b()]; DISPATCH();
L_LoadThis: {
  Value v = f->this_value;
  if (v.is_empty())
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  r[ins.a()] = v;
  DISPATCH();
}
L_GetScoped: {
  HeapScope* s = f->scope;
  for (uint16_t d = ins.b(); d > 0; --d) s = s->parent();
  r[ins.a()] = s->at(ins.c());
  DISPATCH();
}
L_SetScoped: {
  HeapScope* s = f->scope;
  for (uint16_t d = ins.b(); d > 0; --d) s = s->parent();
  s->at(ins.c()) = r[ins.a()];
  DISPATCH();
}
L_CheckInitialized:
  if (r[ins.a()].is_empty()) throw_uninitialized(vm, ics[ins.b()].name);
  DISPATCH();
L_ThrowConstAssign:
  vm.throw_error(ErrorType::TypeError, "Assignment to constant variable.");
L_ThrowInvalidAssignment:
  vm.throw_error(ErrorType::ReferenceError, "Invalid left-hand side in assignment");
L_PushScope: {
  const bytecode::Constant& layout = f->tmpl->code->constants[ins.bx()];
  uint32_t count = uint32_t(layout.names.size());
  if (ins.a() == 1) f->scope = HeapScope::create(vm.heap_, f->scope, count + 1, HeapScope::Kind::EvalVars, &layout);
  else f->scope = HeapScope::create(vm.heap_, f->scope, count, HeapScope::Kind::Plain, &layout);
  ++f->scope_depth;
  DISPATCH();
}
L_EnterModuleScope: ++f->scope_depth; DISPATCH();
L_GetImport: {
  HeapScope* s = f->scope;
  for (uint16_t d = ins.b(); d > 0; --d) s = s->parent();
  Value link = s->at(ins.c());
  if (link.is_cell() && has_tag(link.as_cell(), CellTag::ImportBinding)) {
    auto* b = static_cast<ImportBinding*>(link.as_cell());
    Value v = b->env->at(b->slot);
    if (v.is_empty()) throw_uninitialized(vm, b->name);
    r[ins.a()] = v;
  } else {
    r[ins.a()] = link;  // a namespace import holds the namespace itself
  }
  DISPATCH();
}
L_GetImportMeta: {
  ModuleRecord* m = module_of(f->tmpl);
  if (!m) vm.throw_error(ErrorType::SyntaxError, "Cannot use 'import.meta' outside a module");
  r[ins.a()] = object_value(import_meta(vm, m));
  DISPATCH();
}
L_ImportCall: {
  Value spec = r[ins.b()], options = r[ins.c()];
  r[ins.a()] = object_value(dynamic_import(vm, module_of(f->tmpl), f->tmpl->source_name_utf8, spec, options));
  DISPATCH();
}
L_SetFunctionName: set_function_name(vm, r[ins.a()], r[ins.b()], ins.c()); DISPATCH();
L_MapArguments: map_arguments(vm, r[ins.a()], f->scope, f->tmpl->code->mapped_argument_slots); DISPATCH();
L_PushWithScope:
  f->scope = push_with_scope(vm, f->scope, r[ins.a()]);
  ++f->scope_depth;
  DISPATCH();
L_FindName:
  find_name(vm, f->scope, ics[ins.b()].name, ins.c(), &r[ins.a()]);
  DISPATCH();
L_CheckBindingExists:
  check_binding_exists(vm, r[ins.a()], ics[ins.b()].name);
  DISPATCH();
L_PopScope:
  f->scope = f->scope->parent();
  --f->scope_depth;
  DISPATCH();
L_CloneScope: f->scope = clone_scope(vm, f->scope); DISPATCH();
L_LoadNewTarget: r[ins.a()] = f->new_target; DISPATCH();
L_LoadCallee: r[ins.a()] = object_value(f->callee); DISPATCH();
L_DeleteGlobal: r[ins.a()] = Value::boolean(delete_global(vm, ics[ins.b()].name)); DISPATCH();
L_GetGlobal: {
  InlineCache& ic = ics[ins.b()];
  if (vm.realm_->global->shape_for_cache() == ic.shape) {
    r[ins.a()] = *ic.slot_address;
    DISPATCH();
  }
  if (ic.holder && ic.holder->shape_for_cache() == ic.holder_shape) {  // a top-level let/const
    Value v = *ic.slot_address;
    if (!v.is_empty()) {
      r[ins.a()] = v;
      DISPATCH();
    }
  }
  r[ins.a()] = get_global(vm, ic);
  DISPATCH();
}
L_TypeofGlobal: r[ins.a()] = typeof_global(vm, ics[ins.b()]); DISPATCH();
L_SetGlobal: {
  InlineCache& ic = ics[ins.b()];
  if (vm.realm_->global->shape_for_cache() == ic.shape) {
    *ic.slot_address = r[ins.a()];
    DISPATCH();
  }
  if (ic.holder && ic.holder->shape_for_cache() == ic.holder_shape && !ic.slot_address->is_empty()) {
    *ic.slot_address = r[ins.a()];  // a top-level let (only writable ones are cached)
    DISPATCH();
  }
  set_global(vm, ic, r[ins.a()], f->tmpl->code->strict);
  DISPATCH();
}
L_DeclareGlobals: declare_globals(vm, f->tmpl->code->constants[ins.bx()].names, ins.a()); DISPATCH();
L_DeclareEvalVars: declare_eval_vars(vm, f->scope, ins.a(), f->tmpl->code->constants[ins.bx()].names); DISPATCH();
L_InitGlobalLexical: init_global_lexical(vm, ics[ins.b()].name, r[ins.a()]); DISPATCH();
L_GetNamed: {
  Value base = r[ins.b()];
  InlineCache& ic = ics[ins.c()];
  if (base.is_object()) {
    Object* o = as_object(base);
    const IcEntry* e = ic.lookup(o->shape_for_cache());
    if (!e && ic.megamorphic) e = vm.stub_cache()->find(StubCache::Kind::Get, o->shape_for_cache(), ic.name);
    if (e) {
      if (!e->holder) {  // an own property
        r[ins.a()] = o->slot(e->slot);
        DISPATCH();
      }
      if (e->holder->shape_for_cache() == e->holder_shape) {  // on the prototype, unchanged since
        r[ins.a()] = e->holder->slot(e->slot);
        DISPATCH();
      }
    }
    if (o->object_class() == ObjectClass::Array && ic.name == vm.atom(WellKnownAtom::length)) {
      r[ins.a()] = Value::number(o->array_length());
      DISPATCH();
    }
  }
  r[ins.a()] = get_named_slow(vm, base, ic);
  DISPATCH();
}
L_SetNamed: {
  Value base = r[ins.a()];
  InlineCache& ic = ics[ins.b()];
  if (base.is_object()) {
    Object* o = as_object(base);
    const IcEntry* e = ic.lookup(o->shape_for_cache());
    if (!e && ic.megamorphic) e = vm.stub_cache()->find(StubCache::Kind::Set, o->shape_for_cache(), ic.name);
    if (e && !e->holder) {
      if (!e->holder_shape) {  // an own data property
        o->set_slot(e->slot, r[ins.c()]);
        DISPATCH();
      }
      // An add: the object moves to the cached next shape, if its prototypes are as they were.
      if (o->extensible() && e->epoch == Object::prototype_epoch()) {
        o->append_with_shape(e->holder_shape, r[ins.c()]);
        DISPATCH();
      }
    }
  }
  set_named_slow(vm, base, ic, r[ins.c()], f->tmpl->code->strict);
  DISPATCH();
}
L_GetIndexed: {
  Value base = r[ins.b()], key = r[ins.c()];
  if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
    Object* o = as_object(base);
    std::vector<Value>& e = o->dense_elements();
    uint32_t i = uint32_t(key.as_int32());
    if (i < e.size() && !e[i].is_empty() && o->object_class() != ObjectClass::String) {
      r[ins.a()] = e[i];
      DISPATCH();
    }
    if (o->object_class() == ObjectClass::TypedArray && typed_array_fast_get(o, i, r[ins.a()])) DISPATCH();
  }
  r[ins.a()] = get_indexed_slow(vm, base, key);
  DISPATCH();
}
L_SetIndexed: {
  Value base = r[ins.a()], key = r[ins.b()];
  if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
    Object* o = as_object(base);
    std::vector<Value>& e = o->dense_elements();
    uint32_t i = uint32_t(key.as_int32());
    if (o->element_flags() == kDefaultProperty) {
      if (i < e.size() && !e[i].is_empty()) {
        e[i] = r[ins.c()];
        DISPATCH();
      }
      if (o->object_class() == ObjectClass::Array && i == e.size() && i == o->array_length() && o->extensible() &&
          o->array_length_writable() && !o->has_sparse_elements()) {
        // Appending: only safe when no prototype has indexed properties (setters).
        Object* proto = static_cast<Object*>(o->prototype());
        if (proto == vm.realm_->intrinsics[IntrinsicObject::ArrayPrototype] && proto->dense_length() == 0) {
          e.push_back(r[ins.c()]);
          o->set_array_length_raw(i + 1);
          DISPATCH();
        }
      }
    }
    if (o->object_class() == ObjectClass::TypedArray && typed_array_fast_set(o, i, r[ins.c()])) DISPATCH();
  }
  set_indexed_slow(vm, base, key, r[ins.c()], f->tmpl->code->strict);
  DISPATCH();
}
L_DeleteIndexed: r[ins.a()] = Value::boolean(delete_indexed(vm, r[ins.b()], r[ins.c()], f->tmpl->code->strict)); DISPATCH();
L_GetSuper: r[ins.a()] = get_super(vm, *f, r[ins.b()]); DISPATCH();
L_SetSuper: set_super(vm, *f, r[ins.a()], r[ins.b()]); DISPATCH();
L_GetPrivate: r[ins.a()] = get_private(vm, f->private_env, r[ins.b()], ics[ins.c()].name); DISPATCH();
L_SetPrivate: set_private(vm, f->private_env, r[ins.a()], ics[ins.b()].name, r[ins.c()]); DISPATCH();
L_DefinePrivate: define_private(vm, f->private_env, r[ins.a()], ics[ins.b()].name, r[ins.c()]); DISPATCH();
L_DefinePrivateAccessor:
  define_private_accessor(vm, f->private_env, r[ins.a()], ics[ins.b()].name, r[ins.c()], r[ins.c() + 1].as_int32() == 2);
  DISPATCH();
L_HasPrivate: r[ins.a()] = Value::boolean(has_private(vm, f->private_env, r[ins.b()], ics[ins.c()].name)); DISPATCH();
L_In: {
  Value target = r[ins.c()];
  if (!target.is_object())
    vm.throw_error(ErrorType::TypeError, "Cannot use 'in' operator to search for '" + to_utf8(vm, r[ins.b()]) + "' in " +
                                             to_utf8(vm, target));
  PropertyKey k = to_property_key(vm, r[ins.b()]);
  r[ins.a()] = Value::boolean(has_property(vm, as_object(r[ins.c()]), k));
  DISPATCH();
}
L_Instanceof: r[ins.a()] = Value::boolean(instance_of(vm, r[ins.b()], r[ins.c()])); DISPATCH();

L_Add: {
  Value a = r[ins.b()], b = r[ins.c()];
  if (a.is_int32() && b.is_int32()) {
    int32_t out;
    if (!__builtin_add_overflow(a.as_int32(), b.as_int32(), &out)) r[ins.a()] = Value::int32(out);
    else r[ins.a()] = Value::from_double(double(a.as_int32()) + double(b.as_int32()));
  } else if (a.is_number() && b.is_number()) {
    r[ins.a()] = Value::number(a.as_number() + b.as_number());
  } else if (a.is_string() && b.is_string()) {
    String* s = String::concat(vm.heap_, as_string(a), as_string(b));
    if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
    r[ins.a()] = string_value(s);
  } else if ((a.is_string() && b.is_number()) || (a.is_number() && b.is_string())) {
    r[ins.a()] = concat_with_number(vm, a, b);
  } else {
    r[ins.a()] = add_values(vm, a, b);
  }
  DISPATCH();
}
L_Sub: {
  Value a = r[ins.b()], b = r[ins.c()];
  int32_t out;
  if (a.is_int32() && b.is_int32() && !__builtin_sub_overflow(a.as_int32(), b.as_int32(), &out)) r[ins.a()] = Value::int32(out);
  else if (a.is_number() && b.is_number()) r[ins.a()] = Value::number(a.as_number() - b.as_number());
  else r[ins.a()] = arith_slow(vm, Opcode::Sub, a, b);
  DISPATCH();
}
L_Mul: {
  Value a = r[ins.b()], b = r[ins.c()];
  int32_t out;
  if (a.is_int32() && b.is_int32() && !__builtin_mul_overflow(a.as_int32(), b.as_int32(), &out) &&
      !(out == 0 && (a.as_int32() < 0 || b.as_int32() < 0)))
    r[ins.a()] = Value::int32(out);
  else if (a.is_number() && b.is_number()) r[ins.a()] = Value::number(a.as_number() * b.as_number());
  else r[ins.a()] = arith_slow(vm, Opcode::Mul, a, b);
  DISPATCH();
}
L_Div:
  if (r[ins.b()].is_number() && r[ins.c()].is_number()) r[ins.a()] = Value::number(r[ins.b()].as_number() / r[ins.c()].as_number());
  else r[ins.a()] = arith_slow(vm, Opcode::Div, r[ins.b()], r[ins.c()]);
  DISPATCH();
L_Mod: {
  Value a = r[ins.b()], b = r[ins.c()];
  if (a.is_int32() && b.is_int32() && a.as_int32() >= 0 && b.as_int32() > 0) r[ins.a()] = Value::int32(a.as_int32() % b.as_int32());
  else if (a.is_number() && b.is_number()) r[ins.a()] = Value::number(std::fmod(a.as_number(), b.as_number()));
  else r[ins.a()] = arith_slow(vm, Opcode::Mod, a, b);
  DISPATCH();
}
L_Exp: r[ins.a()] = arith_slow(vm, Opcode::Exp, r[ins.b()], r[ins.c()]); DISPATCH();
#define GLASS_BITOP(name, expr)                                        \
  L_##name:                                                            \
  if (r[ins.b()].is_int32() && r[ins.c()].is_int32()) {                            \
    int32_t x = r[ins.b()].as_int32(), y = r[ins.c()].as_int32();                  \
    r[ins.a()] = expr;                                                       \
  } else {                                                             \
    r[ins.a()] = arith_slow(vm, Opcode::name, r[ins.b()], r[ins.c()]);                   \
  }                                                                    \
  DISPATCH();
GLASS_BITOP(BitAnd, Value::int32(x & y))
GLASS_BITOP(BitOr, Value::int32(x | y))
GLASS_BITOP(BitXor, Value::int32(x ^ y))
GLASS_BITOP(Shl, Value::int32(int32_t(uint32_t(x) << (y & 31))))
GLASS_BITOP(Sar, Value::int32(x >> (y & 31)))
GLASS_BITOP(Shr, Value::number(double(uint32_t(x) >> (y & 31))))
#undef GLASS_BITOP
// ins.a() comparison whose result only decides the JumpIfFalse/JumpIfTrue right
// after it (every `if`, loop test and `?:` compiles to that pair) takes the
// branch itself: one dispatch instead of two. The boolean is still written,
// so the pair means exactly what it did; --trace runs them one by one.
#define BOOLEAN_RESULT(expr)                                              \
  do {                                                                    \
    bool result_ = (expr);                                                \
    r[ins.a()] = Value::boolean(result_);                                       \
    if constexpr (kFuse) {                                              \
      Instruction next_ = *pc;                                            \
      if (next_.a() == ins.a()) {                                               \
        if (next_.op() == Opcode::JumpIfFalse) {                          \
          pc += result_ ? 1 : 1 + next_.sbx();                            \
        } else if (next_.op() == Opcode::JumpIfTrue) {                    \
          pc += result_ ? 1 + next_.sbx() : 1;                            \
        }                                                                 \
      }                                                                   \
    }                                                                     \
    DISPATCH();                                                           \
  } while (0)
L_Eq: BOOLEAN_RESULT(loose_equals(vm, r[ins.b()], r[ins.c()]));
L_NotEq: BOOLEAN_RESULT(!loose_equals(vm, r[ins.b()], r[ins.c()]));
L_StrictEq: BOOLEAN_RESULT(strict_equals(r[ins.b()], r[ins.c()]));
L_StrictNotEq: BOOLEAN_RESULT(!strict_equals(r[ins.b()], r[ins.c()]));
#define GLASS_COMPARE(name, op)                                                    \
  L_##name:                                                                        \
  if (r[ins.b()].is_int32() && r[ins.c()].is_int32()) BOOLEAN_RESULT(r[ins.b()].as_int32() op r[ins.c()].as_int32()); \
  if (r[ins.b()].is_number() && r[ins.c()].is_number()) BOOLEAN_RESULT(r[ins.b()].as_number() op r[ins.c()].as_number()); \
  BOOLEAN_RESULT(compare_slow(vm, Opcode::name, r[ins.b()], r[ins.c()]).as_boolean());
GLASS_COMPARE(Less, <)
GLASS_COMPARE(LessEq, <=)
GLASS_COMPARE(Greater, >)
GLASS_COMPARE(GreaterEq, >=)
#undef GLASS_COMPARE
L_Negate:
  if (r[ins.b()].is_int32() && r[ins.b()].as_int32() != 0 && r[ins.b()].as_int32() != INT32_MIN) r[ins.a()] = Value::int32(-r[ins.b()].as_int32());
  else if (r[ins.b()].is_number()) r[ins.a()] = Value::number(-r[ins.b()].as_number());
  else r[ins.a()] = numeric_negate(vm, r[ins.b()]);
  DISPATCH();
L_ToNumeric: {
  Value v = r[ins.b()].is_number() ? r[ins.b()] : to_numeric(vm, r[ins.b()]);
  r[ins.a()] = v;
  // `i++` and `i--` compile to ToNumeric then Increment/Decrement of its
  // result: an int32 takes both steps here (one dispatch instead of two).
  if constexpr (kFuse) {
    Instruction next_ = *pc;
    if (next_.b() == ins.a() && v.is_int32()) {
      if (next_.op() == Opcode::Increment && v.as_int32() != INT32_MAX) {
        r[next_.a()] = Value::int32(v.as_int32() + 1);
        ++pc;
      } else if (next_.op() == Opcode::Decrement && v.as_int32() != INT32_MIN) {
        r[next_.a()] = Value::int32(v.as_int32() - 1);
        ++pc;
      }
    }
  }
  DISPATCH();
}
L_ToNumber: r[ins.a()] = r[ins.b()].is_number() ? r[ins.b()] : Value::number(to_number(vm, r[ins.b()])); DISPATCH();
L_ToString: r[ins.a()] = r[ins.b()].is_string() ? r[ins.b()] : string_value(to_string(vm, r[ins.b()])); DISPATCH();
L_ToPropertyKey: r[ins.a()] = r[ins.b()].is_object() ? to_property_key_value(vm, r[ins.b()]) : r[ins.b()]; DISPATCH();
L_BitNot: r[ins.a()] = r[ins.b()].is_int32() ? Value::int32(~r[ins.b()].as_int32()) : numeric_bitnot(vm, r[ins.b()]); DISPATCH();
L_Not: BOOLEAN_RESULT(!to_boolean(r[ins.b()]));
L_Typeof: r[ins.a()] = typeof_value(vm, r[ins.b()]); DISPATCH();
L_Increment:
  if (r[ins.b()].is_int32() && r[ins.b()].as_int32() != INT32_MAX) r[ins.a()] = Value::int32(r[ins.b()].as_int32() + 1);
  else if (!r[ins.b()].is_bigint()) r[ins.a()] = Value::number(r[ins.b()].as_number() + 1);
  else r[ins.a()] = bigint_add_small(vm, r[ins.b()], 1);
  DISPATCH();
L_Decrement:
  if (r[ins.b()].is_int32() && r[ins.b()].as_int32() != INT32_MIN) r[ins.a()] = Value::int32(r[ins.b()].as_int32() - 1);
  else if (!r[ins.b()].is_bigint()) r[ins.a()] = Value::number(r[ins.b()].as_number() - 1);
  else r[ins.a()] = bigint_add_small(vm, r[ins.b()], -1);
  DISPATCH();

L_Jump: pc += ins.sbx(); DISPATCH();
L_JumpIfTrue:
  if (to_boolean(r[ins.a()])) pc += ins.sbx();
  DISPATCH();
L_JumpIfFalse:
  if (!to_boolean(r[ins.a()])) pc += ins.sbx();
  DISPATCH();
L_JumpIfNullish:
  if (r[ins.a()].is_nullish()) pc += ins.sbx();
  DISPATCH();
L_JumpIfNotUndefined:
  if (!r[ins.a()].is_undefined()) pc += ins.sbx();
  DISPATCH();
L_JumpIfEmpty:
  if (r[ins.a()].is_empty()) pc += ins.sbx();
  DISPATCH();

L_Call: {
  Value callee = r[ins.b()];
  FunctionObject* fn = as_function(callee);
  if (fn && fn->kind == FunctionKind::Bytecode && !fn->is_class_constructor) {
    uint16_t ret = ins.a();
    Frame* callee_frame = vm.push_frame(fn, r + ins.b() + 2, ins.c(), r[ins.b() + 1], Value::undefined(), 0, ret);
    if (!callee_frame) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    ENTER(callee_frame, fn);
    DISPATCH();
  }
  if (!fn) throw_not_callable(vm, f->tmpl->code, pc - 1, " is not a function");
  if (fn->kind == FunctionKind::Native) {
    // The callee, this and the arguments are already rooted in this
    // frame's registers: no copy to the top of the stack (Vm::call's way).
    Value result = vm.call_native(fn, r[ins.b() + 1], std::span<const Value>(r + ins.b() + 2, ins.c()), Value::undefined());
    r[ins.a()] = result;
    DISPATCH();
  }
  Value result = vm.call(callee, r[ins.b() + 1], std::span<const Value>(r + ins.b() + 2, ins.c()));
  r[ins.a()] = result;  // (Vm::call restored the stack top)
  DISPATCH();
}
L_New: {
  Value callee = r[ins.b()];
  FunctionObject* fn = as_function(callee);
  if (!fn || !fn->is_constructor) throw_not_callable(vm, f->tmpl->code, pc - 1, " is not a constructor");
  if (fn->kind == FunctionKind::Bytecode) {
    uint16_t ret = ins.a();
    if (!push_construct_frame(vm, fn, r + ins.b() + 2, ins.c(), callee, 0, ret))
      vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  Value result = vm.construct(callee, std::span<const Value>(r + ins.b() + 2, ins.c()), callee);
  r[ins.a()] = result;
  DISPATCH();
}
L_CallEval:
  // §13.3.6.1: `eval(src)` calling the realm's own eval runs src in this
  // frame's scope, as a new frame over it; any other callee is a plain call.
  if (r[ins.b()] == object_value(vm.realm_->intrinsics[IntrinsicObject::Eval])) {
    if (ins.c() == 0 || !r[ins.b() + 2].is_string()) {
      r[ins.a()] = ins.c() == 0 ? Value::undefined() : r[ins.b() + 2];
      DISPATCH();
    }
    Value new_target = Value::undefined();
    prepare_direct_eval(vm, *f, uint32_t(pc - 1 - f->tmpl->code->code.data()), &r[ins.b()], &new_target);
    if (!vm.push_frame(as_function(r[ins.b()]), r + ins.b() + 2, 0, r[ins.b() + 1], new_target, 0, ins.a()))
      vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  goto L_Call;
L_CallArray:
L_NewSpread: {
  // Spread the argument array into the registers after `this`, then call as usual.
  bool construct = ins.op() == Opcode::NewSpread;
  Value callee = r[ins.b()];
  uint32_t argc = ins.c();
  Value* saved_sp = vm.sp_;
  {
    Object* list = as_object(r[ins.b() + 2]);
    argc = list->array_length();
    if (r + ins.b() + 2 + argc + 64 > vm.stack_end_) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    vm.sp_ = std::max(vm.sp_, r + ins.b() + 2 + argc);  // the spread values are rooted as they land
    for (uint32_t i = 0; i < argc; ++i) {
      std::optional<Value> v = list->get_element(i);
      r[ins.b() + 2 + i] = v ? *v : Value::undefined();
    }
  }
  FunctionObject* fn = as_function(callee);
  if (!fn || (construct && !fn->is_constructor))
    throw_not_callable(vm, f->tmpl->code, pc - 1, construct ? " is not a constructor" : " is not a function");
  if (fn->kind == FunctionKind::Bytecode && (construct || !fn->is_class_constructor)) {
    uint16_t ret = ins.a();
    bool ok = construct ? push_construct_frame(vm, fn, r + ins.b() + 2, argc, callee, 0, ret)
                        : vm.push_frame(fn, r + ins.b() + 2, argc, r[ins.b() + 1], Value::undefined(), 0, ret);
    if (!ok) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  Value result = construct ? vm.construct(callee, std::span<const Value>(r + ins.b() + 2, argc), callee)
                           : vm.call(callee, r[ins.b() + 1], std::span<const Value>(r + ins.b() + 2, argc));
  r[ins.a()] = result;
  vm.sp_ = saved_sp;
  DISPATCH();
}
L_SuperCall: r[ins.a()] = super_call(vm, *f, r[ins.b()]); DISPATCH();
L_Return: {
  Value result = r[ins.a()];
  if (f->flags & Frame::kConstruct) result = construct_result(vm, *f, result);
  DEBUG_LEAVING(Return);
  bool is_entry = f->flags & Frame::kEntry;
  uint16_t ret = f->return_reg;
  vm.sp_ = f->saved_sp;
  vm.frames_.pop_back();
  if (is_entry) return result;
  RESUME_CALLER();
  r[ret] = result;
  DISPATCH();
}
L_Throw:
  if constexpr (kMode == DispatchMode::Debug) debug->exception_thrown(vm, r[ins.a()]);
  vm.exception_ = r[ins.a()];
  if (!vm.unwind(entry)) throw Thrown{};
  RELOAD();
  DISPATCH();

L_NewObject: r[ins.a()] = object_value(vm.new_object(ins.b() ? ins.b() : Object::kDefaultInlineSlots)); DISPATCH();
L_NewArray: r[ins.a()] = object_value(vm.new_array_from(std::span<const Value>(r + ins.b(), ins.c()))); DISPATCH();
L_NewClosure: r[ins.a()] = object_value(new_closure(vm, *f, ins.bx())); DISPATCH();
L_NewRegExp: r[ins.a()] = regexp_create_literal(vm, f->tmpl->code->constants[ins.bx()].string, f->tmpl->code->constants[ins.bx()].text); DISPATCH();
L_DefineField: define_field(vm, r[ins.a()], r[ins.b()], r[ins.c()]); DISPATCH();
L_DefineNamed: {
  Object* o = as_object(r[ins.a()]);
  InlineCache& ic = ics[ins.b()];
  const IcEntry* e = ic.lookup(o->shape_for_cache());
  if (!e && ic.megamorphic) e = vm.stub_cache()->find(StubCache::Kind::Define, o->shape_for_cache(), ic.name);
  if (e) {
    o->append_with_shape(e->holder_shape, r[ins.c()]);
    DISPATCH();
  }
  define_named_slow(vm, r[ins.a()], ic, r[ins.c()]);
  DISPATCH();
}
L_DefineGetter: define_accessor_half(vm, r[ins.a()], r[ins.b()], r[ins.c()], true, true); DISPATCH();
L_DefineSetter: define_accessor_half(vm, r[ins.a()], r[ins.b()], r[ins.c()], false, true); DISPATCH();
L_DefineMethod: define_method(vm, r[ins.a()], r[ins.b()], r[ins.c()]); DISPATCH();
L_DefineClassGetter: define_accessor_half(vm, r[ins.a()], r[ins.b()], r[ins.c()], true, false); DISPATCH();
L_DefineClassSetter: define_accessor_half(vm, r[ins.a()], r[ins.b()], r[ins.c()], false, false); DISPATCH();
L_SetHomeObject:
  if (FunctionObject* fn = as_function(r[ins.a()])) fn->home_object = r[ins.b()];
  DISPATCH();
L_SetProto:
  if (r[ins.b()].is_object() || r[ins.b()].is_null()) set_prototype_of(vm, as_object(r[ins.a()]), r[ins.b()]);
  DISPATCH();
L_CopyDataProperties: copy_data_properties(vm, r[ins.a()], r[ins.b()], r[ins.c()]); DISPATCH();
L_ArrayPush: array_push(vm, r[ins.a()], r[ins.b()]); DISPATCH();
L_ArraySpread: array_spread(vm, r[ins.a()], r[ins.b()]); DISPATCH();
L_ArrayHole: array_hole(r[ins.a()]); DISPATCH();
L_GetTemplateObject: r[ins.a()] = template_object(vm, f->tmpl, ins.bx()); DISPATCH();
L_MakeClass: r[ins.a() + 1] = make_class(vm, r[ins.a()], r[ins.b()]); DISPATCH();
L_SetClassFields: as_function(r[ins.a()])->fields = r[ins.b()]; DISPATCH();
L_PushPrivateNames: f->private_env = push_private_names(vm, f->private_env, f->tmpl->code->constants[ins.bx()].names); DISPATCH();
L_PopPrivateNames: {
  Object* outer = get_prototype_of(as_object(f->private_env));
  f->private_env = outer ? object_value(outer) : Value::undefined();
  DISPATCH();
}
L_CreateGenerator: r[ins.a()] = object_value(create_generator(vm, *f)); DISPATCH();
L_Yield:
L_Await:
L_AsyncReturn: {
  if constexpr (kMode == DispatchMode::Debug) {
    if (ins.op() == Opcode::Yield) DEBUG_LEAVING(Yield);
    else if (ins.op() == Opcode::Await) DEBUG_LEAVING(Await);
    else DEBUG_LEAVING(Return);
  }
  Value result = suspend_or_settle(vm, *f, pc, ins);
  bool is_entry = f->flags & Frame::kEntry;
  uint16_t ret = f->return_reg;
  vm.sp_ = f->saved_sp;
  vm.frames_.pop_back();
  if (is_entry) return result;
  RELOAD();
  r[ret] = result;
  DISPATCH();
}
L_RequireIterResult:
  if (!r[ins.a()].is_object()) throw_iter_result_not_object(vm, r[ins.a()]);
  DISPATCH();
L_ThrowIteratorNoThrow: vm.throw_error(ErrorType::TypeError, "The iterator does not provide a 'throw' method.");
L_GetIterator: {
  IteratorRecord it = get_iterator(vm, r[ins.b()]);
  r[ins.a()] = it.iterator;
  r[ins.a() + 1] = it.next_method;
  DISPATCH();
}
L_IteratorNext: {
  IteratorRecord it{r[ins.b()], r[ins.b() + 1]};
  std::optional<Value> v = iterator_step(vm, it);
  r[ins.a()] = v ? *v : Value::undefined();
  r[ins.a() + 1] = Value::boolean(!v);
  DISPATCH();
}
L_ForInPrepare: r[ins.a()] = object_value(for_in_enumerator(vm, r[ins.b()])); DISPATCH();
L_ForInNext: r[ins.a()] = for_in_next(vm, as_object(r[ins.b()])); DISPATCH();
L_IteratorClose: iterator_close(vm, r[ins.a()]); DISPATCH();
L_GetAsyncIterator: {
  Value next = Value::undefined();
  Value it = async_iterator_of(vm, r[ins.b()], &next);
  r[ins.a()] = it;
  r[ins.a() + 1] = next;
  DISPATCH();
}
L_IteratorRest: r[ins.a()] = iterator_rest(vm, r[ins.b()], r[ins.b() + 1]); DISPATCH();
L_CreateDisposeScope: r[ins.a()] = new_dispose_scope(vm); DISPATCH();
L_AddDisposable:
  dispose_scope_add(vm, r[ins.a()], r[ins.b()], ins.c() ? DisposeHint::AsyncDispose : DisposeHint::SyncDispose);
  DISPATCH();
L_DisposeResources: {
  bool throwing = r[ins.b()].is_int32() && r[ins.b()].as_int32() == 1;
  dispose_scope(vm, r[ins.a()], throwing, r[ins.c()]);
  DISPATCH();
}
L_DisposeResourcesAsync: {
  bool throwing = r[ins.b()].is_int32() && r[ins.b()].as_int32() == 1;
  Value result = dispose_scope_async(vm, r[ins.a()], throwing, r[ins.c()]);
  RELOAD();
  r[ins.a()] = result;
  DISPATCH();
}
L_Debugger:
  if constexpr (kMode == DispatchMode::Debug) debug->debugger_statement(vm, *f);
  DISPATCH();

#undef DEBUG_LEAVING
#undef BOOLEAN_RESULT
#undef ENTER
#undef RESUME_CALLER
#undef RELOAD
#undef LOAD_FRAME_STATE
#undef DISPATCH
}

Value Vm::run(size_t entry) {
  for (;;) {
    try {
      if (options_.trace) [[unlikely]]
        return Interpreter::execute<DispatchMode::Trace>(*this, entry);
      if (debug_hooks_) [[unlikely]]
        return Interpreter::execute<DispatchMode::Debug>(*this, entry);
      return Interpreter::execute<DispatchMode::Plain>(*this, entry);
    } catch (const Thrown&) {
      if (!unwind(entry)) throw;
    }
  }
}

// Looks for a handler for the pending exception in frames_[entry..top],
// innermost first. Frames without one are popped. True when a handler was
// found (its frame is now on top, pc at the handler); false when the
// exception leaves the entry frame (popped too) for the C++ caller.
bool Vm::unwind(size_t entry) {
  while (frames_.size() > entry) {
    Frame& f = frames_.back();
    const bytecode::CompiledFunction* code = f.tmpl->code;
    uint32_t at = uint32_t(f.pc - code->code.data()) - 1;  // the instruction that threw
    for (const bytecode::Handler& h : code->handlers) {
      if (at < h.start || at >= h.end) continue;
      while (f.scope_depth > h.scope_depth) {
        f.scope = f.scope->parent();
        --f.scope_depth;
      }
      f.regs[h.reg] = exception_;
      exception_ = Value::undefined();
      f.pc = code->code.data() + h.handler;
      sp_ = std::max(f.saved_sp, f.regs + code->register_count);
      return true;
    }
    sp_ = f.saved_sp;
    frames_.pop_back();
  }
  return false;
}

}  // namespace glass
