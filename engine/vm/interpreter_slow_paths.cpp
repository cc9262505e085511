// The interpreter's slow paths: what an instruction does when its fast path
// in the dispatch loop (interpreter.cpp) does not apply — mixed-type
// arithmetic, an inline-cache miss, a key that is not a small integer,
// for-in enumeration, and the errors instructions throw.
//
// They live out of the loop for two reasons: the loop stays small (the
// compiler keeps its hot state in machine registers), and they may hold RAII
// objects (Rooted, RootedValue, std::string), which a handler cannot — a
// handler leaves by `goto *`, which skips C++ destructors.
#include <cmath>

#include "builtins/regexp.h"
#include "parser/display.h"
#include "vm/interpreter_support.h"
#include "vm/rooted.h"
#include "vm/typed_array.h"

namespace glass {

using bytecode::Instruction;
using bytecode::Opcode;

static NumericOp numeric_op(Opcode op) {
  switch (op) {
    case Opcode::Sub: return NumericOp::Sub;
    case Opcode::Mul: return NumericOp::Mul;
    case Opcode::Div: return NumericOp::Div;
    case Opcode::Mod: return NumericOp::Mod;
    case Opcode::Exp: return NumericOp::Exp;
    case Opcode::BitAnd: return NumericOp::BitAnd;
    case Opcode::BitOr: return NumericOp::BitOr;
    case Opcode::BitXor: return NumericOp::BitXor;
    case Opcode::Shl: return NumericOp::Shl;
    case Opcode::Sar: return NumericOp::Sar;
    default: return NumericOp::Shr;
  }
}

static Value arith_convert(Vm& vm, Opcode op, Value a, Value b);

// ToNumeric on both operands (valueOf may run), then the BigInt or the Number operation.
static Value arith_convert(Vm& vm, Opcode op, Value a, Value b) {
  RootedValue rb(vm.heap(), b);
  RootedValue na(vm.heap(), to_numeric(vm, a));  // a BigInt must survive b's valueOf
  Value nb = to_numeric(vm, rb);
  if (na.get().is_bigint() || nb.is_bigint()) return bigint_binary(vm, numeric_op(op), na, nb);
  return arith_slow(vm, op, na, nb);
}

Value arith_slow(Vm& vm, Opcode op, Value a, Value b) {
  if (!a.is_number() || !b.is_number()) return arith_convert(vm, op, a, b);
  double x = a.as_number();
  double y = b.as_number();
  switch (op) {
    case Opcode::Sub: return Value::number(x - y);
    case Opcode::Mul: return Value::number(x * y);
    case Opcode::Div: return Value::number(x / y);
    case Opcode::Mod: return Value::number(std::fmod(x, y));
    case Opcode::Exp: {
      if (y != y) return Value::from_double(NAN);
      if ((x == 1 || x == -1) && std::isinf(y)) return Value::from_double(NAN);
      return Value::number(std::pow(x, y));
    }
    case Opcode::BitAnd: return Value::int32(int32_t(double_to_uint32(x) & double_to_uint32(y)));
    case Opcode::BitOr: return Value::int32(int32_t(double_to_uint32(x) | double_to_uint32(y)));
    case Opcode::BitXor: return Value::int32(int32_t(double_to_uint32(x) ^ double_to_uint32(y)));
    case Opcode::Shl: return Value::int32(int32_t(double_to_uint32(x) << (double_to_uint32(y) & 31)));
    case Opcode::Sar: return Value::int32(int32_t(double_to_uint32(x)) >> (double_to_uint32(y) & 31));
    case Opcode::Shr: return Value::number(double(double_to_uint32(x) >> (double_to_uint32(y) & 31)));
    default: return Value::undefined();
  }
}

Value compare_slow(Vm& vm, Opcode op, Value a, Value b) {
  std::optional<bool> r;
  switch (op) {
    case Opcode::Less: r = less_than(vm, a, b, true); return Value::boolean(r.value_or(false));
    case Opcode::Greater: r = less_than(vm, b, a, false); return Value::boolean(r.value_or(false));
    case Opcode::LessEq: r = less_than(vm, b, a, false); return Value::boolean(r && !*r);
    case Opcode::GreaterEq: r = less_than(vm, a, b, true); return Value::boolean(r && !*r);
    default: return Value::undefined();
  }
}

// Keeps what a slow path learned: in the site's own entries, or, once the
// site is megamorphic, in the shared stub cache.
static void remember(Vm& vm, InlineCache& ic, StubCache::Kind kind, const IcEntry& e) {
  if (!ic.record(e)) vm.make_stub_cache().record(kind, ic.name, e);
}

// Fills `ic` from a full lookup of ic.name on `o` when the property is a data
// property, own or on the direct prototype.
static void fill_get_cache(Vm& vm, InlineCache& ic, Object* o) {
  if (o->in_dictionary_mode()) return;
  if (auto own = o->shape()->find(ic.name)) {
    if (own->flags & kAccessor) return;
    remember(vm, ic, StubCache::Kind::Get, IcEntry{o->shape(), nullptr, nullptr, own->slot});
    return;
  }
  Object* proto = static_cast<Object*>(o->prototype());
  if (!proto || proto->in_dictionary_mode()) return;
  if (auto found = proto->shape()->find(ic.name)) {
    if (found->flags & kAccessor) return;
    remember(vm, ic, StubCache::Kind::Get, IcEntry{o->shape(), proto, proto->shape(), found->slot});
  }
}

Value get_named_slow(Vm& vm, Value base, InlineCache& ic) {
  Value v = get_value(vm, base, PropertyKey::of_cell(ic.name));
  if (base.is_object()) {
    Object* o = as_object(base);
    // (A typed array's numeric names, "-0" or "1.5", never reach its prototype: not cacheable.)
    if (o->object_class() != ObjectClass::String &&
        !(is_typed_array(o) && canonical_numeric_index(PropertyKey::of_cell(ic.name))))
      fill_get_cache(vm, ic, o);
  }
  return v;
}

// True when no object on o's prototype chain has an own property `name`,
// nor could have one its shape does not show (a proxy, an exotic object):
// then [[Set]] of a new `name` on o adds an own data property. Each object
// on the chain is watched from now on (Object::watch_as_prototype), so a
// cached add made under this answer expires when one of them changes.
static bool chain_lacks(Vm& vm, Object* o, String* name) {
  for (Object* p = static_cast<Object*>(o->prototype()); p; p = static_cast<Object*>(p->prototype())) {
    switch (p->object_class()) {
      case ObjectClass::Proxy:
      case ObjectClass::String:
      case ObjectClass::TypedArray:
      case ObjectClass::ModuleNamespace:
      case ObjectClass::Arguments: return false;
      case ObjectClass::Array:
        if (name == vm.atom(WellKnownAtom::length)) return false;
        break;
      default: break;
    }
    p->watch_as_prototype();
    if (p->get_own(name)) return false;
  }
  return true;
}

void set_named_slow(Vm& vm, Value base, InlineCache& ic, Value v, bool strict) {
  if (base.is_object()) {
    Object* o = as_object(base);
    Shape* before = o->shape();
    bool was_dict = o->in_dictionary_mode();
    bool had_own = !was_dict && before->find(ic.name).has_value();
    // (Looked up without running anything: a Proxy on the chain just makes the site uncacheable.)
    bool chain_clean = !had_own && chain_lacks(vm, o, ic.name);
    put_value(vm, base, PropertyKey::of_cell(ic.name), v, strict);
    if (o->in_dictionary_mode() || was_dict || o->object_class() == ObjectClass::Array) return;
    if (had_own) {
      auto info = before->find(ic.name);
      if (info && (info->flags & (kWritable | kAccessor)) == kWritable && o->shape() == before)
        remember(vm, ic, StubCache::Kind::Set, IcEntry{before, nullptr, nullptr, info->slot});
    } else if (chain_clean && o->shape() != before && o->shape()->parent() == before) {
      // An add: cache the transition (old shape -> new shape), good while the chain stays as it is.
      remember(vm, ic, StubCache::Kind::Set,
               IcEntry{before, nullptr, o->shape(), o->shape()->property_count() - 1, Object::prototype_epoch()});
    }
    return;
  }
  put_value(vm, base, PropertyKey::of_cell(ic.name), v, strict);
}

Value get_indexed_slow(Vm& vm, Value base, Value key) {
  RootedValue keep(vm.heap(), base);
  PropertyKey k = to_property_key(vm, key);
  return get_value(vm, keep, k);
}

void set_indexed_slow(Vm& vm, Value base, Value key, Value v, bool strict) {
  RootedValue keep(vm.heap(), base), value(vm.heap(), v);
  PropertyKey k = to_property_key(vm, key);
  put_value(vm, keep, k, value, strict);
}

bool delete_indexed(Vm& vm, Value base, Value key, bool strict) {
  RootedValue keep(vm.heap(), base);
  if (base.is_nullish()) vm.throw_error(ErrorType::TypeError, "Cannot convert undefined or null to object");
  PropertyKey k = to_property_key(vm, key);
  gc::Rooted<Object> o(vm.heap(), to_object(vm, keep));
  bool ok = delete_property(vm, o, k);
  if (!ok && strict) vm.throw_error(ErrorType::TypeError, "Cannot delete property '" + to_utf8(vm, key_to_value(vm, k)) + "'");
  return ok;
}

// "item" + 1 (either order): the number's string, then one concat.
Value concat_with_number(Vm& vm, Value a, Value b) {
  RootedValue ra(vm.heap(), a), rb(vm.heap(), b);
  if (a.is_number()) ra = string_value(number_to_string(vm, a.as_number()));
  else rb = string_value(number_to_string(vm, b.as_number()));
  String* s = String::concat(vm.heap(), as_string(ra), as_string(rb));
  if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(s);
}

void define_field(Vm& vm, Value object, Value key, Value v) {
  // Object literals: a new named key on an ordinary extensible object is a
  // shape transition, nothing more.
  if (key.is_string() && as_string(key)->is_atom()) {
    Object* o = as_object(object);
    uint32_t index;
    if (o->object_class() == ObjectClass::Ordinary && !o->in_dictionary_mode() && o->extensible() &&
        !as_string(key)->is_array_index(&index)) {
      o->define_own(vm.heap(), as_string(key), v, kDefaultProperty);
      return;
    }
  }
  RootedValue keep(vm.heap(), object), value(vm.heap(), v);
  PropertyKey k = to_property_key(vm, key);
  create_data_property_or_throw(vm, as_object(keep), k, value);
}

// An object literal's `name: value` that missed its cache: define it, then
// remember the transition when it was a plain add (the next literal built
// at this site starts from the same shape and takes the same step).
void define_named_slow(Vm& vm, Value object, InlineCache& ic, Value v) {
  Object* o = as_object(object);
  Shape* before = o->in_dictionary_mode() ? nullptr : o->shape();
  define_field(vm, object, string_value(ic.name), v);
  Shape* after = o->shape();
  if (before && !o->in_dictionary_mode() && after != before && after->parent() == before && after->key() == ic.name &&
      after->flags() == kDefaultProperty)
    remember(vm, ic, StubCache::Kind::Define, IcEntry{before, nullptr, after, after->property_count() - 1});
}

[[noreturn]] void throw_uninitialized(Vm& vm, String* name) {
  std::string n = name->to_utf8();
  if (n == "this")
    vm.throw_error(ErrorType::ReferenceError,
                   "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
  vm.throw_error(ErrorType::ReferenceError, "Cannot access '" + n + "' before initialization");
}

[[noreturn]] void throw_iter_result_not_object(Vm& vm, Value result) {
  std::string shown = result.is_symbol() ? "Symbol()" : to_utf8(vm, result);
  vm.throw_error(ErrorType::TypeError, "Iterator result " + shown + " is not an object");
}

[[noreturn]] void throw_not_callable(Vm& vm, const bytecode::CompiledFunction* code, const Instruction* at,
                                            const char* what) {
  vm.throw_error(ErrorType::TypeError, code->callee_description(uint32_t(at - code->code.data())) + what);
}

Object* for_in_enumerator(Vm& vm, Value v) {
  ValueVector keys(vm.heap());
  if (!v.is_nullish()) {
    gc::Rooted<Object> o(vm.heap(), to_object(vm, v));
    std::vector<PropertyKey> seen;
    for (Object* cur = o; cur; cur = get_prototype_of(cur)) {
      gc::Rooted<Object> c(vm.heap(), cur);
      for (PropertyKey key : own_property_keys(vm, c)) {
        if (!key.is_index() && !is_string(key.cell)) continue;
        bool dup = false;
        for (const PropertyKey& s : seen) dup = dup || s == key;
        if (dup) continue;
        seen.push_back(key);
        auto p = get_own_property(vm, c, key);
        if (p && (p->flags & kEnumerable)) keys.values.push_back(key_to_value(vm, key));
      }
      cur = c;
    }
    keys.values.push_back(object_value(o));  // the object, last: checked for deletions
  } else {
    keys.values.push_back(Value::undefined());
  }
  Object* e = vm.new_array_from(keys.values);
  e->set_object_class(ObjectClass::Iterator);
  return e;
}

// The next key, or empty when done. The enumerator's length counts what is left.
Value for_in_next(Vm& vm, Object* e) {
  std::vector<Value>& items = e->dense_elements();
  Value target = items.back();
  while (e->array_length() > 1) {
    uint32_t i = uint32_t(items.size()) - e->array_length();
    e->set_array_length_raw(e->array_length() - 1);
    Value key = items[i];
    // A key deleted during the loop is skipped (a Proxy's keys are taken as its ownKeys gave them).
    if (target.is_object() && as_object(target)->object_class() != ObjectClass::Proxy &&
        !has_property(vm, as_object(target), to_property_key(vm, key)))
      continue;
    return key;
  }
  return Value::empty();
}

}  // namespace glass
