#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

std::string date_span(const Relation& relation) {
  if (!is_dated(relation)) return "undated";
  std::string text = relation.since      ? relation.since->to_string()
                     : relation.known_by ? "by " + relation.known_by->to_string()
                                         : "?";
  if (relation.until) text += " to " + relation.until->to_string();
  return text;
}

std::string_view support_label(CitationSupport support) noexcept {
  switch (support) {
    case CitationSupport::text: return "";
    case CitationSupport::statement: return "statement";
    case CitationSupport::title: return "title only";
  }
  return "";
}

std::string citation_place(const Citation& citation) {
  std::string text = citation.source + " §" + citation.section;
  if (const std::string_view support = support_label(citation.support); !support.empty())
    text.append(", ").append(support);
  return text;
}

}  // namespace cartelgraph
