// The Glass domain's views as text (machine_views.h).
#include "inspect/machine_views.h"

#include <cstdio>
#include <map>

#include "inspect/format.h"

namespace glass::inspect {

namespace {

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.resize(width, ' ');
  return s;
}

std::string site_text(const json& site) {
  if (!site.is_object()) return "";
  return "  (" + relative_path(site.value("url", "")) + ":" + std::to_string(site.value("lineNumber", 0) + 1) + ")";
}

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

}  // namespace

std::string format_bytecode(const json& bc) {
  std::string name = bc.value("name", "");
  std::string out = "function " + (name.empty() ? std::string("(anonymous)") : name) +
                    "  registers=" + std::to_string(bc.value("registerCount", 0)) + "\n";
  const int current = bc.contains("currentPc") ? bc["currentPc"].get<int>() : -1;
  for (const json& ins : bc["instructions"]) {
    int pc = ins["pc"];
    char index[8];
    std::snprintf(index, sizeof index, "%04d", pc);
    int line = ins["lineNumber"];
    std::string where = line >= 0 ? std::to_string(line + 1) + ":" + std::to_string(ins["columnNumber"].get<int>() + 1) : "";
    if (ins.value("isStatement", false)) where += "  *";
    out += std::string(pc == current ? "> " : "  ") + index + "  " + pad(where, 10) + ins.value("text", "") + "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

std::string format_registers(const json& r) {
  std::string out;
  for (const json& reg : r["registers"]) {
    std::string name = reg.value("name", "");
    std::string value = reg.value("uninitialized", false) ? "<uninitialized> (TDZ)" : format_value(reg["value"]);
    auto nl = value.find('\n');
    if (nl != std::string::npos) value = value.substr(0, nl) + " ...";
    out += pad("r" + std::to_string(reg["index"].get<int>()), 5) + pad(name.empty() ? "(temp)" : name, 14) + "= " + value + "\n";
  }
  if (!out.empty()) out.pop_back();
  return out.empty() ? "(no registers)" : out;
}

std::string format_queues(const json& q) {
  std::string out = "phase: " + q.value("phase", "idle");
  auto section = [&](const char* title, const char* key, bool timers) {
    const json& items = q[key];
    out += "\n" + std::string(title) + " (" + std::to_string(items.size()) + ")";
    for (const json& item : items) {
      std::string fn = item.value("function", "");
      out += "\n  " + item.value("description", "") + (fn.empty() ? "" : " " + fn + "()");
      if (timers) out += "  due in " + fixed(std::max(0.0, item.value("dueInMs", 0.0)), 0) + " ms";
      out += site_text(item["createdAt"]);
    }
  };
  section("nextTick queue", "nextTicks", false);
  section("microtasks (promise jobs)", "microtasks", false);
  section("timers", "timers", true);
  section("pending callbacks (I/O)", "pending", false);
  section("immediates (check)", "immediates", false);
  section("close callbacks", "closing", false);
  return out;
}

std::string format_pool(const json& p) {
  std::string out;
  for (const json& t : p["threads"])
    out += "thread " + std::to_string(t["index"].get<int>()) + ": " +
           (t.value("busy", false) ? "running work #" + std::to_string(t.value("workId", 0)) : std::string("idle")) + "\n";
  if (p["threads"].empty()) out += "(no pool threads started yet)\n";
  for (const json& w : p["work"]) {
    std::string state = w.value("state", "");
    if (state == "done") state = "done, not dispatched";
    out += "  #" + std::to_string(w["id"].get<int>()) + " " + pad(w.value("description", ""), 16) + state + site_text(w["createdAt"]) + "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

std::string format_heap(const json& g) {
  std::map<int, const json*> nodes;
  for (const json& n : g["nodes"]) nodes[n["id"].get<int>()] = &n;
  auto label = [&](int id) {
    const json& n = *nodes.at(id);
    return "@" + std::to_string(id) + " " + n.value("kind", "") + " " + n.value("description", "");
  };
  std::string out;
  for (const json& n : g["nodes"]) {
    int id = n["id"];
    out += label(id) + "  (" + std::to_string(n.value("size", 0)) + " bytes" +
           (n.contains("marked") ? (n["marked"].get<bool>() ? ", marked" : ", white") : "") + ")\n";
    for (const json& e : g["edges"])
      if (e["from"].get<int>() == id) {
        std::string name = e.value("name", "");
        out += "    " + (name.empty() ? std::string("->") : name + " ->") + " " + label(e["to"].get<int>()) + "\n";
      }
  }
  if (g.value("truncated", false)) out += "(more cells are reachable: heap @ID shows a cell's own neighbourhood)\n";
  out += "heap totals:";
  int shown = 0;
  for (const json& t : g["totals"]) {
    if (shown++ == 6) break;
    out += " " + t.value("kind", "") + " " + std::to_string(t.value("count", 0)) + " (" +
           fixed(t.value("bytes", 0) / 1024.0, 1) + " KB)";
  }
  return out;
}

std::string format_gc(const json& h) {
  std::string out = "live: " + fixed(h.value("liveBytes", 0) / 1024.0, 1) + " KB";
  const json& list = h["collections"];
  if (list.empty()) return out + "\nno collection yet";
  for (const json& c : list)
    out += "\n#" + std::to_string(c["number"].get<int>()) + " " + pad(c.value("reason", ""), 10) +
           fixed(c.value("bytesBefore", 0) / 1024.0, 0) + " -> " + fixed(c.value("bytesAfter", 0) / 1024.0, 0) + " KB, " +
           std::to_string(c.value("cellsFreed", 0)) + " cells freed, " + fixed(c.value("pauseMs", 0.0), 2) + " ms";
  return out;
}

}  // namespace glass::inspect
