// BlockPool: where a heap's 64 KiB blocks come from.
//
// Blocks are carved from 2 MiB chunks, each mapped at once and (all but the
// first) marked for transparent huge pages. A heap that grows to its first
// threshold touches megabytes of fresh memory; page by page that is one fault
// per 4 KiB (about 2,000 faults, a tenth of a short script's run time, all in
// the kernel), and with huge pages it is one per chunk. The first chunk keeps
// small pages so that a small program stays small.
//
// A returned block goes on a free list. When every block of a chunk has been
// returned, the chunk's memory goes back to the system (MADV_DONTNEED: the
// mapping stays, and touching it again gets fresh zero pages), so a heap that
// shrinks gives its memory back. The pool unmaps everything when destroyed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace glass::gc {

class BlockPool {
 public:
  static constexpr size_t kBlockSize = 64 * 1024;
  static constexpr size_t kChunkSize = 2 * 1024 * 1024;
  static constexpr size_t kBlocksPerChunk = kChunkSize / kBlockSize;

  BlockPool() = default;
  ~BlockPool();
  BlockPool(const BlockPool&) = delete;
  BlockPool& operator=(const BlockPool&) = delete;

  // kBlockSize bytes, kBlockSize-aligned (throws std::bad_alloc).
  void* take();
  // A block from take(), no longer used.
  void give(void* block);

 private:
  struct Chunk {
    char* base;       // kChunkSize-aligned
    uint32_t in_use;  // blocks handed out and not given back
  };
  Chunk& chunk_of(const void* block);
  void map_chunk();

  std::vector<Chunk> chunks_;  // sorted by base
  std::vector<void*> free_;  // blocks not in use (their chunk may be released)
};

}  // namespace glass::gc
