// glass::natives::Runtime — what turns the engine into a Node-style program
// runner: one Vm, one event loop (eventloop/), and the queues Node keeps on
// the JS side (nextTick). See README.md for the order things run in.
//
// Every JS callback the loop takes (a timer, an immediate, an I/O
// completion) goes through Runtime::call_callback, which runs it, then
// drains process.nextTick callbacks and promise jobs the way Node does after
// each macrotask. An exception escaping a callback is the program's
// uncaught exception: printed, exit status 1, loop stopped.
#pragma once
#include <cstdio>
#include <deque>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "eventloop/loop.h"
#include "vm/rooted.h"
#include "vm/vm.h"

namespace glass::natives {

struct RuntimeOptions {
  std::vector<std::string> argv;  // process.argv: [glass path, absolute script path, args...]
  std::vector<std::string> exec_argv;  // process.execArgv: the options before the script
  std::string exec_path;               // process.execPath: the glass binary, absolute
  std::string argv0;                   // process.argv0: argv[0] as typed
  std::vector<std::string> preload;    // -r: required (from the current directory) before the program
  bool input_module = false;           // --input-type=module: -e CODE and stdin are ES modules
  std::FILE* trace_loop = nullptr;  // --trace-loop
  bool module = false;              // --module: the main file is an ES module whatever its name
};

class Inspector;  // inspector.h

class Runtime {
 public:
  Runtime(Vm& vm, RuntimeOptions options);
  ~Runtime();

  static Runtime& of(Vm& vm) { return *static_cast<Runtime*>(vm.embedder_data); }

  // Runs `path` as the main CommonJS module, then the event loop until
  // nothing referenced is left; returns the exit status.
  int run_main(const std::string& path);
  // -e / -p / stdin: `source` as node's [eval] or [stdin] script (eval.cpp).
  int run_eval(const std::string& source, const std::string& name, bool print);
  // The frame every way of starting shares: -r preloads, `program`, the
  // microtask checkpoint, the loop, 'exit'; returns the exit status.
  int run_program(const std::function<void()>& program);

  Vm& vm() { return vm_; }
  eventloop::Loop& loop() { return loop_; }
  const RuntimeOptions& options() const { return options_; }

  // Runs a JS callback taken from the loop, then the microtask checkpoint.
  void call_callback(Value fn, Value self, std::span<const Value> args);
  // process.nextTick(fn, ...args)
  void queue_next_tick(Value fn, std::span<const Value> args);
  // Node's microtask checkpoint: nextTick queue first, then promise jobs, until both are empty.
  void drain_microtasks();

  // process.exit(code): runs the 'exit' listeners, flushes, and ends the process.
  [[noreturn]] void exit(int code);
  int exit_code() const;
  // An exception nobody caught: process 'uncaughtException' listeners take
  // it, or it is printed the way the CLI contract says and the program ends
  // (status 1; 7 when a listener threw).
  void report_uncaught(Value error);

  // Timers and immediates by id, with what their callbacks need (timers.cpp).
  struct TimerRecord {
    gc::Persistent<Object> handle;  // the Timeout / Immediate object: its callback and arguments hang off it
    bool repeat = false;
    bool immediate = false;
  };
  std::unordered_map<uint64_t, TimerRecord> timers;
  uint64_t next_immediate_id = 1ull << 62;  // apart from the loop's timer ids

  // The debugger joined to this runtime (--inspect, glass inspect), or null.
  Inspector* inspector = nullptr;
  // The nextTick queue's waiting entries: (function, arguments array) pairs.
  std::span<const Value> pending_ticks() const;

  // The object `process` (made by install_process).
  Object* process() const { return process_.get(); }
  void set_process(Object* p) { process_ = gc::Persistent<Object>(vm_.heap(), p, "process"); }

 private:
  void emit_exit(int code);
  [[noreturn]] void fail(int status);         // ends the program after an uncaught error
  void call_callback_hook(const char* name);  // a bootstrap hook as a loop callback (beforeExit)

  Vm& vm_;
  RuntimeOptions options_;
  eventloop::Loop loop_;
  gc::Persistent<Object> process_;
  gc::Persistent<Object> ticks_;  // an array: fn, args array, fn, args array, ...
  size_t tick_head_ = 0;
  bool exiting_ = false;
  bool failed_ = false;  // an uncaught exception ended the program
  int failure_status_ = 1;
};

// Writes all of `bytes` to file descriptor `fd` (waiting while a
// non-blocking one is full); 0, or the errno of the failure.
int write_all(int fd, std::string_view bytes);

// Installers, one per binding (each in its own file).
void install_timers(Runtime& rt);   // setTimeout & co., queueMicrotask
// The callback timer or immediate `id` will call (undefined once it ran or was cleared).
Value timer_callback(Runtime& rt, uint64_t id);
void install_process(Runtime& rt);  // the process object
void bootstrap(Runtime& rt);        // lib/internal/bootstrap.js: process, globals, require (modules.cpp)

}  // namespace glass::natives
