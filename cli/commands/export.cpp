#include <cstdio>
#include <filesystem>
#include <span>
#include <vector>

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
  std::vector<std::string> with;  // analyses written as node attributes
};

const CommandHelp help = {"export",
                          "Export the view: GraphML, GEXF, JSON facts, CSV, Cypher for Neo4j or FollowTheMoney",
                          "cartelgraph export --to graphml -o cartelgraph.graphml"};

// Four tables in the directory `output`: nodes.csv and relationships.csv for neo4j-admin database
// import, sources.csv and citations.csv beside them. All are written before any replaces its
// previous version, so an import never mixes an old and a new file.
void write_csv(const GraphView& view, std::span<const NodeColumn> columns, const std::string& output) {
  const CsvExport csv = export_csv(view, columns);
  const std::filesystem::path directory(output);
  std::error_code error;
  const bool created = std::filesystem::create_directories(directory, error);
  if (error) throw Error(ErrorCategory::usage, "cannot create directory " + output + ": " + error.message());
  const OutputFile files[] = {{directory / "nodes.csv", csv.nodes},
                              {directory / "relationships.csv", csv.relationships},
                              {directory / "sources.csv", csv.sources},
                              {directory / "citations.csv", csv.citations}};
  try {
    write_files_atomically(files);
  } catch (const OutputError&) {
    if (created) std::filesystem::remove(directory, error);  // leave no trace of a failed export
    throw;
  }
  for (const OutputFile& file : files) std::fprintf(stderr, "wrote %s\n", visible(file.path.string()).c_str());
}

void write_document(const std::string& text, const std::string& output) {
  if (write_output(output, text)) std::fprintf(stderr, "wrote %s\n", visible(output).c_str());
}

// The analyses --with asks for, on the network --network names, as node attributes.
std::vector<NodeColumn> analysis_columns(const Session& session, const ExportOptions& options) {
  if (options.with.empty()) return {};
  std::vector<NodeAnalysis> analyses;
  for (const std::string& name : options.with)
    analyses.push_back(*parse<NodeAnalysis>(name));  // CLI11 checked the names
  return node_columns(session.network(), analyses, {session.options().threads});
}

int run_export(const Context& context, const ExportOptions& options) {
  if (options.to == "csv" && options.output == "-")
    throw Error(ErrorCategory::usage, "--to csv writes four files: give their directory with -o");
  if (!options.with.empty() && options.to != "graphml" && options.to != "gexf" && options.to != "csv")
    throw Error(ErrorCategory::usage, "--with writes node attributes: use it with --to graphml, gexf or csv");
  const Session session(context);
  const std::vector<NodeColumn> columns = analysis_columns(session, options);
  if (options.to == "csv") {
    write_csv(session.view(), columns, options.output);
    return exit_ok;
  }
  write_document(options.to == "graphml" ? export_graphml(session.view(), columns)
                 : options.to == "gexf"  ? export_gexf(session.view(), columns)
                 : options.to == "json"  ? export_json(session.view())
                 : options.to == "ftm"   ? export_ftm(session.view())
                                         : export_cypher(session.view()),
                 options.output);
  return exit_ok;
}

// The options of `export`, declared when it is parsed (cli/command.hpp).
void declare_export_options(CLI::App* command, ExportOptions* options) {
  command
      ->add_option("--to", options->to,
                   "graphml, gexf (with time, for Gephi), json, csv (a directory of nodes, relationships, sources and "
                   "citations .csv), cypher or ftm (FollowTheMoney lines)")
      ->required()
      ->check(CLI::IsMember({"graphml", "gexf", "json", "csv", "cypher", "ftm"}))
      ->type_name("FORMAT");
  std::vector<std::string> analyses(names<NodeAnalysis>().begin(), names<NodeAnalysis>().end());
  command
      ->add_option("--with", options->with,
                   "Add analysis results as node attributes (graphml, gexf, csv), on the network --network names: "
                   "sides (conflict, side), communities (community), centrality (degree, betweenness, closeness, "
                   "harmonic, eigenvector, pagerank)")
      ->delimiter(',')
      ->check(CLI::IsMember(analyses))
      ->type_name("sides,communities,centrality");
  command
      ->add_option("-o,--output", options->output,
                   "Output file, written whole or not at all; - or none for standard output (a directory for csv)")
      ->type_name("PATH");
}

}  // namespace

void setup_export(CLI::App& app, Context& context) {
  add_command(app, context, help, run_export, declare_export_options);
}

}  // namespace cartelgraph::cli
