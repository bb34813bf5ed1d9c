#pragma once
// What changed between two dates: the relations that began or ended, and how alliance blocs and
// the sides of conflicts differ between the graph as of the first date and as of the second.
//
// Dates and the window. Two dates `from` < `to` define the window of days after `from` up to
// and including `to`, each bound taken at its last day, as --as-of takes it: --from 2021-01
// --to 2021-06 is the days 2021-02-01 … 2021-06-30. A relation is placed in time by the rule of
// holds_on (graph/relation.hpp), so that a relation listed as begun in the window is one that
// does not certainly hold as of `from` and does as of `to` (unless it also ended):
//   - a start known only to the month or year counts from its last day: "2021-03" began in
//     (2021-01, 2021-06]; a start "2021" against --from 2021-06 --to 2022-01 began in the window
//     (2021-12-31), and against --from 2021-01 --to 2021-06 it did not (it counts after the
//     window);
//   - an end known only to the month or year counts from its first day (the relation no longer
//     certainly holds the day after): an end "2021" against --from 2021-06 ended before the
//     window; an end "2021-03" ended in (2021-01, 2021-06].
// Such a coarse date whose period crosses a bound is flagged (`certain` false) where the rule
// puts it in the window, and listed in `possible` where the rule puts it outside but its period
// overlaps the window: the answer never hides that a month or year could fall either side.
// A relation whose start is unknown but which is known to hold by a date (`known_by`) is never
// listed as begun: when known_by's period overlaps the window it is listed in `possible` (with
// boundary `known`), since it may have begun in the window or before it. By holds_on's rule it
// holds as of `to` and not as of `from`, so blocs and sides count it as a tie that began.
// Likewise a relation whose end is unknown but which is known to have ended by a date
// (`ended_by`) is never listed as ended, only in `possible` (boundary `ended_by`) when that
// date's period overlaps the window; blocs and sides count it as ended from that period's first
// day (holds_on).

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/timeline.hpp"

namespace cartelgraph {

/// A start or end of a relation, placed against the window.
struct WindowEvent {
  TimelineEvent event;  // the timeline's event: date, relation, began or ended
  bool certain = true;  // the date's whole period lies in the window (always, for a day)
};

/// A bloc or a conflict followed across the two dates. Blocs (conflicts) of the two dates that
/// share a group are the same one: the pieces linked by shared groups form one change, so a
/// merge or a split is one change listing every group on either side of it.
struct GroupSetChange {
  std::vector<Vertex> before;     // its groups as of `from`, load order; empty: it formed
  std::vector<Vertex> after;      // its groups as of `to`, load order; empty: it dissolved
  std::vector<Vertex> joined;     // in `after`, not in `before`
  std::vector<Vertex> left;       // in `before`, not in `after`
  std::size_t pieces_before = 0;  // blocs (conflicts) as of `from` it is made of: 2+ merged
  std::size_t pieces_after = 0;   // as of `to`: 2+ split
  std::vector<Edge> began;        // the ties among its groups that hold as of `to`, not `from`
  std::vector<Edge> ended;        // the ties among its groups that hold as of `from`, not `to`
  /// Conflicts only: the two camps (groups, load order) of each conflict it is made of.
  std::vector<std::array<std::vector<Vertex>, 2>> camps_before{};
  std::vector<std::array<std::vector<Vertex>, 2>> camps_after{};
};

/// What kind of change a GroupSetChange is.
enum class SetChange : unsigned char {
  formed,     // no groups as of `from`
  dissolved,  // no groups as of `to`
  merged,     // two or more pieces as of `from`, one as of `to`
  split,      // one piece as of `from`, two or more as of `to`
  regrouped,  // two or more pieces on both dates
  changed,    // one piece on each date, with groups joined or left
};

/// The kind of `change`, from its groups and pieces.
[[nodiscard]] SetChange kind_of(const GroupSetChange& change) noexcept;

/// `formed`, `dissolved`, `merged`, `split`, `regrouped` or `changed`.
[[nodiscard]] std::string_view to_string(SetChange change) noexcept;

/// A group whose alignment changed, with its alliance and rivalry ties that explain it.
struct GroupChange {
  Vertex group;
  std::vector<Edge> began;  // its signed ties that hold as of `to`, not `from`
  std::vector<Edge> ended;  // its signed ties that hold as of `from`, not `to`
};

/// A group on the other side of its conflict as of `to` than as of `from`: its camp's groups on
/// each date. Camps are matched so that the most groups keep their side (ties keep camp A with
/// camp A); the groups that still differ changed side.
struct SideSwitch {
  GroupChange change;
  std::vector<Vertex> camp_before;  // load order
  std::vector<Vertex> camp_after;   // load order
};

/// How the sides of conflicts changed.
struct SidesChange {
  std::size_t conflicts_before = 0;       // conflicts as of `from`
  std::size_t conflicts_after = 0;        // as of `to`
  std::vector<GroupSetChange> conflicts;  // conflicts that appeared, ended or changed groups
  std::vector<SideSwitch> switched;       // groups in a conflict on both dates that changed side
  std::vector<GroupChange> aligned;       // unaligned as of `from`, with a signed tie as of `to`
  std::vector<GroupChange> unaligned;     // the reverse
};

/// The answer of changes(): keyed by entity and relation, no text.
struct Changes {
  Date from;
  Date to;
  std::vector<WindowEvent> began{};       // earliest first (the timeline's order)
  std::vector<WindowEvent> ended{};       // earliest first
  std::vector<TimelineEvent> possible{};  // outside the window by the rule, period overlapping
                                          // it; and every `known` event overlapping the window
  std::size_t blocs_before = 0;           // blocs as of `from`
  std::size_t blocs_after = 0;            // as of `to`
  std::vector<GroupSetChange> blocs{};    // blocs that formed, dissolved or changed groups
  SidesChange sides{};
  std::size_t undated = 0;         // relations in scope with no date: in both snapshots, not placed
  std::size_t undated_signed = 0;  // of the alliances and rivalries blocs and sides rest on (all
                                   // entities), those with no date: counted on both dates
};

/// What changed in `view` (the view as the user filtered it, without an as-of date: the query
/// sets its own) between `from` and `to`. The relations that began and ended, and the undated
/// count, are those touching `entity` when given; blocs and sides compare factions() of the
/// whole view as of `from` and as of `to` (the timeline's filter with as_of set). Throws Error
/// (usage) unless `from` ends before `to` (2021 against 2021-12 is the same window end).
/// O(E log E) plus two factions() runs.
[[nodiscard]] Changes changes(const GraphView& view, const Date& from, const Date& to,
                              std::optional<Vertex> entity = std::nullopt);

}  // namespace cartelgraph
