#pragma once
// FollowTheMoney (FtM) and cartelgraph: the one table both directions read (exporters/
// ftm_export.cpp writes it, loaders/ftm_loader.cpp reads it back). The README's FtM section
// states the same mapping for users.
// Internal to the library: not installed.

#include <optional>
#include <string>
#include <string_view>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph::detail {

/// What an FtM id stands for: a cartelgraph entity, a source (an FtM Document) or a relation.
enum class FtmIdKind : unsigned char { entity, source, relation };

/// A stable FtM id for our id `id`: "cge-", "cgs-" or "cgr-", then `id` with letters, digits
/// and '-' (but a last one) kept and every other byte written '.' and two hex digits ("el_mencho"
/// → "cge-el.5fmencho"), so the id matches FtM's id pattern ([0-9a-zA-Z][0-9a-zA-Z.-]*[0-9a-zA-Z]).
/// O(|id|).
[[nodiscard]] std::string ftm_id(FtmIdKind kind, std::string_view id);
/// The inverse of ftm_id for `kind`: our id, or nullopt when `text` is not such an id. O(|text|).
[[nodiscard]] std::optional<std::string> our_id(FtmIdKind kind, std::string_view text);

/// The FtM schema of an entity type: Person, Organization (organization and faction), Company
/// (business), PublicBody (agency), Address (place), Event (event).
[[nodiscard]] std::string_view ftm_schema(EntityType type) noexcept;
/// The nearest entity type of an FtM entity schema, or nullopt for a schema we do not read as
/// an entity (Document and its kinds, intervals, notes). Schemata other than the six above are
/// read as the nearest: LegalEntity as organization, assets (Vessel, Vehicle, RealEstate, …) as
/// business, other things as `fallback`; `exact` says whether the schema is one of the six.
[[nodiscard]] std::optional<EntityType> our_type(std::string_view schema, EntityType fallback, bool& exact);
/// True for the FtM schemata that are documents (Document, Pages, Article, Email, …).
[[nodiscard]] bool is_document_schema(std::string_view schema) noexcept;

/// An FtM interval schema that joins two entities: its name, the properties holding its two
/// ends, the one holding its role text, and the kind it is read as by default.
struct FtmLink {
  std::string_view schema;
  std::string_view source;  // property of the `from` end
  std::string_view target;  // property of the `to` end
  std::string_view role;    // "role" or "relationship"; empty when it has none
  RelationKind kind;        // what a foreign link of this schema is read as
};

/// The link schema a relation of `kind` between entities of types `from` and `to` is written
/// as: Membership, Family, Associate, Employment, Ownership, Directorship where FtM's ranges
/// allow the two ends, else UnknownLink. (sanctioned_by is written as a Sanction, not a link.)
[[nodiscard]] const FtmLink& ftm_link(RelationKind kind, EntityType from, EntityType to) noexcept;
/// The link schema named `schema`, or nullptr.
[[nodiscard]] const FtmLink* find_ftm_link(std::string_view schema) noexcept;

/// A kind in words for FtM's role property ("allied_with" → "allied with").
[[nodiscard]] std::string role_text(RelationKind kind);
/// The kind a role text names ("allied with", "allied_with", "Spouse" → spouse_of, "brother" →
/// sibling_of, …), or nullopt. O(|text|).
[[nodiscard]] std::optional<RelationKind> kind_of_role(std::string_view text);

/// The prefix of the `summary` value holding what FtM cannot say, as compact JSON.
inline constexpr std::string_view ftm_note_prefix = "cartelgraph ";

}  // namespace cartelgraph::detail
