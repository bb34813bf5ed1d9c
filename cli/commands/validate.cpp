#include <cstdio>
#include <filesystem>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph::cli {

namespace {

struct ValidateOptions {
  std::string directory;
};

const CommandHelp help = {
    "validate", "Check fact files or any dataset --data reads; report every problem as file:line:column: message",
    "cartelgraph validate seeds/"};

// What validating found: the files read, and the graph they make or the problems they hold.
struct Validation {
  std::size_t files = 0;
  LoadResult result;
};

// A fact directory (the built-in facts without one) file by file, or any other dataset --data
// reads (GraphML, GEXF, CSV, edge lists, FtM) through the same front door and options.
Validation validate(const std::string& data, const LoadOptions& options) {
  namespace fs = std::filesystem;
  Validation validation;
  const bool builtin = data.empty() || data == builtin_data_name;
  std::error_code error;
  if (!builtin && !(fs::is_directory(data, error) && !is_csv_directory(data))) {
    validation.result = load(data, options);
    try {  // a compiled store opens in place: validating it reads and checks every record
      validation.result.graph.read_all();
    } catch (const LoadError& error) {
      validation.result = LoadResult{};
      validation.result.problems = error.problems();
    }
    validation.files = validation.result.problems.empty() ? 1 : 0;
    return validation;
  }
  std::vector<FactFile> files;
  try {
    files = builtin ? builtin_fact_files() : read_fact_directory(data, options.limits);
  } catch (const LoadError& error) {
    validation.result.problems = error.problems();
    return validation;
  }
  validation.files = files.size();
  validation.result = load_facts(files, options.limits);
  return validation;
}

void write_json(JsonWriter& json, const Validation& validation) {
  const LoadResult& result = validation.result;
  json.begin_object();
  json.member("valid", result.problems.empty());
  json.member("files", validation.files);
  json.member("entities", result.graph.entity_count());
  json.member("relations", result.graph.relation_count());
  json.array_member("problems", result.problems, [&](const auto& problem) { json.problem(problem); });
  json.array_member("warnings", result.warnings, [&](const auto& warning) { json.problem(warning); });
  json.end_object();
}

void write_text(const Validation& validation) {
  const LoadResult& result = validation.result;
  for (const auto& problem : result.problems) std::printf("%s\n", visible(to_string(problem)).c_str());
  for (const auto& warning : result.warnings) std::printf("%s\n", visible(to_string(warning)).c_str());
  if (result.problems.empty())
    std::printf("ok: %zu files, %zu entities, %zu relations, %zu sources%s\n", validation.files,
                result.graph.entity_count(), result.graph.relation_count(), result.graph.sources().size(),
                result.warnings.empty() ? "" : (", " + std::to_string(result.warnings.size()) + " warnings").c_str());
  else std::fprintf(stderr, "%zu problem%s found\n", result.problems.size(), result.problems.size() == 1 ? "" : "s");
}

int run_validate(const Context& context, const ValidateOptions& options) {
  const auto& data = context.options.data;
  if (options.directory.empty() && data.size() > 1)
    throw Error(ErrorCategory::usage, "validate checks one dataset: give one --data, or the directory");
  const std::string directory = !options.directory.empty() ? options.directory : data.empty() ? "" : data.front();
  const Validation validation = validate(directory, load_options(context.options));
  answer(context, write_json, write_text, validation);
  return validation.result.problems.empty() ? exit_ok : exit_invalid_data;
}

// The options of `validate`, declared when it is parsed (cli/command.hpp).
void declare_validate_options(CLI::App* command, ValidateOptions* options) {
  command
      ->add_option("dir", options->directory,
                   "Fact directory, or any file or directory --data reads (default: --data, else built-in)")
      ->type_name("DATA");
}

}  // namespace

void setup_validate(CLI::App& app, Context& context) {
  add_command(app, context, help, run_validate, declare_validate_options);
}

}  // namespace cartelgraph::cli
