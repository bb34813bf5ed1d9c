// time_ops: times one operation of cartelgraph on a graph file, for bench/compare.py.
//   time_ops GRAPH OPERATION [THREADS]
// GRAPH is a .graphml file or a fact directory; OPERATION one of load, projection, betweenness,
// closeness, harmonic, pagerank, eigenvector, components, articulation, kcore, path, communities.
// Prints one JSON object: sizes, seconds of the operation alone, and its result (scores per node
// in load order, or a summary; CPU seconds of every thread for centrality measures) so that the caller can check it against other tools.
#include <cartelgraph/cartelgraph.hpp>
#include <cartelgraph/queries/communities.hpp>  // not in cartelgraph.hpp, as network.hpp is not

#include <chrono>
#include <cstdio>
#include <ctime>
#include <span>
#include <string>

namespace {

using namespace cartelgraph;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

KnowledgeGraph load(const std::string& path, std::size_t& bytes) {
  if (path.ends_with(".graphml")) {
    const FactFile file = read_fact_file(path);
    bytes = file.size();
    LoadResult result = load_graphml(file);
    if (!result.problems.empty()) throw LoadError(std::move(result.problems));
    return std::move(result.graph);
  }
  const auto files = read_fact_directory(path);
  bytes = 0;
  for (const auto& f : files) bytes += f.size();  // the files are read as they load: size() is known before
  return load_facts_or_throw(files);
}

void print_scores(std::span<const double> scores) {
  std::printf("[");
  for (std::size_t i = 0; i < scores.size(); ++i) std::printf("%s%.17g", i ? "," : "", scores[i]);
  std::printf("]");
}

// Leiden on the criminal network, tie strengths as weights: the seconds of building the network
// and of communities() alone.
void print_communities(const KnowledgeGraph& graph) {
  auto start = Clock::now();
  const GraphView criminal(graph, network_filter({}, NetworkKind::criminal));
  const Network network(criminal, NetworkKind::criminal);
  const double network_seconds = seconds_since(start);
  start = Clock::now();
  const CommunityResult result = communities(network);
  std::printf(
      ", \"network_seconds\": %.6f, \"seconds\": %.6f, \"communities\": %zu, \"modularity\": %.9f, "
      "\"runs\": %zu",
      network_seconds, seconds_since(start), result.communities.size(), result.modularity, result.runs);
}

// One centrality measure's wall and CPU seconds, and its scores in node (load) order.
void print_centrality(const Projection& projection, CentralityMeasure measure, const CentralityOptions& options) {
  const auto start = Clock::now();
  const std::clock_t cpu_start = std::clock();
  const CentralityScores scores = centrality(projection, measure, options);
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf(", \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"scores\": ", seconds_since(start), cpu_seconds);
  print_scores(scores.values());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: time_ops GRAPH OPERATION [THREADS]\n");
    return 2;
  }
  const std::string path = argv[1];
  const std::string operation = argv[2];
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 0;
  try {
    std::size_t bytes = 0;
    auto start = Clock::now();
    const KnowledgeGraph graph = load(path, bytes);
    const double load_seconds = seconds_since(start);
    const GraphView view(graph);
    start = Clock::now();
    const Projection projection = Projection::build(view);
    const double projection_seconds = seconds_since(start);
    const std::size_t projection_bytes = (projection.node_count() + 1) * sizeof(std::size_t) +
                                         boost::num_edges(projection.graph()) * sizeof(std::size_t);

    std::printf(
        "{\"operation\": \"%s\", \"nodes\": %zu, \"edges\": %zu, \"bytes\": %zu, \"load_seconds\": %.6f, "
        "\"projection_seconds\": %.6f, \"projection_bytes_per_edge\": %.3f",
        operation.c_str(), projection.node_count(), projection.edge_count(), bytes, load_seconds, projection_seconds,
        static_cast<double>(projection_bytes) / static_cast<double>(projection.edge_count()));
    const CentralityOptions options{threads, 0, 42};
    start = Clock::now();
    if (operation == "load" || operation == "projection") {
      std::printf(", \"seconds\": %.6f", operation == "load" ? load_seconds : projection_seconds);
    } else if (const auto measure = parse_centrality_measure(operation)) {
      print_centrality(projection, *measure, options);
    } else if (operation == "components") {
      const Components c = connected_components(projection);
      std::printf(", \"seconds\": %.6f, \"components\": %zu", seconds_since(start), c.count);
    } else if (operation == "articulation") {
      const BrokerReport report = brokers(projection);
      std::printf(", \"seconds\": %.6f, \"articulation_points\": %zu, \"bridges\": %zu", seconds_since(start),
                  report.brokers.size(), report.bridges.size());
    } else if (operation == "kcore") {
      const CoreNumbers core = core_numbers(projection);
      std::printf(", \"seconds\": %.6f, \"max_core\": %zu", seconds_since(start), core.max_core());
    } else if (operation == "path") {
      const auto paths = k_shortest_paths(projection, NodeId{0}, NodeId{projection.node_count() - 1}, 10);
      std::printf(", \"seconds\": %.6f, \"lengths\": [", seconds_since(start));
      for (std::size_t i = 0; i < paths.size(); ++i) std::printf("%s%zu", i ? "," : "", paths[i].size() - 1);
      std::printf("]");
    } else if (operation == "communities") {
      print_communities(graph);
    } else {
      std::fprintf(stderr, "unknown operation %s\n", operation.c_str());
      return 2;
    }
    std::printf("}\n");
  } catch (const LoadError& error) {
    for (const auto& p : error.problems()) std::fprintf(stderr, "%s\n", to_string(p).c_str());
    return 3;
  }
  return 0;
}
