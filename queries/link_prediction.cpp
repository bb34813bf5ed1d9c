#include "cartelgraph/queries/link_prediction.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>

#include "cartelgraph/graph/error.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;

constexpr std::array<std::string_view, 4> score_names = {"adamic-adar", "resource-allocation", "jaccard", "katz"};

// The connected component of every node, numbered from 0, and how many there are. O(V + E).
std::pair<std::vector<std::size_t>, std::size_t> components(const Projection& projection) {
  constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::vector<std::size_t> component(projection.node_count(), none);
  std::vector<Node> queue;
  std::size_t count = 0;
  for (Node start = 0; start < projection.node_count(); ++start) {
    if (component[start] != none) continue;
    queue.assign(1, start);
    component[start] = count;
    for (std::size_t i = 0; i < queue.size(); ++i)
      for (const Node w : projection.neighbors(queue[i]))
        if (component[w] == none) {
          component[w] = count;
          queue.push_back(w);
        }
    ++count;
  }
  return {std::move(component), count};
}

// One power-iteration step y = (A + I)x; returns, per component, the bounds it gives on that
// component's λmax (Rayleigh quotient of x, Collatz–Wielandt maximum of y/x − 1), and scales y
// so that each component's largest entry is 1, into x.
std::pair<double, double> power_step(const Projection& projection, const std::vector<std::size_t>& component,
                                     std::size_t count, std::vector<double>& x) {
  const std::size_t n = projection.node_count();
  std::vector<double> y(n), quadratic(count, 0.0), square(count, 0.0), upper(count, 0.0), largest(count, 0.0);
  for (Node u = 0; u < n; ++u) {
    double sum = x[u];
    for (const Node w : projection.neighbors(u)) sum += x[w];
    y[u] = sum;
    const std::size_t c = component[u];
    quadratic[c] += x[u] * (sum - x[u]);
    square[c] += x[u] * x[u];
    upper[c] = std::max(upper[c], sum / x[u] - 1);
    largest[c] = std::max(largest[c], sum);
  }
  double lower_bound = 0;
  double upper_bound = 0;
  for (std::size_t c = 0; c < count; ++c) {
    lower_bound = std::max(lower_bound, quadratic[c] / square[c]);
    upper_bound = std::max(upper_bound, upper[c]);
  }
  for (Node u = 0; u < n; ++u) x[u] = y[u] / largest[component[u]];
  return {lower_bound, upper_bound};
}

// Whether `better` ranks before `worse`: a higher score, then the pair (a, b) first.
bool ranks_before(const ScoredPair& better, const ScoredPair& worse) {
  if (better.score != worse.score) return better.score > worse.score;
  return std::pair(better.a, better.b) < std::pair(worse.a, worse.b);
}

// The best `limit` pairs offered, kept in a heap whose top is the worst kept.
class TopPairs {
 public:
  explicit TopPairs(std::size_t limit) : limit_(limit) {}
  void offer(const ScoredPair& pair) {
    if (limit_ == 0) return;
    if (heap_.size() == limit_) {
      if (!ranks_before(pair, heap_.front())) return;
      std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
      heap_.pop_back();
    }
    heap_.push_back(pair);
    std::push_heap(heap_.begin(), heap_.end(), ranks_before);
  }
  void merge(const TopPairs& other) {
    for (const ScoredPair& pair : other.heap_) offer(pair);
  }
  [[nodiscard]] std::vector<ScoredPair> sorted() && {
    std::sort(heap_.begin(), heap_.end(), ranks_before);
    return std::move(heap_);
  }

 private:
  std::size_t limit_;
  std::vector<ScoredPair> heap_;
};

// What one shared neighbour of degree `degree` adds to a pair's score (AA, RA; Jaccard counts).
double shared_weight(LinkScore score, std::size_t degree) {
  const auto d = static_cast<double>(degree);
  if (score == LinkScore::adamic_adar) return 1 / std::log(d);
  if (score == LinkScore::resource_allocation) return 1 / d;
  return 1;
}

// Scratch space reused for every node scored from: the sums and shared counts of the nodes at
// distance 2, which of them were touched, and which nodes are tied to the current one.
class NeighbourhoodScorer {
 public:
  NeighbourhoodScorer(const Projection& projection, LinkScore score)
      : projection_(projection),
        score_(score),
        sum_(projection.node_count(), 0.0),
        shared_(projection.node_count(), 0),
        tied_(projection.node_count(), false) {}

  // Offers every node v at distance 2 from `u` (v > u when `above` holds) with its score.
  void score_from(Node u, bool above, TopPairs& top) {
    for (const Node w : projection_.neighbors(u)) tied_[w] = true;
    for (const Node w : projection_.neighbors(u)) {
      const double weight = shared_weight(score_, projection_.degree(w));
      for (const Node v : projection_.neighbors(w)) {
        if (v == u || tied_[v] || (above && v < u)) continue;
        if (shared_[v]++ == 0) touched_.push_back(v);
        sum_[v] += weight;
      }
    }
    for (const Node v : touched_) {
      const double shared = static_cast<double>(shared_[v]);
      const double all = static_cast<double>(projection_.degree(u) + projection_.degree(v)) - shared;
      top.offer({u, v, score_ == LinkScore::jaccard ? shared / all : sum_[v]});
      sum_[v] = 0;
      shared_[v] = 0;
    }
    touched_.clear();
    for (const Node w : projection_.neighbors(u)) tied_[w] = false;
  }

 private:
  const Projection& projection_;
  LinkScore score_;
  std::vector<double> sum_;
  std::vector<std::size_t> shared_;
  std::vector<bool> tied_;
  std::vector<Node> touched_;
};

// Katz's rows of up to B sources at once: rows[v·B + i] = Σ_{k≥1} β^k (A^k)_{sources[i], v} (0
// outside the source's component), the series summed until every source's remainder bound
// q/(1 − q)·‖x_k‖₂ (q = β·λmax's upper bound) is below katz_tolerance. Each term gathers, for
// every node, its neighbours' B values: one pass over the arcs serves B sources.
template <std::size_t B>
std::vector<double> katz_rows(const Projection& projection, std::span<const Node> sources, const KatzSetting& katz) {
  const std::size_t n = projection.node_count();
  const double q = katz.beta * katz.radius.upper;
  std::vector<double> rows(n * B, 0.0), x(n * B, 0.0), next(n * B, 0.0);
  for (std::size_t i = 0; i < sources.size(); ++i) x[sources[i] * B + i] = 1;
  for (;;) {
    std::array<double, B> norm{};
    for (Node u = 0; u < n; ++u) {
      std::array<double, B> sum{};
      for (const Node w : projection.neighbors(u))
        for (std::size_t i = 0; i < B; ++i) sum[i] += x[w * B + i];
      for (std::size_t i = 0; i < B; ++i) {
        const double value = katz.beta * sum[i];
        next[u * B + i] = value;
        rows[u * B + i] += value;
        norm[i] += value * value;
      }
    }
    x.swap(next);
    const double largest = *std::max_element(norm.begin(), norm.end());
    if (q == 0 || std::sqrt(largest) * q / (1 - q) < katz_tolerance) break;
  }
  return rows;
}

// Offers, for each of the up to B `sources` u, every node v not tied to u (v > u when `above`
// holds) with a positive Katz score.
template <std::size_t B>
void offer_katz_rows(const Projection& projection, std::span<const Node> sources, const KatzSetting& katz, bool above,
                     TopPairs& top) {
  const std::vector<double> rows = katz_rows<B>(projection, sources, katz);
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Node u = sources[i];
    const auto tied = projection.neighbors(u);
    for (Node v = above ? u + 1 : 0; v < projection.node_count(); ++v)
      if (v != u && rows[v * B + i] > 0 && !std::binary_search(tied.begin(), tied.end(), v))
        top.offer({u, v, rows[v * B + i]});
  }
}

// Sources taken together by Katz over every pair.
constexpr std::size_t katz_block = 16;

// Katz over every pair, blocks of katz_block sources striped over `threads` threads.
std::vector<ScoredPair> katz_pairs(const Projection& projection, const KatzSetting& katz, std::size_t limit,
                                   unsigned threads) {
  const std::size_t n = projection.node_count();
  const std::size_t blocks = (n + katz_block - 1) / katz_block;
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, blocks)));
  std::vector<TopPairs> tops(threads, TopPairs(limit));
  auto work = [&](unsigned t) {
    std::vector<Node> sources;
    for (std::size_t block = t; block < blocks; block += threads) {
      sources.clear();
      for (Node u = block * katz_block; u < std::min(n, (block + 1) * katz_block); ++u) sources.push_back(u);
      offer_katz_rows<katz_block>(projection, sources, katz, true, tops[t]);
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) workers.emplace_back(work, t);
  work(0);
  for (auto& worker : workers) worker.join();
  for (unsigned t = 1; t < threads; ++t) tops[0].merge(tops[t]);
  return std::move(tops[0]).sorted();
}

// Up to `count` shortest paths from `a` to `b` (node lists from a), found by breadth-first search
// from `a` stopped where it reaches `b`, then walked back from `b` through predecessors in node
// order. Empty when `b` is not reachable. O(V + E) and O(count · length · degree).
std::vector<std::vector<Node>> shortest_paths(const Projection& projection, Node a, Node b, std::size_t count) {
  constexpr std::size_t unreached = static_cast<std::size_t>(-1);
  std::vector<std::size_t> distance(projection.node_count(), unreached);
  std::vector<Node> queue{a};
  distance[a] = 0;
  for (std::size_t i = 0; i < queue.size() && distance[b] == unreached; ++i)
    for (const Node w : projection.neighbors(queue[i]))
      if (distance[w] == unreached) {
        distance[w] = distance[queue[i]] + 1;
        queue.push_back(w);
      }
  std::vector<std::vector<Node>> paths;
  if (distance[b] == unreached) return paths;
  std::vector<Node> path{b};  // from b back towards a
  auto walk = [&](auto& self) -> void {
    const Node at = path.back();
    if (at == a) {
      paths.emplace_back(path.rbegin(), path.rend());
      return;
    }
    for (const Node w : projection.neighbors(at)) {
      if (paths.size() == count) return;
      if (distance[w] != distance[at] - 1) continue;
      path.push_back(w);
      self(self);
      path.pop_back();
    }
  };
  walk(walk);
  return paths;
}

// The connection through `nodes` (a path), each hop with the relations behind it.
std::vector<CitedHop> cited(const Network& network, const std::vector<Node>& nodes) {
  const Projection& projection = network.projection();
  std::vector<CitedHop> hops;
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
    const Vertex from = projection.entity(Projection::id(nodes[i]));
    const Vertex to = projection.entity(Projection::id(nodes[i + 1]));
    hops.push_back({from, to, network.tie_relations(from, to)});
  }
  return hops;
}

// What justifies `pair`: its shared neighbours (AA, RA, Jaccard) or shortest paths (Katz), cited.
std::vector<std::vector<CitedHop>> connections(const Network& network, const ScoredPair& pair,
                                               const SuggestOptions& options) {
  const Projection& projection = network.projection();
  std::vector<std::vector<Node>> paths;
  if (options.score == LinkScore::katz) {
    paths = shortest_paths(projection, pair.a, pair.b, options.paths);
  } else {
    const auto first = projection.neighbors(pair.a);
    const auto second = projection.neighbors(pair.b);
    std::vector<Node> shared;
    std::set_intersection(first.begin(), first.end(), second.begin(), second.end(), std::back_inserter(shared));
    for (const Node w : shared) paths.push_back({pair.a, w, pair.b});
  }
  std::vector<std::vector<CitedHop>> result;
  for (const auto& path : paths) result.push_back(cited(network, path));
  return result;
}

}  // namespace

template <>
std::span<const std::string_view> names<LinkScore>() noexcept {
  return score_names;
}

std::string_view to_string(LinkScore score) noexcept { return name_of(score); }

SpectralRadius spectral_radius(const Projection& projection, double beta, std::size_t max_iterations) {
  SpectralRadius bounds;
  if (projection.node_count() == 0) return bounds;
  const auto [component, count] = components(projection);
  std::vector<double> x(projection.node_count(), 1.0);
  while (bounds.iterations < max_iterations) {
    const auto [lower, upper] = power_step(projection, component, count, x);
    bounds = {std::max(bounds.lower, lower), bounds.iterations == 0 ? upper : std::min(bounds.upper, upper),
              bounds.iterations + 1};
    const double width = bounds.upper - bounds.lower;
    if (width <= 1e-9 * bounds.upper) break;
    if (beta > 0 && width <= 1e-3 * bounds.upper && (beta * bounds.upper < 1 || beta * bounds.lower >= 1)) break;
  }
  return bounds;
}

KatzSetting katz_setting(const Projection& projection, std::optional<double> beta) {
  if (beta) {
    if (!(std::isfinite(*beta) && *beta > 0)) throw Error(ErrorCategory::usage, "Katz's β must be a positive number");
    KatzSetting setting{*beta, spectral_radius(projection, *beta), false};
    if (*beta * setting.radius.upper < 1) return setting;
    char message[400];
    std::snprintf(message, sizeof message,
                  "Katz's β = %g is not below 1/λmax (the series converges only below it): λmax of this network is "
                  "between %.6g and %.6g, so β must be below %.6g",
                  *beta, setting.radius.lower, setting.radius.upper, 1 / setting.radius.upper);
    throw Error(ErrorCategory::usage, message);
  }
  // The default while it is below half of 1/λmax (each term of the series then at most half the
  // one before), else half of 1/λmax.
  KatzSetting setting{default_katz_beta, spectral_radius(projection, 2 * default_katz_beta), false};
  if (default_katz_beta * setting.radius.upper < 0.5) return setting;
  setting.radius = spectral_radius(projection);
  setting.beta = 0.5 / setting.radius.upper;
  setting.lowered = true;
  return setting;
}

std::vector<ScoredPair> score_candidates(const Projection& projection, Projection::Node node, LinkScore score,
                                         std::size_t limit, const KatzSetting* katz) {
  if (node >= projection.node_count()) throw std::out_of_range("score_candidates: no such node");
  TopPairs top(limit);
  if (score == LinkScore::katz) {
    if (!katz) throw std::invalid_argument("score_candidates: Katz needs its setting");
    const Node source[] = {node};
    offer_katz_rows<1>(projection, source, *katz, false, top);
  } else {
    NeighbourhoodScorer(projection, score).score_from(node, false, top);
  }
  return std::move(top).sorted();
}

std::vector<ScoredPair> score_pairs(const Projection& projection, LinkScore score, std::size_t limit,
                                    const KatzSetting* katz, unsigned threads) {
  if (score == LinkScore::katz) {
    if (!katz) throw std::invalid_argument("score_pairs: Katz needs its setting");
    return katz_pairs(projection, *katz, limit, threads);
  }
  TopPairs top(limit);
  NeighbourhoodScorer scorer(projection, score);
  for (Node u = 0; u < projection.node_count(); ++u) scorer.score_from(u, true, top);
  return std::move(top).sorted();
}

double pair_score(const Projection& projection, Projection::Node a, Projection::Node b, LinkScore score) {
  if (score == LinkScore::katz) throw std::invalid_argument("pair_score: not for Katz");
  const auto first = projection.neighbors(a);
  const auto second = projection.neighbors(b);
  std::vector<Node> shared;
  std::set_intersection(first.begin(), first.end(), second.begin(), second.end(), std::back_inserter(shared));
  if (score == LinkScore::jaccard) {
    const double all = static_cast<double>(first.size() + second.size() - shared.size());
    return all == 0 ? 0 : static_cast<double>(shared.size()) / all;
  }
  double sum = 0;
  for (const Node w : shared) sum += shared_weight(score, projection.degree(w));
  return sum;
}

TieSuggestions suggest_ties(const Network& network, std::optional<Vertex> entity, const SuggestOptions& options) {
  const Projection& projection = network.projection();
  if (!entity && options.score == LinkScore::katz && projection.node_count() > katz_all_pairs_limit)
    throw Error(ErrorCategory::usage, "Katz over every pair of " + std::to_string(projection.node_count()) +
                                          " entities runs a series from each (minutes): name an entity, or score "
                                          "by adamic-adar, resource-allocation or jaccard (above " +
                                          std::to_string(katz_all_pairs_limit) + " entities)");
  TieSuggestions result{options.score, entity, std::nullopt, {}};
  if (options.score == LinkScore::katz) result.katz = katz_setting(projection, options.beta);
  const KatzSetting* katz = result.katz ? &*result.katz : nullptr;
  std::vector<ScoredPair> pairs;
  if (entity) {
    const auto node = projection.node(*entity);
    if (!node) throw std::invalid_argument("the entity is not in the network");
    pairs = score_candidates(projection, Projection::index(*node), options.score, options.limit, katz);
  } else {
    pairs = score_pairs(projection, options.score, options.limit, katz, options.threads);
  }
  for (const ScoredPair& pair : pairs)
    result.ties.push_back({projection.entity(Projection::id(pair.a)), projection.entity(Projection::id(pair.b)),
                           pair.score, connections(network, pair, options)});
  return result;
}

}  // namespace cartelgraph
