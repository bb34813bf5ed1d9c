#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/timeline.hpp"

namespace cartelgraph::cli {

namespace {

struct TimelineOptions {
  std::string entity;
};

const CommandHelp help = {"timeline",
                          "When ties began, were known to hold by (start unknown) and ended, in date order, for the "
                          "graph or one entity",
                          "cartelgraph timeline \"Rosalinda Gonzalez Valencia\""};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, std::optional<Vertex>, const Timeline& timeline) {
  json.begin_object();
  json.array_member("events", timeline.events, [&](const TimelineEvent& event) {
    json.begin_object();
    json.member("date", event.date.to_string());
    json.member("boundary", to_string(event.boundary));
    json.relation_members(graph, event.relation);
    json.end_object();
  });
  json.member("undated", timeline.undated);
  json.end_object();
}

// What the timeline leaves out: relations with no date at all, which `show` lists.
void write_undated(const KnowledgeGraph& graph, std::optional<Vertex> entity, const Timeline& timeline) {
  if (timeline.undated == 0) {
    if (timeline.events.empty()) std::printf("No relations in this view.\n");
    return;
  }
  std::printf("%s%zu undated relation%s left out", timeline.events.empty() ? "No dated relations; " : "\n",
              timeline.undated, timeline.undated == 1 ? "" : "s");
  if (entity) std::printf(": cartelgraph show %s lists them", visible(graph.entity(*entity).id).c_str());
  std::printf("\n");
}

void write_text(const KnowledgeGraph& graph, std::optional<Vertex> entity, const Timeline& timeline) {
  for (const auto& event : timeline.events)
    std::printf("%-12s %-8s %s %s\n", event.date.to_string().c_str(),
                std::string(boundary_words(event.boundary)).c_str(), relation_sentence(graph, event.relation).c_str(),
                citation_list(graph.relation(event.relation).sources).c_str());
  write_undated(graph, entity, timeline);
}

int run_timeline(const Session& session, const TimelineOptions& options) {
  const auto entity = session.resolve_if_given(options.entity);
  return answer(session, write_json, write_text, session.graph(), entity, timeline(session.view(), entity));
}

// The options of `timeline`, declared when it is parsed (cli/command.hpp).
void declare_timeline_options(CLI::App* command, TimelineOptions* options) {
  command->add_option("entity", options->entity, "Only relations of this entity")->type_name("ENTITY");
}

}  // namespace

void setup_timeline(CLI::App& app, Context& context) {
  add_command(app, context, help, run_timeline, declare_timeline_options);
}

}  // namespace cartelgraph::cli
