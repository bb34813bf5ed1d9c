#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/exporters/compiled_store.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph::cli {

namespace {

struct CompileOptions {
  std::string data;
  std::string output;
};

const CommandHelp help = {
    "compile",
    "Check a dataset once and write it as a compiled store (.cgdb) that --data opens without parsing or checking it again",
    "cartelgraph compile seeds/ -o net.cgdb && cartelgraph --data net.cgdb show \"El Mencho\""};

// The dataset (its notes on stderr), or LoadError with its problems. Confidential sources are
// kept: a session reading the store redacts them as it does any data.
LoadResult load_checked(const std::string& data, const LoadOptions& options) {
  LoadResult loaded = load(data, options);
  if (loaded.not_found)
    throw Error(ErrorCategory::usage, "no such file or directory: " + data);
  if (!loaded.problems.empty()) throw LoadError(std::move(loaded.problems));
  for (const auto& note : loaded.notes) std::fprintf(stderr, "%s\n", visible(to_string(note)).c_str());
  return loaded;
}

int run_compile(const Context& context, const CompileOptions& options) {
  const auto& data = context.options.data;
  if (options.data.empty() && data.size() > 1)
    throw Error(ErrorCategory::usage, "compile writes one dataset: give one --data, or DATA");
  const std::string input = !options.data.empty() ? options.data : data.empty() ? "" : data.front();
  const LoadResult loaded = load_checked(input, load_options(context.options));
  write_store(options.output, loaded, "compiled from " + (input.empty() ? std::string(builtin_data_name) : input));
  std::fprintf(stderr, "wrote %s: %zu entities, %zu relations, %zu sources\n", visible(options.output).c_str(),
               loaded.graph.entity_count(), loaded.graph.relation_count(), loaded.graph.sources().size());
  return exit_ok;
}

// The options of `compile`, declared when it is parsed (cli/command.hpp).
void declare_compile_options(CLI::App* command, CompileOptions* options) {
  command->add_option("data", options->data, "Any dataset --data reads (default: --data, else built-in)")
      ->type_name("DATA");
  command->add_option("-o,--output", options->output, "The store to write, whole or not at all")
      ->required()
      ->type_name("FILE.cgdb");
}

}  // namespace

void setup_compile(CLI::App& app, Context& context) {
  add_command(app, context, help, run_compile, declare_compile_options);
}

}  // namespace cartelgraph::cli
