#include "debug/handles.h"

#include "objects/object.h"

namespace glass::debug {

HandleId HandleTable::add(Value v, const std::string& group) {
  HandleId id = next_++;
  entries_.emplace(id, Entry{v, group});
  return id;
}

std::optional<Value> HandleTable::get(HandleId id) const {
  auto it = entries_.find(id);
  if (it == entries_.end()) return std::nullopt;
  return it->second.value;
}

void HandleTable::release(HandleId id) { entries_.erase(id); }

void HandleTable::release_group(const std::string& group) {
  std::erase_if(entries_, [&](const auto& entry) { return entry.second.group == group; });
}

void HandleTable::trace_roots(gc::Tracer& tracer) {
  for (const auto& [id, entry] : entries_) trace_value(tracer, entry.value);
}

}  // namespace glass::debug
