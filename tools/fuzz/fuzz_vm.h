// What the fuzz targets that run JavaScript share: a Vm with budgets, so
// that an input which loops forever or allocates without end stops with an
// ordinary exception instead of hanging the fuzzer or exhausting memory.
//
// The budget is a debugger in the VM's sense (vm/debug_hooks.h): hooks that
// are always armed see every instruction, count it, and check the heap's
// size. Past either limit the instruction throws a RangeError. A program
// that catches it gets no further: the next instruction throws again, so the
// handler, any finally blocks and every pending job end at once.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "vm/debug_hooks.h"
#include "vm/fiber.h"
#include "vm/operations.h"
#include "vm/rooted.h"
#include "vm/vm.h"

namespace glass::fuzz {

inline constexpr const char* kBudgetMessage = "fuzz budget exhausted";

class Budget final : public DebugHooks {
 public:
  Budget(uint64_t max_instructions, size_t max_heap_bytes)
      : max_instructions_(max_instructions), max_heap_bytes_(max_heap_bytes) {
    armed_.store(true, std::memory_order_relaxed);
  }
  bool exhausted() const { return exhausted_; }
  void reset() {
    instructions_ = 0;
    exhausted_ = false;
  }

  void before_instruction(Vm& vm, Frame&, const bytecode::Instruction*) override {
    // The heap is checked every 1,024 instructions: reading its stats is
    // cheap but not free.
    if (++instructions_ > max_instructions_ ||
        ((instructions_ & 1023) == 0 && heap_bytes(vm) > max_heap_bytes_))
      exhausted_ = true;
    if (exhausted_) vm.throw_error(ErrorType::RangeError, kBudgetMessage);
  }
  void debugger_statement(Vm&, Frame&) override {}
  void leaving_frame(Vm&, const Frame&, Leave) override {}
  void exception_thrown(Vm&, Value) override {}
  void code_loaded(Vm&, FunctionTemplate*, const std::string&, const std::string&, const ParseOptions&) override {}

 private:
  static size_t heap_bytes(Vm& vm) {
    gc::HeapStats stats = vm.heap().stats();
    return stats.live_bytes + stats.external_bytes;
  }
  uint64_t max_instructions_;
  size_t max_heap_bytes_;
  uint64_t instructions_ = 0;
  bool exhausted_ = false;
};

// Runs `body(vm)` in a fresh Vm on a fiber (as glass runs JS), with the
// budget installed and the bytecode verifier on. Exceptions the program
// throws are expected; anything else (a crash, a sanitizer report, the
// verifier's abort) is a finding.
template <typename Body>
void with_budgeted_vm(uint64_t max_instructions, size_t max_heap_bytes, Body&& body) {
  run_on_fiber(kDefaultFiberStack, [&] {
    VmOptions options;
    options.verify_bytecode = true;
    // A single native can allocate far past the budget before the next
    // instruction checks it (`new Array(1e8).fill(0)`); past this the
    // process ends with glass's out-of-memory report, which is a finding.
    options.heap.max_bytes = size_t(1) << 30;
    options.max_frames = 10000;
    Vm vm(options);
    Budget budget(max_instructions, max_heap_bytes);
    vm.set_debug_hooks(&budget);
    try {
      body(vm);
    } catch (const Thrown&) {
      vm.take_exception();
    }
    vm.set_debug_hooks(nullptr);
  });
}

// For targets whose inputs cannot change the VM (each only calls one
// function, `check`, with the input as a string): one Vm for every input,
// made on first use — a Vm costs milliseconds to make, a call microseconds.
// `check` returns "" when all is well, else what went wrong; an exception
// out of it (the budget's included) counts as all well.
class SharedCheck {
 public:
  SharedCheck(const char* source, uint64_t max_instructions, size_t max_heap_bytes)
      : source_(source), budget_(max_instructions, max_heap_bytes) {}

  std::string run(std::string_view input) {
    std::string failure;
    run_on_fiber(kDefaultFiberStack, [&] {
      if (!vm_) {
        VmOptions options;
        options.verify_bytecode = true;
        options.heap.max_bytes = size_t(1) << 30;
        vm_ = std::make_unique<Vm>(options);
        vm_->set_debug_hooks(&budget_);
        check_ = std::make_unique<ValueVector>(vm_->heap());
        check_->values.push_back(vm_->evaluate_script(source_, "check.js"));
      }
      budget_.reset();
      try {
        gc::Rooted<String> text(vm_->heap(), vm_->new_string(input));
        Value args[1] = {string_value(text)};
        failure = to_utf8(*vm_, vm_->call(check_->values[0], Value::undefined(), args));
      } catch (const Thrown&) {
        vm_->take_exception();
      }
    });
    return failure;
  }

  ~SharedCheck() {
    // The Vm and its root go on a fiber, as they came.
    run_on_fiber(kDefaultFiberStack, [&] {
      check_.reset();
      vm_.reset();
    });
  }

 private:
  const char* source_;
  Budget budget_;
  std::unique_ptr<Vm> vm_;
  std::unique_ptr<ValueVector> check_;
};

}  // namespace glass::fuzz
