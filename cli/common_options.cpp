#include "cartelgraph/cli/common_options.hpp"

#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph::cli {

namespace {

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

}  // namespace

void setup_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--data", options.data, "Fact directory to load instead of the built-in facts")->type_name("PATH");
  app.add_option("--as-of", options.as_of,
                 "Keep relations that certainly hold on this date (YYYY[-MM[-DD]]; a coarser date means its "
                 "last day; a start known to the month counts from that month's end)")
      ->type_name("DATE");
  add_enum_option(app, "--network", options.network, "network", network_help())
      ->type_name(alternatives<NetworkKind>("|"));
  app.add_flag("--dated-only", options.dated_only, "Leave out relations with no date: no start, end or known-by date");
  app.add_option("--min-confidence", options.min_confidence,
                 "Keep relations at least this sure: alleged, reported or confirmed")
      ->type_name("LEVEL");
  app.add_option("--types", options.types, "Keep entities of these types (comma-separated)")
      ->delimiter(',')
      ->type_name("T,...");
  app.add_option("--default-type", options.default_type,
                 "Type of GraphML nodes without a 'type' attribute (default person)")
      ->type_name("T");
  app.add_option("--default-kind", options.default_kind,
                 "Kind of GraphML edges without a 'kind' attribute (default associate_of)")
      ->type_name("K");
  app.add_option("--threads", options.threads,
                 "Threads for betweenness, closeness and harmonic (default: every core; same results)")
      ->type_name("N");
  app.add_option("--max-input-size", options.limits.max_file_bytes,
                 "Refuse a data file larger than this (default 4GiB; units kB, MB, GB, KiB, MiB, GiB)")
      ->transform(CLI::AsSizeValue(true).description(""))
      ->type_name("SIZE");
  app.add_option("--max-entities", options.limits.max_entities,
                 "Refuse data with more entities than this (default 4000000)")
      ->type_name("N");
  app.add_option("--max-relations", options.limits.max_relations,
                 "Refuse data with more relations than this (default 25000000)")
      ->type_name("N");
  app.add_option("--max-depth", options.limits.max_depth, "Refuse JSON or XML nested deeper than this (default 64)")
      ->type_name("N");
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
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
