#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/link_prediction.hpp"

namespace cartelgraph::cli {

namespace {

struct SuggestCommand {
  std::string entity;
  LinkScore score = LinkScore::adamic_adar;
  std::size_t limit = 10;
  std::optional<double> beta;
};

const CommandHelp help = {"suggest",
                          "Missing ties: untied pairs the network around them suggests (Adamic-Adar, resource "
                          "allocation, Jaccard, Katz), each with its cited shared neighbours or paths",
                          "cartelgraph suggest \"El Mencho\" --score katz --limit 5"};

// --beta's value: a decimal number strictly between 0 and 1 ("0.05", "5e-2"), else nullopt.
std::optional<double> parse_beta(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (text.empty() || error != std::errc() || stop != end || !(value > 0 && value < 1)) return std::nullopt;
  return value;
}

CLI::Validator beta_validator() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        if (parse_beta(input)) return {};
        return "expected a decimal number between 0 and 1 (both excluded), got '" + input + "'";
      },
      "");
}

void write_hop_json(JsonWriter& json, const KnowledgeGraph& graph, const CitedHop& hop) {
  json.object([&] {
    json.member("from", graph.entity(hop.from).id);
    json.member("to", graph.entity(hop.to).id);
    json.array_member("relations", hop.relations, [&](const Edge e) { json.relation(graph, e); });
  });
}

void write_katz_json(JsonWriter& json, const KatzSetting& katz) {
  json.key("katz");
  json.object([&] {
    json.member("beta", katz.beta);
    json.member("beta_lowered", katz.lowered);
    json.member("lambda_max_lower", katz.radius.lower);
    json.member("lambda_max_upper", katz.radius.upper);
    json.member("tolerance", katz_tolerance);
  });
}

void write_json(JsonWriter& json, const Session& session, const TieSuggestions& found) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  json.member("score", to_string(found.score));
  network_member(json, session);
  if (found.entity) json.member("entity", graph.entity(*found.entity).id);
  if (found.katz) write_katz_json(json, *found.katz);
  json.array_member("suggestions", found.ties, [&](const SuggestedTie& tie) {
    json.object([&] {
      json.member("a", graph.entity(tie.a).id);
      json.member("b", graph.entity(tie.b).id);
      json.member("score", tie.score);
      json.member("justified_by", found.score == LinkScore::katz ? "shortest paths" : "shared neighbours");
      json.array_member("connections", tie.connections, [&](const std::vector<CitedHop>& connection) {
        json.array([&] {
          for (const CitedHop& hop : connection) write_hop_json(json, graph, hop);
        });
      });
    });
  });
  json.end_object();
}

void write_heading(const Session& session, const TieSuggestions& found) {
  std::printf("Missing ties by %s in %s", std::string(to_string(found.score)).c_str(),
              network_summary(session).c_str());
  if (found.entity) std::printf(", for %s", entity_label(session.graph(), *found.entity).c_str());
  std::printf("\n");
  if (found.katz)
    std::printf("Katz β = %.6g%s; λmax between %.6g and %.6g (β must be below 1/λmax); each score within %g\n",
                found.katz->beta,
                found.katz->lowered ? " (the default 0.05 is not below half of 1/λmax: lowered to it)" : "",
                found.katz->radius.lower, found.katz->radius.upper, katz_tolerance);
  if (found.ties.empty()) std::printf("No untied pair scores above 0.\n");
}

void write_text(const Session& session, const TieSuggestions& found) {
  const KnowledgeGraph& graph = session.graph();
  write_heading(session, found);
  const bool katz = found.score == LinkScore::katz;
  for (std::size_t i = 0; i < found.ties.size(); ++i) {
    const SuggestedTie& tie = found.ties[i];
    std::printf("\n%3zu  %.6g  %s — %s\n", i + 1, tie.score, entity_label(graph, tie.a).c_str(),
                entity_label(graph, tie.b).c_str());
    std::printf("     %s (%zu):\n", katz ? "shortest connecting paths" : "shared neighbours", tie.connections.size());
    for (const auto& connection : tie.connections) {
      std::printf("     •");
      for (const CitedHop& hop : connection) std::printf(" %s →", entity_label(graph, hop.from).c_str());
      std::printf(" %s\n", entity_label(graph, connection.back().to).c_str());
      for (const CitedHop& hop : connection) {
        std::printf("       %s — %s\n", entity_label(graph, hop.from).c_str(), entity_label(graph, hop.to).c_str());
        for (const Edge e : hop.relations) std::fputs(cited_relation(graph, e, "         ").c_str(), stdout);
      }
    }
  }
}

int run_suggest(const Session& session, const SuggestCommand& options) {
  if (options.beta && options.score != LinkScore::katz)
    throw Error(ErrorCategory::usage, "--beta applies to --score katz only");
  const std::optional<Vertex> entity = session.resolve_if_given(options.entity);
  if (entity && !session.network().projection().node(*entity))
    throw Error(ErrorCategory::no_result, "'" + session.graph().entity(*entity).id + "' is not in " +
                                              network_summary(session) + " (--network all analyses every layer)");
  const SuggestOptions suggest{options.score, options.limit, options.beta, 3, session.options().threads};
  return answer(session, write_json, write_text, session, suggest_ties(session.network(), entity, suggest));
}

// The options of `suggest`, declared when it is parsed (cli/command.hpp).
void declare_suggest_options(CLI::App* command, SuggestCommand* options) {
  command->add_option("entity", options->entity, "Suggest ties of this entity (default: the best pairs overall)")
      ->type_name("ENTITY");
  add_enum_option(*command, "--score", options->score, "score",
                  "adamic-adar (default), resource-allocation, jaccard (NetworkX 2.8's definitions, over the "
                  "pairs with a shared neighbour) or katz ([(I - βA)^-1 - I], every walk weighted β^length)")
      ->type_name("S");
  add_count_option(*command, "--limit", options->limit, "How many suggestions (default 10)", {1, 10'000});
  command
      ->add_option_function<std::string>(
          "--beta", [options = options](const std::string& value) { options->beta = parse_beta(value); },
          "Katz's β, which must be below 1/λmax of the network (default 0.05, or half of 1/λmax where "
          "0.05 is not below that)")
      ->check(beta_validator())
      ->type_name("B");
}

}  // namespace

void setup_suggest(CLI::App& app, Context& context) {
  add_command(app, context, help, run_suggest, declare_suggest_options);
}

}  // namespace cartelgraph::cli
