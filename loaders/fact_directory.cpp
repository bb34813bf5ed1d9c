#include "cartelgraph/loaders/fact_directory.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace cartelgraph {

std::vector<FactFile> read_fact_directory(const std::filesystem::path& directory) {
  namespace fs = std::filesystem;
  const std::string where = directory.string();
  std::error_code error;
  if (!fs::is_directory(directory, error))
    throw LoadError({{where, 0, 0, "not a directory"}});

  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    const fs::path& path = entry.path();
    if (path.extension() == ".json" && path.filename() != "schema.json" && !entry.is_directory())
      paths.push_back(path);
  }
  if (error) throw LoadError({{where, 0, 0, "cannot list directory: " + error.message()}});
  if (paths.empty()) throw LoadError({{where, 0, 0, "no fact files (*.json) in directory"}});
  std::ranges::sort(paths);

  std::vector<FactFile> files;
  std::vector<Problem> problems;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in.good() && !in.eof()) {
      problems.push_back({path.string(), 0, 0, "cannot read file"});
      continue;
    }
    files.push_back({path.string(), std::move(text).str()});
  }
  if (!problems.empty()) throw LoadError(std::move(problems));
  return files;
}

}  // namespace cartelgraph
