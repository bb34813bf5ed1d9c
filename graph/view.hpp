#pragma once
// Views: the part of a KnowledgeGraph a question is asked of, without copying it.

#include <boost/graph/filtered_graph.hpp>

#include <bitset>
#include <optional>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {

/// What a view keeps. The default keeps every entity and every relation.
struct ViewFilter {
  /// Keep relations that certainly hold on this day (see holds_on); a coarser date means its
  /// last day. Undated relations are kept unless `dated_only`.
  std::optional<Date> as_of;
  /// Drop relations with neither a start nor an end date.
  bool dated_only = false;
  /// Keep relations at least this sure.
  Confidence min_confidence = Confidence::ungraded;
  /// Keep relations of these kinds.
  KindSet kinds = KindSet().set();
  /// Keep entities of these types (and relations whose both ends are kept).
  TypeSet types = TypeSet().set();
  /// Keep entities whose type, and relations whose kind, belong to these layers (one bit per
  /// Layer): the criminal network is the criminal layer alone.
  std::bitset<4> layers = std::bitset<4>().set();
  static_assert(static_cast<int>(Layer::events) == 3, "one bit per Layer");
};

class GraphView;

/// Boost.Graph edge predicate of a view.
struct ViewEdgePredicate {
  const GraphView* view = nullptr;
  bool operator()(Edge e) const;
};

/// Boost.Graph vertex predicate of a view.
struct ViewVertexPredicate {
  const GraphView* view = nullptr;
  bool operator()(Vertex v) const;
};

/// The filtered Boost graph of a view; vertex and edge descriptors are the underlying graph's.
using FilteredGraph = boost::filtered_graph<Graph, ViewEdgePredicate, ViewVertexPredicate>;

/// A KnowledgeGraph seen through a ViewFilter. Holds a reference: the graph must outlive it.
class GraphView {
 public:
  explicit GraphView(const KnowledgeGraph& graph, ViewFilter filter = {});

  [[nodiscard]] const KnowledgeGraph& knowledge_graph() const noexcept { return *graph_; }
  [[nodiscard]] const ViewFilter& filter() const noexcept { return filter_; }
  /// True if the view keeps entity `v`.
  [[nodiscard]] bool contains(Vertex v) const;
  /// True if the view keeps relation `e` (and both its ends).
  [[nodiscard]] bool contains(Edge e) const;
  /// The view as a Boost graph. The view must outlive the result, and the result its iterators:
  /// keep it in a variable rather than iterating over a temporary.
  [[nodiscard]] FilteredGraph graph() const;

 private:
  const KnowledgeGraph* graph_;
  ViewFilter filter_;
  std::optional<Date> as_of_day_;  // filter_.as_of at day precision (its last day)
  bool every_entity_ = true;       // the filter keeps entities of every type: contains(v) reads none
};

}  // namespace cartelgraph
