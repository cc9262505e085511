// Bounds native (C++) recursion against the real stack, so that deeply nested
// input (100,000 open brackets, a deeply nested JSON value) becomes an error
// instead of a crash. Recursive-descent code calls `check()` at the top of
// each recursive step; it compares the current stack address with a limit
// computed once from the stack the code runs on.
#pragma once
#include <cstddef>
#include <cstdint>
#include <sys/resource.h>

namespace glass {

class StackGuard {
 public:
  // Allows `usable` bytes below the caller's frame. With no argument: three
  // quarters of the thread's stack limit (RLIMIT_STACK, 8 MB by default),
  // minus what is already in use is not known, so a margin is kept.
  explicit StackGuard(size_t usable = default_usable()) {
    char here;
    base_ = reinterpret_cast<uintptr_t>(&here);
    limit_ = base_ > usable ? base_ - usable : 0;
  }

  // True when the stack has grown past the limit.
  bool exhausted() const {
    char here;
    return reinterpret_cast<uintptr_t>(&here) < limit_;
  }

  static size_t default_usable() {
    rlimit rl{};
    size_t size = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) size = rl.rlim_cur;
    if (size > (256u << 20)) size = 256u << 20;
    return size / 2;  // generous margin: the caller's frames and sanitizer redzones
  }

 private:
  uintptr_t base_ = 0;
  uintptr_t limit_ = 0;
};

}  // namespace glass
