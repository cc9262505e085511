#include "vm/fiber.h"

#include <pthread.h>

#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <exception>

#include "gc/sanitizers.h"
#ifdef GLASS_ASAN
#include <sanitizer/common_interface_defs.h>
#endif

namespace glass {

namespace {

#ifdef GLASS_ASAN
// AddressSanitizer tracks one stack per thread; every switch between the
// host stack and the fiber's must be announced, or the first exception
// thrown on the fiber looks like a stack overflow to it.
struct HostStack {
  const void* bottom = nullptr;
  size_t size = 0;
  HostStack() {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      void* addr = nullptr;
      pthread_attr_getstack(&attr, &addr, &size);
      bottom = addr;
      pthread_attr_destroy(&attr);
    }
  }
};
#endif

}  // namespace

void run_on_fiber(size_t stack_bytes, const std::function<void()>& body) {
  namespace ctx = boost::context;
  std::exception_ptr error;
  ctx::protected_fixedsize_stack allocator(stack_bytes);
  ctx::stack_context stack = allocator.allocate();
#ifdef GLASS_ASAN
  HostStack host_stack;
  void* fake_stack = nullptr;
  const void* fiber_bottom = static_cast<char*>(stack.sp) - stack.size;
#endif
  ctx::fiber fiber{std::allocator_arg, ctx::preallocated(stack.sp, stack.size, stack), allocator,
                   [&](ctx::fiber&& host) {
#ifdef GLASS_ASAN
                     __sanitizer_finish_switch_fiber(nullptr, nullptr, nullptr);
#endif
                     try {
                       body();
                     } catch (...) {
                       error = std::current_exception();  // exceptions never cross a context switch
                     }
#ifdef GLASS_ASAN
                     __sanitizer_start_switch_fiber(nullptr, host_stack.bottom, host_stack.size);
#endif
                     return std::move(host);
                   }};
#ifdef GLASS_ASAN
  __sanitizer_start_switch_fiber(&fake_stack, fiber_bottom, stack.size);
#endif
  fiber = std::move(fiber).resume();
#ifdef GLASS_ASAN
  __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
  if (error) std::rethrow_exception(error);
}

}  // namespace glass
