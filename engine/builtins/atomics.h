// Atomics.waitAsync for hosts: how a host's loop settles this agent's
// asynchronous waits (ECMA-262 §25.4.3.14 DoWait in async mode).
//
// A wait another thread notifies lands in this agent's inbox; a wait whose
// timeout passes is found by settle_async_waits. Either way its promise is
// resolved by a job on this agent's queue, never from the other thread: no
// JS object crosses threads. A notify from this agent's own thread is
// settled at once (its job is queued before notify returns).
//
// A host that runs an event loop calls, while has_pending_async_waits():
//   settle_async_waits(vm) — queue the jobs of the waits that are over; it
//       returns the earliest timeout still pending, for the loop's timer;
//   wait_for_async_waits(vm, until) — sleep until another thread notifies a
//       wait of this agent, or `until`.
#pragma once
#include <chrono>
#include <optional>

#include "vm/vm.h"

namespace glass {

using AtomicsClock = std::chrono::steady_clock;

bool has_pending_async_waits(Vm& vm);
std::optional<AtomicsClock::time_point> settle_async_waits(Vm& vm);
void wait_for_async_waits(Vm& vm, std::optional<AtomicsClock::time_point> until);

}  // namespace glass
