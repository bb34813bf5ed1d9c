#include <algorithm>
#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"

namespace cartelgraph::cli {

namespace {

struct ListOptions {
  std::string type;
};

int run_list(const Context& context, const ListOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const TypeSet listed_types = options.type.empty() ? TypeSet().set() : type_set(parse_type_option(options.type));

  std::vector<Vertex> entities;
  const FilteredGraph filtered = view.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(filtered)))
    if (listed_types.test(static_cast<std::size_t>(graph.entity(v).type))) entities.push_back(v);
  std::ranges::sort(entities, {}, [&](Vertex v) { return graph.entity(v).id; });

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("entities");
    w.StartArray();
    for (const Vertex v : entities) {
      const Entity& entity = graph.entity(v);
      w.StartObject();
      json.key("id");
      json.string(entity.id);
      json.key("name");
      json.string(entity.name);
      json.key("type");
      json.string(to_string(entity.type));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  for (const Vertex v : entities) {
    const Entity& entity = graph.entity(v);
    std::printf("%s %s %s\n", pad(entity.id, 40).c_str(), pad(to_string(entity.type), 13).c_str(),
                entity.name.c_str());
  }
  return exit_ok;
}

}  // namespace

void setup_list(CLI::App& app, Context& context) {
  auto options = std::make_shared<ListOptions>();
  auto* command = app.add_subcommand("list", "List entities");
  command->footer("Example: cartelgraph list --type faction");
  command->add_option("--type", options->type, "Only entities of this type")->type_name("T");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_list(context, *options); };
  });
}

}  // namespace cartelgraph::cli
