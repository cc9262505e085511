// Explicit resource management (ECMA-262 2026 §27.3, §9.x): dispose
// capabilities — the stacks of resources DisposableStack and
// AsyncDisposableStack hold — and the abstract operations on them
// (AddDisposableResource, CreateDisposableResource, GetDisposeMethod,
// DisposeResources). The `using` and `await using` declarations use the
// same operations on a dispose scope: the capability of the block (function
// body, for statement, iteration, module) that declares them, which the
// compiler keeps in a register (the DisposeScope opcodes).
#pragma once
#include <vector>

#include "builtins/builtins.h"

namespace glass {

enum class DisposeHint : uint8_t { SyncDispose, AsyncDispose };

// A DisposableResource Record.
struct DisposableResource {
  Value value;   // [[ResourceValue]]
  DisposeHint hint;
  Value method;  // [[DisposeMethod]] (undefined: `await using x = null`)
};

// A DisposeCapability Record: [[DisposableResourceStack]], traced by its owner.
struct DisposeCapability {
  std::vector<DisposableResource> stack;
  void trace(gc::Tracer& tracer) const {
    for (const DisposableResource& r : stack) {
      trace_value(tracer, r.value);
      trace_value(tracer, r.method);
    }
  }
};

// §9.x AddDisposableResource ( disposeCapability, V, hint [ , method ] ):
// `method` undefined means "not present" (the dispose method is looked up on V).
void add_disposable_resource(Vm& vm, DisposeCapability& capability, Value v, DisposeHint hint,
                             Value method = Value::undefined());

// §9.x DisposeResources ( disposeCapability, completion ) for sync resources
// only: disposes in reverse order; the pending exception (if `throwing`) and
// any thrown by a dispose method combine into SuppressedErrors; throws the
// result if there is one. The capability is emptied.
void dispose_resources(Vm& vm, DisposeCapability& capability, bool throwing);

// The opcodes of `using` / `await using`: a new dispose scope (an internal
// object holding a DisposeCapability), AddDisposableResource on it, and
// DisposeResources when the scope's code ends, `throwing` `error` when it
// ended by a throw. The sync form throws the disposal's error (a
// SuppressedError over `error` when both threw) and otherwise returns, so
// the caller rethrows `error` itself. The async form returns undefined when
// no resource is async (nothing to await: the sync disposal already ran),
// else a promise of the disposal, rejected with its error.
Value new_dispose_scope(Vm& vm);
void dispose_scope_add(Vm& vm, Value scope, Value v, DisposeHint hint);
void dispose_scope(Vm& vm, Value scope, bool throwing, Value error);
Value dispose_scope_async(Vm& vm, Value scope, bool throwing, Value error);

void install_disposable_stacks(Vm& vm);  // DisposableStack, AsyncDisposableStack, Iterator and AsyncIterator disposers

}  // namespace glass
