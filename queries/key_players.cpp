#include "cartelgraph/queries/key_players.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <queue>
#include <stdexcept>
#include <string>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/distances.hpp"
#include "cartelgraph/queries/parallel_chunks.hpp"

namespace cartelgraph {

namespace {

using Node = Projection::Node;

constexpr std::array<std::string_view, 3> criterion_names = {"fragmentation", "distance", "reach"};
// A swap must improve the score by more than this: rounding never makes the search cycle.
constexpr double tolerance = 1e-12;
// DF sums its sources in this many fixed chunks, one thread each at a time.
constexpr std::size_t source_chunks = 8;

// A set of nodes as the scores read it: a mask and its size.
struct Members {
  std::vector<bool> in;
  std::size_t size = 0;

  Members(std::size_t n, std::span<const Node> nodes) : in(n, false) {
    for (const Node u : nodes) add(u);
  }
  void add(Node u) {
    if (!in[u]) ++size;
    in[u] = true;
  }
  void drop(Node u) {
    if (in[u]) --size;
    in[u] = false;
  }
};

// What every score of one search shares.
struct Search {
  const Projection& projection;
  KeyPlayerOptions options;
  std::vector<NodeId> sources;   // DF's sources: every node when exact
  std::vector<Node> candidates;  // every node, ascending
};

// 1 − total / (n(n − 1)) for the n nodes left; 1 when fewer than two are left.
double fragmentation_of(double total, std::size_t left) {
  if (left < 2) return 1;
  const double n = static_cast<double>(left);
  return 1 - total / (n * (n - 1));
}

double pairs(std::size_t size) { return static_cast<double>(size) * static_cast<double>(size == 0 ? 0 : size - 1); }

// F of the projection without `removed`: one breadth-first search per component. O(N + E).
double fragmentation(const Projection& projection, const Members& removed) {
  std::vector<bool> seen = removed.in;
  std::vector<Node> queue;
  double total = 0;
  for (Node s = 0; s < projection.node_count(); ++s) {
    if (seen[s]) continue;
    queue.assign(1, s);
    seen[s] = true;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (const Node w : projection.neighbors(queue[head]))
        if (!seen[w]) {
          seen[w] = true;
          queue.push_back(w);
        }
    total += pairs(queue.size());
  }
  return fragmentation_of(total, projection.node_count() - removed.size);
}

// DF of the projection without `removed`, from the search's sources still there (every node
// left when none is). O(s E).
double distance_fragmentation(const Search& search, const Members& removed) {
  const std::size_t left = search.projection.node_count() - removed.size;
  if (left < 2) return 1;
  std::vector<bool> keep(removed.in.size());
  std::vector<std::size_t> rank(removed.in.size());
  for (std::size_t u = 0, r = 0; u < keep.size(); ++u) {
    keep[u] = !removed.in[u];
    rank[u] = r;
    r += keep[u] ? 1 : 0;
  }
  std::vector<NodeId> sources;
  for (const NodeId s : search.sources)
    if (keep[Projection::index(s)]) sources.push_back(NodeId{rank[Projection::index(s)]});
  if (sources.empty()) sources = sample_nodes(left, 0, 0);
  const Projection remaining = search.projection.induced(keep);
  double total = 0;
  for (const double sum : harmonic_sums(remaining, sources, {search.options.threads})) total += sum;
  return fragmentation_of(total * static_cast<double>(left) / static_cast<double>(sources.size()), left);
}

// Hops from the nearest member of `from`, searched up to `limit`; `unreachable` beyond. O(N + E).
std::vector<std::size_t> hops_from(const Projection& projection, const Members& from, std::size_t limit) {
  std::vector<std::size_t> hops(projection.node_count(), unreachable);
  std::vector<Node> queue;
  for (Node u = 0; u < projection.node_count(); ++u)
    if (from.in[u]) {
      hops[u] = 0;
      queue.push_back(u);
    }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const Node u = queue[head];
    if (hops[u] == limit) continue;
    for (const Node w : projection.neighbors(u))
      if (hops[w] == unreachable) {
        hops[w] = hops[u] + 1;
        queue.push_back(w);
      }
  }
  return hops;
}

// The nodes outside `members` within `steps` hops of one.
std::size_t reached(const Projection& projection, const Members& members, std::size_t steps) {
  const std::vector<std::size_t> hops = hops_from(projection, members, steps);
  return static_cast<std::size_t>(std::ranges::count_if(hops, [](std::size_t h) { return h != unreachable && h > 0; }));
}

double reach_of(std::size_t count, std::size_t outside) {
  return outside == 0 ? 0 : static_cast<double>(count) / static_cast<double>(outside);
}

// The score of `members` (removed for F and DF, reaching for R).
double score(const Search& search, const Members& members) {
  switch (search.options.criterion) {
    case KeyPlayerCriterion::fragmentation: return fragmentation(search.projection, members);
    case KeyPlayerCriterion::distance: return distance_fragmentation(search, members);
    case KeyPlayerCriterion::reach: break;
  }
  const std::size_t outside = search.projection.node_count() - members.size;
  return reach_of(reached(search.projection, members, search.options.reach_steps), outside);
}

// What removing one more node does to the components of the projection without `removed`: for
// each node left, the pairs (s(s − 1) summed) of the pieces its removal cuts off its component,
// their total size, and its component's size. Tarjan's articulation points, iteratively.
struct CutPieces {
  std::vector<double> piece_pairs;
  std::vector<std::size_t> piece_size;
  std::vector<std::size_t> component;
  double total = 0;  // Σ s(s − 1) over the components
};

// The depth-first search of one component from `root`, filling `cut` for its nodes.
void cut_component(const Projection& projection, Node root, std::vector<std::size_t>& order,
                   std::vector<std::size_t>& low, std::vector<std::size_t>& size, CutPieces& cut) {
  struct Frame {
    Node node;
    Node parent;
    std::size_t next = 0;
  };
  std::vector<Frame> stack{{root, root}};
  std::vector<Node> members;
  std::size_t clock = order[root] = low[root] = 1;
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const auto neighbors = projection.neighbors(frame.node);
    if (frame.next < neighbors.size()) {
      const Node w = neighbors[frame.next++];
      if (order[w] == 0) {
        order[w] = low[w] = ++clock;
        stack.push_back({w, frame.node});
      } else if (w != frame.parent && order[w] != unreachable) {
        low[frame.node] = std::min(low[frame.node], order[w]);
      }
      continue;
    }
    const Frame done = frame;
    stack.pop_back();
    members.push_back(done.node);
    ++size[done.node];
    if (done.node == root) break;
    Node p = done.parent;
    size[p] += size[done.node];
    low[p] = std::min(low[p], low[done.node]);
    if (low[done.node] >= order[p]) {
      cut.piece_pairs[p] += pairs(size[done.node]);
      cut.piece_size[p] += size[done.node];
    }
  }
  for (const Node u : members) cut.component[u] = members.size();
  cut.total += pairs(members.size());
}

// CutPieces of the projection without `removed`. O(N + E).
CutPieces cut_pieces(const Projection& projection, const Members& removed) {
  const std::size_t n = projection.node_count();
  CutPieces cut{std::vector<double>(n, 0), std::vector<std::size_t>(n, 0), std::vector<std::size_t>(n, 0), 0};
  std::vector<std::size_t> order(n, 0), low(n, 0), size(n, 0);
  for (Node u = 0; u < n; ++u)
    if (removed.in[u]) order[u] = unreachable;  // never entered
  for (Node u = 0; u < n; ++u)
    if (order[u] == 0) cut_component(projection, u, order, low, size, cut);
  return cut;
}

// F of `base` plus each candidate (not in base). O(N + E).
std::vector<double> fragmentation_with_each(const Projection& projection, const Members& base,
                                            std::span<const Node> candidates) {
  const CutPieces cut = cut_pieces(projection, base);
  const std::size_t left = projection.node_count() - base.size - 1;
  std::vector<double> scores;
  for (const Node v : candidates) {
    const std::size_t rest = cut.component[v] - 1 - cut.piece_size[v];
    const double total = cut.total - pairs(cut.component[v]) + cut.piece_pairs[v] + pairs(rest);
    scores.push_back(fragmentation_of(total, left));
  }
  return scores;
}

// Reach of `base` plus each candidate (not in base): the nodes `base` reaches, and for each
// candidate a search of its own ball for the nodes it adds. O(N + E + Σ ball).
std::vector<double> reach_with_each(const Projection& projection, const Members& base, std::span<const Node> candidates,
                                    std::size_t steps) {
  const std::vector<std::size_t> hops = hops_from(projection, base, steps);
  const auto covered = [&](Node u) {
    return hops[u] != unreachable;
  };
  const auto already = static_cast<std::size_t>(
      std::ranges::count_if(hops, [](std::size_t h) { return h != unreachable && h > 0; }));
  const std::size_t outside = projection.node_count() - base.size - 1;
  std::vector<std::size_t> stamp(projection.node_count(), unreachable), depth(projection.node_count(), 0);
  std::vector<double> scores;
  std::vector<Node> queue;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    const Node v = candidates[c];
    std::size_t count = already - (covered(v) ? 1 : 0);
    queue.assign(1, v);
    stamp[v] = c;
    depth[v] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const Node u = queue[head];
      if (depth[u] == steps) continue;
      for (const Node w : projection.neighbors(u))
        if (stamp[w] != c) {
          stamp[w] = c;
          depth[w] = depth[u] + 1;
          queue.push_back(w);
          if (!covered(w)) ++count;
        }
    }
    scores.push_back(reach_of(count, outside));
  }
  return scores;
}

// One source's breadth-first search in the projection without the removed nodes, and the
// dominator tree of its shortest-path DAG: w is dominated by v when every shortest path from the
// source to w passes through v, so that removing v can change the distances of those nodes
// only (the others keep a shortest path without v). Scratch reused from source to source.
struct SourceTree {
  std::vector<std::size_t> hops;         // unreachable when not reached (or removed)
  std::vector<Node> order;               // reached nodes, breadth-first
  std::vector<Node> idom;                // immediate dominator
  std::vector<std::size_t> depth;        // in the dominator tree
  std::vector<std::size_t> first, size;  // preorder position and subtree size in the dominator tree
  std::vector<Node> preorder;
  // Over the nodes a node dominates (itself excluded): the least and greatest preorder position
  // of their neighbours (none outside [first, first + size) means removing it cuts them all
  // off), and Σ 1/d over them and itself.
  std::vector<std::size_t> lowest, highest;
  std::vector<double> lost;
  double harmonic = 0;  // Σ 1/d over the reached nodes but the source

  explicit SourceTree(std::size_t n)
      : hops(n, unreachable), idom(n), depth(n), first(n), size(n), lowest(n), highest(n), lost(n) {}
};

Node common_dominator(const SourceTree& tree, Node a, Node b) {
  while (a != b) {
    if (tree.depth[a] >= tree.depth[b]) a = tree.idom[a];
    else b = tree.idom[b];
  }
  return a;
}

// SourceTree's subtree sizes, neighbour preorder bounds and lost sums, bottom-up.
void summarise(const Projection& projection, Node source, SourceTree& tree) {
  for (const Node u : tree.order) {
    tree.size[u] = 1;
    tree.lowest[u] = unreachable;
    tree.highest[u] = 0;
    tree.lost[u] = u == source ? 0 : 1.0 / static_cast<double>(tree.hops[u]);
  }
  for (auto it = tree.preorder.rbegin(); it != tree.preorder.rend(); ++it) {
    const Node w = *it;
    if (w == source) continue;
    const Node p = tree.idom[w];
    tree.size[p] += tree.size[w];
    tree.lost[p] += tree.lost[w];
    std::size_t low = tree.lowest[w], high = tree.highest[w];
    for (const Node u : projection.neighbors(w))
      if (tree.hops[u] != unreachable) {
        low = std::min(low, tree.first[u]);
        high = std::max(high, tree.first[u]);
      }
    tree.lowest[p] = std::min(tree.lowest[p], low);
    tree.highest[p] = std::max(tree.highest[p], high);
  }
}

// The search from `source`, its dominators (Cooper, Harvey and Kennedy's intersection, in
// breadth-first order: a node's predecessors all come before it) and the tree's preorder.
void grow(const Projection& projection, const Members& removed, Node source, SourceTree& tree) {
  for (const Node u : tree.order) tree.hops[u] = unreachable;
  tree.order.assign(1, source);
  tree.hops[source] = 0;
  tree.idom[source] = source;
  tree.depth[source] = 0;
  tree.harmonic = 0;
  for (std::size_t head = 0; head < tree.order.size(); ++head) {
    const Node u = tree.order[head];
    if (u != source) tree.depth[u] = tree.depth[tree.idom[u]] + 1;  // every predecessor came before
    for (const Node w : projection.neighbors(u)) {
      if (removed.in[w]) continue;
      if (tree.hops[w] == unreachable) {
        tree.hops[w] = tree.hops[u] + 1;
        tree.idom[w] = u;
        tree.order.push_back(w);
        tree.harmonic += 1.0 / static_cast<double>(tree.hops[w]);
      } else if (tree.hops[w] == tree.hops[u] + 1) {
        tree.idom[w] = common_dominator(tree, tree.idom[w], u);
      }
    }
  }
  // Preorder of the dominator tree: children by counting sort on the parent.
  std::vector<std::size_t> child_start(projection.node_count() + 1, 0);
  for (const Node u : tree.order)
    if (u != source) ++child_start[tree.idom[u] + 1];
  for (std::size_t i = 1; i < child_start.size(); ++i) child_start[i] += child_start[i - 1];
  std::vector<Node> children(tree.order.size());
  std::vector<std::size_t> fill(child_start.begin(), child_start.end() - 1);
  for (const Node u : tree.order)
    if (u != source) children[fill[tree.idom[u]]++] = u;
  tree.preorder.clear();
  std::vector<Node> stack{source};
  while (!stack.empty()) {
    const Node u = stack.back();
    stack.pop_back();
    tree.first[u] = tree.preorder.size();
    tree.preorder.push_back(u);
    for (std::size_t c = child_start[u]; c < child_start[u + 1]; ++c) stack.push_back(children[c]);
  }
  summarise(projection, source, tree);
}

// The change of the source's harmonic sum when `v` (reached, not the source) is removed too: v's
// own term and its dominated nodes' terms go; those nodes come back at their distances around v,
// found by a search inside them from their neighbours outside (whose distances stay).
double harmonic_change(const Projection& projection, const Members& removed, const SourceTree& tree, Node v,
                       std::vector<std::size_t>& scratch) {
  const std::size_t begin = tree.first[v], end = begin + tree.size[v];
  if (tree.lowest[v] >= begin && tree.highest[v] < end) return -tree.lost[v];  // all cut off
  const auto inside = [&](Node w) {  // dominated by v (first is stale for the nodes not reached)
    return w != v && tree.hops[w] != unreachable && tree.first[w] >= begin && tree.first[w] < end;
  };
  using Entry = std::pair<std::size_t, Node>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  for (std::size_t i = begin + 1; i < end; ++i) {
    const Node w = tree.preorder[i];
    scratch[w] = unreachable;
    for (const Node u : projection.neighbors(w))
      if (u != v && !removed.in[u] && tree.hops[u] != unreachable && !inside(u))
        scratch[w] = std::min(scratch[w], tree.hops[u] + 1);
    if (scratch[w] != unreachable) queue.emplace(scratch[w], w);
  }
  double change = -tree.lost[v];
  while (!queue.empty()) {
    const auto [d, w] = queue.top();
    queue.pop();
    if (d != scratch[w]) continue;
    change += 1.0 / static_cast<double>(d);
    for (const Node u : projection.neighbors(w))
      if (inside(u) && d + 1 < scratch[u]) {
        scratch[u] = d + 1;
        queue.emplace(d + 1, u);
      }
  }
  return change;
}

// Σ over the sources still there but v of the harmonic sum with v removed too, for each
// candidate v: exact for the candidates `exact` marks, else a lower bound (every node v
// dominates cut off), exact too when that is so. counts[v]: the sources summed.
void harmonic_totals(const Search& search, const Members& base, std::span<const Node> candidates,
                     const std::vector<bool>& exact, std::vector<double>& sums, std::vector<std::size_t>& counts) {
  const Projection& projection = search.projection;
  const std::size_t n = projection.node_count();
  // A fixed number of chunks of sources, each summed apart and then in chunk order: the same sums
  // whatever the thread count.
  const std::size_t chunks = std::min<std::size_t>(source_chunks, search.sources.size());
  std::vector<std::vector<double>> chunk_sums(chunks);
  std::vector<std::vector<std::size_t>> chunk_counts(chunks);
  detail::parallel_chunks(search.sources.size(), chunks, detail::thread_count(search.options.threads, chunks),
                          [&](std::size_t chunk, std::size_t first, std::size_t last) {
                            std::vector<double>& chunk_sum = chunk_sums[chunk];
                            std::vector<std::size_t>& chunk_count = chunk_counts[chunk];
                            chunk_sum.assign(n, 0.0);
                            chunk_count.assign(n, 0);
                            std::vector<std::size_t> scratch(n, unreachable);
                            SourceTree tree(n);
                            for (std::size_t i = first; i < last; ++i) {
                              const Node s = Projection::index(search.sources[i]);
                              if (base.in[s]) continue;
                              grow(projection, base, s, tree);
                              for (const Node v : candidates) {
                                if (v == s) continue;
                                ++chunk_count[v];
                                chunk_sum[v] += tree.harmonic;
                                if (tree.hops[v] != unreachable)
                                  chunk_sum[v] += exact[v] ? harmonic_change(projection, base, tree, v, scratch)
                                                           : -tree.lost[v];
                              }
                            }
                          });
  std::ranges::fill(sums, 0.0);
  std::ranges::fill(counts, 0);
  for (std::size_t c = 0; c < chunks; ++c)
    for (const Node v : candidates) {
      sums[v] += chunk_sums[c][v];
      counts[v] += chunk_counts[c][v];
    }
}

// DF of `base` plus each candidate (not in base) that might score above `floor` and within
// `tolerance` of the best; the others get -∞. A first pass bounds every candidate's DF from
// above (its dominated nodes cut off from each source); the best bounds are then computed
// exactly, 16 at a time, until no bound left can reach the best score found. Each pass is one
// search per source and its dominator tree: O(s (E · D + Σ_v E_v)), E_v the ties of the nodes
// v dominates, for the candidates computed exactly.
std::vector<double> distance_with_each(const Search& search, const Members& base, std::span<const Node> candidates,
                                       double floor) {
  const std::size_t n = search.projection.node_count(), left = n - base.size - 1;
  std::vector<double> sums(n);
  std::vector<std::size_t> counts(n);
  std::vector<bool> exact(n, candidates.size() <= 16);
  const auto scores_of = [&](std::vector<double>& scores) {
    Members with = base;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const Node v = candidates[i];
      if (counts[v] > 0) {
        scores[i] = fragmentation_of(sums[v] * static_cast<double>(left) / static_cast<double>(counts[v]), left);
        continue;
      }
      with.add(v);  // every source drawn is in the set: measure from all the nodes left
      scores[i] = distance_fragmentation({search.projection, search.options, {}, {}}, with);
      with.drop(v);
    }
  };
  harmonic_totals(search, base, candidates, exact, sums, counts);
  std::vector<double> bounds(candidates.size()), scores(candidates.size(), -HUGE_VAL);
  scores_of(bounds);
  if (candidates.size() <= 16) return bounds;
  std::vector<std::size_t> order(candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) { return bounds[a] > bounds[b]; });
  double best = -HUGE_VAL;
  for (std::size_t next = 0;
       next < order.size() && bounds[order[next]] > floor && bounds[order[next]] >= best - tolerance;) {
    exact.assign(n, false);
    for (std::size_t i = next; i < std::min(next + 16, order.size()); ++i) exact[candidates[order[i]]] = true;
    harmonic_totals(search, base, candidates, exact, sums, counts);
    std::vector<double> batch(candidates.size());
    scores_of(batch);
    for (; next < order.size() && exact[candidates[order[next]]]; ++next) {
      scores[order[next]] = batch[order[next]];
      best = std::max(best, batch[order[next]]);
    }
  }
  return scores;
}

// The score of `base` plus each candidate (none in base); for DF, only of those that might
// score above `floor` and come within tolerance of the best (the others -∞).
std::vector<double> scores_with_each(const Search& search, Members base, std::span<const Node> candidates,
                                     double floor = -HUGE_VAL) {
  switch (search.options.criterion) {
    case KeyPlayerCriterion::fragmentation: return fragmentation_with_each(search.projection, base, candidates);
    case KeyPlayerCriterion::reach:
      return reach_with_each(search.projection, base, candidates, search.options.reach_steps);
    case KeyPlayerCriterion::distance: break;
  }
  return distance_with_each(search, base, candidates, floor);
}

// The candidate of highest score that is not in `set`, first among equals; nullopt if none.
std::optional<std::pair<Node, double>> best_addition(const Search& search, std::span<const Node> set,
                                                     std::span<const Node> candidates) {
  const Members members(search.projection.node_count(), set);
  std::vector<Node> outside;
  for (const Node v : candidates)
    if (!members.in[v]) outside.push_back(v);
  const std::vector<double> scores = scores_with_each(search, members, outside);
  std::optional<std::pair<Node, double>> best;
  for (std::size_t i = 0; i < outside.size(); ++i)
    if (!best || scores[i] > best->second + tolerance) best = {{outside[i], scores[i]}};
  return best;
}

// A local optimum: Borgatti's swaps from `set`, the best improving one each round.
struct Optimum {
  std::vector<Node> set;
  double score = 0;
  std::size_t swaps = 0;
};

Optimum improve(const Search& search, std::vector<Node> set) {
  Optimum optimum{set, score(search, Members(search.projection.node_count(), set)), 0};
  for (;;) {
    std::optional<std::pair<std::size_t, Node>> swap;
    double best = optimum.score + tolerance;
    for (std::size_t i = 0; i < set.size(); ++i) {
      std::vector<Node> others = set;
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(i));
      Members base(search.projection.node_count(), others);
      std::vector<Node> outside;
      for (const Node v : search.candidates)
        if (v != set[i] && !base.in[v]) outside.push_back(v);
      const std::vector<double> scores = scores_with_each(search, std::move(base), outside, best);
      for (std::size_t c = 0; c < outside.size(); ++c)
        if (scores[c] > best) {
          best = scores[c];
          swap = {{i, outside[c]}};
        }
    }
    if (!swap) return optimum;
    set[swap->first] = swap->second;
    optimum = {set, best, optimum.swaps + 1};
  }
}

// The greedy start: k times, the candidate that scores best with those chosen.
std::vector<Node> greedy(const Search& search, std::size_t k) {
  std::vector<Node> set;
  while (set.size() < k) set.push_back(best_addition(search, set, search.candidates)->first);
  return set;
}

// The greedy start and options.restarts random ones, each improved; the best, earliest among equals.
Optimum best_set(const Search& search, std::size_t k, std::size_t& starts) {
  Optimum best = improve(search, greedy(search, k));
  starts = 1;
  for (std::size_t r = 0; r < search.options.restarts && k < search.candidates.size(); ++r, ++starts) {
    std::vector<Node> start;
    for (const NodeId i : sample_nodes(search.candidates.size(), k, search.options.seed + r))
      start.push_back(search.candidates[Projection::index(i)]);
    Optimum optimum = improve(search, std::move(start));
    if (optimum.score > best.score + tolerance) best = std::move(optimum);
  }
  return best;
}

// The search's inputs for `options` on `projection`; throws std::invalid_argument on bad ones.
Search prepare(const Projection& projection, const KeyPlayerOptions& options) {
  if (projection.directed()) throw std::invalid_argument("key players: the projection must be undirected");
  if (options.reach_steps == 0) throw std::invalid_argument("key players: reach_steps must be at least 1");
  const std::size_t n = projection.node_count();
  const std::size_t samples = options.criterion != KeyPlayerCriterion::distance
                                  ? 0
                                  : options.samples.value_or(n > key_player_exact_limit ? key_player_samples : 0);
  std::vector<Node> nodes(n);
  for (Node u = 0; u < n; ++u) nodes[u] = u;
  return {projection, options, sample_nodes(n, samples, options.seed), std::move(nodes)};
}

// `set` in greedy order within it, with the score of each prefix.
void order_members(const Search& search, std::vector<Node> set, KeyPlayerSet& result) {
  std::vector<Node> chosen;
  while (!set.empty()) {
    const auto [next, value] = *best_addition(search, chosen, set);
    chosen.push_back(next);
    set.erase(std::ranges::find(set, next));
    result.members.push_back(search.projection.entity(Projection::id(next)));
    result.curve.push_back(value);
    if (search.options.criterion == KeyPlayerCriterion::reach)
      result.curve_reached.push_back(
          reached(search.projection, Members(search.projection.node_count(), chosen), search.options.reach_steps));
  }
}

}  // namespace

template <>
std::span<const std::string_view> names<KeyPlayerCriterion>() noexcept {
  return criterion_names;
}

std::string_view to_string(KeyPlayerCriterion criterion) noexcept { return name_of(criterion); }

std::optional<KeyPlayerCriterion> parse_key_player_criterion(std::string_view name) noexcept {
  return parse<KeyPlayerCriterion>(name);
}

KeyPlayerSet key_players(const Projection& projection, std::size_t k, const KeyPlayerOptions& options) {
  k = std::min(k, projection.node_count());
  const Search search = prepare(projection, options);
  KeyPlayerSet result;
  result.criterion = options.criterion;
  result.start = score(search, Members(projection.node_count(), {}));
  if (search.sources.size() < projection.node_count()) {
    result.samples = search.sources.size();
    result.error_bound = std::sqrt(std::log(2 / 0.05) / (2 * static_cast<double>(result.samples)));
  }
  if (k == 0) {
    result.score = result.start;
    return result;
  }
  const Optimum best = best_set(search, k, result.starts);
  result.swaps = best.swaps;
  order_members(search, best.set, result);
  result.score = result.curve.back();
  if (!result.curve_reached.empty()) result.reached = result.curve_reached.back();
  return result;
}

KeyPlayerSet key_players(const Network& network, std::size_t k, const KeyPlayerOptions& options) {
  KeyPlayerSet result = key_players(network.projection(), k, options);
  const auto& members = result.members;
  for (auto member = members.begin(); member != members.end(); ++member)
    result.relations.push_back(network.relations_of(*member, [&](Vertex other) {
      return network.projection().node(other) && std::find(members.begin(), member, other) == member;
    }));
  return result;
}

double key_player_score(const Projection& projection, std::span<const Vertex> set, const KeyPlayerOptions& options) {
  std::vector<Node> nodes;
  for (const Vertex entity : set) {
    const auto node = projection.node(entity);
    if (!node) throw std::invalid_argument("key players: the projection has no entity " + std::to_string(entity));
    nodes.push_back(Projection::index(*node));
  }
  const Search search = prepare(projection, options);
  return score(search, Members(projection.node_count(), nodes));
}

}  // namespace cartelgraph
