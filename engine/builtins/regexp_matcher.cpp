// The RegExp matcher: compiles a parsed pattern (regexp/pattern.h) into a
// program for a backtracking machine, and runs it.
//
// The machine follows ECMA-262 §22.2.2 (the Matcher/Continuation semantics)
// with an explicit backtrack stack instead of continuations:
//
//  - Split pushes a Branch (the other alternative, the current position);
//    failing pops the stack, undoing every change recorded since (captures
//    and registers are only changed through set_cap/set_reg, which log the
//    old value), until a Branch or a loop entry resumes.
//  - Quantifiers: a counter and a start-position register per loop; each
//    iteration resets the captures inside it (RepeatMatcher step 3) and an
//    iteration past the minimum that matched empty fails (step 2.b). A loop
//    over a single character (a*, [^x]+?, .{2,5}) is one SimpleLoop: greedy
//    loops match as far as they can and keep one stack entry that gives back
//    a character at a time.
//  - Lookaround pushes a Barrier. If the body fails, backtracking reaches
//    the barrier (negative: success). If the body succeeds (LookEnd), the
//    stack above the barrier is cut back to its undo records, because a
//    lookaround is atomic; a negative lookaround then fails.
//  - Lookbehind bodies are compiled backwards: terms right to left, each
//    reading the character before the position.
//
// Case-insensitive matching canonicalizes as §22.2.2.7.3 says (toUppercase
// without u/v, simple case folding with them). Character sets are closed
// under that equivalence when compiled, so matching is one set lookup.
//
// Limits: the whole search may take kStepBudget steps and the backtrack
// stack may hold kMaxStackEntries; past either the search reports
// LimitExceeded, which the built-in throws as RangeError.
#include <re2/re2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/usetiter.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>

#include "builtins/regexp.h"
#include "builtins/regexp_re2.h"
#include "util/stack_guard.h"

namespace glass::regexp {

namespace {

constexpr uint64_t kStepBudget = 400'000'000;
// set_step_budget's override (0: kStepBudget).
std::atomic<uint64_t> step_budget_override{0};
uint64_t step_budget() {
  uint64_t o = step_budget_override.load(std::memory_order_relaxed);
  return o ? o : kStepBudget;
}
constexpr size_t kMaxStackEntries = size_t(1) << 24;  // 20 bytes each: 320 MB at most

inline bool is_lead(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
inline bool is_trail(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }
inline char32_t combine(char32_t lead, char32_t trail) { return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00); }
inline bool is_line_terminator(char32_t c) { return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029; }
inline bool is_word_ascii(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// ---- Case equivalence ------------------------------------------------------

// The characters that Canonicalize to the same value, for every value that
// more than one character canonicalizes to.
struct CaseClasses {
  std::vector<std::vector<char32_t>> classes;
  std::unordered_map<char32_t, uint32_t> class_of;  // member -> index in classes
  std::vector<char32_t> canon16;                      // non-unicode: the BMP canonicalization table
};

char32_t canon_nonunicode_compute(char32_t c) {
  if (c >= 0xD800 && c <= 0xDFFF) return c;
  UChar src[1] = {UChar(c)};
  UChar dst[4];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_strToUpper(dst, 4, src, 1, "", &err);
  if (U_FAILURE(err) || n != 1) return c;
  char32_t cu = dst[0];
  if (c >= 128 && cu < 128) return c;
  return cu;
}

// Simple case folding (CaseFolding.txt, status C and S). The system ICU
// (Unicode 15.0) lacks the three simple foldings Unicode 15.1 added.
char32_t simple_fold(char32_t c) {
  switch (c) {
    case 0x1FD3: return 0x0390;
    case 0x1FE3: return 0x03B0;
    case 0xFB05: return 0xFB06;
    default: return char32_t(u_foldCase(UChar32(c), U_FOLD_CASE_DEFAULT));
  }
}

const CaseClasses& case_classes(bool unicode) {
  static CaseClasses tables[2];
  static std::once_flag once[2];
  std::call_once(once[unicode ? 1 : 0], [unicode] {
    CaseClasses& t = tables[unicode ? 1 : 0];
    std::map<char32_t, std::vector<char32_t>> groups;
    if (!unicode) {
      t.canon16.resize(0x10000);
      for (char32_t c = 0; c < 0x10000; ++c) t.canon16[c] = canon_nonunicode_compute(c);
      for (char32_t c = 0; c < 0x10000; ++c)
        if (t.canon16[c] != c) groups[t.canon16[c]].push_back(c);
      for (auto& [v, members] : groups)
        if (v < 0x10000 && t.canon16[v] == v) members.push_back(v);
    } else {
      for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        char32_t f = simple_fold(c);
        if (f != c) groups[f].push_back(c);
      }
      for (auto& [v, members] : groups)
        if (simple_fold(v) == v) members.push_back(v);
    }
    for (auto& [v, members] : groups) {
      if (members.size() < 2) continue;
      std::sort(members.begin(), members.end());
      uint32_t index = uint32_t(t.classes.size());
      for (char32_t m : members) t.class_of[m] = index;
      t.classes.push_back(std::move(members));
    }
  });
  return tables[unicode ? 1 : 0];
}

char32_t canonicalize(char32_t c, bool unicode) {
  if (unicode) return simple_fold(c);
  if (c >= 0x10000) return c;
  return case_classes(false).canon16[c];
}

// Adds to `set` every character equivalent to one already in it.
void close_over_case(icu::UnicodeSet& set, bool unicode) {
  const CaseClasses& t = case_classes(unicode);
  if (set.size() < int32_t(t.classes.size())) {
    // A small set: look its members up rather than walk every class.
    std::vector<uint32_t> found;
    for (int32_t i = 0; i < set.getRangeCount(); ++i)
      for (UChar32 c = set.getRangeStart(i); c <= set.getRangeEnd(i); ++c)
        if (auto it = t.class_of.find(char32_t(c)); it != t.class_of.end()) found.push_back(it->second);
    for (uint32_t k : found)
      for (char32_t m : t.classes[k]) set.add(UChar32(m));
    return;
  }
  for (const auto& members : t.classes) {
    bool any = false;
    for (char32_t m : members)
      if (set.contains(UChar32(m))) {
        any = true;
        break;
      }
    if (any)
      for (char32_t m : members) set.add(UChar32(m));
  }
}

// ---- Character sets at match time ------------------------------------------

struct CharSet {
  uint64_t low[4] = {0, 0, 0, 0};  // 0..255
  std::vector<std::pair<char32_t, char32_t>> ranges;  // sorted, for >= 256
  bool contains(char32_t c) const {
    if (c < 256) return (low[c >> 6] >> (c & 63)) & 1;
    size_t lo = 0, hi = ranges.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (ranges[mid].second < c) lo = mid + 1;
      else if (ranges[mid].first > c) hi = mid;
      else return true;
    }
    return false;
  }
  static CharSet from(const icu::UnicodeSet& u) {
    CharSet s;
    for (int32_t i = 0; i < u.getRangeCount(); ++i) {
      char32_t a = char32_t(u.getRangeStart(i)), b = char32_t(u.getRangeEnd(i));
      for (char32_t c = a; c <= b && c < 256; ++c) s.low[c >> 6] |= uint64_t(1) << (c & 63);
      if (b >= 256) s.ranges.push_back({std::max<char32_t>(a, 256), b});
    }
    return s;
  }
};

// ---- The program -----------------------------------------------------------

enum class Op : uint8_t {
  Char,         // a: the character
  Any,          // .
  Set,          // a: set index
  AssertStart,  // ^
  AssertEnd,    // $
  WordBoundary,
  NotWordBoundary,
  Split,        // try a, then b
  Jmp,          // a
  GroupOpen,    // a: capture index, b: register for its start
  GroupClose,   // a: capture index, b: register
  BackRef,      // a: index into backrefs
  LoopInit,     // a: counter register
  LoopHead,     // a: counter reg, b: exit pc, c: min, d: max
  LoopEnter,    // a: start register, b: first capture, c: capture count
  LoopTail,     // a: counter reg, b: start reg, c: min, d: head pc
  SimpleLoop,   // the atom is at pc+1, the rest at pc+2; c: min, d: max; b: start register
  LookBegin,    // a: kind (0 ahead, 1 negative ahead, 2 behind, 3 negative behind), b: pc after LookEnd, c: register
  LookEnd,      // a: pc of the LookBegin
  Match,
};

enum : uint8_t {
  kIcase = 1,
  kMultiline = 2,
  kDotAll = 4,
  kBackward = 8,
  kGreedy = 16,
};

struct Inst {
  Op op;
  uint8_t fl = 0;
  uint32_t a = 0, b = 0, c = 0, d = 0;
};

}  // namespace

struct Program {
  // RE2 (Latin-1) for one-byte subjects, and what its answer is worth
  // (regexp_re2.h); re2.re2 is null for patterns only the backtracker runs.
  Re2Plan re2;
  // RE2 (UTF-8) for two-byte subjects on which the backtracker runs long
  // (see search); only for patterns that can backtrack badly.
  Re2Plan re2_utf8;
  std::vector<Inst> code;
  std::vector<CharSet> sets;
  std::vector<std::vector<uint32_t>> backrefs;
  uint32_t capture_count = 0;
  uint32_t register_count = 0;
  bool unicode = false;  // u or v: characters are code points
  // Only position `start` can match (a leading ^ without m).
  bool anchored_start = false;
};

namespace {

// ---- The compiler ----------------------------------------------------------

struct ClassValue {
  icu::UnicodeSet set;
  std::set<std::u32string> strings;  // lengths other than 1
};

struct Ctx {
  bool icase, multiline, dotall, backward;
};

class Compiler {
 public:
  Compiler(const Pattern& p, Program& prog) : p_(p), prog_(prog) {
    unicode_ = p.flags.unicode || p.flags.unicodeSets;
    vmode_ = p.flags.unicodeSets;
    prog_.unicode = unicode_;
    prog_.capture_count = p.capture_count;
    group_reg_.resize(p.capture_count + 1);
    for (uint32_t i = 1; i <= p.capture_count; ++i) group_reg_[i] = new_reg();
  }

  bool compile(std::string* error) {
    Ctx ctx{p_.flags.ignoreCase, p_.flags.multiline, p_.flags.dotAll, false};
    if (!disjunction(p_.root, ctx)) {
      *error = "Regular expression too large";
      return false;
    }
    emit(Op::Match);
    prog_.register_count = next_reg_;
    CharSetOf sets = [this](NodeId id, bool icase, icu::UnicodeSet& out) { return char_set(id, icase, out); };
    prog_.re2 = plan_re2(p_, sets, Re2Encoding::Latin1);
    prog_.re2_utf8 = plan_re2(p_, sets, Re2Encoding::Utf8);
    // Leading ^ (without m): only the start position can match.
    for (const Inst& in : prog_.code) {
      if (in.op == Op::GroupOpen) continue;
      prog_.anchored_start = in.op == Op::AssertStart && !(in.fl & kMultiline);
      break;
    }
    return true;
  }

 private:
  // The set a single-character node matches, for the RE2 translation: the
  // same set term() compiles (emit_char / class_value).
  bool char_set(NodeId id, bool icase, icu::UnicodeSet& out) {
    const Node& n = p_[id];
    Ctx ctx{icase, false, false, false};
    if (n.kind == NodeKind::Char) {
      out.add(UChar32(n.value));
      if (icase) close_over_case(out, unicode_);
      return true;
    }
    if (n.kind == NodeKind::Class && n.may_contain_strings) return false;
    ClassValue v;
    if (!class_value(id, ctx, v, /*top=*/true) || !v.strings.empty()) return false;
    out = std::move(v.set);
    return true;
  }

  uint32_t new_reg() { return next_reg_++; }
  uint32_t pc() const { return uint32_t(prog_.code.size()); }
  uint32_t emit(Op op, uint8_t fl = 0, uint32_t a = 0, uint32_t b = 0, uint32_t c = 0, uint32_t d = 0) {
    prog_.code.push_back(Inst{op, fl, a, b, c, d});
    return pc() - 1;
  }
  static uint8_t dir(const Ctx& ctx) { return ctx.backward ? kBackward : 0; }

  void note_capture(uint32_t i) {
    cap_lo_ = std::min(cap_lo_, i);
    cap_hi_ = std::max(cap_hi_, i);
  }

  bool disjunction(NodeId id, const Ctx& ctx) {
    if (guard_.exhausted()) return false;
    const Node& n = p_[id];
    auto alts = p_.children(n);
    std::vector<uint32_t> jumps;
    for (size_t i = 0; i < alts.size(); ++i) {
      uint32_t split = 0;
      bool last = i + 1 == alts.size();
      if (!last) split = emit(Op::Split);
      if (!last) prog_.code[split].a = pc();
      if (!alternative(alts[i], ctx)) return false;
      if (!last) {
        jumps.push_back(emit(Op::Jmp));
        prog_.code[split].b = pc();
      }
    }
    for (uint32_t j : jumps) prog_.code[j].a = pc();
    return true;
  }

  bool alternative(NodeId id, const Ctx& ctx) {
    auto terms = p_.children(p_[id]);
    if (!ctx.backward) {
      for (NodeId t : terms)
        if (!term(t, ctx)) return false;
    } else {
      for (size_t i = terms.size(); i-- > 0;)
        if (!term(terms[i], ctx)) return false;
    }
    return true;
  }

  // A term that matches exactly one character, compiled as one instruction.
  bool is_single_char(NodeId id) {
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Char:
      case NodeKind::Any:
      case NodeKind::ClassEscape:
        return true;
      case NodeKind::Property: return p_.property(n).kind != PropertyKind::OfStrings;
      case NodeKind::Class: return !n.may_contain_strings;
      default: return false;
    }
  }

  void emit_set(const icu::UnicodeSet& set, const Ctx& ctx) {
    // One character: a Char instruction.
    if (set.size() == 1 && set.getRangeCount() == 1) {
      emit(Op::Char, dir(ctx), char32_t(set.getRangeStart(0)));
      return;
    }
    prog_.sets.push_back(CharSet::from(set));
    emit(Op::Set, dir(ctx), uint32_t(prog_.sets.size() - 1));
  }

  void emit_char(char32_t c, const Ctx& ctx) {
    if (!ctx.icase) {
      emit(Op::Char, dir(ctx), c);
      return;
    }
    icu::UnicodeSet s;
    s.add(UChar32(c));
    close_over_case(s, unicode_);
    emit_set(s, ctx);
  }

  bool term(NodeId id, const Ctx& ctx) {
    if (guard_.exhausted()) return false;
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Char: emit_char(n.value, ctx); return true;
      case NodeKind::Any: emit(Op::Any, uint8_t(dir(ctx) | (ctx.dotall ? kDotAll : 0))); return true;
      case NodeKind::ClassEscape:
      case NodeKind::Property:
      case NodeKind::Class: {
        ClassValue v;
        if (!class_value(id, ctx, v, /*top=*/true)) return false;
        if (v.strings.empty()) {
          emit_set(v.set, ctx);
          return true;
        }
        // Strings, longest first, then the single characters.
        std::vector<std::u32string> strings(v.strings.begin(), v.strings.end());
        std::stable_sort(strings.begin(), strings.end(),
                         [](const std::u32string& a, const std::u32string& b) { return a.size() > b.size(); });
        std::vector<uint32_t> jumps;
        bool has_chars = !v.set.isEmpty();
        for (size_t i = 0; i < strings.size(); ++i) {
          bool last = i + 1 == strings.size() && !has_chars;
          uint32_t split = 0;
          if (!last) split = emit(Op::Split, 0, pc() + 1);
          const std::u32string& s = strings[i];
          if (!ctx.backward)
            for (char32_t c : s) emit_char(c, ctx);
          else
            for (size_t k = s.size(); k-- > 0;) emit_char(s[k], ctx);
          if (!last) {
            jumps.push_back(emit(Op::Jmp));
            prog_.code[split].b = pc();
          }
        }
        if (has_chars) emit_set(v.set, ctx);
        for (uint32_t j : jumps) prog_.code[j].a = pc();
        return true;
      }
      case NodeKind::Backreference: {
        std::vector<uint32_t> groups;
        auto named = p_.groups(n);
        if (!named.empty()) groups.assign(named.begin(), named.end());
        else groups.push_back(n.capture_index);
        prog_.backrefs.push_back(std::move(groups));
        emit(Op::BackRef, uint8_t(dir(ctx) | (ctx.icase ? kIcase : 0)), uint32_t(prog_.backrefs.size() - 1));
        return true;
      }
      case NodeKind::Group: {
        Ctx inner = with_modifiers(ctx, n);
        NodeId body = p_.children(n)[0];
        if (n.capture_index == 0) return disjunction(body, inner);
        uint32_t ci = n.capture_index;
        note_capture(ci);
        emit(Op::GroupOpen, dir(ctx), ci, group_reg_[ci]);
        if (!disjunction(body, inner)) return false;
        emit(Op::GroupClose, dir(ctx), ci, group_reg_[ci]);
        return true;
      }
      case NodeKind::Assertion: {
        switch (n.assertion) {
          case AssertionKind::Start: emit(Op::AssertStart, ctx.multiline ? kMultiline : 0); return true;
          case AssertionKind::End: emit(Op::AssertEnd, ctx.multiline ? kMultiline : 0); return true;
          case AssertionKind::WordBoundary: emit(Op::WordBoundary, ctx.icase ? kIcase : 0); return true;
          case AssertionKind::NotWordBoundary: emit(Op::NotWordBoundary, ctx.icase ? kIcase : 0); return true;
          default: break;
        }
        uint32_t kind = n.assertion == AssertionKind::Lookahead ? 0
                        : n.assertion == AssertionKind::NegativeLookahead ? 1
                        : n.assertion == AssertionKind::Lookbehind ? 2
                                                                    : 3;
        Ctx inner = ctx;
        inner.backward = kind >= 2;
        uint32_t begin = emit(Op::LookBegin, 0, kind, 0, new_reg());
        if (!disjunction(p_.children(n)[0], inner)) return false;
        emit(Op::LookEnd, 0, begin);
        prog_.code[begin].b = pc();
        return true;
      }
      case NodeKind::Quantifier: return quantifier(n, ctx);
      default: return false;
    }
  }

  bool quantifier(const Node& n, const Ctx& ctx) {
    NodeId atom = p_.children(n)[0];
    if (n.max == 0) {
      // RepeatMatcher step 1: the atom is never tried. Still note its
      // captures for enclosing loops (they stay undefined anyway).
      return true;
    }
    if (n.min == 1 && n.max == 1) return term(atom, ctx);
    uint8_t greedy = n.greedy ? kGreedy : 0;
    if (is_single_char(atom)) {
      uint32_t loop = emit(Op::SimpleLoop, uint8_t(dir(ctx) | greedy), 0, new_reg(), n.min, n.max);
      if (!term(atom, ctx)) return false;
      (void)loop;
      return true;
    }
    uint32_t counter = new_reg(), start = new_reg();
    emit(Op::LoopInit, 0, counter);
    uint32_t head = emit(Op::LoopHead, greedy, counter, 0, n.min, n.max);
    uint32_t enter = emit(Op::LoopEnter, 0, start, 0, 0);
    uint32_t lo = cap_lo_, hi = cap_hi_;
    cap_lo_ = UINT32_MAX;
    cap_hi_ = 0;
    if (!term(atom, ctx)) return false;
    if (cap_lo_ <= cap_hi_) {
      prog_.code[enter].b = cap_lo_;
      prog_.code[enter].c = cap_hi_ - cap_lo_ + 1;
    }
    cap_lo_ = std::min(lo, cap_lo_);
    cap_hi_ = std::max(hi, cap_hi_);
    emit(Op::LoopTail, 0, counter, start, n.min, head);
    prog_.code[head].b = pc();
    return true;
  }

  // ---- character classes ----

  void word_chars(icu::UnicodeSet& s, bool icase) {
    s.add('a', 'z');
    s.add('A', 'Z');
    s.add('0', '9');
    s.add('_');
    if (icase && unicode_) {
      s.add(0x017F);
      s.add(0x212A);
    }
  }

  static void space_chars(icu::UnicodeSet& s) {
    for (char32_t c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF})
      s.add(UChar32(c));
    s.add(0x2000, 0x200A);
  }

  void all_chars(icu::UnicodeSet& s) { s.add(0, unicode_ ? 0x10FFFF : 0xFFFF); }

  bool property_value(const Property& prop, ClassValue& out) {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeSet& s = out.set;
    switch (prop.kind) {
      case PropertyKind::GeneralCategory: s.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, prop.icu_value, err); break;
      case PropertyKind::Script: s.applyIntPropertyValue(UCHAR_SCRIPT, prop.icu_value, err); break;
      case PropertyKind::ScriptExtensions: s.applyIntPropertyValue(UCHAR_SCRIPT_EXTENSIONS, prop.icu_value, err); break;
      case PropertyKind::Binary:
        if (prop.icu_property >= 0) {
          s.applyIntPropertyValue(UProperty(prop.icu_property), 1, err);
        } else if (prop.name == "Any") {
          s.add(0, 0x10FFFF);
        } else if (prop.name == "ASCII") {
          s.add(0, 0x7F);
        } else if (prop.name == "Assigned") {
          s.applyIntPropertyValue(UCHAR_GENERAL_CATEGORY_MASK, U_GC_CN_MASK, err);
          s.complement();
        }
        break;
      case PropertyKind::OfStrings: {
        icu::UnicodeSet full;
        std::u16string pat = u"[\\p{";
        for (char ch : prop.name) pat.push_back(char16_t(ch));
        pat += u"}]";
        full.applyPattern(icu::UnicodeString(pat.data(), int32_t(pat.size())), err);
        if (U_FAILURE(err)) return true;  // leave empty
        icu::UnicodeSetIterator it(full);
        while (it.next()) {
          if (it.isString()) {
            const icu::UnicodeString& str = it.getString();
            std::u32string cps;
            for (int32_t i = 0; i < str.length();) {
              UChar32 c = str.char32At(i);
              cps.push_back(char32_t(c));
              i += U16_LENGTH(c);
            }
            if (cps.size() == 1) s.add(UChar32(cps[0]));
            else out.strings.insert(cps);
          } else {
            s.add(it.getCodepoint(), it.getCodepointEnd());
          }
        }
        return true;
      }
    }
    if (U_FAILURE(err)) s.clear();
    return true;
  }

  // v mode with i: every leaf set is closed over case before the set
  // operations (the spec folds each operand, and complements within the
  // folded characters); strings are kept in canonical form. Otherwise the
  // top-level set is closed once, after any complement.
  void leaf_fold(ClassValue& v, const Ctx& ctx) {
    if (!(vmode_ && ctx.icase)) return;
    close_over_case(v.set, true);
    if (!v.strings.empty()) {
      std::set<std::u32string> folded;
      for (const auto& s : v.strings) {
        std::u32string f = s;
        for (char32_t& c : f) c = canonicalize(c, true);
        folded.insert(f);
      }
      v.strings = std::move(folded);
    }
  }

  bool class_value(NodeId id, const Ctx& ctx, ClassValue& out, bool top) {
    if (guard_.exhausted()) return false;
    const Node& n = p_[id];
    switch (n.kind) {
      case NodeKind::Char: out.set.add(UChar32(n.value)); leaf_fold(out, ctx); break;
      case NodeKind::ClassRange: out.set.add(UChar32(n.value), UChar32(n.value2)); leaf_fold(out, ctx); break;
      case NodeKind::ClassEscape: {
        switch (n.escape) {
          case ClassEscapeKind::Digit:
          case ClassEscapeKind::NotDigit: out.set.add('0', '9'); break;
          case ClassEscapeKind::Space:
          case ClassEscapeKind::NotSpace: space_chars(out.set); break;
          case ClassEscapeKind::Word:
          case ClassEscapeKind::NotWord: word_chars(out.set, ctx.icase); break;
        }
        leaf_fold(out, ctx);
        if (n.escape == ClassEscapeKind::NotDigit || n.escape == ClassEscapeKind::NotSpace ||
            n.escape == ClassEscapeKind::NotWord) {
          out.set.complement();
          if (!unicode_) out.set.remove(0x10000, 0x10FFFF);
        }
        break;
      }
      case NodeKind::Property: {
        if (!property_value(p_.property(n), out)) return false;
        leaf_fold(out, ctx);
        if (n.negated) out.set.complement();
        break;
      }
      case NodeKind::ClassStrings: {
        for (NodeId c : p_.children(n)) {
          std::u32string_view t = p_.text(p_[c]);
          if (t.size() == 1) out.set.add(UChar32(t[0]));
          else out.strings.insert(std::u32string(t));
        }
        leaf_fold(out, ctx);
        break;
      }
      case NodeKind::Class: {
        auto ops = p_.children(n);
        bool first = true;
        for (NodeId c : ops) {
          ClassValue v;
          if (!class_value(c, ctx, v, false)) return false;
          if (first) {
            out = std::move(v);
            first = false;
            continue;
          }
          switch (n.class_op) {
            case ClassOp::Union:
              out.set.addAll(v.set);
              out.strings.insert(v.strings.begin(), v.strings.end());
              break;
            case ClassOp::Intersection: {
              out.set.retainAll(v.set);
              std::set<std::u32string> keep;
              for (const auto& s : out.strings)
                if (v.strings.count(s)) keep.insert(s);
              out.strings = std::move(keep);
              break;
            }
            case ClassOp::Subtraction:
              out.set.removeAll(v.set);
              for (const auto& s : v.strings) out.strings.erase(s);
              break;
          }
        }
        if (n.negated) {
          // Without v, [^...] matches a character none of whose case
          // equivalents is in the class (CharacterSetMatcher with invert):
          // close over case first, then complement.
          if (!vmode_ && ctx.icase) close_over_case(out.set, unicode_);
          out.set.complement();
          if (!unicode_) out.set.remove(0x10000, 0x10FFFF);
          if (!vmode_) return true;
        }
        break;
      }
      default: return false;
    }
    if (top && ctx.icase && !vmode_) close_over_case(out.set, unicode_);
    if (!unicode_) out.set.remove(0x10000, 0x10FFFF);
    return true;
  }

  const Pattern& p_;
  Program& prog_;
  bool unicode_ = false, vmode_ = false;
  uint32_t next_reg_ = 0;
  std::vector<uint32_t> group_reg_;
  uint32_t cap_lo_ = UINT32_MAX, cap_hi_ = 0;
  StackGuard guard_{StackGuard::default_usable() / 2};
};

// ---- The machine -------------------------------------------------------------

enum class Bt : uint8_t { Branch, RestoreCap, RestoreReg, Barrier, GreedyLoop, LazyLoop };

struct Entry {
  Bt kind;
  uint32_t a, b, c, d;
};

template <class C>
class Machine {
 public:
  Machine(const Program& p, const C* s, uint32_t n, std::vector<int32_t>& caps)
      : p_(p), s_(s), n_(n), caps_(caps), regs_(p.register_count, -1) {}

  uint64_t steps = 0;
  uint64_t budget = kStepBudget;  // steps before LimitExceeded

  MatchStatus attempt(uint32_t start) {
    std::fill(caps_.begin(), caps_.end(), -1);
    stack_.clear();
    uint32_t pc = 0, pos = start;
    const Inst* code = p_.code.data();
    for (;;) {
      if (++steps > budget || stack_.size() > kMaxStackEntries) return MatchStatus::LimitExceeded;
      const Inst& in = code[pc];
      switch (in.op) {
        case Op::Char: {
          char32_t c;
          uint32_t next;
          if (!read(pos, in.fl & kBackward, c, next) || c != in.a) goto fail;
          pos = next;
          ++pc;
          continue;
        }
        case Op::Any: {
          char32_t c;
          uint32_t next;
          if (!read(pos, in.fl & kBackward, c, next)) goto fail;
          if (!(in.fl & kDotAll) && is_line_terminator(c)) goto fail;
          pos = next;
          ++pc;
          continue;
        }
        case Op::Set: {
          char32_t c;
          uint32_t next;
          if (!read(pos, in.fl & kBackward, c, next) || !p_.sets[in.a].contains(c)) goto fail;
          pos = next;
          ++pc;
          continue;
        }
        case Op::AssertStart:
          if (pos == 0 || ((in.fl & kMultiline) && is_line_terminator(s_[pos - 1]))) {
            ++pc;
            continue;
          }
          goto fail;
        case Op::AssertEnd:
          if (pos == n_ || ((in.fl & kMultiline) && is_line_terminator(s_[pos]))) {
            ++pc;
            continue;
          }
          goto fail;
        case Op::WordBoundary:
        case Op::NotWordBoundary: {
          bool icase_u = (in.fl & kIcase) && p_.unicode;
          bool a = pos > 0 && is_word(s_[pos - 1], icase_u);
          bool b = pos < n_ && is_word(s_[pos], icase_u);
          if ((a != b) != (in.op == Op::WordBoundary)) goto fail;
          ++pc;
          continue;
        }
        case Op::Split:
          push({Bt::Branch, in.b, pos, 0, 0});
          pc = in.a;
          continue;
        case Op::Jmp: pc = in.a; continue;
        case Op::GroupOpen:
          set_reg(in.b, int32_t(pos));
          ++pc;
          continue;
        case Op::GroupClose: {
          int32_t other = regs_[in.b];
          int32_t lo = (in.fl & kBackward) ? int32_t(pos) : other;
          int32_t hi = (in.fl & kBackward) ? other : int32_t(pos);
          set_cap(2 * in.a, lo);
          set_cap(2 * in.a + 1, hi);
          ++pc;
          continue;
        }
        case Op::BackRef: {
          if (!backref(in, pos)) goto fail;
          ++pc;
          continue;
        }
        case Op::LoopInit:
          set_reg(in.a, 0);
          ++pc;
          continue;
        case Op::LoopHead: {
          uint32_t count = uint32_t(regs_[in.a]);
          if (count < in.c) {
            ++pc;
          } else if (in.d != Node::kUnbounded && count >= in.d) {
            pc = in.b;
          } else if (in.fl & kGreedy) {
            push({Bt::Branch, in.b, pos, 0, 0});
            ++pc;
          } else {
            push({Bt::Branch, pc + 1, pos, 0, 0});
            pc = in.b;
          }
          continue;
        }
        case Op::LoopEnter:
          set_reg(in.a, int32_t(pos));
          for (uint32_t i = in.b; i < in.b + in.c; ++i) {
            set_cap(2 * i, -1);
            set_cap(2 * i + 1, -1);
          }
          ++pc;
          continue;
        case Op::LoopTail: {
          uint32_t count = uint32_t(regs_[in.a]);
          if (count >= in.c && int32_t(pos) == regs_[in.b]) goto fail;
          set_reg(in.a, int32_t(count + 1));
          pc = in.d;
          continue;
        }
        case Op::SimpleLoop: {
          const Inst& atom = code[pc + 1];
          bool back = in.fl & kBackward;
          uint32_t count = 0, p = pos;
          if (in.fl & kGreedy) {
            while (count < in.d) {
              uint32_t next;
              if (!step(atom, p, next)) break;
              p = next;
              ++count;
              if ((count & 0xFFF) == 0 && (steps += 0x1000) > budget) return MatchStatus::LimitExceeded;
            }
            if (count < in.c) goto fail;
            if (count > in.c) push({Bt::GreedyLoop, pc, p, count, pos});
          } else {
            while (count < in.c) {
              uint32_t next;
              if (!step(atom, p, next)) goto fail;
              p = next;
              ++count;
            }
            if (count < in.d) push({Bt::LazyLoop, pc, p, count, 0});
          }
          (void)back;
          pos = p;
          pc += 2;
          continue;
        }
        case Op::LookBegin:
          set_reg(in.c, 0);
          regs_[in.c] = int32_t(stack_.size());
          push({Bt::Barrier, pc, pos, 0, 0});
          ++pc;
          continue;
        case Op::LookEnd: {
          const Inst& begin = code[in.a];
          size_t barrier = size_t(regs_[begin.c]);
          uint32_t saved_pos = stack_[barrier].b;
          if (begin.a == 0 || begin.a == 2) {
            // Positive: keep only the undo records above the barrier.
            size_t w = barrier;
            for (size_t r = barrier + 1; r < stack_.size(); ++r)
              if (stack_[r].kind == Bt::RestoreCap || stack_[r].kind == Bt::RestoreReg) stack_[w++] = stack_[r];
            stack_.resize(w);
            pos = saved_pos;
            pc = begin.b;
            continue;
          }
          // Negative: the body matched, so the assertion fails. Undo down to
          // and including the barrier, then keep failing.
          while (stack_.size() > barrier + 1) {
            const Entry& e = stack_.back();
            if (e.kind == Bt::RestoreCap) caps_[e.a] = int32_t(e.b);
            else if (e.kind == Bt::RestoreReg) regs_[e.a] = int32_t(e.b);
            stack_.pop_back();
          }
          stack_.pop_back();
          goto fail;
        }
        case Op::Match:
          caps_[0] = int32_t(start);
          caps_[1] = int32_t(pos);
          return MatchStatus::Match;
      }
    fail:
      for (;;) {
        if (stack_.empty()) return MatchStatus::NoMatch;
        Entry& e = stack_.back();
        switch (e.kind) {
          case Bt::RestoreCap:
            caps_[e.a] = int32_t(e.b);
            stack_.pop_back();
            continue;
          case Bt::RestoreReg:
            regs_[e.a] = int32_t(e.b);
            stack_.pop_back();
            continue;
          case Bt::Branch:
            pc = e.a;
            pos = e.b;
            stack_.pop_back();
            break;
          case Bt::Barrier: {
            const Inst& begin = code[e.a];
            uint32_t saved = e.b;
            stack_.pop_back();
            if (begin.a == 1 || begin.a == 3) {
              pos = saved;
              pc = begin.b;
              break;
            }
            continue;
          }
          case Bt::GreedyLoop: {
            const Inst& loop = code[e.a];
            // Give back one character.
            uint32_t p = e.b;
            if (!(loop.fl & kBackward)) {
              if (p_.unicode && p >= e.d + 2 && is_trail(s_[p - 1]) && is_lead(s_[p - 2])) p -= 2;
              else p -= 1;
            } else {
              if (p_.unicode && p + 2 <= e.d && is_lead(s_[p]) && is_trail(s_[p + 1])) p += 2;
              else p += 1;
            }
            e.b = p;
            e.c--;
            pc = e.a + 2;
            pos = p;
            if (e.c <= loop.c) stack_.pop_back();
            break;
          }
          case Bt::LazyLoop: {
            const Inst& loop = code[e.a];
            uint32_t next;
            if (!step(code[e.a + 1], e.b, next)) {
              stack_.pop_back();
              continue;
            }
            e.b = next;
            e.c++;
            pc = e.a + 2;
            pos = next;
            if (loop.d != Node::kUnbounded && e.c >= loop.d) stack_.pop_back();
            break;
          }
        }
        if (++steps > budget) return MatchStatus::LimitExceeded;
        break;
      }
    }
  }

 private:
  void push(const Entry& e) { stack_.push_back(e); }
  void set_cap(uint32_t slot, int32_t v) {
    if (caps_[slot] == v) return;
    push({Bt::RestoreCap, slot, uint32_t(caps_[slot]), 0, 0});
    caps_[slot] = v;
  }
  void set_reg(uint32_t r, int32_t v) {
    push({Bt::RestoreReg, r, uint32_t(regs_[r]), 0, 0});
    regs_[r] = v;
  }

  static bool is_word(char32_t c, bool icase_u) {
    return is_word_ascii(c) || (icase_u && (c == 0x017F || c == 0x212A));
  }

  bool read(uint32_t pos, bool backward, char32_t& c, uint32_t& next) const {
    if (!backward) {
      if (pos >= n_) return false;
      c = s_[pos];
      next = pos + 1;
      if constexpr (sizeof(C) == 2) {
        if (p_.unicode && is_lead(c) && next < n_ && is_trail(s_[next])) {
          c = combine(c, s_[next]);
          ++next;
        }
      }
      return true;
    }
    if (pos == 0) return false;
    c = s_[pos - 1];
    next = pos - 1;
    if constexpr (sizeof(C) == 2) {
      if (p_.unicode && is_trail(c) && next > 0 && is_lead(s_[next - 1])) {
        c = combine(s_[next - 1], c);
        --next;
      }
    }
    return true;
  }

  // One single-character atom (Char, Any, Set) at pos.
  bool step(const Inst& atom, uint32_t pos, uint32_t& next) const {
    char32_t c;
    if (!read(pos, atom.fl & kBackward, c, next)) return false;
    switch (atom.op) {
      case Op::Char: return c == atom.a;
      case Op::Any: return (atom.fl & kDotAll) || !is_line_terminator(c);
      case Op::Set: return p_.sets[atom.a].contains(c);
      default: return false;
    }
  }

  bool backref(const Inst& in, uint32_t& pos) const {
    int32_t bs = -1, be = -1;
    for (uint32_t g : p_.backrefs[in.a])
      if (caps_[2 * g + 1] >= 0) {
        bs = caps_[2 * g];
        be = caps_[2 * g + 1];
        break;
      }
    if (bs < 0) return true;
    uint32_t len = uint32_t(be - bs);
    uint32_t from;
    if (!(in.fl & kBackward)) {
      if (uint64_t(pos) + len > n_) return false;
      from = pos;
    } else {
      if (pos < len) return false;
      from = pos - len;
    }
    if (!(in.fl & kIcase)) {
      for (uint32_t i = 0; i < len; ++i)
        if (s_[uint32_t(bs) + i] != s_[from + i]) return false;
    } else if (!p_.unicode) {
      for (uint32_t i = 0; i < len; ++i) {
        char32_t a = s_[uint32_t(bs) + i], b = s_[from + i];
        if (a != b && canonicalize(a, false) != canonicalize(b, false)) return false;
      }
    } else {
      uint32_t i = 0;
      while (i < len) {
        char32_t a = s_[uint32_t(bs) + i], b = s_[from + i];
        uint32_t wa = 1, wb = 1;
        if constexpr (sizeof(C) == 2) {
          if (is_lead(a) && i + 1 < len && is_trail(s_[uint32_t(bs) + i + 1])) {
            a = combine(a, s_[uint32_t(bs) + i + 1]);
            wa = 2;
          }
          if (is_lead(b) && i + 1 < len && is_trail(s_[from + i + 1])) {
            b = combine(b, s_[from + i + 1]);
            wb = 2;
          }
        }
        if (wa != wb) return false;
        if (a != b && canonicalize(a, true) != canonicalize(b, true)) return false;
        i += wa;
      }
    }
    pos = (in.fl & kBackward) ? from : pos + len;
    return true;
  }

  const Program& p_;
  const C* s_;
  uint32_t n_;
  std::vector<int32_t>& caps_;
  std::vector<int32_t> regs_;
  std::vector<Entry> stack_;
};

template <class C>
MatchStatus search_in(const Program& p, const C* s, uint32_t n, uint32_t start, bool sticky, std::vector<int32_t>& caps,
                      uint64_t budget = step_budget()) {
  caps.assign(2 * (p.capture_count + 1), -1);
  Machine<C> m(p, s, n, caps);
  m.budget = budget;
  // A first instruction that must match one character lets the scan skip
  // positions without starting the machine.
  const Inst* first = nullptr;
  for (const Inst& in : p.code) {
    if (in.op == Op::GroupOpen) continue;
    if ((in.op == Op::Char || in.op == Op::Set) && !(in.fl & kBackward)) first = &in;
    break;
  }
  uint32_t i = start;
  for (;;) {
    if (i > n) return MatchStatus::NoMatch;
    bool try_here = true;
    if (first && !sticky) {
      if (i >= n) try_here = false;
      else {
        char32_t c = s[i];
        if constexpr (sizeof(C) == 2) {
          if (p.unicode && is_lead(c) && i + 1 < n && is_trail(s[i + 1])) c = combine(c, s[i + 1]);
        }
        try_here = first->op == Op::Char ? c == first->a : p.sets[first->a].contains(c);
      }
    }
    if (try_here) {
      MatchStatus r = m.attempt(i);
      if (r != MatchStatus::NoMatch) return r;
    }
    if (sticky || (p.anchored_start && i >= start)) return MatchStatus::NoMatch;
    // AdvanceStringIndex
    if constexpr (sizeof(C) == 2) {
      if (p.unicode && i + 1 < n && is_lead(s[i]) && is_trail(s[i + 1])) {
        i += 2;
        continue;
      }
    }
    ++i;
    if ((i & 0xFFF) == 0 && (m.steps += 0x100) > m.budget) return MatchStatus::LimitExceeded;
  }
}

// GLASS_REGEXP_NO_RE2=1 sends every pattern to the backtracker (for
// comparing the two engines); set_force_backtracker does the same in tests.
std::atomic<bool> force_backtracker_flag{[] {
  const char* v = getenv("GLASS_REGEXP_NO_RE2");
  return v && *v && *v != '0';
}()};
// For tests: two-byte searches go to RE2 without the backtracker's trial run.
std::atomic<bool> two_byte_re2_first_flag{false};

// Runs an RE2 plan on `text` (the subject, or its UTF-8 copy) from byte
// `start`, as its role allows (see Re2Role). `utf16_offset` maps a position
// in `text` to the subject's UTF-16 offset; `backtrack_at` runs the
// backtracker at one UTF-16 start (sticky). Returns nullopt when the
// backtracker must decide.
template <class Offset, class BacktrackAt>
std::optional<MatchStatus> run_plan(const Program& program, const Re2Plan& plan, re2::StringPiece text, size_t start,
                                    bool sticky, std::vector<int32_t>& captures, Offset utf16_offset,
                                    BacktrackAt backtrack_at) {
  RE2::Anchor anchor = sticky ? RE2::ANCHOR_START : RE2::UNANCHORED;
  switch (plan.role) {
    case Re2Role::Exact: {
      uint32_t n = program.capture_count + 1;
      std::vector<re2::StringPiece> groups(n);
      captures.assign(2 * n, -1);
      if (!plan.re2->Match(text, start, text.size(), anchor, groups.data(), int(n))) return MatchStatus::NoMatch;
      for (uint32_t i = 0; i < n; ++i) {
        if (!groups[i].data()) continue;
        captures[2 * i] = utf16_offset(groups[i].data());
        captures[2 * i + 1] = utf16_offset(groups[i].data() + groups[i].size());
      }
      return MatchStatus::Match;
    }
    case Re2Role::Bounds: {
      // JS matches where RE2 does; the backtracker, tried only there, finds
      // that same match (its first success) and its captures.
      re2::StringPiece whole;
      if (!plan.re2->Match(text, start, text.size(), anchor, &whole, 1)) return MatchStatus::NoMatch;
      MatchStatus status = backtrack_at(uint32_t(utf16_offset(whole.data())));
      assert(status != MatchStatus::Match || captures[1] == utf16_offset(whole.data() + whole.size()));
      return status;
    }
    case Re2Role::Filter:
      if (!plan.re2->Match(text, start, text.size(), anchor, nullptr, 0)) return MatchStatus::NoMatch;
      return std::nullopt;
  }
  return std::nullopt;
}

// RE2's part of a search on a one-byte subject.
std::optional<MatchStatus> search_re2(const Program& program, const uint8_t* one, uint32_t length, uint32_t start,
                                      bool sticky, std::vector<int32_t>& captures) {
  if (program.re2.needs_no_cr) {
    // ^ and $ under m look at the character before / at each position tried.
    uint32_t from = start ? start - 1 : 0;
    if (memchr(one + from, '\r', length - from)) return std::nullopt;
  }
  re2::StringPiece text(reinterpret_cast<const char*>(one), length);
  return run_plan(
      program, program.re2, text, start, sticky, captures, [&](const char* p) { return int32_t(p - text.data()); },
      [&](uint32_t at) { return search_in<uint8_t>(program, one, length, at, /*sticky=*/true, captures); });
}

// The two-byte fallback: `two` as UTF-8 for re2_utf8, with each byte's
// UTF-16 offset. nullopt when RE2 cannot read this subject (see
// Re2Encoding) or the plan's '\r' condition fails; the backtracker decides.
std::optional<MatchStatus> search_utf8(const Program& program, const char16_t* two, uint32_t length, uint32_t start,
                                       bool sticky, std::vector<int32_t>& captures) {
  const Re2Plan& plan = program.re2_utf8;
  if (start > length) return std::nullopt;
  // u/v with lastIndex inside a pair: JS reads the lone trail surrogate there.
  if (start > 0 && start < length && is_lead(two[start - 1]) && is_trail(two[start])) return std::nullopt;
  std::string text;
  std::vector<uint32_t> utf16_at;  // [byte offset] -> UTF-16 offset
  text.reserve(length + length / 2);
  utf16_at.reserve(length + length / 2 + 1);
  uint32_t start8 = 0;
  for (uint32_t i = 0; i < length;) {
    if (i == start) start8 = uint32_t(text.size());
    char32_t c = two[i];
    uint32_t width = 1;
    if (is_lead(c) && i + 1 < length && is_trail(two[i + 1])) {
      if (!program.unicode) return std::nullopt;
      c = combine(c, two[i + 1]);
      width = 2;
    } else if (is_lead(c) || is_trail(c)) {
      return std::nullopt;
    }
    if (plan.needs_no_cr && (c == '\r' || c == 0x2028 || c == 0x2029)) return std::nullopt;
    char bytes[4];
    size_t n = 0;
    if (c < 0x80) {
      bytes[n++] = char(c);
    } else if (c < 0x800) {
      bytes[n++] = char(0xC0 | (c >> 6));
      bytes[n++] = char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      bytes[n++] = char(0xE0 | (c >> 12));
      bytes[n++] = char(0x80 | ((c >> 6) & 0x3F));
      bytes[n++] = char(0x80 | (c & 0x3F));
    } else {
      bytes[n++] = char(0xF0 | (c >> 18));
      bytes[n++] = char(0x80 | ((c >> 12) & 0x3F));
      bytes[n++] = char(0x80 | ((c >> 6) & 0x3F));
      bytes[n++] = char(0x80 | (c & 0x3F));
    }
    text.append(bytes, n);
    for (size_t k = 0; k < n; ++k) utf16_at.push_back(i);
    i += width;
  }
  if (start == length) start8 = uint32_t(text.size());
  utf16_at.push_back(length);
  re2::StringPiece piece(text);
  return run_plan(
      program, plan, piece, start8, sticky, captures,
      [&](const char* p) { return int32_t(utf16_at[size_t(p - text.data())]); },
      [&](uint32_t at) { return search_in<char16_t>(program, two, length, at, /*sticky=*/true, captures); });
}

}  // namespace

void set_force_backtracker(bool on) { force_backtracker_flag = on; }
void set_step_budget(uint64_t steps) { step_budget_override = steps; }
void set_two_byte_re2_first(bool on) { two_byte_re2_first_flag = on; }

const char* re2_role(const Program& program, bool two_byte) {
  const Re2Plan& plan = two_byte ? program.re2_utf8 : program.re2;
  return plan.re2 ? re2_role_name(plan.role) : "none";
}

std::shared_ptr<const Program> compile_program(const Pattern& pattern, std::string* error) {
  auto prog = std::make_shared<Program>();
  Compiler c(pattern, *prog);
  if (!c.compile(error)) return nullptr;
  return prog;
}

MatchStatus search(const Program& program, const uint8_t* one, const char16_t* two, uint32_t length, uint32_t start,
                   bool sticky, std::vector<int32_t>& captures) {
  if (one && program.re2.re2 && !force_backtracker_flag.load(std::memory_order_relaxed)) {
    if (start > length) {
      captures.assign(2 * (program.capture_count + 1), -1);
      return MatchStatus::NoMatch;
    }
    if (auto status = search_re2(program, one, length, start, sticky, captures)) return *status;
  }
  if (one) return search_in<uint8_t>(program, one, length, start, sticky, captures);
  if (program.re2_utf8.re2 && !force_backtracker_flag.load(std::memory_order_relaxed)) {
    // Two-byte: converting the subject for RE2 costs O(length) per search,
    // which a global loop would pay at every match; so the backtracker goes
    // first, on a budget linear work stays within, and RE2 takes over only
    // past it.
    uint64_t budget = two_byte_re2_first_flag.load(std::memory_order_relaxed)
                          ? 0
                          : 20000 + 64 * uint64_t(length - std::min(start, length));
    MatchStatus status = search_in<char16_t>(program, two, length, start, sticky, captures, budget);
    if (status != MatchStatus::LimitExceeded) return status;
    if (auto re2_status = search_utf8(program, two, length, start, sticky, captures)) return *re2_status;
  }
  return search_in<char16_t>(program, two, length, start, sticky, captures);
}

}  // namespace glass::regexp
