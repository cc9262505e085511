// JS runs on a boost.context fiber with its own guard-paged stack
// (DESIGN.md "boost.context"): deep native recursion hits the guard page's
// limit checks (StackGuard) on a stack of known size, and a debugger pause
// (a later issue) can switch back to the host from anywhere in the VM.
#pragma once
#include <cstddef>
#include <functional>

namespace glass {

// Runs `body` on a new fiber with a `stack_bytes` stack and returns when it
// finishes. An exception escaping `body` is rethrown on the caller's stack.
void run_on_fiber(size_t stack_bytes, const std::function<void()>& body);

constexpr size_t kDefaultFiberStack = size_t(64) << 20;  // reserved; pages are touched as used

}  // namespace glass
