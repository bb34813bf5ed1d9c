#include "cartelgraph/queries/changes.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph {

namespace {

// The window in days: after `from_day`, up to and including `to_day`.
struct Window {
  Date from_day;
  Date to_day;
};

// Where the rule (holds_on's) puts an event: a start at its period's last day, an end at its
// first day, the end day itself still holding. True if that falls in the window.
bool placed_in(const TimelineEvent& event, const Window& w) {
  if (event.boundary == TieBoundary::began) {
    const Date day = event.date.last_day();
    return w.from_day < day && !(w.to_day < day);
  }
  const Date day = event.date.first_day();
  return !(day < w.from_day) && day < w.to_day;
}

// True if every day of the event's period would fall in the window as a day-precision date.
bool wholly_in(const TimelineEvent& event, const Window& w) {
  const TimelineEvent first{event.date.first_day(), event.relation, event.boundary};
  const TimelineEvent last{event.date.last_day(), event.relation, event.boundary};
  return placed_in(first, w) && placed_in(last, w);
}

// True if some day of the event's period would fall in the window as a day-precision date (a
// `known` or `ended_by` date is placed as a start).
bool overlaps(const TimelineEvent& event, const Window& w) {
  const Date first = event.date.first_day();
  const Date last = event.date.last_day();
  // An end known by a date stops holding on a day of its period (not the day after, as an end
  // does): it is placed like a start.
  if (event.boundary != TieBoundary::ended) return !(w.to_day < first) && w.from_day < last;
  return first < w.to_day && !(last < w.from_day);
}

// A tie known to hold by a date, its start unknown, may have begun at any time up to that date
// (one known to have ended by a date, at any time up to that date): when the date's period
// overlaps the window, it possibly began (ended) in it, never certainly.
void place_events(const Timeline& timeline, const Window& window, Changes& changes) {
  for (const TimelineEvent& event : timeline.events) {
    if (event.boundary == TieBoundary::known || event.boundary == TieBoundary::ended_by) {
      if (overlaps(event, window)) changes.possible.push_back(event);
      continue;
    }
    if (!placed_in(event, window)) {
      if (overlaps(event, window)) changes.possible.push_back(event);
      continue;
    }
    auto& list = event.boundary == TieBoundary::began ? changes.began : changes.ended;
    list.push_back({event, wholly_in(event, window)});
  }
}

FactionReport factions_as_of(const GraphView& view, const Date& day) {
  ViewFilter filter = view.filter();
  filter.as_of = day;
  return factions(GraphView(view.knowledge_graph(), filter));
}

// The signed ties between groups a report rests on, each once, in report order.
std::vector<Edge> signed_ties(const FactionReport& report) {
  std::vector<Edge> ties;
  std::set<Edge> seen;
  const auto add = [&](const std::vector<Edge>& relations) {
    for (const Edge e : relations)
      if (seen.insert(e).second) ties.push_back(e);
  };
  for (const Bloc& bloc : report.blocs) add(bloc.relations);
  for (const Conflict& conflict : report.conflicts) add(conflict.relations);
  return ties;
}

// The ties of `ties` not in `other`, in their order.
std::vector<Edge> minus(const std::vector<Edge>& ties, const std::vector<Edge>& other) {
  const std::set<Edge> drop(other.begin(), other.end());
  std::vector<Edge> rest;
  std::ranges::copy_if(ties, std::back_inserter(rest), [&](const Edge e) { return !drop.contains(e); });
  return rest;
}

// The signed ties that hold as of `to` and not `from` (began), and the reverse (ended).
struct TieDifference {
  std::vector<Edge> began;
  std::vector<Edge> ended;
};

// The ties of `ties` with both ends in `groups` (sorted).
std::vector<Edge> ties_among(const Graph& g, const std::vector<Edge>& ties, const std::vector<Vertex>& groups) {
  std::vector<Edge> among;
  std::ranges::copy_if(ties, std::back_inserter(among), [&](const Edge e) {
    return std::ranges::binary_search(groups, boost::source(e, g)) &&
           std::ranges::binary_search(groups, boost::target(e, g));
  });
  return among;
}

// The ties of `ties` with `group` at one end.
std::vector<Edge> ties_of(const Graph& g, const std::vector<Edge>& ties, Vertex group) {
  std::vector<Edge> touching;
  std::ranges::copy_if(ties, std::back_inserter(touching),
                       [&](const Edge e) { return boost::source(e, g) == group || boost::target(e, g) == group; });
  return touching;
}

GroupChange group_change(const Graph& g, const TieDifference& ties, Vertex group) {
  return {group, ties_of(g, ties.began, group), ties_of(g, ties.ended, group)};
}

std::vector<Vertex> sorted_minus(const std::vector<Vertex>& a, const std::vector<Vertex>& b) {
  std::vector<Vertex> rest;
  std::ranges::set_difference(a, b, std::back_inserter(rest));
  return rest;
}

// Union–find root of `i`, with path halving.
std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) i = parent[i] = parent[parent[i]];
  return i;
}

// Pieces (blocs or conflicts) of the two dates, linked when they share a group: which linked
// component each piece is in (before's pieces first, then after's).
std::vector<std::size_t> link_pieces(const std::vector<std::vector<Vertex>>& before,
                                     const std::vector<std::vector<Vertex>>& after) {
  std::vector<std::size_t> parent(before.size() + after.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  std::map<Vertex, std::size_t> piece_of;
  for (std::size_t i = 0; i < before.size(); ++i)
    for (const Vertex v : before[i]) piece_of[v] = i;
  for (std::size_t j = 0; j < after.size(); ++j)
    for (const Vertex v : after[j])
      if (const auto it = piece_of.find(v); it != piece_of.end())
        parent[root(parent, before.size() + j)] = root(parent, it->second);
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = root(parent, i);
  return parent;
}

void add_groups(std::vector<Vertex>& into, const std::vector<Vertex>& groups, std::size_t& pieces) {
  into.insert(into.end(), groups.begin(), groups.end());
  ++pieces;
}

// The changes among pieces of the two dates, linked by shared groups; unchanged pieces (one on
// each date, the same groups) are left out. In load order of each change's first group.
std::vector<GroupSetChange> match_pieces(const Graph& g, const std::vector<std::vector<Vertex>>& before,
                                         const std::vector<std::vector<Vertex>>& after, const TieDifference& ties) {
  const std::vector<std::size_t> component = link_pieces(before, after);
  std::map<std::size_t, GroupSetChange> by_root;
  for (std::size_t i = 0; i < before.size(); ++i)
    add_groups(by_root[component[i]].before, before[i], by_root[component[i]].pieces_before);
  for (std::size_t j = 0; j < after.size(); ++j) {
    auto& change = by_root[component[before.size() + j]];
    add_groups(change.after, after[j], change.pieces_after);
  }
  std::vector<GroupSetChange> changes;
  for (auto& [unused, change] : by_root) {
    std::ranges::sort(change.before);
    std::ranges::sort(change.after);
    if (change.pieces_before == 1 && change.pieces_after == 1 && change.before == change.after) continue;
    change.joined = sorted_minus(change.after, change.before);
    change.left = sorted_minus(change.before, change.after);
    std::vector<Vertex> all;
    std::ranges::set_union(change.before, change.after, std::back_inserter(all));
    change.began = ties_among(g, ties.began, all);
    change.ended = ties_among(g, ties.ended, all);
    changes.push_back(std::move(change));
  }
  const auto first = [](const GroupSetChange& c) {
    return std::min(c.before.empty() ? ~Vertex{0} : c.before.front(), c.after.empty() ? ~Vertex{0} : c.after.front());
  };
  std::ranges::sort(changes, [&](const auto& x, const auto& y) { return first(x) < first(y); });
  return changes;
}

std::vector<std::vector<Vertex>> bloc_groups(const FactionReport& report) {
  std::vector<std::vector<Vertex>> groups;
  for (const Bloc& bloc : report.blocs) groups.push_back(bloc.groups);
  return groups;
}

std::vector<std::vector<Vertex>> conflict_groups(const FactionReport& report) {
  std::vector<std::vector<Vertex>> groups;
  for (const Conflict& conflict : report.conflicts) groups.push_back(conflict.groups);
  return groups;
}

// Where a group stands in a report: its conflict and camp.
struct Standing {
  std::size_t conflict;
  std::size_t camp;
};

// The camps of the conflicts of `report` whose groups are in `groups` (sorted).
std::vector<std::array<std::vector<Vertex>, 2>> camps_in(const FactionReport& report,
                                                         const std::vector<Vertex>& groups) {
  std::vector<std::array<std::vector<Vertex>, 2>> camps;
  for (const Conflict& c : report.conflicts)
    if (std::ranges::binary_search(groups, c.groups.front())) camps.push_back({c.camps[0].groups, c.camps[1].groups});
  return camps;
}

std::map<Vertex, Standing> standings(const FactionReport& report) {
  std::map<Vertex, Standing> result;
  for (std::size_t c = 0; c < report.conflicts.size(); ++c)
    for (std::size_t k = 0; k < 2; ++k)
      for (const Vertex v : report.conflicts[c].camps[k].groups) result[v] = {c, k};
  return result;
}

// The groups in a conflict on both dates that changed side. For each pair of conflicts (one per
// date) sharing groups, the camps are matched so that most of the shared groups keep their camp
// (a tie keeps A with A); the shared groups that still differ switched.
std::vector<SideSwitch> side_switches(const Graph& g, const FactionReport& before, const FactionReport& after,
                                      const TieDifference& ties) {
  struct Shared {
    Vertex group;
    Standing was;
    Standing now;
  };
  const auto was = standings(before);
  std::map<std::pair<std::size_t, std::size_t>, std::vector<Shared>> shared;  // by (conflict before, after)
  for (const auto& [v, now] : standings(after))
    if (const auto it = was.find(v); it != was.end())
      shared[{it->second.conflict, now.conflict}].push_back({v, it->second, now});
  std::vector<SideSwitch> switched;
  for (const auto& [unused, groups] : shared) {
    const auto kept = std::ranges::count_if(groups, [](const Shared& s) { return s.was.camp == s.now.camp; });
    const bool flipped = 2 * static_cast<std::size_t>(kept) < groups.size();
    for (const Shared& s : groups)
      if ((s.was.camp == s.now.camp) == flipped)
        switched.push_back({group_change(g, ties, s.group), before.conflicts[s.was.conflict].camps[s.was.camp].groups,
                            after.conflicts[s.now.conflict].camps[s.now.camp].groups});
  }
  std::ranges::sort(switched, [](const auto& x, const auto& y) { return x.change.group < y.change.group; });
  return switched;
}

std::vector<GroupChange> changes_of(const Graph& g, const TieDifference& ties, const std::vector<Vertex>& groups) {
  std::vector<GroupChange> result;
  for (const Vertex v : groups) result.push_back(group_change(g, ties, v));
  return result;
}

SidesChange compare_sides(const Graph& g, const FactionReport& before, const FactionReport& after,
                          const TieDifference& ties) {
  SidesChange sides;
  sides.conflicts_before = before.conflicts.size();
  sides.conflicts_after = after.conflicts.size();
  sides.conflicts = match_pieces(g, conflict_groups(before), conflict_groups(after), ties);
  for (GroupSetChange& change : sides.conflicts) {
    change.camps_before = camps_in(before, change.before);
    change.camps_after = camps_in(after, change.after);
  }
  sides.switched = side_switches(g, before, after, ties);
  sides.aligned = changes_of(g, ties, sorted_minus(before.unaligned, after.unaligned));
  sides.unaligned = changes_of(g, ties, sorted_minus(after.unaligned, before.unaligned));
  return sides;
}

}  // namespace

SetChange kind_of(const GroupSetChange& change) noexcept {
  if (change.pieces_before == 0) return SetChange::formed;
  if (change.pieces_after == 0) return SetChange::dissolved;
  if (change.pieces_before > 1) return change.pieces_after > 1 ? SetChange::regrouped : SetChange::merged;
  return change.pieces_after > 1 ? SetChange::split : SetChange::changed;
}

std::string_view to_string(SetChange change) noexcept {
  static constexpr std::array<std::string_view, 6> names = {"formed", "dissolved", "merged",
                                                            "split",  "regrouped", "changed"};
  return names[static_cast<std::size_t>(change)];
}

Changes changes(const GraphView& view, const Date& from, const Date& to, std::optional<Vertex> entity) {
  if (!(from.last_day() < to.last_day()))
    throw Error(ErrorCategory::usage,
                "the window must run forward: '" + from.to_string() + "' does not end before '" + to.to_string() + "'");
  Changes result{.from = from, .to = to};
  const Timeline events = timeline(view, entity);
  place_events(events, {from.last_day(), to.last_day()}, result);
  result.undated = events.undated;
  const FactionReport before = factions_as_of(view, from);
  const FactionReport after = factions_as_of(view, to);
  const std::vector<Edge> ties_before = signed_ties(before);
  const std::vector<Edge> ties_after = signed_ties(after);
  const KnowledgeGraph& kg = view.knowledge_graph();
  result.undated_signed = static_cast<std::size_t>(
      std::ranges::count_if(ties_before, [&](const Edge e) { return !is_dated(kg.relation(e)); }));
  const TieDifference ties{minus(ties_after, ties_before), minus(ties_before, ties_after)};
  const Graph& g = view.knowledge_graph().graph();
  result.blocs_before = before.blocs.size();
  result.blocs_after = after.blocs.size();
  result.blocs = match_pieces(g, bloc_groups(before), bloc_groups(after), ties);
  result.sides = compare_sides(g, before, after, ties);
  return result;
}

}  // namespace cartelgraph
