#include "cartelgraph/queries/resolve.hpp"

#include <algorithm>
#include <map>
#include <sstream>

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

std::vector<std::string> words(const std::string& key) {
  std::vector<std::string> result;
  std::istringstream in(key);
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

constexpr double exact = 1.0;
constexpr double prefix = 0.9;
constexpr double all_words = 0.8;
constexpr double contains = 0.7;
constexpr double similar = 0.6;

double match_score(const std::string& query, const std::vector<std::string>& query_words, const std::string& key) {
  if (key == query) return exact;
  if (!query.empty() && key.starts_with(query)) return prefix;
  const auto key_words = words(key);
  if (!query_words.empty() && std::ranges::all_of(query_words, [&](const std::string& w) {
        return std::ranges::find(key_words, w) != key_words.end();
      }))
    return all_words;
  if (key.find(query) != std::string::npos) return contains;
  const double longest = static_cast<double>(std::max(query.size(), key.size()));
  return longest == 0 ? 0 : similar * (1.0 - static_cast<double>(edit_distance(query, key)) / longest);
}

}  // namespace

std::vector<SearchMatch> search_entities(const KnowledgeGraph& graph, std::string_view text, std::size_t limit,
                                         double min_score) {
  const std::string query = normalize_name(text);
  if (query.empty()) return {};  // every key contains it: no ranking
  const auto query_words = words(query);
  std::map<Vertex, SearchMatch> best;
  for (const auto& [key, vertices] : graph.name_index()) {
    const double score = match_score(query, query_words, key);
    for (const Vertex v : vertices) {
      auto [it, inserted] = best.emplace(v, SearchMatch{v, score, key});
      if (!inserted && score > it->second.score) it->second = {v, score, key};
    }
  }
  std::vector<SearchMatch> ranked;
  for (auto& [v, match] : best)
    if (match.score >= min_score && match.score > 0) ranked.push_back(std::move(match));
  std::ranges::stable_sort(ranked, [](const SearchMatch& a, const SearchMatch& b) { return a.score > b.score; });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

Resolution resolve_entity(const KnowledgeGraph& graph, std::string_view text, std::size_t max_suggestions) {
  if (const auto v = graph.find(text)) return {Resolution::Status::found, {*v}};
  if (const auto matches = graph.find_by_name(text); !matches.empty())
    return {matches.size() == 1 ? Resolution::Status::found : Resolution::Status::ambiguous,
            {matches.begin(), matches.end()}};

  // Every candidate, however weak: the closest names are suggestions when none matches.
  const auto ranked = search_entities(graph, text, graph.entity_count(), 0.0);
  std::vector<Vertex> partial;  // prefix or word matches
  for (const auto& match : ranked)
    if (match.score >= all_words) partial.push_back(match.entity);
  if (partial.size() == 1) return {Resolution::Status::found, partial};
  if (partial.size() > 1) return {Resolution::Status::ambiguous, partial};

  Resolution resolution;
  for (std::size_t i = 0; i < ranked.size() && i < max_suggestions; ++i)
    if (ranked[i].score > 0) resolution.entities.push_back(ranked[i].entity);
  return resolution;
}

}  // namespace cartelgraph
