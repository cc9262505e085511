// What the fuzz targets of the runtime's own parts share: one Vm with the
// Node-style runtime bootstrapped (process, require, the module loaders),
// made on the first input and kept for the rest — a bootstrap costs far more
// than an input. Each input runs on a fiber, as glass runs JS.
#pragma once
#include <memory>

#include "natives/modules.h"
#include "natives/runtime.h"
#include "vm/fiber.h"
#include "vm/vm.h"

namespace glass::fuzz {

struct FuzzRuntime {
  // Something a target keeps beside the runtime (a debugger session):
  // destroyed before it.
  struct Attachment {
    virtual ~Attachment() = default;
  };
  Vm vm;
  natives::Runtime runtime;
  std::unique_ptr<Attachment> attachment;
  FuzzRuntime() : vm(options()), runtime(vm, {}) {
    natives::install_timers(runtime);
    natives::install_process(runtime);
    natives::bootstrap(runtime);
  }
  static VmOptions options() {
    VmOptions o;
    o.verify_bytecode = true;
    o.heap.max_bytes = size_t(1) << 30;
    return o;
  }
};

// Runs `body(runtime)` on a fiber with the shared runtime (made on first use).
template <typename Body>
void with_runtime(Body&& body) {
  static std::unique_ptr<FuzzRuntime> shared;
  run_on_fiber(kDefaultFiberStack, [&] {
    if (!shared) shared = std::make_unique<FuzzRuntime>();
    body(*shared);
  });
}

}  // namespace glass::fuzz
