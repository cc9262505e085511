// Object: the ordinary JavaScript object's storage.
//
//   shape_bits_ which named properties it has and in which slot (shape.h);
//              kept in dictionary mode only for its prototype, marked by a bit
//   slots_     the values of the named properties, by slot: shape_->property_count()
//              of them. They start in room allocated with the object (inline
//              slots, see create()) and move to a malloc'd array only if the
//              object outgrows that room
//   elements_  array-index properties 0, 1, 2, ... densely, holes as
//              Value::empty(); an index far past the end goes to the sparse map
//   rare_      what few objects need, allocated on first use: the dictionary
//              (the object's own key -> property table, used after a delete or
//              an attribute change, when sharing a shape would mean making a
//              one-off shape per object), sparse and special elements, and the
//              derived root shape of a prototype
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
#include <initializer_list>
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

// What kind of object this is: its internal slots (§6.1.7.2) and exotic
// behaviour. The VM tests it with one byte compare.
enum class ObjectClass : uint8_t {
  Ordinary,
  Array,      // exotic `length` (§10.4.2)
  Function,   // vm/function.h: bytecode closures, natives, bound functions
  Error,      // has [[ErrorData]]
  Boolean, Number, String, Symbol, BigInt,  // primitive wrappers: vm/box.h
  Arguments,
  Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry,
  Promise,
  Iterator,   // the engine's built-in iterators (array, map, set, string, for-in)
  Generator,
  RegExp,
  Date,
  Proxy,      // builtins/proxy.h: a non-callable proxy (callable ones are FunctionKind::Proxy)
  ModuleNamespace,  // vm/module.h: a module namespace exotic object (§10.4.6)
  ArrayBuffer, SharedArrayBuffer,  // vm/array_buffer.h
  TypedArray,  // vm/typed_array.h: an integer-indexed exotic object (§10.4.5)
  DataView,    // builtins/data_view.cpp
};

struct OwnProperty {
  Value value;  // for accessors (kAccessor): the getter/setter pair cell
  uint8_t flags;
};

class Object : public gc::Cell {
 public:
  // Inline slots a plain object gets when nobody says how many it will need.
  static constexpr uint32_t kDefaultInlineSlots = 4;
  // The most inline slots an object is made with (a hint past this is capped).
  static constexpr uint32_t kMaxInlineSlots = 32;

  // A new empty object with the given root shape (whose prototype it has),
  // with room for `inline_slots` named properties allocated with it.
  static Object* create(gc::Heap& heap, Shape* root_shape, uint32_t inline_slots = kDefaultInlineSlots,
                        ObjectClass object_class = ObjectClass::Ordinary);

  gc::Cell* prototype() const;
  // Changes [[Prototype]] (Object.setPrototypeOf, class extends): the object
  // leaves the shape tree, since shapes carry the prototype.
  void set_prototype(gc::Cell* prototype);

  ObjectClass object_class() const { return class_; }
  void set_object_class(ObjectClass c) { class_ = c; }
  // [[IsHTMLDDA]] (Annex B §B.3.6): an object that typeof calls "undefined",
  // that ToBoolean calls false and that == null (document.all; the test262
  // host's $262.IsHTMLDDA). Kept in the cell's engine flags.
  bool is_htmldda() const { return user_flags() & kHTMLDDAFlag; }
  void mark_htmldda() { set_user_flags(user_flags() | kHTMLDDAFlag); }
  // Prototype validity. A cache that relies on what a prototype chain does
  // *not* have (a cached add must meet no setter or read-only property on
  // the way) marks every object of that chain as watched and records
  // prototype_epoch(); adding, deleting or redefining a named property of a
  // watched object, or changing its prototype, starts a new epoch, and every
  // such cache entry stops matching. Per thread (each thread runs its own Vm).
  static uint32_t prototype_epoch() { return prototype_epoch_; }
  void watch_as_prototype() { set_user_flags(user_flags() | kWatchedPrototypeFlag); }
  bool watched_as_prototype() const { return user_flags() & kWatchedPrototypeFlag; }
  bool extensible() const { return extensible_; }
  void prevent_extensions() { extensible_ = false; }
  // Arrays: the value of `length` (elements at or past it are absent).
  uint32_t array_length() const { return array_length_; }
  void set_array_length(uint32_t length);                     // drops elements at or past `length`
  void set_array_length_raw(uint32_t length) { array_length_ = length; }  // growing only
  bool array_length_writable() const { return array_length_writable_; }
  void set_array_length_writable(bool w) { array_length_writable_ = w; }
  // The attributes every element shares (elements carry none of their own):
  // kDefaultProperty, less configurable after seal, less writable after freeze.
  uint8_t element_flags() const { return element_flags_; }
  void set_element_flags(uint8_t f) { element_flags_ = f; }
  // For objects made with a pre-built shape: the slot values, in order.
  void fill_slots(std::initializer_list<Value> values) {
    uint32_t i = 0;
    for (Value v : values) slots_[i++] = v;
  }

  // The root shape of objects whose [[Prototype]] is this object (made once,
  // on first use by `new`, Object.create and class instances).
  Shape* derived_root_shape() const { return rare_ ? rare_->derived_root : nullptr; }
  void set_derived_root_shape(Shape* shape) { rare().derived_root = shape; }

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
  std::vector<uint32_t> own_element_keys() const;  // ascending (special ones included)

  // Index properties with their own attributes (non-writable, accessor, ...)
  // live apart from the plain elements, so the fast paths (which only ever
  // see plain data elements) need no attribute checks. get_element() does
  // not return them: ask get_special_element() first.
  std::optional<OwnProperty> get_special_element(uint32_t index) const;
  void set_special_element(uint32_t index, OwnProperty property);  // (and drops a plain one)
  bool delete_special_element(uint32_t index);
  bool has_special_elements() const { return rare_ && rare_->special && !rare_->special->empty(); }

  Shape* shape() const { return reinterpret_cast<Shape*>(shape_bits_ & ~kDictionaryBit); }
  bool in_dictionary_mode() const { return shape_bits_ & kDictionaryBit; }
  // What an inline cache compares with the shape it recorded: the shape,
  // except in dictionary mode, when it equals no shape at all — so a cache
  // hit is one compare, with no separate dictionary test.
  const Shape* shape_for_cache() const { return reinterpret_cast<const Shape*>(shape_bits_); }

  // Fast paths for the interpreter's inline caches: a slot found through
  // this object's shape (not valid in dictionary mode).
  Value slot(uint32_t i) const { return slots_[i]; }
  // An inline cache's "add property" hit: `next` is the shape this object's
  // shape transitions to by adding one property, whose value is `v`.
  void append_with_shape(Shape* next, Value v) {
    uint32_t i = shape()->property_count();
    if (i == slot_capacity_) grow_slots(i + 1);
    slots_[i] = v;
    shape_bits_ = reinterpret_cast<uintptr_t>(next);
    note_named_change();
  }
  void set_slot(uint32_t i, Value v) { slots_[i] = v; }
  // Where slot i lives: valid until the object adds a property or goes to
  // dictionary mode (each changes shape_for_cache()).
  Value* slot_address(uint32_t i) { return &slots_[i]; }
  // The dense elements, for array fast paths (holes are Value::empty()).
  std::vector<Value>& dense_elements() { return elements_; }
  bool has_sparse_elements() const { return rare_ && !rare_->sparse.empty(); }

  void trace(gc::Tracer& tracer) override;
  const char* cell_name() const override { return "Object"; }

  // `inline_slots` (a subclass's own member array) holds the first
  // `inline_capacity` named properties; without it they are malloc'd.
  explicit Object(Shape* shape, ObjectClass object_class = ObjectClass::Ordinary, Value* inline_slots = nullptr,
                  uint32_t inline_capacity = 0);
  ~Object() override;

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
    gc::Cell* prototype = nullptr;  // set_prototype(): replaces the shape's
    bool prototype_set = false;
  };
  struct Rare {
    Shape* derived_root = nullptr;
    std::unique_ptr<Dictionary> dict;
    std::map<uint32_t, Value> sparse;
    std::unique_ptr<std::map<uint32_t, OwnProperty>> special;
  };
  Rare& rare() {
    if (!rare_) rare_ = std::make_unique<Rare>();
    return *rare_;
  }
  Dictionary* dict() const { return in_dictionary_mode() ? rare_->dict.get() : nullptr; }
  // create(): the slots are the `capacity` Values allocated right after the cell.
  struct TrailingSlots {
    uint32_t capacity;
  };
  friend class gc::Heap;
  Object(Shape* shape, ObjectClass object_class, TrailingSlots trailing)
      : Object(shape, object_class, reinterpret_cast<Value*>(this + 1), trailing.capacity) {}
  void to_dictionary();
  void grow_slots(uint32_t needed);  // room for at least `needed` slots (keeps the values)
  void free_slots();

  // The shape's address, with kDictionaryBit set in dictionary mode (cells
  // are 16-byte aligned, so the low bit is free).
  static constexpr uintptr_t kDictionaryBit = 1;
  static constexpr uint8_t kHTMLDDAFlag = 1;  // in user_flags()
  static constexpr uint8_t kWatchedPrototypeFlag = 2;
  static inline thread_local uint32_t prototype_epoch_ = 1;
  // A named property was added, deleted or redefined, or the prototype changed.
  void note_named_change() {
    if (watched_as_prototype()) [[unlikely]]
      ++prototype_epoch_;
  }
  uintptr_t shape_bits_;
  Value* slots_;
  uint32_t slot_capacity_;
  uint32_t array_length_ = 0;
  ObjectClass class_;
  bool extensible_ = true;
  bool array_length_writable_ = true;
  bool slots_inline_;  // slots_ is the room made with the object (not malloc'd)
  uint8_t element_flags_ = kDefaultProperty;
  std::vector<Value> elements_;
  std::unique_ptr<Rare> rare_;
};

}  // namespace glass
