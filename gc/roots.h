// Roots: where marking starts. Every root is visited under a name, so that
// "why is this cell alive?" (Heap::find_path_to) has an answer a person can
// read: "vm frames -> Closure -> Environment -> Object".
//
// Three kinds, all visited at the start of every collection:
//  - RootSection: a subsystem that owns many roots (the VM's register file
//    and frames, the realm's intrinsics, the job queue, the module map)
//    registers one section with the heap and visits them in trace_roots().
//  - Rooted<T> (handles.h): one Cell* in a C++ local, for native code.
//  - Persistent<T> (handles.h): one Cell* held until released, for callbacks
//    the event loop still owes.
#pragma once
#include <cstddef>

namespace glass::gc {

class Cell;
class Tracer;

class RootSection {
 public:
  virtual ~RootSection() = default;
  // Shown by find_path_to and heap dumps: "vm frames", "realm", "job queue".
  virtual const char* root_name() const = 0;
  // tracer.visit() every cell this subsystem holds on to.
  virtual void trace_roots(Tracer& tracer) = 0;
};

namespace detail {

// A link in an intrusive, circular, doubly-linked list of handles. Linking
// and unlinking are a few pointer writes and work in any order, so handles
// may live in any scope or container (there is no LIFO rule to break).
struct HandleNode {
  HandleNode* prev = nullptr;
  HandleNode* next = nullptr;
  Cell* cell = nullptr;
  const char* label = nullptr;  // Persistent only: shown by find_path_to

  bool linked() const { return prev != nullptr; }
  void link_after(HandleNode& at) {
    prev = &at;
    next = at.next;
#if defined(__GNUC__) && !defined(__clang__)
// A handle on the stack links itself into the heap's list and unlinks
// itself in its destructor; GCC does not see the unlink and warns that the
// list keeps the address of a local (-Wdangling-pointer): it does not.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
    at.next->prev = this;
    at.next = this;
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  }
  void unlink() {
    prev->next = next;
    next->prev = prev;
    prev = next = nullptr;
  }
};

// The list head (a sentinel node, so linking never branches). Owned by the
// Heap; never moves.
class HandleList {
 public:
  HandleList() { head_.prev = head_.next = &head_; }
  HandleList(const HandleList&) = delete;
  HandleList& operator=(const HandleList&) = delete;

  HandleNode& head() { return head_; }
  bool empty() const { return head_.next == &head_; }
  size_t size() const {
    size_t n = 0;
    for (const HandleNode* p = head_.next; p != &head_; p = p->next) ++n;
    return n;
  }
  template <class F>
  void for_each(F&& f) {
    for (HandleNode* p = head_.next; p != &head_;) {
      HandleNode* next = p->next;  // f may unlink p
      f(*p);
      p = next;
    }
  }

 private:
  HandleNode head_;
};

}  // namespace detail
}  // namespace glass::gc
