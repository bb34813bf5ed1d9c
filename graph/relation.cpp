#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

bool holds_on(const Relation& relation, const Date& day) noexcept {
  if (relation.since && day < relation.since->last_day()) return false;
  if (relation.until && relation.until->first_day() < day) return false;
  return true;
}

}  // namespace cartelgraph
