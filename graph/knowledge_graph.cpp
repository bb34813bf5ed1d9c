#include "cartelgraph/graph/knowledge_graph.hpp"

#include <algorithm>
#include <stdexcept>

#include "cartelgraph/graph/normalize.hpp"

namespace cartelgraph {

void KnowledgeGraph::add_source(Source source) {
  if (source_ids_.contains(source.id))
    throw std::invalid_argument("duplicate source id '" + source.id + "'");
  source_ids_.emplace(source.id, sources_.size());
  sources_.push_back(std::move(source));
}

Vertex KnowledgeGraph::add_entity(Entity entity) {
  if (ids_.contains(entity.id)) throw std::invalid_argument("duplicate entity id '" + entity.id + "'");
  std::vector<std::string> keys;
  keys.push_back(normalize_name(entity.name));
  for (const auto& alias : entity.aliases) keys.push_back(normalize_name(alias));
  std::ranges::sort(keys);
  const auto [last, end] = std::ranges::unique(keys);
  keys.erase(last, end);

  const std::string id = entity.id;
  const Vertex v = boost::add_vertex(std::move(entity), graph_);
  ids_.emplace(id, v);
  for (auto& key : keys)
    if (!key.empty()) names_[std::move(key)].push_back(v);
  return v;
}

Edge KnowledgeGraph::add_relation(Vertex from, Vertex to, Relation relation) {
  return boost::add_edge(from, to, std::move(relation), graph_).first;
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

}  // namespace cartelgraph
