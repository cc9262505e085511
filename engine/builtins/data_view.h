// DataView objects (ECMA-262 §25.3): the view's internal slots. The
// constructor and methods are in data_view.cpp; console.log reads the slots.
#pragma once
#include "builtins/builtins.h"
#include "vm/array_buffer.h"

namespace glass {

class DataViewObject final : public Object {
 public:
  ArrayBufferObject* buffer = nullptr;  // [[ViewedArrayBuffer]]
  size_t byte_offset = 0;               // [[ByteOffset]]
  size_t byte_length = 0;               // [[ByteLength]] unless length_tracking
  bool length_tracking = false;         // [[ByteLength]] is auto

  explicit DataViewObject(Shape* shape) : Object(shape, ObjectClass::DataView) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    if (buffer) tracer.visit(buffer);
  }
  const char* cell_name() const override { return "DataView"; }
};

}  // namespace glass
