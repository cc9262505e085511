// Fuzz target: Date.parse on any text. When a text parses, the date's own
// formats must parse back to the same time: toISOString exactly, toString
// and toUTCString to the second (they have no milliseconds). Any mismatch,
// a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_vm.h"

namespace {

constexpr const char* kCheck = R"JS((function (text) {
  var t = Date.parse(text);
  if (t !== t) return '';
  var d = new Date(t);
  if (Date.parse(d.toISOString()) !== t) return 'toISOString ' + d.toISOString() + ' parses to ' + Date.parse(d.toISOString()) + ', not ' + t;
  var seconds = Math.floor(t / 1000) * 1000;
  if (Date.parse(d.toString()) !== seconds) return 'toString ' + d.toString() + ' parses to ' + Date.parse(d.toString()) + ', not ' + seconds;
  if (Date.parse(d.toUTCString()) !== seconds) return 'toUTCString ' + d.toUTCString() + ' parses to ' + Date.parse(d.toUTCString()) + ', not ' + seconds;
  return '';
}))JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static glass::fuzz::SharedCheck check(kCheck, 1'000'000, size_t(64) << 20);
  std::string text(reinterpret_cast<const char*>(data), size);
  std::string failure = check.run(text);
  if (!failure.empty()) {
    std::fprintf(stderr, "Date.parse of \"%s\": %s\n", text.c_str(), failure.c_str());
    std::abort();
  }
  return 0;
}
