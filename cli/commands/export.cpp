#include <cstdio>
#include <filesystem>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct ExportOptions {
  std::string to;
  std::string output = "-";
};

const CommandHelp help = {"export", "Export the view: GraphML, GEXF, JSON facts, CSV, Cypher for Neo4j or FollowTheMoney",
                          "cartelgraph export --to graphml -o cartelgraph.graphml"};

// Two files for neo4j-admin database import: `output` is a directory. Both are written before
// either replaces its previous version, so an import never mixes an old and a new file.
void write_csv(const GraphView& view, const std::string& output) {
  const CsvExport csv = export_csv(view);
  const std::filesystem::path directory(output);
  std::error_code error;
  const bool created = std::filesystem::create_directories(directory, error);
  if (error) throw Error(ErrorCategory::usage, "cannot create directory " + output + ": " + error.message());
  const OutputFile files[] = {{directory / "nodes.csv", csv.nodes},
                              {directory / "relationships.csv", csv.relationships}};
  try {
    write_files_atomically(files);
  } catch (const OutputError&) {
    if (created) std::filesystem::remove(directory, error);  // leave no trace of a failed export
    throw;
  }
  std::fprintf(stderr, "wrote %s and %s\n", visible(files[0].path.string()).c_str(),
               visible(files[1].path.string()).c_str());
}

void write_document(const std::string& text, const std::string& output) {
  if (write_output(output, text)) std::fprintf(stderr, "wrote %s\n", visible(output).c_str());
}

int run_export(const Context& context, const ExportOptions& options) {
  if (options.to == "csv" && options.output == "-")
    throw Error(ErrorCategory::usage, "--to csv writes two files: give their directory with -o");
  const Session session(context);
  if (options.to == "csv") {
    write_csv(session.view(), options.output);
    return exit_ok;
  }
  write_document(options.to == "graphml" ? export_graphml(session.view())
                 : options.to == "gexf"  ? export_gexf(session.view())
                 : options.to == "json"  ? export_json(session.view())
                 : options.to == "ftm"   ? export_ftm(session.view())
                                         : export_cypher(session.view()),
                 options.output);
  return exit_ok;
}

}  // namespace

void setup_export(CLI::App& app, Context& context) {
  auto [command, options] = add_command(app, context, help, run_export);
  command
      ->add_option("--to", options->to,
                   "graphml, gexf (with time, for Gephi), json, csv (a directory of nodes.csv and relationships.csv), "
                   "cypher or ftm (FollowTheMoney lines)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "json", "csv", "cypher", "ftm"}))
      ->type_name("FORMAT");
  command
      ->add_option("-o,--output", options->output,
                   "Output file, written whole or not at all; - or none for standard output (a directory for csv)")
      ->type_name("PATH");
}

}  // namespace cartelgraph::cli
