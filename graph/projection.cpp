#include "cartelgraph/graph/projection.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <stdexcept>

namespace cartelgraph {

namespace {

constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

// Sorts each row of a CSR (row starts and targets) and drops its repeats, in place: `start` then
// gives the kept rows.
void sort_rows(std::vector<std::size_t>& start, std::vector<Projection::Node>& column) {
  const std::size_t n = start.size() - 1;
  std::size_t kept = 0;
  for (std::size_t u = 0; u < n; ++u) {
    const auto row = std::span(column).subspan(start[u], start[u + 1] - start[u]);
    std::ranges::sort(row);
    start[u] = kept;
    for (std::size_t i = 0; i < row.size(); ++i)
      if (i == 0 || row[i] != row[i - 1]) column[kept++] = row[i];
  }
  start[n] = kept;
  column.resize(kept);
}

// The rows of `n` nodes from `arcs` (and each arc reversed too when `both_ways`), loops left out,
// grouped by source with a counting sort, then each row sorted and its repeats dropped: at a
// million entities several times faster than sorting every arc as a pair. The arcs come in a
// flat array rather than straight from a view so that the two passes over them are tight loops
// whose cache misses (the counts and rows they write are scattered) overlap.
template <class Pair>
std::pair<std::vector<std::size_t>, std::vector<Projection::Node>> group_rows(std::size_t n, std::span<const Pair> arcs,
                                                                              bool both_ways) {
  std::vector<std::size_t> start(n + 1, 0);
  for (const auto& [from, to] : arcs) {
    if (from == to) continue;
    ++start[from + 1];
    if (both_ways) ++start[to + 1];
  }
  for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
  std::vector<Projection::Node> column(start.back());
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const auto& [from, to] : arcs) {
      if (from == to) continue;
      column[next[from]++] = to;
      if (both_ways) column[next[to]++] = from;
    }
  }
  sort_rows(start, column);
  return {std::move(start), std::move(column)};
}

}  // namespace

Projection::Projection(std::vector<Vertex> entities, std::vector<std::pair<Node, Node>> arcs, bool directed)
    : directed_(directed), entities_(std::move(entities)) {
  auto [start, column] = group_rows(entities_.size(), std::span<const std::pair<Node, Node>>(arcs), !directed);
  adopt_rows(std::move(start), std::move(column));
}

Projection::Projection(std::vector<Vertex> entities, std::vector<std::size_t> start, std::vector<Node> column,
                       bool directed)
    : directed_(directed), entities_(std::move(entities)) {
  adopt_rows(std::move(start), std::move(column));
}

void Projection::adopt_rows(std::vector<std::size_t> start, std::vector<Node> column) {
  // Boost's CSR keeps its rows in these two public vectors (its own free functions read them):
  // moving ours in avoids copying every arc through its sorted-edges constructor (at a million
  // entities, 85 MB written and read once more).
  graph_ = Graph(entities_.size());
  graph_.m_forward.m_rowstart = std::move(start);
  graph_.m_forward.m_column = std::move(column);
  std::size_t max_entity = 0;
  for (const Vertex v : entities_) max_entity = std::max<std::size_t>(max_entity, v + 1);
  nodes_.assign(max_entity, npos);
  for (std::size_t i = 0; i < entities_.size(); ++i) nodes_[entities_[i]] = i;
}

Projection Projection::build(const GraphView& view, bool directed) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::vector<Vertex> entities;
  std::vector<std::size_t> node_of(kg.entity_count(), npos);
  for (const Vertex v : boost::make_iterator_range(boost::vertices(kg.graph())))
    if (view.contains(v)) {
      node_of[v] = entities.size();
      entities.push_back(v);
    }
  // The arcs of the relations the view keeps, as 32-bit node pairs (8 bytes a relation: the typed
  // graph numbers entities in 32 bits already), then grouped into rows. A relation gives an arc
  // from its source to its target and, when undirected or its kind is symmetric, one back (added
  // here when directed, by group_rows when not).
  using Arc = std::pair<std::uint32_t, std::uint32_t>;
  std::vector<Arc> arcs;
  arcs.reserve(kg.relation_count());
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const auto from = static_cast<std::uint32_t>(node_of[boost::source(e, g)]);
    const auto to = static_cast<std::uint32_t>(node_of[boost::target(e, g)]);
    arcs.emplace_back(from, to);
    if (directed && kind_info(kg.relation_kind(e)).symmetric) arcs.emplace_back(to, from);
  }
  node_of = {};
  auto [start, column] = group_rows(entities.size(), std::span<const Arc>(arcs), !directed);
  arcs = {};
  return Projection(std::move(entities), std::move(start), std::move(column), directed);
}

Projection Projection::from_edges(std::size_t n, std::span<const std::pair<std::size_t, std::size_t>> edges,
                                  bool directed) {
  std::vector<Vertex> entities(n);
  for (std::size_t i = 0; i < n; ++i) entities[i] = i;
  std::vector<std::pair<Node, Node>> arcs;
  for (const auto& [a, b] : edges) {
    if (a >= n || b >= n) throw std::out_of_range("edge names a node outside the projection");
    arcs.emplace_back(a, b);
  }
  return Projection(std::move(entities), std::move(arcs), directed);
}

Projection Projection::over(std::vector<Vertex> entities, std::span<const std::pair<Vertex, Vertex>> ties) {
  const auto node_of = [&](Vertex v) -> Node {
    const auto it = std::lower_bound(entities.begin(), entities.end(), v);
    if (it == entities.end() || *it != v) throw std::out_of_range("tie names an entity outside the projection");
    return static_cast<Node>(it - entities.begin());
  };
  std::vector<std::pair<Node, Node>> arcs;
  arcs.reserve(ties.size());
  for (const auto& [a, b] : ties) arcs.emplace_back(node_of(a), node_of(b));
  return Projection(std::move(entities), std::move(arcs), false);
}

Projection Projection::induced(const std::vector<bool>& keep) const {
  std::vector<Vertex> entities;
  std::vector<std::size_t> renumber(node_count(), npos);
  for (Node u = 0; u < node_count(); ++u)
    if (keep[u]) {
      renumber[u] = entities.size();
      entities.push_back(entities_[u]);
    }
  std::vector<std::pair<Node, Node>> arcs;
  for (Node u = 0; u < node_count(); ++u) {
    if (!keep[u]) continue;
    for (const Node v : neighbors(u))
      if (keep[v] && (directed_ || u < v)) arcs.emplace_back(renumber[u], renumber[v]);
  }
  return Projection(std::move(entities), std::move(arcs), directed_);
}

std::size_t Projection::edge_count() const noexcept {
  const std::size_t arcs = boost::num_edges(graph_);
  return directed_ ? arcs : arcs / 2;
}

std::optional<NodeId> Projection::node(Vertex entity) const {
  if (entity >= nodes_.size() || nodes_[entity] == npos) return std::nullopt;
  return id(nodes_[entity]);
}

// The CSR arrays are public members of Boost's graph (its own free functions read them); a
// span over them avoids an iterator pair per call on the hottest path of every analytic.
std::span<const Projection::Node> Projection::neighbors(Node node) const {
  const auto& rows = graph_.m_forward.m_rowstart;
  const auto& columns = graph_.m_forward.m_column;
  return {columns.data() + rows[node], columns.data() + rows[node + 1]};
}

std::optional<std::size_t> Projection::arc_index(Node u, Node v) const {
  const auto row = neighbors(u);
  const auto it = std::lower_bound(row.begin(), row.end(), v);
  if (it == row.end() || *it != v) return std::nullopt;
  return graph_.m_forward.m_rowstart[u] + static_cast<std::size_t>(it - row.begin());
}

}  // namespace cartelgraph
