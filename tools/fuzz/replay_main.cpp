// The driver for builds without libFuzzer (gcc, the normal debug and
// release builds): runs LLVMFuzzerTestOneInput on every file of the corpus
// directories it is given, then on `-runs=N` inputs mutated from them with a
// fixed seed, so a run is the same every time. It accepts the libFuzzer
// options the ctest lines use (-runs=N, -seed=N; others are ignored), so one
// command line runs a target under either driver. This is what `.ci/run`
// runs over tools/fuzz/corpus/; long runs use the libFuzzer build (README.md).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
// The sanitizers' hook for "about to die with a report" (absent without them).
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)(void));

namespace {

namespace fs = std::filesystem;
using Bytes = std::vector<uint8_t>;

// xorshift64*: small, and the same sequence on every machine.
struct Random {
  uint64_t state;
  uint64_t next() {
    state ^= state >> 12;
    state ^= state << 25;
    state ^= state >> 27;
    return state * 2685821657736338717ull;
  }
  size_t below(size_t n) { return n == 0 ? 0 : size_t(next() % n); }
};

// Bytes that matter to most of our grammars, for inserting and replacing.
constexpr char kInteresting[] = "{}[]()<>;:,.'\"`\\/*+-=!?&|^%~#@$_0123456789aeinx \n\t\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80";

// One mutation of `input`, with `other` (another corpus entry) for splicing.
Bytes mutate(const Bytes& input, const Bytes& other, Random& rng) {
  Bytes out = input;
  int steps = 1 + int(rng.below(4));
  for (int i = 0; i < steps; ++i) {
    size_t at = rng.below(out.size() + 1);
    switch (rng.below(6)) {
      case 0:  // flip a bit
        if (!out.empty()) out[rng.below(out.size())] ^= uint8_t(1u << rng.below(8));
        break;
      case 1:  // insert an interesting byte
        out.insert(out.begin() + at, uint8_t(kInteresting[rng.below(sizeof kInteresting - 1)]));
        break;
      case 2: {  // erase a run
        size_t n = std::min(out.size() - std::min(at, out.size()), 1 + rng.below(8));
        out.erase(out.begin() + at, out.begin() + at + n);
        break;
      }
      case 3: {  // duplicate a run
        if (out.empty()) break;
        size_t from = rng.below(out.size()), n = std::min(out.size() - from, 1 + rng.below(16));
        Bytes run(out.begin() + from, out.begin() + from + n);
        out.insert(out.begin() + at, run.begin(), run.end());
        break;
      }
      case 4: {  // splice in a run of another input
        if (other.empty()) break;
        size_t from = rng.below(other.size()), n = std::min(other.size() - from, 1 + rng.below(32));
        out.insert(out.begin() + at, other.begin() + from, other.begin() + from + n);
        break;
      }
      default:  // replace a byte with a random one
        if (!out.empty()) out[rng.below(out.size())] = uint8_t(rng.next());
        break;
    }
  }
  return out;
}

// The input running now, saved to ./crash-input when it kills the process
// (a sanitizer report, an abort, a segfault), so that it can be replayed.
const Bytes* g_current = nullptr;

void save_current_input() {
  if (!g_current) return;
  int fd = ::open("crash-input", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return;
  ssize_t ignored = ::write(fd, g_current->data(), g_current->size());
  (void)ignored;
  ::close(fd);
  const char note[] = "replay driver: the failing input is in ./crash-input\n";
  ignored = ::write(2, note, sizeof note - 1);
}

extern "C" void on_fatal_signal(int sig) {
  save_current_input();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

Bytes read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  long runs = 0;
  uint64_t seed = 1;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("-runs=", 0) == 0) {
      runs = std::atol(arg.c_str() + 6);
    } else if (arg.rfind("-seed=", 0) == 0) {
      seed = std::strtoull(arg.c_str() + 6, nullptr, 10);
    } else if (arg[0] == '-') {
      continue;  // a libFuzzer option this driver has no use for
    } else if (fs::is_directory(arg)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg))
        if (entry.is_regular_file()) files.push_back(entry.path());
    } else if (fs::exists(arg)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "%s: no such file or directory: %s\n", argv[0], argv[i]);
      return 2;
    }
  }
  std::sort(files.begin(), files.end());  // the same order everywhere
  std::vector<Bytes> corpus;
  for (const fs::path& file : files) corpus.push_back(read_file(file));
  for (int sig : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, on_fatal_signal);
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(save_current_input);
  for (const Bytes& input : corpus) {
    g_current = &input;
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  Random rng{seed * 0x9E3779B97F4A7C15ull + 1};
  Bytes empty;
  for (long i = 0; i < runs; ++i) {
    const Bytes& base = corpus.empty() ? empty : corpus[rng.below(corpus.size())];
    const Bytes& other = corpus.empty() ? empty : corpus[rng.below(corpus.size())];
    Bytes input = mutate(base, other, rng);
    g_current = &input;
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::printf("%s: %zu corpus inputs and %ld mutations ran without a finding\n", argv[0], corpus.size(), runs);
  return 0;
}
