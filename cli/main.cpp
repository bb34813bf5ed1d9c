// cartelgraph: the command-line front end. Parses arguments with CLI11, runs one subcommand,
// and maps every failure onto the exit codes of the contract, here and nowhere else.

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/loaders/problem.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace {

using namespace cartelgraph;
using namespace cartelgraph::cli;

// The one map from what went wrong to the exit code the contract gives it.
int exit_code(ErrorCategory category) {
  switch (category) {
    case ErrorCategory::usage: return exit_usage;
    case ErrorCategory::no_result: return exit_no_result;
    case ErrorCategory::invalid_data: return exit_invalid_data;
    case ErrorCategory::output: return exit_usage;
    case ErrorCategory::internal: return exit_internal;
  }
  return exit_internal;
}

int report(const Error& error) {
  if (const auto* load = dynamic_cast<const LoadError*>(&error)) {
    for (const auto& problem : load->problems()) std::fprintf(stderr, "%s\n", visible(to_string(problem)).c_str());
    std::fprintf(stderr, "cartelgraph: invalid data (%zu problem%s)\n", load->problems().size(),
                 load->problems().size() == 1 ? "" : "s");
  } else {
    std::fprintf(stderr, "cartelgraph: %s\n", visible(error.what(), true).c_str());
  }
  return exit_code(error.category());
}

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
  } catch (const Error& error) {
    return report(error);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "cartelgraph: internal error: out of memory\n");
    return exit_internal;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "cartelgraph: internal error: %s\n", visible(error.what(), true).c_str());
    return exit_internal;
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

// Ctrl-C or a kill: no half-written temporary file is left behind, and the exit status is
// 128 + the signal (130, 143, 129 for a closed terminal), as a shell reports it.
extern "C" void on_interrupt(int signal) {
  remove_unfinished_outputs();
  ::_exit(128 + signal);
}

void handle_signals() {
  // A reader that stops early (`cartelgraph list | head -1`) ends the program quietly, as it
  // ends `cat` or `ls`: SIGPIPE gets its default action back even if the parent ignored it, so
  // a closed pipe never turns into a write error and a message.
  std::signal(SIGPIPE, SIG_DFL);
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGHUP, on_interrupt);
}

void setup_commands(CLI::App& app, Context& context) {
  setup_global_options(app, context.options);
  for (const auto setup :
       {setup_info,        setup_list,      setup_show,       setup_search,  setup_validate, setup_path,
        setup_connect,     setup_neighbors, setup_centrality, setup_brokers, setup_factions, setup_disrupt,
        setup_communities, setup_suggest,   setup_timeline,   setup_diff,    setup_render,   setup_report,
        setup_export,      setup_kinds,     setup_completion, setup_compile})
    setup(app, context);
}

}  // namespace

int main(int argc, char** argv) {
  handle_signals();
  CLI::App app{
      "cartelgraph: a sourced knowledge graph of criminal organizations, factions, "
      "people and alliances",
      "cartelgraph"};
  app.require_subcommand(1);
  // One line per error, as every other error gets: "cartelgraph: --measure: unknown measure …".
  app.failure_message(
      [](const CLI::App*, const CLI::Error& error) { return "cartelgraph: " + visible(error.what(), true) + "\n"; });
  app.fallthrough();  // global options also after the subcommand: `path A B --format json`
  app.set_version_flag("--version", std::string("cartelgraph ") + CARTELGRAPH_VERSION);
  app.footer(
      "ENTITY is an id, a name or an alias; case and accents are ignored (\"el arabe\" finds El Árabe).\n"
      "Global options may also follow the command. Run 'cartelgraph COMMAND --help' for a command's options.\n\n"
      "Exit codes: 0 success; 1 no result (unknown entity, no path); 2 usage error, ambiguous name\n"
      "or output that cannot be written; 3 invalid data; 70 internal error (out of memory);\n"
      "129, 130 or 143 interrupted (hangup, Ctrl-C, kill).");
  Context context;
  setup_commands(app, context);
  return flush_standard_output(parse_and_run(app, context, argc, argv));
}
