#pragma once
// Projection: the compact graph analytics run on, built once from a view.

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <algorithm>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// A node of a projection, as callers see it: its own index space, which does not convert to or
/// from an entity (graph Vertex). Projection::entity and Projection::node translate.
enum class NodeId : std::size_t {};

/// A compact simple graph over the entities a view keeps: one node per entity (in load order),
/// one edge per tied pair, parallel relations merged, no self loops. Undirected by default
/// (stored as two arcs in a compressed sparse row graph); directed keeps each relation's
/// direction, with symmetric kinds both ways.
class Projection {
 public:
  using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
  /// The raw node index the graph algorithms use on graph() and neighbors(); NodeId is the same
  /// index as a distinct type, for the boundary with entities.
  using Node = boost::graph_traits<Graph>::vertex_descriptor;

  [[nodiscard]] static constexpr Node index(NodeId node) noexcept { return static_cast<Node>(node); }
  [[nodiscard]] static constexpr NodeId id(Node node) noexcept { return NodeId{node}; }

  /// The projection of `view`. O(V + E log E).
  static Projection build(const GraphView& view, bool directed = false);
  /// A projection over nodes 0…n-1 with the given edges, for tests and benchmarks; it maps
  /// node i to entity i. Throws std::out_of_range if an edge names a node ≥ n.
  static Projection from_edges(std::size_t n, std::span<const std::pair<std::size_t, std::size_t>> edges,
                               bool directed = false);
  /// An undirected projection over `entities` (ascending, distinct), one edge per pair of
  /// `ties` (given by entity). Throws std::out_of_range if a tie names an entity not listed.
  static Projection over(std::vector<Vertex> entities, std::span<const std::pair<Vertex, Vertex>> ties);
  /// The subgraph induced by the nodes with keep[node] true, mapped to the same entities.
  [[nodiscard]] Projection induced(const std::vector<bool>& keep) const;

  [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
  [[nodiscard]] bool directed() const noexcept { return directed_; }
  [[nodiscard]] std::size_t node_count() const noexcept { return entities_.size(); }
  /// Tied pairs when undirected, arcs when directed.
  [[nodiscard]] std::size_t edge_count() const noexcept;
  /// The entity a node stands for. Precondition: node < node_count().
  [[nodiscard]] Vertex entity(NodeId node) const { return entities_[index(node)]; }
  /// The node of an entity, if the view kept it. O(1).
  [[nodiscard]] std::optional<NodeId> node(Vertex entity) const;
  /// The entity of every node, in node order; ascending (nodes keep load order).
  [[nodiscard]] std::span<const Vertex> entities() const noexcept { return entities_; }
  /// The neighbours of a node (successors when directed), ascending.
  [[nodiscard]] std::span<const Node> neighbors(Node node) const;
  /// The index (Boost edge_index) of the arc from `u` to `v`, if there is one. O(log degree).
  [[nodiscard]] std::optional<std::size_t> arc_index(Node u, Node v) const;
  /// The index (Boost edge_index) of the arc to neighbors(node)[0]: neighbors(node)[i]'s is
  /// first_arc(node) + i. O(1).
  [[nodiscard]] std::size_t first_arc(Node node) const { return graph_.m_forward.m_rowstart[node]; }
  /// The number of neighbours of a node (out-degree when directed).
  [[nodiscard]] std::size_t degree(Node node) const { return neighbors(node).size(); }

 private:
  Projection(std::vector<Vertex> entities, std::vector<std::pair<Node, Node>> arcs, bool directed);
  // From rows already sorted and free of repeats: row u is column[start[u], start[u + 1]).
  Projection(std::vector<Vertex> entities, std::vector<std::size_t> start, std::vector<Node> column, bool directed);
  void adopt_rows(std::vector<std::size_t> start, std::vector<Node> column);

  Graph graph_;
  bool directed_ = false;
  std::vector<Vertex> entities_;          // node → entity
  std::vector<std::size_t> nodes_;        // entity → node, or npos
};

/// One value per node of a projection, looked up by entity (or by NodeId). It keeps its own copy
/// of the node → entity map, so it outlives the projection it was computed on.
template <class T>
class NodeValues {
 public:
  NodeValues() = default;
  /// Precondition: values.size() == projection.node_count(), values[i] is node i's.
  NodeValues(const Projection& projection, std::vector<T> values)
      : entities_(projection.entities().begin(), projection.entities().end()), values_(std::move(values)) {}

  /// The value of `entity`, or nullopt if the projection left it out. O(log V).
  [[nodiscard]] std::optional<T> value(Vertex entity) const {
    const auto it = std::lower_bound(entities_.begin(), entities_.end(), entity);
    if (it == entities_.end() || *it != entity) return std::nullopt;
    return values_[static_cast<std::size_t>(it - entities_.begin())];
  }
  /// The value of a node. Precondition: node < size().
  [[nodiscard]] const T& at(NodeId node) const { return values_[Projection::index(node)]; }
  /// The entity of a node. Precondition: node < size().
  [[nodiscard]] Vertex entity(NodeId node) const { return entities_[Projection::index(node)]; }
  /// Nodes (and values).
  [[nodiscard]] std::size_t size() const noexcept { return values_.size(); }
  /// The entities whose value satisfies `keep`, in load order. O(V).
  template <class Predicate>
  [[nodiscard]] std::vector<Vertex> entities_where(Predicate keep) const {
    std::vector<Vertex> kept;
    for (std::size_t i = 0; i < values_.size(); ++i)
      if (keep(values_[i])) kept.push_back(entities_[i]);
    return kept;
  }
  /// The values in node order, and the entity of each.
  [[nodiscard]] std::span<const T> values() const noexcept { return values_; }
  [[nodiscard]] std::span<const Vertex> entities() const noexcept { return entities_; }

 private:
  std::vector<Vertex> entities_;  // node → entity, ascending
  std::vector<T> values_;         // node → value
};

}  // namespace cartelgraph
