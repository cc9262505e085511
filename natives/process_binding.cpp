// internal:process — the system calls under process (lib/internal/bootstrap/
// process.js) and the console: writes to a file descriptor, terminal
// queries, the environment, the working directory, ids, times and usage,
// and the signal table. A failing call returns (or throws) Node's errno
// description {errno, code, message, syscall}; the JS side words the error.
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <gnu/libc-version.h>
#include <sys/utsname.h>
#include <unicode/uchar.h>
#include <unicode/uversion.h>

#include "builtins/builtins.h"
#include "natives/encodings.h"
#include "natives/fs_ops.h"
#include "natives/modules.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

// The signals Node knows on Linux, by name (os.constants.signals order).
constexpr std::pair<const char*, int> kSignalTable[] = {
    {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},     {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGABRT", SIGABRT},   {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},
    {"SIGFPE", SIGFPE},   {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1},     {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},     {"SIGTERM", SIGTERM},
    {"SIGCHLD", SIGCHLD}, {"SIGSTKFLT", SIGSTKFLT}, {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP},
    {"SIGTSTP", SIGTSTP}, {"SIGTTIN", SIGTTIN},   {"SIGTTOU", SIGTTOU},     {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},   {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},     {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},
    {"SIGSYS", SIGSYS},
};

}  // namespace

// Writes all of `bytes` to `fd`, waiting when it is non-blocking and full.
// Returns 0, or the errno of the failure (EPIPE: the reader went away).
int write_all(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n >= 0) {
      p += n;
      left -= size_t(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN) {
      pollfd pfd{fd, POLLOUT, 0};
      ::poll(&pfd, 1, -1);
      continue;
    }
    return errno;
  }
  return 0;
}

namespace {

Object* errno_description(Vm& vm, int error, const char* syscall) {
  gc::Rooted<Object> d(vm.heap(), vm.new_object());
  vm.define_value(d, "errno", Value::number(-double(error)), kDefaultProperty);
  gc::Rooted<String> code(vm.heap(), vm.new_string(fsops::errno_code(error)));
  vm.define_value(d, "code", string_value(code), kDefaultProperty);
  gc::Rooted<String> message(vm.heap(), vm.new_string(fsops::errno_message(error)));
  vm.define_value(d, "message", string_value(message), kDefaultProperty);
  gc::Rooted<String> sys(vm.heap(), vm.new_string(syscall));
  vm.define_value(d, "syscall", string_value(sys), kDefaultProperty);
  return d;
}

int fd_arg(Vm& vm, std::span<const Value> args) {
  Value v = arg(args, 0);
  return v.is_number() ? int(v.as_number()) : -1;
}

// writeString(fd, string, latin1): undefined, or an errno description. The
// string is written as UTF-8, or with latin1 as a byte string (a Buffer's
// bytes). Standard output and error go through the Vm's writers (Runtime
// writes them to the descriptors; the REPL and a debugger may take them over).
Value write_string(Vm& vm, Value, std::span<const Value> args, Value) {
  int fd = fd_arg(vm, args);
  std::string text = to_boolean(arg(args, 2)) ? encode_string(to_string(vm, arg(args, 1)), Encoding::Latin1)
                                              : to_utf8(vm, arg(args, 1));
  if (fd == 1 || fd == 2) {
    (fd == 1 ? vm.write_stdout : vm.write_stderr)(text);
    return Value::undefined();
  }
  int error = write_all(fd, text);
  if (error) return object_value(errno_description(vm, error, "write"));
  return Value::undefined();
}

Value is_a_tty(Vm& vm, Value, std::span<const Value> args, Value) {
  return Value::boolean(::isatty(fd_arg(vm, args)) == 1);
}

// What kind of thing a file descriptor is, in libuv's words: 'TTY', 'FILE',
// 'PIPE' (pipes, FIFOs and sockets), 'UNKNOWN' (closed or other).
Value guess_handle_type(Vm& vm, Value, std::span<const Value> args, Value) {
  int fd = fd_arg(vm, args);
  const char* type = "UNKNOWN";
  struct stat st;
  if (fd >= 0 && ::fstat(fd, &st) == 0) {
    if (::isatty(fd)) type = "TTY";
    else if (S_ISREG(st.st_mode) || S_ISCHR(st.st_mode)) type = "FILE";
    else if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) type = "PIPE";
  }
  return string_value(vm.intern(type));
}

// [columns, rows] of the terminal on fd, or undefined.
Value get_window_size(Vm& vm, Value, std::span<const Value> args, Value) {
  winsize ws{};
  if (::ioctl(fd_arg(vm, args), TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return Value::undefined();
  Value parts[2] = {Value::number(ws.ws_col), Value::number(ws.ws_row)};
  return object_value(vm.new_array_from(parts));
}

// Milliseconds on the monotonic clock, as a double (console.time).
Value hrtime_ms(Vm&, Value, std::span<const Value>, Value) {
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch());
  return Value::number(double(ns.count()) / 1e6);
}

Value set_env(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string name = to_utf8(vm, arg(args, 0)), value = to_utf8(vm, arg(args, 1));
  ::setenv(name.c_str(), value.c_str(), 1);
  if (name == "TZ") ::tzset();
  return Value::undefined();
}

Value unset_env(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string name = to_utf8(vm, arg(args, 0));
  ::unsetenv(name.c_str());
  if (name == "TZ") ::tzset();
  return Value::undefined();
}

// chdir(dir): undefined, or an errno description.
Value chdir_native(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string dir = to_utf8(vm, arg(args, 0));
  if (::chdir(dir.c_str()) != 0) return object_value(errno_description(vm, errno, "chdir"));
  return Value::undefined();
}

// umask([mask]): the old mask (and sets the new one when given).
Value umask_native(Vm& vm, Value, std::span<const Value> args, Value) {
  Value v = arg(args, 0);
  if (v.is_undefined()) {
    mode_t old = ::umask(0);
    ::umask(old);
    return Value::number(old);
  }
  return Value::number(::umask(mode_t(to_uint32(vm, v) & 0777)));
}

// The runtime's start on both clocks: uptime() and performance.now() count
// from it, performance.timeOrigin is it in Unix time.
struct StartTime {
  std::chrono::steady_clock::time_point steady = std::chrono::steady_clock::now();
  std::chrono::system_clock::time_point wall = std::chrono::system_clock::now();
};
const StartTime& start_time() {
  static const StartTime start;
  return start;
}

Value uptime_native(Vm&, Value, std::span<const Value>, Value) {
  return Value::number(std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time().steady).count());
}

Value time_origin_ms(Vm&, Value, std::span<const Value>, Value) {
  return Value::number(std::chrono::duration<double, std::milli>(start_time().wall.time_since_epoch()).count());
}

// [user µs, system µs] of CPU time used so far.
Value cpu_usage(Vm& vm, Value, std::span<const Value>, Value) {
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  Value parts[2] = {Value::number(double(ru.ru_utime.tv_sec) * 1e6 + double(ru.ru_utime.tv_usec)),
                    Value::number(double(ru.ru_stime.tv_sec) * 1e6 + double(ru.ru_stime.tv_usec))};
  return object_value(vm.new_array_from(parts));
}

// getrusage's fields in process.resourceUsage() order.
Value resource_usage(Vm& vm, Value, std::span<const Value>, Value) {
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  Value parts[16] = {
      Value::number(double(ru.ru_utime.tv_sec) * 1e6 + double(ru.ru_utime.tv_usec)),
      Value::number(double(ru.ru_stime.tv_sec) * 1e6 + double(ru.ru_stime.tv_usec)),
      Value::number(double(ru.ru_maxrss)), Value::number(double(ru.ru_ixrss)), Value::number(double(ru.ru_idrss)),
      Value::number(double(ru.ru_isrss)), Value::number(double(ru.ru_minflt)), Value::number(double(ru.ru_majflt)),
      Value::number(double(ru.ru_nswap)), Value::number(double(ru.ru_inblock)), Value::number(double(ru.ru_oublock)),
      Value::number(double(ru.ru_msgsnd)), Value::number(double(ru.ru_msgrcv)), Value::number(double(ru.ru_nsignals)),
      Value::number(double(ru.ru_nvcsw)), Value::number(double(ru.ru_nivcsw))};
  return object_value(vm.new_array_from(parts));
}

// Resident set size in bytes, now (process.memoryUsage.rss()).
Value rss_native(Vm&, Value, std::span<const Value>, Value) {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return Value::number(double(resident) * double(::sysconf(_SC_PAGESIZE)));
}

Value heap_stats(Vm& vm, Value, std::span<const Value>, Value) {
  Value parts[2] = {Value::number(double(vm.heap().stats().live_bytes)),
                    Value::number(double(vm.heap().stats().live_bytes))};
  return object_value(vm.new_array_from(parts));
}

Value ids(Vm& vm, Value, std::span<const Value>, Value) {
  Value parts[4] = {Value::number(::getuid()), Value::number(::geteuid()), Value::number(::getgid()),
                    Value::number(::getegid())};
  return object_value(vm.new_array_from(parts));
}

Value get_groups(Vm& vm, Value, std::span<const Value>, Value) {
  gid_t groups[256];
  int n = ::getgroups(256, groups);
  ValueVector out(vm.heap());
  for (int i = 0; i < n; ++i) out.values.push_back(Value::number(groups[i]));
  return object_value(vm.new_array_from(out.values));
}

// kill(pid, signal): 0, or an errno description.
Value kill_native(Vm& vm, Value, std::span<const Value> args, Value) {
  pid_t pid = pid_t(to_number(vm, arg(args, 0)));
  int sig = int(to_number(vm, arg(args, 1)));
  if (::kill(pid, sig) != 0) return object_value(errno_description(vm, errno, "kill"));
  return Value::undefined();
}

Value abort_native(Vm&, Value, std::span<const Value>, Value) {
  std::fflush(stdout);
  std::abort();
}

// The end of the process: 'exit' listeners have run (process.reallyExit).
Value really_exit(Vm& vm, Value, std::span<const Value> args, Value) {
  Runtime::of(vm).exit(int(to_number(vm, arg(args, 0))));
}

// watchSignal(name): from now on the loop watches the signal (eventloop's
// asio::signal_set, which never keeps the loop alive); each delivery calls
// process.emit(name, name), as Node does. setup.js calls it for the first
// listener of a signal event. Once watched, a signal stays caught (Node
// restores the default action when the last listener goes; Glass does not yet).
Value watch_signal(Vm& vm, Value, std::span<const Value> args, Value) {
  static std::set<int> watched;  // one runtime per process
  std::string name = to_utf8(vm, arg(args, 0));
  int signo = 0;
  for (auto [n, number] : kSignalTable)
    if (name == n) signo = number;
  if (!signo || signo == SIGKILL || signo == SIGSTOP || !watched.insert(signo).second) return Value::undefined();
  Runtime& rt = Runtime::of(vm);
  rt.loop().on_signal(signo, [&rt, name] {
    Vm& vm = rt.vm();
    gc::Rooted<Object> process(vm.heap(), rt.process());
    RootedValue emit(vm.heap(), get(vm, process, key_of(vm, "emit")));
    gc::Rooted<String> n(vm.heap(), vm.new_string(name));
    Value a[2] = {string_value(n), string_value(n)};
    rt.call_callback(emit, object_value(process), a);
  });
  return Value::undefined();
}

// consoleCalled(method, ...args): tells a debugger that is listening
// (Vm::console_observer) of a console call, with the values themselves.
Value console_called(Vm& vm, Value, std::span<const Value> args, Value) {
  if (!vm.console_observer || args.empty()) return Value::undefined();
  std::string method = to_utf8(vm, args[0]);
  vm.console_observer(method, args.subspan(1));
  return Value::undefined();
}

Value console_observed(Vm& vm, Value, std::span<const Value>, Value) {
  return Value::boolean(static_cast<bool>(vm.console_observer));
}

Value exec_argv(Vm& vm, Value, std::span<const Value>, Value) {
  ValueVector out(vm.heap());
  for (const std::string& a : Runtime::of(vm).options().exec_argv) out.values.push_back(string_value(vm.new_string(a)));
  return object_value(vm.new_array_from(out.values));
}

// sourceLine(name, line): line `line` (1-based) of the source a stack names:
// a file path, a file: URL, a built-in module (node:...) or an [eval]-like
// text the runtime ran; undefined when there is none.
Value source_line(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string name = to_utf8(vm, arg(args, 0));
  int line = int(to_number(vm, arg(args, 1)));
  std::string text;
  if (const std::string* remembered = remembered_source(name)) {
    text = *remembered;
  } else if (name.starts_with("node:")) {
    const char* source = builtin_source(name.substr(5));
    if (!source) return Value::undefined();
    text = source;
  } else {
    std::string path = name;
    if (path.starts_with("file://")) path = file_url_to_path(path);
    if (!read_text_file(path, text)) return Value::undefined();
  }
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string::npos) return Value::undefined();
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string result = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!result.empty() && result.back() == '\r') result.pop_back();
  if (line == 1 && result.starts_with("#!")) result.replace(0, 2, "//");
  return string_value(vm.new_string(result));
}

Value version_line(Vm& vm, Value, std::span<const Value>, Value) {
  return string_value(vm.new_string(std::string("Glass v") + GLASS_VERSION));
}
Value glass_version(Vm& vm, Value, std::span<const Value>, Value) { return string_value(vm.new_string(GLASS_VERSION)); }
Value icu_version(Vm& vm, Value, std::span<const Value>, Value) { return string_value(vm.new_string(U_ICU_VERSION)); }
Value unicode_version(Vm& vm, Value, std::span<const Value>, Value) {
  return string_value(vm.new_string(U_UNICODE_VERSION));
}
Value glibc_version(Vm& vm, Value, std::span<const Value>, Value) {
  return string_value(vm.new_string(gnu_get_libc_version()));
}

// Node's names for the machine: x64, arm64, ia32, arm, ...
const char* node_arch() {
#if defined(__x86_64__)
  return "x64";
#elif defined(__aarch64__)
  return "arm64";
#elif defined(__i386__)
  return "ia32";
#elif defined(__arm__)
  return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
  return "riscv64";
#elif defined(__powerpc64__)
  return "ppc64";
#elif defined(__s390x__)
  return "s390x";
#else
  return "unknown";
#endif
}
Value arch_native(Vm& vm, Value, std::span<const Value>, Value) { return string_value(vm.intern(node_arch())); }
Value argv0_native(Vm& vm, Value, std::span<const Value>, Value) {
  return string_value(vm.new_string(Runtime::of(vm).options().argv0));
}

}  // namespace

const char* node_arch_name() { return node_arch(); }

Value process_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "writeString", write_string, 3);
  vm.define_native(b, "isatty", is_a_tty, 1);
  vm.define_native(b, "guessHandleType", guess_handle_type, 1);
  vm.define_native(b, "getWindowSize", get_window_size, 1);
  vm.define_native(b, "hrtimeMs", hrtime_ms, 0);
  vm.define_native(b, "setenv", set_env, 2);
  vm.define_native(b, "unsetenv", unset_env, 1);
  vm.define_native(b, "chdir", chdir_native, 1);
  vm.define_native(b, "umask", umask_native, 1);
  vm.define_native(b, "uptime", uptime_native, 0);
  vm.define_native(b, "timeOriginMs", time_origin_ms, 0);
  vm.define_native(b, "cpuUsage", cpu_usage, 0);
  vm.define_native(b, "resourceUsage", resource_usage, 0);
  vm.define_native(b, "rss", rss_native, 0);
  vm.define_native(b, "heapStats", heap_stats, 0);
  vm.define_native(b, "ids", ids, 0);
  vm.define_native(b, "getgroups", get_groups, 0);
  vm.define_native(b, "kill", kill_native, 2);
  vm.define_native(b, "abort", abort_native, 0);
  vm.define_native(b, "reallyExit", really_exit, 1);
  vm.define_native(b, "execArgv", exec_argv, 0);
  vm.define_native(b, "watchSignal", watch_signal, 1);
  vm.define_native(b, "consoleCalled", console_called, 1);
  vm.define_native(b, "consoleObserved", console_observed, 0);
  vm.define_native(b, "sourceLine", source_line, 2);
  vm.define_native(b, "versionLine", version_line, 0);
  vm.define_native(b, "glassVersion", glass_version, 0);
  vm.define_native(b, "icuVersion", icu_version, 0);
  vm.define_native(b, "unicodeVersion", unicode_version, 0);
  vm.define_native(b, "glibcVersion", glibc_version, 0);
  vm.define_native(b, "arch", arch_native, 0);
  vm.define_native(b, "argv0", argv0_native, 0);
  gc::Rooted<Object> signals(vm.heap(), vm.new_object_with_proto(nullptr));
  for (auto [name, number] : kSignalTable) vm.define_value(signals, name, Value::number(number), kDefaultProperty);
  vm.define_value(b, "signals", object_value(signals), kDefaultProperty);
  start_time();  // starts the clocks
  return object_value(b);
}

}  // namespace glass::natives
