// Heap::find_path_to: "why is this cell alive?"
#include <doctest/doctest.h>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: find_path_to names the root section and the chain of cells") {
  Heap heap;
  TestRoots realm("realm");
  heap.add_root_section(realm);
  Rooted<Node> target(heap, heap.allocate<Node>(3));
  Rooted<Owner> owner(heap, heap.allocate<Owner>());
  owner->cells.push_back(heap.allocate<Node>(2, target.get()));
  realm.cells.push_back(owner.get());
  owner = nullptr;
  target = nullptr;

  auto path = heap.find_path_to(realm.cells[0]);
  REQUIRE(path);
  CHECK(path->to_string() == "realm -> Owner");
  Cell* t = static_cast<Node*>(static_cast<Owner*>(realm.cells[0])->cells[0])->left;
  path = heap.find_path_to(t);
  REQUIRE(path);
  CHECK(path->root == "realm");
  CHECK(path->cells.size() == 3);
  CHECK(path->cells.back() == t);
  CHECK(path->to_string() == "realm -> Owner -> Node -> Node");

  // The marks it used are gone: a real cycle afterwards frees what it should.
  realm.cells.clear();
  heap.remove_root_section(realm);
  heap.collect();
  CHECK(heap.stats().live_cells == 0);
}

TEST_CASE("gc: find_path_to finds a shortest path, through handles and ephemerons") {
  Heap heap;
  Rooted<Node> far(heap, heap.allocate<Node>(1));
  for (int i = 0; i < 10; ++i) far = heap.allocate<Node>(i, far.get());
  Node* target = far->left->left->left;  // 3 steps from `far`
  Persistent<Node> near(heap, heap.allocate<Node>(0, target), "timer 3");
  auto path = heap.find_path_to(target);
  REQUIRE(path);
  CHECK(path->to_string() == "persistent handles (timer 3) -> Node -> Node");

  Rooted<EphemeronTable> map(heap, heap.allocate<EphemeronTable>());
  Node* value = heap.allocate<Node>(99);
  map->entries.push_back({far.get(), value});
  path = heap.find_path_to(value);
  REQUIRE(path);
  CHECK(path->to_string() == "rooted handles -> WeakMap -> Node");

  Node* garbage = heap.allocate<Node>(-1);
  CHECK_FALSE(heap.find_path_to(garbage));
  heap.collect();
  CHECK(map->entries.size() == 1);
}
