// The file-system calls behind `fs` (natives/fs.cpp binds them to JS):
// plain C++ over POSIX, no JavaScript and no heap, so every one of them can
// run on a thread-pool thread. Each returns an FsResult: on failure the
// errno and the syscall Node names in its error ("open", "scandir", ...),
// with the path (and dest) the error message quotes; on success its payload.
#pragma once
#include <string>
#include <vector>

namespace glass::natives::fsops {

struct FsResult {
  int error = 0;             // errno (positive); 0 on success
  const char* syscall = "";  // what Node names in the error message
  bool has_path = true;      // Node omits the path for some errors (EISDIR on read)
  std::string path, dest;    // dest: two-path calls only (rename, copyfile)

  // Payloads, by call.
  std::string bytes;               // read_file; mkdirp: first directory created
  bool has_bytes = false;          // mkdirp: whether a directory was created
  double numbers[14] = {};         // stat: Node's Stats fields, in Stats order
  std::vector<std::string> names;  // readdir, sorted like libuv (strcmp)
  std::vector<int> types;          // readdir: libuv dirent types (kDirent*)
  bool flag = false;               // exists
};

// libuv's dirent types, as Node's Dirent reads them.
enum DirentType { kDirentUnknown, kDirentFile, kDirentDir, kDirentLink, kDirentFifo, kDirentSocket,
                  kDirentChar, kDirentBlock };

// Node's code and libuv's message for an errno: ("ENOENT", "no such file or directory").
const char* errno_code(int error);
const char* errno_message(int error);

// A path, or a file descriptor the caller owns (fd >= 0: path is ignored).
struct Target {
  std::string path;
  int fd = -1;
};

FsResult read_file(const Target& target, int open_flags);
FsResult write_file(const Target& target, const std::string& bytes, int open_flags, int mode);
FsResult read_dir(const std::string& path, bool with_types);
FsResult stat(const std::string& path, bool lstat);
FsResult mkdir(const std::string& path, int mode);
FsResult mkdirp(const std::string& path, int mode);  // recursive; bytes = first directory made
FsResult rm(const std::string& path, bool recursive, bool force);
FsResult rmdir(const std::string& path);
FsResult unlink(const std::string& path);
FsResult rename(const std::string& from, const std::string& to);
FsResult copy_file(const std::string& from, const std::string& to, int mode);
FsResult access(const std::string& path, int mode);
// bytes = the resolved path. `native`: fs.realpath.native's error (syscall
// "realpath", the path as given); otherwise fs.realpath's (the first missing
// prefix of the absolute path, syscall "lstat").
FsResult realpath(const std::string& path, bool native);
FsResult mkdtemp(const std::string& prefix);  // bytes = the directory made
bool exists(const std::string& path);

}  // namespace glass::natives::fsops
