#include "objects/object.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#include "gc/allocation_failed.h"
#include "gc/handles.h"
#include "objects/cell_tags.h"

namespace glass {

Object::Object(Shape* shape, ObjectClass object_class, Value* inline_slots, uint32_t inline_capacity)
    : gc::Cell(uint8_t(CellTag::Object)),
      shape_bits_(reinterpret_cast<uintptr_t>(shape)),
      slots_(inline_slots),
      slot_capacity_(inline_slots ? inline_capacity : 0),
      class_(object_class),
      slots_inline_(true) {
  // A pre-built shape (e.g. { value, done }) arrives with its slots.
  uint32_t count = shape->property_count();
  if (count > slot_capacity_) grow_slots(count);
  for (uint32_t i = 0; i < count; ++i) slots_[i] = Value::undefined();
}

Object::~Object() { free_slots(); }

Object* Object::create(gc::Heap& heap, Shape* root_shape, uint32_t inline_slots, ObjectClass object_class) {
  gc::Rooted<Shape> shape(heap, root_shape);
  uint32_t capacity = std::min(std::max(inline_slots, root_shape->property_count()), kMaxInlineSlots);
  return heap.allocate_with_trailing<Object>(capacity * sizeof(Value), shape.get(), object_class,
                                             TrailingSlots{capacity});
}

void Object::grow_slots(uint32_t needed) {
  uint32_t capacity = std::max({needed, slot_capacity_ * 2, kDefaultInlineSlots});
  auto* grown = static_cast<Value*>(std::malloc(size_t(capacity) * sizeof(Value)));
  if (!grown) gc::allocation_failed();
  uint32_t used = in_dictionary_mode() ? 0 : std::min(shape()->property_count(), slot_capacity_);
  if (used) std::memcpy(static_cast<void*>(grown), slots_, size_t(used) * sizeof(Value));
  free_slots();
  slots_ = grown;
  slot_capacity_ = capacity;
  slots_inline_ = false;
}

void Object::free_slots() {
  if (!slots_inline_) std::free(slots_);
  slots_inline_ = true;  // (nothing left to free)
}

gc::Cell* Object::prototype() const {
  // In dictionary mode the shape is kept only for its prototype.
  if (Dictionary* d = dict(); d && d->prototype_set) return d->prototype;
  return shape()->prototype();
}

void Object::set_prototype(gc::Cell* prototype) {
  note_named_change();
  to_dictionary();
  dict()->prototype = prototype;
  dict()->prototype_set = true;
}

void Object::set_array_length(uint32_t length) {
  if (length < elements_.size()) elements_.resize(length);
  if (rare_) {
    auto& sparse = rare_->sparse;
    while (!sparse.empty() && std::prev(sparse.end())->first >= length) sparse.erase(std::prev(sparse.end()));
    auto& special = rare_->special;
    while (has_special_elements() && std::prev(special->end())->first >= length) special->erase(std::prev(special->end()));
  }
  array_length_ = length;
}

std::optional<OwnProperty> Object::get_own(const gc::Cell* key) const {
  if (Dictionary* d = dict()) {
    auto it = d->index.find(key);
    if (it == d->index.end()) return std::nullopt;
    return d->entries[it->second].property;
  }
  auto info = shape()->find(key);
  if (!info) return std::nullopt;
  return OwnProperty{slots_[info->slot], info->flags};
}

void Object::define_own(gc::Heap& heap, gc::Cell* key, Value value, uint8_t flags) {
  note_named_change();
  if (Dictionary* d = dict()) {
    auto it = d->index.find(key);
    if (it != d->index.end()) {
      d->entries[it->second].property = OwnProperty{value, flags};
    } else {
      d->index.emplace(key, d->entries.size());
      d->entries.push_back({key, OwnProperty{value, flags}});
    }
    return;
  }
  if (auto info = shape()->find(key)) {
    if (info->flags == flags) {
      slots_[info->slot] = value;
      return;
    }
    // An attribute change: shapes only grow, so this object leaves the tree.
    to_dictionary();
    define_own(heap, key, value, flags);
    return;
  }
  // A new property: follow (or make) the transition. The allocation may
  // collect, so keep this object and the value rooted across it.
  gc::Rooted<Object> self(heap, this);
  gc::Rooted<gc::Cell> value_cell(heap, value.is_cell() ? value.as_cell() : nullptr);
  Shape* next = Shape::add_property(heap, shape(), key, flags);
  self->append_with_shape(next, value);
}

bool Object::set_own_value(const gc::Cell* key, Value value) {
  if (Dictionary* d = dict()) {
    auto it = d->index.find(key);
    if (it == d->index.end()) return false;
    d->entries[it->second].property.value = value;
    return true;
  }
  auto info = shape()->find(key);
  if (!info) return false;
  slots_[info->slot] = value;
  return true;
}

bool Object::delete_own(const gc::Cell* key) {
  if (!get_own(key)) return false;
  note_named_change();
  to_dictionary();
  Dictionary* d = dict();
  auto it = d->index.find(key);
  d->entries[it->second].key = nullptr;
  d->entries[it->second].property.value = Value::undefined();
  d->index.erase(it);
  return true;
}

void Object::to_dictionary() {
  if (in_dictionary_mode()) return;
  auto dict = std::make_unique<Dictionary>();
  shape()->for_each_property([&](gc::Cell* key, PropertyInfo info) {
    dict->index.emplace(key, dict->entries.size());
    dict->entries.push_back({key, OwnProperty{slots_[info.slot], info.flags}});
  });
  rare().dict = std::move(dict);
  shape_bits_ |= kDictionaryBit;
  // The slots are unused from now on (trace() reads none in dictionary mode).
  free_slots();
  slots_ = nullptr;
  slot_capacity_ = 0;
}

std::vector<gc::Cell*> Object::own_named_keys() const {
  std::vector<gc::Cell*> keys;
  if (Dictionary* d = dict()) {
    for (const auto& entry : d->entries)
      if (entry.key) keys.push_back(entry.key);
  } else {
    keys.reserve(shape()->property_count());
    shape()->for_each_property([&](gc::Cell* key, PropertyInfo) { keys.push_back(key); });
  }
  return keys;
}

std::optional<Value> Object::get_element(uint32_t index) const {
  if (index < elements_.size()) {
    Value v = elements_[index];
    if (v.is_empty()) return std::nullopt;
    return v;
  }
  if (!rare_) return std::nullopt;
  auto it = rare_->sparse.find(index);
  if (it == rare_->sparse.end()) return std::nullopt;
  return it->second;
}

void Object::set_element(uint32_t index, Value value) {
  if (index < elements_.size()) {
    elements_[index] = value;
    return;
  }
  if (index - elements_.size() <= kMaxDenseGap) {
    elements_.resize(size_t(index), Value::empty());
    elements_.push_back(value);
    // Sparse entries that now fall inside the dense range move in.
    if (!rare_) return;
    auto& sparse = rare_->sparse;
    while (!sparse.empty() && sparse.begin()->first <= elements_.size()) {
      auto first = sparse.begin();
      if (first->first == elements_.size()) elements_.push_back(first->second);
      else elements_[first->first] = first->second;
      sparse.erase(first);
    }
    return;
  }
  rare().sparse[index] = value;
}

bool Object::delete_element(uint32_t index) {
  if (index < elements_.size()) {
    if (elements_[index].is_empty()) return false;
    elements_[index] = Value::empty();
    return true;
  }
  return rare_ && rare_->sparse.erase(index) != 0;
}

std::vector<uint32_t> Object::own_element_keys() const {
  std::vector<uint32_t> keys;
  for (uint32_t i = 0; i < elements_.size(); ++i)
    if (!elements_[i].is_empty()) keys.push_back(i);
  if (!rare_) return keys;
  for (const auto& [index, value] : rare_->sparse) keys.push_back(index);
  if (has_special_elements()) {
    for (const auto& [index, property] : *rare_->special) keys.push_back(index);
    std::sort(keys.begin(), keys.end());
  }
  return keys;
}

std::optional<OwnProperty> Object::get_special_element(uint32_t index) const {
  if (!rare_ || !rare_->special) return std::nullopt;
  auto it = rare_->special->find(index);
  if (it == rare_->special->end()) return std::nullopt;
  return it->second;
}

void Object::set_special_element(uint32_t index, OwnProperty property) {
  delete_element(index);
  auto& special = rare().special;
  if (!special) special = std::make_unique<std::map<uint32_t, OwnProperty>>();
  (*special)[index] = property;
}

bool Object::delete_special_element(uint32_t index) {
  return rare_ && rare_->special && rare_->special->erase(index) != 0;
}

void Object::trace(gc::Tracer& tracer) {
  tracer.visit(shape());
  if (!in_dictionary_mode()) {
    // (Reading the shape is safe here: nothing is freed while marking.)
    for (uint32_t i = 0, n = shape()->property_count(); i < n; ++i) trace_value(tracer, slots_[i]);
  }
  for (Value v : elements_) trace_value(tracer, v);
  if (!rare_) return;
  tracer.visit(rare_->derived_root);
  if (Dictionary* d = dict()) {
    tracer.visit(d->prototype);
    for (const auto& entry : d->entries) {
      tracer.visit(entry.key);
      trace_value(tracer, entry.property.value);
    }
  }
  for (const auto& [index, value] : rare_->sparse) trace_value(tracer, value);
  if (rare_->special)
    for (const auto& [index, property] : *rare_->special) trace_value(tracer, property.value);
}

}  // namespace glass
