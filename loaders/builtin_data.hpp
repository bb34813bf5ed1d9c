#pragma once
// The facts of seeds/, compiled into the library.

#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// The built-in fact files (seeds/*.json but schema.json), paths as `seeds/NAME`.
[[nodiscard]] std::vector<FactFile> builtin_fact_files();
/// The text of the built-in seeds/schema.json.
[[nodiscard]] std::string_view builtin_schema();
/// The built-in facts as a graph. Throws LoadError if they are invalid (a build defect).
[[nodiscard]] KnowledgeGraph load_builtin_graph();

namespace detail {
/// One embedded file: its name in seeds/ and its bytes.
struct EmbeddedFile {
  std::string_view name;
  std::string_view bytes;
};
/// Every file embedded from seeds/ (generated at build time).
std::span<const EmbeddedFile> embedded_seed_files();
}  // namespace detail

}  // namespace cartelgraph
