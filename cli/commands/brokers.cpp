#include <algorithm>
#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/structure.hpp"

namespace cartelgraph::cli {

namespace {

// The deepest k-core: its k and its entities.
struct InnermostCore {
  std::size_t k = 0;
  std::vector<Vertex> entities;
};

InnermostCore innermost_core(const Projection& projection) {
  const std::vector<std::size_t> core = core_numbers(projection);
  InnermostCore result;
  result.k = core.empty() ? 0 : *std::ranges::max_element(core);
  for (Projection::Node u = 0; u < core.size(); ++u)
    if (core[u] == result.k) result.entities.push_back(projection.entity(u));
  return result;
}

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const BrokerReport& report, const InnermostCore& core) {
  json.begin_object();
  json.member("components", report.components);
  json.key("articulation_points");
  json.array([&] {
    for (const auto& broker : report.brokers) {
      json.begin_object();
      json.entity_summary(graph, broker.entity);
      json.member("pieces", broker.pieces);
      json.end_object();
    }
  });
  json.key("bridges");
  json.array([&] {
    for (const auto& bridge : report.bridges)
      json.object([&] {
        json.member("a", graph.entity(bridge.a).id);
        json.member("b", graph.entity(bridge.b).id);
      });
  });
  json.member("max_core", core.k);
  json.key("innermost_core");
  json.ids(graph, core.entities);
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const Projection& projection, const BrokerReport& report,
                const InnermostCore& core) {
  std::printf("%zu entities, %zu ties, %zu connected components\n", projection.node_count(), projection.edge_count(),
              report.components);
  std::printf("\nArticulation points (%zu): removing one splits its component into the pieces shown\n",
              report.brokers.size());
  for (const auto& broker : report.brokers)
    std::printf("  %3zu pieces  %s\n", broker.pieces, entity_label(graph, broker.entity).c_str());
  std::printf("\nBridges (%zu): ties whose removal disconnects their ends\n", report.bridges.size());
  for (const auto& bridge : report.bridges)
    std::printf("  %s — %s\n", entity_label(graph, bridge.a).c_str(), entity_label(graph, bridge.b).c_str());
  std::printf("\nInnermost core (every member tied to at least %zu others in it): %zu entities\n", core.k,
              core.entities.size());
  for (const Vertex v : core.entities) std::printf("  %s\n", entity_label(graph, v).c_str());
}

int run_brokers(const Context& context, const NoOptions&) {
  const Session session(context.options);
  const BrokerReport report = brokers(session.projection());
  const InnermostCore core = innermost_core(session.projection());
  answer(context, [&](JsonWriter& json) { write_json(json, session.graph(), report, core); },
         [&] { write_text(session.graph(), session.projection(), report, core); });
  return exit_ok;
}

}  // namespace

void setup_brokers(CLI::App& app, Context& context) {
  add_command(app, context,
              {"brokers", "Articulation points and bridges: who holds the network together",
               "cartelgraph --types organization,faction,person brokers"},
              run_brokers);
}

}  // namespace cartelgraph::cli
