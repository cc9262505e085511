// Proves the boost.context install works the way the VM will use it: JS
// runs on a fiber with its own stack, and can switch back to the host
// (a debugger pause) and be resumed where it stopped.
#include <boost/context/fiber.hpp>
#include <boost/context/protected_fixedsize_stack.hpp>

#include <doctest/doctest.h>

namespace ctx = boost::context;

TEST_CASE("boost.context: a fiber on a guard-paged stack suspends to the host and resumes") {
  int steps = 0;
  ctx::fiber vm{std::allocator_arg, ctx::protected_fixedsize_stack(256 * 1024), [&](ctx::fiber&& host) {
                  steps = 1;
                  host = std::move(host).resume();  // "pause": back to the host
                  steps = 2;
                  return std::move(host);
                }};
  vm = std::move(vm).resume();
  CHECK(steps == 1);  // paused in the middle
  vm = std::move(vm).resume();
  CHECK(steps == 2);  // resumed and finished
  CHECK_FALSE(vm);
}
