// (being written)
#include "builtins/builtins.h"

namespace glass {

void install_collections(Vm&) {}

}  // namespace glass
