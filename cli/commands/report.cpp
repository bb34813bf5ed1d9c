#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct ReportOptions {
  std::string output;
};

const CommandHelp help = {"report", "Write a self-contained HTML dossier: diagrams, rankings, cards, sources",
                          "cartelgraph report -o dossier.html"};

int run_report(const Session& session, const ReportOptions& options) {
  if (options.output != "-" && !options.output.ends_with(".html") && !options.output.ends_with(".htm"))
    throw Error(ErrorCategory::usage, "-o " + options.output + ": the dossier is HTML: the file must end in .html");
  if (write_output(options.output, render_dossier(session.view(), {.threads = session.options().threads})))
    std::fprintf(stderr, "wrote %s\n", visible(options.output).c_str());
  return exit_ok;
}

// The options of `report`, declared when it is parsed (cli/command.hpp).
void declare_report_options(CLI::App* command, ReportOptions* options) {
  command->add_option("-o,--output", options->output, "Output file (.html), or - for standard output")->required()->type_name("FILE.html");
}

}  // namespace

void setup_report(CLI::App& app, Context& context) {
  add_command(app, context, help, run_report, declare_report_options);
}

}  // namespace cartelgraph::cli
