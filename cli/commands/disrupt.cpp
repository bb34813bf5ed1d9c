#include <cstdint>
#include <cstdio>
#include <optional>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/disruption.hpp"

namespace cartelgraph::cli {

namespace {

struct DisruptOptions {
  std::vector<std::string> remove;
  std::string strategy = "degree";
  std::string mode = "sequential";
  std::size_t steps = 5;
  std::optional<std::size_t> samples;
  std::uint64_t seed = 42;
};

const CommandHelp help = {"disrupt", "Remove entities and watch the network fall apart (Cavallaro et al. 2020)",
                          "cartelgraph disrupt --strategy betweenness --mode sequential --steps 5"};

// What the command was asked to do, parsed.
struct Plan {
  DisruptionStrategy strategy;
  DisruptionMode mode;
  std::string strategy_name;  // "given" for --remove
};

Plan plan(const DisruptOptions& options) {
  const auto strategy = parse_disruption_strategy(options.strategy);
  if (!strategy)
    throw Error(ErrorCategory::usage, "unknown strategy '" + options.strategy + "' (known: degree, betweenness)");
  const auto mode = parse_disruption_mode(options.mode);
  if (!mode) throw Error(ErrorCategory::usage, "unknown mode '" + options.mode + "' (known: sequential, block)");
  return {*strategy, *mode, options.remove.empty() ? std::string(to_string(*strategy)) : "given"};
}

DisruptionResult run_query(const Session& session, const DisruptOptions& options, const Plan& plan) {
  const DisruptionOptions sampling{session.options().threads, options.samples, options.seed};
  if (options.remove.empty()) return disrupt(session.projection(), plan.strategy, plan.mode, options.steps, sampling);
  std::vector<Vertex> removals;
  for (const auto& name : options.remove) {
    const Vertex v = session.resolve(name);
    if (!session.projection().node(v))
      throw Error(ErrorCategory::no_result, "'" + session.graph().entity(v).id + "' is not in this view");
    removals.push_back(v);
  }
  return disrupt(session.projection(), removals, sampling);
}

void write_json(JsonWriter& json, const Session& session, const DisruptOptions&, const Plan& plan,
                const DisruptionResult& result) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  json.member("strategy", plan.strategy_name);
  json.member("mode", to_string(plan.mode));
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
      json.end_object();
    }
  });
  json.end_object();
}

void write_text(const Session& session, const DisruptOptions& options, const Plan& plan,
                const DisruptionResult& result) {
  std::printf("Disruption by %s (%s): %zu entities, largest component %zu, %zu components, efficiency %.4f\n",
              plan.strategy_name.c_str(), std::string(to_string(plan.mode)).c_str(), session.projection().node_count(),
              result.start.lcc, result.start.components, result.start.efficiency);
  if (result.start.samples > 0)
    std::printf("Efficiency%s estimated from %zu sampled sources (seed %llu): within ±%.4f with 95%% confidence\n",
                plan.strategy == DisruptionStrategy::betweenness && options.remove.empty() ? " and betweenness" : "",
                result.start.samples, static_cast<unsigned long long>(options.seed), result.start.error_bound);
  std::printf("\n%4s  %-40s %6s %8s %6s %10s\n", "step", "removed", "lcc", "fraction", "comps", "efficiency");
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    const auto& step = result.steps[i];
    std::printf("%4zu  %s %6zu %8.3f %6zu %10.4f\n", i + 1, pad(session.graph().entity(step.removed).name, 40).c_str(),
                step.state.lcc, step.lcc_fraction, step.state.components, step.state.efficiency);
  }
}

int run_disrupt(const Session& session, const DisruptOptions& options) {
  const Plan parsed = plan(options);
  const DisruptionResult result = run_query(session, options, parsed);
  return answer(session, write_json, write_text, session, options, parsed, result);
}

}  // namespace

void setup_disrupt(CLI::App& app, Context& context) {
  auto [command, options] = add_command(app, context, help, run_disrupt);
  command->add_option("--remove", options->remove, "Remove these entities, in order")
      ->delimiter(',')
      ->type_name("E,...");
  command->add_option("--strategy", options->strategy, "degree or betweenness")->type_name("S");
  command->add_option("--mode", options->mode, "sequential (re-rank after each removal) or block (rank once)")
      ->type_name("M");
  command->add_option("--steps", options->steps, "How many removals")->type_name("N");
  command
      ->add_option("--samples", options->samples,
                   "Estimate efficiency (and betweenness) from this many sampled sources; 0 is exact "
                   "(default: exact up to " +
                       std::to_string(automatic_exact_limit) + " entities, else " + std::to_string(automatic_samples) +
                       ")")
      ->type_name("K");
  command->add_option("--seed", options->seed, "Seed of the source sample")->type_name("S");
}

}  // namespace cartelgraph::cli
