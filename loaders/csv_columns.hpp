#pragma once
// Which columns of a CSV edge list and node table hold what (`--from-column`, … and a mapping
// file beside the CSV).

#include <string>

namespace cartelgraph {

/// Column names given by the user; an empty name means "find it by its usual header"
/// (README, "CSV in"). A name matches a header cell exactly or, ignoring case, by the part before
/// a Neo4j type suffix (`weight` matches `Weight:double`).
struct CsvColumns {
  std::string from;        ///< edge list: the tie's start (an entity id or name)
  std::string to;          ///< edge list: the tie's end
  std::string kind;        ///< edge list: the relation kind, or a label of its own
  std::string weight;      ///< edge list: a tie strength
  std::string since;       ///< edge list: when the tie began
  std::string until;       ///< edge list: when it ended
  std::string confidence;  ///< edge list: ungraded, alleged, reported or confirmed
  std::string id;          ///< node table: the entity id
  std::string name;        ///< node table: the entity name
  std::string type;        ///< node table: the entity type
};

}  // namespace cartelgraph
