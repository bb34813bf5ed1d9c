#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/commands/key_players.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/disruption.hpp"

namespace cartelgraph::cli {

namespace {

struct DisruptOptions {
  std::vector<std::string> remove;
  DisruptionStrategy strategy = DisruptionStrategy::degree;
  DisruptionMode mode = DisruptionMode::sequential;
  std::size_t steps = 5;
  std::optional<std::size_t> samples;
  std::uint64_t seed = 42;
  std::optional<std::size_t> key_players;  // --key-players K: Borgatti's key player set instead
  KeyPlayerCriterion criterion = KeyPlayerCriterion::fragmentation;
  std::size_t reach = 1;
};

const CommandHelp help = {"disrupt", "Remove entities and watch the network fall apart (Cavallaro et al. 2020)",
                          "cartelgraph disrupt --strategy betweenness --mode sequential --steps 5"};

// How the removals were chosen: the strategy's name, or "given" for --remove.
std::string strategy_name(const DisruptOptions& options) {
  return options.remove.empty() ? std::string(to_string(options.strategy)) : "given";
}

DisruptionResult run_query(const Session& session, const DisruptOptions& options) {
  const DisruptionOptions sampling{session.options().threads, options.samples, options.seed};
  if (options.remove.empty())
    return disrupt(session.network().projection(), options.strategy, options.mode, options.steps, sampling);
  std::vector<Vertex> removals;
  for (const auto& name : options.remove) {
    const Vertex v = session.resolve(name);
    if (!session.network().projection().node(v))
      throw Error(ErrorCategory::no_result, "'" + session.graph().entity(v).id + "' is not in " +
                                                network_summary(session) + " (--network all analyses every layer)");
    removals.push_back(v);
  }
  return disrupt(session.network().projection(), removals, sampling);
}

// What removing `step`'s entity cut: its ties in the network to entities still there (ties to
// entities removed at earlier steps were cut then).
std::vector<Edge> cut_relations(const Session& session, const DisruptionResult& result, const DisruptionStep& step) {
  return session.network().relations_of(step.removed, [&](Vertex other) {
    return std::find_if(result.steps.data(), &step, [&](const DisruptionStep& s) { return s.removed == other; }) == &step;
  });
}

void write_json(JsonWriter& json, const Session& session, const DisruptOptions& options,
                const DisruptionResult& result) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  json.member("strategy", strategy_name(options));
  json.member("mode", to_string(options.mode));
  network_member(json, session);
  json.member("start_lcc", result.start.lcc);
  json.member("start_components", result.start.components);
  json.member("start_efficiency", result.start.efficiency);
  json.member("samples", result.start.samples);
  json.member("error_bound", result.start.error_bound);
  json.key("steps");
  json.array([&] {
    for (const auto& step : result.steps) {
      json.begin_object();
      json.member("removed", graph.entity(step.removed).id);
      json.member("lcc", step.state.lcc);
      json.member("lcc_fraction", step.lcc_fraction);
      json.member("components", step.state.components);
      json.member("efficiency", step.state.efficiency);
      json.array_member("relations", cut_relations(session, result, step),
                        [&](const Edge e) { json.relation(graph, e); });
      json.end_object();
    }
  });
  json.end_object();
}

void write_text(const Session& session, const DisruptOptions& options, const DisruptionResult& result) {
  std::printf("Disruption by %s (%s) of %s; largest component %zu, %zu components, efficiency %.4f\n",
              strategy_name(options).c_str(), std::string(to_string(options.mode)).c_str(),
              network_summary(session).c_str(), result.start.lcc, result.start.components, result.start.efficiency);
  if (result.start.samples > 0)
    std::printf("Efficiency%s estimated from %zu sampled sources (seed %llu): within ±%.4f with 95%% confidence\n",
                options.strategy == DisruptionStrategy::betweenness && options.remove.empty() ? " and betweenness" : "",
                result.start.samples, static_cast<unsigned long long>(options.seed), result.start.error_bound);
  std::printf("\n%4s  %-40s %6s %8s %6s %10s\n", "step", "removed", "lcc", "fraction", "comps", "efficiency");
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    const auto& step = result.steps[i];
    std::printf("%4zu  %s %6zu %8.3f %6zu %10.4f\n", i + 1, pad(visible(session.graph().entity(step.removed).name), 40).c_str(),
                step.state.lcc, step.lcc_fraction, step.state.components, step.state.efficiency);
    for (const Edge e : cut_relations(session, result, step))
      std::printf("        %s %s\n", relation_sentence(session.graph(), e).c_str(),
                  citation_list(session.graph().relation(e).sources).c_str());
  }
}

int run_disrupt(const Session& session, const DisruptOptions& options) {
  if (options.key_players)
    return answer_key_players(session, *options.key_players,
                              {.criterion = options.criterion,
                               .reach_steps = options.reach,
                               .seed = options.seed,
                               .samples = options.samples,
                               .threads = session.options().threads});
  return answer(session, write_json, write_text, session, options, run_query(session, options));
}

// --key-players and its own options, which need it; it excludes --remove, --strategy, --mode, --steps.
void add_key_player_options(CLI::App& command, DisruptOptions& options) {
  auto* key_players = add_count_option(command, "--key-players", options.key_players,
                                       "Find the set of K entities whose removal most fragments the network, or "
                                       "that reaches the most others (Borgatti 2006), instead of removing one by one",
                                       {1, 1000})
                          ->type_name("K")
                          ->excludes("--remove")
                          ->excludes("--strategy")
                          ->excludes("--mode")
                          ->excludes("--steps");
  add_enum_option(command, "--criterion", options.criterion, "criterion",
                  "What --key-players maximises: fragmentation (pairs cut off), distance (distance-weighted "
                  "fragmentation) or reach (others within --reach steps) (default fragmentation)")
      ->type_name("C")
      ->needs(key_players);
  add_count_option(command, "--reach", options.reach, "Steps from the set that the reach criterion counts (default 1)", hop_range)
      ->type_name("D")
      ->needs(key_players);
}

// The options of `disrupt`, declared when it is parsed (cli/command.hpp).
void declare_disrupt_options(CLI::App* command, DisruptOptions* options) {
  command->add_option("--remove", options->remove, "Remove these entities, in order")
      ->delimiter(',')
      ->type_name("E,...");
  add_enum_option(*command, "--strategy", options->strategy, "strategy", alternatives<DisruptionStrategy>())
      ->type_name("S");
  add_enum_option(*command, "--mode", options->mode, "mode",
                  "sequential (re-rank after each removal) or block (rank once)")
      ->type_name("M");
  add_count_option(*command, "--steps", options->steps, "How many removals (default 5)", {1, 1'000'000});
  add_count_option(*command, "--samples", options->samples,
                   "Estimate efficiency (and betweenness; with --key-players, DF) from this many sampled sources; 0 "
                   "is exact (default: exact up to " +
                       std::to_string(automatic_exact_limit) + " entities, else " + std::to_string(automatic_samples) +
                       "; DF: up to " + std::to_string(key_player_exact_limit) + ", else " +
                       std::to_string(key_player_samples) + ")",
                   sample_range)
      ->type_name("K");
  add_count_option(*command, "--seed", options->seed,
                   "Seed of the source sample, and of --key-players' random starts (default 42)", seed_range)
      ->type_name("S");
  add_key_player_options(*command, *options);
}

}  // namespace

void setup_disrupt(CLI::App& app, Context& context) {
  add_command(app, context, help, run_disrupt, declare_disrupt_options);
}

}  // namespace cartelgraph::cli
