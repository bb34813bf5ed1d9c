#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

std::optional<Date>* date_field(Relation& relation, std::string_view name) noexcept {
  if (name == "since") return &relation.since;
  if (name == "until") return &relation.until;
  if (name == "known_by") return &relation.known_by;
  if (name == "ended_by") return &relation.ended_by;
  return nullptr;
}

const std::optional<Date>* date_field(const Relation& relation, std::string_view name) noexcept {
  return date_field(const_cast<Relation&>(relation), name);  // NOLINT: the same field, read only
}

bool holds_on(const Relation& relation, const Date& day) noexcept {
  if (relation.since && day < relation.since->last_day()) return false;
  if (relation.known_by && day < relation.known_by->last_day()) return false;
  if (relation.until && relation.until->first_day() < day) return false;
  if (relation.ended_by && relation.ended_by->first_day() <= day) return false;
  return true;
}

bool is_dated(const Relation& relation) noexcept {
  return relation.since || relation.until || relation.known_by || relation.ended_by;
}

std::optional<Date> end_bound(const Relation& relation) noexcept {
  return relation.until ? relation.until : relation.ended_by;
}

std::optional<Date> start_bound(const Relation& relation) noexcept {
  return relation.since ? relation.since : relation.known_by;
}

}  // namespace cartelgraph
