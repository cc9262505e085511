#include "inspect/format.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <re2/re2.h>
#include <sstream>

namespace glass::inspect {

std::string quote_string(const std::string& text) {
  bool single = text.find('\'') != std::string::npos, dbl = text.find('"') != std::string::npos,
       back = text.find('`') != std::string::npos;
  char quote = !single ? '\'' : !dbl ? '"' : !back ? '`' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == static_cast<unsigned char>(quote)) {
          out += '\\';
          out += char(c);
        } else if (c < 0x20 || c == 0x7F) {
          char hex[8];
          std::snprintf(hex, sizeof hex, "\\x%02X", c);
          out += hex;
        } else {
          out += char(c);
        }
    }
  }
  return out + quote;
}

namespace {

std::string text_of(const json& j, const char* field) {
  auto it = j.find(field);
  if (it == j.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// One property of a preview (PropertyPreview: its value is already a string).
std::string property_preview(const json& p) {
  std::string type = text_of(p, "type");
  std::string value = text_of(p, "value");
  if (type == "string") return quote_string(value);
  if (type == "function") return "[Function]";
  if (type == "accessor") return "[Getter/Setter]";
  return value;  // numbers, booleans, undefined, and objects by their description
}

std::string object_preview(const json& preview);

std::string entry_preview(const json& e) {  // a Map/Set entry's key or value: an ObjectPreview or a RemoteObject
  if (e.contains("properties")) return object_preview(e);
  return format_value(e);
}

std::string object_preview(const json& preview) {
  std::string subtype = text_of(preview, "subtype");
  std::string description = text_of(preview, "description");
  if (subtype == "null") return "null";
  if (subtype == "regexp" || subtype == "date") return description;
  if (subtype == "map" || subtype == "set") {
    if (!preview.contains("entries") || preview["entries"].empty())
      return description + (preview.value("overflow", false) ? " { ... }" : " {}");
    std::vector<std::string> parts;
    for (const json& e : preview["entries"])
      parts.push_back(subtype == "map" ? entry_preview(e["key"]) + " => " + entry_preview(e["value"]) : entry_preview(e["value"]));
    std::string out = description + " { ";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out + " }";
  }
  if (!subtype.empty() && subtype != "array") return description;
  const json& props = preview.contains("properties") ? preview["properties"] : json::array();
  if (props.empty()) return subtype == "array" ? "[]" : "{}";
  std::vector<std::string> parts;
  for (size_t i = 0; i < props.size(); ++i) {
    std::string value = property_preview(props[i]);
    std::string name = text_of(props[i], "name");
    parts.push_back(name == std::to_string(i) && subtype == "array" ? value : name + ": " + value);
  }
  if (preview.value("overflow", false)) parts.push_back("...");
  std::string line;
  for (size_t i = 0; i < parts.size(); ++i) line += (i ? ", " : "") + parts[i];
  if (line.size() > 60) {
    line.clear();
    for (size_t i = 0; i < parts.size(); ++i) line += (i ? ",\n  " : "") + parts[i];
  }
  return subtype == "array" ? "[ " + line + " ]" : "{ " + line + " }";
}

}  // namespace

std::string format_value(const json& v) {
  std::string type = text_of(v, "type");
  if (type == "undefined") return v.contains("description") ? text_of(v, "description") : "undefined";
  if (type == "string") return quote_string(text_of(v, "value"));
  if (type == "number" || type == "bigint")
    return v.contains("description") ? text_of(v, "description") : text_of(v, "value");
  if (type == "boolean") return text_of(v, "value");
  if (type == "symbol") return text_of(v, "description");
  if (type == "function") {
    static const RE2 name(R"(^(?:function\*? )?([^(\s]+)\()");  // node inspect's FUNCTION_NAME_PATTERN
    std::string description = text_of(v, "description"), found;
    std::string fn = RE2::PartialMatch(description, name, &found) ? ": " + found : "";
    return "[" + text_of(v, "className") + fn + "]";
  }
  if (type == "object") {
    std::string subtype = text_of(v, "subtype");
    if (subtype == "null") return "null";
    if (subtype == "regexp" || subtype == "date" || subtype == "error") return text_of(v, "description");
    if ((subtype == "map" || subtype == "set") && v.contains("preview")) return object_preview(v["preview"]);
    if (v.contains("preview")) return object_preview(v["preview"]);
    return text_of(v, "description");
  }
  return text_of(v, "description");
}

std::string file_path(const std::string& url) {
  if (!url.starts_with("file://")) return url;
  std::string path = url.substr(7);
  std::string decoded;  // %XX escapes
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && std::isxdigit(static_cast<unsigned char>(path[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(path[i + 2]))) {
      decoded += char(std::stoi(path.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      decoded += path[i];
    }
  }
  return decoded;
}

std::string relative_path(const std::string& url) {
  std::string path = file_path(url);
  std::error_code ec;
  std::string dir = std::filesystem::current_path(ec).string();
  if (!ec && !dir.empty() && path.starts_with(dir + "/")) return path.substr(dir.size() + 1);
  return path;
}

std::string source_snippet(const std::string& source, int line, int delta, const std::vector<int>& breakpoint_lines) {
  std::vector<std::string> lines;
  std::stringstream in(source);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  int start = std::max(1, line - delta), end = line + delta;
  int width = std::max<int>(2, int(std::to_string(end).size()));
  std::string out;
  for (int i = start; i <= end && i <= int(lines.size()); ++i) {
    char mark = i == line ? '>' : std::find(breakpoint_lines.begin(), breakpoint_lines.end(), i) != breakpoint_lines.end() ? '*' : ' ';
    std::string number = std::to_string(i);
    if (!out.empty()) out += "\n";
    out += mark + std::string(size_t(width) - number.size(), ' ') + number + " " + lines[size_t(i - 1)];
  }
  return out;
}

}  // namespace glass::inspect
