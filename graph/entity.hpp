#pragma once
// What the graph holds: entities, their types, sources and how sure we are of a fact.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/citation.hpp"
#include "cartelgraph/graph/enum_names.hpp"
#include "cartelgraph/graph/text.hpp"

namespace cartelgraph {

/// The closed set of entity types.
enum class EntityType : unsigned char { organization, faction, person, place, agency, business, event };

/// Every entity type, in declaration order.
inline constexpr std::array<EntityType, 7> all_entity_types = {
    EntityType::organization, EntityType::faction,  EntityType::person, EntityType::place,
    EntityType::agency,       EntityType::business, EntityType::event};

/// `organization`, `faction`, … in declaration order.
template <>
[[nodiscard]] std::span<const std::string_view> names<EntityType>() noexcept;
/// The type's name as written in the fact files (`organization`, `faction`, …).
[[nodiscard]] std::string_view to_string(EntityType type) noexcept;
/// The type named `name`, or nullopt if there is none.
[[nodiscard]] std::optional<EntityType> parse_entity_type(std::string_view name) noexcept;

/// How sure the sources are of a fact, weakest first.
enum class Confidence : unsigned char { ungraded, alleged, reported, confirmed };

/// `ungraded` (imported without a stated grade), `alleged`, `reported`, `confirmed`.
template <>
[[nodiscard]] std::span<const std::string_view> names<Confidence>() noexcept;
/// `ungraded`, `alleged`, `reported` or `confirmed`.
[[nodiscard]] std::string_view to_string(Confidence confidence) noexcept;
/// The level named `name`, or nullopt if there is none.
[[nodiscard]] std::optional<Confidence> parse_confidence(std::string_view name) noexcept;

/// `text`, `statement`, `title`.
template <>
[[nodiscard]] std::span<const std::string_view> names<CitationSupport>() noexcept;

/// What a source is, which decides the fields it has: a `document` (a published text: an article,
/// a report, a statement; any field), an `interview` (a conversation: who gave it as title, who
/// held it as author, when as published; no url, no document) or a `filing` (a court or
/// registry record: title, the court or registry as publisher, filed as published, url and
/// document if there is a copy).
enum class SourceKind : unsigned char { document, interview, filing };

/// `document`, `interview`, `filing`.
template <>
[[nodiscard]] std::span<const std::string_view> names<SourceKind>() noexcept;

/// One source: a document, an interview or a filing.
struct Source {
  std::string id;
  std::string title;
  std::string author;     // empty when the document does not show one
  std::string publisher;  // empty when the document does not show one
  std::string published;  // ISO date, as precise as the document shows
  std::string url;        // empty when the document states none
  std::string document;   // file name of its text in the source collection; empty when there is
                          // no document to read (an interview)
  SourceKind kind = SourceKind::document;
  bool confidential = false;  // used in analysis; shown only as "confidential source" unless the
                              // user asks (graph/redaction.hpp)
};

/// A node of the graph: a group, person, place, agency, business or event.
struct Entity {
  std::string id;
  EntityType type = EntityType::organization;
  std::string name;
  std::vector<std::string> aliases{};
  Text description{};
  CitationList sources{};
  Text storyline{};  // the fact file that defines it (its name without .json)
  Text known_as{};   // the name it is known by (El Mencho) when it differs from name; empty if none
};

/// A fact file: one storyline or theme of the data.
struct Storyline {
  std::string id;         // the file's name without .json
  std::string title;      // its "title", or the id when it has none
  std::string dataset{};  // the --data input it was read from, when several were merged; else empty
};

}  // namespace cartelgraph
