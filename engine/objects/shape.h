// Shapes (hidden classes): what properties an object has, in what order,
// with what attributes, and in which slot of the object each value sits.
//
// Objects built the same way share one Shape, so "where is `x` in this
// object?" becomes "what is this object's shape?" — one pointer compare in
// an inline cache (DESIGN.md: "a monomorphic access is one compare and one
// load"). Shapes form a transition tree: the root shape of a prototype has
// no properties; adding `x` then `y` walks (or creates) root -> +x -> +x,y.
// Two objects that get the same keys in the same order reach the same shape.
//
// A shape records only its own property (key, attributes, slot = number of
// properties before it) and points at its parent, so a chain is cheap to
// create. Looking a key up walks the chain; a shape with many properties uses
// a hash index instead, which it SHARES with its ancestors and descendants
// along one line of the tree: the index is append-only, each entry knows its
// slot, and a shape sees only entries whose slot is below its own count. So
// building a prototype with 40 methods costs 40 appends, not 40 tables (the
// same idea as V8's shared descriptor arrays).
//
// Keys are cells compared by identity: interned strings (atoms) or symbols.
// Array indices never reach a shape; they live in an object's elements.
// Deleting a property or changing its attributes does not go through shapes:
// such an object switches to its own dictionary (objects/, next step).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

#include "gc/heap.h"

namespace glass {

// Property attributes (ECMA-262 §6.1.7.1), one bit each.
enum PropertyFlags : uint8_t {
  kWritable = 1,
  kEnumerable = 2,
  kConfigurable = 4,
  kAccessor = 8,  // the slot holds a getter/setter pair, not a value
  kMapped = 16,   // (a special element only) an arguments object's index aliasing a
                  // parameter: the value is the vm's map to it (vm/arguments.h)
};
constexpr uint8_t kDefaultProperty = kWritable | kEnumerable | kConfigurable;

struct PropertyInfo {
  uint32_t slot;
  uint8_t flags;
};

class Shape final : public gc::Cell {
 public:
  // Shapes with more properties than this get a lookup table.
  static constexpr uint32_t kLinearLookupLimit = 8;

  // The empty shape of objects whose [[Prototype]] is `prototype` (may be null).
  static Shape* create_root(gc::Heap& heap, gc::Cell* prototype);

  // The shape reached from `from` by adding `key` with `flags`: the existing
  // child when one was made before, else a new one. May allocate (roots its
  // arguments itself). `key` must not already be in `from`.
  static Shape* add_property(gc::Heap& heap, Shape* from, gc::Cell* key, uint8_t flags);

  std::optional<PropertyInfo> find(const gc::Cell* key) const;

  uint32_t property_count() const { return count_; }
  gc::Cell* prototype() const { return prototype_; }
  Shape* parent() const { return parent_; }
  gc::Cell* key() const { return key_; }  // this shape's own property (null for a root)
  uint8_t flags() const { return flags_; }

  // f(key, PropertyInfo) for every property, oldest first (insertion order,
  // which is the order OrdinaryOwnPropertyKeys wants for string keys).
  template <class F>
  void for_each_property(F&& f) const {
    std::vector<const Shape*> chain;
    for (const Shape* s = this; s && s->key_; s = s->parent_) chain.push_back(s);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      f((*it)->key_, PropertyInfo{(*it)->count_ - 1, (*it)->flags_});
  }

  size_t transition_count() const { return transitions_.size(); }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Shape"; }

  Shape(Shape* parent, gc::Cell* key, uint8_t flags, gc::Cell* prototype);

 private:
  struct Transition {
    gc::Cell* key;
    uint8_t flags;
    Shape* child;
  };
  // An append-only key -> property index shared along a line of shapes.
  struct Index {
    std::unordered_map<const gc::Cell*, PropertyInfo> entries;
    uint32_t length = 0;  // properties recorded: the count of the deepest shape using it
  };
  const Index& index() const;

  Shape* parent_;
  gc::Cell* key_;
  gc::Cell* prototype_;
  uint8_t flags_;
  uint32_t count_;  // properties in this shape, including its own
  // Strong edges: a child shape lives as long as its parent. (Pruning
  // transitions no object uses is a later optimization.)
  std::vector<Transition> transitions_;
  mutable std::shared_ptr<Index> index_;
};

}  // namespace glass
