// who_connects: how are two entities of the built-in data tied, who are the brokers, and a
// diagram of the first one's circle.
//   who_connects [FROM] [TO] [--data DIR|FILE.graphml]
#include <cartelgraph/cartelgraph.hpp>

#include <cstdio>
#include <filesystem>
#include <string>

int main(int argc, char** argv) {
  using namespace cartelgraph;
  const std::string from_name = argc > 1 ? argv[1] : "El Mencho";
  const std::string to_name = argc > 2 ? argv[2] : "Los Salazar";
  try {
    // A fact directory, a .graphml file, or the built-in facts ("+builtin").
    const LoadResult loaded = load(argc > 4 && std::string(argv[3]) == "--data" ? argv[4] : "+builtin");
    for (const auto& problem : loaded.problems) std::fprintf(stderr, "%s\n", to_string(problem).c_str());
    if (!loaded.problems.empty()) return 3;
    const KnowledgeGraph& graph = loaded.graph;
    const Resolution from = resolve_entity(graph, from_name);
    const Resolution to = resolve_entity(graph, to_name);
    if (from.status != Resolution::Status::found || to.status != Resolution::Status::found) {
      std::fprintf(stderr, "cannot resolve '%s' or '%s' to one entity\n", from_name.c_str(), to_name.c_str());
      return 1;
    }
    const GraphView view(graph);
    const Projection projection = Projection::build(view);

    std::printf("%zu entities, %zu relations\n", graph.entity_count(), graph.relation_count());
    const auto paths = find_paths(view, projection, from.entities[0], to.entities[0], {2, PathWeight::none});
    for (const Path& path : paths) {
      std::printf("path of %zu hops:", path.length());
      for (const Vertex v : path.entities) std::printf(" %s |", graph.entity(v).name.c_str());
      std::printf("\n");
      for (const PathHop& hop : path.hops)
        for (const Edge e : hop.relations) {
          const Relation& r = graph.relation(e);
          std::printf("    %s (%s, %s)\n", std::string(kind_label(r.kind)).c_str(),
                      std::string(to_string(r.confidence)).c_str(), r.sources.front().source.c_str());
        }
    }

    const CentralityScores scores = centrality(projection, CentralityMeasure::betweenness);
    std::printf("top brokers by betweenness:\n");
    const auto ranking = scores.ranking();
    for (std::size_t i = 0; i < 5 && i < ranking.size(); ++i)
      std::printf("  %.4f  %s\n", ranking[i].score, graph.entity(ranking[i].entity).name.c_str());

    const auto svg = std::filesystem::temp_directory_path() / "who_connects.svg";
    const DiagramSpec spec = focus_view(view, from.entities[0], 1);
    write_file_atomically(svg, render_diagram(graph, spec, DiagramFormat::svg, default_layout(spec)));
    std::printf("wrote %s (%zu entities)\n", svg.string().c_str(), spec.entities.size());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
