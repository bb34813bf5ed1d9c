#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

bool holds_on(const Relation& relation, const Date& day) noexcept {
  if (relation.since && day < relation.since->last_day()) return false;
  if (relation.known_by && day < relation.known_by->last_day()) return false;
  if (relation.until && relation.until->first_day() < day) return false;
  return true;
}

bool is_dated(const Relation& relation) noexcept { return relation.since || relation.until || relation.known_by; }

std::optional<Date> start_bound(const Relation& relation) noexcept {
  return relation.since ? relation.since : relation.known_by;
}

}  // namespace cartelgraph
