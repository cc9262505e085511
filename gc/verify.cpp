// Heap verification (HeapOptions::verify, implied by stress): run inside a
// cycle, after marking and after sweeping. A failure aborts with a report
// that names the type of the cell holding the bad pointer.
#include <string>
#include <vector>

#include "gc/heap.h"

namespace glass::gc {

bool Heap::is_allocated_cell(const Cell* cell) const {
  const Block* block = Block::of(cell);
  if (block_set_.count(block)) return block->is_allocated_slot(cell);
  return large_set_.count(cell) != 0;
}

void Heap::verify_marking() {
  std::vector<std::string> problems;
  Tracer verifier(*this, Tracer::Mode::Verify);
  verifier.problems_ = &problems;
  for_each_cell([&](Cell& cell) {
    if (cell.mark_ != Cell::kMarked) {
      if (cell.mark_ != 0) problems.push_back(std::string("a cell has a corrupt mark byte"));
      return;
    }
    if (!cell.is_large() && cell.size_class_ != Block::of(&cell)->size_class())
      problems.push_back(std::string(cell.cell_name()) + " has the wrong size class in its header");
    verifier.current_ = &cell;
    cell.trace(verifier);
  });
  for (Cell* table : marker_.ephemeron_tables_) {
    verifier.current_ = table;
    table->trace_ephemerons(verifier);
  }
  if (!problems.empty()) verify_failed(problems, "marking");
}

void Heap::verify_free_lists() {
  std::vector<std::string> problems;
  for (unsigned c = 0; c < kSizeClassCount; ++c)
    for (const Block* block : classes_[c].blocks)
      if (std::string problem = block->check_free_list(options_.poison); !problem.empty())
        problems.push_back("block of " + std::to_string(kSizeClasses[c]) + "-byte cells: " + problem);
  if (!problems.empty()) verify_failed(problems, "sweeping");
}

void Heap::verify_failed(const std::vector<std::string>& problems, const char* phase) {
  std::fprintf(stderr, "gc: heap verification failed while %s in cycle %llu:\n", phase,
               static_cast<unsigned long long>(stats_.cycles));
  for (const std::string& problem : problems) std::fprintf(stderr, "  %s\n", problem.c_str());
  std::abort();
}

}  // namespace glass::gc
