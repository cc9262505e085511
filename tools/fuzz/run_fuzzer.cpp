// Fuzz target: compile and run a script in a fresh Vm — the whole engine,
// built-ins included — with the bytecode verifier on, an instruction budget
// and a heap budget (fuzz_vm.h), and the promise jobs it queues drained.
// Whatever the program throws is fine; a crash, a sanitizer report, a hang
// or the verifier's abort is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_vm.h"
#include "vm/out_of_memory.h"

namespace {
constexpr uint64_t kMaxInstructions = 200'000;
constexpr size_t kMaxHeapBytes = size_t(64) << 20;
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  glass::install_out_of_memory_handler();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view source(reinterpret_cast<const char*>(data), size);
  glass::fuzz::with_budgeted_vm(kMaxInstructions, kMaxHeapBytes, [&](glass::Vm& vm) {
    // Output from the program's own print/console calls is not wanted.
    vm.write_stdout = [](std::string_view) {};
    vm.write_stderr = [](std::string_view) {};
    try {
      vm.evaluate_script(source, "fuzz.js");
    } catch (const glass::Thrown&) {
      vm.take_exception();
    }
    vm.run_jobs();
  });
  return 0;
}
