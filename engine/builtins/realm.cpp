// The realm: the intrinsic prototypes and shapes, made in dependency order,
// then every builtins/*.cpp installer.
#include <algorithm>

#include "builtins/builtins.h"
#include "vm/generator.h"

namespace glass {

void define_global(Vm& vm, std::string_view name, Value v) { vm.define_value(vm.global(), name, v); }

FunctionObject* make_constructor(Vm& vm, std::string_view name, NativeFn fn, int length, Object* prototype) {
  gc::Rooted<Object> proto(vm.heap(), prototype);
  gc::Rooted<FunctionObject> ctor(vm.heap(), vm.new_native(name, fn, length, /*constructor=*/true));
  vm.define_value(ctor, vm.atom(WellKnownAtom::prototype), object_value(proto), 0);
  vm.define_value(proto, vm.atom(WellKnownAtom::constructor), object_value(ctor));
  return ctor;
}

double relative_index(Vm& vm, Value v, double len, double if_undefined) {
  if (v.is_undefined()) return if_undefined;
  double relative = to_integer_or_infinity(vm, v);
  if (relative < 0) return std::max(len + relative, 0.0);
  return std::min(relative, len);
}

void define_tag(Vm& vm, Object* target, const char* tag) {
  gc::Rooted<Object> t(vm.heap(), target);
  gc::Rooted<String> s(vm.heap(), vm.intern(tag));
  vm.define_value(t, vm.well_known_symbol(WellKnownSymbol::toStringTag), string_value(s), kConfigurable);
}

void define_getter(Vm& vm, Object* target, const char* name, NativeFn fn) {
  gc::Rooted<Object> t(vm.heap(), target);
  gc::Rooted<FunctionObject> g(vm.heap(), vm.new_native(std::string("get ") + name, fn, 0));
  gc::Rooted<String> key(vm.heap(), vm.intern(name));
  vm.define_accessor(t, key, object_value(g), Value::undefined());
}

// get C [ %Symbol.species% ]: every constructor's is "return this" (§23.1.2.5, §24.1.2.3, ...).
static Value get_species(Vm&, Value self, std::span<const Value>, Value) { return self; }

void define_species(Vm& vm, Object* ctor) {
  gc::Rooted<Object> c(vm.heap(), ctor);
  gc::Rooted<FunctionObject> g(vm.heap(), vm.new_native("get [Symbol.species]", get_species, 0));
  vm.define_accessor(c, vm.well_known_symbol(WellKnownSymbol::species), object_value(g), Value::undefined());
}

static Value function_prototype_call(Vm&, Value, std::span<const Value>, Value) { return Value::undefined(); }

// Every cell made here goes straight into a traced intrinsics slot (or a
// Rooted) before the next allocation: --gc-stress collects at every one.
// Fills the current realm (realm_): the first at start, then each
// create_realm(). Every installer reaches it through vm.intrinsics() and
// vm.global(), and every function made here gets realm_ as its [[Realm]].
void Vm::setup_realm() {
  gc::Heap& h = heap_;
  Intrinsics& in = realm_->intrinsics;
  using IO = IntrinsicObject;
  using IS = IntrinsicShape;

  in[IS::NullProtoShape] = Shape::create_root(h, nullptr);
  in[IO::ObjectPrototype] = h.allocate<Object>(in[IS::NullProtoShape]);
  in[IS::NullProtoShape] = Shape::create_root(h, nullptr);  // a fresh one: the first is the prototype's own
  in[IS::ObjectShape] = root_shape_for(in[IO::ObjectPrototype]);

  // %Function.prototype% is itself a function (that returns undefined).
  {
    gc::Rooted<Shape> s(h, Shape::add_property(h, in[IS::ObjectShape], atom(WellKnownAtom::length), kConfigurable));
    s = Shape::add_property(h, s, atom(WellKnownAtom::name), kConfigurable);
    FunctionObject* fp = h.allocate<FunctionObject>(s.get(), FunctionKind::Native);
    fp->realm = realm_;
    fp->native = function_prototype_call;
    fp->fill_slots({Value::int32(0), string_value(atom(WellKnownAtom::empty))});
    in[IO::FunctionPrototype] = fp;
  }
  {
    gc::Rooted<Shape> s(h, root_shape_for(in[IO::FunctionPrototype]));
    s = Shape::add_property(h, s, atom(WellKnownAtom::length), kConfigurable);
    s = Shape::add_property(h, s, atom(WellKnownAtom::name), kConfigurable);
    in[IS::MethodShape] = s;
    in[IS::FunctionShape] = Shape::add_property(h, s, atom(WellKnownAtom::prototype), kWritable);
  }
  // %Array.prototype% is an Array exotic object.
  in[IO::ArrayPrototype] = h.allocate<Object>(in[IS::ObjectShape], ObjectClass::Array);
  in[IS::ArrayShape] = root_shape_for(in[IO::ArrayPrototype]);
  {
    gc::Rooted<Shape> s(h, Shape::add_property(h, in[IS::ObjectShape], atom(WellKnownAtom::value), kDefaultProperty));
    in[IS::IterResultShape] = Shape::add_property(h, s, atom(WellKnownAtom::done), kDefaultProperty);
  }
  for (IO plain : {IO::StringPrototype, IO::NumberPrototype, IO::BooleanPrototype, IO::SymbolPrototype,
                   IO::BigIntPrototype, IO::ErrorPrototype, IO::IteratorPrototype, IO::MapPrototype,
                   IO::SetPrototype, IO::WeakMapPrototype, IO::WeakSetPrototype, IO::WeakRefPrototype,
                   IO::PromisePrototype, IO::RegExpPrototype, IO::AsyncFunctionPrototype,
                   IO::GeneratorFunctionPrototype, IO::AsyncIteratorPrototype,
                   IO::AsyncGeneratorFunctionPrototype, IO::ArrayBufferPrototype,
                   IO::SharedArrayBufferPrototype, IO::DataViewPrototype, IO::TypedArrayPrototype})
    in[plain] = new_object();
  for (IO error : {IO::TypeErrorPrototype, IO::RangeErrorPrototype, IO::ReferenceErrorPrototype,
                   IO::SyntaxErrorPrototype, IO::EvalErrorPrototype, IO::URIErrorPrototype,
                   IO::AggregateErrorPrototype})
    in[error] = new_object_with_proto(in[IO::ErrorPrototype]);
  for (IO iter : {IO::ArrayIteratorPrototype, IO::StringIteratorPrototype, IO::MapIteratorPrototype,
                  IO::SetIteratorPrototype, IO::ForInIteratorPrototype, IO::GeneratorPrototype})
    in[iter] = new_object_with_proto(in[IO::IteratorPrototype]);
  for (IO iter : {IO::AsyncGeneratorPrototype, IO::AsyncFromSyncIteratorPrototype})
    in[iter] = new_object_with_proto(in[IO::AsyncIteratorPrototype]);

  // The well-known symbols are shared by all realms (§6.1.5.1): made once.
#define GLASS_X(n, d)                                               \
  if (!symbols_[size_t(WellKnownSymbol::n)]) {                      \
    gc::Rooted<String> description(h, new_string(d));              \
    symbols_[size_t(WellKnownSymbol::n)] = Symbol::create(h, description, Symbol::kWellKnown); \
  }
  GLASS_WELL_KNOWN_SYMBOLS(GLASS_X)
#undef GLASS_X

  realm_->global = new_object();
  realm_->global_lexicals = new_object_with_proto(nullptr);
  install_globals(*this);  // first: Number.parseInt is the global parseInt

  install_object(*this);
  install_function(*this);
  install_error(*this);
  install_symbol(*this);
  install_boolean(*this);
  install_iterator(*this);
  install_array(*this);
  install_string(*this);
  install_array_buffer(*this);
  install_shared_array_buffer(*this);
  install_data_view(*this);
  install_typed_arrays(*this);  // (after install_array: shares Array.prototype.toString)
  install_atomics(*this);
  install_array_from_async(*this);
  install_disposable_stacks(*this);
  install_annex_b(*this);
  install_intl(*this);
  install_regexp(*this);
  install_number(*this);
  install_bigint(*this);
  install_math(*this);
  install_json(*this);
  install_collections(*this);
  install_promise(*this);
  install_date(*this);
  install_reflect(*this);
  install_proxy(*this);
  install_generator(*this);
  install_async_generator(*this);
}

}  // namespace glass
