#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/style.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/graph/normalize.hpp"
#include "cartelgraph/queries/resolve.hpp"

namespace cartelgraph::cli {

namespace {

struct SearchOptions {
  std::string text;
  std::size_t limit = 10;
};

const CommandHelp help = {"search", "Ranked matches over names, known-as names and aliases (case and accents ignored)",
                          "cartelgraph search \"jalisco nueva generacion\""};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, const std::string& query,
                const std::vector<SearchMatch>& matches) {
  json.begin_object();
  json.member("query", query);
  json.array_member("matches", matches, [&](const auto& m) {
    json.object([&] {
      json.entity_summary(graph, m.entity);
      json.known_as(graph.entity(m.entity).known_as);
      json.member("score", m.score);
    });
  });
  json.end_object();
}

// "Nemesio Oseguera Cervantes “El Mencho” [person]": the label with the name it is known by.
std::string known_label(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  if (entity.known_as.empty()) return entity_label(graph, v);
  return bold(visible(entity.name)) + " “" + visible(entity.known_as) + "” " + dim("[" + std::string(to_string(entity.type)) + "]");
}

void write_text(const KnowledgeGraph& graph, const std::string&, const std::vector<SearchMatch>& matches) {
  for (const auto& m : matches)
    std::printf("%5.3f  %s %s\n", m.score, pad(known_label(graph, m.entity), 56).c_str(),
                visible(graph.entity(m.entity).id).c_str());
}

// Throws Error (usage) if `text` is not valid UTF-8, or has nothing to search for once case,
// accents, punctuation and spaces are set aside ("", "  ", "--").
void check_search_text(const std::string& text) {
  std::string key;
  try {
    key = normalize_name(text);
  } catch (const Error&) {
    throw Error(ErrorCategory::usage, "'" + text + "' is not valid UTF-8");
  }
  if (key.empty()) throw Error(ErrorCategory::usage, "search: '" + text + "' has no letters or digits to look for");
}

int run_search(const Session& session, const SearchOptions& options) {
  check_search_text(options.text);
  const auto matches = search_entities(session.graph(), options.text, options.limit);
  answer(session, write_json, write_text, session.graph(), options.text, matches);
  if (!matches.empty()) return exit_ok;
  std::fprintf(stderr, "cartelgraph: no name or alias matches '%s' (none scores %.1f or more)\n",
               visible(options.text).c_str(),
               relevance_floor);
  return exit_no_result;
}

// The options of `search`, declared when it is parsed (cli/command.hpp).
void declare_search_options(CLI::App* command, SearchOptions* options) {
  command->add_option("text", options->text, "What to look for")->required()->type_name("TEXT");
  add_count_option(*command, "--limit", options->limit, "How many matches (default 10)", {1, 10'000});
}

}  // namespace

void setup_search(CLI::App& app, Context& context) {
  add_command(app, context, help, run_search, declare_search_options);
}

}  // namespace cartelgraph::cli
