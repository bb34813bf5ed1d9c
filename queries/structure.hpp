#pragma once
// Structure: the brokers whose removal splits the network, and its cores.

#include <optional>
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

/// The k-core number of every entity of a projection.
class CoreNumbers : public NodeValues<std::size_t> {
 public:
  using NodeValues::NodeValues;
  /// The core number of `entity`, or nullopt if the projection left it out. O(log V).
  [[nodiscard]] std::optional<std::size_t> core(Vertex entity) const { return value(entity); }
  /// The largest core number; 0 for an empty projection. O(V).
  [[nodiscard]] std::size_t max_core() const;
  /// The entities of the k-core (core number at least k), in load order. O(V).
  [[nodiscard]] std::vector<Vertex> members(std::size_t k) const;
};

/// The k-core number of every entity (Boost core_numbers). Undirected projection. O(V + E).
[[nodiscard]] CoreNumbers core_numbers(const Projection& projection);

}  // namespace cartelgraph
