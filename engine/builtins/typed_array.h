// The typed-array abstract operations the built-ins share (ECMA-262
// §23.2.4 and §23.2.5.1.x): creating typed arrays from constructors and
// exemplars, and validating receivers. Used by the constructors
// (typed_array_constructors.cpp), the prototype (typed_array_prototype.cpp),
// Atomics and Uint8Array's base64/hex functions. The object model itself —
// the exotic object, its length and element operations — is in
// vm/typed_array.h.
#pragma once
#include <optional>
#include <span>

#include "builtins/builtins.h"
#include "vm/typed_array.h"

namespace glass {

// §23.2.4.4 ValidateTypedArray ( O, order ): O must be a typed array that is
// not out of bounds (TypeError naming `method` otherwise). Returns the
// witness record; its object is not rooted.
TypedArrayWithBufferWitness validate_typed_array(Vm& vm, Value o, const char* method);

// §23.2.5.1.1 AllocateTypedArray ( constructorName, newTarget, defaultProto [ , length ] ):
// with a length, its buffer too (AllocateTypedArrayBuffer).
TypedArrayObject* allocate_typed_array(Vm& vm, ElementType type, Value new_target,
                                       std::optional<uint64_t> length = std::nullopt);
// §23.2.5.1.7 AllocateTypedArrayBuffer ( O, length )
void allocate_typed_array_buffer(Vm& vm, TypedArrayObject* o, uint64_t length);

// §23.2.4.2 TypedArrayCreateFromConstructor ( constructor, argumentList )
TypedArrayObject* typed_array_create_from_constructor(Vm& vm, Value constructor, std::span<const Value> args);
// §23.2.4.1 TypedArraySpeciesCreate ( exemplar, argumentList )
TypedArrayObject* typed_array_species_create(Vm& vm, TypedArrayObject* exemplar, std::span<const Value> args);
// §23.2.4.3 TypedArrayCreateSameType ( exemplar, length )
TypedArrayObject* typed_array_create_same_type(Vm& vm, TypedArrayObject* exemplar, uint64_t length);

// The element at index k of a typed array (! Get(O, ! ToString(𝔽(k))));
// undefined when k is no longer valid (the buffer shrank or was detached).
inline Value typed_array_get_index(Vm& vm, TypedArrayObject* o, size_t k) {
  return typed_array_get_element(vm, o, double(k));
}

}  // namespace glass
