// The bytes the program holds from operator new (every C++ container of
// the engine: an array's elements, a dictionary's table, compiled code),
// counted by replacing the global operator new and delete. The heap counts
// them with its cells when it decides when to collect and whether it is
// past --max-heap-size (heap.h, HeapOptions::max_bytes).
//
// Sanitizer builds keep their own allocator's operator new: there the
// meter is off and reads 0 (the limit then counts cells and external bytes).
#pragma once
#include <atomic>
#include <cstddef>

namespace glass::gc::malloc_meter {

extern std::atomic<size_t> counted;  // (stays 0 when the meter is off)
inline size_t bytes() { return counted.load(std::memory_order_relaxed); }

}  // namespace glass::gc::malloc_meter
