// Object: the ordinary JavaScript object's storage.
//
//   shape_     which named properties it has and in which slot (shape.h);
//              null once the object is in dictionary mode
//   slots_     the values of the named properties, by slot
//   dict_      dictionary mode: the object's own key -> property table, used
//              after a delete or an attribute change, when sharing a shape
//              would mean making a one-off shape per object
//   elements_  array-index properties 0, 1, 2, ... densely, holes as
//              Value::empty(); an index far past the end goes to sparse_
//
// This file is storage and the spec's *ordinary* own-property operations
// (§10.1: GetOwnProperty, DefineOwnProperty, Delete, OwnPropertyKeys) on data
// properties. Walking the prototype chain and calling getters and setters
// need the VM, which builds [[Get]] and [[Set]] on top of these.
//
// Keys: an atom (interned string) or a symbol — compared by identity — for
// named properties; a uint32 for array indices (the caller turns canonical
// numeric strings into indices before asking).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "gc/heap.h"
#include "objects/shape.h"
#include "vm/value.h"

namespace glass {

// Visits the cell inside a Value, if there is one.
inline void trace_value(gc::Tracer& tracer, Value value) {
  if (value.is_cell()) tracer.visit(value.as_cell());
}

struct OwnProperty {
  Value value;  // for accessors (kAccessor): the getter/setter pair cell
  uint8_t flags;
};

class Object : public gc::Cell {
 public:
  // A new empty object with the given root shape (whose prototype it has).
  static Object* create(gc::Heap& heap, Shape* root_shape);

  gc::Cell* prototype() const;

  // ---- named properties ------------------------------------------------
  std::optional<OwnProperty> get_own(const gc::Cell* key) const;
  // Adds or overwrites an own data property with `flags` (the caller has
  // checked the spec's rules: extensibility, configurability). May allocate.
  void define_own(gc::Heap& heap, gc::Cell* key, Value value, uint8_t flags = kDefaultProperty);
  // Overwrites the value of an existing own property; false if absent.
  bool set_own_value(const gc::Cell* key, Value value);
  bool delete_own(const gc::Cell* key);  // false if absent (configurability is the caller's check)
  // Keys in insertion order (the spec then sorts indices first: see own_keys in the VM).
  std::vector<gc::Cell*> own_named_keys() const;

  // ---- array-index properties --------------------------------------------
  std::optional<Value> get_element(uint32_t index) const;  // nullopt for a hole or absent
  void set_element(uint32_t index, Value value);
  bool delete_element(uint32_t index);
  uint32_t dense_length() const { return uint32_t(elements_.size()); }
  std::vector<uint32_t> own_element_keys() const;  // ascending

  Shape* shape() const { return shape_; }
  bool in_dictionary_mode() const { return dict_ != nullptr; }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Object"; }

  explicit Object(Shape* shape);

  // Indices this far past the dense end go to the sparse map instead of
  // growing the dense vector with holes (a[1e9] = 1 must not allocate 8 GB).
  static constexpr uint32_t kMaxDenseGap = 1024;

 private:
  struct Dictionary {
    std::unordered_map<const gc::Cell*, size_t> index;  // key -> entry
    struct Entry {
      gc::Cell* key;  // null once deleted (keeps insertion order stable)
      OwnProperty property;
    };
    std::vector<Entry> entries;
  };
  void to_dictionary();

  Shape* shape_;
  std::vector<Value> slots_;
  std::unique_ptr<Dictionary> dict_;
  std::vector<Value> elements_;
  std::map<uint32_t, Value> sparse_;
};

}  // namespace glass
