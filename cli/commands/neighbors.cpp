#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/neighborhood.hpp"

namespace cartelgraph::cli {

namespace {

struct NeighborsOptions {
  std::string entity;
  std::size_t depth = 1;
  std::vector<std::string> kinds;
};

const CommandHelp help = {"neighbors", "The ego network of an entity to a depth",
                          "cartelgraph neighbors \"El Mencho\" --depth 2 --kinds parent_of,spouse_of,sibling_of"};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const Neighborhood& result) {
  json.begin_object();
  json.member("center", graph.entity(result.center).id);
  json.member("depth", result.depth);
  json.array_member("entities", result.entities,
                    [&](const auto& item) { json.entity_with(graph, item.entity, "distance", item.distance); });
  json.array_member("relations", result.relations, [&](const Edge e) { json.relation(graph, e); });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const Neighborhood& result) {
  std::printf("Within %zu hop%s of %s: %zu entities, %zu relations\n", result.depth, result.depth == 1 ? "" : "s",
              entity_label(graph, result.center).c_str(), result.entities.size(), result.relations.size());
  for (const auto& item : result.entities)
    std::printf("  %zu  %s\n", item.distance, entity_label(graph, item.entity).c_str());
  std::printf("\nRelations\n");
  for (const Edge e : result.relations) std::fputs(cited_relation(graph, e, "  ").c_str(), stdout);
}

int run_neighbors(const Session& session, const NeighborsOptions& options) {
  const Vertex center = session.resolve(options.entity);
  const Neighborhood result = neighborhood(session.view(), center, options.depth);
  return answer(session, write_json, write_text, session.graph(), result);
}

// The options of `neighbors`, declared when it is parsed (cli/command.hpp).
void declare_neighbors_options(CLI::App* command, NeighborsOptions* options) {
  command->add_option("entity", options->entity, "Id, name or alias")->required()->type_name("ENTITY");
  add_count_option(*command, "--depth", options->depth, "Hops from the entity (default 1)", hop_range);
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
}

}  // namespace

void setup_neighbors(CLI::App& app, Context& context) {
  add_command(app, context, help, run_neighbors, declare_neighbors_options);
}

}  // namespace cartelgraph::cli
