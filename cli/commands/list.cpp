#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph::cli {

namespace {

struct ListOptions {
  std::string type;
};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<Vertex>& entities) {
  json.begin_object();
  json.key("entities");
  json.array([&] {
    for (const Vertex v : entities) json.object([&] { json.entity_summary(graph, v); });
  });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const std::vector<Vertex>& entities) {
  for (const Vertex v : entities) {
    const Entity& entity = graph.entity(v);
    std::printf("%s %s %s\n", pad(entity.id, 40).c_str(), pad(to_string(entity.type), 13).c_str(),
                entity.name.c_str());
  }
}

int run_list(const Context& context, const ListOptions& options) {
  const Session session(context.options);
  const auto entities = list_entities(session.view(), type_option(options.type));
  answer(context, [&](JsonWriter& json) { write_json(json, session.graph(), entities); },
         [&] { write_text(session.graph(), entities); });
  return exit_ok;
}

}  // namespace

void setup_list(CLI::App& app, Context& context) {
  auto [command, options] =
      add_command(app, context, {"list", "List entities", "cartelgraph list --type faction"}, run_list);
  command->add_option("--type", options->type, "Only entities of this type")->type_name("T");
}

}  // namespace cartelgraph::cli
