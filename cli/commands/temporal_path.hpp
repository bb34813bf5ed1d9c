#pragma once
// `path A B --time-respecting`: the answer of a time-respecting path search (queries/temporal_paths).

#include <optional>

#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/queries/temporal_paths.hpp"

namespace cartelgraph::cli {

/// What `path --time-respecting` was asked.
struct TemporalPathRequest {
  std::optional<Date> from_date;                // --from-date
  UndatedPolicy undated = UndatedPolicy::skip;  // --undated
  bool directed = false;                        // --directed (not for the people network)
};

/// Searches the time-respecting paths from `from` to `to` in the network --network names
/// (criminal by default; all for every layer) and prints the answer, text or JSON, with the undated policy
/// and its rule. Returns exit_ok, or exit_no_result (saying why on stderr) when there is none.
int answer_temporal_path(const Session& session, Vertex from, Vertex to, const TemporalPathRequest& request);

}  // namespace cartelgraph::cli
