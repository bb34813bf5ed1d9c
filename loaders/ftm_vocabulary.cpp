#include "cartelgraph/loaders/ftm_vocabulary.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace cartelgraph::detail {

namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";

constexpr std::string_view prefix(FtmIdKind kind) {
  return kind == FtmIdKind::entity ? "cge-" : kind == FtmIdKind::source ? "cgs-" : "cgr-";
}

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 128; }

int hex_value(char c) {
  const auto at = hex_digits.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// The types whose FtM schema is in each range FtM's link properties name.
constexpr TypeSet legal_entity = TypeSet(0b0110111);  // organization, faction, person, agency, business
constexpr TypeSet organization = TypeSet(0b0110011);  // organization, faction, agency, business
constexpr TypeSet person_only = TypeSet(0b0000100);
constexpr TypeSet asset = TypeSet(0b0100000);  // business (Company is an Asset)
constexpr TypeSet thing = TypeSet(0b1111111);

struct LinkRange {
  FtmLink link;
  TypeSet from;
  TypeSet to;
};

constexpr std::array<LinkRange, 7> links = {{
    {{"Membership", "member", "organization", "role", RelationKind::member_of}, legal_entity, organization},
    {{"Directorship", "director", "organization", "role", RelationKind::officer_of}, legal_entity, organization},
    {{"Ownership", "owner", "asset", "role", RelationKind::owns}, legal_entity, asset},
    {{"Employment", "employee", "employer", "role", RelationKind::works_for}, person_only, organization},
    {{"Family", "person", "relative", "relationship", RelationKind::relative_of}, person_only, person_only},
    {{"Associate", "person", "associate", "relationship", RelationKind::associate_of}, person_only, person_only},
    {{"UnknownLink", "subject", "object", "role", RelationKind::associate_of}, thing, thing},
}};

std::string_view link_schema_of(RelationKind kind) {
  switch (kind) {
    case RelationKind::member_of:
    case RelationKind::leads:
    case RelationKind::faction_of:
    case RelationKind::armed_wing_of:
    case RelationKind::support_network_of:
    case RelationKind::offshoot_of:
    case RelationKind::part_of: return "Membership";
    case RelationKind::parent_of:
    case RelationKind::spouse_of:
    case RelationKind::sibling_of:
    case RelationKind::relative_of: return "Family";
    case RelationKind::associate_of: return "Associate";
    case RelationKind::works_for:
    case RelationKind::official_of: return "Employment";
    case RelationKind::owns: return "Ownership";
    case RelationKind::officer_of: return "Directorship";
    default: return "UnknownLink";
  }
}

// Family words FtM data uses for a relationship, and the kind each is read as.
constexpr std::array<std::pair<std::string_view, RelationKind>, 14> family_words = {{
    {"spouse", RelationKind::spouse_of},
    {"wife", RelationKind::spouse_of},
    {"husband", RelationKind::spouse_of},
    {"sibling", RelationKind::sibling_of},
    {"brother", RelationKind::sibling_of},
    {"sister", RelationKind::sibling_of},
    {"parent", RelationKind::parent_of},
    {"father", RelationKind::parent_of},
    {"mother", RelationKind::parent_of},
    {"relative", RelationKind::relative_of},
    {"cousin", RelationKind::relative_of},
    {"uncle", RelationKind::relative_of},
    {"nephew", RelationKind::relative_of},
    {"associate", RelationKind::associate_of},
}};

}  // namespace

std::string ftm_id(FtmIdKind kind, std::string_view id) {
  std::string out(prefix(kind));
  for (std::size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (alnum(c) || (c == '-' && i + 1 < id.size())) {
      out += c;
    } else {  // '.' and two hex digits: FtM ids allow only letters, digits, '-' and '.'
      const auto byte = static_cast<unsigned char>(c);
      out += '.';
      out += hex_digits[byte >> 4];
      out += hex_digits[byte & 15];
    }
  }
  return out;
}

std::optional<std::string> our_id(FtmIdKind kind, std::string_view text) {
  if (!text.starts_with(prefix(kind)) || text.size() == prefix(kind).size()) return std::nullopt;
  std::string out;
  for (std::size_t i = prefix(kind).size(); i < text.size(); ++i) {
    const char c = text[i];
    if (alnum(c) || c == '-') {
      out += c;
    } else if (c == '.' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  return out;
}

std::string_view ftm_schema(EntityType type) noexcept {
  switch (type) {
    case EntityType::person: return "Person";
    case EntityType::business: return "Company";
    case EntityType::agency: return "PublicBody";
    case EntityType::place: return "Address";
    case EntityType::event: return "Event";
    case EntityType::organization:
    case EntityType::faction: break;
  }
  return "Organization";
}

std::optional<EntityType> our_type(std::string_view schema, EntityType fallback, bool& exact) {
  exact = true;
  for (const EntityType type : all_entity_types)
    if (type != EntityType::faction && ftm_schema(type) == schema) return type;
  exact = false;
  if (is_document_schema(schema) || find_ftm_link(schema) || schema == "Sanction") return std::nullopt;
  constexpr std::array<std::string_view, 11> skipped = {"Note",           "Mention",    "Similar",  "Documentation",
                                                        "Identification", "Passport",   "Position", "Occupancy",
                                                        "Representation", "Succession", "Payment"};
  if (std::ranges::find(skipped, schema) != skipped.end()) return std::nullopt;
  if (schema == "LegalEntity") return EntityType::organization;
  constexpr std::array<std::string_view, 8> assets = {"Asset",      "Vessel",   "Vehicle",     "Airplane",
                                                      "RealEstate", "Security", "BankAccount", "CryptoWallet"};
  if (std::ranges::find(assets, schema) != assets.end()) return EntityType::business;
  return fallback;
}

bool is_document_schema(std::string_view schema) noexcept {
  constexpr std::array<std::string_view, 12> documents = {"Document",  "Pages",   "Folder", "PlainText",
                                                          "HyperText", "Article", "Email",  "Image",
                                                          "Video",     "Audio",   "Table",  "Workbook"};
  return std::ranges::find(documents, schema) != documents.end();
}

const FtmLink& ftm_link(RelationKind kind, EntityType from, EntityType to) noexcept {
  const std::string_view name = link_schema_of(kind);
  for (const LinkRange& range : links)
    if (range.link.schema == name && range.from.test(static_cast<std::size_t>(from)) &&
        range.to.test(static_cast<std::size_t>(to)))
      return range.link;
  return links.back().link;  // UnknownLink: any two things
}

const FtmLink* find_ftm_link(std::string_view schema) noexcept {
  for (const LinkRange& range : links)
    if (range.link.schema == schema) return &range.link;
  return nullptr;
}

std::string role_text(RelationKind kind) {
  std::string text(to_string(kind));
  std::ranges::replace(text, '_', ' ');
  return text;
}

std::optional<RelationKind> kind_of_role(std::string_view text) {
  std::string name;
  for (const char c : text) name += c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (const auto kind = parse_relation_kind(name)) return kind;
  for (const auto& [word, kind] : family_words)
    if (name == word) return kind;
  return std::nullopt;
}

}  // namespace cartelgraph::detail
