#include <cstdio>
#include <filesystem>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct ExportOptions {
  std::string to;
  std::string output;
};

int run_export(const Context& context, const ExportOptions& options) {
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  const std::filesystem::path path(options.output);
  if (options.to == "csv") {
    // Two files for neo4j-admin database import: PATH is a directory.
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error) throw CliError(exit_usage, "cannot create directory " + options.output + ": " + error.message());
    const CsvExport csv = export_csv(view);
    write_file_atomically(path / "nodes.csv", csv.nodes);
    write_file_atomically(path / "relationships.csv", csv.relationships);
    std::fprintf(stderr, "wrote %s and %s\n", (path / "nodes.csv").c_str(), (path / "relationships.csv").c_str());
    return exit_ok;
  }
  const std::string text = options.to == "graphml" ? export_graphml(view)
                           : options.to == "json"  ? export_json(view)
                                                   : export_cypher(view);
  write_file_atomically(path, text);
  std::fprintf(stderr, "wrote %s\n", options.output.c_str());
  return exit_ok;
}

}  // namespace

void setup_export(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExportOptions>();
  auto* command = app.add_subcommand("export", "Export the view: GraphML, JSON facts, CSV or Cypher for Neo4j");
  command->footer("Example: cartelgraph export --to graphml -o cartelgraph.graphml");
  command->add_option("--to", options->to, "graphml, json, csv (a directory of nodes.csv and relationships.csv) or cypher")
      ->required()
      ->check(CLI::IsMember({"graphml", "json", "csv", "cypher"}))
      ->type_name("FORMAT");
  command->add_option("-o,--output", options->output, "Output file (a directory for csv)")->required()->type_name("PATH");
  command->callback([&context, options] { context.run = [&context, options] { return run_export(context, *options); }; });
}

}  // namespace cartelgraph::cli
