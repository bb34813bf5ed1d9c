#pragma once
// Timelines: when ties began and ended, in date order, and how many ties have no date at all.

#include <optional>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// Which end of a tie a timeline event is: its start (`since`), its end (`until`), or, when the
/// start is unknown, the date by which it is known to hold (`known_by`: it began then or earlier),
/// or, when the end is unknown, the date by which it is known to have ended (`ended_by`: it ended
/// then or earlier; a document calls it "former").
enum class TieBoundary : unsigned char { began, ended, known, ended_by };

/// `began`, `ended`, `known` or `ended_by`.
[[nodiscard]] std::string_view to_string(TieBoundary boundary) noexcept;

/// One end of a dated relation: its start (`since`) or what is known of it (`known_by`), or its
/// end (`until`) or what is known of it (`ended_by`), each its own event.
struct TimelineEvent {
  Date date;
  Edge relation;
  TieBoundary boundary = TieBoundary::began;
};

/// The events of a timeline, and the relations it leaves out for want of any date.
struct Timeline {
  std::vector<TimelineEvent> events;  // earliest first; equal dates keep graph order, began
                                      // first, then known, then ended, then ended_by
  std::size_t undated = 0;            // relations in scope with no since, until, known_by or
                                      // ended_by
};

/// The starts and ends of the relations of `view` (those touching `entity`, when given): a
/// relation dated both ways gives two events. O(E log E).
[[nodiscard]] Timeline timeline(const GraphView& view, std::optional<Vertex> entity = std::nullopt);

}  // namespace cartelgraph
