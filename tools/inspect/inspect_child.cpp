#include "inspect/inspect_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <re2/re2.h>

extern char** environ;

namespace glass::inspect {

bool start_inspect_child(const InspectLaunch& launch, InspectChild& child, std::string& error) {
  child = InspectChild{};
  int out[2], err[2];
  if (::pipe(out) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (::pipe(err) != 0) {
    error = std::strerror(errno);
    ::close(out[0]);
    ::close(out[1]);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addclose(&actions, err[0]);
  if (!launch.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, launch.cwd.c_str());
  std::vector<std::string> argv = {launch.glass, "--inspect-brk=127.0.0.1:" + std::to_string(launch.port)};
  argv.insert(argv.end(), launch.flags.begin(), launch.flags.end());
  argv.push_back(launch.file);
  argv.insert(argv.end(), launch.args.begin(), launch.args.end());
  std::vector<char*> cargv;
  for (std::string& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  int rc = posix_spawn(&child.pid, launch.glass.c_str(), &actions, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  ::close(err[1]);
  if (rc != 0) {
    ::close(out[0]);
    ::close(err[0]);
    child.pid = -1;
    error = "cannot start " + launch.glass + ": " + std::strerror(rc);
    return false;
  }
  child.out_fd = out[0];
  child.err_fd = err[0];
  for (int fd : {child.out_fd, child.err_fd}) {
    ::fcntl(fd, F_SETFL, O_NONBLOCK);
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
  }
  // Its first words say where it listens; "For help" ends them.
  static const RE2 listening(R"(Debugger listening on ws://([^:/]+):(\d+)/)");
  for (int waited = 0; waited < 200; ++waited) {
    pollfd fds[1] = {{child.err_fd, POLLIN, 0}};
    ::poll(fds, 1, 50);
    char buffer[4096];
    ssize_t n = ::read(child.err_fd, buffer, sizeof buffer);
    if (n > 0) child.early_stderr.append(buffer, size_t(n));
    std::string port;
    if (RE2::PartialMatch(child.early_stderr, listening, &child.host, &port) &&
        child.early_stderr.find("For help") != std::string::npos) {
      child.port = uint16_t(std::stoi(port));
      return true;
    }
    if (n == 0) break;  // it ended before listening
  }
  error = "the program did not start its debugger server";
  ::kill(child.pid, SIGKILL);
  ::waitpid(child.pid, nullptr, 0);
  ::close(child.out_fd);
  ::close(child.err_fd);
  child.pid = -1;
  child.out_fd = child.err_fd = -1;
  return false;
}

}  // namespace glass::inspect
