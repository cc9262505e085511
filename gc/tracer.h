// Tracer: what a cell's trace() talks to. One class, three modes:
//  - Mark: a collection. visit() marks a white cell and pushes it on the
//    gray stack (an explicit std::vector: marking never recurses, so a list
//    of a million cells marks in constant C++ stack).
//  - Verify: after marking, with HeapOptions::verify. visit() reports any
//    child that is not a marked, allocated cell.
//  - Path: Heap::find_path_to. Marks breadth-first and records, for each
//    cell, who reached it first (a parent cell or a named root).
//  - Edges: Heap::edges_of. Collects the cells one cell's trace() visits,
//    marking nothing (a debugger's heap graph).
// The fast path — "already marked: nothing to do" — is the same inline test
// in every mode; everything else is out of line in tracer.cpp.
#pragma once
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "gc/cell.h"
#include "gc/pending_ephemerons.h"

namespace glass::gc {

template <class T>
class Weak;

class Tracer {
 public:
  Tracer(const Tracer&) = delete;
  Tracer& operator=(const Tracer&) = delete;

  // A strong edge. Null-safe.
  void visit(const Cell* cell) {
    if (cell && cell->mark_ != Cell::kMarked) reached(const_cast<Cell*>(cell));
  }
  // Every element of a container of Cell* (or of anything visit() takes).
  template <class Range>
  void visit_each(const Range& cells) {
    for (const auto& cell : cells) visit(cell);
  }

  // A weak edge: after marking, *slot is set to nullptr if its target died.
  // The slot must stay where it is until the cycle ends (it is inside the
  // cell being traced, which is alive).
  void visit_weak(Cell** slot);
  template <class T>
  void visit_weak(Weak<T>& weak);  // weak.h

  // Called from trace() by a table with ephemeron entries: the heap calls
  // table->trace_ephemerons() once the gray stack is empty, and
  // table->sweep_weak() once marking is complete.
  void defer_ephemerons(Cell* table);

  // From trace_ephemerons(), once per entry: `value` is reachable if `key`
  // is. A marked key has its value visited now; an unmarked one keeps its
  // value waiting in the pending table, keyed by the key, until the key is
  // marked (then the value is visited, as if the table had pointed at it)
  // or marking ends (the entry is dead). Each entry is handled once, so
  // marking stays linear however the keys chain. Null value: nothing to do.
  void visit_ephemeron(const Cell* key, const Cell* value);

  // Inside RootSection::trace_roots: the roots visited next are called
  // `name` ("vm frames", "job queue"), so that a retaining path says which
  // part of a subsystem holds a cell ("job queue -> Closure") instead of
  // only the subsystem. The name must outlive the collection (a literal).
  void section(const char* name) {
    root_name_ = name;
    root_label_ = nullptr;
  }

  // Counters for this cycle's ephemeron work (tests assert it is linear).
  size_t ephemeron_entries_visited() const { return ephemeron_entries_; }
  size_t ephemeron_tables_scanned() const { return ephemeron_scans_; }

 private:
  bool is_marked(const Cell* cell) const { return cell->mark_ == Cell::kMarked; }
  friend class Heap;
  enum class Mode : unsigned char { Mark, Verify, Path, Edges };
  // What reached a cell first, in Path mode.
  struct Link {
    const Cell* parent;  // nullptr: a root
    const char* root;    // the root's name when parent is null
    const char* label;   // a Persistent handle's label, or null
  };

  Tracer(Heap& heap, Mode mode) : heap_(heap), mode_(mode) {}
  void reached(Cell* cell);   // visit() of a cell that is not marked
  void trace_gray_cells();    // until the gray stack is empty (Path: all queued ones)
  bool release_ephemerons();  // visit the values waiting for keys marked since; false if none
  void drop_pending_ephemerons();  // marking is over: forget the entries whose keys stayed white
  bool found_target() const { return path_target_ && is_marked(path_target_); }
  void clear_cycle_state();   // between cycles; keeps the vectors' capacity

  Heap& heap_;
  Mode mode_;
  size_t marked_ = 0;                // cells marked so far
  const Cell* current_ = nullptr;    // the cell being traced; null while visiting roots
  const char* root_name_ = nullptr;  // the root being visited
  const char* root_label_ = nullptr;
  std::vector<Cell*> gray_;
  size_t path_next_ = 0;             // Path: the breadth-first queue is gray_[path_next_..]
  std::vector<Cell**> weak_slots_;
  std::vector<Cell*> ephemeron_tables_;
  PendingEphemerons pending_;         // ephemeron entries waiting for their keys
  std::vector<Cell*> released_keys_;  // pending keys marked since the last release_ephemerons()
  size_t ephemeron_entries_ = 0;      // visit_ephemeron() calls + released entries, this cycle
  size_t ephemeron_scans_ = 0;        // trace_ephemerons() calls, this cycle
  std::unordered_map<const Cell*, Link> links_;  // Path
  const Cell* path_target_ = nullptr;            // Path: stop once this is reached
  std::vector<std::string>* problems_ = nullptr; // Verify
  std::vector<const Cell*>* edges_ = nullptr;    // Edges
};

}  // namespace glass::gc
