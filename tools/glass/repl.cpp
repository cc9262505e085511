#include "repl.h"

#include <iostream>

namespace glass::cli {

int run_repl(natives::Runtime&) {
  std::cerr << "glass: the REPL is not built yet\n";
  return 2;
}

}  // namespace glass::cli
