// Output files: written whole or not at all.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "cartelgraph/render/output_file.hpp"

using namespace cartelgraph;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(fs::temp_directory_path() / ("cartelgraph_output_test_" + std::to_string(::getpid()) + "_" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code error;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, error);
    fs::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }
  [[nodiscard]] fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_plainly(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::set<std::string> names_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.insert(entry.path().filename().string());
  return names;
}

// Files larger than `bytes` cannot be written while it lives (writes fail with EFBIG, as on a
// full disk); SIGXFSZ, which would end the process, is ignored meanwhile.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limit) == 0);
    handler_ = std::signal(SIGXFSZ, SIG_IGN);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*handler_)(int) = nullptr;
};

}  // namespace

// ---- the library: write_file_atomically and write_files_atomically -------------------------

TEST_CASE("a set of files is replaced only when every one of them could be written") {
  const TempDir dir("set");
  write_plainly(dir / "nodes.csv", "old nodes");
  write_plainly(dir / "relationships.csv", "old relationships");
  const std::string small(100, 'n');
  const std::string large(100000, 'r');
  const OutputFile files[] = {{dir / "nodes.csv", small}, {dir / "relationships.csv", large}};
  {
    const FileSizeLimit limit(4096);  // the first file fits, the second does not
    CHECK_THROWS_WITH_AS(write_files_atomically(files),
                         doctest::Contains("relationships.csv: write: File too large"), OutputError);
  }
  CHECK(read_file(dir / "nodes.csv") == "old nodes");
  CHECK(read_file(dir / "relationships.csv") == "old relationships");
  CHECK(names_in(dir.path()) == std::set<std::string>{"nodes.csv", "relationships.csv"});

  write_files_atomically(files);
  CHECK(read_file(dir / "nodes.csv") == small);
  CHECK(read_file(dir / "relationships.csv") == large);
  CHECK(names_in(dir.path()) == std::set<std::string>{"nodes.csv", "relationships.csv"});
}

TEST_CASE("when a rename fails, the files of the set already renamed are put back") {
  const TempDir dir("rollback");
  write_plainly(dir / "a.csv", "old a");
  write_plainly(dir / "b.csv", "old b");
  // Nothing, not even root, can rename over an immutable file: the second rename fails after
  // the first succeeded. Setting the attribute needs root and ext4, XFS or btrfs.
  const std::string b = (dir / "b.csv").string();
  if (std::system(("chattr +i '" + b + "' 2>/dev/null").c_str()) != 0) {
    MESSAGE("chattr +i is not possible here: the rollback is not exercised");
    return;
  }
  struct Thaw {
    std::string path;
    ~Thaw() { (void)std::system(("chattr -i '" + path + "'").c_str()); }
  } thaw{b};
  const OutputFile files[] = {{dir / "a.csv", "new a"}, {dir / "b.csv", "new b"}};
  CHECK_THROWS_WITH_AS(write_files_atomically(files), doctest::Contains("b.csv: rename:"), OutputError);
  CHECK(read_file(dir / "a.csv") == "old a");
  CHECK(read_file(dir / "b.csv") == "old b");
  CHECK(names_in(dir.path()) == std::set<std::string>{"a.csv", "b.csv"});
}

TEST_CASE("a symbolic link is followed and a FIFO written in place, neither replaced") {
  const TempDir dir("special");
  SUBCASE("a symbolic link") {
    write_plainly(dir / "real.svg", "old");
    fs::create_symlink("real.svg", dir / "link.svg");
    write_file_atomically(dir / "link.svg", "new");
    CHECK(fs::is_symlink(dir / "link.svg"));
    CHECK(read_file(dir / "real.svg") == "new");
    CHECK(names_in(dir.path()) == std::set<std::string>{"link.svg", "real.svg"});
  }
  SUBCASE("a FIFO") {
    const fs::path fifo = dir / "fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // a writer's open needs a reader
    REQUIRE(reader >= 0);
    write_file_atomically(fifo, "through the pipe");
    char buffer[64] = {};
    const ssize_t n = ::read(reader, buffer, sizeof buffer);
    ::close(reader);
    CHECK(std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0) == "through the pipe");
    CHECK(fs::is_fifo(fifo));
  }
}

TEST_CASE("a replaced file keeps its permissions; a new one gets 0666 less the umask") {
  const TempDir dir("modes");
  write_plainly(dir / "private.html", "old");
  fs::permissions(dir / "private.html", fs::perms::owner_read | fs::perms::owner_write);
  write_file_atomically(dir / "private.html", "new");
  CHECK(fs::status(dir / "private.html").permissions() == (fs::perms::owner_read | fs::perms::owner_write));

  const mode_t saved = ::umask(027);
  write_file_atomically(dir / "new.html", "new");
  ::umask(saved);
  CHECK(fs::status(dir / "new.html").permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("a file name close to the system's limit can still be written atomically") {
  const TempDir dir("long");
  const std::string name = std::string(250, 'x') + ".svg";  // 254 bytes: NAME_MAX is 255
  write_file_atomically(dir / name, "data");
  CHECK(read_file(dir / name) == "data");
  CHECK(names_in(dir.path()) == std::set<std::string>{name});
}
