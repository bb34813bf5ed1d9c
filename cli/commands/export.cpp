#include <cstdio>
#include <filesystem>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct ExportOptions {
  std::string to;
  std::string output = "-";
};

int run_export(const Context& context, const ExportOptions& options) {
  if (options.to == "csv" && options.output == "-")
    throw CliError(exit_usage, "--to csv writes two files: give their directory with -o");
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  if (options.to == "csv") {
    // Two files for neo4j-admin database import: PATH is a directory. Both are written before
    // either replaces its previous version, so an import never mixes an old and a new file.
    const CsvExport csv = export_csv(view);
    const std::filesystem::path directory(options.output);
    std::error_code error;
    const bool created = std::filesystem::create_directories(directory, error);
    if (error) throw CliError(exit_usage, "cannot create directory " + options.output + ": " + error.message());
    const OutputFile files[] = {{directory / "nodes.csv", csv.nodes}, {directory / "relationships.csv", csv.relationships}};
    try {
      write_files_atomically(files);
    } catch (const OutputError&) {
      if (created) std::filesystem::remove(directory, error);  // leave no trace of a failed export
      throw;
    }
    std::fprintf(stderr, "wrote %s and %s\n", files[0].path.c_str(), files[1].path.c_str());
    return exit_ok;
  }
  const std::string text = options.to == "graphml" ? export_graphml(view)
                           : options.to == "json"  ? export_json(view)
                                                   : export_cypher(view);
  if (options.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);  // main checks that stdout took it all
    return exit_ok;
  }
  write_file_atomically(options.output, text);
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
  command->add_option("-o,--output", options->output,
                      "Output file, written whole or not at all; - or none for standard output (a directory for csv)")
      ->type_name("PATH");
  command->callback([&context, options] { context.run = [&context, options] { return run_export(context, *options); }; });
}

}  // namespace cartelgraph::cli
