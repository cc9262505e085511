// The realm's intrinsic objects (§6.1.7.4) and the shapes the VM makes new
// objects with: ONE list, traced as a unit by the Vm's root section.
#pragma once
#include <cstddef>

#include "objects/object.h"
#include "vm/element_type.h"

namespace glass {

// X(name): an Object* the engine reaches by name.
#define GLASS_INTRINSIC_OBJECTS(X)                                            \
  X(ObjectPrototype) X(FunctionPrototype) X(ArrayPrototype) X(StringPrototype) \
  X(NumberPrototype) X(BooleanPrototype) X(SymbolPrototype) X(BigIntPrototype) \
  X(ErrorPrototype) X(TypeErrorPrototype) X(RangeErrorPrototype)             \
  X(ReferenceErrorPrototype) X(SyntaxErrorPrototype) X(EvalErrorPrototype)   \
  X(URIErrorPrototype) X(AggregateErrorPrototype)                            \
  X(IteratorPrototype) X(ArrayIteratorPrototype) X(StringIteratorPrototype)  \
  X(MapIteratorPrototype) X(SetIteratorPrototype) X(ForInIteratorPrototype)  \
  X(MapPrototype) X(SetPrototype) X(WeakMapPrototype) X(WeakSetPrototype)    \
  X(WeakRefPrototype) X(PromisePrototype) X(RegExpPrototype)                 \
  X(GeneratorPrototype) X(AsyncFunctionPrototype) X(GeneratorFunctionPrototype) \
  X(AsyncIteratorPrototype) X(AsyncGeneratorPrototype) X(AsyncGeneratorFunctionPrototype) \
  X(AsyncFromSyncIteratorPrototype) X(DatePrototype) \
  X(Object) X(Function) X(Array) X(Promise) X(Symbol) X(ThrowTypeError) X(Eval) X(ArrayValues) \
  X(ArrayBuffer) X(ArrayBufferPrototype) X(SharedArrayBuffer) X(SharedArrayBufferPrototype) X(DataViewPrototype)\
  X(TypedArray) X(TypedArrayPrototype)                                        \
  X(Iterator) X(IteratorHelperPrototype) X(WrapForValidIteratorPrototype)     \
  X(SuppressedErrorPrototype) X(DisposableStack) X(DisposableStackPrototype)  \
  X(AsyncDisposableStack) X(AsyncDisposableStackPrototype)                    \
  X(IntlCollatorPrototype) X(IntlNumberFormatPrototype) X(IntlPluralRulesPrototype) \
  X(IntlDateTimeFormatPrototype) X(IntlRelativeTimeFormatPrototype)           \
  X(IntlListFormatPrototype) X(IntlDisplayNamesPrototype) X(IntlSegmenterPrototype) \
  X(IntlSegmentsPrototype) X(IntlSegmentIteratorPrototype) X(IntlLocalePrototype) \
  X(AgentAsyncWaits) /* not a JS object: the Atomics.waitAsync waits pending (builtins/atomics.cpp) */
// ... and, for each row of GLASS_TYPED_ARRAYS (element_type.h), the
// constructor and its prototype: Int8Array, Int8ArrayPrototype, ...
// (typed_array_intrinsic() finds them by element type).
// X(name): a Shape* (root shapes and pre-built shapes for common objects).
#define GLASS_INTRINSIC_SHAPES(X)                                             \
  X(ObjectShape)    /* {} */                                                  \
  X(ArrayShape)     /* [] */                                                  \
  X(FunctionShape)  /* functions with a prototype slot: length, name, prototype */ \
  X(MethodShape)    /* arrows, methods, natives: length, name */              \
  X(NullProtoShape) /* Object.create(null) */                                 \
  X(IterResultShape) /* { value, done } */                                   \
  X(SloppyArgumentsShape) /* length, @@iterator, callee (made on first use) */ \
  X(StrictArgumentsShape) /* the same, callee an accessor that throws */

enum class IntrinsicObject : uint8_t {
#define GLASS_X(n) n,
  GLASS_INTRINSIC_OBJECTS(GLASS_X)
#undef GLASS_X
#define GLASS_X(Name, Type, CType, Size) Name, Name##Prototype,
  GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
      Count
};

// The intrinsic %Int8Array% ... of an element type, or its prototype.
inline IntrinsicObject typed_array_intrinsic(ElementType t, bool prototype = false) {
  return IntrinsicObject(size_t(IntrinsicObject::Int8Array) + 2 * size_t(t) + (prototype ? 1 : 0));
}
enum class IntrinsicShape : uint8_t {
#define GLASS_X(n) n,
  GLASS_INTRINSIC_SHAPES(GLASS_X)
#undef GLASS_X
      Count
};

// X(name, "description")
#define GLASS_WELL_KNOWN_SYMBOLS(X)                                \
  X(asyncDispose, "Symbol.asyncDispose")                           \
  X(asyncIterator, "Symbol.asyncIterator")                         \
  X(dispose, "Symbol.dispose")                                     \
  X(hasInstance, "Symbol.hasInstance")                             \
  X(isConcatSpreadable, "Symbol.isConcatSpreadable")               \
  X(iterator, "Symbol.iterator")                                   \
  X(match, "Symbol.match")                                         \
  X(matchAll, "Symbol.matchAll")                                   \
  X(replace, "Symbol.replace")                                     \
  X(search, "Symbol.search")                                       \
  X(species, "Symbol.species")                                     \
  X(split, "Symbol.split")                                         \
  X(toPrimitive, "Symbol.toPrimitive")                             \
  X(toStringTag, "Symbol.toStringTag")                             \
  X(unscopables, "Symbol.unscopables")

enum class WellKnownSymbol : uint8_t {
#define GLASS_X(n, d) n,
  GLASS_WELL_KNOWN_SYMBOLS(GLASS_X)
#undef GLASS_X
      Count
};

struct Intrinsics {
  Object* objects[size_t(IntrinsicObject::Count)] = {};
  Shape* shapes[size_t(IntrinsicShape::Count)] = {};
  Object*& operator[](IntrinsicObject which) { return objects[size_t(which)]; }
  Shape*& operator[](IntrinsicShape which) { return shapes[size_t(which)]; }
};

}  // namespace glass
