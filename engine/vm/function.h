// The cells that make code run: heap scopes, loaded function templates, and
// function objects.
//
//   HeapScope             the captured variables of one scope (PushScope makes
//                     one; a closure keeps its defining scope alive)
//   FunctionTemplate  a CompiledFunction loaded into the heap: its constants
//                     as Values, its inline caches, its nested templates.
//                     One per function *in the source*, shared by every
//                     closure made from it.
//   FunctionObject    a JS function value: a bytecode closure (template +
//                     scope), a native (a C++ function pointer), or a bound
//                     function (target + this + arguments).
#pragma once
#include <span>
#include <vector>

#include "bytecode/function.h"
#include "objects/object.h"
#include "objects/string.h"

namespace glass {

class Vm;

class HeapScope final : public gc::Cell {
 public:
  static HeapScope* create(gc::Heap& heap, HeapScope* parent, uint32_t count);
  HeapScope* parent() const { return parent_; }
  uint32_t count() const { return count_; }
  Value& at(uint32_t i) { return slots()[i]; }
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Scope"; }

  HeapScope(HeapScope* parent, uint32_t count);

 private:
  HeapScope* parent_;
  uint32_t count_;
};

// An inline-cache slot as the interpreter uses it: the name, and the shape
// last seen with where the property was. `holder` is null for an own
// property, else the prototype that holds it (depth 1 only).
struct InlineCache {
  String* name = nullptr;  // an atom
  Shape* shape = nullptr;
  Object* holder = nullptr;
  Shape* holder_shape = nullptr;
  uint32_t slot = 0;
};

class FunctionTemplate final : public gc::Cell {
 public:
  // Loads `code` (and its nested functions) into the heap. `code` must
  // outlive the template: the Vm keeps every compiled program.
  static FunctionTemplate* load(Vm& vm, const bytecode::CompiledFunction* code, String* source_name,
                                const std::string* source_text);

  const bytecode::CompiledFunction* code;
  String* source_name;  // the script's file name (for stacks)
  String* name;         // the function's name, an atom ("" if anonymous)
  const std::string* source_text = nullptr;  // the whole script (owned by the Vm), for toString
  std::vector<Value> constants;
  std::vector<InlineCache> ics;
  std::vector<FunctionTemplate*> functions;

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "FunctionTemplate"; }

  FunctionTemplate(const bytecode::CompiledFunction* code, String* source_name);
};

// A native function: reads its arguments, returns a value or throws (Thrown).
// `new_target` is undefined for a plain call.
using NativeFn = Value (*)(Vm& vm, Value this_value, std::span<const Value> args, Value new_target);

enum class FunctionKind : uint8_t {
  Bytecode,
  Native,
  Bound,
};

class FunctionObject final : public Object {
 public:
  FunctionKind kind;
  bool is_constructor = false;       // has [[Construct]]
  bool is_class_constructor = false; // throws when called without new
  bool is_derived = false;           // class extends: `this` comes from super()
  FunctionTemplate* tmpl = nullptr;  // Bytecode
  HeapScope* scope = nullptr;            // Bytecode: the scope it closes over
  Value home_object;                 // methods: where `super` looks (undefined if none)
  Value fields;                      // class constructors: [key, initializer, kind, ...] (vm/classes.cpp), or undefined
  Value private_env;                 // the private names in scope where it was made (vm/classes.cpp), or undefined
  NativeFn native = nullptr;         // Native
  Value native_data;                 // Native: a value the native can read (e.g. promise capabilities)
  Value bound_target, bound_this;    // Bound; arrows keep their lexical `this` in bound_this
  std::vector<Value> bound_args;     // Bound

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Function"; }

  FunctionObject(Shape* shape, FunctionKind kind) : Object(shape, ObjectClass::Function), kind(kind) {}
};

inline bool is_function_object(const Object* o) { return o->object_class() == ObjectClass::Function; }

}  // namespace glass
