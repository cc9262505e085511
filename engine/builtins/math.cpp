// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_math(Vm&) {}

}  // namespace glass
