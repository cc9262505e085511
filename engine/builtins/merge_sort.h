// The stable sort behind Array.prototype.sort/toSorted and
// %TypedArray%.prototype.sort/toSorted (the spec's SortIndexedProperties
// leaves the algorithm to the implementation but asks for stability).
//
// A hand-written merge sort rather than std::stable_sort: the comparator may
// be a user function that is inconsistent (a < b and b < a) or that throws,
// and the standard algorithms promise nothing then; this one only ever
// reads and writes inside the vector, whatever the comparator says.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace glass {

// Sorts `order` (indices into the items) stably. cmp(a, b) > 0: a goes after b.
template <class Cmp>
void merge_sort(std::vector<uint32_t>& v, Cmp&& cmp) {
  const size_t n = v.size();
  constexpr size_t kRun = 8;
  for (size_t lo = 0; lo < n; lo += kRun) {
    size_t hi = std::min(lo + kRun, n);
    for (size_t i = lo + 1; i < hi; ++i) {
      uint32_t x = v[i];
      size_t j = i;
      while (j > lo && cmp(v[j - 1], x) > 0) {
        v[j] = v[j - 1];
        --j;
      }
      v[j] = x;
    }
  }
  if (n <= kRun) return;
  std::vector<uint32_t> tmp(n);
  for (size_t width = kRun; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      if (mid >= hi || cmp(v[mid - 1], v[mid]) <= 0) {  // one run, or already in order
        std::copy(v.begin() + lo, v.begin() + hi, tmp.begin() + lo);
        continue;
      }
      size_t i = lo, j = mid, out = lo;
      while (i < mid && j < hi) {
        if (cmp(v[i], v[j]) <= 0) tmp[out++] = v[i++];
        else tmp[out++] = v[j++];
      }
      while (i < mid) tmp[out++] = v[i++];
      while (j < hi) tmp[out++] = v[j++];
    }
    v.swap(tmp);
  }
}

}  // namespace glass
