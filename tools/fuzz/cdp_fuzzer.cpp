// Fuzz target: the Chrome DevTools Protocol handler of the debugger server
// (tools/inspector/cdp_session.cpp) — JSON-RPC framing, the dispatcher and
// every method's parameter checks — on any message. One session serves
// every input, as one client's messages would be, against a runtime with a
// script loaded (so script ids, locations and objects exist to be named).
// An error reply is the expected answer to most inputs; a crash, a hang or
// a sanitizer report is a finding.
//
// Methods that run the program or stop it are not sent: a pause waits for
// the next client message, which a fuzzer never sends, and evaluated code
// may loop forever (run_fuzzer covers running code). They are the
// kRunsOrPauses list; every other method of cdp_methods.h is reached.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_runtime.h"
#include "inspector/cdp_session.h"
#include "natives/inspector.h"

namespace {

constexpr const char* kRunsOrPauses[] = {
    "Runtime.evaluate", "Runtime.callFunctionOn", "Runtime.runIfWaitingForDebugger", "Debugger.evaluateOnCallFrame",
    "Debugger.pause", "Debugger.continueToLocation", "Debugger.setVariableValue", "Glass.setBreakOnGc",
    "Glass.stepCollection", "Glass.stepInstruction", "Glass.runToNextCallback", "HeapProfiler.collectGarbage",
};

// A script the session can name: functions, closures, a class, a generator.
constexpr const char* kScript = R"JS(
function outer(a) { let b = a + 1; return function inner(c) { return a + b + c; }; }
class Point { #x = 1; constructor(y) { this.y = y; } get x() { return this.#x; } }
function* counter() { let i = 0; for (;;) yield i++; }
globalThis.kept = { inner: outer(1), point: new Point(2), gen: counter(), list: [1, 'two', { three: 3 }] };
)JS";

struct Session final : glass::fuzz::FuzzRuntime::Attachment {
  glass::natives::Inspector inspector;
  glass::inspector::CdpSession cdp;
  explicit Session(glass::natives::Runtime& runtime)
      : inspector(runtime), cdp(inspector, [](std::string) {}) {
    runtime.inspector = &inspector;
    inspector.set_session(&cdp);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace glass;
  std::string message(reinterpret_cast<const char*>(data), size);
  auto request = nlohmann::json::parse(message, nullptr, /*allow_exceptions=*/false);
  if (request.is_object() && request.contains("method") && request["method"].is_string()) {
    std::string method = request["method"];
    if (std::find(std::begin(kRunsOrPauses), std::end(kRunsOrPauses), method) != std::end(kRunsOrPauses)) return 0;
  }
  fuzz::with_runtime([&](fuzz::FuzzRuntime& f) {
    if (!f.attachment) {
      f.attachment = std::make_unique<Session>(f.runtime);
      auto* session = static_cast<Session*>(f.attachment.get());
      session->cdp.handle(R"({"id":0,"method":"Debugger.enable"})");
      session->cdp.handle(R"({"id":0,"method":"Runtime.enable"})");
      try {
        f.vm.evaluate_script(kScript, "/fuzz/script.js");
      } catch (const Thrown&) {
        f.vm.take_exception();
      }
    }
    static_cast<Session*>(f.attachment.get())->cdp.handle(message);
  });
  return 0;
}
