#include "cartelgraph/loaders/builtin_data.hpp"

namespace cartelgraph {

std::vector<FactFile> builtin_fact_files() {
  std::vector<FactFile> files;
  for (const auto& file : detail::embedded_seed_files())
    if (file.name != "schema.json")
      files.push_back({"seeds/" + std::string(file.name), std::string(file.bytes)});
  return files;
}

std::string_view builtin_schema() {
  for (const auto& file : detail::embedded_seed_files())
    if (file.name == "schema.json") return file.bytes;
  return {};
}

KnowledgeGraph load_builtin_graph() { return load_facts_or_throw(builtin_fact_files()); }

}  // namespace cartelgraph
