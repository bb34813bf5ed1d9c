#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph::cli {

namespace {

const CommandHelp help = {"factions", "Alliance blocs, structural balance, \"enemy of my enemy\" pairs",
                          "cartelgraph --as-of 2021-06 factions"};

void write_triangles(JsonWriter& json, const KnowledgeGraph& graph, const FactionReport& report) {
  json.begin_object();
  json.member("balanced", report.balanced);
  json.member("unbalanced", report.unbalanced);
  json.key("list");
  json.array([&] {
    for (const auto& t : report.triangles) {
      json.begin_object();
      json.key("groups");
      json.ids(graph, std::vector<Vertex>{t.a, t.b, t.c});
      json.member("balanced", t.balanced);
      json.end_object();
    }
  });
  json.end_object();
}

void write_candidate(JsonWriter& json, const KnowledgeGraph& graph, const EnemyOfEnemy& c) {
  json.begin_object();
  json.member("a", graph.entity(c.a).id);
  json.member("b", graph.entity(c.b).id);
  json.member("shared_enemies", c.shared_enemies.size());
  json.key("enemies");
  json.ids(graph, c.shared_enemies);
  json.end_object();
}

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const FactionReport& report) {
  json.begin_object();
  json.key("blocs");
  json.array([&] {
    for (const auto& bloc : report.blocs) {
      json.begin_object();
      json.key("groups");
      json.ids(graph, bloc.groups);
      json.key("people");
      json.ids(graph, bloc.people);
      json.end_object();
    }
  });
  json.key("triangles");
  write_triangles(json, graph, report);
  json.member("balance_ratio", report.balance_ratio);
  json.array_member("candidates", report.candidates, [&](const auto& c) { write_candidate(json, graph, c); });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const FactionReport& report) {
  std::printf("Alliance blocs (groups joined by alliance, alignment or structural ties)\n");
  for (std::size_t i = 0; i < report.blocs.size(); ++i) {
    std::printf("  %zu. %s\n", i + 1, name_list(graph, report.blocs[i].groups).c_str());
    if (!report.blocs[i].people.empty())
      std::printf("     people: %s\n", name_list(graph, report.blocs[i].people).c_str());
  }
  std::printf("\nStructural balance: %zu triangles, %zu balanced, %zu unbalanced (ratio %.3f)\n",
              report.triangles.size(), report.balanced, report.unbalanced, report.balance_ratio);
  for (const auto& t : report.triangles)
    std::printf("  %-10s %s\n", t.balanced ? "balanced" : "UNBALANCED", name_list(graph, {t.a, t.b, t.c}).c_str());
  std::printf("\nEnemy of my enemy: untied groups with shared enemies\n");
  for (const auto& c : report.candidates)
    std::printf("  %s + %s: %zu shared (%s)\n", graph.entity(c.a).name.c_str(), graph.entity(c.b).name.c_str(),
                c.shared_enemies.size(), name_list(graph, c.shared_enemies).c_str());
}

int run_factions(const Session& session, const NoOptions&) {
  return answer(session, write_json, write_text, session.graph(), factions(session.view()));
}

}  // namespace

void setup_factions(CLI::App& app, Context& context) { add_command(app, context, help, run_factions); }

}  // namespace cartelgraph::cli
