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
  if (mode_ == Mode::Path) {  // breadth-first: the queue is never popped, so marks can be undone
    while (path_next_ < gray_.size() && !(path_target_ && is_marked(path_target_))) {
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
  current_ = nullptr;
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
  links_.clear();
}

}  // namespace glass::gc
