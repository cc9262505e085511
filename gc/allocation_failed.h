// What the collector does when memory runs out: the system refused a
// mapping, or the heap is past HeapOptions::max_bytes after a collection.
// The handler the embedder installs runs (the engine's reports "JavaScript
// heap out of memory" with the JS stack and ends the process, as Node does;
// see engine/vm/out_of_memory.h); without one, std::bad_alloc.
#pragma once
#include <new>

namespace glass::gc {

using OutOfMemoryHandler = void (*)(const char* what);
void set_out_of_memory_handler(OutOfMemoryHandler handler);
OutOfMemoryHandler out_of_memory_handler();

[[noreturn]] inline void out_of_memory(const char* what) {
  if (OutOfMemoryHandler handler = out_of_memory_handler()) handler(what);  // (the engine's does not return)
  throw std::bad_alloc();
}

[[noreturn]] inline void allocation_failed() { out_of_memory("Allocation failed"); }

}  // namespace glass::gc
