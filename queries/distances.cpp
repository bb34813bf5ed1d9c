#include "cartelgraph/queries/distances.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

namespace cartelgraph {

NodeValues<std::size_t> hop_distances(const Projection& projection, NodeId source) {
  const auto& g = projection.graph();
  std::vector<std::size_t> distance(projection.node_count(), unreachable);
  distance[Projection::index(source)] = 0;
  boost::breadth_first_search(
      g, Projection::index(source),
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(distance.data(), boost::on_tree_edge()))));
  return {projection, std::move(distance)};
}

Components connected_components(const Projection& projection) {
  // Boost's connected_components needs an undirected graph type; the projection stores an
  // undirected graph as two arcs, so a BFS from each unlabelled node gives the same labels.
  const std::size_t n = projection.node_count();
  std::vector<std::size_t> label(n, unreachable);
  std::vector<std::vector<Projection::Node>> reverse;
  if (projection.directed()) {
    reverse.resize(n);
    for (Projection::Node u = 0; u < n; ++u)
      for (const auto v : projection.neighbors(u)) reverse[v].push_back(u);
  }
  std::size_t next = 0;
  std::vector<Projection::Node> queue;
  for (Projection::Node start = 0; start < n; ++start) {
    if (label[start] != unreachable) continue;
    label[start] = next;
    queue.assign(1, start);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const auto u = queue[head];
      const auto visit = [&](Projection::Node v) {
        if (label[v] == unreachable) {
          label[v] = next;
          queue.push_back(v);
        }
      };
      for (const auto v : projection.neighbors(u)) visit(v);
      if (!reverse.empty())
        for (const auto v : reverse[u]) visit(v);
    }
    ++next;
  }
  return {projection, std::move(label), next};
}

std::vector<Vertex> Components::members(std::size_t label) const {
  return entities_where([label](std::size_t of) { return of == label; });
}

std::vector<std::size_t> Components::sizes() const {
  std::vector<std::size_t> size_of(count, 0);
  for (const std::size_t label : values()) ++size_of[label];
  return size_of;
}

}  // namespace cartelgraph
