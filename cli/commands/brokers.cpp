#include <algorithm>
#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/structure.hpp"

namespace cartelgraph::cli {

namespace {

int run_brokers(const Context& context) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const Projection projection = Projection::build(view);
  const BrokerReport report = brokers(projection);
  const CoreNumbers core = core_numbers(projection);
  const std::size_t max_core = core.max_core();
  const std::vector<Vertex> innermost = core.members(max_core);  // the entities of the deepest k-core

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("components");
    w.Uint64(report.components);
    json.key("articulation_points");
    w.StartArray();
    for (const auto& broker : report.brokers) {
      json.begin_entity(graph, broker.entity);
      json.key("pieces");
      w.Uint64(broker.pieces);
      w.EndObject();
    }
    w.EndArray();
    json.key("bridges");
    w.StartArray();
    for (const auto& bridge : report.bridges) {
      w.StartObject();
      json.key("a");
      json.string(graph.entity(bridge.a).id);
      json.key("b");
      json.string(graph.entity(bridge.b).id);
      w.EndObject();
    }
    w.EndArray();
    json.key("max_core");
    w.Uint64(max_core);
    json.key("innermost_core");
    w.StartArray();
    for (const Vertex v : innermost) json.string(graph.entity(v).id);
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  std::printf("%zu entities, %zu ties, %zu connected components\n", projection.node_count(),
              projection.edge_count(), report.components);
  std::printf("\nArticulation points (%zu): removing one splits its component into the pieces shown\n",
              report.brokers.size());
  for (const auto& broker : report.brokers)
    std::printf("  %3zu pieces  %s\n", broker.pieces, entity_label(graph, broker.entity).c_str());
  std::printf("\nBridges (%zu): ties whose removal disconnects their ends\n", report.bridges.size());
  for (const auto& bridge : report.bridges)
    std::printf("  %s — %s\n", entity_label(graph, bridge.a).c_str(), entity_label(graph, bridge.b).c_str());
  std::printf("\nInnermost core (every member tied to at least %zu others in it): %zu entities\n", max_core,
              innermost.size());
  for (const Vertex v : innermost) std::printf("  %s\n", entity_label(graph, v).c_str());
  return exit_ok;
}

}  // namespace

void setup_brokers(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("brokers", "Articulation points and bridges: who holds the network together");
  command->footer("Example: cartelgraph --types organization,faction,person brokers");
  command->callback([&context] { context.run = [&context] { return run_brokers(context); }; });
}

}  // namespace cartelgraph::cli
