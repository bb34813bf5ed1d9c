#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

bool holds_on(const Relation& relation, const Date& day) noexcept {
  if (relation.since && day < relation.since->first_day()) return false;
  if (relation.until && relation.until->last_day() < day) return false;
  return true;
}

std::string date_span(const Relation& relation) {
  if (!relation.since && !relation.until) return "undated";
  std::string text = relation.since ? relation.since->to_string() : "?";
  if (relation.until) text += " to " + relation.until->to_string();
  return text;
}

}  // namespace cartelgraph
