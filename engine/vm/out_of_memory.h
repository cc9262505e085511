// Out of memory: the process ends as Node's does on "JavaScript heap out of
// memory" — one line on stderr naming what failed, the JavaScript stack at
// that moment, exit code 134 — and never with std::bad_alloc reaching
// std::terminate. Allocations that a program can survive (a huge
// ArrayBuffer, string or array length) throw a catchable RangeError before
// they get here; this is for everything else.
//
// The handler is operator new's (std::set_new_handler), so every failed
// allocation of the engine takes this path, and the collector's
// (gc::set_out_of_memory_handler): a refused mapping, or the heap still
// past --max-heap-size after a collection ("Reached heap limit"). A reserve
// of memory set aside at installation is given back first, so that the
// report itself can allocate.
#pragma once

namespace glass {

class Vm;

// Once per process, before any program runs (tools/glass does it).
void install_out_of_memory_handler();

// The Vm whose stack the report shows: the one running on this thread
// (Vm's constructor and destructor say so).
void set_out_of_memory_vm(Vm* vm);
Vm* out_of_memory_vm();

// Writes the report and ends the process (exit code 134).
[[noreturn]] void fatal_out_of_memory(const char* what);

}  // namespace glass
