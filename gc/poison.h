// Making use-after-free of a swept cell loud.
//
// A freed slot is always poisoned for AddressSanitizer when the build has it
// (any read or write of it is reported, with the stack of the access), and,
// when HeapOptions::poison is on, also filled with kFreedByte so that a
// non-ASan build reads garbage that verification recognizes (a header whose
// mark byte is 0xdb is neither marked nor unmarked).
#pragma once
#include <cstddef>

#include "gc/sanitizers.h"

#ifdef GLASS_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace glass::gc {

inline constexpr unsigned char kFreedByte = 0xdb;

inline void poison_memory(const void* p, size_t n) {
#ifdef GLASS_ASAN
  ASAN_POISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}

inline void unpoison_memory(const void* p, size_t n) {
#ifdef GLASS_ASAN
  ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
  (void)p, (void)n;
#endif
}

}  // namespace glass::gc
