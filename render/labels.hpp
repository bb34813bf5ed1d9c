#pragma once
// Facts of the graph in words, shared by the command line, diagrams and the dossier.

#include <string>

#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

/// The relation's dates as text: "2021-03", "2019 to 2020", "? to 2020" or "undated".
[[nodiscard]] std::string date_span(const Relation& relation);

}  // namespace cartelgraph
