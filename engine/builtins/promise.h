// The promise operations the rest of the engine uses (await, async
// functions, the runtime's rejection tracking), on %Promise% objects.
#pragma once
#include <vector>

#include "vm/vm.h"

namespace glass {

// A new pending %Promise%.
Object* promise_create(Vm& vm);
// PromiseResolve(%Promise%, v): v itself if it is already a %Promise%.
Object* promise_resolve_value(Vm& vm, Value v);
// Resolves (adopting thenables) or rejects a promise from promise_create; later calls do nothing.
void promise_settle(Vm& vm, Object* promise, Value v, bool reject);
// PerformPromiseThen(promise, on_fulfilled, on_rejected) with no derived promise (await).
void promise_then_internal(Vm& vm, Object* promise, Value on_fulfilled, Value on_rejected);
// Await's PerformPromiseThen: when `promise` (a %Promise%) settles, a job
// calls resume(awaiter, value or reason, rejected) — no handler functions made.
using AwaitResume = void (*)(Vm& vm, Object* awaiter, Value value, bool rejected);
void promise_then_await(Vm& vm, Object* promise, Object* awaiter, AwaitResume resume);
// A settled promise's value or reason (undefined while pending).
Value promise_result(Object* promise);
enum class PromiseStatus : uint8_t { Pending, Fulfilled, Rejected };
PromiseStatus promise_status(Object* promise);
// The async functions (their GeneratorObjects) awaiting `promise` while it is
// pending, in the order they awaited: a debugger's async stack follows them.
void promise_awaiters(Object* promise, std::vector<Object*>& out);
// Its rejection is somebody's business: never reported as unhandled.
void promise_mark_handled(Vm& vm, Object* promise);

}  // namespace glass
