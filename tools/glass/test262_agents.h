// $262.agent for the test262 host: agents are threads, each with its own Vm
// (see test262_agents.cpp).
#pragma once
#include <chrono>

#include "vm/vm.h"

namespace glass::cli {

// The main program's $262.agent: start, broadcast, getReport, sleep, monotonicNow.
void install_agent_controller(Vm& vm, Object* d262);
// Tells every agent to stop waiting for broadcasts; true when all ended within `patience`.
bool finish_agents(std::chrono::milliseconds patience);

}  // namespace glass::cli
