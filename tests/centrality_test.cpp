// Parallel and sampled centrality: the same scores whatever the thread count, and sampled
// betweenness within its stated bound.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/parallel_chunks.hpp"

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
  for (const auto measure :
       {CentralityMeasure::betweenness, CentralityMeasure::closeness, CentralityMeasure::harmonic}) {
    CAPTURE(to_string(measure));
    const auto one = centrality(p, measure, {1, 0, 42}).ranking();
    for (const unsigned threads : {2U, 3U, 8U}) {
      const auto many = centrality(p, measure, {threads, 0, 42}).ranking();
      CHECK(std::ranges::equal(many, one, [](const RankedEntity& a, const RankedEntity& b) {
        return a.entity == b.entity && a.score == b.score;
      }));
    }
  }
}

namespace {

bool same_scores(const CentralityScores& a, const CentralityScores& b) {
  return std::ranges::equal(a.values(), b.values());
}

}  // namespace

TEST_CASE("a job that throws on one thread is thrown to the caller once every thread has stopped") {
  for (const unsigned threads : {1U, 2U, 4U}) {
    CAPTURE(threads);
    std::vector<int> done(64, 0);
    CHECK_THROWS_WITH_AS(detail::parallel_chunks(6400, 64, threads,
                                                 [&](std::size_t chunk, std::size_t, std::size_t) {
                                                   if (chunk == 5) throw std::runtime_error("chunk 5 failed");
                                                   done[chunk] = 1;
                                                 }),
                         "chunk 5 failed", std::runtime_error);
    CHECK(done[5] == 0);
    // On one thread the chunks run in order: none after the one that failed.
    if (threads == 1) CHECK(std::count(done.begin(), done.end(), 1) == 5);
  }
  // Without a failure every chunk runs once.
  std::vector<int> runs(64, 0);
  detail::parallel_chunks(6400, 64, 2, [&](std::size_t chunk, std::size_t, std::size_t) { ++runs[chunk]; });
  CHECK(std::ranges::all_of(runs, [](int n) { return n == 1; }));
}

TEST_CASE("sampled betweenness scales like NetworkX's k and stays within its bound") {
  const Projection p = preferential_graph(600, 2, 11);
  const CentralityScores exact = betweenness_centrality(p, {.threads = 2});
  CHECK(exact.samples == 0);
  CHECK(exact.error_bound == 0);
  SUBCASE("all sources sampled is exact") {
    CHECK(same_scores(betweenness_centrality(p, {.threads = 2, .samples = 600, .seed = 1}), exact));
  }
  SUBCASE("a sample of 150 sources") {
    const CentralityScores sampled = centrality(p, CentralityMeasure::betweenness, {2, 150, 42});
    CHECK(sampled.samples == 150);
    CHECK(sampled.error_bound > 0);
    CHECK(sampled.error_bound < 0.25);
    double worst = 0;
    for (std::size_t v = 0; v < exact.size(); ++v)
      worst = std::max(worst, std::abs(*sampled.score(v) - *exact.score(v)));
    CHECK(worst <= sampled.error_bound);
    CHECK(worst > 0);  // it is an estimate
    // The same seed gives the same sample whatever the threads.
    CHECK(same_scores(centrality(p, CentralityMeasure::betweenness, {1, 150, 42}), sampled));
    CHECK_FALSE(same_scores(centrality(p, CentralityMeasure::betweenness, {1, 150, 43}), sampled));
  }
}

TEST_CASE("sampled betweenness called directly states its error bound") {
  const Projection p = preferential_graph(300, 2, 5);
  const CentralityScores sampled = betweenness_centrality(p, {.samples = 50});
  CHECK(sampled.measure == CentralityMeasure::betweenness);
  CHECK(sampled.samples == 50);
  const double n = 300;
  CHECK(sampled.error_bound == doctest::Approx(n / (n - 1) * std::sqrt(std::log(2 * n / 0.05) / 100)));
  CHECK(sampled.error_bound == betweenness_error_bound(300, 50));
}

TEST_CASE("pagerank with only alpha given keeps the default iterations and tolerance") {
  // A triangle 0–1–2 with a pendant 3 on 2, and an isolated 4. Expected values from Debian's
  // NetworkX 2.8.8, the peer of tests/peer: nx.pagerank(G, alpha=0.9), default max_iter and tol.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}};
  const Projection p = Projection::from_edges(5, edges);
  const CentralityScores scores = pagerank(p, {.alpha = 0.9});
  CHECK(scores.measure == CentralityMeasure::pagerank);
  const std::array<double, 5> networkx = {0.24112047237336837, 0.24112047237336837, 0.3607523351696235,
                                          0.13261647618120073, 0.024390243902439022};
  for (std::size_t v = 0; v < networkx.size(); ++v) {
    CAPTURE(v);
    CHECK(std::abs(*scores.score(v) - networkx[v]) <= 1e-9);
  }
  CHECK_THROWS_AS((void)pagerank(p, {.alpha = 0.9, .max_iter = 2}), ConvergenceError);
  CHECK_THROWS_AS((void)eigenvector_centrality(p, {.max_iter = 1}), ConvergenceError);
}

TEST_CASE("scores are looked up by entity, and an entity the view left out has none") {
  // Entities 0…4, the view without entity 1: nodes 0, 1, 2, 3 stand for entities 0, 2, 3, 4.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{0, 2}, {2, 3}, {3, 4}, {0, 1}};
  const Projection p = Projection::from_edges(5, edges).induced({true, false, true, true, true});
  const CentralityScores degree = degree_centrality(p);
  CHECK_FALSE(degree.score(1));
  CHECK_FALSE(degree.score(17));
  CHECK(*degree.score(2) == doctest::Approx(2.0 / 3.0));
  CHECK(*degree.score(4) == doctest::Approx(1.0 / 3.0));
  CHECK(degree.entity(NodeId{1}) == 2);
  CHECK(degree.at(NodeId{1}) == *degree.score(2));
}

TEST_CASE("a ranking lists the best first and equal scores in load order") {
  // A star with centre 3 and leaves 0, 1, 2, 4: the leaves tie.
  const std::vector<std::pair<std::size_t, std::size_t>> edges = {{3, 4}, {3, 0}, {3, 2}, {3, 1}};
  const auto ranking = degree_centrality(Projection::from_edges(5, edges)).ranking();
  std::vector<Vertex> order;
  for (const RankedEntity& ranked : ranking) order.push_back(ranked.entity);
  CHECK(order == std::vector<Vertex>{3, 0, 1, 2, 4});
  CHECK(ranking[0].score == 1.0);
  CHECK(ranking[1].score == 0.25);
}

namespace {

// Betweenness by its definition, normalized as NetworkX: Σ over ordered pairs s ≠ v ≠ t of
// σ(s, v)·σ(v, t)/σ(s, t) where d(s, v) + d(v, t) = d(s, t), from all-pairs path counts. O(V³).
std::vector<double> betweenness_by_definition(std::size_t n,
                                              const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::vector<std::size_t>> adjacent(n);
  for (const auto& [a, b] : edges) {
    adjacent[a].push_back(b);
    adjacent[b].push_back(a);
  }
  std::vector<std::vector<std::size_t>> d(n, std::vector<std::size_t>(n, none));
  std::vector<std::vector<double>> sigma(n, std::vector<double>(n, 0.0));
  for (std::size_t s = 0; s < n; ++s) {
    std::vector<std::size_t> queue{s};
    d[s][s] = 0;
    sigma[s][s] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (const std::size_t w : adjacent[queue[head]]) {
        if (d[s][w] == none) {
          d[s][w] = d[s][queue[head]] + 1;
          queue.push_back(w);
        }
        if (d[s][w] == d[s][queue[head]] + 1) sigma[s][w] += sigma[s][queue[head]];
      }
  }
  std::vector<double> score(n, 0.0);
  for (std::size_t v = 0; v < n; ++v)
    for (std::size_t s = 0; s < n; ++s)
      for (std::size_t t = 0; t < n; ++t)
        if (s != v && v != t && s != t && d[s][v] != none && d[v][t] != none && d[s][v] + d[v][t] == d[s][t])
          score[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
  if (n > 2)
    for (double& x : score) x /= static_cast<double>(n - 1) * static_cast<double>(n - 2);
  return score;
}

}  // namespace

TEST_CASE("betweenness equals its definition on sparse, dense, long and disconnected graphs") {
  // Dense graphs and hubs make the search go bottom-up, long paths keep it top-down.
  std::mt19937_64 random(5);
  for (const double density : {0.02, 0.05, 0.15, 0.5}) {
    for (int round = 0; round < 3; ++round) {
      const std::size_t n = 20 + random() % 40;
      std::vector<std::pair<std::size_t, std::size_t>> edges;
      for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b)
          if (b == a + 1 && a + 1 < n / 3) {
            edges.emplace_back(a, b);  // a long path too
          } else if (std::uniform_real_distribution<double>(0, 1)(random) < density) {
            edges.emplace_back(a, b);
          }
      const std::vector<double> expected = betweenness_by_definition(n, edges);
      const CentralityScores scores = betweenness_centrality(Projection::from_edges(n, edges), {1, 0, 42});
      CAPTURE(density);
      for (std::size_t v = 0; v < n; ++v) CHECK(scores.values()[v] == doctest::Approx(expected[v]).epsilon(1e-12));
    }
  }
}
