#include "cartelgraph/render/output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <deque>
#include <string>
#include <vector>

namespace cartelgraph {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, std::string_view step, int error) {
  std::string message = "cannot write " + path.string() + ": ";
  if (!step.empty()) (message += step) += ": ";
  throw OutputError(message + std::strerror(error));
}

// The temporary files being written, for remove_unfinished_outputs() to find from a signal
// handler: lock-free atomics are all a handler may touch. More outputs at once than slots
// (none of the commands writes more than two) go unregistered, and are only left behind if
// the run is interrupted.
std::array<std::atomic<const char*>, 8> unfinished{};
static_assert(std::atomic<const char*>::is_always_lock_free);

void register_unfinished(const char* path) noexcept {
  for (auto& slot : unfinished) {
    const char* empty = nullptr;
    if (slot.compare_exchange_strong(empty, path)) return;
  }
}

void unregister_unfinished(const char* path) noexcept {
  for (auto& slot : unfinished) {
    const char* expected = path;
    if (slot.compare_exchange_strong(expected, nullptr)) return;
  }
}

// SIGINT, SIGTERM and SIGHUP held back while it lives: a temporary file is created and
// registered for remove_unfinished_outputs() as one step, and a signal that comes in between
// is delivered once both are done.
class InterruptsHeld {
 public:
  InterruptsHeld() noexcept {
    sigset_t interrupts;
    sigemptyset(&interrupts);
    for (const int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupts, signal);
    ::pthread_sigmask(SIG_BLOCK, &interrupts, &previous_);
  }
  ~InterruptsHeld() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  InterruptsHeld(const InterruptsHeld&) = delete;
  InterruptsHeld& operator=(const InterruptsHeld&) = delete;

 private:
  sigset_t previous_{};
};

// Writes every byte of `bytes` to `fd`; false, with errno set, on failure.
bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// 0666 less the umask, as open(2) would create a file. umask(2) has no getter: it is set and
// restored.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a file the program already has
// open: `-o /dev/stdout >> log` appends to log rather than replace it.
bool names_open_file(const std::filesystem::path& path) {
  const std::string name = path.lexically_normal().string();
  return name == "/dev/stdout" || name == "/dev/stderr" || name.starts_with("/dev/fd/") ||
         name.starts_with("/proc/self/fd/");
}

// One output: staged in a temporary file beside the file it replaces, then renamed over it.
// The destructor removes whatever is left behind: the temporary file if it was never renamed,
// the hard link to the previous version once it is no longer needed.
class Target {
 public:
  Target(const std::filesystem::path& path, std::string_view bytes) : Target(path, std::span(&bytes, 1)) {}
  Target(const std::filesystem::path& path, std::span<const std::string_view> parts)
      : path_(path), file_(path), parts_(parts.begin(), parts.end()) {
    if (names_open_file(path)) {
      in_place_ = true;
      return;
    }
    // lstat: a symbolic link is the file replaced, never the file it names (rename(2) replaces
    // the link itself), so a planted link cannot redirect the output into another file.
    struct stat status {};
    if (::lstat(path.c_str(), &status) != 0) return;  // a new file (or mkstemp says why not)
    if (S_ISDIR(status.st_mode)) fail(path_, "", EISDIR);
    if (S_ISLNK(status.st_mode)) {
      exists_ = true;  // the link is kept by keep_previous(), and the new file gets a new file's mode
      mode_ = new_file_mode();
      return;
    }
    if (!S_ISREG(status.st_mode)) {
      in_place_ = true;
      return;
    }
    exists_ = true;
    mode_ = status.st_mode & 07777;
  }
  ~Target() {
    if (!temporary_.empty()) {
      ::unlink(temporary_.c_str());  // then unregistered: a signal in between finds no file, not a file left
      unregister_unfinished(temporary_.c_str());
    }
    if (!previous_.empty()) ::unlink(previous_.c_str());
  }
  Target(const Target&) = delete;
  Target& operator=(const Target&) = delete;

  // Writes the bytes to a new temporary file beside the target, synced to disk.
  void stage() {
    if (in_place_) return;
    const std::filesystem::path directory = file_.has_parent_path() ? file_.parent_path() : ".";
    // ".NAME.XXXXXX", and ".old" after it for keep_previous(): NAME is cut short so that a file
    // name near NAME_MAX (255 bytes) still leaves room for the temporary one.
    std::string name = ".";  // built in steps: GCC 12 at -O3 warns (-Wrestrict) on "." + string
    name += file_.filename().string().substr(0, 200);
    name += ".XXXXXX";
    std::string temporary = (directory / name).string();
    int fd = -1;
    {
      const InterruptsHeld held;
      fd = ::mkstemp(temporary.data());
      if (fd < 0) fail(path_, "", errno);
      temporary_ = std::move(temporary);
      register_unfinished(temporary_.c_str());
    }
    const auto close_and_fail = [&](std::string_view step) {
      const int error = errno;
      ::close(fd);
      fail(path_, step, error);
    };
    if (!write_parts(fd)) close_and_fail("write");
    if (::fchmod(fd, exists_ ? mode_ : new_file_mode()) != 0 || ::fsync(fd) != 0) close_and_fail("sync");
    if (::close(fd) != 0) fail(path_, "close", errno);
  }

  // A device, FIFO or socket, or a file already open, is written as it is: there is nothing to
  // rename over. O_APPEND: a file the shell opened with >> is appended to, one opened with > is
  // empty.
  void write_in_place() const {
    if (!in_place_) return;
    const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0) fail(path_, "", errno);
    if (!write_parts(fd)) {
      const int error = errno;
      ::close(fd);
      fail(path_, "write", error);
    }
    if (::close(fd) != 0) fail(path_, "close", errno);
  }

  // Keeps the version about to be replaced as a hard link, so that restore() can put it back.
  // Best effort: a file system without hard links keeps none.
  void keep_previous() {
    if (in_place_ || !exists_) return;
    const std::string previous = temporary_ + ".old";
    // linkat without AT_SYMLINK_FOLLOW links a symbolic link itself, not the file it names.
    if (::linkat(AT_FDCWD, file_.c_str(), AT_FDCWD, previous.c_str(), 0) == 0) previous_ = previous;
  }

  void replace() {
    if (in_place_) return;
    const InterruptsHeld held;  // renamed and unregistered as one step
    if (::rename(temporary_.c_str(), file_.c_str()) != 0) fail(path_, "rename", errno);
    unregister_unfinished(temporary_.c_str());
    temporary_.clear();
  }

  // Undoes replace(): the previous version back, or no file where there was none.
  void restore() noexcept {
    if (in_place_) return;
    if (!previous_.empty()) {
      if (::rename(previous_.c_str(), file_.c_str()) == 0) previous_.clear();
    } else if (!exists_) {
      ::unlink(file_.c_str());
    }
  }

 private:
  [[nodiscard]] bool write_parts(int fd) const {
    return std::ranges::all_of(parts_, [&](std::string_view part) { return write_all(fd, part); });
  }

  std::filesystem::path path_;           // as given, for messages
  std::filesystem::path file_;           // the file replaced (a symbolic link itself, not what it names)
  std::vector<std::string_view> parts_;  // the file's bytes, in order
  bool in_place_ = false;
  bool exists_ = false;
  mode_t mode_ = 0;
  std::string temporary_;
  std::string previous_;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const OutputFile file{path, bytes};
  write_files_atomically({&file, 1});
}

void write_file_atomically(const std::filesystem::path& path, std::span<const std::string_view> parts) {
  Target target(path, parts);
  target.stage();
  target.write_in_place();
  target.replace();
}

void write_files_atomically(std::span<const OutputFile> files) {
  std::deque<Target> targets;  // a deque: targets never move
  for (const auto& file : files) targets.emplace_back(file.path, file.bytes);
  // Every failure likely to happen (no permission, no space, no such directory) happens here,
  // before anything is replaced.
  for (auto& target : targets) target.stage();
  for (const auto& target : targets) target.write_in_place();
  for (std::size_t i = 0; i + 1 < targets.size(); ++i) targets[i].keep_previous();  // the last needs none
  for (std::size_t i = 0; i < targets.size(); ++i) {
    try {
      targets[i].replace();
    } catch (const OutputError&) {
      for (std::size_t j = i; j-- > 0;) targets[j].restore();
      throw;
    }
  }
}

void remove_unfinished_outputs() noexcept {
  for (auto& slot : unfinished)
    if (const char* path = slot.exchange(nullptr)) ::unlink(path);
}

}  // namespace cartelgraph
