#pragma once
// Exports: the graph in the formats other tools read (GraphML for Gephi, yEd, NetworkX and igraph;
// GEXF with time for Gephi;
// our own JSON fact format; CSV and Cypher for Neo4j).

#include <span>
#include <string>

#include "cartelgraph/graph/view.hpp"
#include "cartelgraph/queries/node_results.hpp"

namespace cartelgraph {

/// The entities and relations of `view` and every source, as one fact file in canonical form:
/// keys in schema order, sources and entities sorted by id, relations by (from, to, kind, since,
/// until, known_by, place), two-space indentation; a citation's support left out when it is text. `cartelgraph --data` loads it back. O((V + E) log(V + E)).
[[nodiscard]] std::string export_json(const GraphView& view);

/// GraphML keeping every attribute: node id = entity id; node data type, name, known_as, aliases
/// (a JSON array), description, sources (JSON, as in fact files: support left out when text),
/// storyline; edge data kind, since, until, known_by, place, weight, confidence, sources (JSON),
/// storyline; graph data sources (the source records, JSON). Each of `columns` (export --with)
/// is one more node key of its own name, a double or a string.
[[nodiscard]] std::string export_graphml(const GraphView& view, std::span<const NodeColumn> columns = {});

/// GEXF 1.3 for Gephi, with time: node id = entity id, label = name, node attributes type,
/// known_as, aliases (a JSON array), description, sources (JSON, as in GraphML), storyline; edge
/// `kind`, `label` (an imported tie's own kind) and `weight` as GEXF's own, `type` undirected for
/// symmetric kinds; each dated relation one spell (timeformat date) from since's first day to
/// until's (or ended_by's) last day, the attributes start_precision and end_precision keeping
/// year, month or day, end_is "ended_by" marking an ended_by end, known_by as an attribute (the
/// spell has no start); edge attributes confidence, place, sources, storyline; the source
/// records as JSON in the meta description. `--data` reads it back to the same graph. Each of
/// `columns` (export --with) is one more node attribute of its own name, double or string.
/// O((V + E) log(V + E)).
[[nodiscard]] std::string export_gexf(const GraphView& view, std::span<const NodeColumn> columns = {});

/// The four tables of a CSV export. nodes.csv and relationships.csv are the two files of
/// `neo4j-admin database import`; sources.csv and citations.csv hold the rest, so that
/// `cartelgraph --data DIR` reads the export back unchanged.
struct CsvExport {
  std::string sources;  // sources.csv: id, title, author, publisher, published, url, document, confidential
  std::string nodes;    // nodes.csv: id:ID, name, type, aliases:string[], known_as, description, storyline, :LABEL
  std::string relationships;  // relationships.csv: :START_ID, :END_ID, :TYPE, id, label, since, until, known_by,
                              // ended_by, place, weight:double, confidence, storyline
  std::string citations;      // citations.csv: entity, relationship (the id of one), source, section, support, note
};

/// Every field of every source, entity, relation and citation as CSV with Neo4j's import
/// headers, every text cell quoted (RFC 4180). Lists (aliases) are ';'-separated with ';' and
/// '\' inside an item escaped by '\'. The formula guard is reversible: a text cell starting
/// with = + - @, a tab, a carriage return (OWASP's advice on CSV injection) or ' gets a leading
/// ', which the reader removes; the weight, a number, is left as it is. Node labels are
/// `Entity` and the type (`Entity;Person`); relationship types are the kind in capitals, an
/// imported kind's own text in `label`; relationships are numbered r1, r2, … in `id`, which
/// citations refer to. Each of `columns` (export --with) is one more column of nodes.csv, after
/// the others, `NAME:double` or `NAME` (empty where the analysis gives the entity no value),
/// which `--data` ignores when it reads the export back. O((V + E) log(V + E)).
[[nodiscard]] CsvExport export_csv(const GraphView& view, std::span<const NodeColumn> columns = {});

/// A Cypher script: a uniqueness constraint, one CREATE per entity and one MATCH … CREATE per
/// relation. Strings are escaped literals; labels and types come from the closed vocabulary only.
[[nodiscard]] std::string export_cypher(const GraphView& view);

/// FollowTheMoney entity JSON lines, mapped as the README's FtM table says: sources as Documents,
/// entities, relations as intervals, what FtM cannot say in `summary`. O((V + E) log(V + E)).
[[nodiscard]] std::string export_ftm(const GraphView& view);

}  // namespace cartelgraph
