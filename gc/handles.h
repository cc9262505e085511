// Handles: roots held by C++ code.
//
// Rooted<T> — a Cell* in a C++ local (or member of a C++ object that lives on
// the stack), kept alive for as long as the Rooted exists. Native functions
// use it constantly, so it is cheap: constructing links a node into the
// heap's list (four pointer writes), destroying unlinks it (two). Because the
// list is doubly linked, Rooteds may be destroyed in any order and kept in
// containers (std::vector<Rooted<T>> works). Copying a Rooted makes another
// root for the same cell; assigning changes only which cell is held. Moving
// is copying (the source stays rooted, holding the same cell, until it dies).
// A Rooted must not outlive its heap (checked when the heap is destroyed).
//
// Persistent<T> — a root that lives until it is reset or destroyed, for cells
// the event loop still owes a callback (a timer's function, a pending fs
// request's callback). Movable, not copyable: exactly one owner releases it.
// It may carry a label, shown by Heap::find_path_to. If the heap dies first,
// the heap detaches it and it becomes empty.
#pragma once
#include <type_traits>

#include "gc/heap.h"

namespace glass::gc {

template <class T>
class Rooted : private detail::HandleNode {
 public:
  explicit Rooted(Heap& heap, T* cell = nullptr) {
    this->cell = cell;
    link_after(heap.rooted_handles().head());
  }
  Rooted(const Rooted& other) {
    this->cell = other.cell;
    link_after(const_cast<Rooted&>(other));
  }
  template <class U>
    requires std::is_convertible_v<U*, T*>
  Rooted(const Rooted<U>& other) {  // NOLINT: implicit like T* from U*
    this->cell = other.cell_node();
    link_after(other.node());
  }
  Rooted& operator=(const Rooted& other) {
    this->cell = other.cell;
    return *this;
  }
  Rooted& operator=(T* cell) {
    this->cell = cell;
    return *this;
  }
  ~Rooted() { unlink(); }

  T* get() const { return static_cast<T*>(this->cell); }
  operator T*() const { return get(); }  // NOLINT: a Rooted<T> is used where a T* is
  T* operator->() const { return get(); }
  T& operator*() const { return *get(); }

 private:
  template <class>
  friend class Rooted;
  Cell* cell_node() const { return this->cell; }
  detail::HandleNode& node() const { return const_cast<Rooted&>(*this); }
};

template <class T>
class Persistent : private detail::HandleNode {
 public:
  Persistent() = default;
  Persistent(Heap& heap, T* cell, const char* label = nullptr) {
    this->cell = cell;
    this->label = label;
    link_after(heap.persistent_handles().head());
  }
  Persistent(const Persistent&) = delete;
  Persistent& operator=(const Persistent&) = delete;
  Persistent(Persistent&& other) noexcept { take(other); }
  Persistent& operator=(Persistent&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  ~Persistent() { reset(); }

  // Release the root: the cell may now be collected.
  void reset() {
    if (linked()) unlink();
    this->cell = nullptr;
    this->label = nullptr;
  }
  T* get() const { return static_cast<T*>(this->cell); }
  T* operator->() const { return get(); }
  explicit operator bool() const { return this->cell != nullptr; }
  const char* label_text() const { return this->label; }

 private:
  void take(Persistent& other) {
    if (!other.linked()) return;
    this->cell = other.cell;
    this->label = other.label;
    link_after(other);
    other.reset();
  }
};

}  // namespace glass::gc
