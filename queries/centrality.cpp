#include "cartelgraph/queries/centrality.hpp"

#include <boost/graph/betweenness_centrality.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "cartelgraph/queries/distances.hpp"

namespace cartelgraph {

namespace {

constexpr std::array<std::string_view, 6> measure_names = {
    "degree", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"};

// Python's math.hypot over many values: the Euclidean norm, scaled by the largest magnitude so
// it neither overflows nor underflows.
double norm(const std::vector<double>& values) {
  double largest = 0;
  for (const double v : values) largest = std::max(largest, std::abs(v));
  if (largest == 0 || !std::isfinite(largest)) return largest;
  double sum = 0;
  for (const double v : values) sum += (v / largest) * (v / largest);
  return largest * std::sqrt(sum);
}

}  // namespace

std::string_view to_string(CentralityMeasure measure) noexcept {
  return measure_names[static_cast<std::size_t>(measure)];
}

std::optional<CentralityMeasure> parse_centrality_measure(std::string_view name) noexcept {
  for (std::size_t i = 0; i < measure_names.size(); ++i)
    if (measure_names[i] == name) return static_cast<CentralityMeasure>(i);
  return std::nullopt;
}

std::vector<Projection::Node> CentralityScores::ranking() const {
  std::vector<Projection::Node> order(scores.size());
  std::iota(order.begin(), order.end(), Projection::Node{0});
  std::ranges::stable_sort(order, [&](auto a, auto b) { return scores[a] > scores[b]; });
  return order;
}

std::vector<double> degree_centrality(const Projection& projection) {
  const std::size_t n = projection.node_count();
  std::vector<double> score(n, 1.0);  // NetworkX: a graph of one node scores 1
  if (n <= 1) return score;
  const double scale = 1.0 / static_cast<double>(n - 1);
  for (Projection::Node u = 0; u < n; ++u) score[u] = static_cast<double>(projection.degree(u)) * scale;
  return score;
}

std::vector<double> betweenness_centrality(const Projection& projection) {
  const std::size_t n = projection.node_count();
  std::vector<double> score(n, 0.0);
  if (n == 0) return score;
  // Boost's Brandes on the two-arc graph sums over ordered pairs (s, t), as NetworkX does before
  // rescaling; NetworkX's normalized scale for n > 2 is then 1 / ((n − 1)(n − 2)).
  boost::brandes_betweenness_centrality(
      projection.graph(),
      boost::centrality_map(boost::make_iterator_property_map(
          score.begin(), boost::get(boost::vertex_index, projection.graph()))));
  if (n <= 2) return score;
  const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& s : score) s *= scale;
  return score;
}

// Boost 1.74's closeness_centrality takes a V×V distance matrix and gives 0 on disconnected
// graphs, and it has no harmonic centrality: both are written here on one BFS per source.
std::vector<double> closeness_centrality(const Projection& projection) {
  const std::size_t n = projection.node_count();
  std::vector<double> score(n, 0.0);
  for (Projection::Node u = 0; u < n; ++u) {
    const auto distance = hop_distances(projection, u);
    std::size_t reachable = 0;
    std::size_t total = 0;  // Σ d(u, v) over reachable v
    for (const std::size_t d : distance)
      if (d != unreachable) {
        ++reachable;
        total += d;
      }
    if (total > 0 && n > 1) {
      const double r = static_cast<double>(reachable - 1);
      score[u] = r / static_cast<double>(total);
      score[u] *= r / static_cast<double>(n - 1);  // Wasserman–Faust improvement
    }
  }
  return score;
}

std::vector<double> harmonic_centrality(const Projection& projection) {
  const std::size_t n = projection.node_count();
  std::vector<double> score(n, 0.0);
  for (Projection::Node u = 0; u < n; ++u)
    for (const std::size_t d : hop_distances(projection, u))
      if (d != unreachable && d > 0) score[u] += 1.0 / static_cast<double>(d);
  return score;
}

// Boost has no eigenvector centrality; this is NetworkX 2.8's power iteration, step for step,
// so that scores agree to rounding and not only to the iteration's tolerance.
std::vector<double> eigenvector_centrality(const Projection& projection, std::size_t max_iter, double tol) {
  const std::size_t n = projection.node_count();
  if (n == 0) return {};
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  for (std::size_t iteration = 0; iteration < max_iter; ++iteration) {
    const std::vector<double> last = x;  // x ← (A + I)·last
    for (Projection::Node u = 0; u < n; ++u)
      for (const auto v : projection.neighbors(u)) x[v] += last[u];
    double length = norm(x);
    if (length == 0) length = 1;
    double change = 0;
    for (Projection::Node u = 0; u < n; ++u) {
      x[u] /= length;
      change += std::abs(x[u] - last[u]);
    }
    if (change < static_cast<double>(n) * tol) return x;
  }
  throw ConvergenceError("eigenvector centrality did not converge in " + std::to_string(max_iter) +
                         " iterations");
}

// Boost 1.74's page_rank runs a fixed number of iterations and does not redistribute the rank
// of dangling nodes; this is NetworkX 2.8's pagerank (its SciPy power iteration) instead.
std::vector<double> pagerank(const Projection& projection, double alpha, std::size_t max_iter, double tol) {
  const std::size_t n = projection.node_count();
  if (n == 0) return {};
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> x(n, uniform);
  std::vector<double> next(n);
  for (std::size_t iteration = 0; iteration < max_iter; ++iteration) {
    double dangling = 0;  // rank held by nodes without neighbours
    std::ranges::fill(next, 0.0);
    for (Projection::Node u = 0; u < n; ++u) {
      const std::size_t degree = projection.degree(u);
      if (degree == 0) {
        dangling += x[u];
        continue;
      }
      const double share = x[u] * (1.0 / static_cast<double>(degree));
      for (const auto v : projection.neighbors(u)) next[v] += share;
    }
    double change = 0;
    for (Projection::Node u = 0; u < n; ++u) {
      const double value = alpha * (next[u] + dangling * uniform) + (1 - alpha) * uniform;
      change += std::abs(value - x[u]);
      x[u] = value;
    }
    if (change < static_cast<double>(n) * tol) return x;
  }
  throw ConvergenceError("PageRank did not converge in " + std::to_string(max_iter) + " iterations");
}

CentralityScores centrality(const Projection& projection, CentralityMeasure measure) {
  CentralityScores result{measure, {}};
  switch (measure) {
    case CentralityMeasure::degree: result.scores = degree_centrality(projection); break;
    case CentralityMeasure::betweenness: result.scores = betweenness_centrality(projection); break;
    case CentralityMeasure::closeness: result.scores = closeness_centrality(projection); break;
    case CentralityMeasure::harmonic: result.scores = harmonic_centrality(projection); break;
    case CentralityMeasure::eigenvector: result.scores = eigenvector_centrality(projection); break;
    case CentralityMeasure::pagerank: result.scores = pagerank(projection); break;
  }
  return result;
}

}  // namespace cartelgraph
