#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph::cli {

namespace {

int run_info(const Context& context) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const GraphSummary summary = summarize(view);

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("entities");
    w.Uint64(summary.entities);
    json.key("relations");
    w.Uint64(summary.relations);
    json.key("sources");
    w.Uint64(summary.sources);
    json.key("by_type");
    w.StartObject();
    for (const auto& [type, count] : summary.by_type) {
      json.key(to_string(type));
      w.Uint64(count);
    }
    w.EndObject();
    json.key("by_kind");
    w.StartObject();
    for (const auto& [kind, count] : summary.by_kind) {
      json.key(to_string(kind));
      w.Uint64(count);
    }
    w.EndObject();
    json.key("date_range");
    w.StartObject();
    json.key("earliest");
    json.date(summary.earliest);
    json.key("latest");
    json.date(summary.latest);
    w.EndObject();
    w.EndObject();
    json.print();
    return exit_ok;
  }

  std::printf("%zu entities, %zu relations, %zu sources", summary.entities, summary.relations,
              summary.sources);
  if (summary.earliest)
    std::printf(", dated %s to %s", summary.earliest->to_string().c_str(),
                summary.latest->to_string().c_str());
  std::printf("\n\nEntities by type\n");
  for (const auto& [type, count] : summary.by_type)
    std::printf("  %-20s %5zu\n", std::string(to_string(type)).c_str(), count);
  std::printf("\nRelations by kind\n");
  for (const auto& [kind, count] : summary.by_kind)
    std::printf("  %-20s %5zu\n", std::string(to_string(kind)).c_str(), count);
  std::printf("\nSources\n");
  for (const auto& source : graph.sources())
    std::printf("  %-28s %-10s %s\n", source.id.c_str(), source.published.c_str(), source.title.c_str());
  return exit_ok;
}

}  // namespace

void setup_info(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("info", "Counts by type and kind, sources, date range");
  command->footer("Example: cartelgraph --format json info");
  command->callback([&context] { context.run = [&context] { return run_info(context); }; });
}

}  // namespace cartelgraph::cli
