// Array: the constructor, Array.isArray/of/from, Array.prototype, and the
// array iterators (%ArrayIteratorPrototype%).
//
// Every method is written once generically (ECMA-262 §23.1.3: `this` may be
// any object, read and written through [[Get]]/[[Set]]/[[HasProperty]]/
// [[Delete]]) and, where it pays, with a fast path for dense arrays: an
// Array whose elements all carry the default attributes, read and written
// straight in dense_elements(). A callback may change the array under us,
// so fast loops re-check bounds on every iteration and never keep a pointer
// or reference into the element vector across a call into JS or an
// allocation.
//
// Holes: a hole (Value::empty()) means "no own property"; HasProperty and Get
// then look at the prototype chain. proto_clean() says no prototype has any
// indexed property, which lets the fast paths treat a hole as absent.
#include <algorithm>
#include <cmath>
#include <vector>

#include "builtins/builtins.h"
#include "builtins/merge_sort.h"
#include "builtins/string_builder.h"
#include "vm/box.h"
#include "vm/typed_array.h"

namespace glass {

namespace {

constexpr uint64_t kMaxSafeInteger = 9007199254740991ull;
constexpr uint64_t kMaxArrayLength = 4294967295ull;

// ============================================================================
// Small helpers
// ============================================================================

// A property key for an index of an array-like (which may be >= 2^32 - 1,
// and then is a string key: an atom, kept rooted while the key lives).
struct IndexKey {
  gc::Rooted<gc::Cell> cell;
  PropertyKey key;
  IndexKey(Vm& vm, uint64_t k) : cell(vm.heap()) {
    if (k < kMaxArrayLength) {
      key = PropertyKey::of_index(uint32_t(k));
    } else {
      key = to_property_key(vm, Value::from_double(double(k)));
      cell = key.cell;
    }
  }
};

// Objects whose indexed properties are exactly their elements (no exotic
// behaviour, no accessors on indices).
inline bool plain(const Object* o) {
  return o->object_class() == ObjectClass::Array || o->object_class() == ObjectClass::Ordinary;
}

inline bool fast_read(Object* o, uint64_t k, Value& out) {
  if (k >= o->dense_length()) return false;
  Value v = o->dense_elements()[size_t(k)];
  if (v.is_empty()) return false;
  out = v;
  return true;
}

// All of o's index properties are plain data elements in its dense vector
// (none sparse, none with attributes of their own such as accessors).
inline bool only_dense_elements(const Object* o) { return !o->has_sparse_elements() && !o->has_special_elements(); }

// No object on o's prototype chain has an indexed property.
bool proto_clean(Object* o) {
  for (Object* p = get_prototype_of(o); p; p = get_prototype_of(p)) {
    if (!plain(p)) return false;
    if (p->dense_length() != 0 || !only_dense_elements(p)) return false;
  }
  return true;
}

// A dense Array whose elements can be read and written in place: default
// attributes, no sparse part, the dense vector exactly `length` long.
inline bool dense_array(Object* o) {
  return o->object_class() == ObjectClass::Array && o->element_flags() == kDefaultProperty &&
         only_dense_elements(o) && o->dense_length() == o->array_length();
}

// HasProperty(O, k) then Get(O, k). False if absent.
bool get_if_present(Vm& vm, Object* o, uint64_t k, Value& out) {
  if (plain(o) && fast_read(o, k, out)) return true;
  IndexKey key(vm, k);
  if (!has_property(vm, o, key.key)) return false;
  out = get(vm, o, key.key);
  return true;
}

Value get_index(Vm& vm, Object* o, uint64_t k) {
  Value v;
  if (plain(o) && fast_read(o, k, v)) return v;
  IndexKey key(vm, k);
  return get(vm, o, key.key);
}


[[noreturn]] void throw_read_only(Vm& vm, uint64_t k) {
  vm.throw_error(ErrorType::TypeError,
                 "Cannot assign to read only property '" + number_to_js_string(double(k)) + "' of object");
}

// Set(O, k, v, true).
void set_index(Vm& vm, Object* o, uint64_t k, Value v) {
  if (plain(o) && o->element_flags() == kDefaultProperty && k < o->dense_length() &&
      !o->dense_elements()[size_t(k)].is_empty()) {
    o->dense_elements()[size_t(k)] = v;
    return;
  }
  RootedValue rv(vm.heap(), v);
  gc::Rooted<Object> ro(vm.heap(), o);
  IndexKey key(vm, k);
  if (!set(vm, ro, key.key, rv, object_value(ro))) {
    if (!ro->extensible() && !has_own_property(vm, ro, key.key))
      vm.throw_error(ErrorType::TypeError, "Cannot add property " + number_to_js_string(double(k)) + ", object is not extensible");
    throw_read_only(vm, k);
  }
}

// DeletePropertyOrThrow(O, k).
void delete_index(Vm& vm, Object* o, uint64_t k) {
  if (plain(o) && o->element_flags() == kDefaultProperty && k < o->dense_length()) {
    o->dense_elements()[size_t(k)] = Value::empty();
    return;
  }
  gc::Rooted<Object> ro(vm.heap(), o);
  IndexKey key(vm, k);
  if (!delete_property(vm, ro, key.key))
    vm.throw_error(ErrorType::TypeError, "Cannot delete property '" + number_to_js_string(double(k)) + "' of [object Array]");
}

// CreateDataPropertyOrThrow(A, k, v).
void create_at(Vm& vm, Object* a, uint64_t k, Value v) {
  if (a->object_class() == ObjectClass::Array && a->element_flags() == kDefaultProperty && a->extensible() &&
      k < kMaxArrayLength - 1 && (k < a->array_length() || a->array_length_writable())) {
    a->set_element(uint32_t(k), v);
    if (k >= a->array_length()) a->set_array_length_raw(uint32_t(k + 1));
    return;
  }
  RootedValue rv(vm.heap(), v);
  gc::Rooted<Object> ra(vm.heap(), a);
  IndexKey key(vm, k);
  create_data_property_or_throw(vm, ra, key.key, rv);
}

// Set(O, "length", len, true).
void set_length(Vm& vm, Object* o, uint64_t len) {
  if (o->object_class() == ObjectClass::Array && o->array_length_writable() && len <= kMaxArrayLength &&
      (len >= o->array_length() || o->element_flags() == kDefaultProperty)) {
    o->set_array_length(uint32_t(len));
    return;
  }
  put_value(vm, object_value(o), key_of(WellKnownAtom::length, vm), Value::number(double(len)), true);
}

// ArrayCreate(len).
Object* array_create(Vm& vm, uint64_t len) {
  if (len > kMaxArrayLength) vm.throw_error(ErrorType::RangeError, "Invalid array length");
  return vm.new_array(uint32_t(len));
}

std::string describe(Vm& vm, Value v) {
  if (v.is_object()) return is_callable(v) ? "function" : "#<Object>";
  if (v.is_symbol()) return as_symbol(v)->descriptive_string();
  if (v.is_string()) return "\"" + as_string(v)->to_utf8() + "\"";
  return to_utf8(vm, v);
}

Value require_callable(Vm& vm, Value v) {
  if (!is_callable(v)) vm.throw_error(ErrorType::TypeError, describe(vm, v) + " is not a function");
  return v;
}

// The clamped index of a relative position (start/end arguments).
uint64_t relative_index(double rel, uint64_t len) {
  if (rel < 0) {
    double r = double(len) + rel;
    return r <= 0 ? 0 : uint64_t(r);
  }
  return rel >= double(len) ? len : uint64_t(rel);
}

uint64_t relative_arg(Vm& vm, Value v, uint64_t len, uint64_t if_undefined) {
  if (v.is_undefined()) return if_undefined;
  if (v.is_int32()) {
    int64_t i = v.as_int32();
    if (i < 0) return i + int64_t(len) < 0 ? 0 : uint64_t(i + int64_t(len));
    return uint64_t(i) > len ? len : uint64_t(i);
  }
  return relative_index(to_integer_or_infinity(vm, v), len);
}

Value array_species_getter(Vm&, Value self, std::span<const Value>, Value) { return self; }

// Array[Symbol.species] is still the original getter.
bool species_is_default(Vm& vm, Object* array_ctor) {
  auto p = array_ctor->get_own(vm.well_known_symbol(WellKnownSymbol::species));
  if (!p || !(p->flags & kAccessor)) return false;
  auto* pair = static_cast<AccessorPair*>(p->value.as_cell());
  FunctionObject* f = as_function(pair->getter);
  return f && f->kind == FunctionKind::Native && f->native == array_species_getter;
}

// ArraySpeciesCreate(original, length). *fresh: the result is an Array this
// call made, which nothing else can see yet.
Object* array_species_create(Vm& vm, Object* original, uint64_t length, bool* fresh) {
  *fresh = false;
  if (!is_array(object_value(original))) {
    *fresh = true;
    return array_create(vm, length);
  }
  gc::Rooted<Object> o(vm.heap(), original);
  RootedValue c(vm.heap(), get(vm, o, key_of(WellKnownAtom::constructor, vm)));
  if (c.get().is_object()) {
    Object* array_ctor = vm.intrinsics()[IntrinsicObject::Array];
    if (as_object(c) == array_ctor && species_is_default(vm, array_ctor)) {
      c = Value::undefined();
    } else {
      c = get(vm, as_object(c), PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::species)));
      if (c.get().is_null()) c = Value::undefined();
    }
  }
  if (c.get().is_undefined()) {
    *fresh = true;
    return array_create(vm, length);
  }
  if (!is_constructor(c)) vm.throw_error(ErrorType::TypeError, "object.constructor[Symbol.species] is not a constructor");
  Value arg = Value::number(double(length));
  Value result = vm.construct(c, std::span<const Value>(&arg, 1), c);
  if (!result.is_object()) vm.throw_error(ErrorType::TypeError, "species constructor returned a non-object");
  return as_object(result);
}

Object* this_object(Vm& vm, Value self) { return to_object(vm, self); }

inline Value call_callback(Vm& vm, Value fn, Value this_arg, Value v, uint64_t k, Object* o) {
  Value argv[3] = {v, Value::number(double(k)), object_value(o)};
  return vm.call(fn, this_arg, argv);
}

// ============================================================================
// Array iterators
// ============================================================================

using IterKind = ArrayIterationKind;

class ArrayIterator final : public Object {
 public:
  Value iterated;  // undefined once exhausted
  uint64_t index = 0;
  IterKind kind;
  void trace(gc::Tracer& tracer) override {
    Object::trace(tracer);
    trace_value(tracer, iterated);
  }
  const char* cell_name() const override { return "ArrayIterator"; }
  ArrayIterator(Shape* shape, Value it, IterKind k) : Object(shape, ObjectClass::Iterator), iterated(it), kind(k) {}
};

Object* make_array_iterator(Vm& vm, Object* o, IterKind kind) {
  gc::Rooted<Object> ro(vm.heap(), o);
  Shape* shape = vm.root_shape_for(vm.intrinsics()[IntrinsicObject::ArrayIteratorPrototype]);
  return vm.heap().allocate<ArrayIterator>(shape, object_value(ro), kind);
}

Value array_iterator_next(Vm& vm, Value self, std::span<const Value>, Value) {
  ArrayIterator* raw = self.is_object() ? dynamic_cast<ArrayIterator*>(as_object(self)) : nullptr;
  if (!raw) vm.throw_error(ErrorType::TypeError, "next method called on incompatible receiver " + describe(vm, self));
  gc::Rooted<ArrayIterator> it(vm.heap(), raw);
  if (it->iterated.is_undefined()) return object_value(create_iter_result(vm, Value::undefined(), true));
  gc::Rooted<Object> a(vm.heap(), as_object(it->iterated));
  uint64_t len;
  if (TypedArrayObject* ta = as_typed_array(a)) {
    // A typed array's length, as ValidateTypedArray would read it (§23.1.5.1 step 2.b.i-iii).
    TypedArrayWithBufferWitness record = make_typed_array_with_buffer_witness(ta);
    if (is_typed_array_out_of_bounds(record))
      vm.throw_error(ErrorType::TypeError, "Cannot perform %ArrayIteratorPrototype%.next on a detached or out of bounds TypedArray");
    len = typed_array_length(record);
  } else {
    len = length_of_array_like(vm, a);
  }
  if (it->index >= len) {
    it->iterated = Value::undefined();
    return object_value(create_iter_result(vm, Value::undefined(), true));
  }
  uint64_t k = it->index++;
  Value key = Value::number(double(k));
  if (it->kind == IterKind::Keys) return object_value(create_iter_result(vm, key, false));
  RootedValue v(vm.heap(), get_index(vm, a, k));
  if (it->kind == IterKind::Values) return object_value(create_iter_result(vm, v, false));
  Value pair[2] = {key, v};
  return object_value(create_iter_result(vm, object_value(vm.new_array_from(pair)), false));
}

Value array_values(Vm& vm, Value self, std::span<const Value>, Value) {
  return object_value(make_array_iterator(vm, this_object(vm, self), IterKind::Values));
}
Value array_keys(Vm& vm, Value self, std::span<const Value>, Value) {
  return object_value(make_array_iterator(vm, this_object(vm, self), IterKind::Keys));
}
Value array_entries(Vm& vm, Value self, std::span<const Value>, Value) {
  return object_value(make_array_iterator(vm, this_object(vm, self), IterKind::Entries));
}

// `method` is Array.prototype.values and %ArrayIteratorPrototype%.next is
// untouched: iterating is then just reading indices 0, 1, ... up to the
// (re-read) length.
bool iterates_like_values(Vm& vm, Value method) {
  FunctionObject* f = as_function(method);
  if (!f || f->kind != FunctionKind::Native || f->native != array_values) return false;
  auto next = vm.intrinsics()[IntrinsicObject::ArrayIteratorPrototype]->get_own(vm.atom(WellKnownAtom::next));
  if (!next || (next->flags & kAccessor)) return false;
  FunctionObject* n = as_function(next->value);
  return n && n->kind == FunctionKind::Native && n->native == array_iterator_next;
}


// ============================================================================
// The constructor and its functions
// ============================================================================

Value array_ctor(Vm& vm, Value, std::span<const Value> args, Value new_target) {
  gc::Rooted<Object> a(vm.heap());
  if (new_target.is_undefined() || new_target == object_value(vm.intrinsics()[IntrinsicObject::Array]))
    a = vm.new_array(0);
  else
    a = ordinary_create_from_constructor(vm, new_target, IntrinsicObject::ArrayPrototype, ObjectClass::Array);
  if (args.empty()) return object_value(a);
  if (args.size() == 1) {
    Value len = args[0];
    if (!len.is_number()) {
      create_at(vm, a, 0, len);
      return object_value(a);
    }
    double d = len.as_number();
    uint32_t n = double_to_uint32(d);
    if (double(n) != d) vm.throw_error(ErrorType::RangeError, "Invalid array length");
    a->set_array_length(n);
    return object_value(a);
  }
  for (size_t i = 0; i < args.size(); ++i) a->set_element(uint32_t(i), args[i]);
  a->set_array_length_raw(uint32_t(args.size()));
  return object_value(a);
}

Value array_is_array(Vm&, Value, std::span<const Value> args, Value) { return Value::boolean(is_array(arg(args, 0))); }

Value array_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> a(vm.heap());
  if (is_constructor(self)) {
    Value n = Value::number(double(args.size()));
    Value r = vm.construct(self, std::span<const Value>(&n, 1), self);
    if (!r.is_object()) vm.throw_error(ErrorType::TypeError, "constructor returned a non-object");
    a = as_object(r);
  } else {
    a = array_create(vm, args.size());
  }
  for (size_t k = 0; k < args.size(); ++k) create_at(vm, a, k, args[k]);
  set_length(vm, a, args.size());
  return object_value(a);
}

Value array_from(Vm& vm, Value self, std::span<const Value> args, Value) {
  Value items = arg(args, 0);
  RootedValue map_fn(vm.heap(), arg(args, 1));
  Value this_arg = arg(args, 2);
  bool mapping = !map_fn.get().is_undefined();
  if (mapping && !is_callable(map_fn)) vm.throw_error(ErrorType::TypeError, describe(vm, map_fn) + " is not a function");
  RootedValue using_iterator(vm.heap(), get_method(vm, items, PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::iterator))));
  bool default_ctor = !is_constructor(self) || self == object_value(vm.intrinsics()[IntrinsicObject::Array]);
  gc::Rooted<Object> a(vm.heap());
  if (!using_iterator.get().is_undefined()) {
    if (default_ctor && items.is_object() && iterates_like_values(vm, using_iterator)) {
      // The array iterator, without the iterator objects.
      gc::Rooted<Object> src(vm.heap(), as_object(items));
      a = vm.new_array(0);
      for (uint64_t k = 0; k < length_of_array_like(vm, src); ++k) {
        Value v = get_index(vm, src, k);
        if (mapping) {
          Value argv[2] = {v, Value::number(double(k))};
          v = vm.call(map_fn, this_arg, argv);
        }
        create_at(vm, a, k, v);
      }
      return object_value(a);
    }
    if (is_constructor(self)) {
      Value r = vm.construct(self, {}, self);
      if (!r.is_object()) vm.throw_error(ErrorType::TypeError, "constructor returned a non-object");
      a = as_object(r);
    } else {
      a = vm.new_array(0);
    }
    Value iter_arg = items;
    Value iterator = vm.call(using_iterator, iter_arg, {});
    if (!iterator.is_object()) vm.throw_error(ErrorType::TypeError, "Result of the Symbol.iterator method is not an object");
    RootedValue iter(vm.heap(), iterator);
    RootedValue next(vm.heap(), get(vm, as_object(iterator), key_of(WellKnownAtom::next, vm)));
    uint64_t k = 0;
    for (;; ++k) {
      if (k >= kMaxSafeInteger) {
        // (unreachable in practice)
        vm.throw_error(ErrorType::TypeError, "Array.from: too many items");
      }
      IteratorRecord rec{iter, next};
      std::optional<Value> v = iterator_step(vm, rec);
      if (!v) break;
      RootedValue value(vm.heap(), *v);
      bool threw = false;
      try {
        Value mapped = value;
        if (mapping) {
          Value argv[2] = {value, Value::number(double(k))};
          mapped = vm.call(map_fn, this_arg, argv);
        }
        create_at(vm, a, k, mapped);
      } catch (const Thrown&) {
        threw = true;
      }
      if (threw) iterator_close_and_rethrow(vm, iter);
    }
    set_length(vm, a, k);
    return object_value(a);
  }
  gc::Rooted<Object> array_like(vm.heap(), to_object(vm, items));
  uint64_t len = length_of_array_like(vm, array_like);
  if (is_constructor(self)) {
    Value n = Value::number(double(len));
    Value r = vm.construct(self, std::span<const Value>(&n, 1), self);
    if (!r.is_object()) vm.throw_error(ErrorType::TypeError, "constructor returned a non-object");
    a = as_object(r);
  } else {
    a = array_create(vm, len);
  }
  for (uint64_t k = 0; k < len; ++k) {
    Value v = get_index(vm, array_like, k);
    if (mapping) {
      Value argv[2] = {v, Value::number(double(k))};
      v = vm.call(map_fn, this_arg, argv);
    }
    create_at(vm, a, k, v);
  }
  set_length(vm, a, len);
  return object_value(a);
}

// ============================================================================
// Array.prototype: reading and searching
// ============================================================================

Value array_at(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  double rel = to_integer_or_infinity(vm, arg(args, 0));
  double k = rel >= 0 ? rel : double(len) + rel;
  if (k < 0 || k >= double(len)) return Value::undefined();
  return get_index(vm, o, uint64_t(k));
}

// Strict equality (indexOf) or SameValueZero (includes) against one target,
// specialised by the target's type so the search loop is a compare or two.
struct Matcher {
  enum Kind : uint8_t { Number, NaN, String, BigInt, Identity } kind;
  bool nan_matches;  // SameValueZero
  double number = 0;
  glass::String* string = nullptr;
  Value target;
  Matcher(Value t, bool same_value_zero) : nan_matches(same_value_zero), target(t) {
    if (t.is_number()) {
      number = t.as_number();
      kind = number != number ? NaN : Number;
    } else if (t.is_string()) {
      kind = String;
      string = as_string(t);
    } else if (t.is_bigint()) {
      kind = BigInt;
    } else {
      kind = Identity;
    }
  }
  bool operator()(Value v) const {
    switch (kind) {
      case Number: return v.is_number() && v.as_number() == number;
      case NaN: return nan_matches && v.is_double() && std::isnan(v.as_double());
      case String: return v.is_string() && (v == target || glass::String::equals(as_string(v), string));
      case BigInt: return v.is_bigint() && glass::BigInt::equals(as_bigint(v), as_bigint(target));
      case Identity: return v == target;
    }
    return false;
  }
};

// The first k in [from, len) whose element matches; -1 if none. `holes_match`
// (includes): an absent element reads as undefined.
int64_t search_forward(Vm& vm, Object* o, uint64_t from, uint64_t len, const Matcher& match, bool holes_match) {
  if (!match.nan_matches && match.kind == Matcher::NaN) return -1;
  for (uint64_t k = from; k < len; ++k) {
    if (plain(o)) {
      // Nothing in this loop runs JS or allocates: scan the dense part.
      const std::vector<Value>& e = o->dense_elements();
      uint64_t dense_end = std::min<uint64_t>(len, e.size());
      const Value* data = e.data();
      bool found = false;
      auto scan = [&](auto&& pred) {
        for (; k < dense_end; ++k) {
          Value v = data[k];
          if (v.is_empty()) return;
          if (pred(v)) {
            found = true;
            return;
          }
        }
      };
      switch (match.kind) {
        case Matcher::Number: {
          Value t = match.target;
          double d = match.number;
          if (t.is_int32()) scan([&](Value v) { return v == t || (v.is_double() && v.as_double() == d); });
          else scan([&](Value v) { return v.is_number() && v.as_number() == d; });
          break;
        }
        case Matcher::Identity: {
          Value t = match.target;
          scan([&](Value v) { return v == t; });
          break;
        }
        default: scan(match); break;
      }
      if (found) return int64_t(k);
      if (k >= len) return -1;
      if (k >= e.size() && len <= kMaxArrayLength && only_dense_elements(o) &&
          proto_clean(o))
        return holes_match && match(Value::undefined()) ? int64_t(k) : -1;
    }
    Value v;
    if (holes_match) {
      v = get_index(vm, o, k);
      if (match(v)) return int64_t(k);
    } else if (get_if_present(vm, o, k, v) && match(v)) {
      return int64_t(k);
    }
  }
  return -1;
}

uint64_t start_index(Vm& vm, std::span<const Value> args, uint64_t len, bool* past_end) {
  double n = args.size() > 1 ? to_integer_or_infinity(vm, args[1]) : 0;
  *past_end = n >= double(len);
  if (n >= 0) return *past_end ? len : uint64_t(n);
  double k = double(len) + n;
  return k < 0 ? 0 : uint64_t(k);
}

Value array_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len == 0) return Value::int32(-1);
  bool past_end;
  uint64_t k = start_index(vm, args, len, &past_end);
  if (past_end) return Value::int32(-1);
  Matcher match(arg(args, 0), false);
  return Value::number(double(search_forward(vm, o, k, len, match, false)));
}

Value array_includes(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len == 0) return Value::boolean(false);
  bool past_end;
  uint64_t k = start_index(vm, args, len, &past_end);
  if (past_end) return Value::boolean(false);
  Matcher match(arg(args, 0), true);
  return Value::boolean(search_forward(vm, o, k, len, match, true) >= 0);
}

Value array_last_index_of(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len == 0) return Value::int32(-1);
  double n = args.size() > 1 ? to_integer_or_infinity(vm, args[1]) : double(len) - 1;
  if (n == -INFINITY) return Value::int32(-1);
  double kd = n >= 0 ? std::min(n, double(len) - 1) : double(len) + n;
  if (kd < 0) return Value::int32(-1);
  Matcher match(arg(args, 0), false);
  for (int64_t k = int64_t(kd); k >= 0; --k) {
    Value v;
    if (get_if_present(vm, o, uint64_t(k), v) && match(v)) return Value::number(double(k));
  }
  return Value::int32(-1);
}

enum class FindMode { Value, Index };

Value find_impl(Vm& vm, Value self, std::span<const Value> args, FindMode mode, bool from_end) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue this_arg(vm.heap(), arg(args, 1));
  for (uint64_t i = 0; i < len; ++i) {
    uint64_t k = from_end ? len - 1 - i : i;
    RootedValue v(vm.heap(), get_index(vm, o, k));
    if (to_boolean(call_callback(vm, fn, this_arg, v, k, o)))
      return mode == FindMode::Value ? v.get() : Value::number(double(k));
  }
  return mode == FindMode::Value ? Value::undefined() : Value::int32(-1);
}

Value array_find(Vm& vm, Value self, std::span<const Value> args, Value) { return find_impl(vm, self, args, FindMode::Value, false); }
Value array_find_index(Vm& vm, Value self, std::span<const Value> args, Value) { return find_impl(vm, self, args, FindMode::Index, false); }
Value array_find_last(Vm& vm, Value self, std::span<const Value> args, Value) { return find_impl(vm, self, args, FindMode::Value, true); }
Value array_find_last_index(Vm& vm, Value self, std::span<const Value> args, Value) { return find_impl(vm, self, args, FindMode::Index, true); }

// ============================================================================
// Array.prototype: callbacks over the elements
// ============================================================================

enum class Each { ForEach, Every, Some };

Value each_impl(Vm& vm, Value self, std::span<const Value> args, Each mode) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue this_arg(vm.heap(), arg(args, 1));
  for (uint64_t k = 0; k < len; ++k) {
    Value v;
    if (!get_if_present(vm, o, k, v)) continue;
    bool r = to_boolean(call_callback(vm, fn, this_arg, v, k, o));
    if (mode == Each::Every && !r) return Value::boolean(false);
    if (mode == Each::Some && r) return Value::boolean(true);
  }
  if (mode == Each::ForEach) return Value::undefined();
  return Value::boolean(mode == Each::Every);
}

Value array_for_each(Vm& vm, Value self, std::span<const Value> args, Value) { return each_impl(vm, self, args, Each::ForEach); }
Value array_every(Vm& vm, Value self, std::span<const Value> args, Value) { return each_impl(vm, self, args, Each::Every); }
Value array_some(Vm& vm, Value self, std::span<const Value> args, Value) { return each_impl(vm, self, args, Each::Some); }

Value array_map(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue this_arg(vm.heap(), arg(args, 1));
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, len, &fresh));
  if (fresh && len) a->dense_elements().reserve(size_t(std::min<uint64_t>(len, 1u << 24)));
  for (uint64_t k = 0; k < len; ++k) {
    Value v;
    if (!get_if_present(vm, o, k, v)) continue;
    Value mapped = call_callback(vm, fn, this_arg, v, k, o);
    create_at(vm, a, k, mapped);
  }
  return object_value(a);
}

Value array_filter(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue this_arg(vm.heap(), arg(args, 1));
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, 0, &fresh));
  uint64_t to = 0;
  for (uint64_t k = 0; k < len; ++k) {
    Value v;
    if (!get_if_present(vm, o, k, v)) continue;
    RootedValue rv(vm.heap(), v);
    if (to_boolean(call_callback(vm, fn, this_arg, rv, k, o))) create_at(vm, a, to++, rv);
  }
  return object_value(a);
}

Value reduce_impl(Vm& vm, Value self, std::span<const Value> args, bool from_end) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue acc(vm.heap());
  uint64_t i = 0;
  if (args.size() >= 2) {
    acc = args[1];
  } else {
    bool found = false;
    for (; i < len && !found; ++i) {
      Value v;
      if (get_if_present(vm, o, from_end ? len - 1 - i : i, v)) {
        acc = v;
        found = true;
      }
    }
    if (!found) vm.throw_error(ErrorType::TypeError, "Reduce of empty array with no initial value");
  }
  for (; i < len; ++i) {
    uint64_t k = from_end ? len - 1 - i : i;
    Value v;
    if (!get_if_present(vm, o, k, v)) continue;
    Value argv[4] = {acc, v, Value::number(double(k)), object_value(o)};
    acc = vm.call(fn, Value::undefined(), argv);
  }
  return acc;
}

Value array_reduce(Vm& vm, Value self, std::span<const Value> args, Value) { return reduce_impl(vm, self, args, false); }
Value array_reduce_right(Vm& vm, Value self, std::span<const Value> args, Value) { return reduce_impl(vm, self, args, true); }

// FlattenIntoArray (§23.1.3.13.1). Returns the next target index.
uint64_t flatten_into(Vm& vm, Object* target, Object* source, uint64_t source_len, uint64_t start, double depth,
                      Value mapper, Value this_arg, int nesting) {
  if (nesting > 10000) vm.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
  gc::Rooted<Object> t(vm.heap(), target), s(vm.heap(), source);
  uint64_t target_index = start;
  for (uint64_t k = 0; k < source_len; ++k) {
    Value v;
    if (!get_if_present(vm, s, k, v)) continue;
    RootedValue element(vm.heap(), v);
    if (!mapper.is_undefined()) element = call_callback(vm, mapper, this_arg, element, k, s);
    bool flatten = false;
    if (depth > 0) flatten = is_array(element);
    if (flatten) {
      gc::Rooted<Object> e(vm.heap(), as_object(element));
      uint64_t len = length_of_array_like(vm, e);
      target_index = flatten_into(vm, t, e, len, target_index, depth - 1, Value::undefined(), Value::undefined(), nesting + 1);
    } else {
      if (target_index >= kMaxSafeInteger) vm.throw_error(ErrorType::TypeError, "Array too long");
      create_at(vm, t, target_index++, element);
    }
  }
  return target_index;
}

Value array_flat(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  double depth = 1;
  if (!arg(args, 0).is_undefined()) {
    depth = to_integer_or_infinity(vm, args[0]);
    if (depth < 0) depth = 0;
  }
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, 0, &fresh));
  flatten_into(vm, a, o, len, 0, depth, Value::undefined(), Value::undefined(), 0);
  return object_value(a);
}

Value array_flat_map(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  RootedValue fn(vm.heap(), require_callable(vm, arg(args, 0)));
  RootedValue this_arg(vm.heap(), arg(args, 1));
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, 0, &fresh));
  flatten_into(vm, a, o, len, 0, 1, fn, this_arg, 0);
  return object_value(a);
}

// ============================================================================
// Array.prototype: strings
// ============================================================================

// Arrays being joined right now (cycle detection: a cyclic join gives "").
thread_local std::vector<Object*> join_stack;

struct JoinGuard {
  bool cyclic = false;
  explicit JoinGuard(Object* o) {
    for (Object* p : join_stack)
      if (p == o) cyclic = true;
    if (!cyclic) join_stack.push_back(o);
  }
  ~JoinGuard() {
    if (!cyclic) join_stack.pop_back();
  }
};

void append_value(Vm& vm, StringBuilder& b, Value v) {
  if (v.is_nullish()) return;
  if (v.is_string()) {
    RootedValue keep(vm.heap(), v);
    b.append(as_string(v));
    return;
  }
  if (v.is_number()) return b.append_number(v.as_number());
  if (v.is_boolean()) return b.append_latin1(v.as_boolean() ? "true" : "false");
  gc::Rooted<String> s(vm.heap(), to_string(vm, v));
  b.append(s.get());
}

Value array_join(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  gc::Rooted<String> sep(vm.heap());
  if (!arg(args, 0).is_undefined()) sep = to_string(vm, args[0])->flatten(vm.heap());
  JoinGuard guard(o);
  if (guard.cyclic) return string_value(vm.atom(WellKnownAtom::empty));
  if (len == 1) {  // common: one element, often already a string
    Value v = get_index(vm, o, 0);
    if (v.is_string()) return v;
    if (v.is_nullish()) return string_value(vm.atom(WellKnownAtom::empty));
    return string_value(to_string(vm, v));
  }
  StringBuilder b(vm);
  bool comma = !sep;
  for (uint64_t k = 0; k < len; ++k) {
    if (k > 0) {
      if (comma) b.append(u',');
      else b.append(Units(sep.get()));
    }
    append_value(vm, b, get_index(vm, o, k));
  }
  return string_value(b.finish());
}

Value array_to_string(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  Value join = get(vm, o, key_of(WellKnownAtom::join, vm));
  if (FunctionObject* f = as_function(join); f && f->kind == FunctionKind::Native && f->native == array_join)
    return array_join(vm, object_value(o), {}, Value::undefined());
  // 23.1.3.36 step 3: a join that is not callable falls back on %Object.prototype.toString%.
  if (!is_callable(join)) return object_prototype_to_string(vm, object_value(o), {}, Value::undefined());
  return vm.call(join, object_value(o), {});
}

// ECMA-402 §19.5.1 Array.prototype.toLocaleString ( [ locales [ , options ] ] )
Value array_to_locale_string(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  JoinGuard guard(o);
  if (guard.cyclic) return string_value(vm.atom(WellKnownAtom::empty));
  gc::Rooted<String> name(vm.heap(), vm.intern("toLocaleString"));
  StringBuilder b(vm);
  for (uint64_t k = 0; k < len; ++k) {
    if (k > 0) b.append(u',');
    Value v = get_index(vm, o, k);
    if (v.is_nullish()) continue;
    // Invoke(nextElement, "toLocaleString", « locales, options »).
    Value pass[2] = {arg(args, 0), arg(args, 1)};
    Value r = call_method(vm, v, PropertyKey::of_cell(name), pass);
    append_value(vm, b, r);
  }
  return string_value(b.finish());
}

// ============================================================================
// Array.prototype: mutators
// ============================================================================

Value array_push(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_object()) {
    Object* o = as_object(self);
    if (dense_array(o) && o->extensible() && o->array_length_writable() &&
        uint64_t(o->array_length()) + args.size() < kMaxArrayLength && proto_clean(o)) {
      std::vector<Value>& e = o->dense_elements();
      if (args.size() == 1) e.push_back(args[0]);  // (the usual call: no range insert)
      else e.insert(e.end(), args.begin(), args.end());
      o->set_array_length_raw(uint32_t(e.size()));
      return Value::number(double(e.size()));
    }
  }
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len + args.size() > kMaxSafeInteger)
    vm.throw_error(ErrorType::TypeError, "Pushing " + std::to_string(args.size()) + " elements on an array-like of length " +
                                             std::to_string(len) + " is disallowed, as the total surpasses 2**53-1");
  for (Value v : args) set_index(vm, o, len++, v);
  set_length(vm, o, len);
  return Value::number(double(len));
}

Value array_pop(Vm& vm, Value self, std::span<const Value>, Value) {
  if (self.is_object()) {
    Object* o = as_object(self);
    if (dense_array(o) && o->array_length_writable() && o->array_length() > 0 &&
        !o->dense_elements().back().is_empty()) {
      Value v = o->dense_elements().back();
      o->dense_elements().pop_back();
      o->set_array_length_raw(o->array_length() - 1);
      return v;
    }
  }
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len == 0) {
    set_length(vm, o, 0);
    return Value::undefined();
  }
  RootedValue v(vm.heap(), get_index(vm, o, len - 1));
  delete_index(vm, o, len - 1);
  set_length(vm, o, len - 1);
  return v;
}

Value array_shift(Vm& vm, Value self, std::span<const Value>, Value) {
  if (self.is_object()) {
    Object* o = as_object(self);
    if (dense_array(o) && o->extensible() && o->array_length_writable() && o->array_length() > 0 && proto_clean(o)) {
      std::vector<Value>& e = o->dense_elements();
      Value first = e.front();
      e.erase(e.begin());
      o->set_array_length_raw(o->array_length() - 1);
      return first.is_empty() ? Value::undefined() : first;
    }
  }
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  if (len == 0) {
    set_length(vm, o, 0);
    return Value::undefined();
  }
  RootedValue first(vm.heap(), get_index(vm, o, 0));
  for (uint64_t k = 1; k < len; ++k) {
    Value v;
    if (get_if_present(vm, o, k, v)) set_index(vm, o, k - 1, v);
    else delete_index(vm, o, k - 1);
  }
  delete_index(vm, o, len - 1);
  set_length(vm, o, len - 1);
  return first;
}

Value array_unshift(Vm& vm, Value self, std::span<const Value> args, Value) {
  if (self.is_object()) {
    Object* o = as_object(self);
    if (dense_array(o) && o->extensible() && o->array_length_writable() &&
        uint64_t(o->array_length()) + args.size() < kMaxArrayLength && proto_clean(o)) {
      std::vector<Value>& e = o->dense_elements();
      e.insert(e.begin(), args.begin(), args.end());
      o->set_array_length_raw(uint32_t(e.size()));
      return Value::number(double(e.size()));
    }
  }
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t n = args.size();
  if (n > 0) {
    if (len + n > kMaxSafeInteger) vm.throw_error(ErrorType::TypeError, "Unshift would exceed the maximum array length");
    for (uint64_t k = len; k > 0; --k) {
      Value v;
      if (get_if_present(vm, o, k - 1, v)) set_index(vm, o, k + n - 1, v);
      else delete_index(vm, o, k + n - 1);
    }
    for (uint64_t j = 0; j < n; ++j) set_index(vm, o, j, args[j]);
  }
  set_length(vm, o, len + n);
  return Value::number(double(len + n));
}

Value array_reverse(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  if (dense_array(o) && o->extensible() && proto_clean(o)) {
    std::reverse(o->dense_elements().begin(), o->dense_elements().end());
    return object_value(o);
  }
  uint64_t len = length_of_array_like(vm, o);
  for (uint64_t lower = 0; lower < len / 2; ++lower) {
    uint64_t upper = len - 1 - lower;
    RootedValue lv(vm.heap()), uv(vm.heap());
    Value tmp;
    bool lower_exists = get_if_present(vm, o, lower, tmp);
    lv = tmp;
    bool upper_exists = get_if_present(vm, o, upper, tmp);
    uv = tmp;
    if (lower_exists && upper_exists) {
      set_index(vm, o, lower, uv);
      set_index(vm, o, upper, lv);
    } else if (upper_exists) {
      set_index(vm, o, lower, uv);
      delete_index(vm, o, upper);
    } else if (lower_exists) {
      delete_index(vm, o, lower);
      set_index(vm, o, upper, lv);
    }
  }
  return object_value(o);
}

Value array_fill(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t k = relative_arg(vm, arg(args, 1), len, 0);
  uint64_t end = relative_arg(vm, arg(args, 2), len, len);
  Value v = arg(args, 0);
  if (k < end && o->object_class() == ObjectClass::Array && o->element_flags() == kDefaultProperty &&
      o->extensible() && only_dense_elements(o) && end <= o->array_length() && end <= (uint64_t(1) << 27) &&
      proto_clean(o)) {
    // new Array(n).fill(x): the holes become elements.
    std::vector<Value>& e = o->dense_elements();
    if (e.size() < end) e.resize(size_t(end), Value::empty());
    std::fill(e.begin() + k, e.begin() + end, v);
    return object_value(o);
  }
  for (; k < end; ++k) set_index(vm, o, k, v);
  return object_value(o);
}

Value array_copy_within(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t to = relative_arg(vm, arg(args, 0), len, 0);
  uint64_t from = relative_arg(vm, arg(args, 1), len, 0);
  uint64_t fin = relative_arg(vm, arg(args, 2), len, len);
  if (fin <= from || to >= len) return object_value(o);
  uint64_t count = std::min(fin - from, len - to);
  if (dense_array(o) && o->extensible() && o->array_length() == len && proto_clean(o)) {
    std::vector<Value>& e = o->dense_elements();
    if (from < to && to < from + count)
      std::copy_backward(e.begin() + from, e.begin() + from + count, e.begin() + to + count);
    else
      std::copy(e.begin() + from, e.begin() + from + count, e.begin() + to);
    return object_value(o);
  }
  int direction = 1;
  if (from < to && to < from + count) {
    direction = -1;
    from = from + count - 1;
    to = to + count - 1;
  }
  for (; count > 0; --count) {
    Value v;
    if (get_if_present(vm, o, from, v)) set_index(vm, o, to, v);
    else delete_index(vm, o, to);
    from += direction;
    to += direction;
  }
  return object_value(o);
}

Value array_slice(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t k = relative_arg(vm, arg(args, 0), len, 0);
  uint64_t fin = relative_arg(vm, arg(args, 1), len, len);
  uint64_t count = fin > k ? fin - k : 0;
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, count, &fresh));
  if (fresh && o->object_class() == ObjectClass::Array && only_dense_elements(o) && proto_clean(o) &&
      fin <= o->array_length()) {
    // Copy the dense range; past the dense end everything is a hole.
    const std::vector<Value>& src = o->dense_elements();
    std::vector<Value>& dst = a->dense_elements();
    uint64_t dense_end = std::min<uint64_t>(fin, src.size());
    if (k < dense_end) dst.assign(src.begin() + k, src.begin() + dense_end);
    a->set_array_length_raw(uint32_t(count));
    return object_value(a);
  }
  uint64_t n = 0;
  for (; k < fin; ++k, ++n) {
    Value v;
    if (get_if_present(vm, o, k, v)) create_at(vm, a, n, v);
  }
  set_length(vm, a, n);
  return object_value(a);
}

Value array_splice(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t start = relative_arg(vm, arg(args, 0), len, 0);
  uint64_t item_count = args.size() > 2 ? args.size() - 2 : 0;
  uint64_t delete_count;
  if (args.empty()) {
    delete_count = 0;
  } else if (args.size() == 1) {
    delete_count = len - start;
  } else {
    double dc = to_integer_or_infinity(vm, args[1]);
    delete_count = dc <= 0 ? 0 : std::min<double>(dc, double(len - start));
  }
  if (len + item_count - delete_count > kMaxSafeInteger)
    vm.throw_error(ErrorType::TypeError, "Splice would exceed the maximum array length");
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, delete_count, &fresh));
  uint64_t new_len = len - delete_count + item_count;
  if (fresh && dense_array(o) && o->array_length() == len && o->extensible() && o->array_length_writable() &&
      new_len < kMaxArrayLength && proto_clean(o)) {
    std::vector<Value>& e = o->dense_elements();
    a->dense_elements().assign(e.begin() + start, e.begin() + start + delete_count);
    a->set_array_length_raw(uint32_t(delete_count));
    std::span<const Value> items = args.size() > 2 ? args.subspan(2) : std::span<const Value>();
    if (item_count <= delete_count) {
      std::copy(items.begin(), items.end(), e.begin() + start);
      e.erase(e.begin() + start + item_count, e.begin() + start + delete_count);
    } else {
      std::copy(items.begin(), items.begin() + delete_count, e.begin() + start);
      e.insert(e.begin() + start + delete_count, items.begin() + delete_count, items.end());
    }
    o->set_array_length_raw(uint32_t(new_len));
    return object_value(a);
  }
  for (uint64_t k = 0; k < delete_count; ++k) {
    Value v;
    if (get_if_present(vm, o, start + k, v)) create_at(vm, a, k, v);
  }
  set_length(vm, a, delete_count);
  if (item_count < delete_count) {
    for (uint64_t k = start; k < len - delete_count; ++k) {
      Value v;
      if (get_if_present(vm, o, k + delete_count, v)) set_index(vm, o, k + item_count, v);
      else delete_index(vm, o, k + item_count);
    }
    for (uint64_t k = len; k > new_len; --k) delete_index(vm, o, k - 1);
  } else if (item_count > delete_count) {
    for (uint64_t k = len - delete_count; k > start; --k) {
      Value v;
      if (get_if_present(vm, o, k + delete_count - 1, v)) set_index(vm, o, k + item_count - 1, v);
      else delete_index(vm, o, k + item_count - 1);
    }
  }
  for (uint64_t i = 0; i < item_count; ++i) set_index(vm, o, start + i, args[2 + i]);
  set_length(vm, o, new_len);
  return object_value(a);
}

Value array_concat(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  bool fresh;
  gc::Rooted<Object> a(vm.heap(), array_species_create(vm, o, 0, &fresh));
  uint64_t n = 0;
  PropertyKey spreadable_key = PropertyKey::of_cell(vm.well_known_symbol(WellKnownSymbol::isConcatSpreadable));
  for (size_t i = 0; i <= args.size(); ++i) {
    RootedValue e(vm.heap(), i == 0 ? object_value(o) : args[i - 1]);
    bool spreadable = false;
    if (e.get().is_object()) {
      Value s = get(vm, as_object(e), spreadable_key);
      spreadable = s.is_undefined() ? is_array(e) : to_boolean(s);
    }
    if (!spreadable) {
      if (n >= kMaxSafeInteger) vm.throw_error(ErrorType::TypeError, "Concat would exceed the maximum array length");
      create_at(vm, a, n++, e);
      continue;
    }
    gc::Rooted<Object> eo(vm.heap(), as_object(e));
    uint64_t len = length_of_array_like(vm, eo);
    if (n + len > kMaxSafeInteger) vm.throw_error(ErrorType::TypeError, "Concat would exceed the maximum array length");
    if (fresh && eo->object_class() == ObjectClass::Array && only_dense_elements(eo) && proto_clean(eo) &&
        n + len < kMaxArrayLength && a->dense_length() == n && a->array_length() == n) {
      const std::vector<Value>& src = eo->dense_elements();
      std::vector<Value>& dst = a->dense_elements();
      dst.insert(dst.end(), src.begin(), src.begin() + std::min<uint64_t>(len, src.size()));
      n += len;
      a->set_array_length_raw(uint32_t(n));
      continue;
    }
    for (uint64_t k = 0; k < len; ++k, ++n) {
      Value v;
      if (get_if_present(vm, eo, k, v)) create_at(vm, a, n, v);
    }
  }
  set_length(vm, a, n);
  return object_value(a);
}

// ============================================================================
// Sorting (stable: a merge sort; undefined last, holes removed)
// ============================================================================

// Sorts `items` (no undefined in it) in place.
void sort_values(Vm& vm, ValueVector& items, Value comparefn) {
  size_t n = items.values.size();
  if (n < 2) return;
  if (n > 0xFFFFFFFFu) vm.throw_error(ErrorType::RangeError, "Invalid array length");
  std::vector<uint32_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = uint32_t(i);
  if (!comparefn.is_undefined()) {
    RootedValue fn(vm.heap(), comparefn);
    merge_sort(order, [&](uint32_t x, uint32_t y) -> double {
      Value argv[2] = {items.values[x], items.values[y]};
      Value r = vm.call(fn, Value::undefined(), argv);
      if (r.is_int32()) return r.as_int32();
      double d = r.is_double() ? r.as_double() : to_number(vm, r);
      return d != d ? 0 : d;
    });
  } else {
    bool all_numbers = true;
    for (Value v : items.values) all_numbers = all_numbers && v.is_number();
    if (all_numbers) {
      std::vector<std::string> keys(n);
      for (size_t i = 0; i < n; ++i) {
        Value v = items.values[i];
        if (v.is_int32()) keys[i] = std::to_string(v.as_int32());
        else keys[i] = number_to_js_string(v.as_double());
      }
      merge_sort(order, [&](uint32_t x, uint32_t y) -> int { return keys[x].compare(keys[y]); });
    } else {
      ValueVector keys(vm.heap());
      keys.values.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        Value v = items.values[i];
        keys.values.push_back(v.is_string() ? v : string_value(to_string(vm, v)));
      }
      merge_sort(order, [&](uint32_t x, uint32_t y) -> int {
        return String::compare(as_string(keys.values[x]), as_string(keys.values[y]));
      });
    }
  }
  std::vector<Value> sorted(n);
  for (size_t i = 0; i < n; ++i) sorted[i] = items.values[order[i]];
  items.values.swap(sorted);
}

Value check_comparefn(Vm& vm, Value c) {
  if (!c.is_undefined() && !is_callable(c))
    vm.throw_error(ErrorType::TypeError, "The comparison function must be either a function or undefined");
  return c;
}

Value array_sort(Vm& vm, Value self, std::span<const Value> args, Value) {
  RootedValue comparefn(vm.heap(), check_comparefn(vm, arg(args, 0)));
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  ValueVector items(vm.heap());
  uint64_t undefineds = 0;
  for (uint64_t k = 0; k < len; ++k) {
    Value v;
    if (!get_if_present(vm, o, k, v)) {
      if (plain(o) && len <= kMaxArrayLength && k >= o->dense_length() && only_dense_elements(o) && proto_clean(o)) break;
      continue;
    }
    if (v.is_undefined()) ++undefineds;
    else items.values.push_back(v);
  }
  sort_values(vm, items, comparefn);
  uint64_t k = 0;
  for (; k < items.values.size(); ++k) set_index(vm, o, k, items.values[k]);
  for (uint64_t u = 0; u < undefineds; ++u, ++k) set_index(vm, o, k, Value::undefined());
  if (k < len) {
    if (plain(o) && len <= kMaxArrayLength && o->element_flags() == kDefaultProperty && only_dense_elements(o)) {
      // Only own elements can be deleted: those are all in the dense part.
      std::vector<Value>& e = o->dense_elements();
      for (uint64_t j = k; j < std::min<uint64_t>(len, e.size()); ++j) e[size_t(j)] = Value::empty();
    } else {
      for (uint64_t j = k; j < len; ++j) delete_index(vm, o, j);
    }
  }
  return object_value(o);
}

Value array_to_sorted(Vm& vm, Value self, std::span<const Value> args, Value) {
  RootedValue comparefn(vm.heap(), check_comparefn(vm, arg(args, 0)));
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  gc::Rooted<Object> a(vm.heap(), array_create(vm, len));
  ValueVector items(vm.heap());
  uint64_t undefineds = 0;
  for (uint64_t k = 0; k < len; ++k) {
    Value v = get_index(vm, o, k);
    if (v.is_undefined()) ++undefineds;
    else items.values.push_back(v);
  }
  sort_values(vm, items, comparefn);
  std::vector<Value>& e = a->dense_elements();
  e.assign(items.values.begin(), items.values.end());
  e.resize(size_t(len), Value::undefined());
  return object_value(a);
}

// ============================================================================
// Array.prototype: copying versions (ES2023)
// ============================================================================

Value array_to_reversed(Vm& vm, Value self, std::span<const Value>, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  gc::Rooted<Object> a(vm.heap(), array_create(vm, len));
  for (uint64_t k = 0; k < len; ++k) create_at(vm, a, k, get_index(vm, o, len - 1 - k));
  return object_value(a);
}

Value array_with(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  double rel = to_integer_or_infinity(vm, arg(args, 0));
  double actual = rel >= 0 ? rel : double(len) + rel;
  if (actual >= double(len) || actual < 0)
    vm.throw_error(ErrorType::RangeError, "Invalid index : " + number_to_js_string(rel));
  gc::Rooted<Object> a(vm.heap(), array_create(vm, len));
  RootedValue value(vm.heap(), arg(args, 1));
  for (uint64_t k = 0; k < len; ++k) create_at(vm, a, k, k == uint64_t(actual) ? value.get() : get_index(vm, o, k));
  return object_value(a);
}

Value array_to_spliced(Vm& vm, Value self, std::span<const Value> args, Value) {
  gc::Rooted<Object> o(vm.heap(), this_object(vm, self));
  uint64_t len = length_of_array_like(vm, o);
  uint64_t start = relative_arg(vm, arg(args, 0), len, 0);
  uint64_t insert_count = args.size() > 2 ? args.size() - 2 : 0;
  uint64_t skip;
  if (args.empty()) skip = 0;
  else if (args.size() == 1) skip = len - start;
  else {
    double sc = to_integer_or_infinity(vm, args[1]);
    skip = sc <= 0 ? 0 : std::min<double>(sc, double(len - start));
  }
  uint64_t new_len = len + insert_count - skip;
  if (new_len > kMaxSafeInteger) vm.throw_error(ErrorType::TypeError, "Invalid array length");
  gc::Rooted<Object> a(vm.heap(), array_create(vm, new_len));
  uint64_t i = 0, r = start + skip;
  for (; i < start; ++i) create_at(vm, a, i, get_index(vm, o, i));
  for (uint64_t j = 0; j < insert_count; ++j) create_at(vm, a, i++, args[2 + j]);
  for (; i < new_len; ++i, ++r) create_at(vm, a, i, get_index(vm, o, r));
  return object_value(a);
}

}  // namespace

void install_array(Vm& vm) {
  Intrinsics& in = vm.intrinsics();
  gc::Rooted<Object> proto(vm.heap(), in[IntrinsicObject::ArrayPrototype]);
  gc::Rooted<FunctionObject> ctor(vm.heap(), make_constructor(vm, "Array", array_ctor, 1, proto));
  in[IntrinsicObject::Array] = ctor;
  vm.define_native(ctor, "isArray", array_is_array, 1);
  vm.define_native(ctor, "of", array_of, 0);
  vm.define_native(ctor, "from", array_from, 1);
  {
    gc::Rooted<FunctionObject> getter(vm.heap(), vm.new_native("get [Symbol.species]", array_species_getter, 0));
    vm.define_accessor(ctor, vm.well_known_symbol(WellKnownSymbol::species), object_value(getter), Value::undefined());
  }
  struct {
    const char* name;
    NativeFn fn;
    int length;
  } methods[] = {
      {"at", array_at, 1},
      {"concat", array_concat, 1},
      {"copyWithin", array_copy_within, 2},
      {"entries", array_entries, 0},
      {"every", array_every, 1},
      {"fill", array_fill, 1},
      {"filter", array_filter, 1},
      {"find", array_find, 1},
      {"findIndex", array_find_index, 1},
      {"findLast", array_find_last, 1},
      {"findLastIndex", array_find_last_index, 1},
      {"flat", array_flat, 0},
      {"flatMap", array_flat_map, 1},
      {"forEach", array_for_each, 1},
      {"includes", array_includes, 1},
      {"indexOf", array_index_of, 1},
      {"join", array_join, 1},
      {"keys", array_keys, 0},
      {"lastIndexOf", array_last_index_of, 1},
      {"map", array_map, 1},
      {"pop", array_pop, 0},
      {"push", array_push, 1},
      {"reduce", array_reduce, 1},
      {"reduceRight", array_reduce_right, 1},
      {"reverse", array_reverse, 0},
      {"shift", array_shift, 0},
      {"slice", array_slice, 2},
      {"some", array_some, 1},
      {"sort", array_sort, 1},
      {"splice", array_splice, 2},
      {"toLocaleString", array_to_locale_string, 0},
      {"toReversed", array_to_reversed, 0},
      {"toSorted", array_to_sorted, 1},
      {"toSpliced", array_to_spliced, 2},
      {"toString", array_to_string, 0},
      {"unshift", array_unshift, 1},
      {"with", array_with, 2},
  };
  for (auto& m : methods) vm.define_native(proto, m.name, m.fn, m.length);
  gc::Rooted<FunctionObject> values(vm.heap(), vm.define_native(proto, "values", array_values, 0));
  vm.intrinsics()[IntrinsicObject::ArrayValues] = values;  // also arguments objects' @@iterator
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(values));

  // Array.prototype[Symbol.unscopables]
  {
    gc::Rooted<Object> u(vm.heap(), vm.new_object_with_proto(nullptr));
    for (const char* name : {"at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex",
                             "flat", "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values"})
      vm.define_value(u, name, Value::boolean(true), kDefaultProperty);
    vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::unscopables), object_value(u), kConfigurable);
  }

  // %ArrayIteratorPrototype%
  gc::Rooted<Object> iter_proto(vm.heap(), in[IntrinsicObject::ArrayIteratorPrototype]);
  vm.define_native(iter_proto, "next", array_iterator_next, 0);
  vm.define_value(iter_proto, vm.well_known_symbol(WellKnownSymbol::toStringTag),
                  string_value(vm.intern("Array Iterator")), kConfigurable);

  define_global(vm, "Array", object_value(ctor));
}

Object* create_array_iterator(Vm& vm, Object* array, ArrayIterationKind kind) {
  return make_array_iterator(vm, array, kind);
}

bool iterates_like_array_values(Vm& vm, Value method) { return iterates_like_values(vm, method); }

}  // namespace glass
