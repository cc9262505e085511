// %IteratorPrototype%: the prototype of every built-in iterator, whose
// [Symbol.iterator]() returns the iterator itself (so iterators are iterable).
#include "builtins/builtins.h"

namespace glass {

namespace {

Value iterator_self(Vm&, Value self, std::span<const Value>, Value) { return self; }

}  // namespace

void install_iterator(Vm& vm) {
  gc::Rooted<Object> proto(vm.heap(), vm.intrinsics()[IntrinsicObject::IteratorPrototype]);
  gc::Rooted<FunctionObject> f(vm.heap(), vm.new_native("[Symbol.iterator]", iterator_self, 0));
  vm.define_value(proto, vm.well_known_symbol(WellKnownSymbol::iterator), object_value(f));
}

}  // namespace glass
