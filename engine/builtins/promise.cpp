// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_promise(Vm&) {}

}  // namespace glass
