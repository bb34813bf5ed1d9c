#pragma once
// Timelines: dated relations in date order.

#include <optional>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// A dated relation: its date is its `since`, or its `until` when it has only an end.
struct TimelineEvent {
  Date date;
  Edge relation;
};

/// The dated relations of `view` (touching `entity`, when given), earliest first; equal dates
/// keep graph order (by source entity in load order). Undated relations are left out.
[[nodiscard]] std::vector<TimelineEvent> timeline(const GraphView& view,
                                                  std::optional<Vertex> entity = std::nullopt);

}  // namespace cartelgraph
