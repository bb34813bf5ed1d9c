#include "cartelgraph/graph/redaction.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace cartelgraph {

bool has_confidential(const KnowledgeGraph& graph) noexcept {
  return std::ranges::any_of(graph.sources(), &Source::confidential);
}

namespace {

// The placeholder id of each confidential source, by its real id.
using Placeholders = std::map<std::string, std::string, std::less<>>;

std::vector<Citation> redacted(const std::vector<Citation>& citations, const Placeholders& placeholders) {
  std::vector<Citation> out = citations;
  for (Citation& citation : out)
    if (const auto it = placeholders.find(citation.source); it != placeholders.end()) {
      citation.source = it->second;
      citation.section = "confidential";
    }
  return out;
}

}  // namespace

KnowledgeGraph redact_confidential(const KnowledgeGraph& graph) {
  if (!has_confidential(graph)) return graph;
  KnowledgeGraph out;
  Placeholders placeholders;
  for (const Source& source : graph.sources()) {
    if (!source.confidential) {
      out.add_source(source);
      continue;
    }
    Source placeholder;
    placeholder.id = "confidential-" + std::to_string(placeholders.size() + 1);
    placeholder.title = std::string(confidential_title);
    placeholder.kind = source.kind;
    placeholder.confidential = true;
    placeholders.emplace(source.id, placeholder.id);
    out.add_source(std::move(placeholder));
  }
  for (const Storyline& storyline : graph.storylines()) out.add_storyline(storyline);
  const Graph& g = graph.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
    Entity entity = graph.entity(v);
    entity.sources = redacted(entity.sources, placeholders);
    out.add_entity(std::move(entity));  // vertex numbers are kept: vecS numbers in order
  }
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) {
    Relation relation = graph.relation(e);
    relation.sources = redacted(relation.sources, placeholders);
    out.add_relation(boost::source(e, g), boost::target(e, g), std::move(relation));
  }
  return out;
}

}  // namespace cartelgraph
