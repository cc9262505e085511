// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_iterator(Vm&) {}

}  // namespace glass
