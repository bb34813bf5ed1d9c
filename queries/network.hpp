#pragma once
// The networks analyses run on (centrality, brokers, disrupt, the dossier's rankings): which
// entities and ties each holds, and the relations behind each of its ties, for citing.

#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/people_network.hpp"
#include "cartelgraph/queries/tie_strength.hpp"

namespace cartelgraph {

/// criminal: people, groups and businesses and the criminal layer's ties among them (the
/// default); people: the people network (PeopleNetwork); all: every entity and relation.
enum class NetworkKind : unsigned char { criminal, people, all };

/// `criminal`, `people`, `all`.
template <>
[[nodiscard]] std::span<const std::string_view> names<NetworkKind>() noexcept;
[[nodiscard]] std::string_view to_string(NetworkKind kind) noexcept;
/// What a network holds, in one sentence for help texts.
[[nodiscard]] std::string_view describe(NetworkKind kind) noexcept;

/// `filter` kept to the layers a network draws on: the criminal layer for criminal and people,
/// every layer for all.
[[nodiscard]] ViewFilter network_filter(ViewFilter filter, NetworkKind kind);

/// A network of a view: the projection analytics run on, and the relations behind its ties.
class Network {
 public:
  /// The `kind` network of `view`, a view already kept to network_filter(…, kind); the view
  /// must outlive the network. O(E log E) (plus Σ members² of a group for people).
  Network(const GraphView& view, NetworkKind kind);

  [[nodiscard]] NetworkKind kind() const noexcept { return kind_; }
  [[nodiscard]] const GraphView& view() const noexcept { return *view_; }
  [[nodiscard]] const Projection& projection() const noexcept;
  /// The strength of every arc of projection() (edge_index), the one rule of tie_strength.hpp:
  /// for criminal and all, the strengths of the relations merged into the tie, added; for
  /// people, the tie's shared groups plus the strengths of its direct relations (its weight()
  /// when no relation has a weight). Only the relations `which` counts add (tie_strength.hpp). O(E log degree).
  [[nodiscard]] std::vector<double> strengths(TieRelations which = TieRelations::every) const;
  /// The people network's ties and their reasons, or nullptr for another kind.
  [[nodiscard]] const PeopleNetwork* people() const noexcept { return people_ ? &*people_ : nullptr; }
  /// The relations behind the tie between `a` and `b`; empty when they are not tied. For the
  /// people network, both people's memberships of the groups they share and their direct
  /// relations; else every relation of the view between them.
  [[nodiscard]] std::vector<Edge> tie_relations(Vertex a, Vertex b) const;
  /// The relations of `v` behind its ties to the entities `counts` accepts: every relation of
  /// the view to one of them, or in the people network, v's memberships of the groups it shares
  /// with one of them and its direct relations to them. Dated first, in date order.
  [[nodiscard]] std::vector<Edge> relations_of(Vertex v, const std::function<bool(Vertex)>& counts) const;

 private:
  [[nodiscard]] std::vector<Edge> people_relations_of(Vertex v, const std::function<bool(Vertex)>& counts) const;

  const GraphView* view_;
  NetworkKind kind_;
  std::optional<Projection> projection_;  // criminal, all
  std::optional<PeopleNetwork> people_;   // people
};

}  // namespace cartelgraph
