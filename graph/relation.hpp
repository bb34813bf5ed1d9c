#pragma once
// An edge of the graph: a typed, dated, sourced tie between two entities.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph {

/// A tie from one entity to another. Symmetric kinds are stored once, in either direction.
struct Relation {
  RelationKind kind = RelationKind::associate_of;
  Text label{};                    // an imported tie's own kind when it is not in the vocabulary
                                   // (analysed as `kind`); empty otherwise
  std::optional<Date> since{};     // when the tie began or the act happened
  std::optional<Date> until{};     // when the tie ended
  std::optional<Date> known_by{};  // when since is unknown: a date by which the tie is known to
                                   // hold (detected or reported then); never set with since
  std::optional<Date> ended_by{};  // when until is unknown: a date by which the tie is known to have
                                   // ended (a document calls it "former"); never set with until
  Text place{};                    // id of a place entity, empty when none
  std::optional<double> weight{};  // a tie strength, when the data gives one (imported graphs)
  Confidence confidence = Confidence::reported;
  CitationList sources{};
  Text storyline{};  // the fact file that states it (its name without .json)
};

/// The names of a relation's date fields, in the order files write them.
inline constexpr std::array<std::string_view, 4> relation_date_fields = {"since", "until", "known_by", "ended_by"};

/// The date field of `relation` named `name` (one of relation_date_fields), or nullptr. O(1).
[[nodiscard]] std::optional<Date>* date_field(Relation& relation, std::string_view name) noexcept;
/// The date field of `relation` named `name` (one of relation_date_fields), or nullptr. O(1).
[[nodiscard]] const std::optional<Date>* date_field(const Relation& relation, std::string_view name) noexcept;

/// True if the relation certainly holds on `day`: it had begun (a start known only to the month
/// or year counts from that month's or year's last day: a tie dated 2021-03 is not certain on
/// 2021-03-01) and had not yet ended (an end known only to the month or year counts from its
/// first day; the end day itself still holds). Undated ends are open. A relation with `known_by`
/// (and so no `since`) began on or before known_by: it certainly holds from known_by's last day
/// on, by the same coarse-date rule, and is not certain before. A relation with `ended_by` (and so
/// no `until`) ended on or before ended_by: it is not certain from ended_by's first day on, and
/// before that its end is open.
[[nodiscard]] bool holds_on(const Relation& relation, const Date& day) noexcept;

/// True if the relation has a date of any kind: since, until, known_by or ended_by. O(1).
[[nodiscard]] bool is_dated(const Relation& relation) noexcept;

/// Where the relation's start is placed for ordering: since, else known_by (began by then),
/// else nullopt. O(1).
[[nodiscard]] std::optional<Date> start_bound(const Relation& relation) noexcept;

/// Where the relation's end is placed for ordering: until, else ended_by (ended by then), else
/// nullopt. O(1).
[[nodiscard]] std::optional<Date> end_bound(const Relation& relation) noexcept;

}  // namespace cartelgraph
