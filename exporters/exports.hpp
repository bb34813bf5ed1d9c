#pragma once
// Exports: the graph in the formats other tools read (GraphML for Gephi, yEd, NetworkX and igraph;
// GEXF with time for Gephi;
// our own JSON fact format; CSV and Cypher for Neo4j).

#include <string>

#include "cartelgraph/graph/view.hpp"

namespace cartelgraph {

/// The entities and relations of `view` and every source, as one fact file in canonical form:
/// keys in schema order, sources and entities sorted by id, relations by (from, to, kind, since,
/// until, known_by, place), two-space indentation; a citation's support left out when it is text. `cartelgraph --data` loads it back. O((V + E) log(V + E)).
[[nodiscard]] std::string export_json(const GraphView& view);

/// GraphML keeping every attribute: node id = entity id; node data type, name, known_as, aliases
/// (a JSON array), description, sources (JSON, as in fact files: support left out when text),
/// storyline; edge data kind, since, until, known_by, place, weight, confidence, sources (JSON),
/// storyline; graph data sources (the source records, JSON).
[[nodiscard]] std::string export_graphml(const GraphView& view);

/// GEXF 1.3 for Gephi, with time: node id = entity id, label = name, node attributes type,
/// known_as, aliases (a JSON array), description, sources (JSON, as in GraphML), storyline; edge
/// `kind`, `label` (an imported tie's own kind) and `weight` as GEXF's own, `type` undirected for
/// symmetric kinds; each dated relation one spell (timeformat date) from since's first day to
/// until's (or ended_by's) last day, the attributes start_precision and end_precision keeping
/// year, month or day, end_is "ended_by" marking an ended_by end, known_by as an attribute (the
/// spell has no start); edge attributes confidence, place, sources, storyline; the source
/// records as JSON in the meta description. `--data` reads it back to the same graph.
/// O((V + E) log(V + E)).
[[nodiscard]] std::string export_gexf(const GraphView& view);

/// The two files of `neo4j-admin database import`.
struct CsvExport {
  std::string nodes;  // nodes.csv: id:ID, name, type, aliases:string[], known_as, description, storyline, :LABEL
  std::string relationships;  // relationships.csv: :START_ID, :END_ID, :TYPE, since, until, known_by, place, weight,
                              // confidence, sources
};

/// CSV with Neo4j's import headers; arrays are ';'-separated, every text field quoted. A text
/// field that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage
/// return) starts with ' instead (OWASP's advice on CSV injection); the weight, a number, is left
/// as it is. Node labels are `Entity` and the type (`Entity;Person`); relationship types are the
/// kind in capitals.
[[nodiscard]] CsvExport export_csv(const GraphView& view);

/// A Cypher script: a uniqueness constraint, one CREATE per entity and one MATCH … CREATE per
/// relation. Strings are escaped literals; labels and types come from the closed vocabulary only.
[[nodiscard]] std::string export_cypher(const GraphView& view);

/// FollowTheMoney entity JSON lines, mapped as the README's FtM table says: sources as Documents,
/// entities, relations as intervals, what FtM cannot say in `summary`. O((V + E) log(V + E)).
[[nodiscard]] std::string export_ftm(const GraphView& view);

}  // namespace cartelgraph
