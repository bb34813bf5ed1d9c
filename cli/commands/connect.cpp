#include <algorithm>
#include <cstdio>
#include <string>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/connecting.hpp"

namespace cartelgraph::cli {

namespace {

struct ConnectOptions {
  std::vector<std::string> entities;
  PathWeight weight = PathWeight::none;
};

const CommandHelp help = {"connect", "The smallest network that ties several entities together, every tie cited",
                          "cartelgraph connect \"El Mencho\" \"Los Garibay\" \"La Línea\""};

void write_json(JsonWriter& json, const Session& session, const ConnectingNetwork& tree, PathWeight weight) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  network_member(json, session);
  json.member("weight", to_string(weight));
  json.key("terminals");
  json.ids(graph, tree.terminals);
  json.key("entities");
  json.ids(graph, tree.entities);
  json.member("length", tree.length);
  json.array_member("ties", tree.ties, [&](const auto& tie) {
    json.begin_object();
    json.member("from", graph.entity(tie.first).id);
    json.member("to", graph.entity(tie.second).id);
    json.array_member("relations", session.network().tie_relations(tie.first, tie.second),
                      [&](const Edge e) { json.relation(graph, e); });
    json.end_object();
  });
  json.end_object();
}

void write_text(const Session& session, const ConnectingNetwork& tree, PathWeight weight) {
  const KnowledgeGraph& graph = session.graph();
  std::printf("Connecting network of %zu entities: %zu entities, %zu ties", tree.terminals.size(), tree.entities.size(),
              tree.ties.size());
  if (weight != PathWeight::none) std::printf(", length %g (--weight %s)", tree.length, to_string(weight).data());
  std::string network = network_summary(session);
  network[0] = 'T';
  std::printf("\n%s\n", network.c_str());
  for (const auto& [from, to] : tree.ties) {
    std::printf("  %s  —  %s\n", entity_label(graph, from).c_str(), entity_label(graph, to).c_str());
    for (const Edge e : session.network().tie_relations(from, to))
      std::fputs(cited_relation(graph, e, "      ").c_str(), stdout);
  }
  std::vector<Vertex> through;
  for (const Vertex v : tree.entities)
    if (std::ranges::find(tree.terminals, v) == tree.terminals.end()) through.push_back(v);
  if (through.empty()) return;
  std::printf("Through %zu entit%s not asked for:\n", through.size(), through.size() == 1 ? "y" : "ies");
  for (const Vertex v : through) std::printf("  %s\n", entity_label(graph, v).c_str());
}

int run_connect(const Session& session, const ConnectOptions& options) {
  std::vector<Vertex> terminals;
  for (const std::string& text : options.entities) terminals.push_back(session.resolve(text));
  const ConnectingNetwork tree = connecting_network(session.network(), terminals, options.weight);
  return answer(session, write_json, write_text, session, tree, options.weight);
}

// The options of `connect`, declared when it is parsed (cli/command.hpp).
void declare_connect_options(CLI::App* command, ConnectOptions* options) {
  command->add_option("entities", options->entities, "Entities to connect (two or more)")
      ->required()
      ->expected(2, -1)
      ->type_name("ENTITY");
  add_enum_option(*command, "--weight", options->weight, "tie length",
                  "What a tie costs: none (default: one per tie, the fewest ties); confidence (surer ties: "
                  "confirmed costs 1, reported 2, alleged 3, ungraded 4); weight (1/strength: the strongest ties)")
      ->type_name("none|confidence|weight");
}

}  // namespace

void setup_connect(CLI::App& app, Context& context) {
  add_command(app, context, help, run_connect, declare_connect_options);
}

}  // namespace cartelgraph::cli
