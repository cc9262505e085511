// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_number(Vm&) {}

}  // namespace glass
