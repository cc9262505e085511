// The Debug Adapter Protocol as glass serves it: ONE table of every request
// (command, the Adapter member that handles it, what it does in CDP terms).
// The dispatcher and README's list come from these rows; any other command
// is answered with an error response naming it.
//
// Each handler takes the request's `arguments` (a JSON object, {} when
// absent) and returns the response body, or throws DapError (an error
// response with that message).
#pragma once

#define GLASS_DAP_REQUESTS(R)                                                                                     \
  /* ---- the session ------------------------------------------------------------------------------------ */    \
  R(initialize, on_initialize, "the adapter's capabilities")                                                     \
  R(launch, on_launch, "start `glass --inspect-brk` on the program and connect to it (initialized follows)")     \
  R(attach, on_attach, "connect to a running `glass --inspect` (host, port)")                                    \
  R(configurationDone, on_configuration_done, "start the program (Runtime.runIfWaitingForDebugger)")            \
  R(disconnect, on_disconnect, "end the session; a launched program is stopped, an attached one resumed")        \
  R(terminate, on_terminate, "stop the launched program (exited and terminated follow)")                         \
  /* ---- breakpoints ---------------------------------------------------------------------------------------- */ \
  R(setBreakpoints, on_set_breakpoints, "line breakpoints of a file: condition, hitCondition, logMessage")       \
  R(setFunctionBreakpoints, on_set_function_breakpoints, "pause when a named function is called (debug(fn))")    \
  R(setExceptionBreakpoints, on_set_exception_breakpoints, "filters all / uncaught: Debugger.setPauseOnExceptions") \
  R(setInstructionBreakpoints, on_set_instruction_breakpoints, "breakpoints on bytecode instructions (Glass.setInstructionBreakpoint)") \
  /* ---- running -------------------------------------------------------------------------------------------- */ \
  R(continue, on_continue, "Debugger.resume")                                                                     \
  R(next, on_next, "Debugger.stepOver; granularity instruction: Glass.stepInstruction")                          \
  R(stepIn, on_step_in, "Debugger.stepInto; granularity instruction: Glass.stepInstruction")                     \
  R(stepOut, on_step_out, "Debugger.stepOut (whatever the granularity)")                                         \
  R(pause, on_pause, "Debugger.pause")                                                                            \
  /* ---- looking ------------------------------------------------------------------------------------------- */  \
  R(threads, on_threads, "the one JS thread")                                                                     \
  R(stackTrace, on_stack_trace, "the paused call frames (startFrame, levels), with instruction references")       \
  R(scopes, on_scopes, "a frame's scope chain, and its registers (Glass.getRegisters)")                         \
  R(variables, on_variables, "a scope's or object's properties (Runtime.getProperties), paged by start/count")    \
  R(evaluate, on_evaluate, "evaluate in a frame (Debugger.evaluateOnCallFrame) or globally")                     \
  R(setVariable, on_set_variable, "assign a scope variable (Debugger.setVariableValue) or a property")            \
  R(exceptionInfo, on_exception_info, "the exception the program stopped on")                                   \
  R(loadedSources, on_loaded_sources, "every script parsed so far")                                               \
  R(source, on_source, "a script's text (Debugger.getScriptSource)")                                              \
  R(disassemble, on_disassemble, "bytecode around an instruction reference (Glass.getBytecode)")
