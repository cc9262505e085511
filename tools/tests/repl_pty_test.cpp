// The REPL on a terminal: glass runs under a pseudo-terminal (forkpty) and
// each test types keys and reads the screen, as a person would. What does
// not need a terminal is in conformance/repl/ (golden transcripts).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <re2/re2.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

// Terminal output without its escape sequences (colors, cursor moves) and
// carriage returns: the text a reader sees.
std::string plain(const std::string& raw) {
  // RE2, not std::regex: libstdc++'s regex draws -Wmaybe-uninitialized in the debug build.
  static const RE2 csi("\x1b\\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\r|\x07");
  std::string text = raw;
  RE2::GlobalReplace(&text, csi, "");
  return text;
}

class Terminal {
 public:
  explicit Terminal(const std::vector<std::string>& env_extra) {
    struct winsize ws {};
    ws.ws_col = 100;
    ws.ws_row = 40;
    pid_ = forkpty(&master_, nullptr, nullptr, &ws);
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      setenv("TERM", "xterm", 1);
      unsetenv("NO_COLOR");
      for (const std::string& e : env_extra) putenv(strdup(e.c_str()));
      execl(GLASS_BINARY, GLASS_BINARY, static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~Terminal() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(master_);
  }

  void type(const std::string& keys) {
    size_t off = 0;
    while (off < keys.size()) {
      ssize_t n = write(master_, keys.data() + off, keys.size() - off);
      REQUIRE(n > 0);
      off += size_t(n);
    }
  }

  // Reads until the plain screen text (from `from_mark`) contains `what`,
  // or 10 s pass. Returns whether it appeared.
  bool wait_for(const std::string& what) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (plain(raw_.substr(mark_)).find(what) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      if (!read_some(100) && eof_) return plain(raw_.substr(mark_)).find(what) != std::string::npos;
    }
    return true;
  }
  // Everything read from now on is what wait_for looks at.
  void mark() {
    drain();
    mark_ = raw_.size();
  }
  std::string text_since_mark() const { return plain(raw_.substr(mark_)); }
  const std::string& raw() const { return raw_; }

  // Waits for the process to end; its exit status.
  int wait_exit() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
      if (!eof_) read_some(50);
      else usleep(10000);
      pid_t r = waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        exited_ = true;
        drain();
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }

 private:
  bool read_some(int timeout_ms) {
    pollfd p{master_, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return false;
    char buf[4096];
    ssize_t n = read(master_, buf, sizeof buf);
    if (n <= 0) {
      eof_ = true;  // the child closed the terminal (it exited); wait_exit reaps it
      return false;
    }
    raw_.append(buf, size_t(n));
    return true;
  }
  void drain() {
    while (read_some(20)) {
    }
  }

  int master_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  bool eof_ = false;
  std::string raw_;
  size_t mark_ = 0;
};

std::string temp_history() {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("glass-repl-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++)))
      .string();
}

}  // namespace

TEST_CASE("repl: evaluates, prints results in colors, multi-line input, exits on .exit") {
  Terminal t({"GLASS_REPL_HISTORY="});
  REQUIRE(t.wait_for("Type \".help\" for more information."));
  REQUIRE(t.wait_for("> "));
  t.mark();
  t.type("1 + 1\r");
  REQUIRE(t.wait_for("2\n"));
  CHECK(t.raw().find("\x1b[33m2\x1b[39m") != std::string::npos);  // numbers are yellow, as in Node
  t.mark();
  t.type("function twice(x) {\r");
  REQUIRE(t.wait_for("... "));
  t.type("return x * 2 }\r");
  REQUIRE(t.wait_for("undefined"));
  t.mark();
  t.type("twice(21)\r");
  REQUIRE(t.wait_for("42"));
  t.type(".exit\r");
  CHECK(t.wait_exit() == 0);
}

TEST_CASE("repl: Ctrl-C clears the line, twice on an empty line exits; Ctrl-D exits") {
  {
    Terminal t({"GLASS_REPL_HISTORY="});
    REQUIRE(t.wait_for("> "));
    t.mark();
    t.type("half-typed");
    REQUIRE(t.wait_for("half-typed"));
    t.type("\x03");
    REQUIRE(t.wait_for("> "));
    CHECK(t.text_since_mark().find("To exit") == std::string::npos);  // a line with text is just cleared
    t.mark();
    t.type("\x03");
    REQUIRE(t.wait_for("(To exit, press Ctrl+C again or Ctrl+D or type .exit)"));
    t.type("\x03");
    CHECK(t.wait_exit() == 0);
  }
  {
    Terminal t({"GLASS_REPL_HISTORY="});
    REQUIRE(t.wait_for("> "));
    t.type("\x04");
    CHECK(t.wait_exit() == 0);
  }
}

TEST_CASE("repl: Tab completes globals, declarations and properties") {
  Terminal t({"GLASS_REPL_HISTORY="});
  REQUIRE(t.wait_for("> "));
  t.type("const config = { alphabet: 1, beta: 2 }\r");
  REQUIRE(t.wait_for("undefined"));
  t.mark();
  t.type("config.alp\t");
  bool completed = t.wait_for("config.alphabet");
  INFO(t.raw());
  REQUIRE(completed);
  t.type("\r");
  REQUIRE(t.wait_for("1\n"));
  t.mark();
  t.type("confi\t");
  REQUIRE(t.wait_for("config"));
  t.type(".beta\r");
  REQUIRE(t.wait_for("2\n"));
  t.mark();
  t.type("Math.PI.toFix\t");
  REQUIRE(t.wait_for("Math.PI.toFixed"));
  t.type("(2)\r");
  REQUIRE(t.wait_for("'3.14'"));
}

TEST_CASE("repl: history is saved and recalled with the Up arrow") {
  std::string file = temp_history();
  {
    Terminal t({"GLASS_REPL_HISTORY=" + file});
    REQUIRE(t.wait_for("> "));
    t.type("'remember me'\r");
    REQUIRE(t.wait_for("'remember me'\n"));
    t.type(".exit\r");
    REQUIRE(t.wait_exit() == 0);
  }
  std::ifstream in(file);
  std::stringstream saved;
  saved << in.rdbuf();
  CHECK(saved.str().find("remember") != std::string::npos);
  {
    Terminal t({"GLASS_REPL_HISTORY=" + file});
    REQUIRE(t.wait_for("> "));
    t.mark();
    t.type("\x1b[A\x1b[A\r");  // Up twice (past ".exit"), Enter
    bool recalled = t.wait_for("'remember me'\n");
    INFO(t.raw());
    REQUIRE(recalled);
  }
  std::filesystem::remove(file);
}

TEST_CASE("repl: timers run while the prompt waits; top-level await; .editor") {
  Terminal t({"GLASS_REPL_HISTORY="});
  REQUIRE(t.wait_for("> "));
  t.mark();
  t.type("setTimeout(() => console.log('tick'), 100); 'scheduled'\r");
  REQUIRE(t.wait_for("'scheduled'"));
  REQUIRE(t.wait_for("tick"));
  t.mark();
  t.type("const v = await new Promise((r) => setTimeout(() => r(7), 50))\r");
  REQUIRE(t.wait_for("undefined"));
  t.mark();
  t.type("v * 6\r");
  REQUIRE(t.wait_for("42"));
  t.mark();
  t.type(".editor\r");
  REQUIRE(t.wait_for("// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)"));
  t.type("const a = 20\r");
  t.type("a + 22\r");
  t.type("\x04");
  REQUIRE(t.wait_for("42"));
  t.mark();
  t.type("_ + 1\r");
  REQUIRE(t.wait_for("43"));
}

TEST_CASE("repl: an uncaught error is printed with Uncaught and the REPL goes on") {
  Terminal t({"GLASS_REPL_HISTORY="});
  REQUIRE(t.wait_for("> "));
  t.mark();
  t.type("throw new RangeError('no')\r");
  REQUIRE(t.wait_for("Uncaught RangeError: no"));
  t.mark();
  t.type("_error.message\r");
  REQUIRE(t.wait_for("'no'"));
}
