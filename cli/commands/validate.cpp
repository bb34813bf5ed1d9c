#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/json_output.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"

namespace cartelgraph::cli {

namespace {

struct ValidateOptions {
  std::string directory;
};

int run_validate(const Context& context, const ValidateOptions& options) {
  const std::string directory = options.directory.empty() ? context.options.data : options.directory;
  std::vector<FactFile> files;
  std::vector<Problem> problems;
  try {
    files = directory.empty() ? builtin_fact_files() : read_fact_directory(directory, context.options.limits);
  } catch (const LoadError& error) {
    problems = error.problems();
  }
  LoadResult result;
  if (problems.empty()) {
    result = load_facts(files, context.options.limits);
    problems = std::move(result.problems);
  }

  if (context.json()) {
    JsonDocument json;
    auto& w = json.writer();
    w.StartObject();
    json.key("valid");
    w.Bool(problems.empty());
    json.key("files");
    w.Uint64(files.size());
    json.key("entities");
    w.Uint64(result.graph.entity_count());
    json.key("relations");
    w.Uint64(result.graph.relation_count());
    json.key("problems");
    w.StartArray();
    for (const auto& problem : problems) {
      w.StartObject();
      json.key("file");
      json.string(problem.file);
      json.key("line");
      w.Uint64(problem.line);
      json.key("column");
      w.Uint64(problem.column);
      json.key("message");
      json.string(problem.message);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    json.print();
  } else {
    for (const auto& problem : problems) std::printf("%s\n", to_string(problem).c_str());
    if (problems.empty())
      std::printf("ok: %zu files, %zu entities, %zu relations, %zu sources\n", files.size(),
                  result.graph.entity_count(), result.graph.relation_count(),
                  result.graph.sources().size());
    else
      std::fprintf(stderr, "%zu problem%s found\n", problems.size(), problems.size() == 1 ? "" : "s");
  }
  return problems.empty() ? exit_ok : exit_invalid_data;
}

}  // namespace

void setup_validate(CLI::App& app, Context& context) {
  auto options = std::make_shared<ValidateOptions>();
  auto* command = app.add_subcommand(
      "validate", "Check fact files; report every problem as file:line:column: message");
  command->footer("Example: cartelgraph validate seeds/");
  command->add_option("dir", options->directory, "Fact directory (default: --data, else built-in)")
      ->type_name("DIR");
  command->callback([&context, options] {
    context.run = [&context, options] { return run_validate(context, *options); };
  });
}

}  // namespace cartelgraph::cli
