#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph::cli {

namespace {

const CommandHelp help = {"factions",
                          "Alliance blocs, the two sides of each conflict, balance, \"enemy of my enemy\" pairs",
                          "cartelgraph --as-of 2021-06 factions"};

// What the answer means, above the example in `factions --help`.
const char* const explanation =
    "Only alliance and rivalry ties between groups count (allied_with, aligned_with, rival_of):\n"
    "hierarchy (faction_of, ...) says who belongs to what, not who is on whose side.\n"
    "A bloc is a set of groups joined by alliances. A conflict is a connected piece of the\n"
    "alliances and rivalries with a rivalry in it; its two sides (camps) are the split of its\n"
    "groups that leaves the fewest frustrated ties (an alliance across the sides or a rivalry\n"
    "inside one: the frustration index), exact up to 20 groups, else a heuristic with a lower\n"
    "bound. Camp A holds the conflict's first group in load order; people join the camp of the\n"
    "groups they belong to or lead. Groups with no alliance or rivalry are unaligned. Every\n"
    "answer cites the relations behind it.";

void write_relations(JsonWriter& json, const KnowledgeGraph& graph, std::string_view name,
                     const std::vector<Edge>& relations) {
  json.array_member(name, relations, [&](const Edge e) { json.relation(graph, e); });
}

// The members of a set of groups with its people: "groups", "people", "memberships".
void write_groups(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<Vertex>& groups,
                  const std::vector<Vertex>& people, const std::vector<Edge>& memberships) {
  json.key("groups");
  json.ids(graph, groups);
  json.key("people");
  json.ids(graph, people);
  write_relations(json, graph, "memberships", memberships);
}

void write_conflict(JsonWriter& json, const KnowledgeGraph& graph, const Conflict& conflict) {
  json.begin_object();
  json.key("groups");
  json.ids(graph, conflict.groups);
  json.array_member("camps", conflict.camps, [&](const Camp& camp) {
    json.object([&] { write_groups(json, graph, camp.groups, camp.people, camp.memberships); });
  });
  json.member("frustration", conflict.frustration);
  json.member("lower_bound", conflict.lower_bound);
  json.member("exact", conflict.exact);
  write_relations(json, graph, "relations", conflict.relations);
  write_relations(json, graph, "frustrated", conflict.frustrated);
  json.end_object();
}

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

void write_group_balance(JsonWriter& json, const KnowledgeGraph& graph, const GroupBalance& balance) {
  json.begin_object();
  json.entity_summary(graph, balance.group);
  json.member("frustrated", balance.frustrated);
  json.member("triangles", balance.triangles);
  json.member("unbalanced_triangles", balance.unbalanced);
  write_relations(json, graph, "relations", balance.relations);
  json.end_object();
}

void write_candidate(JsonWriter& json, const KnowledgeGraph& graph, const EnemyOfEnemy& c) {
  json.begin_object();
  json.member("a", graph.entity(c.a).id);
  json.member("b", graph.entity(c.b).id);
  json.member("shared_enemies", c.shared_enemies.size());
  json.key("enemies");
  json.ids(graph, c.shared_enemies);
  write_relations(json, graph, "relations", c.relations);
  json.end_object();
}

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const FactionReport& report) {
  json.begin_object();
  json.key("network");
  json.object([&] {
    json.member("name", "signed groups");
    json.member("entities", report.groups.size() + report.unaligned.size());
    json.member("ties", report.signed_pairs);
  });
  json.array_member("blocs", report.blocs, [&](const Bloc& bloc) {
    json.object([&] {
      write_groups(json, graph, bloc.groups, bloc.people, bloc.memberships);
      write_relations(json, graph, "relations", bloc.relations);
    });
  });
  json.array_member("conflicts", report.conflicts, [&](const Conflict& c) { write_conflict(json, graph, c); });
  json.key("unaligned");
  json.ids(graph, report.unaligned);
  json.key("triangles");
  write_triangles(json, graph, report);
  json.member("balance_ratio", report.balance_ratio);
  json.array_member("imbalance", report.groups, [&](const auto& b) { write_group_balance(json, graph, b); });
  json.array_member("candidates", report.candidates, [&](const auto& c) { write_candidate(json, graph, c); });
  json.end_object();
}

// Each relation on a line of its own under a heading, cited: "      Ties:", then the lines.
void print_relations(const KnowledgeGraph& graph, const char* indent, const std::vector<Edge>& relations) {
  for (const Edge e : relations) std::fputs(cited_relation(graph, e, indent).c_str(), stdout);
}

void print_blocs(const KnowledgeGraph& graph, const FactionReport& report) {
  std::printf("Alliance blocs (groups joined by alliance or alignment ties)\n");
  if (report.blocs.empty()) std::printf("  none\n");
  for (std::size_t i = 0; i < report.blocs.size(); ++i) {
    const Bloc& bloc = report.blocs[i];
    std::printf("  %zu. %s\n", i + 1, name_list(graph, bloc.groups).c_str());
    if (!bloc.people.empty()) std::printf("     people: %s\n", name_list(graph, bloc.people).c_str());
    print_relations(graph, "       ", bloc.relations);
  }
}

std::string frustration_text(const Conflict& conflict) {
  std::string text = "frustration " + std::to_string(conflict.frustration);
  if (conflict.exact) return text + " (exact)";
  return text + " (heuristic, lower bound " + std::to_string(conflict.lower_bound) + ")";
}

void print_conflict(const KnowledgeGraph& graph, std::size_t number, const Conflict& conflict) {
  std::printf("  Conflict %zu: %zu groups, %zu signed relations, %s\n", number, conflict.groups.size(),
              conflict.relations.size(), frustration_text(conflict).c_str());
  for (std::size_t i = 0; i < conflict.camps.size(); ++i) {
    const Camp& camp = conflict.camps[i];
    std::printf("    Camp %c: %s\n", i == 0 ? 'A' : 'B', name_list(graph, camp.groups).c_str());
    if (!camp.people.empty()) std::printf("      people: %s\n", name_list(graph, camp.people).c_str());
  }
  std::printf("    Ties:\n");
  print_relations(graph, "      ", conflict.relations);
  std::printf("    Frustrated ties:%s\n", conflict.frustrated.empty() ? " none" : "");
  print_relations(graph, "      ", conflict.frustrated);
}

void print_sides(const KnowledgeGraph& graph, const FactionReport& report) {
  std::printf("\nSides: each conflict split into the two camps with the fewest frustrated ties\n");
  if (report.conflicts.empty()) std::printf("  no conflict: no rivalry between groups\n");
  for (std::size_t i = 0; i < report.conflicts.size(); ++i) print_conflict(graph, i + 1, report.conflicts[i]);
  std::printf("\nUnaligned groups (no alliance or rivalry): %s\n",
              report.unaligned.empty() ? "none" : name_list(graph, report.unaligned).c_str());
}

void print_balance(const KnowledgeGraph& graph, const FactionReport& report) {
  std::printf("\nStructural balance: %zu triangles, %zu balanced, %zu unbalanced (ratio %.3f)\n",
              report.triangles.size(), report.balanced, report.unbalanced, report.balance_ratio);
  for (const auto& t : report.triangles)
    std::printf("  %-10s %s\n", t.balanced ? "balanced" : "UNBALANCED", name_list(graph, {t.a, t.b, t.c}).c_str());
  std::printf("\nImbalance by group (frustrated ties under the sides, unbalanced triangles)\n");
  bool any = false;
  for (const GroupBalance& b : report.groups) {
    if (b.frustrated == 0 && b.unbalanced == 0) continue;
    any = true;
    std::printf("  %s: %zu frustrated, %zu of %zu triangles unbalanced\n", visible(graph.entity(b.group).name).c_str(),
                b.frustrated, b.unbalanced, b.triangles);
  }
  if (!any) std::printf("  none: every alliance and rivalry agrees with the sides\n");
}

void write_text(const KnowledgeGraph& graph, const FactionReport& report) {
  std::printf("Factions of the signed network of groups: %zu groups, %zu with an alliance or rivalry; %zu signed "
              "ties\n\n",
              report.groups.size() + report.unaligned.size(), report.groups.size(), report.signed_pairs);
  print_blocs(graph, report);
  print_sides(graph, report);
  print_balance(graph, report);
  std::printf("\nEnemy of my enemy: untied groups with shared enemies\n");
  for (const auto& c : report.candidates) {
    std::printf("  %s + %s: %zu shared (%s)\n", visible(graph.entity(c.a).name).c_str(), visible(graph.entity(c.b).name).c_str(),
                c.shared_enemies.size(), name_list(graph, c.shared_enemies).c_str());
    print_relations(graph, "      ", c.relations);
  }
}

int run_factions(const Session& session, const NoOptions&) {
  return answer(session, write_json, write_text, session.graph(), factions(session.view()));
}

}  // namespace

void setup_factions(CLI::App& app, Context& context) {
  CLI::App* command = add_command(app, context, help, run_factions);
  command->footer(std::string(explanation) + "\n\n" + command->get_footer());
}

}  // namespace cartelgraph::cli
