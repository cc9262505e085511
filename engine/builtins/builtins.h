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

// Defines `name` as a global (writable, configurable, not enumerable).
void define_global(Vm& vm, std::string_view name, Value v);
// A constructor function with `prototype` linked both ways.
FunctionObject* make_constructor(Vm& vm, std::string_view name, NativeFn fn, int length, Object* prototype);

}  // namespace glass
