// Ordinary objects' storage: named properties through shapes and, after a
// delete or an attribute change, a dictionary; dense and sparse elements; and
// values kept alive through collections.
#include <vector>

#include <doctest/doctest.h>

#include "gc/handles.h"
#include "test_key.h"
#include "objects/cell_tags.h"
#include "objects/object.h"

using glass::testing::Key;

using glass::Object;
using glass::Shape;
using glass::Value;
namespace gc = glass::gc;

TEST_CASE("objects: objects built alike share a shape; values sit in their slots") {
  gc::Heap heap;
  gc::Rooted<Key> x(heap, heap.allocate<Key>(1)), y(heap, heap.allocate<Key>(2));
  gc::Rooted<Shape> root(heap, Shape::create_root(heap, nullptr));
  gc::Rooted<Object> a(heap, Object::create(heap, root)), b(heap, Object::create(heap, root));
  a->define_own(heap, x, Value::int32(1));
  a->define_own(heap, y, Value::int32(2));
  b->define_own(heap, x, Value::int32(10));
  b->define_own(heap, y, Value::int32(20));
  CHECK(a->shape() == b->shape());
  CHECK(a->get_own(x)->value.as_int32() == 1);
  CHECK(b->get_own(y)->value.as_int32() == 20);
  CHECK(a->set_own_value(x, Value::int32(5)));
  CHECK(a->get_own(x)->value.as_int32() == 5);
  CHECK(b->get_own(x)->value.as_int32() == 10);
  CHECK_FALSE(a->set_own_value(root.get(), Value::null()));  // not a property of a
}

TEST_CASE("objects: delete and attribute changes move to a dictionary, keeping key order") {
  gc::Heap heap;
  std::vector<gc::Rooted<Key>> keys;
  for (int i = 0; i < 4; ++i) keys.emplace_back(heap, heap.allocate<Key>(i));
  gc::Rooted<Shape> root(heap, Shape::create_root(heap, nullptr));
  gc::Rooted<Object> o(heap, Object::create(heap, root));
  for (int i = 0; i < 4; ++i) o->define_own(heap, keys[size_t(i)], Value::int32(i));
  CHECK_FALSE(o->in_dictionary_mode());
  CHECK(o->delete_own(keys[1]));
  CHECK(o->in_dictionary_mode());
  CHECK_FALSE(o->get_own(keys[1]));
  CHECK_FALSE(o->delete_own(keys[1]));
  o->define_own(heap, keys[1], Value::int32(11));  // re-added: goes last
  auto order = o->own_named_keys();
  REQUIRE(order.size() == 4);
  CHECK(static_cast<Key*>(order[0])->id == 0);
  CHECK(static_cast<Key*>(order[1])->id == 2);
  CHECK(static_cast<Key*>(order[2])->id == 3);
  CHECK(static_cast<Key*>(order[3])->id == 1);

  gc::Rooted<Object> p(heap, Object::create(heap, root));
  p->define_own(heap, keys[0], Value::int32(1));
  p->define_own(heap, keys[0], Value::int32(2), glass::kEnumerable);  // now read-only, non-configurable
  CHECK(p->in_dictionary_mode());
  CHECK(p->get_own(keys[0])->flags == glass::kEnumerable);
  CHECK(p->get_own(keys[0])->value.as_int32() == 2);
}

TEST_CASE("objects: elements are dense with holes, and sparse far past the end") {
  gc::Heap heap;
  gc::Rooted<Shape> root(heap, Shape::create_root(heap, nullptr));
  gc::Rooted<Object> a(heap, Object::create(heap, root));
  a->set_element(0, Value::int32(0));
  a->set_element(2, Value::int32(2));  // leaves a hole at 1
  CHECK(a->dense_length() == 3);
  CHECK_FALSE(a->get_element(1));
  CHECK(a->get_element(2)->as_int32() == 2);
  a->set_element(1000000000, Value::int32(9));  // does not allocate a billion slots
  CHECK(a->dense_length() == 3);
  CHECK(a->get_element(1000000000)->as_int32() == 9);
  CHECK(a->delete_element(2));
  CHECK_FALSE(a->get_element(2));
  CHECK(a->own_element_keys() == std::vector<uint32_t>{0, 1000000000});
}

TEST_CASE("objects: property values, elements and the prototype survive collection (stress too)") {
  for (bool stress : {false, true}) {
    CAPTURE(stress);
    gc::Heap heap(gc::HeapOptions{.stress = stress});
    gc::Rooted<Object> outer(heap);
    gc::Rooted<Key> key(heap, heap.allocate<Key>(7));
    {
      gc::Rooted<Key> proto(heap, heap.allocate<Key>(42));
      gc::Rooted<Shape> root(heap, Shape::create_root(heap, proto));
      outer = Object::create(heap, root);
      for (int i = 0; i < 50; ++i) {
        // Each inner object is reachable only through outer.
        Object* inner = Object::create(heap, root);
        outer->set_element(uint32_t(i), Value::cell(Value::Tag::Object, inner));
      }
      Object* named = Object::create(heap, root);
      outer->define_own(heap, key, Value::cell(Value::Tag::Object, named));
    }
    heap.collect();
    CHECK(static_cast<Key*>(outer->prototype())->id == 42);
    for (uint32_t i = 0; i < 50; ++i) {
      auto v = outer->get_element(i);
      REQUIRE(v);
      CHECK(static_cast<Object*>(v->as_cell())->prototype() == outer->prototype());
    }
    CHECK(outer->get_own(key)->value.is_object());
  }
}

TEST_CASE("objects and shapes carry their cell tags") {
  gc::Heap heap;
  gc::Rooted<Shape> root(heap, Shape::create_root(heap, nullptr));
  gc::Rooted<Object> o(heap, Object::create(heap, root));
  CHECK(glass::has_tag(root.get(), glass::CellTag::Shape));
  CHECK(glass::has_tag(o.get(), glass::CellTag::Object));
  CHECK_FALSE(glass::has_tag(o.get(), glass::CellTag::String));
}
