#pragma once
// What the CSV loaders share: a whole table read with its header, header names, and the relation
// checks and graph building for the relations a table gives.
// Internal to the library: not installed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/loaders/csv_reader.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"

namespace cartelgraph::detail {

/// A CSV file read whole: its header and its records, each as long as the header.
struct CsvTable {
  std::string path;
  CsvRow header;
  std::vector<CsvRow> rows;
};

/// Reads `file` into `table`: the first record is the header; a record of another length than
/// the header, an empty file and more than `max_rows` records are problems (`limit` names the
/// option that sets max_rows). False if any problem was found. O(size).
bool read_table(const FactFile& file, std::size_t max_rows, std::string_view limit, CsvTable& table,
                std::vector<Problem>& problems);

/// Adds `row` to `table` (whose path and header are set): a record of another length than the
/// header is a problem; past `max_rows` records, a problem and false (stop reading). O(1).
bool append_row(CsvTable& table, CsvRow row, std::size_t max_rows, std::string_view limit,
                std::vector<Problem>& problems);

/// False, with a problem, if `file` is larger than `limits.max_file_bytes` (for text given
/// without read_fact_file, which checks the size before reading). O(1).
bool within_size(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems);

/// The header line of `table` as written (cells joined by commas), to compare with a known one.
[[nodiscard]] std::string header_line(const CsvTable& table);

/// A header cell's name: lower case, before any Neo4j type (":ID", ":double"), spaces trimmed
/// ("Weight:double" → "weight"; ":START_ID" → "").
[[nodiscard]] std::string column_name(std::string_view header_cell);
/// A header cell's Neo4j type in capitals with its colon, without an id space: ":ID" for
/// "personId:ID", ":START_ID" for ":START_ID(Person)", "" for "weight".
[[nodiscard]] std::string column_tag(std::string_view header_cell);

/// `text` with ASCII letters in lower case ("MEMBER_OF" → "member_of").
[[nodiscard]] std::string lower_ascii(std::string_view text);

/// The number `text` is, if it is all a finite number (strtod also reads "nan" and "inf", which
/// no output format can hold).
[[nodiscard]] std::optional<double> finite_number(const std::string& text);

/// The problem located at `cell`.
[[nodiscard]] Problem problem_at(const std::string& path, const CsvCell& cell, std::string message);

/// The relations of one CSV load, checked by loaders/relation_checks.hpp: each is submitted with
/// the cell its finding should point at (its first), then the set is checked and the graph built.
class CsvRelations final : public RelationReader {
 public:
  /// `problems` and `notes` receive the findings; `ids` are the entities' ids, by number.
  CsvRelations(std::vector<Problem>& problems, std::vector<Problem>& notes, const std::vector<std::string>& ids)
      : problems_(problems), notes_(notes), ids_(ids) {}

  /// Checks `relation` from entity number `from` to `to`, its place (if any) entity `place`,
  /// `types` being the entities' types by number, read at `cell` of `path`; keeps it if it
  /// passes. O(1).
  void submit(const std::string& path, const CsvCell& cell, std::size_t from, std::size_t to,
              std::optional<std::size_t> place, const std::vector<EntityType>& types, Relation relation);
  /// Checks the set (duplicates refused or merged as `provenance` says) and, if no problem was
  /// found at all, adds `entities` and the relations to `graph`. O(r log r + n).
  void finish(std::vector<Entity> entities, Provenance provenance, KnowledgeGraph& graph);

  void problem(std::size_t origin, RelationPart part, std::string message) override;
  void note(std::size_t origin, std::string message) override;
  std::string where(std::size_t origin) override;
  std::string_view entity_id(std::size_t entity) override { return ids_[entity]; }

 private:
  std::vector<Problem>& problems_;
  std::vector<Problem>& notes_;
  const std::vector<std::string>& ids_;
  std::vector<Problem> origins_;  // where each submitted relation was read (message unused)
  std::vector<AcceptedRelation> accepted_;
};

}  // namespace cartelgraph::detail
