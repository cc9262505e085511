// CellTag: the engine's kinds of heap cell, stored in gc::Cell::tag() so the
// VM can ask "is this cell a String?" with one byte compare instead of a
// virtual call or a dynamic_cast.
//
// THIS IS THE ONE LIST. Every engine cell type gets an entry here (the
// object model, functions, environments, ... will add theirs); never reuse a
// value or hard-code a number elsewhere.
//
// 0 is deliberately `None`: gc::Cell's default tag is 0, so a cell type that
// forgot to pass its tag is never mistaken for a String.
#pragma once
#include <cstdint>

#include "gc/cell.h"

namespace glass {

enum class CellTag : uint8_t {
  None = 0,
  String,  // objects/string.h (flat, rope and indirect strings alike)
  Symbol,  // objects/symbol.h
  BigInt,  // objects/bigint.h
  Object,  // objects/object.h
  Shape,   // objects/shape.h
  Scope,             // vm/function.h: a heap scope (captured variables)
  FunctionTemplate,  // vm/function.h: a loaded CompiledFunction (constants, inline caches)
  Internal,          // other engine-private cells (vm/*.h): not JS values
  Module,            // vm/module.h: a module record
  ImportBinding,     // vm/module.h: an import's link to the exporting module's binding
  // ... more kinds are added here by the object model and the VM.
};

inline bool has_tag(const gc::Cell* cell, CellTag tag) { return cell && cell->tag() == uint8_t(tag); }

}  // namespace glass
