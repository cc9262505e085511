// Weak references, generic: the engine builds WeakRef, WeakMap, WeakSet and
// FinalizationRegistry from three mechanisms.
//
//  1. Weak slots (WeakRef): a Weak<T> field, visited with
//     tracer.visit_weak(field). After marking, if its target was not marked,
//     the field becomes null.
//  2. Ephemerons (WeakMap, WeakSet): an entry's value is reachable only if
//     its key is. The table's trace() visits its strong fields and calls
//     tracer.defer_ephemerons(this); once the gray stack is empty the heap
//     calls trace_ephemerons(tracer) once on every deferred table, which
//     calls tracer.visit_ephemeron(key, value) for each entry. The tracer
//     visits the values of marked keys and keeps the others in a pending
//     table keyed by key, releasing them when the key is marked (a key may
//     become reachable only through another entry's value). Then
//     sweep_weak(heap) lets each table drop the entries whose key
//     !heap.is_marked().
//  3. After-mark hooks (FinalizationRegistry): Heap::on_after_mark(hook)
//     runs hook(heap) when marking is complete and before anything is freed;
//     the hook asks heap.is_marked(target) and queues cleanup work. It must
//     not allocate or run JavaScript: the engine decides when to run the
//     cleanup callbacks.
//
// Order within a cycle: mark roots, trace, ephemerons; then clear
// weak slots, sweep_weak() each table, run after-mark hooks; then sweep.
#pragma once
#include "gc/cell.h"
#include "gc/tracer.h"

namespace glass::gc {

// A Cell* that does not keep its target alive. Visit it from trace() with
// tracer.visit_weak(field); read it with get(), which is null once the
// target has been collected.
template <class T>
class Weak {
 public:
  Weak() = default;
  explicit Weak(T* target) : cell_(target) {}
  T* get() const { return static_cast<T*>(cell_); }
  void set(T* target) { cell_ = target; }
  explicit operator bool() const { return cell_ != nullptr; }

 private:
  friend class Tracer;
  Cell* cell_ = nullptr;
};

template <class T>
void Tracer::visit_weak(Weak<T>& weak) {
  visit_weak(&weak.cell_);
}

}  // namespace glass::gc
