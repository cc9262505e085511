// GLASS_ASAN: defined when this translation unit is built with
// AddressSanitizer. GCC says so with __SANITIZE_ADDRESS__, clang (before
// 16) only through __has_feature; every place that talks to ASan (poisoned
// cells, leak-checker root regions, fiber switches) asks here, so a clang
// build (the fuzzers) gets the same annotations as the GCC debug build.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define GLASS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GLASS_ASAN 1
#endif
#endif
