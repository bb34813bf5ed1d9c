// time_suggest: times link prediction (`suggest`) on the criminal network of a fact directory,
// loading excluded, for bench/RESULTS.md.
//   time_suggest FACT_DIR ENTITY_ID [THREADS] [--all-pairs-katz]
// Prints one JSON object a line: the network's size, then per score the seconds of the best 10
// suggestions of ENTITY_ID (with their cited connections) and over all pairs (Katz over all pairs
// only with --all-pairs-katz).
#include <cartelgraph/cartelgraph.hpp>
#include <cartelgraph/queries/link_prediction.hpp>  // cartelgraph.hpp leaves out the Network queries

#include <chrono>
#include <cstdio>
#include <string>

namespace {

using namespace cartelgraph;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Times suggest_ties for `entity` (or all pairs) and prints the line.
void time_one(const Network& network, std::optional<Vertex> entity, LinkScore score, unsigned threads) {
  const auto start = Clock::now();
  const TieSuggestions found = suggest_ties(network, entity, {.score = score, .limit = 10, .threads = threads});
  const double seconds = seconds_since(start);
  std::printf("{\"score\": \"%s\", \"of\": \"%s\", \"seconds\": %.3f, \"suggestions\": %zu", to_string(score).data(),
              entity ? "entity" : "all pairs", seconds, found.ties.size());
  if (found.katz)
    std::printf(", \"beta\": %.6g, \"lambda_max\": [%.6g, %.6g], \"power_iterations\": %zu", found.katz->beta,
                found.katz->radius.lower, found.katz->radius.upper, found.katz->radius.iterations);
  std::printf("}\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: time_suggest FACT_DIR ENTITY_ID [THREADS] [--all-pairs-katz]\n");
    return 2;
  }
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 1;
  const bool all_pairs_katz = argc > 4 && std::string(argv[4]) == "--all-pairs-katz";
  try {
    const KnowledgeGraph graph = load_facts_or_throw(read_fact_directory(argv[1]));
    const GraphView view(graph, network_filter({}, NetworkKind::criminal));
    auto start = Clock::now();
    const Network network(view, NetworkKind::criminal);
    std::printf("{\"network\": \"criminal\", \"entities\": %zu, \"ties\": %zu, \"build_seconds\": %.3f}\n",
                network.projection().node_count(), network.projection().edge_count(), seconds_since(start));
    const auto entity = graph.find(argv[2]);
    if (!entity) throw std::invalid_argument(std::string("no entity ") + argv[2]);
    for (const LinkScore score :
         {LinkScore::adamic_adar, LinkScore::resource_allocation, LinkScore::jaccard, LinkScore::katz}) {
      time_one(network, *entity, score, threads);
      if (score != LinkScore::katz || all_pairs_katz) time_one(network, std::nullopt, score, threads);
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "time_suggest: %s\n", error.what());
    return 1;
  }
  return 0;
}
