// The operations on a Set's [[SetData]] that other built-ins use (the Set
// methods in set_methods.cpp); the table itself is in collections.cpp.
// Keys are canonicalized (CanonicalizeKeyedCollectionKey: -0 becomes +0) by
// these functions.
#pragma once
#include <optional>

#include "builtins/builtins.h"

namespace glass {

bool is_set_object(Value v);
// A new empty Set (with %Set.prototype%), or one holding `from`'s elements in order.
Object* set_create(Vm& vm, Object* from = nullptr);
uint32_t set_size(Object* set);                      // SetDataSize
bool set_has(Object* set, Value key);                // SetDataHas
void set_add(Vm& vm, Object* set, Value key);        // appends unless present
void set_remove(Object* set, Value key);             // leaves an empty slot (order kept)

// Walks a Set's entries in order as the spec's `index < thisSize` loops do
// while JS runs in between: entries added meanwhile are visited, deleted
// ones skipped. The set must stay rooted while the cursor lives.
class SetCursor {
 public:
  explicit SetCursor(Object* set);
  ~SetCursor();
  SetCursor(const SetCursor&) = delete;
  SetCursor& operator=(const SetCursor&) = delete;
  std::optional<Value> next();

 private:
  Object* set_;
  uint32_t pos_ = 0;
};

void install_set_methods(Vm& vm, Object* set_prototype);  // set_methods.cpp

}  // namespace glass
