#include "objects/symbol.h"

namespace glass {

Symbol* Symbol::create(gc::Heap& heap, String* description, uint8_t flags) {
  gc::Rooted<String> desc(heap, description);
  return heap.allocate<Symbol>(desc.get(), flags);
}

}  // namespace glass
