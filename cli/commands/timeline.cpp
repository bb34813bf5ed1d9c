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

const CommandHelp help = {"timeline", "Dated relations in date order, for the graph or one entity",
                          "cartelgraph timeline \"Rosalinda Gonzalez Valencia\""};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const std::vector<TimelineEvent>& events) {
  json.begin_object();
  json.key("events");
  json.array([&] {
    for (const auto& event : events) {
      json.begin_object();
      json.member("date", event.date.to_string());
      json.relation_members(graph, event.relation);
      json.end_object();
    }
  });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const std::vector<TimelineEvent>& events) {
  for (const auto& event : events) {
    const Relation& r = graph.relation(event.relation);
    std::printf("%-12s %s%s %s\n", event.date.to_string().c_str(), relation_sentence(graph, event.relation).c_str(),
                r.until && r.since ? (" until " + r.until->to_string()).c_str() : "", citation_list(r.sources).c_str());
  }
}

int run_timeline(const Session& session, const TimelineOptions& options) {
  const auto events = timeline(session.view(), session.resolve_if_given(options.entity));
  return answer(session, write_json, write_text, session.graph(), events);
}

}  // namespace

void setup_timeline(CLI::App& app, Context& context) {
  auto [command, options] = add_command(app, context, help, run_timeline);
  command->add_option("entity", options->entity, "Only relations of this entity")->type_name("ENTITY");
}

}  // namespace cartelgraph::cli
