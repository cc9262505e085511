#include "vm/out_of_memory.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "gc/allocation_failed.h"
#include "vm/vm.h"

namespace glass {

namespace {

thread_local Vm* running_vm = nullptr;
// Given back when memory runs out, so the report can be written.
void* reserve = nullptr;
constexpr size_t kReserveBytes = 1 << 20;

void write_stderr(const std::string& text) {
  const char* p = text.data();
  size_t left = text.size();
  while (left) {
    ssize_t n = ::write(2, p, left);
    if (n <= 0) return;
    p += n;
    left -= size_t(n);
  }
}

void on_new_failed() { fatal_out_of_memory("Allocation failed"); }

}  // namespace

void install_out_of_memory_handler() {
  if (!reserve) reserve = std::malloc(kReserveBytes);
  std::set_new_handler(on_new_failed);
  gc::set_out_of_memory_handler(fatal_out_of_memory);
}

void set_out_of_memory_vm(Vm* vm) { running_vm = vm; }
Vm* out_of_memory_vm() { return running_vm; }

void fatal_out_of_memory(const char* what) {
  std::free(reserve);
  reserve = nullptr;
  // A second failure while reporting (the reserve was not enough): end at once.
  std::set_new_handler(nullptr);
  static bool reporting = false;
  if (reporting) std::_Exit(134);
  reporting = true;
  std::fflush(stdout);  // (stdio is unused by the runtime's output, which is written through)
  std::string report = "\nFATAL ERROR: ";
  report += what;
  report += " - JavaScript heap out of memory\n";
  if (running_vm) {
    try {
      std::string stack = running_vm->stack_trace();
      stack.erase(0, stack.find_first_not_of('\n'));
      if (!stack.empty()) report += "\n<--- JS stacktrace --->\n" + stack + (stack.back() == '\n' ? "" : "\n");
    } catch (...) {
      // No stack, then: the one line is the report.
    }
  }
  write_stderr(report);
  std::_Exit(134);  // Node aborts (134 = 128 + SIGABRT); no core file, no teardown
}

}  // namespace glass
