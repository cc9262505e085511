// What a debugger's live view reads from the heap: cell sizes, a cell's
// edges, the collections as they start and end (and their history), and a
// collection stepped through phase by phase with the marked set visible.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: edges_of lists what a cell points to, and marks nothing") {
  Heap heap;
  Rooted<Node> a(heap, heap.allocate<Node>(1));
  Rooted<Node> b(heap, heap.allocate<Node>(2));
  Rooted<Node> parent(heap, heap.allocate<Node>(3, a.get(), b.get()));
  std::vector<const glass::gc::Cell*> edges;
  heap.edges_of(parent.get(), edges);
  CHECK(edges == std::vector<const glass::gc::Cell*>{a.get(), b.get()});
  CHECK_FALSE(heap.is_marked(a.get()));
  CHECK(heap.size_of(parent.get()) >= sizeof(Node));
  CHECK(heap.owns(parent.get()));
}

TEST_CASE("gc: the observer hears each collection start and end; the history keeps the last ones") {
  Heap heap;
  std::vector<std::pair<bool, uint64_t>> heard;
  heap.set_collection_observer([&](bool starting, const glass::gc::CycleStats& c) { heard.push_back({starting, c.number}); });
  heap.collect();
  heap.collect();
  CHECK(heard == std::vector<std::pair<bool, uint64_t>>{{true, 1}, {false, 1}, {true, 2}, {false, 2}});
  REQUIRE(heap.history().size() == 2);
  CHECK(heap.history().back().number == 2);
  for (int i = 0; i < 40; ++i) heap.collect();
  CHECK(heap.history().size() == Heap::kHistory);
}

TEST_CASE("gc: collect_in_steps stops between phases; the marked set grows, then the garbage goes") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> leaf(heap, heap.allocate<Node>(1));
  Rooted<Node> root(heap, heap.allocate<Node>(2, leaf.get(), nullptr));
  leaf = nullptr;
  Node* garbage = heap.allocate<Node>(3);
  Node* kept = root->left;
  std::vector<std::string> seen;
  heap.collect_in_steps([&](Heap::CollectionPhase phase) {
    switch (phase) {
      case Heap::CollectionPhase::RootsMarked:
        // The root's cell is marked; what it points to is not traced yet.
        seen.push_back(std::string("roots ") + (heap.is_marked(root.get()) ? "R" : "-") + (heap.is_marked(kept) ? "K" : "-"));
        break;
      case Heap::CollectionPhase::Marked:
        seen.push_back(std::string("marked ") + (heap.is_marked(kept) ? "K" : "-") + (heap.is_marked(garbage) ? "G" : "-"));
        break;
      case Heap::CollectionPhase::WeakProcessed: seen.push_back("weak"); break;
      case Heap::CollectionPhase::Swept: seen.push_back("swept " + std::to_string(destroyed)); break;
    }
  });
  CHECK(seen == std::vector<std::string>{"roots R-", "marked K-", "weak", "swept 1"});
  CHECK(heap.history().back().reason == glass::gc::CollectReason::Debugger);
}
