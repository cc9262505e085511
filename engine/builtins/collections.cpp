// Map, Set, WeakMap, WeakSet, WeakRef and FinalizationRegistry.
//
// Map and Set share one table (CollectionObject): entries in a vector in
// insertion order, a deleted entry left as a tombstone (key = empty), and an
// open-addressing index (power-of-two, linear probing) of entry positions,
// each with its key's hash, so a probe compares keys only when hashes match.
// Keys are normalized so that every number has one bit pattern (-0 and
// integral doubles become int32, NaN is canonical): then SameValueZero is
// "same bits, or two strings or two BigInts with the same content".
//
// Iteration tolerates changes: an iterator (and a running forEach) is a
// cursor, a position in the entry vector, registered with its table. Only
// a rebuild moves entries (dropping tombstones), and it moves the cursors
// with them; clear() sends them to 0. The table holds iterator cursors
// weakly: its sweep_weak() forgets those whose iterator died.
//
// WeakMap/WeakSet are ephemeron tables; WeakRef has a weak slot;
// FinalizationRegistry checks its targets in sweep_weak() and queues the
// cleanup callback for each dead one (enqueue_job only appends to a vector:
// no heap allocation, no JavaScript, as a GC phase requires).
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "builtins/collections.h"
#include "gc/weak.h"

namespace glass {

namespace {

// ============================================================================
// The ordered hash table
// ============================================================================

struct TableEntry {
  Value key;  // empty(): deleted
  Value value;
};

inline Value normalize_key(Value k) {
  if (k.is_double()) {
    double d = k.as_double();
    if (d == 0) return Value::int32(0);
    return Value::number(d);
  }
  return k;
}

inline uint32_t hash_key(Value k) {
  if (k.is_string()) return as_string(k)->hash() * 0x9E3779B1u;
  if (k.is_bigint()) return as_bigint(k)->hash() * 0x9E3779B1u;  // by value, like strings
  uint64_t x = k.bits();
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return uint32_t(x);
}

inline bool keys_equal(Value a, Value b) {
  return a == b || (a.is_string() && b.is_string() && String::equals(as_string(a), as_string(b))) ||
         (a.is_bigint() && b.is_bigint() && BigInt::equals(as_bigint(a), as_bigint(b)));
}

class CollectionObject final : public Object {
 public:
  struct Cursor {
    gc::Cell* owner;  // the iterator (held weakly); null for a forEach on the C++ stack
    uint32_t* pos;
  };

  struct Slot {
    int32_t pos;    // entry position, or -1
    uint32_t hash;  // hash_key of that entry's key
  };
  std::vector<TableEntry> entries;
  std::vector<Slot> index;
  uint32_t live = 0;
  std::vector<Cursor> cursors;

  CollectionObject(Shape* shape, ObjectClass cls) : Object(shape, cls) {}
  const char* cell_name() const override { return object_class() == ObjectClass::Map ? "Map" : "Set"; }

  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    for (const TableEntry& e : entries) {
      trace_value(tracer, e.key);
      trace_value(tracer, e.value);
    }
    if (!cursors.empty()) tracer.defer_ephemerons(this);  // for sweep_weak
  }
  void sweep_weak(const gc::Heap& heap) override {
    std::erase_if(cursors, [&](const Cursor& c) { return c.owner && !heap.is_marked(c.owner); });
  }

  int32_t find(Value key) const {
    if (index.empty()) return -1;
    const Slot& slot = index[probe(key, hash_key(key))];
    return slot.pos;
  }

  // key must be normalized. Returns true if it was new.
  bool put(Value key, Value value) {
    uint32_t hash = hash_key(key);
    if (!index.empty()) {
      uint32_t at = probe(key, hash);
      if (index[at].pos >= 0) {
        entries[size_t(index[at].pos)].value = value;
        return false;
      }
      if ((entries.size() + 1) * 2 <= index.size()) {
        index[at] = Slot{int32_t(entries.size()), hash};
        entries.push_back({key, value});
        ++live;
        return true;
      }
    }
    rebuild();
    index[probe(key, hash)] = Slot{int32_t(entries.size()), hash};
    entries.push_back({key, value});
    ++live;
    return true;
  }

  bool remove(Value key) {
    int32_t i = find(key);
    if (i < 0) return false;
    // The index keeps pointing at the tombstone (an empty key matches nothing).
    entries[size_t(i)] = {Value::empty(), Value::undefined()};
    --live;
    return true;
  }

  void clear() {
    entries.clear();
    index.clear();
    live = 0;
    for (Cursor& c : cursors) *c.pos = 0;
  }

  void add_cursor(gc::Cell* owner, uint32_t* pos) { cursors.push_back({owner, pos}); }
  void remove_cursor(uint32_t* pos) {
    for (size_t i = cursors.size(); i-- > 0;)
      if (cursors[i].pos == pos) {
        cursors.erase(cursors.begin() + ptrdiff_t(i));
        return;
      }
  }

 private:
  void rebuild() {
    size_t compacted = 0;  // tombstones dropped
    if (live < entries.size()) {
      compacted = entries.size() - live;
      // Drop tombstones; move every cursor to the same live entry.
      if (!cursors.empty()) {
        std::vector<uint32_t> before(entries.size() + 1);  // live entries before position p
        uint32_t n = 0;
        for (size_t p = 0; p < entries.size(); ++p) {
          before[p] = n;
          if (!entries[p].key.is_empty()) ++n;
        }
        before[entries.size()] = n;
        for (Cursor& c : cursors) *c.pos = before[std::min<size_t>(*c.pos, entries.size())];
      }
      std::erase_if(entries, [](const TableEntry& e) { return e.key.is_empty(); });
    }
    size_t capacity = 8;
    while (capacity < size_t(live) * 4) capacity *= 2;
    std::vector<Slot> old;
    old.swap(index);
    index.assign(capacity, Slot{-1, 0});
    uint32_t mask = uint32_t(capacity) - 1;
    // Reinsert by the hashes the old index kept; after dropping tombstones
    // the positions have moved, so then every key is hashed again.
    auto place = [&](int32_t p, uint32_t hash) {
      uint32_t h = hash & mask;
      while (index[h].pos >= 0) h = (h + 1) & mask;
      index[h] = Slot{p, hash};
    };
    if (old.size() && compacted == 0) {
      for (const Slot& slot : old)
        if (slot.pos >= 0) place(slot.pos, slot.hash);
    } else {
      for (size_t p = 0; p < entries.size(); ++p) place(int32_t(p), hash_key(entries[p].key));
    }
  }

  // The slot holding `key`, or the empty slot where it would go (the index
  // is never full: at most half its slots are used).
  uint32_t probe(Value key, uint32_t hash) const {
    uint32_t mask = uint32_t(index.size()) - 1;
    for (uint32_t h = hash & mask;; h = (h + 1) & mask) {
      const Slot& slot = index[h];
      if (slot.pos < 0 || (slot.hash == hash && keys_equal(entries[size_t(slot.pos)].key, key))) return h;
    }
  }
};

// A forEach's position, registered with the table for the loop's duration.
struct ScopedCursor {
  CollectionObject* table;
  uint32_t pos = 0;
  explicit ScopedCursor(CollectionObject* t) : table(t) { table->add_cursor(nullptr, &pos); }
  ~ScopedCursor() { table->remove_cursor(&pos); }
  ScopedCursor(const ScopedCursor&) = delete;
  ScopedCursor& operator=(const ScopedCursor&) = delete;
};

enum class IterKind : uint8_t { Keys, Values, Entries };

class CollectionIterator final : public Object {
 public:
  CollectionObject* target;  // null once done
  uint32_t pos = 0;
  IterKind kind;
  CollectionIterator(Shape* shape, CollectionObject* t, IterKind k)
      : Object(shape, ObjectClass::Iterator), target(t), kind(k) {}
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    tracer.visit(target);
  }
  static constexpr const char* kName = "CollectionIterator";
  const char* cell_name() const override { return kName; }
};

// ============================================================================
// Helpers
// ============================================================================

Object* proto_from_new_target(Vm& vm, Value new_target, IntrinsicObject fallback) {
  return get_prototype_from_constructor(vm, new_target, fallback);
}

std::string describe(Vm& vm, Value v) {
  if (v.is_object()) {
    Object* o = as_object(v);
    if (is_function_object(o)) return "function";
    switch (o->object_class()) {
      case ObjectClass::Map: return "#<Map>";
      case ObjectClass::Set: return "#<Set>";
      case ObjectClass::WeakMap: return "#<WeakMap>";
      case ObjectClass::WeakSet: return "#<WeakSet>";
      case ObjectClass::WeakRef: return "#<WeakRef>";
      case ObjectClass::FinalizationRegistry: return "#<FinalizationRegistry>";
      case ObjectClass::Array: return "[object Array]";
      default: return "#<Object>";
    }
  }
  if (v.is_symbol()) return "Symbol()";
  if (v.is_string()) return as_string(v)->to_utf8();
  return to_utf8(vm, v);
}

CollectionObject* this_table(Vm& vm, Value self, ObjectClass cls, const char* method) {
  if (self.is_object() && as_object(self)->object_class() == cls) return static_cast<CollectionObject*>(as_object(self));
  vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
}

// Runs body(); if it throws, closes the iterator (ignoring errors from
// closing) and rethrows the original exception.
template <class F>
void close_on_throw(Vm& vm, Value iterator, F&& body) {
  try {
    body();
  } catch (const Thrown&) {
    RootedValue e(vm.heap(), vm.take_exception());
    try {
      iterator_close(vm, iterator);
    } catch (const Thrown&) {
      vm.take_exception();
    }
    vm.throw_value(e);
  }
}

// ============================================================================
// Map
// ============================================================================

CollectionObject* new_table(Vm& vm, Value new_target, IntrinsicObject proto_id, ObjectClass cls) {
  Object* proto = proto_from_new_target(vm, new_target, proto_id);
  Shape* shape = vm.root_shape_for(proto);
  return vm.heap().allocate<CollectionObject>(shape, cls);
}

Value map_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Map requires 'new'");
  gc::Rooted<CollectionObject> map(vm.heap(), new_table(vm, new_target, IntrinsicObject::MapPrototype, ObjectClass::Map));
  Value iterable = arg(args, 0);
  if (iterable.is_nullish()) return object_value(map);
  RootedValue adder(vm.heap(), get(vm, map, key_of(WellKnownAtom::set, vm)));
  if (!is_callable(adder))
    vm.throw_error(ErrorType::TypeError, "'" + describe(vm, adder) + "' returned for property 'set' of object '#<Map>' is not a function");
  IteratorRecord it = get_iterator(vm, iterable);
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (;;) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    RootedValue entry(vm.heap(), *item);
    close_on_throw(vm, iter, [&] {
      if (!entry.get().is_object())
        vm.throw_error(ErrorType::TypeError, "Iterator value " + describe(vm, entry) + " is not an entry object");
      Value kv[2];
      RootedValue k(vm.heap(), get(vm, as_object(entry), PropertyKey::of_index(0)));
      kv[1] = get(vm, as_object(entry), PropertyKey::of_index(1));
      kv[0] = k;
      vm.call(adder, object_value(map), kv);
    });
  }
  return object_value(map);
}

Value map_get(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* m = this_table(vm, self, ObjectClass::Map, "Map.prototype.get");
  int32_t i = m->find(normalize_key(arg(args, 0)));
  return i < 0 ? Value::undefined() : m->entries[size_t(i)].value;
}

Value map_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* m = this_table(vm, self, ObjectClass::Map, "Map.prototype.set");
  m->put(normalize_key(arg(args, 0)), arg(args, 1));
  return self;
}

Value map_has(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* m = this_table(vm, self, ObjectClass::Map, "Map.prototype.has");
  return Value::boolean(m->find(normalize_key(arg(args, 0))) >= 0);
}

Value map_delete(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* m = this_table(vm, self, ObjectClass::Map, "Map.prototype.delete");
  return Value::boolean(m->remove(normalize_key(arg(args, 0))));
}

Value map_clear(Vm& vm, Value self, std::span<const Value>, Value) {
  this_table(vm, self, ObjectClass::Map, "Map.prototype.clear")->clear();
  return Value::undefined();
}

Value map_size(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::number(this_table(vm, self, ObjectClass::Map, "get Map.prototype.size")->live);
}

Value table_for_each(Vm& vm, Value self, std::span<const Value> args, ObjectClass cls, const char* method) {
  gc::Rooted<CollectionObject> m(vm.heap(), this_table(vm, self, cls, method));
  RootedValue fn(vm.heap(), arg(args, 0));
  if (!is_callable(fn)) vm.throw_error(ErrorType::TypeError, describe(vm, fn) + " is not a function");
  RootedValue this_arg(vm.heap(), arg(args, 1));
  ScopedCursor cursor(m);
  while (cursor.pos < m->entries.size()) {
    TableEntry e = m->entries[cursor.pos++];
    if (e.key.is_empty()) continue;
    Value a[3] = {cls == ObjectClass::Map ? e.value : e.key, e.key, object_value(m)};
    vm.call(fn, this_arg, a);
  }
  return Value::undefined();
}

Value map_for_each(Vm& vm, Value self, std::span<const Value> args, Value) {
  return table_for_each(vm, self, args, ObjectClass::Map, "Map.prototype.forEach");
}

Value make_iterator(Vm& vm, CollectionObject* table, IterKind kind, IntrinsicObject proto_id) {
  gc::Rooted<CollectionObject> t(vm.heap(), table);
  Shape* shape = vm.root_shape_for(vm.intrinsics()[proto_id]);
  CollectionIterator* it = vm.heap().allocate<CollectionIterator>(shape, t.get(), kind);
  t->add_cursor(it, &it->pos);
  return object_value(it);
}

Value map_keys(Vm& vm, Value self, std::span<const Value>, Value) {
  return make_iterator(vm, this_table(vm, self, ObjectClass::Map, "Map.prototype.keys"), IterKind::Keys,
                       IntrinsicObject::MapIteratorPrototype);
}
Value map_values(Vm& vm, Value self, std::span<const Value>, Value) {
  return make_iterator(vm, this_table(vm, self, ObjectClass::Map, "Map.prototype.values"), IterKind::Values,
                       IntrinsicObject::MapIteratorPrototype);
}
Value map_entries(Vm& vm, Value self, std::span<const Value>, Value) {
  return make_iterator(vm, this_table(vm, self, ObjectClass::Map, "Map.prototype.entries"), IterKind::Entries,
                       IntrinsicObject::MapIteratorPrototype);
}

Value iterator_next(Vm& vm, Value self, ObjectClass cls, const char* method) {
  if (!self.is_object() || as_object(self)->object_class() != ObjectClass::Iterator ||
      as_object(self)->cell_name() != CollectionIterator::kName)
    vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
  gc::Rooted<CollectionIterator> it(vm.heap(), static_cast<CollectionIterator*>(as_object(self)));
  CollectionObject* t = it->target;
  if (t && t->object_class() != cls)
    vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
  if (!t) return object_value(create_iter_result(vm, Value::undefined(), true));
  while (it->pos < t->entries.size() && t->entries[it->pos].key.is_empty()) ++it->pos;
  if (it->pos >= t->entries.size()) {
    t->remove_cursor(&it->pos);
    it->target = nullptr;
    return object_value(create_iter_result(vm, Value::undefined(), true));
  }
  TableEntry e = t->entries[it->pos++];
  switch (it->kind) {
    case IterKind::Keys: return object_value(create_iter_result(vm, e.key, false));
    case IterKind::Values: return object_value(create_iter_result(vm, cls == ObjectClass::Map ? e.value : e.key, false));
    case IterKind::Entries: {
      Value pair[2] = {e.key, cls == ObjectClass::Map ? e.value : e.key};
      gc::Rooted<Object> a(vm.heap(), vm.new_array_from(pair));  // e.key/value are held by the table
      return object_value(create_iter_result(vm, object_value(a), false));
    }
  }
  return Value::undefined();
}

Value map_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  return iterator_next(vm, self, ObjectClass::Map, "Map Iterator.prototype.next");
}
Value set_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  return iterator_next(vm, self, ObjectClass::Set, "Set Iterator.prototype.next");
}

Value map_group_by(Vm& vm, Value, std::span<const Value> args, Value) {
  RootedValue items(vm.heap(), arg(args, 0));
  RootedValue fn(vm.heap(), arg(args, 1));
  if (items.get().is_nullish()) vm.throw_error(ErrorType::TypeError, "Map.groupBy called on null or undefined");
  if (!is_callable(fn)) vm.throw_error(ErrorType::TypeError, describe(vm, fn) + " is not a function");
  gc::Rooted<CollectionObject> map(vm.heap(), new_table(vm, Value::undefined(), IntrinsicObject::MapPrototype, ObjectClass::Map));
  IteratorRecord it = get_iterator(vm, items);
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (int32_t i = 0;; ++i) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    RootedValue v(vm.heap(), *item);
    RootedValue key(vm.heap());
    close_on_throw(vm, iter, [&] {
      Value a[2] = {v, Value::int32(i)};
      key = normalize_key(vm.call(fn, Value::undefined(), a));
    });
    int32_t at = map->find(key);
    Object* group;
    if (at < 0) {
      group = vm.new_array(0);
      map->put(key, object_value(group));
    } else {
      group = as_object(map->entries[size_t(at)].value);
    }
    std::vector<Value>& elems = group->dense_elements();
    elems.push_back(v);
    group->set_array_length_raw(uint32_t(elems.size()));
  }
  return object_value(map);
}

// ============================================================================
// Set
// ============================================================================

Value set_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor Set requires 'new'");
  gc::Rooted<CollectionObject> set(vm.heap(), new_table(vm, new_target, IntrinsicObject::SetPrototype, ObjectClass::Set));
  Value iterable = arg(args, 0);
  if (iterable.is_nullish()) return object_value(set);
  RootedValue adder(vm.heap(), get(vm, set, key_of(vm, "add")));
  if (!is_callable(adder))
    vm.throw_error(ErrorType::TypeError, "'" + describe(vm, adder) + "' returned for property 'add' of object '#<Set>' is not a function");
  IteratorRecord it = get_iterator(vm, iterable);
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (;;) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    Value v = *item;
    close_on_throw(vm, iter, [&] { vm.call(adder, object_value(set), std::span<const Value>(&v, 1)); });
  }
  return object_value(set);
}

Value set_add(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* s = this_table(vm, self, ObjectClass::Set, "Set.prototype.add");
  Value k = normalize_key(arg(args, 0));
  s->put(k, Value::undefined());
  return self;
}

Value set_has(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* s = this_table(vm, self, ObjectClass::Set, "Set.prototype.has");
  return Value::boolean(s->find(normalize_key(arg(args, 0))) >= 0);
}

Value set_delete(Vm& vm, Value self, std::span<const Value> args, Value) {
  CollectionObject* s = this_table(vm, self, ObjectClass::Set, "Set.prototype.delete");
  return Value::boolean(s->remove(normalize_key(arg(args, 0))));
}

Value set_clear(Vm& vm, Value self, std::span<const Value>, Value) {
  this_table(vm, self, ObjectClass::Set, "Set.prototype.clear")->clear();
  return Value::undefined();
}

Value set_size(Vm& vm, Value self, std::span<const Value>, Value) {
  return Value::number(this_table(vm, self, ObjectClass::Set, "get Set.prototype.size")->live);
}

Value set_for_each(Vm& vm, Value self, std::span<const Value> args, Value) {
  return table_for_each(vm, self, args, ObjectClass::Set, "Set.prototype.forEach");
}

Value set_values(Vm& vm, Value self, std::span<const Value>, Value) {
  return make_iterator(vm, this_table(vm, self, ObjectClass::Set, "Set.prototype.values"), IterKind::Values,
                       IntrinsicObject::SetIteratorPrototype);
}
Value set_entries(Vm& vm, Value self, std::span<const Value>, Value) {
  return make_iterator(vm, this_table(vm, self, ObjectClass::Set, "Set.prototype.entries"), IterKind::Entries,
                       IntrinsicObject::SetIteratorPrototype);
}

// ============================================================================
// WeakMap, WeakSet
// ============================================================================

bool can_be_held_weakly(Value v) {
  return v.is_object() || (v.is_symbol() && !as_symbol(v)->is_registered());
}

class WeakMapObject final : public Object {
 public:
  std::unordered_map<gc::Cell*, Value> table;
  WeakMapObject(Shape* shape) : Object(shape, ObjectClass::WeakMap) {}
  const char* cell_name() const override { return "WeakMap"; }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    if (!table.empty()) tracer.defer_ephemerons(this);
  }
  void trace_ephemerons(gc::Tracer& tracer) override {
    for (auto& [k, v] : table) tracer.visit_ephemeron(k, v.is_cell() ? v.as_cell() : nullptr);
  }
  void sweep_weak(const gc::Heap& heap) override {
    std::erase_if(table, [&](const auto& kv) { return !heap.is_marked(kv.first); });
  }
};

class WeakSetObject final : public Object {
 public:
  std::unordered_set<gc::Cell*> table;
  WeakSetObject(Shape* shape) : Object(shape, ObjectClass::WeakSet) {}
  const char* cell_name() const override { return "WeakSet"; }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    if (!table.empty()) tracer.defer_ephemerons(this);
  }
  void sweep_weak(const gc::Heap& heap) override {
    std::erase_if(table, [&](gc::Cell* k) { return !heap.is_marked(k); });
  }
};

template <class T>
T* this_weak(Vm& vm, Value self, ObjectClass cls, const char* method) {
  if (self.is_object() && as_object(self)->object_class() == cls) return static_cast<T*>(as_object(self));
  vm.throw_error(ErrorType::TypeError, std::string("Method ") + method + " called on incompatible receiver " + describe(vm, self));
}

Value weakmap_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor WeakMap requires 'new'");
  Object* proto = proto_from_new_target(vm, new_target, IntrinsicObject::WeakMapPrototype);
  Shape* shape = vm.root_shape_for(proto);
  gc::Rooted<WeakMapObject> map(vm.heap(), vm.heap().allocate<WeakMapObject>(shape));
  Value iterable = arg(args, 0);
  if (iterable.is_nullish()) return object_value(map);
  RootedValue adder(vm.heap(), get(vm, map, key_of(WellKnownAtom::set, vm)));
  if (!is_callable(adder))
    vm.throw_error(ErrorType::TypeError, "'" + describe(vm, adder) + "' returned for property 'set' of object '#<WeakMap>' is not a function");
  IteratorRecord it = get_iterator(vm, iterable);
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (;;) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    RootedValue entry(vm.heap(), *item);
    close_on_throw(vm, iter, [&] {
      if (!entry.get().is_object())
        vm.throw_error(ErrorType::TypeError, "Iterator value " + describe(vm, entry) + " is not an entry object");
      Value kv[2];
      RootedValue k(vm.heap(), get(vm, as_object(entry), PropertyKey::of_index(0)));
      kv[1] = get(vm, as_object(entry), PropertyKey::of_index(1));
      kv[0] = k;
      vm.call(adder, object_value(map), kv);
    });
  }
  return object_value(map);
}

Value weakmap_get(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* m = this_weak<WeakMapObject>(vm, self, ObjectClass::WeakMap, "WeakMap.prototype.get");
  Value k = arg(args, 0);
  if (!can_be_held_weakly(k)) return Value::undefined();
  auto it = m->table.find(k.as_cell());
  return it == m->table.end() ? Value::undefined() : it->second;
}
Value weakmap_set(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* m = this_weak<WeakMapObject>(vm, self, ObjectClass::WeakMap, "WeakMap.prototype.set");
  Value k = arg(args, 0);
  if (!can_be_held_weakly(k)) vm.throw_error(ErrorType::TypeError, "Invalid value used as weak map key");
  m->table[k.as_cell()] = arg(args, 1);
  return self;
}
Value weakmap_has(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* m = this_weak<WeakMapObject>(vm, self, ObjectClass::WeakMap, "WeakMap.prototype.has");
  Value k = arg(args, 0);
  return Value::boolean(can_be_held_weakly(k) && m->table.count(k.as_cell()));
}
Value weakmap_delete(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* m = this_weak<WeakMapObject>(vm, self, ObjectClass::WeakMap, "WeakMap.prototype.delete");
  Value k = arg(args, 0);
  return Value::boolean(can_be_held_weakly(k) && m->table.erase(k.as_cell()));
}

Value weakset_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor WeakSet requires 'new'");
  Object* proto = proto_from_new_target(vm, new_target, IntrinsicObject::WeakSetPrototype);
  Shape* shape = vm.root_shape_for(proto);
  gc::Rooted<WeakSetObject> set(vm.heap(), vm.heap().allocate<WeakSetObject>(shape));
  Value iterable = arg(args, 0);
  if (iterable.is_nullish()) return object_value(set);
  RootedValue adder(vm.heap(), get(vm, set, key_of(vm, "add")));
  if (!is_callable(adder))
    vm.throw_error(ErrorType::TypeError, "'" + describe(vm, adder) + "' returned for property 'add' of object '#<WeakSet>' is not a function");
  IteratorRecord it = get_iterator(vm, iterable);
  RootedValue iter(vm.heap(), it.iterator), next(vm.heap(), it.next_method);
  for (;;) {
    IteratorRecord rec{iter, next};
    std::optional<Value> item = iterator_step(vm, rec);
    if (!item) break;
    Value v = *item;
    close_on_throw(vm, iter, [&] { vm.call(adder, object_value(set), std::span<const Value>(&v, 1)); });
  }
  return object_value(set);
}

Value weakset_add(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* s = this_weak<WeakSetObject>(vm, self, ObjectClass::WeakSet, "WeakSet.prototype.add");
  Value k = arg(args, 0);
  if (!can_be_held_weakly(k)) vm.throw_error(ErrorType::TypeError, "Invalid value used in weak set");
  s->table.insert(k.as_cell());
  return self;
}
Value weakset_has(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* s = this_weak<WeakSetObject>(vm, self, ObjectClass::WeakSet, "WeakSet.prototype.has");
  Value k = arg(args, 0);
  return Value::boolean(can_be_held_weakly(k) && s->table.count(k.as_cell()));
}
Value weakset_delete(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* s = this_weak<WeakSetObject>(vm, self, ObjectClass::WeakSet, "WeakSet.prototype.delete");
  Value k = arg(args, 0);
  return Value::boolean(can_be_held_weakly(k) && s->table.erase(k.as_cell()));
}

// ============================================================================
// WeakRef
// ============================================================================

class WeakRefObject final : public Object {
 public:
  gc::Weak<gc::Cell> target;
  WeakRefObject(Shape* shape, gc::Cell* t) : Object(shape, ObjectClass::WeakRef), target(t) {}
  const char* cell_name() const override { return "WeakRef"; }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    tracer.visit_weak(target);
  }
};

Value weakref_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor WeakRef requires 'new'");
  RootedValue target(vm.heap(), arg(args, 0));
  if (!can_be_held_weakly(target)) vm.throw_error(ErrorType::TypeError, "WeakRef: invalid target");
  Object* proto = proto_from_new_target(vm, new_target, IntrinsicObject::WeakRefPrototype);
  Shape* shape = vm.root_shape_for(proto);
  return object_value(vm.heap().allocate<WeakRefObject>(shape, target.get().as_cell()));
}

Value weakref_deref(Vm& vm, Value self, std::span<const Value>, Value) {
  auto* r = this_weak<WeakRefObject>(vm, self, ObjectClass::WeakRef, "WeakRef.prototype.deref");
  gc::Cell* c = r->target.get();
  return c ? cell_value(c) : Value::undefined();
}

// ============================================================================
// FinalizationRegistry
// ============================================================================

class FinalizationRegistryObject final : public Object {
 public:
  struct Record {
    gc::Cell* target;  // weak
    Value held;        // strong
    gc::Cell* token;   // weak; null if none
  };
  Vm* vm;
  Value cleanup;
  std::vector<Record> records;

  FinalizationRegistryObject(Shape* shape, Vm* v, Value c)
      : Object(shape, ObjectClass::FinalizationRegistry), vm(v), cleanup(c) {}
  const char* cell_name() const override { return "FinalizationRegistry"; }
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, cleanup);
    for (const Record& r : records) trace_value(tracer, r.held);
    if (!records.empty()) tracer.defer_ephemerons(this);  // for sweep_weak
  }
  // Marking is complete: queue a cleanup job for each dead target. The
  // callback and the held value were traced, so they survive this cycle;
  // the job queue roots them from now on.
  void sweep_weak(const gc::Heap& heap) override {
    std::erase_if(records, [&](Record& r) {
      if (!heap.is_marked(r.target)) {
        vm->enqueue_job(cleanup, r.held);
        return true;
      }
      if (r.token && !heap.is_marked(r.token)) r.token = nullptr;
      return false;
    });
  }
};

Value finreg_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  if (new_target.is_undefined()) vm.throw_error(ErrorType::TypeError, "Constructor FinalizationRegistry requires 'new'");
  RootedValue cleanup(vm.heap(), arg(args, 0));
  if (!is_callable(cleanup)) vm.throw_error(ErrorType::TypeError, "FinalizationRegistry: cleanup must be callable");
  // No intrinsic slot for %FinalizationRegistry.prototype%: the constructor
  // keeps it in its native_data (this native's callee sits just below its
  // `this` and arguments in the register file: see Vm::call).
  Object* proto = nullptr;
  Value p = get(vm, as_object(new_target), key_of(WellKnownAtom::prototype, vm));
  if (p.is_object()) {
    proto = as_object(p);
  } else {
    FunctionObject* self = vm.current_native();
    if (!self || self->native != finreg_ctor || !self->native_data.is_object())
      vm.throw_error(ErrorType::TypeError, "FinalizationRegistry: no prototype");
    proto = as_object(self->native_data);
  }
  gc::Rooted<Object> pr(vm.heap(), proto);
  Shape* shape = vm.root_shape_for(pr);
  return object_value(vm.heap().allocate<FinalizationRegistryObject>(shape, &vm, cleanup.get()));
}

Value finreg_register(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* r = this_weak<FinalizationRegistryObject>(vm, self, ObjectClass::FinalizationRegistry,
                                                  "FinalizationRegistry.prototype.register");
  Value target = arg(args, 0), held = arg(args, 1), token = arg(args, 2);
  if (!can_be_held_weakly(target)) vm.throw_error(ErrorType::TypeError, "FinalizationRegistry.prototype.register: invalid target");
  if (same_value(target, held))
    vm.throw_error(ErrorType::TypeError, "FinalizationRegistry.prototype.register: target and holdings must not be same");
  if (!can_be_held_weakly(token) && !token.is_undefined())
    vm.throw_error(ErrorType::TypeError, "FinalizationRegistry.prototype.register: invalid unregister token");
  r->records.push_back({target.as_cell(), held, token.is_undefined() ? nullptr : token.as_cell()});
  return Value::undefined();
}

Value finreg_unregister(Vm& vm, Value self, std::span<const Value> args, Value) {
  auto* r = this_weak<FinalizationRegistryObject>(vm, self, ObjectClass::FinalizationRegistry,
                                                  "FinalizationRegistry.prototype.unregister");
  Value token = arg(args, 0);
  if (!can_be_held_weakly(token)) vm.throw_error(ErrorType::TypeError, "Invalid unregisterToken ('" + describe(vm, token) + "')");
  size_t before = r->records.size();
  gc::Cell* t = token.as_cell();
  std::erase_if(r->records, [&](const FinalizationRegistryObject::Record& rec) { return rec.token == t; });
  return Value::boolean(r->records.size() != before);
}

// ============================================================================
// Installation
// ============================================================================

// Defines `alias` on target as the same function as its `name` property.
void alias(Vm& vm, Object* target, gc::Cell* alias_key, const char* name) {
  gc::Rooted<Object> t(vm.heap(), target);
  gc::Rooted<gc::Cell> k(vm.heap(), alias_key);
  Value f = t->get_own(vm.intern(name))->value;
  vm.define_value(t, k, f);
}

}  // namespace

void install_collections(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Cell* iterator_sym = vm.well_known_symbol(WellKnownSymbol::iterator);

  // Map
  {
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::MapPrototype]);
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Map", map_ctor, 0, proto));
    vm.define_native(ctor, "groupBy", map_group_by, 2);
    define_species(vm, ctor);
    vm.define_native(proto, "get", map_get, 1);
    vm.define_native(proto, "set", map_set, 2);
    vm.define_native(proto, "has", map_has, 1);
    vm.define_native(proto, "delete", map_delete, 1);
    vm.define_native(proto, "clear", map_clear, 0);
    vm.define_native(proto, "entries", map_entries, 0);
    vm.define_native(proto, "forEach", map_for_each, 1);
    vm.define_native(proto, "keys", map_keys, 0);
    define_getter(vm, proto, "size", map_size);
    vm.define_native(proto, "values", map_values, 0);
    alias(vm, proto, iterator_sym, "entries");
    define_tag(vm, proto, "Map");
    define_global(vm, "Map", object_value(ctor));
    gc::Rooted<Object> iter_proto(vm.heap(), in[IntrinsicObject::MapIteratorPrototype]);
    vm.define_native(iter_proto, "next", map_iterator_next, 0);
    define_tag(vm, iter_proto, "Map Iterator");
  }
  // Set
  {
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::SetPrototype]);
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Set", set_ctor, 0, proto));
    define_species(vm, ctor);
    vm.define_native(proto, "has", set_has, 1);
    vm.define_native(proto, "add", set_add, 1);
    vm.define_native(proto, "delete", set_delete, 1);
    vm.define_native(proto, "clear", set_clear, 0);
    vm.define_native(proto, "entries", set_entries, 0);
    vm.define_native(proto, "forEach", set_for_each, 1);
    define_getter(vm, proto, "size", set_size);
    vm.define_native(proto, "values", set_values, 0);
    gc::Rooted<String> keys(vm.heap(), vm.intern("keys"));
    alias(vm, proto, keys, "values");
    alias(vm, proto, iterator_sym, "values");
    define_tag(vm, proto, "Set");
    install_set_methods(vm, proto);
    define_global(vm, "Set", object_value(ctor));
    gc::Rooted<Object> iter_proto(vm.heap(), in[IntrinsicObject::SetIteratorPrototype]);
    vm.define_native(iter_proto, "next", set_iterator_next, 0);
    define_tag(vm, iter_proto, "Set Iterator");
  }
  // WeakMap
  {
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::WeakMapPrototype]);
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "WeakMap", weakmap_ctor, 0, proto));
    vm.define_native(proto, "delete", weakmap_delete, 1);
    vm.define_native(proto, "get", weakmap_get, 1);
    vm.define_native(proto, "set", weakmap_set, 2);
    vm.define_native(proto, "has", weakmap_has, 1);
    define_tag(vm, proto, "WeakMap");
    define_global(vm, "WeakMap", object_value(ctor));
  }
  // WeakSet
  {
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::WeakSetPrototype]);
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "WeakSet", weakset_ctor, 0, proto));
    vm.define_native(proto, "delete", weakset_delete, 1);
    vm.define_native(proto, "has", weakset_has, 1);
    vm.define_native(proto, "add", weakset_add, 1);
    define_tag(vm, proto, "WeakSet");
    define_global(vm, "WeakSet", object_value(ctor));
  }
  // WeakRef
  {
    gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::WeakRefPrototype]);
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "WeakRef", weakref_ctor, 1, proto));
    vm.define_native(proto, "deref", weakref_deref, 0);
    define_tag(vm, proto, "WeakRef");
    define_global(vm, "WeakRef", object_value(ctor));
  }
  // FinalizationRegistry (no intrinsic slot for its prototype: the constructor holds it)
  {
    gc::Rooted<Object> proto(vm.heap(), vm.new_object());
    gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "FinalizationRegistry", finreg_ctor, 1, proto));
    vm.define_native(proto, "register", finreg_register, 2);
    vm.define_native(proto, "unregister", finreg_unregister, 1);
    define_tag(vm, proto, "FinalizationRegistry");
    ctor->native_data = object_value(proto);
    define_global(vm, "FinalizationRegistry", object_value(ctor));
  }
}

// ============================================================================
// The Set operations other built-ins use (collections.h)
// ============================================================================

bool is_set_object(Value v) { return v.is_object() && as_object(v)->object_class() == ObjectClass::Set; }

Object* set_create(Vm& vm, Object* from) {
  gc::Rooted<Object> source(vm.heap(), from);
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::SetPrototype]);
  auto* set = vm.heap().allocate<CollectionObject>(shape, ObjectClass::Set);
  if (source)
    for (const TableEntry& e : static_cast<CollectionObject*>(source.get())->entries)
      if (!e.key.is_empty()) set->put(e.key, Value::undefined());
  return set;
}

uint32_t set_size(Object* set) { return static_cast<CollectionObject*>(set)->live; }
bool set_has(Object* set, Value key) { return static_cast<CollectionObject*>(set)->find(normalize_key(key)) >= 0; }
void set_add(Vm&, Object* set, Value key) { static_cast<CollectionObject*>(set)->put(normalize_key(key), Value::undefined()); }
void set_remove(Object* set, Value key) { static_cast<CollectionObject*>(set)->remove(normalize_key(key)); }

SetCursor::SetCursor(Object* set) : set_(set) { static_cast<CollectionObject*>(set_)->add_cursor(nullptr, &pos_); }
SetCursor::~SetCursor() { static_cast<CollectionObject*>(set_)->remove_cursor(&pos_); }
std::optional<Value> SetCursor::next() {
  auto* table = static_cast<CollectionObject*>(set_);
  while (pos_ < table->entries.size()) {
    Value key = table->entries[pos_++].key;
    if (!key.is_empty()) return key;
  }
  return std::nullopt;
}

// What an inspector sees without running JavaScript (natives' util.inspect
// and a debugger): the entries of a Map/Set/WeakMap/WeakSet, or what a
// Map/Set iterator has left (not consumed). Keys and values alternate in
// `out` when `key_value` comes back true.
bool collection_preview(Object* o, std::vector<Value>& out, bool& key_value) {
  key_value = false;
  switch (o->object_class()) {
    case ObjectClass::Map:
    case ObjectClass::Set: {
      auto* t = static_cast<CollectionObject*>(o);
      key_value = o->object_class() == ObjectClass::Map;
      for (const TableEntry& e : t->entries) {
        if (e.key.is_empty()) continue;
        out.push_back(e.key);
        if (key_value) out.push_back(e.value);
      }
      return true;
    }
    case ObjectClass::WeakMap:
      key_value = true;
      for (auto& [k, v] : static_cast<WeakMapObject*>(o)->table) {
        out.push_back(cell_value(k));
        out.push_back(v);
      }
      return true;
    case ObjectClass::WeakSet:
      for (gc::Cell* k : static_cast<WeakSetObject*>(o)->table) out.push_back(cell_value(k));
      return true;
    case ObjectClass::Iterator: {
      if (o->cell_name() != CollectionIterator::kName) return false;
      auto* it = static_cast<CollectionIterator*>(o);
      CollectionObject* t = it->target;
      if (!t) return true;
      bool is_map = t->object_class() == ObjectClass::Map;
      key_value = it->kind == IterKind::Entries;
      for (size_t i = it->pos; i < t->entries.size(); ++i) {
        const TableEntry& e = t->entries[i];
        if (e.key.is_empty()) continue;
        if (key_value) {
          out.push_back(e.key);
          out.push_back(is_map ? e.value : e.key);
        } else {
          out.push_back(it->kind == IterKind::Values && is_map ? e.value : e.key);
        }
      }
      return true;
    }
    default: return false;
  }
}

// "Map Iterator", "Set Iterator", or null for any other object.
const char* collection_iterator_kind(Object* o) {
  if (o->object_class() != ObjectClass::Iterator || o->cell_name() != CollectionIterator::kName) return nullptr;
  CollectionObject* t = static_cast<CollectionIterator*>(o)->target;
  if (!t) return "Iterator";  // exhausted: the table is gone
  return t->object_class() == ObjectClass::Map ? "Map Iterator" : "Set Iterator";
}

}  // namespace glass
