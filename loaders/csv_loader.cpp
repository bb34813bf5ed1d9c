#include "cartelgraph/loaders/csv_loader.hpp"

#include <system_error>

#include "cartelgraph/loaders/csv_cells.hpp"
#include "cartelgraph/loaders/csv_mapping.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"

namespace cartelgraph {

namespace {

namespace fs = std::filesystem;

bool present(const fs::path& path) {
  std::error_code error;
  return fs::exists(path, error);
}

// Loads the edge list `edges` with its mapping file (`NAME.mapping`) when there is one, and its
// node table: the mapping file's `nodes`, else `nodes` when that file exists.
LoadResult load_mapped(const fs::path& edges, const fs::path& nodes, const LoadOptions& options) {
  fs::path mapping_path = edges;
  mapping_path.replace_extension(".mapping");
  detail::CsvMapping mapping{options.csv, {}, options};
  LoadResult result;
  if (present(mapping_path)) {
    mapping = detail::read_csv_mapping(read_fact_file(mapping_path, options.limits), options, result.problems);
    if (!result.problems.empty()) return result;
  }
  std::optional<FactFile> node_table;
  if (!mapping.nodes.empty()) node_table = read_fact_file(mapping_path.parent_path() / mapping.nodes, options.limits);
  else if (!nodes.empty() && present(nodes)) node_table = read_fact_file(nodes, options.limits);
  return load_csv_edges(read_fact_file(edges, options.limits), node_table, mapping.columns, mapping.options);
}

}  // namespace

LoadResult load_csv_file(const fs::path& path, const LoadOptions& options) { return load_mapped(path, {}, options); }

bool is_csv_directory(const fs::path& directory) {
  std::error_code error;
  return fs::is_directory(directory, error) && present(directory / "relationships.csv");
}

LoadResult load_csv_directory(const fs::path& directory, const LoadOptions& options) {
  FactFile relationships = read_fact_file(directory / "relationships.csv", options.limits);
  const fs::path nodes = directory / "nodes.csv";
  const auto starts = [](const std::string& text, std::string_view header) {
    return text.starts_with(header) && text.size() > header.size() &&
           (text[header.size()] == '\n' || text[header.size()] == '\r');
  };
  if (starts(relationships.text, detail::csv_relationships_header) && present(nodes)) {
    FactFile node_table = read_fact_file(nodes, options.limits);
    if (starts(node_table.text, detail::csv_nodes_header))
      return load_csv_export({read_fact_file(directory / "sources.csv", options.limits), std::move(node_table),
                              std::move(relationships), read_fact_file(directory / "citations.csv", options.limits)},
                             options.limits);
  }
  return load_mapped(directory / "relationships.csv", nodes, options);
}

}  // namespace cartelgraph
