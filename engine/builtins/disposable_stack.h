// Explicit resource management (ECMA-262 2026 §27.3, §9.x): dispose
// capabilities — the stacks of resources DisposableStack and
// AsyncDisposableStack hold — and the abstract operations on them
// (AddDisposableResource, CreateDisposableResource, GetDisposeMethod,
// DisposeResources). The `using` and `await using` declarations, when the
// compiler gets them, will use the same operations.
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

void install_disposable_stacks(Vm& vm);  // DisposableStack, AsyncDisposableStack, Iterator and AsyncIterator disposers

}  // namespace glass
