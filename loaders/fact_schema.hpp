#pragma once
// The rules of seeds/schema.json, hand-written for the fast reader (loaders/fact_scan.hpp): what
// each record may hold, so that a file is checked without RapidJSON's validator and its regex
// engine. tests/fact_scan_test.cpp holds them to RapidJSON's validator over the whole corpus and
// over documents mutated to break each rule.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace cartelgraph::detail::schema {

/// "id": a kebab-case id, ^[a-z0-9]+(-[a-z0-9]+)*$.
[[nodiscard]] bool is_id(std::string_view text) noexcept;
/// "date": ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$ (the calendar is the loader's check, not the schema's).
[[nodiscard]] bool is_date(std::string_view text) noexcept;
/// "text": a non-empty string.
[[nodiscard]] constexpr bool is_text(std::string_view text) noexcept { return !text.empty(); }

/// The "enum" of a source's "kind", a citation's "support" and a relation's "confidence".
inline constexpr std::array<std::string_view, 3> source_kinds = {"document", "interview", "filing"};
inline constexpr std::array<std::string_view, 3> supports = {"text", "statement", "title"};
inline constexpr std::array<std::string_view, 4> confidences = {"confirmed", "reported", "alleged", "ungraded"};
[[nodiscard]] bool is_one_of(std::string_view text, std::span<const std::string_view> options) noexcept;

/// What a member's value must be.
enum class Rule : unsigned char {
  text, id, date, boolean, non_negative_number, source_kind, support, confidence, texts, citations, records
};

/// A member a record may hold, and whether it must.
struct Member {
  std::string_view name;
  Rule rule = Rule::text;
  bool required = false;
};

/// The "properties" of each record, in the schema's order (additionalProperties is false:
/// nothing else is allowed), and its "required" among them.
inline constexpr std::array<Member, 9> source_members = {{
    {"id", Rule::id, true}, {"title", Rule::text, true}, {"author", Rule::text},
    {"publisher", Rule::text}, {"published", Rule::date}, {"url", Rule::text},
    {"document", Rule::text}, {"kind", Rule::source_kind}, {"confidential", Rule::boolean}}};
inline constexpr std::array<Member, 4> citation_members = {{
    {"source", Rule::id, true}, {"section", Rule::text, true}, {"support", Rule::support},
    {"note", Rule::text, true}}};
inline constexpr std::array<Member, 7> entity_members = {{
    {"id", Rule::id, true}, {"type", Rule::text, true}, {"name", Rule::text, true},
    {"known_as", Rule::text}, {"aliases", Rule::texts}, {"description", Rule::text, true},
    {"sources", Rule::citations, true}}};
inline constexpr std::array<Member, 12> relation_members = {{
    {"kind", Rule::text, true}, {"label", Rule::text}, {"from", Rule::id, true}, {"to", Rule::id, true},
    {"since", Rule::date}, {"until", Rule::date}, {"known_by", Rule::date}, {"ended_by", Rule::date},
    {"place", Rule::id}, {"weight", Rule::non_negative_number}, {"confidence", Rule::confidence, true},
    {"sources", Rule::citations, true}}};

/// The file's own members: no "required", nothing else allowed.
inline constexpr std::array<Member, 4> file_members = {{
    {"title", Rule::text}, {"sources", Rule::records}, {"entities", Rule::records}, {"relations", Rule::records}}};

/// The index of `name` in `members`, or members.size() when the record may not hold it.
[[nodiscard]] constexpr std::size_t member_index(std::span<const Member> members, std::string_view name) noexcept {
  for (std::size_t i = 0; i < members.size(); ++i)
    if (members[i].name == name) return i;
  return members.size();
}

/// The bits of the required members of `members` (bit i: members[i]).
[[nodiscard]] std::uint32_t required_mask(std::span<const Member> members) noexcept;

}  // namespace cartelgraph::detail::schema
