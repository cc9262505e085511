// Block: a 64 KiB, 64 KiB-aligned piece of memory cut into equal slots of one
// size class. Small cells are allocated from blocks; the heap keeps, per
// class, the blocks that still have free slots.
//
// Layout: this header (size class, counts, the free list, one "allocated"
// bit per slot), then the slots. Because blocks are aligned to their size,
// Block::of(p) finds the block of any cell by masking its address.
//
// A slot is allocated (its bit set) or free. Free slots are either on the
// free list (a singly-linked list threaded through the first word of each
// free slot) or past `bump_` (never used yet): a new block costs nothing
// until its slots are handed out. Free slots are ASan-poisoned.
//
// Blocks deal in raw memory; they know nothing about cells.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "gc/poison.h"
#include "gc/size_classes.h"

namespace glass::gc {

class Block {
 public:
  static constexpr size_t kSize = 64 * 1024;

  // A new block of class `size_class`, all slots free, in `memory` (kSize
  // bytes, kSize-aligned: see block_pool.h). destroy() returns the memory.
  static Block* create(void* memory, unsigned size_class);
  static void* destroy(Block* block);
  // Reuse an empty block for another class.
  void reformat(unsigned size_class);

  static Block* of(const void* p) {
    return reinterpret_cast<Block*>(reinterpret_cast<uintptr_t>(p) & ~uintptr_t(kSize - 1));
  }

  unsigned size_class() const { return size_class_; }
  size_t cell_size() const { return cell_size_; }
  size_t slot_count() const { return slot_count_; }
  size_t allocated_count() const { return allocated_; }
  bool has_free_slot() const { return free_ != nullptr || bump_ < slot_count_; }
  bool empty() const { return allocated_ == 0 && retired_ == 0; }

  // A free slot, now allocated and unpoisoned; null if the block is full.
  void* allocate_slot() {
    void* slot;
    if (free_) {
      unpoison_slot(free_);
      slot = free_;
      free_ = free_->next;
    } else if (bump_ < slot_count_) {
      slot = slot_at(bump_++);
      unpoison_slot(slot);
    } else {
      return nullptr;
    }
    set_bit(index_of(slot));
    ++allocated_;
    return slot;
  }

  // Return an allocated slot (whose cell has been destroyed) to the free
  // list. `fill`: overwrite it with kFreedByte first.
  void free_slot(void* slot, bool fill) {
    retire_slot(slot, fill);
    reuse_retired_slot(slot);
  }
  // The two halves of free_slot, for the stress-mode quarantine: a retired
  // slot is free (poisoned, not allocated) but not yet on the free list, so
  // a dangling pointer to it cannot be "fixed" by the next allocation
  // landing on the same address.
  void retire_slot(void* slot, bool fill);
  void reuse_retired_slot(void* slot);

  // True if p is the start of an allocated slot of this block.
  bool is_allocated_slot(const void* p) const;

  // f(void* slot) for every allocated slot; f may free_slot() it.
  template <class F>
  void for_each_allocated(F&& f) {
    for (size_t w = 0; w < kBitmapWords; ++w) {
      uint64_t bits = allocated_bits_[w];
      while (bits) {
        size_t i = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
        bits &= bits - 1;
        f(slot_at(i));
      }
    }
  }

  // Checks the free list: every entry is a free slot of this block, no
  // entry twice, the counts add up and (if `filled`) each free slot still
  // holds kFreedByte everywhere but its link. Returns "" or the problem.
  std::string check_free_list(bool filled) const;

 private:
  struct FreeSlot {
    FreeSlot* next;
  };
  static constexpr size_t kMaxSlots = kSize / kCellAlignment;
  static constexpr size_t kBitmapWords = kMaxSlots / 64;

  explicit Block(unsigned size_class) { reformat(size_class); }
  static size_t header_size() { return (sizeof(Block) + kCellAlignment - 1) & ~(kCellAlignment - 1); }
  char* slots() const { return reinterpret_cast<char*>(const_cast<Block*>(this)) + header_size(); }
  void* slot_at(size_t i) const { return slots() + i * cell_size_; }
  // (A multiply by the precomputed reciprocal, not a divide: this runs for
  // every allocation from a free list and every cell swept. Exact for any
  // slot offset below 2^16 and cell size below 2^16.)
  size_t index_of(const void* p) const {
    uint64_t offset = static_cast<uint64_t>(static_cast<const char*>(p) - slots());
    return static_cast<size_t>((offset * reciprocal_) >> 32);
  }
  void set_bit(size_t i) { allocated_bits_[i / 64] |= uint64_t(1) << (i % 64); }
  void clear_bit(size_t i) { allocated_bits_[i / 64] &= ~(uint64_t(1) << (i % 64)); }
  bool bit(size_t i) const { return (allocated_bits_[i / 64] >> (i % 64)) & 1; }
  void unpoison_slot(void* slot) const { unpoison_memory(slot, cell_size_); }  // (nothing without ASan)

  uint32_t cell_size_ = 0;
  uint32_t reciprocal_ = 0;  // ceil(2^32 / cell_size_), for index_of
  uint32_t slot_count_ = 0;
  uint32_t allocated_ = 0;
  uint32_t bump_ = 0;  // slots [bump_, slot_count_) have never been handed out
  uint32_t retired_ = 0;  // freed, in the heap's quarantine, not on the free list
  uint8_t size_class_ = 0;
  FreeSlot* free_ = nullptr;
  uint64_t allocated_bits_[kBitmapWords];
};

// (Inline: the sweep calls these for every dead cell.)
inline void Block::retire_slot(void* slot, bool fill) {
  clear_bit(index_of(slot));
  --allocated_;
  ++retired_;
  if (fill) std::memset(slot, kFreedByte, cell_size_);
  poison_memory(slot, cell_size_);
}

inline void Block::reuse_retired_slot(void* slot) {
  --retired_;
  unpoison_memory(slot, sizeof(FreeSlot));
  auto* free = static_cast<FreeSlot*>(slot);
  free->next = free_;
  free_ = free;
  poison_memory(slot, sizeof(FreeSlot));
}

}  // namespace glass::gc
