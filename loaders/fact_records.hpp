#pragma once
// One pass over a fact file: RapidJSON's SAX reader feeds the schema validator and, at the same
// time, a builder of typed records, so no DOM of the file is ever made.

#include <rapidjson/schema.h>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph::detail {

/// The top-level arrays of a fact file.
enum class Section : unsigned char { sources, entities, relations };

/// A string of one file's relation records: an offset in its RecordText. 0 is the empty string
/// (a member left out).
using TextRef = std::uint32_t;

/// The strings of one file's relation records (ids, labels, texts that did not parse), one after
/// the other in one buffer, each named by a 32-bit TextRef: half a string_view, and the text is
/// the records' own, so the file's text need not stay in memory.
class RecordText {
 public:
  RecordText();

  /// A reference to a copy of `text`; 0 when `text` is empty, or when the buffer would pass
  /// 4 GiB (then `full()`, and the text is not kept). Amortized O(size of text).
  TextRef keep(std::string_view text);
  /// The text `ref` names (keep's result). O(1).
  [[nodiscard]] std::string_view operator[](TextRef ref) const noexcept;
  /// True once a text could not be kept: a file with more than 4 GiB of strings in its relations.
  [[nodiscard]] bool full() const noexcept { return full_; }

 private:
  std::string bytes_;  // each text: its size as a LEB128 number, then its bytes
  bool full_ = false;
};

/// The members of a relation whose text may not parse, in the order RelationFields::dates keeps
/// them after the kind.
enum class RelationText : unsigned char { kind, since, until, known_by, ended_by };

/// A relation as written, its kind, confidence and dates parsed (what did not parse is kept as
/// text in FactRecords::unparsed), its ids and label kept as text of the file's RecordText
/// (entity numbers once the loader has resolved them), its citations an interned list of the
/// file's FactRecords::citation_lists: 48 bytes and no allocation of its own.
struct RelationFields {
  TextRef from = 0;
  TextRef to = 0;
  TextRef place = 0;  ///< 0: none
  TextRef label = 0;  ///< 0: none (or empty)
  std::uint32_t citations = 0;  ///< index in FactRecords::citation_lists
  std::array<std::uint32_t, 4> dates{};  ///< since, until, known_by, ended_by, where `dated` says
  double weight = -1;  ///< negative: none (the schema wants at least 0)
  RelationKind kind = RelationKind::associate_of;
  Confidence confidence = Confidence::reported;
  std::uint8_t dated = 0;     ///< bit i: dates[i] holds a Date
  std::uint8_t unparsed = 0;  ///< bit RelationText: its text is in FactRecords::unparsed

  /// Date `i` (since, until, known_by, ended_by), if given and on the calendar. O(1).
  [[nodiscard]] std::optional<Date> date(std::size_t i) const noexcept {
    if (((dated >> i) & 1U) == 0) return std::nullopt;
    return std::bit_cast<Date>(dates[i]);
  }
  [[nodiscard]] std::optional<double> weight_value() const noexcept {
    return weight < 0 ? std::nullopt : std::optional<double>(weight);
  }
  [[nodiscard]] bool is_unparsed(RelationText member) const noexcept {
    return ((unparsed >> static_cast<unsigned>(member)) & 1U) != 0;
  }
};
static_assert(sizeof(Date) == sizeof(std::uint32_t) && std::is_trivially_copyable_v<Date>);

/// An entity as written; `type` is the text of its "type" member.
struct EntityFields {
  Entity entity;
  std::string type;
  // The exact reader's: gathered while the record is read, moved into `entity` when it closes.
  std::string known_as;
  std::string description;
  std::vector<Citation> sources;
};

/// The records of one file, each with its index in its array (sources and entities in deques:
/// they are large, and a vector would move them all each time it grows). Members of the wrong
/// JSON type are left empty: the schema verdict says whether a record can be trusted.
struct FactRecords {
  std::optional<std::string> title;
  RecordText text;  // of the relations
  std::vector<CitationList> citation_lists;  // of the relations
  std::deque<std::pair<std::size_t, Source>> sources;
  std::deque<std::pair<std::size_t, EntityFields>> entities;
  std::vector<std::pair<std::size_t, RelationFields>> relations;
  /// The text of the kind and dates (RelationText order) of a relation, by its position in
  /// `relations`, when one did not parse: an unknown kind, a date off the calendar.
  std::unordered_map<std::size_t, std::array<TextRef, 5>> unparsed;

  /// Sets member `member` of the last relation from its text. O(size of text).
  void set_relation_text(RelationText member, std::string_view text);
  /// The text of member `member` of the relation at `position`, when it did not parse.
  [[nodiscard]] std::string_view unparsed_text(std::size_t position, RelationText member) const;
};

/// The limits, and what the files read so far have used of them.
struct ReadBudget {
  LoadLimits limits;
  std::size_t entities = 0;
  std::size_t relations = 0;
};

/// The citations of a JSON array of {source, section, support, note} (support left out: text),
/// as GraphML and FtM files carry them; nullopt when `list` is not of that shape. O(n).
[[nodiscard]] std::optional<std::vector<Citation>> citations_of(const rapidjson::Value& list);

/// "file is 5368709121 bytes, more than the limit of 4294967296 (--max-input-size)".
[[nodiscard]] std::string too_big(std::size_t bytes, const LoadLimits& limits);

/// What a loader says of a hidden character (graph/visible_text.hpp) in `text`, the value of
/// `member` ("name", "aliases/0", "sources/1/note"): `refused` when it is a control character in
/// an id or a name (`is_name`), which would act on a terminal; else a message starting
/// "warning: ". nullopt when `text` holds none. O(size of text).
struct HiddenFinding {
  bool refused = false;
  std::string message;
};
[[nodiscard]] std::optional<HiddenFinding> hidden_finding(std::string_view member, std::string_view text,
                                                          bool is_name);

/// What one pass over a file found.
struct ReadFacts {
  FactRecords records;
  std::vector<std::pair<std::size_t, std::string>> problems;  // offset, message: duplicate members
  bool syntax_ok = false;      // the text is well-formed UTF-8 JSON
  std::size_t error_offset = 0;  // where the syntax error is, when not syntax_ok
  std::string error;           // the syntax error in words, when not syntax_ok
  bool schema_ok = false;      // the whole file matches `schema`
  /// Read by the fast reader (loaders/fact_scan.hpp): the byte offset of each record's '{', by
  /// section and index, so that a problem found later is located without a second pass.
  bool scanned = false;
  std::array<std::vector<std::size_t>, 3> record_offsets{};
  /// False when no string of the file can hold a hidden character (graph/visible_text.hpp): its
  /// text has no escape, no DEL and no byte past ASCII (set by the fast reader only).
  bool may_hide = true;
};

/// Reads `file` in one pass, validating it against `schema` as it goes; stops with a syntax
/// error past the limits of `budget`, and counts its records into it.
[[nodiscard]] ReadFacts read_fact_records(const FactFile& file, const rapidjson::SchemaDocument& schema,
                                          ReadBudget& budget);

}  // namespace cartelgraph::detail
