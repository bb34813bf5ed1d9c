// Output files and standard output: written whole or not at all, failures reported, a closed
// pipe ended quietly.
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
#include <vector>

#include "cartelgraph/render/output_file.hpp"
#include "cli_run.hpp"

using namespace cartelgraph;
using cartelgraph::testing::run_cli;
using cartelgraph::testing::Run;
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

// Bytes no command would write, NUL and invalid UTF-8 included: a previous file to compare against.
const std::string previous_bytes = std::string("previous version\n\0\xff\xfe<svg>", 26) + "\n";

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

// The shell equivalent for the program: `ulimit -f 1` allows 512 or 1024 bytes, depending on
// the shell; every output below is larger.
const std::string full_disk = "ulimit -f 1; trap '' XFSZ; ";

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

TEST_CASE("a file given as parts is their bytes in order, written whole or not at all") {
  const TempDir dir("parts");
  write_plainly(dir / "net.cgdb", "old store");
  const std::string head(64, 'h');
  const std::string body(100000, 'b');
  const std::vector<std::string_view> parts = {head, "", body, "tail"};
  {
    const FileSizeLimit limit(4096);  // the head fits, the body does not
    CHECK_THROWS_WITH_AS(write_file_atomically(dir / "net.cgdb", parts), doctest::Contains("net.cgdb: write:"),
                         OutputError);
  }
  CHECK(read_file(dir / "net.cgdb") == "old store");
  CHECK(names_in(dir.path()) == std::set<std::string>{"net.cgdb"});
  write_file_atomically(dir / "net.cgdb", parts);
  CHECK(read_file(dir / "net.cgdb") == head + body + "tail");
  CHECK(names_in(dir.path()) == std::set<std::string>{"net.cgdb"});
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

TEST_CASE("a symbolic link is replaced itself, never written through; a FIFO is written in place") {
  const TempDir dir("special");
  SUBCASE("a symbolic link to another file") {
    write_plainly(dir / "victim.txt", "old");
    fs::create_symlink("victim.txt", dir / "link.svg");
    write_file_atomically(dir / "link.svg", "new");
    CHECK_FALSE(fs::is_symlink(dir / "link.svg"));
    CHECK(fs::is_regular_file(dir / "link.svg"));
    CHECK(read_file(dir / "link.svg") == "new");
    CHECK(read_file(dir / "victim.txt") == "old");
    CHECK(names_in(dir.path()) == std::set<std::string>{"link.svg", "victim.txt"});
  }
  SUBCASE("a dangling symbolic link: the same, and nothing is created where it points") {
    fs::create_symlink("nowhere.txt", dir / "link.svg");
    write_file_atomically(dir / "link.svg", "new");
    CHECK_FALSE(fs::is_symlink(dir / "link.svg"));
    CHECK(read_file(dir / "link.svg") == "new");
    CHECK(names_in(dir.path()) == std::set<std::string>{"link.svg"});
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

// ---- the command line ---------------------------------------------------------------------

TEST_CASE("a failed render, report or export leaves the previous file byte for byte and no temporary file") {
  const TempDir dir("failed");
  struct Case {
    const char* arguments;  // FILE is replaced by the output's path
    const char* file;
    std::string setup;
    int exit_code;
    const char* message;
  };
  const Case cases[] = {
      {"render --focus 'no such entity at all' -o FILE", "existing.svg", "", 1, "no entity named"},
      {"render --path 'el mayo' 'nobody whatsoever' -o FILE", "existing.svg", "", 1, "no entity named"},
      {"render --storyline no_such_storyline -o FILE", "existing.svg", "", 2, "unknown storyline"},
      {"render --focus 'el mayo' -o FILE", "existing.svg", full_disk, 2, "write: File too large"},
      {"render --layout none -o FILE", "existing.dot", full_disk, 2, "write: File too large"},
      {"report -o FILE", "existing.html", full_disk, 2, "write: File too large"},
      {"export --to json -o FILE", "existing.json", full_disk, 2, "write: File too large"},
      {"export --to graphml -o FILE", "existing.graphml", full_disk, 2, "write: File too large"},
      {"export --to cypher -o FILE", "existing.cypher", full_disk, 2, "write: File too large"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.arguments);
    CAPTURE(c.setup);
    const fs::path file = dir / c.file;
    write_plainly(file, previous_bytes);
    std::string arguments = c.arguments;
    arguments.replace(arguments.find("FILE"), 4, "'" + file.string() + "'");
    const Run r = run_cli(arguments, c.setup);
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.err.find(c.message) != std::string::npos);
    CHECK(read_file(file) == previous_bytes);
    CHECK(names_in(dir.path()) == std::set<std::string>{c.file});
    fs::remove(file);
  }
}

TEST_CASE("a CSV export that cannot be written replaces no file and leaves no directory behind") {
  const TempDir dir("csv");
  write_plainly(dir / "nodes.csv", previous_bytes);
  write_plainly(dir / "relationships.csv", previous_bytes);
  const Run r = run_cli("export --to csv -o '" + dir.path().string() + "'", full_disk);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("write: File too large") != std::string::npos);
  CHECK(read_file(dir / "nodes.csv") == previous_bytes);
  CHECK(read_file(dir / "relationships.csv") == previous_bytes);
  CHECK(names_in(dir.path()) == std::set<std::string>{"nodes.csv", "relationships.csv"});

  const Run fresh = run_cli("export --to csv -o '" + (dir / "new").string() + "'", full_disk);
  CHECK(fresh.exit_code == 2);
  CHECK_FALSE(fs::exists(dir / "new"));

  const Run written = run_cli("export --to csv -o '" + dir.path().string() + "'");
  CHECK(written.exit_code == 0);
  CHECK(read_file(dir / "nodes.csv").starts_with("id:ID,"));
  CHECK(read_file(dir / "relationships.csv").starts_with(":START_ID,"));
  CHECK(names_in(dir.path()) ==
        std::set<std::string>{"nodes.csv", "relationships.csv", "sources.csv", "citations.csv"});
}

TEST_CASE("a directory that cannot be written to, or does not exist, is an error and leaves nothing") {
  const TempDir dir("unwritable");
  const fs::path locked = dir / "locked";
  fs::create_directory(locked);
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  // Permissions do not stop root: then run the program as nobody.
  const std::string as_user = ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  for (const std::string command : {"render -o", "report -o", "export --to json -o"}) {
    CAPTURE(command);
    const std::string extension = command.starts_with("render") ? ".svg" : command.starts_with("report") ? ".html" : ".json";
    const Run r = run_cli(command + " '" + (locked / ("out" + extension)).string() + "'", "", as_user);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cannot write " + (locked / ("out" + extension)).string() + ": Permission denied") !=
          std::string::npos);
    CHECK(names_in(locked).empty());
  }
  const Run missing = run_cli("report -o '" + (dir / "no" / "such" / "dir.html").string() + "'");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("No such file or directory") != std::string::npos);
  CHECK(names_in(dir.path()) == std::set<std::string>{"locked"});
}

TEST_CASE("standard output on a full device fails with a message and a non-zero exit") {
  for (const char* arguments : {"list", "--format json info", "export --to json", "--help", "completion bash"}) {
    CAPTURE(arguments);
    const Run r = run_cli(std::string(arguments) + " >/dev/full");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cartelgraph: cannot write standard output") != std::string::npos);
  }
  // -o /dev/full: a device is written in place, never replaced.
  const Run r = run_cli("export --to json -o /dev/full");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("/dev/full: write: No space left on device") != std::string::npos);
  CHECK(fs::is_character_file("/dev/full"));
  // A link to it is replaced itself, as every link is: the device is not written through it.
  const TempDir dir("full");
  fs::create_symlink("/dev/full", dir / "full.json");
  const Run linked = run_cli("export --to json -o '" + (dir / "full.json").string() + "'");
  CHECK(linked.exit_code == 0);
  CHECK(fs::is_regular_file(fs::symlink_status(dir / "full.json")));
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("-o /dev/stdout writes to standard output, whatever it is, without replacing it") {
  const Run piped = run_cli("export --to json -o /dev/stdout");
  CHECK(piped.exit_code == 0);
  CHECK(piped.out.starts_with("{\n  \"sources\""));
  const TempDir dir("stdout");
  write_plainly(dir / "log", "before\n");
  const Run appended = run_cli("export --to cypher -o /dev/stdout >>'" + (dir / "log").string() + "'");
  CHECK(appended.exit_code == 0);
  CHECK(read_file(dir / "log").starts_with("before\n// cartelgraph export"));
  CHECK(names_in(dir.path()) == std::set<std::string>{"log"});
}

TEST_CASE("a reader that closes the pipe early ends the program quietly") {
  // The exports are larger than a pipe's buffer, so the program is still writing when the pipe
  // closes. A parent that ignores SIGPIPE (trap '' PIPE) must not change that.
  for (const std::string setup : {"", "trap '' PIPE; "}) {
    for (const char* arguments : {"list", "--format json list", "export --to json", "export --to cypher",
                                  "export --to graphml"}) {
      CAPTURE(setup);
      CAPTURE(arguments);
      const Run r = run_cli(arguments, setup, "", 10);
      CHECK(r.out.size() == 10);
      CHECK(r.err.empty());
      CHECK((r.exit_code == 0 || r.signal == SIGPIPE));
    }
  }
}
