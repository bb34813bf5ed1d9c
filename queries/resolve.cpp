#include "cartelgraph/queries/resolve.hpp"

#include <algorithm>
#include <map>

#include "cartelgraph/graph/normalize.hpp"

namespace cartelgraph {

namespace {

// Levenshtein distance over bytes of normalized keys. Hand-written: none of the project's
// libraries (Boost.Graph, RapidJSON, utf8proc, CLI11) provides a string edit distance.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

Resolution resolve_entity(const KnowledgeGraph& graph, std::string_view text,
                          std::size_t max_suggestions) {
  if (const auto v = graph.find(text)) return {Resolution::Status::found, {*v}};
  const std::string key = normalize_name(text);
  if (const auto matches = graph.find_by_name(text); !matches.empty())
    return {matches.size() == 1 ? Resolution::Status::found : Resolution::Status::ambiguous,
            {matches.begin(), matches.end()}};

  // Score every entity by its best key: containing the text counts as close as one edit.
  std::map<Vertex, std::size_t> best;
  for (const auto& [name, vertices] : graph.name_index()) {
    std::size_t score = edit_distance(key, name);
    if (!key.empty() && name.find(key) != std::string::npos) score = std::min<std::size_t>(score, 1);
    for (const Vertex v : vertices) {
      auto [it, inserted] = best.emplace(v, score);
      if (!inserted) it->second = std::min(it->second, score);
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 2);
  std::vector<std::pair<std::size_t, Vertex>> ranked;
  for (const auto& [v, score] : best)
    if (score <= limit) ranked.emplace_back(score, v);
  std::ranges::sort(ranked);
  Resolution resolution;
  for (std::size_t i = 0; i < ranked.size() && i < max_suggestions; ++i)
    resolution.entities.push_back(ranked[i].second);
  return resolution;
}

}  // namespace cartelgraph
