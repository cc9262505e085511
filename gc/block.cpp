#include "gc/block.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <unordered_set>

#include "gc/poison.h"

namespace glass::gc {

size_t Block::header_size() {
  return (sizeof(Block) + kCellAlignment - 1) & ~(kCellAlignment - 1);
}

Block* Block::create(unsigned size_class) {
  void* memory = std::aligned_alloc(kSize, kSize);
  if (!memory) throw std::bad_alloc();
  return new (memory) Block(size_class);
}

void Block::destroy(Block* block) {
  unpoison_memory(block, kSize);  // the allocator may reuse it for anything
  block->~Block();
  std::free(block);
}

void Block::reformat(unsigned size_class) {
  size_class_ = static_cast<uint8_t>(size_class);
  cell_size_ = kSizeClasses[size_class];
  slot_count_ = static_cast<uint32_t>((kSize - header_size()) / cell_size_);
  allocated_ = 0;
  retired_ = 0;
  bump_ = 0;
  free_ = nullptr;
  std::memset(allocated_bits_, 0, sizeof allocated_bits_);
  poison_memory(slots(), kSize - header_size());
}

void Block::unpoison_slot(void* slot) const { unpoison_memory(slot, cell_size_); }

void Block::retire_slot(void* slot, bool fill) {
  clear_bit(index_of(slot));
  --allocated_;
  ++retired_;
  if (fill) std::memset(slot, kFreedByte, cell_size_);
  poison_memory(slot, cell_size_);
}

void Block::reuse_retired_slot(void* slot) {
  --retired_;
  unpoison_memory(slot, sizeof(FreeSlot));
  auto* free = static_cast<FreeSlot*>(slot);
  free->next = free_;
  free_ = free;
  poison_memory(slot, sizeof(FreeSlot));
}

bool Block::is_allocated_slot(const void* p) const {
  auto* c = static_cast<const char*>(p);
  if (c < slots() || c >= slots() + size_t(slot_count_) * cell_size_) return false;
  if ((c - slots()) % cell_size_ != 0) return false;
  return bit(index_of(p));
}

std::string Block::check_free_list(bool filled) const {
  std::unordered_set<const FreeSlot*> seen;
  for (const FreeSlot* f = free_; f;) {
    if (!seen.insert(f).second) return "free list has a cycle";
    auto* c = reinterpret_cast<const char*>(f);
    if (c < slots() || c >= slots() + size_t(bump_) * cell_size_ || (c - slots()) % cell_size_ != 0)
      return "free list entry outside the block's used slots";
    if (bit(index_of(f))) return "free list entry is marked allocated";
    unpoison_memory(f, cell_size_);
    const FreeSlot* next = f->next;
    bool intact = true;
    if (filled) {
      for (size_t i = sizeof(FreeSlot); i < cell_size_; ++i)
        if (static_cast<unsigned char>(c[i]) != kFreedByte) intact = false;
    }
    poison_memory(f, cell_size_);
    if (!intact) return "a freed slot was written to after it was freed";
    f = next;
  }
  if (allocated_ + retired_ + seen.size() + (slot_count_ - bump_) != slot_count_)
    return "allocated + free slots != slot count";
  size_t bits = 0;
  for (uint64_t w : allocated_bits_) bits += static_cast<size_t>(__builtin_popcountll(w));
  if (bits != allocated_) return "allocated bitmap disagrees with the allocated count";
  return "";
}

}  // namespace glass::gc
