#include <cstdint>
#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/centrality.hpp"

namespace cartelgraph::cli {

namespace {

struct CentralityOptions {
  std::string measure = "degree";
  std::string type;
  std::size_t top = 10;
  std::size_t samples = 0;
  std::uint64_t seed = 42;
};

int run_centrality(const Context& context, const CentralityOptions& options) {
  const auto measure = parse_centrality_measure(options.measure);
  if (!measure)
    throw CliError(exit_usage, "unknown measure '" + options.measure +
                                   "' (known: degree, betweenness, closeness, harmonic, eigenvector, pagerank)");
  const KnowledgeGraph graph = load_graph(context.options);
  const TypeSet listed_types = options.type.empty() ? TypeSet().set() : type_set(parse_type_option(options.type));
  const GraphView view(graph, make_filter(context.options));
  const Projection projection = Projection::build(view);
  if (options.samples > 0 && *measure != CentralityMeasure::betweenness)
    throw CliError(exit_usage, "--samples applies to --measure betweenness only");
  const CentralityScores scores =
      centrality(projection, *measure, {context.options.threads, options.samples, options.seed});

  std::vector<RankedEntity> listed;
  for (const auto& ranked : scores.ranking()) {
    if (listed.size() == options.top) break;
    if (listed_types.test(static_cast<std::size_t>(graph.entity(ranked.entity).type))) listed.push_back(ranked);
  }
  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("measure");
    json.string(to_string(*measure));
    if (scores.samples > 0) {
      json.key("samples");
      w.Uint64(scores.samples);
      json.key("error_bound");
      w.Double(scores.error_bound);
    }
    json.key("results");
    w.StartArray();
    for (const auto& ranked : listed) {
      json.begin_entity(graph, ranked.entity);
      json.key("score");
      w.Double(ranked.score);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
    return exit_ok;
  }
  std::printf("%s centrality over %zu entities and %zu ties", std::string(to_string(*measure)).c_str(),
              projection.node_count(), projection.edge_count());
  if (scores.samples > 0)
    std::printf(", sampled from %zu sources: each score within ±%.4f (95%% confidence, all at once)", scores.samples,
                scores.error_bound);
  std::printf("\n");
  for (std::size_t i = 0; i < listed.size(); ++i)
    std::printf("%3zu  %10.6f  %s\n", i + 1, listed[i].score, entity_label(graph, listed[i].entity).c_str());
  return exit_ok;
}

}  // namespace

void setup_centrality(CLI::App& app, Context& context) {
  auto options = std::make_shared<CentralityOptions>();
  auto* command = app.add_subcommand("centrality", "Rank entities by a centrality measure (NetworkX 2.8 definitions)");
  command->footer("Example: cartelgraph centrality --measure betweenness --type person --top 5");
  command->add_option("--measure", options->measure,
                      "degree, betweenness, closeness, harmonic, eigenvector or pagerank")
      ->type_name("M");
  command->add_option("--type", options->type, "List only entities of this type (scores use the whole view)")
      ->type_name("T");
  command->add_option("--top", options->top, "How many to list")->type_name("N");
  command->add_option("--samples", options->samples,
                      "Approximate betweenness from this many sampled sources (NetworkX's k); 0 is exact")
      ->type_name("K");
  command->add_option("--seed", options->seed, "Seed of the source sample")->type_name("S");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_centrality(context, *options); };
  });
}

}  // namespace cartelgraph::cli
