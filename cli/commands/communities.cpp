#include <charconv>
#include <cstdint>
#include <cstdio>
#include <regex>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/communities.hpp"

namespace cartelgraph::cli {

namespace {

struct CommunitiesOptions {
  CommunityOptions query;
};

const CommandHelp help = {"communities", "Communities by the Leiden algorithm (modularity, weighted by tie strength)",
                          "cartelgraph --network people communities --top 5"};

// What the answer means, above the example in `communities --help`.
const char* const explanation =
    "Leiden (Traag, Waltman and van Eck 2019) maximises modularity: ties inside communities\n"
    "beyond what the entities' ties would give by chance. Ties weigh their strength (a\n"
    "relation's weight, 1 when absent, parallel relations adding up; in the people network,\n"
    "shared groups plus direct relations). Leiden runs again from its result while modularity\n"
    "rises, up to --runs times; the same seed gives the same communities. Each community is\n"
    "connected and listed with its strongest ties and the relations behind them. Entities with\n"
    "no tie are each alone.";

constexpr double max_resolution = 1000;

// --resolution: a positive decimal number (digits, optionally a point and digits) up to
// max_resolution, stored in `value`.
CLI::Option* add_resolution_option(CLI::App& command, double& value) {
  const auto parse = [](const std::string& text) -> std::optional<double> {
    static const std::regex form(R"([0-9]+(\.[0-9]+)?)");
    double number = 0;
    if (!std::regex_match(text, form)) return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || !(number > 0) || number > max_resolution)
      return std::nullopt;
    return number;
  };
  const CLI::Validator check(
      [parse](std::string& text) -> std::string {
        return parse(text) ? "" : "expected a decimal number above 0 and at most 1000, got '" + text + "'";
      },
      "");
  return command
      .add_option_function<std::string>(
          "--resolution", [&value, parse](const std::string& text) { value = *parse(text); },
          "Resolution γ of modularity, a decimal number above 0 and at most 1000: above 1 gives more, smaller "
          "communities; below 1 fewer, larger ones (default 1)")
      ->check(check)
      ->type_name("GAMMA");
}

void write_community(JsonWriter& json, const KnowledgeGraph& graph, const Community& community) {
  json.begin_object();
  json.member("size", community.members.size());
  json.member("ties", community.ties);
  json.member("strength", community.strength);
  json.member("density", community.density);
  json.key("members");
  json.ids(graph, community.members);
  json.array_member("strongest_ties", community.strongest, [&](const CommunityTie& tie) {
    json.object([&] {
      json.member("a", graph.entity(tie.a).id);
      json.member("b", graph.entity(tie.b).id);
      json.member("strength", tie.strength);
      json.array_member("relations", tie.relations, [&](const Edge e) { json.relation(graph, e); });
    });
  });
  json.end_object();
}

void write_json(JsonWriter& json, const Session& session, const CommunitiesOptions& options,
                const CommunityResult& result) {
  json.begin_object();
  json.member("algorithm", "leiden");
  json.member("ties_counted", "cohesive: rivalries and attacks (kinds of negative sign) left out");
  network_member(json, session);
  json.member("modularity", result.modularity);
  json.member("resolution", result.resolution);
  json.member("seed", options.query.seed);
  json.member("runs", result.runs);
  json.member("converged", result.converged);
  json.array_member("communities", result.communities,
                    [&](const Community& community) { write_community(json, session.graph(), community); });
  json.end_object();
}

void write_community_text(const KnowledgeGraph& graph, std::size_t number, const Community& community) {
  std::printf("\nCommunity %zu: %zu entities, %zu ties (density %.3f), strength %g\n", number, community.members.size(),
              community.ties, community.density, community.strength);
  std::printf("  Members: %s\n", name_list(graph, community.members).c_str());
  if (!community.strongest.empty()) std::printf("  Strongest ties:\n");
  for (const CommunityTie& tie : community.strongest) {
    std::printf("    %s — %s, strength %g\n", entity_label(graph, tie.a).c_str(), entity_label(graph, tie.b).c_str(),
                tie.strength);
    for (const Edge e : tie.relations)
      std::printf("      %s %s\n", relation_sentence(graph, e).c_str(),
                  citation_list(graph.relation(e).sources).c_str());
  }
}

void write_text(const Session& session, const CommunitiesOptions& options, const CommunityResult& result) {
  const KnowledgeGraph& graph = session.graph();
  std::vector<Vertex> alone;
  std::size_t grouped = 0;
  for (const Community& community : result.communities)
    if (community.members.size() == 1) alone.push_back(community.members.front());
    else ++grouped;
  std::printf(
      "Communities of %s: Leiden on cohesive ties (rivalries and attacks left out), modularity %.6f "
      "(resolution %g, seed %llu, %zu runs%s)\n",
      network_summary(session).c_str(), result.modularity, result.resolution,
      static_cast<unsigned long long>(options.query.seed), result.runs,
      result.converged ? "" : ", still rising at the last: --runs 0 runs until it stops");
  std::printf("%zu communities of two or more, %zu entities alone\n", grouped, alone.size());
  for (std::size_t i = 0; i < grouped; ++i) write_community_text(graph, i + 1, result.communities[i]);
  std::sort(alone.begin(), alone.end());
  if (!alone.empty()) std::printf("\nAlone: %s\n", name_list(graph, alone).c_str());
}

int run_communities(const Session& session, const CommunitiesOptions& options) {
  return answer(session, write_json, write_text, session, options, communities(session.network(), options.query));
}

// The options of `communities`, declared when it is parsed (cli/command.hpp).
void declare_communities_options(CLI::App* command, CommunitiesOptions* options) {
  command->footer(std::string(explanation) + "\n\n" + command->get_footer());
  add_resolution_option(*command, options->query.resolution);
  add_count_option(*command, "--top", options->query.top_ties,
                   "How many of the strongest ties inside each community to list, with their relations (default 3)",
                   {0, 1'000'000});
  add_count_option(*command, "--runs", options->query.max_runs,
                   "At most this many Leiden runs, each from the communities the one before found, while modularity "
                   "rises; 0: until it stops rising (default 10)",
                   {0, 1'000'000});
  add_count_option(*command, "--seed", options->query.seed, "Seed of Leiden's random choices (default 42)", seed_range)
      ->type_name("S");
}

}  // namespace

void setup_communities(CLI::App& app, Context& context) {
  add_command(app, context, help, run_communities, declare_communities_options);
}

}  // namespace cartelgraph::cli
