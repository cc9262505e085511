// When collections happen (threshold, stress) and what --trace-gc prints.
#include <doctest/doctest.h>
#include <re2/re2.h>

#include <cstdio>
#include <string>

#include "test_cells.h"

using namespace gctest;

TEST_CASE("gc: the threshold policy starts a cycle after min_threshold bytes, then after growth x live") {
  Heap heap({.min_threshold = 64 * 1024, .growth_factor = 1.0});
  // 64 KiB of garbage 64-byte cells: 1024 of them fit, the 1025th triggers.
  for (int i = 0; i < 1024; ++i) heap.allocate<Sized<64>>();
  CHECK(heap.stats().cycles == 0);
  heap.allocate<Sized<64>>();
  CHECK(heap.stats().cycles == 1);
  CHECK(heap.stats().last.reason == CollectReason::Threshold);

  // Keep 256 KiB alive: the threshold grows to growth_factor x live.
  Rooted<Owner> keep(heap, heap.allocate<Owner>(0));
  for (int i = 0; i < 4096; ++i) keep->cells.push_back(heap.allocate<Sized<64>>());
  heap.collect();
  size_t live = heap.stats().live_bytes;
  CHECK(live > 256 * 1024);
  CHECK(heap.stats().threshold == live);
  uint64_t before = heap.stats().cycles;
  for (size_t allocated = 0; allocated + 64 <= live; allocated += 64) heap.allocate<Sized<64>>();
  CHECK(heap.stats().cycles == before);
  heap.allocate<Sized<64>>();
  CHECK(heap.stats().cycles == before + 1);
}

TEST_CASE("gc: the number of cycles grows with allocation, not with time") {
  Heap heap({.min_threshold = 1 << 20});
  for (int i = 0; i < 100'000; ++i) heap.allocate<Sized<64>>();  // 6.1 MiB of garbage
  CHECK(heap.stats().cycles == 6);
}

TEST_CASE("gc: stress mode collects before every allocation (and verifies each cycle)") {
  destroyed = 0;
  Heap heap({.stress = true});
  CHECK(heap.options().verify);
  CHECK(heap.options().poison);
  Rooted<Node> list(heap);
  for (int i = 0; i < 200; ++i) {
    list = heap.allocate<Node>(i, list.get());
    heap.allocate<Owner>();  // garbage, freed by the next allocation's cycle
  }
  CHECK(heap.stats().cycles == 400);
  CHECK(heap.stats().last.reason == CollectReason::Stress);
  CHECK(destroyed == 199);
  Rooted<EphemeronTable> map(heap, heap.allocate<EphemeronTable>());
  Rooted<Big> big(heap, heap.allocate<Big>(list.get()));
  map->entries.push_back({big.get(), heap.allocate<WeakBox>(list.get())});
  heap.allocate<Big>();
  heap.collect();
  CHECK(map->entries.size() == 1);
}

TEST_CASE("gc: in stress mode a freed slot is quarantined, not handed to the next allocation") {
  Heap heap({.stress = true});
  CHECK(heap.options().quarantine == 4096);
  Node* first = heap.allocate<Node>(1);        // garbage
  Node* second = heap.allocate<Node>(2);       // this cycle frees `first`
  CHECK(second != first);
  Heap quick({.quarantine = 0});
  Node* a = quick.allocate<Node>(1);
  quick.collect();
  CHECK(quick.allocate<Node>(2) == a);  // without a quarantine, LIFO reuse
}

static std::string read_all(FILE* f) {
  std::rewind(f);
  std::string out;
  char buf[256];
  while (size_t n = std::fread(buf, 1, sizeof buf, f)) out.append(buf, n);
  return out;
}

TEST_CASE("gc: --trace-gc prints one line per cycle in the documented format") {
  FILE* trace = std::tmpfile();
  REQUIRE(trace);
  {
    Heap heap({.trace = trace, .min_threshold = 16 * 1024});
    Rooted<Node> keep(heap, heap.allocate<Node>(1));
    for (int i = 0; i < 400; ++i) heap.allocate<Sized<64>>();  // one threshold cycle
    heap.collect();
  }  // and the teardown line
  std::string out = read_all(trace);
  std::fclose(trace);
  const RE2 line(
      R"(\[gc (\d+)\] before=\d+\.\d\dMiB after=\d+\.\d\dMiB marked=\d+ freed=\d+ pause=\d+\.\d\dms reason=(threshold|stress|forced|teardown)\n)");
  REQUIRE(line.ok());
  std::vector<std::string> reasons;
  int number = 0, n = 0;
  std::string reason;
  for (re2::StringPiece input(out); RE2::FindAndConsume(&input, line, &n, &reason);) {
    CHECK(n == ++number);
    reasons.push_back(reason);
  }
  CHECK(reasons == std::vector<std::string>{"threshold", "forced", "teardown"});
  std::string rest = out;
  RE2::GlobalReplace(&rest, line, "");
  CHECK(rest.empty());  // nothing else
  // `keep` (48 bytes) and 255 cells of 64 bytes fill the 16 KiB threshold;
  // the 256th allocation collects those 255, the forced cycle the 145 after
  // it, keeping only `keep`.
  INFO(out);
  CHECK(out.find("marked=1 freed=255 ") != std::string::npos);
  CHECK(out.find("marked=1 freed=145 ") != std::string::npos);
  CHECK(out.find("after=0.00MiB marked=0 freed=1 ") != std::string::npos);  // teardown
}
