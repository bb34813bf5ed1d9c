#include "cartelgraph/graph/knowledge_graph.hpp"

#include <algorithm>
#include "cartelgraph/graph/error.hpp"
#include <utility>

#include "cartelgraph/graph/normalize.hpp"

namespace cartelgraph {

KnowledgeGraph::KnowledgeGraph() : graph_(std::make_unique<Graph>()) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : graph_(std::make_unique<Graph>(*other.graph_)),
      sources_(other.sources_),
      storylines_(other.storylines_),
      ids_(other.ids_),
      source_ids_(other.source_ids_),
      names_(other.names_) {}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) *this = KnowledgeGraph(other);
  return *this;
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other)
    : graph_(std::exchange(other.graph_, std::make_unique<Graph>())),
      sources_(std::move(other.sources_)),
      storylines_(std::move(other.storylines_)),
      ids_(std::move(other.ids_)),
      source_ids_(std::move(other.source_ids_)),
      names_(std::move(other.names_)) {}

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) {
  if (this == &other) return *this;
  auto empty = std::make_unique<Graph>();
  graph_ = std::exchange(other.graph_, std::move(empty));
  sources_ = std::move(other.sources_);
  storylines_ = std::move(other.storylines_);
  ids_ = std::move(other.ids_);
  source_ids_ = std::move(other.source_ids_);
  names_ = std::move(other.names_);
  return *this;
}

KnowledgeGraph::~KnowledgeGraph() = default;

void KnowledgeGraph::add_source(Source source) {
  if (source_ids_.contains(source.id))
    throw Error(ErrorCategory::invalid_data, "duplicate source id '" + source.id + "'");
  source_ids_.emplace(source.id, sources_.size());
  sources_.push_back(std::move(source));
}

Vertex KnowledgeGraph::add_entity(Entity entity) {
  if (ids_.contains(entity.id)) throw Error(ErrorCategory::invalid_data, "duplicate entity id '" + entity.id + "'");
  std::vector<std::string> keys;
  keys.push_back(normalize_name(entity.name));
  if (!entity.known_as.empty()) keys.push_back(normalize_name(entity.known_as));
  for (const auto& alias : entity.aliases) keys.push_back(normalize_name(alias));
  std::ranges::sort(keys);
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  const std::string id = entity.id;
  // Boost's add_vertex and add_edge take their property by const reference and copy it (twice
  // for edges): add an empty one and move the real one in.
  const Vertex v = boost::add_vertex(*graph_);
  (*graph_)[v] = std::move(entity);
  ids_.emplace(id, v);
  for (auto& key : keys)
    if (!key.empty()) names_[std::move(key)].push_back(v);
  return v;
}

Edge KnowledgeGraph::add_relation(Vertex from, Vertex to, Relation relation) {
  const Edge e = boost::add_edge(from, to, *graph_).first;
  (*graph_)[e] = std::move(relation);
  return e;
}

std::optional<Vertex> KnowledgeGraph::find(std::string_view id) const {
  const auto it = ids_.find(id);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

const Source* KnowledgeGraph::find_source(std::string_view id) const {
  const auto it = source_ids_.find(id);
  return it == source_ids_.end() ? nullptr : &sources_[it->second];
}

std::span<const Vertex> KnowledgeGraph::find_by_name(std::string_view text) const {
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
