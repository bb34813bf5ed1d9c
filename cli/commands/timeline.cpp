#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/timeline.hpp"

namespace cartelgraph::cli {

namespace {

struct TimelineOptions {
  std::string entity;
};

int run_timeline(const Context& context, const TimelineOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const auto entity = options.entity.empty() ? std::nullopt : std::optional(resolve_or_throw(graph, options.entity));
  const auto events = timeline(view, entity);

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("events");
    w.StartArray();
    for (const auto& event : events) {
      const Relation& r = graph.relation(event.relation);
      w.StartObject();
      json.key("date");
      json.string(event.date.to_string());
      json.key("from");
      json.string(graph.entity(boost::source(event.relation, graph.graph())).id);
      json.key("to");
      json.string(graph.entity(boost::target(event.relation, graph.graph())).id);
      json.key("kind");
      json.string(to_string(r.kind));
      json.key("until");
      json.date(r.until);
      json.key("confidence");
      json.string(to_string(r.confidence));
      json.key("sources");
      json.citations(r.sources);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  for (const auto& event : events) {
    const Relation& r = graph.relation(event.relation);
    std::printf("%-12s %s%s %s\n", event.date.to_string().c_str(), relation_sentence(graph, event.relation).c_str(),
                r.until && r.since ? (" until " + r.until->to_string()).c_str() : "",
                citation_list(r.sources).c_str());
  }
  return exit_ok;
}

}  // namespace

void setup_timeline(CLI::App& app, Context& context) {
  auto options = std::make_shared<TimelineOptions>();
  auto* command = app.add_subcommand("timeline", "Dated relations in date order, for the graph or one entity");
  command->footer("Example: cartelgraph timeline \"Rosalinda Gonzalez Valencia\"");
  command->add_option("entity", options->entity, "Only relations of this entity")->type_name("ENTITY");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_timeline(context, *options); };
  });
}

}  // namespace cartelgraph::cli
