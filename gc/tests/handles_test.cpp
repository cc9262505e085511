// Rooted<T> and Persistent<T>.
#include <doctest/doctest.h>

#include <vector>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: Rooted handles may be destroyed in any order and kept in containers") {
  destroyed = 0;
  Heap heap;
  auto* a = new Rooted<Node>(heap, heap.allocate<Node>(1));
  auto* b = new Rooted<Node>(heap, heap.allocate<Node>(2));
  delete a;  // not LIFO
  heap.collect();
  CHECK(destroyed == 1);
  CHECK((*b)->value == 2);
  delete b;

  std::vector<Rooted<Node>> many;
  for (int i = 0; i < 100; ++i) many.emplace_back(heap, heap.allocate<Node>(i));  // the vector reallocates
  heap.collect();
  CHECK(destroyed == 2);
  for (int i = 0; i < 100; ++i) CHECK(many[i]->value == i);
  many.erase(many.begin(), many.begin() + 50);
  CHECK(heap.rooted_handles().size() == 50);
  many.clear();
  heap.collect();
  CHECK(destroyed == 102);
}

TEST_CASE("gc: copying a Rooted roots the cell twice; assigning changes what is held") {
  destroyed = 0;
  Heap heap;
  Rooted<Node> a(heap, heap.allocate<Node>(1));
  {
    Rooted<Node> copy = a;
    CHECK(copy.get() == a.get());
    CHECK(heap.rooted_handles().size() == 2);
    a = heap.allocate<Node>(2);  // a now holds another cell; copy still holds the first
    heap.collect();
    CHECK(destroyed == 0);
  }
  heap.collect();
  CHECK(destroyed == 1);
  CHECK(a->value == 2);
  Rooted<Cell> base = a;  // Rooted<Derived> converts to Rooted<Base>
  CHECK(base.get() == static_cast<Cell*>(a.get()));
  Rooted<Node> moved = std::move(a);  // a move is a copy: both stay rooted
  CHECK(moved.get() == a.get());
}

TEST_CASE("gc: a Persistent keeps its cell until reset, and moves") {
  destroyed = 0;
  Heap heap;
  Persistent<Node> p(heap, heap.allocate<Node>(7), "timer callback");
  heap.collect();
  CHECK(destroyed == 0);
  Persistent<Node> q = std::move(p);
  CHECK_FALSE(p);
  CHECK(q->value == 7);
  CHECK(std::string(q.label_text()) == "timer callback");
  CHECK(heap.persistent_handles().size() == 1);
  heap.collect();
  CHECK(destroyed == 0);
  q.reset();
  CHECK(heap.persistent_handles().empty());
  heap.collect();
  CHECK(destroyed == 1);
}

TEST_CASE("gc: NoAllocScope nests and ends") {
  Heap heap;
  {
    NoAllocScope a(heap);
    NoAllocScope b(heap);
  }
  CHECK(heap.allocate<Node>() != nullptr);  // allowed again
}
