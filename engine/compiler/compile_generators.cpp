// Suspension points: yield, yield* (delegation), await, and return out of a generator.
#include "compiler/compiler_internal.h"

namespace glass::compiling {

using bytecode::ResumeMode;

// r[reg] = a resume mode (the Yield/Await's second result register holds one).
static void load_mode(Emitter& emit, uint16_t reg, ResumeMode mode) {
  emit.emit_bx(Opcode::LoadInt, reg, uint32_t(mode));
}

void FunctionCompiler::emit_return(uint16_t r) {
  if (is_async_) emit_.emit(Opcode::AsyncReturn, r, 0);
  else emit_.emit(Opcode::Return, r);
}

void FunctionCompiler::yield(uint16_t out, uint16_t value) {
  emit_.emit(Opcode::Yield, out, value);
  if (is_async_generator_) unwrap_return_resumption(out);
  Temps t(*this);
  uint16_t mode = temp(), test = temp();
  Label not_throw, not_return;
  load_mode(emit_, mode, ResumeMode::Throw);
  emit_.emit(Opcode::StrictEq, test, uint16_t(out + 1), mode);
  emit_.emit_jump(Opcode::JumpIfFalse, test, not_throw);
  emit_.emit(Opcode::Throw, out);
  emit_.bind(not_throw);
  load_mode(emit_, mode, ResumeMode::Return);
  emit_.emit(Opcode::StrictEq, test, uint16_t(out + 1), mode);
  emit_.emit_jump(Opcode::JumpIfFalse, test, not_return);
  jump_out(-1, false, out);
  emit_.bind(not_return);
}

void FunctionCompiler::unwrap_return_resumption(uint16_t resumed) {
  Temps t(*this);
  uint16_t k = temp(), test = temp(), awaited = temps(2);
  Label not_return, fulfilled;
  load_mode(emit_, k, ResumeMode::Return);
  emit_.emit(Opcode::StrictEq, test, uint16_t(resumed + 1), k);
  emit_.emit_jump(Opcode::JumpIfFalse, test, not_return);
  emit_.emit(Opcode::Await, awaited, resumed);
  emit_.emit(Opcode::Move, resumed, awaited);
  emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(awaited + 1), fulfilled);
  load_mode(emit_, uint16_t(resumed + 1), ResumeMode::Throw);  // rejected: resume as a throw
  emit_.bind(fulfilled);
  emit_.bind(not_return);
}

void FunctionCompiler::await_into(uint16_t out, uint16_t value) {
  uint16_t resumed = out;
  emit_.emit(Opcode::Await, resumed, value);
  Label fulfilled;
  // An await resumes with ResumeMode::Next (0, falsy) or Throw (1, truthy).
  emit_.emit_jump(Opcode::JumpIfFalse, uint16_t(resumed + 1), fulfilled);
  emit_.emit(Opcode::Throw, resumed);
  emit_.bind(fulfilled);
}

// §15.5.5 yield*: the loop forwards each next/throw/return to the inner
// iterator until it reports done. In an async generator the inner iterator is
// an async one (or a sync one adapted), its results are awaited, and what it
// produces is yielded without a further await.
uint16_t FunctionCompiler::yield_star(Node* argument, int dst) {
  const bool async = is_async_generator_;
  uint16_t out = into(dst);
  Temps t(*this);
  uint16_t it = temps(2);  // iterator, next method
  emit_.emit(async ? Opcode::GetAsyncIterator : Opcode::GetIterator, it, expr(argument));
  uint16_t received = temps(2);  // value sent in, mode
  emit_.emit(Opcode::LoadUndefined, received);
  load_mode(emit_, uint16_t(received + 1), ResumeMode::Next);
  Label loop, done;
  emit_.bind(loop);
  uint16_t result = temp();
  uint16_t call = temps(3);
  uint16_t test = temp(), k = temp();
  uint16_t awaited = temps(2);
  auto await_result = [&] {  // result = await result (a rejection throws here)
    if (!async) return;
    await_into(awaited, result);
    emit_.emit(Opcode::Move, result, awaited);
  };
  Label not_next, not_throw, call_it;
  // Next: next(received)
  load_mode(emit_, k, ResumeMode::Next);
  emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
  emit_.emit_jump(Opcode::JumpIfFalse, test, not_next);
  emit_.emit(Opcode::Move, call, uint16_t(it + 1));
  emit_.emit_jump(Opcode::Jump, 0, call_it);
  emit_.bind(not_next);
  load_mode(emit_, k, ResumeMode::Throw);
  emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
  emit_.emit_jump(Opcode::JumpIfFalse, test, not_throw);
  {
    // Throw: throw(received); without a throw method, close the iterator and fail.
    Label no_throw_method;
    emit_.emit(Opcode::GetNamed, call, it, ic(&kThrowAtom));
    emit_.emit_jump(Opcode::JumpIfNullish, call, no_throw_method);
    emit_.emit_jump(Opcode::Jump, 0, call_it);
    emit_.bind(no_throw_method);
    if (async) {
      Label no_return;
      emit_.emit(Opcode::GetNamed, call, it, ic(&kReturnAtom));
      emit_.emit_jump(Opcode::JumpIfNullish, call, no_return);
      Label go;
      emit_.emit_jump(Opcode::Jump, 0, go);
      emit_.bind(no_return);
      emit_.emit(Opcode::ThrowIteratorNoThrow);
      emit_.bind(go);
      emit_.emit(Opcode::Move, uint16_t(call + 1), it);
      emit_.emit(Opcode::Call, result, call, 0);
      await_result();
      emit_.emit(Opcode::RequireIterResult, result);
    } else {
      emit_.emit(Opcode::IteratorClose, it);
    }
    emit_.emit(Opcode::ThrowIteratorNoThrow);
  }
  emit_.bind(not_throw);
  {
    // Return: return(received), or finish with it when there is no return method.
    Label no_return_method;
    emit_.emit(Opcode::GetNamed, call, it, ic(&kReturnAtom));
    emit_.emit_jump(Opcode::JumpIfNullish, call, no_return_method);
    emit_.emit_jump(Opcode::Jump, 0, call_it);
    emit_.bind(no_return_method);
    jump_out(-1, false, received);
  }
  emit_.bind(call_it);
  emit_.emit(Opcode::Move, uint16_t(call + 1), it);
  emit_.emit(Opcode::Move, uint16_t(call + 2), received);
  emit_.emit(Opcode::Call, result, call, 1);
  await_result();
  emit_.emit(Opcode::RequireIterResult, result);
  uint16_t is_done = temp();
  emit_.emit(Opcode::GetNamed, is_done, result, ic(&kDoneAtom));
  Label not_done;
  emit_.emit_jump(Opcode::JumpIfFalse, is_done, not_done);
  emit_.emit(Opcode::GetNamed, out, result, ic(&kValueAtom));
  {
    load_mode(emit_, k, ResumeMode::Return);
    emit_.emit(Opcode::StrictEq, test, uint16_t(received + 1), k);
    emit_.emit_jump(Opcode::JumpIfFalse, test, done);
    jump_out(-1, false, out);  // the inner return() finished: so does this generator
  }
  emit_.bind(not_done);
  emit_.emit(Opcode::GetNamed, out, result, ic(&kValueAtom));
  emit_.emit(Opcode::Yield, received, out);
  if (async) unwrap_return_resumption(received);
  emit_.emit_jump(Opcode::Jump, 0, loop);
  emit_.bind(done);
  return out;
}

}  // namespace glass::compiling
