#include "cartelgraph/cli/session.hpp"

#include <filesystem>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"
#include "cartelgraph/queries/resolve.hpp"

namespace cartelgraph::cli {

namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorCategory::usage, message); }

KnowledgeGraph load_graph(const GlobalOptions& options) {
  if (options.data.empty()) return load_builtin_graph();
  if (std::error_code error; !std::filesystem::exists(options.data, error))
    usage("--data " + options.data + ": no such file or directory (a fact directory or a .graphml file)");
  if (!options.data.ends_with(".graphml"))
    return load_facts_or_throw(read_fact_directory(options.data, options.limits), options.limits);
  GraphmlOptions graphml;
  graphml.default_type = parse_type_option(options.default_type);
  const auto kind = parse_relation_kind(options.default_kind);
  if (!kind) usage("unknown relation kind '" + options.default_kind + "' in --default-kind");
  graphml.default_kind = *kind;
  graphml.limits = options.limits;
  const FactFile file = read_fact_file(options.data, options.limits);
  LoadResult result = load_graphml(file, graphml);
  if (!result.problems.empty()) throw LoadError(std::move(result.problems));
  return std::move(result.graph);
}

ViewFilter make_filter(const GlobalOptions& options, const std::vector<std::string>& kinds) {
  ViewFilter filter;
  if (!options.as_of.empty()) {
    filter.as_of = Date::parse(options.as_of);
    if (!filter.as_of) usage("--as-of '" + options.as_of + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (!options.min_confidence.empty()) {
    const auto level = parse_confidence(options.min_confidence);
    if (!level) usage("--min-confidence '" + options.min_confidence + "' is not one of alleged, reported, confirmed");
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
      if (!kind) usage("unknown relation kind '" + name + "'");
      filter.kinds.set(static_cast<std::size_t>(*kind));
    }
  }
  return filter;
}

std::string list_entities(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string text;
  for (const Vertex v : vertices) {
    const Entity& entity = graph.entity(v);
    text += "\n  " + entity.id + "  (" + entity.name + ", " + std::string(to_string(entity.type)) + ")";
  }
  return text;
}

}  // namespace

Session::Session(const Context& context, const std::vector<std::string>& kinds)
    : context_(context), graph_(load_graph(context.options)), view_(graph_, make_filter(context.options, kinds)) {}

const Projection& Session::projection() const {
  if (!projection_) projection_.emplace(Projection::build(view_));
  return *projection_;
}

Vertex Session::resolve(const std::string& text) const {
  Resolution resolution;
  try {
    resolution = resolve_entity(graph_, text);
  } catch (const Error&) {
    usage("'" + text + "' is not valid UTF-8");
  }
  switch (resolution.status) {
    case Resolution::Status::found: return resolution.entities.front();
    case Resolution::Status::ambiguous:
      usage("'" + text + "' is ambiguous; it names:" + list_entities(graph_, resolution.entities));
    case Resolution::Status::unknown: break;
  }
  std::string message = "no entity named '" + text + "'";
  if (!resolution.entities.empty()) message += "; did you mean:" + list_entities(graph_, resolution.entities);
  throw Error(ErrorCategory::no_result, message);
}

std::optional<Vertex> Session::resolve_if_given(const std::string& text) const {
  if (text.empty()) return std::nullopt;
  return resolve(text);
}

}  // namespace cartelgraph::cli
