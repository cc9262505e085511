// Shapes: objects built alike share a shape, lookups find the right slot in
// small and large shapes, and the transition tree survives collection.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "gc/handles.h"
#include "test_key.h"
#include "objects/shape.h"

using glass::testing::Key;

using glass::Shape;
namespace gc = glass::gc;

TEST_CASE("shapes: the same keys in the same order reach the same shape") {
  gc::Heap heap;
  gc::Rooted<Key> x(heap, heap.allocate<Key>(1));
  gc::Rooted<Key> y(heap, heap.allocate<Key>(2));
  gc::Rooted<Shape> root(heap, Shape::create_root(heap, nullptr));

  gc::Rooted<Shape> a(heap, Shape::add_property(heap, root, x, glass::kDefaultProperty));
  a = Shape::add_property(heap, a, y, glass::kDefaultProperty);
  gc::Rooted<Shape> b(heap, Shape::add_property(heap, root, x, glass::kDefaultProperty));
  b = Shape::add_property(heap, b, y, glass::kDefaultProperty);
  CHECK(a.get() == b.get());
  CHECK(a->property_count() == 2);

  // Another order, or other attributes, is another shape.
  gc::Rooted<Shape> c(heap, Shape::add_property(heap, root, y, glass::kDefaultProperty));
  c = Shape::add_property(heap, c, x, glass::kDefaultProperty);
  CHECK(c.get() != a.get());
  gc::Rooted<Shape> d(heap, Shape::add_property(heap, root, x, glass::kEnumerable));
  CHECK(d.get() != a->parent());
  CHECK(root->transition_count() == 3);

  // Slots follow insertion order.
  CHECK(a->find(x)->slot == 0);
  CHECK(a->find(y)->slot == 1);
  CHECK(c->find(x)->slot == 1);
  CHECK(c->find(y)->slot == 0);
  CHECK(d->find(x)->flags == glass::kEnumerable);
  CHECK_FALSE(d->find(y));
}

TEST_CASE("shapes: large shapes look up through a table, and keep insertion order") {
  gc::Heap heap;
  std::vector<gc::Rooted<Key>> keys;
  for (int i = 0; i < 100; ++i) keys.emplace_back(heap, heap.allocate<Key>(i));
  gc::Rooted<Shape> shape(heap, Shape::create_root(heap, nullptr));
  for (auto& key : keys) shape = Shape::add_property(heap, shape, key, glass::kDefaultProperty);
  CHECK(shape->property_count() == 100);
  for (int i = 0; i < 100; ++i) {
    auto info = shape->find(keys[size_t(i)]);
    REQUIRE(info);
    CHECK(info->slot == uint32_t(i));
  }
  gc::Rooted<Key> missing(heap, heap.allocate<Key>(-1));
  CHECK_FALSE(shape->find(missing));
  int expected = 0;
  shape->for_each_property([&](gc::Cell* key, glass::PropertyInfo info) {
    CHECK(static_cast<Key*>(key)->id == expected);
    CHECK(info.slot == uint32_t(expected));
    ++expected;
  });
  CHECK(expected == 100);
}

TEST_CASE("shapes: a rooted leaf keeps its chain, keys and prototype alive, also under stress") {
  for (bool stress : {false, true}) {
    CAPTURE(stress);
    gc::Heap heap(gc::HeapOptions{.stress = stress});
    gc::Rooted<Shape> leaf(heap);
    {
      gc::Rooted<Key> proto(heap, heap.allocate<Key>(99));
      leaf = Shape::create_root(heap, proto);
      for (int i = 0; i < 20; ++i) {
        // The key is referenced only by the shape from here on.
        leaf = Shape::add_property(heap, leaf, heap.allocate<Key>(i), glass::kDefaultProperty);
      }
    }
    heap.collect();
    CHECK(leaf->property_count() == 20);
    CHECK(static_cast<Key*>(leaf->prototype())->id == 99);
    int id = 19;
    for (Shape* s = leaf; s->key(); s = s->parent()) CHECK(static_cast<Key*>(s->key())->id == id--);
  }
}
