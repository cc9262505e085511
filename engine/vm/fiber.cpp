#include "vm/fiber.h"

#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>
#include <exception>

namespace glass {

void run_on_fiber(size_t stack_bytes, const std::function<void()>& body) {
  namespace ctx = boost::context;
  std::exception_ptr error;
  ctx::fiber fiber{std::allocator_arg, ctx::protected_fixedsize_stack(stack_bytes), [&](ctx::fiber&& host) {
                     try {
                       body();
                     } catch (...) {
                       error = std::current_exception();  // exceptions never cross a context switch
                     }
                     return std::move(host);
                   }};
  fiber = std::move(fiber).resume();
  if (error) std::rethrow_exception(error);
}

}  // namespace glass
