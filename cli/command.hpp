#pragma once
// Declaring a subcommand and writing its answer: the shape every command file follows.
//   setup_X: add_command(...) and the command's own options;
//   run_X:   resolve inputs (Session), run one library query, hand the result to answer().

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

#include "cartelgraph/cli/common_options.hpp"
#include "cartelgraph/exporters/json_writer.hpp"

namespace cartelgraph::cli {

/// A command's name, its line in the command list, and the example its --help ends with.
struct CommandHelp {
  const char* name;
  const char* description;
  const char* example;
};

/// For commands without options of their own.
struct NoOptions {};

/// Adds the subcommand `help` describes. After parsing, Context::run calls run(context, options).
/// Returns the subcommand and its options, for the command's flags to be bound to.
template <class Options>
std::pair<CLI::App*, Options*> add_command(CLI::App& app, Context& context, const CommandHelp& help,
                                           int (*run)(const Context&, const Options&)) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(help.name, help.description);
  command->footer(std::string("Example: ") + help.example);
  command->callback([&context, options, run] {
    context.run = [&context, options, run] { return run(context, *options); };
  });
  return {command, options.get()};
}

/// Prints a finished JSON document on stdout (main checks that stdout took it all).
inline void print(const JsonWriter& json) {
  const std::string text = json.text();
  std::fwrite(text.data(), 1, text.size(), stdout);
}

/// A command's answer: with --format json, one document that `json(writer)` fills, printed on
/// stdout; else `text()` prints it for a reader.
template <class Json, class Text>
void answer(const Context& context, Json&& json, Text&& text) {
  if (!context.json()) return text();
  JsonWriter writer;
  json(writer);
  print(writer);
}

}  // namespace cartelgraph::cli
