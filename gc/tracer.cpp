#include "gc/tracer.h"

#include <string>

#include "gc/heap.h"

namespace glass::gc {

void Tracer::reached(Cell* cell) {
  switch (mode_) {
    case Mode::Mark:
      // With verify on, look before touching: a pointer to a freed slot
      // (a missing root) is reported here, naming who holds it.
      if (heap_.options_.verify && !heap_.is_allocated_cell(cell)) {
        std::string holder = current_ ? current_->cell_name() : root_name_;
        heap_.verify_failed({holder + " points to a freed or foreign cell"}, "marking");
      }
      if (cell->mark_ == Cell::kPendingKey) released_keys_.push_back(cell);
      cell->mark_ = Cell::kMarked;
      ++marked_;
      gray_.push_back(cell);
      return;
    case Mode::Verify: {
      std::string holder = current_ ? current_->cell_name() : "?";
      if (!heap_.is_allocated_cell(cell))
        problems_->push_back(holder + " points to a freed or foreign cell");
      else
        problems_->push_back(holder + " (marked) points to an unmarked " + cell->cell_name());
      return;
    }
    case Mode::Path:
      if (cell->mark_ == Cell::kPendingKey) released_keys_.push_back(cell);
      cell->mark_ = Cell::kMarked;
      ++marked_;
      gray_.push_back(cell);
      links_.emplace(cell, Link{current_, root_name_, root_label_});
      return;
    case Mode::Edges:
      edges_->push_back(cell);
      return;
  }
}

void Tracer::trace_gray_cells() {
  do {
    if (mode_ == Mode::Path) {  // breadth-first: the queue is never popped, so marks can be undone
      while (path_next_ < gray_.size() && !found_target()) {
        current_ = gray_[path_next_++];
        const_cast<Cell*>(current_)->trace(*this);
      }
    } else {
      while (!gray_.empty()) {
        Cell* cell = gray_.back();
        gray_.pop_back();
        current_ = cell;
        cell->trace(*this);
      }
    }
  } while (release_ephemerons());  // values whose keys were marked just now may reach more
  current_ = nullptr;
}

void Tracer::visit_ephemeron(const Cell* key, const Cell* value) {
  ++ephemeron_entries_;
  if (!value) return;
  switch (mode_) {
    case Mode::Mark:
    case Mode::Path: {
      if (is_marked(key)) return visit(value);
      if (is_marked(value)) return;  // reachable anyway
      // Not marked yet: the value waits under its key. The key's mark byte
      // says so, so that reached() notices without a lookup.
      Cell* k = const_cast<Cell*>(key);
      k->mark_ = Cell::kPendingKey;
      pending_.add(k, current_, value);
      return;
    }
    case Mode::Verify:  // a marked key's value must be marked
      if (is_marked(key)) visit(value);
      return;
    case Mode::Edges:
      return;
  }
}

// Each released key's entries are visited once and forgotten, as if their
// tables pointed at the values (so a retaining path reads "WeakMap -> value").
bool Tracer::release_ephemerons() {
  if (released_keys_.empty() || found_target()) return false;
  while (!released_keys_.empty()) {
    Cell* key = released_keys_.back();
    released_keys_.pop_back();
    pending_.release(key, [&](const Cell* table, const Cell* value) {
      ++ephemeron_entries_;
      current_ = table;
      visit(value);
    });
  }
  current_ = nullptr;
  return true;
}

void Tracer::drop_pending_ephemerons() {
  pending_.for_each_waiting_key([](const Cell* key) {
    if (key->mark_ == Cell::kPendingKey) const_cast<Cell*>(key)->mark_ = 0;
  });
  pending_.clear();
  released_keys_.clear();
}

void Tracer::visit_weak(Cell** slot) {
  switch (mode_) {
    case Mode::Mark:
      if (*slot && !is_marked(*slot)) weak_slots_.push_back(slot);
      return;
    case Mode::Verify:
      if (*slot && !heap_.is_allocated_cell(*slot))
        problems_->push_back(std::string(current_ ? current_->cell_name() : "?") +
                             " has a weak slot pointing to a freed or foreign cell");
      return;
    case Mode::Path:
    case Mode::Edges:
      return;
  }
}

void Tracer::defer_ephemerons(Cell* table) { ephemeron_tables_.push_back(table); }

void Tracer::clear_cycle_state() {
  marked_ = 0;
  current_ = nullptr;
  root_name_ = root_label_ = nullptr;
  gray_.clear();
  path_next_ = 0;
  weak_slots_.clear();
  ephemeron_tables_.clear();
  drop_pending_ephemerons();
  ephemeron_entries_ = ephemeron_scans_ = 0;
  links_.clear();
}

}  // namespace glass::gc
