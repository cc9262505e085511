// The standard library, one file per global. Each install_* adds its
// constructor, prototype methods and constants to the realm; the Vm calls
// them in order from setup_realm() (builtins/realm.cpp), after the
// prototypes and shapes they rely on exist.
//
// Writing a native (see also gc/README.md for rooting):
//
//   static Value array_push(Vm& vm, Value self, std::span<const Value> args, Value) {
//     gc::Rooted<Object> o(vm.heap(), to_object(vm, self));   // may run JS: root what you keep
//     ...
//     return Value::number(len);
//   }
//
// `args` lives in the VM's register file (rooted); arg(args, i) is
// undefined past the end. Throw with vm.throw_error(ErrorType::TypeError, ...).
#pragma once
#include <optional>
#include <span>

#include "vm/operations.h"
#include "vm/rooted.h"
#include "vm/vm.h"

namespace glass {

inline Value arg(std::span<const Value> args, size_t i) { return i < args.size() ? args[i] : Value::undefined(); }

// Installers (each in its own file under builtins/).
void install_object(Vm& vm);
void install_function(Vm& vm);
void install_error(Vm& vm);
void install_symbol(Vm& vm);
void install_boolean(Vm& vm);
void install_globals(Vm& vm);   // globalThis, parseInt, parseFloat, isNaN, isFinite, console, print
void install_array(Vm& vm);     // Array, Array.prototype, array iterators
void install_string(Vm& vm);    // String, String.prototype, string iterators
void install_regexp(Vm& vm);    // RegExp, RegExp.prototype, %RegExpStringIteratorPrototype%
void install_iterator(Vm& vm);  // %IteratorPrototype%
void install_number(Vm& vm);    // Number
void install_bigint(Vm& vm);    // BigInt
void install_math(Vm& vm);      // Math
void install_json(Vm& vm);      // JSON
// JSON.parse(text) without a reviver, for hosts (package.json, JSON modules); throws its SyntaxError.
Value parse_json_text(Vm& vm, std::string_view utf8);
void install_collections(Vm& vm);  // Map, Set, WeakMap, WeakSet, WeakRef, FinalizationRegistry
// For inspectors (no JS runs): a Map/Set/WeakMap/WeakSet's entries, or what
// a Map/Set iterator has left; keys and values alternate when key_value.
// False for any other object.
bool collection_preview(Object* o, std::vector<Value>& out, bool& key_value);
// "Map Iterator" / "Set Iterator" for those iterators ("Iterator" once exhausted), else null.
const char* collection_iterator_kind(Object* o);
void install_promise(Vm& vm);   // Promise and its jobs
void install_date(Vm& vm);      // Date
void install_reflect(Vm& vm);   // Reflect
void install_proxy(Vm& vm);     // Proxy

void install_array_buffer(Vm& vm);         // ArrayBuffer
void install_shared_array_buffer(Vm& vm);  // SharedArrayBuffer
void install_data_view(Vm& vm);            // DataView
void install_typed_arrays(Vm& vm);         // %TypedArray%, Int8Array ... Float64Array, Uint8Array base64/hex
void install_atomics(Vm& vm);              // Atomics
void install_array_from_async(Vm& vm);     // Array.fromAsync (after install_array)
void install_disposable_stacks(Vm& vm);    // DisposableStack, AsyncDisposableStack, [Symbol.dispose] of iterators
void install_annex_b(Vm& vm);              // String.prototype HTML methods, __defineGetter__ & co.
void install_intl(Vm& vm);                 // Intl (builtins/intl/)
// §25.1.3.7 GetArrayBufferMaxByteLengthOption (ArrayBuffer and SharedArrayBuffer).
std::optional<uint64_t> get_array_buffer_max_byte_length_option(Vm& vm, Value options);

// §20.1.3.6 Object.prototype.toString ( ): also Array.prototype.toString's
// fallback when join is not callable (§23.1.3.36).
Value object_prototype_to_string(Vm& vm, Value self, std::span<const Value> args, Value new_target);

// §23.1.5.1 CreateArrayIterator ( array, kind ): for arrays and typed arrays.
enum class ArrayIterationKind : uint8_t { Keys, Values, Entries };
Object* create_array_iterator(Vm& vm, Object* array, ArrayIterationKind kind);
// `method` is the built-in Array.prototype.values and %ArrayIteratorPrototype%.next
// is untouched: iterating with it is reading indices 0, 1, ... up to the (re-read) length.
bool iterates_like_array_values(Vm& vm, Value method);

// The clamped relative index of slice, fill, copyWithin, subarray, ...:
// ToIntegerOrInfinity(v), counted from the end when negative, clamped to
// [0, len]; `if_undefined` when v is undefined (0 for a start, len for an end).
double relative_index(Vm& vm, Value v, double len, double if_undefined);

// A new SuppressedError { error, suppressed } (DisposeResources, §27.3.x).
Object* make_suppressed_error(Vm& vm, Value error, Value suppressed);

// Defines `name` as a global (writable, configurable, not enumerable).
void define_global(Vm& vm, std::string_view name, Value v);
// obj[Symbol.toStringTag] = tag (configurable only).
void define_tag(Vm& vm, Object* target, const char* tag);
// An accessor `name` with a native getter named "get <name>" and no setter.
void define_getter(Vm& vm, Object* target, const char* name, NativeFn fn);
// ctor[Symbol.species]: a getter returning `this`.
void define_species(Vm& vm, Object* ctor);
// A constructor function with `prototype` linked both ways.
FunctionObject* make_constructor(Vm& vm, std::string_view name, NativeFn fn, int length, Object* prototype);

}  // namespace glass
