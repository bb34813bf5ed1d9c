#pragma once
// The mapping file beside a CSV edge list (`calls.mapping` for `calls.csv`): which columns hold
// what, which node table goes with it, and the defaults for what no column gives.
// Internal to the library: not installed.

#include <optional>
#include <string>
#include <vector>

#include "cartelgraph/loaders/csv_columns.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph::detail {

/// What a mapping file says; what it does not say stays as the command line gave it.
struct CsvMapping {
  CsvColumns columns;
  std::string nodes;  ///< the node table's file, relative to the mapping file; empty for none
  LoadOptions options;
};

/// Reads `file`, one `key = value` a line (blank lines and lines starting with # ignored), over
/// `given` (its columns and defaults). Keys: nodes; from, to, kind, weight, since, until,
/// confidence (edge list columns); id, name, type (node table columns); default-kind,
/// default-type. An unknown key, a line without '=', an unknown kind or type are located
/// problems. O(size).
[[nodiscard]] CsvMapping read_csv_mapping(const FactFile& file, const LoadOptions& given,
                                          std::vector<Problem>& problems);

}  // namespace cartelgraph::detail
