// Pipe (see pipe.h for the rules).
#include "eventloop/pipe.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

namespace glass::eventloop {

namespace {

// Whether epoll can watch `fd` (regular files and directories it refuses).
bool pollable(int fd) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return false;
  return !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

}  // namespace

Pipe::Pipe(Loop& loop, int fd)
    : loop_(loop), fd_(fd), stream_(loop.io_context(), fd), handle_(loop, false) {}

std::shared_ptr<Pipe> Pipe::create(Loop& loop, int fd, bool owned) {
  if (fd < 0 || !pollable(fd)) return nullptr;
  // A borrowed descriptor is watched through a duplicate of our own: epoll
  // takes a descriptor once, and stdin may be read by more than one Pipe
  // (process.stdin, a tty.ReadStream, the REPL).
  int watched = owned ? fd : ::fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (watched < 0) return nullptr;
  std::shared_ptr<Pipe> p;
  try {
    p.reset(new Pipe(loop, watched));
  } catch (const std::system_error&) {  // the loop refused to watch it
    ::close(watched);
    return nullptr;
  }
  loop.adopt(p);
  return p;
}

void Pipe::update_liveness() {
  bool active = !closed_ && (reading_ || waiting_ || !writes_.empty());
  if (active && referenced_) handle_.ref();
  else handle_.unref();
}

void Pipe::ref() {
  referenced_ = true;
  update_liveness();
}

void Pipe::unref() {
  referenced_ = false;
  update_liveness();
}

void Pipe::read_start(DataCallback on_data) {
  on_data_ = std::move(on_data);
  reading_ = true;
  update_liveness();
  if (!read_in_flight_ && !closed_) issue_read();
}

void Pipe::read_stop() {
  reading_ = false;
  update_liveness();
}

void Pipe::issue_read() {
  if (read_buffer_.empty()) read_buffer_.resize(kReadSize);
  read_in_flight_ = true;
  stream_.async_read_some(
      asio::buffer(read_buffer_),
      loop_.bind("pipe data", [self = shared_from_this()](const std::error_code& ec, std::size_t n) {
        self->read_in_flight_ = false;
        if (self->closed_) return;
        DataCallback cb = self->on_data_;  // a copy: the callback may replace or drop on_data_
        if (ec) {
          self->reading_ = false;
          self->update_liveness();
          if (cb) cb(ec, {});
          return;
        }
        if (cb) cb({}, std::string_view(self->read_buffer_.data(), n));
        if (self->reading_ && !self->read_in_flight_ && !self->closed_) self->issue_read();
      }));
}

void Pipe::wait_readable(std::function<void(std::error_code)> on_readable) {
  if (closed_) return;
  waiting_ = true;
  update_liveness();
  stream_.async_wait(asio::posix::stream_descriptor::wait_read,
                     loop_.bind("pipe readable", [self = shared_from_this(), on_readable = std::move(on_readable)](
                                                     const std::error_code& ec) {
                       self->waiting_ = false;
                       self->update_liveness();
                       if (self->closed_) return;
                       on_readable(ec);
                     }));
}

void Pipe::write(std::string data, DoneCallback on_written) {
  if (closed_) return;
  queued_bytes_ += data.size();
  writes_.push_back(Write{std::move(data), std::move(on_written)});
  update_liveness();
  send_queue();
}

void Pipe::send_queue() {
  if (write_in_flight_ || writes_.empty() || closed_) return;
  write_in_flight_ = true;
  asio::async_write(stream_, asio::buffer(writes_.front().data),
                    loop_.bind("pipe write", [self = shared_from_this()](const std::error_code& ec, std::size_t) {
                      self->write_in_flight_ = false;
                      if (self->closed_) return;
                      // On an error every queued write fails with it: the stream cannot continue.
                      std::vector<DoneCallback> done;
                      do {
                        Write& w = self->writes_.front();
                        self->queued_bytes_ -= w.data.size();
                        done.push_back(std::move(w.done));
                        self->writes_.pop_front();
                      } while (ec && !self->writes_.empty());
                      self->update_liveness();
                      for (DoneCallback& d : done)
                        if (d) d(ec);
                      self->send_queue();
                      self->maybe_shutdown();
                    }));
}

void Pipe::shutdown(DoneCallback on_done) {
  if (closed_ || shutdown_requested_) return;
  shutdown_requested_ = true;
  on_shutdown_ = std::move(on_done);
  maybe_shutdown();
}

void Pipe::maybe_shutdown() {
  if (!shutdown_requested_ || !writes_.empty() || write_in_flight_ || closed_) return;
  shutdown_requested_ = false;
  std::error_code ec;
  if (::shutdown(fd_, SHUT_WR) != 0) {
    // Not a socket: a pipe cannot half-close, so its writing end closes.
    if (errno == ENOTSOCK) {
      DoneCallback done = std::move(on_shutdown_);
      close();
      if (done) done({});
      return;
    }
    ec = std::error_code(errno, std::generic_category());
  }
  DoneCallback done = std::move(on_shutdown_);
  asio::post(loop_.io_context(), loop_.bind("pipe shutdown", [self = shared_from_this(), done, ec] {
    if (done) done(ec);
  }));
}

void Pipe::close(std::function<void()> on_close) {
  if (closed_) return;
  closed_ = true;
  reading_ = waiting_ = false;
  std::error_code ec;
  stream_.cancel(ec);
  stream_.close(ec);  // ours: owned, or our duplicate of a borrowed one
  writes_.clear();
  queued_bytes_ = 0;
  const void* key = this;
  Loop* loop = &loop_;
  handle_.close(
      [loop, key, on_close = std::move(on_close)] {
        if (on_close) on_close();
        loop->release(key);
      },
      "pipe close");
}

}  // namespace glass::eventloop
