#include "cartelgraph/cli/text_output.hpp"

#include <array>
#include <charconv>

#include "cartelgraph/cli/style.hpp"
#include "cartelgraph/graph/visible_text.hpp"
#include "cartelgraph/render/kind_style.hpp"

namespace cartelgraph::cli {

std::string entity_label(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  return bold(visible(entity.name)) + " " + dim("[" + std::string(to_string(entity.type)) + "]");
}

std::string pad(std::string_view text, std::size_t width) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {  // skip an ANSI sequence: ESC [ … m
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++columns;
  }
  std::string out(text);
  if (columns < width) out.append(width - columns, ' ');
  return out;
}

std::string relation_sentence(const KnowledgeGraph& graph, Edge e) {
  const Relation& relation = graph.relation(e);
  const Graph& g = graph.graph();
  // Green for a friendly kind, red for a hostile one: the sign column of the kind table.
  const int sign = kind_info(relation.kind).sign;
  // An imported tie's own kind, then the kind it is analysed as: `called (as associate of)`.
  const std::string kind = relation.label.empty() ? signed_colour(kind_label(relation.kind), sign)
                                                  : signed_colour(visible(relation.label), sign) + " " +
                                                        dim("(as " + std::string(kind_label(relation.kind)) + ")");
  std::string text = visible(graph.entity(boost::source(e, g)).name) + " " + kind + " " +
                     visible(graph.entity(boost::target(e, g)).name);
  if (!relation.place.empty()) {
    const auto place = graph.find(relation.place);
    text += " (in " + visible(place ? graph.entity(*place).name : relation.place.str()) + ")";
  }
  text += " [" + std::string(to_string(relation.confidence)) + "]";
  // A strength the data gives (calls, meetings; parallel imported ties summed).
  if (relation.weight) {
    std::array<char, 32> digits{};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), *relation.weight).ptr;
    text += " " + dim("weight " + std::string(digits.data(), end));
  }
  return text;
}

std::string citation_list(const std::vector<Citation>& citations) {
  std::string text;
  for (const auto& citation : citations)
    text += (text.empty() ? "" : " ") + dim("[" + visible(citation_place(citation)) + "]");
  return text;
}

std::string dated_relation(const KnowledgeGraph& graph, Edge e, std::size_t width) {
  return pad(date_span(graph.relation(e)), width) + " " + relation_sentence(graph, e);
}

std::string cited_relation(const KnowledgeGraph& graph, Edge e, std::string_view indent, std::size_t width) {
  std::string text = std::string(indent) + dated_relation(graph, e, width) + "\n";
  for (const auto& citation : graph.relation(e).sources)
    text += std::string(indent) + pad("", width) + " " + citation_list({citation}) + " " + visible(citation.note) +
            "\n";
  return text;
}

std::string_view boundary_words(TieBoundary boundary) noexcept {
  switch (boundary) {
    case TieBoundary::known: return "known by";
    case TieBoundary::ended_by: return "ended by";
    case TieBoundary::began:
    case TieBoundary::ended: break;
  }
  return to_string(boundary);
}

std::string name_list(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string text;
  for (const Vertex v : vertices) text += (text.empty() ? "" : ", ") + visible(graph.entity(v).name);
  return text;
}

}  // namespace cartelgraph::cli
