// Validation of \p{...} bodies: which property names and values ECMAScript
// accepts (ECMA-262 2025, 22.2.2.9 "Runtime Semantics: UnicodeMatchProperty"
// and UnicodeMatchPropertyValue, Tables 66-68).
//
// ECMAScript matches names exactly — no case folding, no ignoring of `_` or
// `-`, no "Is" prefix — so ICU's loose lookups are only used to find a
// candidate, and the candidate is accepted only when the text written is
// exactly one of ICU's names for it.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

#include <array>
#include <string>

#include "regexp/pattern.h"

namespace glass::regexp {
namespace {

struct NameAlias {
  const char* name;
  const char* alias;  // nullptr when the table gives none
};

// ECMA-262 2025, 22.2.2.9, Table 67: Binary Unicode property aliases and
// their canonical property names. This is the complete list; any other
// binary property (Hyphen, Other_Alphabetic, ...) is a SyntaxError.
constexpr NameAlias kBinaryProperties[] = {
    {"ASCII", nullptr},
    {"ASCII_Hex_Digit", "AHex"},
    {"Alphabetic", "Alpha"},
    {"Any", nullptr},
    {"Assigned", nullptr},
    {"Bidi_Control", "Bidi_C"},
    {"Bidi_Mirrored", "Bidi_M"},
    {"Case_Ignorable", "CI"},
    {"Cased", nullptr},
    {"Changes_When_Casefolded", "CWCF"},
    {"Changes_When_Casemapped", "CWCM"},
    {"Changes_When_Lowercased", "CWL"},
    {"Changes_When_NFKC_Casefolded", "CWKCF"},
    {"Changes_When_Titlecased", "CWT"},
    {"Changes_When_Uppercased", "CWU"},
    {"Dash", nullptr},
    {"Default_Ignorable_Code_Point", "DI"},
    {"Deprecated", "Dep"},
    {"Diacritic", "Dia"},
    {"Emoji", nullptr},
    {"Emoji_Component", "EComp"},
    {"Emoji_Modifier", "EMod"},
    {"Emoji_Modifier_Base", "EBase"},
    {"Emoji_Presentation", "EPres"},
    {"Extended_Pictographic", "ExtPict"},
    {"Extender", "Ext"},
    {"Grapheme_Base", "Gr_Base"},
    {"Grapheme_Extend", "Gr_Ext"},
    {"Hex_Digit", "Hex"},
    {"IDS_Binary_Operator", "IDSB"},
    {"IDS_Trinary_Operator", "IDST"},
    {"ID_Continue", "IDC"},
    {"ID_Start", "IDS"},
    {"Ideographic", "Ideo"},
    {"Join_Control", "Join_C"},
    {"Logical_Order_Exception", "LOE"},
    {"Lowercase", "Lower"},
    {"Math", nullptr},
    {"Noncharacter_Code_Point", "NChar"},
    {"Pattern_Syntax", "Pat_Syn"},
    {"Pattern_White_Space", "Pat_WS"},
    {"Quotation_Mark", "QMark"},
    {"Radical", nullptr},
    {"Regional_Indicator", "RI"},
    {"Sentence_Terminal", "STerm"},
    {"Soft_Dotted", "SD"},
    {"Terminal_Punctuation", "Term"},
    {"Unified_Ideograph", "UIdeo"},
    {"Uppercase", "Upper"},
    {"Variation_Selector", "VS"},
    {"White_Space", "space"},
    {"XID_Continue", "XIDC"},
    {"XID_Start", "XIDS"},
};

// ECMA-262 2025, 22.2.2.9, Table 68: Binary Unicode properties of strings
// (accepted only with the v flag, and never negated).
constexpr const char* kPropertiesOfStrings[] = {
    "Basic_Emoji",
    "Emoji_Keycap_Sequence",
    "RGI_Emoji_Modifier_Sequence",
    "RGI_Emoji_Flag_Sequence",
    "RGI_Emoji_Tag_Sequence",
    "RGI_Emoji_ZWJ_Sequence",
    "RGI_Emoji",
};

// True when `written` is exactly one of ICU's names (short, long, or a
// further alias) for `value` of `property`.
bool is_exact_value_name(UProperty property, int32_t value, std::string_view written) {
  // ICU: a null name for a choice means no larger choice has one either,
  // except that a value may lack a short name yet have a long one.
  for (int choice = 0; choice < 8; ++choice) {
    const char* name = u_getPropertyValueName(property, value, static_cast<UPropertyNameChoice>(choice));
    if (name == nullptr) {
      if (choice == 0) continue;
      break;
    }
    if (written == name) return true;
  }
  return false;
}

// ICU's UScriptCode also covers ISO 15924 codes that are not Unicode Script
// values (Blis, Jpan, Latf, ...), and PropertyValueAliases.txt lists only the
// latter. A Unicode script is one with code points under Script or
// Script_Extensions; Katakana_Or_Hiragana (Hrkt) is the one listed value
// that has none.
bool is_unicode_script(int32_t code) {
  static const std::array<bool, USCRIPT_CODE_LIMIT> table = [] {
    std::array<bool, USCRIPT_CODE_LIMIT> result{};
    UErrorCode status = U_ZERO_ERROR;
    USet* set = uset_openEmpty();
    for (int32_t s = 0; s < USCRIPT_CODE_LIMIT; ++s) {
      if (s == USCRIPT_KATAKANA_OR_HIRAGANA) {
        result[s] = true;
        continue;
      }
      if (uscript_getUsage(static_cast<UScriptCode>(s)) == USCRIPT_USAGE_NOT_ENCODED) continue;
      for (UProperty p : {UCHAR_SCRIPT, UCHAR_SCRIPT_EXTENSIONS}) {
        status = U_ZERO_ERROR;
        uset_applyIntPropertyValue(set, p, s, &status);
        if (U_SUCCESS(status) && !uset_isEmpty(set)) result[s] = true;
      }
    }
    uset_close(set);
    return result;
  }();
  return code >= 0 && code < USCRIPT_CODE_LIMIT && table[code];
}

// Property value lookups need NUL-terminated strings; values are short.
std::optional<int32_t> lookup_value(UProperty property, std::string_view written) {
  if (written.empty()) return std::nullopt;
  std::string z(written);
  int32_t value = u_getPropertyValueEnum(property, z.c_str());
  if (value == UCHAR_INVALID_CODE) return std::nullopt;
  if (!is_exact_value_name(property, value, written)) return std::nullopt;
  if (property == UCHAR_SCRIPT && !is_unicode_script(value)) return std::nullopt;
  return value;
}

std::optional<Property> general_category(std::string_view value) {
  auto v = lookup_value(UCHAR_GENERAL_CATEGORY_MASK, value);
  if (!v) return std::nullopt;
  Property p;
  p.kind = PropertyKind::GeneralCategory;
  p.name = "General_Category";
  p.value = std::string(value);
  p.icu_property = UCHAR_GENERAL_CATEGORY_MASK;
  p.icu_value = *v;
  return p;
}

}  // namespace

std::optional<Property> resolve_property(std::string_view text, bool unicode_sets) {
  size_t eq = text.find('=');
  if (eq != std::string_view::npos) {
    std::string_view name = text.substr(0, eq);
    std::string_view value = text.substr(eq + 1);
    if (name == "General_Category" || name == "gc") return general_category(value);
    bool script = name == "Script" || name == "sc";
    bool extensions = name == "Script_Extensions" || name == "scx";
    if (!script && !extensions) return std::nullopt;
    auto v = lookup_value(UCHAR_SCRIPT, value);
    if (!v) return std::nullopt;
    Property p;
    p.kind = script ? PropertyKind::Script : PropertyKind::ScriptExtensions;
    p.name = script ? "Script" : "Script_Extensions";
    p.value = std::string(value);
    p.icu_property = script ? UCHAR_SCRIPT : UCHAR_SCRIPT_EXTENSIONS;
    p.icu_value = *v;
    return p;
  }
  if (auto gc = general_category(text)) return gc;
  for (const NameAlias& entry : kBinaryProperties) {
    if (text == entry.name || (entry.alias != nullptr && text == entry.alias)) {
      Property p;
      p.kind = PropertyKind::Binary;
      p.name = entry.name;
      UProperty icu = u_getPropertyEnum(entry.name);
      // Any, ASCII and Assigned are not ICU binary properties.
      p.icu_property = (icu >= UCHAR_BINARY_START && icu < UCHAR_BINARY_LIMIT) ? icu : -1;
      return p;
    }
  }
  if (unicode_sets) {
    for (const char* name : kPropertiesOfStrings) {
      if (text == name) {
        Property p;
        p.kind = PropertyKind::OfStrings;
        p.name = name;
        return p;
      }
    }
  }
  return std::nullopt;
}

}  // namespace glass::regexp
