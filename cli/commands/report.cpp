#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct ReportOptions {
  std::string output;
};

int run_report(const Context& context, const ReportOptions& options) {
  if (!options.output.ends_with(".html") && !options.output.ends_with(".htm"))
    throw CliError(exit_usage, "-o " + options.output + ": the dossier is HTML: the file must end in .html");
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options));
  write_file_atomically(options.output, render_dossier(view, {.threads = context.options.threads}));
  std::fprintf(stderr, "wrote %s\n", options.output.c_str());
  return exit_ok;
}

}  // namespace

void setup_report(CLI::App& app, Context& context) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand("report", "Write a self-contained HTML dossier: diagrams, rankings, cards, sources");
  command->footer("Example: cartelgraph report -o dossier.html");
  command->add_option("-o,--output", options->output, "Output file (.html)")->required()->type_name("FILE.html");
  command->callback([&context, options] { context.run = [&context, options] { return run_report(context, *options); }; });
}

}  // namespace cartelgraph::cli
