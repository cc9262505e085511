// RE2 as the matcher's linear-time partner (regexp_re2.cpp): translates a
// parsed pattern to an RE2 pattern over Latin-1 and says what RE2's answer
// may be used for. Internal to builtins/regexp_matcher.cpp.
#pragma once
#include <re2/re2.h>
#include <unicode/uniset.h>

#include <cstdint>
#include <functional>
#include <memory>

#include "regexp/pattern.h"

namespace glass::regexp {

// What RE2's answer means for ECMAScript, on a one-byte subject.
enum class Re2Role : uint8_t {
  // The match and every capture are ECMAScript's.
  Exact,
  // The match's start and end are ECMAScript's; captures are not (a capture
  // inside a repeated group that an iteration can leave unset, which JS
  // resets each iteration and RE2 keeps). The backtracker fills them in,
  // anchored at the start RE2 found.
  Bounds,
  // RE2 matches a superset (lookarounds dropped, backreferences read as any
  // text, repeated atoms that can match empty, huge bounds relaxed): no RE2
  // match proves there is no ECMAScript match, else the backtracker runs.
  Filter,
};

// What the RE2 pattern reads. Latin-1: a one-byte subject as it is. UTF-8:
// a two-byte subject converted (regexp_matcher.cpp), only when it has no
// lone surrogate (and, without u/v, no surrogate at all: JS then reads code
// units, RE2 would read the pair as one code point).
enum class Re2Encoding : uint8_t { Latin1, Utf8 };

struct Re2Plan {
  std::unique_ptr<RE2> re2;  // null: the pattern always runs on the backtracker
  Re2Role role = Re2Role::Exact;
  // Multiline ^ or $: RE2 knows only '\n' as a line end, JS also '\r',
  // U+2028 and U+2029. Valid only for subjects without them.
  bool needs_no_cr = false;
};

// The characters one single-character node (Char, ClassEscape, Property,
// Class) matches under the given case-insensitivity, exactly as the
// backtracker compiles it; false when it is not a set of single characters.
using CharSetOf = std::function<bool(NodeId, bool icase, icu::UnicodeSet& out)>;

// The flags inside a modifier group (?ims-ims:...): `ctx` (anything with
// icase, multiline and dotall) as the group's modifiers change it.
template <class Ctx>
Ctx with_modifiers(Ctx ctx, const Node& group) {
  if (group.add_modifiers.ignoreCase) ctx.icase = true;
  if (group.add_modifiers.multiline) ctx.multiline = true;
  if (group.add_modifiers.dotAll) ctx.dotall = true;
  if (group.remove_modifiers.ignoreCase) ctx.icase = false;
  if (group.remove_modifiers.multiline) ctx.multiline = false;
  if (group.remove_modifiers.dotAll) ctx.dotall = false;
  return ctx;
}

// The plan for one encoding. A UTF-8 plan is made only for patterns whose
// backtracking can blow up: it is the two-byte fallback when the
// backtracker runs long.
Re2Plan plan_re2(const Pattern& pattern, const CharSetOf& char_set, Re2Encoding encoding);

const char* re2_role_name(Re2Role role);

}  // namespace glass::regexp
