#pragma once
// Hop distances in a projection.

#include <limits>
#include <vector>

#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph {

/// Distance of a node that cannot be reached.
inline constexpr std::size_t unreachable = std::numeric_limits<std::size_t>::max();

/// Hop distances from `source` to every node (along arcs when directed); `unreachable` for
/// nodes it cannot reach. Boost breadth-first search, O(V + E).
[[nodiscard]] std::vector<std::size_t> hop_distances(const Projection& projection,
                                                     Projection::Node source);

/// Connected components (weakly connected when directed).
struct Components {
  std::vector<std::size_t> label;  // per node, 0…count-1 in order of each component's first node
  std::size_t count = 0;
};

/// The connected components of a projection. O(V + E).
[[nodiscard]] Components connected_components(const Projection& projection);

}  // namespace cartelgraph
