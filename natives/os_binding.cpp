// internal:os — the operating-system facts lib/os.js reports: uname,
// hostname, memory, uptime, load, CPUs (/proc/cpuinfo and /proc/stat),
// network interfaces (getifaddrs), the user (getpwuid_r), priorities, and
// the errno table for os.constants.errno.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netpacket/packet.h>
#include <pwd.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "natives/runtime.h"

namespace glass::natives {

namespace {

void put_string(Vm& vm, Object* o, const char* name, const std::string& text) {
  gc::Rooted<Object> target(vm.heap(), o);
  gc::Rooted<String> s(vm.heap(), vm.new_string(text));
  vm.define_value(target, name, string_value(s), kDefaultProperty);
}

// uname(): [sysname, release, version, machine]
Value os_uname(Vm& vm, Value, std::span<const Value>, Value) {
  struct utsname u {};
  ::uname(&u);
  ValueVector parts(vm.heap());
  for (const char* s : {u.sysname, u.release, u.version, u.machine}) parts.values.push_back(string_value(vm.new_string(s)));
  return object_value(vm.new_array_from(parts.values));
}

Value os_hostname(Vm& vm, Value, std::span<const Value>, Value) {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return string_value(vm.new_string(name));
}

// [total, free] bytes; free is MemAvailable, as libuv reports it.
Value os_memory(Vm& vm, Value, std::span<const Value>, Value) {
  double total = 0, available = -1;
  std::ifstream in("/proc/meminfo");
  std::string key;
  double value;
  std::string unit;
  while (in >> key >> value >> unit) {
    if (key == "MemTotal:") total = value * 1024;
    if (key == "MemAvailable:") available = value * 1024;
  }
  if (available < 0) {
    struct sysinfo si {};
    ::sysinfo(&si);
    available = double(si.freeram) * si.mem_unit;
    if (total == 0) total = double(si.totalram) * si.mem_unit;
  }
  Value parts[2] = {Value::number(total), Value::number(available)};
  return object_value(vm.new_array_from(parts));
}

Value os_uptime(Vm& vm, Value, std::span<const Value>, Value) {
  std::ifstream in("/proc/uptime");
  double up = 0;
  in >> up;
  return Value::number(std::floor(up * 100) / 100);
}

Value os_loadavg(Vm& vm, Value, std::span<const Value>, Value) {
  double load[3] = {0, 0, 0};
  if (::getloadavg(load, 3) < 0) load[0] = load[1] = load[2] = 0;
  Value parts[3] = {Value::number(load[0]), Value::number(load[1]), Value::number(load[2])};
  return object_value(vm.new_array_from(parts));
}

// cpus(): [[model, speed MHz, user, nice, sys, idle, irq] per CPU] (times in ms).
Value os_cpus(Vm& vm, Value, std::span<const Value>, Value) {
  std::vector<std::string> models;
  std::vector<double> speeds;
  {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
      auto value = [&] {
        size_t colon = line.find(':');
        std::string v = colon == std::string::npos ? "" : line.substr(colon + 1);
        size_t start = v.find_first_not_of(" \t");
        return start == std::string::npos ? std::string() : v.substr(start);
      };
      if (line.starts_with("model name")) models.push_back(value());
      else if (line.starts_with("cpu MHz")) speeds.push_back(std::floor(std::atof(value().c_str())));
    }
  }
  ValueVector cpus(vm.heap());
  std::ifstream stat("/proc/stat");
  std::string line;
  long ticks = ::sysconf(_SC_CLK_TCK);
  double ms_per_tick = ticks > 0 ? 1000.0 / double(ticks) : 10;
  size_t index = 0;
  while (std::getline(stat, line)) {
    if (!line.starts_with("cpu") || line.size() < 4 || !std::isdigit(uint8_t(line[3]))) continue;
    std::istringstream fields(line);
    std::string name;
    double user = 0, nice = 0, sys = 0, idle = 0, iowait = 0, irq = 0;
    fields >> name >> user >> nice >> sys >> idle >> iowait >> irq;
    ValueVector entry(vm.heap());
    std::string model = index < models.size() ? models[index] : (models.empty() ? "unknown" : models[0]);
    entry.values.push_back(string_value(vm.new_string(model)));
    entry.values.push_back(Value::number(index < speeds.size() ? speeds[index] : 0));
    for (double t : {user, nice, sys, idle, irq}) entry.values.push_back(Value::number(t * ms_per_tick));
    cpus.values.push_back(object_value(vm.new_array_from(entry.values)));
    ++index;
  }
  return object_value(vm.new_array_from(cpus.values));
}

std::string mac_string(const unsigned char* mac) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
  return buf;
}

// networkInterfaces(): [name, address, netmask, family, mac, internal, scopeid] rows.
Value os_interfaces(Vm& vm, Value, std::span<const Value>, Value) {
  struct ifaddrs* list = nullptr;
  ValueVector rows(vm.heap());
  if (::getifaddrs(&list) != 0) return object_value(vm.new_array_from(rows.values));
  // The hardware address of each interface first (AF_PACKET entries).
  std::vector<std::pair<std::string, std::string>> macs;
  for (auto* ifa = list; ifa; ifa = ifa->ifa_next) {
    if (!ifa->ifa_addr || ifa->ifa_addr->sa_family != AF_PACKET) continue;
    auto* ll = reinterpret_cast<sockaddr_ll*>(ifa->ifa_addr);
    macs.emplace_back(ifa->ifa_name, ll->sll_halen == 6 ? mac_string(ll->sll_addr) : "00:00:00:00:00:00");
  }
  for (auto* ifa = list; ifa; ifa = ifa->ifa_next) {
    if (!ifa->ifa_addr || !(ifa->ifa_flags & IFF_UP) || !(ifa->ifa_flags & IFF_RUNNING)) continue;
    int family = ifa->ifa_addr->sa_family;
    if (family != AF_INET && family != AF_INET6) continue;
    char address[INET6_ADDRSTRLEN] = {}, netmask[INET6_ADDRSTRLEN] = {};
    double scope = -1;
    if (family == AF_INET) {
      ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(ifa->ifa_addr)->sin_addr, address, sizeof address);
      if (ifa->ifa_netmask)
        ::inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(ifa->ifa_netmask)->sin_addr, netmask, sizeof netmask);
    } else {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(ifa->ifa_addr);
      ::inet_ntop(AF_INET6, &in6->sin6_addr, address, sizeof address);
      if (ifa->ifa_netmask)
        ::inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(ifa->ifa_netmask)->sin6_addr, netmask, sizeof netmask);
      scope = in6->sin6_scope_id;
    }
    std::string mac = "00:00:00:00:00:00";
    for (auto& [name, m] : macs)
      if (name == ifa->ifa_name) mac = m;
    ValueVector row(vm.heap());
    row.values.push_back(string_value(vm.new_string(ifa->ifa_name)));
    row.values.push_back(string_value(vm.new_string(address)));
    row.values.push_back(string_value(vm.new_string(netmask)));
    row.values.push_back(string_value(vm.new_string(family == AF_INET ? "IPv4" : "IPv6")));
    row.values.push_back(string_value(vm.new_string(mac)));
    row.values.push_back(Value::boolean(ifa->ifa_flags & IFF_LOOPBACK));
    row.values.push_back(Value::number(scope));
    rows.values.push_back(object_value(vm.new_array_from(row.values)));
  }
  ::freeifaddrs(list);
  return object_value(vm.new_array_from(rows.values));
}

// userInfo(): {uid, gid, username, homedir, shell}, or an errno description.
Value os_user_info(Vm& vm, Value, std::span<const Value>, Value) {
  struct passwd pw {};
  struct passwd* result = nullptr;
  std::vector<char> buffer(16384);
  int error = ::getpwuid_r(::geteuid(), &pw, buffer.data(), buffer.size(), &result);
  gc::Rooted<Object> o(vm.heap(), vm.new_object());
  if (error != 0 || !result) {
    vm.define_value(o, "errno", Value::number(error ? error : ENOENT), kDefaultProperty);
    return object_value(o);
  }
  vm.define_value(o, "uid", Value::number(pw.pw_uid), kDefaultProperty);
  vm.define_value(o, "gid", Value::number(pw.pw_gid), kDefaultProperty);
  put_string(vm, o, "username", pw.pw_name);
  put_string(vm, o, "homedir", pw.pw_dir);
  put_string(vm, o, "shell", pw.pw_shell ? pw.pw_shell : "");
  return object_value(o);
}

// getPriority(pid) -> priority, or [errno]; setPriority(pid, priority) -> 0 or errno.
Value os_get_priority(Vm& vm, Value, std::span<const Value> args, Value) {
  errno = 0;
  int p = ::getpriority(PRIO_PROCESS, id_t(to_number(vm, arg(args, 0))));
  if (p == -1 && errno != 0) {
    Value e[1] = {Value::number(errno)};
    return object_value(vm.new_array_from(e));
  }
  return Value::number(p);
}

Value os_set_priority(Vm& vm, Value, std::span<const Value> args, Value) {
  int r = ::setpriority(PRIO_PROCESS, id_t(to_number(vm, arg(args, 0))), int(to_number(vm, arg(args, 1))));
  return Value::number(r == 0 ? 0 : errno);
}

Value os_available_parallelism(Vm&, Value, std::span<const Value>, Value) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return Value::number(n > 0 ? double(n) : 1);
}

// errno: {ENOENT: 2, ...} for os.constants.errno.
Value os_errno_constants(Vm& vm, Value, std::span<const Value>, Value) {
  gc::Rooted<Object> o(vm.heap(), vm.new_object_with_proto(nullptr));
  static const std::pair<const char*, int> kErrno[] = {
#define GLASS_E(name) {#name, name},
      GLASS_E(E2BIG) GLASS_E(EACCES) GLASS_E(EADDRINUSE) GLASS_E(EADDRNOTAVAIL) GLASS_E(EAFNOSUPPORT) GLASS_E(EAGAIN)
      GLASS_E(EALREADY) GLASS_E(EBADF) GLASS_E(EBADMSG) GLASS_E(EBUSY) GLASS_E(ECANCELED) GLASS_E(ECHILD)
      GLASS_E(ECONNABORTED) GLASS_E(ECONNREFUSED) GLASS_E(ECONNRESET) GLASS_E(EDEADLK) GLASS_E(EDESTADDRREQ)
      GLASS_E(EDOM) GLASS_E(EDQUOT) GLASS_E(EEXIST) GLASS_E(EFAULT) GLASS_E(EFBIG) GLASS_E(EHOSTUNREACH)
      GLASS_E(EIDRM) GLASS_E(EILSEQ) GLASS_E(EINPROGRESS) GLASS_E(EINTR) GLASS_E(EINVAL) GLASS_E(EIO)
      GLASS_E(EISCONN) GLASS_E(EISDIR) GLASS_E(ELOOP) GLASS_E(EMFILE) GLASS_E(EMLINK) GLASS_E(EMSGSIZE)
      GLASS_E(EMULTIHOP) GLASS_E(ENAMETOOLONG) GLASS_E(ENETDOWN) GLASS_E(ENETRESET) GLASS_E(ENETUNREACH)
      GLASS_E(ENFILE) GLASS_E(ENOBUFS) GLASS_E(ENODATA) GLASS_E(ENODEV) GLASS_E(ENOENT) GLASS_E(ENOEXEC)
      GLASS_E(ENOLCK) GLASS_E(ENOLINK) GLASS_E(ENOMEM) GLASS_E(ENOMSG) GLASS_E(ENOPROTOOPT) GLASS_E(ENOSPC)
      GLASS_E(ENOSR) GLASS_E(ENOSTR) GLASS_E(ENOSYS) GLASS_E(ENOTCONN) GLASS_E(ENOTDIR) GLASS_E(ENOTEMPTY)
      GLASS_E(ENOTSOCK) GLASS_E(ENOTSUP) GLASS_E(ENOTTY) GLASS_E(ENXIO) GLASS_E(EOPNOTSUPP) GLASS_E(EOVERFLOW)
      GLASS_E(EPERM) GLASS_E(EPIPE) GLASS_E(EPROTO) GLASS_E(EPROTONOSUPPORT) GLASS_E(EPROTOTYPE) GLASS_E(ERANGE)
      GLASS_E(EROFS) GLASS_E(ESPIPE) GLASS_E(ESRCH) GLASS_E(ESTALE) GLASS_E(ETIME) GLASS_E(ETIMEDOUT)
      GLASS_E(ETXTBSY) GLASS_E(EWOULDBLOCK) GLASS_E(EXDEV)
#undef GLASS_E
  };
  for (auto [name, value] : kErrno) vm.define_value(o, name, Value::number(value), kDefaultProperty);
  return object_value(o);
}

}  // namespace

const char* node_arch_name();  // process_binding.cpp

Value os_binding(Runtime& rt) {
  Vm& vm = rt.vm();
  gc::Rooted<Object> b(vm.heap(), vm.new_object());
  vm.define_native(b, "uname", os_uname, 0);
  vm.define_native(b, "hostname", os_hostname, 0);
  vm.define_native(b, "memory", os_memory, 0);
  vm.define_native(b, "uptime", os_uptime, 0);
  vm.define_native(b, "loadavg", os_loadavg, 0);
  vm.define_native(b, "cpus", os_cpus, 0);
  vm.define_native(b, "networkInterfaces", os_interfaces, 0);
  vm.define_native(b, "userInfo", os_user_info, 0);
  vm.define_native(b, "getPriority", os_get_priority, 1);
  vm.define_native(b, "setPriority", os_set_priority, 2);
  vm.define_native(b, "availableParallelism", os_available_parallelism, 0);
  vm.define_native(b, "errnoConstants", os_errno_constants, 0);
  put_string(vm, b, "arch", node_arch_name());
  return object_value(b);
}

}  // namespace glass::natives
