#include "gc/block.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <unordered_set>

#include "gc/poison.h"

namespace glass::gc {

Block* Block::create(void* memory, unsigned size_class) { return new (memory) Block(size_class); }

void* Block::destroy(Block* block) {
  unpoison_memory(block, kSize);  // the memory may be reused for anything
  block->~Block();
  return block;
}

void Block::reformat(unsigned size_class) {
  size_class_ = static_cast<uint8_t>(size_class);
  cell_size_ = kSizeClasses[size_class];
  reciprocal_ = static_cast<uint32_t>(((uint64_t(1) << 32) + cell_size_ - 1) / cell_size_);
  slot_count_ = static_cast<uint32_t>((kSize - header_size()) / cell_size_);
  allocated_ = 0;
  retired_ = 0;
  bump_ = 0;
  free_ = nullptr;
  std::memset(allocated_bits_, 0, sizeof allocated_bits_);
  poison_memory(slots(), kSize - header_size());
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
