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

const CommandHelp help = {"list", "List entities", "cartelgraph list --type faction"};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<Vertex>& entities) {
  json.begin_object();
  json.array_member("entities", entities, [&](const Vertex v) { json.object([&] { json.entity_summary(graph, v); }); });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const std::vector<Vertex>& entities) {
  for (const Vertex v : entities) {
    const Entity& entity = graph.entity(v);
    std::printf("%s %s %s\n", pad(visible(entity.id), 40).c_str(), pad(to_string(entity.type), 13).c_str(),
                visible(entity.name).c_str());
  }
}

int run_list(const Session& session, const ListOptions& options) {
  return answer(session, write_json, write_text, session.graph(),
                list_entities(session.view(), type_option(options.type)));
}

// The options of `list`, declared when it is parsed (cli/command.hpp).
void declare_list_options(CLI::App* command, ListOptions* options) {
  command->add_option("--type", options->type, "Only entities of this type")->type_name("T");
}

}  // namespace

void setup_list(CLI::App& app, Context& context) { add_command(app, context, help, run_list, declare_list_options); }

}  // namespace cartelgraph::cli
