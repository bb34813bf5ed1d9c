#pragma once
// Time-respecting paths: chains of relations that hold in time order (i2's "sequential events").
//
// The rule. Time runs in days. Each hop is given a day on which a relation between its two
// entities certainly holds, by the rule --as-of uses (holds_on: a start known only to the month
// or year counts from its last day, an end from its first), and never earlier than the day given
// to the hop before it: the earliest such day. The clock starts at the first day of the start
// date (`from_date`: 2021-03 starts on 2021-03-01), or is open (any time) without one; it stays
// open until a hop's relation has a start (since or known_by), so a relation known only by its
// end can be crossed at any time before it. Parallel relations between two entities are
// alternatives: any one of them can carry the hop, and the one(s) allowing the earliest day do.
// Undated relations (no since, until, known_by or ended_by) follow UndatedPolicy: `skip` leaves
// them out, as --dated-only does; `allow` lets them be crossed at any time, the clock unmoved.
// In the people network a tie through a shared group is carried by both people's memberships of
// the group, and its day must be one on which both hold.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/queries/network.hpp"

namespace cartelgraph {

/// What undated relations do in a time-respecting path: skip (not crossed, as --dated-only) or
/// allow (crossed at any time, not moving the clock).
enum class UndatedPolicy : unsigned char { skip, allow };

/// `skip`, `allow`.
template <>
[[nodiscard]] std::span<const std::string_view> names<UndatedPolicy>() noexcept;
[[nodiscard]] std::string_view to_string(UndatedPolicy policy) noexcept;
/// The policy's rule, in one sentence for help texts and answers.
[[nodiscard]] std::string_view describe(UndatedPolicy policy) noexcept;

/// A time on the clock: the day used for ordering, and that day as the data gives it (the
/// relation start or start date that set it, at its own precision: a hop made possible by a
/// relation dated 2018-05 reads 2018-05, its day 2018-05-31). Both nullopt: open, any time.
struct HopTime {
  std::optional<Date> day;   // day precision
  std::optional<Date> date;  // at its precision
  [[nodiscard]] bool open() const noexcept { return !day; }
};

/// True if `a` is earlier than `b` (an open time is earlier than any day). O(1).
[[nodiscard]] bool earlier(const HopTime& a, const HopTime& b) noexcept;

/// One hop of a time-respecting path: its entities, the relations that carry it at its time
/// (every alternative allowing that earliest day; in the people network, both memberships of a
/// shared group or a direct relation), and the time it is given.
struct TemporalHop {
  Vertex from;
  Vertex to;
  std::vector<Edge> relations;
  HopTime time;
  bool undated = false;  // carried by undated relations alone (policy allow): the clock did not move
};

/// A time-respecting path and the time it arrives (its last hop's, or the start's when empty).
struct TemporalPath {
  std::vector<Vertex> entities;
  std::vector<TemporalHop> hops;
  HopTime arrival;
  [[nodiscard]] std::size_t length() const noexcept { return hops.size(); }
};

/// What to look for: the start date (nullopt: the clock starts open). The undated policy is
/// the TemporalTies'.
struct TemporalQuery {
  std::optional<Date> from_date;
};

/// Why no time-respecting path was found: none (one was); an entity is outside the network;
/// no path at all, even untimed; only through undated relations, which skip excluded; or paths
/// exist but none in time order (from the start date).
enum class TemporalFailure : unsigned char { none, outside_network, no_path, only_undated, not_in_time_order };

/// `none`, `outside_network`, `no_path`, `only_undated`, `not_in_time_order`.
template <>
[[nodiscard]] std::span<const std::string_view> names<TemporalFailure>() noexcept;
[[nodiscard]] std::string_view to_string(TemporalFailure failure) noexcept;

/// The answer of find_temporal_path.
struct TemporalPathResult {
  std::optional<Date> from_date;                // the query's
  UndatedPolicy undated = UndatedPolicy::skip;  // the policy the ties were built with
  std::optional<TemporalPath> shortest;         // fewest hops; the earliest arrival among those
  std::optional<TemporalPath> earliest;         // the earliest arrival; the fewest hops among those
  TemporalFailure failure = TemporalFailure::none;
};

/// The ties a time-respecting search crosses: a projection, and for each of its arcs
/// (edge_index) the carriers of the tie (each a set of relations that must all hold on the hop's
/// day), undated ones left out under skip.
class TemporalTies {
 public:
  using Carrier = std::vector<Edge>;
  /// Every relation of `view` (from→to only when `directed`; symmetric kinds both ways), each a
  /// carrier. The view must outlive the result. O(V + E log E).
  static TemporalTies of_view(const GraphView& view, bool directed, UndatedPolicy policy);
  /// The ties of `network`: as of_view (undirected) for criminal and all; for people, a direct
  /// relation, or a shared group's pair of memberships. The network must outlive the result.
  static TemporalTies of_network(const Network& network, UndatedPolicy policy);

  [[nodiscard]] const KnowledgeGraph& knowledge_graph() const noexcept { return *graph_; }
  [[nodiscard]] const Projection& projection() const noexcept { return own_ ? *own_ : *projection_; }
  [[nodiscard]] UndatedPolicy policy() const noexcept { return policy_; }
  /// The carriers of arc `arc` (edge_index of projection()); empty when skip left out them all.
  [[nodiscard]] std::span<const Carrier> carriers(std::size_t arc) const { return carriers_[arc]; }

 private:
  TemporalTies(const KnowledgeGraph& graph, UndatedPolicy policy) : graph_(&graph), policy_(policy) {}
  void add_relations(const GraphView& view, bool directed);

  const KnowledgeGraph* graph_;
  std::optional<Projection> own_;           // of_view's projection
  const Projection* projection_ = nullptr;  // of_network's
  UndatedPolicy policy_;
  std::vector<std::vector<Carrier>> carriers_;  // by arc
};

/// The earliest time of a hop over `carriers` made no earlier than `clock`, or nullopt if no
/// carrier holds on or after it; `chosen` (when given) receives the carriers allowing that time.
/// O(relations of the carriers).
[[nodiscard]] std::optional<HopTime> hop_time(const KnowledgeGraph& graph,
                                              std::span<const TemporalTies::Carrier> carriers, const HopTime& clock,
                                              std::vector<std::size_t>* chosen = nullptr);

/// How early each entity can be reached from `from` by a time-respecting path, and in how many
/// hops (of the path found, not necessarily the fewest).
struct Arrival {
  bool reached = false;
  HopTime time;
  std::size_t hops = 0;
};

/// The earliest arrival at every node of `ties`' projection from `from` (Dijkstra on times: a
/// hop's earliest time never decreases as its start does, so the first time settled is the
/// earliest). The start itself is reached at the start time. Throws std::out_of_range if `from`
/// is outside the projection. O((V + E) log V · carriers).
[[nodiscard]] NodeValues<Arrival> earliest_arrivals(const TemporalTies& ties, Vertex from, const TemporalQuery& query);

/// The shortest time-respecting path from `from` to `to` (fewest hops, ties broken by the
/// earliest arrival) and the earliest-arriving one (ties broken by fewest hops), or why there is
/// none. Hop counts are found layer by layer (Bellman–Ford by hops: the earliest arrival within
/// k hops), up to the hops the earliest path needs. O(k · (V + E) · carriers) time, O(V + improvements)
/// memory, k the hops of the earliest-arriving path.
[[nodiscard]] TemporalPathResult find_temporal_path(const TemporalTies& ties, Vertex from, Vertex to,
                                                    const TemporalQuery& query);

}  // namespace cartelgraph
