// internal:http_parser — HTTP/1.x message parsing for lib/http.js, as
// Node's own http is JS over a native parser fed the socket's bytes. The
// parser is Boost.Beast's basic_parser; this file only adapts its callbacks
// into a list of events the JS side dispatches:
//   [0, method, url, major, minor, rawHeaders, status, reason, keepAlive, upgrade]  header complete
//   [1, bytes]                                                                       a piece of the body
//   [2]                                                                              message complete
//   [3, message]                                                                     parse error
// Bytes travel as byte strings (one code unit per byte), as sockets deliver
// them with the latin1 encoding.
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "natives/encodings.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

namespace http = boost::beast::http;
using boost::beast::error_code;
using boost::beast::string_view;

struct Event {
  int kind = 0;
  std::string method, url, reason, bytes;
  int version = 11, status = 0;
  std::vector<std::string> raw_headers;
  bool keep_alive = false, upgrade = false;
};

Event event_of(int kind) {
  Event e;
  e.kind = kind;
  return e;
}

// One message's parser; Beast's parsers are single-use, so a connection
// makes a new one after each complete message.
template <bool isRequest>
class MessageParser final : public http::basic_parser<isRequest> {
 public:
  explicit MessageParser(std::vector<Event>& out) : out_(out) {
    this->eager(true);
    // Node has no body limit. Not boost::none: Beast 1.74 compares a
    // Content-Length against the optional, and none counts as smaller.
    this->body_limit(std::numeric_limits<std::uint64_t>::max());
    this->header_limit(16 * 1024);  // Node's --max-http-header-size
  }

 private:
  void on_request_impl(http::verb, string_view method, string_view target, int version, error_code&) override {
    head_.method.assign(method.data(), method.size());
    head_.url.assign(target.data(), target.size());
    head_.version = version;
  }
  void on_response_impl(int code, string_view reason, int version, error_code&) override {
    head_.status = code;
    head_.reason.assign(reason.data(), reason.size());
    head_.version = version;
  }
  void on_field_impl(http::field, string_view name, string_view value, error_code&) override {
    head_.raw_headers.emplace_back(name.data(), name.size());
    head_.raw_headers.emplace_back(value.data(), value.size());
  }
  void on_header_impl(error_code&) override {
    head_.kind = 0;
    head_.keep_alive = this->keep_alive();
    head_.upgrade = this->upgrade();
    out_.push_back(std::move(head_));
  }
  void on_body_init_impl(boost::optional<std::uint64_t> const&, error_code&) override {}
  std::size_t on_body_impl(string_view body, error_code&) override {
    push_body(body);
    return body.size();
  }
  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code&) override {
    push_body(body);
    return body.size();
  }
  void on_finish_impl(error_code&) override { out_.push_back(event_of(2)); }

  void push_body(string_view body) {
    if (body.empty()) return;
    Event e = event_of(1);
    e.bytes.assign(body.data(), body.size());
    out_.push_back(std::move(e));
  }

  std::vector<Event>& out_;
  Event head_;
};

// A connection's parsing state: the bytes not consumed yet (Beast wants a
// whole header in one buffer) and the current message's parser.
struct Connection {
  bool is_request = true;
  bool skip_body = false;  // a response to HEAD
  bool failed = false;
  std::string pending;
  std::unique_ptr<MessageParser<true>> request;
  std::unique_ptr<MessageParser<false>> response;

  void renew(std::vector<Event>& out) {
    if (is_request) {
      request = std::make_unique<MessageParser<true>>(out);
    } else {
      response = std::make_unique<MessageParser<false>>(out);
      response->skip(skip_body);
    }
  }
  bool done() const { return is_request ? request->is_done() : response->is_done(); }
  std::size_t put(error_code& ec) {
    auto buf = boost::asio::const_buffer(pending.data(), pending.size());
    return is_request ? request->put(buf, ec) : response->put(buf, ec);
  }
  void put_eof(error_code& ec) { is_request ? request->put_eof(ec) : response->put_eof(ec); }
  bool got_some() const { return is_request ? request->got_some() : response->got_some(); }
};

std::map<int, Connection> connections;  // one runtime per process
int next_id = 1;
std::vector<Event> events;  // filled by the parsers during one call

Connection& connection_arg(Vm& vm, std::span<const Value> a) {
  auto it = connections.find(int(to_number(vm, arg(a, 0))));
  if (it == connections.end()) vm.throw_error(ErrorType::Error, "http parser: no such parser");
  return it->second;
}

void fail(Connection& c, const error_code& ec) {
  c.failed = true;
  Event e = event_of(3);
  e.reason = ec.message();
  events.push_back(std::move(e));
}

Value events_to_js(Vm& vm) {
  std::vector<Event> taken;
  taken.swap(events);
  ValueVector list(vm.heap());
  for (const Event& e : taken) {
    ValueVector row(vm.heap());
    row.values.push_back(Value::number(e.kind));
    if (e.kind == 0) {
      row.values.push_back(string_value(String::from_latin1(vm.heap(), e.method)));
      row.values.push_back(string_value(String::from_latin1(vm.heap(), e.url)));
      row.values.push_back(Value::number(e.version / 10));
      row.values.push_back(Value::number(e.version % 10));
      ValueVector raw(vm.heap());
      for (const std::string& s : e.raw_headers) raw.values.push_back(string_value(String::from_latin1(vm.heap(), s)));
      row.values.push_back(object_value(vm.new_array_from(raw.values)));
      row.values.push_back(Value::number(e.status));
      row.values.push_back(string_value(String::from_latin1(vm.heap(), e.reason)));
      row.values.push_back(Value::boolean(e.keep_alive));
      row.values.push_back(Value::boolean(e.upgrade));
    } else if (e.kind == 1) {
      String* s = String::from_latin1(vm.heap(), e.bytes);
      if (!s) vm.throw_error(ErrorType::Error, "Cannot create a string longer than 0x1fffffe8 characters");
      row.values.push_back(string_value(s));
    } else if (e.kind == 3) {
      row.values.push_back(string_value(String::from_latin1(vm.heap(), e.reason)));
    }
    list.values.push_back(object_value(vm.new_array_from(row.values)));
  }
  return object_value(vm.new_array_from(list.values));
}

// create(isRequest, skipBody): a new parser's id.
Value parser_create(Vm& vm, Value, std::span<const Value> a, Value) {
  int id = next_id++;
  Connection& c = connections[id];
  c.is_request = to_boolean(arg(a, 0));
  c.skip_body = to_boolean(arg(a, 1));
  c.renew(events);
  (void)vm;
  return Value::number(id);
}

// execute(id, bytes): feeds bytes; returns the events they completed.
Value parser_execute(Vm& vm, Value, std::span<const Value> a, Value) {
  Connection& c = connection_arg(vm, a);
  std::string bytes = encode_string(to_string(vm, arg(a, 1)), Encoding::Latin1);
  if (c.failed) return events_to_js(vm);
  c.pending += bytes;
  while (!c.pending.empty()) {
    error_code ec;
    std::size_t used = c.put(ec);
    c.pending.erase(0, used);
    if (ec == http::error::need_more) break;
    if (ec) {
      fail(c, ec);
      break;
    }
    if (c.done()) {
      c.renew(events);  // keep-alive: what follows is the next message
    } else if (used == 0) {
      break;
    }
  }
  return events_to_js(vm);
}

// finish(id): the peer ended; completes a body read until EOF, or reports
// a message cut short.
Value parser_finish(Vm& vm, Value, std::span<const Value> a, Value) {
  Connection& c = connection_arg(vm, a);
  if (!c.failed && (c.got_some() || !c.pending.empty())) {
    error_code ec;
    c.put_eof(ec);
    if (ec) fail(c, ec);
  }
  return events_to_js(vm);
}

// free(id)
Value parser_free(Vm& vm, Value, std::span<const Value> a, Value) {
  connections.erase(int(to_number(vm, arg(a, 0))));
  return Value::undefined();
}

}  // namespace

Value http_parser_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "create", parser_create, 2);
  vm.define_native(b, "execute", parser_execute, 2);
  vm.define_native(b, "finish", parser_finish, 1);
  vm.define_native(b, "free", parser_free, 1);
  return object_value(b);
}

}  // namespace glass::natives
