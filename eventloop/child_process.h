// glass::eventloop child processes: spawn() starts a program whose exit the
// loop reports, its stdio pipes being eventloop::Pipe objects; run_sync()
// runs one to completion, blocking (Node's spawnSync). C++ only; natives/
// builds Node's child_process on it.
//
// Rules a reader must know:
// - A running child is a referenced Handle until it exits (or unref()):
//   the loop waits for it. Its exit is noticed on SIGCHLD (one loop-wide
//   watcher reaps every child of this loop with waitpid) and reported in
//   the poll phase ("child exit").
// - The program is found on the PATH of the environment it will run with
//   (as libuv does); a failure to start (ENOENT, EACCES, a bad cwd) is
//   reported by spawn() itself, through `ec`, never as an exit.
// - The child is made with fork + exec. Between the two it only calls
//   async-signal-safe functions (dup2, chdir, setsid, execve, write, _exit):
//   the parent has threads (the pool), so nothing else is safe there.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "eventloop/loop.h"
#include "eventloop/pipe.h"

namespace glass::eventloop {

struct StdioSpec {
  enum class Kind { Pipe, Inherit, Ignore, Fd } kind = Kind::Pipe;
  int fd = -1;  // Inherit: the parent's descriptor (default: the same number); Fd: this descriptor
};

struct SpawnOptions {
  std::string file;                // the program; looked up on PATH unless it has a '/'
  std::vector<std::string> args;   // argv, argv[0] included
  std::optional<std::vector<std::string>> env;  // "NAME=value"; nullopt: the parent's
  std::string cwd;                 // empty: the parent's
  std::vector<StdioSpec> stdio;    // descriptors 0, 1, 2, ... of the child
  bool detached = false;           // its own session (setsid)
  std::optional<uid_t> uid;
  std::optional<gid_t> gid;
};

class ChildProcess : public std::enable_shared_from_this<ChildProcess> {
 public:
  // exit_code when it exited, signal (nonzero) when a signal ended it.
  using ExitCallback = std::function<void(int exit_code, int signal)>;

  // Starts the child; null (and ec set) when it could not start.
  static std::shared_ptr<ChildProcess> spawn(Loop& loop, const SpawnOptions& options, std::error_code& ec);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess();

  pid_t pid() const { return pid_; }
  // The parent's end of stdio descriptor i (null unless it is a Pipe).
  std::shared_ptr<Pipe> pipe(size_t i) const { return i < pipes_.size() ? pipes_[i] : nullptr; }
  void on_exit(ExitCallback callback) { on_exit_ = std::move(callback); }
  // kill(2); 0 or the errno.
  int kill(int signal);
  bool exited() const { return exited_; }

  void ref() { handle_.ref(); }
  void unref() { handle_.unref(); }

 private:
  friend class ChildReaper;
  ChildProcess(Loop& loop, pid_t pid);
  void exited(int status);  // called by the reaper with waitpid's status

  Loop& loop_;
  pid_t pid_;
  Handle handle_;
  std::vector<std::shared_ptr<Pipe>> pipes_;
  ExitCallback on_exit_;
  bool exited_ = false;
};

// spawnSync / execSync: runs the program to completion, feeding `input` to
// its stdin (when stdio[0] is a pipe) and collecting what it writes to its
// stdio pipes, which are stdout (1) and stderr (2) here.
struct SyncOptions {
  SpawnOptions spawn;
  std::string input;
  std::optional<std::chrono::milliseconds> timeout;
  int kill_signal = 15;             // sent on timeout or when max_buffer is exceeded
  size_t max_buffer = 1024 * 1024;  // per stream
};

struct SyncResult {
  pid_t pid = 0;
  std::string output[3];      // by descriptor: [1] stdout, [2] stderr
  int exit_code = -1;         // -1 when killed by a signal
  int signal = 0;
  std::error_code error;      // failed to start, or ETIMEDOUT / ENOBUFS (killed for it)
  bool timed_out = false;
  bool max_buffer_exceeded = false;
  int max_buffer_fd = 0;      // which stream overflowed
};

SyncResult run_sync(const SyncOptions& options);

}  // namespace glass::eventloop
