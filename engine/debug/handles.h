// Object handles: the values a debugger client holds by id (CDP's
// objectId) — a variable's object it may expand later, the result of an
// evaluation. They are GC roots of their own ("debugger handles", visible in
// a retaining path) until released one by one or by group: CDP releases the
// group "backtrace" (everything a pause handed out) when the program
// resumes, and a client releases its own groups ("console", "watch").
#pragma once
#include <cstdint>
#include <string>
#include <optional>
#include <unordered_map>

#include "gc/heap.h"
#include "vm/value.h"

namespace glass::debug {

using HandleId = uint64_t;  // 0 is never a handle

class HandleTable final : public gc::RootSection {
 public:
  explicit HandleTable(gc::Heap& heap) : heap_(heap) { heap_.add_root_section(*this); }
  ~HandleTable() override { heap_.remove_root_section(*this); }
  HandleTable(const HandleTable&) = delete;
  HandleTable& operator=(const HandleTable&) = delete;

  // A new handle for `v` in `group`.
  HandleId add(Value v, const std::string& group);
  // The value, or nullopt for an unknown or released handle.
  std::optional<Value> get(HandleId id) const;
  void release(HandleId id);
  void release_group(const std::string& group);
  size_t size() const { return entries_.size(); }

  const char* root_name() const override { return "debugger handles"; }
  void trace_roots(gc::Tracer& tracer) override;

 private:
  struct Entry {
    Value value;
    std::string group;
  };
  gc::Heap& heap_;
  std::unordered_map<HandleId, Entry> entries_;
  HandleId next_ = 1;
};

}  // namespace glass::debug
