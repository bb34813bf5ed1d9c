#include "cartelgraph/loaders/fact_scan.hpp"

#include <simdjson.h>

#include <deque>
#include <span>
#include <utility>
#include <string>
#include <string_view>

#include "cartelgraph/loaders/fact_schema.hpp"

namespace cartelgraph::detail {

namespace od = simdjson::ondemand;
namespace rules = schema;
using rules::Member;
using rules::Rule;

static_assert(FactScanner::padding >= simdjson::SIMDJSON_PADDING);

struct FactScanner::Parser {
  od::parser parser;
  simdjson::padded_string copy;  // the text of a file given without room for the padding
};

namespace {

// The string `value` holds, if it meets `rule`.
bool checked_string(od::value& value, Rule rule, std::string_view& out) {
  if (value.get_string().get(out) != simdjson::SUCCESS) return false;
  switch (rule) {
    case Rule::text: return rules::is_text(out);
    case Rule::id: return rules::is_id(out);
    case Rule::date: return rules::is_date(out);
    case Rule::source_kind: return rules::is_one_of(out, rules::source_kinds);
    case Rule::support: return rules::is_one_of(out, rules::supports);
    case Rule::confidence: return rules::is_one_of(out, rules::confidences);
    default: return false;
  }
}

// Reads the members of `object`, each through read(index in `members`, value): false as soon as
// one is unknown (additionalProperties is false), appears twice or is refused by `read`, or when
// a required one is missing.
template <class Read>
bool read_members(od::object& object, std::span<const Member> members, Read read) {
  std::uint32_t seen = 0;
  for (auto result : object) {
    od::field field;
    std::string_view key;
    if (std::move(result).get(field) != simdjson::SUCCESS || field.unescaped_key().get(key) != simdjson::SUCCESS) return false;
    const std::size_t index = rules::member_index(members, key);
    if (index == members.size()) return false;
    const std::uint32_t bit = std::uint32_t{1} << index;
    if ((seen & bit) != 0) return false;
    seen |= bit;
    if (!read(index, field.value())) return false;
  }
  const std::uint32_t required = rules::required_mask(members);
  return (seen & required) == required;
}

constexpr std::size_t source_at(std::string_view name) { return rules::member_index(rules::source_members, name); }
constexpr std::size_t entity_at(std::string_view name) { return rules::member_index(rules::entity_members, name); }
constexpr std::size_t relation_at(std::string_view name) { return rules::member_index(rules::relation_members, name); }
constexpr std::size_t citation_at(std::string_view name) { return rules::member_index(rules::citation_members, name); }

bool read_citation(od::object& object, Citation& citation) {
  return read_members(object, rules::citation_members, [&](std::size_t index, od::value& value) {
    std::string_view text;
    if (!checked_string(value, rules::citation_members[index].rule, text)) return false;
    switch (index) {
      case citation_at("source"): citation.source = text; break;
      case citation_at("section"): citation.section = text; break;
      case citation_at("note"): citation.note = text; break;
      default: citation.support = *parse<CitationSupport>(text); break;  // checked: one of the names
    }
    return true;
  });
}

// "citations": a non-empty array of citations.
bool read_citations(od::value& value, std::vector<Citation>& citations) {
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    od::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) return false;
    if (!read_citation(object, citations.emplace_back())) return false;
  }
  return !citations.empty();
}

// "aliases": an array of texts.
bool read_texts(od::value& value, std::vector<std::string>& texts) {
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    std::string_view text;
    if (element.get_string().get(text) != simdjson::SUCCESS || !rules::is_text(text)) return false;
    texts.emplace_back(text);
  }
  return true;
}

bool read_source(od::object& object, Source& source) {
  return read_members(object, rules::source_members, [&](std::size_t index, od::value& value) {
    if (index == source_at("confidential")) return value.get_bool().get(source.confidential) == simdjson::SUCCESS;
    std::string_view text;
    if (!checked_string(value, rules::source_members[index].rule, text)) return false;
    switch (index) {
      case source_at("id"): source.id = text; break;
      case source_at("title"): source.title = text; break;
      case source_at("author"): source.author = text; break;
      case source_at("publisher"): source.publisher = text; break;
      case source_at("published"): source.published = text; break;
      case source_at("url"): source.url = text; break;
      case source_at("document"): source.document = text; break;
      default: source.kind = *parse<SourceKind>(text); break;  // checked: one of the names
    }
    return true;
  });
}

bool read_entity(od::object& object, EntityFields& fields) {
  Entity& entity = fields.entity;
  return read_members(object, rules::entity_members, [&](std::size_t index, od::value& value) {
    if (index == entity_at("aliases")) {
      std::vector<std::string> aliases;
      if (!read_texts(value, aliases)) return false;
      entity.aliases.assign(aliases.begin(), aliases.end());
      return true;
    }
    if (index == entity_at("sources")) {  // filled here, then assigned whole (graph/ interns citation lists)
      std::vector<Citation> citations;
      if (!read_citations(value, citations)) return false;
      entity.sources = std::move(citations);
      return true;
    }
    std::string_view text;
    if (!checked_string(value, rules::entity_members[index].rule, text)) return false;
    switch (index) {
      case entity_at("id"): entity.id = text; break;
      case entity_at("type"): fields.type = text; break;
      case entity_at("name"): entity.name = text; break;
      case entity_at("known_as"): entity.known_as = text; break;
      default: entity.description = text; break;
    }
    return true;
  });
}

// Where the text a record views lives: the file's text (a string without escapes is a view of
// it) or the records' arena (a string with escapes, unescaped).
struct TextHome {
  const char* parsed = nullptr;  // the text the parser reads (the file's, or a padded copy)
  const char* file = nullptr;    // the file's own text
  TextArena* arena = nullptr;
};

// The string `value` holds, if it meets `rule`, as a view that outlives the parser.
bool viewed_string(od::value& value, Rule rule, const TextHome& home, std::string_view& out) {
  const std::string_view raw = value.raw_json_token();  // the quotes and any blank after
  std::string_view unescaped;
  if (!checked_string(value, rule, unescaped)) return false;
  const auto close = raw.rfind('"');
  if (close == std::string_view::npos || close < 1) return false;
  if (close - 1 == unescaped.size())  // no escape: an escape is longer than what it stands for
    out = {home.file + (raw.data() + 1 - home.parsed), unescaped.size()};
  else
    out = home.arena->keep(unescaped);
  return true;
}

bool read_relation_citation(od::object& object, CitationFields& citation, const TextHome& home) {
  return read_members(object, rules::citation_members, [&](std::size_t index, od::value& value) {
    std::string_view text;
    if (!viewed_string(value, rules::citation_members[index].rule, home, text)) return false;
    switch (index) {
      case citation_at("source"): citation.source = text; break;
      case citation_at("section"): citation.section = text; break;
      case citation_at("note"): citation.note = text; break;
      default: citation.support = *parse<CitationSupport>(text); break;  // checked: one of the names
    }
    return true;
  });
}

// A relation's "citations", appended to `citations`.
bool read_relation_citations(od::value& value, std::deque<CitationFields>& citations, RelationFields& relation,
                             const TextHome& home) {
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  relation.first_citation = citations.size();
  for (auto element : array) {
    od::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) return false;
    if (!read_relation_citation(object, citations.emplace_back(), home)) return false;
    ++relation.citation_count;
  }
  return relation.citation_count > 0;
}

// The string member of a relation at `index` of relation_members.
std::string_view& relation_text(RelationFields& relation, std::size_t index) {
  switch (index) {
    case relation_at("kind"): return relation.kind;
    case relation_at("label"): return relation.label;
    case relation_at("from"): return relation.from;
    case relation_at("to"): return relation.to;
    case relation_at("since"): return relation.since.emplace();
    case relation_at("until"): return relation.until.emplace();
    case relation_at("known_by"): return relation.known_by.emplace();
    case relation_at("ended_by"): return relation.ended_by.emplace();
    case relation_at("place"): return relation.place.emplace();
    default: return relation.confidence;
  }
}

bool read_relation(od::object& object, RelationFields& relation, FactRecords& records, const TextHome& home) {
  return read_members(object, rules::relation_members, [&](std::size_t index, od::value& value) {
    if (index == relation_at("sources")) return read_relation_citations(value, records.citations, relation, home);
    if (index == relation_at("weight")) {
      // A number with an exponent or many digits goes to the exact reader, whose number limits
      // (RapidJSON refuses 0e400, which simdjson reads as 0) then decide, as for any file.
      const std::string_view raw = value.raw_json_token();
      if (raw.find_first_of("eE") != std::string_view::npos || raw.size() > 24) return false;
      double weight = 0;
      if (value.get_double().get(weight) != simdjson::SUCCESS || !(weight >= 0)) return false;
      relation.weight = weight;
      return true;
    }
    return viewed_string(value, rules::relation_members[index].rule, home, relation_text(relation, index));
  });
}

// One top-level array: each element a record read by read(index, object), its offset kept.
template <class Read>
bool read_section(od::value& value, const char* base, std::vector<std::size_t>& offsets, Read read) {
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    od::value record;
    if (element.get(record) != simdjson::SUCCESS) return false;
    offsets.push_back(static_cast<std::size_t>(record.raw_json_token().data() - base));
    od::object object;
    if (record.get_object().get(object) != simdjson::SUCCESS || !read(offsets.size() - 1, object)) return false;
  }
  return true;
}

bool read_file(od::document& document, const TextHome& home, ReadFacts& read) {
  const char* base = home.parsed;
  od::object root;
  if (document.get_object().get(root) != simdjson::SUCCESS) return false;
  FactRecords& records = read.records;
  auto& offsets = read.record_offsets;
  const bool members = read_members(root, rules::file_members, [&](std::size_t index, od::value& value) {
    switch (index) {
      case 0: {
        std::string_view title;
        if (!checked_string(value, Rule::text, title)) return false;
        records.title.emplace(title);
        return true;
      }
      case 1: return read_section(value, base, offsets[0], [&](std::size_t i, od::object& object) {
        return read_source(object, records.sources.emplace_back(i, Source{}).second);
      });
      case 2: return read_section(value, base, offsets[1], [&](std::size_t i, od::object& object) {
        return read_entity(object, records.entities.emplace_back(i, EntityFields{}).second);
      });
      default: return read_section(value, base, offsets[2], [&](std::size_t i, od::object& object) {
        return read_relation(object, records.relations.emplace_back(i, RelationFields{}).second, records, home);
      });
    }
  });
  const char* after = nullptr;  // anything after the top-level object is a syntax error
  return members && document.current_location().get(after) != simdjson::SUCCESS;
}

// True if `text` has a backslash, a DEL or a byte past ASCII: what a hidden character needs in
// a JSON text whose strings hold no raw control character. Read in blocks the compiler vectorizes.
bool may_hide(std::string_view text) noexcept {
  constexpr std::size_t block = 4096;
  for (std::size_t at = 0; at < text.size(); at += block) {
    const std::string_view part = text.substr(at, block);
    unsigned found = 0;
    for (const char c : part) {
      const auto byte = static_cast<unsigned char>(c);
      found |= static_cast<unsigned>(byte >= 0x7F) | static_cast<unsigned>(byte == '\\');
    }
    if (found != 0) return true;
  }
  return false;
}

}  // namespace

FactScanner::FactScanner() : parser_(std::make_unique<Parser>()) {}
FactScanner::~FactScanner() = default;

std::optional<ReadFacts> FactScanner::scan(const FactFile& file) {
  const std::string& text = file.text;
  // RapidJSON's reader would stop at a NUL and skip a byte-order mark: the exact reader says so.
  if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string::npos) return std::nullopt;
  const char* base = text.data();
  std::size_t capacity = text.capacity();
  if (capacity < text.size() + padding) {
    parser_->copy = simdjson::padded_string(text);
    base = parser_->copy.data();
    capacity = text.size() + padding;
  }
  od::document document;
  if (parser_->parser.iterate(base, text.size(), capacity).get(document) != simdjson::SUCCESS) return std::nullopt;
  ReadFacts read;
  const bool clean = read_file(document, {base, text.data(), &read.records.text}, read);
  parser_->copy = simdjson::padded_string();
  if (!clean) return std::nullopt;
  read.syntax_ok = read.schema_ok = read.scanned = true;
  read.may_hide = may_hide(text);
  return read;
}

}  // namespace cartelgraph::detail
