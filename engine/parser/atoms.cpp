#include "atoms.h"

#include <cstring>

namespace glass {

namespace {
// Eight bytes at a time, each word mixed by a multiply and a fold: cheap for
// identifier-sized keys and well spread in the low bits the table uses.
uint64_t mix(uint64_t h, uint64_t word) {
  h = (h ^ word) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}

uint64_t hash_name(std::string_view text) {
  uint64_t h = text.size();
  const char* p = text.data();
  size_t n = text.size();
  while (n >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    h = mix(h, word);
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return mix(h, tail);
}
}  // namespace

AtomTable::AtomTable() {
  slots_.resize(1024);
#define GLASS_INTERN_ATOM(member, text) member = intern(text);
  GLASS_KNOWN_ATOMS(GLASS_INTERN_ATOM)
#undef GLASS_INTERN_ATOM
}

Atom AtomTable::intern(std::string_view text) {
  uint64_t h = hash_name(text);
  size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.atom) break;
    if (slot.hash == h && slot.atom->text == text) return slot.atom;
  }
  auto* atom = arena_.make<AtomData>();
  atom->text = arena_.copy(text);
  if ((count_ + 1) * 2 > slots_.size()) grow();
  mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].atom) i = (i + 1) & mask;
  slots_[i] = Slot{h, atom};
  ++count_;
  return atom;
}

void AtomTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.atom) continue;
    size_t i = s.hash & mask;
    while (slots_[i].atom) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace glass
