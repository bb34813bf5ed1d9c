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

// Up to `size` bytes of `fd` into `data`; `done` is how many were read (a file may shrink while
// it is read). 0, or the errno of a failed read.
int read_all(int fd, char* data, std::size_t size, std::size_t& done) {
  done = 0;
  while (done < size) {
    const ssize_t got = ::read(fd, data + done, size - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
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
  std::size_t done = 0;
  const int error = read_all(file.get(), text.data(), size, done);
  text.resize(done);
  if (error != 0) return cannot_read(error);
  return std::nullopt;
}

// Whether `path` can be read as a fact file: a regular file no larger than the limit. Returns
// why not, if it cannot; `size` is its size. The file is opened to check (and closed), so that a
// file that cannot be read is reported with the others before any is read.
std::optional<std::string> check_file(const std::filesystem::path& path, const LoadLimits& limits, std::size_t& size) {
  int fd = -1;
  auto refused = open_regular(path, limits, fd, size);
  const Descriptor file(fd);
  return refused;
}

std::size_t page_size() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

}  // namespace

DiskText::~DiskText() { unmap(); }

void DiskText::unmap() const noexcept {
  if (data_ != nullptr) ::munmap(data_, mapped_bytes_);
  data_ = nullptr;
  text_size_ = mapped_bytes_ = 0;
  partial_ = false;
}

// Reads at most size_ bytes of the file into fresh anonymous pages, followed by zeroed ones for
// the fast reader's padding. The file is opened again with the checks of its listing (it may
// have been replaced since), its size not limited again.
void DiskText::load() const {
  unmap();
  const std::size_t page = page_size();
  const std::size_t bytes = (size_ + detail::FactScanner::padding + page - 1) / page * page;
  void* pages = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  std::optional<std::string> refused;
  if (pages == MAP_FAILED) {
    refused = cannot_read(errno);
  } else {
    data_ = static_cast<char*>(pages);
    mapped_bytes_ = bytes;
    LoadLimits unlimited;
    unlimited.max_file_bytes = ~std::size_t{0};
    int fd = -1;
    std::size_t size = 0;
    refused = open_regular(path_, unlimited, fd, size);
    const Descriptor file(fd);
    if (!refused)
      if (const int error = read_all(file.get(), data_, size_, text_size_); error != 0) refused = cannot_read(error);
  }
  if (!first_size_) {
    error_ = std::move(refused);
    first_size_ = error_ ? 0 : text_size_;
    if (error_) text_size_ = 0;
    return;
  }
  // Read again to word a problem: offsets found in the first reading must stay inside the text.
  if (data_ == nullptr) return;
  if (text_size_ < *first_size_) std::memset(data_ + text_size_, ' ', *first_size_ - text_size_);
  text_size_ = *first_size_;
}

std::string_view DiskText::text() const {
  const std::lock_guard lock(mutex_);
  if (data_ == nullptr || partial_) load();
  if (data_ == nullptr) return {};
  return {data_, text_size_};
}

std::size_t DiskText::capacity() const {
  const std::lock_guard lock(mutex_);
  return mapped_bytes_;
}

std::optional<std::string> DiskText::error() const {
  const std::lock_guard lock(mutex_);
  return error_;
}

void DiskText::release() const noexcept {
  const std::lock_guard lock(mutex_);
  unmap();
}

void DiskText::release(std::size_t from, std::size_t to) const noexcept {
  const std::lock_guard lock(mutex_);
  if (data_ == nullptr) return;
  const std::size_t page = page_size();
  from = (from + page - 1) / page * page;
  to = std::min(to / page * page, mapped_bytes_);
  if (from >= to) return;
  ::madvise(data_ + from, to - from, MADV_DONTNEED);
  partial_ = true;
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
    std::size_t size = 0;
    if (auto problem = check_file(path, limits, size)) {
      problems.push_back({path.string(), 0, 0, std::move(*problem)});
      continue;
    }
    files.push_back({path.string(), {}, std::make_shared<const DiskText>(path.string(), size)});
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  return files;
}

}  // namespace cartelgraph
