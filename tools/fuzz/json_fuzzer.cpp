// Fuzz target: JSON.parse (with and without a reviver) and JSON.stringify
// (with and without indentation) on any text. Whatever parses must survive
// a round trip: stringify(parse(stringify(v))) is stringify(v). A
// SyntaxError is the expected answer to most inputs; any other exception,
// a mismatch, a crash or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_vm.h"

namespace {

// Returns "" when all is well, else what went wrong.
constexpr const char* kCheck = R"JS((function (text) {
  var value;
  try { value = JSON.parse(text); } catch (e) {
    if (e instanceof SyntaxError) return '';
    return 'JSON.parse threw ' + e;
  }
  JSON.parse(text, function (key, v) {
    if (typeof v === 'number') return v + 1;
    if (key === 'drop') return undefined;
    return v;
  });
  var once = JSON.stringify(value);
  var twice = JSON.stringify(JSON.parse(once));
  if (once !== twice) return 'round trip differs: ' + once + ' then ' + twice;
  var indented = JSON.stringify(value, null, 2);
  if (JSON.stringify(JSON.parse(indented)) !== once) return 'indented round trip differs: ' + indented;
  return '';
}))JS";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static glass::fuzz::SharedCheck check(kCheck, 50'000'000, size_t(256) << 20);
  std::string failure = check.run(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!failure.empty()) {
    std::fprintf(stderr, "JSON fuzz check failed: %s\n", failure.c_str());
    std::abort();
  }
  return 0;
}
