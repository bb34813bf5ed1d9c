#include "cartelgraph/render/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace cartelgraph {

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : ".";
  std::string name = ".";  // built in steps: GCC 12 at -O3 warns (-Wrestrict) on "." + string
  name += path.filename().string();
  name += ".XXXXXX";
  std::string temporary = (directory / name).string();
  const auto fail = [&](const std::string& what) -> void {
    const std::string reason = std::strerror(errno);
    ::unlink(temporary.c_str());
    throw std::runtime_error("cannot write " + path.string() + ": " + what + ": " + reason);
  };
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    const std::string reason = std::strerror(errno);
    throw std::runtime_error("cannot write " + path.string() + ": " + reason);
  }
  std::size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) {
    ::close(fd);
    fail("sync");
  }
  if (::close(fd) != 0) fail("close");
  if (::rename(temporary.c_str(), path.c_str()) != 0) fail("rename");
}

}  // namespace cartelgraph
