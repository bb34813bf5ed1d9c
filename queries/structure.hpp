#pragma once
// Structure: the brokers whose removal splits the network, and its cores.

#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// An articulation point and how many pieces its component falls into without it.
struct Broker {
  Vertex entity;
  std::size_t pieces = 0;  // biconnected components around it
};

/// A bridge: a tie whose removal disconnects its two ends.
struct Bridge {
  Vertex a;
  Vertex b;
};

/// Articulation points (most pieces first, then load order) and bridges of an undirected
/// projection, with its number of connected components.
struct BrokerReport {
  std::vector<Broker> brokers;
  std::vector<Bridge> bridges;
  std::size_t components = 0;
};

/// Brokers and bridges via Boost's biconnected_components (a bridge is a biconnected component
/// of one edge). Undirected projection. O(V + E).
[[nodiscard]] BrokerReport brokers(const Projection& projection);

/// The k-core number of every node (Boost core_numbers). Undirected projection. O(V + E).
[[nodiscard]] std::vector<std::size_t> core_numbers(const Projection& projection);

}  // namespace cartelgraph
