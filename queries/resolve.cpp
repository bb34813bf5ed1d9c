#include "cartelgraph/queries/resolve.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "cartelgraph/graph/normalize.hpp"

namespace cartelgraph {

namespace {

// Levenshtein distance over bytes of normalized keys, or `bound` + 1 as soon as it is known to
// exceed `bound` (the lengths differ by more, or a whole row is above it: row minima never
// decrease). `row` is scratch space. Hand-written: none of the project's libraries (Boost.Graph,
// RapidJSON, utf8proc, CLI11) provides a string edit distance.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound, std::vector<std::size_t>& row) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return bound + 1;
  row.resize(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t lowest = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min(std::min(above, row[j - 1]) + 1, replace);
      lowest = std::min(lowest, row[j]);
      diagonal = above;
    }
    if (lowest > bound) return bound + 1;
  }
  return row[b.size()];
}

// The words of a normalized key or query, split at white space; views into `text`.
std::vector<std::string_view> words(std::string_view text) {
  constexpr std::string_view space = " \t\n\v\f\r";
  std::vector<std::string_view> result;
  for (std::size_t at = text.find_first_not_of(space); at != std::string_view::npos;) {
    const std::size_t end = std::min(text.find_first_of(space, at), text.size());
    result.push_back(text.substr(at, end - at));
    at = text.find_first_not_of(space, end);
  }
  return result;
}

// True if `word` (non-empty, without white space) is one of the words of `key`; no allocation,
// as it runs on every key of the name index.
bool has_word(std::string_view key, std::string_view word) {
  constexpr std::string_view space = " \t\n\v\f\r";
  for (std::size_t at = key.find(word); at != std::string_view::npos; at = key.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || space.find(key[at - 1]) != std::string_view::npos) &&
        (end == key.size() || space.find(key[end]) != std::string_view::npos))
      return true;
  }
  return false;
}

constexpr double exact = 1.0;
constexpr double prefix = 0.9;
constexpr double all_words = 0.8;
constexpr double contains = 0.7;
constexpr double similar = 0.6;

// The score of `key` for the query, or some score below `min_score` when it is below it (the
// edit distance is then cut short).
double match_score(const std::string& query, const std::vector<std::string_view>& query_words, std::string_view key,
                   double min_score, std::vector<std::size_t>& scratch) {
  if (key == query) return exact;
  if (!query.empty() && key.starts_with(query)) return prefix;
  if (!query_words.empty() && std::ranges::all_of(query_words, [&](std::string_view w) { return has_word(key, w); }))
    return all_words;
  if (key.find(query) != std::string_view::npos) return contains;
  const double longest = static_cast<double>(std::max(query.size(), key.size()));
  // similar × (1 − d / longest) ≥ min_score needs d ≤ longest × (1 − min_score / similar).
  const double most = longest * (1.0 - min_score / similar);
  if (longest == 0 || most < 0) return 0;
  const std::size_t distance = edit_distance(query, key, static_cast<std::size_t>(std::ceil(most)), scratch);
  return similar * (1.0 - std::min(static_cast<double>(distance), longest) / longest);
}

}  // namespace

std::vector<SearchMatch> search_entities(const KnowledgeGraph& graph, std::string_view text, std::size_t limit,
                                         double min_score) {
  const std::string query = normalize_name(text);
  if (query.empty()) return {};  // every key contains it: no ranking
  const auto query_words = words(query);
  std::map<Vertex, SearchMatch> best;
  std::vector<std::size_t> scratch;
  graph.for_each_name([&](std::string_view key, std::span<const std::uint32_t> vertices) {
    const double score = match_score(query, query_words, key, min_score, scratch);
    // Only an entity's best score counts, and only at or above min_score: a key below it never
    // decides anything (at a million names, keeping every entity was most of the search's time).
    if (score < min_score || score <= 0) return;
    for (const Vertex v : vertices) {
      auto [it, inserted] = best.emplace(v, SearchMatch{v, score, std::string(key)});
      if (!inserted && score > it->second.score) it->second = {v, score, std::string(key)};
    }
  });
  std::vector<SearchMatch> ranked;
  for (auto& [v, match] : best) ranked.push_back(std::move(match));
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
