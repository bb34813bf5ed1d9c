#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

std::string date_span(const Relation& relation) {
  if (!relation.since && !relation.until) return "undated";
  std::string text = relation.since ? relation.since->to_string() : "?";
  if (relation.until) text += " to " + relation.until->to_string();
  return text;
}

}  // namespace cartelgraph
