# Writes OUT: a C++ table of the built-in JS modules under DIR (name -> source).
# A module's name is its path under DIR without ".js": lib/events.js is
# 'events', lib/fs/promises.js 'fs/promises', lib/internal/errors.js
# 'internal/errors' (reachable from built-in modules only).
file(GLOB_RECURSE FILES RELATIVE ${DIR} ${DIR}/*.js)
list(SORT FILES)
set(table "")
set(names "")
foreach(file ${FILES})
  string(REGEX REPLACE "\\.js$" "" name ${file})
  file(READ ${DIR}/${file} text)
  string(APPEND table "    {\"${name}\", R\"glass_lib(${text})glass_lib\"},\n")
endforeach()
file(WRITE ${OUT} "// Generated from natives/lib/**/*.js by embed_lib.cmake: do not edit.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace glass::natives {

namespace {
struct Entry {
  const char* name;
  const char* source;
};
// Sorted by name (the file list is sorted).
const Entry kLib[] = {
${table}};
}  // namespace

const char* builtin_source(const std::string& name) {
  for (const Entry& e : kLib)
    if (name == e.name) return e.source;
  return nullptr;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> out;
  for (const Entry& e : kLib) out.push_back(e.name);
  return out;
}

}  // namespace glass::natives
")
