// The heap as a debugger draws it: a graph of the cells reachable from a
// few starting cells (breadth first, a few edges deep, capped), each with
// its kind, a short description and its size; the whole heap's totals by
// kind; and the retaining path of one cell (what keeps it alive).
//
// Everything here only reads the heap — no JS runs and nothing is
// allocated in it — so it is also safe between the phases of a collection
// the debugger is stepping through (then each node says whether it is
// marked yet).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "gc/heap.h"

namespace glass {
class Vm;
}

namespace glass::debug {

struct HeapNode {
  const gc::Cell* cell = nullptr;
  std::string kind;         // the cell's kind: "Object", "Array", "Function", "String", "Shape", "Scope", ...
  std::string description;  // a short text: a function's name, a string's first characters, a shape's keys
  size_t size = 0;          // bytes the heap gave it
  bool marked = false;      // between the phases of a stepped collection: marked yet?
};

struct HeapEdge {
  size_t from = 0, to = 0;  // indices into HeapGraph::nodes
  std::string name;         // a property key, "[[Prototype]]", "shape", "scope", "[3]", or ""
};

struct HeapGraph {
  std::vector<HeapNode> nodes;
  std::vector<HeapEdge> edges;
  bool truncated = false;   // more cells were reachable within `depth` than `limit`
};

struct KindTotal {
  std::string kind;
  size_t count = 0, bytes = 0;
};

// The cells within `depth` edges of `from` (which come first, in order),
// at most `limit` of them.
HeapGraph heap_graph(Vm& vm, std::span<const gc::Cell* const> from, unsigned depth, size_t limit);

// Every live cell, counted by kind, largest total first.
std::vector<KindTotal> heap_totals(Vm& vm);

// One node's kind and description (as heap_graph gives them).
HeapNode describe_cell(Vm& vm, const gc::Cell* cell);

// The name of the edge from `from` to `to` (a property key, "[[Prototype]]", ...).
std::string edge_name(const gc::Cell* from, const gc::Cell* to);

}  // namespace glass::debug
