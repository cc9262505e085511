// Vm::push_frame, inline: the half of every JS-to-JS call that the
// interpreter runs in its own loop (see vm.h for the call stack). Only the
// rare parts — a primitive `this` to wrap, an arguments object or a rest
// array to build — are out of line.
#pragma once
#include <algorithm>

#include "vm/box.h"
#include "vm/operations.h"
#include "vm/vm.h"

namespace glass {

// (always_inline: GCC's size limits would otherwise keep it out of the
// interpreter loop, and a call is the loop's commonest heavy instruction.)
[[gnu::always_inline]] inline Frame* Vm::push_frame(FunctionObject* fn, Value* regs, uint32_t argc, Value this_value, Value new_target,
                           uint8_t flags, uint16_t return_reg) {
  FunctionTemplate* t = fn->tmpl;
  const bytecode::CompiledFunction* code = t->code;
  if (frames_.full() || regs + code->register_count + 2 > stack_end_) [[unlikely]]
    return nullptr;
  // From here on in the callee's realm (its `this` wrapper and arguments
  // object are made there). Who runs a nested loop restores the caller's; a
  // throw before the frame is pushed unwinds to a frame that sets its own.
  realm_ = fn->realm;
  // The arguments are in regs[0 .. argc), rooted by the caller's registers.
  const uint32_t params = code->param_count;
  const bool needs_arguments = code->arguments_register != bytecode::CompiledFunction::kNoRegister;
  // Sloppy functions see undefined/null `this` as the global object and
  // primitives as wrappers (§10.2.1.2 OrdinaryCallBindThis).
  if (code->is_arrow) {
    this_value = fn->bound_this;
  } else if (!code->strict) {
    if (this_value.is_nullish()) this_value = object_value(realm_->global);  // the callee's realm's
    else if (!this_value.is_object() && !this_value.is_empty()) [[unlikely]]
      this_value = object_value(make_primitive_wrapper(*this, this_value));
  }
  Value arguments_object, rest_array;
  if (needs_arguments || code->has_rest) [[unlikely]]  // allocation ahead
    make_argument_objects(fn, regs, argc, this_value, arguments_object, rest_array);
  // Every register of the frame starts defined (the GC scans them).
  uint32_t keep = std::min<uint32_t>(argc, code->has_rest ? params - 1 : params);
  for (uint32_t i = keep; i < code->register_count; ++i) regs[i] = Value::undefined();
  if (code->has_rest) regs[params - 1] = rest_array;
  if (needs_arguments) regs[code->arguments_register] = arguments_object;
  Frame& frame = frames_.push();  // (filled in place: no Frame temporary to copy)
  frame.callee = fn;
  frame.tmpl = t;
  frame.pc = code->code.data();
  frame.regs = regs;
  frame.saved_sp = sp_;
  frame.scope = fn->scope;
  frame.this_value = this_value;
  frame.new_target = new_target;
  frame.private_env = fn->private_env;
  frame.generator = nullptr;
  frame.argc = argc;
  frame.return_reg = return_reg;
  frame.scope_depth = 0;
  frame.flags = flags;
  // The callee's window starts inside the caller's registers; the caller's
  // registers above it must stay covered (the GC scans [base, sp)), or a
  // stale pointer left in one would be traced after the callee returns.
  sp_ = std::max(sp_, regs + code->register_count);
  return &frame;
}

}  // namespace glass
