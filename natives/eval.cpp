// `glass -e CODE`, `glass -p CODE` and a script on stdin, as Node runs them:
// a global Script named [eval] (or [stdin]) in which require, module,
// exports, __filename and __dirname are globals (module at cwd/[eval]);
// -p then prints the script's completion value as console.log would. With
// --input-type=module the text is an ES module named file://CWD/[eval1].
#include <filesystem>

#include "builtins/builtins.h"
#include "natives/esm.h"
#include "natives/modules.h"
#include "natives/runtime.h"

namespace glass::natives {

int Runtime::run_eval(const std::string& source, const std::string& name, bool print) {
  return run_program([&] {
    if (options_.input_module) {
      gc::Rooted<Object> loader(vm_.heap(), as_object(require_builtin(*this, "internal/modules/cjs/loader")));
      call_method(vm_, object_value(loader), key_of(vm_, "addBuiltinGlobals"), {});
      std::error_code ec;
      std::string cwd = std::filesystem::current_path(ec).string();
      run_esm_source(*this, source, path_to_file_url(cwd + "/[eval1]"));
      return;
    }
    gc::Rooted<String> n(vm_.heap(), vm_.new_string(name));
    gc::Rooted<String> text(vm_.heap(), vm_.new_string(source));
    Value args[2] = {string_value(n), string_value(text)};
    RootedValue result(vm_.heap(), call_hook(*this, "evalScript", args));
    if (!print) return;
    gc::Rooted<Object> console(vm_.heap(), as_object(require_builtin(*this, "console")));
    RootedValue log(vm_.heap(), get(vm_, console, key_of(vm_, "log")));
    Value log_args[1] = {result};
    vm_.call(log, object_value(console), log_args);
  });
}

}  // namespace glass::natives
