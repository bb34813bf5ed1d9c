#pragma once
// What every subcommand shares: the global options, the parsed context, and the exit codes of
// the command-line contract.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/csv_columns.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph::cli {

/// Exit codes of the command-line contract (main.cpp maps each ErrorCategory onto one).
enum ExitCode : int {
  exit_ok = 0,
  exit_no_result = 1,
  exit_usage = 2,
  exit_invalid_data = 3,
  exit_internal = 70,      // sysexits' EX_SOFTWARE: a defect, or memory exhausted
  exit_interrupted = 130,  // 128 + SIGINT; SIGTERM gives 128 + 15 = 143
};

/// Options given before (or after) the subcommand.
struct GlobalOptions {
  std::vector<std::string> data;  // each --data: a fact directory, a file, or +builtin; none:
                                  // the built-in facts
  std::string as_of;           // ISO date
  bool dated_only = false;     // drop relations with no date
  NetworkKind network = NetworkKind::criminal;  // what centrality, brokers and disrupt analyse
  std::string min_confidence;  // ungraded, alleged, reported or confirmed
  bool include_confidential = false;  // show confidential sources as they are
  std::vector<std::string> types;
  std::string format = "text";          // text or json
  unsigned threads = 0;                 // 0: every core
  std::string default_type = "person";  // for GraphML without cartelgraph's attributes
  std::string default_kind = "associate_of";
  CsvColumns csv_columns;  // --from-column, --to-column, …
  LoadLimits limits;  // --max-input-size, --max-entities, --max-relations, --max-depth
};

/// Shared state: the options, the command chosen (run after parsing), and the commands' own
/// options not declared yet (cli/command.hpp: a command's options are declared when it is parsed).
struct Context {
  GlobalOptions options;
  std::function<int()> run;
  std::vector<std::function<void()>> undeclared;  // each declares one command's options, once
  [[nodiscard]] bool json() const { return options.format == "json"; }
  /// Declares the options of every command (the completion script lists them all).
  void declare_all_options() {
    for (const auto& declare : undeclared) declare();
  }
};

/// Declares the global options on `app`.
void setup_global_options(CLI::App& app, GlobalOptions& options);

/// The entity type named `name`. Throws Error (usage) naming the known types.
[[nodiscard]] EntityType parse_type_option(const std::string& name);

/// Every entity type when `name` is empty, else the one it names. Throws Error (usage).
[[nodiscard]] TypeSet type_option(const std::string& name);

}  // namespace cartelgraph::cli
