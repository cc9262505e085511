#include "vm/vm.h"

#include <sys/mman.h>

#include <charconv>
#include <cstring>

#include "builtins/builtins.h"
#include "builtins/proxy.h"
#include "bytecode/verifier.h"
#include "compiler/compiler.h"
#include "compiler/resolver.h"
#include "parser/early_errors.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "vm/box.h"
#include "gc/allocation_failed.h"
#include "vm/debug_hooks.h"
#include "vm/out_of_memory.h"
#include "vm/push_frame.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass {

const char* error_type_name(ErrorType type) {
  switch (type) {
#define GLASS_X(name) \
  case ErrorType::name: return #name;
    GLASS_ERROR_TYPES(GLASS_X)
#undef GLASS_X
  }
  return "Error";
}

// ============================================================================
// Cells of vm/function.h
// ============================================================================

HeapScope::HeapScope(HeapScope* parent, uint32_t count, Kind kind, const bytecode::Constant* layout)
    : gc::Cell(uint8_t(CellTag::Scope)), parent_(parent), layout_(layout), count_(count), kind_(kind) {
  for (uint32_t i = 0; i < count; ++i) new (&slots()[i]) Value(Value::empty());
}
HeapScope* HeapScope::create(gc::Heap& heap, HeapScope* parent, uint32_t count, Kind kind,
                             const bytecode::Constant* layout) {
  gc::Rooted<HeapScope> p(heap, parent);
  return heap.allocate_with_trailing<HeapScope>(count * sizeof(Value), p.get(), count, kind, layout);
}
void HeapScope::trace(gc::Tracer& tracer) {
  tracer.visit(parent_);
  for (uint32_t i = 0; i < count_; ++i) trace_value(tracer, slots()[i]);
}

FunctionTemplate::FunctionTemplate(const bytecode::CompiledFunction* c, String* source)
    : gc::Cell(uint8_t(CellTag::FunctionTemplate)), code(c), source_name(source), name(nullptr) {}

void FunctionTemplate::trace(gc::Tracer& tracer) {
  tracer.visit(source_name);
  tracer.visit(name);
  tracer.visit(module);
  for (Value v : constants) trace_value(tracer, v);
  for (const InlineCache& ic : ics) {
    tracer.visit(ic.name);
    tracer.visit(ic.shape);
    tracer.visit(ic.holder);
    tracer.visit(ic.holder_shape);
    for (uint8_t i = 0; i < ic.more_count; ++i) {
      tracer.visit(ic.more[i].shape);
      tracer.visit(ic.more[i].holder);
      tracer.visit(ic.more[i].holder_shape);
    }
  }
  for (FunctionTemplate* f : functions) tracer.visit(f);
}

StubCache& Vm::make_stub_cache() {
  if (!stub_cache_) {
    stub_cache_ = std::make_unique<StubCache>();
    stub_cache_hook_ = heap_.on_after_mark([this](const gc::Heap& h) { stub_cache_->sweep(h); });
  }
  return *stub_cache_;
}

void StubCache::sweep(const gc::Heap& heap) {
  auto dead = [&](const gc::Cell* c) { return c && !heap.is_marked(c); };
  for (auto& table : tables_)
    for (Entry& e : table)
      if (e.entry.shape &&
          (dead(e.entry.shape) || dead(e.name) || dead(e.entry.holder) || dead(e.entry.holder_shape)))
        e = Entry{};
}

FunctionTemplate* FunctionTemplate::load(Vm& vm, const bytecode::CompiledFunction* code, String* source_name,
                                         const std::string* source_text) {
  gc::Heap& heap = vm.heap();
  gc::Rooted<String> source(heap, source_name);
  gc::Rooted<FunctionTemplate> t(heap, heap.allocate<FunctionTemplate>(code, source.get()));
  t->name = vm.intern(code->name);
  t->source_text = source_text;
  t->name_utf8 = code->name;
  t->source_name_utf8 = source->to_utf8();
  t->constants.resize(code->constants.size());
  for (size_t i = 0; i < code->constants.size(); ++i) {
    const bytecode::Constant& k = code->constants[i];
    switch (k.kind) {
      case bytecode::Constant::Kind::Number: t->constants[i] = Value::number(k.number); break;
      case bytecode::Constant::Kind::String: {
        String* s = String::from_utf16(heap, k.string);
        t->constants[i] = string_value(vm.atoms().intern(heap, s));
        break;
      }
      case bytecode::Constant::Kind::BigInt:  // made once: BigInts are immutable values
        t->constants[i] = bigint_value(BigInt::from_literal(heap, k.text));
        break;
      default: t->constants[i] = Value::undefined(); break;  // RegExp, HeapScope: read from `code`
    }
  }
  t->ics.resize(code->ics.size());
  for (size_t i = 0; i < code->ics.size(); ++i) t->ics[i].name = vm.intern(code->ics[i].name);
  for (const auto& nested : code->functions) {
    FunctionTemplate* f = load(vm, nested.get(), source, source_text);
    t->functions.push_back(f);
  }
  return t;
}

void FunctionObject::trace(gc::Tracer& tracer) {
  Object::trace(tracer);
  tracer.visit(tmpl);
  tracer.visit(scope);
  trace_value(tracer, home_object);
  trace_value(tracer, fields);
  trace_value(tracer, private_env);
  trace_value(tracer, native_data);
  trace_value(tracer, bound_target);
  trace_value(tracer, bound_this);
  for (Value v : bound_args) trace_value(tracer, v);
}

// ============================================================================
// Primitive wrappers
// ============================================================================

Object* prototype_for_primitive(Vm& vm, Value v) {
  Intrinsics& in = vm.intrinsics();
  if (v.is_string()) return in[IntrinsicObject::StringPrototype];
  if (v.is_number()) return in[IntrinsicObject::NumberPrototype];
  if (v.is_boolean()) return in[IntrinsicObject::BooleanPrototype];
  if (v.is_symbol()) return in[IntrinsicObject::SymbolPrototype];
  return in[IntrinsicObject::BigIntPrototype];
}

Object* make_primitive_wrapper(Vm& vm, Value v) {
  RootedValue keep(vm.heap(), v);
  ObjectClass cls = v.is_string()   ? ObjectClass::String
                    : v.is_number() ? ObjectClass::Number
                    : v.is_boolean() ? ObjectClass::Boolean
                    : v.is_symbol() ? ObjectClass::Symbol
                                    : ObjectClass::BigInt;
  Shape* shape = vm.root_shape_for(prototype_for_primitive(vm, v));
  gc::Rooted<Shape> s(vm.heap(), shape);
  return vm.heap().allocate<BoxObject>(s.get(), cls, keep.get());
}

std::optional<Value> unbox(Value v, ObjectClass cls) {
  if (!v.is_object() || as_object(v)->object_class() != cls) return std::nullopt;
  return static_cast<BoxObject*>(as_object(v))->primitive;
}

// ============================================================================
// The Vm
// ============================================================================

Vm::Vm(VmOptions options)
    : options_(options), heap_(options.heap), atoms_(heap_), frames_(options.max_frames + 1, options.max_frames) {
  size_t bytes = options_.register_file_values * sizeof(Value);
  void* mem = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mem == MAP_FAILED) gc::allocation_failed();
  stack_base_ = static_cast<Value*>(mem);
  stack_end_ = stack_base_ + options_.register_file_values;
  sp_ = stack_base_;
  set_out_of_memory_vm(this);  // (the latest Vm made on a thread is the one its failures report)
  native_calls_ = std::make_unique<NativeCall[]>(options_.max_native_depth + 1);
  heap_.add_root_section(*this);
  realms_.push_back(std::make_unique<Realm>());
  realm_ = realms_.back().get();
  setup_realm();
}

Realm* Vm::create_realm() {
  realms_.push_back(std::make_unique<Realm>());  // traced from here on (its slots start null)
  Realm* realm = realms_.back().get();
  RealmScope switched(*this, realm);
  setup_realm();
  return realm;
}

Vm::~Vm() {
  if (out_of_memory_vm() == this) set_out_of_memory_vm(nullptr);
  if (stub_cache_) heap_.remove_after_mark(stub_cache_hook_);
  heap_.remove_root_section(*this);
  unhandled_.clear();
  eval_cache.clear();  // its handles unlink from heap_, destroyed after this body
  munmap(stack_base_, options_.register_file_values * sizeof(Value));
}

// The VM's roots, each part under its own name (gc/README.md "Roots"): a
// retaining path then ends in "vm frames" or "job queue", not just "vm".
void Vm::trace_roots(gc::Tracer& tracer) {
  tracer.section("realm intrinsics");
  for (const std::unique_ptr<Realm>& realm : realms_) {
    for (Object* o : realm->intrinsics.objects) tracer.visit(o);
    for (Shape* s : realm->intrinsics.shapes) tracer.visit(s);
  }
  tracer.section("realm globals");  // the global object and the global lexical record
  for (const std::unique_ptr<Realm>& realm : realms_) {
    tracer.visit(realm->global);
    tracer.visit(realm->global_lexicals);
  }
  tracer.section("well-known symbols");
  for (Symbol* s : symbols_) tracer.visit(s);
  tracer.section("vm registers");  // every frame's registers and natives' scratch values
  for (Value* v = stack_base_; v < sp_; ++v) trace_value(tracer, *v);
  tracer.section("vm frames");  // callee, scope, this, new.target of each frame
  for (const Frame& f : frames_) {
    tracer.visit(f.callee);
    tracer.visit(f.tmpl);
    tracer.visit(f.scope);
    trace_value(tracer, f.this_value);
    trace_value(tracer, f.new_target);
    trace_value(tracer, f.private_env);
    tracer.visit(f.generator);
  }
  for (const NativeCall& n : native_calls()) {
    tracer.visit(n.function);
    trace_value(tracer, n.receiver);
  }
  tracer.section("pending exception");
  trace_value(tracer, exception_);
  tracer.section("job queue");
  for (Value v : jobs_) trace_value(tracer, v);  // run ones too: see run_jobs
  tracer.section("number-string cache");
  for (const NumberString& e : number_strings_) tracer.visit(e.string);
}

void Vm::remember_number_string(int32_t value, String* s) {
  if (number_strings_.empty()) number_strings_.resize(kNumberStrings, NumberString{0, nullptr});
  number_strings_[size_t(value) & (kNumberStrings - 1)] = NumberString{value, s};
}

Vm::Scratch::Scratch(Vm& vm, size_t n) : vm_(vm), base_(vm.sp_), saved_sp_(vm.sp_) {
  if (vm.sp_ + n > vm.stack_end_) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  for (size_t i = 0; i < n; ++i) base_[i] = Value::undefined();
  vm.sp_ += n;
}
Vm::Scratch::~Scratch() { vm_.sp_ = saved_sp_; }

// ---- exceptions ---------------------------------------------------------------

void Vm::throw_value(Value v) {
  if (debug_hooks_) [[unlikely]]
    debug_hooks_->exception_thrown(*this, v);  // before anything unwinds (pause on exceptions)
  exception_ = v;
  throw Thrown{};
}

void Vm::throw_error(ErrorType type, const std::string& message) { throw_value(object_value(make_error(type, message))); }

static IntrinsicObject error_prototype_of(ErrorType type) {
  switch (type) {
    case ErrorType::Error: return IntrinsicObject::ErrorPrototype;
    case ErrorType::TypeError: return IntrinsicObject::TypeErrorPrototype;
    case ErrorType::RangeError: return IntrinsicObject::RangeErrorPrototype;
    case ErrorType::ReferenceError: return IntrinsicObject::ReferenceErrorPrototype;
    case ErrorType::SyntaxError: return IntrinsicObject::SyntaxErrorPrototype;
    case ErrorType::EvalError: return IntrinsicObject::EvalErrorPrototype;
    case ErrorType::URIError: return IntrinsicObject::URIErrorPrototype;
    case ErrorType::AggregateError: return IntrinsicObject::AggregateErrorPrototype;
  }
  return IntrinsicObject::ErrorPrototype;
}

Object* Vm::make_error(ErrorType type, const std::string& message) {
  gc::Rooted<Object> e(heap_, new_object_with_proto(realm_->intrinsics[error_prototype_of(type)]));
  e->set_object_class(ObjectClass::Error);
  if (!message.empty()) define_value(e, atom(WellKnownAtom::message), string_value(new_string(message)));
  std::string stack = error_type_name(type);
  if (!message.empty()) stack.append(": ").append(message);
  append_stack_trace(stack);
  define_value(e, atom(WellKnownAtom::stack), string_value(new_string(stack)));
  return e;
}

std::string Vm::stack_trace(size_t skip_natives) {
  std::string out;
  append_stack_trace(out, skip_natives);
  return out;
}

namespace {

// A data property's value found without running anything (no getters, no
// proxies): for naming frames, never for the program's semantics.
std::optional<Value> quiet_get(Object* o, gc::Cell* key) {
  for (int depth = 0; o && depth < 32; ++depth, o = static_cast<Object*>(o->prototype())) {
    if (o->object_class() == ObjectClass::Proxy) return std::nullopt;
    if (auto p = o->get_own(key)) {
      if (p->flags & kAccessor) return std::nullopt;
      return p->value;
    }
  }
  return std::nullopt;
}

std::string function_name(Vm& vm, FunctionObject* fn) {
  auto name = quiet_get(fn, vm.atom(WellKnownAtom::name));
  return name && name->is_string() ? as_string(*name)->to_utf8() : std::string();
}

// V8's "type name" of a receiver: the class a namespace object announces
// (JSON, Math), else its constructor's name.
std::string receiver_type_name(Vm& vm, Value receiver) {
  if (receiver.is_string()) return "String";
  if (receiver.is_number()) return "Number";
  if (receiver.is_boolean()) return "Boolean";
  if (receiver.is_symbol()) return "Symbol";
  if (receiver.is_bigint()) return "BigInt";
  if (!receiver.is_object()) return "";
  Object* o = as_object(receiver);
  if (o->object_class() == ObjectClass::Function) return "Function";
  if (o->object_class() == ObjectClass::Ordinary) {
    if (auto tag = quiet_get(o, vm.well_known_symbol(WellKnownSymbol::toStringTag)); tag && tag->is_string())
      return as_string(*tag)->to_utf8();
  }
  if (auto ctor = quiet_get(o, vm.atom(WellKnownAtom::constructor)); ctor && is_callable(*ctor))
    return function_name(vm, as_function(*ctor));
  return "Object";
}

}  // namespace

std::string native_frame_name(Vm& vm, const NativeCall& call) {
  std::string name = function_name(vm, call.function);
  if (call.construct) return "new " + name;
  Value receiver = call.receiver;
  bool plain_call = receiver.is_nullish() || (receiver.is_object() && as_object(receiver) == vm.global());
  if (plain_call) return name;
  std::string type = receiver_type_name(vm, receiver);
  return type.empty() ? name : type + "." + name;
}

// Appended piece by piece into one string: errors are made often (every
// throw in a loop), so no temporaries per frame. Natives running between
// the frames are listed where they are (see NativeCall), as
// "at Array.forEach (<anonymous>)"; like Node, ten lines at most.
void Vm::append_stack_trace(std::string& out, size_t skip_natives, const Object* skip_through) {
  size_t shown = 0;
  size_t native = native_depth_;
  // The natives making the trace (an Error constructor, captureStackTrace) are not part of it.
  while (skip_natives-- > 0 && native > 0 && native_calls_[native - 1].frame_count == frames_.size()) --native;
  size_t top = frames_.size();
  if (skip_through) {
    // Everything down to the newest call of skip_through, inclusive, with the natives it called.
    for (size_t i = top; i-- > 0;)
      if (frames_[i].callee == skip_through) {
        top = i;
        while (native > 0 && native_calls_[native - 1].frame_count > top) --native;
        break;
      }
  }
  auto natives_above = [&](size_t frame_count) {
    while (native > 0 && native_calls_[native - 1].frame_count >= frame_count && shown < 10) {
      const NativeCall& n = native_calls_[--native];
      if (n.frame_count == 0) continue;  // the host's entry (a promise job, a timer): not in a stack, as in Node
      out += "\n    at ";
      out += native_frame_name(*this, n);
      out += " (<anonymous>)";
      ++shown;
    }
  };
  for (size_t i = top; i-- > 0 && shown < 10;) {
    natives_above(i + 1);
    if (shown >= 10) break;
    ++shown;
    const Frame& f = frames_[i];
    const bytecode::CompiledFunction* code = f.tmpl->code;
    uint32_t pc = f.pc ? uint32_t(f.pc - code->code.data()) : 0;
    const bytecode::PositionEntry* pos = code->position_of(pc > 0 ? pc - 1 : 0);
    bool top_level = code->name == "<script>" || code->name == "<module>";
    std::string_view name = f.callee && !top_level ? std::string_view(f.tmpl->name_utf8) : std::string_view();
    std::string assigned;
    if (name.empty() && f.callee && !top_level) {
      // A function's `name` property may have been set by an assignment (const f = () => ...).
      auto p = f.callee->get_own(atom(WellKnownAtom::name));
      if (p && p->value.is_string()) name = assigned = as_string(p->value)->to_utf8();
    }
    out += "\n    at ";
    bool construct = f.flags & Frame::kConstruct;
    bool named = construct || !name.empty();
    if (construct) out += "new ";
    if (construct && name.empty()) out += "<anonymous>";
    out += name;
    if (named) out += " (";
    out += f.tmpl->source_name_utf8;
    if (pos) {
      char digits[32];
      auto put = [&](char* at, uint32_t n) {
        auto [end, error] = std::to_chars(at, digits + sizeof digits, n);
        return error == std::errc() ? end : at;
      };
      char* end = digits;
      *end++ = ':';
      end = put(end, pos->line);
      *end++ = ':';
      end = put(end, pos->column);
      out.append(digits, size_t(end - digits));
    }
    if (named) out += ")";
  }
  natives_above(0);
}

// ---- allocation helpers ------------------------------------------------------------

Shape* Vm::root_shape_for(Object* prototype) {
  if (!prototype) return realm_->intrinsics[IntrinsicShape::NullProtoShape];
  if (Shape* s = prototype->derived_root_shape()) return s;
  gc::Rooted<Object> p(heap_, prototype);
  Shape* s = Shape::create_root(heap_, p.get());
  p->set_derived_root_shape(s);
  return s;
}

Object* Vm::new_object(uint32_t inline_slots) {
  return Object::create(heap_, realm_->intrinsics[IntrinsicShape::ObjectShape], inline_slots);
}

Object* Vm::new_object_with_proto(gc::Cell* proto) {
  return Object::create(heap_, root_shape_for(static_cast<Object*>(proto)));
}

Object* Vm::new_array(uint32_t length) {
  Object* a = Object::create(heap_, realm_->intrinsics[IntrinsicShape::ArrayShape], 0, ObjectClass::Array);
  a->set_array_length_raw(length);
  return a;
}

Object* Vm::new_array_from(std::span<const Value> values) {
  Object* a = new_array(0);
  std::vector<Value>& e = a->dense_elements();
  e.assign(values.begin(), values.end());
  for (Value& v : e)
    if (v.is_empty()) v = Value::undefined();
  a->set_array_length_raw(uint32_t(values.size()));
  return a;
}

String* Vm::new_string(std::string_view utf8) {
  String* s = String::from_utf8(heap_, utf8);
  if (!s) throw_error(ErrorType::RangeError, "Invalid string length");
  return s;
}

FunctionObject* Vm::new_native(std::string_view name, NativeFn fn, int length, bool constructor) {
  gc::Rooted<String> n(heap_, intern(name));
  Shape* shape = realm_->intrinsics[IntrinsicShape::MethodShape];
  FunctionObject* f = heap_.allocate<FunctionObject>(shape, FunctionKind::Native);
  f->realm = realm_;
  f->native = fn;
  f->is_constructor = constructor;
  f->fill_slots({Value::int32(length), string_value(n)});
  return f;
}

FunctionObject* Vm::define_native(Object* target, std::string_view name, NativeFn fn, int length) {
  gc::Rooted<Object> t(heap_, target);
  gc::Rooted<FunctionObject> f(heap_, new_native(name, fn, length));
  define_value(t, name, object_value(f));
  return f;
}

void Vm::define_value(Object* target, std::string_view name, Value v, uint8_t flags) {
  gc::Rooted<Object> t(heap_, target);
  RootedValue rv(heap_, v);
  String* key = intern(name);
  define_value(t, key, rv, flags);
}

void Vm::define_value(Object* target, gc::Cell* key, Value v, uint8_t flags) {
  uint32_t index;
  if (is_string(key) && static_cast<String*>(key)->is_array_index(&index)) {
    target->set_element(index, v);
    return;
  }
  target->define_own(heap_, key, v, flags);
}

void Vm::define_accessor(Object* target, gc::Cell* key, Value getter, Value setter, uint8_t flags) {
  gc::Rooted<Object> t(heap_, target);
  gc::Rooted<gc::Cell> k(heap_, key);
  RootedValue g(heap_, getter), s(heap_, setter);
  AccessorPair* pair = heap_.allocate<AccessorPair>(g.get(), s.get());
  t->define_own(heap_, k, Value::cell(Value::Tag::Object, pair), uint8_t(flags | kAccessor));
}

FunctionObject* Vm::make_closure(FunctionTemplate* tmpl, HeapScope* scope) {
  const bytecode::CompiledFunction* code = tmpl->code;
  bool constructor = !code->is_arrow && !code->is_generator && !code->is_async && !code->is_method;
  gc::Rooted<FunctionTemplate> t(heap_, tmpl);
  gc::Rooted<HeapScope> sc(heap_, scope);
  Intrinsics& in = realm_->intrinsics;
  Shape* shape = in[constructor || code->is_generator ? IntrinsicShape::FunctionShape : IntrinsicShape::MethodShape];
  gc::Rooted<FunctionObject> f(heap_, heap_.allocate<FunctionObject>(shape, FunctionKind::Bytecode));
  f->realm = realm_;
  f->tmpl = t;
  f->scope = sc;
  f->is_constructor = constructor;
  Value prototype = Value::undefined();
  if (constructor || code->is_generator) {
    Object* proto = !code->is_generator ? new_object()
                    : code->is_async ? new_object_with_proto(in[IntrinsicObject::AsyncGeneratorPrototype])
                                     : new_object_with_proto(in[IntrinsicObject::GeneratorPrototype]);
    if (!code->is_generator)
      proto->define_own(heap_, atom(WellKnownAtom::constructor), object_value(f), kWritable | kConfigurable);
    prototype = object_value(proto);
    f->fill_slots({Value::int32(code->param_count_for_length), string_value(t->name), prototype});
  } else {
    f->fill_slots({Value::int32(code->param_count_for_length), string_value(t->name)});
  }
  // Generator and async functions inherit from their own Function.prototype kin.
  if (code->is_generator && code->is_async) f->set_prototype(in[IntrinsicObject::AsyncGeneratorFunctionPrototype]);
  else if (code->is_generator) f->set_prototype(in[IntrinsicObject::GeneratorFunctionPrototype]);
  else if (code->is_async) f->set_prototype(in[IntrinsicObject::AsyncFunctionPrototype]);
  return f;
}

// ---- calls ------------------------------------------------------------------------------

// The arguments object and the rest array a function asks for (out of line:
// most calls need neither). Roots what it holds while it allocates.
// The shape of an arguments object of the current realm (§10.4.4.6/7):
// length, @@iterator and callee, all non-enumerable; a strict (or
// non-simple) function's callee is a non-configurable accessor.
Shape* Vm::arguments_shape(bool strict) {
  IntrinsicShape which = strict ? IntrinsicShape::StrictArgumentsShape : IntrinsicShape::SloppyArgumentsShape;
  if (Shape* made = realm_->intrinsics[which]) return made;
  constexpr uint8_t kHidden = kWritable | kConfigurable;
  gc::Rooted<Shape> s(heap_, Shape::add_property(heap_, realm_->intrinsics[IntrinsicShape::ObjectShape],
                                                 atom(WellKnownAtom::length), kHidden));
  s = Shape::add_property(heap_, s, well_known_symbol(WellKnownSymbol::iterator), kHidden);
  s = Shape::add_property(heap_, s, atom(WellKnownAtom::callee), strict ? uint8_t(kAccessor) : kHidden);
  realm_->intrinsics[which] = s;
  return s;
}

void Vm::make_argument_objects(FunctionObject* fn, Value* regs, uint32_t argc, Value& this_value, Value& arguments_object,
                               Value& rest_array) {
  const bytecode::CompiledFunction* code = fn->tmpl->code;
  const uint32_t params = code->param_count;
  const bool needs_arguments = code->arguments_register != bytecode::CompiledFunction::kNoRegister;
  RootedValue self(heap_, this_value), arguments(heap_), rest(heap_);
  if (needs_arguments) {
    // §10.4.4.6/7: a sloppy function with simple parameters exposes itself
    // as callee; otherwise reading callee throws.
    bool simple_sloppy = !code->strict && (params == 0 || !code->mapped_argument_slots.empty());
    Value callee = object_value(fn);
    if (!simple_sloppy) {
      Value thrower = object_value(realm_->intrinsics[IntrinsicObject::ThrowTypeError]);
      callee = Value::cell(Value::Tag::Object, heap_.allocate<AccessorPair>(thrower, thrower));
    }
    RootedValue rooted_callee(heap_, callee);
    // An ordinary object made with its final shape (not an array moved to
    // dictionary mode: that cost a hash table per call).
    Object* args = Object::create(heap_, arguments_shape(!simple_sloppy), 3, ObjectClass::Arguments);
    args->fill_slots({Value::number(argc), object_value(realm_->intrinsics[IntrinsicObject::ArrayValues]), rooted_callee});
    std::vector<Value>& elements = args->dense_elements();
    elements.assign(regs, regs + argc);
    for (Value& v : elements)
      if (v.is_empty()) v = Value::undefined();
    args->set_array_length_raw(argc);
    arguments = object_value(args);
  }
  if (code->has_rest) {
    uint32_t first = params - 1;
    rest = object_value(new_array_from(std::span<const Value>(regs + first, argc > first ? argc - first : 0)));
  }
  this_value = self;
  arguments_object = arguments;
  rest_array = rest;
}

bool Vm::push_saved_frame(const Frame& saved, const std::vector<Value>& registers) {
  Value* regs = sp_ + 2;
  if (frames_.full() || regs + registers.size() + 2 > stack_end_) return false;
  regs[-2] = regs[-1] = Value::undefined();  // the (unused) callee and this slots: scanned too
  std::copy(registers.begin(), registers.end(), regs);
  Frame frame = saved;
  frame.regs = regs;
  frame.saved_sp = sp_;
  frame.flags = Frame::kEntry;
  frames_.push_back(frame);
  sp_ = regs + registers.size();
  return true;
}

Value Vm::call_native(FunctionObject* fn, Value this_value, std::span<const Value> args, Value new_target) {
  if (native_depth_ >= options_.max_native_depth) throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  native_calls_[native_depth_++] = NativeCall{fn, this_value, uint32_t(frames_.size()), !new_target.is_undefined()};
  struct Depth {
    Vm& vm;
    FunctionObject* saved;
    Realm* realm;
    ~Depth() {
      --vm.native_depth_;
      vm.current_native_ = saved;
      vm.realm_ = realm;
    }
  } depth{*this, current_native_, realm_};
  current_native_ = fn;  // rooted: the caller's registers hold the callee
  realm_ = fn->realm;    // a native runs in its own realm
  return fn->native(*this, this_value, args, new_target);
}

// Runs callee with arguments copied to the top of the register file.
static Value invoke(Vm& vm, Value callee, Value this_value, std::span<const Value> args, Value new_target,
                    bool construct);

Value Vm::call(Value callee, Value this_value, std::span<const Value> args) {
  return invoke(*this, callee, this_value, args, Value::undefined(), false);
}

Value Vm::construct(Value callee, std::span<const Value> args, Value new_target) {
  return invoke(*this, callee, Value::undefined(), args, new_target, true);
}

Value construct_with_frame(Vm& vm, FunctionObject* f, Value* regs, uint32_t argc, Value new_target, size_t& entry);

static Value invoke(Vm& vm, Value callee, Value this_value, std::span<const Value> args, Value new_target,
                    bool construct) {
  FunctionObject* f = as_function(callee);
  if (!f) vm.throw_error(ErrorType::TypeError, to_utf8(vm, typeof_value(vm, callee)) + " is not a function");
  if (construct && !f->is_constructor) vm.throw_error(ErrorType::TypeError, f->tmpl ? f->tmpl->name->to_utf8() + " is not a constructor" : "not a constructor");
  // Copy callee, this and the arguments to the top of the register file:
  // from here on they are rooted there.
  Vm::Scratch scratch(vm, args.size() + 2);
  scratch[0] = callee;
  scratch[1] = this_value;
  for (size_t i = 0; i < args.size(); ++i) scratch[i + 2] = args[i];
  Value* argv = scratch.data() + 2;
  std::span<const Value> a(argv, args.size());
  switch (f->kind) {
    case FunctionKind::Native:
      return vm.call_native(f, construct ? Value::undefined() : this_value, a, construct ? new_target : Value::undefined());
    case FunctionKind::Bound: {
      ValueVector all(vm.heap());
      all.values = f->bound_args;
      all.values.insert(all.values.end(), a.begin(), a.end());
      if (construct) {
        Value nt = new_target == callee ? f->bound_target : new_target;
        return vm.construct(f->bound_target, all.values, nt);
      }
      return vm.call(f->bound_target, f->bound_this, all.values);
    }
    case FunctionKind::Proxy:  // a callable proxy: its apply/construct traps (builtins/proxy.cpp)
      return construct ? proxy_construct(vm, f, a, new_target) : proxy_call(vm, f, scratch[1], a);
    case FunctionKind::Bytecode: break;
  }
  if (f->is_class_constructor && !construct)
    vm.throw_error(ErrorType::TypeError, "Class constructor " + f->tmpl->name->to_utf8() + " cannot be invoked without 'new'");
  Vm::RealmScope restore(vm);  // the callee's frame switches to its realm; back to ours after
  size_t entry = vm.frames().size();
  if (construct) return construct_with_frame(vm, f, argv, uint32_t(args.size()), new_target, entry);
  if (!vm.push_frame(f, argv, uint32_t(args.size()), this_value, Value::undefined(), Frame::kEntry, 0))
    vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  return vm.run(entry);
}

// ---- scripts and jobs -----------------------------------------------------------------

namespace {
// A program the verifier refuses is a compiler bug: stop before running it,
// as an assertion would, naming the function and the instruction.
void verify_or_abort(const bytecode::CompiledFunction& code, const std::string& script) {
  if (auto error = bytecode::verify(code)) {
    std::fprintf(stderr, "glass: internal error: the bytecode verifier refused %s: %s\n", script.c_str(),
                 error->text().c_str());
    std::abort();
  }
}
}  // namespace

FunctionTemplate* Vm::compile_script(std::string_view text, const std::string& name, const ParseOptions& options,
                                     const bytecode::EvalSite* eval_site) {
  Source source;
  source.name = name;
  source.text = std::string(text);
  Arena arena;
  AtomTable parser_atoms;
  ast::Program* program;
  std::unique_ptr<bytecode::CompiledFunction> compiled;
  try {
    program = parse_program(source, arena, parser_atoms, options);
    check_early_errors(program, parser_atoms);
    ScopeTree tree = analyze_scopes(program, parser_atoms);
    ResolverResult resolved = resolve_variables(program, tree, eval_site);
    compiled = compile_program(program, resolved);
  } catch (const glass::SyntaxError& e) {
    // The error's stack says where in the source: "    at file:line:column".
    gc::Rooted<Object> error(heap_, make_error(ErrorType::SyntaxError, e.message));
    std::string stack = "SyntaxError: " + e.message + "\n    at " + name + ":" + std::to_string(e.pos.line) + ":" +
                        std::to_string(e.pos.column);
    define_value(error, atom(WellKnownAtom::stack), string_value(new_string(stack)));
    throw_value(object_value(error));
  } catch (const CompileError& e) {
    throw_error(ErrorType::SyntaxError, name + ":" + std::to_string(e.pos.line) + ":" + std::to_string(e.pos.column) +
                                            ": " + e.message + " (glass)");
  }
  if (options_.verify_bytecode) verify_or_abort(*compiled, name);
  const bytecode::CompiledFunction* code = compiled.get();
  programs.push_back(std::move(compiled));
  sources.push_back(std::make_unique<std::string>(std::move(source.text)));
  gc::Rooted<String> source_name(heap_, new_string(name));
  FunctionTemplate* loaded = FunctionTemplate::load(*this, code, source_name, sources.back().get());
  if (debug_hooks_) [[unlikely]] {
    gc::Rooted<FunctionTemplate> top(heap_, loaded);
    debug_hooks_->code_loaded(*this, top, name, *sources.back(), options);
    return top;
  }
  return loaded;
}

Value Vm::evaluate_script_in(Realm* realm, std::string_view text, const std::string& name) {
  RealmScope switched(*this, realm);
  return evaluate_script(text, name);
}

Value Vm::evaluate_script(std::string_view text, const std::string& name) {
  gc::Rooted<FunctionTemplate> t(heap_, compile_script(text, name, ParseOptions{}, nullptr));
  FunctionObject* f = make_closure(t, nullptr);
  return call(object_value(f), object_value(realm_->global), {});
}

Value Vm::evaluate_indirect_eval(std::string_view text) {
  // Compiled as direct eval code at a call site with nothing around it: the
  // caller's chain is empty, so vars go to the global object (var_level -1).
  static const bytecode::EvalSite kGlobalSite;
  gc::Rooted<FunctionTemplate> t(heap_, compile_script(text, "eval", ParseOptions{}, &kGlobalSite));
  FunctionObject* f = make_closure(t, nullptr);
  return call(object_value(f), object_value(realm_->global), {});
}

void Vm::enqueue_job(Value function, Value argument) {
  jobs_.push_back(function);
  jobs_.push_back(argument);
  ++jobs_queued_;
  if (debug_hooks_) [[unlikely]] debug_hooks_->job_queued(*this);
}

void Vm::run_jobs() {
  // A job's function and argument stay in jobs_ (traced from index 0, run or
  // not) until the outermost run_jobs empties the queue: they need no other root.
  struct Runner {
    size_t& depth;
    explicit Runner(size_t& d) : depth(++d) {}
    ~Runner() { --depth; }
  } runner(job_runners_);
  while (job_head_ < jobs_.size()) {
    Value fn = jobs_[job_head_];
    Value arg = jobs_[job_head_ + 1];
    job_head_ += 2;
    ++jobs_started_;
    FunctionObject* f = as_function(fn);
    if (f && f->kind == FunctionKind::Native)  // promise jobs are natives: no register-file copy
      call_native(f, Value::undefined(), std::span<const Value>(&arg, 1), Value::undefined());
    else
      call(fn, Value::undefined(), std::span<const Value>(&arg, 1));
    if (job_runners_ != 1) continue;  // an outer run_jobs may still be running one of them
    if (job_head_ == jobs_.size()) {
      jobs_.clear();
      job_head_ = 0;
    } else if (job_head_ >= 1024 && job_head_ * 2 >= jobs_.size()) {
      // A queue that never empties (each job queues the next: an await
      // loop) drops what has run, so it neither grows nor keeps it alive.
      jobs_.erase(jobs_.begin(), jobs_.begin() + ptrdiff_t(job_head_));
      job_head_ = 0;
    }
  }
}

}  // namespace glass
