#include "gc/heap.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <new>

#include "gc/allocation_failed.h"
#include "gc/poison.h"

namespace glass::gc {

static_assert(BlockPool::kBlockSize == Block::kSize, "the pool hands out blocks");

const char* reason_name(CollectReason reason) {
  switch (reason) {
    case CollectReason::Threshold: return "threshold";
    case CollectReason::Stress: return "stress";
    case CollectReason::Forced: return "forced";
    case CollectReason::Teardown: return "teardown";
    case CollectReason::Debugger: return "debugger";
  }
  return "?";
}

namespace {
OutOfMemoryHandler installed_out_of_memory_handler = nullptr;
}  // namespace

void set_out_of_memory_handler(OutOfMemoryHandler handler) { installed_out_of_memory_handler = handler; }
OutOfMemoryHandler out_of_memory_handler() { return installed_out_of_memory_handler; }

Heap::Heap(HeapOptions options) : options_(options), marker_(*this, Tracer::Mode::Mark) {
  if (options_.stress) {
    if (options_.stress_every == 0) options_.stress_every = 1;
    options_.verify = options_.poison = true;
    if (options_.quarantine == 0) options_.quarantine = 4096;
  }
  stats_.threshold = options_.min_threshold;
  set_next_triggers();
}

Heap::~Heap() {
  if (!rooted_.empty()) {
    std::fprintf(stderr, "gc: the heap was destroyed while %zu Rooted handle(s) still exist\n", rooted_.size());
    std::abort();
  }
  persistent_.for_each([](detail::HandleNode& node) {  // they become empty
    node.unlink();
    node.cell = nullptr;
  });
  auto start = std::chrono::steady_clock::now();
  CycleStats cycle;
  cycle.number = ++stats_.cycles;
  cycle.reason = CollectReason::Teardown;
  cycle.bytes_before = stats_.live_bytes;
  cycle.cells_freed = stats_.live_cells;
  collecting_ = true;
  destroy_all_cells();
  cycle.pause_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  print_cycle(cycle);
}

// --- Allocation --------------------------------------------------------------

void* Heap::allocate_memory(size_t size) {
  size_t rounded = size <= kMaxSmallSize ? kSizeClasses[size_class_for(size)] : size;
  const bool stress_due = options_.stress && ++stress_allocations_ % options_.stress_every == 0;
  if (stress_due || stats_.bytes_since_collect + rounded > stats_.threshold ||
      malloc_meter::bytes() > malloc_trigger_) {
    CollectReason reason = stress_due ? CollectReason::Stress : CollectReason::Threshold;
    // A debugger may take the collection over (it runs it itself, later).
    if (!deferrer_ || !deferrer_(reason)) collect_now(reason);
  }
  return size <= kMaxSmallSize ? allocate_small(size_class_for(size)) : allocate_large(size);
}

void* Heap::allocate_small(unsigned size_class) {
  SizeClass& sc = classes_[size_class];
  while (!sc.available.empty()) {
    if (void* slot = sc.available.back()->allocate_slot()) return slot;
    sc.available.pop_back();  // full
  }
  Block* block;
  if (!empty_blocks_.empty()) {
    block = empty_blocks_.back();
    empty_blocks_.pop_back();
    block->reformat(size_class);
  } else {
    block = Block::create(pool_.take(), size_class);
  }
  sc.blocks.push_back(block);
  sc.available.push_back(block);
  block_set_.insert(block);
  ++stats_.blocks;
  return block->allocate_slot();
}

void* Heap::allocate_large(size_t size) {
  void* memory = ::operator new(size, std::align_val_t{kCellAlignment});
  large_.push_back({static_cast<Cell*>(memory), size});
  return memory;
}

void Heap::not_first_base(Cell* cell) const {
  std::fprintf(stderr, "gc: %s: Cell must be the first base class of a cell type\n", cell->cell_name());
  std::abort();
}

size_t Heap::finish_large_allocation(Cell* cell, size_t size) {
  cell->size_class_ = Cell::kLargeClassIndex;
  ++stats_.large_cells;
  if (options_.verify) large_set_.insert(cell);
  return size;
}

void Heap::abandon_allocation(void* memory, size_t size) {  // the constructor threw
  if (size <= kMaxSmallSize) {
    Block::of(memory)->free_slot(memory, options_.poison);
  } else {
    large_.pop_back();
    ::operator delete(memory, std::align_val_t{kCellAlignment});
  }
}

void Heap::forbidden_allocation() const {
  const char* why = collecting_      ? "during a collection (trace, sweep_weak, an after-mark hook or a destructor)"
                    : constructing_ ? "inside a cell's constructor (pass the cells it needs as arguments)"
                                    : "inside a NoAllocScope";
  std::fprintf(stderr, "gc: allocation %s\n", why);
  std::abort();
}

// --- The cycle -----------------------------------------------------------------

void Heap::collect_now(CollectReason reason, const std::function<void(CollectionPhase)>* between) {
  if (collecting_) forbidden_allocation();
  auto start = std::chrono::steady_clock::now();
  CycleStats cycle;
  cycle.number = ++stats_.cycles;
  cycle.reason = reason;
  cycle.bytes_before = stats_.live_bytes;
  if (observer_) observer_(true, cycle);
  collecting_ = true;
  Tracer& tracer = marker_;
  tracer.clear_cycle_state();
  // (A debugger stepping through the cycle sees it between the phases.)
  auto step = [&](CollectionPhase phase) {
    if (!between) return;
    between_phases_ = true;
    (*between)(phase);
    between_phases_ = false;
  };

  // 1. Mark: everything the roots name, then everything reachable from it.
  mark_roots(tracer);
  step(CollectionPhase::RootsMarked);
  tracer.trace_gray_cells();
  // 2. Ephemerons: values whose keys are reachable (each entry looked at once).
  mark_ephemerons(tracer);
  if (options_.verify) verify_marking();
  cycle.cells_marked = tracer.marked_;
  cycle.ephemeron_entries_visited = tracer.ephemeron_entries_visited();
  cycle.ephemeron_tables_scanned = tracer.ephemeron_tables_scanned();
  step(CollectionPhase::Marked);
  // 3. Weak processing: marking is final; nothing has been freed yet.
  process_weak(tracer);
  step(CollectionPhase::WeakProcessed);
  // 4. Sweep: destroy white cells, whiten black ones.
  cycle.cells_freed = sweep();
  step(CollectionPhase::Swept);
  if (options_.verify) verify_free_lists();
  tracer.clear_cycle_state();
  collecting_ = false;

  // 5. Policy: the next cycle starts after as many new bytes as survived
  //    this one (times growth_factor), but never sooner than min_threshold.
  //    Memory cells own outside the heap counts as surviving bytes too.
  cycle.bytes_after = stats_.live_bytes;
  stats_.bytes_since_collect = 0;
  stats_.threshold = std::max(options_.min_threshold,
                              static_cast<size_t>(options_.growth_factor *
                                                  static_cast<double>(stats_.live_bytes + stats_.external_bytes)));
  //    Under --max-heap-size, a heap past the limit even now that garbage
  //    is gone is out of memory (after the cycle is recorded, below).
  const bool over_limit = options_.max_bytes && used_bytes() > options_.max_bytes;
  if (!over_limit) set_next_triggers();
  cycle.pause_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  stats_.last = cycle;
  print_cycle(cycle);
  history_.push_back(cycle);
  if (history_.size() > kHistory) history_.pop_front();
  if (observer_) observer_(false, cycle);
  if (over_limit) out_of_memory("Reached heap limit");
}

// What the program has from operator new (an array's elements live there)
// is due again once it has doubled, so that a loop making big arrays and
// dropping them has them collected in time. Under --max-heap-size the next
// cycle, by either measure, comes before the limit.
void Heap::set_next_triggers() {
  const size_t meter = malloc_meter::bytes();
  malloc_trigger_ = meter + std::max(options_.min_threshold, meter);
  const size_t used = stats_.live_bytes + stats_.external_bytes + meter;
  if (options_.max_bytes && used <= options_.max_bytes) {
    size_t room = std::max(options_.max_bytes - used, options_.min_threshold);
    stats_.threshold = std::min(stats_.threshold, room);
    malloc_trigger_ = std::min(malloc_trigger_, meter + room);
  }
}

size_t Heap::used_bytes() const { return stats_.live_bytes + stats_.external_bytes + malloc_meter::bytes(); }

bool Heap::make_room(size_t bytes) {
  if (!options_.max_bytes) return true;
  auto fits = [&] { return bytes <= options_.max_bytes && used_bytes() <= options_.max_bytes - bytes; };
  if (fits()) return true;
  collect_now(CollectReason::Threshold);
  return fits();
}

size_t Heap::marked_so_far() const { return marker_.marked_; }

size_t Heap::size_of(const Cell* cell) const {
  if (!cell->is_large()) return kSizeClasses[cell->size_class_];
  for (const LargeCell& l : large_)
    if (l.cell == cell) return l.size;
  return 0;
}

void Heap::edges_of(const Cell* cell, std::vector<const Cell*>& out) {
  // (Between the phases of a stepped collection the cells are all still
  // there: an edge walk, which marks nothing, is safe.)
  if ((collecting_ && !between_phases_) || !cell) return;
  Tracer tracer(*this, Tracer::Mode::Edges);
  tracer.edges_ = &out;
  tracer.current_ = cell;
  const_cast<Cell*>(cell)->trace(tracer);
}

void Heap::mark_roots(Tracer& tracer) {
  tracer.current_ = nullptr;
  for (RootSection* section : sections_) {
    if (std::find(ignored_sections_.begin(), ignored_sections_.end(), section) != ignored_sections_.end()) continue;
    tracer.root_name_ = section->root_name();
    tracer.root_label_ = nullptr;
    section->trace_roots(tracer);
  }
  tracer.root_name_ = "rooted handles";
  rooted_.for_each([&](detail::HandleNode& node) { tracer.visit(node.cell); });
  tracer.root_name_ = "persistent handles";
  persistent_.for_each([&](detail::HandleNode& node) {
    tracer.root_label_ = node.label;
    tracer.visit(node.cell);
  });
  tracer.root_name_ = tracer.root_label_ = nullptr;
}

// Each deferred table lists its entries once (the list grows while values
// are traced: a table may be reachable only as another table's value). A
// value whose key is marked is visited at once; the others wait in the
// tracer's pending table, keyed by key, and are visited when (if) their key
// is marked. So every entry costs O(1) however keys chain through values
// and tables, where iterating all tables to a fixpoint cost O(entries ×
// chain length). What still waits at the end belongs to dead keys.
void Heap::mark_ephemerons(Tracer& tracer) {
  for (size_t i = 0; i < tracer.ephemeron_tables_.size() && !tracer.found_target(); ++i) {
    Cell* table = tracer.ephemeron_tables_[i];
    tracer.current_ = table;
    ++tracer.ephemeron_scans_;
    table->trace_ephemerons(tracer);
    tracer.trace_gray_cells();
  }
  tracer.drop_pending_ephemerons();
  tracer.current_ = nullptr;
}

void Heap::process_weak(Tracer& tracer) {
  for (Cell** slot : tracer.weak_slots_)
    if (*slot && !is_marked(*slot)) *slot = nullptr;
  for (Cell* table : tracer.ephemeron_tables_) table->sweep_weak(*this);
  for (auto& entry : after_mark_) entry.second(*this);
}

size_t Heap::sweep() {
  size_t freed = 0;
  for (SizeClass& sc : classes_) {
    for (Block* block : sc.blocks) {
      block->for_each_allocated([&](void* slot) {
        Cell* cell = static_cast<Cell*>(slot);
        if (cell->mark_ == Cell::kMarked) {
          cell->mark_ = 0;
          return;
        }
        cell->~Cell();
        if (options_.quarantine) {
          block->retire_slot(slot, options_.poison);
          quarantine_.push_back(slot);
        } else {
          block->free_slot(slot, options_.poison);
        }
        stats_.live_bytes -= block->cell_size();
        --stats_.live_cells;
        ++freed;
      });
    }
  }
  while (quarantine_.size() > options_.quarantine) {
    Block::of(quarantine_.front())->reuse_retired_slot(quarantine_.front());
    quarantine_.pop_front();
  }
  for (SizeClass& sc : classes_) {
    // Empty blocks go back to the cache; the rest with room become available.
    std::erase_if(sc.blocks, [&](Block* block) {
      if (!block->empty()) return false;
      release_block(block);
      return true;
    });
    sc.available.clear();
    for (auto it = sc.blocks.rbegin(); it != sc.blocks.rend(); ++it)
      if ((*it)->has_free_slot()) sc.available.push_back(*it);
  }
  std::erase_if(large_, [&](LargeCell& large) {
    if (large.cell->mark_ == Cell::kMarked) {
      large.cell->mark_ = 0;
      return false;
    }
    if (options_.verify) large_set_.erase(large.cell);
    large.cell->~Cell();
    ::operator delete(large.cell, std::align_val_t{kCellAlignment});
    stats_.live_bytes -= large.size;
    --stats_.live_cells;
    --stats_.large_cells;
    ++freed;
    return true;
  });
  return freed;
}

void Heap::release_block(Block* block) {
  block_set_.erase(block);
  --stats_.blocks;
  // Keep as many empty blocks as the next cycle will fill (the heap grows
  // back to that size anyway): giving them to the system and faulting fresh
  // pages in again costs more than the sweep that freed them.
  size_t keep = std::max(options_.cached_empty_blocks, stats_.threshold / Block::kSize);
  if (empty_blocks_.size() < keep)
    empty_blocks_.push_back(block);
  else
    pool_.give(Block::destroy(block));
}

void Heap::destroy_all_cells() {
  for (SizeClass& sc : classes_) {
    for (Block* block : sc.blocks) {
      block->for_each_allocated([](void* slot) { static_cast<Cell*>(slot)->~Cell(); });
      pool_.give(Block::destroy(block));
    }
    sc.blocks.clear();
    sc.available.clear();
  }
  for (Block* block : empty_blocks_) pool_.give(Block::destroy(block));
  empty_blocks_.clear();
  quarantine_.clear();
  block_set_.clear();
  for (LargeCell& large : large_) {
    large.cell->~Cell();
    ::operator delete(large.cell, std::align_val_t{kCellAlignment});
  }
  large_.clear();
  large_set_.clear();
  stats_.live_bytes = stats_.live_cells = stats_.blocks = stats_.large_cells = 0;
}

void Heap::print_cycle(const CycleStats& c) {
  if (!options_.trace) return;
  constexpr double kMiB = 1024.0 * 1024.0;
  std::fprintf(options_.trace, "[gc %llu] before=%.2fMiB after=%.2fMiB marked=%zu freed=%zu pause=%.2fms reason=%s\n",
               static_cast<unsigned long long>(c.number), static_cast<double>(c.bytes_before) / kMiB,
               static_cast<double>(c.bytes_after) / kMiB, c.cells_marked, c.cells_freed, c.pause_ms,
               reason_name(c.reason));
  std::fflush(options_.trace);
}

// --- Roots and hooks -------------------------------------------------------------

void Heap::add_root_section(RootSection& section) { sections_.push_back(&section); }

void Heap::remove_root_section(RootSection& section) { std::erase(sections_, &section); }

size_t Heap::on_after_mark(AfterMarkHook hook) {
  after_mark_.emplace_back(next_hook_id_, std::move(hook));
  return next_hook_id_++;
}

void Heap::remove_after_mark(size_t id) {
  std::erase_if(after_mark_, [&](const auto& entry) { return entry.first == id; });
}

}  // namespace glass::gc
