// internal:fs — the thin binding natives/lib/fs.js builds the `fs` module
// on. Each call takes plain arguments (paths already validated by fs.js)
// and, last, `req`:
//   - a function: the call runs on the loop's thread pool and, back on the
//     loop thread, req(error, result) is called through
//     Runtime::call_callback (an exception there is the program's uncaught
//     exception);
//   - anything else: the call runs now; on failure it returns undefined and,
//     if req is an object, fills it in like an error (below).
// (exists, utf8Decode and utf8Encode are synchronous only.)
// A failure is described by a plain object { errno, code, message, syscall,
// path?, dest? } (message is libuv's text, e.g. "no such file or directory");
// fs.js turns it into Node's Error.
//
// Rules kept here: pool work sees only std::string copies of its inputs and
// returns an fsops::FsResult (no heap access off the loop thread); results
// become JS values in the completion, on the loop thread. The callback is
// kept alive by a gc::Persistent in a table by request id, and the loop's
// closure holds only the id (as timers do).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>
#include <unordered_map>

#include "builtins/builtins.h"
#include "natives/fs_ops.h"
#include "natives/inspector.h"
#include "natives/modules.h"

namespace glass::natives {

namespace {

using fsops::FsResult;
using ToJs = Value (*)(Vm&, FsResult&);

// Callbacks owed by pending requests, by id.
struct Requests {
  std::unordered_map<uint64_t, gc::Persistent<Object>> callbacks;
  uint64_t next_id = 1;
};
Requests& requests() {
  static Requests r;  // one runtime per process
  return r;
}

void put(Vm& vm, Object* o, std::string_view name, Value v) { vm.define_value(o, name, v, kDefaultProperty); }

void put_string(Vm& vm, Object* o, std::string_view name, const std::string& text) {
  gc::Rooted<Object> target(vm.heap(), o);
  gc::Rooted<String> s(vm.heap(), vm.new_string(text));
  put(vm, target, name, string_value(s));
}

// Fills `o` with the failure's description (see the header comment).
void describe_failure(Vm& vm, Object* o, const FsResult& r) {
  gc::Rooted<Object> d(vm.heap(), o);
  put(vm, d, "errno", Value::number(-double(r.error)));
  put_string(vm, d, "code", fsops::errno_code(r.error));
  put_string(vm, d, "message", fsops::errno_message(r.error));
  put_string(vm, d, "syscall", r.syscall);
  if (r.has_path) put_string(vm, d, "path", r.path);
  if (!r.dest.empty()) put_string(vm, d, "dest", r.dest);
}

// --- results as JS values (loop thread) ---

Value none(Vm&, FsResult&) { return Value::undefined(); }
Value text_utf8(Vm& vm, FsResult& r) { return string_value(vm.new_string(r.bytes)); }
Value text_latin1(Vm& vm, FsResult& r) {
  String* s = String::from_latin1(vm.heap(), r.bytes);
  if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(s);
}
Value optional_path(Vm& vm, FsResult& r) { return r.has_bytes ? text_utf8(vm, r) : Value::undefined(); }
Value stat_numbers(Vm& vm, FsResult& r) {
  Value fields[14];
  for (int i = 0; i < 14; i++) fields[i] = Value::number(r.numbers[i]);
  return object_value(vm.new_array_from(fields));
}
Value dir_names(Vm& vm, FsResult& r) {
  ValueVector names(vm.heap());
  for (const std::string& name : r.names) names.values.push_back(string_value(vm.new_string(name)));
  return object_value(vm.new_array_from(names.values));
}
Value dir_names_and_types(Vm& vm, FsResult& r) {
  ValueVector pair(vm.heap());
  pair.values.push_back(dir_names(vm, r));
  ValueVector types(vm.heap());
  for (int t : r.types) types.values.push_back(Value::int32(t));
  pair.values.push_back(object_value(vm.new_array_from(types.values)));
  return object_value(vm.new_array_from(pair.values));
}

// Back on the loop thread: the request's callback gets (error) or (null, result).
void complete(Runtime& rt, uint64_t id, FsResult& result, ToJs to_js) {
  Vm& vm = rt.vm();
  auto it = requests().callbacks.find(id);
  if (it == requests().callbacks.end()) return;
  gc::Rooted<Object> callback(vm.heap(), it->second.get());
  requests().callbacks.erase(it);
  ValueVector args(vm.heap());
  try {
    if (result.error) {
      gc::Rooted<Object> d(vm.heap(), vm.new_object());
      describe_failure(vm, d, result);
      args.values = {object_value(d)};
    } else {
      args.values = {Value::null()};
      args.values.push_back(to_js(vm, result));
    }
  } catch (const Thrown&) {  // e.g. a file too big for a string: the callback gets the RangeError
    args.values = {vm.take_exception()};
  }
  rt.call_callback(object_value(callback), Value::undefined(), args.values);
}

// `op`, with a C++ exception (out of memory for a huge file) reported as a failure:
// one escaping pool work would be rethrown out of the loop.
FsResult safely(const std::function<FsResult()>& op, const char* label) {
  FsResult failed;
  failed.has_path = false;
  try {
    return op();
  } catch (const std::system_error& e) {
    failed.error = e.code().value();
  } catch (const std::exception&) {
    failed.error = ENOMEM;
  }
  failed.syscall = label + 3;  // "fs.readFile" -> "readFile"
  return failed;
}

// Runs `op` on the pool (req is a function) or now.
Value run(Vm& vm, Value req, const char* label, std::function<FsResult()> fn, ToJs to_js) {
  auto op = [fn = std::move(fn), label] { return safely(fn, label); };
  if (is_callable(req)) {
    Runtime& rt = Runtime::of(vm);
    uint64_t id = requests().next_id++;
    requests().callbacks.emplace(id, gc::Persistent<Object>(vm.heap(), as_object(req), "fs request callback"));
    Runtime* r = &rt;
    rt.loop().submit(std::move(op), [r, id, to_js](FsResult result) { complete(*r, id, result, to_js); },
                     label, id);
    if (rt.inspector) rt.inspector->note_created(Inspector::SiteKind::Work, id);
    return Value::undefined();
  }
  FsResult result = op();
  if (!result.error) return to_js(vm, result);
  if (req.is_object()) describe_failure(vm, as_object(req), result);
  return Value::undefined();
}

std::string str(Vm& vm, Value v) { return to_utf8(vm, v); }
int int_arg(Vm& vm, Value v) { return v.is_number() ? to_int32(vm, v) : 0; }

fsops::Target target(Vm& vm, Value v) {
  fsops::Target t;
  if (v.is_number()) t.fd = int_arg(vm, v);
  else t.path = str(vm, v);
  return t;
}

// A string's code units as bytes: each unit's low byte (latin1) or UTF-8.
std::string bytes_of(Vm& vm, Value v, bool latin1) {
  String* s = to_string(vm, v);
  if (!latin1) return s->to_utf8();
  s = s->flatten(vm.heap());
  std::string out;
  out.reserve(s->length());
  if (s->is_one_byte()) {
    for (uint8_t b : s->one_byte_view()) out.push_back(char(b));
  } else {
    for (char16_t u : s->two_byte_view()) out.push_back(char(u & 0xFF));
  }
  return out;
}

// --- the binding's functions; see fs.js for what each argument means ---

Value fs_read_file(Vm& vm, Value, std::span<const Value> a, Value) {
  fsops::Target t = target(vm, arg(a, 0));
  int flags = int_arg(vm, arg(a, 1));
  bool latin1 = to_boolean(arg(a, 2));
  return run(vm, arg(a, 3), "fs.readFile", [t, flags] { return fsops::read_file(t, flags); },
             latin1 ? text_latin1 : text_utf8);
}

Value fs_write_file(Vm& vm, Value, std::span<const Value> a, Value) {
  fsops::Target t = target(vm, arg(a, 0));
  std::string bytes = bytes_of(vm, arg(a, 1), to_boolean(arg(a, 2)));
  int flags = int_arg(vm, arg(a, 3)), mode = int_arg(vm, arg(a, 4));
  if (t.fd == 1 || t.fd == 2) std::fflush(t.fd == 1 ? stdout : stderr);  // after what console.log buffered
  return run(vm, arg(a, 5), "fs.writeFile",
             [t, bytes = std::move(bytes), flags, mode] { return fsops::write_file(t, bytes, flags, mode); }, none);
}

Value fs_readdir(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  bool types = to_boolean(arg(a, 1));
  return run(vm, arg(a, 2), "fs.readdir", [path, types] { return fsops::read_dir(path, types); },
             types ? dir_names_and_types : dir_names);
}

Value fs_stat(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  bool lstat = to_boolean(arg(a, 1));
  return run(vm, arg(a, 2), lstat ? "fs.lstat" : "fs.stat", [path, lstat] { return fsops::stat(path, lstat); },
             stat_numbers);
}

Value fs_mkdir(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  bool recursive = to_boolean(arg(a, 1));
  int mode = int_arg(vm, arg(a, 2));
  return run(vm, arg(a, 3), "fs.mkdir",
             [path, recursive, mode] { return recursive ? fsops::mkdirp(path, mode) : fsops::mkdir(path, mode); },
             optional_path);
}

Value fs_rm(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  bool recursive = to_boolean(arg(a, 1)), force = to_boolean(arg(a, 2));
  return run(vm, arg(a, 3), "fs.rm", [path, recursive, force] { return fsops::rm(path, recursive, force); }, none);
}

Value fs_rmdir(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  return run(vm, arg(a, 1), "fs.rmdir", [path] { return fsops::rmdir(path); }, none);
}

Value fs_unlink(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  return run(vm, arg(a, 1), "fs.unlink", [path] { return fsops::unlink(path); }, none);
}

Value fs_rename(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string from = str(vm, arg(a, 0)), to = str(vm, arg(a, 1));
  return run(vm, arg(a, 2), "fs.rename", [from, to] { return fsops::rename(from, to); }, none);
}

Value fs_copy_file(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string from = str(vm, arg(a, 0)), to = str(vm, arg(a, 1));
  int mode = int_arg(vm, arg(a, 2));
  return run(vm, arg(a, 3), "fs.copyFile", [from, to, mode] { return fsops::copy_file(from, to, mode); }, none);
}

Value fs_access(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  int mode = int_arg(vm, arg(a, 1));
  return run(vm, arg(a, 2), "fs.access", [path, mode] { return fsops::access(path, mode); }, none);
}

Value fs_realpath(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string path = str(vm, arg(a, 0));
  bool native = to_boolean(arg(a, 1));
  return run(vm, arg(a, 2), "fs.realpath", [path, native] { return fsops::realpath(path, native); }, optional_path);
}

Value fs_mkdtemp(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string prefix = str(vm, arg(a, 0));
  return run(vm, arg(a, 1), "fs.mkdtemp", [prefix] { return fsops::mkdtemp(prefix); }, optional_path);
}

Value fs_exists(Vm& vm, Value, std::span<const Value> a, Value) {
  return Value::boolean(fsops::exists(str(vm, arg(a, 0))));
}

// Between strings and "byte strings" (one char per byte), for fs.js's encodings.
Value fs_utf8_decode(Vm& vm, Value, std::span<const Value> a, Value) {
  return string_value(vm.new_string(bytes_of(vm, arg(a, 0), true)));
}
Value fs_utf8_encode(Vm& vm, Value, std::span<const Value> a, Value) {
  std::string bytes = to_utf8(vm, arg(a, 0));
  String* s = String::from_latin1(vm.heap(), bytes);
  if (!s) vm.throw_error(ErrorType::RangeError, "Invalid string length");
  return string_value(s);
}

Object* make_constants(Vm& vm) {
  gc::Rooted<Object> c(vm.heap(), vm.new_object());
  struct Constant {
    const char* name;
    int value;
  };
  static const Constant constants[] = {
      {"UV_FS_SYMLINK_DIR", 1}, {"UV_FS_SYMLINK_JUNCTION", 2}, {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY},
      {"O_RDWR", O_RDWR}, {"UV_DIRENT_UNKNOWN", fsops::kDirentUnknown}, {"UV_DIRENT_FILE", fsops::kDirentFile},
      {"UV_DIRENT_DIR", fsops::kDirentDir}, {"UV_DIRENT_LINK", fsops::kDirentLink},
      {"UV_DIRENT_FIFO", fsops::kDirentFifo}, {"UV_DIRENT_SOCKET", fsops::kDirentSocket},
      {"UV_DIRENT_CHAR", fsops::kDirentChar}, {"UV_DIRENT_BLOCK", fsops::kDirentBlock},
      {"S_IFMT", S_IFMT}, {"S_IFREG", S_IFREG}, {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR},
      {"S_IFBLK", S_IFBLK}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
      {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"UV_FS_O_FILEMAP", 0}, {"O_NOCTTY", O_NOCTTY},
      {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOATIME", O_NOATIME},
      {"O_NOFOLLOW", O_NOFOLLOW}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_DIRECT", O_DIRECT},
      {"O_NONBLOCK", O_NONBLOCK}, {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR},
      {"S_IXUSR", S_IXUSR}, {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP},
      {"S_IXGRP", S_IXGRP}, {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH},
      {"S_IXOTH", S_IXOTH}, {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
      {"UV_FS_COPYFILE_EXCL", 1}, {"COPYFILE_EXCL", 1}, {"UV_FS_COPYFILE_FICLONE", 2},
      {"COPYFILE_FICLONE", 2}, {"UV_FS_COPYFILE_FICLONE_FORCE", 4}, {"COPYFILE_FICLONE_FORCE", 4},
  };
  for (const Constant& k : constants) put(vm, c, k.name, Value::int32(k.value));
  return c;
}

}  // namespace

Value fs_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "readFile", fs_read_file, 4);
  vm.define_native(b, "writeFile", fs_write_file, 6);
  vm.define_native(b, "readdir", fs_readdir, 3);
  vm.define_native(b, "stat", fs_stat, 3);
  vm.define_native(b, "mkdir", fs_mkdir, 4);
  vm.define_native(b, "rm", fs_rm, 4);
  vm.define_native(b, "rmdir", fs_rmdir, 2);
  vm.define_native(b, "unlink", fs_unlink, 2);
  vm.define_native(b, "rename", fs_rename, 3);
  vm.define_native(b, "copyFile", fs_copy_file, 4);
  vm.define_native(b, "access", fs_access, 3);
  vm.define_native(b, "realpath", fs_realpath, 3);
  vm.define_native(b, "mkdtemp", fs_mkdtemp, 2);
  vm.define_native(b, "exists", fs_exists, 1);
  vm.define_native(b, "utf8Decode", fs_utf8_decode, 1);
  vm.define_native(b, "utf8Encode", fs_utf8_encode, 1);
  gc::Rooted<Object> constants(vm.heap(), make_constants(vm));
  put(vm, b, "constants", object_value(constants));
  return object_value(b);
}

}  // namespace glass::natives
