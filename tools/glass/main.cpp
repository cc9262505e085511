// The glass command line. See README.md ("Command line") and
// ../shared/CLI-CONTRACT.md for the behaviour tools rely on.
#include <cerrno>
#include <cstdio>
#include <charconv>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "bytecode/opcodes.h"
#include "bytecode/disassembler.h"
#include "compiler/compiler.h"
#include "compiler/resolver.h"
#include "parser/scope.h"
#include "parser/ast_printer.h"
#include "parser/parser.h"
#include "parser/token_printer.h"
#include "vm/out_of_memory.h"
#include "dap/dap.h"
#include "inspect/terminal.h"
#include "run.h"

namespace {

constexpr const char* kHelp = R"(Usage: glass [options] [FILE | -e CODE | -] [args...]
       glass                 (a REPL when stdin is a terminal; else runs stdin as a script)

Runs FILE the way `node FILE` does: as a CommonJS module (.js, .cjs) or an ES
module (.mjs, or .js under a package.json with "type": "module"), then the
event loop until nothing is left to do.

Options as node's:
  -e, --eval CODE   run CODE as a script (require, module, __filename = '[eval]' are globals)
  -p, --print CODE  the same, then print its completion value as console.log would
  -                 read the script from stdin (also when stdin is not a terminal and no FILE is given)
  -i, --interactive start the REPL even when stdin is not a terminal
  -r, --require MOD require MOD (resolved from the current directory) before the program (repeatable)
  --input-type=module|commonjs
                    run -e CODE or stdin as an ES module (or CommonJS, the default)
  --                the end of the options: the next argument is FILE (or, after -e, the first of process.argv)

Glass's own options:
  --check           parse FILE without running it; print a SyntaxError and exit 1 if it fails
  --module          treat FILE as an ES module whatever its name (a .mjs file always is one)
  --print-tokens    print the tokens of FILE to stdout, one per line
  --print-ast       print the syntax tree of FILE to stdout
  --print-bytecode  print the bytecode FILE compiles to
  --print-scopes    print FILE's scopes, where each variable lives, and what each name refers to
  --print-opcodes   print the VM's instruction set (the opcode table) and exit
  --trace           print each executed instruction of FILE's code (not the runtime's own JS) to stderr as it runs
  --trace-gc        print one line per garbage collection to stderr
  --trace-loop      print each event-loop phase entered and each callback taken, to stderr
  --gc-stress       collect garbage at every allocation (slow; finds rooting bugs); implies --verify-bytecode
  --gc-stress=N     the same at every Nth allocation (lighter: long soak runs)
  --verify-bytecode check each compiled function before it runs (always on in debug builds)
  --max-heap-size=MB  the most memory the heap may hold (also --max-old-space-size);
                    past it: "JavaScript heap out of memory", exit 134 (default: half the RAM)
  --test262         run as the test262 host (print, setTimeout, $262 with $262.agent); --include FILE runs FILE first (repeatable)

Debugging (README.md "Debugging"):
  inspect [--port=N] FILE [args...]   the terminal debugger, paused on FILE's first line
  inspect [HOST:]PORT                 the terminal debugger, attached to a running glass --inspect
  view [options] FILE [args...]       the live page (heap, stack, queues, pool): prints its URL, paused on FILE's first line
  --inspect[=[HOST:]PORT]      serve the Chrome DevTools Protocol (default 127.0.0.1:9229) while FILE runs
  --inspect-brk[=[HOST:]PORT]  the same, waiting for a client and pausing on FILE's first line
  --inspect-wait[=[HOST:]PORT] the same, waiting for a client before running
  --inspect-port=[HOST:]PORT   where --inspect* listen (port 0: any free port)
  --dap                        a Debug Adapter Protocol server on stdin/stdout, for editors (tools/dap/README.md)
  --dap=PORT, --dap-port=PORT  the same on 127.0.0.1:PORT, one session after another (port 0: any free port)
  -h, --help        print this help
  -v, --version     print the version

Exit status: 0 on success, 1 on an uncaught exception, an unhandled rejection, a SyntaxError
or an unreadable file, 9 on a bad command line (as node), 2 when --print-bytecode meets a
construct the compiler does not handle yet.
)";

struct Options {
  bool check = false, module = false, print_tokens = false, print_ast = false, print_scopes = false,
       print_bytecode = false;
  std::string file;
  glass::cli::RunOptions run;
};

// Node options Glass accepts so that command lines written for node run:
// they go to process.execArgv, where the runtime reads those it acts on
// (the warning flags, --unhandled-rejections); the rest change nothing.
bool is_node_flag(const std::string& a) {
  static const char* const kFlags[] = {
      "--no-warnings", "--no-deprecation", "--trace-warnings", "--trace-deprecation", "--throw-deprecation",
      "--pending-deprecation", "--trace-uncaught", "--enable-source-maps", "--preserve-symlinks",
      "--preserve-symlinks-main", "--no-experimental-fetch", "--expose-gc", "--abort-on-uncaught-exception",
      "--trace-exit", "--frozen-intrinsics", "--no-addons", "--no-global-search-paths"};
  for (const char* f : kFlags)
    if (a == f) return true;
  static const char* const kPrefixes[] = {"--unhandled-rejections=", "--stack-size=",
                                          "--experimental-", "--no-experimental-", "--title=", "--conditions=",
                                          "--max-http-header-size=", "--dns-result-order=", "--disable-warning="};
  for (const char* p : kPrefixes)
    if (a.starts_with(p)) return true;
  return false;
}

// An option that takes a value, as node spells them: "-e CODE", "--eval CODE"
// or "--eval=CODE". Returns false when `a` is not `name`; sets `missing`
// when the value is absent.
bool option_value(const std::string& a, std::initializer_list<const char*> names, int argc, char** argv, int& i,
                  std::string& value, bool& missing) {
  for (const char* name : names) {
    std::string n = name;
    if (a == n) {
      if (i + 1 >= argc) {
        missing = true;
        return true;
      }
      value = argv[++i];
      return true;
    }
    if (n.starts_with("--") && a.starts_with(n + "=")) {
      value = a.substr(n.size() + 1);
      return true;
    }
  }
  return false;
}

// A bad command line, as node reports one: "<argv[0]>: <message>", status 9.
const char* program_name = "glass";
int usage_error(const std::string& message) {
  std::cerr << program_name << ": " << message << "\n";
  return 9;
}

bool read_file(const std::string& path, std::string& out, std::string& error) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    error = "Is a directory";
    return false;
  }
  FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    error = std::strerror(errno);
    return false;
  }
  // Read straight into the final buffer (sources can be tens of megabytes).
  out.resize(size_t(st.st_size));
  size_t got = std::fread(out.data(), 1, out.size(), file);
  // A file that changes size while read (or a pipe) falls back to reading on.
  char chunk[65536];
  size_t more;
  out.resize(got);
  while ((more = std::fread(chunk, 1, sizeof chunk, file)) > 0) out.append(chunk, more);
  bool failed = std::ferror(file);
  std::fclose(file);
  if (failed) error = "read error";
  return !failed;
}

// --inspect[=[HOST:]PORT], --inspect-brk[=...], --inspect-wait[=...],
// --inspect-port=[HOST:]PORT. Returns an error message, or "".
std::string parse_inspect_flag(const std::string& flag, glass::cli::InspectOptions& inspect) {
  size_t eq = flag.find('=');
  std::string name = flag.substr(0, eq);
  if (name == "--inspect") inspect.enabled = true;
  else if (name == "--inspect-brk") inspect.enabled = inspect.break_on_start = true;
  else if (name == "--inspect-wait") inspect.enabled = inspect.wait_for_client = true;
  else if (name != "--inspect-port") return "unknown option '" + flag + "'";
  if (eq == std::string::npos) return name == "--inspect-port" ? "--inspect-port needs [HOST:]PORT" : "";
  std::string value = flag.substr(eq + 1);
  size_t colon = value.rfind(':');
  std::string port = colon == std::string::npos ? value : value.substr(colon + 1);
  if (colon != std::string::npos) inspect.host = value.substr(0, colon);
  char* end = nullptr;
  long n = std::strtol(port.c_str(), &end, 10);
  if (port.empty() || !end || *end || n < 0 || n > 65535) return "invalid port in '" + flag + "'";
  inspect.port = uint16_t(n);
  return "";
}

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// The opcode reference, straight from engine/bytecode/opcodes.h.
void print_opcodes() {
  using namespace glass::bytecode;
  auto operand = [](Operand kind) -> const char* {
    switch (kind) {
      case Operand::None: return "";
      case Operand::Reg: return "reg";
      case Operand::Const: return "const";
      case Operand::Imm: return "imm";
      case Operand::Jump: return "jump";
      case Operand::Ic: return "ic";
      case Operand::Count: return "count";
      case Operand::Func: return "func";
      case Operand::Depth: return "depth";
      case Operand::Slot: return "slot";
    }
    return "?";
  };
  for (int i = 0; i < kOpcodeCount; ++i) {
    const OpcodeInfo& op = info(Opcode(i));
    std::string operands;
    for (Operand kind : {op.a, op.b, op.c}) {
      if (kind == Operand::None) continue;
      if (!operands.empty()) operands += ", ";
      operands += operand(kind);
    }
    std::string line = std::string(op.name);
    line.resize(std::max<size_t>(line.size() + 1, 20), ' ');
    line += operands;
    line.resize(std::max<size_t>(line.size() + 1, 40), ' ');
    std::cout << line << op.meaning << "\n";
  }
}

// This binary, for the debuggers that start programs with it.
std::string self_path(const char* argv0) {
  std::error_code ec;
  std::string self = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  return ec ? argv0 : self;
}

}  // namespace

int main(int argc, char** argv) {
  program_name = argv[0];
  glass::install_out_of_memory_handler();
  if (argc > 1 && std::string(argv[1]) == "inspect")  // the terminal debugger
    return glass::inspect::run_inspect(std::vector<std::string>(argv + 2, argv + argc), self_path(argv[0]));
  if (argc > 1 && std::string(argv[1]).starts_with("--dap"))  // the Debug Adapter Protocol, for editors
    return glass::dap::run_dap(std::vector<std::string>(argv + 1, argv + argc), self_path(argv[0]));
  Options opt;
  int i = 1;
  if (argc > 1 && std::string(argv[1]) == "view") {  // the live page: --inspect-brk on any free port, and its URL
    opt.run.inspect.enabled = opt.run.inspect.break_on_start = opt.run.inspect.view = true;
    opt.run.inspect.port = 0;
    i = 2;
  }
  for (; i < argc; ++i) {
    std::string a = argv[i];
    std::string value;
    bool missing = false;
    int first = i;
    if ((a == "-p" || a == "--print") && i + 1 >= argc) {
      opt.run.print = true;  // `glass -p` alone: print the completion value of the script on stdin
    } else if (option_value(a, {"-e", "--eval"}, argc, argv, i, value, missing) ||
               option_value(a, {"-p", "--print", "-pe"}, argc, argv, i, value, missing)) {
      if (missing) return usage_error(a + " requires an argument");
      opt.run.eval = value;
      opt.run.print = opt.run.print || a.starts_with("-p") || a.starts_with("--print");
    } else if (option_value(a, {"-r", "--require"}, argc, argv, i, value, missing)) {
      if (missing) return usage_error(a + " requires an argument");
      opt.run.preload.push_back(value);
    } else if (option_value(a, {"--input-type"}, argc, argv, i, value, missing)) {
      if (missing || (value != "module" && value != "commonjs"))
        return usage_error("--input-type must be \"module\" or \"commonjs\"");
      opt.run.input_module = value == "module";
    } else if (is_node_flag(a)) {
      // accepted; recorded in execArgv below
    } else if (a == "-i" || a == "--interactive") {
      opt.run.interactive = true;
    } else if (a == "-") {
      opt.run.stdin_script = opt.run.dash = true;
      ++i;
      break;
    } else if (a == "--") {
      ++i;
      if (!opt.run.eval && i < argc) opt.file = argv[i++];
      break;
    } else if (a == "-h" || a == "--help") {
      std::cout << kHelp;
      return 0;
    } else if (a == "-v" || a == "--version") {
      std::cout << "glass v" << GLASS_VERSION << "\n";
      return 0;
    } else if (a == "--print-opcodes") {
      print_opcodes();
      return 0;
    } else if (a == "--check" || a == "-c") {
      opt.check = true;
    } else if (a == "--module") {
      opt.module = true;
    } else if (a == "--print-tokens") {
      opt.print_tokens = true;
    } else if (a == "--print-ast") {
      opt.print_ast = true;
    } else if (a == "--print-bytecode") {
      opt.print_bytecode = true;
    } else if (a == "--print-scopes") {
      opt.print_scopes = true;
    } else if (a == "--test262") {
      opt.run.test262 = true;
    } else if (a == "--include") {
      if (i + 1 >= argc) return usage_error("--include needs a file");
      opt.run.includes.push_back(argv[++i]);
    } else if (a == "--trace") {
      opt.run.trace = true;
    } else if (a == "--trace-gc") {
      opt.run.trace_gc = true;
    } else if (a == "--trace-loop") {
      opt.run.trace_loop = true;
    } else if (a == "--gc-stress") {
      opt.run.gc_stress = true;
    } else if (a.starts_with("--gc-stress=")) {
      // A collection every N allocations: the soak runs' lighter stress.
      std::string value = a.substr(a.find('=') + 1);
      unsigned long every = 0;
      try {
        size_t used = 0;
        every = std::stoul(value, &used);
        if (used != value.size()) every = 0;
      } catch (const std::exception&) {
      }
      if (every == 0 || every > 1000000000) return usage_error("--gc-stress=N needs a whole number from 1 to 1000000000");
      opt.run.gc_stress = true;
      opt.run.gc_stress_every = uint32_t(every);
    } else if (a == "--verify-bytecode") {
      opt.run.verify_bytecode = true;
    } else if (a.starts_with("--max-heap-size=") || a.starts_with("--max-old-space-size=")) {
      // (Node's name too, so that scripts' own flags work.)
      std::string value = a.substr(a.find('=') + 1);
      size_t mb = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), mb);
      if (ec != std::errc() || end != value.data() + value.size() || mb == 0 || mb > (size_t(1) << 30))
        return usage_error("--max-heap-size needs a size in MB (a whole number from 1 up): " + a);
      opt.run.max_heap_mb = mb;
    } else if (a.starts_with("--inspect")) {
      std::string error = parse_inspect_flag(a, opt.run.inspect);
      if (!error.empty()) return usage_error(error);
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("bad option: " + a);
    } else if (opt.run.eval) {
      break;  // after -e, the rest is process.argv
    } else {
      opt.file = a;
      ++i;
      break;
    }
    for (int k = first; k <= i; ++k) opt.run.exec_argv.push_back(argv[k]);
  }
  bool tool = opt.check || opt.print_tokens || opt.print_ast || opt.print_scopes || opt.print_bytecode;
  if (opt.file.empty() && (tool || opt.run.test262)) return usage_error("no input file");
  if (ends_with(opt.file, ".mjs")) opt.module = true;

  if (!tool) {
    opt.run.file = opt.file;
    opt.run.module = opt.module;
    // No FILE and no -e: a REPL on a terminal, else the script on stdin (as node).
    if (opt.file.empty() && !opt.run.eval && !opt.run.stdin_script && !opt.run.interactive)
      opt.run.interactive = isatty(0);
    if (opt.file.empty() && !opt.run.eval && !opt.run.interactive) opt.run.stdin_script = true;
    for (; i < argc; ++i) opt.run.args.push_back(argv[i]);
    opt.run.program = argv[0];
    return glass::cli::run_script(opt.run);
  }

  glass::Source source;
  source.name = opt.file;
  std::string error;
  if (!read_file(opt.file, source.text, error)) {
    std::cerr << "glass: cannot read '" << opt.file << "': " << error << "\n";
    return 1;
  }

  glass::Arena arena;
  glass::AtomTable atoms;
  try {
    if (opt.print_tokens) {
      glass::print_tokens(std::cout, source, arena, atoms, opt.module);
      std::cout.flush();
      return 0;
    }
    glass::ParseOptions parse_options;
    parse_options.module = opt.module;
    glass::ast::Program* program = glass::parse_program(source, arena, atoms, parse_options);
    if (opt.print_bytecode) {
      glass::ScopeTree scopes = glass::analyze_scopes(program, atoms);
      glass::ResolverResult resolved = glass::resolve_variables(program, scopes);
      try {
        auto compiled = glass::compile_program(program, resolved);
        glass::bytecode::disassemble(std::cout, *compiled);
      } catch (const glass::CompileError& e) {
        std::cout.flush();
        std::cerr << "glass: " << source.name << ":" << e.pos.line << ":" << e.pos.column << ": " << e.message << "\n";
        return 2;
      }
      std::cout.flush();
      return 0;
    }
    if (opt.print_scopes) {
      glass::ScopeTree scopes = glass::analyze_scopes(program, atoms);
      glass::print_scopes(std::cout, program, glass::resolve_variables(program, scopes));
      std::cout.flush();
      return 0;
    }
    if (opt.print_ast) {
      glass::print_ast(std::cout, source, program);
      std::cout.flush();
      return 0;
    }
    if (opt.check) return 0;
  } catch (const glass::SyntaxError& e) {
    std::cout.flush();
    std::cerr << glass::format_syntax_error(source, e);
    return 1;
  }
  return 0;
}
