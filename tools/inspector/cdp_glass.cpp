// The Glass domain: the machine under the language — bytecode, registers,
// instruction steps, the event loop's queues, the thread pool, the heap as
// a graph, and the collector's phases. Each method's shape is documented in
// GLASS-DOMAIN.md; each is a row of cdp_methods.h.
#include <unistd.h>

#include <unordered_set>

#include "bytecode/disassembler.h"
#include "debug/heap_view.h"
#include "inspector/cdp_params.h"
#include "inspector/cdp_session.h"
#include "natives/runtime.h"
#include "objects/cell_tags.h"
#include "objects/string.h"
#include "vm/operations.h"

namespace glass::inspector {

namespace {

std::string function_id_text(const debug::FunctionRef& ref) {
  return std::to_string(ref.script) + ":" + std::to_string(ref.index);
}

debug::FunctionRef function_id_param(const json& params) {
  std::string text = string_param(params, "functionId");
  unsigned script = 0, index = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%u:%u%c", &script, &index, &tail) != 2)
    throw CdpError(kInvalidParams, "Invalid parameters: 'functionId' must look like \"<scriptId>:<n>\"");
  return debug::FunctionRef{script, index};
}

// The cell a Value names, if it is one.
const gc::Cell* cell_of(Value v) { return v.is_cell() ? v.as_cell() : nullptr; }

}  // namespace

// A loop item's creation site, as a CDP location with its url.
json CdpSession::site_json(const std::optional<debug::Location>& at) const {
  if (!at) return nullptr;
  json out = location_json(*at);
  const debug::Script* script = debugger_.scripts().find(at->script);
  out["url"] = script ? script->url : "";
  return out;
}

// The name of a callable without running anything (a native's or a
// closure's `name` is read as data).
std::string CdpSession::callable_name(Value fn) {
  FunctionObject* f = as_function(fn);
  return f ? debug::function_name(vm_, f) : "";
}

// ---- bytecode and registers ----------------------------------------------------------

json CdpSession::glass_get_bytecode(const json& params) {
  const bytecode::CompiledFunction* code = nullptr;
  std::optional<uint32_t> current;
  if (params.contains("callFrameId")) {
    const debug::CallFrame& frame = frame_param(params);
    code = debugger_.code_of(frame);
    if (!code) throw CdpError(kServerError, "A native frame has no bytecode");
    current = debugger_.pc_of(frame);
  } else {
    code = debugger_.function_at(function_id_param(params));
    if (!code) throw CdpError(kServerError, "No function for that functionId");
  }
  auto ref = debugger_.function_ref(code);
  json out = {{"functionId", ref ? function_id_text(*ref) : ""},
              {"name", code->name},
              {"scriptId", ref ? std::to_string(ref->script) : "0"},
              {"registerCount", code->register_count},
              {"parameterCount", code->param_count},
              {"instructions", json::array()},
              {"locals", json::array()}};
  for (uint32_t pc = 0; pc < code->code.size(); ++pc) {
    const bytecode::PositionEntry* p = code->position_of(pc);
    json ins = {{"pc", pc},
                {"opcode", std::string(bytecode::info(code->code[pc].op()).name)},
                {"text", bytecode::instruction_text(*code, pc)},
                {"lineNumber", p ? int(p->line) - 1 : -1},
                {"columnNumber", p ? int(p->column) - 1 : -1},
                {"isStatement", code->statement_at(pc) != nullptr}};
    out["instructions"].push_back(std::move(ins));
  }
  for (const bytecode::LocalVariable& v : code->locals)
    out["locals"].push_back({{"name", v.name},
                             {"kind", bytecode::variable_kind_name(v.kind)},
                             {"register", v.reg},
                             {"startPc", v.start_pc},
                             {"endPc", v.end_pc}});
  if (current) out["currentPc"] = *current;
  return out;
}

json CdpSession::glass_get_registers(const json& params) {
  const debug::CallFrame& frame = frame_param(params);
  json out = json::array();
  for (const debug::RegisterValue& r : debugger_.registers(frame)) {
    json reg = {{"index", r.index}, {"uninitialized", r.uninitialized}};
    if (!r.name.empty()) {
      reg["name"] = r.name;
      reg["kind"] = bytecode::variable_kind_name(r.kind);
    }
    reg["value"] = r.uninitialized ? json{{"type", "undefined"}, {"description", "<uninitialized>"}}
                                   : remote_object(r.value, "backtrace", false, false);
    out.push_back(std::move(reg));
  }
  return {{"registers", std::move(out)}};
}

json CdpSession::glass_step_instruction(const json&) {
  if (!debugger_.paused()) throw CdpError(kServerError, "Can only perform operation while paused.");
  debugger_.step(debug::StepKind::Instruction);
  return json::object();
}

json CdpSession::glass_set_instruction_breakpoint(const json& params) {
  const bytecode::CompiledFunction* code = debugger_.function_at(function_id_param(params));
  if (!code) throw CdpError(kServerError, "No function for that functionId");
  int64_t pc = int_param(params, "pc");
  if (pc < 0 || uint64_t(pc) >= code->code.size()) throw CdpError(kInvalidParams, "Invalid parameters: 'pc' is out of range");
  debug::Location at;
  debug::BreakpointId id =
      debugger_.set_instruction_breakpoint(code, uint32_t(pc), string_param(params, "condition", false), &at);
  if (!id) throw CdpError(kServerError, "Could not set the breakpoint");
  return {{"breakpointId", breakpoint_id(id, debugger_.breakpoint_spec(id))}, {"actualLocation", location_json(at)}};
}

// ---- the event loop and the thread pool -------------------------------------------------

json CdpSession::glass_get_queues(const json&) {
  natives::Runtime& rt = inspector_.runtime();
  eventloop::Loop::Snapshot snap = rt.loop().snapshot();
  using Site = natives::Inspector::SiteKind;
  json out = {{"phase", snap.phase}};
  json timers = json::array();
  for (const auto& t : snap.timers) {
    json item = {{"id", t.id}, {"description", t.repeat ? "setInterval" : "setTimeout"}, {"dueInMs", t.due_in_ms}};
    if (t.repeat) item["repeatMs"] = t.interval_ms;
    item["function"] = callable_name(natives::timer_callback(rt, t.id));
    item["createdAt"] = site_json(inspector_.site_of(Site::Timer, t.id));
    timers.push_back(std::move(item));
  }
  out["timers"] = std::move(timers);
  json immediates = json::array();
  for (const auto& i : snap.immediates) {
    json item = {{"id", i.tag}, {"description", "setImmediate"}};
    item["function"] = callable_name(natives::timer_callback(rt, i.tag));
    item["createdAt"] = site_json(inspector_.site_of(Site::Immediate, i.tag));
    immediates.push_back(std::move(item));
  }
  out["immediates"] = std::move(immediates);
  auto plain = [&](const std::vector<eventloop::Loop::Snapshot::Item>& items, Site kind) {
    json list = json::array();
    for (const auto& i : items)
      list.push_back({{"id", i.tag}, {"description", i.label}, {"createdAt", site_json(inspector_.site_of(kind, i.tag))}});
    return list;
  };
  // Pending I/O callbacks: the loop's deferred ones, and the pool's finished
  // work whose completion waits in the loop's queue (it runs in the poll phase).
  json io = plain(snap.pending, Site::Work);
  for (const auto& w : snap.work)
    if (w.state == eventloop::Loop::WorkState::Done)
      io.push_back({{"id", w.tag}, {"description", w.label + " completion"}, {"createdAt", site_json(inspector_.site_of(Site::Work, w.tag))}});
  out["pending"] = std::move(io);
  out["closing"] = plain(snap.closing, Site::Work);
  json ticks = json::array();
  std::span<const Value> waiting = rt.pending_ticks();
  for (size_t n = 0; n + 1 < waiting.size(); n += 2)
    ticks.push_back({{"id", n / 2},
                     {"description", "process.nextTick"},
                     {"function", callable_name(waiting[n])},
                     {"createdAt", site_json(inspector_.tick_site(n / 2))}});
  out["nextTicks"] = std::move(ticks);
  json jobs = json::array();
  std::span<const Value> pending = vm_.pending_jobs();
  uint64_t number = vm_.jobs_started();
  for (size_t n = 0; n + 1 < pending.size(); n += 2, ++number)
    jobs.push_back({{"id", number},
                    {"description", "promise job"},
                    {"function", callable_name(pending[n])},
                    {"createdAt", site_json(debugger_.job_site(number))}});
  out["microtasks"] = std::move(jobs);
  return out;
}

json CdpSession::glass_get_thread_pool(const json&) {
  eventloop::Loop::Snapshot snap = inspector_.runtime().loop().snapshot();
  json threads = json::array();
  for (unsigned t = 0; t < snap.pool_threads; ++t) {
    json thread = {{"index", t}, {"busy", false}};
    for (const auto& w : snap.work)
      if (w.thread == int(t) && w.state == eventloop::Loop::WorkState::Running) {
        thread["busy"] = true;
        thread["workId"] = w.id;
      }
    threads.push_back(std::move(thread));
  }
  json work = json::array();
  for (const auto& w : snap.work) {
    const char* state = "queued";
    switch (w.state) {
      case eventloop::Loop::WorkState::Queued: state = "queued"; break;
      case eventloop::Loop::WorkState::Running: state = "running"; break;
      case eventloop::Loop::WorkState::Done: state = "done"; break;
      case eventloop::Loop::WorkState::Dispatched: state = "dispatched"; break;
    }
    json item = {{"id", w.id}, {"description", w.label}, {"state", state}};
    if (w.thread >= 0) item["thread"] = w.thread;
    item["createdAt"] = site_json(inspector_.site_of(natives::Inspector::SiteKind::Work, w.tag));
    work.push_back(std::move(item));
  }
  return {{"threads", std::move(threads)}, {"work", std::move(work)}};
}

json CdpSession::glass_set_loop_phase_breakpoint(const json& params) {
  std::string phase = string_param(params, "phase");
  static const char* const kPhases[] = {"timers", "pending", "poll", "check", "close"};
  if (std::find(std::begin(kPhases), std::end(kPhases), phase) == std::end(kPhases))
    throw CdpError(kInvalidParams, "Invalid parameters: 'phase' must be timers, pending, poll, check or close");
  inspector_.set_phase_breakpoint(phase, bool_param(params, "enabled", true));
  return json::object();
}

json CdpSession::glass_run_to_next_callback(const json&) {
  if (!debugger_.paused()) throw CdpError(kServerError, "Can only perform operation while paused.");
  debugger_.step(debug::StepKind::NextCallback);
  return json::object();
}

// ---- the heap and the collector ------------------------------------------------------

json CdpSession::glass_get_heap_graph(const json& params) {
  std::vector<const gc::Cell*> from;
  if (params.contains("nodeId")) {
    const gc::Cell* cell = debugger_.numbered_cell(uint32_t(int_param(params, "nodeId")));
    if (!cell) throw CdpError(kServerError, "No node with that id (ids last until the next resume or collection)");
    from.push_back(cell);
  } else if (params.contains("objectId")) {
    const gc::Cell* cell = cell_of(object_param(params));
    if (!cell) throw CdpError(kServerError, "Not an object");
    from.push_back(cell);
  } else if (params.contains("callFrameId")) {
    // The frame's own values first (registers, then its local and block
    // scopes), then what its closure captured: a limited graph shows the
    // nearest first.
    const debug::CallFrame& frame = frame_param(params);
    for (const debug::RegisterValue& r : debugger_.registers(frame))
      if (const gc::Cell* c = cell_of(r.value)) from.push_back(c);
    if (!debugger_.collecting())
      for (int pass = 0; pass < 2; ++pass)
        for (const debug::Scope& scope : debugger_.scopes(frame)) {
          bool own = scope.type == debug::ScopeType::Local || scope.type == debug::ScopeType::Block ||
                     scope.type == debug::ScopeType::Catch;
          if (scope.type == debug::ScopeType::Global || own != (pass == 0)) continue;  // the global object: by objectId
          for (const debug::Variable& v : scope.variables)
            if (const gc::Cell* c = cell_of(v.value)) from.push_back(c);
        }
  } else {
    throw CdpError(kInvalidParams, "Invalid parameters: give nodeId, objectId or callFrameId");
  }
  {  // each cell once, in the order found
    std::unordered_set<const gc::Cell*> seen;
    std::erase_if(from, [&](const gc::Cell* c) { return !seen.insert(c).second; });
  }
  int64_t depth = std::clamp<int64_t>(int_param(params, "depth", 2), 0, 8);
  int64_t limit = std::clamp<int64_t>(int_param(params, "limit", 200), 1, 5000);
  debug::HeapGraph graph = debug::heap_graph(vm_, from, unsigned(depth), size_t(limit));
  json nodes = json::array();
  const bool collecting = debugger_.collecting();
  for (const debug::HeapNode& n : graph.nodes) {
    json node = {{"id", debugger_.cell_number(n.cell)},
                 {"kind", n.kind},
                 {"description", n.description},
                 {"size", n.size}};
    if (collecting) node["marked"] = n.marked;
    // A JS value the client may open (not while collecting: a new handle would be a root too late).
    if (!collecting && (has_tag(n.cell, CellTag::Object) || has_tag(n.cell, CellTag::String)))
      node["objectId"] = remote_object(has_tag(n.cell, CellTag::Object)
                                           ? object_value(static_cast<Object*>(const_cast<gc::Cell*>(n.cell)))
                                           : string_value(static_cast<String*>(const_cast<gc::Cell*>(n.cell))),
                                       "heap", false, false)
                             .value("objectId", json(nullptr));
    nodes.push_back(std::move(node));
  }
  json edges = json::array();
  for (const debug::HeapEdge& e : graph.edges)
    edges.push_back({{"from", nodes[e.from]["id"]}, {"to", nodes[e.to]["id"]}, {"name", e.name}});
  json totals = json::array();
  for (const debug::KindTotal& t : debug::heap_totals(vm_))
    totals.push_back({{"kind", t.kind}, {"count", t.count}, {"bytes", t.bytes}});
  return {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"truncated", graph.truncated}, {"totals", std::move(totals)}};
}

json CdpSession::glass_get_retaining_path(const json& params) {
  if (debugger_.collecting()) throw CdpError(kServerError, "Not while a collection is stopped between phases");
  const gc::Cell* target = nullptr;
  if (params.contains("nodeId")) target = debugger_.numbered_cell(uint32_t(int_param(params, "nodeId")));
  else target = cell_of(object_param(params));
  if (!target) throw CdpError(kServerError, "No such node or object");
  // The debugger's own handles would be the shortest path to anything it shows: left out.
  const gc::RootSection* ignore[] = {&debugger_.handles()};
  auto path = vm_.heap().find_path_to(target, ignore);
  if (!path) return {{"path", json::array()}, {"reachable", false}};
  json out = json::array();
  out.push_back({{"root", path->root}});
  const gc::Cell* previous = nullptr;
  for (const gc::Cell* cell : path->cells) {
    debug::HeapNode n = debug::describe_cell(vm_, cell);
    json node = {{"id", debugger_.cell_number(cell)}, {"kind", n.kind}, {"description", n.description}, {"size", n.size}};
    out.push_back({{"node", std::move(node)}, {"edge", previous ? debug::edge_name(previous, cell) : ""}});
    previous = cell;
  }
  return {{"path", std::move(out)}, {"reachable", true}};
}

json CdpSession::glass_get_gc_history(const json&) {
  json list = json::array();
  for (const gc::CycleStats& c : vm_.heap().history())
    list.push_back({{"number", c.number},
                    {"reason", gc::reason_name(c.reason)},
                    {"bytesBefore", c.bytes_before},
                    {"bytesAfter", c.bytes_after},
                    {"cellsMarked", c.cells_marked},
                    {"cellsFreed", c.cells_freed},
                    {"pauseMs", c.pause_ms}});
  return {{"liveBytes", vm_.heap().stats().live_bytes}, {"collections", std::move(list)}};
}

json CdpSession::glass_set_break_on_gc(const json& params) {
  debugger_.set_break_on_gc(bool_param(params, "enabled", true));
  return json::object();
}

json CdpSession::glass_step_collection(const json&) {
  if (!debugger_.paused()) throw CdpError(kServerError, "Can only perform operation while paused.");
  if (debugger_.collecting()) debugger_.continue_collection();
  else debugger_.request_collection();
  return json::object();
}

}  // namespace glass::inspector
