// Vm: one JavaScript engine instance — its heap, its realms (each: the
// intrinsics and the global object; see Realm), its call stack, and its job
// queue.
//
// The call stack is explicit (DESIGN.md "Call stack"): a fixed register file
// (one mmap'd range, committed by the OS only as it is touched) and a vector
// of Frames. A JS-to-JS call pushes a Frame whose registers start right at
// the caller's argument registers — the arguments are already in place —
// and the interpreter continues in the same loop. Natives that call back into
// JS go through call(), which runs the interpreter until that frame returns:
// the only place the C++ stack grows with JS recursion, and it is bounded.
//
// Exceptions: a JS exception in flight is `exception_` plus the C++
// exception `Thrown` unwinding the native code between throw and catch. The
// interpreter catches Thrown at the boundary and unwinds frames through their
// handler tables; a JS `throw` statement inside bytecode never involves C++
// exceptions.
#pragma once
#include <cstdio>
#include <functional>
#include <memory>
#include <new>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bytecode/function.h"
#include "gc/handles.h"
#include "objects/atom_table.h"
#include "objects/object.h"
#include "objects/symbol.h"
#include "parser/parser.h"
#include "vm/function.h"
#include "vm/intrinsics.h"
#include "vm/property_key.h"
#include "vm/stub_cache.h"

namespace glass {

// A JS exception is pending in Vm::exception(); unwind to whoever handles it.
struct Thrown {};
class ModuleHost;  // vm/module.h
class DebugHooks;  // vm/debug_hooks.h

#define GLASS_ERROR_TYPES(X) \
  X(Error)                   \
  X(TypeError)               \
  X(RangeError)              \
  X(ReferenceError)          \
  X(SyntaxError)             \
  X(EvalError)               \
  X(URIError)                \
  X(AggregateError)

enum class ErrorType : uint8_t {
#define GLASS_X(name) name,
  GLASS_ERROR_TYPES(GLASS_X)
#undef GLASS_X
};
const char* error_type_name(ErrorType type);

// The heap's collection policy for JS: collect when allocation since the
// last cycle passes max(8 MB, 1.5 x live). Scripts allocate many short-lived
// objects; a small threshold spends its time re-marking the realm.
inline gc::HeapOptions default_js_heap_options() {
  gc::HeapOptions o;
  o.min_threshold = size_t(8) << 20;
  o.growth_factor = 1.5;
  return o;
}

struct VmOptions {
  gc::HeapOptions heap = default_js_heap_options();
  FILE* trace = nullptr;  // --trace: each executed instruction
  size_t max_frames = 100000;
  size_t register_file_values = size_t(1) << 22;  // 32 MB reserved, touched as used
  size_t max_native_depth = 400;                   // natives calling back into JS, nested
  // Check each compiled program with the bytecode verifier before it runs
  // (bytecode/verifier.h); a failure is a compiler bug and aborts with a
  // message naming the function and instruction. On in debug builds; the
  // runtime also turns it on under --gc-stress and --verify-bytecode.
#ifdef NDEBUG
  bool verify_bytecode = false;
#else
  bool verify_bytecode = true;
#endif
};

// One activation of a bytecode function.
struct Frame {
  enum Flags : uint8_t {
    kEntry = 1,      // called from C++ (Vm::call): Return leaves the interpreter loop
    kConstruct = 2,  // called by `new`: a non-object result means `this`
  };
  FunctionObject* callee;
  FunctionTemplate* tmpl;
  const bytecode::Instruction* pc;  // the next instruction (saved while another frame runs)
  Value* regs;
  Value* saved_sp;  // the stack top before this frame was pushed: restored when it is popped
  HeapScope* scope;
  Value this_value;
  Value new_target;
  Value private_env;  // the class bodies' private names in scope (vm/classes.cpp)
  Object* generator;  // generators and async functions: where Yield/Await save the frame (vm/generator.h)
  uint32_t argc;
  uint16_t return_reg;   // where the caller wants the result
  uint16_t scope_depth;  // heap scopes pushed by this frame (for unwinding)
  uint8_t flags;
};

// A native function that is running, and where in the stack it was called:
// the frames below frame_count are its callers, the ones above were pushed
// by JS it called back (a sort comparator, a getter). Stack traces and the
// debugger interleave these with the frames ("at Array.forEach (<anonymous>)").
struct NativeCall {
  FunctionObject* function;
  Value receiver;        // its `this` (names the frame: Array.forEach, JSON.parse)
  uint32_t frame_count;  // frames on the stack when it was called
  bool construct;        // called by `new`
};

// How a stack trace names a running native, as V8 does: the receiver's
// type, a dot, the function's name — "Array.forEach", "JSON.parse",
// "Function.from", "new Promise"; a plain function call is just the name.
std::string native_frame_name(Vm& vm, const NativeCall& call);

// The frames, oldest first: one array allocated for max_frames at start (the
// OS commits its pages as they are touched), so a Frame& stays valid while
// its frame is on the stack, and a push is a bump of the top.
// A realm (§9.3): the intrinsics, the global object and the global
// declarative record. The Vm owns every realm (they live as long as it does)
// and traces them all; every FunctionObject points at the realm it was made
// in. The *current* realm is the running function's: see Vm::realm().
struct Realm {
  Intrinsics intrinsics;
  Object* global = nullptr;
  Object* global_lexicals = nullptr;  // top-level let/const/class of every script
};

class FrameStack {
 public:
  // Room for `capacity` frames; full() once `limit` of them are pushed.
  FrameStack(size_t capacity, size_t limit)
      : base_(static_cast<Frame*>(::operator new(capacity * sizeof(Frame)))), top_(base_.get()), limit_(top_ + limit) {}
  size_t size() const { return size_t(top_ - base_.get()); }
  bool empty() const { return top_ == base_.get(); }
  bool full() const { return top_ >= limit_; }
  Frame& back() { return top_[-1]; }
  const Frame& back() const { return top_[-1]; }
  Frame& operator[](size_t i) { return base_.get()[i]; }
  const Frame& operator[](size_t i) const { return base_.get()[i]; }
  const Frame* data() const { return base_.get(); }
  const Frame* begin() const { return base_.get(); }
  const Frame* end() const { return top_; }
  // A new top frame with its fields unset (the caller fills every one); the
  // caller has checked the capacity.
  Frame& push() { return *new (top_++) Frame; }
  void push_back(const Frame& f) { new (top_++) Frame(f); }
  void pop_back() { --top_; }  // (Frame is trivially destructible)

 private:
  struct Free {
    void operator()(Frame* p) const { ::operator delete(p); }
  };
  std::unique_ptr<Frame, Free> base_;
  Frame* top_;
  Frame* limit_;
};

class Vm final : public gc::RootSection {
 public:
  explicit Vm(VmOptions options = {});
  ~Vm() override;
  Vm(const Vm&) = delete;
  Vm& operator=(const Vm&) = delete;

  gc::Heap& heap() { return heap_; }
  HeapAtomTable& atoms() { return atoms_; }
  String* atom(WellKnownAtom which) const { return atoms_.get(which); }
  String* intern(std::string_view utf8) { return atoms_.intern_utf8(heap_, utf8); }
  // The current realm's intrinsics, global object and global declarative
  // record (top-level let/const/class of every script).
  Intrinsics& intrinsics() { return realm_->intrinsics; }
  Object* global() const { return realm_->global; }
  Object* global_lexicals() const { return realm_->global_lexicals; }

  // ---- realms ------------------------------------------------------------------
  // The current realm: the running native's if a native is running, else the
  // realm of the top frame's function, else the initial realm. Kept in
  // realm_, updated where control crosses into another function: call_native,
  // push_frame, the interpreter's returns and unwinding, and restored by
  // whoever ran a nested interpreter loop (RealmScope).
  Realm* realm() const { return realm_; }
  Realm* initial_realm() const { return realms_.front().get(); }
  // A new realm with every builtin installed; the current realm is unchanged.
  Realm* create_realm();
  // Saves the current realm and restores it when destroyed; optionally
  // switches to `to` meanwhile.
  class RealmScope {
   public:
    explicit RealmScope(Vm& vm, Realm* to = nullptr) : vm_(vm), saved_(vm.realm_) {
      if (to) vm.realm_ = to;
    }
    ~RealmScope() { vm_.realm_ = saved_; }
    RealmScope(const RealmScope&) = delete;
    RealmScope& operator=(const RealmScope&) = delete;

   private:
    Vm& vm_;
    Realm* saved_;
  };
  Symbol* well_known_symbol(WellKnownSymbol which) const { return symbols_[size_t(which)]; }

  // ---- running code --------------------------------------------------------
  // Compiles and runs `source` as a global Script; returns its completion
  // value (today: undefined). Throws Thrown (a SyntaxError becomes a JS
  // SyntaxError object).
  Value evaluate_script(std::string_view source, const std::string& name);
  // §19.2.1.1 PerformEval with direct = false: `source` as eval code whose
  // environment is the global one (its let/const its own, its vars and
  // functions deletable global properties).
  Value evaluate_indirect_eval(std::string_view source);
  // The same, as a global Script of `realm` (the host's $262.evalScript).
  Value evaluate_script_in(Realm* realm, std::string_view source, const std::string& name);
  // Parses and compiles a script (or, with `eval_site`, direct eval code
  // running at that call) into a loaded template; a SyntaxError is thrown as a JS error.
  FunctionTemplate* compile_script(std::string_view source, const std::string& name, const ParseOptions& options,
                                   const bytecode::EvalSite* eval_site);
  // The one entry point for C++ code calling JS (and any callable).
  Value call(Value callee, Value this_value, std::span<const Value> args);
  Value construct(Value callee, std::span<const Value> args, Value new_target);
  // Runs queued promise jobs until none are left.
  void run_jobs();
  bool has_jobs() const { return job_head_ < jobs_.size(); }
  // The jobs waiting, as (function, argument) pairs, in the order they run
  // (a debugger's view of the microtask queue), and how many jobs were ever
  // queued and started (the waiting ones are numbers [started, queued)).
  std::span<const Value> pending_jobs() const { return std::span<const Value>(jobs_).subspan(job_head_); }
  uint64_t jobs_queued() const { return jobs_queued_; }
  uint64_t jobs_started() const { return jobs_started_; }
  void enqueue_job(Value function, Value argument);

  // ---- exceptions ------------------------------------------------------------
  [[noreturn]] void throw_value(Value v);
  [[noreturn]] void throw_error(ErrorType type, const std::string& message);
  Value exception() const { return exception_; }
  Value take_exception() {
    Value v = exception_;
    exception_ = Value::undefined();
    return v;
  }
  Object* make_error(ErrorType type, const std::string& message);
  // "    at f (file:line:col)" lines for the current call stack (natives
  // running in between as "    at Array.forEach (<anonymous>)"), leaving
  // out the innermost `skip_natives` natives: the one asking, usually.
  std::string stack_trace(size_t skip_natives = 0);
  // The same lines, appended. With `skip_through`, the frames from the top
  // down to the newest call of that function, inclusive, are left out when
  // it is on the stack (V8's rule for new Error() in a subclass constructor
  // and for Error.captureStackTrace(obj, fn)).
  void append_stack_trace(std::string& out, size_t skip_natives = 0, const Object* skip_through = nullptr);

  // ---- helpers for natives ---------------------------------------------------
  Object* new_object(uint32_t inline_slots = Object::kDefaultInlineSlots);  // {} with Object.prototype
  Object* new_object_with_proto(gc::Cell* proto);
  Object* new_array(uint32_t length = 0);    // with `length` elements of undefined... no: holes
  Object* new_array_from(std::span<const Value> values);
  String* new_string(std::string_view utf8);
  FunctionObject* new_native(std::string_view name, NativeFn fn, int length, bool constructor = false);
  // Defines a method (writable, configurable, not enumerable).
  FunctionObject* define_native(Object* target, std::string_view name, NativeFn fn, int length);
  void define_value(Object* target, std::string_view name, Value v, uint8_t flags = kWritable | kConfigurable);
  void define_value(Object* target, gc::Cell* key, Value v, uint8_t flags = kWritable | kConfigurable);
  void define_accessor(Object* target, gc::Cell* key, Value getter, Value setter, uint8_t flags = kConfigurable);

  // Scratch registers for natives: values in them are GC roots until the
  // Scratch is destroyed (LIFO, like the frames above them).
  class Scratch {
   public:
    Scratch(Vm& vm, size_t n);
    ~Scratch();
    Value& operator[](size_t i) { return base_[i]; }
    Value* data() { return base_; }

   private:
    Vm& vm_;
    Value* base_;
    Value* saved_sp_;
  };

  // Writes for console.log / print (the runtime may redirect them).
  std::function<void(std::string_view)> write_stdout = [](std::string_view s) { fwrite(s.data(), 1, s.size(), stdout); };
  std::function<void(std::string_view)> write_stderr = [](std::string_view s) { fwrite(s.data(), 1, s.size(), stderr); };

  // Called with the method ("log", "warn", ...) and the arguments of every
  // console call, before it prints: a debugger forwards them to its client.
  std::function<void(std::string_view method, std::span<const Value> args)> console_observer;

  // Rejections nobody handled by the time the job queue drained.
  std::vector<gc::Persistent<Object>>& unhandled_rejections() { return unhandled_; }

  const VmOptions& options() const { return options_; }

  // The embedding runtime's own state (natives/: the event loop, module
  // cache, ...). The engine never reads it.
  void* embedder_data = nullptr;
  // Loads what `import` names (vm/module.h); null: modules cannot import.
  ModuleHost* module_host = nullptr;
  // A debugger (vm/debug_hooks.h), or null. While one is set the
  // interpreter runs its Debug dispatch mode (interpreter.cpp).
  DebugHooks* debug_hooks() const { return debug_hooks_; }
  void set_debug_hooks(DebugHooks* hooks) { debug_hooks_ = hooks; }
  const char* root_name() const override { return "vm"; }  // each part names itself: trace_roots
  void trace_roots(gc::Tracer& tracer) override;

  // Frames, oldest first (debugger, stack traces).
  const FrameStack& frames() const { return frames_; }
  // The natives running now, oldest first (see NativeCall).
  std::span<const NativeCall> native_calls() const { return {native_calls_.get(), native_depth_}; }

  // ---- used by the interpreter and built-ins ----------------------------
  Value run(size_t entry);  // interpreter.cpp: runs until frames_[entry] returns
  // The new frame, or null when the stack is full (inline, in vm/push_frame.h).
  Frame* push_frame(FunctionObject* fn, Value* regs, uint32_t argc, Value this_value, Value new_target, uint8_t flags,
                  uint16_t return_reg);
  Value call_native(FunctionObject* fn, Value this_value, std::span<const Value> args, Value new_target);
  // Pushes a generator's saved frame (vm/generator.cpp) as an entry frame.
  bool push_saved_frame(const Frame& saved, const std::vector<Value>& registers);
  Value* stack_end() const { return stack_end_; }
  // The native function running now (natives read their native_data through it).
  FunctionObject* current_native() const { return current_native_; }
  FunctionObject* make_closure(FunctionTemplate* tmpl, HeapScope* scope);
  Shape* root_shape_for(Object* prototype);  // cached derived root shape
  Value* sp() const { return sp_; }

  // ToString of a non-negative int32, from a direct-mapped cache of recent
  // ones ('item' + i in a loop makes the same strings again and again).
  // Null when not cached; remember_number_string() fills the entry.
  String* cached_number_string(int32_t value) const {
    if (number_strings_.empty()) return nullptr;
    const NumberString& e = number_strings_[size_t(value) & (kNumberStrings - 1)];
    return e.string && e.value == value ? e.string : nullptr;
  }
  void remember_number_string(int32_t value, String* s);

  // The megamorphic stub cache (vm/stub_cache.h), made when the first site
  // goes megamorphic; null until then.
  StubCache* stub_cache() const { return stub_cache_.get(); }
  StubCache& make_stub_cache();

  // Direct eval's compiled code by (call site, text): vm/direct_eval.cpp.
  std::unordered_map<std::string, gc::Persistent<FunctionTemplate>> eval_cache;
  // Keeps compiled programs alive (templates point into them).
  std::vector<std::unique_ptr<bytecode::CompiledFunction>> programs;
  std::vector<std::unique_ptr<std::string>> sources;
  // Property keys the runtime knows and uses by pointer (besides well-known atoms).
  std::vector<gc::Persistent<String>> permanent_strings;

 private:
  friend class Interpreter;
  void setup_realm();
  bool unwind(size_t entry);  // finds a handler at or above frames_[entry]; false if none
  Shape* arguments_shape(bool strict);
  void make_argument_objects(FunctionObject* fn, Value* regs, uint32_t argc, Value& this_value, Value& arguments_object,
                             Value& rest_array);

  VmOptions options_;
  gc::Heap heap_;
  HeapAtomTable atoms_;
  std::vector<std::unique_ptr<Realm>> realms_;  // the first is the initial realm
  Realm* realm_ = nullptr;                      // the current realm (see realm())
  Symbol* symbols_[size_t(WellKnownSymbol::Count)] = {};

  Value* stack_base_ = nullptr;
  Value* stack_end_ = nullptr;
  Value* sp_ = nullptr;  // one past the highest register in use
  FrameStack frames_;
  size_t native_depth_ = 0;                      // natives running now: native_calls_[0 .. native_depth_)
  std::unique_ptr<NativeCall[]> native_calls_;  // max_native_depth of them
  FunctionObject* current_native_ = nullptr;
  DebugHooks* debug_hooks_ = nullptr;
  std::unique_ptr<StubCache> stub_cache_;
  size_t stub_cache_hook_ = 0;

  struct NumberString {
    int32_t value;
    String* string;  // a root while cached
  };
  static constexpr size_t kNumberStrings = 8192;
  std::vector<NumberString> number_strings_;  // kNumberStrings once used

  Value exception_;
  std::vector<Value> jobs_;  // pairs: function, argument
  size_t job_head_ = 0;
  uint64_t jobs_queued_ = 0, jobs_started_ = 0;
  size_t job_runners_ = 0;  // run_jobs calls in progress (a job may run jobs)
  std::vector<gc::Persistent<Object>> unhandled_;
};

}  // namespace glass
