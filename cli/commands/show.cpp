#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/style.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/entity_card.hpp"

namespace cartelgraph::cli {

namespace {

struct ShowOptions {
  std::string entity;
};

void write_json(const KnowledgeGraph& graph, const EntityCard& card) {
  const Entity& entity = graph.entity(card.entity);
  JsonDocument json;
  auto& w = json.writer();
  json.begin_entity(graph, card.entity);
  json.key("aliases");
  w.StartArray();
  for (const auto& alias : entity.aliases) json.string(alias);
  w.EndArray();
  json.key("description");
  json.string(entity.description);
  json.key("sources");
  json.citations(entity.sources);
  json.key("relations");
  w.StartArray();
  for (const auto& item : card.relations) json.relation(graph, item.edge);
  w.EndArray();
  w.EndObject();
  json.print();
}

void write_text(const KnowledgeGraph& graph, const EntityCard& card) {
  const Entity& entity = graph.entity(card.entity);
  std::printf("%s  %s\n", entity_label(graph, card.entity).c_str(), dim("id " + entity.id).c_str());
  if (!entity.aliases.empty()) {
    std::string aliases;
    for (const auto& alias : entity.aliases) aliases += (aliases.empty() ? "" : "; ") + alias;
    std::printf("Also known as: %s\n", aliases.c_str());
  }
  std::printf("%s\n  %s\n", entity.description.c_str(), citation_list(entity.sources).c_str());

  std::printf("\n%s\n", bold("Relations (" + std::to_string(card.relations.size()) + ")").c_str());
  for (const auto& item : card.relations) {
    const Relation& relation = graph.relation(item.edge);
    std::printf("  %-20s %s\n", date_span(relation).c_str(), relation_sentence(graph, item.edge).c_str());
    for (const auto& citation : relation.sources)
      std::printf("  %-20s %s %s\n", "", citation_list({citation}).c_str(), citation.note.c_str());
  }
}

int run_show(const Context& context, const ShowOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const EntityCard card = entity_card(view, resolve_or_throw(graph, options.entity));
  if (context.json()) write_json(graph, card);
  else write_text(graph, card);
  return exit_ok;
}

}  // namespace

void setup_show(CLI::App& app, Context& context) {
  auto options = std::make_shared<ShowOptions>();
  auto* command = app.add_subcommand("show", "Entity card: names, aliases, dated and sourced relations");
  command->footer("Example: cartelgraph show \"el arabe\"");
  command->add_option("entity", options->entity, "Id, name or alias (case and accents ignored)")
      ->required()
      ->type_name("ENTITY");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_show(context, *options); };
  });
}

}  // namespace cartelgraph::cli
