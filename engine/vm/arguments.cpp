// Mapped arguments objects: see arguments.h.
#include "vm/arguments.h"

#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass {

ArgumentsMap::ArgumentsMap(HeapScope* s, std::vector<uint16_t> slot_of_index)
    : gc::Cell(uint8_t(CellTag::Internal)), scope(s), slots(std::move(slot_of_index)) {}

void ArgumentsMap::trace(gc::Tracer& tracer) { tracer.visit(scope); }

void map_arguments(Vm& vm, Value arguments, HeapScope* scope, const std::vector<uint16_t>& slots) {
  gc::Rooted<Object> args(vm.heap(), as_object(arguments));
  gc::Rooted<HeapScope> s(vm.heap(), scope);
  auto* map = vm.heap().allocate<ArgumentsMap>(s.get(), slots);
  Value map_value = Value::cell(Value::Tag::Object, map);
  uint32_t count = std::min<uint32_t>(args->array_length(), uint32_t(slots.size()));
  for (uint32_t i = 0; i < count; ++i)
    if (slots[i] != bytecode::CompiledFunction::kNoRegister)
      args->set_special_element(i, OwnProperty{map_value, uint8_t(kDefaultProperty | kMapped)});
}

Value mapped_argument_value(Value map, uint32_t index) {
  auto* m = static_cast<ArgumentsMap*>(map.as_cell());
  return m->scope->at(m->slots[index]);
}

void write_mapped_argument(Value map, uint32_t index, Value v) {
  auto* m = static_cast<ArgumentsMap*>(map.as_cell());
  m->scope->at(m->slots[index]) = v;
}

}  // namespace glass
