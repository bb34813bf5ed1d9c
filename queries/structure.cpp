#include "cartelgraph/queries/structure.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/core_numbers.hpp>

#include <algorithm>

#include "cartelgraph/queries/distances.hpp"

namespace cartelgraph {

namespace {

// Boost's biconnected components and core numbers need an undirected graph type; the
// projection keeps an undirected graph as two arcs, so rebuild it with one edge per pair.
using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                         boost::property<boost::edge_index_t, std::size_t>>;

Undirected undirected(const Projection& projection) {
  Undirected g(projection.node_count());
  std::size_t index = 0;
  for (Projection::Node u = 0; u < projection.node_count(); ++u)
    for (const auto v : projection.neighbors(u))
      if (u < v) boost::add_edge(u, v, index++, g);
  return g;
}

}  // namespace

BrokerReport brokers(const Projection& projection) {
  const Undirected g = undirected(projection);
  std::vector<std::size_t> component(boost::num_edges(g));
  std::vector<Projection::Node> points;
  boost::biconnected_components(g,
                                boost::make_iterator_property_map(component.begin(), boost::get(boost::edge_index, g)),
                                std::back_inserter(points));

  BrokerReport report;
  report.components = connected_components(projection).count;
  // Edges per biconnected component, to find the single-edge ones (bridges) and the
  // components around each articulation point.
  const std::size_t count = component.empty() ? 0 : *std::ranges::max_element(component) + 1;
  std::vector<std::size_t> size(count, 0);
  for (const std::size_t c : component) ++size[c];
  for (const auto e : boost::make_iterator_range(boost::edges(g)))
    if (size[component[boost::get(boost::edge_index, g, e)]] == 1)
      report.bridges.push_back({projection.entity(Projection::id(boost::source(e, g))),
                                projection.entity(Projection::id(boost::target(e, g)))});

  std::ranges::sort(points);
  for (const auto point : points) {
    std::vector<std::size_t> around;
    for (const auto e : boost::make_iterator_range(boost::out_edges(point, g)))
      around.push_back(component[boost::get(boost::edge_index, g, e)]);
    std::ranges::sort(around);
    around.erase(std::unique(around.begin(), around.end()), around.end());
    report.brokers.push_back({projection.entity(Projection::id(point)), around.size()});
  }
  std::ranges::stable_sort(report.brokers, [](const Broker& a, const Broker& b) { return a.pieces > b.pieces; });
  return report;
}

CoreNumbers core_numbers(const Projection& projection) {
  const Undirected g = undirected(projection);
  std::vector<std::size_t> core(projection.node_count(), 0);
  boost::core_numbers(g, boost::make_iterator_property_map(core.begin(), boost::get(boost::vertex_index, g)));
  return {projection, std::move(core)};
}

std::size_t CoreNumbers::max_core() const {
  const auto core = values();
  return core.empty() ? 0 : *std::ranges::max_element(core);
}

std::vector<Vertex> CoreNumbers::members(std::size_t k) const {
  return entities_where([k](std::size_t core) { return core >= k; });
}

}  // namespace cartelgraph
