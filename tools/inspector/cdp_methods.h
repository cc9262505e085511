// The Chrome DevTools Protocol as Glass serves it: ONE table of every
// method (domain, name, the CdpSession member that handles it, what it does)
// and one of every event. The dispatcher, `/json/protocol` and the README's
// list are generated from these rows; a method not listed here is answered
// with JSON-RPC's "method not found", never with silence.
//
// Each handler takes the request's params (a JSON object) and returns the
// result object, or throws CdpError. Positions on the wire are 0-based lines
// and 0-based UTF-16 columns, as V8's.
#pragma once

#define GLASS_CDP_METHODS(M)                                                                                      \
  /* ---- Runtime --------------------------------------------------------------------------------------- */      \
  M(Runtime, enable, runtime_enable, "start reporting: executionContextCreated, consoleAPICalled, exceptionThrown") \
  M(Runtime, disable, runtime_disable, "stop reporting Runtime events")                                           \
  M(Runtime, runIfWaitingForDebugger, runtime_run_if_waiting, "--inspect-brk / --inspect-wait: start the program") \
  M(Runtime, evaluate, runtime_evaluate, "evaluate an expression in the global scope")                            \
  M(Runtime, callFunctionOn, runtime_call_function_on, "call a function declaration with an object as this")      \
  M(Runtime, getProperties, runtime_get_properties, "an object's (or a scope's) properties")                     \
  M(Runtime, releaseObject, runtime_release_object, "forget one object handle")                                   \
  M(Runtime, releaseObjectGroup, runtime_release_object_group, "forget every handle of a group")                  \
  M(Runtime, getIsolateId, runtime_get_isolate_id, "an id for this VM")                                           \
  M(Runtime, getHeapUsage, runtime_get_heap_usage, "live and total heap bytes")                                   \
  M(Runtime, globalLexicalScopeNames, runtime_global_lexical_scope_names, "the script-level let/const/class names") \
  M(Runtime, compileScript, runtime_compile_script, "check an expression's syntax (DevTools' console)")           \
  M(Runtime, discardConsoleEntries, runtime_discard_console_entries, "nothing is kept: acknowledged")             \
  M(Runtime, setAsyncCallStackDepth, debugger_set_async_call_stack_depth, "as Debugger.setAsyncCallStackDepth")  \
  /* ---- Debugger -------------------------------------------------------------------------------------- */      \
  M(Debugger, enable, debugger_enable, "start debugging: scriptParsed for every script so far")                  \
  M(Debugger, disable, debugger_disable, "stop debugging: breakpoints removed, the program resumed")              \
  M(Debugger, getScriptSource, debugger_get_script_source, "a script's source text")                              \
  M(Debugger, setBreakpointByUrl, debugger_set_breakpoint_by_url, "a breakpoint by url or urlRegex, now and in scripts loaded later") \
  M(Debugger, setBreakpoint, debugger_set_breakpoint, "a breakpoint at a location of a loaded script")            \
  M(Debugger, removeBreakpoint, debugger_remove_breakpoint, "remove a breakpoint")                                \
  M(Debugger, getPossibleBreakpoints, debugger_get_possible_breakpoints, "the break locations in a range")        \
  M(Debugger, setBreakpointsActive, debugger_set_breakpoints_active, "turn every breakpoint off or on")           \
  M(Debugger, setSkipAllPauses, debugger_set_skip_all_pauses, "never pause, or pause again")                      \
  M(Debugger, continueToLocation, debugger_continue_to_location, "resume until a location is reached")            \
  M(Debugger, pause, debugger_pause, "pause at the next statement")                                               \
  M(Debugger, resume, debugger_resume, "resume")                                                                  \
  M(Debugger, stepOver, debugger_step_over, "the next statement in this function or a caller")                   \
  M(Debugger, stepInto, debugger_step_into, "the next statement, wherever it runs")                               \
  M(Debugger, stepOut, debugger_step_out, "the next statement in a caller")                                       \
  M(Debugger, evaluateOnCallFrame, debugger_evaluate_on_call_frame, "evaluate in a paused frame (its variables assignable)") \
  M(Debugger, setPauseOnExceptions, debugger_set_pause_on_exceptions, "none, caught, uncaught or all")           \
  M(Debugger, setVariableValue, debugger_set_variable_value, "assign a variable of a paused frame's scope")      \
  M(Debugger, setAsyncCallStackDepth, debugger_set_async_call_stack_depth, "0: no asyncStackTrace in paused events") \
  M(Debugger, setBlackboxPatterns, debugger_set_blackbox_patterns, "scripts whose url matches are not stepped into") \
  /* ---- Profiler, HeapProfiler: accepted, not implemented ---------------------------------------------- */   \
  M(Profiler, enable, acknowledge, "accepted (no profiler yet)")                                                 \
  M(Profiler, disable, acknowledge, "accepted")                                                                  \
  M(Profiler, setSamplingInterval, acknowledge, "accepted")                                                      \
  M(HeapProfiler, enable, acknowledge, "accepted (no heap snapshots yet)")                                       \
  M(HeapProfiler, disable, acknowledge, "accepted")                                                              \
  M(HeapProfiler, collectGarbage, heap_profiler_collect_garbage, "run a full collection now")                  \
  /* ---- Glass: the machine under the language (GLASS-DOMAIN.md) -------------------------------------- */   \
  M(Glass, getBytecode, glass_get_bytecode, "a function's instructions, locals and the frame's current pc")     \
  M(Glass, getRegisters, glass_get_registers, "every register of a paused frame, named from the locals table") \
  M(Glass, stepInstruction, glass_step_instruction, "resume; pause before the next instruction")              \
  M(Glass, setInstructionBreakpoint, glass_set_instruction_breakpoint, "a breakpoint at one instruction")      \
  M(Glass, getQueues, glass_get_queues, "the loop's phase and every queue feeding the stack, with creation sites") \
  M(Glass, getThreadPool, glass_get_thread_pool, "the pool's threads and its work items' states")              \
  M(Glass, setLoopPhaseBreakpoint, glass_set_loop_phase_breakpoint, "pause before a callback of a loop phase") \
  M(Glass, runToNextCallback, glass_run_to_next_callback, "resume; pause in the next callback the runtime calls") \
  M(Glass, getHeapGraph, glass_get_heap_graph, "the cells near an object or a frame, with sizes and edges")    \
  M(Glass, getRetainingPath, glass_get_retaining_path, "what keeps a cell alive: a root and the edges from it") \
  M(Glass, getGcHistory, glass_get_gc_history, "the last collections (as --trace-gc prints them)")            \
  M(Glass, setBreakOnGc, glass_set_break_on_gc, "pause when the heap next wants to collect")                   \
  M(Glass, stepCollection, glass_step_collection, "run a debugger-driven collection to its next phase")

#define GLASS_CDP_EVENTS(E)                                                                        \
  E(Runtime, executionContextCreated, "the program's one context (on Runtime.enable)")           \
  E(Runtime, executionContextDestroyed, "the program ended")                                     \
  E(Runtime, consoleAPICalled, "console.log and friends, with the values")                       \
  E(Runtime, exceptionThrown, "an uncaught exception ends the program")                          \
  E(Debugger, scriptParsed, "a script was compiled (every file, module, eval)")                  \
  E(Debugger, breakpointResolved, "a breakpoint set by url found its place in a new script")     \
  E(Debugger, paused, "the program stopped: call frames, scopes, this, reason, async stack")     \
  E(Debugger, resumed, "the program goes on")
