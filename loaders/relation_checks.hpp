#pragma once
// The checks every relation passes, whatever format it was read from: endpoint types, since <=
// until, known_by (only without since) <= until, place is a place, self loops, the same tie twice, located_in cycles. What a check does
// on a finding is a policy of the input, kept here too:
// - our own data (fact files, and GraphML that declares cartelgraph's edge attribute `kind`)
//   is curated: the same tie twice is an error, refused;
// - imported data (GraphML without `kind`, as NetworkX, igraph or Gephi write it; later CSV edge
//   lists and FtM) is not: parallel ties are merged into the first, weights summed (a tie
//   without a weight counts 1), citations united, the surest confidence kept, with a note.
// Every other finding is refused whatever the input. A reader submits the relations it could
// read: the fact loader every relation (each finding points at its own member), the GraphML
// reader only edges whose values it could all read (its findings all point at the <edge>).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph::detail {

/// Where relations come from, as far as the checks care.
enum class Provenance : unsigned char {
  our_model,  ///< fact files, GraphML with cartelgraph's `kind` attribute
  imported,   ///< foreign data: GraphML without `kind`
};

/// What to do with the same tie (kind, ends and dates) given twice.
enum class DuplicatePolicy : unsigned char { refuse, merge };

/// The policy table: our model refuses duplicates, imported data merges them.
[[nodiscard]] DuplicatePolicy duplicate_policy(Provenance provenance) noexcept;

/// The problem for a kind name that is not in the kind table: "unknown relation kind 'x'
/// (known: member_of, leads, …)", every kind listed so an old file's reader sees the vocabulary.
[[nodiscard]] std::string unknown_kind_message(std::string_view name);

/// The part of a relation a finding is about, for formats that can point inside a relation
/// (a JSON member); others point at the whole relation.
enum class RelationPart : unsigned char { whole, kind, to, until, known_by, ended_by, place };

/// What the checks ask of the loader that read the relations. An `origin` is the loader's own
/// handle on where a relation was written: positions are worked out only for a finding, since
/// locating a JSON value costs a second pass over its file.
class RelationReader {
 public:
  /// Reports a problem (the load fails) about part `part` of the relation at `origin`.
  virtual void problem(std::size_t origin, RelationPart part, std::string message) = 0;
  /// Reports a note (the load goes on) about the relation at `origin`.
  virtual void note(std::size_t origin, std::string message) = 0;
  /// "file:line:column" of the relation at `origin`, for a message naming another relation.
  [[nodiscard]] virtual std::string where(std::size_t origin) = 0;
  /// The id of entity number `entity` (as in AcceptedRelation::from).
  [[nodiscard]] virtual std::string_view entity_id(std::size_t entity) = 0;

 protected:
  ~RelationReader() = default;
};

/// An entity a relation names, as its reader resolved it.
struct RelationEnd {
  std::string_view id;
  std::optional<EntityType> type;  ///< nullopt: an unknown id, or an entity of unknown type
};

/// A relation as read, before the checks. Parts that could not be read (an unknown kind, a
/// date off the calendar, an unknown place) are nullopt: their reader has reported them, and
/// the checks that need them are skipped.
struct CandidateRelation {
  std::size_t origin = 0;
  std::optional<RelationKind> kind;
  RelationEnd from;
  RelationEnd to;
  std::optional<Date> since;
  std::optional<Date> until;
  std::optional<Date> known_by;
  std::optional<Date> ended_by;
  std::optional<RelationEnd> place;
};

/// Checks one relation alone: not from an entity to itself, endpoint types allowed by its kind,
/// since <= until, not both since and known_by, known_by <= until, not both until and ended_by,
/// since and known_by <= ended_by, its place a place. Reports each finding; true if there is none. O(1).
bool check_relation(const CandidateRelation& relation, RelationReader& reader);

/// "'leads' links person → organization, faction, not place → person": why `kind` may not link
/// `from` to `to` (check_relation's message, shared with merged datasets).
[[nodiscard]] std::string endpoint_types_message(RelationKind kind, EntityType from, EntityType to);

/// Adds the citations of `from` that `into` lacks (same source, section, note and support), in
/// order. O(|into| · |from|).
void unite_citations(CitationList& into, const CitationList& from);

/// A relation that passed check_relation, between entities numbered by its reader.
struct AcceptedRelation {
  std::size_t origin = 0;
  std::size_t from = 0;
  std::size_t to = 0;
  Relation relation;
};

/// A relation as the set checks compare it: the same tie is the same kind, ends (entity numbers
/// below 2^32), dates and label.
struct Tie {
  RelationKind kind = RelationKind::associate_of;
  std::size_t from = 0;
  std::size_t to = 0;
  std::optional<Date> since;
  std::optional<Date> until;
  std::optional<Date> known_by;
  std::optional<Date> ended_by;
  std::string_view label;
};

/// The relations of one load as the set checks read them, by index in input order, whatever
/// holds them. tie() and origin() may be called from several threads at once.
class TieSet {
 public:
  [[nodiscard]] virtual std::size_t size() const = 0;
  [[nodiscard]] virtual Tie tie(std::size_t i) const = 0;
  /// The reader's handle on where relation `i` was written (RelationReader).
  [[nodiscard]] virtual std::size_t origin(std::size_t i) const = 0;

 protected:
  ~TieSet() = default;
};

/// Each relation that is the same tie as an earlier one (either direction for a symmetric kind),
/// as (index of the first, index of the copy), ordered by tie (kind, ends, dates, label) and then
/// input order. Keys of 24 bytes sorted on up to `threads` threads (0: one per core).
/// O(r log r).
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> same_ties(const TieSet& relations,
                                                                       unsigned threads = 0);

/// check_relation_set for data of our model (the same tie twice is refused), read through a
/// TieSet: nothing is merged, so nothing is changed. O(r log r + n).
void check_relation_set(const TieSet& relations, std::size_t entities, RelationReader& reader,
                        unsigned threads = 0);

/// Checks the relations of one load together, `entities` being how many entities there are:
/// the same tie twice (same kind, ends, dates and label; either direction for a symmetric kind), refused or merged as
/// `provenance` says (merging removes the copies from `relations`, keeping input order), and
/// located_in cycles, each reported at the relation that closes it. O(r log r + n).
void check_relation_set(std::vector<AcceptedRelation>& relations, std::size_t entities,
                        Provenance provenance, RelationReader& reader);

}  // namespace cartelgraph::detail
