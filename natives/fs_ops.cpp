// The file-system calls behind `fs` (see fs_ops.h): POSIX, one function per
// operation, each reporting failure the way Node words it (errno + syscall
// + path). Thread-safe: nothing here is shared.
#include "natives/fs_ops.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace glass::natives::fsops {

namespace {

FsResult failure(int error, const char* syscall, const std::string& path) {
  FsResult r;
  r.error = error;
  r.syscall = syscall;
  r.path = path;
  return r;
}

FsResult failure2(int error, const char* syscall, const std::string& path, const std::string& dest) {
  FsResult r = failure(error, syscall, path);
  r.dest = dest;
  return r;
}

// A file descriptor closed when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    size -= size_t(n);
  }
  return true;
}

double ms(const struct timespec& t) { return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6; }

int dirent_type_of_mode(mode_t mode) {
  switch (mode & S_IFMT) {
    case S_IFREG: return kDirentFile;
    case S_IFDIR: return kDirentDir;
    case S_IFLNK: return kDirentLink;
    case S_IFIFO: return kDirentFifo;
    case S_IFSOCK: return kDirentSocket;
    case S_IFCHR: return kDirentChar;
    case S_IFBLK: return kDirentBlock;
    default: return kDirentUnknown;
  }
}

int dirent_type(const std::string& dir, const struct dirent* e) {
  switch (e->d_type) {
    case DT_REG: return kDirentFile;
    case DT_DIR: return kDirentDir;
    case DT_LNK: return kDirentLink;
    case DT_FIFO: return kDirentFifo;
    case DT_SOCK: return kDirentSocket;
    case DT_CHR: return kDirentChar;
    case DT_BLK: return kDirentBlock;
    default: {  // the file system does not say: ask lstat
      struct stat st;
      std::string p = dir + "/" + e->d_name;
      return ::lstat(p.c_str(), &st) == 0 ? dirent_type_of_mode(st.st_mode) : kDirentUnknown;
    }
  }
}

// "a/b///" -> "a/b" (the root stays "/").
std::string without_trailing_slashes(std::string p) {
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

bool is_directory(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Removes a directory tree (no symlinks followed). 0 or the first errno.
int remove_tree(const std::string& path) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return errno;
  if (!S_ISDIR(st.st_mode)) return ::unlink(path.c_str()) == 0 ? 0 : errno;
  DIR* dir = ::opendir(path.c_str());
  if (!dir) return errno;
  std::vector<std::string> children;
  while (const struct dirent* e = ::readdir(dir)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    children.push_back(path + "/" + e->d_name);
  }
  ::closedir(dir);
  for (const std::string& child : children)
    if (int error = remove_tree(child)) return error;
  return ::rmdir(path.c_str()) == 0 ? 0 : errno;
}

}  // namespace

const char* errno_code(int error) {
  switch (error) {
#define GLASS_ERRNO(name, message) \
  case name: return #name;
#include "natives/errno_table.inc"
#undef GLASS_ERRNO
    default: return "UNKNOWN";
  }
}

const char* errno_message(int error) {
  switch (error) {
#define GLASS_ERRNO(name, message) \
  case name: return message;
#include "natives/errno_table.inc"
#undef GLASS_ERRNO
    default: return "unknown error";
  }
}

FsResult read_file(const Target& target, int open_flags) {
  Fd owned;
  int fd = target.fd;
  if (fd < 0) {
    owned.fd = fd = ::open(target.path.c_str(), open_flags | O_CLOEXEC);
    if (fd < 0) return failure(errno, "open", target.path);
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    FsResult r = failure(errno, "fstat", "");
    r.has_path = false;
    return r;
  }
  FsResult r;
  if (S_ISREG(st.st_mode)) r.bytes.reserve(size_t(st.st_size));
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      FsResult e = failure(errno, "read", "");  // Node: "EISDIR: illegal operation on a directory, read"
      e.has_path = false;
      return e;
    }
    r.bytes.append(buffer, size_t(n));
  }
  return r;
}

FsResult write_file(const Target& target, const std::string& bytes, int open_flags, int mode) {
  Fd owned;
  int fd = target.fd;
  if (fd < 0) {
    owned.fd = fd = ::open(target.path.c_str(), open_flags | O_CLOEXEC, mode);
    if (fd < 0) return failure(errno, "open", target.path);
  }
  if (!write_all(fd, bytes.data(), bytes.size())) {
    FsResult r = failure(errno, "write", "");
    r.has_path = false;
    return r;
  }
  return {};
}

FsResult read_dir(const std::string& path, bool with_types) {
  DIR* dir = ::opendir(path.c_str());
  if (!dir) return failure(errno, "scandir", path);
  std::vector<std::pair<std::string, int>> entries;
  int error = 0;
  for (;;) {
    errno = 0;  // readdir's end and its failure differ only by errno
    const struct dirent* e = ::readdir(dir);
    if (!e) {
      error = errno;
      break;
    }
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    entries.emplace_back(e->d_name, with_types ? dirent_type(path, e) : kDirentUnknown);
  }
  ::closedir(dir);
  if (error) return failure(error, "scandir", path);
  std::sort(entries.begin(), entries.end());  // libuv's scandir sorts by strcmp
  FsResult r;
  for (auto& [name, type] : entries) {
    r.names.push_back(std::move(name));
    r.types.push_back(type);
  }
  return r;
}

FsResult stat(const std::string& path, bool lstat) {
  struct stat st;
  int rc = lstat ? ::lstat(path.c_str(), &st) : ::stat(path.c_str(), &st);
  if (rc != 0) return failure(errno, lstat ? "lstat" : "stat", path);
  FsResult r;
  double birth = ms(st.st_ctim);
#if defined(__linux__) && defined(STATX_BTIME)
  struct statx sx;
  if (::statx(AT_FDCWD, path.c_str(), lstat ? AT_SYMLINK_NOFOLLOW : 0, STATX_BTIME, &sx) == 0 &&
      (sx.stx_mask & STATX_BTIME))
    birth = double(sx.stx_btime.tv_sec) * 1e3 + double(sx.stx_btime.tv_nsec) / 1e6;
#endif
  // Node's Stats order: dev mode nlink uid gid rdev blksize ino size blocks atimeMs mtimeMs ctimeMs birthtimeMs
  double fields[14] = {double(st.st_dev),     double(st.st_mode), double(st.st_nlink),  double(st.st_uid),
                       double(st.st_gid),     double(st.st_rdev), double(st.st_blksize), double(st.st_ino),
                       double(st.st_size),    double(st.st_blocks), ms(st.st_atim),      ms(st.st_mtim),
                       ms(st.st_ctim),        birth};
  std::copy(std::begin(fields), std::end(fields), r.numbers);
  return r;
}

FsResult mkdir(const std::string& path, int mode) {
  if (::mkdir(path.c_str(), mode_t(mode)) != 0) return failure(errno, "mkdir", path);
  return {};
}

FsResult mkdirp(const std::string& path, int mode) {
  // Walk up until a mkdir succeeds (or its parent exists), then come back down.
  std::vector<std::string> todo{without_trailing_slashes(path)};
  FsResult r;
  while (!todo.empty()) {
    const std::string dir = todo.back();
    if (::mkdir(dir.c_str(), mode_t(mode)) == 0) {
      if (!r.has_bytes) {
        r.bytes = dir;
        r.has_bytes = true;
      }
      todo.pop_back();
      continue;
    }
    int error = errno;
    if (error == EEXIST) {
      if (!is_directory(dir)) return failure(todo.size() == 1 ? EEXIST : ENOTDIR, "mkdir", path);
      todo.pop_back();
      continue;
    }
    if (error == ENOENT) {
      std::string parent = std::filesystem::path(dir).parent_path().string();
      if (parent.empty() || parent == dir) return failure(ENOENT, "mkdir", path);
      todo.push_back(without_trailing_slashes(parent));
      continue;
    }
    return failure(error, "mkdir", path);
  }
  return r;
}

FsResult rm(const std::string& path, bool recursive, bool force) {
  // Node's rm: lstat first; a missing path is fine with `force`; a directory needs `recursive`.
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT && force) return {};
    return failure(errno, "lstat", path);
  }
  if (S_ISDIR(st.st_mode)) {
    if (!recursive) return failure(EISDIR, "rm", path);  // fs.js turns this into ERR_FS_EISDIR
    if (int error = remove_tree(path)) return failure(error, "rm", path);
    return {};
  }
  if (::unlink(path.c_str()) != 0) return failure(errno, "unlink", path);
  return {};
}

FsResult rmdir(const std::string& path) {
  if (::rmdir(path.c_str()) != 0) return failure(errno, "rmdir", path);
  return {};
}

FsResult unlink(const std::string& path) {
  if (::unlink(path.c_str()) != 0) return failure(errno, "unlink", path);
  return {};
}

FsResult rename(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) return failure2(errno, "rename", from, to);
  return {};
}

FsResult copy_file(const std::string& from, const std::string& to, int mode) {
  constexpr int kExclusive = 1;  // fs.constants.COPYFILE_EXCL
  Fd in, out;
  in.fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in.fd < 0) return failure2(errno, "copyfile", from, to);
  struct stat st;
  if (::fstat(in.fd, &st) != 0) return failure2(errno, "copyfile", from, to);
  if (S_ISDIR(st.st_mode)) return failure2(EISDIR, "copyfile", from, to);
  int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | ((mode & kExclusive) ? O_EXCL : 0);
  out.fd = ::open(to.c_str(), flags, st.st_mode & 07777);
  if (out.fd < 0) return failure2(errno, "copyfile", from, to);
  char buffer[64 * 1024];
  for (;;) {
    ssize_t n = ::read(in.fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return failure2(errno, "copyfile", from, to);
    }
    if (!write_all(out.fd, buffer, size_t(n))) return failure2(errno, "copyfile", from, to);
  }
  return {};
}

FsResult access(const std::string& path, int mode) {
  if (::access(path.c_str(), mode) != 0) return failure(errno, "access", path);
  return {};
}

FsResult realpath(const std::string& path, bool native) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (!resolved) {
    int error = errno;
    if (native) return failure(error, "realpath", path);
    // fs.realpath walks the absolute path with lstat: name the first prefix that fails.
    std::error_code ec;
    std::filesystem::path full = std::filesystem::absolute(path, ec).lexically_normal(), prefix;
    for (const auto& part : full) {
      prefix /= part;
      struct stat st;
      std::string p = without_trailing_slashes(prefix.string());
      if (::lstat(p.c_str(), &st) != 0) return failure(errno, "lstat", p);
    }
    return failure(error, "lstat", without_trailing_slashes(full.string()));
  }
  FsResult r;
  r.bytes = resolved;
  r.has_bytes = true;
  std::free(resolved);
  return r;
}

FsResult mkdtemp(const std::string& prefix) {
  std::string name = prefix + "XXXXXX";
  std::vector<char> buffer(name.begin(), name.end());
  buffer.push_back('\0');
  if (!::mkdtemp(buffer.data())) return failure(errno, "mkdtemp", name);
  FsResult r;
  r.bytes = buffer.data();
  r.has_bytes = true;
  return r;
}

bool exists(const std::string& path) { return ::access(path.c_str(), F_OK) == 0; }

}  // namespace glass::natives::fsops
