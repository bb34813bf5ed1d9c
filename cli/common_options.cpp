#include "cartelgraph/cli/common_options.hpp"

#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <thread>

namespace cartelgraph::cli {

namespace {

constexpr std::uint64_t no_limit = std::numeric_limits<std::uint64_t>::max();
constexpr CountRange thread_range{0, 1024};
constexpr CountRange input_size_range{1, no_limit};
constexpr CountRange entity_limit_range{1, no_limit};
constexpr CountRange depth_limit_range{1, 1'000'000};

// "What centrality, brokers and disrupt analyse: criminal (the default): …; people: …".
std::string network_help() {
  std::string text = "What centrality, brokers and disrupt analyse:";
  for (const auto name : names<NetworkKind>()) {
    const NetworkKind kind = *parse<NetworkKind>(name);
    text += std::string(kind == NetworkKind::criminal ? " " : "; ") + std::string(name) +
            (kind == NetworkKind::criminal ? " (the default): " : ": ") + std::string(describe(kind));
  }
  return text;
}

// Throws CLI::ValidationError naming the first option of `app` or of a subcommand it parsed
// that was given an empty value (`--as-of ""`, `search ""`): none of them means anything empty.
void refuse_empty_values(const CLI::App& app) {
  for (const CLI::Option* option : app.get_options())
    if (option->get_expected_min() > 0 &&
        std::ranges::any_of(option->results(), [](const std::string& value) { return value.empty(); }))
      throw CLI::ValidationError(option->get_name(), "the value must not be empty");
  for (const CLI::App* command : app.get_subcommands()) refuse_empty_values(*command);
}

// More threads than cores only adds switching: a count in thread_range above the cores is
// lowered to them, with a note. A transformer, run before the range check (CLI11 runs the last
// transformer added first): values outside the range are left for that check to refuse.
CLI::Validator clamp_to_cores() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
        const auto threads = parse_decimal(input);
        if (!threads || *threads <= cores || *threads > thread_range.max) return {};
        std::fprintf(stderr, "cartelgraph: note: --threads %s is more than the %u cores: using %u\n", input.c_str(),
                     cores, cores);
        input = std::to_string(cores);
        return {};
      },
      "");
}

// "criminal|people|all": every name of E, as a usage line writes a choice.
template <class E>
std::string choices() {
  std::string text;
  for (const auto name : names<E>()) text += (text.empty() ? "" : "|") + std::string(name);
  return text;
}

// --from-column, …: which columns of a CSV edge list (or its node table) hold what.
void add_csv_column_options(CLI::App& app, CsvColumns& columns) {
  struct Flag {
    const char* name;
    std::string CsvColumns::*member;
    const char* holds;
  };
  const Flag flags[] = {
      {"--from-column", &CsvColumns::from,
       "edge list: the tie's start, an entity id or name (default: from, source, :START_ID, else the first column)"},
      {"--to-column", &CsvColumns::to, "edge list: the tie's end (default: to, target, :END_ID, else the next column)"},
      {"--kind-column", &CsvColumns::kind,
       "edge list: the tie's kind; one not in `kinds` is kept as its label (default: kind, type, :TYPE)"},
      {"--weight-column", &CsvColumns::weight, "edge list: the tie's strength (default: weight, count)"},
      {"--since-column", &CsvColumns::since, "edge list: when the tie began (default: since, start)"},
      {"--until-column", &CsvColumns::until, "edge list: when the tie ended (default: until, end)"},
      {"--confidence-column", &CsvColumns::confidence,
       "edge list: how sure, none meaning ungraded (default: confidence)"},
      {"--id-column", &CsvColumns::id, "node table: the entity id (default: id, :ID)"},
      {"--name-column", &CsvColumns::name, "node table: the entity name (default: name, label)"},
      {"--type-column", &CsvColumns::type, "node table: the entity type (default: type, :LABEL)"}};
  for (const Flag& flag : flags)
    app.add_option(flag.name, columns.*flag.member, std::string("CSV ") + flag.holds)
        ->type_name("NAME")
        ->group("CSV columns (README, \"CSV in\"; a NAME.mapping file beside NAME.csv says the same per file)");
}

}  // namespace

void setup_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--data", options.data,
                 "Data to load instead of the built-in facts: a fact directory, a .graphml, .gexf, .csv, .edgelist or FtM "
                 "file, or a directory of CSV tables; given several times, their union (+builtin names the "
                 "built-in facts)")
      ->type_name("PATH")
      ->allow_extra_args(false);  // one path per --data: `--data x info` does not take `info`
  app.add_option("--as-of", options.as_of,
                 "Keep relations that certainly hold on this date (YYYY[-MM[-DD]]; a coarser date means its "
                 "last day; a start known to the month counts from that month's end)")
      ->type_name("DATE");
  add_enum_option(app, "--network", options.network, "network", network_help())
      ->type_name(choices<NetworkKind>());
  app.add_flag("--dated-only", options.dated_only, "Leave out relations with no date: no start, end or known-by date");
  app.add_option("--min-confidence", options.min_confidence,
                 "Keep relations at least this sure: " + alternatives<Confidence>() + " (default: all)")
      ->type_name("LEVEL");
  app.add_flag("--include-confidential", options.include_confidential,
               "Show confidential sources as they are (title, author, URL, document); without it they read "
               "\"confidential source\" in every answer, picture, report and export");
  app.add_option("--types", options.types, "Keep entities of these types (comma-separated)")
      ->delimiter(',')
      ->type_name("T,...");
  app.add_option("--default-type", options.default_type,
                 "Type of GraphML and GEXF nodes without a 'type' attribute and CSV nodes without a type column "
                 "(default person)")
      ->type_name("T");
  app.add_option("--default-kind", options.default_kind,
                 "Kind of GraphML and GEXF edges without a 'kind' attribute and CSV ties without a kind of the "
                 "vocabulary (default associate_of)")
      ->type_name("K");
  add_csv_column_options(app, options.csv_columns);
  add_count_option(app, "--threads", options.threads,
                   "Threads for betweenness, closeness and harmonic (default 0: every core; more than the cores "
                   "is lowered to the cores, with a note; same results whatever the count)",
                   thread_range)
      ->transform(clamp_to_cores());
  add_size_option(app, "--max-input-size", options.limits.max_file_bytes,
                  "Refuse a data file larger than this (default 4GiB)", input_size_range);
  add_count_option(app, "--max-entities", options.limits.max_entities,
                   "Refuse data with more entities than this (default 4000000)", entity_limit_range);
  add_count_option(app, "--max-relations", options.limits.max_relations,
                   "Refuse data with more relations than this (default 25000000)", entity_limit_range);
  add_count_option(app, "--max-depth", options.limits.max_depth,
                   "Refuse JSON or XML nested deeper than this (default 64)", depth_limit_range);
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
  app.parse_complete_callback([&app] { refuse_empty_values(app); });
}

EntityType parse_type_option(const std::string& name) {
  if (const auto type = parse_entity_type(name)) return *type;
  throw Error(ErrorCategory::usage,
              "unknown entity type '" + name + "' (known: " + alternatives<EntityType>(", ") + ")");
}

TypeSet type_option(const std::string& name) {
  return name.empty() ? TypeSet().set() : type_set(parse_type_option(name));
}

}  // namespace cartelgraph::cli
