#include "cartelgraph/queries/centrality.hpp"

#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

#include "cartelgraph/queries/brandes.hpp"
#include "cartelgraph/queries/parallel_chunks.hpp"
#include "cartelgraph/queries/tie_strength.hpp"

namespace cartelgraph {

namespace {

constexpr std::array<std::string_view, 6> measure_names = {"degree",   "betweenness", "closeness",
                                                           "harmonic", "eigenvector", "pagerank"};

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

// The strength of arc `arc`: 1 when the measure is unweighted (no strengths).
double strength_of(std::span<const double> strengths, std::size_t arc) {
  return strengths.empty() ? 1.0 : strengths[arc];
}

}  // namespace

template <>
std::span<const std::string_view> names<CentralityMeasure>() noexcept {
  return measure_names;
}

std::string_view to_string(CentralityMeasure measure) noexcept { return name_of(measure); }

std::optional<CentralityMeasure> parse_centrality_measure(std::string_view name) noexcept {
  return parse<CentralityMeasure>(name);
}

std::vector<RankedEntity> CentralityScores::ranking() const {
  std::vector<RankedEntity> order;
  order.reserve(size());
  for (std::size_t i = 0; i < size(); ++i) order.push_back({entities()[i], values()[i]});
  std::ranges::stable_sort(order, std::ranges::greater{}, &RankedEntity::score);
  return order;
}

CentralityScores degree_centrality(const Projection& projection, std::span<const double> strengths) {
  const std::size_t n = projection.node_count();
  std::vector<double> score(n, 1.0);  // NetworkX: a graph of one node scores 1
  if (n > 1) {
    const double scale = 1.0 / static_cast<double>(n - 1);
    for (Projection::Node u = 0; u < n; ++u) {
      double degree = static_cast<double>(projection.degree(u));
      if (!strengths.empty()) {
        const std::size_t first = projection.first_arc(u);
        degree = 0;
        for (std::size_t i = 0; i < projection.degree(u); ++i) degree += strengths[first + i];
      }
      score[u] = degree * scale;
    }
  }
  return {projection, CentralityMeasure::degree, std::move(score)};
}

namespace {

using Node = Projection::Node;

using detail::parallel_chunks;
using detail::thread_count;

// Distance of a node a search has not reached.
constexpr std::uint32_t far = std::numeric_limits<std::uint32_t>::max();

// What one breadth-first search from a source adds up: the nodes it reaches (itself included),
// the sum of their distances and the sum of their inverse distances.
struct Reach {
  std::size_t reached = 0;
  double distance_sum = 0;
  double inverse_distance_sum = 0;
};

// closeness_centrality's score of one source (NetworkX's, with wf_improved).
double closeness_score(const Reach& reach, std::size_t n) {
  if (reach.distance_sum == 0 || n <= 1) return 0.0;
  const double r = static_cast<double>(reach.reached - 1);
  return r / reach.distance_sum * (r / static_cast<double>(n - 1));  // Wasserman–Faust
}

// Per-source closeness or harmonic, split across threads; each source writes its own entry.
// Sources go 64 at a time through one bit-parallel breadth-first search (Then et al., "The More
// the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2014): bit i of a node's word says
// source i has reached it, so one scan of an arc serves up to 64 searches. Neither Boost nor the
// other libraries here offer it.
template <class Score>
std::vector<double> per_source(const Projection& projection, std::span<const NodeId> sources,
                               unsigned requested_threads, Score score) {
  const std::size_t n = projection.node_count();
  std::vector<double> result(sources.size(), 0.0);
  constexpr std::size_t width = 64;
  const std::size_t batches = (sources.size() + width - 1) / width;
  const unsigned threads = thread_count(requested_threads, batches);
  parallel_chunks(batches, std::min<std::size_t>(batches, std::size_t{threads} * 4), threads,
                  [&](std::size_t, std::size_t first_batch, std::size_t last_batch) {
                    std::vector<std::uint64_t> seen(n), frontier(n), next(n);
                    std::vector<Node> active, touched;
                    for (std::size_t batch = first_batch; batch < last_batch; ++batch) {
                      const std::size_t first = batch * width;
                      const std::size_t count = std::min(width, sources.size() - first);
                      std::array<Reach, width> reach{};
                      std::ranges::fill(seen, 0);
                      active.clear();
                      for (std::size_t i = 0; i < count; ++i) {
                        const Node source = Projection::index(sources[first + i]);
                        seen[source] = frontier[source] = std::uint64_t{1} << i;
                        active.push_back(source);
                        reach[i].reached = 1;
                      }
                      for (std::size_t level = 1; !active.empty(); ++level) {
                        touched.clear();
                        for (const Node u : active) {
                          const std::uint64_t bits = frontier[u];
                          for (const Node v : projection.neighbors(u)) {
                            if ((bits & ~seen[v] & ~next[v]) == 0) continue;
                            if (next[v] == 0) touched.push_back(v);
                            next[v] |= bits;
                          }
                        }
                        for (const Node u : active) frontier[u] = 0;
                        active.clear();
                        const double inverse = 1.0 / static_cast<double>(level);
                        for (const Node v : touched) {
                          const std::uint64_t fresh = next[v] & ~seen[v];
                          next[v] = 0;
                          if (fresh == 0) continue;
                          seen[v] |= fresh;
                          frontier[v] = fresh;
                          active.push_back(v);
                          for (std::uint64_t bits = fresh; bits != 0; bits &= bits - 1) {
                            Reach& r = reach[static_cast<std::size_t>(std::countr_zero(bits))];
                            ++r.reached;
                            r.distance_sum += static_cast<double>(level);
                            r.inverse_distance_sum += inverse;
                          }
                        }
                      }
                      for (const Node u : active) frontier[u] = 0;
                      for (std::size_t i = 0; i < count; ++i) result[first + i] = score(reach[i], n);
                    }
                  });
  return result;
}

std::vector<NodeId> all_nodes(const Projection& projection) { return sample_nodes(projection.node_count(), 0, 0); }

// The unnormalized betweenness sums from `sources`: accumulate(source, scratch, delta_sum) adds
// one source's dependencies, with a Scratch(scratch_argument) of its own per chunk. Each of a fixed number of
// chunks of sources accumulates into its own array; the arrays are summed in chunk order, so sums
// are identical for any thread count.
template <class Scratch, class Argument, class Accumulate>
std::vector<double> chunked_dependency_sums(std::size_t n, const Argument& scratch_argument,
                                            std::span<const NodeId> sources, unsigned requested_threads,
                                            Accumulate accumulate) {
  constexpr std::size_t chunks = 32;
  const unsigned threads = thread_count(requested_threads, sources.size());
  std::vector<std::vector<double>> partial(std::min(chunks, sources.size()));
  parallel_chunks(sources.size(), partial.size(), threads, [&](std::size_t chunk, std::size_t first, std::size_t last) {
    partial[chunk].assign(n, 0.0);
    Scratch scratch(scratch_argument);
    for (std::size_t i = first; i < last; ++i) accumulate(Projection::index(sources[i]), scratch, partial[chunk]);
  });
  std::vector<double> sum(n, 0.0);
  for (const auto& chunk : partial)
    for (Node v = 0; v < n; ++v) sum[v] += chunk[v];
  return sum;
}

// Unweighted Brandes on a 32-bit copy of the arcs (brandes.hpp).
std::vector<double> dependency_sums(const Projection& projection, std::span<const NodeId> sources,
                                    unsigned requested_threads) {
  const BrandesGraph graph(projection);
  return chunked_dependency_sums<BrandesSearch>(graph.node_count(), graph, sources, requested_threads,
                                                [&](Node s, BrandesSearch& search, std::vector<double>& sum) {
                                                  search.accumulate(graph, static_cast<std::uint32_t>(s), sum);
                                                });
}

}  // namespace

namespace {

// Normalized betweenness from the unnormalized sums over `options`' sources (dependency sums).
CentralityScores scaled_betweenness(const Projection& projection, std::vector<double> score,
                                    const BetweennessOptions& options) {
  const std::size_t n = projection.node_count();
  const bool sampled = options.samples > 0 && options.samples < n;
  if (n > 2) {
    // NetworkX sums over ordered pairs and, normalized, scales by 1 / ((n − 1)(n − 2)); a
    // sample of k sources is scaled up by n / k.
    double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
    if (sampled) scale *= static_cast<double>(n) / static_cast<double>(options.samples);
    for (double& s : score) s *= scale;
  }
  CentralityScores result(projection, CentralityMeasure::betweenness, std::move(score));
  if (sampled) {
    result.samples = options.samples;
    result.error_bound = betweenness_error_bound(n, options.samples);
  }
  return result;
}

}  // namespace

// Brandes on the CSR arrays, written here rather than calling Boost's
// brandes_betweenness_centrality so that sources can be split across threads and sampled.
CentralityScores betweenness_centrality(const Projection& projection, const BetweennessOptions& options) {
  const std::size_t n = projection.node_count();
  const std::vector<NodeId> sources = sample_nodes(n, options.samples, options.seed);
  return scaled_betweenness(
      projection, n == 0 ? std::vector<double>{} : dependency_sums(projection, sources, options.threads), options);
}

double betweenness_error_bound(std::size_t n, std::size_t k) noexcept {
  if (k == 0 || k >= n || n < 2) return 0;
  const double nodes = static_cast<double>(n);
  return nodes / (nodes - 1) * std::sqrt(std::log(2 * nodes / 0.05) / (2 * static_cast<double>(k)));
}

// Boost 1.74's closeness_centrality takes a V×V distance matrix and gives 0 on disconnected
// graphs, and it has no harmonic centrality: both are written here on one BFS per source.
std::vector<NodeId> sample_nodes(std::size_t n, std::size_t k, std::uint64_t seed) {
  std::vector<NodeId> nodes(n);
  for (std::size_t i = 0; i < n; ++i) nodes[i] = NodeId{i};
  if (k == 0 || k >= n) return nodes;
  std::mt19937_64 random(seed);
  std::ranges::shuffle(nodes, random);
  nodes.resize(k);
  std::ranges::sort(nodes);
  return nodes;
}

CentralityScores closeness_centrality(const Projection& projection, const ClosenessOptions& options) {
  return {projection, CentralityMeasure::closeness,
          per_source(projection, all_nodes(projection), options.threads, closeness_score)};
}

CentralityScores harmonic_centrality(const Projection& projection, const HarmonicOptions& options) {
  return {projection, CentralityMeasure::harmonic, harmonic_sums(projection, all_nodes(projection), options)};
}

std::vector<double> harmonic_sums(const Projection& projection, std::span<const NodeId> sources,
                                  const HarmonicOptions& options) {
  return per_source(projection, sources, options.threads,
                    [](const Reach& reach, std::size_t) { return reach.inverse_distance_sum; });
}

// Boost has no eigenvector centrality; this is NetworkX 2.8's power iteration, step for step,
// so that scores agree to rounding and not only to the iteration's tolerance.
CentralityScores eigenvector_centrality(const Projection& projection, const EigenvectorOptions& options) {
  const auto [max_iter, tol, strengths] = options;
  const std::size_t n = projection.node_count();
  if (n == 0) return {projection, CentralityMeasure::eigenvector, {}};
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  for (std::size_t iteration = 0; iteration < max_iter; ++iteration) {
    const std::vector<double> last = x;  // x ← (A + I)·last
    for (Projection::Node u = 0; u < n; ++u) {
      const std::size_t first = projection.first_arc(u);
      const auto row = projection.neighbors(u);
      for (std::size_t i = 0; i < row.size(); ++i) x[row[i]] += last[u] * strength_of(strengths, first + i);
    }
    double length = norm(x);
    if (length == 0) length = 1;
    double change = 0;
    for (Projection::Node u = 0; u < n; ++u) {
      x[u] /= length;
      change += std::abs(x[u] - last[u]);
    }
    if (change < static_cast<double>(n) * tol) return {projection, CentralityMeasure::eigenvector, std::move(x)};
  }
  throw ConvergenceError("eigenvector centrality did not converge in " + std::to_string(max_iter) + " iterations");
}

// Boost 1.74's page_rank runs a fixed number of iterations and does not redistribute the rank
// of dangling nodes; this is NetworkX 2.8's pagerank (its SciPy power iteration) instead.
CentralityScores pagerank(const Projection& projection, const PageRankOptions& options) {
  const auto [alpha, max_iter, tol, strengths] = options;
  const std::size_t n = projection.node_count();
  if (n == 0) return {projection, CentralityMeasure::pagerank, {}};
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> x(n, uniform);
  std::vector<double> next(n);
  for (std::size_t iteration = 0; iteration < max_iter; ++iteration) {
    double dangling = 0;  // rank held by nodes without neighbours
    std::ranges::fill(next, 0.0);
    for (Projection::Node u = 0; u < n; ++u) {
      const std::size_t first = projection.first_arc(u);
      const auto row = projection.neighbors(u);
      double degree = 0;  // NetworkX's row sum of the (weighted) adjacency matrix
      for (std::size_t i = 0; i < row.size(); ++i) degree += strength_of(strengths, first + i);
      if (degree == 0) {
        dangling += x[u];
        continue;
      }
      const double inverse = 1.0 / degree;
      for (std::size_t i = 0; i < row.size(); ++i) next[row[i]] += x[u] * (strength_of(strengths, first + i) * inverse);
    }
    double change = 0;
    for (Projection::Node u = 0; u < n; ++u) {
      const double value = alpha * (next[u] + dangling * uniform) + (1 - alpha) * uniform;
      change += std::abs(value - x[u]);
      x[u] = value;
    }
    if (change < static_cast<double>(n) * tol) return {projection, CentralityMeasure::pagerank, std::move(x)};
  }
  throw ConvergenceError("PageRank did not converge in " + std::to_string(max_iter) + " iterations");
}

// Weighted measures: one Dijkstra search per source, from Boost, with Brandes' accumulation and
// the closeness sums written here. Boost's own brandes_betweenness_centrality (with a weight
// map) runs every source on one thread and cannot take a sample of sources; per source, the
// work splits into the same fixed chunks as the unweighted measures, so results do not depend
// on the thread count.
namespace {

// Records the order Dijkstra settles nodes in: non-decreasing distance, as NetworkX pops them.
class SettleOrder : public boost::default_dijkstra_visitor {
 public:
  explicit SettleOrder(std::vector<Node>& order) : order_(&order) {}
  void examine_vertex(Node u, const Projection::Graph&) const { order_->push_back(u); }

 private:
  std::vector<Node>* order_;
};

// One search's scratch space: distances (+infinity when unreached), reached nodes in order,
// and Brandes' path counts and shares.
struct Search {
  std::vector<double> distance;
  std::vector<Node> order;
  std::vector<double> sigma;
  std::vector<double> share;
  explicit Search(std::size_t n) : distance(n), sigma(n), share(n) { order.reserve(n); }
};

// Dijkstra from `s` on `lengths`: fills search.distance and search.order.
void settle(const Projection& projection, std::span<const double> lengths, Node s, Search& search) {
  const Projection::Graph& g = projection.graph();
  const auto index = boost::get(boost::vertex_index, g);
  search.order.clear();
  boost::dijkstra_shortest_paths(
      g, s,
      boost::distance_map(boost::make_iterator_property_map(search.distance.begin(), index))
          .weight_map(boost::make_iterator_property_map(lengths.begin(), boost::get(boost::edge_index, g)))
          .distance_inf(std::numeric_limits<double>::infinity())
          .visitor(SettleOrder(search.order)));
  // Boost also settles, last, the nodes it only met over arcs of infinite length: unreached.
  while (!search.order.empty() && std::isinf(search.distance[search.order.back()])) search.order.pop_back();
}

// Calls visit(v, length) for every neighbour v of u over a crossable arc.
template <class Visit>
void for_each_arc(const Projection& projection, std::span<const double> lengths, Node u, Visit visit) {
  const std::size_t first = projection.first_arc(u);
  const auto row = projection.neighbors(u);
  for (std::size_t i = 0; i < row.size(); ++i)
    if (std::isfinite(lengths[first + i])) visit(row[i], lengths[first + i]);
}

// Brandes from `s` on lengths: v precedes w on a shortest path when d(v) + length == d(w),
// compared exactly as NetworkX does, so equal sums (1/2 + 1/2 against 1) tie as they do there.
void accumulate_weighted(const Projection& projection, std::span<const double> lengths, Node s, Search& search,
                         std::vector<double>& delta_sum) {
  settle(projection, lengths, s, search);
  const std::vector<double>& d = search.distance;
  for (const Node w : search.order) {
    double paths = w == s ? 1.0 : 0.0;
    for_each_arc(projection, lengths, w, [&](Node v, double length) {
      if (d[v] + length == d[w]) paths += search.sigma[v];
    });
    search.sigma[w] = paths;
  }
  for (auto it = search.order.rbegin(); it != search.order.rend(); ++it) {
    const Node w = *it;
    double sum = 0;
    for_each_arc(projection, lengths, w, [&](Node v, double length) {
      if (d[w] + length == d[v]) sum += search.share[v];
    });
    const double delta = search.sigma[w] * sum;
    search.share[w] = (1 + delta) / search.sigma[w];
    if (w != s) delta_sum[w] += delta;
  }
}

// The unnormalized weighted betweenness sums from `sources`.
std::vector<double> weighted_dependency_sums(const Projection& projection, std::span<const double> lengths,
                                             std::span<const NodeId> sources, unsigned requested_threads) {
  return chunked_dependency_sums<Search>(projection.node_count(), projection.node_count(), sources, requested_threads,
                                         [&](Node s, Search& search, std::vector<double>& sum) {
                                           accumulate_weighted(projection, lengths, s, search, sum);
                                         });
}

// Per-source closeness or harmonic on lengths: each source writes its own entry. Distances are
// summed in the order nodes are settled, NetworkX's order.
template <class Score>
std::vector<double> weighted_per_source(const Projection& projection, std::span<const double> lengths,
                                        unsigned requested_threads, Score score) {
  const std::size_t n = projection.node_count();
  std::vector<double> result(n, 0.0);
  const unsigned threads = thread_count(requested_threads, n);
  parallel_chunks(n, std::min<std::size_t>(n, std::size_t{threads} * 4), threads,
                  [&](std::size_t, std::size_t first, std::size_t last) {
                    Search search(n);
                    for (std::size_t u = first; u < last; ++u) {
                      settle(projection, lengths, static_cast<Node>(u), search);
                      Reach reach;
                      for (const Node v : search.order) {
                        const double d = search.distance[v];
                        ++reach.reached;
                        reach.distance_sum += d;
                        if (d > 0) reach.inverse_distance_sum += 1 / d;
                      }
                      result[u] = score(reach, n);
                    }
                  });
  return result;
}

}  // namespace

CentralityScores weighted_betweenness_centrality(const Projection& projection, std::span<const double> lengths,
                                                 const BetweennessOptions& options) {
  const std::size_t n = projection.node_count();
  const std::vector<NodeId> sources = sample_nodes(n, options.samples, options.seed);
  return scaled_betweenness(
      projection,
      n == 0 ? std::vector<double>{} : weighted_dependency_sums(projection, lengths, sources, options.threads),
      options);
}

CentralityScores weighted_closeness_centrality(const Projection& projection, std::span<const double> lengths,
                                               const ClosenessOptions& options) {
  return {projection, CentralityMeasure::closeness,
          weighted_per_source(projection, lengths, options.threads, closeness_score)};
}

CentralityScores weighted_harmonic_centrality(const Projection& projection, std::span<const double> lengths,
                                              const HarmonicOptions& options) {
  return {projection, CentralityMeasure::harmonic,
          weighted_per_source(projection, lengths, options.threads,
                              [](const Reach& reach, std::size_t) { return reach.inverse_distance_sum; })};
}

CentralityScores centrality(const Projection& projection, CentralityMeasure measure, const CentralityOptions& options) {
  const BetweennessOptions betweenness{options.threads, options.samples, options.seed};
  const std::span<const double> strengths = options.strengths;
  const bool weighted = !strengths.empty();
  switch (measure) {
    case CentralityMeasure::degree: return degree_centrality(projection, strengths);
    case CentralityMeasure::betweenness:
      return weighted ? weighted_betweenness_centrality(projection, arc_lengths(strengths), betweenness)
                      : betweenness_centrality(projection, betweenness);
    case CentralityMeasure::closeness:
      return weighted ? weighted_closeness_centrality(projection, arc_lengths(strengths), {options.threads})
                      : closeness_centrality(projection, {options.threads});
    case CentralityMeasure::harmonic:
      return weighted ? weighted_harmonic_centrality(projection, arc_lengths(strengths), {options.threads})
                      : harmonic_centrality(projection, {options.threads});
    case CentralityMeasure::eigenvector: return eigenvector_centrality(projection, {.strengths = strengths});
    case CentralityMeasure::pagerank: return pagerank(projection, {.strengths = strengths});
  }
  return degree_centrality(projection);  // not reached: every measure is handled above
}

}  // namespace cartelgraph
