// Fuzz target: the RegExp pattern parser, the compiler and both matchers,
// differentially. The input is flags, pattern and subject:
//   byte 0: which flags (bit 0 i, 1 m, 2 s, 3 u, 4 v, 5 d, 6 g); then the
//   pattern, a zero byte, and the subject (Latin-1; run also widened to
//   two-byte text). Without a zero byte the subject is a fixed text.
// Every search runs through the backtracker alone (the reference: it is
// ECMA-262's algorithm) and through the RE2 path (regexp_re2.cpp's roles),
// from every start position, sticky and not: the status, the match and the
// captures must agree, until the backtracker runs out of its budget.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "builtins/regexp.h"
#include "regexp/pattern.h"

using namespace glass::regexp;

namespace {

struct Outcome {
  MatchStatus status;
  std::vector<int32_t> captures;
};

Outcome run(const Program& program, const std::string& one, const std::u16string& two, uint32_t start, bool sticky,
            bool backtracker) {
  set_force_backtracker(backtracker);
  set_two_byte_re2_first(true);
  Outcome o;
  if (!two.empty())
    o.status = search(program, nullptr, two.data(), uint32_t(two.size()), start, sticky, o.captures);
  else
    o.status = search(program, reinterpret_cast<const uint8_t*>(one.data()), nullptr, uint32_t(one.size()), start,
                      sticky, o.captures);
  set_force_backtracker(false);
  set_two_byte_re2_first(false);
  if (o.status != MatchStatus::Match) o.captures.clear();
  return o;
}

std::string shown(const Outcome& o) {
  if (o.status == MatchStatus::NoMatch) return "no match";
  if (o.status == MatchStatus::LimitExceeded) return "limit";
  std::string s = "match";
  for (int32_t c : o.captures) s += " " + std::to_string(c);
  return s;
}

constexpr uint32_t kMaxSubject = 48;  // every start position is tried, twice, on both engines

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // A catastrophic pattern spends the whole budget once per input: keep that
  // to milliseconds (the default is seconds; under ASan, minutes).
  set_step_budget(300'000);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string flags;
  const char kFlagLetters[] = "imsuvdg";
  for (int bit = 0; bit < 7; ++bit)
    if (data[0] & (1u << bit)) flags += kFlagLetters[bit];
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  size_t zero = rest.find('\0');
  std::string pattern_bytes = rest.substr(0, zero);
  std::string subject = zero == std::string::npos ? "aaba b\nAB_1" : rest.substr(zero + 1);
  if (subject.size() > kMaxSubject) subject.resize(kMaxSubject);

  std::string message;
  auto parsed_flags = parse_flags(std::string_view(flags), &message);
  if (!parsed_flags) return 0;  // u with v
  std::u16string pattern;
  for (unsigned char c : pattern_bytes) pattern.push_back(char16_t(c));
  auto parsed = parse_pattern(pattern, *parsed_flags);
  if (!std::holds_alternative<Pattern>(parsed)) return 0;
  std::string error;
  auto program = compile_program(std::get<Pattern>(parsed), &error);
  if (!program) return 0;

  std::u16string wide;
  for (unsigned char c : subject) wide.push_back(char16_t(c));
  for (bool two_byte : {false, true}) {
    if (two_byte && wide.empty()) continue;
    uint32_t length = uint32_t(subject.size());
    for (uint32_t start = 0; start <= length; ++start)
      for (bool sticky : {false, true}) {
        Outcome reference = run(*program, subject, two_byte ? wide : u"", start, sticky, true);
        // Out of budget: the backtracker has no answer to compare with, and
        // every further search would spend the whole budget again.
        if (reference.status == MatchStatus::LimitExceeded) return 0;
        Outcome re2 = run(*program, subject, two_byte ? wide : u"", start, sticky, false);
        if (shown(re2) != shown(reference)) {
          std::fprintf(stderr, "RegExp engines differ: /%s/%s (%s) on a %s subject from %u%s: RE2 path %s, backtracker %s\n",
                       pattern_bytes.c_str(), flags.c_str(), re2_role(*program, two_byte), two_byte ? "two-byte" : "one-byte",
                       start, sticky ? " sticky" : "", shown(re2).c_str(), shown(reference).c_str());
          std::abort();
        }
      }
  }
  return 0;
}
