#include "objects/object.h"

#include <algorithm>

#include "gc/handles.h"
#include "objects/cell_tags.h"

namespace glass {

Object::Object(Shape* shape, ObjectClass object_class)
    : gc::Cell(uint8_t(CellTag::Object)), shape_(shape), class_(object_class) {
  // A pre-built shape (e.g. { value, done }) arrives with its slots; a new
  // plain object gets room for a few properties (one allocation, not three).
  if (shape->property_count()) slots_.resize(shape->property_count());
  else if (object_class == ObjectClass::Ordinary) slots_.reserve(4);
}

Object* Object::create(gc::Heap& heap, Shape* root_shape) {
  gc::Rooted<Shape> shape(heap, root_shape);
  return heap.allocate<Object>(shape.get());
}

gc::Cell* Object::prototype() const {
  // In dictionary mode the shape is kept only for its prototype.
  if (dict_ && dict_->prototype_set) return dict_->prototype;
  return shape_->prototype();
}

void Object::set_prototype(gc::Cell* prototype) {
  to_dictionary();
  dict_->prototype = prototype;
  dict_->prototype_set = true;
}

void Object::set_array_length(uint32_t length) {
  if (length < elements_.size()) elements_.resize(length);
  while (!sparse_.empty() && std::prev(sparse_.end())->first >= length) sparse_.erase(std::prev(sparse_.end()));
  while (has_special_elements() && std::prev(special_->end())->first >= length) special_->erase(std::prev(special_->end()));
  array_length_ = length;
}

std::optional<OwnProperty> Object::get_own(const gc::Cell* key) const {
  if (dict_) {
    auto it = dict_->index.find(key);
    if (it == dict_->index.end()) return std::nullopt;
    return dict_->entries[it->second].property;
  }
  auto info = shape_->find(key);
  if (!info) return std::nullopt;
  return OwnProperty{slots_[info->slot], info->flags};
}

void Object::define_own(gc::Heap& heap, gc::Cell* key, Value value, uint8_t flags) {
  if (dict_) {
    auto it = dict_->index.find(key);
    if (it != dict_->index.end()) {
      dict_->entries[it->second].property = OwnProperty{value, flags};
    } else {
      dict_->index.emplace(key, dict_->entries.size());
      dict_->entries.push_back({key, OwnProperty{value, flags}});
    }
    return;
  }
  if (auto info = shape_->find(key)) {
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
  Shape* next = Shape::add_property(heap, shape_, key, flags);
  self->shape_ = next;
  self->slots_.push_back(value);
}

bool Object::set_own_value(const gc::Cell* key, Value value) {
  if (dict_) {
    auto it = dict_->index.find(key);
    if (it == dict_->index.end()) return false;
    dict_->entries[it->second].property.value = value;
    return true;
  }
  auto info = shape_->find(key);
  if (!info) return false;
  slots_[info->slot] = value;
  return true;
}

bool Object::delete_own(const gc::Cell* key) {
  if (!get_own(key)) return false;
  to_dictionary();
  auto it = dict_->index.find(key);
  dict_->entries[it->second].key = nullptr;
  dict_->entries[it->second].property.value = Value::undefined();
  dict_->index.erase(it);
  return true;
}

void Object::to_dictionary() {
  if (dict_) return;
  auto dict = std::make_unique<Dictionary>();
  shape_->for_each_property([&](gc::Cell* key, PropertyInfo info) {
    dict->index.emplace(key, dict->entries.size());
    dict->entries.push_back({key, OwnProperty{slots_[info.slot], info.flags}});
  });
  dict_ = std::move(dict);
  slots_.clear();
  slots_.shrink_to_fit();
}

std::vector<gc::Cell*> Object::own_named_keys() const {
  std::vector<gc::Cell*> keys;
  if (dict_) {
    for (const auto& entry : dict_->entries)
      if (entry.key) keys.push_back(entry.key);
  } else {
    keys.reserve(shape_->property_count());
    shape_->for_each_property([&](gc::Cell* key, PropertyInfo) { keys.push_back(key); });
  }
  return keys;
}

std::optional<Value> Object::get_element(uint32_t index) const {
  if (index < elements_.size()) {
    Value v = elements_[index];
    if (v.is_empty()) return std::nullopt;
    return v;
  }
  auto it = sparse_.find(index);
  if (it == sparse_.end()) return std::nullopt;
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
    while (!sparse_.empty() && sparse_.begin()->first <= elements_.size()) {
      auto first = sparse_.begin();
      if (first->first == elements_.size()) elements_.push_back(first->second);
      else elements_[first->first] = first->second;
      sparse_.erase(first);
    }
    return;
  }
  sparse_[index] = value;
}

bool Object::delete_element(uint32_t index) {
  if (index < elements_.size()) {
    if (elements_[index].is_empty()) return false;
    elements_[index] = Value::empty();
    return true;
  }
  return sparse_.erase(index) != 0;
}

std::vector<uint32_t> Object::own_element_keys() const {
  std::vector<uint32_t> keys;
  for (uint32_t i = 0; i < elements_.size(); ++i)
    if (!elements_[i].is_empty()) keys.push_back(i);
  for (const auto& [index, value] : sparse_) keys.push_back(index);
  if (has_special_elements()) {
    for (const auto& [index, property] : *special_) keys.push_back(index);
    std::sort(keys.begin(), keys.end());
  }
  return keys;
}

std::optional<OwnProperty> Object::get_special_element(uint32_t index) const {
  if (!special_) return std::nullopt;
  auto it = special_->find(index);
  if (it == special_->end()) return std::nullopt;
  return it->second;
}

void Object::set_special_element(uint32_t index, OwnProperty property) {
  delete_element(index);
  if (!special_) special_ = std::make_unique<std::map<uint32_t, OwnProperty>>();
  (*special_)[index] = property;
}

bool Object::delete_special_element(uint32_t index) { return special_ && special_->erase(index) != 0; }

void Object::trace(gc::Tracer& tracer) {
  tracer.visit(shape_);
  tracer.visit(derived_root_);
  if (dict_) tracer.visit(dict_->prototype);
  for (Value v : slots_) trace_value(tracer, v);
  if (dict_)
    for (const auto& entry : dict_->entries) {
      tracer.visit(entry.key);
      trace_value(tracer, entry.property.value);
    }
  for (Value v : elements_) trace_value(tracer, v);
  for (const auto& [index, value] : sparse_) trace_value(tracer, value);
  if (special_)
    for (const auto& [index, property] : *special_) trace_value(tracer, property.value);
}

}  // namespace glass
