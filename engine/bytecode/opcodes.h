// The instruction set: ONE table declares every opcode once.
//
// Glass's VM is a register machine (as Lua 5 and V8's Ignition are): each
// function call gets a frame of registers holding its parameters, locals and
// temporaries, and instructions name the registers they read and write —
// `Add r2, r0, r1` is r[2] = r[0] + r[1] — instead of pushing and popping a
// stack. Fewer instructions execute, and a listing reads like the source.
//
// Encoding: every instruction is one 64-bit word, so decoding is one load
// and a few shifts, and an instruction's offset is simply its index:
//
//    63      56 55          40 39          24 23           8 7        0
//   +----------+--------------+--------------+--------------+----------+
//   | (unused) |      C       |      B       |      A       |  opcode  |
//   +----------+--------------+--------------+--------------+----------+
//                |<------------ Bx / sBx ----------->|
//
// Three 16-bit operands (A, B, C), or A plus one 32-bit operand Bx formed by
// B and C together (sBx when signed: jump offsets, integer immediates).
//
// Each row: OP(Name, format, a, b, c, flags, "meaning"). `format` is ABC,
// ABx or AsBx; a/b/c name what each operand is (Operand kinds below; None
// for unused; in ABx/AsBx rows `b` describes Bx and `c` is None); `flags`
// say whether the instruction may jump, throw, or run arbitrary JS (getters,
// valueOf, Proxy traps) — what the compiler and debugger need to know. The
// meaning is a register equation: r[x] a register, k[x] a constant,
// ic[x] an inline-cache slot (which also holds the property name), pc the
// next instruction.
//
// The emitter, the interpreter's dispatch table, the disassembler and the
// opcode reference in engine/README.md are all generated from this table:
// add an instruction here and nowhere else by hand.
#pragma once
#include <cstdint>
#include <string_view>

namespace glass::bytecode {

enum class Format : uint8_t { ABC, ABx, AsBx };

// What an operand means (decides how the disassembler prints it).
enum class Operand : uint8_t {
  None,
  Reg,    // a register of the current frame
  Const,  // an index into the function's constant pool
  Imm,    // an integer immediate
  Jump,   // a signed offset from the next instruction
  Ic,     // an inline-cache slot (property name + cached shape/slot)
  Count,  // a count (arguments, elements)
  Func,   // an index into the function's nested functions
  Depth,  // how many scopes out (closure variables)
  Slot,   // a slot in a scope
};

// Flags: J = may jump, T = may throw, R = may run arbitrary JS.
enum Flags : uint8_t { kNone = 0, kJ = 1, kT = 2, kR = 4 };

#define GLASS_OPCODES(OP)                                                                              \
  /* --- loading values ---------------------------------------------------------------------- */     \
  OP(LoadUndefined, ABC, Reg, None, None, kNone, "r[A] = undefined")                                   \
  OP(LoadNull, ABC, Reg, None, None, kNone, "r[A] = null")                                             \
  OP(LoadTrue, ABC, Reg, None, None, kNone, "r[A] = true")                                             \
  OP(LoadFalse, ABC, Reg, None, None, kNone, "r[A] = false")                                           \
  OP(LoadEmpty, ABC, Reg, None, None, kNone, "r[A] = <empty> (a let/const before its declaration)")    \
  OP(LoadInt, AsBx, Reg, Imm, None, kNone, "r[A] = sBx")                                               \
  OP(LoadConst, ABx, Reg, Const, None, kNone, "r[A] = k[Bx]")                                          \
  OP(Move, ABC, Reg, Reg, None, kNone, "r[A] = r[B]")                                                  \
  OP(LoadThis, ABC, Reg, None, None, kT, "r[A] = this (throws in a derived constructor before super())") \
  /* --- variables outside the frame ----------------------------------------------------------- */    \
  OP(GetScoped, ABC, Reg, Depth, Slot, kNone, "r[A] = scope(B).slot[C]")                               \
  OP(SetScoped, ABC, Reg, Depth, Slot, kNone, "scope(B).slot[C] = r[A]")                               \
  OP(CheckInitialized, ABC, Reg, Ic, None, kT, "throw ReferenceError if r[A] is <empty> (name in ic[B])") \
  OP(ThrowConstAssign, ABC, None, Ic, None, kT, "throw TypeError: assignment to the constant named in ic[B]") \
  OP(ThrowInvalidAssignment, ABC, None, None, None, kT, "throw ReferenceError: a function call as an assignment target (sloppy code, B.3.6)") \
  OP(PushScope, ABx, Imm, Const, None, kNone, "scope = a new scope described by k[Bx] (its slots start <empty>), enclosing the current one; A=1: a var scope sloppy direct eval may add to") \
  OP(MapArguments, ABC, Reg, None, None, kNone, "the arguments object r[A] becomes mapped: its indices alias the parameters' slots in the current scope") \
  OP(PushWithScope, ABC, Reg, None, None, kT, "scope = a `with` scope for the object ToObject(r[A]), enclosing the current one") \
  OP(FindName, ABC, Reg, Ic, Depth, kT | kR, "r[A] = the with object or eval-var object among the innermost C scopes that has the name ic[B], else <empty>; r[A+1] = the this for calling it") \
  OP(CheckBindingExists, ABC, Reg, Ic, None, kT | kR, "throw ReferenceError unless the object r[A] (found by FindName) still has ic[B].name: a strict write through it (§9.1.1.2.5)") \
  OP(PopScope, ABC, None, None, None, kNone, "current scope = its parent")                             \
  /* --- modules (vm/module.h) ---------------------------------------------------------------- */     \
  OP(EnterModuleScope, ABC, None, None, None, kNone, "the current scope is the module environment the linker made (the closure's): count it as this frame's first scope") \
  OP(GetImport, ABC, Reg, Depth, Slot, kT, "r[A] = the exported binding the import in scope(B).slot[C] links to (ReferenceError while it is uninitialized), or the namespace it holds") \
  OP(GetImportMeta, ABC, Reg, None, None, kT, "r[A] = import.meta of the running module (made on first use)") \
  OP(ImportCall, ABC, Reg, Reg, Reg, kT | kR, "r[A] = import(r[B], r[C]): a promise for the module namespace") \
  OP(CloneScope, ABC, None, None, None, kNone, "current scope = a copy of it (a for-let loop's next iteration)") \
  OP(LoadNewTarget, ABC, Reg, None, None, kNone, "r[A] = new.target")                                     \
  OP(LoadCallee, ABC, Reg, None, None, kNone, "r[A] = the running function (a named function expression's own name)") \
  OP(DeleteGlobal, ABC, Reg, Ic, None, kR, "r[A] = delete global[ic[B].name] (sloppy `delete x`)")       \
  OP(GetGlobal, ABC, Reg, Ic, None, kT | kR, "r[A] = global[ic[B].name] (ReferenceError if missing)") \
  OP(TypeofGlobal, ABC, Reg, Ic, None, kR, "r[A] = typeof global[ic[B].name] (no ReferenceError)")    \
  OP(SetGlobal, ABC, Reg, Ic, None, kT | kR, "global[ic[B].name] = r[A]")                             \
  OP(DeclareGlobals, ABx, Imm, Const, None, kT, "declare the script's top-level let/class (A=0) or const (A=1) names k[Bx], uninitialized, or its vars and functions (A=2) as global properties (A=3: a sloppy eval's, deletable)") \
  OP(DeclareEvalVars, ABx, Depth, Const, None, kT, "a sloppy direct eval's vars and functions k[Bx]: properties (undefined) of the eval-var object of the scope A levels out, unless that scope has them") \
  OP(InitGlobalLexical, ABC, Reg, Ic, None, kNone, "initialize the top-level let/const/class ic[B].name to r[A]") \
  /* --- properties --------------------------------------------------------------------------- */     \
  OP(GetNamed, ABC, Reg, Reg, Ic, kT | kR, "r[A] = r[B][ic[C].name]")                                  \
  OP(SetNamed, ABC, Reg, Ic, Reg, kT | kR, "r[A][ic[B].name] = r[C]")                                  \
  OP(GetIndexed, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B][r[C]]")                                     \
  OP(SetIndexed, ABC, Reg, Reg, Reg, kT | kR, "r[A][r[B]] = r[C]")                                     \
  OP(DeleteIndexed, ABC, Reg, Reg, Reg, kT | kR, "r[A] = delete r[B][r[C]]")                           \
  OP(GetSuper, ABC, Reg, Reg, None, kT | kR, "r[A] = super[r[B]] (the home object's prototype, with this as receiver)") \
  OP(SetSuper, ABC, Reg, Reg, None, kT | kR, "super[r[A]] = r[B]")                                     \
  OP(GetPrivate, ABC, Reg, Reg, Ic, kT | kR, "r[A] = r[B].#name (name in ic[C])")                      \
  OP(SetPrivate, ABC, Reg, Ic, Reg, kT | kR, "r[A].#name = r[C] (name in ic[B])")                      \
  OP(DefinePrivateAccessor, ABC, Reg, Ic, Reg, kT, "define the getter (r[C+1] = 2) or setter (= 3) r[C] of the private name ic[B] on r[A], merged with the other half") \
  OP(DefinePrivate, ABC, Reg, Ic, Reg, kT, "add private field #name (ic[B]) to r[A] with value r[C]")  \
  OP(HasPrivate, ABC, Reg, Reg, Ic, kT, "r[A] = #name in r[B] (name in ic[C])")                        \
  OP(In, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] in r[C]")                                           \
  OP(Instanceof, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] instanceof r[C]")                           \
  /* --- arithmetic and comparison (ToPrimitive may run valueOf/toString) ----------------------- */   \
  OP(Add, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] + r[C]")                                           \
  OP(Sub, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] - r[C]")                                           \
  OP(Mul, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] * r[C]")                                           \
  OP(Div, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] / r[C]")                                           \
  OP(Mod, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] % r[C]")                                           \
  OP(Exp, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] ** r[C]")                                          \
  OP(BitAnd, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] & r[C]")                                        \
  OP(BitOr, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] | r[C]")                                         \
  OP(BitXor, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] ^ r[C]")                                        \
  OP(Shl, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] << r[C]")                                          \
  OP(Sar, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] >> r[C]")                                          \
  OP(Shr, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] >>> r[C]")                                         \
  OP(Eq, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] == r[C]")                                           \
  OP(NotEq, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] != r[C]")                                        \
  OP(StrictEq, ABC, Reg, Reg, Reg, kNone, "r[A] = r[B] === r[C]")                                      \
  OP(StrictNotEq, ABC, Reg, Reg, Reg, kNone, "r[A] = r[B] !== r[C]")                                   \
  OP(Less, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] < r[C]")                                          \
  OP(LessEq, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] <= r[C]")                                       \
  OP(Greater, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] > r[C]")                                       \
  OP(GreaterEq, ABC, Reg, Reg, Reg, kT | kR, "r[A] = r[B] >= r[C]")                                    \
  OP(Negate, ABC, Reg, Reg, None, kT | kR, "r[A] = -r[B]")                                             \
  OP(ToNumeric, ABC, Reg, Reg, None, kT | kR, "r[A] = ToNumeric(r[B]), a Number or a BigInt (before ++/--)") \
  OP(ToNumber, ABC, Reg, Reg, None, kT | kR, "r[A] = ToNumber(r[B]) (unary +: a BigInt throws)")       \
  OP(ToString, ABC, Reg, Reg, None, kT | kR, "r[A] = ToString(r[B]) (template substitutions)")         \
  OP(ToPropertyKey, ABC, Reg, Reg, None, kT | kR, "r[A] = ToPropertyKey(r[B]) (computed keys, evaluated once)") \
  OP(BitNot, ABC, Reg, Reg, None, kT | kR, "r[A] = ~r[B]")                                             \
  OP(Not, ABC, Reg, Reg, None, kNone, "r[A] = !r[B]")                                                  \
  OP(Typeof, ABC, Reg, Reg, None, kNone, "r[A] = typeof r[B]")                                         \
  OP(Increment, ABC, Reg, Reg, None, kT, "r[A] = r[B] + 1 (r[B] already numeric)")                     \
  OP(Decrement, ABC, Reg, Reg, None, kT, "r[A] = r[B] - 1 (r[B] already numeric)")                     \
  /* --- control flow -------------------------------------------------------------------------- */    \
  OP(Jump, AsBx, None, Jump, None, kJ, "pc += sBx")                                                    \
  OP(JumpIfTrue, AsBx, Reg, Jump, None, kJ, "if ToBoolean(r[A]) pc += sBx")                            \
  OP(JumpIfFalse, AsBx, Reg, Jump, None, kJ, "if !ToBoolean(r[A]) pc += sBx")                          \
  OP(JumpIfNullish, AsBx, Reg, Jump, None, kJ, "if r[A] is null or undefined pc += sBx")               \
  OP(JumpIfNotUndefined, AsBx, Reg, Jump, None, kJ, "if r[A] !== undefined pc += sBx (defaults)")      \
  /* --- calls ---------------------------------------------------------------------------------- */   \
  OP(Call, ABC, Reg, Reg, Count, kT | kR, "r[A] = r[B](r[B+2] .. r[B+1+C]) with this = r[B+1]")        \
  OP(New, ABC, Reg, Reg, Count, kT | kR, "r[A] = new r[B](r[B+2] .. r[B+1+C]) (new.target = r[B])")    \
  OP(CallArray, ABC, Reg, Reg, None, kT | kR, "r[A] = r[B](...r[B+2]) with this = r[B+1] (spread calls)") \
  OP(NewSpread, ABC, Reg, Reg, None, kT | kR, "r[A] = new r[B](...r[B+2]) (spread)")                   \
  OP(SuperCall, ABC, Reg, Reg, None, kT | kR, "r[A] = super(...r[B]) : construct the parent class, bind this, run field initializers") \
  OP(CallEval, ABC, Reg, Reg, Count, kT | kR, "like Call, but a direct eval if r[B] is the real eval") \
  OP(Return, ABC, Reg, None, None, kNone, "return r[A] to the caller")                                 \
  OP(Throw, ABC, Reg, None, None, kT, "throw r[A]")                                                    \
  /* --- creating things ------------------------------------------------------------------------ */   \
  OP(NewObject, ABC, Reg, Count, None, kNone, "r[A] = {} (with room for B named properties; 0: a default)") \
  OP(NewArray, ABC, Reg, Reg, Count, kNone, "r[A] = [r[B] .. r[B+C-1]]")                               \
  OP(NewClosure, ABx, Reg, Func, None, kNone, "r[A] = a new function for f[Bx], closing over the current scope") \
  OP(NewRegExp, ABx, Reg, Const, None, kT, "r[A] = a new RegExp from the pattern and flags in k[Bx]")  \
  OP(DefineField, ABC, Reg, Reg, Reg, kT | kR, "define own property r[B] of r[A] as r[C] (object literals, fields)") \
  OP(DefineNamed, ABC, Reg, Ic, Reg, kT, "define own data property ic[B].name of the object literal r[A] as r[C] (the cache remembers the shape it moves to)") \
  OP(DefineGetter, ABC, Reg, Reg, Reg, kT | kR, "define getter r[C] for key r[B] on r[A] (enumerable: object literals)") \
  OP(DefineSetter, ABC, Reg, Reg, Reg, kT | kR, "define setter r[C] for key r[B] on r[A] (enumerable: object literals)") \
  OP(DefineMethod, ABC, Reg, Reg, Reg, kT | kR, "define method r[C] as key r[B] of r[A]; its home object is r[A] (class: not enumerable)") \
  OP(DefineClassGetter, ABC, Reg, Reg, Reg, kT | kR, "define getter r[C] for key r[B] on r[A] (classes: not enumerable)") \
  OP(DefineClassSetter, ABC, Reg, Reg, Reg, kT | kR, "define setter r[C] for key r[B] on r[A] (classes: not enumerable)") \
  OP(SetFunctionName, ABC, Reg, Reg, Imm, kT, "function r[A]'s name = the property key r[B] (a symbol as [description]); C=1 prefixes \"get \", C=2 \"set \"") \
  OP(SetHomeObject, ABC, Reg, Reg, None, kNone, "function r[A]'s home object = r[B] (object literal methods, for super)") \
  OP(SetProto, ABC, Reg, Reg, None, kNone, "r[A].[[Prototype]] = r[B] if it is an object or null (`__proto__: v`)") \
  OP(CopyDataProperties, ABC, Reg, Reg, Reg, kT | kR, "copy own enumerable properties of r[B] to r[A], except keys in the array r[C] (or none if undefined)") \
  OP(ArrayPush, ABC, Reg, Reg, None, kNone, "append r[B] to the array r[A]")                           \
  OP(ArraySpread, ABC, Reg, Reg, None, kT | kR, "append every value of the iterable r[B] to the array r[A]") \
  OP(ArrayHole, ABC, Reg, None, None, kNone, "append a hole to the array r[A]")                         \
  OP(GetTemplateObject, ABx, Reg, Const, None, kNone, "r[A] = the frozen strings array for the template k[Bx] (made once per site)") \
  OP(MakeClass, ABC, Reg, Reg, None, kT | kR, "r[A] = class constructor r[A] extending r[B] (<empty>: no heritage); r[A+1] = its prototype") \
  OP(SetClassFields, ABC, Reg, Reg, None, kNone, "class r[A]'s instance field initializers = the array r[B] ([key, fn, ...])") \
  OP(PushPrivateNames, ABx, None, Const, None, kNone, "enter a class body: fresh private names for the names in k[Bx]") \
  OP(PopPrivateNames, ABC, None, None, None, kNone, "leave a class body's private names")                       \
  OP(CreateGenerator, ABC, Reg, None, None, kR, "r[A] = the generator (or async function state) object this frame suspends into") \
  OP(Yield, ABC, Reg, Reg, None, kR, "suspend with r[B] (a generator yields it); on resume r[A] = the value sent, r[A+1] = how (0 next, 1 throw, 2 return)") \
  OP(Await, ABC, Reg, Reg, None, kR, "suspend until the promise for r[B] settles; on resume r[A] = its value, r[A+1] = 1 if it rejected") \
  OP(AsyncReturn, ABC, Reg, Imm, None, kR, "settle this async function's promise with r[A] (B=0 resolve, 1 reject); return the promise") \
  /* --- iteration ------------------------------------------------------------------------------ */   \
  OP(RequireIterResult, ABC, Reg, None, None, kT, "throw TypeError unless r[A] (an iterator's result) is an object") \
  OP(ThrowIteratorNoThrow, ABC, None, None, None, kT, "throw TypeError: yield* delegated a throw to an iterator without a throw method") \
  OP(GetIterator, ABC, Reg, Reg, None, kT | kR, "r[A] = r[B][Symbol.iterator](); r[A+1] = its next method") \
  OP(IteratorNext, ABC, Reg, Reg, None, kT | kR, "r[A] = next value of iterator r[B] (r[A+1] = done)")  \
  OP(ForInPrepare, ABC, Reg, Reg, None, kT | kR, "r[A] = an enumerator over the enumerable keys of r[B]") \
  OP(ForInNext, ABC, Reg, Reg, None, kR, "r[A] = next key of enumerator r[B], or <empty> when done")   \
  OP(IteratorClose, ABC, Reg, None, None, kT | kR, "call iterator r[A]'s return method, if any (leaving for-of early)") \
  OP(GetAsyncIterator, ABC, Reg, Reg, None, kT | kR, "r[A] = r[B][Symbol.asyncIterator]() (or its sync iterator, adapted); r[A+1] = its next method") \
  OP(IteratorRest, ABC, Reg, Reg, None, kT | kR, "r[A] = an array of the remaining values of iterator r[B] (next in r[B+1])") \
  OP(JumpIfEmpty, AsBx, Reg, Jump, None, kJ, "if r[A] is <empty> pc += sBx")                           \
  /* --- explicit resource management (using, await using) --------------------------------------- */ \
  OP(CreateDisposeScope, ABC, Reg, None, None, kNone, "r[A] = a new dispose scope (an empty DisposeCapability)") \
  OP(AddDisposable, ABC, Reg, Reg, Imm, kT | kR, "AddDisposableResource(scope r[A], r[B], C=0 sync-dispose / 1 async-dispose)") \
  OP(DisposeResources, ABC, Reg, Reg, Reg, kT | kR, "DisposeResources(scope r[A]): the completion is a throw of r[C] when r[B] is 1; throws the disposal's error") \
  OP(DisposeResourcesAsync, ABC, Reg, Reg, Reg, kT | kR, "the same with awaits: r[A] = undefined (nothing to await, disposed) or a promise of the disposal") \
  /* --- debugging ------------------------------------------------------------------------------ */   \
  OP(Debugger, ABC, None, None, None, kNone, "pause here if a debugger is attached")

enum class Opcode : uint8_t {
#define GLASS_OPCODE_ENUM(name, format, a, b, c, flags, meaning) name,
  GLASS_OPCODES(GLASS_OPCODE_ENUM)
#undef GLASS_OPCODE_ENUM
      Count_
};

constexpr int kOpcodeCount = int(Opcode::Count_);
static_assert(kOpcodeCount <= 256, "opcodes are one byte");

// Everything the table says about one opcode.
struct OpcodeInfo {
  std::string_view name;
  Format format;
  Operand a, b, c;
  uint8_t flags;
  std::string_view meaning;
};

const OpcodeInfo& info(Opcode op);

// One 64-bit instruction word (see the layout above).
class Instruction {
 public:
  constexpr Instruction() = default;
  static constexpr Instruction abc(Opcode op, uint16_t a, uint16_t b = 0, uint16_t c = 0) {
    return Instruction(uint64_t(op) | uint64_t(a) << 8 | uint64_t(b) << 24 | uint64_t(c) << 40);
  }
  static constexpr Instruction abx(Opcode op, uint16_t a, uint32_t bx) {
    return Instruction(uint64_t(op) | uint64_t(a) << 8 | uint64_t(bx) << 24);
  }
  static constexpr Instruction asbx(Opcode op, uint16_t a, int32_t sbx) { return abx(op, a, uint32_t(sbx)); }

  constexpr Opcode op() const { return Opcode(bits_ & 0xFF); }
  constexpr uint16_t a() const { return uint16_t(bits_ >> 8); }
  constexpr uint16_t b() const { return uint16_t(bits_ >> 24); }
  constexpr uint16_t c() const { return uint16_t(bits_ >> 40); }
  constexpr uint32_t bx() const { return uint32_t(bits_ >> 24); }
  constexpr int32_t sbx() const { return int32_t(uint32_t(bits_ >> 24)); }

  // Jumps are patched once their target is known.
  constexpr void set_sbx(int32_t sbx) {
    bits_ = (bits_ & 0xFF'FFFFull) | (uint64_t(uint32_t(sbx)) << 24);
  }
  constexpr uint64_t bits() const { return bits_; }

 private:
  explicit constexpr Instruction(uint64_t bits) : bits_(bits) {}
  uint64_t bits_ = 0;
};

static_assert(sizeof(Instruction) == 8);

}  // namespace glass::bytecode
