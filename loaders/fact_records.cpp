#include "cartelgraph/loaders/fact_records.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/encodedstream.h>
#include <rapidjson/reader.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>
#include <algorithm>

#include "cartelgraph/graph/visible_text.hpp"

namespace cartelgraph::detail {

namespace {

// RapidJSON gives SAX events; turning the events of our record shapes into structs is ours to
// write. Depths: 1 inside the top object, 2 inside a top-level array, 3 inside a record,
// 4 inside a record's array ("aliases", "sources"), 5 inside a citation.
class RecordBuilder {
 public:
  RecordBuilder(ReadFacts& read, rapidjson::SchemaValidator& validator, ReadBudget& budget,
                std::string_view text, const rapidjson::MemoryStream& stream)
      : read_(read), records_(read.records), validator_(validator), budget_(budget), text_(text),
        stream_(stream) {}

  [[nodiscard]] bool schema_ok() const { return valid_ && validator_.IsValid(); }
  /// Why the builder stopped the parse, when it did.
  [[nodiscard]] const std::string& stopped() const { return stopped_; }

  bool Null() { return forward([&] { return validator_.Null(); }) && scalar(); }
  bool Bool(bool b) { return forward([&] { return validator_.Bool(b); }) && boolean(b); }
  bool Int(int i) { return forward([&] { return validator_.Int(i); }) && number(i); }
  bool Uint(unsigned i) { return forward([&] { return validator_.Uint(i); }) && number(i); }
  bool Int64(std::int64_t i) {
    return forward([&] { return validator_.Int64(i); }) && number(static_cast<double>(i));
  }
  bool Uint64(std::uint64_t i) {
    return forward([&] { return validator_.Uint64(i); }) && number(static_cast<double>(i));
  }
  bool Double(double d) { return forward([&] { return validator_.Double(d); }) && number(d); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool copy) {
    return forward([&] { return validator_.RawNumber(text, length, copy); }) && scalar();
  }
  bool String(const char* text, rapidjson::SizeType length, bool copy) {
    return forward([&] { return validator_.String(text, length, copy); }) &&
           string({text, length});
  }
  bool Key(const char* text, rapidjson::SizeType length, bool copy) {
    if (!forward([&] { return validator_.Key(text, length, copy); })) return false;
    if (!members_[static_cast<std::size_t>(depth_)].insert({text, length}))
      read_.problems.emplace_back(key_start(), "member '" + std::string(text, length) +
                                                   "' appears twice in one object");
    key({text, length});
    return true;
  }
  bool StartObject() {
    if (!forward([&] { return validator_.StartObject(); })) return false;
    if (!deeper() || !start(true)) return false;
    members_[static_cast<std::size_t>(depth_)].clear();
    return true;
  }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    if (depth_ == 2 && record_ == Top::entities) finish_entity();
    if (depth_ == 2 && record_ == Top::relations) finish_relation();
    return forward([&] { return validator_.EndObject(members); });
  }
  bool StartArray() {
    if (!forward([&] { return validator_.StartArray(); })) return false;
    return deeper() && start(false);
  }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return forward([&] { return validator_.EndArray(elements); });
  }

 private:
  // Which member of a record (depth 3) or citation (depth 5) the next value is for.
  enum class Member : unsigned char {
    none, id, type, name, aliases, description, sources, title, author, publisher, published,
    url, document, kind, from, to, since, until, place, weight, confidence, source, section, note,
    known_as, known_by, ended_by, support, confidential, label
  };

  // The member names of one open object. RapidJSON's reader passes an object's members on
  // without checking that they differ; the DOM keeps both and lookups find the first.
  class MemberNames {
   public:
    void clear() {
      few_.clear();
      many_.clear();
    }
    // False if `name` is already there.
    bool insert(std::string_view name) {
      if (!many_.empty()) return many_.emplace(name).second;
      if (std::ranges::find(few_, name) != few_.end()) return false;
      few_.emplace_back(name);
      if (few_.size() > 16) many_.insert(few_.begin(), few_.end());  // a long object: hash
      return true;
    }

   private:
    std::vector<std::string> few_;
    std::unordered_set<std::string> many_;
  };

  // Counts one more level of nesting, stopping the parse past the limit.
  bool deeper() {
    if (static_cast<std::size_t>(depth_) + 1 > budget_.limits.max_depth) {
      stopped_ = "nesting deeper than " + std::to_string(budget_.limits.max_depth) +
                 " levels (--max-depth)";
      return false;
    }
    if (members_.size() < static_cast<std::size_t>(depth_) + 2) members_.resize(static_cast<std::size_t>(depth_) + 2);
    return true;
  }

  // The offset of the opening quote of the key just read (the stream is past its closing one).
  std::size_t key_start() const {
    std::size_t at = stream_.Tell() - 1;  // the closing quote
    while (at > 0) {
      --at;
      if (text_[at] != '"') continue;
      std::size_t backslashes = 0;
      while (at > backslashes && text_[at - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return at;
    }
    return at;
  }

  // Feeds the validator until its first complaint; the records are still read to the end, so
  // a syntax error further on is found in the same pass.
  template <class Event>
  bool forward(Event event) {
    if (valid_ && !event()) valid_ = false;
    return true;
  }

  static Member member_of(std::string_view name) {
    static constexpr std::pair<std::string_view, Member> names[] = {
        {"id", Member::id},           {"type", Member::type},
        {"name", Member::name},       {"aliases", Member::aliases},
        {"description", Member::description}, {"sources", Member::sources},
        {"title", Member::title},     {"author", Member::author},
        {"publisher", Member::publisher}, {"published", Member::published},
        {"url", Member::url},         {"document", Member::document},
        {"kind", Member::kind},       {"from", Member::from},
        {"to", Member::to},           {"since", Member::since},
        {"until", Member::until},     {"place", Member::place},
        {"weight", Member::weight},   {"confidence", Member::confidence},
        {"source", Member::source},   {"section", Member::section},
        {"note", Member::note},       {"known_as", Member::known_as},
        {"known_by", Member::known_by}, {"ended_by", Member::ended_by},
        {"support", Member::support}, {"confidential", Member::confidential},
        {"label", Member::label}};
    for (const auto& [text, member] : names)
      if (text == name) return member;
    return Member::none;
  }

  void key(std::string_view name) {
    if (depth_ == 1) {
      top_key_ = name == "sources"     ? Top::sources
                 : name == "entities"  ? Top::entities
                 : name == "relations" ? Top::relations
                 : name == "title"     ? Top::title
                                       : Top::other;
    } else if (depth_ == 3) {
      member_ = member_of(name);
    } else if (depth_ == 5) {
      citation_member_ = member_of(name);
    }
  }

  // A value begins at the current depth: number it when it is an element of a top-level array.
  void element() {
    if (depth_ == 2) index_ = next_index_++;
  }

  // False to stop the parse.
  bool start(bool object) {
    element();
    if (depth_ == 1) {
      section_ = object ? Top::other : top_key_;
      next_index_ = 0;
    } else if (depth_ == 2) {
      record_ = Top::other;
      member_ = Member::none;
      if (object) {
        if (!within_limits()) return false;
        open_record();
      }
    } else if (depth_ == 3) {
      nested_ = object ? Member::none : member_;
    } else if (depth_ == 4) {
      in_citation_ = false;
      if (object && nested_ == Member::sources) open_citation();
      citation_member_ = Member::none;
    }
    ++depth_;
    return true;
  }

  // Counts a record against the limits; false (and the parse stops) past them.
  bool within_limits() {
    if (section_ == Top::entities && ++budget_.entities > budget_.limits.max_entities) {
      stopped_ = "more than " + std::to_string(budget_.limits.max_entities) + " entities (--max-entities)";
      return false;
    }
    if (section_ == Top::relations && ++budget_.relations > budget_.limits.max_relations) {
      stopped_ = "more than " + std::to_string(budget_.limits.max_relations) + " relations (--max-relations)";
      return false;
    }
    return true;
  }

  void open_record() {
    switch (section_) {
      case Top::sources: records_.sources.emplace_back(index_, Source{}); break;
      case Top::entities: records_.entities.emplace_back(index_, EntityFields{}); break;
      case Top::relations:
        records_.relations.emplace_back(index_, RelationFields{});
        relation_citations_.clear();
        break;
      default: return;
    }
    record_ = section_;
  }

  // The entity record closes: what was gathered for it goes into its Entity (whose texts and
  // citation list are immutable, so are assigned whole).
  void finish_entity() {
    EntityFields& e = records_.entities.back().second;
    e.entity.known_as = std::move(e.known_as);
    e.entity.description = std::move(e.description);
    e.entity.sources = std::move(e.sources);
  }

  // The relation record closes: its citations become a list of the file's.
  void finish_relation() {
    records_.relations.back().second.citations = static_cast<std::uint32_t>(records_.citation_lists.size());
    records_.citation_lists.emplace_back(std::move(relation_citations_));
    relation_citations_ = {};
  }

  // A citation object opens in the "sources" of the open record.
  void open_citation() {
    if (record_ == Top::entities) {
      records_.entities.back().second.sources.emplace_back();
      in_citation_ = true;
    } else if (record_ == Top::relations) {
      relation_citations_.emplace_back();
      in_citation_ = true;
    }
  }

  void citation_string(std::string_view text) {
    Citation& citation = record_ == Top::relations ? relation_citations_.back()
                                                   : records_.entities.back().second.sources.back();
    switch (citation_member_) {
      case Member::source: citation.source = text; break;
      case Member::section: citation.section = text; break;
      case Member::note: citation.note = text; break;
      case Member::support:  // an unknown name fails the schema; the default stays
        citation.support = parse<CitationSupport>(text).value_or(CitationSupport::text);
        break;
      default: break;
    }
  }

  bool scalar() {
    element();
    return true;
  }

  bool boolean(bool value) {
    element();
    if (depth_ == 3 && record_ == Top::sources && member_ == Member::confidential)
      records_.sources.back().second.confidential = value;
    return true;
  }

  bool number(double value) {
    element();
    // A negative weight breaks the schema: the record is not used.
    if (depth_ == 3 && record_ == Top::relations && member_ == Member::weight)
      records_.relations.back().second.weight = value;
    return true;
  }

  bool string(std::string_view text) {
    element();
    if (depth_ == 3 && record_ == Top::relations) return relation_string(text);
    if (depth_ == 1 && top_key_ == Top::title) {
      records_.title.emplace(text);
    } else if (depth_ == 3 && record_ == Top::sources && member_ == Member::kind) {
      // an unknown name fails the schema; the default stays
      records_.sources.back().second.kind = parse<SourceKind>(text).value_or(SourceKind::document);
    } else if (depth_ == 3) {
      if (std::string* field = record_field(member_)) field->assign(text);
    } else if (depth_ == 4 && nested_ == Member::aliases && record_ == Top::entities) {
      records_.entities.back().second.entity.aliases.emplace_back(text);
    } else if (depth_ == 5 && in_citation_) {
      citation_string(text);
    }
    return true;
  }

  // The string member `member` of the open record, or nullptr.
  std::string* record_field(Member member) {
    switch (record_) {
      case Top::sources: {
        Source& s = records_.sources.back().second;
        switch (member) {
          case Member::id: return &s.id;
          case Member::title: return &s.title;
          case Member::author: return &s.author;
          case Member::publisher: return &s.publisher;
          case Member::published: return &s.published;
          case Member::url: return &s.url;
          case Member::document: return &s.document;
          default: return nullptr;
        }
      }
      case Top::entities: {
        EntityFields& e = records_.entities.back().second;
        switch (member) {
          case Member::id: return &e.entity.id;
          case Member::type: return &e.type;
          case Member::name: return &e.entity.name;
          case Member::known_as: return &e.known_as;
          case Member::description: return &e.description;
          default: return nullptr;
        }
      }
      default: return nullptr;
    }
  }

  // A string member of the open relation; false (and the parse stops) when it cannot be kept.
  bool relation_string(std::string_view text) {
    RelationFields& r = records_.relations.back().second;
    TextRef* ref = nullptr;
    switch (member_) {
      case Member::kind: records_.set_relation_text(RelationText::kind, text); break;
      case Member::since: records_.set_relation_text(RelationText::since, text); break;
      case Member::until: records_.set_relation_text(RelationText::until, text); break;
      case Member::known_by: records_.set_relation_text(RelationText::known_by, text); break;
      case Member::ended_by: records_.set_relation_text(RelationText::ended_by, text); break;
      case Member::confidence: r.confidence = parse_confidence(text).value_or(Confidence::reported); break;
      case Member::label: ref = &r.label; break;
      case Member::from: ref = &r.from; break;
      case Member::to: ref = &r.to; break;
      case Member::place: ref = &r.place; break;
      default: break;
    }
    if (ref != nullptr) *ref = records_.text.keep(text);
    if (!records_.text.full()) return true;
    stopped_ = "more than 4 GiB of text in the relations of one file: split it";
    return false;
  }

  enum class Top : unsigned char { other, title, sources, entities, relations };

  ReadFacts& read_;
  FactRecords& records_;
  rapidjson::SchemaValidator& validator_;
  ReadBudget& budget_;
  std::string_view text_;
  const rapidjson::MemoryStream& stream_;
  std::vector<MemberNames> members_;  // by depth: the names of each open object
  std::string stopped_;
  bool valid_ = true;
  int depth_ = 0;
  Top top_key_ = Top::other;   // the last key at depth 1
  Top section_ = Top::other;   // the top-level array being read
  Top record_ = Top::other;    // the kind of the open record (other: not a record)
  std::size_t index_ = 0;      // index of the current element in its top-level array
  std::size_t next_index_ = 0;
  bool in_citation_ = false;   // a citation object is open at depth 5
  Member member_ = Member::none;
  Member nested_ = Member::none;  // the record member whose array is open at depth 4
  Member citation_member_ = Member::none;
  std::vector<Citation> relation_citations_;  // of the open relation
};

}  // namespace

RecordText::RecordText() : bytes_(1, '\0') {}  // 0: the empty text

TextRef RecordText::keep(std::string_view text) {
  if (text.empty()) return 0;
  constexpr std::size_t most = std::size_t{1} << 32;
  if (full_ || bytes_.size() + text.size() + 10 > most) {
    full_ = true;
    return 0;
  }
  const auto ref = static_cast<TextRef>(bytes_.size());
  for (std::size_t size = text.size();; size >>= 7U) {
    const auto low = static_cast<unsigned char>(size & 0x7FU);
    if (size < 0x80U) {
      bytes_ += static_cast<char>(low);
      break;
    }
    bytes_ += static_cast<char>(low | 0x80U);
  }
  bytes_ += text;
  return ref;
}

std::string_view RecordText::operator[](TextRef ref) const noexcept {
  std::size_t at = ref;
  std::size_t size = 0;
  for (unsigned shift = 0;; shift += 7) {
    const auto byte = static_cast<unsigned char>(bytes_[at++]);
    size |= std::size_t{byte & 0x7FU} << shift;
    if ((byte & 0x80U) == 0) break;
  }
  return {bytes_.data() + at, size};
}

void FactRecords::set_relation_text(RelationText member, std::string_view value) {
  RelationFields& r = relations.back().second;
  const auto bit = static_cast<std::uint8_t>(1U << static_cast<unsigned>(member));
  bool parsed = false;
  if (member == RelationText::kind) {
    const auto kind = parse_relation_kind(value);
    if (kind) r.kind = *kind;
    parsed = kind.has_value();
  } else {
    const auto i = static_cast<unsigned>(member) - 1;
    const auto date = Date::parse(value);
    r.dated = static_cast<std::uint8_t>(date ? r.dated | (1U << i) : r.dated & ~(1U << i));
    if (date) r.dates[i] = std::bit_cast<std::uint32_t>(*date);
    parsed = date.has_value();
  }
  if (parsed) {
    r.unparsed = static_cast<std::uint8_t>(r.unparsed & ~bit);
    return;
  }
  r.unparsed |= bit;
  unparsed[relations.size() - 1][static_cast<std::size_t>(member)] = text.keep(value);
}

std::string_view FactRecords::unparsed_text(std::size_t position, RelationText member) const {
  const auto it = unparsed.find(position);
  return it == unparsed.end() ? std::string_view() : text[it->second[static_cast<std::size_t>(member)]];
}

std::string too_big(std::size_t bytes, const LoadLimits& limits) {
  return "file is " + std::to_string(bytes) + " bytes, more than the limit of " +
         std::to_string(limits.max_file_bytes) + " (--max-input-size)";
}

std::optional<HiddenFinding> hidden_finding(std::string_view member, std::string_view text, bool is_name) {
  const auto hidden = find_hidden(text);
  if (!hidden) return std::nullopt;
  const std::string what = std::string(member) + " holds " + describe(*hidden);
  if (is_name && hidden->kind == HiddenKind::control)
    return HiddenFinding{true, what + ", which " + (member == "id" ? "an id" : "a name") +
                                   " may not hold (it would act on a terminal)"};
  const char* effect = hidden->kind == HiddenKind::zero_width ? " (invisible: names that look alike may differ)"
                                                              : " (text output shows it escaped)";
  return HiddenFinding{false, "warning: " + what + effect};
}

ReadFacts read_fact_records(const FactFile& file, const rapidjson::SchemaDocument& schema,
                            ReadBudget& budget) {
  ReadFacts read;
  rapidjson::SchemaValidator validator(schema);
  rapidjson::Reader reader;
  const std::string_view text = file.content();
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> input(memory);
  // RapidJSON skips a byte-order mark and reads a NUL byte as the end of the text: both would
  // pass unnoticed, so they are looked for first.
  if (text.starts_with("\xEF\xBB\xBF")) {
    read.error = "the file starts with a byte-order mark (U+FEFF): JSON is UTF-8 without one";
    return read;
  }
  if (const auto nul = text.find('\0'); nul != std::string::npos) {
    read.error_offset = nul;
    read.error = "NUL byte in the text";
    return read;
  }
  RecordBuilder builder(read, validator, budget, text, memory);
  constexpr unsigned flags = rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;
  const rapidjson::ParseResult result = reader.Parse<flags>(input, builder);
  if (result.IsError()) {
    read.error_offset = result.Offset();
    read.error = builder.stopped().empty()
                     ? std::string("JSON syntax error: ") + rapidjson::GetParseError_En(result.Code())
                     : builder.stopped();
    read.records = {};
    return read;
  }
  read.syntax_ok = true;
  read.schema_ok = builder.schema_ok();
  return read;
}

std::optional<std::vector<Citation>> citations_of(const rapidjson::Value& list) {
  if (!list.IsArray()) return std::nullopt;
  std::vector<Citation> citations;
  for (const auto& c : list.GetArray()) {
    if (!c.IsObject() || !c.HasMember("source") || !c["source"].IsString()) return std::nullopt;
    const auto text = [&](const char* name) {
      return c.HasMember(name) && c[name].IsString() ? std::string(c[name].GetString()) : std::string();
    };
    Citation citation{text("source"), text("section"), text("note")};
    if (c.HasMember("support")) {  // absent: the document's text
      const auto support = parse<CitationSupport>(text("support"));
      if (!support) return std::nullopt;
      citation.support = *support;
    }
    citations.push_back(std::move(citation));
  }
  return citations;
}

}  // namespace cartelgraph::detail
