// The C++ helpers the built-in JS modules (lib/**/*.js) use, reached with
// require('internal:NAME') from those modules only. One row per binding;
// each is made once, on first use, and cached.
#include <map>

#include "builtins/builtins.h"
#include "natives/modules.h"

namespace glass::natives {

Value fs_binding(Runtime& rt);          // fs.cpp: the file-system calls under lib/fs.js
Value make_tcp_binding(Runtime& rt);    // tcp_wrap.cpp: TCP handles for lib/net.js
Value util_binding(Runtime& rt);        // util_binding.cpp: promise/proxy/collection internals for inspect
Value process_binding(Runtime& rt);     // process.cpp: stdio writes, the rest of process in JS
Value modules_binding(Runtime& rt);     // modules.cpp: compiling CommonJS wrappers, file probes
Value repl_binding(Runtime& rt);        // repl_binding.cpp: unfinished input, top-level await
Value pipe_binding(Runtime& rt);        // pipe_wrap.cpp: file-descriptor streams (stdio, child pipes)
Value process_wrap_binding(Runtime& rt);  // process_wrap.cpp: child processes
Value url_binding(Runtime& rt);         // url_binding.cpp: domain to ASCII / Unicode (UTS #46, ICU)
Value os_binding(Runtime& rt);          // os_binding.cpp: uname, memory, CPUs, interfaces, the user
Value crypto_binding(Runtime& rt);      // crypto_binding.cpp: OpenSSL digests, HMAC, PBKDF2, random bytes
Value buffer_binding(Runtime& rt);      // buffer_binding.cpp: bytes <-> strings for lib/buffer.js
Value zlib_binding(Runtime& rt);        // zlib_binding.cpp: zlib and Brotli streams, crc32
Value encoding_binding(Runtime& rt);    // encoding_binding.cpp: ICU converters for TextDecoder
Value http_parser_binding(Runtime& rt);  // http_parser_binding.cpp: Boost.Beast's HTTP/1 parser for lib/http.js

namespace {

struct Binding {
  const char* name;
  Value (*make)(Runtime&);
};

constexpr Binding kBindings[] = {
    {"fs", fs_binding},
    {"tcp", make_tcp_binding},
    {"util", util_binding},
    {"process", process_binding},
    {"modules", modules_binding},
    {"repl", repl_binding},
    {"pipe", pipe_binding},
    {"process_wrap", process_wrap_binding},
    {"url", url_binding},
    {"os", os_binding},
    {"crypto", crypto_binding},
    {"buffer", buffer_binding},
    {"zlib", zlib_binding},
    {"encoding", encoding_binding},
    {"http_parser", http_parser_binding},
};

}  // namespace

Value internal_binding(Runtime& rt, const std::string& name) {
  Vm& vm = rt.vm();
  static std::map<std::string, gc::Persistent<Object>> made;  // one runtime per process
  auto it = made.find(name);
  if (it != made.end()) return object_value(it->second.get());
  for (const Binding& b : kBindings) {
    if (name != b.name) continue;
    Value v = b.make(rt);
    made.emplace(name, gc::Persistent<Object>(vm.heap(), as_object(v), "internal binding"));
    return v;
  }
  vm.throw_error(ErrorType::Error, "No such internal binding: " + name);
}

}  // namespace glass::natives
