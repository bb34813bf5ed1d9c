#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/resolve.hpp"

namespace cartelgraph::cli {

namespace {

struct SearchOptions {
  std::string text;
  std::size_t limit = 10;
};

int run_search(const Context& context, const SearchOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  std::vector<SearchMatch> matches;
  try {
    matches = search_entities(graph, options.text, options.limit);
  } catch (const std::invalid_argument&) {
    throw CliError(exit_usage, "'" + options.text + "' is not valid UTF-8");
  }
  std::erase_if(matches, [](const SearchMatch& m) { return m.score <= 0; });
  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("query");
    json.string(options.text);
    json.key("matches");
    w.StartArray();
    for (const auto& m : matches) {
      json.begin_entity(graph, m.entity);
      json.key("score");
      w.Double(m.score);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
  } else {
    for (const auto& m : matches)
      std::printf("%5.3f  %s %s\n", m.score, pad(entity_label(graph, m.entity), 56).c_str(),
                  graph.entity(m.entity).id.c_str());
  }
  return matches.empty() ? exit_no_result : exit_ok;
}

}  // namespace

void setup_search(CLI::App& app, Context& context) {
  auto options = std::make_shared<SearchOptions>();
  auto* command = app.add_subcommand("search", "Ranked matches over names and aliases (case and accents ignored)");
  command->add_option("text", options->text, "What to look for")->required()->type_name("TEXT");
  command->add_option("--limit", options->limit, "How many matches")->type_name("N");
  command->footer("Example: cartelgraph search \"jalisco nueva generacion\"");
  command->callback([&context, options] { context.run = [&context, options] { return run_search(context, *options); }; });
}

}  // namespace cartelgraph::cli
