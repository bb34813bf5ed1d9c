#pragma once
// The connecting network of a set of entities (i2 Analyst's Notebook's "Find Connecting
// Network"): the smallest subgraph that ties them all together.

#include <span>
#include <utility>
#include <vector>

#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/paths.hpp"

namespace cartelgraph {

/// A tree of the projection that connects the terminals.
struct ConnectingNetwork {
  std::vector<Vertex> terminals;  // the entities asked for, in the order asked, duplicates removed
  std::vector<Vertex> entities;   // the tree's entities, terminals included, load order
  /// The tree's ties, each from the end nearer the first terminal to the farther one, depth first
  /// from the first terminal (so a chain reads in order).
  std::vector<std::pair<Vertex, Vertex>> ties;
  double length = 0;  // the ties' total length (hops when unweighted)
};

/// The connecting network of `terminals` in the undirected `projection`: an approximation of
/// the minimum Steiner tree, the lightest of Kou, Markowsky and Berman's (1981: a minimum spanning
/// tree of the terminals' metric closure, its shortest paths expanded), a star (the shortest
/// paths to the node nearest to all terminals in sum: the optimum for three terminals) and
/// Takahashi and Matsuyama's shortest path heuristic (1980: a tree grown from a terminal by the
/// shortest path to the nearest terminal left) from each of the first 16 terminals; each
/// finished as Kou's is, by a minimum spanning tree of the subgraph its nodes induce and the
/// pruning of leaves that are not terminals; then shortened by Steiner node insertion (up to 8
/// rounds, trying each node tied to two of the tree's). Kou's bound holds: the length is at most
/// 2(1 − 1/l) times the optimum (l leaves); it is optimal for up to three terminals. `lengths` are the arcs' lengths by edge_index (queries/paths.hpp
/// arc_costs); empty means one per tie; an infinite length is not crossed. Ties of equal length
/// are broken by node order, so the answer is deterministic. Throws Error (no_result) when two
/// terminals are not connected, Error (usage) if a terminal is not in the projection.
/// O(k · min(k, 16) · (E + V log V) + 8 · D · T log T), k terminals, D the degrees summed over
/// the tree's T nodes.
[[nodiscard]] ConnectingNetwork connecting_network(const Projection& projection, std::span<const Vertex> terminals,
                                                   std::span<const double> lengths = {});

/// The connecting network of `terminals` in `network`, a tie's length set by `weight` as for
/// paths (none: one per tie; confidence: the surest relation behind the tie, confidence_cost;
/// weight: 1/strength by the network's strengths()). Throws as the projection overload does.
[[nodiscard]] ConnectingNetwork connecting_network(const Network& network, std::span<const Vertex> terminals,
                                                   PathWeight weight = PathWeight::none);

}  // namespace cartelgraph
