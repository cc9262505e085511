// Rooting Values in native code (gc/README.md has the rule): a Value that
// holds a cell and lives in a C++ local across an allocation must be in a
// RootedValue, a ValueVector, or a Vm::Scratch register.
#pragma once
#include <vector>

#include "gc/handles.h"
#include "vm/value.h"

namespace glass {

class RootedValue {
 public:
  RootedValue(gc::Heap& heap, Value v = Value::undefined()) : cell_(heap, v.is_cell() ? v.as_cell() : nullptr), v_(v) {}
  RootedValue& operator=(Value v) {
    v_ = v;
    cell_ = v.is_cell() ? v.as_cell() : nullptr;
    return *this;
  }
  Value get() const { return v_; }
  operator Value() const { return v_; }  // NOLINT: used where a Value is

 private:
  gc::Rooted<gc::Cell> cell_;
  Value v_;
};

// A growable list of Values that are roots while it lives.
class ValueVector final : public gc::RootSection {
 public:
  explicit ValueVector(gc::Heap& heap) : heap_(heap) { heap_.add_root_section(*this); }
  ~ValueVector() override { heap_.remove_root_section(*this); }
  ValueVector(const ValueVector&) = delete;
  ValueVector& operator=(const ValueVector&) = delete;
  std::vector<Value> values;
  const char* root_name() const override { return "native value list"; }
  void trace_roots(gc::Tracer& tracer) override {
    for (Value v : values)
      if (v.is_cell()) tracer.visit(v.as_cell());
  }

 private:
  gc::Heap& heap_;
};

}  // namespace glass
