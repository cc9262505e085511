// RegExp pattern syntax: flags, the pattern tree, and the parser that builds it.
//
// This is the front half of Glass's RegExp (see DESIGN.md, "RegExp"): it turns
// the source of a pattern into a tree and reports every early error the
// specification defines (ECMA-262 2025, 22.2.1 and 22.2.1.1, with Annex B.1.2
// when neither `u` nor `v` is set). A later stage compiles the tree to RE2 or
// to our own backtracking matcher; nothing here matches text.
//
// Positions are UTF-16 offsets into the pattern as written, because that is
// how the JS parser and `new RegExp` hold it. The pattern may contain lone
// surrogates (from `new RegExp`); without u/v they are ordinary characters.
//
// The tree lives in one flat vector (`Pattern::nodes`), children referenced by
// index, so neither building nor destroying it recurses. Group nesting is
// parsed with an explicit stack; only v-mode nested classes recurse, and both
// are bounded (kMaxNestingDepth, kMaxClassNestingDepth) so a hostile pattern
// gets "Regular expression too large" instead of overflowing the C++ stack.
// See README.md in this directory for a worked example.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace glass::regexp {

// ---- Errors and flags -------------------------------------------------------

// The tail of a SyntaxError message (V8's wording, e.g. "Nothing to repeat");
// the JS parser prefixes "Invalid regular expression: /p/f: ".
struct PatternError {
  std::string message;
  uint32_t index;  // UTF-16 offset into the pattern where the error was found
};

struct Flags {
  bool hasIndices = false;   // d
  bool global = false;       // g
  bool ignoreCase = false;   // i
  bool multiline = false;    // m
  bool dotAll = false;       // s
  bool unicode = false;      // u
  bool unicodeSets = false;  // v
  bool sticky = false;       // y
};

// Parses a flags string ("dgimsuvy" in any order). Returns nullopt and sets
// *error_message (when non-null) to "Invalid flags" on an unknown or repeated
// flag, or when both u and v are set.
std::optional<Flags> parse_flags(std::string_view flags, std::string* error_message);
std::optional<Flags> parse_flags(std::u16string_view flags, std::string* error_message);

// The canonical flags string, in the order `RegExp.prototype.flags` uses
// ("dgimsuvy").
std::string flags_to_string(const Flags& flags);

// ---- The pattern tree -------------------------------------------------------

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

enum class NodeKind : uint8_t {
  // Structure
  Disjunction,   // children: the Alternatives (always at least one)
  Alternative,   // children: the terms, in order (may be empty)
  Group,         // children: [Disjunction]. capture_index > 0 for a capturing
                 // group (name() set when named); 0 for (?:...) and modifier
                 // groups (add_modifiers / remove_modifiers)
  Assertion,     // assertion; lookarounds have children: [Disjunction]
  Quantifier,    // children: [the quantified atom]; min, max, greedy
  // Atoms
  Char,          // value: a code point (u/v) or a UTF-16 code unit (otherwise)
  Any,           // .
  Backreference, // capture_index for \N; for \k<name>, name() and groups()
                 // (the groups it may refer to; several under duplicate names)
  ClassEscape,   // \d \D \s \S \w \W (inside or outside a class)
  Property,      // \p{...} / \P{...}: property(), negated
  Class,         // [...]: negated, class_op, children: operands.
                 // Operands: Char, ClassRange, ClassEscape, Property, Class
                 // (nested, v mode only), ClassStrings (v mode only)
  ClassRange,    // value .. value2 inclusive (code points or code units)
  ClassStrings,  // \q{a|bc|}: children: ClassString
  ClassString,   // text(): the code points of one alternative of \q{...}
};

enum class AssertionKind : uint8_t {
  Start,               // ^
  End,                 // $
  WordBoundary,        // \b
  NotWordBoundary,     // \B
  Lookahead,           // (?=...)
  NegativeLookahead,   // (?!...)
  Lookbehind,          // (?<=...)
  NegativeLookbehind,  // (?<!...)
};

enum class ClassEscapeKind : uint8_t { Digit, NotDigit, Space, NotSpace, Word, NotWord };

// How the operands of a Class combine. Without v every class is a Union.
enum class ClassOp : uint8_t { Union, Intersection, Subtraction };

enum class PropertyKind : uint8_t {
  GeneralCategory,   // \p{Lu}, \p{gc=Lu}, \p{General_Category=Lu}
  Script,            // \p{sc=Grek}, \p{Script=Greek}
  ScriptExtensions,  // \p{scx=Grek}, \p{Script_Extensions=Greek}
  Binary,            // \p{Alphabetic}, \p{Alpha}, ... (ECMA-262 Table 67)
  OfStrings,         // \p{RGI_Emoji}, ... (Table 68; v mode only)
};

struct Property {
  PropertyKind kind = PropertyKind::Binary;
  // Binary and OfStrings: the canonical (long) name from the spec's table.
  // gc/sc/scx: the canonical long property name ("General_Category", ...).
  std::string name;
  // gc/sc/scx: the value exactly as written ("Lu", "Greek", "Grek").
  std::string value;
  // ICU's UProperty for `name` (e.g. UCHAR_ALPHABETIC, UCHAR_SCRIPT), or -1
  // for the properties ICU does not model as one (Any, ASCII, Assigned, and
  // the properties of strings). For General_Category it is
  // UCHAR_GENERAL_CATEGORY_MASK.
  int32_t icu_property = -1;
  // gc: the U_GC_*_MASK bit set; sc/scx: the UScriptCode; otherwise -1.
  int32_t icu_value = -1;
};

// The flags a modifier group (?ims-ims:...) turns on or off.
struct Modifiers {
  bool ignoreCase = false;
  bool multiline = false;
  bool dotAll = false;
  bool any() const { return ignoreCase || multiline || dotAll; }
};

// One node: small and flat (no owned heap memory), so a pattern of a
// million characters costs tens of bytes per character. Which fields are
// meaningful depends on `kind` (see NodeKind); the rest keep their defaults.
// Children and variable-size payloads live in side tables of Pattern; use
// its accessors (children(), name(), property(), text(), groups()).
struct Node {
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr uint32_t kUnbounded = UINT32_MAX;  // Quantifier max for * + {n,}
  // Quantifier bounds above this are clamped to it (no match could reach
  // them anyway); the ordering check {2,1} uses the exact values.
  static constexpr uint32_t kMaxRepeat = UINT32_MAX - 1;

  NodeKind kind = NodeKind::Char;
  AssertionKind assertion = AssertionKind::Start;   // Assertion
  ClassEscapeKind escape = ClassEscapeKind::Digit;  // ClassEscape
  ClassOp class_op = ClassOp::Union;                // Class
  bool greedy = true;          // Quantifier
  bool negated = false;        // Class, Property
  // Class: MayContainStrings (v mode): true when the class can match a
  // string that is not exactly one code point.
  bool may_contain_strings = false;
  Modifiers add_modifiers;     // Group: (?ims-...:
  Modifiers remove_modifiers;  // Group: (?...-ims:

  uint32_t start = 0;  // UTF-16 span of the node's source text: [start, end)
  uint32_t end = 0;
  char32_t value = 0;   // Char; ClassRange (from)
  char32_t value2 = 0;  // ClassRange (to)
  uint32_t min = 0;     // Quantifier
  uint32_t max = 0;     // Quantifier; kUnbounded for * + {n,}
  uint32_t capture_index = 0;  // Group (0 = non-capturing), Backreference (\N)

  // Side-table indices; use Pattern's accessors rather than these.
  uint32_t first_child = 0;
  uint32_t child_count = 0;
  uint32_t name_index = kNone;  // Group (named), Backreference (\k<name>)
  uint32_t data_index = kNone;  // Property, ClassString, Backreference (\k<name>)
};

struct Pattern {
  Flags flags;
  std::vector<Node> nodes;
  NodeId root = kNoNode;  // a Disjunction
  uint32_t capture_count = 0;  // capturing groups, not counting the whole match
  // capture_names[i] is the name of capture group i (empty when unnamed);
  // index 0 stands for the whole match and is always empty.
  std::vector<std::u16string> capture_names;
  bool has_named_groups = false;

  const Node& operator[](NodeId id) const { return nodes[id]; }

  std::span<const NodeId> children(const Node& n) const {
    return {child_ids.data() + n.first_child, n.child_count};
  }
  // Group name, or the name a \k<name> refers to; empty otherwise.
  std::u16string_view name(const Node& n) const {
    return n.name_index == Node::kNone ? std::u16string_view() : std::u16string_view(names[n.name_index]);
  }
  // Property nodes only.
  const Property& property(const Node& n) const { return properties[n.data_index]; }
  // ClassString: its code points.
  std::u32string_view text(const Node& n) const {
    return n.data_index == Node::kNone ? std::u32string_view() : std::u32string_view(strings[n.data_index]);
  }
  // Backreference by name: the capture indices carrying that name, in order
  // (several under ES2025 duplicate names). Empty for \N.
  std::span<const uint32_t> groups(const Node& n) const {
    if (n.kind != NodeKind::Backreference || n.data_index == Node::kNone) return {};
    return group_lists[n.data_index];
  }

  // Side tables (see Node).
  std::vector<NodeId> child_ids;
  std::vector<std::u16string> names;
  std::vector<Property> properties;
  std::vector<std::u32string> strings;
  std::vector<std::vector<uint32_t>> group_lists;
};

// Deepest nesting of groups/lookarounds accepted.
inline constexpr uint32_t kMaxNestingDepth = 10000;
// Deepest nesting of v-mode classes ([[[...]]]); parsed recursively.
inline constexpr uint32_t kMaxClassNestingDepth = 1000;

// Parses `pattern` under `flags` into a tree, or returns the first error.
std::variant<Pattern, PatternError> parse_pattern(std::u16string_view pattern, const Flags& flags);

// Validates `pattern` (UTF-16 as written between the slashes of a literal, or
// given to new RegExp) under `flags`. Returns nullopt when valid, else the
// first error. Annex B syntax applies when neither u nor v is set.
std::optional<PatternError> check_pattern(std::u16string_view pattern, const Flags& flags);

// A readable one-line-per-node dump of the tree, for tests and debugging.
std::string dump_pattern(const Pattern& pattern);

// ---- Unicode property names (unicode_properties.cpp) -----------------------

// Resolves the body of \p{...} (`name_and_value` is "Name=Value" or a lone
// "NameOrValue", ASCII only). Returns nullopt when ECMAScript does not accept
// it; `unicode_sets` allows the properties of strings. Exact, case-sensitive
// names only: no loose matching.
std::optional<Property> resolve_property(std::string_view name_and_value, bool unicode_sets);

}  // namespace glass::regexp
