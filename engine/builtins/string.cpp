// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_string(Vm&) {}

}  // namespace glass
