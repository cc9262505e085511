// Translating a JS pattern to RE2 (regexp_re2.h), and deciding what RE2's
// answer is worth.
//
// RE2's leftmost-first search explores alternatives and quantifier choices in
// the same priority order as ECMAScript's backtracking (§22.2.2), so on the
// regular core of the language both pick the same match. They part in four
// places, which decide the role:
//
//  1. Lookaround and backreferences: RE2 has neither. The translation drops
//     lookarounds and reads a backreference as any text, a superset: Filter.
//  2. A repeated atom that can match empty: JS fails an iteration past the
//     minimum that matched empty (RepeatMatcher step 2.b) and backtracks into
//     it; RE2 (like Perl) stops the loop, so /(?:|a)*/ matches "" in RE2 and
//     "aa" in JS on "aa". The regular language is the same and JS only
//     removes paths: Filter.
//  3. A capture inside a repeated atom (max > 1) that some iteration can
//     leave unset, e.g. /(?:(a)|b)+/ on "ab": JS resets the atom's captures
//     at each iteration (step 3) and reports undefined, RE2 keeps "a". The
//     match itself is the same: Bounds. When every capture in the atom is
//     set by every iteration that matches (must_set), the last iteration
//     writes all of them in both engines: Exact.
//  4. Flags. RE2 runs in Latin-1 on one-byte subjects, so code points and
//     code units coincide (u and v change nothing) and characters above
//     U+00FF never occur; on two-byte subjects converted to UTF-8 only
//     when they hold no surrogate that would break the same equivalence
//     (Re2Encoding). Case-insensitivity is done here, not by RE2: each
//     character and class becomes the set the backtracker matches (closed
//     over JS's case equivalence), clipped to Latin-1. Multiline ^ and $ use
//     RE2's, which agree with JS on subjects without '\r' (and U+2028/9
//     in UTF-8): needs_no_cr.
//     Modifier groups (?ims-ims:) just change these per group.
//
// Repeat bounds over 1000 (RE2's limit) are relaxed to 1000 / unbounded,
// another superset: Filter. A Filter plan is kept only for patterns whose
// backtracking can blow up (a repeated atom longer than one character):
// elsewhere it would cost an extra scan for nothing; the same goes for
// needs_no_cr, whose check scans the subject.
#include "builtins/regexp_re2.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "util/stack_guard.h"

namespace glass::regexp {

namespace {

constexpr uint32_t kRe2MaxRepeat = 1000;

struct Ctx {
  bool icase, multiline, dotall;
};

class Translator {
 public:
  Translator(const Pattern& p, const CharSetOf& char_set, Re2Encoding encoding)
      : p_(p), char_set_(char_set), utf8_(encoding == Re2Encoding::Utf8) {}

  Re2Plan plan() {
    Re2Plan plan;
    // A repeated atom longer than one character is what can backtrack badly.
    for (const Node& n : p_.nodes)
      if (n.kind == NodeKind::Quantifier && n.max > 1 && !is_single_char(p_[p_.children(n)[0]])) risky_ = true;
    if (utf8_ && !risky_) return plan;
    Ctx ctx{p_.flags.ignoreCase, p_.flags.multiline, p_.flags.dotAll};
    std::string source;
    captures_ = true;
    if (!node(p_.root, ctx, source)) return plan;
    if (role_ != Re2Role::Exact) {
      // Only Exact reads RE2's captures; without groups RE2 can answer from
      // its DFA alone.
      source.clear();
      captures_ = false;
      if (!node(p_.root, ctx, source)) return plan;
    }
    if ((role_ == Re2Role::Filter || needs_no_cr_) && !risky_) return plan;
    RE2::Options options;
    options.set_encoding(utf8_ ? RE2::Options::EncodingUTF8 : RE2::Options::EncodingLatin1);
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(source, options);
    if (!re->ok()) return plan;
    if (role_ == Re2Role::Exact && re->NumberOfCapturingGroups() != int(p_.capture_count)) return plan;
    plan.re2 = std::move(re);
    plan.role = role_;
    plan.needs_no_cr = needs_no_cr_;
    return plan;
  }

 private:
  void degrade(Re2Role to) { role_ = std::max(role_, to); }

  static void hex(std::string& out, char32_t c) {
    char buf[16];
    snprintf(buf, sizeof buf, "\\x{%02x}", unsigned(c));
    out += buf;
  }

  // A set as an RE2 class over the encoding's characters: Latin-1, or code
  // points without surrogates (a converted subject has none). An empty one
  // can never match.
  void set_class(std::string& out, icu::UnicodeSet& set) const {
    if (utf8_) set.remove(0xD800, 0xDFFF);
    char32_t top = utf8_ ? 0x10FFFF : 0xFF;
    std::string cls;
    for (int32_t i = 0; i < set.getRangeCount(); ++i) {
      char32_t a = char32_t(set.getRangeStart(i)), b = char32_t(set.getRangeEnd(i));
      if (a > top) break;
      b = std::min<char32_t>(b, top);
      hex(cls, a);
      if (b != a) {
        cls += "-";
        hex(cls, b);
      }
    }
    if (!cls.empty()) out += "[" + cls + "]";
    else out += utf8_ ? "[^\\x{00}-\\x{10ffff}]" : "[^\\x{00}-\\x{ff}]";
  }

  static bool is_single_char(const Node& n) {
    return n.kind == NodeKind::Char || n.kind == NodeKind::Any || n.kind == NodeKind::ClassEscape ||
           n.kind == NodeKind::Property || n.kind == NodeKind::Class;
  }

  // May the node match the empty string? (Conservative: true when unsure.)
  bool may_be_empty(NodeId id, int depth) const {
    if (depth > 200) return true;
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Char:
      case NodeKind::Any:
      case NodeKind::ClassEscape:
      case NodeKind::Property: return false;
      case NodeKind::Class: return n.may_contain_strings;
      case NodeKind::Group: return may_be_empty(p_.children(n)[0], depth + 1);
      case NodeKind::Disjunction:
        for (NodeId c : p_.children(n))
          if (may_be_empty(c, depth + 1)) return true;
        return false;
      case NodeKind::Alternative:
        for (NodeId c : p_.children(n))
          if (!may_be_empty(c, depth + 1)) return false;
        return true;
      case NodeKind::Quantifier: return n.min == 0 || may_be_empty(p_.children(n)[0], depth + 1);
      default: return true;
    }
  }

  // Does every match of the node set capture `index`? (Conservative: false
  // when unsure or when the walk grows too long.)
  bool must_set(NodeId id, uint32_t index, int depth) {
    if (depth > 200 || ++work_ > 1'000'000) return false;
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Group:
        return n.capture_index == index || must_set(p_.children(n)[0], index, depth + 1);
      case NodeKind::Disjunction:
        for (NodeId c : p_.children(n))
          if (!must_set(c, index, depth + 1)) return false;
        return true;
      case NodeKind::Alternative:
        for (NodeId c : p_.children(n))
          if (must_set(c, index, depth + 1)) return true;
        return false;
      case NodeKind::Quantifier: return n.min >= 1 && must_set(p_.children(n)[0], index, depth + 1);
      default: return false;
    }
  }

  void captures_in(NodeId id, std::vector<uint32_t>& out, int depth) {
    if (depth > 200 || ++work_ > 1'000'000) {
      out.push_back(0);  // unknown: must_set(…, 0) is false
      return;
    }
    const Node& n = p_[id];
    if (n.kind == NodeKind::Group && n.capture_index > 0) out.push_back(n.capture_index);
    for (NodeId c : p_.children(n)) captures_in(c, out, depth + 1);
  }

  bool node(NodeId id, const Ctx& ctx, std::string& out) {
    if (guard_.exhausted() || out.size() > 200000) return false;
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Disjunction: {
        auto alts = p_.children(n);
        out += "(?:";
        for (size_t i = 0; i < alts.size(); ++i) {
          if (i) out += "|";
          if (!node(alts[i], ctx, out)) return false;
        }
        out += ")";
        return true;
      }
      case NodeKind::Alternative:
        for (NodeId t : p_.children(n))
          if (!node(t, ctx, out)) return false;
        return true;
      case NodeKind::Any:
        // Latin-1 has no U+2028/2029; with u a code point is a code unit there.
        if (utf8_) out += ctx.dotall ? "[\\x{00}-\\x{10ffff}]" : "[^\\x{0a}\\x{0d}\\x{2028}\\x{2029}]";
        else out += ctx.dotall ? "[\\x{00}-\\x{ff}]" : "[^\\x{0a}\\x{0d}]";
        return true;
      case NodeKind::Char:
      case NodeKind::ClassEscape:
      case NodeKind::Property:
      case NodeKind::Class: {
        icu::UnicodeSet set;
        if (!char_set_(id, ctx.icase, set)) return false;
        set_class(out, set);
        return true;
      }
      case NodeKind::Group: {
        Ctx inner = with_modifiers(ctx, n);
        out += n.capture_index && captures_ ? "(" : "(?:";
        if (!node(p_.children(n)[0], inner, out)) return false;
        out += ")";
        return true;
      }
      case NodeKind::Backreference:
        degrade(Re2Role::Filter);
        out += "[\\x{00}-\\x{ff}]*";
        return true;
      case NodeKind::Assertion:
        switch (n.assertion) {
          case AssertionKind::Start:
            if (ctx.multiline) needs_no_cr_ = true;
            out += ctx.multiline ? "(?m:^)" : "^";
            return true;
          case AssertionKind::End:
            if (ctx.multiline) needs_no_cr_ = true;
            out += ctx.multiline ? "(?m:$)" : "\\z";
            return true;
          // RE2's \b is ASCII, as JS's is; with u and i JS adds U+017F and
          // U+212A, which only a two-byte subject can hold.
          case AssertionKind::WordBoundary:
          case AssertionKind::NotWordBoundary:
            if (utf8_ && ctx.icase && (p_.flags.unicode || p_.flags.unicodeSets)) return false;
            out += n.assertion == AssertionKind::WordBoundary ? "\\b" : "\\B";
            return true;
          default:
            degrade(Re2Role::Filter);  // lookaround: dropped
            return true;
        }
      case NodeKind::Quantifier: return quantifier(n, ctx, out);
      default: return false;
    }
  }

  bool quantifier(const Node& n, const Ctx& ctx, std::string& out) {
    NodeId atom = p_.children(n)[0];
    uint32_t min = n.min, max = n.max;
    if (max == 0) {
      // The atom never runs; its captures stay undefined, which RE2 would
      // only report if the groups existed.
      std::vector<uint32_t> caps;
      captures_in(atom, caps, 0);
      if (!caps.empty()) degrade(Re2Role::Bounds);
      return true;
    }
    if (min > kRe2MaxRepeat) {
      min = kRe2MaxRepeat;
      degrade(Re2Role::Filter);
    }
    if (max != Node::kUnbounded && max > kRe2MaxRepeat) {
      max = Node::kUnbounded;
      degrade(Re2Role::Filter);
    }
    if (may_be_empty(atom, 0)) degrade(Re2Role::Filter);
    if (n.max > 1 && role_ == Re2Role::Exact) {
      std::vector<uint32_t> caps;
      captures_in(atom, caps, 0);
      for (uint32_t c : caps)
        if (!must_set(atom, c, 0)) {
          degrade(Re2Role::Bounds);
          break;
        }
    }
    out += "(?:";
    if (!node(atom, ctx, out)) return false;
    out += ")";
    if (max == Node::kUnbounded) out += "{" + std::to_string(min) + ",}";
    else out += "{" + std::to_string(min) + "," + std::to_string(max) + "}";
    if (!n.greedy) out += "?";
    return true;
  }

  const Pattern& p_;
  const CharSetOf& char_set_;
  bool utf8_;
  Re2Role role_ = Re2Role::Exact;
  bool captures_ = true;
  bool needs_no_cr_ = false;
  bool risky_ = false;
  uint64_t work_ = 0;
  StackGuard guard_{StackGuard::default_usable() / 4};
};

}  // namespace

Re2Plan plan_re2(const Pattern& pattern, const CharSetOf& char_set, Re2Encoding encoding) {
  Translator t(pattern, char_set, encoding);
  return t.plan();
}

const char* re2_role_name(Re2Role role) {
  switch (role) {
    case Re2Role::Exact: return "exact";
    case Re2Role::Bounds: return "bounds";
    case Re2Role::Filter: return "filter";
  }
  return "?";
}

}  // namespace glass::regexp
