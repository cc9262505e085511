// The REPL's terminal side. What each line means is JavaScript's
// (natives/lib/internal/repl/session.js); this file reads the lines.
//
// On a terminal: libedit (its readline interface, in callback mode) edits
// the line, keeps the history (~/.glass_repl_history, or the file
// GLASS_REPL_HISTORY names; empty: none) and completes with Tab. The
// keystrokes are read when the event loop says stdin is readable, so timers
// and I/O go on while the prompt waits; output that arrives meanwhile is
// written above the prompt, which is then drawn again. Ctrl-C clears the
// line (twice on an empty line: exit), Ctrl-D on an empty line exits.
//
// When stdin is not a terminal (`glass -i < file`): lines are read as they
// come and prompts are written as text, as Node does.
#include "repl.h"

#include <editline/readline.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "builtins/builtins.h"
#include "eventloop/pipe.h"
#include "natives/modules.h"

namespace glass::cli {

namespace {

struct Repl {
  natives::Runtime* rt = nullptr;
  gc::Persistent<Object> session;
  std::shared_ptr<eventloop::Pipe> input;
  bool terminal = false;
  bool at_prompt = false;   // the editor shows a prompt and reads keys
  bool closed = false;
  std::string prompt;
  std::string history_file;
  std::string pending;      // non-terminal input not yet split into lines
  bool splitting = false;   // on_text is handing lines to the session
  bool input_done = false;  // non-terminal input reached its end
  std::vector<std::string> completions;  // the last Tab's candidates
  bool interrupted = false; // the line just ended was ended by Ctrl-C
};
Repl* repl = nullptr;  // one REPL per process: libedit's callbacks are plain functions

// Calls session[method](args...) as a loop callback (uncaught errors
// reported, microtasks drained).
void call_session(const char* method, std::span<const Value> args) {
  Vm& vm = repl->rt->vm();
  gc::Rooted<Object> session(vm.heap(), repl->session.get());
  RootedValue fn(vm.heap(), get(vm, session, key_of(vm, method)));
  repl->rt->call_callback(fn, object_value(session), args);
}

void call_session_with_string(const char* method, const std::string& text) {
  Vm& vm = repl->rt->vm();
  gc::Rooted<String> s(vm.heap(), vm.new_string(text));
  Value args[1] = {string_value(s)};
  call_session(method, args);
}

void wait_for_input();

// ---- the terminal (libedit) ------------------------------------------------

void on_line(char* line) {
  // Input pauses until the session asks for the next line (host.ready).
  rl_callback_handler_remove();
  repl->at_prompt = false;
  if (repl->interrupted) {  // Ctrl-C (see read_key): the line is dropped
    repl->interrupted = false;
    bool had_text = line != nullptr && line[0] != '\0';
    std::free(line);
    Value args[1] = {Value::boolean(had_text)};
    call_session("interrupt", args);
    return;
  }
  if (line == nullptr) {  // Ctrl-D on an empty line
    std::fputs("\n", stdout);
    std::fflush(stdout);
    call_session("eof", {});
    return;
  }
  std::string text(line);
  std::free(line);
  if (!text.empty()) add_history(text.c_str());
  call_session_with_string("line", text);
}

// Tab: the session's completions of the text before the cursor.
char* next_completion(const char*, int state) {
  static size_t index;
  if (state == 0) index = 0;
  if (index >= repl->completions.size()) return nullptr;
  return strdup(repl->completions[index++].c_str());
}

char** attempt_completion(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // no file-name completion
  Vm& vm = repl->rt->vm();
  repl->completions.clear();
  std::string before(rl_line_buffer, size_t(rl_point));
  try {
    gc::Rooted<Object> session(vm.heap(), repl->session.get());
    gc::Rooted<String> line(vm.heap(), vm.new_string(before));
    Value args[1] = {string_value(line)};
    RootedValue result(vm.heap(), call_method(vm, object_value(session), key_of(vm, "complete"), args));
    gc::Rooted<Object> pair(vm.heap(), as_object(result));
    gc::Rooted<Object> list(vm.heap(), as_object(get(vm, pair, PropertyKey::of_index(0))));
    std::string word = to_utf8(vm, get(vm, pair, PropertyKey::of_index(1)));
    // libedit replaces `text`, its own idea of the word (it may include
    // "obj."): each candidate keeps what `text` has before the session's word.
    std::string head(text);
    head = head.size() >= word.size() && head.ends_with(word) ? head.substr(0, head.size() - word.size()) : "";
    uint64_t n = length_of_array_like(vm, list);
    for (uint64_t i = 0; i < n; ++i)
      repl->completions.push_back(head + to_utf8(vm, get(vm, list, PropertyKey::of_index(uint32_t(i)))));
  } catch (const Thrown&) {
    vm.take_exception();
  }
  rl_completion_append_character = '\0';
  return rl_completion_matches(text, next_completion);
}

// Keys as libedit reads them. In its raw mode Ctrl-C is a character, not
// a signal: it ends the line like Enter, marked as interrupted, and
// on_line hands it to the session as Ctrl-C (clear the line, or exit).
int read_key(FILE*) {
  unsigned char c;
  for (;;) {
    ssize_t n = ::read(0, &c, 1);
    if (n == 1) break;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) {
      if (errno == EAGAIN) return EOF;
      continue;
    }
    return EOF;
  }
  if (c == 3) {
    repl->interrupted = true;
    return '\n';
  }
  return c;
}

// SIGINT while no prompt is shown (a top-level await still running): as Ctrl-C on an empty line.
void on_interrupt() {
  if (repl->at_prompt || repl->closed) return;
  Value args[1] = {Value::boolean(false)};
  call_session("interrupt", args);
}

void show_prompt(const std::string& prompt) {
  repl->prompt = prompt;
  repl->at_prompt = true;
  rl_callback_handler_install(prompt.c_str(), on_line);
}

// ---- input ----------------------------------------------------------------

// Non-terminal input: hands complete lines to the session, one at a time
// (the session says when it wants the next: host.ready).
void on_text(std::string_view data) {
  repl->pending.append(data);
  if (repl->splitting) return;  // the loop below is already running (ready() from inside line())
  repl->splitting = true;
  size_t nl;
  while (!repl->closed && repl->at_prompt && (nl = repl->pending.find('\n')) != std::string::npos) {
    std::string line = repl->pending.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    repl->pending.erase(0, nl + 1);
    repl->at_prompt = false;
    call_session_with_string("line", line);
  }
  repl->splitting = false;
  // The end of the input, once every line before it has run: as Ctrl-D.
  if (repl->input_done && repl->at_prompt && !repl->closed && repl->pending.find('\n') == std::string::npos) {
    repl->at_prompt = false;
    call_session("eof", {});
  }
}

void wait_for_input() {
  if (repl->closed || !repl->input) return;
  if (repl->terminal) {
    repl->input->wait_readable([](std::error_code ec) {
      if (ec || repl->closed) return;
      if (repl->at_prompt) rl_callback_read_char();
      wait_for_input();
    });
    return;
  }
  if (!repl->input->reading()) {
    repl->input->read_start([](std::error_code ec, std::string_view data) {
      if (ec) {  // end of input
        repl->input_done = true;
        on_text(repl->pending.empty() ? "" : "\n");
        return;
      }
      on_text(data);
    });
  }
}

// ---- the host object the session talks to -------------------------------------

Value host_write(Vm& vm, Value, std::span<const Value> args, Value) {
  vm.write_stdout(to_utf8(vm, arg(args, 0)));
  return Value::undefined();
}

Value host_ready(Vm& vm, Value, std::span<const Value> args, Value) {
  std::string prompt = to_utf8(vm, arg(args, 0));
  if (repl->closed) return Value::undefined();
  if (repl->terminal) {
    show_prompt(prompt);
  } else {
    repl->at_prompt = true;
    vm.write_stdout(prompt);
    on_text("");  // lines that arrived while the last one ran
  }
  wait_for_input();
  return Value::undefined();
}

Value host_close(Vm& vm, Value, std::span<const Value>, Value) {
  if (repl->closed) return Value::undefined();
  repl->closed = true;
  if (repl->terminal) {
    rl_callback_handler_remove();
    if (!repl->history_file.empty()) write_history(repl->history_file.c_str());
  }
  repl->at_prompt = false;
  if (repl->input) repl->input->close();
  return Value::undefined();
}

std::string history_path() {
  if (const char* env = std::getenv("GLASS_REPL_HISTORY")) return env;
  const char* home = std::getenv("HOME");
  return home ? std::string(home) + "/.glass_repl_history" : "";
}

}  // namespace

int run_repl(natives::Runtime& runtime) {
  static Repl state;
  repl = &state;
  repl->rt = &runtime;
  repl->terminal = isatty(0) && isatty(1);
  Vm& vm = runtime.vm();
  if (repl->terminal) {
    // Output while the prompt waits goes above it; the prompt is drawn again.
    auto above_prompt = [](std::string_view text, int fd) {
      if (repl->at_prompt) {
        natives::write_all(1, "\r\x1b[K");
        natives::write_all(fd, text);
        if (!text.empty() && text.back() != '\n') natives::write_all(fd, "\n");
        rl_forced_update_display();
      } else {
        natives::write_all(fd, text);
      }
    };
    vm.write_stdout = [above_prompt](std::string_view s) { above_prompt(s, 1); };
    vm.write_stderr = [above_prompt](std::string_view s) { above_prompt(s, 2); };
  }
  int status = runtime.run_program([&] {
    Vm& vm = runtime.vm();
    repl->input = eventloop::Pipe::create(runtime.loop(), 0, false);
    gc::Rooted<Object> host(vm.heap(), vm.new_object());
    vm.define_native(host, "write", host_write, 1);
    vm.define_native(host, "ready", host_ready, 1);
    vm.define_native(host, "close", host_close, 0);
    vm.define_value(host, "terminal", Value::boolean(repl->terminal), kDefaultProperty);
    vm.define_value(host, "colors", Value::boolean(repl->terminal && !std::getenv("NO_COLOR")), kDefaultProperty);
    gc::Rooted<Object> module(vm.heap(), as_object(natives::require_builtin(runtime, "internal/repl/session")));
    Value args[1] = {object_value(host)};
    RootedValue session(vm.heap(), call_method(vm, object_value(module), key_of(vm, "createSession"), args));
    repl->session = gc::Persistent<Object>(vm.heap(), as_object(session), "REPL session");
    if (repl->terminal) {
      rl_catch_signals = 0;
      rl_getc_function = read_key;
      rl_initialize();
      // Ctrl-C as a key, not a signal, while editing (the tty's "isig" off
      // in libedit's edit mode): read_key turns it into the REPL's Ctrl-C.
      rl_parse_and_bind("setty -d -isig");
      rl_attempted_completion_function = attempt_completion;
      using_history();
      stifle_history(1000);
      repl->history_file = history_path();
      if (!repl->history_file.empty()) read_history(repl->history_file.c_str());
      runtime.loop().on_signal(SIGINT, on_interrupt);
    }
    vm.write_stdout(std::string("Welcome to Glass v") + GLASS_VERSION + " (Node.js v20 compatible).\n" +
                    "Type \".help\" for more information.\n");
    if (!repl->input) {  // stdin is a regular file: read it whole
      std::string text;
      char chunk[65536];
      size_t n;
      while ((n = std::fread(chunk, 1, sizeof chunk, stdin)) > 0) text.append(chunk, n);
      repl->pending = text + (text.empty() || text.back() == '\n' ? "" : "\n");
      repl->input_done = true;
      repl->at_prompt = true;
      vm.write_stdout("> ");
      on_text("");
      return;
    }
    Value none[1] = {string_value(vm.new_string("> "))};
    host_ready(vm, Value::undefined(), none, Value::undefined());
  });
  // What refers to the loop and the heap goes before they do.
  repl->input.reset();
  repl->session = gc::Persistent<Object>();
  return status;
}

}  // namespace glass::cli
