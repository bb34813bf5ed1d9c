#pragma once
// The fast reader of a fact file: one pass of simdjson's On-Demand parser in which every value is
// read and checked against the schema's rules (loaders/fact_schema.hpp), every object's members
// are checked for repeats, and each record's offset is kept. It says only whether a file is clean:
// a file with anything to report (syntax, schema, a repeated member, a byte-order mark, a NUL) is
// read again by read_fact_records (loaders/fact_records.hpp), which locates and words every problem
// as the loader always has. No regex engine, no DOM, one allocation per string longer than the
// small-string buffer.

#include <cstddef>
#include <memory>
#include <optional>

#include "cartelgraph/loaders/fact_records.hpp"

namespace cartelgraph::detail {

/// Reads fact files one after the other, reusing its parser's buffers. One per thread.
class FactScanner {
 public:
  /// Bytes a file's text should have allocated past its end (std::string::capacity) to be parsed
  /// where it is; a file without them is copied first.
  static constexpr std::size_t padding = 64;

  FactScanner();
  ~FactScanner();
  FactScanner(const FactScanner&) = delete;
  FactScanner& operator=(const FactScanner&) = delete;

  /// The records of `file` (`scanned`, with record_offsets), or nullopt when the file is not
  /// clean by the rules of seeds/schema.json. Counts nothing against any limit. O(size of file).
  [[nodiscard]] std::optional<ReadFacts> scan(const FactFile& file);

 private:
  struct Parser;
  std::unique_ptr<Parser> parser_;
};

}  // namespace cartelgraph::detail
