#pragma once
// Projection: the compact graph analytics run on, built once from a view.

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// A compact simple graph over the entities a view keeps: one node per entity (in load order),
/// one edge per tied pair, parallel relations merged, no self loops. Undirected by default
/// (stored as two arcs in a compressed sparse row graph); directed keeps each relation's
/// direction, with symmetric kinds both ways.
class Projection {
 public:
  using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
  using Node = boost::graph_traits<Graph>::vertex_descriptor;

  /// The projection of `view`. O(V + E log E).
  static Projection build(const GraphView& view, bool directed = false);
  /// A projection over nodes 0…n-1 with the given edges, for tests and benchmarks; it maps
  /// node i to entity i. Throws std::out_of_range if an edge names a node ≥ n.
  static Projection from_edges(std::size_t n, std::span<const std::pair<std::size_t, std::size_t>> edges,
                               bool directed = false);
  /// The subgraph induced by the nodes with keep[node] true, mapped to the same entities.
  [[nodiscard]] Projection induced(const std::vector<bool>& keep) const;

  [[nodiscard]] const Graph& graph() const noexcept { return graph_; }
  [[nodiscard]] bool directed() const noexcept { return directed_; }
  [[nodiscard]] std::size_t node_count() const noexcept { return entities_.size(); }
  /// Tied pairs when undirected, arcs when directed.
  [[nodiscard]] std::size_t edge_count() const noexcept;
  /// The entity a node stands for.
  [[nodiscard]] Vertex entity(Node node) const { return entities_[node]; }
  /// The node of an entity, if the view kept it.
  [[nodiscard]] std::optional<Node> node(Vertex entity) const;
  /// The neighbours of a node (successors when directed), ascending.
  [[nodiscard]] std::span<const Node> neighbors(Node node) const;
  /// The index (Boost edge_index) of the arc from `u` to `v`, if there is one. O(log degree).
  [[nodiscard]] std::optional<std::size_t> arc_index(Node u, Node v) const;
  /// The number of neighbours of a node (out-degree when directed).
  [[nodiscard]] std::size_t degree(Node node) const { return neighbors(node).size(); }

 private:
  Projection(std::vector<Vertex> entities, std::vector<std::pair<Node, Node>> arcs, bool directed);

  Graph graph_;
  bool directed_ = false;
  std::vector<Vertex> entities_;          // node → entity
  std::vector<std::size_t> nodes_;        // entity → node, or npos
};

}  // namespace cartelgraph
