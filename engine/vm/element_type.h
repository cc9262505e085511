// The element types of typed arrays and DataView accesses (ECMA-262 §23.2,
// Table 71 "The TypedArray Constructors"): ONE list, read by the typed-array
// constructors and prototypes, the realm's intrinsics, DataView's get/set
// methods, Atomics and the VM's element reads and writes.
//
// X(Name, Type, CType, Size)
//   Name   the constructor (Int8Array, ...), also its intrinsic's name
//   Type   the element type (§6.2.7 "[[ArrayBufferData]]" tables call it Int8, ...)
//   CType  how one element is stored in memory (Float16 as its raw bits)
//   Size   the element size in bytes
#pragma once
#include <cstddef>
#include <cstdint>

namespace glass {

#define GLASS_TYPED_ARRAYS(X)                        \
  X(Int8Array, Int8, int8_t, 1)                      \
  X(Uint8Array, Uint8, uint8_t, 1)                   \
  X(Uint8ClampedArray, Uint8Clamped, uint8_t, 1)     \
  X(Int16Array, Int16, int16_t, 2)                   \
  X(Uint16Array, Uint16, uint16_t, 2)                \
  X(Int32Array, Int32, int32_t, 4)                   \
  X(Uint32Array, Uint32, uint32_t, 4)                \
  X(BigInt64Array, BigInt64, int64_t, 8)             \
  X(BigUint64Array, BigUint64, uint64_t, 8)          \
  X(Float16Array, Float16, uint16_t, 2)              \
  X(Float32Array, Float32, float, 4)                 \
  X(Float64Array, Float64, double, 8)

enum class ElementType : uint8_t {
#define GLASS_X(Name, Type, CType, Size) Type,
  GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
      Count
};

constexpr size_t kElementTypeCount = size_t(ElementType::Count);

// The Element Size column of Table 71.
constexpr uint8_t element_size(ElementType t) {
  constexpr uint8_t sizes[] = {
#define GLASS_X(Name, Type, CType, Size) Size,
      GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
  };
  return sizes[size_t(t)];
}

// The constructor's name ("Int8Array", ...), also [Symbol.toStringTag].
constexpr const char* typed_array_name(ElementType t) {
  constexpr const char* names[] = {
#define GLASS_X(Name, Type, CType, Size) #Name,
      GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
  };
  return names[size_t(t)];
}

// The element type's name as DataView's methods spell it ("Int8", "Float16", ...).
constexpr const char* element_type_name(ElementType t) {
  constexpr const char* names[] = {
#define GLASS_X(Name, Type, CType, Size) #Type,
      GLASS_TYPED_ARRAYS(GLASS_X)
#undef GLASS_X
  };
  return names[size_t(t)];
}

// §23.2.4.x IsBigIntElementType: BigInt64 and BigUint64 hold BigInts, every other type Numbers.
constexpr bool is_bigint_element_type(ElementType t) { return t == ElementType::BigInt64 || t == ElementType::BigUint64; }

// IsUnclampedIntegerElementType (Atomics accepts these, and the BigInt ones).
constexpr bool is_unclamped_integer_element_type(ElementType t) {
  return t == ElementType::Int8 || t == ElementType::Uint8 || t == ElementType::Int16 || t == ElementType::Uint16 ||
         t == ElementType::Int32 || t == ElementType::Uint32;
}

}  // namespace glass
