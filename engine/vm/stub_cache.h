// The megamorphic stub cache: one table shared by every GetNamed, SetNamed
// and DefineNamed site that has seen more shapes than its own inline cache
// holds (InlineCache::kPolymorphic + 1). Such a site no longer records
// shapes itself; on a miss of its (now frozen) entries it looks up
// (shape, name) here, and its slow path fills this table instead.
//
// An entry means exactly what an IcEntry in a site means (vm/function.h), so
// the interpreter validates a hit the same way: an own slot needs only the
// shape (shapes never change, and a dictionary-mode object's
// shape_for_cache() equals no shape); a prototype's slot also needs the
// holder's shape; a cached add also needs the prototype epoch
// (Object::prototype_epoch()) it was recorded in.
//
// Entries point at cells without keeping them alive: after marking, the
// Vm's hook (vm.cpp) drops every entry that names a cell about to be freed,
// so no address is reused under a stale entry.
//
// Direct-mapped: a new entry replaces whatever shared its index. Three
// tables, because one (shape, name) has a different answer for a read, a
// write and an object literal's define.
#pragma once
#include <cstdint>
#include <memory>

#include "vm/function.h"

namespace glass {

class StubCache {
 public:
  enum class Kind : uint8_t { Get, Set, Define, Count };
  static constexpr uint32_t kBits = 11;  // 2048 entries per kind (48 bytes each)

  const IcEntry* find(Kind kind, const Shape* shape, const String* name) const {
    const Entry& e = tables_[size_t(kind)][index(shape, name)];
    return e.entry.shape == shape && e.name == name ? &e.entry : nullptr;
  }
  void record(Kind kind, const String* name, const IcEntry& entry) {
    Entry& e = tables_[size_t(kind)][index(entry.shape, name)];
    e.name = name;
    e.entry = entry;
  }
  // After marking: forget entries that name an unmarked cell.
  void sweep(const gc::Heap& heap);

 private:
  struct Entry {
    const String* name = nullptr;
    IcEntry entry;
  };
  static uint32_t index(const Shape* shape, const String* name) {
    // Cells are 16-byte aligned: the low 4 bits carry nothing.
    uint64_t h = (reinterpret_cast<uintptr_t>(shape) >> 4) ^ (reinterpret_cast<uintptr_t>(name) >> 3);
    return uint32_t((h * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  }
  Entry tables_[size_t(Kind::Count)][size_t(1) << kBits];
};

}  // namespace glass
