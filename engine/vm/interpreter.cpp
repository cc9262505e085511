// The interpreter: one loop that executes bytecode for every frame on the
// VM's call stack.
//
// Dispatch is "computed goto" (a GCC/Clang extension): the table of label
// addresses is generated from GLASS_OPCODES, and each handler ends by
// fetching the next instruction and jumping straight to its handler, so the
// CPU's branch predictor learns per-opcode successor patterns. With --trace
// the loop uses a second table whose every entry prints the instruction
// first, so tracing costs nothing when it is off.
//
// A JS call pushes a Frame and reloads the cached frame state (f, r, pc, t);
// a return pops it and reloads the caller's. Nothing here recurses on the C++
// stack for a JS-to-JS call. The only C++ recursion is a native calling
// Vm::call, which runs a nested run() bounded by VmOptions::max_native_depth.
//
// Exceptions: see Vm::run and Vm::unwind at the end of this file.
#include <cmath>
#include <cstdio>

#include "builtins/regexp.h"
#include "bytecode/disassembler.h"
#include "parser/display.h"
#include "vm/arguments.h"
#include "vm/box.h"
#include "vm/interpreter_support.h"
#include "vm/module.h"
#include "vm/generator.h"
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

// ---- slow paths (out of line so the loop stays small) --------------------------

static NumericOp numeric_op(Opcode op) {
  switch (op) {
    case Opcode::Sub: return NumericOp::Sub;
    case Opcode::Mul: return NumericOp::Mul;
    case Opcode::Div: return NumericOp::Div;
    case Opcode::Mod: return NumericOp::Mod;
    case Opcode::Exp: return NumericOp::Exp;
    case Opcode::BitAnd: return NumericOp::BitAnd;
    case Opcode::BitOr: return NumericOp::BitOr;
    case Opcode::BitXor: return NumericOp::BitXor;
    case Opcode::Shl: return NumericOp::Shl;
    case Opcode::Sar: return NumericOp::Sar;
    default: return NumericOp::Shr;
  }
}

static Value arith_slow(Vm& vm, Opcode op, Value a, Value b);

// ToNumeric on both operands (valueOf may run), then the BigInt or the Number operation.
static Value arith_convert(Vm& vm, Opcode op, Value a, Value b) {
  RootedValue rb(vm.heap(), b);
  RootedValue na(vm.heap(), to_numeric(vm, a));  // a BigInt must survive b's valueOf
  Value nb = to_numeric(vm, rb);
  if (na.get().is_bigint() || nb.is_bigint()) return bigint_binary(vm, numeric_op(op), na, nb);
  return arith_slow(vm, op, na, nb);
}

static Value arith_slow(Vm& vm, Opcode op, Value a, Value b) {
  if (!a.is_number() || !b.is_number()) return arith_convert(vm, op, a, b);
  double x = a.as_number();
  double y = b.as_number();
  switch (op) {
    case Opcode::Sub: return Value::number(x - y);
    case Opcode::Mul: return Value::number(x * y);
    case Opcode::Div: return Value::number(x / y);
    case Opcode::Mod: return Value::number(std::fmod(x, y));
    case Opcode::Exp: {
      if (y != y) return Value::from_double(NAN);
      if ((x == 1 || x == -1) && std::isinf(y)) return Value::from_double(NAN);
      return Value::number(std::pow(x, y));
    }
    case Opcode::BitAnd: return Value::int32(int32_t(double_to_uint32(x) & double_to_uint32(y)));
    case Opcode::BitOr: return Value::int32(int32_t(double_to_uint32(x) | double_to_uint32(y)));
    case Opcode::BitXor: return Value::int32(int32_t(double_to_uint32(x) ^ double_to_uint32(y)));
    case Opcode::Shl: return Value::int32(int32_t(double_to_uint32(x) << (double_to_uint32(y) & 31)));
    case Opcode::Sar: return Value::int32(int32_t(double_to_uint32(x)) >> (double_to_uint32(y) & 31));
    case Opcode::Shr: return Value::number(double(double_to_uint32(x) >> (double_to_uint32(y) & 31)));
    default: return Value::undefined();
  }
}

// ToNumeric is emitted both for unary + and before the Increment/Decrement
// of ++/--, and only the latter may keep a BigInt: unary + is ToNumber,
// which throws for one. Until the compiler emits ToNumber for unary +, a
// ToNumeric whose result the next instruction does not increment or
// decrement is a unary + (the update sequence is always ToNumeric r, then
// Increment/Decrement _, r).
static Value compare_slow(Vm& vm, Opcode op, Value a, Value b) {
  std::optional<bool> r;
  switch (op) {
    case Opcode::Less: r = less_than(vm, a, b, true); return Value::boolean(r.value_or(false));
    case Opcode::Greater: r = less_than(vm, b, a, false); return Value::boolean(r.value_or(false));
    case Opcode::LessEq: r = less_than(vm, b, a, false); return Value::boolean(r && !*r);
    case Opcode::GreaterEq: r = less_than(vm, a, b, true); return Value::boolean(r && !*r);
    default: return Value::undefined();
  }
}

// Fills `ic` from a full lookup of ic.name on `o` when the property is a data
// property, own or on the direct prototype.
static void fill_get_cache(InlineCache& ic, Object* o) {
  if (o->in_dictionary_mode()) return;
  if (auto own = o->shape()->find(ic.name)) {
    if (own->flags & kAccessor) return;
    ic.record(IcEntry{o->shape(), nullptr, nullptr, own->slot});
    return;
  }
  Object* proto = static_cast<Object*>(o->prototype());
  if (!proto || proto->in_dictionary_mode()) return;
  if (auto found = proto->shape()->find(ic.name)) {
    if (found->flags & kAccessor) return;
    ic.record(IcEntry{o->shape(), proto, proto->shape(), found->slot});
  }
}

static Value get_named_slow(Vm& vm, Value base, InlineCache& ic) {
  Value v = get_value(vm, base, PropertyKey::of_cell(ic.name));
  if (base.is_object()) {
    Object* o = as_object(base);
    // (A typed array's numeric names, "-0" or "1.5", never reach its prototype: not cacheable.)
    if (o->object_class() != ObjectClass::String &&
        !(is_typed_array(o) && canonical_numeric_index(PropertyKey::of_cell(ic.name))))
      fill_get_cache(ic, o);
  }
  return v;
}

static void set_named_slow(Vm& vm, Value base, InlineCache& ic, Value v, bool strict) {
  if (base.is_object()) {
    Object* o = as_object(base);
    Shape* before = o->shape();
    bool was_dict = o->in_dictionary_mode();
    bool had_own = !was_dict && before->find(ic.name).has_value();
    bool chain_clean = !had_own;
    // (Looked up without running anything: a Proxy on the chain just makes the site uncacheable.)
    if (chain_clean)
      for (Object* p = static_cast<Object*>(o->prototype()); p && chain_clean; p = static_cast<Object*>(p->prototype()))
        if (p->object_class() == ObjectClass::Proxy || p->get_own(ic.name)) chain_clean = false;
    put_value(vm, base, PropertyKey::of_cell(ic.name), v, strict);
    if (o->in_dictionary_mode() || was_dict || o->object_class() == ObjectClass::Array) return;
    if (had_own) {
      auto info = before->find(ic.name);
      if (info && (info->flags & (kWritable | kAccessor)) == kWritable && o->shape() == before)
        ic.record(IcEntry{before, nullptr, nullptr, info->slot});
    } else if (chain_clean && o->shape() != before && o->shape()->parent() == before) {
      // An add: cache the transition (old shape -> new shape).
      ic.record(IcEntry{before, nullptr, o->shape(), o->shape()->property_count() - 1});
    }
    return;
  }
  put_value(vm, base, PropertyKey::of_cell(ic.name), v, strict);
}

// NOTE: the interpreter's handlers leave their block by `goto *`, which
// skips C++ destructors, so no handler may hold an RAII object (Rooted,
// RootedValue, std::string...). Work that needs one lives in these helpers.
static Value get_indexed_slow(Vm& vm, Value base, Value key) {
  RootedValue keep(vm.heap(), base);
  PropertyKey k = to_property_key(vm, key);
  return get_value(vm, keep, k);
}

static void set_indexed_slow(Vm& vm, Value base, Value key, Value v, bool strict) {
  RootedValue keep(vm.heap(), base), value(vm.heap(), v);
  PropertyKey k = to_property_key(vm, key);
  put_value(vm, keep, k, value, strict);
}

static bool delete_indexed(Vm& vm, Value base, Value key, bool strict) {
  RootedValue keep(vm.heap(), base);
  if (base.is_nullish()) vm.throw_error(ErrorType::TypeError, "Cannot convert undefined or null to object");
  PropertyKey k = to_property_key(vm, key);
  gc::Rooted<Object> o(vm.heap(), to_object(vm, keep));
  bool ok = delete_property(vm, o, k);
  if (!ok && strict) vm.throw_error(ErrorType::TypeError, "Cannot delete property '" + to_utf8(vm, key_to_value(vm, k)) + "'");
  return ok;
}

// "item" + 1 (either order): the number's string, then one concat.
static Value concat_with_number(Vm& vm, Value a, Value b) {
  RootedValue ra(vm.heap(), a), rb(vm.heap(), b);
  if (a.is_number()) ra = string_value(number_to_string(vm, a.as_number()));
  else rb = string_value(number_to_string(vm, b.as_number()));
  String* s = String::concat(vm.heap(), as_string(ra), as_string(rb));
  if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(s);
}

static void define_field(Vm& vm, Value object, Value key, Value v) {
  // Object literals: a new named key on an ordinary extensible object is a
  // shape transition, nothing more.
  if (key.is_string() && as_string(key)->is_atom()) {
    Object* o = as_object(object);
    uint32_t index;
    if (o->object_class() == ObjectClass::Ordinary && !o->in_dictionary_mode() && o->extensible() &&
        !as_string(key)->is_array_index(&index)) {
      o->define_own(vm.heap(), as_string(key), v, kDefaultProperty);
      return;
    }
  }
  RootedValue keep(vm.heap(), object), value(vm.heap(), v);
  PropertyKey k = to_property_key(vm, key);
  create_data_property_or_throw(vm, as_object(keep), k, value);
}

// An object literal's `name: value` that missed its cache: define it, then
// remember the transition when it was a plain add (the next literal built
// at this site starts from the same shape and takes the same step).
static void define_named_slow(Vm& vm, Value object, InlineCache& ic, Value v) {
  Object* o = as_object(object);
  Shape* before = o->in_dictionary_mode() ? nullptr : o->shape();
  define_field(vm, object, string_value(ic.name), v);
  Shape* after = o->shape();
  if (before && !o->in_dictionary_mode() && after != before && after->parent() == before && after->key() == ic.name &&
      after->flags() == kDefaultProperty)
    ic.record(IcEntry{before, nullptr, after, after->property_count() - 1});
}

[[noreturn]] static void throw_uninitialized(Vm& vm, String* name) {
  std::string n = name->to_utf8();
  if (n == "this")
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  vm.throw_error(ErrorType::ReferenceError, "Cannot access '" + n + "' before initialization");
}

[[noreturn]] static void throw_iter_result_not_object(Vm& vm, Value result) {
  std::string shown = result.is_symbol() ? "Symbol()" : to_utf8(vm, result);
  vm.throw_error(ErrorType::TypeError, "Iterator result " + shown + " is not an object");
}

[[noreturn]] static void throw_not_callable(Vm& vm, const bytecode::CompiledFunction* code, const Instruction* at,
                                            const char* what) {
  vm.throw_error(ErrorType::TypeError, code->callee_description(uint32_t(at - code->code.data())) + what);
}

static Object* for_in_enumerator(Vm& vm, Value v) {
  ValueVector keys(vm.heap());
  if (!v.is_nullish()) {
    gc::Rooted<Object> o(vm.heap(), to_object(vm, v));
    std::vector<PropertyKey> seen;
    for (Object* cur = o; cur; cur = get_prototype_of(cur)) {
      gc::Rooted<Object> c(vm.heap(), cur);
      for (PropertyKey key : own_property_keys(vm, c)) {
        if (!key.is_index() && !is_string(key.cell)) continue;
        bool dup = false;
        for (const PropertyKey& s : seen) dup = dup || s == key;
        if (dup) continue;
        seen.push_back(key);
        auto p = get_own_property(vm, c, key);
        if (p && (p->flags & kEnumerable)) keys.values.push_back(key_to_value(vm, key));
      }
      cur = c;
    }
    keys.values.push_back(object_value(o));  // the object, last: checked for deletions
  } else {
    keys.values.push_back(Value::undefined());
  }
  Object* e = vm.new_array_from(keys.values);
  e->set_object_class(ObjectClass::Iterator);
  return e;
}

// The next key, or empty when done. The enumerator's length counts what is left.
static Value for_in_next(Vm& vm, Object* e) {
  std::vector<Value>& items = e->dense_elements();
  Value target = items.back();
  while (e->array_length() > 1) {
    uint32_t i = uint32_t(items.size()) - e->array_length();
    e->set_array_length_raw(e->array_length() - 1);
    Value key = items[i];
    // A key deleted during the loop is skipped (a Proxy's keys are taken as its ownKeys gave them).
    if (target.is_object() && as_object(target)->object_class() != ObjectClass::Proxy &&
        !has_property(vm, as_object(target), to_property_key(vm, key)))
      continue;
    return key;
  }
  return Value::empty();
}

static std::string trace_value_text(Value v) {
  std::string shown;
  if (v.is_empty()) shown = "<empty>";
  else if (v.is_number()) shown = number_to_js_string(v.as_number());
  else if (v.is_string()) shown = quote_js_string(as_string(v)->to_utf16());
  else if (v.is_bigint()) shown = as_bigint(v)->to_string() + "n";
  else if (v.is_object()) shown = is_callable(v) ? "<function>" : "<object>";
  else shown = typeof_name(v);
  if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
  return shown;
}

// --trace: one line per executed instruction — the function, the offset,
// the opcode, and each operand (registers with the value they held). The
// line is finished when the next instruction starts, with "=> rA=value" for
// what the instruction wrote (when it wrote a register of the same frame).
static void trace_instruction(Vm& vm, const Frame& f, const Instruction* pc) {
  struct Pending {
    std::string line;
    const Frame* frame = nullptr;
    size_t depth = 0;
    int reg = -1;
  };
  static Pending pending;
  FILE* out = vm.options().trace;
  if (!pending.line.empty()) {
    std::string tail;
    if (pending.reg >= 0 && &f == pending.frame && vm.frames().size() == pending.depth)
      tail = "  => r" + std::to_string(pending.reg) + "=" + trace_value_text(f.regs[pending.reg]);
    std::fprintf(out, "%s%s\n", pending.line.c_str(), tail.c_str());
  }
  const bytecode::CompiledFunction* code = f.tmpl->code;
  uint32_t offset = uint32_t(pc - code->code.data());
  const bytecode::OpcodeInfo& info = bytecode::info(pc->op());
  std::string name = code->name.empty() ? "<anonymous>" : code->name;
  char head[160];
  std::snprintf(head, sizeof head, "[trace] %-12s %4u  %-18.*s", name.c_str(), offset, int(info.name.size()), info.name.data());
  std::string line = head;
  uint16_t ops[3] = {pc->a(), pc->b(), pc->c()};
  bytecode::Operand kinds[3] = {info.a, info.b, info.c};
  for (int i = 0; i < 3; ++i) {
    if (kinds[i] == bytecode::Operand::None) continue;
    if (info.format != bytecode::Format::ABC && i == 1) {
      line += " " + std::to_string(info.format == bytecode::Format::AsBx ? pc->sbx() : int(pc->bx()));
      break;
    }
    if (kinds[i] == bytecode::Operand::Reg) line += " r" + std::to_string(ops[i]) + (i == 0 ? "" : "=" + trace_value_text(f.regs[ops[i]]));
    else line += " " + std::to_string(ops[i]);
  }
  pending.line = line;
  pending.frame = &f;
  pending.depth = vm.frames().size();
  pending.reg = info.a == bytecode::Operand::Reg ? ops[0] : -1;
  if (pc->op() == Opcode::Return) {  // the frame goes away: finish the line now
    std::fprintf(out, "%s  => r%u=%s\n", line.c_str(), ops[0], trace_value_text(f.regs[ops[0]]).c_str());
    pending.line.clear();
  }
}

// Two instances: the plain loop, and the --trace one whose dispatch prints
// each instruction first (so tracing costs nothing when it is off, and the
// plain loop's dispatch is a jump through a constant table).
class Interpreter {
 public:
  template <bool kTrace>
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
template <bool kTrace>
Value Interpreter::execute(Vm& vm, size_t entry) {
  static const void* const kLabels[] = {
#define GLASS_LABEL(name, format, a, b, c, flags, meaning) &&L_##name,
      GLASS_OPCODES(GLASS_LABEL)
#undef GLASS_LABEL
  };

  GLASS_PINNED(Frame* f, r12);
  GLASS_PINNED(Value* r, r13);
  GLASS_PINNED(const Instruction* pc, r14);
  Instruction ins;
  // Kept for the hot handlers (they may live in memory: each is one load
  // away, where going through f->tmpl would be two or three).
  InlineCache* ics;
  const Value* constants;
  // No cached global object: a call may enter another realm's function,
  // whose global is another object. GetGlobal/SetGlobal read the current
  // realm's (realm_ follows the running frame: push_frame sets it, RELOAD
  // and RESUME_CALLER set it back from the frame they return to).

// The running frame's state into locals (and its function's realm).
#define LOAD_FRAME_STATE()                \
  do {                                    \
    vm.realm_ = f->callee->realm;         \
    r = f->regs;                          \
    pc = f->pc;                           \
    ics = f->tmpl->ics.data();            \
    constants = f->tmpl->constants.data(); \
  } while (0)
#define RELOAD()                \
  do {                          \
    f = &vm.frames_.back();     \
    LOAD_FRAME_STATE();         \
  } while (0)
// Back in the caller after popping frame f: frames are contiguous, so the
// caller's is the one just below (what RELOAD would find through the Vm).
#define RESUME_CALLER()  \
  do {                   \
    --f;                 \
    LOAD_FRAME_STATE();  \
  } while (0)
// Continue in the frame push_frame just made for function `callee` (what
// RELOAD would read back from memory, taken from what is at hand).
#define ENTER(frame, callee)                        \
  do {                                              \
    f = (frame);                                    \
    r = f->regs;                                    \
    pc = f->pc;                                     \
    ics = (callee)->tmpl->ics.data();               \
    constants = (callee)->tmpl->constants.data();   \
  } while (0)
// f->pc always holds the instruction after the one executing: where a
// return resumes, and (minus one) where an exception or a stack trace says
// the frame is.
#define DISPATCH()                                           \
  do {                                                       \
    ins = *pc++;                                             \
    f->pc = pc;                                              \
    if constexpr (kTrace) trace_instruction(vm, *f, pc - 1); \
    goto* kLabels[uint8_t(ins.bits())];                      \
  } while (0)
#define A ins.a()
#define B ins.b()
#define C ins.c()
#define t (f->tmpl)

  RELOAD();
  DISPATCH();

L_LoadUndefined: r[A] = Value::undefined(); DISPATCH();
L_LoadNull: r[A] = Value::null(); DISPATCH();
L_LoadTrue: r[A] = Value::boolean(true); DISPATCH();
L_LoadFalse: r[A] = Value::boolean(false); DISPATCH();
L_LoadEmpty: r[A] = Value::empty(); DISPATCH();
L_LoadInt: r[A] = Value::int32(ins.sbx()); DISPATCH();
L_LoadConst: r[A] = constants[ins.bx()]; DISPATCH();
L_Move: r[A] = r[B]; DISPATCH();
L_LoadThis: {
  Value v = f->this_value;
  if (v.is_empty())
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  r[A] = v;
  DISPATCH();
}
L_GetScoped: {
  HeapScope* s = f->scope;
  for (uint16_t d = B; d > 0; --d) s = s->parent();
  r[A] = s->at(C);
  DISPATCH();
}
L_SetScoped: {
  HeapScope* s = f->scope;
  for (uint16_t d = B; d > 0; --d) s = s->parent();
  s->at(C) = r[A];
  DISPATCH();
}
L_CheckInitialized:
  if (r[A].is_empty()) throw_uninitialized(vm, ics[B].name);
  DISPATCH();
L_ThrowConstAssign: vm.throw_error(ErrorType::TypeError, "Assignment to constant variable.");
L_ThrowInvalidAssignment: vm.throw_error(ErrorType::ReferenceError, "Invalid left-hand side in assignment");
L_PushScope: {
  uint32_t count = uint32_t(t->code->constants[ins.bx()].names.size());
  if (A == 1) f->scope = HeapScope::create(vm.heap_, f->scope, count + 1, HeapScope::Kind::EvalVars);
  else f->scope = HeapScope::create(vm.heap_, f->scope, count);
  ++f->scope_depth;
  DISPATCH();
}
L_EnterModuleScope: ++f->scope_depth; DISPATCH();
L_GetImport: {
  HeapScope* s = f->scope;
  for (uint16_t d = B; d > 0; --d) s = s->parent();
  Value link = s->at(C);
  if (link.is_cell() && has_tag(link.as_cell(), CellTag::ImportBinding)) {
    auto* b = static_cast<ImportBinding*>(link.as_cell());
    Value v = b->env->at(b->slot);
    if (v.is_empty()) throw_uninitialized(vm, b->name);
    r[A] = v;
  } else {
    r[A] = link;  // a namespace import holds the namespace itself
  }
  DISPATCH();
}
L_GetImportMeta: {
  ModuleRecord* m = module_of(t);
  if (!m) vm.throw_error(ErrorType::SyntaxError, "Cannot use 'import.meta' outside a module");
  r[A] = object_value(import_meta(vm, m));
  DISPATCH();
}
L_ImportCall: {
  Value spec = r[B], options = r[C];
  r[A] = object_value(dynamic_import(vm, module_of(t), t->source_name_utf8, spec, options));
  DISPATCH();
}
L_SetFunctionName: set_function_name(vm, r[A], r[B], C); DISPATCH();
L_MapArguments: map_arguments(vm, r[A], f->scope, t->code->mapped_argument_slots); DISPATCH();
L_PushWithScope:
  f->scope = push_with_scope(vm, f->scope, r[A]);
  ++f->scope_depth;
  DISPATCH();
L_FindName:
  find_name(vm, f->scope, ics[B].name, C, &r[A]);
  DISPATCH();
L_CheckBindingExists: {
  gc::Rooted<String> name(vm.heap_, ics[B].name);
  if (!has_property(vm, as_object(r[A]), PropertyKey::of_cell(name.get())))
    vm.throw_error(ErrorType::ReferenceError, name->to_utf8() + " is not defined");
  DISPATCH();
}
L_PopScope:
  f->scope = f->scope->parent();
  --f->scope_depth;
  DISPATCH();
L_CloneScope: f->scope = clone_scope(vm, f->scope); DISPATCH();
L_LoadNewTarget: r[A] = f->new_target; DISPATCH();
L_LoadCallee: r[A] = object_value(f->callee); DISPATCH();
L_DeleteGlobal: r[A] = Value::boolean(delete_global(vm, ics[B].name)); DISPATCH();
L_GetGlobal: {
  InlineCache& ic = ics[B];
  if (vm.realm_->global->shape_for_cache() == ic.shape) {
    r[A] = *ic.slot_address;
    DISPATCH();
  }
  if (ic.holder && ic.holder->shape_for_cache() == ic.holder_shape) {  // a top-level let/const
    Value v = *ic.slot_address;
    if (!v.is_empty()) {
      r[A] = v;
      DISPATCH();
    }
  }
  r[A] = get_global(vm, ic);
  DISPATCH();
}
L_TypeofGlobal: r[A] = typeof_global(vm, ics[B]); DISPATCH();
L_SetGlobal: {
  InlineCache& ic = ics[B];
  if (vm.realm_->global->shape_for_cache() == ic.shape) {
    *ic.slot_address = r[A];
    DISPATCH();
  }
  if (ic.holder && ic.holder->shape_for_cache() == ic.holder_shape && !ic.slot_address->is_empty()) {
    *ic.slot_address = r[A];  // a top-level let (only writable ones are cached)
    DISPATCH();
  }
  set_global(vm, ic, r[A], t->code->strict);
  DISPATCH();
}
L_DeclareGlobals: declare_globals(vm, t->code->constants[ins.bx()].names, A); DISPATCH();
L_DeclareEvalVars: declare_eval_vars(vm, f->scope, A, t->code->constants[ins.bx()].names); DISPATCH();
L_InitGlobalLexical: init_global_lexical(vm, ics[B].name, r[A]); DISPATCH();
L_GetNamed: {
  Value base = r[B];
  InlineCache& ic = ics[C];
  if (base.is_object()) {
    Object* o = as_object(base);
    if (o->shape_for_cache() == ic.shape) {
      if (!ic.holder) {
        r[A] = o->slot(ic.slot);
        DISPATCH();
      }
      if (ic.holder->shape_for_cache() == ic.holder_shape) {
        r[A] = ic.holder->slot(ic.slot);
        DISPATCH();
      }
    }
    if (ic.more_count) {
      if (const IcEntry* e = ic.find_more(o->shape_for_cache())) {
        if (!e->holder) {
          r[A] = o->slot(e->slot);
          DISPATCH();
        }
        if (e->holder->shape_for_cache() == e->holder_shape) {
          r[A] = e->holder->slot(e->slot);
          DISPATCH();
        }
      }
    }
    if (o->object_class() == ObjectClass::Array && ic.name == vm.atom(WellKnownAtom::length)) {
      r[A] = Value::number(o->array_length());
      DISPATCH();
    }
  }
  r[A] = get_named_slow(vm, base, ic);
  DISPATCH();
}
L_SetNamed: {
  Value base = r[A];
  InlineCache& ic = ics[B];
  if (base.is_object()) {
    Object* o = as_object(base);
    if (o->shape_for_cache() == ic.shape && !ic.holder) {
      if (!ic.holder_shape) {
        o->set_slot(ic.slot, r[C]);
        DISPATCH();
      }
      if (o->extensible()) {
        o->append_with_shape(ic.holder_shape, r[C]);
        DISPATCH();
      }
    }
    if (ic.more_count) {
      if (const IcEntry* e = ic.find_more(o->shape_for_cache()); e && !e->holder) {
        if (!e->holder_shape) {
          o->set_slot(e->slot, r[C]);
          DISPATCH();
        }
        if (o->extensible()) {
          o->append_with_shape(e->holder_shape, r[C]);
          DISPATCH();
        }
      }
    }
  }
  set_named_slow(vm, base, ic, r[C], t->code->strict);
  DISPATCH();
}
L_GetIndexed: {
  Value base = r[B], key = r[C];
  if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
    Object* o = as_object(base);
    std::vector<Value>& e = o->dense_elements();
    uint32_t i = uint32_t(key.as_int32());
    if (i < e.size() && !e[i].is_empty() && o->object_class() != ObjectClass::String) {
      r[A] = e[i];
      DISPATCH();
    }
    if (o->object_class() == ObjectClass::TypedArray && typed_array_fast_get(o, i, r[A])) DISPATCH();
  }
  r[A] = get_indexed_slow(vm, base, key);
  DISPATCH();
}
L_SetIndexed: {
  Value base = r[A], key = r[B];
  if (base.is_object() && key.is_int32() && key.as_int32() >= 0) {
    Object* o = as_object(base);
    std::vector<Value>& e = o->dense_elements();
    uint32_t i = uint32_t(key.as_int32());
    if (o->element_flags() == kDefaultProperty) {
      if (i < e.size() && !e[i].is_empty()) {
        e[i] = r[C];
        DISPATCH();
      }
      if (o->object_class() == ObjectClass::Array && i == e.size() && i == o->array_length() && o->extensible() &&
          o->array_length_writable() && !o->has_sparse_elements()) {
        // Appending: only safe when no prototype has indexed properties (setters).
        Object* proto = static_cast<Object*>(o->prototype());
        if (proto == vm.realm_->intrinsics[IntrinsicObject::ArrayPrototype] && proto->dense_length() == 0) {
          e.push_back(r[C]);
          o->set_array_length_raw(i + 1);
          DISPATCH();
        }
      }
    }
    if (o->object_class() == ObjectClass::TypedArray && typed_array_fast_set(o, i, r[C])) DISPATCH();
  }
  set_indexed_slow(vm, base, key, r[C], t->code->strict);
  DISPATCH();
}
L_DeleteIndexed: r[A] = Value::boolean(delete_indexed(vm, r[B], r[C], t->code->strict)); DISPATCH();
L_GetSuper: r[A] = get_super(vm, *f, r[B]); DISPATCH();
L_SetSuper: set_super(vm, *f, r[A], r[B]); DISPATCH();
L_GetPrivate: r[A] = get_private(vm, f->private_env, r[B], ics[C].name); DISPATCH();
L_SetPrivate: set_private(vm, f->private_env, r[A], ics[B].name, r[C]); DISPATCH();
L_DefinePrivate: define_private(vm, f->private_env, r[A], ics[B].name, r[C]); DISPATCH();
L_DefinePrivateAccessor:
  define_private_accessor(vm, f->private_env, r[A], ics[B].name, r[C], r[C + 1].as_int32() == 2);
  DISPATCH();
L_HasPrivate: r[A] = Value::boolean(has_private(vm, f->private_env, r[B], ics[C].name)); DISPATCH();
L_In: {
  Value target = r[C];
  if (!target.is_object())
    vm.throw_error(ErrorType::TypeError, "Cannot use 'in' operator to search for '" + to_utf8(vm, r[B]) + "' in " +
                                             to_utf8(vm, target));
  PropertyKey k = to_property_key(vm, r[B]);
  r[A] = Value::boolean(has_property(vm, as_object(r[C]), k));
  DISPATCH();
}
L_Instanceof: r[A] = Value::boolean(instance_of(vm, r[B], r[C])); DISPATCH();

L_Add: {
  Value a = r[B], b = r[C];
  if (a.is_int32() && b.is_int32()) {
    int32_t out;
    if (!__builtin_add_overflow(a.as_int32(), b.as_int32(), &out)) r[A] = Value::int32(out);
    else r[A] = Value::from_double(double(a.as_int32()) + double(b.as_int32()));
  } else if (a.is_number() && b.is_number()) {
    r[A] = Value::number(a.as_number() + b.as_number());
  } else if (a.is_string() && b.is_string()) {
    String* s = String::concat(vm.heap_, as_string(a), as_string(b));
    if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
    r[A] = string_value(s);
  } else if ((a.is_string() && b.is_number()) || (a.is_number() && b.is_string())) {
    r[A] = concat_with_number(vm, a, b);
  } else {
    r[A] = add_values(vm, a, b);
  }
  DISPATCH();
}
L_Sub: {
  Value a = r[B], b = r[C];
  int32_t out;
  if (a.is_int32() && b.is_int32() && !__builtin_sub_overflow(a.as_int32(), b.as_int32(), &out)) r[A] = Value::int32(out);
  else if (a.is_number() && b.is_number()) r[A] = Value::number(a.as_number() - b.as_number());
  else r[A] = arith_slow(vm, Opcode::Sub, a, b);
  DISPATCH();
}
L_Mul: {
  Value a = r[B], b = r[C];
  int32_t out;
  if (a.is_int32() && b.is_int32() && !__builtin_mul_overflow(a.as_int32(), b.as_int32(), &out) &&
      !(out == 0 && (a.as_int32() < 0 || b.as_int32() < 0)))
    r[A] = Value::int32(out);
  else if (a.is_number() && b.is_number()) r[A] = Value::number(a.as_number() * b.as_number());
  else r[A] = arith_slow(vm, Opcode::Mul, a, b);
  DISPATCH();
}
L_Div:
  if (r[B].is_number() && r[C].is_number()) r[A] = Value::number(r[B].as_number() / r[C].as_number());
  else r[A] = arith_slow(vm, Opcode::Div, r[B], r[C]);
  DISPATCH();
L_Mod: {
  Value a = r[B], b = r[C];
  if (a.is_int32() && b.is_int32() && a.as_int32() >= 0 && b.as_int32() > 0) r[A] = Value::int32(a.as_int32() % b.as_int32());
  else if (a.is_number() && b.is_number()) r[A] = Value::number(std::fmod(a.as_number(), b.as_number()));
  else r[A] = arith_slow(vm, Opcode::Mod, a, b);
  DISPATCH();
}
L_Exp: r[A] = arith_slow(vm, Opcode::Exp, r[B], r[C]); DISPATCH();
#define GLASS_BITOP(name, expr)                                        \
  L_##name:                                                            \
  if (r[B].is_int32() && r[C].is_int32()) {                            \
    int32_t x = r[B].as_int32(), y = r[C].as_int32();                  \
    r[A] = expr;                                                       \
  } else {                                                             \
    r[A] = arith_slow(vm, Opcode::name, r[B], r[C]);                   \
  }                                                                    \
  DISPATCH();
GLASS_BITOP(BitAnd, Value::int32(x & y))
GLASS_BITOP(BitOr, Value::int32(x | y))
GLASS_BITOP(BitXor, Value::int32(x ^ y))
GLASS_BITOP(Shl, Value::int32(int32_t(uint32_t(x) << (y & 31))))
GLASS_BITOP(Sar, Value::int32(x >> (y & 31)))
GLASS_BITOP(Shr, Value::number(double(uint32_t(x) >> (y & 31))))
#undef GLASS_BITOP
// A comparison whose result only decides the JumpIfFalse/JumpIfTrue right
// after it (every `if`, loop test and `?:` compiles to that pair) takes the
// branch itself: one dispatch instead of two. The boolean is still written,
// so the pair means exactly what it did; --trace runs them one by one.
#define BOOLEAN_RESULT(expr)                                              \
  do {                                                                    \
    bool result_ = (expr);                                                \
    r[A] = Value::boolean(result_);                                       \
    if constexpr (!kTrace) {                                              \
      Instruction next_ = *pc;                                            \
      if (next_.a() == A) {                                               \
        if (next_.op() == Opcode::JumpIfFalse) {                          \
          pc += result_ ? 1 : 1 + next_.sbx();                            \
        } else if (next_.op() == Opcode::JumpIfTrue) {                    \
          pc += result_ ? 1 + next_.sbx() : 1;                            \
        }                                                                 \
      }                                                                   \
    }                                                                     \
    DISPATCH();                                                           \
  } while (0)
L_Eq: BOOLEAN_RESULT(loose_equals(vm, r[B], r[C]));
L_NotEq: BOOLEAN_RESULT(!loose_equals(vm, r[B], r[C]));
L_StrictEq: BOOLEAN_RESULT(strict_equals(r[B], r[C]));
L_StrictNotEq: BOOLEAN_RESULT(!strict_equals(r[B], r[C]));
#define GLASS_COMPARE(name, op)                                                    \
  L_##name:                                                                        \
  if (r[B].is_int32() && r[C].is_int32()) BOOLEAN_RESULT(r[B].as_int32() op r[C].as_int32()); \
  if (r[B].is_number() && r[C].is_number()) BOOLEAN_RESULT(r[B].as_number() op r[C].as_number()); \
  BOOLEAN_RESULT(compare_slow(vm, Opcode::name, r[B], r[C]).as_boolean());
GLASS_COMPARE(Less, <)
GLASS_COMPARE(LessEq, <=)
GLASS_COMPARE(Greater, >)
GLASS_COMPARE(GreaterEq, >=)
#undef GLASS_COMPARE
L_Negate:
  if (r[B].is_int32() && r[B].as_int32() != 0 && r[B].as_int32() != INT32_MIN) r[A] = Value::int32(-r[B].as_int32());
  else if (r[B].is_number()) r[A] = Value::number(-r[B].as_number());
  else r[A] = numeric_negate(vm, r[B]);
  DISPATCH();
L_ToNumeric: {
  Value v = r[B].is_number() ? r[B] : to_numeric(vm, r[B]);
  r[A] = v;
  // `i++` and `i--` compile to ToNumeric then Increment/Decrement of its
  // result: an int32 takes both steps here (one dispatch instead of two).
  if constexpr (!kTrace) {
    Instruction next_ = *pc;
    if (next_.b() == A && v.is_int32()) {
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
L_ToNumber: r[A] = r[B].is_number() ? r[B] : Value::number(to_number(vm, r[B])); DISPATCH();
L_ToString: r[A] = r[B].is_string() ? r[B] : string_value(to_string(vm, r[B])); DISPATCH();
L_ToPropertyKey: r[A] = r[B].is_object() ? to_property_key_value(vm, r[B]) : r[B]; DISPATCH();
L_BitNot: r[A] = r[B].is_int32() ? Value::int32(~r[B].as_int32()) : numeric_bitnot(vm, r[B]); DISPATCH();
L_Not: BOOLEAN_RESULT(!to_boolean(r[B]));
L_Typeof: r[A] = typeof_value(vm, r[B]); DISPATCH();
L_Increment:
  if (r[B].is_int32() && r[B].as_int32() != INT32_MAX) r[A] = Value::int32(r[B].as_int32() + 1);
  else if (!r[B].is_bigint()) r[A] = Value::number(r[B].as_number() + 1);
  else r[A] = bigint_add_small(vm, r[B], 1);
  DISPATCH();
L_Decrement:
  if (r[B].is_int32() && r[B].as_int32() != INT32_MIN) r[A] = Value::int32(r[B].as_int32() - 1);
  else if (!r[B].is_bigint()) r[A] = Value::number(r[B].as_number() - 1);
  else r[A] = bigint_add_small(vm, r[B], -1);
  DISPATCH();

L_Jump: pc += ins.sbx(); DISPATCH();
L_JumpIfTrue:
  if (to_boolean(r[A])) pc += ins.sbx();
  DISPATCH();
L_JumpIfFalse:
  if (!to_boolean(r[A])) pc += ins.sbx();
  DISPATCH();
L_JumpIfNullish:
  if (r[A].is_nullish()) pc += ins.sbx();
  DISPATCH();
L_JumpIfNotUndefined:
  if (!r[A].is_undefined()) pc += ins.sbx();
  DISPATCH();
L_JumpIfEmpty:
  if (r[A].is_empty()) pc += ins.sbx();
  DISPATCH();

L_Call: {
  Value callee = r[B];
  FunctionObject* fn = as_function(callee);
  if (fn && fn->kind == FunctionKind::Bytecode && !fn->is_class_constructor) {
    uint16_t ret = A;
    Frame* callee_frame = vm.push_frame(fn, r + B + 2, C, r[B + 1], Value::undefined(), 0, ret);
    if (!callee_frame) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    ENTER(callee_frame, fn);
    DISPATCH();
  }
  if (!fn) throw_not_callable(vm, t->code, pc - 1, " is not a function");
  if (fn->kind == FunctionKind::Native) {
    // The callee, this and the arguments are already rooted in this
    // frame's registers: no copy to the top of the stack (Vm::call's way).
    Value result = vm.call_native(fn, r[B + 1], std::span<const Value>(r + B + 2, C), Value::undefined());
    r[A] = result;
    DISPATCH();
  }
  Value result = vm.call(callee, r[B + 1], std::span<const Value>(r + B + 2, C));
  r[A] = result;  // (Vm::call restored the stack top)
  DISPATCH();
}
L_New: {
  Value callee = r[B];
  FunctionObject* fn = as_function(callee);
  if (!fn || !fn->is_constructor) throw_not_callable(vm, t->code, pc - 1, " is not a constructor");
  if (fn->kind == FunctionKind::Bytecode) {
    uint16_t ret = A;
    if (!push_construct_frame(vm, fn, r + B + 2, C, callee, 0, ret))
      vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  Value result = vm.construct(callee, std::span<const Value>(r + B + 2, C), callee);
  r[A] = result;
  DISPATCH();
}
L_CallEval:
  // §13.3.6.1: `eval(src)` calling the realm's own eval runs src in this
  // frame's scope, as a new frame over it; any other callee is a plain call.
  if (r[B] == object_value(vm.realm_->intrinsics[IntrinsicObject::Eval])) {
    if (C == 0 || !r[B + 2].is_string()) {
      r[A] = C == 0 ? Value::undefined() : r[B + 2];
      DISPATCH();
    }
    Value new_target = Value::undefined();
    prepare_direct_eval(vm, *f, uint32_t(pc - 1 - t->code->code.data()), &r[B], &new_target);
    if (!vm.push_frame(as_function(r[B]), r + B + 2, 0, r[B + 1], new_target, 0, A))
      vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  goto L_Call;
L_CallArray:
L_NewSpread: {
  // Spread the argument array into the registers after `this`, then call as usual.
  bool construct = ins.op() == Opcode::NewSpread;
  Value callee = r[B];
  uint32_t argc = C;
  Value* saved_sp = vm.sp_;
  {
    Object* list = as_object(r[B + 2]);
    argc = list->array_length();
    if (r + B + 2 + argc + 64 > vm.stack_end_) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    vm.sp_ = std::max(vm.sp_, r + B + 2 + argc);  // the spread values are rooted as they land
    for (uint32_t i = 0; i < argc; ++i) {
      std::optional<Value> v = list->get_element(i);
      r[B + 2 + i] = v ? *v : Value::undefined();
    }
  }
  FunctionObject* fn = as_function(callee);
  if (!fn || (construct && !fn->is_constructor))
    throw_not_callable(vm, t->code, pc - 1, construct ? " is not a constructor" : " is not a function");
  if (fn->kind == FunctionKind::Bytecode && (construct || !fn->is_class_constructor)) {
    uint16_t ret = A;
    bool ok = construct ? push_construct_frame(vm, fn, r + B + 2, argc, callee, 0, ret)
                        : vm.push_frame(fn, r + B + 2, argc, r[B + 1], Value::undefined(), 0, ret);
    if (!ok) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
    RELOAD();
    DISPATCH();
  }
  Value result = construct ? vm.construct(callee, std::span<const Value>(r + B + 2, argc), callee)
                           : vm.call(callee, r[B + 1], std::span<const Value>(r + B + 2, argc));
  r[A] = result;
  vm.sp_ = saved_sp;
  DISPATCH();
}
L_SuperCall: r[A] = super_call(vm, *f, r[B]); DISPATCH();
L_Return: {
  Value result = r[A];
  if (f->flags & Frame::kConstruct) {
    if (Value self = f->this_value; self.is_object() && !as_object(self)->in_dictionary_mode())
      f->callee->note_instance_size(as_object(self)->shape()->property_count());
    if (!result.is_object()) {
      if (!result.is_undefined() && f->callee->is_derived)
        vm.throw_error(ErrorType::TypeError, "Derived constructors may only return object or undefined");
      result = f->this_value;
      if (result.is_empty())
        vm.throw_error(ErrorType::ReferenceError,
                       "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
    }
  }
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
  vm.exception_ = r[A];
  if (!vm.unwind(entry)) throw Thrown{};
  RELOAD();
  DISPATCH();

L_NewObject: r[A] = object_value(vm.new_object(B ? B : Object::kDefaultInlineSlots)); DISPATCH();
L_NewArray: r[A] = object_value(vm.new_array_from(std::span<const Value>(r + B, C))); DISPATCH();
L_NewClosure: r[A] = object_value(new_closure(vm, *f, ins.bx())); DISPATCH();
L_NewRegExp: r[A] = regexp_create_literal(vm, t->code->constants[ins.bx()].string, t->code->constants[ins.bx()].text); DISPATCH();
L_DefineField: define_field(vm, r[A], r[B], r[C]); DISPATCH();
L_DefineNamed: {
  Object* o = as_object(r[A]);
  InlineCache& ic = ics[B];
  if (o->shape_for_cache() == ic.shape) {
    o->append_with_shape(ic.holder_shape, r[C]);
    DISPATCH();
  }
  if (ic.more_count) {
    if (const IcEntry* e = ic.find_more(o->shape_for_cache())) {
      o->append_with_shape(e->holder_shape, r[C]);
      DISPATCH();
    }
  }
  define_named_slow(vm, r[A], ic, r[C]);
  DISPATCH();
}
L_DefineGetter: define_accessor_half(vm, r[A], r[B], r[C], true, true); DISPATCH();
L_DefineSetter: define_accessor_half(vm, r[A], r[B], r[C], false, true); DISPATCH();
L_DefineMethod: define_method(vm, r[A], r[B], r[C]); DISPATCH();
L_DefineClassGetter: define_accessor_half(vm, r[A], r[B], r[C], true, false); DISPATCH();
L_DefineClassSetter: define_accessor_half(vm, r[A], r[B], r[C], false, false); DISPATCH();
L_SetHomeObject:
  if (FunctionObject* fn = as_function(r[A])) fn->home_object = r[B];
  DISPATCH();
L_SetProto:
  if (r[B].is_object() || r[B].is_null()) set_prototype_of(vm, as_object(r[A]), r[B]);
  DISPATCH();
L_CopyDataProperties: copy_data_properties(vm, r[A], r[B], r[C]); DISPATCH();
L_ArrayPush: array_push(vm, r[A], r[B]); DISPATCH();
L_ArraySpread: array_spread(vm, r[A], r[B]); DISPATCH();
L_ArrayHole: array_hole(r[A]); DISPATCH();
L_GetTemplateObject: r[A] = template_object(vm, t, ins.bx()); DISPATCH();
L_MakeClass: r[A + 1] = make_class(vm, r[A], r[B]); DISPATCH();
L_SetClassFields: as_function(r[A])->fields = r[B]; DISPATCH();
L_PushPrivateNames: f->private_env = push_private_names(vm, f->private_env, t->code->constants[ins.bx()].names); DISPATCH();
L_PopPrivateNames: {
  Object* outer = get_prototype_of(as_object(f->private_env));
  f->private_env = outer ? object_value(outer) : Value::undefined();
  DISPATCH();
}
L_CreateGenerator: r[A] = object_value(create_generator(vm, *f)); DISPATCH();
L_Yield:
L_Await:
L_AsyncReturn: {
  // Leave the frame: Yield/Await save it into its generator first.
  auto* gen = static_cast<GeneratorObject*>(f->generator);
  Value result;
  if (ins.op() == Opcode::AsyncReturn) {
    result = async_settle(vm, gen, r[A], B == 1);
  } else {
    result = ins.op() == Opcode::Yield ? r[B] : Value::undefined();
    suspend_frame(vm, *f, pc, A);
    if (ins.op() == Opcode::Await) {
      await_value(vm, gen, r[B]);
      result = gen->promise;
    }
  }
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
  if (!r[A].is_object()) throw_iter_result_not_object(vm, r[A]);
  DISPATCH();
L_ThrowIteratorNoThrow: vm.throw_error(ErrorType::TypeError, "The iterator does not provide a 'throw' method.");
L_GetIterator: {
  IteratorRecord it = get_iterator(vm, r[B]);
  r[A] = it.iterator;
  r[A + 1] = it.next_method;
  DISPATCH();
}
L_IteratorNext: {
  IteratorRecord it{r[B], r[B + 1]};
  std::optional<Value> v = iterator_step(vm, it);
  r[A] = v ? *v : Value::undefined();
  r[A + 1] = Value::boolean(!v);
  DISPATCH();
}
L_ForInPrepare: r[A] = object_value(for_in_enumerator(vm, r[B])); DISPATCH();
L_ForInNext: r[A] = for_in_next(vm, as_object(r[B])); DISPATCH();
L_IteratorClose: iterator_close(vm, r[A]); DISPATCH();
L_GetAsyncIterator: {
  Value next = Value::undefined();
  Value it = async_iterator_of(vm, r[B], &next);
  r[A] = it;
  r[A + 1] = next;
  DISPATCH();
}
L_IteratorRest: r[A] = iterator_rest(vm, r[B], r[B + 1]); DISPATCH();
L_Debugger: DISPATCH();

#undef BOOLEAN_RESULT
#undef ENTER
#undef RESUME_CALLER
#undef RELOAD
#undef LOAD_FRAME_STATE
#undef DISPATCH
#undef A
#undef B
#undef C
#undef t
}

Value Vm::run(size_t entry) {
  for (;;) {
    try {
      return options_.trace ? Interpreter::execute<true>(*this, entry) : Interpreter::execute<false>(*this, entry);
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
