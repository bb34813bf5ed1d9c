#include <cstdint>
#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/commands/temporal_path.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/queries/paths.hpp"

namespace cartelgraph::cli {

namespace {

// The most paths --k asks for: beyond it they are listed by the thousand, not read.
constexpr std::uint64_t max_paths = 1000;

struct PathOptions {
  std::string from;
  std::string to;
  std::size_t k = 1;
  std::vector<std::string> kinds;
  bool directed = false;
  PathWeight weight = PathWeight::none;
  bool time_respecting = false;
  std::string from_date;
  UndatedPolicy undated = UndatedPolicy::skip;
};

const CommandHelp help = {"path", "Shortest chains of relations between two entities, every hop cited",
                          "cartelgraph path \"El Ruso\" \"Los Garibay\" --k 3"};

void write_json(JsonWriter& json, const KnowledgeGraph& graph, Vertex from, Vertex to, const PathSearch& search,
                PathWeight weight) {
  const bool weighted = weight != PathWeight::none;
  json.begin_object();
  json.member("from", graph.entity(from).id);
  json.member("to", graph.entity(to).id);
  if (search.stopped) {
    json.member("stopped", true);
    json.member("searches", search.searches);
  }
  json.key("paths");
  json.array([&] {
    for (const auto& path : search.paths) {
      json.begin_object();
      json.member("length", path.length());
      if (weighted) json.member("cost", path.cost);
      json.key("nodes");
      json.ids(graph, path.entities);
      json.array_member("edges", path.hops, [&](const auto& hop) {
        for (const Edge e : hop.relations) json.relation(graph, e);
      });
      json.end_object();
    }
  });
  json.end_object();
}

void write_text(const KnowledgeGraph& graph, Vertex, Vertex, const PathSearch& search, PathWeight weight) {
  const bool weighted = weight != PathWeight::none;
  const std::vector<Path>& paths = search.paths;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const auto& path = paths[i];
    std::printf("%sPath %zu: %zu hop%s", i ? "\n" : "", i + 1, path.length(), path.length() == 1 ? "" : "s");
    if (weighted) std::printf(", cost %g", path.cost);
    std::printf("\n");
    for (const auto& hop : path.hops) {
      std::printf("  %s  →  %s\n", entity_label(graph, hop.from).c_str(), entity_label(graph, hop.to).c_str());
      for (const Edge e : hop.relations) std::fputs(cited_relation(graph, e, "      ").c_str(), stdout);
    }
  }
}

int run_path(const Session& session, const PathOptions& options) {
  const KnowledgeGraph& graph = session.graph();
  const Vertex from = session.resolve(options.from);
  const Vertex to = session.resolve(options.to);
  if (options.time_respecting)
    return answer_temporal_path(
        session, from, to,
        {options.from_date.empty() ? std::nullopt : Date::parse(options.from_date), options.undated, options.directed});
  const PathSearch search = search_paths(session.view(), from, to, options.directed, {options.k, options.weight});
  answer(session, write_json, write_text, graph, from, to, search, options.weight);
  if (search.stopped)
    std::fprintf(stderr,
                 "cartelgraph: stopped after %zu of the %zu paths asked for: the search reached its bound on work "
                 "(%zu shortest-path searches); there may be more\n",
                 search.paths.size(), options.k, search.searches);
  if (!search.paths.empty()) return exit_ok;
  std::fprintf(stderr, "cartelgraph: no path from %s to %s in this view\n", visible(graph.entity(from).id).c_str(),
               visible(graph.entity(to).id).c_str());
  return exit_no_result;
}

// --time-respecting, --from-date and --undated; --k and `others` do not go with them.
void add_time_respecting_options(CLI::App& command, PathOptions& options, std::vector<CLI::Option*> others) {
  auto* time_respecting = command.add_flag(
      "--time-respecting", options.time_respecting,
      "Only paths whose relations hold in time order: each hop at a day its relation certainly "
      "holds (the --as-of rule: a start known to the month or year counts from its last day), never "
      "before the hop before; shows the fewest hops and the earliest arrival");
  others.push_back(command.get_option("--k"));
  for (CLI::Option* other : others) time_respecting->excludes(other);
  command
      .add_option("--from-date", options.from_date,
                  "With --time-respecting: start the clock on this date's first day (YYYY[-MM[-DD]]; default open)")
      ->type_name("DATE")
      ->needs(time_respecting)
      ->check(CLI::Validator(
          [](const std::string& text) {
            return Date::parse(text) ? std::string() : "not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + text;
          },
          ""));
  add_enum_option(command, "--undated", options.undated, "undated policy",
                  "With --time-respecting, what relations with no date do: skip (the default: not crossed, as "
                  "--dated-only) or allow (crossed at any time, without moving the clock)")
      ->type_name("skip|allow")
      ->needs(time_respecting);
}

// The options of `path`, declared when it is parsed (cli/command.hpp).
void declare_path_options(CLI::App* command, PathOptions* options) {
  command->add_option("from", options->from, "Entity to start from")->required()->type_name("FROM");
  command->add_option("to", options->to, "Entity to reach")->required()->type_name("TO");
  add_count_option(*command, "--k", options->k, "How many loopless paths, shortest first (default 1)", {1, max_paths});
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
  command->add_flag("--directed", options->directed, "Follow relations in their direction only");
  const auto weight = add_enum_option(
                          *command, "--weight", options->weight, "path weight",
                          "What a hop costs: none (default: one per hop); confidence (surer hops: confirmed costs 1, "
                          "reported 2, alleged 3, ungraded 4); weight (the tie's strength: a relation's weight, 1 when "
                          "absent, parallel relations adding up; length 1/strength, so the strongest chain wins)")
                          ->type_name("none|confidence|weight");
  auto* weighted = command
                       ->add_flag_callback(
                           "--weighted", [options = options] { options->weight = PathWeight::confidence; },
                           "Same as --weight confidence (kept for scripts)")
                       ->excludes(weight);
  add_time_respecting_options(*command, *options, {weight, weighted});
}

}  // namespace

void setup_path(CLI::App& app, Context& context) { add_command(app, context, help, run_path, declare_path_options); }

}  // namespace cartelgraph::cli
