#include <cstdint>
#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/centrality.hpp"

namespace cartelgraph::cli {

namespace {

struct CentralityCommand {
  CentralityMeasure measure = CentralityMeasure::degree;
  std::string type;
  std::size_t top = 10;
  std::size_t samples = 0;
  std::uint64_t seed = 42;
  bool weighted = false;
};

const CommandHelp help = {"centrality", "Rank entities by a centrality measure (NetworkX 2.8 definitions)",
                          "cartelgraph centrality --measure betweenness --type person --top 5"};

// The `top` best-ranked entities whose type is in `types`.
std::vector<RankedEntity> listed(const Session& session, const CentralityScores& scores, TypeSet types,
                                 std::size_t top) {
  std::vector<RankedEntity> entities;
  for (const auto& ranked : scores.ranking()) {
    if (entities.size() == top) break;
    if (types.test(static_cast<std::size_t>(session.graph().entity(ranked.entity).type))) entities.push_back(ranked);
  }
  return entities;
}

void write_json(JsonWriter& json, const Session& session, const CentralityScores& scores, bool weighted,
                const std::vector<RankedEntity>& listed) {
  json.begin_object();
  json.member("measure", to_string(scores.measure));
  if (weighted) json.member("weighted", true);
  network_member(json, session);
  if (scores.samples > 0) {
    json.member("samples", scores.samples);
    json.member("error_bound", scores.error_bound);
  }
  json.array_member("results", listed,
                    [&](const RankedEntity& r) { json.entity_with(session.graph(), r.entity, "score", r.score); });
  json.end_object();
}

void write_text(const Session& session, const CentralityScores& scores, bool weighted,
                const std::vector<RankedEntity>& listed) {
  std::printf("%s%s centrality over %s", weighted ? "weighted " : "", std::string(to_string(scores.measure)).c_str(),
              network_summary(session).c_str());
  if (scores.samples > 0)
    std::printf(", sampled from %zu sources: each score within ±%.4f (95%% confidence, all at once)", scores.samples,
                scores.error_bound);
  std::printf("\n");
  for (std::size_t i = 0; i < listed.size(); ++i)
    std::printf("%3zu  %10.6f  %s\n", i + 1, listed[i].score, entity_label(session.graph(), listed[i].entity).c_str());
}

int run_centrality(const Session& session, const CentralityCommand& options) {
  const TypeSet types = type_option(options.type);
  if (options.samples > 0 && options.measure != CentralityMeasure::betweenness)
    throw Error(ErrorCategory::usage, "--samples applies to --measure betweenness only");
  const std::vector<double> strengths = options.weighted ? session.network().strengths() : std::vector<double>{};
  const CentralityScores scores = centrality(session.network().projection(), options.measure,
                                             {session.options().threads, options.samples, options.seed, strengths});
  return answer(session, write_json, write_text, session, scores, options.weighted,
                listed(session, scores, types, options.top));
}

// The options of `centrality`, declared when it is parsed (cli/command.hpp).
void declare_centrality_options(CLI::App* command, CentralityCommand* options) {
  add_enum_option(*command, "--measure", options->measure, "measure", alternatives<CentralityMeasure>())
      ->type_name("M");
  command->add_option("--type", options->type, "List only entities of this type (scores use the whole view)")
      ->type_name("T");
  add_count_option(*command, "--top", options->top, "How many to list (default 10)", {1, 1'000'000});
  add_count_option(*command, "--samples", options->samples,
                   "Approximate betweenness from this many sampled sources (NetworkX's k); 0, the default, is exact",
                   sample_range)
      ->type_name("K");
  command->add_flag("--weighted", options->weighted,
                    "Weigh ties by strength: a relation's weight (calls, meetings; 1 when absent), parallel relations "
                    "adding up, a tie of no positive strength not crossed; in the people network, shared groups plus "
                    "the strengths of direct relations. Betweenness, closeness and "
                    "harmonic take length 1/strength (NetworkX's weight=/distance= 'length'); degree sums strengths; "
                    "eigenvector and pagerank weigh by strength (NetworkX's weight='weight')");
  add_count_option(*command, "--seed", options->seed, "Seed of the source sample (default 42)", seed_range)
      ->type_name("S");
}

}  // namespace

void setup_centrality(CLI::App& app, Context& context) {
  add_command(app, context, help, run_centrality, declare_centrality_options);
}

}  // namespace cartelgraph::cli
