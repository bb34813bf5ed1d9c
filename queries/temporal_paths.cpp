#include "cartelgraph/queries/temporal_paths.hpp"

#include <algorithm>
#include <array>
#include <deque>
#include <limits>
#include <queue>
#include <stdexcept>

namespace cartelgraph {

namespace {

using Node = Projection::Node;
using Carrier = TemporalTies::Carrier;
constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

constexpr std::array<std::string_view, 2> policy_names = {"skip", "allow"};
constexpr std::array<std::string_view, 2> policy_rules = {
    "skip: a relation with no date (no since, until, known_by or ended_by) is not crossed, as --dated-only",
    "allow: a relation with no date can be crossed at any time, without moving the clock"};
constexpr std::array<std::string_view, 5> failure_names = {"none", "outside_network", "no_path", "only_undated",
                                                           "not_in_time_order"};

// The earliest time on or after `clock` at which every relation of `carrier` holds, or nullopt.
// The day is the latest of the clock and each relation's start bound read at its last day (the
// rule of holds_on); holds_on then says whether every relation still holds on it, and since a
// relation holds on an interval of days, no later day can do better.
std::optional<HopTime> carrier_time(const KnowledgeGraph& graph, const Carrier& carrier, const HopTime& clock) {
  HopTime time = clock;
  for (const Edge e : carrier)
    if (const auto start = start_bound(graph.relation(e)); start && (!time.day || *time.day < start->last_day()))
      time = {start->last_day(), *start};
  if (time.day)
    for (const Edge e : carrier)
      if (!holds_on(graph.relation(e), *time.day)) return std::nullopt;
  return time;
}

// True if a relation of `carrier` is undated (skip leaves the carrier out).
bool has_undated(const KnowledgeGraph& graph, const Carrier& carrier) {
  return std::any_of(carrier.begin(), carrier.end(), [&graph](Edge e) { return !is_dated(graph.relation(e)); });
}

// True if every relation of `carrier` is undated: it is crossed at the clock's time.
bool all_undated(const KnowledgeGraph& graph, const Carrier& carrier) {
  return std::none_of(carrier.begin(), carrier.end(), [&graph](Edge e) { return is_dated(graph.relation(e)); });
}

bool same_time(const HopTime& a, const HopTime& b) noexcept { return !earlier(a, b) && !earlier(b, a); }

HopTime start_time(const TemporalQuery& query) {
  if (!query.from_date) return {};
  return {query.from_date->first_day(), *query.from_date};
}

// Nodes reached from `source` over the arcs `crossable` accepts (breadth-first).
template <class Crossable>
std::vector<bool> reachable(const Projection& projection, Node source, Crossable crossable) {
  std::vector<bool> seen(projection.node_count(), false);
  std::deque<Node> queue{source};
  seen[source] = true;
  while (!queue.empty()) {
    const Node u = queue.front();
    queue.pop_front();
    const auto next = projection.neighbors(u);
    for (std::size_t i = 0; i < next.size(); ++i)
      if (!seen[next[i]] && crossable(projection.first_arc(u) + i)) {
        seen[next[i]] = true;
        queue.push_back(next[i]);
      }
  }
  return seen;
}

// Why `target` was not reached in time order from `source`.
TemporalFailure diagnose(const TemporalTies& ties, Node source, Node target) {
  const Projection& projection = ties.projection();
  if (!reachable(projection, source, [](std::size_t) { return true; })[target]) return TemporalFailure::no_path;
  const auto carried = [&ties](std::size_t arc) {
    return !ties.carriers(arc).empty();
  };
  if (!reachable(projection, source, carried)[target]) return TemporalFailure::only_undated;
  return TemporalFailure::not_in_time_order;
}

// The hop from `a` to `b` made no earlier than `clock`, with its chosen relations.
std::optional<TemporalHop> make_hop(const TemporalTies& ties, Node a, Node b, const HopTime& clock) {
  const Projection& projection = ties.projection();
  const auto arc = projection.arc_index(a, b);
  if (!arc) return std::nullopt;
  const auto carriers = ties.carriers(*arc);
  std::vector<std::size_t> chosen;
  const auto time = hop_time(ties.knowledge_graph(), carriers, clock, &chosen);
  if (!time) return std::nullopt;
  TemporalHop hop{projection.entity(Projection::id(a)), projection.entity(Projection::id(b)), {}, *time, false};
  for (const std::size_t i : chosen) {
    hop.relations.insert(hop.relations.end(), carriers[i].begin(), carriers[i].end());
    hop.undated = hop.undated || all_undated(ties.knowledge_graph(), carriers[i]);
  }
  return hop;
}

// The path through `nodes` (a time-respecting walk found by the search), its hops timed anew
// from the start: each the earliest its relations allow.
TemporalPath timed_path(const TemporalTies& ties, const std::vector<Node>& nodes, const HopTime& start) {
  TemporalPath path;
  path.arrival = start;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    path.entities.push_back(ties.projection().entity(Projection::id(nodes[i])));
    if (i == 0) continue;
    auto hop = make_hop(ties, nodes[i - 1], nodes[i], path.arrival);
    if (!hop) throw std::logic_error("time-respecting path: a hop found by the search cannot be made");
    path.arrival = hop->time;
    path.hops.push_back(std::move(*hop));
  }
  return path;
}

// Bellman–Ford by hops: layer k holds the earliest arrival within k hops and, for each node it
// improved, the node it came from (a node it did not improve kept layer k-1's time). Only the
// improvements are kept per layer, so memory grows with them, not with k · V.
class HopLayers {
 public:
  HopLayers(const TemporalTies& ties, Node source, const HopTime& start)
      : ties_(&ties), best_(ties.projection().node_count()) {
    best_[source] = start;
    parents_.emplace_back();
    changed_ = {source};
  }

  // Adds layer k+1; false when no arrival improved (every later layer would be the same).
  bool grow() {
    const Projection& projection = ties_->projection();
    std::vector<std::optional<HopTime>> next = best_;
    std::vector<std::pair<Node, Node>> parent;  // (node, the node it came from)
    std::vector<std::size_t> slot(best_.size(), none);
    for (const Node u : changed_) {
      const auto neighbors = projection.neighbors(u);
      for (std::size_t i = 0; i < neighbors.size(); ++i) {
        const Node v = neighbors[i];
        const auto time = hop_time(ties_->knowledge_graph(), ties_->carriers(projection.first_arc(u) + i), *best_[u]);
        if (!time || (next[v] && !earlier(*time, *next[v]))) continue;
        if (slot[v] == none) {
          slot[v] = parent.size();
          parent.emplace_back(v, u);
        }
        next[v] = time;
        parent[slot[v]].second = u;
      }
    }
    std::sort(parent.begin(), parent.end());
    changed_.clear();
    for (const auto& entry : parent) changed_.push_back(entry.first);
    best_ = std::move(next);
    parents_.push_back(std::move(parent));
    return !changed_.empty();
  }

  [[nodiscard]] std::size_t hops() const noexcept { return parents_.size() - 1; }
  [[nodiscard]] const std::optional<HopTime>& best(Node v) const { return best_[v]; }

  // The nodes of the walk that reaches `v` by its time in the last layer.
  [[nodiscard]] std::vector<Node> walk(Node v) const {
    std::vector<Node> nodes{v};
    for (std::size_t k = hops(); k > 0; --k) {
      const auto& layer = parents_[k];
      const auto it = std::lower_bound(layer.begin(), layer.end(), std::pair<Node, Node>(nodes.back(), 0));
      if (it != layer.end() && it->first == nodes.back()) nodes.push_back(it->second);
    }
    return {nodes.rbegin(), nodes.rend()};
  }

 private:
  const TemporalTies* ties_;
  std::vector<std::optional<HopTime>> best_;
  std::vector<std::vector<std::pair<Node, Node>>> parents_;  // by layer: (node, parent), by node
  std::vector<Node> changed_;                                // nodes the last layer improved
};

}  // namespace

template <>
std::span<const std::string_view> names<UndatedPolicy>() noexcept {
  return policy_names;
}

std::string_view to_string(UndatedPolicy policy) noexcept { return name_of(policy); }

std::string_view describe(UndatedPolicy policy) noexcept { return policy_rules[static_cast<std::size_t>(policy)]; }

template <>
std::span<const std::string_view> names<TemporalFailure>() noexcept {
  return failure_names;
}

std::string_view to_string(TemporalFailure failure) noexcept { return name_of(failure); }

bool earlier(const HopTime& a, const HopTime& b) noexcept {
  if (!b.day) return false;
  return !a.day || *a.day < *b.day;
}

std::optional<HopTime> hop_time(const KnowledgeGraph& graph, std::span<const Carrier> carriers, const HopTime& clock,
                                std::vector<std::size_t>* chosen) {
  std::optional<HopTime> best;
  for (std::size_t i = 0; i < carriers.size(); ++i) {
    const auto time = carrier_time(graph, carriers[i], clock);
    if (!time || (best && earlier(*best, *time))) continue;
    if (!best || earlier(*time, *best)) {
      best = time;
      if (chosen) chosen->clear();
    }
    if (chosen) chosen->push_back(i);
  }
  return best;
}

void TemporalTies::add_relations(const GraphView& view, bool directed) {
  const Projection& p = projection();
  carriers_.assign(boost::num_edges(p.graph()), {});
  const FilteredGraph g = view.graph();
  // One pass over the relations (relations_between per tie would cost Σ degree² on hubs): each
  // goes to its arc, and to the reverse arc when undirected or of a symmetric kind.
  const auto add = [&](Vertex a, Vertex b, Edge e) {
    const auto u = p.node(a);
    const auto v = p.node(b);
    if (!u || !v) return;
    if (const auto arc = p.arc_index(Projection::index(*u), Projection::index(*v))) carriers_[*arc].push_back({e});
  };
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Relation& relation = graph_->relation(e);
    if (policy_ == UndatedPolicy::skip && !is_dated(relation)) continue;
    add(boost::source(e, g), boost::target(e, g), e);
    if (!directed || kind_info(relation.kind).symmetric) add(boost::target(e, g), boost::source(e, g), e);
  }
}

TemporalTies TemporalTies::of_view(const GraphView& view, bool directed, UndatedPolicy policy) {
  TemporalTies ties(view.knowledge_graph(), policy);
  ties.own_.emplace(Projection::build(view, directed));
  ties.add_relations(view, directed);
  return ties;
}

TemporalTies TemporalTies::of_network(const Network& network, UndatedPolicy policy) {
  TemporalTies ties(network.view().knowledge_graph(), policy);
  ties.projection_ = &network.projection();
  const PeopleNetwork* people = network.people();
  if (!people) {
    ties.add_relations(network.view(), false);
    return ties;
  }
  const Projection& p = network.projection();
  ties.carriers_.assign(boost::num_edges(p.graph()), {});
  std::vector<Carrier> carriers;
  const auto keep = [&ties, &carriers](Carrier carrier) {
    if (ties.policy_ == UndatedPolicy::allow || !has_undated(*ties.graph_, carrier))
      carriers.push_back(std::move(carrier));
  };
  for (const PeopleTie& tie : people->ties()) {
    carriers.clear();
    for (const Edge e : tie.relations) keep({e});
    for (const Vertex group : tie.groups)
      for (const Edge ea : people->memberships(tie.a, group))
        for (const Edge eb : people->memberships(tie.b, group)) keep({ea, eb});
    const Node a = Projection::index(*p.node(tie.a));
    const Node b = Projection::index(*p.node(tie.b));
    ties.carriers_[*p.arc_index(a, b)] = carriers;
    ties.carriers_[*p.arc_index(b, a)] = carriers;
  }
  return ties;
}

NodeValues<Arrival> earliest_arrivals(const TemporalTies& ties, Vertex from, const TemporalQuery& query) {
  const Projection& projection = ties.projection();
  const auto source = projection.node(from);
  if (!source) throw std::out_of_range("earliest_arrivals: the start is outside the network");
  std::vector<Arrival> arrivals(projection.node_count());
  arrivals[Projection::index(*source)] = {true, start_time(query), 0};
  using Entry = std::pair<HopTime, Node>;
  const auto later = [](const Entry& a, const Entry& b) {
    return earlier(b.first, a.first);
  };
  std::priority_queue<Entry, std::vector<Entry>, decltype(later)> queue(later);
  std::vector<bool> settled(arrivals.size(), false);
  queue.emplace(arrivals[Projection::index(*source)].time, Projection::index(*source));
  while (!queue.empty()) {
    const Node u = queue.top().second;
    queue.pop();
    if (settled[u]) continue;
    settled[u] = true;
    const auto neighbors = projection.neighbors(u);
    for (std::size_t i = 0; i < neighbors.size(); ++i) {
      const Node v = neighbors[i];
      const auto time = hop_time(ties.knowledge_graph(), ties.carriers(projection.first_arc(u) + i), arrivals[u].time);
      if (settled[v] || !time || (arrivals[v].reached && !earlier(*time, arrivals[v].time))) continue;
      arrivals[v] = {true, *time, arrivals[u].hops + 1};
      queue.emplace(*time, v);
    }
  }
  return {projection, std::move(arrivals)};
}

TemporalPathResult find_temporal_path(const TemporalTies& ties, Vertex from, Vertex to, const TemporalQuery& query) {
  TemporalPathResult result{query.from_date, ties.policy(), {}, {}, TemporalFailure::none};
  const Projection& projection = ties.projection();
  const auto source = projection.node(from);
  const auto target = projection.node(to);
  if (!source || !target) {
    result.failure = TemporalFailure::outside_network;
    return result;
  }
  const Node s = Projection::index(*source);
  const Node t = Projection::index(*target);
  const Arrival earliest = earliest_arrivals(ties, from, query).at(*target);
  if (!earliest.reached) {
    result.failure = diagnose(ties, s, t);
    return result;
  }
  HopLayers layers(ties, s, start_time(query));
  while (!layers.best(t) && layers.grow()) {
  }
  result.shortest = timed_path(ties, layers.walk(t), start_time(query));
  while (!same_time(*layers.best(t), earliest.time) && layers.grow()) {
  }
  result.earliest = timed_path(ties, layers.walk(t), start_time(query));
  return result;
}

}  // namespace cartelgraph
