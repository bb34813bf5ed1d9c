#include "cartelgraph/loaders/fact_directory.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <system_error>

#include "cartelgraph/loaders/fact_records.hpp"
#include "cartelgraph/loaders/fact_scan.hpp"

namespace cartelgraph {

namespace {

// "a FIFO", for "not a regular file (a FIFO)".
std::string file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

std::string cannot_read(int error) { return std::string("cannot read file: ") + std::strerror(error); }

// The problem with reading a file of this status, if any: it must be a regular file no larger
// than the limit.
std::optional<std::string> refusal(const struct stat& status, const LoadLimits& limits) {
  if (!S_ISREG(status.st_mode)) return "not a regular file (" + file_kind(status.st_mode) + ")";
  if (static_cast<std::size_t>(status.st_size) > limits.max_file_bytes)
    return detail::too_big(static_cast<std::size_t>(status.st_size), limits);
  return std::nullopt;
}

// An open file descriptor, closed on scope exit.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

// Up to `text.size()` bytes of `fd` into `text`, which is cut to what was read (a file may
// shrink while it is read). 0, or the errno of a failed read.
int read_all(int fd, std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t got = ::read(fd, text.data() + done, text.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  text.resize(done);
  return 0;
}

// Opens `path` if it is a regular file no larger than the limit: its type is checked with stat
// before it is opened (opening a device may do something), then with fstat on what was opened,
// which is opened with O_NONBLOCK so that a FIFO put in its place in between neither blocks the
// open nor is read. Returns why the file was not opened, if it was not; `size` is its size.
std::optional<std::string> open_regular(const std::filesystem::path& path, const LoadLimits& limits, int& fd,
                                        std::size_t& size) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return cannot_read(errno);
  if (auto refused = refusal(status, limits)) return refused;
  fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return cannot_read(errno);
  if (::fstat(fd, &status) != 0) return cannot_read(errno);
  if (auto refused = refusal(status, limits)) return refused;
  size = static_cast<std::size_t>(status.st_size);
  return std::nullopt;
}

// The bytes of `path` into `text` in one read of the size the file has (a stream buffer copy
// through an ostringstream took 7x longer on a 120 MB file). Returns why the file was not read,
// if it was not: it cannot be read, is not a regular file or is larger than the limit.
std::optional<std::string> read_whole_file(const std::filesystem::path& path, const LoadLimits& limits,
                                           std::string& text) {
  int fd = -1;
  std::size_t size = 0;
  auto refused = open_regular(path, limits, fd, size);
  const Descriptor file(fd);
  if (refused) return refused;
  // Room past the end for the fast reader's padding, so that it parses the text where it is.
  text.reserve(size + detail::FactScanner::padding);
  text.resize(size);
  if (const int error = read_all(file.get(), text); error != 0) return cannot_read(error);
  return std::nullopt;
}

// The bytes of `path` mapped read-only, followed by zeroed pages for the fast reader's padding:
// no copy of a gigabyte of JSON, and pages the loader is done with can be handed back
// (MappedText::release). An anonymous reservation is made first and the file mapped over its
// start, so the padding past the file's last page reads zeros rather than faulting.
std::optional<std::string> map_whole_file(const std::filesystem::path& path, const LoadLimits& limits,
                                          std::shared_ptr<const MappedText>& mapped) {
  int fd = -1;
  std::size_t size = 0;
  auto refused = open_regular(path, limits, fd, size);
  const Descriptor file(fd);
  if (refused) return refused;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t bytes = (size + detail::FactScanner::padding + page - 1) / page * page;
  void* reserved = ::mmap(nullptr, bytes, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (reserved == MAP_FAILED) return cannot_read(errno);
  if (size > 0 && ::mmap(reserved, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, file.get(), 0) == MAP_FAILED) {
    const int error = errno;
    ::munmap(reserved, bytes);
    return cannot_read(error);
  }
  mapped = std::make_shared<const MappedText>(static_cast<const char*>(reserved), size, bytes);
  return std::nullopt;
}

}  // namespace

MappedText::~MappedText() { ::munmap(const_cast<char*>(data_), mapped_bytes_); }

void MappedText::release(std::size_t from, std::size_t to) const noexcept {
  // The padding's anonymous pages read as zeros again afterwards, as they did before.
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  from = (from + page - 1) / page * page;
  to = std::min(to / page * page, mapped_bytes_);
  if (from < to) ::madvise(const_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
}

FactFile read_fact_file(const std::filesystem::path& path, const LoadLimits& limits) {
  FactFile file{path.string(), {}};
  if (auto problem = read_whole_file(path, limits, file.text))
    throw LoadError({{file.path, 0, 0, std::move(*problem)}});
  return file;
}

std::vector<FactFile> read_fact_directory(const std::filesystem::path& directory, const LoadLimits& limits) {
  namespace fs = std::filesystem;
  const std::string where = directory.string();
  std::error_code error;
  const fs::file_status status = fs::status(directory, error);
  if (error && status.type() != fs::file_type::not_found)
    throw LoadError({{where, 0, 0, "cannot read directory: " + error.message()}});
  if (status.type() != fs::file_type::directory) throw LoadError({{where, 0, 0, "not a directory"}});

  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const fs::path& path = entry.path();
    // An entry whose type cannot be learnt (a symbolic link loop) is kept: reading it says why.
    std::error_code type_error;
    if (path.extension() == ".json" && path.filename() != "schema.json" && !entry.is_directory(type_error))
      paths.push_back(path);
  }
  if (error) throw LoadError({{where, 0, 0, "cannot list directory: " + error.message()}});
  if (paths.empty()) throw LoadError({{where, 0, 0, "no fact files (*.json) in directory"}});
  std::ranges::sort(paths);

  std::vector<FactFile> files;
  std::vector<Problem> problems;
  for (const auto& path : paths) {
    std::shared_ptr<const MappedText> mapped;
    if (auto problem = map_whole_file(path, limits, mapped)) {
      problems.push_back({path.string(), 0, 0, std::move(*problem)});
      continue;
    }
    files.push_back({path.string(), {}, std::move(mapped)});
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  return files;
}

}  // namespace cartelgraph
