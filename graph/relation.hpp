#pragma once
// An edge of the graph: a typed, dated, sourced tie between two entities.

#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph {

/// A tie from one entity to another. Symmetric kinds are stored once, in either direction.
struct Relation {
  RelationKind kind = RelationKind::associate_of;
  std::string label;          // an imported tie's own kind when it is not in the vocabulary
                              // (analysed as `kind`); empty otherwise
  std::optional<Date> since;  // when the tie began or the act happened
  std::optional<Date> until;  // when the tie ended
  std::optional<Date> known_by;  // when since is unknown: a date by which the tie is known to
                                 // hold (detected or reported then); never set with since
  std::optional<Date> ended_by;  // when until is unknown: a date by which the tie is known to have
                                 // ended (a document calls it "former"); never set with until
  std::string place;          // id of a place entity, empty when none
  std::optional<double> weight;  // a tie strength, when the data gives one (imported graphs)
  Confidence confidence = Confidence::reported;
  std::vector<Citation> sources;
  std::string storyline;      // the fact file that states it (its name without .json)
};

/// True if the relation certainly holds on `day`: it had begun (a start known only to the month
/// or year counts from that month's or year's last day: a tie dated 2021-03 is not certain on
/// 2021-03-01) and had not yet ended (an end known only to the month or year counts from its
/// first day; the end day itself still holds). Undated ends are open. A relation with `known_by`
/// (and so no `since`) began on or before known_by: it certainly holds from known_by's last day
/// on, by the same coarse-date rule, and is not certain before.
[[nodiscard]] bool holds_on(const Relation& relation, const Date& day) noexcept;

/// True if the relation has a date of any kind: since, until or known_by. O(1).
[[nodiscard]] bool is_dated(const Relation& relation) noexcept;

/// Where the relation's start is placed for ordering: since, else known_by (began by then),
/// else nullopt. O(1).
[[nodiscard]] std::optional<Date> start_bound(const Relation& relation) noexcept;

}  // namespace cartelgraph
