#pragma once
// What makes a picture citable: the view it shows, the documents behind it, the data it was
// drawn from and the day it was drawn.

#include <span>
#include <string>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph {

/// The lines under a picture besides its title and legend; an empty field is left out.
struct Caption {
  std::string view;      // what it shows: "as of 2021-03 · reported or surer · criminal network"
  std::string data;      // what it was drawn from: "built-in facts (sources to 2023-08)"
  std::string drawn_on;  // the day it was drawn, ISO
};

/// "Sources: Title (Outlet, 2022); Title (Author, 2020)": the documents the relations and
/// entities cite, most cited first, cut at about `max_chars` characters with "and N more"; "" when
/// nothing is cited. A document not among the graph's sources is named by its id. O(citations).
[[nodiscard]] std::string source_credit(const KnowledgeGraph& graph, std::span<const Edge> relations,
                                        std::span<const Vertex> entities, std::size_t max_chars = 120);

/// Today (UTC) as YYYY-MM-DD, or the day of SOURCE_DATE_EPOCH (seconds since 1970, the
/// reproducible-builds convention) when that is set to a number: tests and examples draw the
/// same picture every day.
[[nodiscard]] std::string drawing_date();

/// "built-in facts, sources to 2023-08-12": the built-in data, dated by its latest source.
[[nodiscard]] std::string builtin_data_note(const KnowledgeGraph& graph);

}  // namespace cartelgraph
