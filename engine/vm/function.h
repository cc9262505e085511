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
#include <memory>
#include <span>
#include <vector>

#include "bytecode/function.h"
#include "objects/object.h"
#include "objects/string.h"

namespace glass {

class Vm;

class HeapScope final : public gc::Cell {
 public:
  // Most scopes are plain slot arrays. Two kinds can also answer a by-name
  // lookup (the compiler's dynamic references, vm/dynamic_names.cpp):
  //   With      a `with` body: slot 0 holds the object (§9.1.1.2 object records)
  //   EvalVars  a var scope a sloppy direct eval may add vars to: the last slot
  //             holds the object they become properties of (<empty> until the first)
  enum class Kind : uint8_t { Plain, With, EvalVars };

  // `layout` names the slots (the PushScope constant the scope was made
  // from); null for scopes nobody needs to name.
  static HeapScope* create(gc::Heap& heap, HeapScope* parent, uint32_t count, Kind kind = Kind::Plain,
                           const bytecode::Constant* layout = nullptr);
  HeapScope* parent() const { return parent_; }
  uint32_t count() const { return count_; }
  Kind kind() const { return kind_; }
  // Each slot's name and kind, the scope's kind and the function that made
  // it, for the debugger: lives as long as the compiled program. Slots past
  // its names (an EvalVars scope's object) have none. May be null.
  const bytecode::Constant* layout() const { return layout_; }
  Value& at(uint32_t i) { return slots()[i]; }
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Scope"; }

  HeapScope(HeapScope* parent, uint32_t count, Kind kind, const bytecode::Constant* layout);

 private:
  HeapScope* parent_;
  // 8 bytes per scope so that any scope met while paused — a closure's
  // captured one included — can be shown with its names.
  const bytecode::Constant* layout_;
  uint32_t count_;
  Kind kind_;
};

// One remembered (shape -> where the property is) pair. `holder` is null for
// an own property, else the prototype that holds it (depth 1 only), which
// must still have `holder_shape`. For a cached property add (SetNamed,
// DefineNamed), holder is null and holder_shape is the shape the object
// moves to; a SetNamed add is good only while Object::prototype_epoch() is
// still `epoch` (no prototype on the chain has gained a setter or a
// read-only property of that name since).
struct IcEntry {
  Shape* shape = nullptr;
  Object* holder = nullptr;
  Shape* holder_shape = nullptr;
  uint32_t slot = 0;
  uint32_t epoch = 0;
};

// An inline-cache slot as the interpreter uses it: the name, the first shape
// seen inline (the monomorphic case is one compare), and up to
// kPolymorphic more in a side table made only when a site sees several
// shapes (so a big program's many monomorphic sites stay small). A site
// that meets yet another shape becomes *megamorphic*: it keeps what it has
// and looks further shapes up in the Vm's shared stub cache (vm/stub_cache.h).
struct InlineCache : IcEntry {
  static constexpr uint8_t kPolymorphic = 3;
  String* name = nullptr;  // an atom
  // GetGlobal/SetGlobal only: the slot itself, in the global object (or the
  // global lexicals). An object's slots move only when it adds a property
  // or goes to dictionary mode, and both change what shape_for_cache()
  // says, so the address is good exactly while the cached shape matches.
  Value* slot_address = nullptr;
  std::unique_ptr<IcEntry[]> more;
  uint8_t more_count = 0;
  bool megamorphic = false;

  // Remembers `e` (replacing an entry for the same shape) and returns true;
  // a shape that finds no room makes the site megamorphic and returns false
  // (the caller then records it in the stub cache).
  bool record(const IcEntry& e) {
    if (!shape || shape == e.shape) {
      static_cast<IcEntry&>(*this) = e;
      return true;
    }
    for (uint8_t i = 0; i < more_count; ++i)
      if (more[i].shape == e.shape) {
        more[i] = e;
        return true;
      }
    if (more_count < kPolymorphic) {
      if (!more) more = std::make_unique<IcEntry[]>(kPolymorphic);
      more[more_count++] = e;
      return true;
    }
    megamorphic = true;
    return false;
  }
  // What the cache knows for an object of shape `s` — the inline entry
  // first (a monomorphic site is one compare), then the polymorphic ones —
  // or null on a miss. The one cache check GetNamed, SetNamed and
  // DefineNamed make.
  [[gnu::always_inline]] const IcEntry* lookup(const Shape* s) const {
    if (s == shape) return this;
    return more_count ? find_more(s) : nullptr;
  }
  // The entry for `s` among the polymorphic ones, or null.
  const IcEntry* find_more(const Shape* s) const {
    for (uint8_t i = 0; i < more_count; ++i)
      if (more[i].shape == s) return &more[i];
    return nullptr;
  }
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
  std::string name_utf8, source_name_utf8;    // for stack traces (made once, not per error)
  std::vector<Value> constants;
  std::vector<InlineCache> ics;
  std::vector<FunctionTemplate*> functions;
  gc::Cell* module = nullptr;  // the ModuleRecord this code belongs to (vm/module.h); null for scripts

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
  Proxy,  // a callable proxy: native_data holds its ProxyObject record (builtins/proxy.h)
};

struct Realm;  // vm/vm.h

class FunctionObject final : public Object {
 public:
  FunctionKind kind;
  Realm* realm = nullptr;            // [[Realm]]: where it was made (set by every allocation site)
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
  // Constructors: how many named properties the instances `new` made had
  // when their constructor returned, so the next one is made with room for
  // them inline (0: not known yet).
  uint8_t instance_slots = 0;
  void note_instance_size(uint32_t properties) {
    if (properties > instance_slots) instance_slots = uint8_t(std::min(properties, Object::kMaxInlineSlots));
  }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Function"; }

  FunctionObject(Shape* shape, FunctionKind kind) : Object(shape, ObjectClass::Function, own_slots_, 3), kind(kind) {}

 private:
  // length, name and (constructors) prototype: every function has them.
  Value own_slots_[3];
};

inline bool is_function_object(const Object* o) { return o->object_class() == ObjectClass::Function; }

}  // namespace glass
