// The checks that turn mistakes into loud, early failures. Each runs in a
// forked child that must die; its stderr must say why.
#include <doctest/doctest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <functional>
#include <string>

#include "test_cells.h"

using namespace gctest;

// Runs `f` in a child process; returns its stderr if it died (signal or
// non-zero exit), or "survived".
static std::string stderr_of_death(const std::function<void()>& f) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  std::fflush(nullptr);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    dup2(fds[1], 2);
    std::freopen("/dev/null", "w", stdout);
    std::signal(SIGABRT, SIG_DFL);  // not doctest's crash handler
    std::signal(SIGSEGV, SIG_DFL);
    f();
    _exit(0);
  }
  close(fds[1]);
  std::string err;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) err.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  bool died = WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) != 0);
  return died ? err : "survived";
}

TEST_CASE("gc: stress mode catches a cell held in a raw pointer across an allocation") {
  std::string err = stderr_of_death([] {
    Heap heap({.stress = true});
    Node* raw = heap.allocate<Node>(1);  // WRONG: not rooted
    Rooted<Node> holder(heap, heap.allocate<Node>(2));  // this allocation's cycle frees *raw
    holder->left = raw;
    heap.collect();  // marking reaches the freed cell
  });
  INFO(err);
  // ASan builds: ASan reports the read of the poisoned slot. Other builds:
  // verification finds the freed cell before touching it.
  bool caught = err.find("use-after-poison") != std::string::npos ||
                err.find("Node points to a freed or foreign cell") != std::string::npos;
  CHECK(caught);
}

TEST_CASE("gc: allocating in a constructor, or during a collection, aborts with a reason") {
  struct AllocatesInConstructor : Cell {
    explicit AllocatesInConstructor(Heap& heap) { heap.allocate<Node>(); }
    const char* cell_name() const override { return "AllocatesInConstructor"; }
  };
  struct AllocatesInTrace : Cell {
    Heap& heap;
    explicit AllocatesInTrace(Heap& heap) : heap(heap) {}
    void trace(Tracer&) override { heap.allocate<Node>(); }
    const char* cell_name() const override { return "AllocatesInTrace"; }
  };
  std::string err = stderr_of_death([] {
    Heap heap;
    heap.allocate<AllocatesInConstructor>(heap);
  });
  CHECK(err.find("gc: allocation inside a cell's constructor") != std::string::npos);
  err = stderr_of_death([] {
    Heap heap;
    Rooted<AllocatesInTrace> cell(heap, heap.allocate<AllocatesInTrace>(heap));
    heap.collect();
  });
  CHECK(err.find("gc: allocation during a collection") != std::string::npos);
  err = stderr_of_death([] {
    Heap heap;
    NoAllocScope no_alloc(heap);
    heap.allocate<Node>();
  });
  CHECK(err.find("gc: allocation inside a NoAllocScope") != std::string::npos);
}

TEST_CASE("gc: a Rooted that outlives its heap is reported") {
  std::string err = stderr_of_death([] {
    auto* heap = new Heap;
    new Rooted<Node>(*heap, heap->allocate<Node>());  // leaked on purpose
    delete heap;
  });
  CHECK(err.find("Rooted handle(s) still exist") != std::string::npos);
}
