// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_json(Vm&) {}

}  // namespace glass
