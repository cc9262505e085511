// Cell types for the gc tests: the heap knows nothing of JavaScript, so the
// tests define their own small heap things.
#pragma once
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "gc/handles.h"
#include "gc/heap.h"
#include "gc/weak.h"

namespace gctest {
using namespace glass::gc;

// How many test cells have been destroyed (reset by each test).
inline int destroyed = 0;

// A node with two children: lists, trees, cycles.
struct Node : Cell {
  Node* left;
  Node* right;
  int value;
  explicit Node(int value = 0, Node* left = nullptr, Node* right = nullptr) : left(left), right(right), value(value) {}
  ~Node() override { ++destroyed; }
  void trace(Tracer& tracer) override {
    tracer.visit(left);
    tracer.visit(right);
  }
  const char* cell_name() const override { return "Node"; }
};

// A cell that owns C++ memory: if its destructor did not run, LeakSanitizer
// would report the vector's buffer.
struct Owner : Cell {
  std::vector<int> items;
  std::vector<Cell*> cells;
  explicit Owner(size_t n = 100) : items(n, 7) {}
  ~Owner() override { ++destroyed; }
  void trace(Tracer& tracer) override { tracer.visit_each(cells); }
  const char* cell_name() const override { return "Owner"; }
};

// Bigger than the largest size class.
struct Big : Cell {
  char payload[4000];
  Node* child;
  explicit Big(Node* child = nullptr) : child(child) { payload[0] = 1; }
  ~Big() override { ++destroyed; }
  void trace(Tracer& tracer) override { tracer.visit(child); }
  const char* cell_name() const override { return "Big"; }
};

// A cell of exactly `N` bytes, for size-class tests.
template <size_t N>
struct Sized : Cell {
  char pad[N - sizeof(Cell)];
  ~Sized() override { ++destroyed; }
  const char* cell_name() const override { return "Sized"; }
};

// WeakRef.
struct WeakBox : Cell {
  Weak<Cell> target;
  explicit WeakBox(Cell* target) : target(target) {}
  ~WeakBox() override { ++destroyed; }
  void trace(Tracer& tracer) override { tracer.visit_weak(target); }
  const char* cell_name() const override { return "WeakBox"; }
};

// WeakMap: each value is kept alive only through its key.
struct EphemeronTable : Cell {
  std::vector<std::pair<Cell*, Cell*>> entries;
  ~EphemeronTable() override { ++destroyed; }
  void trace(Tracer& tracer) override { tracer.defer_ephemerons(this); }
  void trace_ephemerons(Tracer& tracer) override {
    for (auto& [key, value] : entries) tracer.visit_ephemeron(key, value);
  }
  void sweep_weak(const Heap& heap) override {
    std::erase_if(entries, [&](const auto& entry) { return !heap.is_marked(entry.first); });
  }
  const char* cell_name() const override { return "WeakMap"; }
};

// A subsystem's roots, e.g. the engine's "realm".
struct TestRoots : RootSection {
  const char* name;
  std::vector<Cell*> cells;
  explicit TestRoots(const char* name) : name(name) {}
  const char* root_name() const override { return name; }
  void trace_roots(Tracer& tracer) override { tracer.visit_each(cells); }
};

}  // namespace gctest
