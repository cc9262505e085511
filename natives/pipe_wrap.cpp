// internal:pipe — file-descriptor streams (eventloop::Pipe) by numeric id,
// for lib/internal/pipe_stream.js: a child process's stdio pipes and
// process.stdin/stdout/stderr when they are pipes or terminals.
//
// Rules (as internal:tcp's, tcp_wrap.cpp):
// - JS holds an id; the record holds a weak_ptr to the Pipe (the loop owns
//   it until close) and the JS owner (a gc::Persistent, so an owner the
//   loop may still call is never collected) and the read decoder.
// - The loop calls the owner through Runtime::call_callback: _onread(chunk,
//   nbytes[, err]) (chunk null at end of stream), _onwrite(err),
//   _onshutdown(err), _onclose().
#include <termios.h>

#include <unordered_map>

#include "builtins/builtins.h"
#include "eventloop/pipe.h"
#include "natives/encodings.h"
#include "natives/modules.h"
#include "natives/net_errors.h"

namespace glass::natives {

namespace {

using eventloop::Pipe;

struct Record {
  std::weak_ptr<Pipe> pipe;
  gc::Persistent<Object> owner;
  StreamDecoder decoder;
};

struct Records {
  std::unordered_map<uint64_t, Record> by_id;
  uint64_t next_id = 1;
};
Records& records() {
  static Records r;  // one runtime per process
  return r;
}

Record* find(uint64_t id) {
  auto it = records().by_id.find(id);
  return it == records().by_id.end() ? nullptr : &it->second;
}

uint64_t id_arg(std::span<const Value> args) {
  Value v = arg(args, 0);
  return v.is_number() ? uint64_t(v.as_number()) : 0;
}

std::shared_ptr<Pipe> pipe_arg(std::span<const Value> args) {
  Record* r = find(id_arg(args));
  return r ? r->pipe.lock() : nullptr;
}

void call_owner(Runtime& rt, uint64_t id, const char* method, std::span<const Value> args) {
  Record* r = find(id);
  if (!r || !r->owner) return;
  Vm& vm = rt.vm();
  gc::Rooted<Object> owner(vm.heap(), r->owner.get());
  try {
    RootedValue fn(vm.heap(), get(vm, owner, key_of(vm, method)));
    if (!is_callable(fn)) return;
    rt.call_callback(fn, object_value(owner), args);
  } catch (const Thrown&) {
    rt.report_uncaught(vm.take_exception());
  }
}

auto completion(Runtime& rt, uint64_t id, const char* method) {
  return [&rt, id, method](std::error_code ec) {
    Vm& vm = rt.vm();
    ValueVector args(vm.heap());
    args.values.push_back(ec ? object_value(system_error_info(vm, ec)) : Value::undefined());
    call_owner(rt, id, method, args.values);
  };
}

}  // namespace

// The id of a new record for `pipe`, owned by `owner` (lib/internal/pipe_stream.js).
uint64_t adopt_pipe(Runtime& rt, std::shared_ptr<Pipe> pipe, Object* owner) {
  uint64_t id = records().next_id++;
  Record& r = records().by_id[id];
  r.pipe = pipe;
  if (owner) r.owner = gc::Persistent<Object>(rt.vm().heap(), owner, "pipe stream");
  return id;
}

namespace {

// open(fd, owner): an id for the descriptor (not closed by close()), or
// undefined when the loop cannot watch it (a regular file).
Value pipe_open(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  int fd = int(to_number(vm, arg(args, 0)));
  auto pipe = Pipe::create(rt.loop(), fd, false);
  if (!pipe) return Value::undefined();
  return Value::number(double(adopt_pipe(rt, pipe, arg(args, 1).is_object() ? as_object(arg(args, 1)) : nullptr)));
}

// setOwner(id, owner)
Value pipe_set_owner(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(args));
  if (r && arg(args, 1).is_object()) r->owner = gc::Persistent<Object>(vm.heap(), as_object(arg(args, 1)), "pipe stream");
  return Value::undefined();
}

void on_read(Runtime& rt, uint64_t id, std::error_code ec, std::string_view data) {
  Vm& vm = rt.vm();
  Record* r = find(id);
  if (!r) return;
  ValueVector args(vm.heap());
  if (!ec) {
    String* text = r->decoder.decode(vm.heap(), data);
    if (!text) return;
    args.values = {string_value(text), Value::number(double(data.size()))};
    call_owner(rt, id, "_onread", args.values);
    return;
  }
  if (ec == asio::error::eof) {
    if (String* rest = r->decoder.flush(vm.heap())) {
      args.values = {string_value(rest), Value::number(0)};
      call_owner(rt, id, "_onread", args.values);
    }
    args.values = {Value::null(), Value::number(0)};
  } else {
    args.values = {Value::null(), Value::number(0), object_value(system_error_info(vm, ec))};
  }
  call_owner(rt, id, "_onread", args.values);
}

Value pipe_read_start(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime* rt = &Runtime::of(vm);
  uint64_t id = id_arg(args);
  if (auto p = pipe_arg(args))
    p->read_start([rt, id](std::error_code ec, std::string_view data) { on_read(*rt, id, ec, data); });
  return Value::undefined();
}

Value pipe_read_stop(Vm& vm, Value, std::span<const Value> args, Value) {
  if (auto p = pipe_arg(args)) p->read_stop();
  return Value::undefined();
}

// write(id, string, encoding): the number of bytes; _onwrite(err) follows.
Value pipe_write(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  uint64_t id = id_arg(args);
  Value data = arg(args, 1);
  if (!data.is_string()) vm.throw_error(ErrorType::TypeError, "write: a string is required");
  Encoding encoding = parse_encoding(to_utf8(vm, arg(args, 2))).value_or(Encoding::Utf8);
  std::string bytes = encode_string(as_string(data), encoding);
  double total = double(bytes.size());
  if (auto p = pipe_arg(args)) p->write(std::move(bytes), completion(rt, id, "_onwrite"));
  return Value::number(total);
}

Value pipe_shutdown(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  if (auto p = pipe_arg(args)) p->shutdown(completion(rt, id_arg(args), "_onshutdown"));
  return Value::undefined();
}

Value pipe_set_encoding(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(args));
  if (!r) return Value::undefined();
  if (auto e = parse_encoding(to_utf8(vm, arg(args, 1)))) r->decoder.set_encoding(*e);
  return Value::undefined();
}

Value pipe_ref(Vm& vm, Value, std::span<const Value> args, Value) {
  if (auto p = pipe_arg(args)) {
    if (to_boolean(arg(args, 1))) p->ref();
    else p->unref();
  }
  return Value::undefined();
}

// close(id): _onclose() in the close phase, then the record goes.
Value pipe_close(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime* rt = &Runtime::of(vm);
  uint64_t id = id_arg(args);
  auto p = pipe_arg(args);
  if (!p) {
    records().by_id.erase(id);
    return Value::undefined();
  }
  p->close([rt, id] {
    call_owner(*rt, id, "_onclose", {});
    records().by_id.erase(id);
  });
  return Value::undefined();
}

// setRawMode(fd, on): a terminal's raw mode (tty.ReadStream.setRawMode);
// true when it worked. The original mode is restored at exit.
Value set_raw_mode(Vm& vm, Value, std::span<const Value> args, Value) {
  static struct termios original;
  static bool saved = false;
  int fd = int(to_number(vm, arg(args, 0)));
  struct termios t;
  if (::tcgetattr(fd, &t) != 0) return Value::boolean(false);
  if (!saved) {
    original = t;
    saved = true;
    std::atexit([] { ::tcsetattr(0, TCSADRAIN, &original); });
  }
  if (to_boolean(arg(args, 1))) {
    t.c_iflag &= ~tcflag_t(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag |= tcflag_t(ONLCR);
    t.c_cflag |= tcflag_t(CS8);
    t.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
  } else {
    t = original;
  }
  return Value::boolean(::tcsetattr(fd, TCSADRAIN, &t) == 0);
}

}  // namespace

Value pipe_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "open", pipe_open, 2);
  vm.define_native(b, "setOwner", pipe_set_owner, 2);
  vm.define_native(b, "readStart", pipe_read_start, 1);
  vm.define_native(b, "readStop", pipe_read_stop, 1);
  vm.define_native(b, "write", pipe_write, 3);
  vm.define_native(b, "shutdown", pipe_shutdown, 1);
  vm.define_native(b, "setEncoding", pipe_set_encoding, 2);
  vm.define_native(b, "ref", pipe_ref, 2);
  vm.define_native(b, "close", pipe_close, 1);
  vm.define_native(b, "setRawMode", set_raw_mode, 2);
  return object_value(b);
}

}  // namespace glass::natives
