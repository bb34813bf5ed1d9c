#pragma once
// One pass over a fact file: RapidJSON's SAX reader feeds the schema validator and, at the same
// time, a builder of typed records, so no DOM of the file is ever made.

#include <rapidjson/schema.h>

#include <array>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph::detail {

/// The top-level arrays of a fact file.
enum class Section : unsigned char { sources, entities, relations };

/// A citation of a relation as written: views of the file's text or of its records' TextArena.
struct CitationFields {
  std::string_view source{};
  std::string_view section{};
  std::string_view note{};
  CitationSupport support = CitationSupport::text;
};

/// A relation as written, before its kind, ids and dates are checked. Its text is viewed, not
/// copied (FactRecords::text), and its citations are a range of FactRecords::citations: a
/// relation costs no allocation of its own.
struct RelationFields {
  std::string_view kind{};
  std::string_view label{};
  std::string_view from{};
  std::string_view to{};
  std::optional<std::string_view> since{};
  std::optional<std::string_view> until{};
  std::optional<std::string_view> known_by{};
  std::optional<std::string_view> ended_by{};
  std::optional<std::string_view> place{};
  std::optional<double> weight{};
  std::string_view confidence{};
  std::size_t first_citation = 0;  ///< in FactRecords::citations
  std::size_t citation_count = 0;
};

/// Text that records view but that is not in the file as it is (a string with escapes, or any
/// string of a reader that hands text over in a buffer of its own), kept in blocks that never
/// move, so views of it stay valid while it grows.
class TextArena {
 public:
  TextArena() = default;
  TextArena(TextArena&&) noexcept = default;
  TextArena& operator=(TextArena&&) noexcept = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;
  ~TextArena() = default;

  /// A view of a copy of `text` that lives as long as the arena. Amortized O(size of text).
  std::string_view keep(std::string_view text);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;      // of the last block
  std::size_t capacity_ = 0;  // of the last block
};

/// An entity as written; `type` is the text of its "type" member.
struct EntityFields {
  Entity entity;
  std::string type;
  // The exact reader's: gathered while the record is read, moved into `entity` when it closes.
  std::string known_as;
  std::string description;
  std::vector<Citation> sources;
};

/// The records of one file, each with its index in its array (in deques: records are large,
/// and a vector would move them all each time it grows). Members of the wrong JSON type
/// are left empty: the schema verdict says whether a record can be trusted.
struct FactRecords {
  std::optional<std::string> title;
  TextArena text;  // its blocks stay put when the records move
  std::deque<CitationFields> citations;  // of the relations, in order
  std::deque<std::pair<std::size_t, Source>> sources;
  std::deque<std::pair<std::size_t, EntityFields>> entities;
  std::deque<std::pair<std::size_t, RelationFields>> relations;
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
