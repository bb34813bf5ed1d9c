// The Leiden algorithm (Traag, Waltman and van Eck 2019, "From Louvain to Leiden: guaranteeing
// well-connected communities"), optimising modularity, and modularity itself.
//
// Quality in weight units, as leidenalg's diff_move: H = Σ_c e_c − γ K_c² / 4m, e_c the weight of
// the ties inside c, K_c its degrees added, 2m all degrees added; modularity is H / m. Moving a
// node v alone into a community r gains w(v, r) − γ k_v K_r / 2m.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "cartelgraph/queries/communities.hpp"

namespace cartelgraph {

namespace {

// A weighted undirected graph of one level: level 0 is the projection, each next level the
// aggregate of a partition of the one before (a node per community).
struct Level {
  std::vector<std::size_t> offsets;  // node → its first arc; size() + 1 entries
  std::vector<std::size_t> targets;  // arc → the other end (never the node itself)
  std::vector<double> weights;       // arc → weight, positive
  std::vector<double> degree;        // node → weighted degree, ties inside an aggregate counted twice

  [[nodiscard]] std::size_t size() const noexcept { return degree.size(); }
};

// Seeded random choices, the same on every platform (mt19937_64's output is standardised; the
// standard distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, n); n > 0. The modulo bias is below 2^-40 for graphs that fit in memory.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  // 0 … n − 1 in random order (Fisher–Yates).
  std::vector<std::size_t> order(std::size_t n) {
    std::vector<std::size_t> nodes(n);
    std::iota(nodes.begin(), nodes.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(nodes[i - 1], nodes[below(i)]);
    return nodes;
  }

 private:
  std::mt19937_64 engine_;
};

// Weights from one node to the communities of its neighbours, gathered without clearing an
// array per node: `weight` is reset only where `touched` says it was written.
class NeighbourWeights {
 public:
  explicit NeighbourWeights(std::size_t communities) : weight_(communities, 0), seen_(communities, false) {}

  // Gathers the weights from `v` to the communities `label` gives its neighbours, those
  // `keep(u)` accepts only.
  template <class Keep>
  void gather(const Level& g, std::size_t v, const std::vector<std::size_t>& label, Keep keep) {
    clear();
    add(g, v, label, keep);
  }
  // Forgets every weight gathered.
  void clear() {
    for (const std::size_t c : touched_) {
      weight_[c] = 0;
      seen_[c] = false;
    }
    touched_.clear();
  }
  // Adds the weights from `v`, as gather() does, to those gathered so far.
  template <class Keep>
  void add(const Level& g, std::size_t v, const std::vector<std::size_t>& label, Keep keep) {
    for (std::size_t arc = g.offsets[v]; arc < g.offsets[v + 1]; ++arc) {
      const std::size_t u = g.targets[arc];
      if (!keep(u)) continue;
      const std::size_t c = label[u];
      if (!seen_[c]) {
        seen_[c] = true;
        touched_.push_back(c);
      }
      weight_[c] += g.weights[arc];
    }
  }
  [[nodiscard]] const std::vector<std::size_t>& touched() const noexcept { return touched_; }
  [[nodiscard]] double weight(std::size_t c) const { return weight_[c]; }

 private:
  std::vector<double> weight_;
  std::vector<bool> seen_;
  std::vector<std::size_t> touched_;
};

Level base_level(const Projection& projection, std::span<const double> strengths) {
  const std::size_t n = projection.node_count();
  Level g;
  g.offsets.reserve(n + 1);
  g.degree.assign(n, 0);
  g.offsets.push_back(0);
  for (std::size_t v = 0; v < n; ++v) {
    const auto neighbours = projection.neighbors(v);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      const double w = strengths.empty() ? 1.0 : strengths[projection.first_arc(v) + i];
      if (!(w > 0) || neighbours[i] == v) continue;
      g.targets.push_back(neighbours[i]);
      g.weights.push_back(w);
      g.degree[v] += w;
    }
    g.offsets.push_back(g.targets.size());
  }
  return g;
}

// Σ_c L_c/m − γ (K_c/2m)², L_c the weight inside c (each tie once); 0 when 2m is 0.
double level_modularity(const Level& g, std::span<const std::size_t> membership, double resolution) {
  const std::size_t communities = g.size() == 0 ? 0 : *std::max_element(membership.begin(), membership.end()) + 1;
  std::vector<double> inside(communities, 0);
  std::vector<double> total(communities, 0);
  double two_m = 0;
  for (std::size_t v = 0; v < g.size(); ++v) {
    total[membership[v]] += g.degree[v];
    two_m += g.degree[v];
    for (std::size_t arc = g.offsets[v]; arc < g.offsets[v + 1]; ++arc)
      if (membership[g.targets[arc]] == membership[v]) inside[membership[v]] += g.weights[arc];
  }
  if (!(two_m > 0)) return 0;
  double q = 0;
  for (std::size_t c = 0; c < communities; ++c)
    q += inside[c] / two_m - resolution * (total[c] / two_m) * (total[c] / two_m);
  return q;
}

// Relabels `labels` 0 … k − 1 in order of first appearance; returns k.
std::size_t renumber(std::vector<std::size_t>& labels) {
  std::vector<std::size_t> to(labels.size(), labels.size());
  std::size_t count = 0;
  for (std::size_t& label : labels) {
    if (to[label] == labels.size()) to[label] = count++;
    label = to[label];
  }
  return count;
}

// Local moving with a queue (the paper's MoveNodesFast): every node, in random order, moves to
// the community (or an empty one) that gains most, if any gains; the neighbours outside its new
// community join the queue again. Labels are < g.size() before and after.
class LocalMoving {
 public:
  LocalMoving(const Level& g, std::vector<std::size_t>& community, double gamma_2m)
      : g_(g), community_(community), gamma_2m_(gamma_2m), total_(g.size(), 0), size_(g.size(), 0), weights_(g.size()) {
    for (std::size_t v = 0; v < g.size(); ++v) {
      total_[community[v]] += g.degree[v];
      ++size_[community[v]];
    }
    for (std::size_t c = g.size(); c-- > 0;)
      if (size_[c] == 0) empty_.push_back(c);
  }

  void run(Random& random) {
    const std::size_t n = g_.size();
    std::vector<std::size_t> queue = random.order(n);  // a ring of capacity n: a node is in it once
    std::vector<bool> queued(n, true);
    std::size_t head = 0;
    for (std::size_t pending = n; pending > 0; --pending) {
      const std::size_t v = queue[head];
      head = (head + 1) % n;
      queued[v] = false;
      const std::size_t to = move(v);
      for (std::size_t arc = g_.offsets[v]; arc < g_.offsets[v + 1]; ++arc) {
        const std::size_t u = g_.targets[arc];
        if (queued[u] || community_[u] == to || to == npos) continue;
        queued[u] = true;
        queue[(head + pending - 1) % n] = u;
        ++pending;
      }
    }
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Moves `v` to its best community; returns it, or npos when v stays.
  std::size_t move(std::size_t v) {
    const std::size_t from = community_[v];
    const double k = g_.degree[v];
    weights_.gather(g_, v, community_, [](std::size_t) { return true; });
    total_[from] -= k;
    --size_[from];
    auto gain = [&](std::size_t c) {
      return weights_.weight(c) - gamma_2m_ * k * total_[c];
    };
    std::size_t best = from;
    const double stay = size_[from] == 0 ? 0 : gain(from);
    double best_gain = stay + 1e-12 * (k + std::abs(stay));  // a move must gain more than rounding
    for (const std::size_t c : weights_.touched())
      if (c != from && gain(c) > best_gain) {
        best = c;
        best_gain = gain(c);
      }
    if (size_[from] > 0 && best_gain < 0 && !empty_.empty()) best = empty_.back();  // alone gains 0
    if (size_[from] == 0 && best != from) empty_.push_back(from);
    if (best != from && size_[best] == 0) empty_.pop_back();
    community_[v] = best;
    total_[best] += k;
    ++size_[best];
    return best == from ? npos : best;
  }

  const Level& g_;
  std::vector<std::size_t>& community_;
  double gamma_2m_;
  std::vector<double> total_;       // community → degrees added
  std::vector<std::size_t> size_;   // community → nodes
  std::vector<std::size_t> empty_;  // communities with no node
  NeighbourWeights weights_;
};

// The refinement (the paper's RefinePartition and MergeNodesSubset): within each community S,
// from singletons, each node still alone and well connected to S (w(v, S − v) ≥ γ k_v (K_S − k_v)
// / 2m) joins a well-connected part of S, drawn with probability ∝ exp(gain / θ) among those it
// does not lose on (staying alone gains 0). Returns node → part, parts numbered 0 … k − 1.
class Refinement {
 public:
  Refinement(const Level& g, const std::vector<std::size_t>& community, double gamma_2m)
      : g_(g),
        community_(community),
        gamma_2m_(gamma_2m),
        part_(g.size()),
        total_(g.degree),
        size_(g.size(), 1),
        inside_(g.size(), 0),
        external_(g.size(), 0),
        weights_(g.size()) {
    std::iota(part_.begin(), part_.end(), std::size_t{0});
    for (std::size_t v = 0; v < g.size(); ++v) {
      inside_[community[v]] += g.degree[v];  // K_S, indexed by community
      for (std::size_t arc = g.offsets[v]; arc < g.offsets[v + 1]; ++arc)
        if (community[g.targets[arc]] == community[v]) external_[v] += g.weights[arc];
    }
  }

  std::vector<std::size_t> run(Random& random) {
    const std::vector<double> to_community = external_;  // w(v, S − v), before any merge
    for (const std::size_t v : random.order(g_.size())) {
      if (size_[part_[v]] > 1) continue;
      const double k = g_.degree[v];
      if (to_community[v] < gamma_2m_ * k * (inside_[community_[v]] - k)) continue;
      const std::size_t to = draw(v, random);
      if (to == part_[v]) continue;
      external_[to] += to_community[v] - 2 * weights_.weight(to);
      total_[to] += k;
      ++size_[to];
      size_[part_[v]] = 0;
      part_[v] = to;
    }
    renumber(part_);
    return part_;
  }

 private:
  static constexpr double theta = 0.01;  // leidenalg's default randomness

  // The part `v` joins: its own (gain 0) or a well-connected part of its community.
  std::size_t draw(std::size_t v, Random& random) {
    const std::size_t s = community_[v];
    weights_.gather(g_, v, part_, [&](std::size_t u) { return community_[u] == s; });
    const double k = g_.degree[v];
    candidates_.assign(1, {part_[v], 0.0});
    for (const std::size_t r : weights_.touched()) {
      const double gain = weights_.weight(r) - gamma_2m_ * k * total_[r];
      if (gain >= 0 && external_[r] >= gamma_2m_ * total_[r] * (inside_[s] - total_[r]))
        candidates_.push_back({r, gain});
    }
    double best = 0;
    for (const auto& candidate : candidates_) best = std::max(best, candidate.second);
    double sum = 0;
    for (auto& candidate : candidates_) sum += candidate.second = std::exp((candidate.second - best) / theta);
    double pick = random.unit() * sum;
    for (const auto& candidate : candidates_)
      if ((pick -= candidate.second) < 0) return candidate.first;
    return candidates_.back().first;
  }

  const Level& g_;
  const std::vector<std::size_t>& community_;
  double gamma_2m_;
  std::vector<std::size_t> part_;  // node → part
  std::vector<double> total_;      // part → degrees added
  std::vector<std::size_t> size_;  // part → nodes
  std::vector<double> inside_;     // community → degrees added (K_S)
  std::vector<double> external_;   // part → weight to the rest of its community
  NeighbourWeights weights_;
  std::vector<std::pair<std::size_t, double>> candidates_;
};

// The graph of `count` parts (`part`: node → part): a node per part, weighing its members'
// degrees, an arc per pair of tied parts weighing the ties between them.
Level aggregate(const Level& g, const std::vector<std::size_t>& part, std::size_t count) {
  std::vector<std::size_t> start(count + 1, 0);  // members grouped by part (counting sort)
  for (const std::size_t p : part) ++start[p + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::size_t> members(g.size());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t v = 0; v < g.size(); ++v) members[next[part[v]]++] = v;

  Level a;
  a.degree.assign(count, 0);
  a.offsets.reserve(count + 1);
  a.offsets.push_back(0);
  NeighbourWeights weights(count);
  for (std::size_t p = 0; p < count; ++p) {
    weights.clear();
    for (std::size_t i = start[p]; i < start[p + 1]; ++i) {
      a.degree[p] += g.degree[members[i]];
      weights.add(g, members[i], part, [&](std::size_t u) { return part[u] != p; });
    }
    for (const std::size_t q : weights.touched()) {
      a.targets.push_back(q);
      a.weights.push_back(weights.weight(q));
    }
    a.offsets.push_back(a.targets.size());
  }
  return a;
}

// The number of communities of `labels` (0 … k − 1).
std::size_t count_of(const std::vector<std::size_t>& labels) {
  return labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
}

// One Leiden run on `base` from `membership` (node → community, labels < n): levels of local
// moving, refinement and aggregation of the refined partition (its nodes starting in their
// unrefined communities) until every community of a level is one node. Returns the membership
// of base's nodes.
std::vector<std::size_t> leiden_run(const Level& base, std::vector<std::size_t> membership, double gamma_2m,
                                    Random& random) {
  std::vector<std::size_t> node_of(base.size());  // base node → node of the current level
  std::iota(node_of.begin(), node_of.end(), std::size_t{0});
  Level current;
  const Level* g = &base;
  std::vector<std::size_t> community = std::move(membership);
  for (;;) {
    LocalMoving(*g, community, gamma_2m).run(random);
    const std::size_t count = renumber(community);
    if (count == g->size()) break;
    std::vector<std::size_t> part = Refinement(*g, community, gamma_2m).run(random);
    if (count_of(part) == g->size()) part = community;  // nothing merged: aggregate the communities
    std::vector<std::size_t> next(count_of(part));
    for (std::size_t v = 0; v < g->size(); ++v) next[part[v]] = community[v];
    for (std::size_t& node : node_of) node = part[node];
    Level above = aggregate(*g, part, next.size());
    current = std::move(above);
    g = &current;
    community = std::move(next);
  }
  for (std::size_t& node : node_of) node = community[node];
  return node_of;
}

// Renumbers the communities of `membership` largest first, then by first node; returns how many.
std::size_t number_by_size(std::vector<std::size_t>& membership) {
  const std::size_t count = renumber(membership);  // first appearance: by first node
  std::vector<std::size_t> size(count, 0);
  for (const std::size_t c : membership) ++size[c];
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] > size[b]; });
  std::vector<std::size_t> rank(count);
  for (std::size_t i = 0; i < count; ++i) rank[order[i]] = i;
  for (std::size_t& c : membership) c = rank[c];
  return count;
}

}  // namespace

double modularity(const Projection& projection, std::span<const double> strengths,
                  std::span<const std::size_t> membership, double resolution) {
  std::vector<std::size_t> labels(membership.begin(), membership.end());
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  std::vector<std::size_t> compact(membership.size());
  for (std::size_t v = 0; v < membership.size(); ++v)
    compact[v] = static_cast<std::size_t>(std::lower_bound(labels.begin(), labels.end(), membership[v]) -
                                          labels.begin());
  return level_modularity(base_level(projection, strengths), compact, resolution);
}

Partition leiden(const Projection& projection, std::span<const double> strengths, const CommunityOptions& options) {
  const Level base = base_level(projection, strengths);
  Partition result;
  result.membership.resize(base.size());
  std::iota(result.membership.begin(), result.membership.end(), std::size_t{0});
  const double two_m = std::accumulate(base.degree.begin(), base.degree.end(), 0.0);
  result.converged = !(two_m > 0);
  if (two_m > 0) {
    Random random(options.seed);
    double quality = level_modularity(base, result.membership, options.resolution);
    while (options.max_runs == 0 || result.runs < options.max_runs) {  // leidenalg's n_iterations
      std::vector<std::size_t> next = leiden_run(base, result.membership, options.resolution / two_m, random);
      ++result.runs;
      const double next_quality = level_modularity(base, next, options.resolution);
      if (!(next_quality > quality + 1e-12)) {
        result.converged = true;
        break;
      }
      result.membership = std::move(next);
      quality = next_quality;
    }
  }
  result.count = number_by_size(result.membership);
  return result;
}

}  // namespace cartelgraph
