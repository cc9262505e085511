// internal:tcp — the C++ side of lib/net.js: TCP servers and sockets by
// numeric id over eventloop/tcp.h.
//
// Rules a reader must know:
// - JS holds an id. The record behind it holds weak_ptrs to the socket or
//   server (the loop owns those until close), the JS owner object (a
//   gc::Persistent: a Socket/Server cannot be collected while the loop may
//   still call it) and the socket's read decoder.
// - The loop reaches JS only through the owner's methods, each called with
//   Runtime::call_callback (an exception there is the program's uncaught
//   exception): _onconnection(id | undefined, err), _onconnect(err),
//   _onread(chunk, nbytes[, err]) (chunk null at end of stream),
//   _onwrite(err), _onshutdown(err), _onclose(id).
// - close(id) stops everything; _onclose runs in the close phase, then the
//   record (and its Persistent) is dropped.
// - Errors are {errno, code, description} objects (net_errors.h); lib/net.js
//   turns them into Node's Error objects.
#include <unordered_map>

#include "builtins/builtins.h"
#include "eventloop/tcp.h"
#include "natives/encodings.h"
#include "natives/modules.h"
#include "natives/net_errors.h"

namespace glass::natives {

namespace {

using eventloop::TcpServer;
using eventloop::TcpSocket;

struct Record {
  std::weak_ptr<TcpSocket> socket;
  std::weak_ptr<TcpServer> server;
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

uint64_t id_arg(Vm& vm, std::span<const Value> args) {
  Value v = arg(args, 0);
  return v.is_number() ? uint64_t(v.as_number()) : 0;
}

std::shared_ptr<TcpSocket> socket_arg(Vm& vm, std::span<const Value> args) {
  Record* r = find(id_arg(vm, args));
  return r ? r->socket.lock() : nullptr;
}

// Calls owner[method](...args) from a loop callback. `args` must be rooted.
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

Value error_or_undefined(Vm& vm, const std::error_code& ec) {
  return ec ? object_value(system_error_info(vm, ec)) : Value::undefined();
}

// The callback for one completed operation: owner[method](err).
auto completion(Runtime& rt, uint64_t id, const char* method) {
  return [&rt, id, method](std::error_code ec) {
    Vm& vm = rt.vm();
    ValueVector args(vm.heap());
    args.values.push_back(error_or_undefined(vm, ec));
    call_owner(rt, id, method, args.values);
  };
}

std::optional<asio::ip::address> parse_address(const std::string& text) {
  std::error_code ec;
  asio::ip::address a = asio::ip::make_address(text, ec);
  if (ec) return std::nullopt;
  return a;
}

Object* endpoint_object(Vm& vm, const eventloop::TcpEndpoint& ep) {
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  gc::Rooted<String> address(vm.heap(), vm.new_string(ep.address().to_string()));
  vm.define_value(o, "address", string_value(address), kDefaultProperty);
  gc::Rooted<String> family(vm.heap(), vm.new_string(ep.address().is_v6() ? "IPv6" : "IPv4"));
  vm.define_value(o, "family", string_value(family), kDefaultProperty);
  vm.define_value(o, "port", Value::number(ep.port()), kDefaultProperty);
  return o;
}

// --- servers --------------------------------------------------------------------

void on_connection(Runtime& rt, uint64_t server_id, std::error_code ec, std::shared_ptr<TcpSocket> socket) {
  Vm& vm = rt.vm();
  ValueVector args(vm.heap());
  if (ec) {
    args.values = {Value::undefined(), object_value(system_error_info(vm, ec))};
  } else {
    uint64_t id = records().next_id++;
    records().by_id[id].socket = socket;  // its owner arrives with adopt()
    args.values = {Value::number(double(id)), Value::undefined()};
  }
  call_owner(rt, server_id, "_onconnection", args.values);
}

// listen(owner, address, port, backlog): an id, or an error object.
// An empty address means every interface: :: (dual stack), else 0.0.0.0.
Value tcp_listen(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  std::string host = to_utf8(vm, arg(args, 1));
  auto port = static_cast<unsigned short>(to_number(vm, arg(args, 2)));
  int backlog = arg(args, 3).is_number() ? int(arg(args, 3).as_number()) : 511;
  std::optional<asio::ip::address> address =
      host.empty() ? std::optional<asio::ip::address>(asio::ip::address_v6::any()) : parse_address(host);
  if (!address) return object_value(system_error_info(vm, make_error_code(asio::error::invalid_argument)));
  auto server = TcpServer::create(rt.loop());
  std::error_code ec = server->listen({*address, port}, backlog);
  if (ec && host.empty() && ec == asio::error::address_family_not_supported) {
    server->close();  // no IPv6 here
    server = TcpServer::create(rt.loop());
    ec = server->listen({asio::ip::address_v4::any(), port}, backlog);
  }
  if (ec) {
    server->close();
    return object_value(system_error_info(vm, ec));
  }
  uint64_t id = records().next_id++;
  Record& r = records().by_id[id];
  r.server = server;
  r.owner = gc::Persistent<Object>(vm.heap(), as_object(arg(args, 0)), "net.Server");
  Runtime* rtp = &rt;
  server->accept_start([rtp, id](std::error_code ec, std::shared_ptr<TcpSocket> socket) {
    on_connection(*rtp, id, ec, std::move(socket));
  });
  return Value::number(double(id));
}

// --- sockets --------------------------------------------------------------------

// connect(owner, address, port): an id; _onconnect(err) follows. An address
// that is not an IP literal is an error object (lib/net.js looks names up first).
Value tcp_connect(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  std::optional<asio::ip::address> address = parse_address(to_utf8(vm, arg(args, 1)));
  if (!address) return object_value(system_error_info(vm, make_error_code(asio::error::invalid_argument)));
  auto port = static_cast<unsigned short>(to_number(vm, arg(args, 2)));
  auto socket = TcpSocket::create(rt.loop());
  uint64_t id = records().next_id++;
  Record& r = records().by_id[id];
  r.socket = socket;
  r.owner = gc::Persistent<Object>(vm.heap(), as_object(arg(args, 0)), "net.Socket");
  socket->connect({*address, port}, completion(rt, id, "_onconnect"));
  return Value::number(double(id));
}

// adopt(id, owner): the Socket object for an accepted connection.
Value tcp_adopt(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(vm, args));
  if (r && arg(args, 1).is_object())
    r->owner = gc::Persistent<Object>(vm.heap(), as_object(arg(args, 1)), "net.Socket");
  return Value::undefined();
}

void on_read(Runtime& rt, uint64_t id, std::error_code ec, std::string_view data) {
  Vm& vm = rt.vm();
  Record* r = find(id);
  if (!r) return;
  ValueVector args(vm.heap());
  if (!ec) {
    String* text = r->decoder.decode(vm.heap(), data);
    if (!text) return;  // cannot happen: a read is at most TcpSocket::kReadSize bytes
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

Value tcp_read_start(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime* rt = &Runtime::of(vm);
  uint64_t id = id_arg(vm, args);
  if (auto s = socket_arg(vm, args))
    s->read_start([rt, id](std::error_code ec, std::string_view data) { on_read(*rt, id, ec, data); });
  return Value::undefined();
}

Value tcp_read_stop(Vm& vm, Value, std::span<const Value> args, Value) {
  if (auto s = socket_arg(vm, args)) s->read_stop();
  return Value::undefined();
}

// write(id, string, encoding): [bytes in the string, bytes still queued]; _onwrite(err) follows.
Value tcp_write(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  uint64_t id = id_arg(vm, args);
  Value data = arg(args, 1);
  if (!data.is_string()) vm.throw_error(ErrorType::TypeError, "write: a string is required");
  Encoding encoding = parse_encoding(to_utf8(vm, arg(args, 2))).value_or(Encoding::Utf8);
  std::string bytes = encode_string(as_string(data), encoding);
  double total = double(bytes.size()), queued = 0;
  if (auto s = socket_arg(vm, args)) queued = double(s->write(std::move(bytes), completion(rt, id, "_onwrite")));
  Value parts[2] = {Value::number(total), Value::number(queued)};
  return object_value(vm.new_array_from(parts));
}

Value tcp_shutdown(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime& rt = Runtime::of(vm);
  if (auto s = socket_arg(vm, args)) s->shutdown(completion(rt, id_arg(vm, args), "_onshutdown"));
  return Value::undefined();
}

Value tcp_set_encoding(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(vm, args));
  std::optional<Encoding> e = parse_encoding(to_utf8(vm, arg(args, 1)));
  if (r && e) r->decoder.set_encoding(*e);
  return Value::undefined();
}

Value tcp_set_no_delay(Vm& vm, Value, std::span<const Value> args, Value) {
  if (auto s = socket_arg(vm, args)) s->set_no_delay(to_boolean(arg(args, 1)));
  return Value::undefined();
}

Value tcp_set_keep_alive(Vm& vm, Value, std::span<const Value> args, Value) {
  if (auto s = socket_arg(vm, args)) s->set_keep_alive(to_boolean(arg(args, 1)));
  return Value::undefined();
}

// --- both -------------------------------------------------------------------------

Value tcp_close(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime* rt = &Runtime::of(vm);
  uint64_t id = id_arg(vm, args);
  Record* r = find(id);
  if (!r) return Value::undefined();
  auto on_close = [rt, id] {
    Vm& vm = rt->vm();
    ValueVector a(vm.heap());
    a.values.push_back(Value::number(double(id)));
    call_owner(*rt, id, "_onclose", a.values);
    records().by_id.erase(id);
  };
  if (auto s = r->socket.lock()) {
    s->close(on_close);
  } else if (auto server = r->server.lock()) {
    server->close(on_close);
  } else {
    records().by_id.erase(id);  // already closed
  }
  return Value::undefined();
}

// ref(id, on): ref or unref. hasRef(id).
Value tcp_ref(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(vm, args));
  if (!r) return Value::undefined();
  bool on = to_boolean(arg(args, 1));
  if (auto s = r->socket.lock()) on ? s->ref() : s->unref();
  if (auto s = r->server.lock()) on ? s->ref() : s->unref();
  return Value::undefined();
}

Value tcp_has_ref(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(vm, args));
  if (!r) return Value::boolean(false);
  if (auto s = r->socket.lock()) return Value::boolean(s->has_ref());
  if (auto s = r->server.lock()) return Value::boolean(s->has_ref());
  return Value::boolean(false);
}

// localAddress(id) / remoteAddress(id): {address, family, port} or undefined.
Value tcp_local_address(Vm& vm, Value, std::span<const Value> args, Value) {
  Record* r = find(id_arg(vm, args));
  if (!r) return Value::undefined();
  std::optional<eventloop::TcpEndpoint> ep;
  if (auto s = r->socket.lock()) ep = s->local_endpoint();
  if (auto s = r->server.lock()) ep = s->local_endpoint();
  return ep ? object_value(endpoint_object(vm, *ep)) : Value::undefined();
}

Value tcp_remote_address(Vm& vm, Value, std::span<const Value> args, Value) {
  auto s = socket_arg(vm, args);
  std::optional<eventloop::TcpEndpoint> ep = s ? s->remote_endpoint() : std::nullopt;
  return ep ? object_value(endpoint_object(vm, *ep)) : Value::undefined();
}

// lookup(host, callback): callback(err | null, [address strings]) from the poll phase.
Value tcp_lookup(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime* rt = &Runtime::of(vm);
  std::string host = to_utf8(vm, arg(args, 0));
  Value cb = arg(args, 1);
  if (!is_callable(cb)) vm.throw_error(ErrorType::TypeError, "lookup: a callback is required");
  auto callback = std::make_shared<gc::Persistent<Object>>(vm.heap(), as_object(cb), "dns lookup callback");
  eventloop::resolve_host(rt->loop(), host,
                          [rt, callback](std::error_code ec, std::vector<asio::ip::address> addresses) {
                            Vm& vm = rt->vm();
                            ValueVector list(vm.heap());
                            for (const auto& a : addresses)
                              list.values.push_back(string_value(vm.new_string(a.to_string())));
                            ValueVector call_args(vm.heap());
                            call_args.values = {ec ? object_value(system_error_info(vm, ec)) : Value::null(),
                                                Value::undefined()};
                            call_args.values[1] = object_value(vm.new_array_from(list.values));
                            RootedValue fn(vm.heap(), object_value(callback->get()));
                            callback->reset();
                            rt->call_callback(fn, Value::undefined(), call_args.values);
                          });
  return Value::undefined();
}

// isIP(text): 4, 6 or 0.
Value tcp_is_ip(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (!v.is_string()) return Value::number(0);
  std::string text = as_string(v)->to_utf8();
  std::error_code ec;
  asio::ip::make_address_v4(text, ec);
  if (!ec) return Value::number(4);
  asio::ip::make_address_v6(text, ec);
  return Value::number(ec ? 0 : 6);
}

}  // namespace

Value make_tcp_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "listen", tcp_listen, 4);
  vm.define_native(b, "connect", tcp_connect, 3);
  vm.define_native(b, "adopt", tcp_adopt, 2);
  vm.define_native(b, "readStart", tcp_read_start, 1);
  vm.define_native(b, "readStop", tcp_read_stop, 1);
  vm.define_native(b, "write", tcp_write, 3);
  vm.define_native(b, "shutdown", tcp_shutdown, 1);
  vm.define_native(b, "setEncoding", tcp_set_encoding, 2);
  vm.define_native(b, "setNoDelay", tcp_set_no_delay, 2);
  vm.define_native(b, "setKeepAlive", tcp_set_keep_alive, 2);
  vm.define_native(b, "close", tcp_close, 1);
  vm.define_native(b, "ref", tcp_ref, 2);
  vm.define_native(b, "hasRef", tcp_has_ref, 1);
  vm.define_native(b, "localAddress", tcp_local_address, 1);
  vm.define_native(b, "remoteAddress", tcp_remote_address, 1);
  vm.define_native(b, "lookup", tcp_lookup, 2);
  vm.define_native(b, "isIP", tcp_is_ip, 1);
  return object_value(b);
}

}  // namespace glass::natives
