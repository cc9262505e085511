// Mapped arguments objects (§10.4.4): in a sloppy function with simple
// parameters, `arguments[i]` and the i-th parameter are the same variable
// for as long as both exist — writing one changes the other.
//
// The resolver keeps such parameters in heap-scope slots (so they outlive
// the frame with the object), and MapArguments turns each aliased index into
// a special element flagged kMapped whose value is one shared ArgumentsMap:
// the scope and the slot of each index's parameter. The property operations
// (operations.cpp) read and write through it; redefining an index as an
// accessor or non-writable, or deleting it, unmaps it.
#pragma once
#include <vector>

#include "vm/function.h"
#include "vm/vm.h"

namespace glass {

class ArgumentsMap final : public gc::Cell {
 public:
  HeapScope* scope;
  std::vector<uint16_t> slots;  // by argument index

  ArgumentsMap(HeapScope* s, std::vector<uint16_t> slot_of_index);
  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "ArgumentsMap"; }
};

// MapArguments: aliases arguments[i] to its parameter's slot in `scope`, for
// each i below both the argument count and the parameter count.
void map_arguments(Vm& vm, Value arguments, HeapScope* scope, const std::vector<uint16_t>& slots);

// A kMapped special element's current value, read from its parameter.
Value mapped_argument_value(Value map, uint32_t index);
// Writes v to the parameter a kMapped special element aliases.
void write_mapped_argument(Value map, uint32_t index, Value v);

}  // namespace glass
