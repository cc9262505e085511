// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_array(Vm&) {}

}  // namespace glass
