#include "objects/atom_table.h"

#include <cassert>

namespace glass {

HeapAtomTable::HeapAtomTable(gc::Heap& heap) : heap_(heap) {
  heap_.add_root_section(*this);
  hook_id_ = heap_.on_after_mark([this](const gc::Heap& h) { sweep(h); });
  size_t i = 0;
#define GLASS_X(id, text)                              \
  well_known_[i] = intern_utf8(heap, text);            \
  make_permanent(well_known_[i++]);
  GLASS_WELL_KNOWN_ATOMS(GLASS_X)
#undef GLASS_X
}

HeapAtomTable::~HeapAtomTable() {
  heap_.remove_after_mark(hook_id_);
  heap_.remove_root_section(*this);
}

String* HeapAtomTable::intern(gc::Heap& heap, String* s) {
  if (!s || s->is_atom()) return s;
  if (auto it = atoms_.find(s); it != atoms_.end()) return it->atom;  // hash/equals walk ropes without allocating
  String* flat = s->flatten(heap);  // the only allocation (ropes only); marking still sees nothing new in atoms_
  flat->set_flag(String::kAtomFlag);
  atoms_.insert(Entry{flat, flat->hash()});  // same content, same hash as s
  return flat;
}

String* HeapAtomTable::intern_utf8(gc::Heap& heap, std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return uint8_t(c) < 0x80; });
  if (ascii) {
    auto it = atoms_.find(AsciiProbe{utf8, String::hash_latin1(utf8)});
    if (it != atoms_.end()) return it->atom;
  }
  return intern(heap, String::from_utf8(heap, utf8));
}

void HeapAtomTable::make_permanent(String* atom) {
  assert(atom && atom->is_atom());
  permanent_.push_back(atom);
}

void HeapAtomTable::trace_roots(gc::Tracer& tracer) { tracer.visit_each(permanent_); }

// After marking, before sweeping: forget atoms nobody else holds. Only
// looks at mark bits, never at a dying cell's contents (entries carry their
// hash, so erase needs nothing from the cell).
void HeapAtomTable::sweep(const gc::Heap& heap) {
  for (auto it = atoms_.begin(); it != atoms_.end();) {
    if (heap.is_marked(it->atom)) {
      ++it;
    } else {
      it = atoms_.erase(it);
    }
  }
}

}  // namespace glass
