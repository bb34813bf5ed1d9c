#include "cartelgraph/graph/knowledge_graph.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>
#include "cartelgraph/graph/error.hpp"

#include "cartelgraph/graph/normalize.hpp"

namespace cartelgraph {

KnowledgeGraph::KnowledgeGraph() = default;

KnowledgeGraph KnowledgeGraph::in_place(StoredGraph stored) {
  KnowledgeGraph graph;
  graph.types_ = std::move(stored.types);
  graph.kinds_ = std::move(stored.kinds);
  graph.confidences_ = std::move(stored.confidences);
  graph.from_ = std::move(stored.from);
  graph.to_ = std::move(stored.to);
  graph.stored_shape_ = stored.shape;
  graph.read_in_place(stored.records);
  return graph;
}

void KnowledgeGraph::read_in_place(const std::shared_ptr<const StoredRecords>& records) {
  stored_ = records;
  if (!records) {
    stored_entities_.reset();
    stored_relations_.reset();
    return;
  }
  stored_entities_ = std::make_unique<LazyRecords<Entity>>(
      types_.size(), [records](std::size_t first, std::span<Entity> out) { records->read_entities(first, out); });
  stored_relations_ = std::make_unique<LazyRecords<Relation>>(
      from_.size(), [records](std::size_t first, std::span<Relation> out) { records->read_relations(first, out); });
}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : entities_(other.entities_),
      relations_(other.relations_),
      types_(other.types_),
      kinds_(other.kinds_),
      confidences_(other.confidences_),
      from_(other.from_),
      to_(other.to_),
      stored_shape_(other.stored_shape_),
      sources_(other.sources_),
      storylines_(other.storylines_),
      ids_(other.ids_),
      source_ids_(other.source_ids_) {  // the name index is built again when first asked for
  read_in_place(other.stored_);         // the copy shares the store, and reads its own records from it
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) { *this = std::move(other); }

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this == &other) return *this;
  // Moving a vector keeps its buffer, so the shape built over the other's columns stays valid.
  const bool ready = other.shape_ready_.exchange(false);
  shape_ = std::exchange(other.shape_, Graph());
  shape_ready_ = ready;
  entities_ = std::exchange(other.entities_, {});
  relations_ = std::exchange(other.relations_, {});
  stored_ = std::exchange(other.stored_, {});
  stored_entities_ = std::exchange(other.stored_entities_, {});
  stored_relations_ = std::exchange(other.stored_relations_, {});
  types_ = std::exchange(other.types_, {});
  kinds_ = std::exchange(other.kinds_, {});
  confidences_ = std::exchange(other.confidences_, {});
  from_ = std::exchange(other.from_, {});
  to_ = std::exchange(other.to_, {});
  stored_shape_ = std::exchange(other.stored_shape_, {});
  sources_ = std::exchange(other.sources_, {});
  storylines_ = std::exchange(other.storylines_, {});
  ids_ = std::exchange(other.ids_, {});
  source_ids_ = std::exchange(other.source_ids_, {});
  names_ready_ = other.names_ready_.exchange(false);
  names_ = std::exchange(other.names_, {});
  return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

void KnowledgeGraph::read_all() {
  if (!stored_) return;
  const std::size_t n = entity_count();
  const std::size_t m = relation_count();
  entities_.reserve(n);
  ids_.reserve(n);
  for (Vertex v = 0; v < n; ++v) {
    entities_.push_back(entity(v));
    ids_.try_emplace(entities_.back().id, v);
  }
  relations_.reserve(m);
  for (std::uint32_t e = 0; e < m; ++e) relations_.push_back((*stored_relations_)[e]);
  for (auto* column : {&from_, &to_}) column->own();
  types_.own();
  kinds_.own();
  confidences_.own();
  read_in_place(nullptr);
  stored_shape_ = {};
  shape_ = Graph();      // it borrowed the store's lists
  names_ready_ = false;  // built from the entities when next asked for
  shape_ready_ = false;
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations) {
  read_all();
  entities_.reserve(entities);
  types_.reserve(entities);
  ids_.reserve(entities);
  relations_.reserve(relations);
  kinds_.reserve(relations);
  confidences_.reserve(relations);
  from_.reserve(relations);
  to_.reserve(relations);
}

const Graph& KnowledgeGraph::graph() const {
  if (!shape_ready_.load(std::memory_order_acquire)) {
    const std::lock_guard lock(shape_mutex_);
    if (!shape_ready_.load(std::memory_order_relaxed)) {
      // A store's lists are borrowed as they are, checked a chunk of entities at a time when
      // first read; otherwise the lists are built, every end checked (or made) already.
      shape_ = stored_shape_.entities != nullptr
                   ? Graph(entity_count(), from_.unchecked(), to_.unchecked(), stored_shape_)
                   : Graph(entity_count(), from_.span(), to_.span());
      shape_ready_.store(true, std::memory_order_release);
    }
  }
  return shape_;
}

void KnowledgeGraph::add_source(Source source) {
  if (source_ids_.contains(source.id))
    throw Error(ErrorCategory::invalid_data, "duplicate source id '" + source.id + "'");
  source_ids_.emplace(source.id, sources_.size());
  sources_.push_back(std::move(source));
}

namespace {

// The distinct, non-empty normalize_name() keys of an entity's name, known-as name and aliases.
std::vector<std::string> name_keys(const Entity& entity) {
  std::vector<std::string> keys;
  keys.push_back(normalize_name(entity.name));
  if (!entity.known_as.empty()) keys.push_back(normalize_name(entity.known_as));
  for (const auto& alias : entity.aliases) keys.push_back(normalize_name(alias));
  std::ranges::sort(keys);
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::erase(keys, std::string());
  return keys;
}

}  // namespace

Vertex KnowledgeGraph::add_entity(Entity entity) {
  read_all();
  const Vertex v = entities_.size();
  if (!ids_.try_emplace(entity.id, v).second)
    throw Error(ErrorCategory::invalid_data, "duplicate entity id '" + entity.id + "'");
  types_.push_back(entity.type);
  entities_.push_back(std::move(entity));
  shape_ready_ = false;
  if (names_ready_.load(std::memory_order_relaxed)) index_names(v);  // else built when first asked for
  return v;
}

void KnowledgeGraph::index_names(Vertex v) const {
  for (auto& key : name_keys(entities_[v])) names_[std::move(key)].push_back(static_cast<std::uint32_t>(v));
}

void KnowledgeGraph::build_name_index() const {
  if (!names_ready_.load(std::memory_order_acquire)) {
    const std::lock_guard lock(names_mutex_);
    if (!names_ready_.load(std::memory_order_relaxed)) {
      // Sorted once and appended in order: an insertion per key in random order costs a tree
      // search and a cache miss each, which at a million entities is most of a second.
      std::vector<std::pair<std::string, Vertex>> keyed;
      keyed.reserve(entities_.size());
      for (Vertex v = 0; v < entities_.size(); ++v)
        for (auto& key : name_keys(entities_[v])) keyed.emplace_back(std::move(key), v);
      std::ranges::sort(keyed);
      names_.clear();
      for (auto& [key, v] : keyed) {
        if (names_.empty() || std::prev(names_.end())->first != key)
          names_.emplace_hint(names_.end(), std::move(key), std::vector<std::uint32_t>());
        std::prev(names_.end())->second.push_back(static_cast<std::uint32_t>(v));
      }
      names_ready_.store(true, std::memory_order_release);
    }
  }
}

void KnowledgeGraph::for_each_name(const NameVisitor& visit) const {
  if (stored_) return stored_->for_each_name(visit);
  build_name_index();
  for (const auto& [key, vertices] : names_) visit(key, vertices);
}

Edge KnowledgeGraph::add_relation(Vertex from, Vertex to, Relation relation) {
  read_all();
  if (relations_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCategory::invalid_data, "more than 2^32 - 1 relations");
  const Edge e{static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to),
               static_cast<std::uint32_t>(relations_.size())};
  kinds_.push_back(relation.kind);
  confidences_.push_back(relation.confidence);
  relations_.push_back(std::move(relation));
  from_.push_back(e.from);
  to_.push_back(e.to);
  shape_ready_ = false;
  return e;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
  if (stored_) return stored_->find(id);
  const auto it = ids_.find(id);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

const Source* KnowledgeGraph::find_source(std::string_view id) const {
  const auto it = source_ids_.find(id);
  return it == source_ids_.end() ? nullptr : &sources_[it->second];
}

std::span<const std::uint32_t> KnowledgeGraph::find_by_name(std::string_view text) const {
  if (stored_) return stored_->named(normalize_name(text));
  build_name_index();
  const auto it = names_.find(normalize_name(text));
  if (it == names_.end()) return {};
  return it->second;
}

std::string_view KnowledgeGraph::dataset_of(std::string_view storyline) const noexcept {
  for (const Storyline& s : storylines_)
    if (s.id == storyline) return s.dataset;
  return {};
}

}  // namespace cartelgraph
