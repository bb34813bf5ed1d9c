#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/style.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/entity_card.hpp"

namespace cartelgraph::cli {

namespace {

struct ShowOptions {
  std::string entity;
};

const CommandHelp help = {"show", "Entity card: names (known as, aliases), dated and sourced relations",
                          "cartelgraph show \"el arabe\""};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const EntityCard& card) {
  const Entity& entity = graph.entity(card.entity);
  json.begin_object();
  json.entity_summary(graph, card.entity);
  json.known_as(entity.known_as);
  json.key("aliases");
  json.strings(entity.aliases);
  json.member("description", entity.description);
  json.key("sources");
  json.citations(entity.sources);
  const auto dataset = [&](std::string_view storyline) {  // only when several datasets were merged
    if (const std::string_view name = graph.dataset_of(storyline); !name.empty()) json.member("dataset", name);
  };
  dataset(entity.storyline);
  json.array_member("relations", card.relations, [&](const auto& item) {
    json.begin_object();
    json.relation_members(graph, item.edge);
    dataset(graph.relation(item.edge).storyline);
    json.end_object();
  });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, const EntityCard& card) {
  const Entity& entity = graph.entity(card.entity);
  std::printf("%s  %s\n", entity_label(graph, card.entity).c_str(), dim("id " + visible(entity.id)).c_str());
  if (!entity.known_as.empty()) std::printf("Known as: %s\n", visible(entity.known_as).c_str());
  if (!entity.aliases.empty()) {
    std::string aliases;
    for (const auto& alias : entity.aliases) aliases += (aliases.empty() ? "" : "; ") + visible(alias);
    std::printf("Also known as: %s\n", aliases.c_str());
  }
  // Imported entities may have neither description nor citation: no blank lines for them.
  if (!entity.description.empty()) std::printf("%s\n", visible(entity.description).c_str());
  if (!entity.sources.empty()) std::printf("  %s\n", citation_list(entity.sources).c_str());
  if (const std::string_view dataset = graph.dataset_of(entity.storyline); !dataset.empty())
    std::printf("From: %s\n", visible(dataset).c_str());

  std::printf("\n%s\n", bold("Relations (" + std::to_string(card.relations.size()) + ")").c_str());
  for (const auto& item : card.relations) {
    std::fputs(cited_relation(graph, item.edge, "  ", 20).c_str(), stdout);
    if (const std::string_view dataset = graph.dataset_of(graph.relation(item.edge).storyline); !dataset.empty())
      std::printf("  %s\n", dim("from " + visible(dataset)).c_str());
  }
}

int run_show(const Session& session, const ShowOptions& options) {
  return answer(session, write_json, write_text, session.graph(),
                entity_card(session.view(), session.resolve(options.entity)));
}

// The options of `show`, declared when it is parsed (cli/command.hpp).
void declare_show_options(CLI::App* command, ShowOptions* options) {
  command->add_option("entity", options->entity, "Id, name, known-as name or alias (case and accents ignored)")
      ->required()
      ->type_name("ENTITY");
}

}  // namespace

void setup_show(CLI::App& app, Context& context) { add_command(app, context, help, run_show, declare_show_options); }

}  // namespace cartelgraph::cli
