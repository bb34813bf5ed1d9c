#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/paths.hpp"

namespace cartelgraph::cli {

namespace {

struct PathOptions {
  std::string from;
  std::string to;
  std::size_t k = 1;
  std::vector<std::string> kinds;
  bool directed = false;
  bool weighted = false;
};

int run_path(const Context& context, const PathOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options, options.kinds));
  const Vertex from = resolve_or_throw(graph, options.from);
  const Vertex to = resolve_or_throw(graph, options.to);
  if (options.k == 0) throw CliError(exit_usage, "--k must be at least 1");
  const Projection projection = Projection::build(view, options.directed);
  const auto paths = find_paths(view, projection, from, to, {options.k, options.weighted});

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("from");
    json.string(graph.entity(from).id);
    json.key("to");
    json.string(graph.entity(to).id);
    json.key("paths");
    w.StartArray();
    for (const auto& path : paths) {
      w.StartObject();
      json.key("length");
      w.Uint64(path.length());
      if (options.weighted) {
        json.key("cost");
        w.Double(path.cost);
      }
      json.key("nodes");
      w.StartArray();
      for (const Vertex v : path.entities) json.string(graph.entity(v).id);
      w.EndArray();
      json.key("edges");
      w.StartArray();
      for (const auto& hop : path.hops)
        for (const Edge e : hop.relations) json.relation(graph, e);
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
  } else {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const auto& path = paths[i];
      std::printf("%sPath %zu: %zu hop%s", i ? "\n" : "", i + 1, path.length(), path.length() == 1 ? "" : "s");
      if (options.weighted) std::printf(", cost %g", path.cost);
      std::printf("\n");
      for (const auto& hop : path.hops) {
        std::printf("  %s  →  %s\n", entity_label(graph, hop.from).c_str(), entity_label(graph, hop.to).c_str());
        for (const Edge e : hop.relations)
          std::printf("      %-16s %s %s\n", date_span(graph.relation(e)).c_str(),
                      relation_sentence(graph, e).c_str(), citation_list(graph.relation(e).sources).c_str());
      }
    }
  }
  if (paths.empty()) {
    std::fprintf(stderr, "cartelgraph: no path from %s to %s in this view\n", graph.entity(from).id.c_str(),
                 graph.entity(to).id.c_str());
    return exit_no_result;
  }
  return exit_ok;
}

}  // namespace

void setup_path(CLI::App& app, Context& context) {
  auto options = std::make_shared<PathOptions>();
  auto* command = app.add_subcommand("path", "Shortest chains of relations between two entities, every hop cited");
  command->footer("Example: cartelgraph path \"El Ruso\" \"Los Garibay\" --k 3");
  command->add_option("from", options->from, "Entity to start from")->required()->type_name("FROM");
  command->add_option("to", options->to, "Entity to reach")->required()->type_name("TO");
  command->add_option("--k", options->k, "How many loopless paths, shortest first")->type_name("N");
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
  command->add_flag("--directed", options->directed, "Follow relations in their direction only");
  command->add_flag("--weighted", options->weighted,
                    "Prefer surer hops: confirmed costs 1, reported 2, alleged 3");
  command->callback([&context, options] { context.run = [&context, options] { return run_path(context, *options); }; });
}

}  // namespace cartelgraph::cli
