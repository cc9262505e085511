// RegExp: the built-in (builtins/regexp.cpp) and its matcher
// (builtins/regexp_matcher.cpp).
//
// A pattern is parsed by engine/regexp (pattern.h: early errors, the tree),
// then compiled here into a small program for a backtracking matcher that
// implements ECMA-262 §22.2.2 exactly (case folding, \w/\b under /ui, capture
// reset in quantified groups, the empty-iteration check, lookbehind matching
// backwards, v-mode set operations and strings). The matcher keeps its
// backtracking state on an explicit stack (never C++ recursion), so long
// inputs cannot overflow the C++ stack; a step budget and a stack cap turn a
// catastrophic pattern into RangeError kBacktrackLimitMessage (see
// regexp_matcher.cpp, kStepBudget) instead of a hang. Every pattern RE2
// can express (or bound from above) also gets an RE2 plan (regexp_re2.h)
// that keeps the search linear: see engine/regexp/README.md.
//
// Indices are UTF-16 code-unit offsets; with u or v the matcher reads code
// points (a surrogate pair is one character).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "regexp/pattern.h"
#include "vm/value.h"

namespace glass {

class Vm;
class String;

// A new RegExp object for a regular expression literal /pattern/flags (the
// VM's NewRegExp). The parser has validated it; errors still throw SyntaxError.
Value regexp_create_literal(Vm& vm, const std::u16string& pattern, const std::string& flags);

// RegExpCreate(P, F) (§22.2.3.1): a new RegExp with %RegExp.prototype%.
// `pattern` / `flags` may be undefined. Throws SyntaxError on a bad pattern.
Value regexp_create(Vm& vm, Value pattern, Value flags);

namespace regexp {

// The compiled form of one pattern: immutable, shared by every RegExp
// object made from the same source and flags.
struct Program;

struct Compiled {
  std::shared_ptr<const Program> program;
  Flags flags;
  uint32_t capture_count = 0;                 // not counting the whole match
  std::vector<std::u16string> capture_names;  // [i] = name of group i ("" if unnamed); [0] unused
  bool has_named_groups = false;
};

// Compiles a pattern parse_pattern accepted. Returns null and sets *error
// ("Regular expression too large") when the pattern nests too deeply to compile.
std::shared_ptr<const Program> compile_program(const Pattern& pattern, std::string* error);

enum class MatchStatus { Match, NoMatch, LimitExceeded };
// What LimitExceeded is thrown as (a RangeError): what happened, not a stack overflow.
inline constexpr const char* kBacktrackLimitMessage =
    "Regular expression too complex: the match ran out of its backtracking budget";

// RegExpBuiltinExec's matching loop: tries at `start` and, unless `sticky`,
// at each later position (advancing by code points with u/v) until a match.
// `one` or `two` is the subject (one-byte or two-byte code units). On Match,
// captures holds 2 * (capture_count + 1) offsets, -1 for undefined.
MatchStatus search(const Program& program, const uint8_t* one, const char16_t* two, uint32_t length, uint32_t start,
                   bool sticky, std::vector<int32_t>& captures);

// For tests: send every search to the backtracker (as GLASS_REGEXP_NO_RE2=1
// does), to compare it with RE2 (regexp_re2.h).
void set_force_backtracker(bool on);
// For tests and fuzzers: the backtracker's step budget (0: the default,
// several seconds of work), so a catastrophic pattern gives up sooner.
void set_step_budget(uint64_t steps);
// For tests: two-byte subjects go to RE2 at once (normally only after the
// backtracker has run for a while; see search).
void set_two_byte_re2_first(bool on);
// For tests: how a program uses RE2 on one-byte (or two-byte) subjects:
// "exact", "bounds", "filter" (see Re2Role) or "none".
const char* re2_role(const Program& program, bool two_byte = false);

}  // namespace regexp
}  // namespace glass
