#include "cartelgraph/cli/session.hpp"

#include <cstdio>

#include "cartelgraph/cli/builtin_store.hpp"
#include "cartelgraph/cli/enum_option.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/redaction.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/loaders/load_cache.hpp"
#include "cartelgraph/loaders/merge.hpp"
#include "cartelgraph/queries/resolve.hpp"
#include "cartelgraph/queries/summary.hpp"

namespace cartelgraph::cli {

namespace {

[[noreturn]] void usage(const std::string& message) { throw Error(ErrorCategory::usage, message); }

// The kind named `name`; a usage error listing every kind if there is none (`where` names the
// option, e.g. " in --default-kind").
RelationKind parse_kind_option(const std::string& name, std::string_view where) {
  const auto kind = parse_relation_kind(name);
  if (!kind)
    usage("unknown relation kind '" + name + "'" + std::string(where) + " (known: " + alternatives<RelationKind>(", ") +
          ")");
  return *kind;
}

// The built-in facts from the store embedded at build time (cli/builtin_store.hpp): checked then,
// read in place now, with the default limits as the library's load() reads them.
LoadResult load_builtin() {
  try {
    return open_compiled_store(CompiledStore::borrow(std::string(builtin_data_name), builtin_store()));
  } catch (const LoadError& error) {  // a build defect, reported as bad data
    LoadResult result;
    result.problems = error.problems();
    return result;
  }
}

// The data each --data names (the built-in facts without one) through the loaders' front door,
// by way of the load cache (loaders/load_cache.hpp), merged when there are several (loaders/merge.hpp). Notes (parallel ties of imported data
// merged) go to stderr; problems throw LoadError. Confidential sources are redacted here, once,
// unless --include-confidential (graph/redaction.hpp).
KnowledgeGraph load_graph(const GlobalOptions& options) {
  const LoadOptions how = load_options(options);
  std::vector<Dataset> datasets;
  const std::filesystem::path cache = default_cache_directory();
  for (const std::string& data : options.data.empty() ? std::vector<std::string>{""} : options.data) {
    LoadResult loaded = data.empty() || data == builtin_data_name ? load_builtin() : load_cached(data, how, cache);
    if (loaded.not_found)
      usage("--data " + data +
            ": no such file or directory (a fact directory, a .graphml, .gexf, .csv, FtM or compiled .cgdb file, "
            "or a directory of CSV tables)");
    datasets.push_back({data.empty() ? std::string(builtin_data_name) : data, std::move(loaded)});
  }
  LoadResult result = merge_datasets(std::move(datasets));
  if (!result.problems.empty()) throw LoadError(std::move(result.problems));
  for (const auto& note : result.notes) std::fprintf(stderr, "%s\n", visible(to_string(note)).c_str());
  if (!options.include_confidential && has_confidential(result.graph)) return redact_confidential(result.graph);
  return std::move(result.graph);
}

ViewFilter make_filter(const GlobalOptions& options, const std::vector<std::string>& kinds) {
  ViewFilter filter;
  if (!options.as_of.empty()) {
    filter.as_of = Date::parse(options.as_of);
    if (!filter.as_of) usage("--as-of '" + options.as_of + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  filter.dated_only = options.dated_only;
  if (!options.min_confidence.empty()) {
    const auto level = parse_confidence(options.min_confidence);
    if (!level)
      usage("--min-confidence '" + options.min_confidence + "' is not one of " + alternatives<Confidence>(", "));
    filter.min_confidence = *level;
  }
  if (!options.types.empty()) {
    filter.types.reset();
    for (const auto& name : options.types) filter.types |= type_set(parse_type_option(name));
  }
  if (!kinds.empty()) {
    filter.kinds.reset();
    for (const auto& name : kinds) {
      filter.kinds.set(static_cast<std::size_t>(parse_kind_option(name, "")));
    }
  }
  return filter;
}

std::string list_entities(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string text;
  for (const Vertex v : vertices) {
    const Entity& entity = graph.entity(v);
    text += "\n  " + visible(entity.id) + "  (" + visible(entity.name) + ", " + std::string(to_string(entity.type)) +
            ")";
  }
  return text;
}

// What an --as-of view keeps: relations, and how many of them are undated.
std::optional<Session::AsOf> as_of_scope(const GraphView& view) {
  if (!view.filter().as_of) return std::nullopt;
  const GraphSummary summary = summarize(view);
  return Session::AsOf{*view.filter().as_of, summary.relations, summary.undated};
}

// An --as-of view keeps undated relations, whose dates are unknown: say how many, once.
void note_undated(const std::optional<Session::AsOf>& as_of) {
  if (!as_of || as_of->undated == 0) return;
  std::fprintf(stderr, "cartelgraph: as of %s, %zu of the %zu relations kept are undated (--dated-only drops them)\n",
               as_of->date.to_string().c_str(), as_of->undated, as_of->relations);
}

}  // namespace

LoadOptions load_options(const GlobalOptions& options) {
  LoadOptions how;
  how.limits = options.limits;
  how.limits.threads = options.threads;  // fact files are read in parallel
  how.csv = options.csv_columns;
  how.default_type = parse_type_option(options.default_type);
  how.default_kind = parse_kind_option(options.default_kind, " in --default-kind");
  return how;
}

Session::Session(const Context& context, const std::vector<std::string>& kinds)
    : context_(context),
      graph_(load_graph(context.options)),
      view_(graph_, make_filter(context.options, kinds)),
      network_view_(graph_, network_filter(view_.filter(), context.options.network)),
      as_of_(as_of_scope(view_)) {
  note_undated(as_of_);
}

const Network& Session::network() const {
  if (!network_) network_.emplace(network_view_, context_.options.network);
  return *network_;
}

const Projection& Session::projection() const {
  if (!projection_) projection_.emplace(Projection::build(view_));
  return *projection_;
}

Vertex Session::resolve(const std::string& text) const {
  Resolution resolution;
  try {
    resolution = resolve_entity(graph_, text);
  } catch (const LoadError&) {
    throw;  // a damaged store, found as the names were read: a located problem, not the user's text
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
