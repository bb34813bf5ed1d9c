#pragma once
// CompactGraph: the typed graph's shape as an immutable compressed-sparse-row graph that models
// Boost.Graph's bidirectional, vertex-list and edge-list concepts, so BGL algorithms and
// filtered_graph run on it. Relations keep their insertion order: edges(g) and every entity's
// out- and in-edges list them in the order they were added.

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/iterator/iterator_facade.hpp>
#include <boost/property_map/property_map.hpp>
#include <boost/range/iterator_range.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include "cartelgraph/graph/column.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

/// A relation as Boost.Graph sees it: its index in the graph (insertion order) and its ends.
struct RelationEdge {
  std::uint32_t from = 0;
  std::uint32_t to = 0;
  std::uint32_t index = 0;

  /// By index: the order relations were added.
  friend bool operator==(RelationEdge a, RelationEdge b) noexcept { return a.index == b.index; }
  friend std::strong_ordering operator<=>(RelationEdge a, RelationEdge b) noexcept { return a.index <=> b.index; }
};

namespace detail {

/// Iterates positions `at` of a relation list (an entity's out- or in-relations; for edges(g),
/// no list: the position is the relation index) as edges. `fixed` is the near end of a list (out:
/// the source, in: the target); the far ends are read from `from` and `to`.
class RelationEdgeIterator : public boost::iterator_facade<RelationEdgeIterator, RelationEdge,
                                                           boost::random_access_traversal_tag, RelationEdge> {
 public:
  enum class Side : unsigned char { out, in, all };
  RelationEdgeIterator() = default;
  RelationEdgeIterator(const std::uint32_t* list, std::uint32_t at, std::uint32_t fixed, const std::uint32_t* from,
                       const std::uint32_t* to, Side side) noexcept
      : list_(list), from_(from), to_(to), at_(at), fixed_(fixed), side_(side) {}

 private:
  friend class boost::iterator_core_access;
  [[nodiscard]] RelationEdge dereference() const noexcept {
    switch (side_) {
      case Side::out: return {fixed_, to_[list_[at_]], list_[at_]};
      case Side::in: return {from_[list_[at_]], fixed_, list_[at_]};
      case Side::all: break;
    }
    return {from_[at_], to_[at_], at_};
  }
  [[nodiscard]] bool equal(const RelationEdgeIterator& other) const noexcept { return at_ == other.at_; }
  void increment() noexcept { ++at_; }
  void decrement() noexcept { --at_; }
  void advance(std::ptrdiff_t n) noexcept { at_ = static_cast<std::uint32_t>(static_cast<std::ptrdiff_t>(at_) + n); }
  [[nodiscard]] std::ptrdiff_t distance_to(const RelationEdgeIterator& other) const noexcept {
    return static_cast<std::ptrdiff_t>(other.at_) - static_cast<std::ptrdiff_t>(at_);
  }

  const std::uint32_t* list_ = nullptr;
  const std::uint32_t* from_ = nullptr;
  const std::uint32_t* to_ = nullptr;
  std::uint32_t at_ = 0;
  std::uint32_t fixed_ = 0;
  Side side_ = Side::all;
};

}  // namespace detail

/// Each entity's relations on one side (out: by source, in: by target): n + 1 offsets into a list
/// of relation indices, each entity's in insertion order.
struct RelationLists {
  std::span<const std::uint32_t> starts;
  std::span<const std::uint32_t> relations;
};

/// A shape kept outside the graph (a compiled store's sections), borrowed as it is: `entities`
/// checks an entity's lists, and the far ends they lead to, before they are first read (by
/// chunks of entities), and `from` and `to` check the relations' ends before edges() reads them.
struct BorrowedShape {
  RelationLists out;
  RelationLists in;
  const ChunkCheck* entities = nullptr;
  const ChunkCheck* from = nullptr;
  const ChunkCheck* to = nullptr;
};

/// The shape of a KnowledgeGraph: entities 0..n−1, relations 0..m−1 with their ends, and for each
/// entity its out- and in-relations, in 32-bit arrays (16 bytes per relation). Holds spans of the
/// relations' ends: whoever built it keeps them alive. Entities and relations themselves are the
/// KnowledgeGraph's (entity(v), relation(e)), not bundled here. A borrowed shape's accessors may
/// throw what its checks throw (a damaged store's LoadError); a built one's never throw.
class CompactGraph {
 public:
  using vertex_descriptor = std::size_t;
  using edge_descriptor = RelationEdge;
  using iterator = detail::RelationEdgeIterator;

  CompactGraph() = default;
  /// The graph of `entities` entities and from.size() relations, relation i running from
  /// `from[i]` to `to[i]` (precondition: both below `entities`, from and to of one size below
  /// 2^32). O(n + m).
  CompactGraph(std::size_t entities, std::span<const std::uint32_t> from, std::span<const std::uint32_t> to);
  /// The graph whose lists `shape` holds, borrowed, over the ends `from` and `to` (which
  /// shape.from and shape.to check): O(1).
  CompactGraph(std::size_t entities, std::span<const std::uint32_t> from, std::span<const std::uint32_t> to,
               const BorrowedShape& shape);

  [[nodiscard]] std::size_t vertex_count() const noexcept { return vertex_count_; }
  [[nodiscard]] std::size_t edge_count() const noexcept { return from_.size(); }

  [[nodiscard]] std::pair<iterator, iterator> out_edges(vertex_descriptor v) const {
    return side(v, out_start_, out_relations_, iterator::Side::out);
  }
  [[nodiscard]] std::pair<iterator, iterator> in_edges(vertex_descriptor v) const {
    return side(v, in_start_, in_relations_, iterator::Side::in);
  }
  [[nodiscard]] std::pair<iterator, iterator> edges() const;
  [[nodiscard]] std::size_t out_degree(vertex_descriptor v) const {
    require(v);
    return out_start_.unchecked()[v + 1] - out_start_.unchecked()[v];
  }
  [[nodiscard]] std::size_t in_degree(vertex_descriptor v) const {
    require(v);
    return in_start_.unchecked()[v + 1] - in_start_.unchecked()[v];
  }
  /// Each entity's out- and in-relations (for a writer of the shape).
  [[nodiscard]] RelationLists out_lists() const;
  [[nodiscard]] RelationLists in_lists() const;

 private:
  void require(vertex_descriptor v) const {
    if (checks_.entities != nullptr) [[unlikely]]
      checks_.entities->require(v);
  }
  [[nodiscard]] std::pair<iterator, iterator> side(vertex_descriptor v, const Column<std::uint32_t>& start,
                                                   const Column<std::uint32_t>& relations, iterator::Side which) const {
    require(v);
    const auto near = static_cast<std::uint32_t>(v);
    const std::uint32_t* list = relations.unchecked().data();
    const std::span<const std::uint32_t> starts = start.unchecked();
    return {iterator(list, starts[v], near, from_.data(), to_.data(), which),
            iterator(list, starts[v + 1], near, from_.data(), to_.data(), which)};
  }

  std::size_t vertex_count_ = 0;
  std::span<const std::uint32_t> from_;
  std::span<const std::uint32_t> to_;
  Column<std::uint32_t> out_start_{std::vector<std::uint32_t>{0}};  // n + 1 offsets into out_relations_
  Column<std::uint32_t> out_relations_;                             // relation indices by source, in insertion order
  Column<std::uint32_t> in_start_{std::vector<std::uint32_t>{0}};
  Column<std::uint32_t> in_relations_;
  BorrowedShape checks_;  // a borrowed shape's checks (the lists' spans unused); none when built
};

/// Boost's edge_index of a CompactGraph: the relation's index.
struct RelationIndexMap : boost::put_get_helper<std::size_t, RelationIndexMap> {
  using key_type = RelationEdge;
  using value_type = std::size_t;
  using reference = std::size_t;
  using category = boost::readable_property_map_tag;
  std::size_t operator[](RelationEdge e) const noexcept { return e.index; }
};

// Boost.Graph's free functions, found by argument-dependent lookup (and declared in boost below
// for the boost::-qualified calls).
using CompactVertexIterator = boost::counting_iterator<std::size_t>;
inline std::pair<CompactVertexIterator, CompactVertexIterator> vertices(const CompactGraph& g) noexcept {
  return {CompactVertexIterator(0), CompactVertexIterator(g.vertex_count())};
}
inline std::size_t num_vertices(const CompactGraph& g) noexcept { return g.vertex_count(); }
inline std::pair<CompactGraph::iterator, CompactGraph::iterator> edges(const CompactGraph& g) { return g.edges(); }
inline std::size_t num_edges(const CompactGraph& g) { return g.edge_count(); }
inline std::pair<CompactGraph::iterator, CompactGraph::iterator> out_edges(std::size_t v, const CompactGraph& g) {
  return g.out_edges(v);
}
inline std::pair<CompactGraph::iterator, CompactGraph::iterator> in_edges(std::size_t v, const CompactGraph& g) {
  return g.in_edges(v);
}
inline std::size_t out_degree(std::size_t v, const CompactGraph& g) { return g.out_degree(v); }
inline std::size_t in_degree(std::size_t v, const CompactGraph& g) { return g.in_degree(v); }
inline std::size_t degree(std::size_t v, const CompactGraph& g) { return g.out_degree(v) + g.in_degree(v); }
inline std::size_t source(RelationEdge e, const CompactGraph& /*g*/) noexcept { return e.from; }
inline std::size_t target(RelationEdge e, const CompactGraph& /*g*/) noexcept { return e.to; }
/// The first relation from `u` to `v`, if any: O(out-degree of u).
inline std::pair<RelationEdge, bool> edge(std::size_t u, std::size_t v, const CompactGraph& g) {
  for (auto [it, end] = g.out_edges(u); it != end; ++it)
    if ((*it).to == v) return {*it, true};
  return {RelationEdge{}, false};
}
inline boost::typed_identity_property_map<std::size_t> get(boost::vertex_index_t /*tag*/,
                                                           const CompactGraph& /*g*/) noexcept {
  return {};
}
inline std::size_t get(boost::vertex_index_t /*tag*/, const CompactGraph& /*g*/, std::size_t v) noexcept { return v; }
inline RelationIndexMap get(boost::edge_index_t /*tag*/, const CompactGraph& /*g*/) noexcept { return {}; }
inline std::size_t get(boost::edge_index_t /*tag*/, const CompactGraph& /*g*/, RelationEdge e) noexcept {
  return e.index;
}

}  // namespace cartelgraph

namespace boost {

template <>
struct graph_traits<cartelgraph::CompactGraph> {
  using vertex_descriptor = std::size_t;
  using edge_descriptor = cartelgraph::RelationEdge;
  using directed_category = bidirectional_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  struct traversal_category : bidirectional_graph_tag, vertex_list_graph_tag, edge_list_graph_tag {};
  using vertex_iterator = cartelgraph::CompactVertexIterator;
  using out_edge_iterator = cartelgraph::CompactGraph::iterator;
  using in_edge_iterator = cartelgraph::CompactGraph::iterator;
  using edge_iterator = cartelgraph::CompactGraph::iterator;
  using adjacency_iterator = void;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using degree_size_type = std::size_t;
  static vertex_descriptor null_vertex() noexcept { return std::numeric_limits<std::size_t>::max(); }
};

template <>
struct property_map<cartelgraph::CompactGraph, vertex_index_t> {
  using type = typed_identity_property_map<std::size_t>;
  using const_type = type;
};

template <>
struct property_map<cartelgraph::CompactGraph, edge_index_t> {
  using type = cartelgraph::RelationIndexMap;
  using const_type = type;
};

using cartelgraph::degree;
using cartelgraph::edge;
using cartelgraph::edges;
using cartelgraph::get;
using cartelgraph::in_degree;
using cartelgraph::in_edges;
using cartelgraph::num_edges;
using cartelgraph::num_vertices;
using cartelgraph::out_degree;
using cartelgraph::out_edges;
using cartelgraph::source;
using cartelgraph::target;
using cartelgraph::vertices;

}  // namespace boost

/// Hashes the relation's index.
template <>
struct std::hash<cartelgraph::RelationEdge> {
  std::size_t operator()(cartelgraph::RelationEdge e) const noexcept { return e.index; }
};
