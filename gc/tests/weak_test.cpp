// Weak slots, ephemerons and after-mark hooks.
#include <doctest/doctest.h>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: a weak slot is cleared when its target dies and kept while it lives") {
  Heap heap;
  Rooted<Node> target(heap, heap.allocate<Node>(1));
  Rooted<WeakBox> box(heap, heap.allocate<WeakBox>(target.get()));
  heap.collect();
  CHECK(box->target.get() == target.get());  // alive: kept
  target = nullptr;
  heap.collect();
  CHECK(box->target.get() == nullptr);       // died: cleared
  CHECK(heap.stats().live_cells == 1);
}

TEST_CASE("gc: a weak slot does not keep its target alive, but a strong path does") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> holder(heap, heap.allocate<Node>(0));
  Rooted<WeakBox> box(heap, heap.allocate<WeakBox>(heap.allocate<Node>(1)));  // only weakly held: dies
  holder->left = heap.allocate<Node>(2);
  box->target.set(holder->left);  // weakly and strongly held: lives
  heap.collect();
  CHECK(destroyed == 1);
  CHECK(box->target.get() == holder->left);
}

TEST_CASE("gc: an ephemeron's value lives exactly as long as its key") {
  destroyed = 0;
  Heap heap;
  Rooted<EphemeronTable> map(heap, heap.allocate<EphemeronTable>());
  Rooted<Node> key(heap, heap.allocate<Node>(1));
  map->entries.push_back({key.get(), heap.allocate<Node>(2)});
  heap.collect();
  CHECK(destroyed == 0);  // key alive: value kept, though only the table holds it
  REQUIRE(map->entries.size() == 1);
  CHECK(static_cast<Node*>(map->entries[0].second)->value == 2);
  key = nullptr;
  heap.collect();
  CHECK(destroyed == 2);  // key dead: key and value freed
  CHECK(map->entries.empty());  // and sweep_weak dropped the entry
}

TEST_CASE("gc: ephemerons reach a fixpoint: a key reachable only through another entry's value") {
  destroyed = 0;
  Heap heap;
  Rooted<EphemeronTable> map(heap, heap.allocate<EphemeronTable>());
  Rooted<Node> k1(heap, heap.allocate<Node>(1));
  Rooted<Node> k2(heap, heap.allocate<Node>(2));
  Rooted<Node> k3(heap, heap.allocate<Node>(3));
  // Entries in the worst order for a single pass: k3 -> v3, k2 -> k3, k1 -> k2.
  map->entries.push_back({k3.get(), heap.allocate<Node>(30)});
  map->entries.push_back({k2.get(), k3.get()});
  map->entries.push_back({k1.get(), k2.get()});
  k2 = nullptr;
  k3 = nullptr;
  heap.collect();
  CHECK(destroyed == 0);  // k1 (rooted) -> k2 -> k3 -> v3: all alive
  CHECK(map->entries.size() == 3);
  k1 = nullptr;
  heap.collect();
  CHECK(destroyed == 4);
  CHECK(map->entries.empty());
}

TEST_CASE("gc: an ephemeron fixpoint across two tables") {
  destroyed = 0;
  Heap heap;
  Rooted<EphemeronTable> a(heap, heap.allocate<EphemeronTable>());
  Rooted<Node> key(heap, heap.allocate<Node>(1));
  // b is reachable only as a's value for `key`; b maps key -> v.
  Rooted<EphemeronTable> b(heap, heap.allocate<EphemeronTable>());
  b->entries.push_back({key.get(), heap.allocate<Node>(2)});
  a->entries.push_back({key.get(), b.get()});
  b = nullptr;
  heap.collect();
  CHECK(destroyed == 0);
  auto* inner = static_cast<EphemeronTable*>(a->entries.at(0).second);
  CHECK(inner->entries.size() == 1);
}

TEST_CASE("gc: an after-mark hook sees which targets died, before they are freed") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> alive(heap, heap.allocate<Node>(1));
  Node* doomed = heap.allocate<Node>(2);  // not rooted: will die
  std::vector<int> dead_values;
  std::vector<Node*> targets{alive.get(), doomed};  // a FinalizationRegistry's targets, held weakly
  size_t id = heap.on_after_mark([&](const Heap& h) {
    std::erase_if(targets, [&](Node* t) {
      if (h.is_marked(t)) return false;
      dead_values.push_back(t->value);  // still readable: sweep has not run
      return true;
    });
  });
  heap.collect();
  CHECK(dead_values == std::vector<int>{2});
  CHECK(destroyed == 1);
  CHECK(targets == std::vector<Node*>{alive.get()});
  heap.remove_after_mark(id);
  alive = nullptr;
  heap.collect();
  CHECK(dead_values.size() == 1);  // the hook no longer runs
}
