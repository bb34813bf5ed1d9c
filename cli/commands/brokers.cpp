#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/structure.hpp"

namespace cartelgraph::cli {

namespace {

const CommandHelp help = {"brokers", "Articulation points and bridges: who holds the network together",
                          "cartelgraph --types organization,faction,person brokers"};

void write_json(JsonWriter& json, const Session& session, const BrokerReport& report, const CoreNumbers& core) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  network_member(json, session);
  json.member("components", report.components);
  json.array_member("articulation_points", report.brokers, [&](const auto& broker) {
    json.begin_object();
    json.entity_summary(graph, broker.entity);
    json.member("pieces", broker.pieces);
    json.array_member("relations", session.network().relations_of(broker.entity, [](Vertex) { return true; }),
                      [&](const Edge e) { json.relation(graph, e); });
    json.end_object();
  });
  json.key("bridges");
  json.array([&] {
    for (const auto& bridge : report.bridges)
      json.object([&] {
        json.member("a", graph.entity(bridge.a).id);
        json.member("b", graph.entity(bridge.b).id);
        json.array_member("relations", session.network().tie_relations(bridge.a, bridge.b),
                          [&](const Edge e) { json.relation(graph, e); });
      });
  });
  json.member("max_core", core.max_core());
  json.key("innermost_core");
  json.ids(graph, core.members(core.max_core()));
  json.end_object();
}

void write_text(const Session& session, const BrokerReport& report, const CoreNumbers& core) {
  const KnowledgeGraph& graph = session.graph();
  std::printf("Brokers of %s, %zu connected components\n", network_summary(session).c_str(), report.components);
  std::printf("\nArticulation points (%zu): removing one splits its component into the pieces shown\n",
              report.brokers.size());
  for (const auto& broker : report.brokers)
    std::printf("  %3zu pieces  %s\n", broker.pieces, entity_label(graph, broker.entity).c_str());
  std::printf("\nBridges (%zu): ties whose removal disconnects their ends\n", report.bridges.size());
  for (const auto& bridge : report.bridges) {
    std::printf("  %s — %s\n", entity_label(graph, bridge.a).c_str(), entity_label(graph, bridge.b).c_str());
    for (const Edge e : session.network().tie_relations(bridge.a, bridge.b))
      std::printf("      %s %s\n", relation_sentence(graph, e).c_str(),
                  citation_list(graph.relation(e).sources).c_str());
  }
  const std::vector<Vertex> innermost = core.members(core.max_core());
  std::printf("\nInnermost core (every member tied to at least %zu others in it): %zu entities\n", core.max_core(),
              innermost.size());
  for (const Vertex v : innermost) std::printf("  %s\n", entity_label(graph, v).c_str());
}

int run_brokers(const Session& session, const NoOptions&) {
  const BrokerReport report = brokers(session.network().projection());
  return answer(session, write_json, write_text, session, report, core_numbers(session.network().projection()));
}

}  // namespace

void setup_brokers(CLI::App& app, Context& context) { add_command(app, context, help, run_brokers); }

}  // namespace cartelgraph::cli
