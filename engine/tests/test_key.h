// A stand-in for an atom in shape and object tests: shapes and objects
// compare keys only by identity, so any cell will do.
#pragma once
#include "gc/cell.h"

namespace glass::testing {

class Key final : public gc::Cell {
 public:
  explicit Key(int id) : id(id) {}
  int id;
  const char* cell_name() const override { return "Key"; }
};

}  // namespace glass::testing
