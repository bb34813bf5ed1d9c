#pragma once
// What every subcommand shares: global options, loading the data, the view, entity lookup,
// and the exit codes of the command-line contract.

#include <CLI/CLI.hpp>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph::cli {

/// Exit codes of the command-line contract.
enum ExitCode : int { exit_ok = 0, exit_no_result = 1, exit_usage = 2, exit_invalid_data = 3 };

/// A command-line error that ends the program with `code` after printing `what()`.
class CliError : public std::runtime_error {
 public:
  CliError(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ExitCode code() const noexcept { return code_; }

 private:
  ExitCode code_;
};

/// Options given before the subcommand.
struct GlobalOptions {
  std::string data;             // fact directory; empty for the built-in facts
  std::string as_of;            // ISO date
  std::string min_confidence;   // alleged, reported or confirmed
  std::vector<std::string> types;
  std::string format = "text";  // text or json
  unsigned threads = 0;         // 0: every core
  std::string default_type = "person";      // for GraphML without cartelgraph's attributes
  std::string default_kind = "associate_of";
  LoadLimits limits;            // --max-input-size, --max-entities, --max-relations, --max-depth
};

/// Shared state: the options, and the command chosen, run after parsing.
struct Context {
  GlobalOptions options;
  std::function<int()> run;
  [[nodiscard]] bool json() const { return options.format == "json"; }
};

/// Declares the global options on `app`.
void setup_global_options(CLI::App& app, GlobalOptions& options);

/// Loads --data (a fact directory or a .graphml file) or the built-in facts. Throws LoadError
/// when they are invalid, CliError for a bad --default-type or --default-kind.
[[nodiscard]] KnowledgeGraph load_graph(const GlobalOptions& options);

/// The view the global options (and a command's --kinds) define. Throws CliError (usage).
[[nodiscard]] ViewFilter make_filter(const GlobalOptions& options,
                                     const std::vector<std::string>& kinds = {});

/// The entity `text` names. Throws CliError: no_result (with suggestions) if unknown, usage
/// (with the candidates) if ambiguous.
[[nodiscard]] Vertex resolve_or_throw(const KnowledgeGraph& graph, const std::string& text);

/// The entity type named `name`. Throws CliError (usage).
[[nodiscard]] EntityType parse_type_option(const std::string& name);

}  // namespace cartelgraph::cli
