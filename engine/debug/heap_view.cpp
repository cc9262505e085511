// The heap as a debugger draws it (heap_view.h). The edges are the
// collector's own (Heap::edges_of: what a cell's trace() visits), so the
// graph is exactly what the collector sees; only their names come from the
// object model (a property's key, [[Prototype]], an element's index).
#include "debug/heap_view.h"

#include "debug/debugger.h"

#include <algorithm>
#include <deque>
#include <map>
#include <unordered_map>

#include "objects/cell_tags.h"
#include "objects/object.h"
#include "objects/shape.h"
#include "objects/string.h"
#include "objects/symbol.h"
#include "vm/function.h"
#include "vm/operations.h"
#include "vm/vm.h"

namespace glass::debug {

namespace {

const char* object_kind(const Object* o) {
  switch (o->object_class()) {
    case ObjectClass::Ordinary: return "Object";
    case ObjectClass::Array: return "Array";
    case ObjectClass::Function: return "Function";
    case ObjectClass::Error: return "Error";
    case ObjectClass::Arguments: return "Arguments";
    case ObjectClass::Map: return "Map";
    case ObjectClass::Set: return "Set";
    case ObjectClass::WeakMap: return "WeakMap";
    case ObjectClass::WeakSet: return "WeakSet";
    case ObjectClass::WeakRef: return "WeakRef";
    case ObjectClass::FinalizationRegistry: return "FinalizationRegistry";
    case ObjectClass::Promise: return "Promise";
    case ObjectClass::Iterator: return "Iterator";
    case ObjectClass::Generator: return "Generator";
    case ObjectClass::RegExp: return "RegExp";
    case ObjectClass::Date: return "Date";
    case ObjectClass::Proxy: return "Proxy";
    case ObjectClass::ModuleNamespace: return "Module";
    default: return "Object";  // primitive wrappers and the rest
  }
}

// A key (a String or a Symbol cell) as text, without allocating.
std::string key_text(const gc::Cell* key) {
  if (has_tag(key, CellTag::String)) return static_cast<const String*>(key)->to_utf8();
  if (has_tag(key, CellTag::Symbol)) return "Symbol()";
  return "?";
}

std::string clip(std::string s, size_t n = 40) {
  if (s.size() > n) s = s.substr(0, n) + "…";
  return s;
}

}  // namespace

HeapNode describe_cell(Vm& vm, const gc::Cell* cell) {
  HeapNode node;
  node.cell = cell;
  node.kind = cell->cell_name();
  node.size = vm.heap().size_of(cell);
  if (has_tag(cell, CellTag::Object)) {
    const auto* o = static_cast<const Object*>(cell);
    node.kind = object_kind(o);
    if (o->object_class() == ObjectClass::Function) {
      std::string name = function_name(vm, static_cast<const FunctionObject*>(o));  // (debugger.h)
      node.description = (name.empty() ? "(anonymous)" : name) + "()";
    } else if (o->object_class() == ObjectClass::Array) {
      node.description = "length " + std::to_string(o->dense_length());
    } else if (!o->in_dictionary_mode()) {
      node.description = std::to_string(o->shape()->property_count()) + " properties";
    } else {
      node.description = "dictionary";
    }
  } else if (has_tag(cell, CellTag::String)) {
    node.description = "\"" + clip(static_cast<const String*>(cell)->to_utf8()) + "\"";
  } else if (has_tag(cell, CellTag::Shape)) {
    const auto* s = static_cast<const Shape*>(cell);
    node.description = std::to_string(s->property_count()) + " keys" + (s->key() ? ", last " + clip(key_text(s->key()), 20) : "");
  } else if (has_tag(cell, CellTag::Scope)) {
    const auto* h = static_cast<const HeapScope*>(cell);
    const bytecode::Constant* layout = h->layout();
    node.description = std::to_string(h->count()) + " slots";
    if (layout && !layout->owner.empty()) node.description += " of " + layout->owner;
  } else if (has_tag(cell, CellTag::FunctionTemplate)) {
    const auto* t = static_cast<const FunctionTemplate*>(cell);
    node.description = t->code->name.empty() ? "(anonymous)" : t->code->name;
  }
  node.marked = vm.heap().is_marked(cell);
  return node;
}

std::string edge_name(const gc::Cell* from, const gc::Cell* to) {
  if (has_tag(from, CellTag::Object)) {
    const auto* o = static_cast<const Object*>(from);
    if (o->prototype() == to) return "[[Prototype]]";
    if (!o->in_dictionary_mode() && o->shape() == to) return "shape";
    for (gc::Cell* key : o->own_named_keys()) {
      auto p = o->get_own(key);
      if (!p) continue;
      if (p->value.is_cell() && p->value.as_cell() == to) return key_text(key);
      if (key == to) return "key " + clip(key_text(key), 20);
    }
    for (uint32_t i = 0; i < o->dense_length() && i < 10000; ++i) {
      auto v = o->get_element(i);
      if (v && v->is_cell() && v->as_cell() == to) return "[" + std::to_string(i) + "]";
    }
    if (o->object_class() == ObjectClass::Function) {
      const auto* f = static_cast<const FunctionObject*>(o);
      if (f->scope == to) return "[[Scope]]";
      if (f->tmpl == to) return "[[Code]]";
    }
    return "";
  }
  if (has_tag(from, CellTag::Shape)) {
    const auto* s = static_cast<const Shape*>(from);
    if (s->prototype() == to) return "prototype";
    if (s->key() == to) return "key";
    return "";
  }
  if (has_tag(from, CellTag::Scope)) {
    const auto* h = static_cast<const HeapScope*>(from);
    if (h->parent() == to) return "parent";
    const bytecode::Constant* layout = h->layout();
    for (uint32_t i = 0; i < h->count(); ++i) {
      Value v = const_cast<HeapScope*>(h)->at(i);
      if (v.is_cell() && v.as_cell() == to)
        return layout && i < layout->names.size() && !layout->names[i].empty() ? layout->names[i] : "slot " + std::to_string(i);
    }
  }
  return "";
}

HeapGraph heap_graph(Vm& vm, std::span<const gc::Cell* const> from, unsigned depth, size_t limit) {
  HeapGraph graph;
  std::unordered_map<const gc::Cell*, size_t> index;
  std::deque<std::pair<const gc::Cell*, unsigned>> queue;  // breadth first: (cell, its distance)
  auto add = [&](const gc::Cell* cell, unsigned distance) -> std::optional<size_t> {
    if (auto it = index.find(cell); it != index.end()) return it->second;
    if (graph.nodes.size() >= limit) {
      graph.truncated = true;
      return std::nullopt;
    }
    index.emplace(cell, graph.nodes.size());
    graph.nodes.push_back(describe_cell(vm, cell));
    queue.emplace_back(cell, distance);
    return graph.nodes.size() - 1;
  };
  for (const gc::Cell* cell : from)
    if (cell && vm.heap().owns(cell)) add(cell, 0);
  std::vector<const gc::Cell*> edges;
  while (!queue.empty()) {
    auto [cell, distance] = queue.front();
    queue.pop_front();
    if (distance >= depth) continue;
    edges.clear();
    vm.heap().edges_of(cell, edges);
    const size_t from_index = index.at(cell);
    for (const gc::Cell* to : edges) {
      auto to_index = add(to, distance + 1);
      if (!to_index) continue;
      graph.edges.push_back(HeapEdge{from_index, *to_index, edge_name(cell, to)});
    }
  }
  return graph;
}

std::vector<KindTotal> heap_totals(Vm& vm) {
  std::map<std::string, KindTotal> by_kind;
  vm.heap().for_each_cell([&](gc::Cell& cell) {
    std::string kind = has_tag(&cell, CellTag::Object) ? object_kind(static_cast<const Object*>(&cell)) : cell.cell_name();
    KindTotal& t = by_kind[kind];
    t.kind = kind;
    ++t.count;
    t.bytes += vm.heap().size_of(&cell);
  });
  std::vector<KindTotal> out;
  for (auto& [k, t] : by_kind) out.push_back(t);
  std::sort(out.begin(), out.end(), [](const KindTotal& a, const KindTotal& b) { return a.bytes > b.bytes; });
  return out;
}

}  // namespace glass::debug
