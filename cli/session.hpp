#pragma once
// A command's session: the data the global options name, loaded once, the view they define,
// and the projection analytics run on, built when first asked for.

#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/cli/common_options.hpp"
#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/queries/network.hpp"

namespace cartelgraph::cli {

/// How --data is read, from the global options: limits, CSV columns, --default-type and
/// --default-kind. Throws Error (usage) for an unknown type or kind.
[[nodiscard]] LoadOptions load_options(const GlobalOptions& options);

class Session {
 public:
  /// Loads --data (or the built-in facts) and applies --as-of, --min-confidence, --types and a
  /// command's --kinds. Throws LoadError for invalid data, Error (usage) for a bad option value.
  explicit Session(const Context& context, const std::vector<std::string>& kinds = {});
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  [[nodiscard]] const GlobalOptions& options() const noexcept { return context_.options; }
  /// True for --format json.
  [[nodiscard]] bool json() const { return context_.json(); }
  [[nodiscard]] const KnowledgeGraph& graph() const noexcept { return graph_; }
  [[nodiscard]] const GraphView& view() const noexcept { return view_; }
  /// With --as-of: the date, the relations the view keeps, and how many of them are undated
  /// (kept because nothing says they do not hold; none with --dated-only).
  struct AsOf {
    Date date;
    std::size_t relations = 0;
    std::size_t undated = 0;
  };
  [[nodiscard]] const std::optional<AsOf>& as_of() const noexcept { return as_of_; }
  /// The undirected projection of the view, built on first use.
  [[nodiscard]] const Projection& projection() const;
  /// The network analyses run on (--network: criminal by default, people or all), built on
  /// first use from the view kept to the network's layers.
  [[nodiscard]] const Network& network() const;
  /// The entity `text` names. Throws Error: no_result (with suggestions) if unknown, usage
  /// (with the candidates) if ambiguous or not UTF-8.
  [[nodiscard]] Vertex resolve(const std::string& text) const;
  /// resolve(text), or nullopt when `text` is empty (an optional argument not given).
  [[nodiscard]] std::optional<Vertex> resolve_if_given(const std::string& text) const;

 private:
  const Context& context_;
  KnowledgeGraph graph_;
  GraphView view_;  // refers to graph_: a Session is neither copied nor moved
  mutable std::optional<Projection> projection_;
  GraphView network_view_;
  mutable std::optional<Network> network_;
  std::optional<AsOf> as_of_;
};

}  // namespace cartelgraph::cli
