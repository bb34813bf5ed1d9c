#pragma once
// Hop distances in a projection.

#include <limits>
#include <vector>

#include "graph/projection.hpp"

namespace cartelgraph {

/// Distance of a node that cannot be reached.
inline constexpr std::size_t unreachable = std::numeric_limits<std::size_t>::max();

/// Hop distances from `source` to every node (along arcs when directed); `unreachable` for
/// nodes it cannot reach. Boost breadth-first search, O(V + E).
[[nodiscard]] std::vector<std::size_t> hop_distances(const Projection& projection,
                                                     Projection::Node source);

/// Component label of every node (weakly connected when directed), labels 0…count-1 in order of
/// each component's first node. O(V + E).
[[nodiscard]] std::vector<std::size_t> component_labels(const Projection& projection,
                                                        std::size_t* count = nullptr);

}  // namespace cartelgraph
