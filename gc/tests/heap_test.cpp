// Allocation, marking, sweeping, size classes, large cells, teardown.
#include <doctest/doctest.h>

#include <set>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: an unreachable cell is freed and its destructor runs") {
  destroyed = 0;
  Heap heap;
  heap.allocate<Node>(1);
  heap.allocate<Owner>();
  CHECK(heap.stats().live_cells == 2);
  heap.collect();
  CHECK(destroyed == 2);
  CHECK(heap.stats().live_cells == 0);
  CHECK(heap.stats().live_bytes == 0);
  CHECK(heap.stats().last.cells_freed == 2);
  CHECK(heap.stats().last.cells_marked == 0);
}

TEST_CASE("gc: cells reachable from a Rooted survive, with everything they point to") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> leaf(heap, heap.allocate<Node>(1));
  Rooted<Node> root(heap, heap.allocate<Node>(2, leaf.get(), nullptr));
  leaf = nullptr;  // now reachable only through root
  heap.allocate<Node>(3);  // garbage
  heap.collect();
  CHECK(destroyed == 1);
  REQUIRE(root->left != nullptr);
  CHECK(root->left->value == 1);
  CHECK(heap.stats().last.cells_marked == 2);
}

TEST_CASE("gc: a RootSection keeps its cells alive until it is removed") {
  destroyed = 0;
  Heap heap;
  TestRoots realm("realm");
  heap.add_root_section(realm);
  realm.cells.push_back(heap.allocate<Node>(1));
  heap.collect();
  CHECK(destroyed == 0);
  heap.remove_root_section(realm);
  heap.collect();
  CHECK(destroyed == 1);
}

TEST_CASE("gc: a cycle of unreachable cells is freed") {
  destroyed = 0;
  Heap heap;
  {
    Rooted<Node> a(heap, heap.allocate<Node>(1));
    Rooted<Node> b(heap, heap.allocate<Node>(2, a.get()));
    a->left = b;
    a->right = a;  // and a self-loop
    heap.collect();
    CHECK(destroyed == 0);
  }
  heap.collect();
  CHECK(destroyed == 2);
}

TEST_CASE("gc: a list of 1,000,000 cells marks without recursion") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> head(heap);
  for (int i = 0; i < 1'000'000; ++i) head = heap.allocate<Node>(i, head.get());
  heap.collect();
  CHECK(destroyed == 0);
  CHECK(heap.stats().last.cells_marked == 1'000'000);
  int n = 0;
  for (Node* p = head; p; p = p->left) ++n;
  CHECK(n == 1'000'000);
  head = nullptr;
  heap.collect();
  CHECK(destroyed == 1'000'000);
  CHECK(heap.stats().live_cells == 0);
}

TEST_CASE("gc: cells are rounded up to size classes, and freed slots are reused") {
  destroyed = 0;
  Heap heap;
  static_assert(sizeof(Sized<48>) == 48 && sizeof(Sized<200>) == 200);
  Rooted<Cell> keep(heap, heap.allocate<Sized<48>>());  // keeps the block in use
  heap.allocate<Sized<200>>();
  CHECK(heap.stats().live_bytes == 48 + 224);
  std::set<Cell*> first;
  for (int i = 0; i < 100; ++i) first.insert(heap.allocate<Sized<48>>());
  heap.collect();
  CHECK(destroyed == 101);
  std::set<Cell*> second;
  for (int i = 0; i < 100; ++i) second.insert(heap.allocate<Sized<48>>());
  CHECK(first == second);  // the same slots, not new memory
  CHECK(heap.stats().blocks == 1);
}

TEST_CASE("gc: an emptied block is reused by another size class") {
  Heap heap;
  for (int i = 0; i < 10; ++i) heap.allocate<Sized<64>>();
  CHECK(heap.stats().blocks == 1);
  heap.collect();
  CHECK(heap.stats().blocks == 0);
  Cell* other = heap.allocate<Sized<512>>();
  CHECK(heap.stats().blocks == 1);
  CHECK(heap.stats().live_bytes == 512);
  (void)other;
}

TEST_CASE("gc: large cells are allocated alone, traced and freed") {
  destroyed = 0;
  Heap heap;
  Rooted<Big> big(heap, heap.allocate<Big>(nullptr));
  big->child = heap.allocate<Node>(5);
  heap.allocate<Big>();  // garbage
  CHECK(big->is_large());
  CHECK(heap.stats().large_cells == 2);
  CHECK(heap.stats().live_bytes == sizeof(Big) * 2 + 16 * ((sizeof(Node) + 15) / 16));
  heap.collect();
  CHECK(destroyed == 1);
  CHECK(heap.stats().large_cells == 1);
  CHECK(big->child->value == 5);
  big = nullptr;
  heap.collect();
  CHECK(destroyed == 3);
  CHECK(heap.stats().large_cells == 0);
}

TEST_CASE("gc: a cell with trailing storage gets the size class (or large size) it needs") {
  struct Chars : Cell {
    size_t length;
    explicit Chars(size_t length) : length(length) {
      for (size_t i = 0; i < length; ++i) data()[i] = static_cast<char>('a' + i % 26);
    }
    char* data() { return reinterpret_cast<char*>(this + 1); }
    const char* cell_name() const override { return "Chars"; }
  };
  Heap heap;
  Rooted<Chars> small(heap, heap.allocate_with_trailing<Chars>(40, 40));
  CHECK(heap.stats().live_bytes == 64);  // 24 + 40 -> the 64-byte class
  Rooted<Chars> large(heap, heap.allocate_with_trailing<Chars>(10000, 10000));
  CHECK(large->is_large());
  CHECK(heap.stats().live_bytes == 64 + sizeof(Chars) + 10000);
  heap.collect();
  CHECK(small->data()[39] == 'n');
  CHECK(large->data()[9999] == 'a' + 9999 % 26);
}

TEST_CASE("gc: the tag and user flags belong to the engine and survive collections") {
  struct Tagged : Cell {
    Tagged() : Cell(42) {}
    const char* cell_name() const override { return "Tagged"; }
  };
  Heap heap;
  Rooted<Tagged> t(heap, heap.allocate<Tagged>());
  t->set_user_flags(0x5);
  heap.collect();
  CHECK(t->tag() == 42);
  CHECK(t->user_flags() == 0x5);
}

TEST_CASE("gc: a throwing constructor gives its slot back") {
  struct Throws : Cell {
    Throws() { throw 1; }
    const char* cell_name() const override { return "Throws"; }
  };
  Heap heap;
  CHECK_THROWS(heap.allocate<Throws>());
  CHECK(heap.stats().live_cells == 0);
  Cell* c = heap.allocate<Node>();
  CHECK(c != nullptr);
}

TEST_CASE("gc: teardown runs every remaining destructor, without tracing") {
  destroyed = 0;
  {
    Heap heap;
    TestRoots roots("realm");
    heap.add_root_section(roots);
    for (int i = 0; i < 1000; ++i) roots.cells.push_back(heap.allocate<Node>(i));
    roots.cells.push_back(heap.allocate<Owner>());
    roots.cells.push_back(heap.allocate<Big>());
    Persistent<Node> p(heap, heap.allocate<Node>(), "callback");
    heap.remove_root_section(roots);
  }
  CHECK(destroyed == 1003);
}

TEST_CASE("gc: a Persistent outliving its heap becomes empty") {
  Persistent<Node> p;
  {
    Heap heap;
    p = Persistent<Node>(heap, heap.allocate<Node>(), "late");
    CHECK(p);
  }
  CHECK_FALSE(p);
}

TEST_CASE("gc: for_each_cell visits every allocated cell") {
  Heap heap;
  heap.allocate<Node>();
  heap.allocate<Owner>();
  heap.allocate<Big>();
  std::multiset<std::string> names;
  heap.for_each_cell([&](Cell& cell) { names.insert(cell.cell_name()); });
  CHECK(names == std::multiset<std::string>{"Big", "Node", "Owner"});
}
