// A random graph mutated under --gc-stress (a cycle, with verification,
// before every allocation), checked against a model: after each forced
// cycle, exactly the cells reachable from the roots are alive.
#include <doctest/doctest.h>

#include <random>
#include <unordered_set>
#include <vector>

#include "test_cells.h"

using namespace gctest;

static std::vector<Node*> reachable_from(const std::vector<Rooted<Node>>& roots) {
  std::unordered_set<Node*> seen;
  std::vector<Node*> order, stack;
  for (const auto& r : roots)
    if (r.get()) stack.push_back(r.get());
  while (!stack.empty()) {
    Node* n = stack.back();
    stack.pop_back();
    if (!n || !seen.insert(n).second) continue;
    order.push_back(n);
    stack.push_back(n->left);
    stack.push_back(n->right);
  }
  return order;
}

TEST_CASE("gc: a random graph under stress keeps exactly the reachable cells") {
  destroyed = 0;
  std::mt19937 rng(12345);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  Heap heap({.stress = true});
  std::vector<Rooted<Node>> roots;
  for (int i = 0; i < 8; ++i) roots.emplace_back(heap);
  int allocated = 0;
  for (int step = 0; step < 3000; ++step) {
    std::vector<Node*> live = reachable_from(roots);
    auto any = [&]() -> Node* { return live.empty() || pick(4) == 0 ? nullptr : live[pick(live.size())]; };
    switch (pick(5)) {
      case 0:
      case 1:  // a new node pointing at live ones, held by a root
        roots[pick(roots.size())] = heap.allocate<Node>(step, any(), any());
        ++allocated;
        break;
      case 2:  // rewire an edge (can make cycles, or orphan subgraphs)
        if (Node* n = any()) (pick(2) ? n->left : n->right) = any();
        break;
      case 3:  // drop a root
        roots[pick(roots.size())] = nullptr;
        break;
      case 4:  // garbage
        heap.allocate<Owner>(pick(50));
        ++allocated;
        break;
    }
    if (step % 100 == 99) {
      heap.collect();
      size_t expected = reachable_from(roots).size();
      REQUIRE(heap.stats().live_cells == expected);
      REQUIRE(destroyed == static_cast<int>(allocated - expected));
    }
  }
  CHECK(heap.stats().cycles > 1000);
}
