// How `glass inspect` prints the Glass domain's views (GLASS-DOMAIN.md) as
// text: a function's bytecode with the current instruction marked, a
// frame's registers, the event loop's queues, the thread pool, a heap
// neighbourhood and the collector's history.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace glass::inspect {

using json = nlohmann::json;

// Glass.getBytecode's result: "> 0003  2:9  *  Add  r2, r0, r1" lines.
std::string format_bytecode(const json& bytecode);
// Glass.getRegisters' result: "r0  x  = 41", temporaries unnamed, TDZ shown.
std::string format_registers(const json& registers);
// Glass.getQueues' result: the phase, then each queue in the order it runs.
std::string format_queues(const json& queues);
// Glass.getThreadPool's result: each thread, then each work item's state.
std::string format_pool(const json& pool);
// Glass.getHeapGraph's result: each cell with its size and its named edges, then the totals.
std::string format_heap(const json& graph);
// Glass.getGcHistory's result: the last collections.
std::string format_gc(const json& history);

}  // namespace glass::inspect
