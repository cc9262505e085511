// Heap::find_path_to: "why is this cell alive?". A breadth-first marking
// pass (Tracer::Mode::Path) that records, for each cell, the cell or root
// that reached it first; the path is read back from the target.
#include <algorithm>
#include <string>

#include "gc/heap.h"

namespace glass::gc {

std::string RetainingPath::to_string() const {
  std::string out = root;
  for (const Cell* cell : cells) {
    out += " -> ";
    out += cell->cell_name();
  }
  return out;
}

std::optional<RetainingPath> Heap::find_path_to(const Cell* target, std::span<const RootSection* const> ignore) {
  if (collecting_) forbidden_allocation();
  Tracer tracer(*this, Tracer::Mode::Path);
  tracer.path_target_ = target;
  collecting_ = true;  // trace() must not allocate here either
  ignored_sections_ = ignore;
  mark_roots(tracer);
  ignored_sections_ = {};
  tracer.trace_gray_cells();
  if (!is_marked(target)) mark_ephemerons(tracer);

  std::optional<RetainingPath> path;
  if (is_marked(target)) {
    path.emplace();
    const Cell* cell = target;
    for (;;) {
      path->cells.push_back(cell);
      const Tracer::Link& link = tracer.links_.at(cell);
      if (!link.parent) {
        path->root = link.root;
        if (link.label) path->root += std::string(" (") + link.label + ")";
        break;
      }
      cell = link.parent;
    }
    std::reverse(path->cells.begin(), path->cells.end());
  }
  for (Cell* cell : tracer.gray_) cell->mark_ = 0;  // Path mode never pops: every marked cell is here
  collecting_ = false;
  return path;
}

}  // namespace glass::gc
