// Parallel and sampled centrality: the same scores whatever the thread count, and sampled
// betweenness within its stated bound.
#include <doctest/doctest.h>

#include <random>

#include "cartelgraph/queries/centrality.hpp"

using namespace cartelgraph;

namespace {

// A seeded preferential-attachment graph: heavy-tailed degrees like a criminal network's.
Projection preferential_graph(std::size_t n, std::size_t m, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  std::vector<std::size_t> ends;  // every edge end, so picking uniformly prefers high degree
  for (std::size_t v = 1; v < n; ++v) {
    for (std::size_t j = 0; j < std::min(m, v); ++j) {
      const std::size_t u = ends.empty() ? 0 : ends[random() % ends.size()];
      edges.emplace_back(u, v);
      ends.push_back(u);
      ends.push_back(v);
    }
  }
  return Projection::from_edges(n, edges);
}

}  // namespace

TEST_CASE("betweenness, closeness and harmonic are identical for any thread count") {
  const Projection p = preferential_graph(400, 3, 7);
  for (const auto measure : {CentralityMeasure::betweenness, CentralityMeasure::closeness, CentralityMeasure::harmonic}) {
    CAPTURE(to_string(measure));
    const auto one = centrality(p, measure, {1, 0, 42}).scores;
    for (const unsigned threads : {2U, 3U, 8U}) CHECK(centrality(p, measure, {threads, 0, 42}).scores == one);
  }
}

TEST_CASE("sampled betweenness scales like NetworkX's k and stays within its bound") {
  const Projection p = preferential_graph(600, 2, 11);
  const auto exact = betweenness_centrality(p, {2, 0, 42});
  SUBCASE("all sources sampled is exact") { CHECK(betweenness_centrality(p, {2, 600, 1}) == exact); }
  SUBCASE("a sample of 150 sources") {
    const CentralityScores sampled = centrality(p, CentralityMeasure::betweenness, {2, 150, 42});
    CHECK(sampled.samples == 150);
    CHECK(sampled.error_bound > 0);
    CHECK(sampled.error_bound < 0.25);
    double worst = 0;
    for (std::size_t v = 0; v < exact.size(); ++v) worst = std::max(worst, std::abs(sampled.scores[v] - exact[v]));
    CHECK(worst <= sampled.error_bound);
    CHECK(worst > 0);  // it is an estimate
    // The same seed gives the same sample whatever the threads.
    CHECK(centrality(p, CentralityMeasure::betweenness, {1, 150, 42}).scores == sampled.scores);
    CHECK(centrality(p, CentralityMeasure::betweenness, {1, 150, 43}).scores != sampled.scores);
  }
}
