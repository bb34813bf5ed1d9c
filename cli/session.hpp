#pragma once
// A command's session: the data the global options name, loaded once, the view they define,
// and the projection analytics run on, built when first asked for.

#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/cli/common_options.hpp"
#include "cartelgraph/graph/projection.hpp"

namespace cartelgraph::cli {

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
  /// The undirected projection of the view, built on first use.
  [[nodiscard]] const Projection& projection() const;
  /// The network analyses run on (--network): "criminal" (the default) or "all".
  [[nodiscard]] const std::string& network_name() const noexcept { return network_name_; }
  /// The view restricted to the network: the criminal layer alone unless --network all.
  [[nodiscard]] const GraphView& network_view() const noexcept { return network_view_; }
  /// The undirected projection of network_view(), built on first use.
  [[nodiscard]] const Projection& network() const;
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
  std::string network_name_;
  GraphView network_view_;
  mutable std::optional<Projection> network_;
};

}  // namespace cartelgraph::cli
