// A bump allocator for everything the front end builds: AST nodes, lists,
// cooked string values. Freed all at once when the parse result dies, so
// nodes need no destructors (they hold only trivially destructible fields).
#pragma once
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace glass {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t size, size_t align) {
    size_t p = (used_ + align - 1) & ~(align - 1);
    if (p + size > capacity_) {
      grow(size + align);
      p = (used_ + align - 1) & ~(align - 1);
    }
    used_ = p + size;
    return current_ + p;
  }

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  template <class T>
  std::span<T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(p, items.data(), sizeof(T) * items.size());
    return {p, items.size()};
  }

  std::string_view copy(std::string_view s) {
    auto r = copy(std::span<const char>(s.data(), s.size()));
    return {r.data(), r.size()};
  }
  std::u16string_view copy(std::u16string_view s) {
    auto r = copy(std::span<const char16_t>(s.data(), s.size()));
    return {r.data(), r.size()};
  }

  size_t bytes_allocated() const { return total_; }

 private:
  void grow(size_t at_least) {
    size_t size = at_least > kChunk ? at_least : kChunk;
    chunks_.push_back(std::make_unique<char[]>(size));
    current_ = chunks_.back().get();
    capacity_ = size;
    used_ = 0;
    total_ += size;
  }
  static constexpr size_t kChunk = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* current_ = nullptr;
  size_t capacity_ = 0, used_ = 0, total_ = 0;
};

}  // namespace glass
