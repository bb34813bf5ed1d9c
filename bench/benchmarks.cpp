// Google Benchmark suite of cartelgraph on a synthetic network (generate_graph) of N entities.
//   CARTELGRAPH_BENCH_DATA=path/to/generated/dir cartelgraph_benchmarks
// The directory holds facts/ and graph.graphml as written by generate_graph; without it, a
// 10,000-entity network is generated in memory through the same code path.
#include <benchmark/benchmark.h>

#include <cartelgraph/cartelgraph.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace {

using namespace cartelgraph;

const std::filesystem::path& data_directory() {
  static const std::filesystem::path directory = [] {
    const char* given = std::getenv("CARTELGRAPH_BENCH_DATA");
    if (given) return std::filesystem::path(given);
    const auto generated = std::filesystem::temp_directory_path() / "cartelgraph_bench_10k";
    if (!std::filesystem::exists(generated / "graph.graphml")) {  // written last
      const std::string command = std::string(CARTELGRAPH_GENERATOR) + " 10000 " + generated.string() + " 1 >/dev/null";
      if (std::system(command.c_str()) != 0) std::abort();
    }
    return generated;
  }();
  return directory;
}

const std::vector<FactFile>& fact_files() {
  static const auto files = read_fact_directory(data_directory() / "facts");
  return files;
}

const KnowledgeGraph& graph() {
  static const KnowledgeGraph g = load_facts_or_throw(fact_files());
  return g;
}

const Projection& projection() {
  static const GraphView view(graph());
  static const Projection p = Projection::build(view);
  return p;
}

void load_validate_build(benchmark::State& state) {
  std::size_t bytes = 0;
  for (const auto& f : fact_files()) bytes += f.text.size();
  for (auto _ : state) benchmark::DoNotOptimize(load_facts(fact_files()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(load_validate_build)->Unit(benchmark::kMillisecond);

void build_projection(benchmark::State& state) {
  const GraphView view(graph());
  for (auto _ : state) benchmark::DoNotOptimize(Projection::build(view));
  const Projection& p = projection();
  state.counters["bytes_per_edge"] =
      static_cast<double>((p.node_count() + 1) * sizeof(std::size_t) + boost::num_edges(p.graph()) * sizeof(std::size_t)) /
      static_cast<double>(p.edge_count());
}
BENCHMARK(build_projection)->Unit(benchmark::kMillisecond);

void shortest_path(benchmark::State& state) {
  const auto n = projection().node_count();
  for (auto _ : state) benchmark::DoNotOptimize(k_shortest_paths(projection(), NodeId{0}, NodeId{n - 1}, 1));
}
BENCHMARK(shortest_path)->Unit(benchmark::kMicrosecond);

void yen_k10(benchmark::State& state) {
  const auto n = projection().node_count();
  for (auto _ : state) benchmark::DoNotOptimize(k_shortest_paths(projection(), NodeId{0}, NodeId{n - 1}, 10));
}
BENCHMARK(yen_k10)->Unit(benchmark::kMillisecond);

void measure(benchmark::State& state, CentralityMeasure m) {
  const CentralityOptions options{static_cast<unsigned>(state.range(0)), 0, 42};
  for (auto _ : state) benchmark::DoNotOptimize(centrality(projection(), m, options));
}
BENCHMARK_CAPTURE(measure, betweenness, CentralityMeasure::betweenness)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(measure, closeness, CentralityMeasure::closeness)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(measure, harmonic, CentralityMeasure::harmonic)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(measure, eigenvector, CentralityMeasure::eigenvector)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(measure, pagerank, CentralityMeasure::pagerank)->Arg(1)->Unit(benchmark::kMillisecond);

void sampled_betweenness(benchmark::State& state) {
  const BetweennessOptions options{.samples = static_cast<std::size_t>(state.range(0))};
  for (auto _ : state) benchmark::DoNotOptimize(betweenness_centrality(projection(), options));
}
BENCHMARK(sampled_betweenness)->Arg(100)->Unit(benchmark::kMillisecond);

void components(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(connected_components(projection()));
}
BENCHMARK(components)->Unit(benchmark::kMillisecond);

void articulation_points(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(brokers(projection()));
}
BENCHMARK(articulation_points)->Unit(benchmark::kMillisecond);

void k_core(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(core_numbers(projection()));
}
BENCHMARK(k_core)->Unit(benchmark::kMillisecond);

void disruption_5_sequential(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(disrupt(projection(), DisruptionStrategy::degree, DisruptionMode::sequential, 5));
}
BENCHMARK(disruption_5_sequential)->Unit(benchmark::kMillisecond);

void entity_resolution(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(resolve_entity(graph(), "person 4242"));
    benchmark::DoNotOptimize(resolve_entity(graph(), "org-7"));
  }
}
BENCHMARK(entity_resolution)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
