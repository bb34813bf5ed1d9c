#pragma once
// The graph an XML importer (GraphML, GEXF) has read, before it is checked and built: nodes and
// edges carrying named values, each located. One builder turns it into the model for both
// formats, so both read the same attribute names the same way. Internal to the library: not
// installed.

#include <map>
#include <string>
#include <vector>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"
#include "cartelgraph/loaders/xml_reader.hpp"

namespace cartelgraph::detail {

/// One value of a node, an edge or the graph.
struct XmlDatum {
  std::string key;  ///< the declared attribute it belongs to (XmlGraph::keys); unused when `name` is set
  std::string value;
  XmlPosition at;
  std::string name;  ///< the attribute name itself, for a value the format carries natively (GEXF's label)
};

/// A node or an edge.
struct XmlElement {
  std::string id;  ///< node id, or edge id
  std::string source;
  std::string target;
  XmlPosition at;
  std::vector<XmlDatum> data;
};

/// A declared attribute: GraphML's <key>, GEXF's <attribute>.
struct XmlKey {
  std::string domain;  ///< node, edge, graph, all
  std::string name;    ///< the attribute's name (GraphML attr.name, GEXF title)
  std::string default_value;
};

/// A whole document as read.
struct XmlGraph {
  std::map<std::string, XmlKey> keys;
  std::vector<XmlElement> nodes;
  std::vector<XmlElement> edges;
  std::vector<XmlDatum> graph_data;  ///< `sources`: the source records as JSON
};

/// How a format's values are taken, beyond the load options.
struct XmlGraphPolicy {
  Provenance provenance = Provenance::imported;
  Confidence default_confidence = Confidence::ungraded;  ///< of an edge without `confidence`
};

/// Builds the model from `document`: attributes named as cartelgraph writes them (node: type,
/// name, label, known_as, aliases, description, sources, storyline; edge: kind, label, since,
/// until, known_by, ended_by, place, weight, confidence, sources, storyline) map onto entities
/// and relations; others are ignored. A node without `name` takes its `label`, else its id. An
/// imported edge whose kind is not in the vocabulary keeps it as its label and is analysed as
/// the default kind; in our own model it is a problem. Every problem goes to result.problems
/// located in `file`, notes (merged ties) to result.notes; result.graph is set only if there is
/// no problem. O((V + E) log(V + E)).
void build_xml_graph(const FactFile& file, const XmlGraph& document, const LoadOptions& options,
                     const XmlGraphPolicy& policy, LoadResult& result);

}  // namespace cartelgraph::detail
