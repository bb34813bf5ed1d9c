#include <algorithm>
#include <set>

#include "cartelgraph/render/dossier_parts.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph::dossier {

std::string_view known_name(const Entity& entity) noexcept {
  return entity.known_as.empty() ? std::string_view(entity.name) : std::string_view(entity.known_as);
}

Links::Links(const KnowledgeGraph& graph) : graph_(&graph), carded_(boost::num_vertices(graph.graph()), false) {}

void Links::add_card(Vertex v) {
  if (open_ && v < carded_.size()) carded_[v] = true;
}

std::vector<Vertex> Links::carded() const {
  std::vector<Vertex> out;
  for (Vertex v = 0; v < carded_.size(); ++v)
    if (carded_[v]) out.push_back(v);
  return out;
}

std::string Links::entity(Vertex v) {
  add_card(v);
  const Entity& e = graph_->entity(v);
  if (!has_card(v)) return html_escape(known_name(e));
  return "<a href=\"#entity-" + anchor_id(e.id) + "\">" + html_escape(known_name(e)) + "</a>";
}

std::string Links::entities(std::span<const Vertex> vertices, std::size_t most) {
  if (vertices.size() > most)
    return entities(vertices.first(most), most) + " and " + std::to_string(vertices.size() - most) + " more";
  std::string out;
  for (std::size_t i = 0; i < vertices.size(); ++i)
    out += (i == 0 ? "" : i + 1 == vertices.size() ? " and " : ", ") + entity(vertices[i]);
  return out;
}

std::size_t Links::number(std::string_view id) const {
  const auto& all = graph_->sources();
  const auto it = std::ranges::find(all, id, &Source::id);
  return it == all.end() ? 0 : static_cast<std::size_t>(it - all.begin()) + 1;
}

std::string Links::sources(const std::vector<Citation>& citations) const {
  std::set<std::size_t> numbers;
  for (const auto& c : citations)
    if (const std::size_t n = number(c.source)) numbers.insert(n);
  if (numbers.empty()) return {};
  std::string out = " <span class=\"refs\">[";
  for (const std::size_t n : numbers) {
    const Source& s = graph_->sources()[n - 1];
    out += (n == *numbers.begin() ? "" : ", ") + std::string("<a href=\"#source-") + anchor_id(s.id) + "\" title=\"" +
           html_escape(s.title) + "\">" + std::to_string(n) + "</a>";
  }
  return out + "]</span>";
}

std::string Links::relation_sources(std::span<const Edge> relations) const {
  std::vector<Citation> all;
  for (const Edge e : relations) {
    const auto& cited = graph_->relation(e).sources;
    all.insert(all.end(), cited.begin(), cited.end());
  }
  return sources(all);
}

}  // namespace cartelgraph::dossier
