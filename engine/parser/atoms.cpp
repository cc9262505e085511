#include "atoms.h"

namespace glass {

AtomTable::AtomTable() {
  table_.reserve(1024);
#define GLASS_INTERN_ATOM(member, text) member = intern(text);
  GLASS_KNOWN_ATOMS(GLASS_INTERN_ATOM)
#undef GLASS_INTERN_ATOM
}

Atom AtomTable::intern(std::string_view text) {
  auto it = table_.find(text);
  if (it != table_.end()) return it->second;
  auto* atom = arena_.make<AtomData>();
  atom->text = arena_.copy(text);
  table_.emplace(atom->text, atom);
  return atom;
}

}  // namespace glass
