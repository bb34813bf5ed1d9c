#include <cstdint>
#include <cstdio>
#include <optional>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
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

int run_disrupt(const Context& context, const DisruptOptions& options) {
  const auto strategy = parse_disruption_strategy(options.strategy);
  if (!strategy) throw CliError(exit_usage, "unknown strategy '" + options.strategy + "' (known: degree, betweenness)");
  const auto mode = parse_disruption_mode(options.mode);
  if (!mode) throw CliError(exit_usage, "unknown mode '" + options.mode + "' (known: sequential, block)");
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const Projection projection = Projection::build(view);
  const DisruptionOptions sampling{context.options.threads, options.samples, options.seed};

  DisruptionResult result;
  if (!options.remove.empty()) {
    std::vector<Vertex> entities;
    for (const auto& name : options.remove) {
      const Vertex v = resolve_or_throw(graph, name);
      if (!projection.node(v)) throw CliError(exit_no_result, "'" + graph.entity(v).id + "' is not in this view");
      entities.push_back(v);
    }
    result = disrupt(projection, entities, sampling);
  } else {
    result = disrupt(projection, *strategy, *mode, options.steps, sampling);
  }
  const std::string strategy_name = options.remove.empty() ? std::string(to_string(*strategy)) : "given";

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("strategy");
    json.string(strategy_name);
    json.key("mode");
    json.string(to_string(*mode));
    json.key("start_lcc");
    w.Uint64(result.start.lcc);
    json.key("start_components");
    w.Uint64(result.start.components);
    json.key("start_efficiency");
    w.Double(result.start.efficiency);
    json.key("samples");
    w.Uint64(result.start.samples);
    json.key("error_bound");
    w.Double(result.start.error_bound);
    json.key("steps");
    w.StartArray();
    for (const auto& step : result.steps) {
      w.StartObject();
      json.key("removed");
      json.string(graph.entity(step.removed).id);
      json.key("lcc");
      w.Uint64(step.state.lcc);
      json.key("lcc_fraction");
      w.Double(step.lcc_fraction);
      json.key("components");
      w.Uint64(step.state.components);
      json.key("efficiency");
      w.Double(step.state.efficiency);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  std::printf("Disruption by %s (%s): %zu entities, largest component %zu, %zu components, efficiency %.4f\n",
              strategy_name.c_str(), std::string(to_string(*mode)).c_str(), projection.node_count(),
              result.start.lcc, result.start.components, result.start.efficiency);
  if (result.start.samples > 0)
    std::printf("Efficiency%s estimated from %zu sampled sources (seed %llu): within ±%.4f with 95%% "
                "confidence\n",
                *strategy == DisruptionStrategy::betweenness && options.remove.empty() ? " and betweenness" : "",
                result.start.samples, static_cast<unsigned long long>(options.seed), result.start.error_bound);
  std::printf("\n%4s  %-40s %6s %8s %6s %10s\n", "step", "removed", "lcc", "fraction", "comps", "efficiency");
  for (std::size_t i = 0; i < result.steps.size(); ++i) {
    const auto& step = result.steps[i];
    std::printf("%4zu  %s %6zu %8.3f %6zu %10.4f\n", i + 1, pad(graph.entity(step.removed).name, 40).c_str(),
                step.state.lcc, step.lcc_fraction, step.state.components, step.state.efficiency);
  }
  return exit_ok;
}

}  // namespace

void setup_disrupt(CLI::App& app, Context& context) {
  auto options = std::make_shared<DisruptOptions>();
  auto* command = app.add_subcommand("disrupt", "Remove entities and watch the network fall apart (Cavallaro et al. 2020)");
  command->footer("Example: cartelgraph disrupt --strategy betweenness --mode sequential --steps 5");
  command->add_option("--remove", options->remove, "Remove these entities, in order")->delimiter(',')->type_name("E,...");
  command->add_option("--strategy", options->strategy, "degree or betweenness")->type_name("S");
  command->add_option("--mode", options->mode, "sequential (re-rank after each removal) or block (rank once)")
      ->type_name("M");
  command->add_option("--steps", options->steps, "How many removals")->type_name("N");
  command->add_option("--samples", options->samples,
                      "Estimate efficiency (and betweenness) from this many sampled sources; 0 is exact "
                      "(default: exact up to " + std::to_string(automatic_exact_limit) + " entities, else " +
                          std::to_string(automatic_samples) + ")")
      ->type_name("K");
  command->add_option("--seed", options->seed, "Seed of the source sample")->type_name("S");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_disrupt(context, *options); };
  });
}

}  // namespace cartelgraph::cli
