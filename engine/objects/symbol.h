// Symbol: a JavaScript symbol, a cell in the GC heap. Identity is the
// pointer; the description (a String, or null for Symbol()) is only for
// display and Symbol.prototype.description.
#pragma once
#include "gc/handles.h"
#include "objects/cell_tags.h"
#include "objects/string.h"

namespace glass {

class Symbol final : public gc::Cell {
 public:
  // Flags in Cell::user_flags().
  static constexpr uint8_t kWellKnown = 1 << 0;   // Symbol.iterator and friends (realm-independent)
  static constexpr uint8_t kRegistered = 1 << 1;  // made by Symbol.for(key); the registry keeps it
  static constexpr uint8_t kPrivate = 1 << 2;     // a class's #name: a key no reflection ever shows

  // May collect; `description` is rooted across the allocation.
  static Symbol* create(gc::Heap& heap, String* description, uint8_t flags = 0);

  String* description() const { return description_; }  // null: undefined
  // SymbolDescriptiveString (§20.4.3.3.1): "Symbol(desc)", as UTF-8.
  std::string descriptive_string() const;
  bool is_well_known() const { return user_flags() & kWellKnown; }
  bool is_registered() const { return user_flags() & kRegistered; }
  bool is_private() const { return user_flags() & kPrivate; }

  void trace(gc::Tracer& tracer) override { tracer.visit(description_); }
  const char* cell_name() const override { return "Symbol"; }

 private:
  friend class gc::Heap;
  Symbol(String* description, uint8_t flags) : Cell(uint8_t(CellTag::Symbol)), description_(description) {
    set_user_flags(flags);
  }
  String* description_;
};

inline bool is_symbol(const gc::Cell* cell) { return has_tag(cell, CellTag::Symbol); }

}  // namespace glass
