#include "cartelgraph/loaders/fact_scan.hpp"

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>
#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <unordered_map>
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

// True if `text` meets `rule`.
bool meets(Rule rule, std::string_view text) {
  switch (rule) {
    case Rule::text: return rules::is_text(text);
    case Rule::id: return rules::is_id(text);
    case Rule::date: return rules::is_date(text);
    case Rule::source_kind: return rules::is_one_of(text, rules::source_kinds);
    case Rule::support: return rules::is_one_of(text, rules::supports);
    case Rule::confidence: return rules::is_one_of(text, rules::confidences);
    default: return false;
  }
}

// The string `value` holds, if it meets `rule`.
bool checked_string(od::value& value, Rule rule, std::string_view& out) {
  return value.get_string().get(out) == simdjson::SUCCESS && meets(rule, out);
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

// A citation's members into `citation` (a Citation or a relation's CitationFields), each string
// read by string(value, rule, text).
template <class Fields, class ReadString>
bool read_citation(od::object& object, Fields& citation, ReadString string) {
  return read_members(object, rules::citation_members, [&](std::size_t index, od::value& value) {
    std::string_view text;
    if (!string(value, rules::citation_members[index].rule, text)) return false;
    switch (index) {
      case citation_at("source"): citation.source = text; break;
      case citation_at("section"): citation.section = text; break;
      case citation_at("note"): citation.note = text; break;
      default: citation.support = *parse<CitationSupport>(text); break;  // checked: one of the names
    }
    return true;
  });
}

// A "sources" array: a non-empty array of citations, each appended by add() and read into what
// it returns through string(value, rule, text).
template <class Add, class ReadString>
bool read_citation_array(od::array& array, Add add, ReadString string) {
  std::size_t count = 0;
  for (auto element : array) {
    od::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) return false;
    if (!read_citation(object, add(), string)) return false;
    ++count;
  }
  return count > 0;
}

// The text of a whole value as written, without the blanks after it.
std::string_view trimmed(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
    raw.remove_suffix(1);
  return raw;
}

// What one file's scan remembers of the values it has read: the facts of one document section
// cite it with the same list again and again, and an entity's description often repeats. Keyed
// on the text as written (a view of the parsed text): a value whose text was read before reads
// the same, so it is neither read nor interned again. Bounded: past `most` entries it starts over.
template <class Value>
class SeenValues {
 public:
  const Value* find(std::string_view raw) const {
    const auto it = values_.find(raw);
    return it == values_.end() ? nullptr : &it->second;
  }
  void add(std::string_view raw, Value value) {
    if (values_.size() >= most) values_.clear();
    values_.emplace(raw, std::move(value));
  }

 private:
  static constexpr std::size_t most = std::size_t{1} << 14;
  std::unordered_map<std::string_view, Value> values_;
};

struct Seen {
  SeenValues<CitationList> entity_citations;
  SeenValues<Text> descriptions;
  SeenValues<std::uint32_t> relation_citations;  // index in records.citation_lists
};

// The array `value` holds and its text as written (read to its end, then reset to be read).
bool raw_array(od::value& value, od::array& array, std::string_view& raw) {
  if (value.get_array().get(array) != simdjson::SUCCESS || array.raw_json().get(raw) != simdjson::SUCCESS) return false;
  raw = trimmed(raw);
  bool empty = false;
  return array.reset().get(empty) == simdjson::SUCCESS;
}

// An entity's "sources": its citations, interned once per distinct text in the file.
bool read_entity_citations(od::value& value, CitationList& out, Seen& seen) {
  od::array array;
  std::string_view raw;
  if (!raw_array(value, array, raw)) return false;
  if (const CitationList* known = seen.entity_citations.find(raw)) {
    out = *known;
    return true;
  }
  std::vector<Citation> citations;
  const auto add = [&]() -> Citation& { return citations.emplace_back(); };
  if (!read_citation_array(array, add, checked_string)) return false;
  out = std::move(citations);  // interned (graph/citation.hpp)
  seen.entity_citations.add(raw, out);
  return true;
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

// An entity's description, interned once per distinct text in the file (`text` views the
// parser's buffer, which lives as long as the file's scan).
void read_description(std::string_view text, Text& out, Seen& seen) {
  if (const Text* known = seen.descriptions.find(text)) {
    out = *known;
    return;
  }
  out = text;  // interned (graph/text.hpp)
  seen.descriptions.add(text, out);
}

bool read_entity(od::object& object, EntityFields& fields, Seen& seen) {
  Entity& entity = fields.entity;
  return read_members(object, rules::entity_members, [&](std::size_t index, od::value& value) {
    if (index == entity_at("aliases")) {
      std::vector<std::string> aliases;
      if (!read_texts(value, aliases)) return false;
      entity.aliases.assign(aliases.begin(), aliases.end());
      return true;
    }
    if (index == entity_at("sources")) return read_entity_citations(value, entity.sources, seen);
    std::string_view text;
    if (!checked_string(value, rules::entity_members[index].rule, text)) return false;
    switch (index) {
      case entity_at("id"): entity.id = text; break;
      case entity_at("type"): fields.type = text; break;
      case entity_at("name"): entity.name = text; break;
      case entity_at("known_as"): entity.known_as = text; break;
      default: read_description(text, entity.description, seen); break;
    }
    return true;
  });
}

// What the reading of a file's records shares: the values read so far, and the file's text on
// disk (when it is parsed where it was read) and how far its pages were handed back: records
// already read are not read again while the file is parsed, so a file of 250 MB need not be held
// whole (loaders/fact_loader.hpp, DiskText::release).
struct TextHome {
  const char* parsed = nullptr;  // the text the parser reads (the file's, or a padded copy)
  Seen* seen = nullptr;
  const DiskText* disk = nullptr;
  std::size_t* released = nullptr;
};

// Hands back the pages of the file's text before `offset` once they add up to `step`.
void release_before(const TextHome& home, std::size_t offset) {
  constexpr std::size_t step = std::size_t{32} << 20;
  if (home.disk == nullptr || offset < *home.released + step) return;
  home.disk->release(*home.released, offset);
  *home.released = offset;
}

// The string `value` holds, if it meets `rule`, as a view that lives as long as the parse.
bool viewed_string(od::value& value, Rule rule, std::string_view& out) {
  const std::string_view raw = value.raw_json_token();  // the quotes and any blank after
  const auto close = raw.rfind('"');
  if (raw.empty() || raw.front() != '"' || close == std::string_view::npos || close < 1) return false;
  const std::string_view written = raw.substr(1, close - 1);
  if (written.find('\\') == std::string_view::npos) {
    // No escape: the string is its text as written, which simdjson's first stage has checked
    // (UTF-8, no control character), so it is viewed where it is rather than copied into the
    // parser's buffer; the value is left unread, which simdjson skips.
    out = written;
    return meets(rule, written);
  }
  return checked_string(value, rule, out);
}

// A relation's "sources": its citations, interned once per distinct text in the file (a relation
// citing a list met before takes that list's index).
bool read_relation_citations(od::value& value, FactRecords& records, RelationFields& relation, Seen& seen) {
  od::array array;
  std::string_view raw;
  if (!raw_array(value, array, raw)) return false;
  if (const std::uint32_t* known = seen.relation_citations.find(raw)) {
    relation.citations = *known;
    return true;
  }
  std::vector<Citation> citations;
  const auto add = [&]() -> Citation& { return citations.emplace_back(); };
  if (!read_citation_array(array, add, checked_string)) return false;
  relation.citations = static_cast<std::uint32_t>(records.citation_lists.size());
  records.citation_lists.emplace_back(std::move(citations));  // interned (graph/citation.hpp)
  seen.relation_citations.add(raw, relation.citations);
  return true;
}

// A number as RapidJSON's SAX reader gives it to the exact reader (loaders/fact_records.cpp).
struct NumberHandler : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, NumberHandler> {
  std::optional<double> number;
  bool Int(int i) { return keep(i); }
  bool Uint(unsigned i) { return keep(i); }
  bool Int64(std::int64_t i) { return keep(static_cast<double>(i)); }
  bool Uint64(std::uint64_t i) { return keep(static_cast<double>(i)); }
  bool Double(double d) { return keep(d); }
  bool Default() { return false; }  // not a number
  bool keep(double value) {
    number = value;
    return true;
  }
};

// "weight": a number of at least 0, read by RapidJSON's reader from its text. The two parsers'
// number limits differ (RapidJSON refuses 0e400, which simdjson reads as 0; they may round a
// long number differently), so the fast reader takes the exact reader's verdict and value
// rather than simdjson's. simdjson skips the value, unread: RapidJSON checks all of it.
bool read_weight(od::value& value, double& weight) {
  const std::string_view raw = trimmed(value.raw_json_token());  // up to the next ',' or '}'
  rapidjson::MemoryStream stream(raw.data(), raw.size());
  rapidjson::Reader reader;
  NumberHandler handler;
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  if (reader.Parse<flags>(stream, handler).IsError() || !handler.number || !(*handler.number >= 0)) return false;
  weight = *handler.number;
  return true;
}

// The string member of the last relation at `index` of relation_members, checked: false when
// the file's relations hold more text than a RecordText can.
bool keep_relation_text(FactRecords& records, RelationFields& relation, std::size_t index, std::string_view text) {
  switch (index) {
    case relation_at("kind"): records.set_relation_text(RelationText::kind, text); break;
    case relation_at("since"): records.set_relation_text(RelationText::since, text); break;
    case relation_at("until"): records.set_relation_text(RelationText::until, text); break;
    case relation_at("known_by"): records.set_relation_text(RelationText::known_by, text); break;
    case relation_at("ended_by"): records.set_relation_text(RelationText::ended_by, text); break;
    case relation_at("label"): relation.label = records.text.keep(text); break;
    case relation_at("from"): relation.from = records.text.keep(text); break;
    case relation_at("to"): relation.to = records.text.keep(text); break;
    case relation_at("place"): relation.place = records.text.keep(text); break;
    default: relation.confidence = parse_confidence(text).value_or(Confidence::reported); break;  // checked
  }
  return !records.text.full();
}

bool read_relation(od::object& object, RelationFields& relation, FactRecords& records, const TextHome& home) {
  return read_members(object, rules::relation_members, [&](std::size_t index, od::value& value) {
    if (index == relation_at("sources")) return read_relation_citations(value, records, relation, *home.seen);
    if (index == relation_at("weight")) return read_weight(value, relation.weight);
    std::string_view text;
    return viewed_string(value, rules::relation_members[index].rule, text) &&
           keep_relation_text(records, relation, index, text);
  });
}

// One top-level array: each element a record read by read(index, object), its offset kept.
template <class Read>
bool read_section(od::value& value, const TextHome& home, std::vector<std::size_t>& offsets, Read read) {
  const char* base = home.parsed;
  od::array array;
  if (value.get_array().get(array) != simdjson::SUCCESS) return false;
  for (auto element : array) {
    od::value record;
    if (element.get(record) != simdjson::SUCCESS) return false;
    offsets.push_back(static_cast<std::size_t>(record.raw_json_token().data() - base));
    release_before(home, offsets.back());
    od::object object;
    if (record.get_object().get(object) != simdjson::SUCCESS || !read(offsets.size() - 1, object)) return false;
  }
  return true;
}

bool read_file(od::document& document, const TextHome& home, ReadFacts& read) {
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
      case 1: return read_section(value, home, offsets[0], [&](std::size_t i, od::object& object) {
        return read_source(object, records.sources.emplace_back(i, Source{}).second);
      });
      case 2: return read_section(value, home, offsets[1], [&](std::size_t i, od::object& object) {
        return read_entity(object, records.entities.emplace_back(i, EntityFields{}).second, *home.seen);
      });
      default: return read_section(value, home, offsets[2], [&](std::size_t i, od::object& object) {
        return read_relation(object, records.relations.emplace_back(i, RelationFields{}).second, records, home);
      });
    }
  });
  const char* after = nullptr;  // anything after the top-level object is a syntax error
  return members && document.current_location().get(after) != simdjson::SUCCESS;
}

// Bytes 0x80 set in each byte of `word` that holds `byte` (exact as to whether any does).
constexpr std::uint64_t bytes_equal(std::uint64_t word, std::uint8_t byte) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const std::uint64_t zeroed = word ^ (ones * byte);  // a zero byte where `word` holds `byte`
  return (zeroed - ones) & ~zeroed & highs;
}

// True if `text` has a backslash, a DEL or a byte past ASCII: what a hidden character needs in
// a JSON text whose strings hold no raw control character. Eight bytes at a time (a byte loop,
// which GCC does not vectorize at -O2, took 1.7 s of CPU over the 2 GB of the 1M network), in
// blocks so that a text that has one stops early.
bool may_hide(std::string_view text) noexcept {
  constexpr std::size_t block = 4096;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  std::size_t at = 0;
  for (; at + block <= text.size(); at += block) {
    std::uint64_t found = 0;
    for (std::size_t i = at; i < at + block; i += sizeof(std::uint64_t)) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + i, sizeof word);
      found |= (word & highs) | bytes_equal(word, 0x7F) | bytes_equal(word, '\\');
    }
    if (found != 0) return true;
  }
  return std::ranges::any_of(text.substr(at), [](char c) {
    return static_cast<unsigned char>(c) >= 0x7F || c == '\\';
  });
}

}  // namespace

FactScanner::FactScanner() : parser_(std::make_unique<Parser>()) {}
FactScanner::~FactScanner() = default;

std::optional<ReadFacts> FactScanner::scan(const FactFile& file) {
  const std::string_view text = file.content();
  // RapidJSON's reader would stop at a NUL and skip a byte-order mark: the exact reader says so.
  if (text.starts_with("\xEF\xBB\xBF") || text.find('\0') != std::string::npos) return std::nullopt;
  const char* base = text.data();
  std::size_t capacity = file.disk ? file.disk->capacity() : file.text.capacity();
  if (capacity < text.size() + padding) {
    parser_->copy = simdjson::padded_string(text);
    base = parser_->copy.data();
    capacity = text.size() + padding;
  }
  od::document document;
  if (parser_->parser.iterate(base, text.size(), capacity).get(document) != simdjson::SUCCESS) return std::nullopt;
  ReadFacts read;
  Seen seen;
  std::size_t released = 0;
  // Before the parse, which hands back the pages of the text behind it.
  read.may_hide = may_hide(text);
  const DiskText* disk = base == text.data() ? file.disk.get() : nullptr;
  const bool clean = read_file(document, {base, &seen, disk, &released}, read);
  parser_->copy = simdjson::padded_string();
  if (!clean) return std::nullopt;
  read.syntax_ok = read.schema_ok = read.scanned = true;
  return read;
}

}  // namespace cartelgraph::detail
