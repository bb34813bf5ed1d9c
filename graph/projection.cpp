#include "cartelgraph/graph/projection.hpp"

#include <boost/iterator/iterator_facade.hpp>

#include <algorithm>
#include <limits>
#include <span>
#include <stdexcept>

namespace cartelgraph {

namespace {

constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

// The arcs of a CSR (row starts and targets) as the (source, target) pairs Boost's sorted-edges
// constructor reads, made one at a time instead of stored (at a million entities, a vector of
// pairs was 160 MB written and read once).
class CsrArcs : public boost::iterator_facade<CsrArcs, std::pair<std::size_t, std::size_t>, boost::forward_traversal_tag,
                                              std::pair<std::size_t, std::size_t>> {
 public:
  CsrArcs() = default;
  CsrArcs(const std::vector<std::size_t>* start, const std::vector<std::size_t>* column, std::size_t at)
      : start_(start), column_(column), at_(at) {
    skip_empty_rows();
  }

 private:
  friend class boost::iterator_core_access;
  [[nodiscard]] std::pair<std::size_t, std::size_t> dereference() const { return {row_, (*column_)[at_]}; }
  [[nodiscard]] bool equal(const CsrArcs& other) const noexcept { return at_ == other.at_; }
  void increment() {
    ++at_;
    skip_empty_rows();
  }
  void skip_empty_rows() {
    while (row_ + 1 < start_->size() && at_ >= (*start_)[row_ + 1]) ++row_;
  }

  const std::vector<std::size_t>* start_ = nullptr;
  const std::vector<std::size_t>* column_ = nullptr;
  std::size_t at_ = 0;
  std::size_t row_ = 0;
};

}  // namespace

Projection::Projection(std::vector<Vertex> entities, std::vector<std::pair<Node, Node>> arcs,
                       bool directed)
    : directed_(directed), entities_(std::move(entities)) {
  // Arcs grouped by source with a counting sort, then each row sorted and its repeats dropped:
  // at a million entities this is several times faster than sorting every arc as a pair, and
  // gives the same sorted, repeat-free arcs.
  const std::size_t n = entities_.size();
  std::vector<std::size_t> start(n + 1, 0);
  for (const auto& [from, to] : arcs) {
    if (from == to) continue;
    ++start[from + 1];
    if (!directed) ++start[to + 1];
  }
  for (std::size_t u = 0; u < n; ++u) start[u + 1] += start[u];
  std::vector<Node> column(start[n]);
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const auto& [from, to] : arcs) {
      if (from == to) continue;
      column[next[from]++] = to;
      if (!directed) column[next[to]++] = from;
    }
  }
  arcs = {};
  // Each row sorted and its repeats dropped, in place: `start` then gives the kept rows.
  std::size_t kept = 0;
  for (Node u = 0; u < n; ++u) {
    const auto row = std::span(column).subspan(start[u], start[u + 1] - start[u]);
    std::ranges::sort(row);
    start[u] = kept;
    for (std::size_t i = 0; i < row.size(); ++i)
      if (i == 0 || row[i] != row[i - 1]) column[kept++] = row[i];
  }
  start[n] = kept;
  graph_ = Graph(boost::edges_are_sorted, CsrArcs(&start, &column, 0), CsrArcs(&start, &column, kept), n, kept);
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
  std::vector<std::pair<Node, Node>> arcs;
  arcs.reserve(kg.relation_count() * (directed ? 2 : 1));
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    const Node from = node_of[boost::source(e, g)];
    const Node to = node_of[boost::target(e, g)];
    arcs.emplace_back(from, to);
    if (directed && kind_info(kg.relation_kind(e)).symmetric) arcs.emplace_back(to, from);
  }
  return Projection(std::move(entities), std::move(arcs), directed);
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
