#pragma once
// Declaring a subcommand and writing its answer: the shape every command file follows.
//   setup_X: add_command(..., declare_X_options), declare_X_options declaring the command's own
//            options, checked as they are parsed;
//   run_X:   given the loaded Session, run one library query and hand the result to answer().

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "cartelgraph/cli/common_options.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/exporters/json_writer.hpp"
#include "cartelgraph/graph/visible_text.hpp"  // visible: every text a command prints from the data
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

/// A command's name, its line in the command list, and the example its --help ends with.
struct CommandHelp {
  const char* name;
  const char* description;
  const char* example;
};

/// For commands without options of their own.
struct NoOptions {};

/// Declares a command's own options on `command`, bound to `options`.
template <class Options>
using DeclareOptions = void (*)(CLI::App* command, Options* options);

namespace detail {
// The subcommand `help` describes; after parsing, Context::run calls `run(*options)`. Its own
// options are declared by `declare` when it is about to be parsed (CLI11's pre-parse callback),
// not at start: a run parses one command, and declaring the options of all 22 was 6% of the
// instructions of a cold `path` on the built-in data (0.7 of 11.2 million; bench/RESULTS.md,
// cold start). Context::declare_all_options declares those not declared yet, to list them all.
template <class Options, class Run>
CLI::App* add_subcommand(CLI::App& app, Context& context, const CommandHelp& help, Run run,
                         DeclareOptions<Options> declare) {
  auto options = std::make_shared<Options>();
  auto* command = app.add_subcommand(help.name, help.description);
  command->footer(std::string("Example: ") + help.example);
  command->callback([&context, options, run] {
    context.run = [options, run] {
      return run(*options);
    };
  });
  if (declare) {
    auto pending = std::make_shared<bool>(true);
    auto declare_once = [command, options = options.get(), declare, pending] {
      if (std::exchange(*pending, false)) declare(command, options);
    };
    command->preparse_callback([declare_once](std::size_t) { declare_once(); });
    context.undeclared.emplace_back(declare_once);
  }
  return command;
}

// Keeps a session until the process ends, never destroyed: exit gives its memory back at once,
// where destroying a million-entity graph piece by piece took a tenth of a second after the
// answer was written. The list stays reachable, so LeakSanitizer counts nothing in it as leaked.
inline const Session& lasting(std::unique_ptr<Session> session) {
  static auto* kept = new std::vector<Session*>();  // NOLINT(cppcoreguidelines-owning-memory)
  kept->push_back(session.release());
  return *kept->back();
}

}  // namespace detail

/// Adds a command that answers from the data: after parsing, the data the global options name
/// is loaded into a Session (with the command's --kinds, if it has them) and run(session,
/// options) answers. `declare`, if any, declares the command's own options, bound to its
/// Options, when the command is parsed. Returns the subcommand.
template <class Options>
CLI::App* add_command(CLI::App& app, Context& context, const CommandHelp& help,
                      int (*run)(const Session&, const Options&), DeclareOptions<Options> declare = nullptr) {
  return detail::add_subcommand<Options>(
      app, context, help,
      [&context, run](const Options& options) {
        if constexpr (requires { options.kinds; })
          return run(detail::lasting(std::make_unique<Session>(context, options.kinds)), options);
        else
          return run(detail::lasting(std::make_unique<Session>(context)), options);
      },
      declare);
}

/// Adds a command that does not answer from a loaded view (validate, completion): run(context,
/// options) is called after parsing.
template <class Options>
CLI::App* add_command(CLI::App& app, Context& context, const CommandHelp& help,
                      int (*run)(const Context&, const Options&), DeclareOptions<Options> declare = nullptr) {
  return detail::add_subcommand<Options>(
      app, context, help, [&context, run](const Options& options) { return run(context, options); }, declare);
}

/// `"network": {"name", "entities", "ties"}`: what an analysis ran on.
inline void network_member(JsonWriter& json, const Session& session) {
  const Projection& network = session.network().projection();
  json.key("network");
  json.object([&] {
    json.member("name", to_string(session.network().kind()));
    json.member("entities", network.node_count());
    json.member("ties", network.edge_count());
  });
}

/// "the criminal network: 61 entities, 120 ties", "the people network: 70 people, 300 ties".
inline std::string network_summary(const Session& session) {
  const NetworkKind kind = session.network().kind();
  const Projection& network = session.network().projection();
  const std::string name = kind == NetworkKind::all ? "whole (every layer)" : std::string(to_string(kind));
  return "the " + name + " network: " + std::to_string(network.node_count()) +
         (kind == NetworkKind::people ? " people, " : " entities, ") + std::to_string(network.edge_count()) + " ties";
}

/// With --as-of, the answer opens with `"as_of": {"date", "relations", "undated"}`: the date,
/// the relations the view kept, and how many of those are undated.
inline void open_with_as_of(JsonWriter& json, const Session& session) {
  const auto& as_of = session.as_of();
  if (!as_of) return;
  json.open_with([&json, as_of = *as_of] {
    json.key("as_of");
    json.object([&] {
      json.member("date", as_of.date.to_string());
      json.member("relations", as_of.relations);
      json.member("undated", as_of.undated);
    });
  });
}

/// Writes a single-file output: to the file `output`, whole or not at all (render/output_file.hpp),
/// or to stdout when `output` is "-". True when a file was written, for the "wrote" message.
/// Throws OutputError.
inline bool write_output(const std::string& output, std::string_view bytes) {
  if (output == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);  // main checks that stdout took it all
    return false;
  }
  write_file_atomically(output, bytes);
  return true;
}

/// Prints a finished JSON document on stdout (main checks that stdout took it all).
inline void print(const JsonWriter& json) {
  const std::string text = json.text();
  std::fwrite(text.data(), 1, text.size(), stdout);
}

/// A command's answer: with --format json, one document that `json(writer, results...)` fills,
/// printed on stdout; else `text(results...)` prints it for a reader. `where` is the Context or
/// Session, which knows the format. Returns exit_ok.
template <class Where, class Json, class Text, class... Results>
int answer(const Where& where, Json json, Text text, const Results&... results) {
  if (where.json()) {
    JsonWriter writer;
    if constexpr (std::is_same_v<Where, Session>) open_with_as_of(writer, where);
    json(writer, results...);
    print(writer);
  } else {
    text(results...);
  }
  return exit_ok;
}

}  // namespace cartelgraph::cli
