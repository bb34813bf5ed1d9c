#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/neighborhood.hpp"

namespace cartelgraph::cli {

namespace {

struct NeighborsOptions {
  std::string entity;
  std::size_t depth = 1;
  std::vector<std::string> kinds;
};

int run_neighbors(const Context& context, const NeighborsOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options, options.kinds));
  const Vertex center = resolve_or_throw(graph, options.entity);
  const Neighborhood result = neighborhood(view, Projection::build(view), center, options.depth);

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("center");
    json.string(graph.entity(center).id);
    json.key("depth");
    w.Uint64(options.depth);
    json.key("entities");
    w.StartArray();
    for (const auto& item : result.entities) {
      json.begin_entity(graph, item.entity);
      json.key("distance");
      w.Uint64(item.distance);
      w.EndObject();
    }
    w.EndArray();
    json.key("relations");
    w.StartArray();
    for (const Edge e : result.relations) json.relation(graph, e);
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  std::printf("Within %zu hop%s of %s: %zu entities, %zu relations\n", options.depth,
              options.depth == 1 ? "" : "s", entity_label(graph, center).c_str(), result.entities.size(),
              result.relations.size());
  for (const auto& item : result.entities)
    std::printf("  %zu  %s\n", item.distance, entity_label(graph, item.entity).c_str());
  std::printf("\nRelations\n");
  for (const Edge e : result.relations)
    std::printf("  %-16s %s %s\n", date_span(graph.relation(e)).c_str(), relation_sentence(graph, e).c_str(),
                citation_list(graph.relation(e).sources).c_str());
  return exit_ok;
}

}  // namespace

void setup_neighbors(CLI::App& app, Context& context) {
  auto options = std::make_shared<NeighborsOptions>();
  auto* command = app.add_subcommand("neighbors", "The ego network of an entity to a depth");
  command->footer("Example: cartelgraph neighbors \"El Mencho\" --depth 2 --kinds parent_of,spouse_of,sibling_of");
  command->add_option("entity", options->entity, "Id, name or alias")->required()->type_name("ENTITY");
  command->add_option("--depth", options->depth, "Hops from the entity")->type_name("N");
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_neighbors(context, *options); };
  });
}

}  // namespace cartelgraph::cli
