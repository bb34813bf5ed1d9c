#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph::cli {

namespace {

const CommandHelp help = {"info", "Counts by type and kind, sources, date range", "cartelgraph --format json info"};

void write_json(JsonWriter& json, const KnowledgeGraph&, const GraphSummary& summary) {
  json.begin_object();
  json.member("entities", summary.entities);
  json.member("relations", summary.relations);
  json.member("sources", summary.sources);
  json.member("undated_relations", summary.undated);
  json.key("by_type");
  json.object([&] {
    for (const auto& [type, count] : summary.by_type) json.member(to_string(type), count);
  });
  json.key("by_kind");
  json.object([&] {
    for (const auto& [kind, count] : summary.by_kind) json.member(to_string(kind), count);
  });
  json.key("date_range");
  json.object([&] {
    json.member("earliest", summary.earliest);
    json.member("latest", summary.latest);
  });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const GraphSummary& summary) {
  std::printf("%zu entities, %zu relations, %zu sources", summary.entities, summary.relations, summary.sources);
  if (summary.earliest)
    std::printf(", dated %s to %s", summary.earliest->to_string().c_str(), summary.latest->to_string().c_str());
  std::printf("\n\nEntities by type\n");
  for (const auto& [type, count] : summary.by_type)
    std::printf("  %-20s %5zu\n", std::string(to_string(type)).c_str(), count);
  std::printf("\nRelations by kind\n");
  for (const auto& [kind, count] : summary.by_kind)
    std::printf("  %-20s %5zu\n", std::string(to_string(kind)).c_str(), count);
  std::printf("\nSources\n");
  for (const auto& source : graph.sources())
    std::printf("  %-28s %-10s %s\n", visible(source.id).c_str(), visible(source.published).c_str(),
                visible(source.title).c_str());
}

int run_info(const Session& session, const NoOptions&) {
  return answer(session, write_json, write_text, session.graph(), summarize(session.view()));
}

}  // namespace

void setup_info(CLI::App& app, Context& context) { add_command(app, context, help, run_info); }

}  // namespace cartelgraph::cli
