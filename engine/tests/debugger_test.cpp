// The debugger core (engine/debug/) through its C++ API, with a scripted
// front end: each test runs a script, and at every pause the script's
// `on_pause` decides what to do (step, evaluate, resume) while the session
// writes down where the program stopped. The protocols on top (CDP, the
// terminal debugger) are tested against real clients in conformance/debugger.
#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "debug/debugger.h"
#include "vm/fiber.h"
#include "vm/operations.h"
#include "vm/rooted.h"

using namespace glass;
using debug::StepKind;

namespace {

struct Session final : debug::DebuggerDelegate {
  debug::Debugger* debugger = nullptr;
  std::string log;
  std::function<void(Session&)> on_pause = [](Session& s) { s.debugger->resume(); };
  int pauses = 0;

  void script_parsed(const debug::Script& script) override {
    if (!script.url.empty()) log += "script " + script.url + "\n";
  }
  void breakpoint_resolved(debug::BreakpointId id, const debug::Location& at) override {
    log += "resolved " + std::to_string(id) + " at " + std::to_string(at.line) + ":" + std::to_string(at.column) + "\n";
  }
  void paused(const debug::PauseInfo& pause) override {
    if (++pauses > 200) {  // a runaway test: stop stepping
      debugger->resume();
      return;
    }
    auto frames = debugger->call_frames();
    const debug::CallFrame& top = frames.front();
    static const char* reasons[] = {"start", "breakpoint", "step", "exception", "debugger", "request"};
    log += std::string("pause ") + reasons[int(pause.reason)] + " " + (top.function_name.empty() ? "(top)" : top.function_name) +
           " " + std::to_string(top.location.line) + ":" + std::to_string(top.location.column);
    if (pause.reason == debug::PauseReason::Exception) log += pause.uncaught ? " uncaught" : " caught";
    log += "\n";
    on_pause(*this);
  }
  void interrupted() override {}

  // String(value of `expr` in the top frame), or "throws ...".
  std::string eval(const std::string& expr) {
    auto frames = debugger->call_frames();
    debug::Completion c = debugger->evaluate_on_frame(frames.front(), expr);
    RootedValue v(debugger->vm().heap(), c.value);
    std::string text = v.get().is_symbol() ? "symbol" : to_utf8(debugger->vm(), v);
    return c.threw ? "throws " + text : text;
  }
  // "name=value" for every variable of scope `n` of the top frame.
  std::string scope(size_t n) {
    auto frames = debugger->call_frames();
    auto chain = debugger->scopes(frames.front());
    if (n >= chain.size()) return "(none)";
    std::string out = debug::scope_type_name(chain[n].type);
    if (!chain[n].name.empty()) out += "(" + chain[n].name + ")";
    out += ":";
    for (const debug::Variable& v : chain[n].variables)
      out += " " + v.name + "=" + (v.value.is_empty() ? std::string("<tdz>") : to_utf8(debugger->vm(), v.value));
    return out;
  }
};

// Runs `source` as the script /test.js with a debugger attached, after
// `setup` (breakpoints, pause-on-exceptions), draining jobs; returns the log.
std::string run(const std::string& source, std::function<void(debug::Debugger&)> setup,
                std::function<void(Session&)> on_pause = nullptr, VmOptions options = {}) {
  Session session;
  if (on_pause) session.on_pause = std::move(on_pause);
  run_on_fiber(kDefaultFiberStack, [&] {
    Vm vm(options);
    debug::Debugger debugger(vm, session);
    session.debugger = &debugger;
    setup(debugger);
    try {
      vm.evaluate_script(source, "/test.js");
      vm.run_jobs();
    } catch (const Thrown&) {
      session.log += "uncaught " + to_utf8(vm, vm.take_exception()) + "\n";
    }
  });
  return session.log;
}

debug::BreakpointSpec at_line(uint32_t line, std::string condition = "") {
  debug::BreakpointSpec spec;
  spec.url = "file:///test.js";
  spec.line = line;
  spec.condition = std::move(condition);
  return spec;
}

}  // namespace

TEST_CASE("debugger: a breakpoint set by URL before the script loads resolves when it loads, and pauses there") {
  std::string log = run(
      "var x = 1;\n"
      "function f(a) {\n"
      "  let b = a + 1;\n"
      "  return b;\n"
      "}\n"
      "f(x);\n",
      [](debug::Debugger& d) { d.set_breakpoint(at_line(3), nullptr); });
  // (A declaration stops at its initializer, as V8 does.)
  CHECK(log == "script file:///test.js\nresolved 1 at 3:11\npause breakpoint f 3:11\n");
}

TEST_CASE("debugger: a breakpoint on a blank line moves to the next statement; a condition filters") {
  std::string src =
      "let total = 0;\n"
      "for (let i = 0; i < 5; i++) {\n"
      "\n"
      "  total += i;\n"
      "}\n";
  std::string log = run(src, [](debug::Debugger& d) { d.set_breakpoint(at_line(3, "i == 3"), nullptr); });
  CHECK(log == "script file:///test.js\nresolved 1 at 4:3\npause breakpoint (top) 4:3\n");
}

TEST_CASE("debugger: scopes name every variable: locals, blocks, closures, the TDZ") {
  std::string scopes;
  run(
      "function outer(n) {\n"
      "  let hidden = 'h';\n"
      "  return function inner(x) {\n"
      "    let y = x * 2;\n"
      "    { let z = y + n; debugger; let later = 1; }\n"
      "  };\n"
      "}\n"
      "outer(10)(4);\n",
      [](debug::Debugger&) {},
      [&](Session& s) {
        for (size_t i = 0; i < 3; ++i) scopes += s.scope(i) + "\n";
        s.debugger->resume();
      });
  CHECK(scopes ==
        "block: z=18 later=<tdz>\n"
        "local: x=4 y=8\n"
        "closure(outer): n=10\n");
}

TEST_CASE("debugger: step over, into and out, and never twice on one place") {
  std::string src =
      "function add(a, b) {\n"   // 1
      "  const s = a + b;\n"     // 2
      "  return s;\n"            // 3
      "}\n"                      // 4
      "debugger;\n"              // 5
      "let r = add(1, 2);\n"     // 6
      "r = add(r, 3);\n"         // 7
      "r;\n";                    // 8
  std::vector<StepKind> plan = {StepKind::Over, StepKind::Into, StepKind::Over, StepKind::Out, StepKind::Over, StepKind::Over};
  size_t next = 0;
  std::string log = run(src, [](debug::Debugger&) {}, [&](Session& s) {
    if (next < plan.size()) s.debugger->step(plan[next++]);
    else s.debugger->resume();
  });
  CHECK(log ==
        "script file:///test.js\n"
        "pause debugger (top) 5:1\n"
        "pause step (top) 6:9\n"   // over the debugger statement, to the initializer
        "pause step add 2:13\n"    // into add
        "pause step add 3:3\n"     // over
        "pause step (top) 6:9\n"   // out: back where the call returns
        "pause step (top) 7:1\n"
        "pause step (top) 8:1\n");
}

TEST_CASE("debugger: evaluation in a frame reads and assigns its registers; exceptions are returned") {
  std::string seen;
  std::string log = run(
      "function f(a) {\n"
      "  let b = a * 10;\n"
      "  debugger;\n"
      "  return b;\n"
      "}\n"
      "var result = f(4);\n",
      [](debug::Debugger&) {},
      [&](Session& s) {
        seen += s.eval("a + b") + ";";
        seen += s.eval("b = 99") + ";";
        seen += s.eval("nope") + ";";
        seen += s.eval("this === globalThis") + ";";
        s.debugger->resume();
      });
  CHECK(seen == "44;99;throws ReferenceError: nope is not defined;true;");
  // The assignment took effect: f returned 99.
  std::string after = run("function f(a) { let b = a; debugger; return b; }\nvar r = f(1);\ndebugger;\n",
                          [](debug::Debugger&) {}, [&](Session& s) {
                            if (s.pauses == 1) s.eval("b = 7");
                            else seen = s.eval("r");
                            s.debugger->resume();
                          });
  CHECK(seen == "7");
}

TEST_CASE("debugger: pause on exceptions tells caught from uncaught without unwinding") {
  std::string src =
      "function thrower() { throw new Error('x'); }\n"
      "try { thrower(); } catch (e) {}\n"
      "thrower();\n";
  std::string all = run(src, [](debug::Debugger& d) { d.set_pause_on_exceptions(debug::PauseOnExceptions::All); });
  CHECK(all ==
        "script file:///test.js\n"
        "pause exception thrower 1:22 caught\n"
        "pause exception thrower 1:22 uncaught\n"
        "uncaught Error: x\n");
  std::string uncaught =
      run(src, [](debug::Debugger& d) { d.set_pause_on_exceptions(debug::PauseOnExceptions::Uncaught); });
  CHECK(uncaught == "script file:///test.js\npause exception thrower 1:22 uncaught\nuncaught Error: x\n");
}

TEST_CASE("debugger: a pause inside a callback from a native shows the native frame") {
  std::string frames;
  run("[1].forEach(function each(v) {\n  debugger;\n});\n", [](debug::Debugger&) {}, [&](Session& s) {
    for (const debug::CallFrame& f : s.debugger->call_frames()) frames += (f.function_name.empty() ? "(top)" : f.function_name) + ";";
    s.debugger->resume();
  });
  CHECK(frames == "each;Array.forEach;(top);");
}

TEST_CASE("debugger: stepping over an await lands on the next line of the same async function") {
  std::string src =
      "async function work() {\n"   // 1
      "  debugger;\n"               // 2
      "  await null;\n"             // 3
      "  let after = 1;\n"          // 4
      "  return after;\n"           // 5
      "}\n"                         // 6
      "work();\n"                   // 7
      "var other = 2;\n";           // 8
  int steps = 0;
  std::string log = run(src, [](debug::Debugger&) {}, [&](Session& s) {
    if (steps++ < 2) s.debugger->step(StepKind::Over);
    else s.debugger->resume();
  });
  CHECK(log ==
        "script file:///test.js\n"
        "pause debugger work 2:3\n"
        "pause step work 3:3\n"
        "pause step work 4:15\n");
}

TEST_CASE("debugger: the heap survives a collection at every allocation while paused and evaluating") {
  VmOptions options;
  options.heap.stress = true;
  std::string seen;
  run("function f(o) { let list = [o, {k: 2}]; debugger; return list; }\nf({k: 1});\n", [](debug::Debugger&) {},
      [&](Session& s) {
        seen = s.eval("list.map(x => x.k).join()") + "|" + s.scope(0);
        s.debugger->resume();
      },
      options);
  CHECK(seen == "1,2|local: o=[object Object] list=[object Object],[object Object]");
}
