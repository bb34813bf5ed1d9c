#include "cartelgraph/cli/common_options.hpp"

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/queries/resolve.hpp"

namespace cartelgraph::cli {

void setup_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--data", options.data, "Fact directory to load instead of the built-in facts")
      ->type_name("PATH");
  app.add_option("--as-of", options.as_of, "Keep relations that hold on this date (YYYY[-MM[-DD]])")
      ->type_name("DATE");
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
  app.add_option("--max-depth", options.limits.max_depth,
                 "Refuse JSON or XML nested deeper than this (default 64)")
      ->type_name("N");
  app.add_option("--format", options.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("text|json");
}

KnowledgeGraph load_graph(const GlobalOptions& options) {
  LoadOptions load_options;
  load_options.limits = options.limits;
  if (options.data.ends_with(".graphml")) {  // the defaults are checked only where they apply
    load_options.default_type = parse_type_option(options.default_type);
    const auto kind = parse_relation_kind(options.default_kind);
    if (!kind) throw CliError(exit_usage, "unknown relation kind '" + options.default_kind + "' in --default-kind");
    load_options.default_kind = *kind;
  }
  LoadResult result = load(options.data, load_options);
  if (result.not_found)
    throw CliError(exit_usage, "--data " + options.data +
                                   ": no such file or directory (a fact directory or a .graphml file)");
  if (!result.problems.empty()) throw LoadError(std::move(result.problems));
  return std::move(result.graph);
}

EntityType parse_type_option(const std::string& name) {
  if (const auto type = parse_entity_type(name)) return *type;
  std::string known;
  for (const auto type : all_entity_types) known += (known.empty() ? "" : ", ") + std::string(to_string(type));
  throw CliError(exit_usage, "unknown entity type '" + name + "' (known: " + known + ")");
}

ViewFilter make_filter(const GlobalOptions& options, const std::vector<std::string>& kinds) {
  ViewFilter filter;
  if (!options.as_of.empty()) {
    filter.as_of = Date::parse(options.as_of);
    if (!filter.as_of)
      throw CliError(exit_usage, "--as-of '" + options.as_of + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (!options.min_confidence.empty()) {
    const auto level = parse_confidence(options.min_confidence);
    if (!level)
      throw CliError(exit_usage, "--min-confidence '" + options.min_confidence +
                                     "' is not one of alleged, reported, confirmed");
    filter.min_confidence = *level;
  }
  if (!options.types.empty()) {
    filter.types.reset();
    for (const auto& name : options.types) filter.types |= type_set(parse_type_option(name));
  }
  if (!kinds.empty()) {
    filter.kinds.reset();
    for (const auto& name : kinds) {
      const auto kind = parse_relation_kind(name);
      if (!kind) throw CliError(exit_usage, "unknown relation kind '" + name + "'");
      filter.kinds.set(static_cast<std::size_t>(*kind));
    }
  }
  return filter;
}

namespace {
std::string list_entities(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string text;
  for (const Vertex v : vertices) {
    const Entity& entity = graph.entity(v);
    text += "\n  " + entity.id + "  (" + entity.name + ", " + std::string(to_string(entity.type)) + ")";
  }
  return text;
}
}  // namespace

Vertex resolve_or_throw(const KnowledgeGraph& graph, const std::string& text) {
  Resolution resolution;
  try {
    resolution = resolve_entity(graph, text);
  } catch (const std::invalid_argument&) {
    throw CliError(exit_usage, "'" + text + "' is not valid UTF-8");
  }
  switch (resolution.status) {
    case Resolution::Status::found: return resolution.entities.front();
    case Resolution::Status::ambiguous:
      throw CliError(exit_usage, "'" + text + "' is ambiguous; it names:" +
                                     list_entities(graph, resolution.entities));
    case Resolution::Status::unknown: break;
  }
  std::string message = "no entity named '" + text + "'";
  if (!resolution.entities.empty()) message += "; did you mean:" + list_entities(graph, resolution.entities);
  throw CliError(exit_no_result, message);
}

}  // namespace cartelgraph::cli
