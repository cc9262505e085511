// The sizes small cells are rounded up to. A cell of at most kMaxSmallSize
// bytes lives in a slot of the smallest class that fits it, in a block that
// holds only that class; a bigger cell is a "large" cell, allocated alone.
//
// Why these sizes: steps of 16 up to 128 (most engine cells — strings,
// small objects, closures — are small, and 16 is the cell alignment), then
// steps of 32 and 64 so that rounding wastes at most ~20% of a slot.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace glass::gc {

inline constexpr size_t kCellAlignment = 16;
inline constexpr std::array<uint16_t, 16> kSizeClasses = {16,  32,  48,  64,  80,  96,  112, 128,
                                                          160, 192, 224, 256, 320, 384, 448, 512};
inline constexpr size_t kSizeClassCount = kSizeClasses.size();
inline constexpr size_t kMaxSmallSize = kSizeClasses.back();
// The size-class index stored in the header of a cell allocated alone.
inline constexpr uint8_t kLargeClass = 0xff;

namespace detail {
// kClassOfGranule[g]: the smallest class whose size is at least g * 16 bytes.
inline constexpr auto kClassOfGranule = [] {
  std::array<uint8_t, kMaxSmallSize / kCellAlignment + 1> table{};
  size_t c = 0;
  for (size_t g = 0; g < table.size(); ++g) {
    while (kSizeClasses[c] < g * kCellAlignment) ++c;
    table[g] = static_cast<uint8_t>(c);
  }
  return table;
}();
}  // namespace detail

// The class for a cell of `bytes` bytes; bytes must be <= kMaxSmallSize.
constexpr unsigned size_class_for(size_t bytes) {
  return detail::kClassOfGranule[(bytes + kCellAlignment - 1) / kCellAlignment];
}

static_assert(size_class_for(1) == 0 && size_class_for(16) == 0 && size_class_for(17) == 1);
static_assert(size_class_for(129) == 8 && size_class_for(512) == kSizeClassCount - 1);

}  // namespace glass::gc
