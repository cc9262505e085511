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

// A chain k0 -> k1 -> ... -> kn, each link an ephemeron entry whose value is
// the next key, listed in the worst order for a pass over the entries (the
// last link first). A fixpoint of passes visits n²/2 entries; the pending
// table visits each entry at most twice (listed once, released once).
static void check_chain_is_linear(size_t n, size_t tables) {
  destroyed = 0;
  Heap heap;
  std::vector<Rooted<EphemeronTable>> maps;
  for (size_t t = 0; t < tables; ++t) maps.emplace_back(heap, heap.allocate<EphemeronTable>());
  Rooted<Node> first(heap, heap.allocate<Node>(0));
  Rooted<Node> key(heap, first.get());
  std::vector<std::pair<Cell*, Cell*>> links;
  for (size_t i = 1; i <= n; ++i) {
    Node* next = heap.allocate<Node>(int(i));  // `key` is rooted; `next` is linked before the next allocation
    links.push_back({key.get(), next});
    key = next;
    // Each entry goes to table i % tables, at its front: reverse order.
    auto& entries = maps[i % tables]->entries;
    entries.insert(entries.begin(), links.back());
  }
  key = nullptr;
  heap.collect();
  const CycleStats& cycle = heap.stats().last;
  CHECK(destroyed == 0);  // the whole chain is alive through `first`
  CHECK(cycle.ephemeron_tables_scanned == tables);
  CHECK(cycle.ephemeron_entries_visited <= 2 * n);
  CHECK(cycle.ephemeron_entries_visited >= n);
  first = nullptr;
  heap.collect();
  CHECK(destroyed == n + 1);  // every key (and so every value) died
  for (auto& map : maps) CHECK(map->entries.empty());
}

TEST_CASE("gc: an ephemeron chain is marked in time linear in its length, in one table or many") {
  check_chain_is_linear(2000, 1);
  check_chain_is_linear(2000, 7);
  check_chain_is_linear(3000, 3000);  // a table per link, each reachable from a root
}

TEST_CASE("gc: tables reachable only through ephemeron values, chained, are each listed once") {
  // t0 (rooted) maps key -> t1, t1 maps key -> t2, ... : each table is found
  // only after the previous one's entry is visited.
  destroyed = 0;
  Heap heap;
  Rooted<Node> key(heap, heap.allocate<Node>(1));
  Rooted<EphemeronTable> head(heap, heap.allocate<EphemeronTable>());
  Rooted<EphemeronTable> last(heap, head.get());
  const size_t n = 500;
  for (size_t i = 0; i < n; ++i) {
    EphemeronTable* next = heap.allocate<EphemeronTable>();
    last->entries.push_back({key.get(), next});
    last = next;
  }
  last = nullptr;
  heap.collect();
  CHECK(destroyed == 0);
  CHECK(heap.stats().last.ephemeron_tables_scanned == n + 1);
  CHECK(heap.stats().last.ephemeron_entries_visited == n);
  key = nullptr;  // every table's only entry dies; the tables after the first with it
  heap.collect();
  CHECK(destroyed == n + 1);
  CHECK(head->entries.empty());
}

TEST_CASE("gc: a key used in several tables releases all its values; a dead key's values die") {
  destroyed = 0;
  Heap heap;
  Rooted<EphemeronTable> a(heap, heap.allocate<EphemeronTable>());
  Rooted<EphemeronTable> b(heap, heap.allocate<EphemeronTable>());
  Rooted<Node> root(heap, heap.allocate<Node>(0));
  Rooted<Node> late(heap, heap.allocate<Node>(1));  // reachable only through a's entry for `root`
  a->entries.push_back({late.get(), heap.allocate<Node>(10)});
  b->entries.push_back({late.get(), heap.allocate<Node>(11)});
  a->entries.push_back({root.get(), late.get()});
  Rooted<Node> dead(heap, heap.allocate<Node>(2));
  b->entries.push_back({dead.get(), heap.allocate<Node>(20)});
  late = nullptr;
  dead = nullptr;
  heap.collect();
  CHECK(destroyed == 2);  // `dead` and its value
  CHECK(a->entries.size() == 2);
  CHECK(b->entries.size() == 1);
  root = nullptr;
  heap.collect();
  CHECK(destroyed == 6);
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
