// The RegExp pattern parser: ECMA-262 2025, 22.2.1 (Patterns) and its early
// errors (22.2.1.1), plus Annex B.1.2 (regular expression patterns for web
// browsers) when neither u nor v is set. See pattern.h for the tree.
//
// Shape of the parser:
//  - Groups, alternatives and terms are parsed by one loop with an explicit
//    stack of open groups (Frame), so `((((...` cannot overflow the C++
//    stack; the stack is capped at kMaxNestingDepth.
//  - Escapes and classes are small recursive-descent functions. Only v-mode
//    nested classes recurse, capped at kMaxClassNestingDepth.
//  - Without u/v, whether `\N` is a backreference depends on the number of
//    capturing groups in the whole pattern, and whether `\k` is special
//    depends on whether any group is named (B.1.2: the pattern is reparsed
//    with [+NamedCaptureGroups] when it contains a GroupName). A cheap
//    prescan (prescan_groups) answers both before the real parse, so the
//    pattern is parsed once. With u/v the same count rejects `\N` beyond
//    the last group. `\k<name>` and duplicate names are checked after the
//    parse, when all groups are known.
//
// Every failure goes through fail(), which records the first error; parse
// functions return false to unwind.
#include "regexp/pattern.h"
#include "util/stack_guard.h"

#include <unicode/uchar.h>

#include <algorithm>

namespace glass::regexp {

// ---- Character helpers ---------------------------------------------------------

namespace {

constexpr char32_t kEnd = 0xFFFFFFFF;  // peek() past the end of the pattern

bool is_lead(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
bool is_trail(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }
char32_t combine(char32_t lead, char32_t trail) { return 0x10000 + ((lead - 0xD800) << 10) + (trail - 0xDC00); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int hex_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

// SyntaxCharacter (22.2.1): ^ $ \ . * + ? ( ) [ ] { } |
bool is_syntax_char(char32_t c) {
  switch (c) {
    case '^': case '$': case '\\': case '.': case '*': case '+': case '?':
    case '(': case ')': case '[': case ']': case '{': case '}': case '|':
      return true;
    default:
      return false;
  }
}

// ClassSetSyntaxCharacter: ( ) [ ] { } / - \ |
bool is_class_set_syntax_char(char32_t c) {
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}':
    case '/': case '-': case '\\': case '|':
      return true;
    default:
      return false;
  }
}

// ClassSetReservedDoublePunctuator is one of these characters, doubled.
bool is_class_set_reserved_double_char(char32_t c) {
  switch (c) {
    case '&': case '!': case '#': case '$': case '%': case '*': case '+':
    case ',': case '.': case ':': case ';': case '<': case '=': case '>':
    case '?': case '@': case '^': case '`': case '~':
      return true;
    default:
      return false;
  }
}

// ClassSetReservedPunctuator: & - ! # % , : ; < = > @ ` ~
bool is_class_set_reserved_punctuator(char32_t c) {
  switch (c) {
    case '&': case '-': case '!': case '#': case '%': case ',': case ':':
    case ';': case '<': case '=': case '>': case '@': case '`': case '~':
      return true;
    default:
      return false;
  }
}

// RegExpIdentifierStart / RegExpIdentifierPart (22.2.1), after escapes and
// surrogate pairs are resolved to a code point.
bool is_identifier_start(char32_t c) {
  if (c == '$' || c == '_') return true;
  if (c < 0x80) return is_ascii_letter(c);
  return c <= 0x10FFFF && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_START);
}
bool is_identifier_part(char32_t c) {
  if (c == '$' || c == '_' || c == 0x200C || c == 0x200D) return true;
  if (c < 0x80) return is_ascii_letter(c) || is_digit(c);
  return c <= 0x10FFFF && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ID_CONTINUE);
}

void append_utf16(std::u16string& out, char32_t c) {
  if (c >= 0x10000) {
    c -= 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 + (c >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + (c & 0x3FF)));
  } else {
    out.push_back(static_cast<char16_t>(c));
  }
}

// Compares two runs of decimal digits as exact integers: <0, 0, >0.
int compare_decimal(std::u16string_view a, std::u16string_view b) {
  auto strip = [](std::u16string_view s) {
    size_t i = 0;
    while (i + 1 < s.size() && s[i] == u'0') ++i;
    return s.substr(i);
  };
  a = strip(a);
  b = strip(b);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

// Decimal digits to a value, clamped to `limit`.
uint32_t clamp_decimal(std::u16string_view digits, uint32_t limit) {
  uint64_t v = 0;
  for (char16_t d : digits) {
    v = v * 10 + static_cast<uint64_t>(d - u'0');
    if (v >= limit) return limit;
  }
  return static_cast<uint32_t>(v);
}

// ---- The parser -----------------------------------------------------------------

// One open group (or the whole pattern) while the main loop runs.
struct Frame {
  NodeId owner = kNoNode;  // the Group or lookaround Assertion; kNoNode for the pattern
  uint32_t open = 0;       // UTF-16 offset of its '('
  uint32_t disjunction_id = 0;
  uint32_t alternative_start = 0;
  std::vector<NodeId> alternatives;
  std::vector<NodeId> terms;  // of the alternative being parsed
};

// Where a named group sits: for each enclosing disjunction, which
// alternative. Two groups with the same name are allowed only when some
// disjunction holds them in different alternatives (ES2025 duplicate named
// groups: MightBothParticipate is false).
struct NamedGroup {
  std::u16string name;
  uint32_t capture_index;
  std::vector<std::pair<uint32_t, uint32_t>> path;  // (disjunction id, alternative index)
};

// A class operand in v mode, or a class atom without v.
struct ClassAtom {
  NodeId node = kNoNode;
  bool is_char = false;  // a single character: may be a range endpoint
  char32_t value = 0;
  uint32_t start = 0;
  uint32_t end = 0;
};

class Parser {
 public:
  Parser(std::u16string_view source, const Flags& flags) : src_(source) {
    out_.flags = flags;
    unicode_mode_ = flags.unicode || flags.unicodeSets;
    sets_mode_ = flags.unicodeSets;
    prescan_groups();
    if (unicode_mode_) named_groups_ = true;
  }

  std::variant<Pattern, PatternError> run() {
    if (src_.size() >= UINT32_MAX) return PatternError{"Regular expression too large", 0};
    if (!parse_disjunctions() || !finish()) return *error_;
    return std::move(out_);
  }

 private:
  // ---- Input ----
  bool at_end() const { return pos_ >= src_.size(); }
  char32_t peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? static_cast<char32_t>(src_[pos_ + ahead]) : kEnd;
  }
  bool looking_at(char32_t a, char32_t b) const { return peek() == a && peek(1) == b; }
  uint32_t here() const { return static_cast<uint32_t>(pos_); }

  // One SourceCharacter: a code point in u/v mode (a surrogate pair is one
  // character), a UTF-16 code unit otherwise.
  char32_t read_source_char() {
    char32_t c = peek();
    ++pos_;
    if (unicode_mode_ && is_lead(c) && is_trail(peek())) {
      c = combine(c, peek());
      ++pos_;
    }
    return c;
  }

  bool fail(const char* message, uint32_t index) {
    if (!error_) error_ = PatternError{message, index};
    return false;
  }

  NodeId add(NodeKind kind, uint32_t start) {
    Node n;
    n.kind = kind;
    n.start = start;
    n.end = here();
    out_.nodes.push_back(std::move(n));
    return static_cast<NodeId>(out_.nodes.size() - 1);
  }
  Node& node(NodeId id) { return out_.nodes[id]; }

  void set_children(NodeId id, std::span<const NodeId> children) {
    node(id).first_child = static_cast<uint32_t>(out_.child_ids.size());
    node(id).child_count = static_cast<uint32_t>(children.size());
    out_.child_ids.insert(out_.child_ids.end(), children.begin(), children.end());
  }
  void set_name(NodeId id, std::u16string name) {
    node(id).name_index = static_cast<uint32_t>(out_.names.size());
    out_.names.push_back(std::move(name));
  }
  std::u16string_view name_of(const Node& n) const { return out_.name(n); }

  NodeId add_char(char32_t value, uint32_t start) {
    NodeId id = add(NodeKind::Char, start);
    node(id).value = value;
    return id;
  }

  // Counts capturing groups and notices GroupNames, skipping escapes and
  // classes (nested only with v). Exact for valid patterns; on invalid ones
  // the parse reports the error anyway.
  void prescan_groups() {
    uint32_t class_depth = 0;
    for (size_t i = 0; i < src_.size(); ++i) {
      char16_t c = src_[i];
      if (c == u'\\') {
        ++i;
      } else if (class_depth > 0) {
        if (c == u']') --class_depth;
        if (c == u'[' && sets_mode_) ++class_depth;
      } else if (c == u'[') {
        class_depth = 1;
      } else if (c == u'(') {
        if (i + 1 >= src_.size() || src_[i + 1] != u'?') {
          ++prescan_group_total_;
        } else if (i + 3 < src_.size() && src_[i + 2] == u'<' && src_[i + 3] != u'=' && src_[i + 3] != u'!') {
          ++prescan_group_total_;
          named_groups_ = true;
        }
      }
    }
  }

  // ---- Disjunction / Alternative / Term: the main loop ----

  bool parse_disjunctions() {
    std::vector<Frame> stack;
    stack.emplace_back();
    stack.back().disjunction_id = next_disjunction_id_++;
    while (true) {
      Frame& top = stack.back();
      if (at_end()) {
        if (stack.size() > 1) return fail("Unterminated group", top.open);
        out_.root = close_disjunction(top);
        return true;
      }
      uint32_t start = here();
      char32_t c = peek();
      if (c == '|') {
        close_alternative(top);
        ++pos_;
        top.alternative_start = here();
        continue;
      }
      if (c == ')') {
        if (stack.size() == 1) return fail("Unmatched ')'", start);
        ++pos_;
        NodeId body = close_disjunction(top);
        NodeId owner = top.owner;
        set_children(owner, std::span<const NodeId>(&body, 1));
        node(owner).end = here();
        stack.pop_back();
        if (!add_term(stack.back(), owner, is_quantifiable_group(owner))) return false;
        continue;
      }
      if (c == '(') {
        if (stack.size() > kMaxNestingDepth) return fail("Regular expression too large", start);
        Frame frame;
        frame.open = start;
        if (!open_group(stack, frame)) return false;
        frame.disjunction_id = next_disjunction_id_++;
        frame.alternative_start = here();
        stack.push_back(std::move(frame));
        continue;
      }
      NodeId atom = kNoNode;
      bool quantifiable = true;
      if (!parse_atom(atom, quantifiable)) return false;
      if (!add_term(stack.back(), atom, quantifiable)) return false;
    }
  }

  // Ends the current alternative of `frame`.
  void close_alternative(Frame& frame) {
    NodeId alt = add(NodeKind::Alternative, frame.alternative_start);
    set_children(alt, frame.terms);
    frame.terms.clear();
    frame.alternatives.push_back(alt);
  }

  NodeId close_disjunction(Frame& frame) {
    close_alternative(frame);
    uint32_t start = node(frame.alternatives.front()).start;
    NodeId d = add(NodeKind::Disjunction, start);
    set_children(d, frame.alternatives);
    return d;
  }

  bool is_quantifiable_group(NodeId id) {
    const Node& n = node(id);
    if (n.kind != NodeKind::Assertion) return true;
    // B.1.2 QuantifiableAssertion: only lookaheads, and only without u/v.
    if (n.assertion == AssertionKind::Lookahead || n.assertion == AssertionKind::NegativeLookahead) {
      return !unicode_mode_;
    }
    return false;
  }

  // Appends `atom` to the current alternative, wrapping it in a Quantifier
  // when one follows.
  bool add_term(Frame& frame, NodeId atom, bool quantifiable) {
    uint32_t qstart = here();
    uint32_t min = 0, max = 0;
    bool found = false, out_of_order = false;
    if (!parse_quantifier(quantifiable, min, max, found, out_of_order)) return false;
    if (!found) {
      frame.terms.push_back(atom);
      return true;
    }
    if (!quantifiable) return fail("Nothing to repeat", qstart);
    if (out_of_order) return fail("numbers out of order in {} quantifier", qstart);
    bool greedy = true;
    if (peek() == '?') {
      greedy = false;
      ++pos_;
    }
    NodeId q = add(NodeKind::Quantifier, node(atom).start);
    Node& qn = node(q);
    qn.min = min;
    qn.max = max;
    qn.greedy = greedy;
    set_children(q, std::span<const NodeId>(&atom, 1));
    frame.terms.push_back(q);
    return true;
  }

  // Reads `{n}`, `{n,}` or `{n,m}` at `at` without consuming. Returns the
  // offset just past `}` when the text is one, else 0.
  size_t scan_braced_quantifier(size_t at, uint32_t& min, uint32_t& max, bool& out_of_order) const {
    size_t i = at + 1;
    size_t d1 = i;
    while (i < src_.size() && is_digit(src_[i])) ++i;
    if (i == d1) return 0;
    std::u16string_view first = src_.substr(d1, i - d1);
    min = clamp_decimal(first, Node::kMaxRepeat);
    max = min;
    out_of_order = false;
    if (i < src_.size() && src_[i] == u',') {
      ++i;
      size_t d2 = i;
      while (i < src_.size() && is_digit(src_[i])) ++i;
      if (i == d2) {
        max = Node::kUnbounded;
      } else {
        std::u16string_view second = src_.substr(d2, i - d2);
        max = clamp_decimal(second, Node::kMaxRepeat);
        out_of_order = compare_decimal(first, second) > 0;
      }
    }
    if (i >= src_.size() || src_[i] != u'}') return 0;
    return i + 1;
  }

  // A Quantifier at pos_, if any. After an atom that cannot be quantified,
  // a `{` that does not form a quantifier is left for the next term (which
  // reports it), matching V8's choice of message.
  bool parse_quantifier(bool quantifiable, uint32_t& min, uint32_t& max, bool& found, bool& out_of_order) {
    found = false;
    switch (peek()) {
      case '*': min = 0; max = Node::kUnbounded; break;
      case '+': min = 1; max = Node::kUnbounded; break;
      case '?': min = 0; max = 1; break;
      case '{': {
        size_t after = scan_braced_quantifier(pos_, min, max, out_of_order);
        if (after == 0) {
          // Annex B: the `{` is an ExtendedPatternCharacter, read next.
          if (unicode_mode_ && quantifiable) return fail("Incomplete quantifier", here());
          return true;
        }
        pos_ = after;
        found = true;
        return true;
      }
      default: return true;
    }
    ++pos_;
    found = true;
    return true;
  }

  // `(` at pos_: what kind of group, and its node. Lookarounds become
  // Assertion nodes; everything else a Group node.
  bool open_group(const std::vector<Frame>& stack, Frame& frame) {
    uint32_t start = here();
    ++pos_;
    if (peek() != '?') {
      NodeId g = add(NodeKind::Group, start);
      node(g).capture_index = ++out_.capture_count;
      out_.capture_names.emplace_back();
      frame.owner = g;
      return true;
    }
    char32_t c = peek(1);
    auto lookaround = [&](AssertionKind kind, size_t length) {
      pos_ += length;
      NodeId a = add(NodeKind::Assertion, start);
      node(a).assertion = kind;
      frame.owner = a;
      return true;
    };
    if (c == ':') {
      pos_ += 2;
      frame.owner = add(NodeKind::Group, start);
      return true;
    }
    if (c == '=') return lookaround(AssertionKind::Lookahead, 2);
    if (c == '!') return lookaround(AssertionKind::NegativeLookahead, 2);
    if (c == '<') {
      if (peek(2) == '=') return lookaround(AssertionKind::Lookbehind, 3);
      if (peek(2) == '!') return lookaround(AssertionKind::NegativeLookbehind, 3);
      pos_ += 2;
      std::u16string name;
      if (!parse_group_name(name, "Invalid capture group name")) return false;
      NodeId g = add(NodeKind::Group, start);
      uint32_t index = ++out_.capture_count;
      node(g).capture_index = index;
      set_name(g, name);
      out_.capture_names.push_back(name);
      out_.has_named_groups = true;
      NamedGroup entry{name, index, {}};
      for (const Frame& f : stack) {
        entry.path.emplace_back(f.disjunction_id, static_cast<uint32_t>(f.alternatives.size()));
      }
      // Reported after the parse, so syntax errors come first (as in V8).
      if (!duplicate_name_at_) {
        for (const NamedGroup& other : named_) {
          if (other.name == name && might_both_participate(other, entry)) duplicate_name_at_ = start;
        }
      }
      named_.push_back(std::move(entry));
      frame.owner = g;
      return true;
    }
    // Modifiers (ES2025): (?ims:  (?ims-ims:  (?-ims:
    ++pos_;
    Modifiers add_mods, remove_mods;
    bool seen_dash = false;
    bool seen[128] = {};
    while (true) {
      char32_t m = peek();
      if (m == ':') break;
      if (m == '-') {
        if (seen_dash) return fail("Multiple dashes in flag group", here());
        seen_dash = true;
        ++pos_;
        continue;
      }
      if (m != 'i' && m != 'm' && m != 's') {
        return fail(pos_ == start + 2u ? "Invalid group" : "Invalid flag group", here());
      }
      if (seen[m]) return fail("Repeated flag in flag group", here());
      seen[m] = true;
      Modifiers& target = seen_dash ? remove_mods : add_mods;
      (m == 'i' ? target.ignoreCase : m == 'm' ? target.multiline : target.dotAll) = true;
      ++pos_;
    }
    if (seen_dash && !add_mods.any() && !remove_mods.any()) return fail("Invalid flag group", here());
    ++pos_;  // ':'
    NodeId g = add(NodeKind::Group, start);
    node(g).add_modifiers = add_mods;
    node(g).remove_modifiers = remove_mods;
    frame.owner = g;
    return true;
  }

  static bool might_both_participate(const NamedGroup& a, const NamedGroup& b) {
    size_t n = std::min(a.path.size(), b.path.size());
    for (size_t i = 0; i < n; ++i) {
      if (a.path[i] == b.path[i]) continue;
      // Same disjunction, different alternatives: only one can match.
      return a.path[i].first != b.path[i].first;
    }
    return true;
  }

  // GroupName :: < RegExpIdentifierName >, with pos_ just past `<`. Unicode
  // escapes always follow the u-mode grammar here (\u{...} and escaped
  // surrogate pairs are allowed even without u), and a literal surrogate
  // pair is one character in every mode.
  bool parse_group_name(std::u16string& name, const char* message) {
    uint32_t start = here();
    bool first = true;
    while (true) {
      if (at_end()) return fail(message, start);
      char32_t c = peek();
      if (c == '>' && !first) {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        ++pos_;
        if (peek() != 'u' || !parse_unicode_escape(c, /*unicode=*/true)) return fail(message, start);
      } else {
        ++pos_;
        if (is_lead(c) && is_trail(peek())) {
          c = combine(c, peek());
          ++pos_;
        }
      }
      if (first ? !is_identifier_start(c) : !is_identifier_part(c)) return fail(message, start);
      append_utf16(name, c);
      first = false;
    }
  }

  // ---- Atoms ----

  // Anything that can start a term except `(`, `)` and `|`.
  bool parse_atom(NodeId& out, bool& quantifiable) {
    uint32_t start = here();
    char32_t c = peek();
    switch (c) {
      case '^':
      case '$':
        ++pos_;
        out = add(NodeKind::Assertion, start);
        node(out).assertion = c == '^' ? AssertionKind::Start : AssertionKind::End;
        quantifiable = false;
        return true;
      case '.':
        ++pos_;
        out = add(NodeKind::Any, start);
        return true;
      case '*':
      case '+':
      case '?':
        return fail("Nothing to repeat", start);
      case '{': {
        uint32_t min, max;
        bool out_of_order;
        if (scan_braced_quantifier(pos_, min, max, out_of_order) != 0) return fail("Nothing to repeat", start);
        if (unicode_mode_) return fail("Lone quantifier brackets", start);
        ++pos_;
        out = add_char(c, start);
        return true;
      }
      case '}':
      case ']':
        if (unicode_mode_) return fail("Lone quantifier brackets", start);
        ++pos_;
        out = add_char(c, start);
        return true;
      case '[':
        return sets_mode_ ? parse_class_v(out, 0) : parse_class(out);
      case '\\':
        return parse_atom_escape(out, quantifiable);
      default:
        out = add_char(read_source_char(), start);
        return true;
    }
  }

  // `\` at pos_, outside a class.
  bool parse_atom_escape(NodeId& out, bool& quantifiable) {
    uint32_t start = here();
    ++pos_;
    if (at_end()) return fail("\\ at end of pattern", start);
    char32_t c = peek();
    switch (c) {
      case 'b':
      case 'B':
        ++pos_;
        out = add(NodeKind::Assertion, start);
        node(out).assertion = c == 'b' ? AssertionKind::WordBoundary : AssertionKind::NotWordBoundary;
        quantifiable = false;
        return true;
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        ++pos_;
        out = add_class_escape(c, start);
        return true;
      case 'p':
      case 'P':
        if (!unicode_mode_) break;
        return parse_property(out, start, false);
      case 'k': {
        if (!named_groups_) break;  // B.1.2: an identity escape
        ++pos_;
        if (peek() != '<') return fail("Invalid named reference", start);
        ++pos_;
        std::u16string name;
        if (!parse_group_name(name, "Invalid capture group name")) return false;
        out = add(NodeKind::Backreference, start);
        set_name(out, std::move(name));
        backreferences_.push_back(out);
        return true;
      }
      case '0':
        if (!is_digit(peek(1))) break;
        if (unicode_mode_) return fail("Invalid decimal escape", start);
        out = add_char(parse_legacy_octal(), start);
        return true;
      case 'c':
        if (is_ascii_letter(peek(1))) break;
        if (unicode_mode_) return fail("Invalid Unicode escape", start);
        // B.1.2 ExtendedAtom :: `\` [lookahead = c]: a literal backslash;
        // the `c` is read next as a pattern character.
        out = add_char('\\', start);
        return true;
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      size_t digits_start = pos_;
      size_t i = pos_;
      while (i < src_.size() && is_digit(src_[i])) ++i;
      std::u16string_view digits = src_.substr(digits_start, i - digits_start);
      uint32_t number = clamp_decimal(digits, UINT32_MAX);
      if (unicode_mode_ && number > prescan_group_total_) return fail("Invalid escape", start);
      if (unicode_mode_ || number <= prescan_group_total_) {
        pos_ = i;
        out = add(NodeKind::Backreference, start);
        node(out).capture_index = number;
        backreferences_.push_back(out);
        return true;
      }
      // B.1.2: not a backreference, so a legacy octal escape or \8 \9.
      if (c >= '8') {
        ++pos_;
        out = add_char(c, start);
      } else {
        out = add_char(parse_legacy_octal(), start);
      }
      return true;
    }
    char32_t value = 0;
    if (!parse_character_escape(value, start, /*in_class=*/false)) return false;
    out = add_char(value, start);
    return true;
  }

  NodeId add_class_escape(char32_t letter, uint32_t start) {
    NodeId id = add(NodeKind::ClassEscape, start);
    ClassEscapeKind kind = ClassEscapeKind::Digit;
    switch (letter) {
      case 'd': kind = ClassEscapeKind::Digit; break;
      case 'D': kind = ClassEscapeKind::NotDigit; break;
      case 's': kind = ClassEscapeKind::Space; break;
      case 'S': kind = ClassEscapeKind::NotSpace; break;
      case 'w': kind = ClassEscapeKind::Word; break;
      case 'W': kind = ClassEscapeKind::NotWord; break;
    }
    node(id).escape = kind;
    return id;
  }

  // B.1.2 LegacyOctalEscapeSequence, pos_ at its first digit (0-7).
  char32_t parse_legacy_octal() {
    char32_t first = peek();
    char32_t value = first - '0';
    ++pos_;
    if (is_octal(peek())) {
      value = value * 8 + (peek() - '0');
      ++pos_;
      if (first <= '3' && is_octal(peek())) {
        value = value * 8 + (peek() - '0');
        ++pos_;
      }
    }
    return value;
  }

  // RegExpUnicodeEscapeSequence with pos_ at `u`. With `unicode`, also
  // \u{...} and \uLead\uTrail as one code point. Consumes nothing and
  // returns false when malformed.
  bool parse_unicode_escape(char32_t& out, bool unicode) {
    size_t saved = pos_;
    ++pos_;  // u
    if (unicode && peek() == '{') {
      ++pos_;
      char32_t value = 0;
      size_t digits = 0;
      while (hex_value(peek()) >= 0) {
        value = value * 16 + static_cast<char32_t>(hex_value(peek()));
        if (value > 0x10FFFF) break;
        ++pos_;
        ++digits;
      }
      if (digits == 0 || value > 0x10FFFF || peek() != '}') {
        pos_ = saved;
        return false;
      }
      ++pos_;
      out = value;
      return true;
    }
    auto hex4 = [&](size_t at, char32_t& v) {
      v = 0;
      for (size_t k = 0; k < 4; ++k) {
        int h = at + k < src_.size() ? hex_value(src_[at + k]) : -1;
        if (h < 0) return false;
        v = v * 16 + static_cast<char32_t>(h);
      }
      return true;
    };
    char32_t value;
    if (!hex4(pos_, value)) {
      pos_ = saved;
      return false;
    }
    pos_ += 4;
    if (unicode && is_lead(value) && peek() == '\\' && peek(1) == 'u') {
      char32_t trail;
      if (hex4(pos_ + 2, trail) && is_trail(trail)) {
        value = combine(value, trail);
        pos_ += 6;
      }
    }
    out = value;
    return true;
  }

  // CharacterEscape (and its Annex B forms) with pos_ just past `\`; the
  // callers have dealt with backreferences, \c without a letter, \k, and the
  // class-only escapes. `start` is the offset of the `\`.
  bool parse_character_escape(char32_t& out, uint32_t start, bool in_class) {
    char32_t c = peek();
    switch (c) {
      case 'f': ++pos_; out = 0x0C; return true;
      case 'n': ++pos_; out = 0x0A; return true;
      case 'r': ++pos_; out = 0x0D; return true;
      case 't': ++pos_; out = 0x09; return true;
      case 'v': ++pos_; out = 0x0B; return true;
      case 'c':
        if (is_ascii_letter(peek(1))) {
          out = peek(1) % 32;
          pos_ += 2;
          return true;
        }
        break;
      case '0':
        if (!is_digit(peek(1))) {
          ++pos_;
          out = 0;
          return true;
        }
        break;
      case 'x': {
        int h1 = hex_value(peek(1));
        int h2 = hex_value(peek(2));
        if (h1 >= 0 && h2 >= 0) {
          out = static_cast<char32_t>(h1 * 16 + h2);
          pos_ += 3;
          return true;
        }
        if (unicode_mode_) return fail("Invalid escape", start);
        ++pos_;
        out = 'x';
        return true;
      }
      case 'u':
        if (parse_unicode_escape(out, unicode_mode_)) return true;
        if (unicode_mode_) return fail("Invalid Unicode escape", start);
        ++pos_;
        out = 'u';
        return true;
      default:
        break;
    }
    if (unicode_mode_) {
      // IdentityEscape[+UnicodeMode] :: SyntaxCharacter | `/`
      // (and ClassEscape[+UnicodeMode] :: `-` inside a class)
      if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
        ++pos_;
        out = c;
        return true;
      }
      return fail("Invalid escape", start);
    }
    // B.1.2 IdentityEscape :: SourceCharacterIdentityEscape: any code unit
    // but `c`, and but `k` under [+NamedCaptureGroups].
    if (c == 'c' || (c == 'k' && named_groups_)) return fail("Invalid escape", start);
    ++pos_;
    out = c;
    return true;
  }

  // \p{...} or \P{...} with pos_ at `p`/`P`; `start` is the `\`.
  bool parse_property(NodeId& out, uint32_t start, bool in_class) {
    const char* invalid = in_class ? "Invalid property name in character class" : "Invalid property name";
    bool negated = peek() == 'P';
    ++pos_;
    if (peek() != '{') return fail(invalid, start);
    ++pos_;
    std::string text;
    while (true) {
      char32_t c = peek();
      if (c == '}') break;
      if (!(is_ascii_letter(c) || is_digit(c) || c == '_' || c == '=')) return fail(invalid, start);
      text.push_back(static_cast<char>(c));
      ++pos_;
    }
    ++pos_;
    std::optional<Property> property = resolve_property(text, sets_mode_);
    if (!property) return fail(invalid, start);
    if (property->kind == PropertyKind::OfStrings && negated) {
      return fail(invalid, start);
    }
    out = add(NodeKind::Property, start);
    node(out).negated = negated;
    node(out).data_index = static_cast<uint32_t>(out_.properties.size());
    out_.properties.push_back(std::move(*property));
    return true;
  }

  // ---- Classes without v ----

  bool parse_class(NodeId& out) {
    uint32_t start = here();
    ++pos_;
    bool negated = false;
    if (peek() == '^') {
      negated = true;
      ++pos_;
    }
    std::vector<NodeId> items;
    while (true) {
      if (at_end()) return fail("Unterminated character class", start);
      if (peek() == ']') {
        ++pos_;
        break;
      }
      ClassAtom a;
      if (!parse_class_atom(a)) return false;
      if (peek() == '-' && peek(1) != ']' && pos_ + 1 < src_.size()) {
        uint32_t dash = here();
        ++pos_;
        ClassAtom b;
        if (!parse_class_atom(b)) return false;
        if (!a.is_char || !b.is_char) {
          if (unicode_mode_) return fail("Invalid character class", a.start);
          // B.1.2: a class escape at either end makes `-` a plain character.
          items.push_back(materialize(a));
          items.push_back(add_char('-', dash));
          node(items.back()).end = dash + 1;
          items.push_back(materialize(b));
          continue;
        }
        if (a.value > b.value) return fail("Range out of order in character class", a.start);
        NodeId r = add(NodeKind::ClassRange, a.start);
        node(r).value = a.value;
        node(r).value2 = b.value;
        items.push_back(r);
        continue;
      }
      items.push_back(materialize(a));
    }
    out = add(NodeKind::Class, start);
    node(out).negated = negated;
    set_children(out, items);
    return true;
  }

  // A char ClassAtom is kept as a value until we know whether it starts a
  // range; this turns it into a node.
  NodeId materialize(ClassAtom& a) {
    if (a.node == kNoNode) {
      a.node = add_char(a.value, a.start);
      node(a.node).end = a.end;
    }
    return a.node;
  }

  bool parse_class_atom(ClassAtom& a) {
    bool ok = parse_class_atom_inner(a);
    a.end = here();
    return ok;
  }

  bool parse_class_atom_inner(ClassAtom& a) {
    a.start = here();
    char32_t c = peek();
    if (c != '\\') {
      a.is_char = true;
      a.value = read_source_char();
      return true;
    }
    ++pos_;
    if (at_end()) return fail("\\ at end of pattern", a.start);
    c = peek();
    switch (c) {
      case 'b':
        ++pos_;
        a.is_char = true;
        a.value = 0x08;
        return true;
      case '-':
        ++pos_;
        a.is_char = true;
        a.value = '-';
        return true;
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
        ++pos_;
        a.node = add_class_escape(c, a.start);
        return true;
      case 'p':
      case 'P':
        if (!unicode_mode_) break;
        return parse_property(a.node, a.start, true);
      case 'c':
        if (is_ascii_letter(peek(1))) break;
        if (unicode_mode_) return fail("Invalid Unicode escape", a.start);
        if (is_digit(peek(1)) || peek(1) == '_') {
          // B.1.2 ClassControlLetter
          a.is_char = true;
          a.value = peek(1) % 32;
          pos_ += 2;
          return true;
        }
        // B.1.2 ClassAtomNoDash :: `\` [lookahead = c]
        a.is_char = true;
        a.value = '\\';
        return true;
      default:
        break;
    }
    if (is_digit(c) && !(c == '0' && !is_digit(peek(1)))) {
      if (unicode_mode_) return fail(c == '0' ? "Invalid class escape" : "Invalid escape", a.start);
      a.is_char = true;
      if (c >= '8') {
        ++pos_;
        a.value = c;
      } else {
        a.value = parse_legacy_octal();
      }
      return true;
    }
    a.is_char = true;
    return parse_character_escape(a.value, a.start, /*in_class=*/true);
  }

  // ---- Classes with v (ClassSetExpression) ----

  bool parse_class_v(NodeId& out, uint32_t depth) {
    uint32_t start = here();
    // The depth cap keeps trees sane; the stack guard keeps a sanitizer build
    // (whose frames are several times larger) from overflowing before it.
    if (depth >= kMaxClassNestingDepth || stack_guard_.exhausted())
      return fail("Regular expression too large", start);
    ++pos_;
    bool negated = false;
    if (peek() == '^') {
      negated = true;
      ++pos_;
    }
    std::vector<NodeId> operands;
    ClassOp op = ClassOp::Union;
    auto expect_end = [&]() {
      if (at_end()) return fail("Unterminated character class", start);
      return true;
    };
    if (!expect_end()) return false;
    if (peek() != ']') {
      ClassAtom first;
      if (!parse_class_set_operand(first, depth)) return false;
      if (!check_class_set_range_start(first)) return false;
      bool first_is_range = false;
      if (first.is_char && peek() == '-' && peek(1) != '-') {
        if (!parse_class_set_range(first)) return false;
        first_is_range = true;
      }
      operands.push_back(materialize(first));
      if (looking_at('&', '&') || looking_at('-', '-')) {
        op = peek() == '&' ? ClassOp::Intersection : ClassOp::Subtraction;
        char32_t sym = peek();
        if (first_is_range) return fail("Invalid set operation in character class", here());
        while (true) {
          if (!expect_end()) return false;
          if (peek() == ']') break;
          if (!looking_at(sym, sym)) return fail("Invalid set operation in character class", here());
          pos_ += 2;
          if (sym == '&' && peek() == '&') return fail("Invalid character in character class", here());
          ClassAtom operand;
          if (!parse_class_set_operand(operand, depth)) return false;
          operands.push_back(materialize(operand));
        }
      } else {
        while (true) {
          if (!expect_end()) return false;
          if (peek() == ']') break;
          if (looking_at('&', '&') || looking_at('-', '-')) {
            return fail("Invalid set operation in character class", here());
          }
          ClassAtom operand;
          if (!parse_class_set_operand(operand, depth)) return false;
          if (!check_class_set_range_start(operand)) return false;
          if (operand.is_char && peek() == '-' && peek(1) != '-') {
            if (!parse_class_set_range(operand)) return false;
          }
          operands.push_back(materialize(operand));
        }
      }
    }
    ++pos_;  // ]
    // MayContainStrings (22.2.1.6)
    bool strings = false;
    if (!operands.empty()) {
      auto may = [&](NodeId id) { return operand_may_contain_strings(id); };
      switch (op) {
        case ClassOp::Union: strings = std::any_of(operands.begin(), operands.end(), may); break;
        case ClassOp::Intersection: strings = std::all_of(operands.begin(), operands.end(), may); break;
        case ClassOp::Subtraction: strings = may(operands.front()); break;
      }
    }
    if (negated && strings) return fail("Negated character class may contain strings", start);
    out = add(NodeKind::Class, start);
    Node& n = node(out);
    n.negated = negated;
    n.class_op = op;
    n.may_contain_strings = strings;
    set_children(out, operands);
    return true;
  }

  // `[\\d-a]`: an operand that is not a character cannot start a range.
  bool check_class_set_range_start(const ClassAtom& a) {
    if (!a.is_char && peek() == '-' && peek(1) != '-') return fail("Invalid character class", a.start);
    return true;
  }

  static bool is_class_escape_letter(char32_t c) {
    switch (c) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'p': case 'P': case 'q':
        return true;
      default:
        return false;
    }
  }

  bool operand_may_contain_strings(NodeId id) {
    const Node& n = node(id);
    switch (n.kind) {
      case NodeKind::Class: return n.may_contain_strings;
      case NodeKind::Property: return out_.property(n).kind == PropertyKind::OfStrings;
      case NodeKind::ClassStrings:
        for (NodeId s : out_.children(n)) {
          if (out_.text(node(s)).size() != 1) return true;
        }
        return false;
      default: return false;
    }
  }

  // `-` at pos_ after the ClassSetCharacter in `from`: completes a
  // ClassSetRange and leaves it in `from`.
  bool parse_class_set_range(ClassAtom& from) {
    ++pos_;
    if (peek() == '\\' && is_class_escape_letter(peek(1))) return fail("Invalid character class", from.start);
    ClassAtom to;
    if (!parse_class_set_character(to)) return false;
    if (from.value > to.value) return fail("Range out of order in character class", from.start);
    NodeId r = add(NodeKind::ClassRange, from.start);
    node(r).value = from.value;
    node(r).value2 = to.value;
    from.node = r;
    from.is_char = false;
    return true;
  }

  // ClassSetOperand :: NestedClass | ClassStringDisjunction | ClassSetCharacter
  bool parse_class_set_operand(ClassAtom& a, uint32_t depth) {
    a.start = here();
    char32_t c = peek();
    if (c == '[') return parse_class_v(a.node, depth + 1);
    if (c == '\\') {
      char32_t e = peek(1);
      switch (e) {
        case 'd': case 'D': case 's': case 'S': case 'w': case 'W':
          pos_ += 2;
          a.node = add_class_escape(e, a.start);
          return true;
        case 'p':
        case 'P':
          ++pos_;
          return parse_property(a.node, a.start, true);
        case 'q':
          if (peek(2) != '{') return fail("Invalid escape", a.start);
          return parse_class_strings(a);
        default:
          break;
      }
    }
    return parse_class_set_character(a);
  }

  // ClassSetCharacter, as a value (a.is_char).
  bool parse_class_set_character(ClassAtom& a) {
    bool ok = parse_class_set_character_inner(a);
    a.end = here();
    return ok;
  }

  bool parse_class_set_character_inner(ClassAtom& a) {
    a.start = here();
    a.is_char = true;
    if (at_end()) return fail("Unterminated character class", a.start);
    char32_t c = peek();
    if (c == '\\') {
      ++pos_;
      if (at_end()) return fail("\\ at end of pattern", a.start);
      char32_t e = peek();
      if (e == 'b') {
        ++pos_;
        a.value = 0x08;
        return true;
      }
      if (is_class_set_reserved_punctuator(e)) {
        ++pos_;
        a.value = e;
        return true;
      }
      if (e == 'c' && !is_ascii_letter(peek(1))) return fail("Invalid Unicode escape", a.start);
      if (is_digit(e) && !(e == '0' && !is_digit(peek(1)))) return fail("Invalid class escape", a.start);
      return parse_character_escape(a.value, a.start, /*in_class=*/true);
    }
    if (is_class_set_syntax_char(c)) return fail("Invalid character in character class", a.start);
    if (is_class_set_reserved_double_char(c) && peek(1) == c) {
      return fail("Invalid set operation in character class", a.start);
    }
    a.value = read_source_char();
    return true;
  }

  // \q{...} with pos_ at `\`.
  bool parse_class_strings(ClassAtom& a) {
    pos_ += 3;  // \q{
    NodeId group = add(NodeKind::ClassStrings, a.start);
    std::vector<NodeId> strings;
    while (true) {
      uint32_t string_start = here();
      std::u32string text;
      while (peek() != '|' && peek() != '}') {
        if (at_end()) return fail("Unterminated character class", a.start);
        ClassAtom ch;
        if (!parse_class_set_character(ch)) return false;
        text.push_back(ch.value);
      }
      NodeId s = add(NodeKind::ClassString, string_start);
      node(s).data_index = static_cast<uint32_t>(out_.strings.size());
      out_.strings.push_back(std::move(text));
      strings.push_back(s);
      if (peek() == '}') break;
      ++pos_;  // |
    }
    ++pos_;  // }
    set_children(group, strings);
    node(group).end = here();
    a.node = group;
    return true;
  }

  // ---- After the parse ----

  bool finish() {
    if (duplicate_name_at_) return fail("Duplicate capture group name", *duplicate_name_at_);
    out_.capture_names.insert(out_.capture_names.begin(), std::u16string());
    for (NodeId id : backreferences_) {
      Node& n = node(id);
      if (n.name_index == Node::kNone) {
        // Only reachable with u/v (Annex B picks octal instead).
        if (n.capture_index > out_.capture_count) return fail("Invalid escape", n.start);
        continue;
      }
      std::vector<uint32_t> groups;
      for (const NamedGroup& g : named_) {
        if (g.name == name_of(n)) groups.push_back(g.capture_index);
      }
      if (groups.empty()) return fail("Invalid named capture referenced", n.start);
      n.data_index = static_cast<uint32_t>(out_.group_lists.size());
      out_.group_lists.push_back(std::move(groups));
    }
    return true;
  }

  std::u16string_view src_;
  StackGuard stack_guard_;
  size_t pos_ = 0;
  Pattern out_;
  std::optional<PatternError> error_;
  bool unicode_mode_ = false;  // [+UnicodeMode]: u or v
  bool sets_mode_ = false;     // [+UnicodeSetsMode]: v
  bool named_groups_ = false;  // [+NamedCaptureGroups]
  uint32_t prescan_group_total_ = 0;  // capturing groups, from prescan_groups
  uint32_t next_disjunction_id_ = 0;
  std::vector<NamedGroup> named_;
  std::optional<uint32_t> duplicate_name_at_;
  std::vector<NodeId> backreferences_;
};

}  // namespace

std::variant<Pattern, PatternError> parse_pattern(std::u16string_view pattern, const Flags& flags) {
  return Parser(pattern, flags).run();
}

std::optional<PatternError> check_pattern(std::u16string_view pattern, const Flags& flags) {
  auto result = parse_pattern(pattern, flags);
  if (auto* error = std::get_if<PatternError>(&result)) return std::move(*error);
  return std::nullopt;
}

}  // namespace glass::regexp
