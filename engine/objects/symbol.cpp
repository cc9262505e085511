#include "objects/symbol.h"

namespace glass {

Symbol* Symbol::create(gc::Heap& heap, String* description, uint8_t flags) {
  gc::Rooted<String> desc(heap, description);
  return heap.allocate<Symbol>(desc.get(), flags);
}

std::string Symbol::descriptive_string() const {
  return "Symbol(" + (description_ ? description_->to_utf8() : std::string()) + ")";
}

}  // namespace glass
