// Values on the wire: Runtime.RemoteObject (type, subtype, className,
// description, objectId, preview) as V8 describes objects, CallArguments
// back into values, and the property lists Runtime.getProperties returns.
//
// Describing a value must not run the program's code where V8 would not:
// own properties are read without getters (accessors are listed as get/set
// functions), proxies are described without traps, and where a built-in's
// state is needed (a Map's size, a Date's text) the realm's own intrinsic
// methods are called, quietly (no breakpoint or exception pause).
#include <cmath>

#include "builtins/promise.h"
#include "builtins/proxy.h"
#include "inspector/cdp_session.h"
#include "parser/display.h"
#include "vm/box.h"
#include "vm/generator.h"
#include "vm/operations.h"
#include "vm/rooted.h"

namespace glass::inspector {

namespace {

// A data property's value found without running anything (see vm.cpp's twin for frame names).
std::optional<Value> quiet_get(Object* o, gc::Cell* key) {
  for (int depth = 0; o && depth < 64; ++depth, o = static_cast<Object*>(o->prototype())) {
    if (o->object_class() == ObjectClass::Proxy) return std::nullopt;
    if (auto p = o->get_own(key)) {
      if (p->flags & kAccessor) return std::nullopt;
      return p->value;
    }
  }
  return std::nullopt;
}

std::string string_of(std::optional<Value> v) { return v && v->is_string() ? as_string(*v)->to_utf8() : ""; }

const char* subtype_of(Object* o) {
  switch (o->object_class()) {
    case ObjectClass::Array: return "array";
    case ObjectClass::Error: return "error";
    case ObjectClass::RegExp: return "regexp";
    case ObjectClass::Date: return "date";
    case ObjectClass::Map: return "map";
    case ObjectClass::Set: return "set";
    case ObjectClass::WeakMap: return "weakmap";
    case ObjectClass::WeakSet: return "weakset";
    case ObjectClass::WeakRef: return "weakref";
    case ObjectClass::Promise: return "promise";
    case ObjectClass::Proxy: return "proxy";
    case ObjectClass::Generator: return "generator";
    case ObjectClass::Iterator: return "iterator";
    default: return nullptr;
  }
}

}  // namespace

// ============================================================================
// RemoteObject
// ============================================================================

namespace {

struct Describer {
  Vm& vm;
  debug::Debugger& debugger;

  std::string class_name(Object* o) {
    if (o->object_class() == ObjectClass::Function) return "Function";
    if (o->object_class() == ObjectClass::Proxy) return "Object";
    if (o->object_class() == ObjectClass::Arguments) return "Arguments";
    if (o->object_class() == ObjectClass::ModuleNamespace) return "Module";
    if (auto ctor = quiet_get(o, vm.atom(WellKnownAtom::constructor)); ctor && ctor->is_object()) {
      std::string name = string_of(quiet_get(as_object(*ctor), vm.atom(WellKnownAtom::name)));
      if (!name.empty()) return name;
    }
    return "Object";
  }

  // A built-in method of the realm's intrinsic `proto`, called on `self` quietly; undefined if it fails.
  Value intrinsic_call(IntrinsicObject proto, const char* name, Value self, bool getter = false) {
    Object* p = vm.intrinsics()[proto];
    auto own = p->get_own(vm.intern(name));
    if (!own) return Value::undefined();
    Value fn = own->value;
    if (own->flags & kAccessor) {
      if (!getter) return Value::undefined();
      fn = static_cast<AccessorPair*>(own->value.as_cell())->getter;
    }
    if (!is_callable(fn)) return Value::undefined();
    debug::Completion c = debugger.call_function(fn, self, {});
    return c.threw ? Value::undefined() : c.value;
  }

  std::string description(Value v) {
    Object* o = as_object(v);
    switch (o->object_class()) {
      case ObjectClass::Function: {
        auto* f = static_cast<FunctionObject*>(o);
        if (f->kind == FunctionKind::Bytecode && f->tmpl->source_text) {
          const bytecode::CompiledFunction* code = f->tmpl->code;
          const std::string& text = *f->tmpl->source_text;
          if (code->source_end > code->start.offset && code->source_end <= text.size())
            return text.substr(code->start.offset, code->source_end - code->start.offset);
        }
        return "function " + string_of(quiet_get(o, vm.atom(WellKnownAtom::name))) + "() { [native code] }";
      }
      case ObjectClass::Array: return "Array(" + std::to_string(o->array_length()) + ")";
      case ObjectClass::Arguments: return "Arguments(" + std::to_string(o->dense_length()) + ")";
      case ObjectClass::Error: {
        std::string stack = string_of(quiet_get(o, vm.atom(WellKnownAtom::stack)));
        if (!stack.empty()) return stack;
        std::string name = string_of(quiet_get(o, vm.atom(WellKnownAtom::name)));
        std::string message = string_of(quiet_get(o, vm.atom(WellKnownAtom::message)));
        return message.empty() ? name : name + ": " + message;
      }
      case ObjectClass::RegExp: {
        Value s = intrinsic_call(IntrinsicObject::RegExpPrototype, "toString", v);
        return s.is_string() ? as_string(s)->to_utf8() : "RegExp";
      }
      case ObjectClass::Date: {
        Value s = intrinsic_call(IntrinsicObject::DatePrototype, "toString", v);
        return s.is_string() ? as_string(s)->to_utf8() : "Invalid Date";
      }
      case ObjectClass::Map:
      case ObjectClass::Set: {
        bool map = o->object_class() == ObjectClass::Map;
        Value size = intrinsic_call(map ? IntrinsicObject::MapPrototype : IntrinsicObject::SetPrototype, "size", v, true);
        return std::string(map ? "Map(" : "Set(") + (size.is_number() ? number_to_js_string(size.as_number()) : "0") + ")";
      }
      case ObjectClass::WeakMap: return "WeakMap";
      case ObjectClass::WeakSet: return "WeakSet";
      case ObjectClass::Promise: return "Promise";
      case ObjectClass::Proxy: return "Proxy(Object)";
      case ObjectClass::Generator: return class_name(o);
      default: return class_name(o);
    }
  }
};

// A JSON copy of a value (returnByValue): objects by their own enumerable
// string-keyed data properties, arrays by their elements, as V8 does.
json by_value(Vm& vm, Value v, int depth) {
  if (v.is_undefined() || v.is_empty()) return nullptr;
  if (v.is_null()) return nullptr;
  if (v.is_boolean()) return v.as_boolean();
  if (v.is_int32()) return v.as_int32();
  if (v.is_number()) return std::isfinite(v.as_number()) ? json(v.as_number()) : json(nullptr);
  if (v.is_string()) return as_string(v)->to_utf8();
  if (!v.is_object() || depth > 32) return nullptr;
  Object* o = as_object(v);
  if (o->object_class() == ObjectClass::Proxy) return json::object();
  if (o->object_class() == ObjectClass::Array) {
    json out = json::array();
    for (uint32_t i = 0; i < o->array_length() && i < 100000; ++i) {
      auto e = o->get_element(i);
      out.push_back(e ? by_value(vm, *e, depth + 1) : json(nullptr));
    }
    return out;
  }
  json out = json::object();
  for (PropertyKey key : own_property_keys(vm, o)) {
    if (key.is_index()) {
      if (auto e = o->get_element(key.index)) out[std::to_string(key.index)] = by_value(vm, *e, depth + 1);
      continue;
    }
    if (!is_string(key.cell)) continue;
    auto p = o->get_own(key.cell);
    if (!p || (p->flags & kAccessor) || !(p->flags & kEnumerable)) continue;
    out[static_cast<String*>(key.cell)->to_utf8()] = by_value(vm, p->value, depth + 1);
  }
  return out;
}

}  // namespace

json CdpSession::remote_object(Value v, const std::string& group, bool return_by_value, bool preview) {
  RootedValue value(vm_.heap(), v);
  if (v.is_empty()) return {{"type", "undefined"}, {"description", "<uninitialized>"}};
  if (v.is_undefined()) return {{"type", "undefined"}};
  if (v.is_null()) return {{"type", "object"}, {"subtype", "null"}, {"value", nullptr}};
  if (v.is_boolean()) return {{"type", "boolean"}, {"value", v.as_boolean()}};
  if (v.is_number()) {
    double d = v.as_number();
    std::string text = number_to_js_string(d);
    if (!std::isfinite(d) || (d == 0 && std::signbit(d)))
      return {{"type", "number"}, {"unserializableValue", std::signbit(d) && d == 0 ? "-0" : text}, {"description", text}};
    json n = v.is_int32() ? json(v.as_int32()) : json(d);
    return {{"type", "number"}, {"value", n}, {"description", text}};
  }
  if (v.is_string()) return {{"type", "string"}, {"value", as_string(v)->to_utf8()}};
  if (v.is_bigint()) {
    std::string text = as_bigint(v)->to_string() + "n";
    return {{"type", "bigint"}, {"unserializableValue", text}, {"description", text}};
  }
  if (v.is_symbol()) {
    std::string id = "h" + std::to_string(debugger_.handles().add(value, group));
    return {{"type", "symbol"}, {"description", as_symbol(v)->descriptive_string()}, {"objectId", id}};
  }
  if (!v.is_object()) return {{"type", "undefined"}};
  Object* o = as_object(v);
  bool callable = is_callable(v);
  if (return_by_value && !callable) return {{"type", "object"}, {"value", by_value(vm_, v, 0)}};
  Describer d{vm_, debugger_};
  json out = {{"type", callable ? "function" : "object"},
              {"className", d.class_name(o)},
              {"description", d.description(value)},
              {"objectId", "h" + std::to_string(debugger_.handles().add(value, group))}};
  if (!callable)
    if (const char* subtype = subtype_of(o)) out["subtype"] = subtype;
  if (preview && !callable) out["preview"] = object_preview(value);
  return out;
}

// Runtime.ObjectPreview: the first few properties (or entries), each as a
// short string, so a client can print `{ a: 1, b: 'x' }` without asking again.
json CdpSession::object_preview(Value v) {
  RootedValue value(vm_.heap(), v);
  Object* o = as_object(v);
  Describer d{vm_, debugger_};
  json out = {{"type", "object"}, {"description", d.description(value)}, {"overflow", false}, {"properties", json::array()}};
  if (const char* subtype = subtype_of(o)) out["subtype"] = subtype;
  auto property_preview = [&](const std::string& name, Value pv) {
    json p = {{"name", name}};
    if (pv.is_object()) {
      bool callable = is_callable(pv);
      p["type"] = callable ? "function" : "object";
      p["value"] = callable ? "" : d.description(pv);
      if (!callable)
        if (const char* subtype = subtype_of(as_object(pv))) p["subtype"] = subtype;
    } else {
      json r = remote_object(pv, "preview");
      p["type"] = r["type"];
      if (r.contains("subtype")) p["subtype"] = r["subtype"];
      if (pv.is_string()) p["value"] = as_string(pv)->to_utf8();
      else if (pv.is_undefined()) p["value"] = "undefined";
      else if (r.contains("description")) p["value"] = r["description"];
      else if (r.contains("value")) p["value"] = r["value"].dump();
    }
    return p;
  };
  const size_t limit = o->object_class() == ObjectClass::Array ? 100 : 5;
  if (o->object_class() == ObjectClass::Map || o->object_class() == ObjectClass::Set) {
    bool map = o->object_class() == ObjectClass::Map;
    out["entries"] = json::array();
    Value iterator = d.intrinsic_call(map ? IntrinsicObject::MapPrototype : IntrinsicObject::SetPrototype,
                                      map ? "entries" : "values", value);
    if (iterator.is_object()) {
      RootedValue it(vm_.heap(), iterator);
      debug::Debugger::Quiet quiet(debugger_);
      IteratorRecord rec{it, get(vm_, as_object(it), key_of(vm_, "next"))};
      RootedValue next(vm_.heap(), rec.next_method);
      for (size_t n = 0;; ++n) {
        std::optional<Value> item;
        try {
          item = iterator_step(vm_, rec);
        } catch (const Thrown&) {
          vm_.take_exception();
          break;
        }
        if (!item) break;
        if (n >= 5) {
          out["overflow"] = true;
          break;
        }
        RootedValue entry(vm_.heap(), *item);
        auto entry_preview = [&](Value e) {
          json r = e.is_object() ? json{{"type", "object"}, {"description", d.description(e)}, {"overflow", false},
                                        {"properties", json::array()}}
                                 : remote_object(e, "preview");
          if (e.is_object())
            if (const char* subtype = subtype_of(as_object(e))) r["subtype"] = subtype;
          return r;
        };
        if (map) {
          Object* pair = as_object(entry);
          RootedValue k(vm_.heap(), pair->get_element(0).value_or(Value::undefined()));
          RootedValue val(vm_.heap(), pair->get_element(1).value_or(Value::undefined()));
          out["entries"].push_back({{"key", entry_preview(k)}, {"value", entry_preview(val)}});
        } else {
          out["entries"].push_back({{"value", entry_preview(entry)}});
        }
      }
    }
    return out;
  }
  if (o->object_class() == ObjectClass::Proxy) return out;
  for (PropertyKey key : own_property_keys(vm_, o)) {
    if (out["properties"].size() >= limit) {
      out["overflow"] = true;
      break;
    }
    if (key.is_index()) {
      if (auto e = o->get_element(key.index)) out["properties"].push_back(property_preview(std::to_string(key.index), *e));
      continue;
    }
    if (o->object_class() == ObjectClass::Array && key.cell == vm_.atom(WellKnownAtom::length)) continue;
    if (!is_string(key.cell)) continue;
    auto p = o->get_own(key.cell);
    if (!p || !(p->flags & kEnumerable)) continue;
    std::string name = static_cast<String*>(key.cell)->to_utf8();
    if (p->flags & kAccessor) {
      out["properties"].push_back({{"name", name}, {"type", "accessor"}});
      continue;
    }
    out["properties"].push_back(property_preview(name, p->value));
  }
  return out;
}

json CdpSession::exception_details(Value exception, const std::string& text) {
  RootedValue e(vm_.heap(), exception);
  json details = {{"exceptionId", ++exception_ids_},
                  {"text", text},
                  {"lineNumber", 0},
                  {"columnNumber", 0},
                  {"exception", remote_object(e, "console", false, true)}};
  return details;
}

// ============================================================================
// From the wire: CallArgument, objectId
// ============================================================================

Value CdpSession::object_param(const json& params) {
  auto it = params.find("objectId");
  if (it == params.end() || !it->is_string()) throw CdpError(kInvalidParams, "Invalid parameters: 'objectId' must be a string");
  std::string id = it->get<std::string>();
  if (!id.starts_with("h")) throw CdpError(kServerError, "Could not find object with given id");
  char* end = nullptr;
  unsigned long long handle = std::strtoull(id.c_str() + 1, &end, 10);
  auto v = end && *end == '\0' ? debugger_.handles().get(handle) : std::nullopt;
  if (!v) throw CdpError(kServerError, "Could not find object with given id");
  return *v;
}

Value CdpSession::argument_value(const json& a) {
  if (!a.is_object()) throw CdpError(kInvalidParams, "Invalid parameters: a call argument must be an object");
  if (a.contains("objectId")) return object_param(a);
  if (a.contains("unserializableValue")) {
    if (!a["unserializableValue"].is_string()) throw CdpError(kInvalidParams, "Invalid parameters: unserializableValue");
    std::string u = a["unserializableValue"];
    if (u == "NaN") return Value::from_double(NAN);
    if (u == "Infinity") return Value::from_double(INFINITY);
    if (u == "-Infinity") return Value::from_double(-INFINITY);
    if (u == "-0") return Value::from_double(-0.0);
    if (u.ends_with("n")) {
      debug::Completion c = debugger_.evaluate_global(u);
      if (!c.threw && c.value.is_bigint()) return c.value;
    }
    throw CdpError(kServerError, "Couldn't parse value object in call argument");
  }
  if (!a.contains("value")) return Value::undefined();
  const json& v = a["value"];
  if (v.is_null()) return Value::null();
  if (v.is_boolean()) return Value::boolean(v.get<bool>());
  if (v.is_number()) return Value::number(v.get<double>());
  if (v.is_string()) return string_value(vm_.new_string(v.get<std::string>()));
  // An object or array value: rebuilt by JSON.parse.
  debug::Completion c = debugger_.evaluate_global("(" + v.dump() + ")");
  if (c.threw) throw CdpError(kServerError, "Couldn't parse value object in call argument");
  return c.value;
}

// ============================================================================
// Runtime.getProperties
// ============================================================================

json CdpSession::properties_of(Value v, bool own_only, bool accessors_only, bool preview, json& internal,
                               json& private_properties) {
  RootedValue value(vm_.heap(), v);
  json out = json::array();
  if (!v.is_object()) return out;
  gc::Rooted<Object> o(vm_.heap(), as_object(v));
  auto property = [&](const std::string& name, const OwnProperty& p, bool own) {
    json d = {{"name", name}, {"configurable", bool(p.flags & kConfigurable)}, {"enumerable", bool(p.flags & kEnumerable)},
              {"isOwn", own}};
    if (p.flags & kAccessor) {
      auto* pair = static_cast<AccessorPair*>(p.value.as_cell());
      RootedValue getter(vm_.heap(), pair->getter), setter(vm_.heap(), pair->setter);
      d["get"] = remote_object(getter, "backtrace");
      d["set"] = remote_object(setter, "backtrace");
    } else {
      if (accessors_only) return;
      d["value"] = remote_object(p.value, "backtrace", false, preview);
      d["writable"] = bool(p.flags & kWritable);
    }
    out.push_back(std::move(d));
  };
  if (o->object_class() == ObjectClass::Proxy) {
    auto* proxy = static_cast<ProxyObject*>(o.get());
    RootedValue target(vm_.heap(), proxy->target), handler(vm_.heap(), proxy->handler);
    internal.push_back({{"name", "[[Handler]]"}, {"value", remote_object(handler, "backtrace")}});
    internal.push_back({{"name", "[[Target]]"}, {"value", remote_object(target, "backtrace")}});
    internal.push_back({{"name", "[[IsRevoked]]"}, {"value", {{"type", "boolean"}, {"value", proxy->target.is_null()}}}});
    return out;
  }
  for (PropertyKey key : own_property_keys(vm_, o)) {
    std::string name;
    if (key.is_index()) {
      auto e = o->get_element(key.index);
      if (!e) continue;
      property(std::to_string(key.index), OwnProperty{*e, uint8_t(kWritable | kEnumerable | kConfigurable)}, true);
      continue;
    }
    auto p = get_own_property(vm_, o, key);
    if (!p) continue;
    name = is_string(key.cell) ? static_cast<String*>(key.cell)->to_utf8()
                               : static_cast<Symbol*>(key.cell)->descriptive_string();
    property(name, *p, true);
  }
  if (!own_only && !accessors_only) {
    if (Object* proto = get_prototype_of(o)) {
      RootedValue p(vm_.heap(), object_value(proto));
      internal.push_back({{"name", "[[Prototype]]"}, {"value", remote_object(p, "backtrace")}});
    } else {
      internal.push_back({{"name", "[[Prototype]]"}, {"value", {{"type", "object"}, {"subtype", "null"}, {"value", nullptr}}}});
    }
  }
  // What V8 shows beside the properties.
  switch (o->object_class()) {
    case ObjectClass::Function: {
      auto* f = static_cast<FunctionObject*>(o.get());
      if (f->kind == FunctionKind::Bound) {
        RootedValue target(vm_.heap(), f->bound_target), self(vm_.heap(), f->bound_this);
        internal.push_back({{"name", "[[TargetFunction]]"}, {"value", remote_object(target, "backtrace")}});
        internal.push_back({{"name", "[[BoundThis]]"}, {"value", remote_object(self, "backtrace")}});
      }
      if (f->kind == FunctionKind::Bytecode) {
        const debug::Script* script = debugger_.scripts().find_code(f->tmpl->code);
        if (script)
          internal.push_back({{"name", "[[FunctionLocation]]"},
                              {"value",
                               {{"type", "object"},
                                {"subtype", "internal#location"},
                                {"description", "Object"},
                                {"value", location_json({script->id, f->tmpl->code->start.line, f->tmpl->code->start.column})}}}});
      }
      break;
    }
    case ObjectClass::Boolean:
    case ObjectClass::Number:
    case ObjectClass::String:
    case ObjectClass::Symbol:
    case ObjectClass::BigInt: {
      RootedValue primitive(vm_.heap(), static_cast<BoxObject*>(o.get())->primitive);
      internal.push_back({{"name", "[[PrimitiveValue]]"}, {"value", remote_object(primitive, "backtrace")}});
      break;
    }
    case ObjectClass::Promise: {
      PromiseStatus status = promise_status(o);
      const char* state = status == PromiseStatus::Pending ? "pending" : status == PromiseStatus::Fulfilled ? "fulfilled" : "rejected";
      internal.push_back({{"name", "[[PromiseState]]"}, {"value", {{"type", "string"}, {"value", state}}}});
      RootedValue result(vm_.heap(), promise_result(o));
      internal.push_back({{"name", "[[PromiseResult]]"}, {"value", remote_object(result, "backtrace")}});
      break;
    }
    case ObjectClass::Generator: {
      auto* g = static_cast<GeneratorObject*>(o.get());
      const char* state = g->state == GeneratorObject::State::Completed ? "closed" : "suspended";
      internal.push_back({{"name", "[[GeneratorState]]"}, {"value", {{"type", "string"}, {"value", state}}}});
      break;
    }
    default: break;
  }
  return out;
}

// A paused frame's scope as an object: its variables, each a property.
json CdpSession::scope_properties(const std::string& object_id) {
  // "scope:<pause>:<frame>:<n>"
  unsigned long long pause = 0;
  unsigned long frame = 0, n = 0;
  if (std::sscanf(object_id.c_str(), "scope:%llu:%lu:%lu", &pause, &frame, &n) != 3 || pause != pause_serial_ ||
      !debugger_.paused() || frame >= frames_.size())
    throw CdpError(kServerError, "Could not find object with given id");
  std::vector<debug::Scope> scopes = debugger_.scopes(frames_[frame]);
  if (n >= scopes.size()) throw CdpError(kServerError, "Could not find object with given id");
  const debug::Scope& scope = scopes[n];
  if (scope.object.is_object()) {  // global, script, with: the object's own properties
    json internal = json::array(), private_properties = json::array();
    return properties_of(scope.object, true, false, true, internal, private_properties);
  }
  json out = json::array();
  for (const debug::Variable& v : scope.variables)
    out.push_back({{"name", v.name},
                   {"value", remote_object(v.value, "backtrace", false, true)},
                   {"writable", v.kind != bytecode::VariableKind::Const},
                   {"configurable", false},
                   {"enumerable", true},
                   {"isOwn", true}});
  return out;
}

}  // namespace glass::inspector
