#pragma once
// Hop distances in a projection.

#include <limits>
#include <optional>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// Distance of a node that cannot be reached.
inline constexpr std::size_t unreachable = std::numeric_limits<std::size_t>::max();

/// Hop distances from `source` to every entity of the projection (along arcs when directed);
/// `unreachable` for those it cannot reach. Boost breadth-first search, O(V + E).
[[nodiscard]] NodeValues<std::size_t> hop_distances(const Projection& projection, NodeId source);

/// Connected components (weakly connected when directed): a label per entity, 0…count-1 in
/// order of each component's first entity.
class Components : public NodeValues<std::size_t> {
 public:
  Components() = default;
  /// Precondition: labels.size() == projection.node_count(), every label < count.
  Components(const Projection& projection, std::vector<std::size_t> labels, std::size_t count)
      : NodeValues(projection, std::move(labels)), count(count) {}
  /// The component of `entity`, or nullopt if the projection left it out. O(log V).
  [[nodiscard]] std::optional<std::size_t> component(Vertex entity) const { return value(entity); }
  /// The entities of component `label`, in load order. O(V).
  [[nodiscard]] std::vector<Vertex> members(std::size_t label) const;
  /// The number of entities in each component, by label. O(V).
  [[nodiscard]] std::vector<std::size_t> sizes() const;

  std::size_t count = 0;
};

/// The connected components of a projection. O(V + E).
[[nodiscard]] Components connected_components(const Projection& projection);

}  // namespace cartelgraph
