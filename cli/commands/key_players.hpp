#pragma once
// disrupt --key-players: the set of k entities whose removal most fragments the network, or that
// reaches the most others (queries/key_players.hpp), answered with each member's cited ties.

#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/queries/key_players.hpp"

namespace cartelgraph::cli {

/// Finds the key player set of `k` entities of the session's network and prints it (text or
/// JSON, as the session says). Returns exit_ok.
int answer_key_players(const Session& session, std::size_t k, const KeyPlayerOptions& options);

}  // namespace cartelgraph::cli
