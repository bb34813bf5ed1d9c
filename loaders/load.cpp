#include "cartelgraph/loaders/load.hpp"

#include <array>
#include <filesystem>
#include <system_error>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/gexf_loader.hpp"
#include "cartelgraph/loaders/ftm_loader.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"

namespace cartelgraph {

namespace {

namespace fs = std::filesystem;

LoadResult load_graphml_file(const fs::path& path, const LoadOptions& options) {
  return load_graphml(read_fact_file(path, options.limits), options);
}

LoadResult load_gexf_file(const fs::path& path, const LoadOptions& options) {
  return load_gexf(read_fact_file(path, options.limits), options);
}

LoadResult load_fact_directory(const fs::path& path, const LoadOptions& options) {
  return load_facts(read_fact_directory(path, options.limits), options.limits);
}

// One row per format found on disk, tried in order: the first that claims a path loads it.
// A new format (CSV edge lists, FtM JSON lines, GEXF, a compiled store) is one more row.
struct Format {
  bool (*claims)(const fs::path& path);
  LoadResult (*load)(const fs::path& path, const LoadOptions& options);
};

constexpr std::array formats{
    Format{&is_compiled_store, &load_compiled_store},
    Format{[](const fs::path& path) { return path.native().ends_with(".graphml"); }, &load_graphml_file},
    Format{[](const fs::path& path) { return path.native().ends_with(".gexf"); }, &load_gexf_file},
    Format{&is_ftm_file, &load_ftm_file},
    Format{[](const fs::path& path) {
             const auto e = path.extension();
             return e == ".csv" || e == ".CSV" || e == ".edgelist" || e == ".txt" || e == ".ssv";
           },
           &load_csv_file},
    Format{&is_csv_directory, &load_csv_directory},
    Format{[](const fs::path&) { return true; }, &load_fact_directory},  // else: "not a directory"
};

LoadResult problem(const fs::path& path, std::string message) {
  LoadResult result;
  result.problems.push_back({path.string(), 0, 0, std::move(message)});
  return result;
}

}  // namespace

LoadResult load(std::string_view data, const LoadOptions& options) {
  if (data.empty() || data == builtin_data_name) return load_facts(builtin_fact_files());
  const fs::path path(data);
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) {
    LoadResult result = problem(path, "no such file or directory");
    result.not_found = true;
    return result;
  }
  if (error) return problem(path, "cannot read: " + error.message());  // a link loop, a denied search

  try {
    for (const Format& format : formats)
      if (format.claims(path)) return format.load(path, options);
  } catch (const LoadError& error) {  // a file or directory that cannot be read
    LoadResult result;
    result.problems = error.problems();
    return result;
  }
  return problem(path, "not a format cartelgraph reads");
}

}  // namespace cartelgraph
