#include "objects/shape.h"

#include "gc/handles.h"
#include "objects/cell_tags.h"

namespace glass {

Shape::Shape(Shape* parent, gc::Cell* key, uint8_t flags, gc::Cell* prototype)
    : gc::Cell(uint8_t(CellTag::Shape)), parent_(parent), key_(key), prototype_(prototype), flags_(flags),
      count_(parent ? parent->count_ + (key ? 1 : 0) : 0) {}

Shape* Shape::create_root(gc::Heap& heap, gc::Cell* prototype) {
  gc::Rooted<gc::Cell> proto(heap, prototype);
  return heap.allocate<Shape>(nullptr, nullptr, uint8_t(0), proto.get());
}

Shape* Shape::add_property(gc::Heap& heap, Shape* from, gc::Cell* key, uint8_t flags) {
  for (const Transition& t : from->transitions_)
    if (t.key == key && t.flags == flags) return t.child;
  gc::Rooted<Shape> parent(heap, from);
  gc::Rooted<gc::Cell> rooted_key(heap, key);
  Shape* child = heap.allocate<Shape>(parent.get(), rooted_key.get(), flags, parent->prototype_);
  parent->transitions_.push_back(Transition{rooted_key.get(), flags, child});
  return child;
}

std::optional<PropertyInfo> Shape::find(const gc::Cell* key) const {
  if (count_ > kLinearLookupLimit) {
    const Index& idx = index();
    auto it = idx.entries.find(key);
    if (it == idx.entries.end() || it->second.slot >= count_) return std::nullopt;
    return it->second;
  }
  for (const Shape* s = this; s && s->key_; s = s->parent_)
    if (s->key_ == key) return PropertyInfo{s->count_ - 1, s->flags_};
  return std::nullopt;
}

const Shape::Index& Shape::index() const {
  if (index_) return *index_;
  // Extend the parent's index when this shape is the next one on its line
  // (nobody has appended past the parent yet); otherwise start a fresh one.
  if (parent_ && parent_->count_ > kLinearLookupLimit) {
    const Index& parent_index = parent_->index();
    if (parent_index.length == parent_->count_ && key_) {
      index_ = parent_->index_;
      index_->entries.emplace(key_, PropertyInfo{count_ - 1, flags_});
      index_->length = count_;
      return *index_;
    }
  }
  index_ = std::make_shared<Index>();
  index_->entries.reserve(count_);
  for (const Shape* s = this; s && s->key_; s = s->parent_)
    index_->entries.emplace(s->key_, PropertyInfo{s->count_ - 1, s->flags_});
  index_->length = count_;
  return *index_;
}

void Shape::trace(gc::Tracer& tracer) {
  tracer.visit(parent_);
  tracer.visit(key_);
  tracer.visit(prototype_);
  for (const Transition& t : transitions_) {
    tracer.visit(t.key);
    tracer.visit(t.child);
  }
}

}  // namespace glass
