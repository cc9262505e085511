// Child processes (see child_process.h for the rules).
#include "eventloop/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

extern char** environ;

namespace glass::eventloop {

namespace {

// ---- preparing a child (everything that allocates happens before fork) ----

struct Prepared {
  std::string path;                  // the program, resolved
  std::vector<std::string> strings;  // owns what argv/envp point into
  std::vector<char*> argv, envp;
  std::vector<int> child_fds;        // what becomes descriptor i in the child
  std::vector<int> parent_fds;       // the parent's end of a pipe (or -1)
  std::vector<int> to_close;         // descriptors the parent closes after fork
  bool use_parent_env = true;
};

std::string env_value(const std::vector<std::string>* env, const char* name) {
  size_t n = std::strlen(name);
  if (env) {
    for (const std::string& e : *env)
      if (e.size() > n && e.compare(0, n, name) == 0 && e[n] == '=') return e.substr(n + 1);
    return "";
  }
  const char* v = std::getenv(name);
  return v ? v : "";
}

// The program's path: `file` itself when it names a directory part, else the
// first executable `file` on PATH (of the environment the child gets).
std::error_code resolve_program(const SpawnOptions& o, std::string& path) {
  if (o.file.find('/') != std::string::npos) {
    path = o.file;
    return {};
  }
  std::string dirs = env_value(o.env ? &*o.env : nullptr, "PATH");
  if (dirs.empty()) dirs = "/usr/local/bin:/usr/bin:/bin";
  int last_error = ENOENT;
  size_t start = 0;
  for (;;) {
    size_t end = dirs.find(':', start);
    std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + o.file;
    struct stat st;
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      if (::access(candidate.c_str(), X_OK) == 0) {
        path = candidate;
        return {};
      }
      last_error = EACCES;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return std::error_code(last_error, std::generic_category());
}

void close_all(std::vector<int>& fds) {
  for (int fd : fds)
    if (fd >= 0) ::close(fd);
  fds.clear();
}

std::error_code prepare(const SpawnOptions& o, Prepared& p) {
  if (std::error_code ec = resolve_program(o, p.path)) return ec;
  for (const std::string& a : o.args) p.strings.push_back(a);
  size_t argc = p.strings.size();
  if (o.env) {
    p.use_parent_env = false;
    for (const std::string& e : *o.env) p.strings.push_back(e);
  }
  for (size_t i = 0; i < argc; ++i) p.argv.push_back(p.strings[i].data());
  p.argv.push_back(nullptr);
  for (size_t i = argc; i < p.strings.size(); ++i) p.envp.push_back(p.strings[i].data());
  p.envp.push_back(nullptr);
  for (size_t i = 0; i < o.stdio.size(); ++i) {
    const StdioSpec& s = o.stdio[i];
    int child = -1, parent = -1;
    switch (s.kind) {
      case StdioSpec::Kind::Pipe: {
        // A socketpair, as libuv uses: one duplex descriptor each side.
        int pair[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
          std::error_code ec(errno, std::generic_category());
          close_all(p.to_close);
          close_all(p.parent_fds);
          return ec;
        }
        parent = pair[0];
        child = pair[1];
        p.to_close.push_back(child);
        break;
      }
      case StdioSpec::Kind::Inherit: child = s.fd >= 0 ? s.fd : int(i); break;
      case StdioSpec::Kind::Fd: child = s.fd; break;
      case StdioSpec::Kind::Ignore: {
        child = ::open("/dev/null", (i == 0 ? O_RDONLY : O_RDWR) | O_CLOEXEC);
        if (child < 0) {
          std::error_code ec(errno, std::generic_category());
          close_all(p.to_close);
          close_all(p.parent_fds);
          return ec;
        }
        p.to_close.push_back(child);
        break;
      }
    }
    p.child_fds.push_back(child);
    p.parent_fds.push_back(parent);
  }
  return {};
}

// The child's way out when a step before exec fails: the errno to the parent, status 127.
[[noreturn]] void fail_in_child(int error_pipe, int error) {
  ssize_t ignored = ::write(error_pipe, &error, sizeof error);
  (void)ignored;
  ::_exit(127);
}

// In the child, between fork and exec: async-signal-safe calls only.
[[noreturn]] void exec_child(const SpawnOptions& o, Prepared& p, int error_pipe) {
  auto fail = [error_pipe](int error) { fail_in_child(error_pipe, error); };
  if (o.detached) ::setsid();
  int count = int(p.child_fds.size());
  // Sources that are themselves targets (0..count-1) move out of the way first.
  for (int i = 0; i < count; ++i) {
    int& src = p.child_fds[size_t(i)];
    if (src >= 0 && src < count && src != i) {
      int moved = ::fcntl(src, F_DUPFD_CLOEXEC, count);
      if (moved < 0) fail(errno);
      src = moved;
    }
  }
  for (int i = 0; i < count; ++i) {
    int src = p.child_fds[size_t(i)];
    if (src < 0) continue;
    if (src == i) {
      if (::fcntl(i, F_SETFD, 0) != 0) fail(errno);  // keep it across exec
    } else if (::dup2(src, i) < 0) {
      fail(errno);
    }
  }
  if (!o.cwd.empty() && ::chdir(o.cwd.c_str()) != 0) fail(errno);
  if (o.gid && ::setgid(*o.gid) != 0) fail(errno);
  if (o.uid && ::setuid(*o.uid) != 0) fail(errno);
  // Default signal dispositions and an empty mask, as a fresh program expects.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &dfl, nullptr);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execve(p.path.c_str(), p.argv.data(), p.use_parent_env ? environ : p.envp.data());
  fail_in_child(error_pipe, errno);
}

// Forks and execs; returns the pid, or -1 with ec set (the child's exec
// error arrives through a close-on-exec pipe: nothing on it means exec worked).
pid_t start(const SpawnOptions& o, Prepared& p, std::error_code& ec) {
  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) {
    ec = std::error_code(errno, std::generic_category());
    return -1;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    ec = std::error_code(errno, std::generic_category());
    ::close(error_pipe[0]);
    ::close(error_pipe[1]);
    return -1;
  }
  if (pid == 0) {
    ::close(error_pipe[0]);
    exec_child(o, p, error_pipe[1]);
  }
  ::close(error_pipe[1]);
  close_all(p.to_close);
  int child_error = 0;
  ssize_t n;
  do {
    n = ::read(error_pipe[0], &child_error, sizeof child_error);
  } while (n < 0 && errno == EINTR);
  ::close(error_pipe[0]);
  if (n == sizeof child_error) {
    int status;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    for (int fd : p.parent_fds)
      if (fd >= 0) ::close(fd);
    ec = std::error_code(child_error, std::generic_category());
    return -1;
  }
  return pid;
}

}  // namespace

// ---- the reaper: one SIGCHLD watcher per loop ---------------------------------

class ChildReaper {
 public:
  // The loop owns its reaper (adopted), so children still running when the
  // loop ends go with it, before its io_context.
  static ChildReaper& of(Loop& loop) {
    static std::map<Loop*, std::weak_ptr<ChildReaper>> reapers;
    std::shared_ptr<ChildReaper> r = reapers[&loop].lock();
    if (!r) {
      r.reset(new ChildReaper(loop));
      loop.adopt(r);
      reapers[&loop] = r;
    }
    return *r;
  }
  void add(const std::shared_ptr<ChildProcess>& child) { children_[child->pid()] = child; }

 private:
  explicit ChildReaper(Loop& loop) {
    loop.on_signal(SIGCHLD, [this] { reap(); });
  }
  void reap() {
    for (auto it = children_.begin(); it != children_.end();) {
      int status;
      pid_t r = ::waitpid(it->first, &status, WNOHANG);
      if (r == it->first) {
        std::shared_ptr<ChildProcess> child = it->second;
        it = children_.erase(it);
        child->exited(status);
      } else {
        ++it;
      }
    }
  }
  std::map<pid_t, std::shared_ptr<ChildProcess>> children_;
};

ChildProcess::ChildProcess(Loop& loop, pid_t pid) : loop_(loop), pid_(pid), handle_(loop) {}

ChildProcess::~ChildProcess() = default;

std::shared_ptr<ChildProcess> ChildProcess::spawn(Loop& loop, const SpawnOptions& options, std::error_code& ec) {
  ChildReaper& reaper = ChildReaper::of(loop);  // watching SIGCHLD before the child can exit
  Prepared p;
  if ((ec = prepare(options, p))) return nullptr;
  pid_t pid = start(options, p, ec);
  if (pid < 0) return nullptr;
  std::shared_ptr<ChildProcess> child(new ChildProcess(loop, pid));
  for (int fd : p.parent_fds) child->pipes_.push_back(fd >= 0 ? Pipe::create(loop, fd, true) : nullptr);
  reaper.add(child);
  return child;
}

void ChildProcess::exited(int status) {
  exited_ = true;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  // Reported as a poll-phase completion, after whatever output is already queued.
  auto self = shared_from_this();
  asio::post(loop_.io_context(), loop_.bind("child exit", [self, code, signal] {
    self->handle_.close();
    if (self->on_exit_) self->on_exit_(code, signal);
  }));
}

int ChildProcess::kill(int signal) {
  if (exited_) return ESRCH;
  return ::kill(pid_, signal) == 0 ? 0 : errno;
}

// ---- run_sync ------------------------------------------------------------------

SyncResult run_sync(const SyncOptions& options) {
  SyncResult result;
  Prepared p;
  if ((result.error = prepare(options.spawn, p))) return result;
  std::error_code ec;
  pid_t pid = start(options.spawn, p, ec);
  if (pid < 0) {
    result.error = ec;
    return result;
  }
  result.pid = pid;
  std::vector<int> fds = p.parent_fds;
  for (int fd : fds)
    if (fd >= 0) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  size_t input_off = 0;
  if (!fds.empty() && fds[0] >= 0 && options.input.empty()) {
    ::shutdown(fds[0], SHUT_WR);
  }
  auto deadline = options.timeout ? std::chrono::steady_clock::now() + *options.timeout
                                  : std::chrono::steady_clock::time_point::max();
  bool killed = false;
  for (;;) {
    std::vector<pollfd> polls;
    std::vector<size_t> which;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (fds[i] < 0) continue;
      short events = 0;
      if (i == 0 && input_off < options.input.size()) events = POLLOUT;
      else if (i != 0) events = POLLIN;
      if (!events) continue;
      polls.push_back(pollfd{fds[i], events, 0});
      which.push_back(i);
    }
    if (polls.empty()) break;
    int wait_ms = -1;
    if (options.timeout && !killed) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      wait_ms = int(std::max<long long>(0, left.count()));
    }
    int n = ::poll(polls.data(), polls.size(), wait_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 && !killed) {
      result.timed_out = true;
      ::kill(pid, options.kill_signal);
      killed = true;
      continue;
    }
    for (size_t k = 0; k < polls.size(); ++k) {
      size_t i = which[k];
      if (!polls[k].revents) continue;
      if (i == 0) {
        ssize_t w = ::write(fds[0], options.input.data() + input_off, options.input.size() - input_off);
        if (w > 0) input_off += size_t(w);
        if (w < 0 && errno != EAGAIN) input_off = options.input.size();
        if (input_off == options.input.size()) ::shutdown(fds[0], SHUT_WR);
        continue;
      }
      char buf[65536];
      ssize_t r = ::read(fds[i], buf, sizeof buf);
      if (r > 0) {
        std::string& out = result.output[std::min<size_t>(i, 2)];
        out.append(buf, size_t(r));
        if (out.size() > options.max_buffer && !killed) {
          out.resize(options.max_buffer);
          result.max_buffer_exceeded = true;
          result.max_buffer_fd = int(i);
          ::kill(pid, options.kill_signal);
          killed = true;
        }
      } else if (r == 0 || errno != EAGAIN) {
        ::close(fds[i]);
        fds[i] = -1;
      }
    }
  }
  for (int& fd : fds)
    if (fd >= 0) ::close(fd);
  int status = 0;
  // The child may outlive its pipes (or have none): the timeout still holds.
  for (;;) {
    pid_t r = ::waitpid(pid, &status, options.timeout && !killed ? WNOHANG : 0);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) break;
    if (r == 0) {
      if (std::chrono::steady_clock::now() >= deadline) {
        result.timed_out = true;
        ::kill(pid, options.kill_signal);
        killed = true;
      } else {
        ::usleep(1000);
      }
    }
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  if (result.timed_out) result.error = std::error_code(ETIMEDOUT, std::generic_category());
  else if (result.max_buffer_exceeded) result.error = std::error_code(ENOBUFS, std::generic_category());
  return result;
}

}  // namespace glass::eventloop
