// cartelgraph: the command-line front end. Parses arguments with CLI11, runs one subcommand,
// and maps every failure onto the exit codes of the contract.

#include <CLI/CLI.hpp>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/loaders/problem.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace {

using namespace cartelgraph;
using namespace cartelgraph::cli;

// Parses the arguments and runs the command; every failure becomes an exit code and one
// message on stderr.
int parse_and_run(CLI::App& app, Context& context, int argc, char** argv) {
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 uses its own codes (100-127) for parse errors; the contract says 2.
    const int code = app.exit(error);
    return code == 0 ? exit_ok : exit_usage;
  }

  try {
    return context.run();
  } catch (const LoadError& error) {
    for (const auto& problem : error.problems())
      std::fprintf(stderr, "%s\n", to_string(problem).c_str());
    std::fprintf(stderr, "cartelgraph: invalid data (%zu problem%s)\n", error.problems().size(),
                 error.problems().size() == 1 ? "" : "s");
    return exit_invalid_data;
  } catch (const ConvergenceError& error) {
    std::fprintf(stderr, "cartelgraph: %s\n", error.what());
    return exit_no_result;
  } catch (const RenderError& error) {
    std::fprintf(stderr, "cartelgraph: %s\n", error.what());
    return exit_no_result;
  } catch (const CliError& error) {
    std::fprintf(stderr, "cartelgraph: %s\n", error.what());
    return error.code();
  } catch (const OutputError& error) {
    std::fprintf(stderr, "cartelgraph: %s\n", error.what());
    return exit_usage;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "cartelgraph: %s\n", error.what());
    return exit_usage;
  }
}

// Standard output is buffered: a full disk (or /dev/full) shows only when it is flushed. Flush
// it before exiting and fail with a message, rather than exit 0 with the output lost.
int flush_standard_output(int code) {
  std::cout.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (flushed && !std::ferror(stdout) && std::cout.good()) return code;
  std::fprintf(stderr, "cartelgraph: cannot write standard output%s%s\n", error != 0 ? ": " : "",
               error != 0 ? std::strerror(error) : "");
  return code == exit_ok ? exit_usage : code;
}

}  // namespace

int main(int argc, char** argv) {
  // A reader that stops early (`cartelgraph list | head -1`) ends the program quietly, as it ends
  // `cat` or `ls`: SIGPIPE gets its default action back even if the parent ignored it, so a
  // closed pipe never turns into a write error and a message.
  std::signal(SIGPIPE, SIG_DFL);

  CLI::App app{"cartelgraph: a sourced knowledge graph of criminal organizations, factions, "
               "people and alliances",
               "cartelgraph"};
  app.require_subcommand(1);
  app.fallthrough();
  app.set_version_flag("--version", std::string("cartelgraph ") + CARTELGRAPH_VERSION);
  app.footer(
      "ENTITY is an id, a name or an alias; case and accents are ignored (\"el arabe\" finds El Árabe).\n"
      "Global options may also follow the command. Run 'cartelgraph COMMAND --help' for a command's options.\n\n"
      "Exit codes: 0 success; 1 no result (unknown entity, no path); 2 usage error, ambiguous name\n"
      "or output that cannot be written; 3 invalid data.");  // global options also after the subcommand: `path A B --format json`
  Context context;
  setup_global_options(app, context.options);
  setup_info(app, context);
  setup_list(app, context);
  setup_show(app, context);
  setup_search(app, context);
  setup_validate(app, context);
  setup_path(app, context);
  setup_neighbors(app, context);
  setup_centrality(app, context);
  setup_brokers(app, context);
  setup_factions(app, context);
  setup_disrupt(app, context);
  setup_timeline(app, context);
  setup_render(app, context);
  setup_report(app, context);
  setup_export(app, context);
  setup_completion(app, context);

  return flush_standard_output(parse_and_run(app, context, argc, argv));
}
