// PropertyKey: a property name after ToPropertyKey (§7.1.19) — an array
// index (kept apart from named properties, as objects store them apart), or
// an atom or symbol (a cell compared by identity).
#pragma once
#include <cstdint>

#include "gc/cell.h"

namespace glass {

struct PropertyKey {
  gc::Cell* cell = nullptr;  // an atom (String) or a Symbol; null for an index
  uint32_t index = 0;

  static PropertyKey of_index(uint32_t i) { return PropertyKey{nullptr, i}; }
  static PropertyKey of_cell(gc::Cell* c) { return PropertyKey{c, 0}; }
  bool is_index() const { return cell == nullptr; }
  bool operator==(const PropertyKey&) const = default;
};

}  // namespace glass
