// PendingEphemerons: the tracer's pending-ephemeron table, keyed by key.
// During phase 2 of a cycle an ephemeron entry whose key is not marked yet
// waits here as (table, value) until the key is marked (Tracer::reached then
// releases it) or marking ends (the key is dead). See gc/README.md,
// "Ephemerons in linear time".
//
// Entries sit in one vector, chained per key; the key -> first entry index
// is an open-addressing hash table (linear probing, power-of-two size) of
// plain slots: a release leaves its slot (a key is never pending again in
// the same cycle), so there are no tombstones. A std::unordered_map here
// allocated a node per key: a million-link chain's collection took 1.0-1.3 s
// with it, 0.5-0.8 s with this table, most of it now the cache misses of
// visiting a million keys in hash order.
#pragma once
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <vector>

#include "gc/cell.h"

namespace glass::gc {

class PendingEphemerons {
 public:
  // Files `value`, held by `table`, under `key`.
  void add(const Cell* key, const Cell* table, const Cell* value) {
    uint32_t& head = head_of(key);
    entries_.push_back({table, value, head});
    head = static_cast<uint32_t>(entries_.size() - 1);
  }

  // Calls f(table, value) for each entry filed under `key`, then forgets them.
  template <class F>
  void release(const Cell* key, F&& f) {
    if (slots_.empty()) return;
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (!slot.key) return;  // not filed
      if (slot.key != key) continue;
      for (uint32_t e = slot.head; e != kNone; e = entries_[e].next) f(entries_[e].table, entries_[e].value);
      slot.head = kNone;
      return;
    }
  }

  // Calls f(key) for every key that still has entries.
  template <class F>
  void for_each_waiting_key(F&& f) const {
    for (const Slot& slot : slots_)
      if (slot.key && slot.head != kNone) f(slot.key);
  }

  // Empties the table for the next cycle. Its memory is kept while it was
  // at least an eighth used (a program that keeps a big chain of ephemerons
  // needs it again every cycle: freeing and faulting it back in cost more
  // than clearing it), and given back once it is mostly idle.
  void clear() {
    if (slots_.size() > kKeptSlots && used_ * 8 < slots_.size()) {
      std::vector<Slot>().swap(slots_);
    } else {
      std::fill(slots_.begin(), slots_.end(), Slot{});
    }
    if (entries_.capacity() > kKeptSlots && entries_.size() * 8 < entries_.capacity()) {
      std::vector<Entry>().swap(entries_);
    } else {
      entries_.clear();
    }
    used_ = 0;
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr size_t kKeptSlots = 4096;
  struct Entry {
    const Cell* table;
    const Cell* value;
    uint32_t next;  // the key's next entry, or kNone
  };
  struct Slot {
    const Cell* key = nullptr;
    uint32_t head = kNone;  // the key's latest entry; kNone once released
  };

  size_t mask() const { return slots_.size() - 1; }
  // Cells are 16-byte aligned: drop those bits, then mix (Fibonacci hashing).
  size_t home(const Cell* key) const {
    uint64_t bits = reinterpret_cast<uintptr_t>(key) >> 4;
    return static_cast<size_t>((bits * 0x9E3779B97F4A7C15ull) >> 32) & mask();
  }

  uint32_t& head_of(const Cell* key) {
    if ((used_ + 1) * 4 > slots_.size() * 3) grow();  // at most 3/4 full
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      Slot& slot = slots_[i];
      if (slot.key == key) return slot.head;
      if (!slot.key) {
        slot.key = key;
        ++used_;
        return slot.head;
      }
    }
  }

  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 64 : old.size() * 2);
    for (const Slot& slot : old) {
      if (!slot.key) continue;
      size_t i = home(slot.key);
      while (slots_[i].key) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  size_t used_ = 0;  // slots with a key
};

}  // namespace glass::gc
