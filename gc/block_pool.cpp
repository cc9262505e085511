#include "gc/block_pool.h"

#include "gc/allocation_failed.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>

// The leak checker (LeakSanitizer, part of ASan) looks for pointers to
// malloc'd memory in globals, stacks and other malloc'd memory, not in
// mmap'd regions: cells point at what they own (an object's slots, a
// shape's transitions), so every chunk is registered as a root region.
// Without this, any live Vm looks like a leak to it.
#include "gc/sanitizers.h"
#ifdef GLASS_ASAN
#include <sanitizer/lsan_interface.h>
#endif

namespace glass::gc {

BlockPool::~BlockPool() {
  for (const Chunk& c : chunks_) {
#ifdef GLASS_ASAN
    __lsan_unregister_root_region(c.base, kChunkSize);
#endif
    munmap(c.base, kChunkSize);
  }
}

void BlockPool::map_chunk() {
  // Map two chunks' worth and trim it to one aligned chunk.
  const size_t span = 2 * kChunkSize;
  void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) allocation_failed();
  const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  const uintptr_t aligned = (start + kChunkSize - 1) & ~uintptr_t(kChunkSize - 1);
  if (aligned > start) munmap(raw, aligned - start);
  if (start + span > aligned + kChunkSize) munmap(reinterpret_cast<void*>(aligned + kChunkSize), start + span - aligned - kChunkSize);
  char* base = reinterpret_cast<char*>(aligned);
#ifdef GLASS_ASAN
  __lsan_register_root_region(base, kChunkSize);
#endif
#ifdef MADV_HUGEPAGE
  // Not the first chunk: a small program (the realm and a little more) then
  // touches only the pages it uses, keeping its resident size small.
  if (!chunks_.empty()) madvise(base, kChunkSize, MADV_HUGEPAGE);  // a hint: without THP, ordinary pages
#endif
  auto at = std::lower_bound(chunks_.begin(), chunks_.end(), base, [](const Chunk& c, char* b) { return c.base < b; });
  chunks_.insert(at, Chunk{base, 0});
  for (size_t i = kBlocksPerChunk; i-- > 0;) free_.push_back(base + i * kBlockSize);  // lowest first out
}

BlockPool::Chunk& BlockPool::chunk_of(const void* block) {
  const char* base = reinterpret_cast<const char*>(reinterpret_cast<uintptr_t>(block) & ~uintptr_t(kChunkSize - 1));
  auto at = std::lower_bound(chunks_.begin(), chunks_.end(), base, [](const Chunk& c, const char* b) { return c.base < b; });
  if (at == chunks_.end() || at->base != base) {
    std::fprintf(stderr, "gc: a block that is not from this heap's pool\n");
    std::abort();
  }
  return *at;
}

void* BlockPool::take() {
  if (free_.empty()) map_chunk();
  void* block = free_.back();
  free_.pop_back();
  ++chunk_of(block).in_use;
  return block;
}

void BlockPool::give(void* block) {
  Chunk& c = chunk_of(block);
  free_.push_back(block);
  if (--c.in_use == 0) madvise(c.base, kChunkSize, MADV_DONTNEED);  // the whole chunk is unused: return its pages
}

}  // namespace glass::gc
