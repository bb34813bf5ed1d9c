#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph::cli {

namespace {

std::string names(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string text;
  for (const Vertex v : vertices) text += (text.empty() ? "" : ", ") + graph.entity(v).name;
  return text;
}

int run_factions(const Context& context) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const FactionReport report = factions(view);

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    const auto ids = [&](const std::vector<Vertex>& vertices) {
      w.StartArray();
      for (const Vertex v : vertices) json.string(graph.entity(v).id);
      w.EndArray();
    };
    w.StartObject();
    json.key("blocs");
    w.StartArray();
    for (const auto& bloc : report.blocs) {
      w.StartObject();
      json.key("groups");
      ids(bloc.groups);
      json.key("people");
      ids(bloc.people);
      w.EndObject();
    }
    w.EndArray();
    json.key("triangles");
    w.StartObject();
    json.key("balanced");
    w.Uint64(report.balanced);
    json.key("unbalanced");
    w.Uint64(report.unbalanced);
    json.key("list");
    w.StartArray();
    for (const auto& t : report.triangles) {
      w.StartObject();
      json.key("groups");
      ids({t.a, t.b, t.c});
      json.key("balanced");
      w.Bool(t.balanced);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.key("balance_ratio");
    w.Double(report.balance_ratio);
    json.key("candidates");
    w.StartArray();
    for (const auto& c : report.candidates) {
      w.StartObject();
      json.key("a");
      json.string(graph.entity(c.a).id);
      json.key("b");
      json.string(graph.entity(c.b).id);
      json.key("shared_enemies");
      w.Uint64(c.shared_enemies.size());
      json.key("enemies");
      ids(c.shared_enemies);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }

  std::printf("Alliance blocs (groups joined by alliance, alignment or structural ties)\n");
  for (std::size_t i = 0; i < report.blocs.size(); ++i) {
    std::printf("  %zu. %s\n", i + 1, names(graph, report.blocs[i].groups).c_str());
    if (!report.blocs[i].people.empty()) std::printf("     people: %s\n", names(graph, report.blocs[i].people).c_str());
  }
  std::printf("\nStructural balance: %zu triangles, %zu balanced, %zu unbalanced (ratio %.3f)\n",
              report.triangles.size(), report.balanced, report.unbalanced, report.balance_ratio);
  for (const auto& t : report.triangles)
    std::printf("  %-10s %s\n", t.balanced ? "balanced" : "UNBALANCED", names(graph, {t.a, t.b, t.c}).c_str());
  std::printf("\nEnemy of my enemy: untied groups with shared enemies\n");
  for (const auto& c : report.candidates)
    std::printf("  %s + %s: %zu shared (%s)\n", graph.entity(c.a).name.c_str(), graph.entity(c.b).name.c_str(),
                c.shared_enemies.size(), names(graph, c.shared_enemies).c_str());
  return exit_ok;
}

}  // namespace

void setup_factions(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("factions", "Alliance blocs, structural balance, \"enemy of my enemy\" pairs");
  command->footer("Example: cartelgraph --as-of 2021-06 factions");
  command->callback([&context] { context.run = [&context] { return run_factions(context); }; });
}

}  // namespace cartelgraph::cli
