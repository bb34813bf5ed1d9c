#include "cartelgraph/queries/frustration.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <queue>
#include <random>

namespace cartelgraph {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
// Beyond this many nodes enumeration would take years: split_camps falls back to the heuristic.
constexpr std::size_t enumerable = 40;

// By node: the indices of its ties.
using Incidence = std::vector<std::vector<std::size_t>>;

Incidence incidence(std::size_t nodes, std::span<const SignedTie> ties) {
  Incidence incident(nodes);
  for (std::size_t t = 0; t < ties.size(); ++t) {
    incident[ties[t].a].push_back(t);
    incident[ties[t].b].push_back(t);
  }
  return incident;
}

std::size_t other_end(const SignedTie& tie, std::size_t v) { return tie.a == v ? tie.b : tie.a; }

// How the frustration changes if `v` changes camp: each of its ties flips between frustrated
// and not.
long move_change(std::span<const SignedTie> ties, const Incidence& incident, std::span<const unsigned char> camp,
                 std::size_t v) {
  long change = 0;
  for (const std::size_t t : incident[v]) change += is_frustrated(ties[t], camp) ? -1 : +1;
  return change;
}

// Every split with node 0 in camp 0, in Gray-code order: step k moves node ctz(k) + 1, so each
// step costs that node's degree.
CampSplit exact_split(std::size_t nodes, std::span<const SignedTie> ties, const Incidence& incident) {
  std::vector<unsigned char> camp(nodes, 0);
  long current = static_cast<long>(frustration_of(ties, camp));
  CampSplit best{camp, static_cast<std::size_t>(current), 0, true};
  const std::uint64_t splits = nodes > 1 ? std::uint64_t{1} << (nodes - 1) : 1;
  for (std::uint64_t k = 1; k < splits; ++k) {
    const std::size_t v = static_cast<std::size_t>(std::countr_zero(k)) + 1;
    current += move_change(ties, incident, camp, v);
    camp[v] ^= 1;
    if (static_cast<std::size_t>(current) < best.frustration) {
      best.camp = camp;
      best.frustration = static_cast<std::size_t>(current);
    }
  }
  best.lower_bound = best.frustration;
  return best;
}

// A BFS forest over the ties not yet `used`, each node coloured so that every tree tie is kept:
// the same colour across a positive tie, the other across a negative one.
struct Forest {
  std::vector<std::size_t> depth;
  std::vector<std::size_t> parent_tie;
  std::vector<unsigned char> colour;
};

Forest bfs_forest(std::size_t root, std::span<const SignedTie> ties, const Incidence& incident,
                  const std::vector<bool>& used) {
  const std::size_t nodes = incident.size();
  Forest forest{std::vector<std::size_t>(nodes, none), std::vector<std::size_t>(nodes, none),
                std::vector<unsigned char>(nodes, 0)};
  for (std::size_t i = 0; i < nodes; ++i) {
    const std::size_t start = (root + i) % nodes;
    if (forest.depth[start] != none) continue;
    forest.depth[start] = 0;
    std::queue<std::size_t> queue;
    for (queue.push(start); !queue.empty(); queue.pop()) {
      const std::size_t v = queue.front();
      for (const std::size_t t : incident[v]) {
        const std::size_t w = other_end(ties[t], v);
        if (used[t] || forest.depth[w] != none) continue;
        forest.depth[w] = forest.depth[v] + 1;
        forest.parent_tie[w] = t;
        forest.colour[w] = forest.colour[v] ^ (ties[t].sign < 0 ? 1 : 0);
        queue.push(w);
      }
    }
  }
  return forest;
}

// The cycle a non-tree tie closes in the forest: the tie and the tree paths from its ends up to
// their common ancestor.
std::vector<std::size_t> closed_cycle(const Forest& forest, std::span<const SignedTie> ties, std::size_t closing) {
  std::vector<std::size_t> cycle{closing};
  std::size_t a = ties[closing].a;
  std::size_t b = ties[closing].b;
  const auto climb = [&](std::size_t& v) {
    cycle.push_back(forest.parent_tie[v]);
    v = other_end(ties[forest.parent_tie[v]], v);
  };
  while (forest.depth[a] > forest.depth[b]) climb(a);
  while (forest.depth[b] > forest.depth[a]) climb(b);
  while (a != b) {
    climb(a);
    climb(b);
  }
  return cycle;
}

// An unbalanced cycle among the unused ties, or an empty list if none is left: the forest's
// colouring contradicts a tie exactly when the cycle it closes is unbalanced. The tie with the
// shallowest ends is taken, for short cycles and so a tighter packing.
std::vector<std::size_t> unbalanced_cycle(std::span<const SignedTie> ties, const Incidence& incident,
                                          const std::vector<bool>& used) {
  const Forest forest = bfs_forest(0, ties, incident, used);
  std::size_t best = none;
  std::size_t best_depth = none;
  for (std::size_t t = 0; t < ties.size(); ++t) {
    const SignedTie& tie = ties[t];
    if (used[t] || (forest.colour[tie.a] != forest.colour[tie.b]) == (tie.sign < 0)) continue;
    const std::size_t depth = forest.depth[tie.a] + forest.depth[tie.b];
    if (depth < best_depth) {
      best = t;
      best_depth = depth;
    }
  }
  return best == none ? std::vector<std::size_t>{} : closed_cycle(forest, ties, best);
}

std::vector<unsigned char> bfs_colouring(std::size_t root, std::span<const SignedTie> ties, const Incidence& incident) {
  return bfs_forest(root, ties, incident, std::vector<bool>(ties.size(), false)).colour;
}

// Moves one node at a time, in node order, while a move lowers the frustration.
void improve(std::span<const SignedTie> ties, const Incidence& incident, std::vector<unsigned char>& camp) {
  for (bool moved = true; moved;) {
    moved = false;
    for (std::size_t v = 0; v < camp.size(); ++v)
      if (move_change(ties, incident, camp, v) < 0) {
        camp[v] ^= 1;
        moved = true;
      }
  }
}

// Start 0 is the BFS colouring from node 0; odd starts BFS colourings from random roots; even
// ones random splits. Raw engine output, not a distribution, so every platform draws the same.
std::vector<unsigned char> starting_split(std::size_t start, std::span<const SignedTie> ties, const Incidence& incident,
                                          std::mt19937_64& random) {
  if (start == 0) return bfs_colouring(0, ties, incident);
  if (start % 2 == 1) return bfs_colouring(random() % incident.size(), ties, incident);
  std::vector<unsigned char> camp(incident.size());
  for (auto& c : camp) c = static_cast<unsigned char>(random() & 1);
  return camp;
}

CampSplit heuristic_split(std::span<const SignedTie> ties, const Incidence& incident, const SplitOptions& options) {
  std::mt19937_64 random(options.seed);
  CampSplit best{{}, none, 0, false};
  for (std::size_t start = 0; start < std::max<std::size_t>(options.starts, 1); ++start) {
    std::vector<unsigned char> camp = starting_split(start, ties, incident, random);
    improve(ties, incident, camp);
    if (camp[0] != 0)
      for (auto& c : camp) c ^= 1;
    const std::size_t found = frustration_of(ties, camp);
    if (found < best.frustration) best = {std::move(camp), found, 0, false};
  }
  best.lower_bound = unbalanced_cycle_bound(incident.size(), ties);
  best.exact = best.lower_bound == best.frustration;
  return best;
}

}  // namespace

bool is_frustrated(const SignedTie& tie, std::span<const unsigned char> camp) noexcept {
  return (tie.sign > 0) != (camp[tie.a] == camp[tie.b]);
}

std::size_t frustration_of(std::span<const SignedTie> ties, std::span<const unsigned char> camp) {
  return static_cast<std::size_t>(
      std::ranges::count_if(ties, [&](const SignedTie& t) { return is_frustrated(t, camp); }));
}

std::size_t unbalanced_cycle_bound(std::size_t nodes, std::span<const SignedTie> ties) {
  const Incidence incident = incidence(nodes, ties);
  std::vector<bool> used(ties.size(), false);
  std::size_t cycles = 0;
  for (auto cycle = unbalanced_cycle(ties, incident, used); !cycle.empty();
       cycle = unbalanced_cycle(ties, incident, used)) {
    for (const std::size_t t : cycle) used[t] = true;
    ++cycles;
  }
  return cycles;
}

CampSplit split_camps(std::size_t nodes, std::span<const SignedTie> ties, const SplitOptions& options) {
  const Incidence incident = incidence(nodes, ties);
  if (nodes <= std::min(options.exact_limit, enumerable)) return exact_split(nodes, ties, incident);
  return heuristic_split(ties, incident, options);
}

}  // namespace cartelgraph
