// Cell: the one thing the GC heap holds. Every heap-allocated JavaScript
// value (object, string, closure, environment, ...) will be a subclass.
//
// ---------------------------------------------------------------------------
// THE COLLECTOR'S INVARIANT
//
// Glass's heap is precise, non-moving, stop-the-world mark-sweep, and runs
// on one thread (the JS thread); nothing in gc/ is thread-safe.
//
// Between collections every mark bit is clear, and every cell is either
// allocated (its slot's bit is set in its block, or it is in the large-cell
// list) or its memory is on a free list. A cell never moves, so a Cell* stays
// the same for the cell's whole life.
//
// During marking a cell is
//   white  — not marked: not (yet) known to be reachable;
//   gray   — marked and on the gray stack: its own fields not yet visited;
//   black  — marked and traced: every cell its trace() visits is marked.
// The mutator does not run while marking, so no black cell can come to point
// at a white one. Marking starts by marking what the roots name, traces gray
// cells until the gray stack is empty, then has each ephemeron table list its
// entries once: a value whose key is marked is visited, the others wait in a
// table keyed by key until their key is marked. At that point every cell reachable from a root —
// by strong edges, or through an ephemeron whose key is reachable — is black,
// and every white cell is garbage: sweep destroys it and clears the rest back
// to white.
//
// What that asks of the code around the heap:
//  1. A cell is alive only if, when a collection starts, it is reachable from
//     a root. A collection can start at any allocation, so a Cell* held only
//     in a C++ local is a dangling pointer after anything that may allocate,
//     unless it is rooted (Rooted<T>, Persistent<T>, a RootSection). Functions
//     that may allocate take the Heap (or the VM) as a parameter: that is how
//     you see it.
//  2. trace() visits every strong Cell* field, each time it is called, and
//     does nothing else: it does not allocate, mutate, or run JavaScript.
//  3. A destructor runs during sweep (or at heap teardown) in no particular
//     order: it may free the cell's own C++ memory (std::vector, ...) but must
//     never dereference another cell — that cell may already be gone.
//  4. A constructor gets everything it points at as arguments and never
//     allocates in the heap (checked).
// ---------------------------------------------------------------------------
#pragma once
#include <cstddef>
#include <cstdint>
#include <new>

namespace glass::gc {

class Heap;
class Tracer;

class Cell {
 public:
  Cell(const Cell&) = delete;
  Cell& operator=(const Cell&) = delete;
  virtual ~Cell() = default;

  // Visit every strong Cell* field: a plain list of tracer.visit(field)
  // calls. Weak fields go to tracer.visit_weak(); a table with ephemerons
  // calls tracer.defer_ephemerons(this).
  virtual void trace(Tracer& tracer) {}

  // Ephemeron tables only (after defer_ephemerons(this)): call
  // tracer.visit_ephemeron(key, value) for every entry. Called once per
  // cycle, after the strong marking; the tracer decides which values to
  // visit now and which wait for their keys.
  virtual void trace_ephemerons(Tracer& tracer) {}

  // Cells that deferred ephemerons: called once marking is complete, before
  // anything is freed. Drop the entries whose key is not heap.is_marked().
  // Must not allocate or dereference an unmarked cell (only compare it).
  virtual void sweep_weak(const Heap& heap) {}

  // A short name for the kind of cell ("Object", "String", "Closure"): for
  // --trace-gc, heap dumps and Heap::find_path_to.
  virtual const char* cell_name() const = 0;

  // One byte the engine may use for its own kind (e.g. a ValueKind), so it
  // can test a cell's type without a virtual call, and one byte of flags.
  uint8_t tag() const { return tag_; }
  uint8_t user_flags() const { return user_flags_; }
  void set_user_flags(uint8_t flags) { user_flags_ = flags; }

  bool is_large() const { return size_class_ == kLargeClassIndex; }

  // Cells are created only by Heap::allocate (placement new into a slot),
  // never with plain new.
  static void* operator new(size_t, void* where) noexcept { return where; }
  static void* operator new(size_t) = delete;

 protected:
  explicit Cell(uint8_t tag = 0) : tag_(tag) {}
  // Only so the virtual destructor links; `delete cell` does not compile.
  static void operator delete(void*) {}

 private:
  friend class Heap;
  friend class Tracer;
  static constexpr uint8_t kMarked = 1;           // any other value of mark_ is "not marked"
  static constexpr uint8_t kPendingKey = 2;       // not marked, but a key in the pending-ephemeron table
  static constexpr uint8_t kLargeClassIndex = 0xff;  // == kLargeClass (size_classes.h)

  // The header. With the vtable pointer it is 16 bytes: the smallest size class.
  uint8_t mark_ = 0;        // kMarked while marked in a cycle (kPendingKey: see Tracer)
  uint8_t size_class_ = 0;  // index into kSizeClasses, or kLargeClassIndex; set by Heap::allocate
  uint8_t tag_;             // the engine's
  uint8_t user_flags_ = 0;  // the engine's
};

}  // namespace glass::gc
