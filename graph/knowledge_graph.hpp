#pragma once
// KnowledgeGraph: the typed Boost graph of entities and relations, with its indexes.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cartelgraph/graph/column.hpp"
#include "cartelgraph/graph/compact_graph.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/graph/lazy_records.hpp"
#include "cartelgraph/graph/relation.hpp"
#include "cartelgraph/graph/stored_records.hpp"

namespace cartelgraph {

/// The graph type: bidirectional, Entity and Relation bundled on vertices and edges, immutable
/// and array-backed (graph/compact_graph.hpp).
using Graph = CompactGraph;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// What a graph opened in place is read from: its records and indexes, the flat columns every
/// view and algorithm reads, and each entity's relations (all borrowed: `records` keeps them and
/// their checks alive; each column's values are checked a chunk at a time on first read).
struct StoredGraph {
  std::shared_ptr<const StoredRecords> records;
  Column<EntityType> types;        ///< by entity
  Column<RelationKind> kinds;      ///< by relation
  Column<Confidence> confidences;  ///< by relation
  Column<std::uint32_t> from;      ///< by relation: its source entity
  Column<std::uint32_t> to;        ///< by relation: its target entity
  BorrowedShape shape;             ///< each entity's relations; built at first use without
                                   ///< shape.entities
};

/// Entities, relations and sources, with an id index and a normalized name/alias index. Built in
/// memory by the add_* calls, or opened in place (in_place()): then an entity or relation is read
/// from its store the first time it is asked for, and the indexes are the store's.
class KnowledgeGraph {
 public:
  KnowledgeGraph();
  /// The graph `stored` holds, read in place: work independent of its size. Adding to it later
  /// first reads every record into memory. Sources and storylines are added as usual.
  static KnowledgeGraph in_place(StoredGraph stored);
  KnowledgeGraph(const KnowledgeGraph& other);
  KnowledgeGraph& operator=(const KnowledgeGraph& other);
  /// Moves without copying an entity or relation; the moved-from graph is left empty.
  KnowledgeGraph(KnowledgeGraph&& other);
  KnowledgeGraph& operator=(KnowledgeGraph&& other);
  ~KnowledgeGraph();

  /// Makes room for `entities` entities and `relations` relations in all, so that a loader that
  /// knows its counts adds them without regrowing (and without the slack of doubling).
  void reserve(std::size_t entities, std::size_t relations);
  /// Adds a storyline (fact file), in load order.
  void add_storyline(Storyline storyline) { storylines_.push_back(std::move(storyline)); }
  /// Adds a source document. Throws Error (invalid_data) if its id is taken.
  void add_source(Source source);
  /// Adds an entity and indexes its id, name, known_as and aliases. Throws Error (invalid_data)
  /// if its id is taken.
  Vertex add_entity(Entity entity);
  /// Adds a relation between two existing entities. Throws Error (invalid_data) past 2^32 − 1
  /// relations.
  Edge add_relation(Vertex from, Vertex to, Relation relation);

  /// The Boost graph, for algorithms: built on the first call after an add (O(n + m)), then
  /// shared; safe to call from several threads once adding is done.
  [[nodiscard]] const Graph& graph() const;
  [[nodiscard]] std::size_t entity_count() const noexcept { return types_.size(); }
  [[nodiscard]] std::size_t relation_count() const noexcept { return from_.size(); }
  /// The entity `v`. On a graph opened in place, read on first use: a damaged record throws
  /// LoadError then.
  [[nodiscard]] const Entity& entity(Vertex v) const {
    return stored_entities_ ? (*stored_entities_)[v] : entities_[v];
  }
  /// entity(v).type, from a byte per entity kept apart: views test the type of both ends of
  /// every relation, and a million entities' types fit in cache where the entities do not.
  [[nodiscard]] EntityType entity_type(Vertex v) const { return types_[v]; }
  /// The relation `e`; on a graph opened in place, read on first use, like entity().
  [[nodiscard]] const Relation& relation(Edge e) const {
    return stored_relations_ ? (*stored_relations_)[e.index] : relations_[e.index];
  }
  /// relation(e).kind and relation(e).confidence, kept apart like entity_type(): what views test
  /// of every relation, without reading it.
  [[nodiscard]] RelationKind relation_kind(Edge e) const { return kinds_[e.index]; }
  [[nodiscard]] Confidence relation_confidence(Edge e) const { return confidences_[e.index]; }
  /// True if the graph was opened in place and nothing has been added since.
  [[nodiscard]] bool is_in_place() const noexcept { return stored_ != nullptr; }
  /// Reads every record of a graph opened in place into memory (checking each: throws LoadError
  /// for a damaged one), after which it no longer needs its store; nothing to do otherwise. The
  /// add_* calls do it first.
  void read_all();
  [[nodiscard]] const std::vector<Source>& sources() const noexcept { return sources_; }
  /// The fact files, in load order.
  [[nodiscard]] const std::vector<Storyline>& storylines() const noexcept { return storylines_; }
  /// The dataset (--data input) the storyline `id` came from when several were merged; empty
  /// otherwise or for an unknown storyline. O(storylines).
  [[nodiscard]] std::string_view dataset_of(std::string_view storyline) const noexcept;

  /// The entity with id `id`, if any. O(1) expected.
  [[nodiscard]] std::optional<Vertex> find(std::string_view id) const;
  /// The source with id `id`, or nullptr.
  [[nodiscard]] const Source* find_source(std::string_view id) const;
  /// Entities whose name or an alias has the same normalize_name() key as `text`, in vertex
  /// order. O(log n) once the name index is built (see for_each_name()).
  [[nodiscard]] std::span<const std::uint32_t> find_by_name(std::string_view text) const;
  /// Calls `visit(key, entities)` for every key of the name/alias index (normalized key →
  /// entities in vertex order), by key. The index is built on the first call (O(n log n),
  /// thread-safe once adding is done) and kept up to date by later adds, so that a command that
  /// names entities by id never pays for it; a graph opened in place has its store's.
  void for_each_name(const NameVisitor& visit) const;

 private:
  std::vector<Entity> entities_;                 // in memory; empty in place
  std::vector<Relation> relations_;              // in memory; empty in place
  std::shared_ptr<const StoredRecords> stored_;  // in place: where records and indexes are read
  std::unique_ptr<LazyRecords<Entity>> stored_entities_;
  std::unique_ptr<LazyRecords<Relation>> stored_relations_;
  Column<EntityType> types_;  // entity(v).type, for entity_type()
  Column<RelationKind> kinds_;
  Column<Confidence> confidences_;
  Column<std::uint32_t> from_;  // relation i runs from entity from_[i] to to_[i]
  Column<std::uint32_t> to_;
  mutable std::mutex shape_mutex_;
  mutable std::atomic<bool> shape_ready_{false};
  mutable Graph shape_;         // over from_ and to_; valid while shape_ready_
  BorrowedShape stored_shape_;  // in place: the store's lists of each entity's relations
  std::vector<Source> sources_;
  std::vector<Storyline> storylines_;
  // Hashes std::string and std::string_view alike, so that find() looks up a view without a copy.
  // Not noexcept on purpose: libstdc++ then keeps each key's hash in its node, and a probe walks
  // a bucket comparing those instead of hashing every key it passes again (a cache miss each at
  // a million ids).
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const {
      return std::hash<std::string_view>()(id);
    }  // NOLINT(performance-noexcept-*)
  };
  std::unordered_map<std::string, Vertex, IdHash, std::equal_to<>> ids_;
  std::map<std::string, std::size_t, std::less<>> source_ids_;
  mutable std::mutex names_mutex_;
  mutable std::atomic<bool> names_ready_{false};
  mutable std::map<std::string, std::vector<std::uint32_t>, std::less<>> names_;  // valid while names_ready_

  void index_names(Vertex v) const;
  void build_name_index() const;
  void read_in_place(const std::shared_ptr<const StoredRecords>& records);
};

}  // namespace cartelgraph
