#pragma once
// Loading fact files into a KnowledgeGraph: JSON syntax, schema, then meaning, all or nothing.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/problem.hpp"

namespace cartelgraph {

/// The text of one fact file and the path its problems are reported under.
struct FactFile {
  std::string path;
  std::string text;
};

/// What loading found: the graph when `problems` is empty, else an empty graph.
struct LoadResult {
  KnowledgeGraph graph;
  std::vector<Problem> problems;
};

/// Checks every file (UTF-8 JSON syntax, the schema, then duplicate and unknown ids, types,
/// kinds and their endpoint types, dates, sources and places) and reports every problem found,
/// ordered by file and position. The graph is built only if there is none.
/// `schema` defaults to the built-in seeds/schema.json.
[[nodiscard]] LoadResult load_facts(std::span<const FactFile> files);
[[nodiscard]] LoadResult load_facts(std::span<const FactFile> files, std::string_view schema);

/// Like load_facts, but throws LoadError holding the problems if there is any.
[[nodiscard]] KnowledgeGraph load_facts_or_throw(std::span<const FactFile> files);

}  // namespace cartelgraph
