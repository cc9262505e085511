// Heap: allocation, roots, and the collector. One per JS runtime, used from
// one thread only (the JS thread).
//
//   gc::Heap heap({.stress = true, .trace = stderr});
//   gc::Rooted<Pair> pair(heap, heap.allocate<Pair>(nullptr, nullptr));
//
// Read cell.h first (the invariant), then this file, then heap.cpp, whose
// collect_now() is the cycle as a list of phases. gc/README.md explains the
// rooting rule, the policy and the --trace-gc line.
#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

#include "gc/block.h"
#include "gc/block_pool.h"
#include "gc/cell.h"
#include "gc/malloc_meter.h"
#include "gc/roots.h"
#include "gc/size_classes.h"
#include "gc/tracer.h"

namespace glass::gc {

struct HeapOptions {
  // --gc-stress: collect before every allocation, verify after every cycle,
  // fill freed cells. Catches a missing root at the allocation after the
  // mistake instead of a million allocations later.
  bool stress = false;
  // --gc-stress=N ("stress-light", for long soak runs): under stress, collect
  // at every Nth allocation instead of every one.
  uint32_t stress_every = 1;
  // Check the heap during every cycle (every child of a marked cell is a
  // marked, allocated cell; free lists are intact) and abort with a report
  // if it is not. Implied by stress.
  bool verify = false;
  // Fill freed small cells with kFreedByte (poison.h). ASan builds also
  // poison them for ASan, always. Implied by stress.
#ifdef NDEBUG
  bool poison = false;
#else
  bool poison = true;
#endif
  // --trace-gc: one line per cycle to this stream (format in gc/README.md).
  FILE* trace = nullptr;
  // A collection starts when the bytes allocated since the last one exceed
  // max(min_threshold, growth_factor * live bytes the last one left).
  size_t min_threshold = size_t(1) << 20;
  double growth_factor = 1.0;
  // Freed small cells wait in a quarantine of this many slots before they
  // can be reused, so a dangling pointer keeps pointing at poisoned memory
  // instead of at the next cell allocated. Stress sets it to 4096 if 0.
  size_t quarantine = 0;
  // --max-heap-size: the most memory the heap may hold after a collection,
  // counting its cells, the memory cells own outside it (external bytes)
  // and what the program has from operator new (malloc_meter.h). Past it,
  // gc::out_of_memory("Reached heap limit"). 0: no limit.
  size_t max_bytes = 0;
  // Empty blocks kept for reuse instead of being returned to the system: at
  // least this many, and up to what the current threshold lets the next
  // cycle allocate.
  size_t cached_empty_blocks = 16;
};

enum class CollectReason : uint8_t { Threshold, Stress, Forced, Teardown, Debugger };
const char* reason_name(CollectReason reason);

// What one cycle did (also what its --trace-gc line says).
struct CycleStats {
  uint64_t number = 0;  // 1 for the first cycle
  CollectReason reason = CollectReason::Forced;
  size_t bytes_before = 0, bytes_after = 0;  // live (allocated) cell bytes
  size_t cells_marked = 0, cells_freed = 0;
  // Phase 2's work: entries listed by trace_ephemerons() plus pending
  // entries released by their keys, and the tables listed. Linear in the
  // entries, whatever their shape (tests check it).
  size_t ephemeron_entries_visited = 0, ephemeron_tables_scanned = 0;
  double pause_ms = 0;
};

struct HeapStats {
  uint64_t cycles = 0;
  size_t live_bytes = 0;          // bytes of allocated cells (slot sizes) right now
  size_t live_cells = 0;
  size_t bytes_since_collect = 0; // what the threshold is compared with
  size_t external_bytes = 0;      // memory cells own outside the heap (note_external_allocation)
  size_t threshold = 0;           // the next collection starts past this
  size_t blocks = 0, large_cells = 0;
  uint64_t total_allocated_cells = 0;
  CycleStats last;
};

// "Why is this cell alive?": the root that reaches it, then each cell from
// the one the root holds down to the target.
struct RetainingPath {
  std::string root;               // "vm frames", "rooted handles", "persistent handles (timer 3)"
  std::vector<const Cell*> cells; // cells.front() is held by the root; cells.back() is the target
  std::string to_string() const;  // "realm -> Object -> Array -> Closure"
};

class Heap {
 public:
  explicit Heap(HeapOptions options = {});
  ~Heap();  // destroys every remaining cell (no tracing), in no particular order
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  // Make a T (a Cell subclass whose first base is Cell) in the heap. MAY
  // COLLECT before allocating: every cell the caller still needs, including
  // any passed in `args`, must be rooted. T's constructor must not allocate.
  template <class T, class... A>
  T* allocate(A&&... args) {
    return allocate_with_trailing<T>(0, std::forward<A>(args)...);
  }
  // The same, with `trailing_bytes` more after the T (a string's characters,
  // an array's elements): T's last member is typically `Elem items[]`-like
  // storage it reaches by pointer arithmetic from `this + 1`.
  template <class T, class... A>
  T* allocate_with_trailing(size_t trailing_bytes, A&&... args);

  // A full collection now (reason=forced).
  void collect() { collect_now(CollectReason::Forced); }

  // A full collection a debugger drives, phase by phase: between() is
  // called after each of its phases, with the cells marked so far left
  // marked (is_marked() tells), so that a view can show them. Nothing may
  // allocate in the heap inside between() (the collection is in progress).
  enum class CollectionPhase : uint8_t { RootsMarked, Marked, WeakProcessed, Swept };
  void collect_in_steps(const std::function<void(CollectionPhase)>& between) {
    collect_now(CollectReason::Debugger, &between);
  }

  // Told of every collection as it starts and as it ends (a debugger's
  // "break on GC" and its history); null to stop.
  void set_collection_observer(std::function<void(bool starting, const CycleStats& cycle)> observer) {
    observer_ = std::move(observer);
  }
  // Asked when a collection is due (threshold or stress): true holds it back
  // (a debugger will run it itself). Null: always collect.
  void set_collection_deferrer(std::function<bool(CollectReason)> deferrer) { deferrer_ = std::move(deferrer); }
  // Inside collect_in_steps' between(): how many cells are marked so far.
  size_t marked_so_far() const;
  // The last collections, oldest first (at most kHistory).
  static constexpr size_t kHistory = 32;
  const std::deque<CycleStats>& history() const { return history_; }

  // A cell's size in bytes (its slot's, or a large cell's own).
  size_t size_of(const Cell* cell) const;
  // The cells `cell` points to (what its trace() visits), marking nothing:
  // the edges of a heap graph. Not during a collection, except between the
  // phases of collect_in_steps.
  void edges_of(const Cell* cell, std::vector<const Cell*>& out);
  // Is this a cell the heap allocated and has not freed?
  bool owns(const Cell* cell) const { return is_allocated_cell(cell); }

  // Memory a cell owns outside the heap (an ArrayBuffer's bytes): counted
  // with the allocation that the next collection waits for, and with the
  // live bytes that set the threshold, so a loop that makes big buffers and
  // drops them collects them in time. The cell's destructor reports the free.
  void note_external_allocation(size_t bytes) {
    stats_.external_bytes += bytes;
    stats_.bytes_since_collect += bytes;
  }
  void note_external_free(size_t bytes) { stats_.external_bytes -= std::min(bytes, stats_.external_bytes); }

  // What counts against HeapOptions::max_bytes: cells, external bytes and
  // the operator-new meter.
  size_t used_bytes() const;
  // Before memory that a program can do without (an ArrayBuffer's bytes):
  // true when `bytes` more fit under the limit, collecting first if they do
  // not yet. MAY COLLECT. False means: throw a RangeError, do not allocate.
  bool make_room(size_t bytes);

  void add_root_section(RootSection& section);
  void remove_root_section(RootSection& section);

  // hook(heap) runs in every cycle after marking, before anything is freed
  // (see weak.h). Returns an id for remove_after_mark().
  using AfterMarkHook = std::function<void(const Heap&)>;
  size_t on_after_mark(AfterMarkHook hook);
  void remove_after_mark(size_t id);

  // During weak processing (sweep_weak, after-mark hooks): did marking reach
  // this cell? A cell that is not marked will be freed by this cycle.
  bool is_marked(const Cell* cell) const { return cell->mark_ == Cell::kMarked; }

  // Debug: a shortest path from a root to `target` (an allocated cell),
  // found by a breadth-first marking pass that records who reached each cell
  // first; nullopt if no root reaches it (the next cycle will free it).
  // Slow; not during a collection. See retaining_path.cpp.
  // Sections in `ignore` are left out (a debugger's own handles would
  // otherwise be the shortest path to whatever it looks at).
  std::optional<RetainingPath> find_path_to(const Cell* target, std::span<const RootSection* const> ignore = {});

  // f(Cell&) for every allocated cell (heap dumps, the live view).
  template <class F>
  void for_each_cell(F&& f);

  const HeapOptions& options() const { return options_; }
  const HeapStats& stats() const { return stats_; }

  // The handle lists (handles.h).
  detail::HandleList& rooted_handles() { return rooted_; }
  detail::HandleList& persistent_handles() { return persistent_; }

 private:
  friend class Tracer;
  friend class NoAllocScope;
  struct LargeCell {
    Cell* cell;
    size_t size;
  };
  struct SizeClass {
    std::vector<Block*> blocks;     // all blocks of this class
    std::vector<Block*> available;  // blocks that had a free slot at the last sweep (top = in use)
  };

  void* allocate_memory(size_t size);
  void* try_allocate_small_fast(size_t size);
  void* allocate_small(unsigned size_class);
  void* allocate_large(size_t size);
  void finish_allocation(Cell* cell, void* memory, size_t size);
  size_t finish_large_allocation(Cell* cell, size_t size);  // returns the bytes it counts
  [[noreturn]] void not_first_base(Cell* cell) const;
  void abandon_allocation(void* memory, size_t size);
  [[noreturn]] void forbidden_allocation() const;

  void collect_now(CollectReason reason, const std::function<void(CollectionPhase)>* between = nullptr);
  void mark_roots(Tracer& tracer);
  void mark_ephemerons(Tracer& tracer);
  void process_weak(Tracer& tracer);
  size_t sweep();
  void release_block(Block* block);
  void verify_marking();
  void verify_free_lists();
  bool is_allocated_cell(const Cell* cell) const;
  [[noreturn]] void verify_failed(const std::vector<std::string>& problems, const char* phase);
  void print_cycle(const CycleStats& cycle);
  void destroy_all_cells();

  HeapOptions options_;
  HeapStats stats_;
  // After a cycle (and at the start): when the next one is due, by cells
  // and by the operator-new meter, and never past --max-heap-size.
  void set_next_triggers();
  // The operator-new meter's reading past which a collection is due (see collect_now's policy).
  size_t malloc_trigger_ = SIZE_MAX;
  uint64_t stress_allocations_ = 0;  // allocations counted under stress (stress_every)
  BlockPool pool_;  // (declared before the blocks it gives: destroyed after them)
  SizeClass classes_[kSizeClassCount];
  std::vector<Block*> empty_blocks_;  // cached for reuse by any class
  std::deque<void*> quarantine_;      // retired slots, oldest first (options_.quarantine)
  std::vector<LargeCell> large_;
  std::unordered_set<const Block*> block_set_;  // every block in classes_ (for is_allocated_cell)
  std::unordered_set<const Cell*> large_set_;   // every large cell, kept only when verifying
  std::vector<RootSection*> sections_;
  std::vector<std::pair<size_t, AfterMarkHook>> after_mark_;
  std::function<void(bool, const CycleStats&)> observer_;
  std::function<bool(CollectReason)> deferrer_;
  bool between_phases_ = false;
  std::span<const RootSection* const> ignored_sections_;  // find_path_to's  // inside collect_in_steps' between()
  std::deque<CycleStats> history_;
  size_t next_hook_id_ = 1;
  detail::HandleList rooted_;
  detail::HandleList persistent_;
  Tracer marker_;

  // Allocation is forbidden while any of these is set (see forbidden_allocation()).
  bool collecting_ = false;
  bool constructing_ = false;
  unsigned no_alloc_depth_ = 0;
};

// Debug aid for code that holds raw Cell* and believes it does not allocate:
// while one of these exists, any allocation aborts with a message.
class NoAllocScope {
 public:
  explicit NoAllocScope(Heap& heap) : heap_(heap) { ++heap_.no_alloc_depth_; }
  ~NoAllocScope() { --heap_.no_alloc_depth_; }
  NoAllocScope(const NoAllocScope&) = delete;
  NoAllocScope& operator=(const NoAllocScope&) = delete;

 private:
  Heap& heap_;
};

template <class T, class... A>
T* Heap::allocate_with_trailing(size_t trailing_bytes, A&&... args) {
  static_assert(std::is_base_of_v<Cell, T>, "only cells live in the GC heap");
  static_assert(alignof(T) <= kCellAlignment, "cells are 16-byte aligned");
  if (collecting_ || constructing_ || no_alloc_depth_) forbidden_allocation();
  const size_t size = sizeof(T) + trailing_bytes;
  void* memory = size <= kMaxSmallSize ? try_allocate_small_fast(size) : nullptr;  // inline, no collection
  if (!memory) memory = allocate_memory(size);  // may collect
  T* cell;
  constructing_ = true;
  try {
    cell = new (memory) T(std::forward<A>(args)...);
  } catch (...) {
    constructing_ = false;
    abandon_allocation(memory, size);
    throw;
  }
  constructing_ = false;
  finish_allocation(cell, memory, size);
  return cell;
}

// The common case, inline: a small cell, no collection due, and a slot free
// in the block at the top of its class's available list. Null otherwise
// (allocate_memory then does the rest: the policy, new blocks).
inline void* Heap::try_allocate_small_fast(size_t size) {
  const unsigned size_class = size_class_for(size);
  if (options_.stress || stats_.bytes_since_collect + kSizeClasses[size_class] > stats_.threshold ||
      malloc_meter::bytes() > malloc_trigger_)
    return nullptr;
  SizeClass& sc = classes_[size_class];
  return sc.available.empty() ? nullptr : sc.available.back()->allocate_slot();
}

inline void Heap::finish_allocation(Cell* cell, void* memory, size_t size) {
  if (static_cast<void*>(cell) != memory) [[unlikely]]
    not_first_base(cell);
  size_t rounded;
  if (size <= kMaxSmallSize) [[likely]] {
    cell->size_class_ = static_cast<uint8_t>(size_class_for(size));
    rounded = kSizeClasses[cell->size_class_];
  } else {
    rounded = finish_large_allocation(cell, size);
  }
  stats_.live_bytes += rounded;
  stats_.bytes_since_collect += rounded;
  ++stats_.live_cells;
  ++stats_.total_allocated_cells;
}

template <class F>
void Heap::for_each_cell(F&& f) {
  for (SizeClass& sc : classes_)
    for (Block* block : sc.blocks) block->for_each_allocated([&](void* slot) { f(*static_cast<Cell*>(slot)); });
  for (LargeCell& large : large_) f(*large.cell);
}

}  // namespace glass::gc
